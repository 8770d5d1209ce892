"""Free-text item retrieval: semantic (encoder + vector index), a keyword baseline, a hybrid.

    retriever = load_retriever(catalog)              # loads MiniLM, embeddings, chroma store
    items, scores = retriever.retrieve("a tense crime thriller", k=10)
    items, scores = retriever.retrieve("a comedy", 10, filters={"decade": ["1980s"]})

Every method returns ``(item indices (m,) int64, scores (m,) float)``, best first, m <= k.

The keyword baseline knows attribute values by name: genre names and a few simple synonyms
(``GENRE_SYNONYMS``: "sci fi" -> Sci-Fi, "funny" -> Comedy, "scary" -> Horror, ...), decades
("80s", "1980s", "eighties") and full director / cast names. It ranks items by the number
of matched values they have, then by popularity. The hybrid adds ``keyword_bonus`` per
matched value to the cosine similarity: the default 0.1 (fixed before any evaluation) only
nudges; a bonus above 2 (cosines differ by at most 2) makes it lexicographic, keyword
matches first and the encoder ordering within them and filling in when the query names no
known value (see ``lab.evaluate_retrieval`` for how each fares).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from recsys.catalog import Catalog
from recsys.semantic import TextEncoder, item_embeddings, load_encoder
from recsys.vector_store import ItemIndex, matches, where_for

# phrase (normalised, see ``normalise``) -> genre value; genre names themselves are added
# from the catalog. Kept deliberately small: this is a baseline, not a tuned lexicon.
GENRE_SYNONYMS = {
    "sci fi": "Sci-Fi", "scifi": "Sci-Fi", "science fiction": "Sci-Fi",
    "funny": "Comedy", "comedies": "Comedy", "comic": "Comedy",
    "scary": "Horror",
    "cartoon": "Animation", "cartoons": "Animation", "animated": "Animation",
    "kids": "Children's", "children": "Children's", "childrens": "Children's",
    "romantic": "Romance",
    "noir": "Film-Noir",
    "suspense": "Thriller",
    "mysteries": "Mystery", "documentaries": "Documentary",
}
DECADE_WORDS = {"twenties": "1920s", "thirties": "1930s", "forties": "1940s", "fifties": "1950s",
                "sixties": "1960s", "seventies": "1970s", "eighties": "1980s", "nineties": "1990s"}
PERSON_TYPES = ("director", "cast")


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, other punctuation to spaces: "Children's Sci-Fi" -> "childrens sci fi"."""
    text = text.lower().replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _contains(haystack: str, phrase: str) -> bool:
    return f" {phrase} " in f" {haystack} "


class KeywordMatcher:
    """Finds the catalog attribute values that a query names. Build once per catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        vocab = set(catalog.attr_values)
        self.genre_phrases: dict[str, str] = {}
        for _, g in (tv for tv in catalog.attr_values if tv[0] == "genre"):
            name = normalise(g)
            self.genre_phrases[name] = g
            self.genre_phrases[name + "s"] = g  # "westerns", "thrillers"
        for phrase, g in GENRE_SYNONYMS.items():
            if ("genre", g) in vocab:
                self.genre_phrases[phrase] = g
        self.decades = {v for t, v in catalog.attr_values if t == "decade"}
        # persons by full name only (two words or more): surnames alone are too ambiguous
        self.person_phrases: dict[str, list[tuple[str, str]]] = {}
        for t, v in catalog.attr_values:
            name = normalise(v)
            if t in PERSON_TYPES and len(name.split()) >= 2:
                self.person_phrases.setdefault(name, []).append((t, v))

    def parse(self, text: str) -> list[tuple[str, str]]:
        """(type, value) pairs of the catalog vocabulary named in ``text``, without duplicates."""
        q = normalise(text)
        found: list[tuple[str, str]] = []
        for phrase, g in self.genre_phrases.items():
            if _contains(q, phrase):
                found.append(("genre", g))
        for m in re.finditer(r"\b(19|20)?(\d)0s\b", q):
            century = m.group(1) or ("20" if m.group(2) in "01" else "19")  # "20s" -> 1920s
            found.append(("decade", f"{century}{m.group(2)}0s"))
        found += [("decade", d) for w, d in DECADE_WORDS.items() if _contains(q, w)]
        found = [tv for tv in found if tv[0] != "decade" or tv[1] in self.decades]
        for name, pairs in self.person_phrases.items():
            if _contains(q, name):
                found += pairs
        return list(dict.fromkeys(found))

    def match_counts(self, text: str) -> tuple[np.ndarray, list[tuple[str, str]]]:
        """``(n_items,)`` number of the query's named values each item has, and those values."""
        terms = self.parse(text)
        if not terms:
            return np.zeros(self.catalog.n_items), terms
        cols = [self.catalog.value_index(t, v) for t, v in terms]
        counts = np.asarray(self.catalog.item_attr[:, cols].sum(axis=1)).ravel()
        return counts.astype(np.float64), terms


