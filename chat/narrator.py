"""Explanations of a recommendation, written only from facts the engine can stand behind.

``Facts`` carries the evidence behind one card: the values the user asked for that the item
has, the liked films it is closest to, the persona it serves, and its credits. A narrator
turns facts into text, streamed in chunks (``stream``), so the chat can show the cards first
and the explanation as it is written.

``TemplateNarrator`` fills ``prompts/explain.txt``: it cannot state anything that is not in
the facts. The LM narrator (``adapters``) has the same interface and falls back to this one
when it cannot load or runs over its time budget. ``make_narrator(setting, models)`` builds
either from a ``CRS_NARRATOR`` setting (``NARRATORS`` names the kinds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from adapters.corpus import article
from chat.words import join_words
from prompts import render

CROWD_MIN = 20  # fewer ratings than this say little about a film


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
    history_ids: tuple[str, ...] = ()  # catalog ids of the user's liked films, most recent last
    # what it shares with the first of ``similar_liked``, in words ("Robert De Niro", "crime", "the 1990s")
    shared: tuple[str, ...] = ()
    # a film the catalog lacks that the person named, which this one is like ("Finding Nemo"); ``shared`` then
    # says what they share
    like_outside: str = ""
    wanted: bool = False  # the film the person said they want to see ("always meant to watch fargo")
    maybe_told: bool = False  # a film a film told by its people may be ("the one where arnie gets pregnant")
    # (people here who rated it, the share of them who gave 4 or 5 stars; -1 without a 5-star scale)
    crowd: tuple[int, float] | None = None
    extras: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Replace:
    """A narrator's last chunk may replace everything streamed before it (the LM narrator
    does so when its text stated a wrong fact, or ran out of time)."""

    text: str


class Narrator(Protocol):
    name: str

    def stream(self, facts: Facts) -> Iterator[str]: ...


def collect(chunks) -> str:
    """The final text of a narrator's stream (a ``Replace`` chunk replaces what came before)."""
    text = ""
    for chunk in chunks:
        text = chunk.text if isinstance(chunk, Replace) else text + chunk
    return text


def _matched_words(f: Facts) -> list[str]:
    genres = {g.lower() for g in f.genres}
    return [m.lower() if m.lower() in genres else m for m in f.matched]


def _crowd_words(f: Facts) -> str:
    """What the people who rated it here thought, when enough did to say: the card does not show it."""
    if f.crowd is None or f.crowd[0] < CROWD_MIN:
        return ""
    n, high = f.crowd
    if high < 0:
        return f" {n:,} people here have watched it."
    return f" {round(100 * high)}% of the {n:,} people here who rated it gave it 4 or 5 stars."


def template_text(f: Facts) -> str:
    """The explanation from the facts alone, evidence first: what the person asked for that the
    film has, the liked films it is closest to, then its leads and director. It says nothing
    about the person that their history does not show."""
    liked = bool(f.history_ids)
    if f.matched:
        because = f" has what you asked for: {join_words(_matched_words(f))}."
    elif f.wish:
        because = f" came up for \u201c{f.wish[:80]}\u201d."
    elif f.genres:
        kind = join_words(g.lower() for g in f.genres[:2]) + " film"
        because = f" is {article(kind)} that people with your taste rate highly." if liked else \
            f" is a well-liked {kind}."
    else:
        because = " is well liked by people with your taste." if liked else " is well liked by the people who rated it."
    asked = {m.lower() for m in f.matched}
    shared = [w for w in f.shared if w.lower() not in asked] if f.similar_liked and liked else []
    said = set(shared)  # names the credits need not repeat
    if shared:  # what they share is the evidence the card does not show
        similar = f" It shares {join_words(shared)} with {f.similar_liked[0]}, which you liked."
    elif f.like_outside and f.shared:  # "amelie is one of my favourites": a film the catalog lacks, named
        said = set(f.shared)
        similar = f" It shares {join_words(list(f.shared))} with {f.like_outside}, which you named."
    else:
        similar = (f" It is close to {join_words(f.similar_liked[:2])}, which you liked."
                   if f.similar_liked and liked else "")
    similar += _crowd_words(f)
    persona = f" It serves your \u201c{f.persona}\u201d side." if f.persona and liked else ""
    credits = []
    stars = [c for c in f.cast[:2] if c not in said]
    if stars:
        credits.append("It stars " + join_words(stars))
    if f.directors and f.directors[0] not in said:
        credits.append(("and was directed by " if credits else "It was directed by ") + join_words(f.directors[:2]))
    credit = (" ".join(credits) + ".") if credits else ""
    year = f" ({f.year})" if f.year > 0 else ""
    return re.sub(r"\s+", " ", render("explain", title=f.title, year=year, because=because, similar=similar,
                                       persona=persona, credits=credit)).strip()


class TemplateNarrator:
    """Deterministic, instant, and faithful by construction."""

    name = "template"
    note = ""  # why the template narrator is in use, when an LM was wanted

    def stream(self, facts: Facts) -> Iterator[str]:
        yield from re.findall(r"\S+\s*", template_text(facts))


