"""A persistent nearest-neighbour index over item embeddings (chromadb), with a numpy fallback.

The only module that imports chromadb, and only inside ``ItemIndex.open``. By default the store
is embedded, in ``<data dir>/chroma`` (``backend == "chromadb"``). With ``CRS_CHROMA_URL`` set
(``http://127.0.0.1:8000``: scheme, host and port only) the same collections live on a Chroma
server instead (``chroma run``; ``backend == "chroma-server"``), so several app processes can
share one index. Each (catalog fingerprint, encoder key) pair has its own collection, named
``items-<fingerprint>-<encoder key>``, in cosine space, with ``embedding_function=None``
(we always pass vectors: chromadb's default function would download a model).

Per-item metadata (the scheme that ``where_for`` and the memory backend rely on):

    {"item": 12, "year": 1995, "decade": "1990s",
     "genre:Comedy": True, "genre:Drama": True, "director:Woody Allen": True}

``item`` is the catalog index, ``year`` is -1 when unknown; ``decade`` is the catalog's decade
value (derived from the year when the catalog has no decade type) and absent when unknown.
Multi-valued attribute types in ``FLAG_TYPES`` become one boolean key per value, present
only when true, so ``{"genre:Comedy": True}`` selects comedies. Collection metadata records
the item count, a hash of the embeddings and the scheme version; a collection that disagrees
is rebuilt. Embedded, a store that cannot be opened or fails a probe query is deleted and
rebuilt (messages on stderr; only folders this module created or inside the data dir are
deleted, and their other collections are rebuilt when next opened), and if chromadb cannot be
used at all, ``ItemIndex`` falls back to exact cosine search in memory with the same ``search``
signature and where-semantics (``backend == "memory"``). On a server only our own collection
is ever dropped; it is built under a temporary name and renamed when complete, so processes
starting together never see a half-built one. A configured server that is malformed,
unreachable or failing raises ``ChromaServerError`` (a ``ValueError``), one line naming
``CRS_CHROMA_URL``: an operator who set it wants to know, so ``open`` never falls back to memory
(a server lost later is logged and searches go on in memory, as for a broken embedded store).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import threading
import time
import urllib.parse
import urllib.request
import uuid
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
SERVER_ENV = "CRS_CHROMA_URL"
PROBE_S = 5.0  # heartbeat and connect timeout for a Chroma server
REQUEST_S = 60.0  # per request to a server (chromadb's own client would wait forever)
STALE_BUILD_S = 3600  # a temporary "-build-" collection this old is a crashed build's: dropped


class ChromaServerError(ValueError):
    """``CRS_CHROMA_URL`` is malformed, or its server does not answer or fails: a bad setting,
    so a ``ValueError`` (the one-line handlers for settings catch it); the message is one line
    that names the setting."""


def server_url() -> str | None:
    """``CRS_CHROMA_URL`` (e.g. ``http://127.0.0.1:8000``); None when unset or blank."""
    return os.environ.get(SERVER_ENV, "").strip() or None


def parse_server_url(url: str) -> tuple[str, int, bool]:
    """``(host, port, ssl)`` of ``http[s]://host[:port]``: port 8000 (http) or 443 (https) when
    absent. Anything else raises ``ChromaServerError``. Imports nothing heavy, so a settings
    check can call it."""
    def bad(why: str) -> ChromaServerError:
        shown = re.sub(r"//[^/@]*@", "//***@", url)  # never echo a password
        return ChromaServerError(f"{SERVER_ENV}={shown!r}: {why} (expected http://host:port, e.g. http://127.0.0.1:8000)")

    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise bad(_line(exc)) from None
    if parts.scheme not in ("http", "https"):
        raise bad("the scheme must be http or https")
    if not parts.hostname:
        raise bad("no host")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise bad("only a scheme, a host and a port are understood")
    ssl = parts.scheme == "https"
    return parts.hostname, port or (443 if ssl else 8000), ssl


def _line(exc: BaseException | str) -> str:
    return " ".join(str(exc).split())[:300]


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
        self.backend = backend  # "chromadb" (embedded), "chroma-server" or "memory"
        self._client = client
        self._collection = collection
        self._lock = threading.Lock()

    @property
    def n_items(self) -> int:
        return len(self.embeddings)

    @classmethod
    def open(cls, catalog: Catalog, embeddings: np.ndarray, path: str | Path | None = None,
             model_key: str = MODEL_KEY, backend: str = "chromadb", url: str | None = None) -> ItemIndex:
        """Open (or build) the store for this catalog and these embeddings. Embedded, never
        raises for a bad store: it is rebuilt, and if chromadb itself fails, a memory index is
        returned. On a server, raises ``ChromaServerError`` instead of falling back.

        ``embeddings``: ``(catalog.n_items, dim)`` L2-normalised float32.
        ``model_key`` names the encoder in the collection name; ``backend="memory"`` skips chromadb.
        ``url``: a Chroma server; None reads ``CRS_CHROMA_URL``, ``""`` means the embedded store
        at ``path`` (default ``<data dir>/chroma``; unused with a server).
        """
        embeddings = np.ascontiguousarray(embeddings, dtype=np.float32)
        if embeddings.ndim != 2 or len(embeddings) != catalog.n_items:
            raise ValueError(f"embeddings shape {embeddings.shape} does not match {catalog.n_items} items")
        metadatas = [item_metadata(catalog, i) for i in range(catalog.n_items)]
        if backend == "memory":
            return cls(embeddings, metadatas, "memory")
        url = server_url() if url is None else url.strip() or None
        if url:
            parse_server_url(url)  # a malformed setting fails before the slow import
        try:
            import chromadb  # noqa: F401  (a missing or broken install must not cost the store)
        except Exception as exc:
            if url:
                raise ChromaServerError(f"{SERVER_ENV}={url}: chromadb cannot be imported ({_line(exc)})") from None
            log.info(f"chromadb cannot be imported ({type(exc).__name__}: {exc}); using an in-memory cosine index")
            return cls(embeddings, metadatas, "memory")
        name = f"items-{catalog.fingerprint()}-{model_key}"
        if url:
            with _OPEN_LOCK:
                client, collection = _open_on_server(url, name, embeddings, metadatas)
            return cls(embeddings, metadatas, "chroma-server", client, collection)
        path = Path(path) if path is not None else assets.data_dir() / "chroma"
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
        if self.backend in ("chromadb", "chroma-server"):
            try:
                return self._search_chroma(q, k, where)
            except Exception as exc:  # a store broken (or a server gone) under us: keep serving from memory
                log.info(f"{self.backend} query failed ({type(exc).__name__}: {_line(exc)}); "
                         "switching to the memory index")
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


def _want(embeddings: np.ndarray) -> dict:
    return {"n_items": len(embeddings), "emb_sha": embeddings_hash(embeddings), "scheme": SCHEME_VERSION}


def _is_current(col, want: dict, embeddings: np.ndarray) -> bool:
    have = {k: (col.metadata or {}).get(k) for k in want}
    if have == want and col.count() == len(embeddings) and _probe(col, embeddings):
        return True
    log.info(f"collection {col.name} is stale (found {have}, count {col.count()}; want {want}); rebuilding it")
    return False


def _fill(client, col, embeddings: np.ndarray, metadatas: list[dict]) -> None:
    step = max(1, int(client.get_max_batch_size()))
    for s in range(0, len(embeddings), step):
        e = slice(s, s + step)
        col.add(ids=[str(i) for i in range(s, min(s + step, len(embeddings)))],
                embeddings=embeddings[e], metadatas=metadatas[e])
    if col.count() != len(embeddings) or not _probe(col, embeddings):
        raise RuntimeError(f"collection {col.name} failed its check right after building")


def _ensure_collection(client, name: str, embeddings: np.ndarray, metadatas: list[dict]):
    """The collection ``name`` holding exactly these items, (re)built if it does not; raises
    when the store is broken (the caller then deletes it)."""
    want = _want(embeddings)
    if name in {c.name for c in client.list_collections()}:
        col = client.get_collection(name, embedding_function=None)
        if _is_current(col, want, embeddings):
            return col
        client.delete_collection(name)
    col = client.create_collection(name, embedding_function=None, metadata=want,
                                   configuration={"hnsw": HNSW})
    _fill(client, col, embeddings, metadatas)
    return col


# --- a Chroma server (CRS_CHROMA_URL) ----------------------------------------------------------

def check_server(url: str) -> str:
    """The base URL of the Chroma server at ``url`` once its heartbeat answers (within
    ``PROBE_S`` seconds), else ``ChromaServerError``. Imports no chromadb, so a start-up check
    can call it."""
    host, port, ssl = parse_server_url(url)
    base = f"{'https' if ssl else 'http'}://{f'[{host}]' if ':' in host else host}:{port}"
    try:
        with urllib.request.urlopen(f"{base}/api/v2/heartbeat", timeout=PROBE_S) as response:
            response.read()
    except (OSError, ValueError) as exc:  # refused, timed out, not HTTP, or not Chroma (HTTP 404)
        raise ChromaServerError(f"{SERVER_ENV}={url}: no Chroma server answers at {base} ({_line(exc)})") from None
    return base


class _QuietRequests(logging.Filter):
    """Drops httpx's INFO line per request to our servers (one per search would flood the log)."""

    def __init__(self) -> None:
        super().__init__()
        self.bases: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage() if record.levelno <= logging.INFO else ""
        return not any(base in message for base in self.bases)


_QUIET = _QuietRequests()  # added to the httpx logger by the first server client


def _server_client(url: str):
    """An ``HttpClient`` on a server that answered its heartbeat, with bounded request times."""
    base = check_server(url)
    host, port, ssl = parse_server_url(url)
    httpx_log = logging.getLogger("httpx")
    if _QUIET not in httpx_log.filters:
        httpx_log.addFilter(_QUIET)
    _QUIET.bases.add(base)
    import chromadb
    import httpx
    from chromadb.config import Settings

    try:
        client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=Settings(anonymized_telemetry=False))
    except Exception as exc:
        raise ChromaServerError(f"{SERVER_ENV}={url}: the Chroma server refused a client ({_line(exc)})") from None
    # chromadb's httpx session has no timeout at all, so a hung server would hang a chat turn;
    # private attributes, checked, so another chromadb keeps its own behaviour
    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(REQUEST_S, connect=PROBE_S)
    return client


