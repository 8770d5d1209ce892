"""Everything the chat engine shares between sessions, loaded once (``load_models``).

The world is the simulator's (seed-0 per-user split of the catalog, the tuned EASE model on
its train part), so the trained ``unified`` policy's fingerprint check passes and the app
runs the very policy the benchmark measured. Recommendable films are the world's items (the
split's 10-core filter: 1,016 of ML-100K's 1,682 films, the rest having too few ratings to
learn from); every catalog film can still be named in chat.

First start fits and caches ALS (for the fused persona vectors), the MiniLM item embeddings
and the chroma index under the data directory; later starts read the caches.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
import scipy.linalg  # noqa: F401 (imported before the loader threads start: the encoder's thread and the ratings
import scipy.sparse.linalg  # noqa: F401 guess importing it at once deadlocked on scipy.linalg.cython_blas)

from chat.narrator import Narrator, TemplateNarrator
from chat.parser import Parser
from chat.tastes import SHIPPED_PRIOR, SHIPPED_TASTES, TASTES, make_tastes
from policy.registry import Policy, make_policy
from policy.rule import RuleConfig
from policy.state import UserModel
from policy.world import World, build_world
from recsys import assets
from recsys.catalog import Catalog
from recsys.datasets import load_dataset
from recsys.graph import GraphConfig, QueryItemGraph, build_graph
from recsys.models import make_scorer
from recsys.personas import fuse
from recsys.scorers import Scorer, binary, matrix_fingerprint
from recsys.tuned import load_config, model_params

log = logging.getLogger(__name__)

# Real people make mistakes and change their minds: the engine uses the beliefs the rule was
# tuned with for the flip-0.1 simulated user, and multi-choice questions (chips).
HUMAN_SETTING = UserModel(flip=0.1)




@dataclass
class Models:
    catalog: Catalog
    world: World
    als: Scorer
    fused: np.ndarray  # (n_world_items, d) unit fused CF + text vectors
    popularity: np.ndarray  # (n_world_items,) train interactions per item
    graph: QueryItemGraph
    parser: Parser
    policy: Policy
    policy_name: str
    rule_config: RuleConfig
    narrator: Narrator
    retriever: object | None  # recsys.retrieval.SemanticRetriever, None when unavailable
    value_share: np.ndarray  # (n_values,) share of world items having each value
    last_year: int
    prior: Scorer | None = None  # the CF scores of the liked films (None: the world's EASE)
    tastes: object = None  # chat.tastes: the personas (k-means over fused vectors, or AMP-CF)
    plots: object = None  # recsys.plots.PlotIndex (one film or more): what films are about, for wishes of other words


MODEL_NAMES = {"als": "ALS", "ampcf": "AMP-CF", "ease": "EASE", "multvae": "Mult-VAE", "kgat": "KGAT"}


def _guess_ratings(catalog: Catalog) -> None:
    """The guess at unknown ratings (``recsys.fact_guess``), made while the models load: the first
    "nothing rated R" of a process would otherwise wait for it (0.8 s on MovieLens-100K)."""
    from recsys import fact_guess

    try:
        fact_guess.looks(catalog, "mpaa", fact_guess.ADULT)
    except Exception as exc:  # noqa: BLE001 (a turn that needs it computes it again, and says what failed)
        log.warning("guessing unknown ratings failed: %s: %s", type(exc).__name__, exc)


def _cached_scorer(name: str, world: World, catalog: Catalog, progress: Callable[[str], None],
                   why: str = "persona vectors") -> Scorer:
    """Scorer ``name`` with the tuned parameters on the world's train matrix, cached by fingerprint."""
    model = make_scorer(name, model_params(name, load_config(catalog.key())), seed=0, catalog=catalog,
                        items=world.data.items)  # side information for scorers that read it (kgat, gserec)
    model.train_fingerprint = matrix_fingerprint(binary(world.data.train))  # what fit() will record
    expect = model.fingerprint()
    path = assets.data_dir() / "cache" / f"{name}-{catalog.name}-{expect}.pkl"
    if path.exists():
        try:
            return Scorer.load(path, expect_fingerprint=expect)
        except Exception as exc:  # a corrupt or stale cache is rebuilt, never fatal
            progress(f"cached {MODEL_NAMES.get(name, name)} model unusable ({type(exc).__name__}: {exc}); refitting")
    progress(f"fitting {MODEL_NAMES.get(name, name)} for {why} (first start only)")
    model.fit(world.data.train)
    model.save(path)
    return model


def _attach_store(retriever, catalog: Catalog, progress: Callable[[str], None]) -> None:
    """Open the chroma vector store after start-up (importing chromadb alone takes about 2 s
    of a start) and swap it in; searches until then use the same vectors in memory."""
    from recsys.vector_store import ChromaServerError, ItemIndex

    try:
        index = ItemIndex.open(catalog, retriever.index.embeddings, model_key=retriever.encoder.key)
    except ChromaServerError as exc:  # the configured server failed: say so where the operator looks
        log.error("%s; searches use the in-memory index", exc)
        progress(f"vector server unavailable: {exc}; staying with the in-memory index")
        return
    except Exception as exc:  # ItemIndex.open already falls back to memory; belt and braces
        progress(f"vector store unavailable ({type(exc).__name__}: {exc}); staying with the in-memory index")
        return
    retriever.index = index
    progress(f"vector store open ({index.backend})")


