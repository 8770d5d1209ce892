"""A persistent nearest-neighbour index over item embeddings (chromadb), with a numpy fallback.

The only module that imports chromadb, and only inside ``ItemIndex.open``. The store lives in
``<data dir>/chroma``; each (catalog fingerprint, encoder key) pair has its own collection,
named ``items-<fingerprint>-<encoder key>``, in cosine space, with ``embedding_function=None``
(we always pass vectors: chromadb's default function would download a model).

Per-item metadata (the scheme that ``where_for`` and the memory backend rely on):

    {"item": 12, "year": 1995, "decade": "1990s",
     "genre:Comedy": True, "genre:Drama": True, "director:Woody Allen": True}

``item`` is the catalog index, ``year`` is -1 when unknown; ``decade`` is the catalog's decade
value (derived from the year when the catalog has no decade type) and absent when unknown.
Multi-valued attribute types in ``FLAG_TYPES`` become one boolean key per value, present
only when true, so ``{"genre:Comedy": True}`` selects comedies. Collection metadata records
the item count, a hash of the embeddings and the scheme version; a collection that disagrees
is rebuilt, and a store that cannot be opened or fails a probe query is deleted and rebuilt
(messages on stderr; only folders this module created or inside the data dir are deleted, and
their other collections are rebuilt when next opened). If
chromadb cannot be used at all, ``ItemIndex`` falls back to exact cosine search in memory
with the same ``search`` signature and where-semantics (``backend == "memory"``).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from recsys import assets
from recsys.catalog import Catalog
from recsys.semantic import MODEL_KEY

log = logging.getLogger(__name__)

FLAG_TYPES = ("genre", "director")  # types stored as "<type>:<value>": True keys
SCHEME_VERSION = 2  # bump when the metadata scheme or index settings change
# ef above chromadb's default 100: catalogs are small (thousands), so near-exact recall is cheap
HNSW = {"space": "cosine", "ef_construction": 200, "ef_search": 200}
MARKER = ".crs-item-index"  # written into store folders this module creates
_OPEN_LOCK = threading.Lock()  # one thread at a time may open / rebuild a store




def item_metadata(catalog: Catalog, item: int) -> dict:
    """The metadata dict of one item (see the module docstring for the scheme)."""
    year = int(catalog.years[item])
    meta: dict = {"item": int(item), "year": year}
    attrs = catalog.attributes_of(item)
    decades = [v for t, v in attrs if t == "decade"]
    if decades or (year > 1000 and "decade" not in catalog.attr_types):
        meta["decade"] = decades[0] if decades else f"{year // 10 * 10}s"
    for t, v in attrs:
        if t in FLAG_TYPES:
            meta[f"{t}:{v}"] = True
    return meta


def where_for(filters: Mapping[str, Sequence[str]] | None, any_of: bool = False) -> dict | None:
    """A chromadb ``where`` for attribute filters such as ``{"genre": ["Horror"], "decade": ["1980s"]}``.

    Every listed value is required (``any_of=True``: at least one value per type), across
    types all must hold. ``decade`` is single-valued, so its values are always alternatives.
    Types other than ``decade`` and ``FLAG_TYPES`` raise ``ValueError``. None when empty.
    """
    clauses: list[dict] = []
    for attr_type, values in (filters or {}).items():
        values = list(values)
        if not values:
            continue
        if attr_type == "decade":
            clauses.append({"decade": values[0]} if len(values) == 1 else {"decade": {"$in": values}})
        elif attr_type in FLAG_TYPES:
            flags = [{f"{attr_type}:{v}": True} for v in values]
            if len(flags) == 1:
                clauses.append(flags[0])
            elif any_of:
                clauses.append({"$or": flags})
            else:
                clauses.extend(flags)
        else:
            raise ValueError(f"cannot filter on attribute type {attr_type!r}: use decade or one of {FLAG_TYPES}")
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(meta: Mapping, where: Mapping | None) -> bool:
    """Whether one metadata dict satisfies a chromadb-style ``where`` (the operators we use)."""
    if not where:
        return True
    ((key, cond),) = where.items()
    if key == "$and":
        return all(matches(meta, w) for w in cond)
    if key == "$or":
        return any(matches(meta, w) for w in cond)
    if not isinstance(cond, Mapping):
        cond = {"$eq": cond}
    ((op, arg),) = cond.items()
    if key not in meta:
        return op in ("$ne", "$nin")  # as chromadb: a missing key is "not equal"
    val = meta[key]
    same = lambda a, b: a == b and isinstance(a, bool) == isinstance(b, bool)  # noqa: E731
    ops = {
        "$eq": lambda: same(val, arg), "$ne": lambda: not same(val, arg),
        "$in": lambda: any(same(val, a) for a in arg), "$nin": lambda: not any(same(val, a) for a in arg),
        "$gt": lambda: val > arg, "$gte": lambda: val >= arg, "$lt": lambda: val < arg, "$lte": lambda: val <= arg,
    }
    if op not in ops:
        raise ValueError(f"unsupported where operator {op!r}")
    return bool(ops[op]())


def embeddings_hash(embeddings: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(embeddings, dtype=np.float32).tobytes()).hexdigest()[:16]


class ItemIndex:
    """Cosine nearest neighbours over ``(n_items, dim)`` unit vectors, filterable by metadata.

    Build with ``ItemIndex.open(catalog, embeddings)``. ``search`` is thread-safe.
    """

    def __init__(self, embeddings: np.ndarray, metadatas: list[dict], backend: str,
                 client=None, collection=None) -> None:
        self.embeddings = np.ascontiguousarray(embeddings, dtype=np.float32)  # (n_items, dim)
        self.metadatas = metadatas
        self.backend = backend  # "chromadb" or "memory"
        self._client = client
        self._collection = collection
        self._lock = threading.Lock()

    @property
    def n_items(self) -> int:
        return len(self.embeddings)

    @classmethod
    def open(cls, catalog: Catalog, embeddings: np.ndarray, path: str | Path | None = None,
             model_key: str = MODEL_KEY, backend: str = "chromadb") -> ItemIndex:
        """Open (or build) the store for this catalog and these embeddings; never raises for
        a bad store: it is rebuilt, and if chromadb itself fails, a memory index is returned.

        ``embeddings``: ``(catalog.n_items, dim)`` L2-normalised float32.
        ``model_key`` names the encoder in the collection name; ``backend="memory"`` skips chromadb.
        """
        embeddings = np.ascontiguousarray(embeddings, dtype=np.float32)
        if embeddings.ndim != 2 or len(embeddings) != catalog.n_items:
            raise ValueError(f"embeddings shape {embeddings.shape} does not match {catalog.n_items} items")
        metadatas = [item_metadata(catalog, i) for i in range(catalog.n_items)]
        if backend == "memory":
            return cls(embeddings, metadatas, "memory")
        try:
            import chromadb  # noqa: F401  (a missing or broken install must not cost the store)
        except Exception as exc:
            log.info(f"chromadb cannot be imported ({type(exc).__name__}: {exc}); using an in-memory cosine index")
            return cls(embeddings, metadatas, "memory")
        path = Path(path) if path is not None else assets.data_dir() / "chroma"
        name = f"items-{catalog.fingerprint()}-{model_key}"
        with _OPEN_LOCK:
            for attempt in (1, 2):
                client = None
                try:
                    client = _client(path)
                    collection = _ensure_collection(client, name, embeddings, metadatas)
                    return cls(embeddings, metadatas, "chromadb", client, collection)
                except Exception as exc:
                    if client is not None:
                        _close(client)  # release sqlite handles before the directory goes
                    why = f"{type(exc).__name__}: {str(exc)[:300]}"
                    if attempt == 1 and _removable(path):
                        log.info(f"chroma store {path} unusable ({why}); deleting and rebuilding it")
                        _remove(path)
                        continue
                    log.info(f"chromadb unusable at {path} ({why}); using an in-memory cosine index instead")
                    return cls(embeddings, metadatas, "memory")
        raise AssertionError("unreachable")

    def search(self, query_vec: np.ndarray, k: int, where: Mapping | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Top ``k`` items by cosine similarity to ``query_vec`` ``(dim,)`` among those
        matching ``where``: ``(item indices (m,) int64, similarities (m,) float32)``, best
        first, ``m <= k`` (fewer when fewer items match)."""
        q = np.asarray(query_vec, dtype=np.float32).reshape(-1)
        if q.shape[0] != self.embeddings.shape[1]:
            raise ValueError(f"query has dim {q.shape[0]}, index has {self.embeddings.shape[1]}")
        k = min(int(k), self.n_items)
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if self.backend == "chromadb":
            try:
                return self._search_chroma(q, k, where)
            except Exception as exc:  # a store broken under us: keep serving from memory
                log.info(f"chromadb query failed ({type(exc).__name__}: {exc}); switching to the memory index")
                self.backend = "memory"
        return self._search_memory(q, k, where)

    def _search_chroma(self, q: np.ndarray, k: int, where: Mapping | None) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            res = self._collection.query(query_embeddings=q[None, :], n_results=k, where=where or None,
                                         include=["distances", "metadatas"])
        items = np.array([m["item"] for m in res["metadatas"][0]], dtype=np.int64)
        sims = 1.0 - np.asarray(res["distances"][0], dtype=np.float32)  # cosine distance = 1 - cos
        order = np.argsort(-sims, kind="stable")
        return items[order], sims[order]

    def _search_memory(self, q: np.ndarray, k: int, where: Mapping | None) -> tuple[np.ndarray, np.ndarray]:
        sims = self.embeddings @ q  # (n_items,)
        if where:
            allowed = np.array([matches(m, where) for m in self.metadatas], dtype=bool)
            sims = np.where(allowed, sims, -np.inf)
            k = min(k, int(allowed.sum()))
        top = np.argpartition(-sims, k - 1)[:k] if k > 0 else np.zeros(0, dtype=np.int64)
        top = top[np.argsort(-sims[top], kind="stable")]
        return top.astype(np.int64), sims[top].astype(np.float32)

    def close(self) -> None:
        if self._client is not None:
            _close(self._client)
            self._client = self._collection = None
            self.backend = "memory"