def _open_on_server(url: str, name: str, embeddings: np.ndarray, metadatas: list[dict]):
    """``(client, collection)``; a collection that cannot be used is dropped and built once
    more, then ``ChromaServerError``. Only collection ``name`` (and our temporary builds of it)
    is ever dropped, never the server's other data."""
    client = _server_client(url)
    try:
        try:
            return client, _ensure_server_collection(client, name, embeddings, metadatas)
        except Exception as exc:
            log.info(f"collection {name} on {url} unusable ({type(exc).__name__}: {_line(exc)}); rebuilding it")
        try:
            _drop(client, name)
            return client, _ensure_server_collection(client, name, embeddings, metadatas)
        except Exception as exc:
            raise ChromaServerError(f"{SERVER_ENV}={url}: collection {name} cannot be built on the server "
                                    f"({type(exc).__name__}: {_line(exc)})") from None
    except BaseException:
        _close(client)
        raise


def _ensure_server_collection(client, name: str, embeddings: np.ndarray, metadatas: list[dict]):
    """As ``_ensure_collection``, but built as ``<name>-build-<unix time>-<random>`` and renamed
    when complete: another process sees either no collection or a whole one, and when two
    build at once, the first to publish wins and the other uses that collection."""
    want = _want(embeddings)
    existing = _get(client, name)
    if existing is not None and _is_current(existing, want, embeddings):
        return existing
    _drop_stale_builds(client, name)
    staging = f"{name}-build-{int(time.time())}-{uuid.uuid4().hex[:8]}"
    col = client.create_collection(staging, embedding_function=None, metadata=want, configuration={"hnsw": HNSW})
    try:
        _fill(client, col, embeddings, metadatas)
        for attempt in (1, 2):
            current = _get(client, name)  # another process may have published while we built
            if current is not None and (existing is None or current.id != existing.id) \
                    and _is_current(current, want, embeddings):
                return current
            if current is not None:
                _drop(client, name)
            try:
                col.modify(name=name)
                return client.get_collection(name, embedding_function=None)
            except Exception:  # name taken between the check and the rename: look again, once
                if attempt == 2:
                    raise
                existing = None
    finally:
        try:
            _drop(client, staging)  # gone already when it was renamed
        except Exception as exc:
            log.info(f"could not drop the temporary collection {staging} ({_line(exc)})")
    raise AssertionError("unreachable")


