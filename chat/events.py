"""What the user can do (events), what the engine answers (``Reply``), and the chat state.

Every event carries ``turn``: the turn the user was looking at when they acted (None means
"now", as for typed text). A button from an earlier turn is recognised by it and handled
politely instead of being applied to a conversation that has moved on.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    text: str
    turn: int | None = None


@dataclass(frozen=True)
class Chip:
    """A quick-reply chip: ``value`` is a vocabulary key "type=value", or "any", "yes", "no"."""

    value: str
    turn: int | None = None


@dataclass(frozen=True)
class CardFeedback:
    item_id: str
    kind: str  # like | dislike | seen
    turn: int | None = None

    def __post_init__(self):
        if self.kind not in ("like", "dislike", "seen"):
            raise ValueError(f"CardFeedback.kind must be like, dislike or seen, got {self.kind!r}")


@dataclass(frozen=True)
class Why:
    item_id: str | None = None  # None: the top card
    turn: int | None = None


@dataclass(frozen=True)
class RemoveConstraint:
    key: str  # "type=value"
    turn: int | None = None


@dataclass(frozen=True)
class Undo:
    turn: int | None = None


@dataclass(frozen=True)
class Restart:
    turn: int | None = None


Event = Text | Chip | CardFeedback | Why | RemoveConstraint | Undo | Restart

EVENT_TYPES = {
    "text": lambda d: Text(str(d["text"]), d.get("turn")),
    "chip": lambda d: Chip(str(d["value"]), d.get("turn")),
    "like": lambda d: CardFeedback(str(d["item_id"]), "like", d.get("turn")),
    "dislike": lambda d: CardFeedback(str(d["item_id"]), "dislike", d.get("turn")),
    "seen": lambda d: CardFeedback(str(d["item_id"]), "seen", d.get("turn")),
    "why": lambda d: Why(d.get("item_id"), d.get("turn")),
    "undo": lambda d: Undo(d.get("turn")),
    "restart": lambda d: Restart(d.get("turn")),
    "remove": lambda d: RemoveConstraint(str(d["key"]), d.get("turn")),
}


def event_from_dict(d: dict) -> Event:
    """The event a JSON object names (the HTTP API's ``/step`` and the simulated users):
    ``{"type": "text", "text": ...}``, ``{"type": "chip", "value": "genre=Comedy", "turn": 3}``,
    like / dislike / seen / why with ``"item_id"``, undo, restart, remove with ``"key"``.
    Raises KeyError for a missing field, ValueError for an unknown type."""
    kind = d["type"]
    if kind not in EVENT_TYPES:
        raise ValueError(f"unknown event type {kind!r}: one of {', '.join(EVENT_TYPES)}")
    return EVENT_TYPES[kind](d)


FEEDBACK_SAID = {"like": "Like: ", "dislike": "Not for me: ", "seen": "Seen it: "}


def said(record: dict, shown: dict | None) -> str:
    """What the page showed as the person's message for a logged event (``event_record``'s
    dict), given the reply they were looking at (``Reply.to_dict``; None before the first):
    the typed text, the chip's label, "Like: <title>", "Why <title>?", "Remove <label>", ..."""
    shown = shown or {}
    kind = record.get("type")
    if kind == "Text":
        return str(record.get("text", ""))[:300]
    if kind == "Chip":
        value = str(record.get("value", ""))
        options = dict(map(tuple, (shown.get("question") or {}).get("options", [])))
        return options.get(value, value.split("=", 1)[-1])
    titles = {c["item_id"]: c["title"] for c in shown.get("cards", [])}
    item = titles.get(record.get("item_id"), "this film")
    if kind == "CardFeedback":
        return FEEDBACK_SAID.get(record.get("kind"), "") + item
    if kind == "Why":
        return f"Why {item}?"
    if kind == "RemoveConstraint":
        labels = {c[0]: c[1] for c in shown.get("constraints", [])}
        key = str(record.get("key", ""))
        return f"Remove {labels.get(key, key.split('=', 1)[-1])}"
    return {"Undo": "Undo", "Restart": "Start over"}.get(kind, "")


