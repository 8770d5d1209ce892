"""Shared fixtures: tiny synthetic data built in code, so the suite never downloads anything.

Tests that need the real MovieLens wheels are marked ``@pytest.mark.data`` and run only with
``CRS_TEST_DATA=1`` (``make test`` sets it). ``CRS_DATA_DIR`` points at a per-session temporary
folder unless the caller set it, so a test run never writes caches into ``./data``.
"""

from __future__ import annotations

import csv
import logging
import os
import subprocess
from pathlib import Path

# Before any project or Hugging Face import: never phone home during tests.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# A developer's servers are never touched by the tests: those that need one start their own.
for _setting in ("CRS_DATABASE_URL", "CRS_CHROMA_URL"):
    os.environ.pop(_setting, None)

import data_cache  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from recsys.catalog import build_catalog  # noqa: E402

# Small hyper-parameters per registered model, so a 24 x 18 matrix fits in milliseconds.
# A model added to recsys.models.MODELS without an entry here is tested with its defaults.
SMALL_ALS = {"factors": 4, "l2": 0.1, "iterations": 15}
SMALL_AMPCF = {"dim": 8, "epochs": 60, "batch_size": 8, "lr": 2e-2}
SMALL_KGAT = {"dim": 8, "layers": 2, "epochs": 60, "batch_size": 64, "lr": 1e-2}
SMALL_GSEREC = {"dim": 8, "levels": 2, "codes": 4, "epochs": 60, "batch_size": 8, "lr": 1e-2, "text": "values",
                "code_epochs": 30}
SMALL_MULTVAE = {"hidden": 16, "latent": 8, "epochs": 100, "batch_size": 8, "lr": 1e-2, "anneal_steps": 0}
SMALL_PARAMS: dict[str, dict] = {
    "pop": {},
    "als": SMALL_ALS,
    "als-cg": SMALL_ALS,
    "ease": {"l2": 1.0},
    "itemknn": {"k": 5},
    "multvae": SMALL_MULTVAE,
    "ampcf": {**SMALL_AMPCF, "personas": 2},
    "ampcf-k1": SMALL_AMPCF,
    "kgat": SMALL_KGAT,
    "kgat-ui": SMALL_KGAT,
    "gserec": SMALL_GSEREC,
    "gserec-nocodes": SMALL_GSEREC,
    "blend": {"members": [["ease", {"l2": 1.0}, 0.5], ["als", SMALL_ALS, 0.5]]},
}
# A different but still valid parameter set per model (None: the model has no parameters).
ALT_PARAMS: dict[str, dict | None] = {
    "pop": None,
    "als": {**SMALL_ALS, "factors": 5},
    "als-cg": {**SMALL_ALS, "factors": 5},
    "ease": {"l2": 2.0},
    "itemknn": {"k": 4},
    "multvae": {**SMALL_MULTVAE, "latent": 6, "sampling": "interactions"},
    "ampcf": {**SMALL_AMPCF, "personas": 3},
    "ampcf-k1": {**SMALL_AMPCF, "dim": 6},
    "kgat": {**SMALL_KGAT, "layers": 1},
    "kgat-ui": {**SMALL_KGAT, "layers": 1},
    "gserec": {**SMALL_GSEREC, "layers": 1, "learned": True},  # the learned two-view model on top
    "gserec-nocodes": {**SMALL_GSEREC, "dim": 6, "learned": True},
    "blend": {"members": [["ease", {"l2": 1.0}, 0.7], ["als", SMALL_ALS, 0.3]]},
}


@pytest.fixture(scope="session")
def small_params() -> dict[str, dict]:
    """Model name -> small parameters (``{}``, i.e. the defaults, for a model not listed)."""
    return SMALL_PARAMS


@pytest.fixture(scope="session")
def alt_params() -> dict[str, dict | None]:
    return ALT_PARAMS


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "data: needs the MovieLens wheels (run when CRS_TEST_DATA=1)")
    config.addinivalue_line("markers", "slow: starts the app in a process or trains (left out by make test-fast)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("CRS_TEST_DATA") == "1":
        return
    skip = pytest.mark.skip(reason="needs MovieLens data: set CRS_TEST_DATA=1")
    for item in items:
        if "data" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _info_logs(caplog):
    """Progress messages (``logging`` at INFO) are captured, so a test can read ``caplog.text``."""
    caplog.set_level(logging.INFO)


@pytest.fixture(scope="session", autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory):
    """Caches and wheels go to a session temp dir unless CRS_DATA_DIR is already set. With the
    data tests on, the dir starts as a copy of the machine's test cache (``tests/data_cache.py``)
    and what the session built is added to that cache at the end."""
    if "CRS_DATA_DIR" in os.environ:
        yield Path(os.environ["CRS_DATA_DIR"])
        return
    path = tmp_path_factory.mktemp("crs-data")
    os.environ["CRS_DATA_DIR"] = str(path)
    warm = os.environ.get("CRS_TEST_DATA") == "1"
    if warm:
        data_cache.seed(path)
    try:
        yield path
    finally:
        os.environ.pop("CRS_DATA_DIR", None)
        if warm:
            data_cache.publish(path)


@pytest.fixture(scope="session")
def block_data() -> tuple[sp.csr_matrix, np.ndarray]:
    """Block-structured binary matrix (implicit-library style): 3 groups x 8 users, each
    group liking its own 6 items. User j of group g has item ``6g + j % 6`` withheld, so the
    withheld item is the only unseen item of the user's own group. Returns (train, withheld)."""
    groups, users, items = 3, 8, 6
    rows, cols, withheld = [], [], []
    for g in range(groups):
        for j in range(users):
            u, w = g * users + j, g * items + j % items
            withheld.append(w)
            for i in range(g * items, (g + 1) * items):
                if i != w:
                    rows.append(u)
                    cols.append(i)
    train = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(groups * users, groups * items))
    return train, np.array(withheld)