class LoraNarrator:
    """The trained LM narrator (``adapters``) behind the chat's ``Narrator`` interface.

    Writes the "reason" narrative when the user has liked films to compare with, else an
    endorsement; streams the LM's text, then checks its facts against the catalog
    (``adapters.faithful``): a text that states a wrong title, year, person or genre is
    replaced by its true sentences, or by the template text if none is left. Runs over
    ``budget_s`` seconds or fails: the template text, and the reply says so. A text with a
    slip a reader would notice (``adapters.defects``: a leaked placeholder, an empty slot, a
    wrong article, a bit player named as a star, a claim about the person their history does
    not support) is replaced by the template text.
    """

    name = "lora"

    def __init__(self, lm, catalog, checker, budget_s: float = 6.0, defects=None):
        self.lm, self.catalog, self.checker, self.budget_s = lm, catalog, checker, budget_s
        self.defects = defects  # adapters.defects.DefectChecker: a text with a slip is not shown
        self.fallbacks = 0  # texts replaced by the template for a slip

    def _inputs(self, f: Facts):
        from adapters.corpus import allowed_facts, short_title, taste

        cat = self.catalog
        item = cat.item_index(f.item_id)
        history = [cat.item_index(i) for i in f.history_ids][-5:]
        # every "reason" the narrator learnt from names a liked film the candidate is close to: without one
        # it made one up ("If you liked Martin Scorsese, ... it shares Martin Scorsese"), so it endorses instead
        kind = "reason" if history and f.similar_liked else "endorsement"
        facts = {"title": short_title(cat.titles[item]), "year": str(f.year) if f.year > 0 else "",
                 "genres": [g.lower() for g in f.genres[:2]], "director": f.directors[0] if f.directors else "",
                 "cast": list(f.cast[:2]),
                 "shared": [m.lower() if (cat.find_value("genre", m) is not None) else m for m in f.matched[:3]],
                 "similar": list(f.similar_liked[:2]), "taste": taste(cat, history) if history else [],
                 "liked": [short_title(cat.titles[h]) for h in history[-2:]]}
        return kind, facts, history or [item], item, allowed_facts(cat, item, history)

    def stream(self, facts: Facts) -> Iterator[str | Replace]:
        if facts.like_outside:  # like a film the catalog lacks: the LM's soft tokens know catalog films only,
            yield from re.findall(r"\S+\s*", template_text(facts))  # so the template says what they share
            return
        kind, lm_facts, history, item, allowed = self._inputs(facts)
        text = ""
        try:
            for chunk in self.lm.stream(kind, lm_facts, history, item, budget_s=self.budget_s):
                text += chunk
                yield chunk
        except Exception as exc:  # the LM failing must not cost the user an explanation
            yield Replace(template_text(facts) + f" (The language model failed: {type(exc).__name__}.)")
            return
        if getattr(self.lm, "last_timed_out", False) or not text.strip():
            yield Replace(template_text(facts) + " (The short version: the longer one took too long.)")
            return
        if self.checker.check(text, allowed).n_wrong:
            kept = self.checker.filter_text(text, allowed)
            if not kept.strip():  # nothing true was left: the template's text (which has the crowd's words)
                yield Replace(template_text(facts))
                return
            text = kept
            yield Replace(text)
        liked = [self.catalog.item_index(i) for i in facts.history_ids]
        if self.defects is not None and (agreed := self.defects.agree_articles(text, item, liked)) != text:
            text = agreed  # "A adventure film": "An adventure film", the rest as the LM wrote it
            yield Replace(text)
        if self.defects is not None and (self.defects.check(text, item, liked) or not self.defects.names(text, item)):
            # a slip, or the film it explains not named: the template instead
            self.fallbacks += 1
            yield Replace(template_text(facts))
        elif crowd := _crowd_words(facts):  # what the people who rated it thought: counted, not written by the LM
            yield crowd


NARRATOR_DIR = Path(__file__).resolve().parent.parent / "configs" / "narrator"
SHIPPED_NARRATOR = "fused-seed0"  # chosen on the narrator evaluation (docs/narrator.md)


def _lora(models, name: str, budget_s: float) -> LoraNarrator:
    """The trained LM narrator in ``configs/narrator/<name>`` (or the folder ``name``)."""
    folder = Path(name) if Path(name).is_absolute() or "/" in name else NARRATOR_DIR / name
    if not (folder / "meta.json").exists():
        raise FileNotFoundError(f"no trained narrator at {folder} (python -m adapters.train, then lab.promote)")
    if models.retriever is None:
        raise RuntimeError("the narrator needs the MiniLM item vectors, and semantic retrieval is off")
    from adapters.defects import DefectChecker
    from adapters.faithful import FactChecker
    from adapters.narrator import load_narrator

    lm = load_narrator(folder, models.retriever.index.embeddings, models.catalog.fingerprint(), threads=1,
                       catalog=models.catalog)
    return LoraNarrator(lm, models.catalog, FactChecker(models.catalog), budget_s, DefectChecker(models.catalog))


NARRATORS: dict[str, Callable[..., Narrator]] = {
    "template": lambda models, name, budget_s: TemplateNarrator(),
    "lora": _lora,
}


def make_narrator(setting: str, models, budget_s: float = 6.0) -> Narrator:
    """The narrator a setting names: ``template``; ``auto`` (the shipped LoRA narrator,
    ``SHIPPED_NARRATOR``); or a trained LoRA narrator by ``configs/narrator/`` folder name or
    path. Raises when a LoRA narrator cannot load (the caller falls back to the template)."""
    if setting == "template":
        return NARRATORS["template"](models, None, budget_s)
    return NARRATORS["lora"](models, SHIPPED_NARRATOR if setting == "auto" else setting, budget_s)
