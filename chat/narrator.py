"""Explanations of a recommendation, written only from facts the engine can stand behind.

``Facts`` carries the evidence behind one card: the values the user asked for that the item
has, the liked films it is closest to, the persona it serves, and its credits. A narrator
turns facts into text, streamed in chunks (``stream``), so the chat can show the cards first
and the explanation as it is written.

``TemplateNarrator`` fills ``prompts/explain.txt``: it cannot state anything that is not in
the facts. The LM narrator (``adapters``) has the same interface and falls back to this one
when it cannot load or runs over its time budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from prompts import render


@dataclass(frozen=True)
class Facts:
    item_id: str
    title: str
    year: int
    genres: tuple[str, ...] = ()
    directors: tuple[str, ...] = ()
    cast: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()  # values the user asked for that the item has
    similar_liked: tuple[str, ...] = ()  # titles of liked films it is closest to
    persona: str = ""  # description of the persona it serves
    wish: str = ""  # the user's free-text wish, when it helped rank the item
    extras: dict = field(default_factory=dict)


class Narrator(Protocol):
    name: str

    def stream(self, facts: Facts) -> Iterator[str]: ...


def _join(words) -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def template_text(f: Facts) -> str:
    because = f" has what you asked for: {_join(f.matched)}." if f.matched else ""
    if not because and f.wish:
        because = f" came up for \u201c{f.wish[:80]}\u201d."
    if not because:
        because = f" is a {_join(g.lower() for g in f.genres[:2])} film people with your taste rate highly." \
            if f.genres else " is well liked by people with your taste."
    similar = f" It is close to {_join(f.similar_liked[:2])}, which you liked." if f.similar_liked else ""
    persona = f" It serves your \u201c{f.persona}\u201d side." if f.persona else ""
    credits = []
    if f.directors:
        credits.append(f"Directed by {_join(f.directors[:1])}")
    if f.cast:
        credits.append(("with " if credits else "With ") + _join(f.cast[:2]))
    credit = (" ".join(credits) + ".") if credits else ""
    year = str(f.year) if f.year > 0 else "year unknown"
    return render("explain", title=f.title, year=year, because=because, similar=similar, persona=persona,
                  credits=credit).strip()


class TemplateNarrator:
    """Deterministic, instant, and faithful by construction."""

    name = "template"

    def stream(self, facts: Facts) -> Iterator[str]:
        yield from re.findall(r"\S+\s*", template_text(facts))
