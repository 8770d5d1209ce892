"""Checking a narrative's facts against the catalog.

``FactChecker(catalog).check(text, allowed)`` finds the titles, years, people (directors
and actors, by full name) and genres a text states, and splits them into true (in
``allowed``, the facts of the candidate and the user's liked films, see
``adapters.corpus.allowed_facts``) and wrong; a person said to have directed a film must have
directed one of them. Titles and names are matched
case-sensitively as written in the catalog (so "heat" in a sentence is not the film
*Heat*), a title also with its small inner words in either case and without its closing "..."
or "!" (``title_forms``: "Monty Python and The Holy Grail" is that film, not a stranger called
"The Holy Grail"); genres and years case-insensitively. ``filter_text`` drops the sentences that
state a wrong fact: what the app shows when the LM errs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adapters.corpus import short_title
from recsys.catalog import Catalog

YEAR = re.compile(r"\b(18[89]\d|19\d\d|20[0-3]\d)\b")
# a sentence ends at . ! ?, not after an initial or a title of address ("John B. Lewis", "Dr. Strangelove")
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)\s+")
# a name credited as a film's star or maker: two to four capitalised words (initials allowed) after the
# words that credit it ("starring John B. Lewis", "a film by Alan Mathias", "directed by X and Y")
CREDITED_NAME = re.compile(r"\b(?:starring|stars|co-stars|directed by|a film by|written by|film by|and)\s+"
                           r"((?:[A-Z][a-z'\u2019-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'\u2019-]+|[A-Z]\.)){1,3})(?![A-Za-z])")


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


def _alternation(words, pattern=re.escape) -> re.Pattern:
    """Any of ``words`` as a whole word, the longest first; ``pattern`` writes each one's regex."""
    return re.compile(r"(?<![A-Za-z0-9])(" + "|".join(pattern(w) for w in sorted(words, key=len, reverse=True))
                      + r")(?![A-Za-z0-9])")


_SMALL_WORDS = ("the", "a", "an", "of", "and", "in", "on", "to", "for", "at", "with", "from")
_SMALL = re.compile(r"(?<=\s)(" + "|".join(_SMALL_WORDS) + r")(?=\s)", re.IGNORECASE)
_CLOSING = re.compile(r"\s*(?:\.\.\.|[!?])$")


def fold_title(text: str) -> str:
    """A title as written, with its small inner words in lower case: "Monty Python and The Holy Grail" ->
    "Monty Python and the Holy Grail"."""
    return _SMALL.sub(lambda m: m.group(1).lower(), text)


def title_forms(title: str) -> list[str]:
    """How a narrative may write a title and mean it: as the catalog does, and without the closing
    "...", "!" or "?" ("When Harry Met Sally", "That Thing You Do"); small inner words in either case
    (``fold_title``)."""
    bare = _CLOSING.sub("", title)
    return [title] + ([bare] if bare != title and len(bare) >= 4 else [])


def _title_pattern(title: str) -> str:
    """The regex of a title whose small inner words match in either case."""
    return "".join(f"(?i:{re.escape(x)})" if k % 2 else re.escape(x) for k, x in enumerate(_SMALL.split(title)))


