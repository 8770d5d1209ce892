"""The item index on a real Chroma server (``CRS_CHROMA_URL``), started by the fixture on a
free loopback port: the same neighbours and filters as the embedded store, a collection
reused across opens, only our own collections touched, and one-line errors naming the setting
for a server that is malformed or does not answer (no fallback to memory).

Skipped when ``chroma run`` cannot start here, failed instead under ``CRS_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
from services import unavailable
from test_semantic import HashEncoder, catalog, emb  # noqa: F401  (fixtures, shared)

from recsys import vector_store
from recsys.semantic import l2_normalise
from recsys.vector_store import ChromaServerError, ItemIndex, where_for
from reliability.app_process import free_port
from reliability.chroma_server import ChromaServer


def start_server() -> ChromaServer:
    """A running ``chroma run`` (close it after), or the test skipped / failed via ``unavailable``."""
    try:
        return ChromaServer(timeout=30).__enter__()
    except Exception as exc:  # no executable, a crash at start, no heartbeat: the log tail says why
        why = f"{type(exc).__name__}: {' '.join(str(exc).split())[-400:]}"
    unavailable("Chroma server", why)


@pytest.fixture(scope="module")
def server():
    chroma = start_server()
    yield chroma
    chroma.close()


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("CRS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CRS_CHROMA_URL", raising=False)


def open_index(catalog, emb, url, **kw):  # noqa: F811
    return ItemIndex.open(catalog, emb, model_key=HashEncoder.key, url=url, **kw)


def client_for(server):
    return vector_store._server_client(server.url)


def names(server) -> set[str]:
    return {c.name for c in client_for(server).list_collections()}


def test_server_index_finds_what_the_embedded_one_finds(server, catalog, emb, tmp_path):  # noqa: F811
    remote = open_index(catalog, emb, server.url)
    local = open_index(catalog, emb, "", path=tmp_path / "chroma")
    assert (remote.backend, local.backend) == ("chroma-server", "chromadb")
    queries = np.vstack([emb, l2_normalise(np.random.default_rng(5).normal(size=(10, HashEncoder.dim)))])
    for q in queries:
        a, sa = remote.search(q, 5)
        b, sb = local.search(q, 5)
        np.testing.assert_array_equal(a, b)
        np.testing.assert_allclose(sa, sb, atol=1e-5)
    assert remote.search(emb[7], 1)[0][0] == 7
    remote.close()
    local.close()


def test_where_filters_work_through_the_server(server, catalog, emb):  # noqa: F811
    remote = open_index(catalog, emb, server.url)
    memory = open_index(catalog, emb, None, backend="memory")
    for filters, any_of in [({"genre": ["Horror"]}, False), ({"decade": ["1980s"]}, False),
                            ({"genre": ["Comedy"], "decade": ["1990s"]}, False),
                            ({"genre": ["Comedy", "Drama"]}, False), ({"genre": ["Comedy", "Drama"]}, True),
                            ({"director": ["Ann Lee"]}, False)]:
        where = where_for(filters, any_of=any_of)
        got, _ = remote.search(emb[5], 50, where=where)
        want, _ = memory.search(emb[5], 50, where=where)
        assert len(want) > 0 and set(got.tolist()) == set(want.tolist()), filters
    remote.close()


def test_a_second_open_reuses_the_collection_and_new_vectors_rebuild_it(server, catalog, emb, caplog):  # noqa: F811
    first = open_index(catalog, emb, server.url)
    collection_id = first._collection.id
    first.close()
    caplog.clear()
    again = open_index(catalog, emb, server.url)
    assert again._collection.id == collection_id and "rebuilding" not in caplog.text
    again.close()
    other = emb[::-1].copy()
    rebuilt = open_index(catalog, other, server.url)
    assert "rebuilding" in caplog.text and rebuilt._collection.id != collection_id
    assert rebuilt.search(other[2], 1)[0][0] == 2
    rebuilt.close()
    assert not [n for n in names(server) if "-build-" in n]  # no temporary collection left


def test_only_our_own_collection_is_ever_dropped(server, catalog, emb):  # noqa: F811
    client = client_for(server)
    client.get_or_create_collection("someone-elses", embedding_function=None).add(
        ids=["x"], embeddings=np.ones((1, 3), dtype=np.float32))
    open_index(catalog, emb, server.url).close()
    open_index(catalog, emb[::-1].copy(), server.url).close()  # a rebuild
    assert client.get_collection("someone-elses", embedding_function=None).count() == 1
    client.delete_collection("someone-elses")


def test_the_url_can_come_from_the_environment(server, catalog, emb, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CRS_CHROMA_URL", server.url + "/")
    index = open_index(catalog, emb, None)
    assert index.backend == "chroma-server" and index.search(emb[3], 1)[0][0] == 3
    index.close()


def test_processes_building_at_once_end_with_one_whole_collection(server, catalog, emb):  # noqa: F811
    # two clients racing through the build (as two app processes would; ItemIndex.open's lock
    # only serialises threads of one process, so this calls the builder directly)
    fresh = l2_normalise(np.random.default_rng(11).normal(size=emb.shape))
    metadatas = [vector_store.item_metadata(catalog, i) for i in range(catalog.n_items)]
    name = f"items-{catalog.fingerprint()}-race"
    results, errors = [], []

    def build():
        try:
            results.append(vector_store._ensure_server_collection(client_for(server), name, fresh, metadatas))
        except Exception as exc:  # pragma: no cover - reported by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and len(results) == 3
    assert {r.name for r in results} == {name} and results[0].count() == catalog.n_items
    assert not [n for n in names(server) if n.startswith(name + "-build-")]
    client_for(server).delete_collection(name)


def test_a_server_lost_later_leaves_searches_in_memory(catalog, emb, caplog):  # noqa: F811
    own = start_server()  # its own server, since this one is stopped under the index
    try:
        index = open_index(catalog, emb, own.url)
        own.stop()
        assert index.search(emb[4], 1)[0][0] == 4
        assert index.backend == "memory" and "chroma-server query failed" in caplog.text
    finally:
        own.close()


# --- bad configuration: one line naming CRS_CHROMA_URL, never a silent fallback --------------

def test_an_unreachable_server_is_one_line_naming_the_setting(catalog, emb):  # noqa: F811
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(ChromaServerError) as err:
        open_index(catalog, emb, url)
    message = str(err.value)
    assert message.startswith(f"CRS_CHROMA_URL={url}: no Chroma server answers") and "\n" not in message
    assert isinstance(err.value, ValueError)  # what the app and run_cli report in one line


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "ftp://127.0.0.1:8000", "http://127.0.0.1:port",
                                 "http://:8000", "http://127.0.0.1:8000/api/v2", "http://127.0.0.1:99999"])
def test_a_malformed_url_is_one_line_naming_the_setting(catalog, emb, monkeypatch, url):  # noqa: F811
    monkeypatch.setenv("CRS_CHROMA_URL", url)
    with pytest.raises(ChromaServerError) as err:  # a ValueError, as other bad settings
        open_index(catalog, emb, None)
    message = str(err.value)
    assert message.startswith(f"CRS_CHROMA_URL={url!r}: ") and "\n" not in message


def test_a_password_in_the_url_is_not_echoed():
    with pytest.raises(ChromaServerError) as err:
        vector_store.parse_server_url("http://bob:hunter2@127.0.0.1:8000")
    assert "hunter2" not in str(err.value) and "CRS_CHROMA_URL=" in str(err.value)


def test_without_the_setting_the_embedded_store_stays_the_default(catalog, emb, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CRS_CHROMA_URL", "  ")  # blank counts as unset
    index = open_index(catalog, emb, None)
    assert index.backend == "chromadb"
    index.close()
    assert vector_store.parse_server_url("https://chroma.example") == ("chroma.example", 443, True)
    assert vector_store.parse_server_url("http://[::1]:8001") == ("::1", 8001, False)
