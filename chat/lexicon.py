"""The words a person uses for the catalog's attribute values and titles.

``Lexicon(catalog)`` maps token phrases (tuples of normalised tokens, see ``tokens``) to
(type, value) pairs of the catalog vocabulary, and title phrases to item indices; built once
per catalog (about 0.3 s for ML-100K) and read-only afterwards, so one lexicon is shared by
every session's thread.

What it knows: genre names, plurals and everyday synonyms ("sci fi", "funny", "scary",
"animated", "family"); decades ("90s", "1990s", "nineties", a year like 1994); full names of
directors, cast and writers, and the surnames of directors that are unique in the catalog
and not ordinary words ("hitchcock", "kubrick"); MPAA ratings; runtime, Oscar and critics
words; language and country names. Titles by their full name with a trailing article moved
to the front ("Usual Suspects, The" -> "the usual suspects"), with and without the article.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from recsys.catalog import Catalog
from recsys.retrieval import DECADE_WORDS, GENRE_SYNONYMS

Phrase = tuple[str, ...]
Value = tuple[str, str]

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F']+")

EXTRA_GENRE_WORDS = {
    "scary": "Horror", "horror movie": "Horror", "horrors": "Horror",
    "family": "Children's", "kid": "Children's",
    "rom com": "Romance", "romcom": "Romance", "love story": "Romance",
    "action packed": "Action", "detective": "Mystery", "whodunit": "Mystery",
    "sci": "Sci-Fi", "space": "Sci-Fi", "musical": "Musical",
    "cowboy": "Western", "cowboys": "Western", "documentary": "Documentary",
}
OTHER_PHRASES: dict[str, Value] = {
    "short": ("runtime", "under 90 minutes"), "quick": ("runtime", "under 90 minutes"),
    "under 90 minutes": ("runtime", "under 90 minutes"), "long": ("runtime", "over 2 hours"),
    "over 2 hours": ("runtime", "over 2 hours"), "over two hours": ("runtime", "over 2 hours"),
    "epic": ("runtime", "over 2 hours"),
    "oscar": ("oscar", "Oscar winner"), "oscars": ("oscar", "Oscar winner"),
    "oscar winner": ("oscar", "Oscar winner"), "oscar winning": ("oscar", "Oscar winner"),
    "academy award": ("oscar", "Oscar winner"), "award winning": ("oscar", "Oscar winner"),
    "critically acclaimed": ("critics", "critics' favourite"), "acclaimed": ("critics", "critics' favourite"),
    "critics favourite": ("critics", "critics' favourite"), "critics favorite": ("critics", "critics' favourite"),
    "well reviewed": ("critics", "well reviewed"), "good reviews": ("critics", "well reviewed"),
    "mixed reviews": ("critics", "mixed reviews"), "poorly reviewed": ("critics", "poorly reviewed"),
    "bad reviews": ("critics", "poorly reviewed"),
    "rated g": ("mpaa", "rated G"), "g rated": ("mpaa", "rated G"), "pg": ("mpaa", "rated PG"),
    "rated pg": ("mpaa", "rated PG"), "pg 13": ("mpaa", "rated PG-13"), "pg13": ("mpaa", "rated PG-13"),
    "rated pg 13": ("mpaa", "rated PG-13"), "rated r": ("mpaa", "rated R"), "r rated": ("mpaa", "rated R"),
    "nc 17": ("mpaa", "rated NC-17"), "rated nc 17": ("mpaa", "rated NC-17"),
    "british": ("country", "United Kingdom"), "uk": ("country", "United Kingdom"),
    "usa": ("country", "United States"), "hollywood": ("country", "United States"),
}
# surnames that are also ordinary words are never matched alone
COMMON_WORDS = set("""
love wise young stone hill wood woods king lane rich noble hunt bird cross may march hope black white brown
green gray grey long short little good best day night bell page price rose fox hall bean craven lee scott
allen ford hughes burton carpenter miller jordan wells reed moore howard park hunter bond jackson""".split())
TITLE_ARTICLES = ("the", "a", "an", "la", "le", "les", "il", "el", "das", "der", "die")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens with apostrophes dropped: "Don't like Sci-Fi" -> dont like sci fi."""
    return [t.lower().replace("'", "") for t in TOKEN_RE.findall(text.replace("\u2019", "'"))]


