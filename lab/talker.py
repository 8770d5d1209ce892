"""A simulated user who talks: free text from a paraphrase bank, typos, impatience, changes of mind.

The clicking user (``lab.drive.ChatUser``) clicks a chip its target has and answers truthfully;
people type. ``TalkingUser`` wants one target film like the clicking user and answers as
truthfully, but its behaviour is fixed here (issue 18), not tuned against the engine:

- at least half of its answers are typed (``FREE_TEXT`` of them), drawn from
  ``lab/data/paraphrases.json``; the rest are chip clicks;
- ``MISSPELL`` (15%) of its typed messages carry one typo (two letters swapped, one dropped or
  one doubled, in a word of four letters or more);
- ``SHOW_NOW`` (10%) of its turns ask for films now instead of answering;
- ``CHANGE_MIND`` (5%) of its conversations change their mind once, early: a new value of
  one stated type ("actually, make it the 80s instead"), and from then on a new target that
  fits the new wish;
- it quits after a loop: the same reply twice in a row, or a question about a type it has
  already answered or stated, asked again.

Per episode it records the turn of the first list, whether it quit on a loop, and the share
of the first list's films whose catalog facts have every value it had stated by then.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

BANK = Path(__file__).resolve().parent / "data" / "paraphrases.json"
FREE_TEXT, MISSPELL, SHOW_NOW, CHANGE_MIND = 0.6, 0.15, 0.10, 0.05
GENRE_WORDS = {"Sci-Fi": "sci-fi", "Children's": "kids", "Film-Noir": "film noir"}


def load_bank(path: Path = BANK) -> dict:
    bank = json.loads(path.read_text(encoding="utf-8"))
    need = {"opening", "answer_value", "yes", "no", "any", "more", "show_now", "change_mind"}
    missing = need - set(bank)
    if missing:
        raise ValueError(f"{path}: the paraphrase bank needs {sorted(missing)}")
    return bank


def spoken(attr_type: str, value: str) -> str:
    """A value as a person types it: "Sci-Fi" -> sci-fi, "1990s" -> the 90s."""
    if attr_type == "genre":
        return GENRE_WORDS.get(value, value.lower())
    if attr_type == "decade":
        return f"the {value[2:]}"
    return value


def misspell(text: str, rng: np.random.Generator) -> str:
    """``text`` with one typo in one word of four letters or more (the first letter kept)."""
    words = [m for m in re.finditer(r"[A-Za-z]{4,}", text)]
    if not words:
        return text
    m = words[int(rng.integers(len(words)))]
    w = m.group(0)
    k = int(rng.integers(1, len(w) - 1))
    kind = int(rng.integers(3))
    if kind == 0:
        typo = w[:k] + w[k + 1] + w[k] + w[k + 2 :]  # swap two letters
    elif kind == 1:
        typo = w[:k] + w[k + 1 :]  # drop one
    else:
        typo = w[:k] + w[k] + w[k:]  # double one
    return text[: m.start()] + typo + text[m.end() :]


@dataclass
class TalkingUser:
    """Wants ``target_id``; ``values``: its "type=value" keys; ``known_types``: types it has data for."""

    target_id: str
    values: set[str]
    known_types: set[str]
    opening: str
    stated: set[str]  # the keys it has stated or chosen so far (its wish)
    rng: np.random.Generator
    bank: dict
    change_at: int | None = None  # the turn it changes its mind at, if it does
    switch: tuple[str, int, str] | None = None  # (type, new value's index, message) for the change of mind
    world: object = None
    latencies: list[float] = field(default_factory=list)
    first_list_turn: int | None = None
    first_list_keys: list[set[str]] | None = None  # the first list's films' keys, to judge fit
    stated_at_first_list: set[str] = field(default_factory=set)
    quit_on_loop: bool = False
    changed_mind: bool = False
    _turn: int = 0
    _last_text: str | None = None
    _answered: set[str] = field(default_factory=set)  # types answered or stated
    _asked: set[tuple[str, str]] = field(default_factory=set)

    def _say(self, text: str) -> dict:
        if self.rng.random() < MISSPELL:
            text = misspell(text, self.rng)
        return {"type": "text", "text": text}

    def _pick(self, key: str) -> str:
        options = self.bank[key]
        return options[int(self.rng.integers(len(options)))]

    def loop(self, reply: dict) -> bool:
        """The reply repeats the previous one, or asks again about a type already answered."""
        text = reply.get("text", "")
        q = reply.get("question")
        looped = text == self._last_text
        if q and not looped:
            asked = (q["attr_type"], q["text"])
            looped = q["attr_type"] in self._answered and asked in self._asked
            self._asked.add(asked)
        self._last_text = text
        return looped

    def observe(self, reply: dict, card_keys) -> bool:
        """Take in a reply (the first list, for the fit); True when it is a loop, and the user quits.
        ``card_keys(item_id)`` gives a card's "type=value" keys."""
        cards = [c["item_id"] for c in reply.get("cards", [])]
        if cards and self.first_list_turn is None:
            self.first_list_turn = self._turn
            self.first_list_keys = [card_keys(i) for i in cards]
            self.stated_at_first_list = set(self.stated)
        self._turn += 1
        self.quit_on_loop = self.loop(reply)
        return self.quit_on_loop

    def respond(self, reply: dict) -> dict:
        """The next event: a typed message or a chip click."""
        turn = reply["turn"]
        if self.change_at is not None and self._turn >= self.change_at and self.switch and not self.changed_mind:
            self.changed_mind = True
            return self._say(self._change_mind())
        if self.rng.random() < SHOW_NOW:
            return self._say(self._pick("show_now"))
        q = reply.get("question")
        if not q:
            return self._say(self._pick("more"))
        self._answered.add(q["attr_type"])
        typed = self.rng.random() < FREE_TEXT
        if q["yes_no"]:
            answer = ("any" if q["attr_type"] not in self.known_types else
                      "yes" if q["subject"] in self.values else "no")
            if answer == "yes":
                self.stated.add(q["subject"])
            return self._say(self._pick(answer)) if typed else {"type": "chip", "value": answer, "turn": turn}
        for key, _ in q["options"]:
            if key in self.values:
                self.stated.add(key)
                if typed:
                    t, _, v = key.partition("=")
                    return self._say(self._pick("answer_value").format(value=spoken(t, v)))
                return {"type": "chip", "value": key, "turn": turn}
        return self._say(self._pick("any")) if typed else {"type": "chip", "value": "any", "turn": turn}

    def _change_mind(self) -> str:
        """Switch to the new value of the opening's type and to a new target that has it and
        every other value stated so far (or, failing that, the new value alone)."""
        attr_type, v, message = self.switch
        world = self.world
        cat = world.catalog
        key = f"{attr_type}={cat.attr_values[v][1]}"
        self.stated = {k for k in self.stated if not k.startswith(attr_type + "=")} | {key}
        have = [int(world.data.items[w]) for w in world.items_with(v)]
        fitting = [j for j in have if self.stated <= {f"{a}={b}" for a, b in cat.attributes_of(j)}]
        pool = fitting or have
        j = pool[int(self.rng.integers(len(pool)))]
        self.target_id = cat.item_ids[j]
        self.values = {f"{a}={b}" for a, b in cat.attributes_of(j)}
        self.known_types = {x for x in cat.attr_types if cat.knows(j, x)}
        self._answered.discard(attr_type)
        return message

    def first_list_fit(self) -> float | None:
        """The share of the first list's films that have every value stated by then."""
        if not self.first_list_keys or not self.stated_at_first_list:
            return None
        return float(np.mean([self.stated_at_first_list <= keys for keys in self.first_list_keys]))