class FactChecker:
    def __init__(self, catalog: Catalog) -> None:
        self.titles: dict[str, str] = {}  # a title's form, folded -> the title in lower case
        for t in catalog.titles:
            if len(short_title(t)) >= 4:
                for form in title_forms(short_title(t)):
                    self.titles.setdefault(fold_title(form), short_title(t).lower())
        self.title_re = _alternation(self.titles, _title_pattern)
        self.persons = {v: v.lower() for t, v in catalog.attr_values
                        if t in ("director", "cast") and len(v.split()) >= 2}
        self.person_re = _alternation(self.persons)
        genres = {v.lower() for t, v in catalog.attr_values if t == "genre"}
        self.genre_re = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(g) for g in sorted(genres, key=len,
                                                                                                 reverse=True))
                                   + r")s?(?![A-Za-z])", re.IGNORECASE)

    def named(self, kind: str, written: str) -> str:
        """The person or title (``kind`` "persons" or "titles") a span of ``_spans`` names, in lower case."""
        return self.persons[written] if kind == "persons" else self.titles[fold_title(written)]

    def _spans(self, text: str) -> list[tuple[str, re.Match]]:
        """(kind, match) of the people and titles ``text`` names, longest first, none inside another:
        a person's name is not also the film *Michael*, nor "John Doe" of *Meet John Doe* a person."""
        taken: list[tuple[int, int]] = []
        out = []
        hits = [(m, "persons") for m in self.person_re.finditer(text)] + \
               [(m, "titles") for m in self.title_re.finditer(text)]
        for m, kind in sorted(hits, key=lambda h: -(h[0].end() - h[0].start())):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                taken.append(m.span())
                out.append((kind, m))
        return out

    def facts(self, text: str, spans: list[tuple[str, re.Match]] | None = None) -> dict[str, set[str]]:
        """Stated facts by type. Spans are claimed longest kind first: a person's name is not
        also the film *Michael*, and the 2001 of *2001: A Space Odyssey* is not a year. ``spans``:
        ``_spans(text)``, when the caller has them."""
        spans = self._spans(text) if spans is None else spans
        taken = [m.span() for _, m in spans]

        def free(m) -> bool:
            return all(m.end() <= a or m.start() >= b for a, b in taken)

        out = {"titles": set(), "years": set(), "persons": set(), "genres": set()}
        for kind, m in spans:
            out[kind].add(self.named(kind, m.group(1)))
        out["years"] = {m.group(1) for m in YEAR.finditer(text) if free(m)}
        out["genres"] = {m.group(1).lower() for m in self.genre_re.finditer(text) if free(m)}
        return out

    def directing(self, text: str, spans: list[tuple[str, re.Match]] | None = None) -> set[str]:
        """People the text says directed a film ("X directed it", "directed by X", "director X",
        "X's direction"), lower case: a person who only acts in it must not be named so. "X
        directed by Y" says Y directed, not X; names inside titles are no people."""
        out = set()
        for kind, m in self._spans(text) if spans is None else spans:
            if kind != "persons":
                continue
            before, after = text[max(0, m.start() - 16) : m.start()], text[m.end() : m.end() + 20]
            if (re.match(r"\s+(?:directed|helmed|co-directed)\b(?!\s+by\b)|['\u2019]s\s+direction\b", after,
                         re.IGNORECASE)
                    or re.search(r"\b(?:directed by|helmed by|director|directors|filmmaker)[\s,:]+$", before,
                                 re.IGNORECASE)):
                out.add(self.persons[m.group(1)])
        return out

    def strangers(self, text: str, spans: list[tuple[str, re.Match]] | None = None) -> set[str]:
        """Names credited in ``text`` ("starring John B. Lewis", "a film by Alan Mathias") that are
        no director or actor of the catalog and no title: made up, so wrong whatever the film."""
        taken = [m.span() for _, m in (self._spans(text) if spans is None else spans)]
        return {m.group(1) for m in CREDITED_NAME.finditer(text)
                if m.group(1) not in self.persons and all(m.end(1) <= a or m.start(1) >= b for a, b in taken)}

    def check(self, text: str, allowed: dict[str, set[str]]) -> FactReport:
        """The facts ``text`` states, true and wrong against ``allowed``; with ``allowed["directors"]``,
        a person said to have directed who directed none of the films is wrong too (counted in
        ``wrong["directors"]``, never in the coverage: the name is already a fact of ``persons``).
        A credited name the catalog does not know is wrong too (``wrong["strangers"]``)."""
        spans = self._spans(text)
        stated = self.facts(text, spans)
        true = {k: {f for f in v if f in allowed.get(k, set())} for k, v in stated.items()}
        wrong = {k: v - true[k] for k, v in stated.items()}
        if "directors" in allowed:
            wrong["directors"] = self.directing(text, spans) - allowed["directors"]
        strangers = self.strangers(text, spans)
        if strangers:
            wrong["strangers"] = strangers
        return FactReport(true, wrong)

    def filter_text(self, text: str, allowed: dict[str, set[str]]) -> str:
        """The text without the sentences that state a wrong fact."""
        sentences = SENTENCE_END.split(text.strip())
        return " ".join(s for s in sentences if s and self.check(s, allowed).n_wrong == 0)