def reading_parser(catalog: Catalog, retriever) -> Parser:
    """The parser with the encoder's vocabulary (ordinary words, left alone by the spelling
    correction), the well-known films the catalog lacks (``recsys.outside``) and its reader of
    requests ("show me now", "start over"), and the wish gate shipped for the catalog
    (``chat.wish_gate``)."""
    from chat.intents import IntentReader, card_reader, verdict_reader
    from chat.wish_gate import load_gate
    from recsys.outside import outside_films
    from recsys.semantic import text_embeddings

    films = {"genre", "director", "cast"} <= set(catalog.attr_types)  # a catalog of films (not of books)
    parser = Parser(catalog, english=retriever.encoder.words(), outside=outside_films(catalog) if films else ())
    encode = partial(text_embeddings, retriever.encoder)  # (the exemplars: encoded once, then read from the cache)
    parser.reader = IntentReader(encode, encode_one=retriever.encode_query, frame=parser.frame)
    parser.verdicts = verdict_reader(encode, encode_one=retriever.encode_query)
    parser.cards = card_reader(encode, encode_one=retriever.encode_query)
    parser.wish_gate = load_gate(catalog, retriever.encode_query)  # (None where none was shipped)
    return parser


def load_models(dataset: str = "movielens-100k", policy: str = "unified", policy_seed: int = 0,
                retrieval: bool = True, narrator: Narrator | None = None,
                progress: Callable[[str], None] = log.info, prior: str = SHIPPED_PRIOR,
                tastes: str = SHIPPED_TASTES) -> Models:
    """Load or build every shared model, reporting each step through ``progress``.

    ``prior``: the registered scorer whose scores of the liked films start each turn's
    ranking (``ease`` is the world's own model; another is fitted on the same train split and
    cached). ``tastes``: ``kmeans`` or ``ampcf`` (``chat.tastes``). Neither changes
    the simulated world the policies were trained in."""
    if tastes not in TASTES:
        raise ValueError(f"unknown tastes {tastes!r}: use one of {', '.join(TASTES)}")
    t0 = time.perf_counter()
    progress(f"loading catalog {dataset}")
    catalog = load_dataset(dataset)
    loaded: dict = {}
    loader = None
    if retrieval:  # the encoder loads (mostly imports) while the CF models fit
        def load_semantic():
            try:
                from recsys.retrieval import load_retriever

                # serving starts on an in-memory copy of the vectors; chroma is opened afterwards
                retriever = load_retriever(catalog, backend="memory")
                loaded["retriever"] = retriever
                loaded["parser"] = reading_parser(catalog, retriever)  # while the CF models fit
                if {"genre", "director", "cast"} <= set(catalog.attr_types):  # films: TMDB's stories, where
                    from recsys.plots import load_plots  # it knows some of them

                    loaded["plots"] = load_plots(catalog, retriever.encoder) or None
                    if loaded["plots"] is not None:  # films told by who is in them and what happens
                        loaded["parser"].stories = (loaded["plots"], retriever.encode_query)
            except Exception as exc:
                loaded["error"] = exc

        progress("loading the sentence encoder, item embeddings and vector index (in the background)")
        loader = threading.Thread(target=load_semantic, name="load-encoder", daemon=True)
        loader.start()
    threading.Thread(target=_guess_ratings, args=(catalog,), name="guess-ratings", daemon=True).start()
    progress("fitting the CF model (EASE) on the seed-0 split")
    world = build_world(catalog, seed=0, model="ease", leads_only=True)  # (chips offer stars: ``World.leads_only``)
    als = _cached_scorer("als", world, catalog, progress)
    prior_model = None if prior == "ease" else _cached_scorer(prior, world, catalog, progress, "the chat's prior")
    ampcf = None
    if tastes == "ampcf":
        ampcf = prior_model if prior == "ampcf" else _cached_scorer("ampcf", world, catalog, progress, "personas")
    progress("building the query-item graph")
    graph = build_graph(world.item_attr, world.value_type, catalog.attr_types, GraphConfig(), train=world.data.train)
    retriever, text = None, None
    if loader is not None:
        loader.join()
        if "error" in loaded:
            exc = loaded["error"]
            progress(f"semantic retrieval unavailable ({type(exc).__name__}: {exc}); continuing without it")
        else:
            retriever = loaded["retriever"]
            text = retriever.index.embeddings
            threading.Thread(target=_attach_store, args=(retriever, catalog, progress), name="open-store",
                             daemon=True).start()
    if text is None:  # no encoder: personas from CF vectors alone
        text = np.zeros((catalog.n_items, 1), dtype=np.float32)
    items = world.data.items
    fused = fuse(als.item_factors, text[items])
    if policy not in ("unified", "rule"):
        raise ValueError(f"unknown policy {policy!r}: use unified or rule")
    rule = make_policy("rule", world, HUMAN_SETTING)
    pol = rule
    if policy == "unified":
        try:
            pol = make_policy("unified", world, HUMAN_SETTING, seed=policy_seed)
        except (FileNotFoundError, ValueError) as exc:
            progress(f"unified policy unavailable ({exc}); using the rule policy")
            policy = "rule"
    parser = loaded.get("parser") or Parser(catalog)  # without the encoder: the word lists alone
    years = catalog.years[items]
    value_share = np.asarray(world.item_attr.mean(axis=0)).ravel()
    models = Models(catalog, world, als, fused, np.asarray(world.data.train.sum(axis=0)).ravel(), graph,
                    parser, pol, policy, rule.config, narrator or TemplateNarrator(), retriever,
                    value_share, int(years.max()), prior_model,
                    make_tastes(tastes, fused=fused, item_attr=world.item_attr, attr_values=catalog.attr_values,
                                value_share=value_share, ampcf=ampcf),
                    loaded.get("plots") if retriever is not None else None)
    progress(f"ready in {time.perf_counter() - t0:.1f} s ({world.n_items} films, policy {policy})")
    return models