def make_talker(catalog, world, target: int, rng: np.random.Generator, bank: dict,
                open_types=("genre", "decade")) -> TalkingUser:
    """The talking user for world item ``target``: it opens with one of the target's genre or
    decade values in its own words; one conversation in twenty changes its mind."""
    i = int(world.data.items[target])
    pairs = catalog.attributes_of(i)
    options = [(t, v) for t, v in pairs if t in open_types]
    t, v = options[int(rng.integers(len(options)))] if options else ("title", catalog.titles[i])
    templates = bank["opening"].get(t, bank["opening"]["other"])
    opening = templates[int(rng.integers(len(templates)))].format(value=spoken(t, v))
    known = {x for x in catalog.attr_types if catalog.knows(i, x)}
    user = TalkingUser(catalog.item_ids[i], {f"{a}={b}" for a, b in pairs}, known, opening,
                       {f"{t}={v}"} if t != "title" else set(), rng, bank, world=world)
    if rng.random() < CHANGE_MIND and t != "title":
        others = [int(x) for x in catalog.values_of_type(t) if catalog.attr_values[x][1] != v
                  and len(world.items_with(int(x))) >= 5]
        if others:
            new = others[int(rng.integers(len(others)))]
            message = bank["change_mind"][int(rng.integers(len(bank["change_mind"])))].format(
                value=spoken(t, catalog.attr_values[new][1]))
            user.change_at, user.switch = int(rng.integers(2, 5)), (t, new, message)
    return user