def phrase(text: str) -> Phrase:
    return tuple(tokens(text))


def title_keys(title: str) -> list[Phrase]:
    """Phrases a person may use for a title: "Usual Suspects, The" -> (the usual suspects),
    (usual suspects); an alternative title in parentheses counts too."""
    out = []
    main, _, alt = title.partition(" (")
    for t in (main, alt.rstrip(")")):
        if not t:
            continue
        m = re.match(r"^(.*), (\w+)$", t)
        if m and m.group(2).lower() in TITLE_ARTICLES:
            t = f"{m.group(2)} {m.group(1)}"
        p = phrase(t)
        if p:
            out.append(p)
            roman = tuple({"ii": "2", "iii": "3", "iv": "4"}.get(w, w) for w in p)
            if roman != p:
                out.append(roman)
            if len(p) > 1 and p[0] in TITLE_ARTICLES:
                out.append(p[1:])
    return out


class Lexicon:
    """Phrase tables for one catalog. ``values``: phrase -> [(type, value)]; ``persons``:
    full-name phrase -> [(type, value)] ordered by how many items the person has in that
    role (most first); ``titles``: phrase -> item indices, most-rated first."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        vocab = set(catalog.attr_values)
        counts = catalog.value_counts()
        self.values: dict[Phrase, list[Value]] = defaultdict(list)

        def add(text: str, tv: Value) -> None:
            if tv in vocab and tv not in self.values[phrase(text)]:
                self.values[phrase(text)].append(tv)

        for t, v in catalog.attr_values:
            if t == "genre":
                add(v, (t, v))
                add(v + "s", (t, v))
            elif t == "decade":
                add(v, (t, v))
                add(v[2:], (t, v))  # "90s"
            elif t in ("language", "country"):
                add(v, (t, v))
        for word, g in {**GENRE_SYNONYMS, **EXTRA_GENRE_WORDS}.items():
            add(word, ("genre", g))
        add("film noir", ("genre", "Film-Noir"))
        add("rom com", ("genre", "Comedy"))
        add("romcom", ("genre", "Comedy"))
        for word, d in DECADE_WORDS.items():
            add(word, ("decade", d))
        for year in range(1900, 2030):
            add(str(year), ("decade", f"{year // 10 * 10}s"))
        for word, tv in OTHER_PHRASES.items():
            add(word, tv)
        self.values = dict(self.values)

        role_rank = {"director": 0, "cast": 1, "writer": 2}
        persons: dict[Phrase, list[tuple[int, int, Value]]] = defaultdict(list)
        for v, (t, name) in enumerate(catalog.attr_values):
            if t in role_rank and len(phrase(name)) >= 2:
                persons[phrase(name)].append((-int(counts[v]), role_rank[t], (t, name)))
        self.persons = {p: [tv for *_, tv in sorted(roles)] for p, roles in persons.items()}

        # a director's surname alone (3+ films), when no other director or actor with 5+ films
        # shares it and it is not an ordinary word
        title_words = {w for t in catalog.titles for w in phrase(t)}
        directors: dict[str, set[str]] = defaultdict(set)
        others: dict[str, set[str]] = defaultdict(set)
        for v, (t, name) in enumerate(catalog.attr_values):
            if t in ("director", "cast") and len(phrase(name)) >= 2:
                if t == "director" and counts[v] >= 3:
                    directors[phrase(name)[-1]].add(name)
                if counts[v] >= 5:
                    others[phrase(name)[-1]].add(name)
        self.surnames: dict[Phrase, Value] = {}
        for s, names in directors.items():
            if (len(names | others[s]) == 1 and len(s) >= 5 and s not in COMMON_WORDS
                    and s not in title_words and (s,) not in self.values):
                self.surnames[(s,)] = ("director", next(iter(names)))

        popularity = np.bincount(catalog.inter_item, minlength=catalog.n_items)
        titles: dict[Phrase, list[int]] = defaultdict(list)
        for i, title in enumerate(catalog.titles):
            for key in title_keys(title):
                titles[key].append(i)
        self.titles = {k: sorted(v, key=lambda i: -popularity[i]) for k, v in titles.items()}
        self.title_strings = [" ".join(k) for k in self.titles]
        self.person_strings = [" ".join(k) for k in self.persons]
        self.max_len = max(len(p) for p in [*self.values, *self.persons, *self.titles])