def _get(client, name: str):
    """Collection ``name``, or None when there is none."""
    from chromadb.errors import NotFoundError

    try:
        return client.get_collection(name, embedding_function=None)
    except NotFoundError:
        return None


def _drop(client, name: str) -> None:
    from chromadb.errors import NotFoundError

    try:
        client.delete_collection(name)
    except NotFoundError:  # already gone (another process dropped it)
        pass


def _drop_stale_builds(client, name: str) -> None:
    """Drop temporary builds of ``name`` older than ``STALE_BUILD_S`` (a crashed builder's)."""
    prefix = f"{name}-build-"
    for c in client.list_collections():
        started = c.name[len(prefix):].split("-")[0] if c.name.startswith(prefix) else ""
        if started.isdigit() and time.time() - int(started) > STALE_BUILD_S:
            log.info(f"dropping {c.name}, a build left unfinished {time.time() - int(started):.0f} s ago")
            _drop(client, c.name)


def _probe(col, embeddings: np.ndarray) -> bool:
    """A query for a stored vector must find a vector at cosine distance ~0 (the item itself
    or an identical twin); catches unreadable index files that still report a right count."""
    nonzero = np.flatnonzero(np.linalg.norm(embeddings, axis=1) > 0.5)
    if nonzero.size == 0:
        return True
    probe = int(nonzero[nonzero.size // 2])
    res = col.query(query_embeddings=embeddings[probe : probe + 1], n_results=1, include=["distances"])
    return bool(res["distances"][0]) and float(res["distances"][0][0]) < 1e-3