def _top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the k highest finite scores, best first (ties by lower index), and the scores."""
    finite = np.flatnonzero(np.isfinite(scores))
    k = max(0, min(int(k), finite.size))
    order = finite[np.argsort(-scores[finite], kind="stable")][:k]
    return order.astype(np.int64), scores[order]


def keyword_retrieve(catalog: Catalog, text: str, k: int, popularity: np.ndarray,
                     matcher: KeywordMatcher | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Baseline: items ranked by how many named values they have, ties by ``popularity``
    ``(n_items,)``. A query naming nothing known returns the most popular items."""
    matcher = matcher or KeywordMatcher(catalog)
    counts, _ = matcher.match_counts(text)
    pop = np.asarray(popularity, dtype=np.float64)
    tiebreak = pop / (pop.max() + 1.0) if pop.size and pop.max() > 0 else np.zeros_like(pop)  # in [0, 1)
    return _top_k(counts + tiebreak, k)


@dataclass(frozen=True)
class RetrievalConfig:
    keyword_bonus: float = 0.1  # hybrid: added to cosine per matched value (fixed a priori, not tuned)

    def __post_init__(self) -> None:
        if not self.keyword_bonus >= 0:
            raise ValueError(f"keyword_bonus must be >= 0, got {self.keyword_bonus}")


class SemanticRetriever:
    """Free-text retrieval over one catalog. Thread-safe if the encoder and index are.

    ``encoder``: a ``TextEncoder``; ``index``: an ``ItemIndex`` over the same catalog's
    item embeddings ``(n_items, dim)``; ``filters`` everywhere are as in ``where_for``.
    """

    def __init__(self, catalog: Catalog, encoder: TextEncoder, index: ItemIndex,
                 config: RetrievalConfig = RetrievalConfig()) -> None:
        if index.n_items != catalog.n_items:
            raise ValueError(f"index has {index.n_items} items, catalog {catalog.n_items}")
        self.catalog = catalog
        self.encoder = encoder
        self.index = index
        self.config = config
        self.matcher = KeywordMatcher(catalog)
        # repeated texts (a chat re-ranking, an evaluation sweep) skip the encoder
        self._encode = functools.lru_cache(maxsize=256)(lambda text: self.encoder.encode([text])[0])

    def encode_query(self, text: str) -> np.ndarray:
        """``(dim,)`` unit vector of the query text (a fresh copy; the last 256 are cached)."""
        return self._encode(text).copy()

    def retrieve(self, text: str, k: int, filters: Mapping[str, Sequence[str]] | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
        """Nearest items to the query text by cosine similarity (through the index)."""
        return self.index.search(self.encode_query(text), k, where=where_for(filters))

    def hybrid_retrieve(self, text: str, k: int, filters: Mapping[str, Sequence[str]] | None = None,
                        keyword_bonus: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Cosine similarity + ``keyword_bonus`` x (named values the item has), exact over all items."""
        bonus = self.config.keyword_bonus if keyword_bonus is None else keyword_bonus
        sims = self.index.embeddings @ self.encode_query(text)  # (n_items,)
        counts, _ = self.matcher.match_counts(text)
        scores = sims.astype(np.float64) + bonus * counts
        where = where_for(filters)
        if where:
            allowed = np.array([matches(m, where) for m in self.index.metadatas], dtype=bool)
            scores = np.where(allowed, scores, -np.inf)
        return _top_k(scores, k)


def load_retriever(catalog: Catalog, encoder: TextEncoder | None = None, backend: str = "chromadb",
                   config: RetrievalConfig = RetrievalConfig()) -> SemanticRetriever:
    """Encoder (MiniLM unless given), cached item embeddings and the opened item index."""
    encoder = encoder or load_encoder()
    emb = item_embeddings(catalog, encoder)
    index = ItemIndex.open(catalog, emb, model_key=encoder.key, backend=backend)
    return SemanticRetriever(catalog, encoder, index, config)
