"""The chat engine: ``step(state, event) -> (state, reply)``, one turn at a time.

    engine = Engine(load_models())
    state, reply = engine.start()                      # or engine.start(token) to resume
    state, reply = engine.step(state, Text("something funny from the 90s"))
    state, reply = engine.step(state, Chip("cast=Tom Hanks", turn=reply.turn))
    for chunk in engine.narrate(state, reply.cards[0].item_id): ...

A turn: understand the event (``chat.parser`` for text), update the evidence, score every
film through the query–item graph (prior = CF from the user's liked films blended with
persona attention and the free-text wish's semantic retrieval; labels = accepted / rejected
values, liked / disliked / passed films, propagated), let the policy (``unified`` by default,
the same code the simulator measures) ask or recommend on beliefs over those scores, and
write the turn to the user's memory in one transaction. The engine holds only read-only
shared models, so one engine serves many sessions from many threads.
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from collections.abc import Iterator

import numpy as np

from chat import cards as views
from chat.events import (
    CardFeedback,
    ChatState,
    Chip,
    Event,
    Question,
    RemoveConstraint,
    Reply,
    Restart,
    Text,
    Undo,
    Why,
    value_key,
)
from chat.loading import Models
from chat.memory import MemoryStore, UserMemory
from chat.narrator import Replace, template_text
from chat.parser import Parse
from policy.actions import Answer, AskType, AskValue, Recommend
from policy.beliefs import log_beliefs, top_items
from policy.rule import fallback_list
from policy.state import DialogueState
from prompts import render, table
from recsys.graph import Feedback, GraphSession, initial_prior, rank_normalise
from recsys.personas import Persona, attention, build_personas, reweight

MAX_TURNS = 200  # per session; documented in the README
UNDO_DEPTH = 10
CARDS = 5  # films shown per list
POLICY_HORIZON = 15  # the policy's t is capped at its last action: after that it recommends
PASSES = 2  # questions in a row answered "no preference": the user wants films, so the next action recommends


@dataclasses.dataclass
class _Turn:
    """Scratch for one turn: the new state being built and what the reply should say."""

    state: ChatState
    notes: list[str] = dataclasses.field(default_factory=list)
    ack: list[str] = dataclasses.field(default_factory=list)
    recommend: bool = False  # the user asked for films: skip the question
    decide: bool = True  # run the policy (False: answer only, keep the question / cards)
    explain: str | None = None


class Engine:
    def __init__(self, models: Models, memory: MemoryStore | None = None) -> None:
        self.m = models
        self.memory = memory
        cat = models.catalog
        self._world_items = models.world.data.items
        self._item_of_id = {cat.item_ids[i]: w for w, i in enumerate(self._world_items)}

    # sessions and identity -------------------------------------------------------------
    def start(self, token: str | None = None) -> tuple[ChatState, Reply, str | None]:
        """A new session: resume the memory the token unlocks, or create a user (when a memory
        store is attached). Returns (state, greeting, token to keep)."""
        user_id, note = None, ""
        if self.memory is not None:
            user_id = self.memory.resume(token) if token else None
            if user_id is None:
                if token:
                    note = "I could not find a memory for that key, so this is a fresh start."
                user_id, token = self.memory.new_user()
            else:
                mem = self.memory.load(user_id)
                if mem.summary["liked"]:
                    note = f"Welcome back: I remember {len(mem.summary['liked'])} films you liked."
        state = ChatState(session_id=uuid.uuid4().hex, user_id=user_id)
        text = render("help", last_year=self.m.last_year)
        reply = Reply(text=(note + "\n\n" + text).strip(), turn=0, personas=self._persona_view(state))
        return state, reply, token

    # the turn ------------------------------------------------------------------------------
    def step(self, state: ChatState, event: Event) -> tuple[ChatState, Reply]:
        if state.turn >= MAX_TURNS:
            return state, Reply(f"This conversation has reached {MAX_TURNS} turns. Please start a new session.",
                                state.turn, cards=self._cards(state, state.cards), question=state.question)
        t = _Turn(dataclasses.replace(state, turn=state.turn + 1, previous=_bounded(state)))
        stale = getattr(event, "turn", None) is not None and event.turn != state.turn
        if isinstance(event, Text):
            self._on_text(t, event.text)
        elif isinstance(event, Chip):
            if stale or state.question is None:
                t.notes.append("That question is from an earlier turn, so I left it alone." if stale else
                               "There is no open question right now.")
                t.decide = False
            else:
                self._on_chip(t, event.value)
        elif isinstance(event, CardFeedback):
            self._on_card(t, event)
        elif isinstance(event, Why):
            self._on_why(t, event.item_id)
        elif isinstance(event, RemoveConstraint):
            self._on_remove(t, event.key)
        elif isinstance(event, Undo):
            return self._undo(state)
        elif isinstance(event, Restart):
            t.state = self._restarted(t.state)
            t.ack.append("Starting over.")
            t.decide = False
            t.notes.append("What are you in the mood for?")
        else:
            raise TypeError(f"unknown event {event!r}")
        state, reply = self._finish(t)
        self._remember(state, event, reply)
        return state, reply

    def narrate(self, state: ChatState, item_id: str | None = None) -> Iterator[str]:
        """The explanation of one card (default the top one), streamed in chunks."""
        item = self._card_item(state, item_id)
        if item is None:
            yield "There is no recommendation to explain yet."
            return
        facts = views.facts(self, state, item)
        narrator = self.m.narrator
        if getattr(narrator, "note", ""):
            yield f"*({narrator.note})* "
        try:
            yield from narrator.stream(facts)
        except Exception as exc:  # the narrator failing must not cost the user an answer
            yield Replace(template_text(facts) + f" (The narrator failed: {type(exc).__name__}; this is the short "
                          "version.)")

    # event handlers -------------------------------------------------------------------------
    def _on_text(self, t: _Turn, text: str) -> None:
        p = self.m.parser.parse(text)
        if p.truncated:
            t.notes.append("Your message was long, so I read only its first part.")
        if "restart" in p.intents:
            t.state = self._restarted(t.state)
            t.ack.append("Starting over.")
        if "undo" in p.intents:
            t.notes.append("Use the undo button to take back your last answer.")
            t.decide = False
            return
        if p.intents and set(p.intents) <= {"greeting", "help"}:
            t.ack.append(render("help", last_year=self.m.last_year))
            t.decide = False
            return
        if "why" in p.intents:
            self._on_why(t, None)
            return
        s = t.state
        if s.question is not None and ({"yes", "no", "any"} & set(p.intents) or p.accepted or p.rejected):
            self._answer(t, p)
        self._apply_values(t, p.accepted, p.rejected)
        self._apply_titles(t, p)
        if p.wish:
            t.state = dataclasses.replace(t.state, wish=p.wish)
            t.ack.append(f"Looking for something like \u201c{views.md(p.wish[:100])}\u201d.")
        if {"more", "something_else"} & set(p.intents):
            t.recommend = True
            if "something_else" in p.intents:
                t.ack.append("Something different, then.")
        understood = p.intents or p.accepted or p.rejected or p.liked or p.disliked or p.wish
        if not understood:
            if not p.unknown_titles:
                t.notes.append("Sorry, I did not catch that. You can name a genre, an era, a director or actor, "
                               "a film you liked, or just describe the mood.")
            t.decide = False

    def _answer(self, t: _Turn, p: Parse) -> None:
        """Text that answers the pending question."""
        s, cat = t.state, self.m.catalog
        asked = list(s.asked)
        named = [cat.value_index(*tv) for tv in p.accepted if tv in cat._value_index]
        picked = [v for v in asked if v in named]
        if picked:
            self._record(t, yes=picked, unknown=[v for v in asked if v not in picked])
        elif "any" in p.intents:
            self._record(t, unknown=asked)
            t.ack.append("No preference there.")
        elif "no" in p.intents:
            self._record(t, no=asked)
        elif "yes" in p.intents:
            if len(asked) == 1:
                self._record(t, yes=asked)
            else:
                t.notes.append("Which one? Click a chip, or say \u201cany\u201d.")
                t.decide = False

    def _on_chip(self, t: _Turn, key: str) -> None:
        asked = list(t.state.asked)
        if key == "any":
            self._record(t, unknown=asked)
            t.ack.append("No preference there.")
            return
        if key in ("yes", "no") and t.state.question.yes_no:
            self._record(t, **({"yes": asked} if key == "yes" else {"no": asked}))
            return
        v = self._value_of_key(key)
        if v is None or v not in asked:
            t.notes.append("That option is not part of the current question.")
            t.decide = False
            return
        self._record(t, yes=[v], unknown=[a for a in asked if a != v])

    def _record(self, t: _Turn, yes=(), no=(), unknown=()) -> None:
        s = t.state
        accepted = tuple(dict.fromkeys(s.accepted + tuple(yes)))
        rejected = tuple(v for v in dict.fromkeys(s.rejected + tuple(no)) if v not in accepted)
        unanswered = tuple(dict.fromkeys(s.unanswered + tuple(unknown)))
        answers = s.answers + tuple(["yes"] * len(yes) + ["no"] * len(no) + ["dont_know"] * len(unknown))
        if yes:
            t.ack.append("Got it: " + ", ".join(self._label(v) for v in yes) + ".")
        elif no:
            t.ack.append("Noted, not " + " or ".join(self._label(v) for v in no) + ".")
        passes = s.passes + 1 if unknown and not yes and not no else 0
        t.state = dataclasses.replace(s, accepted=accepted, rejected=rejected, unanswered=unanswered,
                                      answers=answers, question=None, asked=(), passes=passes)

    def _apply_values(self, t: _Turn, accepted, rejected) -> None:
        cat = self.m.catalog
        yes = [cat.value_index(*tv) for tv in accepted if tv in cat._value_index]
        no = [cat.value_index(*tv) for tv in rejected if tv in cat._value_index]
        yes = [v for v in yes if v not in t.state.accepted]
        no = [v for v in no if v not in t.state.rejected]
        if not (yes or no):
            return
        s = t.state
        accepted_t = tuple(v for v in s.accepted if v not in no) + tuple(yes)
        rejected_t = tuple(v for v in s.rejected if v not in yes) + tuple(no)
        t.state = dataclasses.replace(s, accepted=accepted_t, rejected=rejected_t,
                                      answers=s.answers + ("yes",) * len(yes) + ("no",) * len(no))
        if yes and not any(a.startswith("Got it") for a in t.ack):
            t.ack.append("Got it: " + ", ".join(self._label(v) for v in yes) + ".")
        if no:
            t.ack.append("No " + ", ".join(self._label(v) for v in no) + ".")

    def _apply_titles(self, t: _Turn, p: Parse) -> None:
        cat, s = self.m.catalog, t.state
        liked, disliked, wish_extra = list(s.liked), list(s.disliked), []
        for i, bucket in [(i, liked) for i in p.liked] + [(i, disliked) for i in p.disliked]:
            name = views.display_title(cat.titles[i]) + (f" ({cat.years[i]})" if cat.years[i] > 0 else "")
            w = int(self.m.to_world[i])
            if w >= 0:
                if w not in bucket:
                    bucket.append(w)
                t.ack.append(("Noted that you liked " if bucket is liked else "Noted that you did not like ")
                             + f"*{views.md(name)}*.")
            elif bucket is liked:
                wish_extra.append(cat.texts[i])
                t.notes.append(f"I know *{views.md(name)}*, but too few people rated it for me to learn from "
                               "it, so I will look for films that resemble its description.")
            else:
                t.notes.append(f"I know *{views.md(name)}*; I will keep away from films like it.")
        for u in p.unknown_titles:
            t.notes.append(f"I do not have \u201c{views.md(u[:80])}\u201d in my catalog (MovieLens, films up to "
                           f"{self.m.last_year}), so I cannot use it.")
        wish = " ".join([s.wish] + wish_extra).strip() if wish_extra else s.wish
        t.state = dataclasses.replace(s, liked=tuple(liked), disliked=tuple(disliked), wish=wish)

    def _on_card(self, t: _Turn, ev: CardFeedback) -> None:
        s = t.state
        item = self._item_of_id.get(ev.item_id)
        if item is None or item not in s.shown + s.cards:
            t.notes.append("I did not recommend that film in this conversation, so I left it alone.")
            t.decide = False
            return
        title = self._title(item)
        if ev.turn is not None and ev.turn != s.turn - 1:
            t.notes.append(f"(That was a button from an earlier list; I still noted it for *{title}*.)")
        liked = tuple(i for i in s.liked if i != item)
        disliked = tuple(i for i in s.disliked if i != item)
        seen = tuple(i for i in s.seen if i != item)
        weights = s.persona_weights
        if ev.kind == "like":
            liked += (item,)
            t.ack.append(f"Glad you like *{title}*. Here is a fresh list with that in mind.")
        elif ev.kind == "dislike":
            disliked += (item,)
            t.ack.append(f"Noted, not *{title}*. Here is a fresh list.")
        else:
            seen += (item,)
            t.ack.append(f"You have seen *{title}*: I will not suggest it again.")
        personas = self.personas(s)
        if personas and ev.kind in ("like", "dislike"):
            _, a = attention(personas, self.m.fused[[item]])
            personas = reweight(personas, int(np.argmax(a[0])), ev.kind == "like")
            weights = tuple(p.weight for p in personas)
        t.state = dataclasses.replace(s, liked=liked, disliked=disliked, seen=seen, persona_weights=weights)
        t.recommend = True

    def _on_why(self, t: _Turn, item_id: str | None) -> None:
        s = t.state
        item = self._card_item(s, item_id)
        if item is None or (item_id and item not in s.cards + s.shown):
            t.notes.append("There is no recommendation to explain yet." if item_id is None else
                           "I did not recommend that film in this conversation.")
        else:
            t.explain = self.m.catalog.item_ids[self._world_items[item]]
            t.ack.append(f"Why *{self._title(item)}*:")
        t.decide = False

    def _on_remove(self, t: _Turn, key: str) -> None:
        v = self._value_of_key(key)
        s = t.state
        if v is None or v not in s.accepted + s.rejected:
            t.notes.append("That constraint is not active.")
            t.decide = False
            return
        t.state = dataclasses.replace(s, accepted=tuple(a for a in s.accepted if a != v),
                                      rejected=tuple(r for r in s.rejected if r != v))
        t.ack.append(f"Removed {self._label(v)}.")
        t.recommend = bool(s.cards)

    def _undo(self, state: ChatState) -> tuple[ChatState, Reply]:
        prev = state.previous
        if prev is None:
            return state, Reply("There is nothing to undo.", state.turn, question=state.question,
                                cards=self._cards(state, state.cards), constraints=self._constraints(state))
        # turn numbers only grow, so buttons of the undone turn are recognised as stale
        restored = dataclasses.replace(prev, turn=state.turn + 1)
        reply = self._reply(restored, ["Undone."], [], None)
        if self.memory is not None and restored.user_id is not None:
            views.commit(self, restored, Undo(state.turn), reply, undone=state)
            reply = self._reply(restored, ["Undone."], [], None)  # personas without the undone likes
        return restored, reply

    @staticmethod
    def _restarted(s: ChatState) -> ChatState:
        return ChatState(session_id=s.session_id, user_id=s.user_id, turn=s.turn, liked=s.liked,
                         disliked=s.disliked, seen=s.seen, previous=s.previous)

    # deciding and replying --------------------------------------------------------------------
    def _finish(self, t: _Turn) -> tuple[ChatState, Reply]:
        s = t.state
        if t.decide:
            ds, scores = self.dialogue_state(s)
            if t.recommend or s.passes >= PASSES:
                logb = log_beliefs(ds, self.m.rule_config.beliefs)
                action = fallback_list(ds, top_items(logb, 10))
            else:
                action = self.m.policy.decide(ds)
            shown = s.shown + tuple(i for i in s.cards if i not in s.shown)
            if isinstance(action, Recommend):
                cards = tuple(int(i) for i in action.items[:CARDS])
                s = dataclasses.replace(s, cards=cards, shown=shown, question=None, asked=(), actions=s.actions + 1,
                                        passes=0)
                lead = "Here are some films for you:" if not t.ack else "Here are some films:"
                t.ack.append(lead)
            else:
                s = dataclasses.replace(s, question=self._question(action), shown=shown, cards=(),
                                        asked=_asked(action), actions=s.actions + 1)
        return s, self._reply(s, t.ack, t.notes, t.explain)

    def _reply(self, s: ChatState, ack: list[str], notes: list[str], explain: str | None) -> Reply:
        parts = [*ack]
        if s.question is not None and explain is None:
            parts.append(f"**{s.question.text}**")
        cards = self._cards(s, s.cards)
        if cards and explain is None and s.question is None:
            parts.append("\n".join(f"{k}. **{views.md(c.title)}** ({c.year}) \u2014 {c.reason}"
                                   for k, c in enumerate(cards, 1)))
        text = "\n\n".join(p for p in [" ".join(notes)] + parts if p)
        return Reply(text=text or "Tell me more about what you would like to watch.", turn=s.turn,
                     question=s.question, cards=cards, constraints=self._constraints(s),
                     personas=self._persona_view(s), subgraph=views.subgraph(self, s), explain=explain,
                     notes=tuple(notes))

    def _question(self, action) -> Question:
        cat = self.m.catalog
        if isinstance(action, AskValue):
            t, v = cat.attr_values[action.value]
            return Question(table("questions")["value"][t].format(value=v), t, (("yes", "yes"), ("no", "no")),
                            yes_no=True, subject=value_key(t, v))
        return Question(table("questions")["type"][action.attr_type], action.attr_type,
                        tuple((value_key(*cat.attr_values[v]), cat.attr_values[v][1]) for v in action.values))

    # scoring -----------------------------------------------------------------------------------
    def history(self, s: ChatState) -> list[int]:
        """World items the user liked: remembered from earlier sessions, then this one's."""
        remembered = self._memory(s).summary["liked"] if s.user_id else []
        out = [self._item_of_id[i] for i in remembered if i in self._item_of_id]
        return list(dict.fromkeys(out + list(s.liked)))

    def personas(self, s: ChatState, history: list[int] | None = None) -> list[Persona]:
        """The user's personas: built from every liked film (minus disliked ones), weighted by
        this session's feedback. Cached on the liked films, so a turn builds them once.
        ``history`` (``self.history(s)``) may be passed in by a caller that has it."""
        history = self.history(s) if history is None else history
        liked = tuple(i for i in history if i not in s.disliked)
        return self._personas(liked, s.persona_weights)

    @functools.lru_cache(maxsize=1024)  # noqa: B019 (the engine lives as long as the process)
    def _personas(self, liked: tuple[int, ...], weights: tuple[float, ...]) -> list[Persona]:
        personas = build_personas(self.m.fused, np.asarray(liked, dtype=np.int64))
        if len(weights) == len(personas) and personas:
            personas = [dataclasses.replace(p, weight=w) for p, w in zip(personas, weights)]
        return [dataclasses.replace(p, description=views.persona_words(self, p)) for p in personas]

    def scores(self, s: ChatState) -> np.ndarray:
        """Item scores ``(n_world_items,)`` for this state, from the query–item graph."""
        m = self.m
        hist = self.history(s)
        cf = m.world.scorer.score(np.asarray(hist))[0] if hist else m.popularity.astype(np.float32)
        personas = self.personas(s, hist)
        if personas:
            att, _ = attention(personas, m.fused)
            cf = 0.5 * rank_normalise(cf) + 0.5 * rank_normalise(att)
        wish = self._wish_scores(s.wish) if s.wish else None
        prior = initial_prior(m.world.n_items, cf_scores=cf, retrieval_scores=wish, retrieval_weight=0.5)
        g = GraphSession(m.graph, prior)
        g.update(Feedback(tuple(s.accepted), tuple(s.rejected), tuple(s.liked), tuple(s.disliked),
                          tuple(i for i in s.shown if i not in s.liked)))
        return g.item_scores

    def _wish_scores(self, wish: str) -> np.ndarray | None:
        r = self.m.retriever
        if r is None:
            return None
        items, sims = r.retrieve(wish, k=min(300, r.index.n_items))
        out = np.full(self.m.world.n_items, float(sims.min()) - 0.01 if len(sims) else 0.0, dtype=np.float32)
        w = self.m.to_world[items]
        out[w[w >= 0]] = sims[w >= 0]
        return out

    def dialogue_state(self, s: ChatState) -> tuple[DialogueState, np.ndarray]:
        """The policy's view of the conversation (the simulator's ``DialogueState``)."""
        w = self.m.world
        scores = self.scores(s)
        blocked = np.zeros(w.n_items, dtype=bool)
        remembered = self._memory(s).summary if s.user_id else {"liked": [], "seen": [], "disliked": []}
        for key in ("liked", "seen", "disliked"):
            idx = [self._item_of_id[i] for i in remembered.get(key, []) if i in self._item_of_id]
            blocked[idx] = True
        blocked[list(s.liked + s.seen + s.disliked)] = True
        shown = np.zeros(w.n_items, dtype=bool)
        shown[list(s.shown + s.cards)] = True
        ds = DialogueState(w, 0, scores, noisy=True, multi_choice=True, max_turns=POLICY_HORIZON,
                           opening=s.accepted[0] if s.accepted else -1, turn=min(s.actions, POLICY_HORIZON - 2),
                           accepted=list(s.accepted), rejected=list(s.rejected), unanswered=list(s.unanswered),
                           answers=[Answer(a) for a in s.answers], shown=shown, blocked=blocked,
                           candidates=~(shown | blocked), list_size=CARDS)
        if not ds.allowed.any():  # everything shown: let earlier lists come back
            ds.shown = np.zeros(w.n_items, dtype=bool)
        return ds, scores

    # views ------------------------------------------------------------------------------------------
    def _cards(self, s: ChatState, items) -> tuple:
        return views.cards(self, s, items)

    def _constraints(self, s: ChatState) -> tuple:
        return tuple((value_key(*self.m.catalog.attr_values[v]), self._label(v), True) for v in s.accepted) + \
            tuple((value_key(*self.m.catalog.attr_values[v]), self._label(v), False) for v in s.rejected)

    def _persona_view(self, s: ChatState) -> tuple:
        return tuple((p.description, round(p.weight, 3)) for p in self.personas(s))

    def _card_item(self, s: ChatState, item_id: str | None) -> int | None:
        """The world item an event names, or the top card when it names none."""
        if item_id:
            return self._item_of_id.get(item_id)
        return s.cards[0] if s.cards else None

    def _title(self, item: int) -> str:
        """A world item's title as shown in a reply (markdown-safe)."""
        return views.md(views.display_title(self.m.catalog.titles[self._world_items[item]]))

    def _label(self, v: int) -> str:
        return self.m.catalog.attr_values[v][1]

    def _value_of_key(self, key: str) -> int | None:
        t, _, v = str(key).partition("=")
        return self.m.catalog._value_index.get((t, v))

    def _memory(self, s: ChatState) -> UserMemory:
        return self.memory.load(s.user_id)

    def _remember(self, s: ChatState, event: Event, reply: Reply) -> None:
        if self.memory is None or s.user_id is None:
            return
        views.commit(self, s, event, reply)

    def forget(self, s: ChatState) -> dict:
        return self.memory.forget(s.user_id) if self.memory and s.user_id else {}

    def export(self, s: ChatState) -> dict:
        return self.memory.export(s.user_id) if self.memory and s.user_id else {}


def _asked(action) -> tuple[int, ...]:
    return (action.value,) if isinstance(action, AskValue) else tuple(action.values) if isinstance(
        action, AskType) else ()


def _bounded(s: ChatState) -> ChatState:
    """``s`` with its undo chain cut to ``UNDO_DEPTH`` states."""
    chain = []
    cur = s
    while cur is not None and len(chain) < UNDO_DEPTH:
        chain.append(cur)
        cur = cur.previous
    out = None
    for st in reversed(chain):
        out = dataclasses.replace(st, previous=out)
    return out

