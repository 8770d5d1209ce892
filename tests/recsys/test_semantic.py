"""The semantic layer: embedding cache, chroma item index (and its memory fallback), retrieval.

Fast tests use ``HashEncoder``, a deterministic stand-in (a text's vector is seeded by its
hash, so equal texts get equal vectors and different texts nearly orthogonal ones). Tests
with the real MiniLM model are marked ``data`` and run only with ``CRS_TEST_DATA=1``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time

import numpy as np
import pytest

from lab import evaluate_retrieval as retrieval_eval
from recsys import semantic, vector_store
from recsys.catalog import build_catalog
from recsys.retrieval import KeywordMatcher, SemanticRetriever, keyword_retrieve
from recsys.semantic import Encoder, embedding_cache_path, item_embeddings, l2_normalise, text_embeddings
from recsys.vector_store import ItemIndex, matches, where_for

# conftest skips ``data`` tests without CRS_TEST_DATA=1; the skipif keeps that true on its own
data_only = pytest.mark.skipif(os.environ.get("CRS_TEST_DATA") != "1", reason="needs data: set CRS_TEST_DATA=1")


class HashEncoder:
    key = "fake-hash-v1"
    dim = 16

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts, batch_size=64, progress=False) -> np.ndarray:
        self.calls += 1
        rows = [np.random.default_rng(int.from_bytes(hashlib.sha256(t.encode()).digest()[:8], "little"))
                .normal(size=self.dim) for t in texts]
        return l2_normalise(np.array(rows, dtype=np.float32).reshape(len(texts), self.dim))


GENRES = ["Comedy", "Horror", "Drama", "Sci-Fi", "Animation", "Children's"]


@pytest.fixture
def catalog():
    """12 films: genres cycle through GENRES (film k also has GENRES[(k + 2) % 6] when k is
    even), years 1984..1995 (so 1980s and 1990s), directors "Ann Lee" / "Bo Kim" alternate;
    user u0 rated everything, u1 only the first four films (popularity 2 for those)."""
    items = [(f"m{k}", f"Film {k}", 1984 + k) for k in range(12)]
    attrs = []
    for k in range(12):
        attrs.append((f"m{k}", "genre", GENRES[k % 6]))
        if k % 2 == 0:
            attrs.append((f"m{k}", "genre", GENRES[(k + 2) % 6]))
        attrs.append((f"m{k}", "decade", f"{(1984 + k) // 10 * 10}s"))
        attrs.append((f"m{k}", "director", "Ann Lee" if k % 2 else "Bo Kim"))
    users = ["u0"] * 12 + ["u1"] * 4
    its = [f"m{k}" for k in range(12)] + [f"m{k}" for k in range(4)]
    inter = (users, its, np.full(16, 4.0), np.zeros(16), None)
    return build_catalog("tiny-sem", items, attrs, {}, inter, attr_types=("genre", "decade", "director"))


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CRS_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def has(catalog, item, t, v) -> bool:
    return (t, v) in catalog.attributes_of(int(item))


# --- encoder wrapper and embedding cache ---------------------------------------------------

class SlowModel:
    """A fake sentence-transformers model that fails if two threads enter it at once."""

    def __init__(self):
        self.inside = 0
        self.overlap = False

    def get_embedding_dimension(self):
        return 3

    def encode(self, batch, **kwargs):
        self.inside += 1
        self.overlap |= self.inside > 1
        time.sleep(0.001)
        self.inside -= 1
        return np.array([[len(t), 1.0, 0.0] for t in batch], dtype=np.float32)


def test_encoder_normalises_batches_and_serialises_threads():
    model = SlowModel()
    enc = Encoder(model, key="slow")
    out = enc.encode(["a", "bbb", "cc"], batch_size=2)
    assert out.shape == (3, 3) and out.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, rtol=1e-6)
    assert enc.encode([]).shape == (0, 3)
    threads = [threading.Thread(target=enc.encode, args=(["x"] * 20,), kwargs={"batch_size": 1}) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not model.overlap
    with pytest.raises(TypeError):
        enc.encode("not a list")


def test_embedding_cache_written_once_then_reused(catalog):
    enc = HashEncoder()
    first = item_embeddings(catalog, enc)
    assert first.shape == (12, 16) and first.dtype == np.float32
    path = embedding_cache_path(catalog, enc.key)
    assert path.exists() and enc.calls == 1
    again = item_embeddings(catalog, enc)
    assert enc.calls == 1
    np.testing.assert_array_equal(first, again)
    assert not list(path.parent.glob("*.tmp"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong-shape"])
def test_bad_embedding_cache_is_rebuilt(catalog, caplog, damage):
    enc = HashEncoder()
    good = item_embeddings(catalog, enc)
    path = embedding_cache_path(catalog, enc.key)
    if damage == "garbage":
        path.write_bytes(b"not a numpy file at all")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    else:
        np.save(path, np.zeros((5, 16), dtype=np.float32))
    rebuilt = item_embeddings(catalog, enc)
    assert enc.calls == 2
    np.testing.assert_array_equal(rebuilt, good)
    assert "rebuilding" in caplog.text
    assert np.load(path).shape == (12, 16)


def test_fixed_texts_are_encoded_once_then_read_from_disk(data_dir):
    enc, texts = HashEncoder(), ["was riveting", "was a muddle", "hits every note"]
    first = text_embeddings(enc, texts)
    np.testing.assert_array_equal(first, enc.encode(texts))
    assert enc.calls == 2  # (one of them the check above)
    np.testing.assert_array_equal(text_embeddings(enc, texts), first)
    assert enc.calls == 2
    other = text_embeddings(enc, texts[:2])  # other texts: another file, encoded anew
    assert enc.calls == 3 and other.shape == (2, 16)
    (path,) = [p for p in (data_dir / "cache").glob("texts-*.npy") if np.load(p).shape == (3, 16)]
    path.write_bytes(b"garbage")  # a damaged file is encoded again
    np.testing.assert_array_equal(text_embeddings(enc, texts), first)
    assert enc.calls == 4


def test_valid_cache_does_not_load_the_model(catalog, monkeypatch):
    cached = l2_normalise(np.random.default_rng(0).normal(size=(12, semantic.EMBED_DIM)))
    path = embedding_cache_path(catalog)
    path.parent.mkdir(parents=True)
    np.save(path, cached)
    monkeypatch.setattr(semantic, "load_encoder", lambda: pytest.fail("model loaded despite a valid cache"))
    np.testing.assert_array_equal(item_embeddings(catalog), cached)


# --- item index ------------------------------------------------------------------------------

@pytest.fixture
def emb(catalog):
    return item_embeddings(catalog, HashEncoder())


def open_index(catalog, emb, path, **kw):
    return ItemIndex.open(catalog, emb, path=path, model_key=HashEncoder.key, **kw)


def test_index_returns_the_nearest_item_first(catalog, emb, tmp_path):
    index = open_index(catalog, emb, tmp_path / "chroma")
    assert index.backend == "chromadb"
    for i in range(catalog.n_items):
        items, sims = index.search(emb[i], 3)
        assert items[0] == i and sims[0] == pytest.approx(1.0, abs=1e-4)
        assert np.all(np.diff(sims) <= 1e-6)
    assert len(index.search(emb[0], 100)[0]) == 12
    assert len(index.search(emb[0], 0)[0]) == 0
    index.close()


def test_where_filters_by_genre_decade_and_director(catalog, emb, tmp_path):
    index = open_index(catalog, emb, tmp_path / "chroma")
    memory = open_index(catalog, emb, None, backend="memory")
    cases = [
        ({"genre": ["Horror"]}, lambda i: has(catalog, i, "genre", "Horror")),
        ({"decade": ["1980s"]}, lambda i: catalog.years[i] < 1990),
        ({"genre": ["Comedy"], "decade": ["1990s"]},
         lambda i: has(catalog, i, "genre", "Comedy") and catalog.years[i] >= 1990),
        ({"genre": ["Comedy", "Drama"]},
         lambda i: has(catalog, i, "genre", "Comedy") and has(catalog, i, "genre", "Drama")),
        ({"director": ["Ann Lee"]}, lambda i: i % 2 == 1),
    ]
    for filters, ok in cases:
        want = {i for i in range(12) if ok(i)}
        assert want, filters
        for idx in (index, memory):
            items, _ = idx.search(emb[5], 50, where=where_for(filters))
            assert set(items.tolist()) == want, (filters, idx.backend)
    any_of = where_for({"genre": ["Comedy", "Drama"]}, any_of=True)
    items, _ = index.search(emb[0], 50, where=any_of)
    either = {i for i in range(12) if has(catalog, i, "genre", "Comedy") or has(catalog, i, "genre", "Drama")}
    assert set(items.tolist()) == either
    index.close()


def test_where_for_and_matches():
    assert where_for(None) is None and where_for({"genre": []}) is None
    assert where_for({"genre": ["Horror"]}) == {"genre:Horror": True}
    assert where_for({"decade": ["1980s", "1990s"]}) == {"decade": {"$in": ["1980s", "1990s"]}}
    with pytest.raises(ValueError, match="cast"):
        where_for({"cast": ["Tom Hanks"]})
    meta = {"item": 1, "year": 1985, "decade": "1980s", "genre:Horror": True}
    assert matches(meta, {"$and": [{"genre:Horror": True}, {"decade": {"$in": ["1980s"]}}]})
    assert not matches(meta, {"genre:Comedy": True})
    assert matches(meta, {"genre:Comedy": {"$ne": True}})  # a missing key is "not equal", as in chromadb
    assert matches(meta, {"year": {"$lt": 1990}}) and not matches(meta, {"item": True})


def test_memory_fallback_gives_the_same_top_result(catalog, emb, tmp_path):
    index = open_index(catalog, emb, tmp_path / "chroma")
    memory = open_index(catalog, emb, None, backend="memory")
    rng = np.random.default_rng(3)
    for _ in range(10):
        q = l2_normalise(rng.normal(size=16))
        a, sa = index.search(q, 5)
        b, sb = memory.search(q, 5)
        assert a[0] == b[0]
        np.testing.assert_allclose(sa, sb, atol=1e-5)
    index.close()


def test_chromadb_failure_falls_back_to_memory(catalog, emb, tmp_path, monkeypatch, caplog):
    def broken(path):
        raise RuntimeError("chromadb is broken here")

    monkeypatch.setattr(vector_store, "_client", broken)
    index = open_index(catalog, emb, tmp_path / "chroma")
    assert index.backend == "memory"
    assert "in-memory" in caplog.text
    assert index.search(emb[7], 1)[0][0] == 7


@pytest.mark.parametrize("damage", ["garbage-sqlite", "garbage-segment", "stray-files", "file-not-dir"])
def test_corrupted_store_is_rebuilt(catalog, emb, tmp_path, data_dir, caplog, damage):
    # a folder this module created (marker file) or, for the stray file, the default place
    arg = None if damage == "file-not-dir" else tmp_path / "chroma"
    path = arg or data_dir / "chroma"
    open_index(catalog, emb, arg).close()
    if damage == "garbage-sqlite":
        (path / "chroma.sqlite3").write_bytes(os.urandom(4096))
    elif damage == "garbage-segment":
        for f in path.glob("*/*"):
            f.write_bytes(os.urandom(300))
    elif damage == "stray-files":
        (path / "junk.bin").write_bytes(os.urandom(100))
        (path / "chroma.sqlite3").write_bytes(b"")
    else:
        import shutil

        shutil.rmtree(path)
        path.write_bytes(b"oops")
    caplog.clear()
    index = open_index(catalog, emb, arg)
    assert index.backend == "chromadb", caplog.text
    assert index.search(emb[4], 1)[0][0] == 4
    index.close()


def test_unreadable_hnsw_files_are_rebuilt(tmp_path, caplog):
    # chromadb writes HNSW files only past its sync threshold (1,000 vectors), so a bigger catalog
    n = 1200
    items = [(f"i{k}", f"Item {k}", 1990) for k in range(n)]
    big = build_catalog("big", items, [(f"i{k}", "genre", "Drama") for k in range(n)], {},
                        (["u"] * n, [f"i{k}" for k in range(n)], np.ones(n), np.zeros(n), None))
    emb = l2_normalise(np.random.default_rng(1).normal(size=(n, 8)))
    path = tmp_path / "chroma"
    open_index(big, emb, path).close()
    segment_files = [f for f in path.glob("*/*.bin") if f.stat().st_size > 0]
    assert segment_files
    for f in segment_files:
        f.write_bytes(os.urandom(300))
    index = open_index(big, emb, path)
    assert index.backend == "chromadb" and "rebuilding" in caplog.text
    assert index.search(emb[777], 1)[0][0] == 777
    index.close()


def test_store_for_other_embeddings_is_rebuilt(catalog, emb, tmp_path, caplog):
    path = tmp_path / "chroma"
    open_index(catalog, emb, path).close()
    other = emb[::-1].copy()
    index = open_index(catalog, other, path)
    assert "rebuilding" in caplog.text
    assert index.search(other[2], 1)[0][0] == 2
    index.close()
    caplog.clear()
    index = open_index(catalog, other, path)  # now up to date: no rebuild
    assert "rebuilding" not in caplog.text
    index.close()


def test_missing_chromadb_falls_back_without_touching_the_store(catalog, emb, tmp_path, monkeypatch):
    path = tmp_path / "chroma"
    open_index(catalog, emb, path).close()
    before = sorted(p.name for p in path.iterdir())
    monkeypatch.setitem(sys.modules, "chromadb", None)  # import chromadb now raises ImportError
    index = open_index(catalog, emb, path)
    assert index.backend == "memory" and index.search(emb[3], 1)[0][0] == 3
    assert sorted(p.name for p in path.iterdir()) == before


def test_a_foreign_folder_is_never_deleted(catalog, emb, tmp_path):
    folder = tmp_path / "precious"
    folder.mkdir()
    (folder / "chroma.sqlite3").write_bytes(b"garbage that chromadb cannot open")
    index = open_index(catalog, emb, folder)
    assert index.backend == "memory"
    assert (folder / "chroma.sqlite3").read_bytes().startswith(b"garbage")


# --- retrieval -------------------------------------------------------------------------------

def test_keyword_matcher_knows_synonyms_and_decades(catalog):
    m = KeywordMatcher(catalog)
    assert set(m.parse("something scary from the 80s")) == {("genre", "Horror"), ("decade", "1980s")}
    assert set(m.parse("a funny cartoon for kids")) == {("genre", "Comedy"), ("genre", "Animation"),
                                                         ("genre", "Children's")}
    assert m.parse("SCI FI from the nineties") == [("genre", "Sci-Fi"), ("decade", "1990s")]
    assert m.parse("a 1980s sci-fi by Ann Lee") == [("genre", "Sci-Fi"), ("decade", "1980s"), ("director", "Ann Lee")]
    assert m.parse("the 70s") == []  # no 1970s film in this catalog
    assert m.parse("nothing known here") == []


def test_keyword_retrieve_ranks_by_matches_then_popularity(catalog):
    pop = catalog.item_popularity()  # films 0-3 have 2 ratings, the rest 1
    items, scores = keyword_retrieve(catalog, "a scary film from the 1980s", 12, pop)
    horror80 = [i for i in range(12) if has(catalog, i, "genre", "Horror") and catalog.years[i] < 1990]
    assert sorted(items[: len(horror80)].tolist()) == sorted(horror80)
    assert np.all(np.diff(scores) <= 0)
    items, _ = keyword_retrieve(catalog, "no idea", 4, pop)
    assert sorted(items.tolist()) == [0, 1, 2, 3]  # nothing named: the most popular


def test_semantic_retriever_finds_the_described_item(catalog, emb):
    enc = HashEncoder()
    index = ItemIndex.open(catalog, emb, backend="memory")
    r = SemanticRetriever(catalog, enc, index)
    items, _ = r.retrieve(catalog.texts[6], 3)
    assert items[0] == 6
    items, _ = r.retrieve(catalog.texts[6], 3, filters={"decade": ["1980s"]})
    assert 6 not in items and all(catalog.years[i] < 1990 for i in items)
    items, _ = r.hybrid_retrieve("horror", 12, keyword_bonus=3.0)
    horror = {i for i in range(12) if has(catalog, i, "genre", "Horror")}
    assert set(items[: len(horror)].tolist()) == horror


def test_retrieval_eval_precision_by_hand(catalog, emb, tmp_path):
    all_ok, any_ok = retrieval_eval.relevance(catalog, {"genre": ["Horror"], "decade": ["1980s"]})
    assert all_ok.tolist() == [has(catalog, i, "genre", "Horror") and catalog.years[i] < 1990 for i in range(12)]
    assert retrieval_eval.precision(np.array([1, 2, 3]), np.array([False, True, True, False] + [False] * 8)) == 0.2
    qfile = tmp_path / "q.json"
    qfile.write_text(json.dumps({"queries": [{"query": "scary 80s", "expected": {"genre": ["Horror"]}}]}))
    queries = retrieval_eval.load_queries(qfile, catalog)
    out = retrieval_eval.evaluate(catalog, queries, SemanticRetriever(catalog, HashEncoder(),
                                                                     ItemIndex.open(catalog, emb, backend="memory")))
    n_horror = sum(has(catalog, i, "genre", "Horror") for i in range(12))
    assert out["results"]["keyword"]["P@10_all"] == pytest.approx(n_horror / 10)
    assert out["results"]["oracle"]["P@10_all"] == pytest.approx(n_horror / 10)
    qfile.write_text(json.dumps({"queries": [{"query": "x", "expected": {"genre": ["Western"]}}]}))
    with pytest.raises(ValueError, match="Western"):
        retrieval_eval.load_queries(qfile, catalog)


def test_committed_queries_are_well_formed():
    queries = json.loads(retrieval_eval.DEFAULT_QUERIES.read_text())["queries"]
    assert len(queries) >= 30
    assert all(q["query"] and q["expected"] for q in queries)


# --- with the real model and MovieLens 100K ----------------------------------------------------

@pytest.fixture(scope="module")
def ml100k(tmp_path_factory):
    """(catalog, encoder, retriever) on ML-100K in a module-wide temporary data dir."""
    mp = pytest.MonkeyPatch()
    mp.setenv("CRS_DATA_DIR", str(tmp_path_factory.mktemp("ml100k-data")))
    try:
        from recsys.datasets import load_dataset
        from recsys.retrieval import load_retriever

        catalog = load_dataset("movielens-100k")
        retriever = load_retriever(catalog)
        yield catalog, retriever
        retriever.index.close()
    finally:
        mp.undo()


@pytest.mark.data
@data_only
def test_minilm_encoder_is_normalised_and_meaningful(ml100k):
    _, retriever = ml100k
    v = retriever.encoder.encode(["a scary horror film", "a frightening horror movie", "a tax form"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, rtol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


@pytest.mark.data
@data_only
def test_minilm_matches_the_sentence_transformers_pipeline(ml100k):
    """Our transformers-only pipeline gives sentence-transformers' vectors (installed for tests)."""
    from sentence_transformers import SentenceTransformer

    from recsys import assets
    from recsys.semantic import MODEL_ASSET, MODEL_PREFIX

    catalog, retriever = ml100k
    texts = catalog.texts[:64] + ["something cozy for a rainy day", "word " * 400]  # the last one is truncated
    ours = retriever.encoder.encode(texts)
    st = SentenceTransformer(str(assets.extract_tree(MODEL_ASSET, MODEL_PREFIX)), device="cpu")
    ref = st.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    np.testing.assert_allclose(ours, ref, atol=1e-5)


@pytest.mark.data
@data_only
def test_crime_thriller_query_finds_a_crime_or_thriller_film(ml100k):
    catalog, retriever = ml100k
    assert retriever.index.backend == "chromadb"
    items, sims = retriever.retrieve("a tense crime thriller", 10)
    top = set(catalog.values_of(int(items[0]), "genre"))
    assert top & {"Crime", "Thriller"}, catalog.titles[items[0]]
    items, _ = retriever.retrieve("a tense crime thriller", 10, filters={"decade": ["1980s"]})
    assert all(catalog.values_of(int(i), "decade") == ["1980s"] for i in items)


@pytest.mark.data
@data_only
def test_hybrid_honours_named_genre_and_decade(ml100k):
    catalog, retriever = ml100k
    items, _ = retriever.hybrid_retrieve("something scary from the 80s", 5, keyword_bonus=3.0)
    for i in items:
        assert "Horror" in catalog.values_of(int(i), "genre") and catalog.values_of(int(i), "decade") == ["1980s"]
