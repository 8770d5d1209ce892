"""The engine behind a server: settings from the environment, loading in the background
with progress a page can show, and one engine shared by every session.

    service = Service(AppConfig.from_env())
    service.start_loading()          # returns at once; progress in service.status()
    engine = service.engine(timeout=60)
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from chat.tastes import SHIPPED_PRIOR, SHIPPED_TASTES, TASTES
from recsys import assets

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppConfig:
    dataset: str = "movielens-100k"
    policy: str = "unified"
    retrieval: bool = True
    concurrency: int = 4  # Gradio queue: events processed at once (the default would be one)
    memory_path: Path | None = None  # default: <data dir>/memory.sqlite3
    database_url: str | None = None  # postgresql://…: memory and conversations in PostgreSQL instead of SQLite
    database_pool: int = 8  # PostgreSQL connections per app process at most
    max_sessions: int = 10_000  # per-session states kept by the server (least recently used dropped)
    narrator: str = "auto"  # auto (the shipped LoRA narrator if it loads), template, or a configs/narrator/ folder
    narrator_budget_s: float = 6.0  # an explanation taking longer is finished by the template narrator
    prior: str = SHIPPED_PRIOR  # the registered scorer that ranks from the liked films (chat.loading)
    tastes: str = SHIPPED_TASTES  # the personas: kmeans or ampcf (chat.tastes)

    def __post_init__(self):
        if self.concurrency < 1:
            raise ValueError(f"AppConfig.concurrency must be >= 1, got {self.concurrency}")
        if not self.narrator_budget_s > 0:
            raise ValueError(f"AppConfig.narrator_budget_s must be > 0, got {self.narrator_budget_s}")
        if self.database_url is not None:
            from chat.memory import is_database_url, redact

            if not is_database_url(self.database_url):
                raise ValueError(f"CRS_DATABASE_URL={redact(self.database_url)}: expected a postgresql:// URL")
        if self.policy not in ("unified", "rule"):
            raise ValueError(f"AppConfig.policy must be unified or rule, got {self.policy!r}")
        from recsys.models import MODELS

        if self.prior not in MODELS:
            raise ValueError(f"CRS_PRIOR={self.prior!r}: choose from {', '.join(MODELS)}")
        if self.tastes not in TASTES:
            raise ValueError(f"CRS_TASTES={self.tastes!r}: choose from {', '.join(TASTES)}")

    @classmethod
    def from_env(cls) -> AppConfig:
        """``CRS_DATASET``, ``CRS_POLICY``, ``CRS_RETRIEVAL`` (0/1), ``CRS_CONCURRENCY``,
        ``CRS_MAX_SESSIONS``, ``CRS_MEMORY_PATH``, ``CRS_DATABASE_URL``, ``CRS_DATABASE_POOL``,
        ``CRS_NARRATOR``, ``CRS_NARRATOR_BUDGET`` (seconds), ``CRS_PRIOR``, ``CRS_TASTES``: the one
        place the app reads its settings from the environment."""
        env = os.environ
        return cls(dataset=env.get("CRS_DATASET", cls.dataset), policy=env.get("CRS_POLICY", cls.policy),
                   retrieval=env.get("CRS_RETRIEVAL", "1") != "0",
                   concurrency=int(env.get("CRS_CONCURRENCY", cls.concurrency)),
                   max_sessions=int(env.get("CRS_MAX_SESSIONS", cls.max_sessions)),
                   narrator=env.get("CRS_NARRATOR", cls.narrator),
                   narrator_budget_s=float(env.get("CRS_NARRATOR_BUDGET", cls.narrator_budget_s)),
                   memory_path=Path(env["CRS_MEMORY_PATH"]) if env.get("CRS_MEMORY_PATH") else None,
                   database_url=env.get("CRS_DATABASE_URL") or None,
                   database_pool=int(env.get("CRS_DATABASE_POOL", cls.database_pool)),
                   prior=env.get("CRS_PRIOR", cls.prior), tastes=env.get("CRS_TASTES", cls.tastes))


def browser_secret() -> str:
    """The key that encrypts what the page keeps in the browser, kept in the data dir so a
    restart does not lock returning users out (``CRS_BROWSER_SECRET`` overrides it)."""
    if os.environ.get("CRS_BROWSER_SECRET"):
        return os.environ["CRS_BROWSER_SECRET"]
    path = assets.data_dir() / "browser_secret"
    try:
        return path.read_text().strip()
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(32)
        path.write_text(value)
        return value


@dataclass
class Service:
    config: AppConfig = field(default_factory=AppConfig)
    log: list[str] = field(default_factory=list)
    error: str | None = None
    _engine: object | None = None
    _memory: object | None = None
    _thread: threading.Thread | None = None
    _ready: threading.Event = field(default_factory=threading.Event)
    _started: float = 0.0

    def _progress(self, msg: str) -> None:
        line = f"[{time.perf_counter() - self._started:5.1f}s] {msg}"
        self.log.append(line)
        log.info(line)

    def open_memory(self):
        """The memory store the settings name (PostgreSQL with ``CRS_DATABASE_URL``, else the
        SQLite file), opened once; raises ``chat.memory.StoreUnavailable`` with a one-line
        message naming the setting when it cannot be used."""
        if self._memory is None:
            from chat.memory import MemoryStore

            cfg = self.config
            where = cfg.database_url or cfg.memory_path or assets.data_dir() / "memory.sqlite3"
            self._memory = MemoryStore(where, pool_size=max(cfg.database_pool, 1))
        return self._memory

    def check_vector_server(self) -> None:
        """With ``CRS_CHROMA_URL`` set, that its Chroma server answers (else
        ``recsys.vector_store.ChromaServerError``, one line naming the setting)."""
        from recsys.vector_store import check_server, server_url

        if self.config.retrieval and server_url():
            check_server(server_url())

    def start_loading(self) -> None:
        if self._thread is None:
            self._started = time.perf_counter()
            self._thread = threading.Thread(target=self._load, name="load-models", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        try:
            from chat.engine import Engine
            from chat.loading import load_models
            from chat.memory import redact

            cfg = self.config
            models = load_models(cfg.dataset, cfg.policy, retrieval=cfg.retrieval, progress=self._progress,
                                 prior=cfg.prior, tastes=cfg.tastes)
            memory = self.open_memory()
            self._progress(f"memory store: {memory.backend} "
                           f"{redact(cfg.database_url) if cfg.database_url else memory.path}")
            self._engine = Engine(models, memory)
            if cfg.narrator != "template":  # the LM loads after the chat is up; until then, templates
                models.narrator.note = "explanation by the template narrator while the language model loads"
                threading.Thread(target=self._load_narrator, name="load-narrator", daemon=True).start()
        except Exception as exc:  # shown in the page instead of a dead server
            self.error = f"{type(exc).__name__}: {exc}"
            self._progress(f"loading failed: {self.error}")
        finally:
            self._ready.set()

    def _load_narrator(self) -> None:
        from chat.narrator import SHIPPED_NARRATOR, TemplateNarrator, make_narrator

        models = self._engine.m
        name = SHIPPED_NARRATOR if self.config.narrator == "auto" else self.config.narrator
        try:
            self._progress(f"loading the LoRA narrator {name}")
            models.narrator = make_narrator(name, models, self.config.narrator_budget_s)
            self._progress(f"LoRA narrator {name} ready")
        except Exception as exc:  # the template narrator stays, and replies say why
            why = f"{type(exc).__name__}: {exc}"
            self._progress(f"LoRA narrator unavailable ({why}); explanations come from the template narrator")
            fallback = TemplateNarrator()
            fallback.note = "explanation by the template narrator: the language model is unavailable"
            models.narrator = fallback

    @property
    def ready(self) -> bool:
        return self._engine is not None

    def status(self) -> str:
        if self.error:
            return f"Loading failed: {self.error}"
        if self.ready:
            return ""
        return "Getting ready (the first start builds caches): " + (self.log[-1] if self.log else "starting")

    def engine(self, timeout: float | None = None):
        """The engine, waiting up to ``timeout`` seconds for it; raises if not available."""
        self.start_loading()
        self._ready.wait(timeout)
        if self._engine is None:
            raise RuntimeError(self.error or "the recommender is still loading")
        return self._engine