def _client(path: Path):
    import chromadb
    from chromadb.config import Settings

    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{path} is a file")
    if not path.exists():
        path.mkdir(parents=True)
        (path / MARKER).write_text("an ItemIndex chroma store: safe to delete, it is rebuilt on demand\n")
    try:
        return chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))
    except Exception:
        _forget_system(str(path))
        raise


def _forget_system(identifier: str) -> None:
    """Drop a half-started chromadb System for ``identifier`` (the path string).

    chromadb 1.5 caches one System per path and registers it *before* starting it, so after
    a failed start every later client for that path gets the broken one. This touches a
    private class attribute (checked, so a chromadb without it is left alone)."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient
    except ImportError:
        return
    systems = getattr(SharedSystemClient, "_identifier_to_system", None)
    if isinstance(systems, dict) and identifier in systems:
        system = systems.pop(identifier)
        try:
            system.stop()
        except Exception:
            pass


def _close(client) -> None:
    try:
        client.close()
    except Exception as exc:
        log.info(f"closing the chroma client failed ({exc})")


def _removable(path: Path) -> bool:
    """Only a store this module created (marker file) or one inside the data dir is ever
    deleted, so a mistaken ``path`` cannot wipe unrelated files."""
    resolved, root = path.resolve(), assets.data_dir()
    inside = resolved != root and resolved.is_relative_to(root)
    if path.is_dir():
        return inside or (path / MARKER).exists()
    return inside and path.exists()


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


def _ensure_collection(client, name: str, embeddings: np.ndarray, metadatas: list[dict]):
    """The collection ``name`` holding exactly these items, (re)built if it does not; raises
    when the store is broken (the caller then deletes it)."""
    want = {"n_items": len(embeddings), "emb_sha": embeddings_hash(embeddings), "scheme": SCHEME_VERSION}
    if name in {c.name for c in client.list_collections()}:
        col = client.get_collection(name, embedding_function=None)
        have = {k: (col.metadata or {}).get(k) for k in want}
        if have == want and col.count() == len(embeddings) and _probe(col, embeddings):
            return col
        log.info(f"collection {name} is stale (found {have}, count {col.count()}; want {want}); rebuilding it")
        client.delete_collection(name)
    col = client.create_collection(name, embedding_function=None, metadata=want,
                                   configuration={"hnsw": HNSW})
    step = max(1, int(client.get_max_batch_size()))
    for s in range(0, len(embeddings), step):
        e = slice(s, s + step)
        col.add(ids=[str(i) for i in range(s, min(s + step, len(embeddings)))],
                embeddings=embeddings[e], metadatas=metadatas[e])
    if col.count() != len(embeddings) or not _probe(col, embeddings):
        raise RuntimeError(f"collection {name} failed its check right after building")
    return col


def _probe(col, embeddings: np.ndarray) -> bool:
    """A query for a stored vector must find a vector at cosine distance ~0 (the item itself
    or an identical twin); catches unreadable index files that still report a right count."""
    nonzero = np.flatnonzero(np.linalg.norm(embeddings, axis=1) > 0.5)
    if nonzero.size == 0:
        return True
    probe = int(nonzero[nonzero.size // 2])
    res = col.query(query_embeddings=embeddings[probe : probe + 1], n_results=1, include=["distances"])
    return bool(res["distances"][0]) and float(res["distances"][0][0]) < 1e-3