@pytest.fixture(scope="session")
def block_catalog():
    """The catalog of ``block_data``'s 18 items: a genre per group of six and an actor per
    three items (for models that read attributes, such as KGAT)."""
    items = [(f"m{i}", f"Film {i}", 1990 + i) for i in range(18)]
    attrs = [(f"m{i}", "genre", f"G{i // 6}") for i in range(18)] + [(f"m{i}", "cast", f"Actor {i // 3}")
                                                                       for i in range(18)]
    inter = (["u0"], ["m0"], np.array([5.0]), np.array([0]), None)
    return build_catalog("blocks", items, attrs, {}, inter, attr_types=("genre", "cast"))


@pytest.fixture
def tiny_catalog():
    """Four films, three users. Types: genre, director, oscar. Film m3 has no director data
    (unknown); m2 is known for oscar but has no oscar value (a real "no")."""
    items = [("m1", "Alpha", 1995), ("m2", "Beta", 2001), ("m3", "Gamma", 1987), ("m4", "Delta", -1)]
    attrs = [("m1", "genre", "Drama"), ("m1", "genre", "Crime"), ("m1", "director", "Ann Lee"),
             ("m1", "oscar", "Oscar winner"), ("m2", "genre", "Drama"), ("m2", "director", "Bo Kim"),
             ("m3", "genre", "Comedy"), ("m4", "director", "Ann Lee")]
    known = {"m2": {"oscar"}}
    inter = (["u1", "u1", "u2", "u2", "u3", "u3"], ["m1", "m2", "m1", "m3", "m2", "m4"],
             np.array([5.0, 3.0, 4.0, 2.0, 5.0, 1.0]), np.array([10, 20, 30, 40, 50, 60]), None)
    return build_catalog("tiny", items, attrs, known, inter, attr_types=("genre", "director", "oscar"))


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture
def write_folder(tmp_path: Path):
    """Factory: write a folder-format dataset and return its path.
    ``write_folder(items=rows, interactions=rows, inter_header=[...], attributes=rows, name=...)``."""

    def write(items, interactions, inter_header=("user_id", "item_id", "rating", "timestamp"),
              attributes=None, items_header=("item_id", "title", "year"), name="ds") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        _write_csv(folder / "items.csv", list(items_header), items)
        _write_csv(folder / "interactions.csv", list(inter_header), interactions)
        if attributes is not None:
            _write_csv(folder / "item_attributes.csv", ["item_id", "attribute", "value"], attributes)
        return folder

    return write


@pytest.fixture
def synthetic_folder(write_folder) -> Path:
    """60 users x 40 items, each user liking 20 items (all rated 5), two taste groups, so the
    evaluation protocol's rating >= 3 and 10-core filter keep everything."""
    rng = np.random.default_rng(7)
    items = [[f"i{k}", f"Film {k}", 1990 + k % 20] for k in range(40)]
    inter = []
    for u in range(60):
        pool = np.arange(20) if u < 30 else np.arange(20, 40)
        liked = np.r_[rng.choice(pool, 16, replace=False), rng.choice(np.setdiff1d(np.arange(40), pool), 4,
                                                                        replace=False)]
        inter += [[f"u{u}", f"i{k}", 5, 1000 + n] for n, k in enumerate(liked)]
    return write_folder(items, inter, name="synthetic")


@pytest.fixture(scope="session")
def ml100k_catalog():
    """The MovieLens 100K catalog (tests using it are marked ``data``)."""
    from recsys.datasets import load_dataset

    return load_dataset("movielens-100k")


@pytest.fixture(scope="session")
def app_process(tmp_path_factory, _data_dir):
    """``python app.py`` in a subprocess on 127.0.0.1 (a free port, its memory in a temp
    file, the template narrator: the LM narrator has its own tests), with the network audit
    on; yields the ``reliability.app_process.AppProcess`` once the engine answers. Stopped at
    the end of the session."""
    from reliability.app_process import AppProcess

    with AppProcess(tmp_path_factory.mktemp("app"), audit=True) as app:
        yield app


@pytest.fixture(scope="session")
def app_server(app_process) -> str:
    """The running app's base URL."""
    return app_process.url


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the session (``reliability.services.PostgresServer``,
    installed from Debian when missing and we may), or the test is skipped (failed under
    ``CRS_REQUIRE_SERVICES=1``)."""
    from services import unavailable

    from reliability.services import PostgresServer, ServiceUnavailable

    server = PostgresServer(fsync=False)
    try:
        server.start()
    except (ServiceUnavailable, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        unavailable("PostgreSQL", str(exc))
    yield server
    server.stop()
