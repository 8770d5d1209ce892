"""The chat engine: ``step(state, event) -> (state, reply)``, one turn at a time.

    engine = Engine(load_models())
    state, reply = engine.start()                      # or engine.start(token) to resume
    state, reply = engine.step(state, Text("something funny from the 90s"))
    state, reply = engine.step(state, Chip("cast=Tom Hanks", turn=reply.turn))
    for chunk in engine.narrate(state, reply.cards[0].item_id): ...

A turn flows one way: read the person's memory once (``TurnContext``: summary, liked films,
personas), apply the event (``chat.turn``, pure), score every film through the query–item
graph (prior = CF from the liked films blended with persona attention and the free-text
wish's semantic retrieval; labels = accepted / rejected values, liked / disliked / passed
films, propagated), decide (the policy, ``unified`` by default, the same code the simulator
measures, asks or recommends on beliefs over those scores), render the reply
(``chat.cards``, pure), and record the turn in memory in one transaction. The engine holds
only read-only shared models, so one engine serves many sessions from many threads.
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from collections.abc import Iterator

import numpy as np

from chat import cards
from chat.cards import CARDS, FORMS, GENRE_WORDS, md
from chat.events import ChatState, Event, Question, Reply, Text, Undo, said, state_from_json, state_to_json, value_key
from chat.lexicon import RATINGS
from chat.loading import Models
from chat.memory import MemoryStore, StoredPersona, empty_summary, event_record, turn_summary
from chat.narrator import Replace, template_text
from chat.parser import UNDO_WORDS_RE
from chat.turn import DESCRIBED_RE, Applied, TurnContext, apply_event, card_item, label
from chat.words import ADULT_RATINGS, PERSON_TYPES, join_words
from policy.actions import Answer, AskType, AskValue, Recommend
from policy.beliefs import log_beliefs, top_items
from policy.rule import fallback_list
from policy.state import DialogueState
from prompts import render, table
from recsys import fact_guess
from recsys.graph import Feedback, GraphSession, initial_prior, rank_normalise
from recsys.personas import Persona
from recsys.plots import STORY_SIM

MAX_TURNS = 200  # per session; documented in the README
UNDO_DEPTH = 10
LEAD_PLACES = 4  # an actor asked for among a film's first four billed names leads it; further down, a part
YEAR_POOL = 3  # "the newest comedies": the 3 × 5 newest that fit, the best believed of them first
# under a rating ceiling ("PG max"), the kinds whose films of unknown rating are not offered as close ones
GUESSED_TYPES = ("language", "country")  # a film whose fact is unknown, guessed (``recsys.fact_guess``) when ruled out
ADULT_KINDS = {"Horror", "Crime", "Thriller", "War", "Film-Noir"}
TURN_TYPES = ("genre", "cast", "director", "writer", "decade")  # an either-or of these takes turns on the cards
MILD_RATINGS = tuple(("mpaa", f"rated {r}") for r in RATINGS[:3])  # G, PG, PG-13
NOT_KNOWN_MILD = "None of the films below has its age rating on record, so I cannot promise they are mild."
POLICY_HORIZON = 15  # the policy's t is capped at its last action: after that it recommends
PASSES = 2  # questions in a row answered "no preference": the user wants films, so the next action recommends
MAX_ASKS_PER_TYPE = 2  # questions about one attribute type in a search
FIRST_ASKED = ("genre", "decade", "director", "cast")  # kind of film, era, people: a search's first question
# the options of a question about an ordered kind, in that order (not by belief): "From which era?"
# in time, critics best first, lengths shortest first, ratings mildest first; decades sort as text
OPTION_ORDER = {"decade": (), "critics": ("critics' favourite", "well reviewed", "mixed reviews", "poorly reviewed"),
                "runtime": ("under 90 minutes", "90 to 120 minutes", "over 2 hours"),
                "mpaa": tuple(f"rated {r}" for r in RATINGS)}
LESSER_KNOWN = 0.6  # how far the best-known film is held back for "something more obscure" (evidence in [0, 1])
BEST = 0.8  # "the best rated film you have": how far the share of 4- and 5-star ratings leads the beliefs
BEST_PRIOR = 50  # ratings at the catalog's share added to each film's (a film few rated counts as average)
MILDER = 1.0  # "not too scary": films known to be rated G to PG-13 before the others (most ratings are unknown)
LEAN_OUTSIDE = 0.8  # the same for a film the catalog lacks (``ChatState.lean_outside``): no CF evidence of it
LEAN = 0.7  # the share of the evidence given to likeness to the film asked for more like (``ChatState.lean``)
WISH_WEIGHT, STORY_WEIGHT = 0.5, 0.9  # a wish of other words in the prior, beside the CF scores; a story told
AVOID, AVOID_SHARPNESS = 0.9, 8  # how far the films most like an unwanted phrase fall ("no superheroes")
FIT_POOL = 60  # a list is the films that fit the stated wish best among this many most believed
SHARED_POOL = 30  # a type all of this many best-scored candidates agree on is not asked about




# the lines that introduce a list (``Engine._lead``): a fresh one (first when nothing else is said), the same
# films, one or more films replaced
LEAD_FRESH = ("Here are some films for you:", "Here are some films:")
LEAD_SAME = "The films stay:"
LEAD_REPLACED = ("The other films stay; a new one takes its place:",
                 "The other films stay; new ones take their places:")
LIST_LEADS = (*LEAD_FRESH, LEAD_SAME, *LEAD_REPLACED)


class Engine:
    def __init__(self, models: Models, memory: MemoryStore | None = None) -> None:
        self.m = models
        self.memory = memory

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
        state = ChatState(session_id=uuid.uuid4().hex, user_id=user_id)
        if self.memory is not None:
            self.memory.open_session(user_id, state.session_id, self._state_json(state))
        ctx = self.context(state)
        if ctx.summary["liked"] and not note:
            n = len(ctx.summary["liked"])
            note = f"Welcome back: I remember {n} film{'s' if n != 1 else ''} you liked."
        text = render("help", last_year=self.m.last_year)
        reply = Reply(text=(note + "\n\n" + text).strip(), turn=0, personas=_persona_view(ctx))
        return state, reply, token

    def session(self, session_id: str) -> ChatState | None:
        """The conversation ``session_id`` as the store has it after its last completed turn
        (whichever replica answered it), or None when unknown, forgotten or unreadable."""
        row = self.memory.session(session_id) if self.memory is not None else None
        if row is None:
            return None
        try:
            return state_from_json(row[2], self._catalog_key)
        except (ValueError, TypeError, KeyError):  # another catalog or code version: start afresh
            return None

    def recover(self, session_id: str) -> tuple[ChatState | None, Reply | None]:
        """The stored conversation and its reply as it stands (question, cards, constraints),
        for a page whose server lost both; (None, None) when the session is unknown."""
        s = self.session(session_id)
        if s is None:
            return None, None
        return s, self.render(self.context(s), s, [], [], None)

    def transcript(self, state: ChatState) -> list[dict]:
        """The conversation so far as the page showed it (chat messages: the greeting, then
        each turn's message and reply), from the turn log, for a page that reloaded. What
        the log does not hold (a greeting's note, a streamed "why this?") is not repeated."""
        messages = [{"role": "assistant", "content": render("help", last_year=self.m.last_year)}]
        if self.memory is None or state.user_id is None:
            return messages
        shown = None
        for t in self.memory.turns(state.user_id, state.session_id):
            reply = t["reply"]
            messages += [{"role": "user", "content": said(t["event"], shown)},
                         {"role": "assistant", "content": reply.get("brief") or reply["text"]}]
            shown = reply
        return messages

    @functools.cached_property
    def _catalog_key(self) -> str:
        return self.m.catalog.fingerprint()

    def _state_json(self, s: ChatState) -> str:
        return state_to_json(s, self._catalog_key)

    # the turn ------------------------------------------------------------------------------
    def step(self, state: ChatState, event: Event, summary: dict | None = None) -> tuple[ChatState, Reply]:
        """One turn: context (one memory read) -> apply -> score -> decide -> render -> record.
        ``summary``: the remembered summary when the caller has it (an undo just taken)."""
        summary = self._summary(state) if summary is None else summary
        if state.turn >= MAX_TURNS:
            ctx = self.context(state, summary)
            return state, Reply(f"This conversation has reached {MAX_TURNS} turns. Please start a new session.",
                                state.turn, cards=cards.cards(self.m, ctx, state, state.cards),
                                question=state.question)
        if isinstance(event, Undo):
            return self._undo(state, summary)
        advanced = dataclasses.replace(state, turn=state.turn + 1, previous=_bounded(state))
        applied = apply_event(self.m, self.context(advanced, summary), advanced, event)
        if applied.then == "undo":  # "undo" typed, as the button
            rest = UNDO_WORDS_RE.sub(" ", event.text).strip(" ,.;!") if isinstance(event, Text) else ""
            if state.previous is None or not (rest and self.m.parser.parse(rest).names_something):
                return self._undo(state, summary)
            undone, said_undone, after = self._undone_state(state, summary)  # "undo that last bit, then add
            undone = dataclasses.replace(undone, turn=state.turn)  # (one turn stored: the next after ``state``)
            new, reply = self.step(undone, Text(rest, turn=undone.turn), after)  # kathy bates": the undo, then the
            # rest, stored as one turn ("Undone: no longer Horror.")
            return new, dataclasses.replace(reply, text=f"{said_undone}\n\n{reply.text}",
                                            brief=f"{said_undone}\n\n{reply.brief}")
        # what is remembered after the turn, for this reply too (what the turn took back is gone: "i never said i
        # liked casablanca" had left its cards "close to *Casablanca*, which you liked"); recorded as it is
        remembered = turn_summary(self.m.world, summary, applied.state, advanced)
        ctx = self.context(applied.state, remembered)
        new = self.decide(ctx, applied)
        if new.series and not set(new.cards) <= set(new.series):  # a series' list gave way to another
            new = dataclasses.replace(new, series=(), series_name="")
        notes = applied.notes
        same_wish = (applied.state.accepted, applied.state.rejected, applied.state.either) == (
            state.accepted, state.rejected, state.either)  # (a changed wish may show films shown before: no note)
        if new.cards and applied.state.shown and not new.shown and same_wish:
            notes += (ALL_SHOWN,)  # the list came round: say so, and how to get new films
        if new.milder and new.cards != state.cards and not self._mild[list(new.cards)].any():
            notes += (NOT_KNOWN_MILD,)  # "not too scary", then the 90s: none of the films has a rating on record
        reply = self.render(ctx, new, applied.ack + self._lead(new, applied), notes, applied.explain,
                            listing=applied.then != "close")
        self.record(ctx, new, event, reply, remembered)  # (deciding changes no value, like or seen mark)
        return new, reply

    def narrate(self, state: ChatState, item_id: str | None = None) -> Iterator[str]:
        """The explanation of one card (default the top one), streamed in chunks."""
        item = card_item(self.m, state, item_id)
        if item is None:
            yield "There is no recommendation to explain yet."
            return
        facts = cards.facts(self.m, self.context(state), state, item)
        narrator = self.m.narrator
        if getattr(narrator, "note", ""):
            yield f"*({narrator.note})* "
        try:
            yield from narrator.stream(facts)
        except Exception as exc:  # the narrator failing must not cost the user an answer
            yield Replace(template_text(facts) + f" (The narrator failed: {type(exc).__name__}; this is the short "
                          "version.)")

    # context: what a turn reads once ------------------------------------------------------
    def _summary(self, s: ChatState) -> dict:
        return self.memory.summary(s.user_id) if self.memory is not None and s.user_id else empty_summary()

    def context(self, s: ChatState, summary: dict | None = None) -> TurnContext:
        """The person's remembered summary (read here when not given), their liked films
        (world items: remembered, then this session's) and the personas those make."""
        summary = self._summary(s) if summary is None else summary
        remembered = [self.m.world.item_of_id(i) for i in summary["liked"]]
        history = tuple(dict.fromkeys([w for w in remembered if w is not None] + list(s.liked)))
        liked = tuple(i for i in history if i not in s.disliked)
        return TurnContext(summary, history, tuple(self._personas(liked, s.persona_weights)))

    @functools.lru_cache(maxsize=1024)  # noqa: B019 (the engine lives as long as the process)
    def _personas(self, liked: tuple[int, ...], weights: tuple[float, ...]) -> list[Persona]:
        """Personas of the liked films, weighted by this session's feedback; cached, as every
        turn of a session asks for the same ones."""
        personas = self.m.tastes.build(liked)
        if len(weights) == len(personas) and personas:
            personas = [dataclasses.replace(p, weight=w) for p, w in zip(personas, weights)]
        return [dataclasses.replace(p, description=self.m.tastes.words(p)) for p in personas]

    # score and decide ------------------------------------------------------------------------
    def scores(self, ctx: TurnContext, s: ChatState) -> np.ndarray:
        """Item scores ``(n_world_items,)`` for this state, from the query–item graph."""
        m = self.m
        cf_model = m.prior or m.world.scorer
        leaned = (s.lean,) if s.lean >= 0 else ()  # (a film wanted, or asked for more like: its kin too)
        seeds = ctx.history + tuple(w for w in s.wanted + leaned if w not in ctx.history)
        cf = cf_model.score(np.asarray(seeds))[0] if seeds else m.popularity.astype(np.float32)
        if ctx.personas:
            att, _ = m.tastes.attend(list(ctx.personas))
            cf = 0.5 * rank_normalise(cf) + 0.5 * rank_normalise(att)
        wish = self._wish_scores(s.wish) if s.wish else None
        weight = STORY_WEIGHT if wish is not None and self._has_story(s.wish) else WISH_WEIGHT
        prior = initial_prior(m.world.n_items, cf_scores=cf, retrieval_scores=wish, retrieval_weight=weight)
        avoid = self._wish_scores(s.unwish) if s.unwish else None
        if avoid is not None:  # "no superheroes": the films closest to those words lose most of their prior (the
            prior = prior * (1.0 - AVOID * rank_normalise(avoid) ** AVOID_SHARPNESS)  # top 5% about two thirds,
            # the median film almost nothing)
        g = GraphSession(m.graph, prior)
        g.update(Feedback(tuple(s.accepted) + tuple(v for grp in s.either for v in grp), tuple(s.rejected),
                          tuple(s.liked), tuple(s.disliked),
                          tuple(i for i in s.shown if i not in s.liked)))
        out = self._leaned(g.item_scores, s)
        if s.milder:  # "not too scary": films known to be rated PG-13 or milder before the rest (a film known to
            out = rank_normalise(out) + MILDER * self._mild  # be rated R is already ruled out)
        if s.best:  # "what's the best rated film you have?": how well the people here liked each film leads
            out = (1 - BEST) * rank_normalise(out) + BEST * rank_normalise(self._liked_share)
        if s.lesser_known:  # "something more obscure": the better-known half of the films is held back, the more
            fame = rank_normalise(m.popularity.astype(np.float32))  # the better known (the least known gain
            out = rank_normalise(out) - LESSER_KNOWN * np.clip(2 * fame - 1, 0, 1)  # nothing: few rated them)
        return out

    def _leaned(self, scores: np.ndarray, s: ChatState) -> np.ndarray:
        """``scores`` leaned to the film the person asked for more like, if any."""
        if s.lean >= 0:  # "more like toy story": LEAN of the evidence is how like that film each film is
            return (1 - LEAN) * rank_normalise(scores) + LEAN * rank_normalise(self._like_film(s.lean))
        likes = [x for x in map(self._like_outside, s.lean_outside) if x is not None]
        if not likes:
            return scores
        like = np.mean(likes, axis=0)  # "fight club and memento, loved both": like either
        # "loved finding nemo" (a film the catalog lacks): how like it, by its facts alone, in their own
        # scale (sharing its director counts far more than being a little above the median)
        return (1 - LEAN_OUTSIDE) * rank_normalise(scores) + LEAN_OUTSIDE * like

    @functools.cached_property
    def _liked_share(self) -> np.ndarray:
        """``(n_world_items,)``: the share of the people who rated a film 4 or 5 stars, shrunk to the catalog's
        share by ``BEST_PRIOR`` ratings (a film three people loved is not the best film here)."""
        cat, w = self.m.catalog, self.m.world
        n, high = cat.crowd_counts()  # (``ChatState.best`` is set only where the catalog has star ratings)
        n = n.astype(np.float64)
        mean = high.sum() / max(n.sum(), 1.0)
        share = (high + BEST_PRIOR * mean) / (n + BEST_PRIOR)
        return share[[w.catalog_index(i) for i in range(w.n_items)]].astype(np.float32)

    @functools.cached_property
    def _minutes(self) -> np.ndarray:
        """Each world item's running time in minutes, 0 where not on record (``Catalog.minutes``)."""
        w, cat = self.m.world, self.m.catalog
        return np.array([cat.minutes.get(w.catalog_index(i), 0) for i in range(w.n_items)], dtype=np.int32)

    @functools.cached_property
    def _mild(self) -> np.ndarray:
        """``(n_world_items,)``: 1 for a film known to be rated G, PG or PG-13, else 0."""
        cat = self.m.catalog
        return self._rated_as(tuple(v for v in (cat.find_value(*tv) for tv in MILD_RATINGS) if v is not None))

    @functools.cached_property
    def _rated(self) -> np.ndarray:
        """``(n_world_items,)``: 1 for a film whose rating is on record, whatever it is, else 0."""
        cat = self.m.catalog
        return self._rated_as(tuple(int(v) for v in cat.values_of_type("mpaa")) if "mpaa" in cat.attr_types else ())

    @functools.cached_property
    def _looks_adult(self) -> np.ndarray:
        """``(n_world_items,)`` bool: a film whose rating is not on record that ``recsys.fact_guess``
        takes for R or NC-17 by its audience and decade (all False where it cannot tell)."""
        return fact_guess.looks(self.m.catalog, "mpaa", fact_guess.ADULT)[self.m.world.data.items]

    def _rated_as(self, ratings: tuple[int, ...]) -> np.ndarray:
        """``(n_world_items,)`` float32: 1 for a film known to have one of the ``ratings`` values
        (none in a catalog without ratings), else 0."""
        if not ratings:
            return np.zeros(self.m.world.n_items, np.float32)
        return cards.fitting(self.m.world, (), (ratings,)).astype(np.float32)

    @functools.lru_cache(maxsize=256)  # noqa: B019 (the engine lives as long as the process)
    def _like_film(self, item: int) -> np.ndarray:
        """``(n_world_items,)``: how like world item ``item`` each film is, by what the films are
        (the text vectors: kind of film, people, era), half and half with the fused vectors (who
        liked them); the fused vectors alone where the encoder is not loaded. Cached: every turn of
        a search that leans to a film asks for the same one (read only)."""
        m = self.m
        near = m.fused @ m.fused[item]
        if m.retriever is None:
            return near
        text = m.retriever.index.embeddings[m.world.data.items]
        return 0.5 * rank_normalise(near) + 0.5 * rank_normalise(text @ text[item])

    @functools.lru_cache(maxsize=256)  # noqa: B019 (the engine lives as long as the process)
    def _like_outside(self, name: str) -> np.ndarray | None:
        """``(n_world_items,)``: how like a film the catalog lacks (``recsys.outside``, named
        "Title (year)") each film is, by what the films are: the values they share with it, each
        weighted by its rarity (its director and its Animation count, English and the USA hardly),
        half and half with the text vectors where the encoder is loaded. None for a name the
        list lacks (a state written by another version)."""
        m = self.m
        film = m.parser.outside_named.get(name)
        if film is None:
            return None
        cat, items = m.catalog, m.world.data.items
        values = [v for v in (cat.find_value(t, x) for t, x in film.attrs) if v is not None]
        df = np.asarray(cat.item_attr.sum(axis=0)).ravel()
        rarity = np.log(cat.n_items / np.maximum(df, 1.0)).astype(np.float32)
        shared = np.asarray(cat.item_attr[items][:, values] @ rarity[values]).ravel() if values else np.zeros(
            len(items), dtype=np.float32)
        shared = shared / max(float(shared.max()), 1e-9)  # its director shared: near 1; a common genre: far less
        if m.retriever is None:
            return shared
        text = m.retriever.index.embeddings[items] @ m.retriever.encode_query(film.text)
        return 0.5 * shared + 0.5 * (text - text.min()) / max(float(text.max() - text.min()), 1e-9)

    def _story_now(self, s: ChatState) -> bool:
        """A wish new in this turn that tells a story or names a subject some film's story has
        ("the one where the big ship sinks", "a heist movie"): films now, as for a concrete wish."""
        new = s.previous is None or s.wish != s.previous.wish
        return bool(s.wish) and new and (s.story != -1 or self._has_story(s.wish) or bool(DESCRIBED_RE.match(s.wish)))
        # (a film described that no story clearly is: the films nearest it, as the reply says, not a question)

    @functools.lru_cache(maxsize=256)  # noqa: B019 (the engine lives as long as the process)
    def _has_story(self, wish: str) -> bool:
        """Whether some film's story is near the words (``recsys.plots.STORY_SIM``): a story told
        or a subject named ("a heist movie"), whose films then weigh more than the best liked."""
        sims = self._story_scores(wish)
        return sims is not None and bool(np.nanmax(sims, initial=-1.0) >= STORY_SIM)

    @functools.lru_cache(maxsize=256)  # noqa: B019 (the engine lives as long as the process)
    def _story_scores(self, wish: str) -> np.ndarray | None:
        """``(n_world_items,)``: how near each film's story is to the words (NaN: no story known);
        None without stories or an encoder. Cached: every turn of a search scores the same wish."""
        m = self.m
        if m.plots is None or m.retriever is None:
            return None
        return m.plots.similarity(m.retriever.encode_query(wish))[m.world.data.items]

    def _wish_scores(self, wish: str) -> np.ndarray | None:
        """``(n_world_items,)``: how near each film is to a wish of other words, by its item text
        (the vector store) or, where TMDB tells it, by its story (``recsys.plots``: "a heist
        movie", "the one where the big ship sinks"), whichever is nearer."""
        r = self.m.retriever
        if r is None:
            return None
        items, sims = r.retrieve(wish, k=min(300, r.index.n_items))
        out = np.full(self.m.world.n_items, float(sims.min()) - 0.01 if len(sims) else 0.0, dtype=np.float32)
        w = self.m.world.of_catalog[items]
        out[w[w >= 0]] = sims[w >= 0]
        story = self._story_scores(wish)
        if story is not None:
            out = np.fmax(out, story)  # NaN (no story known) leaves the text's
        return out

    def dialogue_state(self, s: ChatState, ctx: TurnContext | None = None) -> tuple[DialogueState, np.ndarray]:
        """The policy's view of the conversation (the simulator's ``DialogueState``) and the scores."""
        w = self.m.world
        ctx = self.context(s) if ctx is None else ctx
        scores = self.scores(ctx, s)
        blocked = np.zeros(w.n_items, dtype=bool)
        for key in ("liked", "seen", "disliked"):
            idx = [i for i in (w.item_of_id(x) for x in ctx.summary.get(key, [])) if i is not None]
            blocked[idx] = True
        blocked[list(s.liked + s.seen + s.disliked + s.refused)] = True
        if s.lean >= 0 and s.lean not in s.wanted:  # films like it, not it ("what else is in that vein?")
            blocked[s.lean] = True
        shown = np.zeros(w.n_items, dtype=bool)
        shown[list(s.shown + s.cards)] = True
        rep = w.duplicate_of  # a film listed twice is one film: shown or judged under one id, so under the other
        blocked |= np.isin(rep, rep[blocked])  # (round thirty: *Money Talks* came back as a new card)
        shown |= np.isin(rep, rep[shown])
        closed = self._closed_types(s) | self._shared_types(scores, ~blocked)
        ds = DialogueState(w, 0, scores, noisy=True, multi_choice=True, max_turns=POLICY_HORIZON,
                           opening=s.accepted[0] if s.accepted else -1, turn=min(s.actions, POLICY_HORIZON - 2),
                           accepted=list(s.accepted), rejected=list(s.rejected), unanswered=list(s.unanswered),
                           answers=[Answer(a) for a in s.answers], shown=shown, blocked=blocked,
                           candidates=~(shown | blocked), list_size=CARDS, closed_types=closed,
                           either=list(s.either))
        if not ds.allowed.any():  # everything shown: let earlier lists come back
            ds.shown = np.zeros(w.n_items, dtype=bool)
        return ds, scores

    def _closed_types(self, s: ChatState) -> frozenset[int]:
        """Attribute types a person would find it odd to be asked about: one they have
        answered or stated in this search (a value of it accepted, rejected or answered "any"),
        one asked twice already, and, for the first question of a search, refinements (critics,
        runtime, rating, …) while a type of ``FIRST_ASKED`` is open. Information gain chooses
        within what is left. (Holding refinements back for every question cost the clicking
        simulated user 0.11 SR@15 on 150 episodes; for the first question alone, nothing.)"""
        cat = self.m.catalog
        stated = s.accepted + s.rejected + s.unanswered + tuple(v for grp in s.either for v in grp)
        answered = {cat.attr_values[v][0] for v in stated}
        twice = {t for t in s.question_types if s.question_types.count(t) >= MAX_ASKS_PER_TYPE}
        closed = answered | twice
        askable = set(self.m.world.ask_types)
        if not s.question_types and any(t in askable and t not in closed for t in FIRST_ASKED):
            closed |= set(cat.attr_types) - set(FIRST_ASKED)  # a search opens on kind, era or people
        return frozenset(cat.type_index(t) for t in closed)

    def _shared_types(self, scores: np.ndarray, candidates: np.ndarray) -> frozenset[int]:
        """Types the films in question all agree on: among the ``SHARED_POOL`` best-scored
        candidates that have data for the type (at least five), every value one has, all have
        ("From which era?" when every likely film is from the 1990s). No answer could tell
        them apart, and a person would find the question odd."""
        w = self.m.world
        idx = np.flatnonzero(candidates)
        top = idx[np.argsort(-scores[idx], kind="stable")[:SHARED_POOL]]
        rows = w.item_attr[top]
        out = set()
        for j in range(len(self.m.catalog.attr_types)):
            known = w.known[top, j]
            if known.sum() < 5:
                continue
            counts = np.asarray(rows[known][:, w.value_type == j].sum(axis=0)).ravel()
            present = counts[counts > 0]
            if present.size and (present == known.sum()).all():
                out.add(j)
        return frozenset(out)

    def decide(self, ctx: TurnContext, applied: Applied) -> ChatState:
        """The state after the system's action: a question, a list, or (``then == "stay"``) as applied."""
        s = applied.state
        if applied.then in ("stay", "close"):
            return s
        ds, _ = self.dialogue_state(s, ctx)
        logb = log_beliefs(ds, self.m.rule_config.beliefs)
        if applied.then == "replace":  # cards judged: the others stay, each gives way to the next best film
            rep = self.m.world.duplicate_of  # a film listed twice in the catalog is one card ("Money Talks")
            on_screen = {int(rep[i]) for i in s.cards}
            nxt = iter(i for i in self._fit_first(ds, logb, again=False, n=CARDS + len(s.cards), by_year=s.by_year,
                                                   milder=s.milder, max_minutes=s.max_minutes)
                       if int(rep[i]) not in on_screen)
            # a card liked stays (marked by the reply: "Glad you like ..."): a person who says "that looks
            # good" means to keep it in view; a card seen or turned down gives way to the next film
            gone = set(applied.judged) - set(s.liked)
            cards_now = [c for c in (c if c not in gone else next(nxt, None) for c in s.cards) if c is not None]
            fit = cards.fitting(self.m.world, s.accepted, s.either)
            cards_now.sort(key=lambda c: not fit[c])  # the films that fit stay first
            return dataclasses.replace(s, cards=tuple(cards_now),
                                       shown=s.shown + tuple(j for j in applied.judged if j not in s.shown))
        refine = None  # a question asked beside films the person asked for, to narrow them down
        if s.passes >= PASSES or s.quiet:  # "no preference" twice: films, and no more questions for now;
            action = fallback_list(ds, top_items(logb, 10))  # "stop asking me questions": none at all
        elif applied.then in ("films", "new_films") or self._films_now(s) or self._narrowed(s) or self._story_now(s):
            action = fallback_list(ds, top_items(logb, 10))
            chosen = self.m.policy.decide(ds)
            refine = None if isinstance(chosen, Recommend) else self._held(chosen, s, ds)
            refine = None if isinstance(refine, Recommend) else refine
        else:
            action = self._held(self.m.policy.decide(ds), s, ds)
        shown = s.shown + tuple(i for i in s.cards if i not in s.shown)
        if isinstance(action, Recommend):
            cards_now = self._fit_first(ds, logb, again=applied.then != "films", by_year=s.by_year,
                                        milder=s.milder, max_minutes=s.max_minutes)
            if s.story >= 0 and s.story not in shown:  # the film whose story was described, first
                cards_now = (s.story, *(c for c in cards_now if c != s.story))[:CARDS]
            if s.among:  # the films a film told by its people may be, first ("which one is it?")
                cards_now = (*s.among, *(c for c in cards_now if c not in s.among))[:CARDS]
            wanted = [w for w in s.wanted if w not in shown][-CARDS:]  # films the person wants to see, first
            if wanted:
                cards_now = (*wanted, *(c for c in cards_now if c not in wanted))[:CARDS]
            if not set(cards_now) - set(shown) and applied.then in ("films", "new_films"):
                # every film for this wish shown ("more" found nothing new): a new round from the best,
                # never an empty reply nor the same list again
                fresh = dataclasses.replace(ds, shown=np.zeros_like(ds.shown))
                cards_now = self._fit_first(fresh, log_beliefs(fresh, self.m.rule_config.beliefs), again=False,
                                            by_year=s.by_year, milder=s.milder, max_minutes=s.max_minutes)
                shown = ()  # the next "more" goes on through this round
            listed = dataclasses.replace(s, cards=cards_now, shown=shown, question=None, asked=(),
                                         actions=s.actions + 1, passes=0)
            if refine is None:
                return listed
            question = self._question(refine, s)
            return dataclasses.replace(listed, question=question, asked=_asked(refine),
                                       question_types=s.question_types + (question.attr_type,))
        question = self._question(action, s)
        before = s.previous
        # "any" to the question beside films: the films stay on screen beside the next question
        # (they used to vanish); any change to the wish clears them for the question
        keep = s.cards if (s.cards and applied.then == "decide" and before is not None and before.cards == s.cards
                           and (s.accepted, s.rejected, s.either) == (before.accepted, before.rejected,
                                                                      before.either)) else ()
        return dataclasses.replace(s, question=question, shown=shown, cards=keep, asked=_asked(action),
                                   actions=s.actions + 1, question_types=s.question_types + (question.attr_type,))

    @staticmethod
    def _narrowed(s: ChatState) -> bool:
        """The answer to the question asked beside films changed the wish ("90s pls", a chip): the
        films it makes, beside the next question; once a search has shown films, a question never
        takes them away."""
        before = s.previous
        return (before is not None and bool(before.cards) and before.question is not None
                and (s.accepted, s.rejected, s.either) != (before.accepted, before.rejected, before.either))

    @staticmethod
    def _films_now(s: ChatState) -> bool:
        """A concrete wish (values wanted or not, people or films understood) and no list yet in this
        search, or a first wish stated while looking at films chosen from liked films alone
        ("I loved Heat and Fargo", then "a comedy"): films now, with the policy's question
        beside them to narrow them down (questions refine lists, they do not gate them)."""
        understood = len(s.accepted) + len(s.either) + len(s.liked) + len(s.wanted) + len(s.rejected)  # "no horror" too
        before = s.previous
        first_wish = (bool(s.accepted or s.either) and before is not None and bool(before.cards)
                      and not (before.accepted or before.either))
        listed = set(s.shown) - set(s.refused) or s.cards  # a film set aside ("not Die Hard") was no list
        return bool(understood) and (not listed or first_wish)

    def _fit_first(self, ds: DialogueState, logb: np.ndarray, again: bool = True, n: int = CARDS,
                   by_year: str = "", milder: bool = False, max_minutes: int = 0) -> tuple[int, ...]:
        """The cards. With nothing asked for: the ``n`` most believed films. With values asked
        for, films *known* to have all of them come first, by belief, from the whole catalog
        (a film whose data lacks a wanted type never passes as a match); when fewer than ``n``
        are known, the list is filled with the closest films from the ``FIT_POOL`` most
        believed (most of what was asked first), which the reply labels as close ones
        (``fits``). With ``again`` (not after "more" or "something else"), a film shown before
        in this search may come back when it has everything asked for, behind films not shown
        yet that do too ("Tom Hanks", then "a comedy": the Hanks comedies of the first list
        count). One film listed twice in the catalog fills one card at most. ``by_year``
        ("newest" / "oldest", from "the newest comedies u have"): the ``YEAR_POOL`` × ``n``
        newest (oldest) films that fit come first, by belief among them; a year ("1994", from
        "the best films of 1994"): that year's films first. ``max_minutes`` ("nothing over 100 minutes"): a film
        known to run longer is never a card."""
        wanted = len(ds.accepted) + len(ds.either)
        shown = np.zeros(len(logb), dtype=bool)
        if again and wanted and ds.shown is not None and ds.shown.any():
            shown = ds.shown.copy()
            ds = dataclasses.replace(ds, shown=np.zeros_like(ds.shown))
            logb = log_beliefs(ds, self.m.rule_config.beliefs)
        if not wanted:
            return self._distinct(top_items(logb, FIT_POOL), n)
        ruled_out = np.zeros(len(logb), dtype=bool)  # "bruce willis, not action": never a card, fit or close
        for v in ds.rejected:
            ruled_out[self.m.world.items_with(v)] = True
            t, value = self.m.catalog.attr_values[v]
            if t in GUESSED_TYPES:  # "not in English": nor a film whose language is not on record that looks it
                ruled_out |= fact_guess.looks(self.m.catalog, t, (value,))[self.m.world.data.items]
        values = self.m.catalog.attr_values
        for group in ds.either:  # "nothing rated R" (PG-13 or milder): a film known to be rated otherwise is
            if {values[v][0] for v in group} == {"mpaa"}:  # never a card either, not even a close one
                kinds = {values[v][1] for v in group}
                for v in self.m.catalog.values_of_type("mpaa"):
                    if values[int(v)][1] not in kinds:
                        ruled_out[self.m.world.items_with(int(v))] = True
        if max_minutes:
            ruled_out |= self._minutes > max_minutes
        ceiling = self._ceiling(ds.accepted, ds.either)
        if ceiling or milder:  # "nothing rated R", "not too gory": a film whose rating is not on record but whose
            ruled_out |= self._looks_adult  # audience is that of R-rated films is no card, fit or close
        full = cards.fitting(self.m.world, ds.accepted, ds.either) & np.isfinite(logb) & ~ruled_out
        if ceiling:  # "PG max": a film of unknown rating of a kind that is mostly rated R is no close card
            asked = {values[v][1] for v in ds.accepted if values[v][0] == "genre"}
            for g in ADULT_KINDS - asked:
                v = self.m.catalog.find_value("genre", g)
                if v is not None:
                    films = self.m.world.items_with(v)
                    ruled_out[films] |= self._rated[films] == 0
        idx = np.flatnonzero(full)
        doubted = self._doubted(idx, ds.accepted)
        # not shown before first, then films a second source agrees have the genres asked for (not
        # *Star Wars* first for "war films"), then more of an either group, then belief
        edge = np.zeros(len(idx), dtype=bool)
        in_years = np.zeros(len(idx), dtype=np.int64)  # "oldest first": by year among the films at the edge
        if by_year and len(idx):
            years = self.m.catalog.years[[self.m.world.catalog_index(int(i)) for i in idx]].astype(np.int64)
            if by_year.isdigit():  # "the best of 1994"
                edge = years == int(by_year)
            elif by_year[0] in "<>":  # "before 1965", "after 1994"
                bound = int(by_year[1:])
                edge = (years > 0) & (years < bound) if by_year[0] == "<" else years > bound
            else:
                key = -years if by_year == "newest" else np.where(years > 0, years, 1 << 30)
                edge = key <= np.sort(key)[min(len(key), YEAR_POOL * n) - 1]
                in_years = np.where(edge, key, 0)  # (round twenty-eight: "early tom hanks movies, oldest first" had
                # listed 1995, 1994, 1995, 1993)
        # a film with more of an either group's values first: "a french film" (France or French) lists
        # films in French before French co-productions in English
        both = np.zeros(len(idx), dtype=np.int64)
        for group in ds.either:  # (kinds of one type take turns instead: "comedy or horror" is not comedy-horror)
            if not cards.one_type(self.m.catalog, group):
                both += sum(np.isin(idx, self.m.world.items_with(v)) for v in group)
        cameo = self._cameos(idx, ds.accepted)  # "with stallone": films he leads before his cameo in Men in Black
        full_order = idx[np.lexsort((-logb[idx], in_years, -both, doubted, cameo, ~edge, shown[idx]))]
        if not by_year:  # ("the newest war films or westerns": the newest first, whatever their kind)
            full_order = self._taking_turns(full_order, ds.either, shown)
        chosen = self._distinct(full_order, n)
        if len(chosen) >= n:
            return chosen
        w, cat = self.m.world, self.m.catalog
        some = np.zeros(len(logb), dtype=bool)  # films known to have part of what was asked, from the whole
        for v in ds.accepted:  # catalog: "Hitchcock with James Stewart" fills with other Hitchcock and
            some[w.items_with(v)] = True  # Stewart films, not the most believed films of any kind
        for group in ds.either:
            some |= cards.group_items(w, tuple(group))
        # believed as if nothing were asked: a film known to lack part of it is still a close one
        # ("a war film by Spielberg": his other films, though the beliefs rule them out)
        top = [i for i in top_items(logb, FIT_POOL) if not full[i] and not shown[i] and not ruled_out[i]]
        logb = log_beliefs(dataclasses.replace(ds, accepted=[], either=[]), self.m.rule_config.beliefs)
        some &= np.isfinite(logb) & ~full & ~shown & ~ruled_out
        pool = np.array(list(dict.fromkeys(top + np.flatnonzero(some).tolist())), dtype=np.int64)
        if len(pool):
            part = np.zeros(len(pool), dtype=np.int64)
            unknown = np.zeros(len(pool), dtype=np.int64)
            for v in ds.accepted:  # a person asked for counts double: "Bruce Willis" then "80s" keeps
                person = cat.attr_values[v][0] in PERSON_TYPES  # his other films first
                part += np.isin(pool, w.items_with(v)) * (2 if person else 1)
                unknown += ~w.known[pool, w.value_type[v]]
            for group in ds.either:  # a nation counts double too: "a funny french film" fills with French films,
                weight = 2 if cards.of_nation(w, tuple(group)) is not None else 1  # not Liar Liar
                part += cards.group_items(w, tuple(group))[pool] * weight
            base = np.isin(pool, w.items_with(ds.opening)) if ds.opening >= 0 else np.zeros(len(pool), dtype=bool)
            # most of what was asked, then films whose data says what they lack before films with no
            # data on it (a close card should not rest on what is not known), then films with what was
            # asked first ("hitchcock", then "the one with jimmy stewart": his other films), then belief
            pool = pool[np.lexsort((-logb[pool], ~base, unknown, -part))]
        return self._distinct(np.concatenate([np.asarray(chosen, dtype=np.int64), pool]), n)

    def _ceiling(self, accepted, either) -> bool:
        """A limit on ratings was asked for: "PG max", "PG-13 or milder", "nothing rated R"."""
        values = self.m.catalog.attr_values
        return any(values[v] in MILD_RATINGS for v in accepted) or any(
            {values[v][0] for v in g} == {"mpaa"} and not {values[v] for v in g} & set(ADULT_RATINGS) for g in either)

    def _taking_turns(self, order: np.ndarray, either, shown: np.ndarray) -> np.ndarray:
        """``order`` with the kinds of an either-or of one type taking turns: "a war film or a
        western" lists a war film, a western, a war film, ... (each kind's own films in their
        order), where belief alone gave five war films. A film with both counts for both. Films
        not shown before still come first. An either-or of two types that mean one thing ("a
        french film": France or French) keeps its order."""
        values = self.m.catalog.attr_values
        group = next((g for g in either if len(g) > 1 and cards.one_type(self.m.catalog, g)
                      and values[g[0]][0] in TURN_TYPES), None)  # (not "pg max": G or PG; not runtime bands)
        if group is None or len(order) < 2:
            return order
        turn = np.full(len(order), len(order), dtype=np.int64)  # the film's place in its kind's own list
        for v in group:
            has = np.isin(order, self.m.world.items_with(v))
            turn[has] = np.minimum(turn[has], np.arange(int(has.sum())))
        return order[np.lexsort((np.arange(len(order)), turn, shown[order]))]

    def _cameos(self, idx: np.ndarray, accepted) -> np.ndarray:
        """For each film of ``idx`` (world indices), how many of the actors in ``accepted`` are not
        among its ``LEAD_PLACES`` first-billed names (``Catalog.leads``): a cameo or a small part."""
        cat, w = self.m.catalog, self.m.world
        actors = [cat.attr_values[v][1] for v in accepted if cat.attr_values[v][0] == "cast"]
        out = np.zeros(len(idx), dtype=np.int64)
        if actors:
            for k, i in enumerate(idx):
                leads = cat.leads(w.catalog_index(int(i)), LEAD_PLACES)
                out[k] = sum(a not in leads for a in actors)
        return out

    def _doubted(self, idx: np.ndarray, accepted) -> np.ndarray:
        """For each film of ``idx`` (world indices), how many of the genres in ``accepted`` the
        catalog's second source does not list for it (``Catalog.genre_doubted``)."""
        cat, w = self.m.catalog, self.m.world
        genres = [cat.attr_values[v][1] for v in accepted if cat.attr_values[v][0] == "genre"]
        out = np.zeros(len(idx), dtype=np.int64)
        if genres and cat.second_genres:
            for k, i in enumerate(idx):
                c = w.catalog_index(int(i))
                out[k] = sum(cat.genre_doubted(c, g) for g in genres)
        return out

    def _distinct(self, order, n: int) -> tuple[int, ...]:
        """The first ``n`` of ``order``, one card per film (catalog duplicates kept out)."""
        rep = self.m.world.duplicate_of
        out, seen = [], set()
        for i in order:
            r = int(rep[int(i)])
            if r not in seen:
                seen.add(r)
                out.append(int(i))
                if len(out) == n:
                    break
        return tuple(out)

    def _lead(self, new: ChatState, applied: Applied) -> tuple[str, ...]:
        """The line that introduces a fresh list (none where the list opens with how few films fit:
        "Here are the last 3 sci-fi films with Harrison Ford I know here")."""
        if applied.then in ("stay", "close") or not new.cards:
            return ()
        if applied.then == "replace":
            gone = len(set(applied.judged) - set(new.liked))
            return () if not gone else (LEAD_REPLACED[gone > 1],)
        if new.previous is not None and new.cards == new.previous.cards:
            return (LEAD_SAME,)
        if not cards.fitting(self.m.world, new.accepted, new.either)[list(new.cards)].all():
            return ()
        return (LEAD_FRESH[bool(applied.ack)],)

    def _held(self, action, s: ChatState, ds: DialogueState):
        """``action`` with only the options some film with everything asked for has (not "1930s"
        for Tom Hanks: the policy's chips come from its soft beliefs, which every film keeps a
        little of). When fewer than two are left ("From which era?" when all his films are from
        the 1990s), no answer could tell the films apart: the policy chooses again with that type
        closed, a question of another type or a list."""
        cat, w = self.m.catalog, self.m.world
        fit = cards.fitting(w, s.accepted, s.either) if s.accepted or s.either else None
        for _ in cat.attr_types:
            if not isinstance(action, AskType) or fit is None or not fit.any():
                return action
            held = tuple(v for v in action.values if fit[w.items_with(v)].any())
            if len(held) >= 2:
                return dataclasses.replace(action, values=held)
            ds = dataclasses.replace(ds, closed_types=ds.closed_types | {cat.type_index(action.attr_type)})
            action = self.m.policy.decide(ds)
        return action

    def _question(self, action, s: ChatState) -> Question:
        cat = self.m.catalog
        if isinstance(action, AskType) and action.attr_type in OPTION_ORDER:  # eras in time, reviews best first
            rank = OPTION_ORDER[action.attr_type]
            action = dataclasses.replace(action, values=tuple(sorted(
                action.values, key=lambda v: (rank.index(cat.attr_values[v][1]) if cat.attr_values[v][1] in rank
                                              else len(rank), cat.attr_values[v][1]))))
        if isinstance(action, AskValue) or len(action.values) == 1:  # one option: "A film by Woody Allen?", yes / no
            t, v = cat.attr_values[action.value if isinstance(action, AskValue) else action.values[0]]
            return Question(table("questions")["value"][t].format(value=v), t, (("yes", "yes"), ("no", "no")),
                            yes_no=True, subject=value_key(t, v))
        return Question(table("questions")["type"][action.attr_type], action.attr_type,
                        tuple((value_key(*cat.attr_values[v]), cat.attr_values[v][1]) for v in action.values))

    # render and record ------------------------------------------------------------------------
    def render(self, ctx: TurnContext, s: ChatState, ack, notes, explain: str | None,
               listing: bool = True) -> Reply:
        """The reply for state ``s``; without ``listing`` (a goodbye) the text leaves out the list
        and the question, which the reply still carries for the page."""
        m = self.m
        parts = [*ack]  # brief: the text without the numbered list (a page shows the cards, so a line that
        brief = [a[:-1] + "." if a in LIST_LEADS else a for a in ack]  # introduces the list ends there)
        shown = cards.cards(m, ctx, s, s.cards)
        if shown and explain is None and listing:
            lines = [f"{k}. **{md(c.title)}** ({c.year}) \u2014 {c.reason}" for k, c in enumerate(shown, 1)]
            wanted = {m.world.item_id(w) for w in s.wanted}  # films asked for by name lead, outside the count
            first = next((k for k, c in enumerate(shown) if c.item_id not in wanted), len(shown))
            lead, listed, lines = lines[:first], shown[first:], lines[first:]
            n_fit = sum(c.fits for c in listed)
            if n_fit < len(listed):  # fewer films known to have what was asked than cards: say so
                head = self._few_fit_words(s, n_fit)
                n_part = sum(c.partial for c in listed)
                rest = ("Close ones, with only part of it:" if n_part == len(listed) - n_fit else
                        "Other suggestions, not known to have it:" if not n_part else
                        "Close ones (with part of it) and other suggestions:")
                lines = ([head + ":"] + lines[:n_fit] if n_fit else [head + "."]) + [rest] + lines[n_fit:]
                brief.append(head + ("; the cards marked *close* have only part of it." if n_part else
                                     "; the other cards are suggestions without it."))
            parts.append("\n".join(lead + lines))
        if s.question is not None and explain is None and listing:  # beside films, a question narrows them down
            ask = ("To narrow it down: " if shown else "") + f"**{s.question.text}**"
            parts.append(ask)
            brief.append(ask)
        note = " ".join(notes)
        hello = [parts.pop(0)] if parts and parts[0] == "Hello!" else []  # a greeting first, before the notes
        if hello:  # ("yo need smth like pulp fiction …" said "Hello!" after what the catalog lacks)
            brief = brief[1:] if brief[:1] == hello else brief
        text = "\n\n".join(p for p in hello + [note] + parts if p)
        return Reply(text=text or "Tell me more about what you would like to watch.", turn=s.turn,
                     question=s.question, cards=shown, constraints=self._constraints(s), personas=_persona_view(ctx),
                     subgraph=cards.subgraph(m, s), explain=explain, notes=tuple(notes),
                     brief="\n\n".join(p for p in hello + [note] + brief if p) or text,
                     persona_examples=tuple(cards.persona_example(m, lead) for _, _, lead in _panel(ctx)))

    def _few_fit_words(self, s: ChatState, n_fit: int) -> str:
        """Why a list has close films: the catalog knows only ``n_fit`` more films with what
        was asked, or knows none, or showed the others in this search's earlier lists ("more"
        after the last of them must not claim it knows none)."""
        fit = cards.fitting(self.m.world, s.accepted, s.either)
        on_cards = set(s.cards)
        earlier = len(self._distinct([i for i in s.shown if fit[i] and i not in on_cards and i not in s.refused],
                                     len(s.shown)))
        aside = sum(bool(fit[i]) for i in s.refused)
        one, many = self._asked_words(s, plural=False), self._asked_words(s, plural=True)
        rare = self._too_rare(s)  # the catalog's films of the wish that too few people liked to be suggested
        besides = (f"; {rare} {'more ' if n_fit or earlier or aside else ''}in the catalog "
                   f"{'were' if rare != 1 else 'was'} liked by too few people "
                   "for me to suggest") if rare else ""
        held = int((fit & self._looks_adult).sum()) if s.milder or self._ceiling(s.accepted, s.either) else 0
        if held:  # kept off by the guess at their rating (``recsys.fact_guess``): said, with why
            besides += (f"; {held} more {'have' if held != 1 else 'has'} no rating on record but "
                        f"{'look' if held != 1 else 'looks'} R-rated to me by who watches "
                        f"{'them' if held != 1 else 'it'}")
        know = "I can suggest" if rare or held else "I know"
        if aside and not earlier and not n_fit:  # "not Die Hard" was the only one
            return f"I know of no other {one} here than the {'one' if aside == 1 else aside} you set aside" + besides
        if earlier and n_fit:
            last = f"the last {n_fit} {many}" if n_fit != 1 else f"the last {one}"
            return (f"Here {'are' if n_fit != 1 else 'is'} {last} {know} here (the other {earlier} "
                    f"{'were' if earlier != 1 else 'was'} in the earlier lists{besides})")
        if earlier:
            return f"That was every {one} {know} here: {earlier} film{'s' if earlier != 1 else ''}, all in " \
                   f"the earlier lists{besides}"
        if rare or held:
            return (f"I can suggest only {n_fit} {many if n_fit != 1 else one} here" if n_fit else
                    f"I have no {one} to suggest here") + besides
        return f"I know of only {n_fit} {many if n_fit != 1 else one} here" if n_fit else \
            f"I don't know of {'an' if one[0].lower() in 'aeiou' else 'a'} {one} here"

    def _too_rare(self, s: ChatState) -> int:
        """How many films of the catalog have everything asked for but are outside the world (liked
        by too few people to be suggested): "every horror film from the 1980s I know here: 10 films"
        must not pass for the catalog's 16."""
        cat = self.m.catalog
        if "_attr_csc" not in self.__dict__:
            self._attr_csc = cat.item_attr.tocsc()
        rep = cat.duplicate_of()  # a film listed twice whose other entry is in the world is not "too rare"
        in_world = np.zeros(cat.n_items, dtype=bool)
        in_world[rep[self.m.world.of_catalog >= 0]] = True
        out = ~in_world[rep]
        for group in [(v,) for v in s.accepted] + [tuple(g) for g in s.either]:
            out &= np.asarray(self._attr_csc[:, list(group)].sum(axis=1)).ravel() > 0
        return int(len(np.unique(rep[out])))

    def _asked_words(self, s: ChatState, plural: bool = False) -> str:
        """What the person asked for, as a noun phrase without its article: "comedy film from the
        1980s with Bill Murray", "films from France or in French", "film with Tom Hanks from the
        1980s or earlier"."""
        cat = self.m.catalog
        by_type: dict[str, list[str]] = {}
        for v in s.accepted:
            by_type.setdefault(cat.attr_values[v][0], []).append(label(self.m, v))
        groups, kinds = [], []
        for g in s.either:
            types = {cat.attr_values[v][0] for v in g}
            nation = cards.nation_of({cat.attr_values[v] for v in g})
            if types == {"genre"}:  # "western or musical films with Clint Eastwood"
                kinds.append(" or ".join(GENRE_WORDS.get(cat.attr_values[v][1], cat.attr_values[v][1].lower())
                                         for v in g))
            elif nation:  # "German films", not "from Germany or from West Germany or in German"
                kinds.insert(0, nation)
            else:
                text = cards.either_label(cat, g, FORMS)
                groups.append(f"from {text}" if text.endswith(("or earlier", "or later")) else text)
        genres = [GENRE_WORDS.get(g, g.lower()) for g in by_type.pop("genre", [])]
        head = " ".join(kinds + genres + ["films" if plural else "film"])
        after = []
        for t in ("decade", "cast", "director", "writer", "country", "language", "runtime", "mpaa", "critics", "oscar"):
            if t in by_type:
                after.append(FORMS[t].format(" and ".join(cards.named(t, v) for v in by_type.pop(t))))
        after += [" and ".join(v) for v in by_type.values()] + groups
        return md(" ".join([head] + after))

    def _constraints(self, s: ChatState) -> tuple:
        values = self.m.catalog.attr_values
        def said(v: int, text: str) -> str:  # a limit in minutes as said ("100 minutes or less", not "under 2 hours")
            return cards.minutes_said(s.max_minutes) if s.max_minutes and values[v][0] == "runtime" else text

        return tuple((value_key(*values[v]), said(v, label(self.m, v)), True) for v in s.accepted) + \
            tuple((value_key(*values[g[0]]), said(g[0], cards.either_label(self.m.catalog, g)), True)
                  for g in s.either) + \
            tuple((value_key(*values[v]), label(self.m, v), False) for v in s.rejected)

    def record(self, ctx: TurnContext, s: ChatState, event: Event, reply: Reply, summary: dict) -> None:
        """The turn, the summary after it, the personas and the conversation's new state, in
        one transaction (``SessionConflict`` when another replica answered this turn first)."""
        if self.memory is None or s.user_id is None:
            return
        summary["personas"] = [{"description": d, "weight": round(w, 3)} for d, w, _ in _panel(ctx)]
        stored = [StoredPersona(p.vector, p.weight, [self.m.world.item_id(i) for i in p.items], p.description)
                  for p in ctx.personas]
        self.memory.commit_turn(s.user_id, s.session_id, s.turn, event_record(event), reply.to_dict(), summary,
                                stored, state=self._state_json(s))

    def _undone(self, was: ChatState, now: ChatState) -> str:
        """"Undone." and what it took back, in a few words ("Undone: no longer Horror; Fargo is no
        longer liked."), where the turns undone changed a wish or a verdict."""
        cat, w = self.m.catalog, self.m.world
        parts = []
        gone = [label(self.m, v) for v in was.accepted if v not in now.accepted] + [
            cards.either_label(cat, g) for g in was.either if g not in now.either]
        if gone:
            parts.append("no longer " + join_words(md(x) for x in gone))
        back = [label(self.m, v) for v in now.accepted if v not in was.accepted]
        if back:
            parts.append(join_words(md(x) for x in back) + " again")
        freed = [label(self.m, v) for v in was.rejected if v not in now.rejected]
        if freed:
            parts.append(join_words(md(x) for x in freed) + " no longer ruled out")
        for verdict, before, after in (("liked", was.liked, now.liked), ("disliked", was.disliked, now.disliked),
                                       ("seen", was.seen, now.seen)):
            films = [f"*{md(cards.title_of(cat, w.catalog_index(i)))}*" for i in before if i not in after]
            if films:
                parts.append(f"{join_words(films)} no longer {'marked seen' if verdict == 'seen' else verdict}")
        return "Undone: " + "; ".join(parts) + "." if parts else "Undone."

    def _undo(self, state: ChatState, summary: dict) -> tuple[ChatState, Reply]:
        prev = state.previous
        if prev is None:
            return state, Reply("There is nothing to undo.", state.turn, question=state.question,
                                cards=cards.cards(self.m, self.context(state, summary), state, state.cards),
                                constraints=self._constraints(state))
        restored, said, after = self._undone_state(state, summary)
        ctx = self.context(restored, after)  # without what the undone turn liked
        reply = self.render(ctx, restored, [said], [], None)
        if self.memory is not None and restored.user_id is not None:
            self.record(ctx, restored, Undo(state.turn), reply, after)
        return restored, reply

    def _undone_state(self, state: ChatState, summary: dict) -> tuple[ChatState, str, dict]:
        """The state an undo goes back to, what it took back in words, and the remembered
        summary after it (``state.previous`` must exist)."""
        def seen(s: ChatState) -> tuple:  # what a turn can change that the person sees
            return (s.accepted, s.rejected, s.either, s.liked, s.disliked, s.seen, s.refused, s.cards, s.question)

        prev = state.previous
        now = seen(state)
        while prev.previous is not None and seen(prev) == now:  # a "why this?" or a question about a film
            prev = prev.previous  # changed nothing in view: undo the turn before it too, so undo does something
        # turn numbers only grow, so buttons of the undone turn are recognised as stale
        restored = dataclasses.replace(prev, turn=state.turn + 1)
        said = self._undone(state, restored)
        if self.memory is None or restored.user_id is None:
            return restored, said, summary
        return restored, said, turn_summary(self.m.world, summary, restored, restored.previous, undone=state)

    def forget(self, s: ChatState) -> dict:
        return self.memory.forget(s.user_id) if self.memory and s.user_id else {}

    def export(self, s: ChatState) -> dict:
        return self.memory.export(s.user_id) if self.memory and s.user_id else {}

    def memory_view(self, s: ChatState) -> str:
        """What is remembered about this person, as a reader would want it (markdown): films
        liked, not liked and seen, tastes with their share and a film of each, what they ask
        for most, and how many turns are stored. The raw record is ``export``."""
        data = self.export(s)
        if not data:
            return "*Nothing is remembered yet.*"
        cat, summary = self.m.catalog, data["summary"]

        def titles(ids):
            known = [cards.title_of(cat, cat.item_index(i)) for i in ids if i in cat._item_index]
            return ", ".join(f"*{md(t)}*" for t in known[-12:]) + (" …" if len(known) > 12 else "") or "none yet"

        lines = [f"**Films you liked:** {titles(summary.get('liked', []))}",
                 f"**Films you did not like:** {titles(summary.get('disliked', []))}",
                 f"**Films you have seen:** {titles(summary.get('seen', []))}"]
        if data["personas"]:
            lines.append("**Your tastes:**")
            for p in data["personas"]:
                example = titles(p["items"][:1]) if p["items"] else ""
                lines.append(f"- {md(p['description'] or 'a taste')} ({p['weight']:.0%})"
                             + (f", e.g. {example}" if example else ""))
        asked = sorted(summary.get("accepted", {}).items(), key=lambda kv: -kv[1])[:5]
        if asked:
            lines.append("**You often ask for:** " + ", ".join(md(k.split("=", 1)[-1]) for k, _ in asked))
        n_turns = len(data["turns"])
        sessions = len({t["session"] for t in data["turns"]})
        lines.append(f"*{n_turns} turn{'s' if n_turns != 1 else ''} in {sessions} conversation"
                     f"{'s' if sessions != 1 else ''} are stored; Export gives the full record as JSON.*")
        return "\n\n".join(lines)


ALL_SHOWN = ("I have shown you every film I have for what you asked, so here they are again from the best. For "
             "others, name another kind of film, era or person, or take something back.")


def _panel(ctx: TurnContext) -> list[tuple[str, float, Persona]]:
    """The tastes as the page shows them: personas described by the same words are one taste
    (their shares added; it is shown by the larger one's example), in the order they come."""
    out: dict[str, tuple[float, Persona]] = {}
    for p in ctx.personas:
        weight, lead = out.get(p.description, (0.0, p))
        out[p.description] = (weight + p.weight, lead if lead.weight >= p.weight else p)
    return [(d, w, lead) for d, (w, lead) in out.items()]


def _persona_view(ctx: TurnContext) -> tuple:
    return tuple((d, round(w, 3)) for d, w, _ in _panel(ctx))


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