def value_key(attr_type: str, value: str) -> str:
    return f"{attr_type}={value}"


@dataclass(frozen=True)
class Question:
    text: str
    attr_type: str
    options: tuple[tuple[str, str], ...]  # (chip key, label); "any" is always offered too
    yes_no: bool = False  # a single-value question: chips are yes / no / any
    subject: str = ""  # the key of the value a yes/no question asks about


@dataclass(frozen=True)
class Card:
    item_id: str
    title: str
    year: int
    genres: tuple[str, ...]
    directors: tuple[str, ...]
    cast: tuple[str, ...]
    persona: str  # description of the persona it serves ("" for a new user)
    reason: str  # one line: the strongest evidence
    fits: bool = True  # known to have everything asked for (False: a close film, labelled so)
    partial: bool = False  # a film that does not fit is known to have part of what was asked for
    details: tuple[str, ...] = ()  # what else is known: runtime, rating, critics ("90 to 120 minutes")
    liked: bool = False  # the person liked it in this conversation: it stays in view, marked so


@dataclass(frozen=True)
class Reply:
    text: str  # markdown; user text inside it is escaped
    turn: int  # the turn this reply opens: events for it carry this number
    question: Question | None = None
    cards: tuple[Card, ...] = ()
    constraints: tuple[tuple[str, str, bool], ...] = ()  # (key, label, wanted)
    personas: tuple[tuple[str, float], ...] = ()  # (description, weight)
    subgraph: dict = field(default_factory=dict)  # {"nodes": [...], "edges": [...]}
    explain: str | None = None  # item id whose narrative the UI should stream now
    notes: tuple[str, ...] = ()  # short system notes (fallbacks, limits)
    brief: str = ""  # the text without the numbered film list, for a page that shows the cards
    persona_examples: tuple[str, ...] = ()  # a film each persona was built from, in ``personas`` order

    def to_dict(self) -> dict:
        return {"text": self.text, "turn": self.turn,
                "question": None if self.question is None else {
                    "text": self.question.text, "attr_type": self.question.attr_type,
                    "options": [list(o) for o in self.question.options], "yes_no": self.question.yes_no,
                    "subject": self.question.subject},
                "cards": [c.__dict__ | {"genres": list(c.genres), "directors": list(c.directors),
                                        "cast": list(c.cast), "details": list(c.details)} for c in self.cards],
                "constraints": [list(c) for c in self.constraints], "personas": [list(p) for p in self.personas],
                "explain": self.explain, "notes": list(self.notes), "brief": self.brief,
                "persona_examples": list(self.persona_examples)}


