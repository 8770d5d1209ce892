"""Checking a narrative's facts against the catalog.

``FactChecker(catalog).check(text, allowed)`` finds the titles, years, people (directors
and actors, by full name) and genres a text states, and splits them into true (in
``allowed``, the facts of the candidate and the user's liked films, see
``adapters.corpus.allowed_facts``) and wrong. Titles and names are matched
case-sensitively as written in the catalog (so "heat" in a sentence is not the film
*Heat*); genres and years case-insensitively. ``filter_text`` drops the sentences that
state a wrong fact: what the app shows when the LM errs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adapters.corpus import display_title
from recsys.catalog import Catalog

YEAR = re.compile(r"\b(18[89]\d|19\d\d|20[0-3]\d)\b")
WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F'.-]+")


@dataclass
class FactReport:
    true: dict[str, set[str]]
    wrong: dict[str, set[str]]

    @property
    def n_wrong(self) -> int:
        return sum(len(v) for v in self.wrong.values())

    @property
    def coverage(self) -> int:
        return sum(len(v) for v in self.true.values())


class FactChecker:
    def __init__(self, catalog: Catalog) -> None:
        self.titles: dict[str, str] = {}  # as written -> lower
        for t in catalog.titles:
            shown = display_title(t).split(" (")[0]
            if len(shown) >= 4:
                self.titles[shown] = shown.lower()
        self.title_re = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(t) for t in sorted(
            self.titles, key=len, reverse=True)) + r")(?![A-Za-z])")
        self.persons: dict[tuple[str, ...], str] = {}
        for t, v in catalog.attr_values:
            if t in ("director", "cast"):
                toks = tuple(WORD.findall(v))
                if len(toks) >= 2:
                    self.persons[toks] = v.lower()
        self.max_name = max((len(k) for k in self.persons), default=2)
        genres = {v.lower() for t, v in catalog.attr_values if t == "genre"}
        self.genre_re = re.compile(r"\b(" + "|".join(re.escape(g) for g in sorted(genres, key=len, reverse=True))
                                   + r")s?\b", re.IGNORECASE)

    def facts(self, text: str) -> dict[str, set[str]]:
        out = {"titles": set(), "years": set(), "persons": set(), "genres": set()}
        out["titles"] = {self.titles[m.group(1)] for m in self.title_re.finditer(text)}
        out["years"] = set(YEAR.findall(text))
        toks = WORD.findall(text)
        toks = [t.rstrip(".'") if t.endswith((".", "'")) else t for t in toks]
        for n in range(self.max_name, 1, -1):
            for k in range(len(toks) - n + 1):
                key = tuple(toks[k : k + n])
                if key in self.persons:
                    out["persons"].add(self.persons[key])
        out["genres"] = {m.group(1).lower() for m in self.genre_re.finditer(text)}
        # a person's name inside a title, or a genre word inside a title, is the title's
        for title in out["titles"]:
            out["persons"] = {p for p in out["persons"] if p not in title}
            out["genres"] = {g for g in out["genres"] if g not in title}
        return out

    def check(self, text: str, allowed: dict[str, set[str]]) -> FactReport:
        stated = self.facts(text)
        true = {k: {f for f in v if f in allowed.get(k, set())} for k, v in stated.items()}
        wrong = {k: v - true[k] for k, v in stated.items()}
        return FactReport(true, wrong)

    def filter_text(self, text: str, allowed: dict[str, set[str]]) -> str:
        """The text without the sentences that state a wrong fact."""
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        return " ".join(s for s in sentences if s and self.check(s, allowed).n_wrong == 0)