@dataclass(frozen=True)
class ChatState:
    """One conversation. Immutable: ``step`` returns a new state; ``previous`` is the state
    before the last turn (for undo, a bounded chain). Items are the world's compact indices,
    values the catalog vocabulary's indices."""

    session_id: str
    user_id: str | None = None
    turn: int = 0
    actions: int = 0  # system actions since the last start over (the policy's t)
    accepted: tuple[int, ...] = ()
    rejected: tuple[int, ...] = ()
    either: tuple[tuple[int, ...], ...] = ()  # wanted: one value of each group ("French": France or French)
    unanswered: tuple[int, ...] = ()
    answers: tuple[str, ...] = ()  # yes / no / dont_know, in order
    passes: int = 0  # questions answered "no preference" in a row since the last list
    liked: tuple[int, ...] = ()  # this session's likes (memory adds earlier ones)
    disliked: tuple[int, ...] = ()
    seen: tuple[int, ...] = ()
    shown: tuple[int, ...] = ()  # recommended earlier in this search and passed over
    refused: tuple[int, ...] = ()  # set aside in this conversation ("not Die Hard"): never listed again in it
    wish: str = ""
    unwish: str = ""  # words of films the person does not want ("no superheroes"): films like them are kept back
    by_year: str = ""  # "newest" / "oldest": the films that fit go by year first ("the newest comedies u have");
    # a year ("1994"): that year's films first ("the best movies of 1994")
    quiet: bool = False  # "stop asking me questions": films only, no question, until the person starts over
    lesser_known: bool = False  # "something more obscure": films fewer people here rated first, this search
    best: bool = False  # "what's the best rated film you have?": the films most people here rated 4 or 5 stars first
    milder: bool = False  # "not too scary" of a kind wanted: films known to be rated PG-13 or milder first, this search
    max_minutes: int = 0  # "nothing over 100 minutes": no film known to run longer, while a length is asked for
    series: tuple[int, ...] = ()  # a series asked for ("all the alien movies"): its films in order (world items,
    # -1 for one that cannot be a card), while its films are on the cards
    series_name: str = ""
    for_child: bool = False  # the films are for a child (an age said): children's films stay through "actually a X"
    topic: int = -1  # the film (catalog index) the last question about a film was on: what "is it scary?" means
    topic_role: str = ""  # what that question asked of it: "director" ("who directed it?"), "cast" ("who is in it?")
    lean: int = -1  # the film (world item) the person last asked for more like ("more like toy story"), this search
    wanted: tuple[int, ...] = ()  # films (world items) the person wants to see ("always meant to watch fargo"),
    # this search: first on the next list, not yet shown
    story: int = -1  # the film (world item) whose story the wish describes ("the one where the ship sinks")
    among: tuple[int, ...] = ()  # films (world items) a film told by its people may be, when no story singled one
    # out ("the hitchcock one where cary grant gets chased by the crop duster": ``Parse.among``): first on the next list
    told: tuple[int, ...] = ()  # films (catalog indices) the last message told by who is in them and what happens
    # ("the one where keanu keeps the bus above 50": ``Parse.told``): "not that one" takes back what was noted
    # films the catalog lacks that the person wants films like ("best film ever finding nemo"), this search:
    # each by its title and year as ``recsys.outside`` names it ("Finding Nemo (2003)")
    lean_outside: tuple[str, ...] = ()
    question: Question | None = None
    asked: tuple[int, ...] = ()  # values offered by the pending question
    question_types: tuple[str, ...] = ()  # the attribute type of each question in this search
    cards: tuple[int, ...] = ()
    persona_weights: tuple[float, ...] = ()
    previous: ChatState | None = None

    def depth(self) -> int:
        n, s = 0, self.previous
        while s is not None:
            n, s = n + 1, s.previous
        return n


STATE_VERSION = 1  # bump when ChatState's fields change meaning


def state_to_json(s: ChatState, catalog: str = "") -> str:
    """``s`` with its undo chain as JSON (the store keeps it, so any replica can continue
    the conversation). ``catalog``: the catalog fingerprint its indices refer to."""
    def encode(st: ChatState | None):
        if st is None:
            return None
        d = {f.name: getattr(st, f.name) for f in dataclasses.fields(st)}
        d["question"] = None if st.question is None else dataclasses.asdict(st.question)
        d["previous"] = encode(st.previous)
        return d

    return json.dumps({"v": STATE_VERSION, "catalog": catalog, "state": encode(s)}, separators=(",", ":"),
                      default=_plain)


def _plain(x):
    """numpy scalars (indices and weights that came from arrays) as Python numbers."""
    if hasattr(x, "item"):
        return x.item()
    raise TypeError(f"{type(x).__name__} is not JSON serialisable")


def state_from_json(text: str, catalog: str = "") -> ChatState:
    """The state ``state_to_json`` wrote; ValueError when it is from another catalog or version."""
    data = json.loads(text)
    if data.get("v") != STATE_VERSION or data.get("catalog", "") != catalog:
        raise ValueError(f"a conversation state of version {data.get('v')} on catalog {data.get('catalog')!r}; "
                         f"this app reads version {STATE_VERSION} on {catalog!r}")

    def tuples(x):
        return tuple(tuples(v) for v in x) if isinstance(x, list) else x

    def decode(d: dict | None) -> ChatState | None:
        if d is None:
            return None
        kw = {k: tuples(v) for k, v in d.items() if k not in ("question", "previous")}
        q = d.get("question")
        return ChatState(**kw, question=None if q is None else Question(**{k: tuples(v) for k, v in q.items()}),
                         previous=decode(d.get("previous")))

    return decode(data["state"])
