"""Applying one event to the conversation: a pure function of the models, the turn's context
and the state, with no reads or writes of memory.

    applied = apply_event(models, ctx, state, event)   # -> Applied(state, ack, notes, then, explain)

``Applied.then`` says what the engine does next: ``"decide"`` (the policy asks or recommends),
``"films"`` (the person asked for films: recommend now), ``"new_films"`` (the person changed the
wish while looking at films: recommend for the new wish, where films shown before may come
back behind new ones that fit as well), ``"replace"`` (a card was judged: only it is replaced, the
other cards stay) or ``"stay"`` (answer only; keep the
open question or cards). Undo is not an event to apply: it restores an earlier state
(``chat.engine``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from chat.cards import (
    CARDS,
    either_label,
    facts,
    film_answers,
    film_facts,
    fitting,
    md,
    minutes_said,
    named,
    rank_by,
    title_of,
)
from chat.events import CardFeedback, ChatState, Chip, RemoveConstraint, Restart, Text, Why
from chat.lexicon import COMMON_WORDS, RATINGS, Value, tokens
from chat.narrator import template_text
from chat.parser import (
    DIRECTOR_REF,
    EITHER_FINE_RE,
    PLACES,
    SEEN_ALL_RE,
    VALUE_FINE_RE,
    WHY_THAT_RE,
    Parse,
    Parser,
    plain_forms,
)
from chat.parser import JUDGING as JUDGING_WORDS
from chat.words import (
    ADULT_RATINGS,
    BEDTIME_RE,
    CHOOSE_FILLER,
    CHOOSE_RE,
    ERA_SHIFT,
    EXCLUSIVE_TYPES,
    PERSON_TYPES,
    POLITE,
    STOPWORDS,
    join_words,
)
from prompts import render
from recsys import fact_guess, plots
from recsys.personas import Persona, reweight

if TYPE_CHECKING:
    from chat.loading import Models




@dataclass(frozen=True)
class TurnContext:
    """What a turn reads once, before anything else: the remembered preference summary (one
    memory read), the films the person liked (remembered, then this session's; world items)
    and their personas built from those."""

    summary: dict
    history: tuple[int, ...]
    personas: tuple[Persona, ...]


@dataclass(frozen=True)
class Applied:
    state: ChatState
    ack: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    then: str = "decide"  # decide | films | new_films | replace | stay | close (stay, and no list) | undo
    explain: str | None = None  # item id whose explanation the reply opens
    judged: tuple[int, ...] = ()  # the cards a like / dislike / seen was about (``replace``: only they change)


ERA_WORDS = {"less", "bit", "old", "new", "dated", "ancient"}  # beside "newer" / "older", no wish of their own
OLDEST_FILMS = 20  # "your oldest films": the first decades that hold at least this many films


THANKS_WORDS = re.compile(r"\b(?:thanks|thank you|thx|ty|cheers|bye|goodnight|good night)\b", re.IGNORECASE)
DROP_BEFORE_NAME_RE = re.compile(r"\b(?:no|not|without|forget|drop|lose|ditch|less|more)\s+(?:more\s+)?$",
                                 re.IGNORECASE)  # a common word named after these is the person ("no ford")
PICK_ONE_RE = re.compile(r"\b(?:pick|choose|select)\s+(?:one|a\s+film|a\s+movie|something|for\s+me)\b|\bjust\s+pick\b",
                         re.IGNORECASE)
THAT_ONE_RE = re.compile(r"\b(?:that|this|it)\b", re.IGNORECASE)
FINAL_RE = re.compile(r"\bfinal\s+(?:answer|decision)\b|\bdecision\s+made\b|\bpeace\s*(?:out)?[.!]*\s*$",
                      re.IGNORECASE)  # a choice said to be the last word ("we r doing princess bride, final answer")


# a film named as the model for what comes next, not only liked ("more like toy story", "fargo vibes")
LIKE_THAT_RE = re.compile(r"\b(?:like|similar|vibes?|esque|ish|vein|lines of|a la)\b", re.IGNORECASE)


def restarted(s: ChatState) -> ChatState:
    """A fresh search that keeps who the person is and what they liked, disliked and saw."""
    return ChatState(session_id=s.session_id, user_id=s.user_id, turn=s.turn, liked=s.liked,
                     disliked=s.disliked, seen=s.seen, refused=s.refused, previous=s.previous)


def last_cards(s: ChatState) -> tuple[int, ...]:
    """The films on screen, else the last list shown in this conversation (a question may have
    followed it): what "why?" and "the second one" refer to."""
    st: ChatState | None = s
    while st is not None and not st.cards:
        st = st.previous
    return st.cards if st is not None else ()


def card_item(m: Models, s: ChatState, item_id: str | None) -> int | None:
    """The world item an event names, or the top card of the last list when it names none."""
    if item_id:
        return m.world.item_of_id(item_id)
    shown = last_cards(s)
    return shown[0] if shown else None


def value_of_key(m: Models, key: str) -> int | None:
    t, _, v = str(key).partition("=")
    return m.catalog.find_value(t, v)


# the words that only name a card's place: "the 2nd one" says nothing of the film
PLACE_WORDS = set(PLACES) | {"the", "one", "film", "movie", "number", "no", "ok", "okay", "so", "and", *"12345"}
WISH_SAID = "Looking for films that match"  # a wish of other words, said back as what is searched for
# a film described, not named ("the one with the shark", "that movie where keanu drives a bus")
DESCRIBED_RE = re.compile(r"\s*(?:the|that|this)\s+(?:[\w'.-]+\s+){0,4}?(?:one|film|movie|flick)\s+(?:with|where|about|"
                          r"in which)\b", re.IGNORECASE)
STORY_WORDS = 5  # words of substance that make a wish a story told ("the one where the big ship sinks" does too)
STORY_UNLISTED = -2  # ChatState.story: the film described is in the catalog but cannot be recommended
SOUNDS_LIKE = "That sounds like *{}*: here it is, with films near what you describe."
TOLD_SAID = "That sounds like *{}*; if I have the wrong film, say so."
SEQUEL_OF_IT_RE = re.compile(r"^\s*(?:and\s+|so\s+)?(?:does|did)\s+(?:it|that(?:\s+one)?)\s+(?:have|get)\s+(?:any\s+)?"
                             r"(?:a\s+)?(?:sequels?|prequels?|more\s+parts?)\s*\?*\s*$", re.IGNORECASE)
SOUNDS_LIKE_KIN = "That sounds like *{}*: here are films like it."
# a film described, and films like it asked for ("..., want something similar"); "i loved it" likes it too
MORE_LIKE_IT_RE = re.compile(r"\b(?:similar|like\s+(?:it|that|this)|more\s+like|in\s+that\s+vein|"
                             r"along\s+those\s+lines)\b", re.IGNORECASE)
LOVED_IT_RE = re.compile(r"\b(?:i|we)\s+(?:really\s+|absolutely\s+)?(?:loved|liked|adored|enjoyed)\s+"
                         r"(?:it|that(?:\s+one)?)\b", re.IGNORECASE)
# the film guessed from its story was not the one meant ("no, not that one", "wrong film", "that's not it")
WRONG_FILM_RE = re.compile(r"^\W*(?:(?:no+|nope|nah|hmm+|sorry|um+)\W+)*(?:not (?:that|this) (?:one|film|movie)|"
                           r"wrong (?:one|film|movie)|(?:that'?s|thats|that is|it'?s|its) not (?:it|the one|that one|"
                           r"the (?:film|movie)(?: i meant)?|what i meant)|not the one i meant|(?:a )?different (?:one|"
                           r"film|movie))\b", re.IGNORECASE)
UNWISH_SAID = "Keeping away from films like"  # words of what is not wanted ("no superheroes"), said back
PASSED_OVER = 10  # films passed over (two lists) before "none of these" also asks what the person wants
QUESTION_SIZE = 5  # values marked "no preference" for a type taken back that the search did not name
FEW_TOGETHER = 3  # fewer films than this with a person named before and one named now: the new one instead
# what a person calls an attribute type ("nothing asked for about the length")
TYPE_NAMES = {"runtime": "the length", "decade": "the era", "genre": "the kind of film", "mpaa": "the age rating",
              "critics": "reviews", "language": "the language", "country": "the country"}


QUESTION_HEAD_RE = re.compile(r"\s*(?:is|are|was|were|isn'?t|aren'?t|wasn'?t|does|did|do|has|have|can|could|who|"
                              r"what|how|why|when)\b", re.IGNORECASE)


# a kind said to be fine as well, beside the kinds asked for: "comedy is fine too", "you still have adventure excluded"
# more like the film the talk is on: "what else is in that vein?", "anything similar?"
IN_THAT_VEIN_RE = re.compile(r"^\s*(?:(?:hmm+|ok(?:ay)?|so|cool|nice|right)[\s,.!]*)*(?:what\s+else\s+is\s+"
                             r"(?:in|along)\s+(?:that|the\s+same|this)\s+(?:vein|line|style)|(?:anything|something|more|"
                             r"others?|films?|movies?)\s+(?:else\s+)?(?:in\s+that\s+vein|similar|like\s+(?:it|"
                             r"that(?:\s+one)?|this(?:\s+one)?)))\s*[?.!]*\s*$", re.IGNORECASE)
ROMCOM_RE = re.compile(r"\b(?:rom[\s-]?coms?|romcoms?|romantic\s+comed(?:y|ies))\b", re.IGNORECASE)
GORE_RE = re.compile(r"\b(?:gore|gory|bloody|blood|violent|violence|brutal|graphic)\b", re.IGNORECASE)
# "older ones fine too", "newer ones as well": beside what was asked, not instead of it
ALSO_RE = re.compile(r"\b(?:too|as\s+well|also|fine|ok|okay|alright|not\s+required|"
                     r"(?:doesn'?t|does\s+not|doesnt|don'?t|dont)\s+(?:have|need)\s+to\s+be)\b", re.IGNORECASE)
FINE_TOO_RE = re.compile(r"\b(?:is|are|r)\s+(?:\w+\s+)?(?:fine|ok|okay|alright|good)\s+(?:too|as\s+well)\b|\balso\s+"
                         r"(?:fine|ok|okay|good)\b|\b(?:have|got|left)\s+[\w\s'-]{2,30}?\s+(?:excluded|ruled\s+out|"
                         r"blocked|banned|filtered\s+out|taken\s+out)\b", re.IGNORECASE)
# a rating ruled out as too mild: "no PG-13 wimpy stuff", "no pg-13, hardcore gore only"
TAME_RE = re.compile(r"\b(?:wimpy|wimps?|tame|lame|kiddie|kiddy|babyish|for\s+babies|watered[- ]down|sanitised|"
                     r"sanitized|hardcore|gory|gore|goriest|bloody|bloodiest|brutal|extreme|unrated|uncut)\b",
                     re.IGNORECASE)


# a question of who acts in a film ("who's in it?", "who stars in these?", "the lead")
CAST_ASKED_RE = re.compile(r"\b(?:who'?s in|who is in|who are in|star\w*|cast|actors?|actress\w*|leads?)\b")
BEST_SAID = ("The best liked first, by the share of people here who rated each film 4 or 5 stars (a film few rated "
             "counts as average until more do).")
# what the catalog cannot tell apart, said when asked for (round twenty-eight)
OSCAR_CATEGORY_RE = re.compile(r"\bbest\s+(?:picture|film|director|actor|actress|supporting|screenplay|foreign)\b"
                               r"(?=[^.!?]{0,40}\b(?:oscars?|winners?|won|win|academy|award)\b)|\b(?:oscars?|academy "
                               r"awards?)\b[^.!?]{0,30}\bbest\s+(?:picture|director|actor|actress)\b|\bbest picture\b",
                               re.IGNORECASE)
# words that say a person named is an author ("any jane austen adaptations?", "films of dickens novels")
AUTHOR_WORDS_RE = re.compile(r"\b(?:adaptations?|adapted|based\s+on|novels?|books?|author|writer|wrote|written)\b",
                             re.IGNORECASE)
COLOUR_RE = re.compile(r"\b(?:black[- ]and[- ]white|b&w|b/w|monochrome|silent (?:films?|movies?|era)|in colou?r)\b",
                       re.IGNORECASE)
COLOUR_NOTE = ("Colour is not on record, so I go by year: films from before the mid-1950s are most likely black and "
               "white, and some of them are in colour.")
# "i didnt say i liked titanic i asked if u have it. do you have it or not": the film taken back, asked after
HAVE_IT_RE = re.compile(r"\b(?:do|did|have)\s+(?:you|u|ya)\s+(?:have|got)\s+(?:it|that one)\b|"
                        r"\bis it (?:there|in there|here|in your (?:catalog|list))\b", re.IGNORECASE)
# a question whether the catalog has a film ("do you have fargo?", "got braindead?", "is titanic here?")
HAVE_YOU_RE = re.compile(r"^\s*(?:(?:so|and|ok|okay|hey|hi)[,\s]+)?(?:do (?:you|u) have|have (?:you|u) got|"
                         r"(?:you |u )?got|"
                         r"is\s+.{2,60}?\s+(?:here|in here|on here))\b", re.IGNORECASE)


# "what have i liked so far?", "what do you know about me?": ``_Apply.what_i_know``
ASKED_MEMORY_RE = re.compile(
    r"^\s*(?:so\s+|and\s+|ok\s+|hey\s+)?(?:what|which)\s+(?:films?\s+|movies?\s+)?(?:have|did|do)\s+(?:i|we)\s+"
    r"(?:liked?|loved|rated|told\s+you|said\s+i\s+liked)(?:\s+so\s+far)?\s*\??\s*$|"
    r"\bwhat\s+do\s+you\s+(?:know|remember)\s+about\s+(?:me|us)\b|\bwhat\s+(?:have\s+)?(?:i|we)\s+(?:liked|told\s+you)\s+"
    r"so\s+far\b",
    re.IGNORECASE)


def _first_clause(text: str) -> str | None:
    """The first clause of ``text`` when another follows it ("the fog looks good" of "the fog looks
    good, is it long?"); None for one clause ("number 4 is good?")."""
    head = re.split(r"[,;!?]|\bbut\b", text, maxsplit=1)[0]
    return head if re.search(r"[a-z]", text[len(head) + 1:], re.IGNORECASE) else None


def _it_is(t: str, values) -> str:
    """"it is rated PG", "it is from the 1990s", "it is listed as drama and thriller", "it runs over 2 hours"."""
    said = join_words([md(v.lower() if t == "genre" else named(t, v)) for v in values])  # ("from the United States")
    return {"genre": f"it is listed as {said}", "decade": f"it is from the {said}", "language": f"it is in {said}",
            "country": f"it is from {said}", "runtime": f"it runs {said}"}.get(t, f"it is {said}")


def label(m: Models, v: int) -> str:
    return m.catalog.attr_values[v][1]


def apply_event(m: Models, ctx: TurnContext, state: ChatState, event) -> Applied:
    """``state`` (already advanced to the new turn) changed by ``event``, with what the reply
    should acknowledge and note. ``event.turn`` older than the state's is a stale button."""
    return _Apply(m, ctx, state).run(event)


class _Apply:
    """The handlers of one event; each builds the new state and the reply's lines."""

    def __init__(self, m: Models, ctx: TurnContext, state: ChatState) -> None:
        self.m, self.ctx, self.s = m, ctx, state
        self.before = state  # what was understood before this message
        self.ack: list[str] = []
        self.notes: list[str] = []
        self.then = "decide"
        self.explain: str | None = None
        self.judged: tuple[int, ...] = ()
        self.message = ""  # the text typed this turn ("is it scary?" is answered, not only its facts listed)
        self.asked: tuple = ()  # values a yes-or-no question asks of a film ("is it PG?": rated PG)
        self.era_set = False  # "the newest", "the oldest": ``era`` chose the decades and how to sort
        self.other_than = -1  # "other films by him": the world item of the film asked about, kept out
        self.lean_outside: list[str] = []  # films the catalog lacks, wanted ("loved finding nemo"): films like it, now

    def run(self, event) -> Applied:
        opened = self.s.turn - 1  # the turn the person was looking at
        stale = getattr(event, "turn", None) is not None and event.turn != opened
        if self.s.topic >= 0 and not isinstance(event, Text):  # a button: the talk moved on from the film asked about
            self.s = dataclasses.replace(self.s, topic=-1, topic_role="")
        if isinstance(event, Text):
            self.text(event.text)
        elif isinstance(event, Chip):
            if stale or self.s.question is None:
                self.notes.append("That question is from an earlier turn, so I left it alone." if stale else
                                  "There is no open question right now.")
                self.then = "stay"
            else:
                self.chip(event.value)
        elif isinstance(event, CardFeedback):
            self.card(event)
        elif isinstance(event, Why):
            self.why(event.item_id)
        elif isinstance(event, RemoveConstraint):
            self.remove(event.key)
        elif isinstance(event, Restart):
            self.s = restarted(self.s)
            self.ack.append("Starting over. What are you in the mood for?")  # (in that order: a note would come
            self.then = "stay"  # first, "What are you in the mood for? Starting over.")
        else:
            raise TypeError(f"unknown event {event!r}")
        if self.s.by_year and not self.era_set and self._decades(self.s) != self._decades(self.before):
            # the era changed otherwise (a decade named, answered, removed, "70s or 80s"): by belief again
            self.s = dataclasses.replace(self.s, by_year="")
        if self.s.max_minutes:
            self._in_minutes()
        return Applied(self.s, tuple(self.ack), tuple(self.notes), self.then, self.explain, self.judged)

    def _in_minutes(self) -> None:
        """A limit in minutes lasts while a length is asked for (removed, dropped or started over: gone), and is
        said as the person said it ("Got it: 100 minutes or less", not the band "under 2 hours")."""
        cat, s = self.m.catalog, self.s
        if not any(cat.attr_values[v][0] == "runtime" for v in s.accepted + tuple(v for g in s.either for v in g)):
            self.s = dataclasses.replace(s, max_minutes=0)
        elif s.max_minutes != self.before.max_minutes:
            said = minutes_said(s.max_minutes)
            self.ack = [re.sub(r"\b(?:under 2 hours|under 90 minutes)\b", said, a) if a.startswith("Got it: ") else a
                        for a in self.ack]

    def _decades(self, s: ChatState) -> tuple:
        cat = self.m.catalog
        return (tuple(v for v in s.accepted if cat.attr_values[v][0] == "decade"),
                tuple(g for g in s.either if any(cat.attr_values[v][0] == "decade" for v in g)))

    # typed text -------------------------------------------------------------------------------
    def text(self, text: str) -> None:
        text = plain_forms(text)  # ("oh wait is there a speed 2? the boat one": the question; what follows it had
        self.message = text  # been read again, and liked Speed 2)
        if ASKED_MEMORY_RE.search(text):  # "what have i liked so far?", "what do you know about me?"
            self.what_i_know()
            return
        if self.s.told and WRONG_FILM_RE.search(text):  # "no, not that one": the film guessed from its story
            self.wrong_film(self.s.told)
            return
        if IN_THAT_VEIN_RE.match(text) and self.before.topic >= 0 and self.m.world.of_catalog[self.before.topic] >= 0:
            # "what's casablanca about?", then "what else is in that vein?": films like it, and it is not liked
            # (round thirty-seven: a search for "vein", then "Noted that you liked *Casablanca*")
            self.s = dataclasses.replace(self.s, lean=int(self.m.world.of_catalog[self.before.topic]), lean_outside=())
            self.ack.append(f"Films like *{self._film(self.before.topic)}*:")
            self.then = "new_films" if self.before.cards else "films"
            return
        if SEQUEL_OF_IT_RE.match(text):  # "part 2?", "does it have a sequel?": of the film the talk is on (round
            topic = self.before.topic if self.before.topic >= 0 else None  # thirty-four: "part 2?" had undone the
            if topic is None and (w := self._film_talked_of()) is not None:  # turn before)
                topic = self.m.world.catalog_index(w)
            if topic is not None:
                text = f"does {title_of(self.m.catalog, topic)} have sequels?"
        p = self.m.parser.parse(self._full_names(text))
        asked = re.fullmatch(r"\s*(?:and\s+|so\s+)?([^?,.!]{2,40}?)\s*\?+\s*", text)
        if asked and p.show_film is None and not (p.liked or p.about or p.disliked):  # "brazil?" with *Brazil* on
            card = next((w for w in self.s.cards if tokens(title_of(self.m.catalog, self.m.world.catalog_index(w)))
                         == tokens(asked.group(1))), None)  # screen: that card, not films from Brazil (round
            if card is not None:  # thirty-three)
                p = Parse(show_film=self.m.world.catalog_index(card))
        if "asked_only" in p.intents:  # "i havent seen it yet, i was asking": the film liked last was only asked of
            p.intents.remove("asked_only")
            w = self._film_talked_of(last_list=False)
            if w is not None and not p.unsaid:
                p.unsaid = [self.m.world.catalog_index(w)]
                p.show_film = p.unsaid[0] if p.show_film is None and not p.names_something_else("unsaid") else \
                    p.show_film
        self.s = dataclasses.replace(self.s, told=tuple(p.told), among=())
        self.asked = tuple(p.asked)
        if self.s.topic >= 0 and not {"about", "seen_it"} & set(p.intents):  # the talk moved on from the film
            self.s = dataclasses.replace(self.s, topic=-1, topic_role="")  # asked about ("seen it" is about it)
        if p.person_ref is not None and not self.person_ref(p):
            return
        if p.truncated:
            self.notes.append("Your message was long, so I read only its first part.")
        if p.pick_one and last_cards(self.s) and not p.names_something and not (
                "any" in p.intents and self.s.question is not None and not PICK_ONE_RE.search(text)):  # "just pick
            self.pick_one()  # one for me" (not "you choose" to a question: no preference; "idk. just pick one for me"
            return  # is a pick: round thirty-eight's had said "No preference there." and asked again)
        set_aside = {int(self.m.world.of_catalog[i]) for i in p.disliked + p.seen + p.not_now}
        if p.pick_one and set(last_cards(self.s)) - set_aside and set_aside and not dataclasses.replace(
                p, disliked=[], seen=[], not_now=[], unknown_titles=[]).names_something:
            self.titles(p)  # "boring. die hard and the godfather, really? just pick one for me": those set aside,
            self.pick_one(set_aside)  # and one of the others picked (it had listed five more, Die Hard 2 first)
            return
        if p.praise and self.s.question is not None and self.s.question.yes_no:
            p.intents, p.praise = ["yes"], False  # "great" to "Should critics have liked it?": yes
        if p.praise:  # "these look great", "ngl thats fire": thanks, and the films stay
            self.ack.append("Glad you like them! Press *like* on the ones you would watch, or tell me which one "
                            "you'll pick." if last_cards(self.s) else
                            "Glad to hear it! Tell me what you'd like to watch.")
            self.then = "stay"
            return
        if p.intents == ["more"] and not p.names_something and self.series_goes_on():
            return
        if p.series:  # "all the alien movies please": the series' films, in order
            self.series(p.series, p.series_name, p.series_missing)
            return
        if "restart" in p.intents:
            self.s = restarted(self.s)
            if self.other_than >= 0:  # "other films by him": the film asked about is set aside (as "not Fargo")
                w = int(self.other_than)
                self.s = dataclasses.replace(self.s, shown=(w,), refused=tuple(dict.fromkeys((*self.s.refused, w))))
                self.ack.append("A new search, for their other films.")  # (not "Starting over.": nothing was asked)
            else:
                self.ack.append("Starting over.")
        if p.quiet:  # "stop asking me questions": films only for the rest of this search
            self.ack.append("Right, no questions: just films." if self.s.quiet else
                            "No more questions in this search, then: just films.")
            self.s = dataclasses.replace(self.s, quiet=True, passes=0)  # an open question: answered or closed below
        if p.popular:  # "no, the opposite! popular stuff", "not some obscure thing": better-known films (again)
            self.ack.append("Better-known films, then.")
            self.s = dataclasses.replace(self.s, lesser_known=False)
            self.then = "new_films" if last_cards(self.s) else "films"
        if p.best and self.m.catalog.crowd_counts()[1] is not None:  # "what's the best rated film you have?": the
            # best liked first, where 1–5 stars say how well each film was liked
            self.ack.append(BEST_SAID if not self.s.best else "Still the best liked first.")
            self.s = dataclasses.replace(self.s, best=True)
            self.then = "new_films" if last_cards(self.s) else "films"
        if p.lesser_known:  # "any hidden gems?": films fewer people here have rated, and films now
            self.ack.append("Lesser-known films, then." if not self.s.lesser_known else "Still lesser-known films.")
            self.s = dataclasses.replace(self.s, lesser_known=True)
            self.then = "new_films" if last_cards(self.s) else "films"
        if "undo" in p.intents:  # typed "undo": as the button (the engine takes the turn back)
            self.then = "undo"
            return
        if p.verdicts and last_cards(self.s):  # "seen 1 and 3, 2 looks great": each clause as its buttons
            for places, verdict in p.verdicts:
                self.pick(places, verdict)
            if p.about:  # "seen 1. why is ghost a comedy lol": the film's record too (a card shown: why it is)
                w = int(self.m.world.of_catalog[p.about[0]])
                if "why" in p.intents and w >= 0 and w in self.s.cards + self.s.shown:
                    self.why(self.m.world.item_id(w), inline=True)
                else:
                    self.about(list(p.about))
            if self.judged:  # a place out of the list ("loved 2, not 4" of 3) leaves the others judged
                self.then = "replace"
            if "bye" in p.intents:
                self.goodbye()
            return
        if p.pick_with is not None and self.pick_with(p, text):  # "ill take the one with michelle pfeiffer"
            return
        if p.any_with is not None:  # "is sean connery in any of these?"
            self.any_with(p.any_with)
            return
        if p.intents == ["why_question"]:  # "why do you ask me about the era?"
            self.why_question()
            return
        meant = self._among_meant(p, text)
        if meant is not None:  # "yes that's it" to "it may be *Groundhog Day*: is that it?", "it was pocahontas" to
            self._like_named(meant)  # "which one is it?": that film (as its Like)
            return
        chosen = self._chosen(text, p)  # "the 3rd one, we'll watch that": the film chosen
        shown = last_cards(self.s)
        if p.pick is not None and p.pick[1] == "why" and (p.rejected or p.accepted or p.dropped or p.alternatives) \
                and shown and (
                -len(shown) <= p.pick[0] < len(shown)):  # "why number 3? i said nothing violent": explained, and
            self.why(self.m.world.item_id(shown[p.pick[0]]), inline=True)  # the wish mended after it
            self.then = "decide"
            p.pick, p.intents = None, [i for i in p.intents if i != "why"]
        if p.pick is not None and self.pick(p.places or [p.pick[0]], p.pick[1]):
            if p.pick[1] == "more" and p.era in ("older", "newer") and -len(shown) <= p.pick[0] < len(shown):
                self.era(p.era, around=[shown[p.pick[0]]])  # "more like #3 but newer": newer than #3
            leaving = "bye" in p.intents  # "I'd go for the 3rd. Thanks for the help!": chosen, and goodbye
            if (chosen or leaving) and p.pick[1] == "like" and len(p.places or [p.pick[0]]) == 1 and self.judged:
                self.chose(self.judged[-1], text)
                if leaving:
                    self.ack[-1] += " Thanks for chatting, and come back any time."
                    self.then = "close"
                    return
            if leaving:
                self.goodbye()
                return
            if not (p.pick[1] in ("dislike", "seen") and (p.rejected or p.accepted or p.alternatives or p.dropped)):
                return
            p.pick, p.places = None, []  # "number 3 has nicolas cage. i said no cage": the card goes, and the wish is
            # mended too (no Nicolas Cage had been noted)
        leaving_with = bool(CHOOSE_RE.search(text) and THANKS_WORDS.search(text) and THAT_ONE_RE.search(text)) and not (
            p.liked or p.disliked or p.seen or p.accepted or p.rejected or p.alternatives)  # "Splendid, that is the
        # one I shall watch tonight. ... Thank you very much, good night." (round thirty-eight: a new search)
        if (chosen and not p.names_something or leaving_with) and p.pick is None and (
                self.s.cards or self.before.topic >= 0):  # "perfect, i'll watch that"
            it = self._card_talked_of()
            topic = int(self.m.world.of_catalog[self.before.topic]) if self.before.topic >= 0 else -1
            if it is None and topic >= 0:  # "is an american in paris any good?" ... "i'll watch that one": the film
                it = topic  # asked about, on screen or not
            if it is None:
                self.notes.append("Which one will you watch? Say \u201cthe second one\u201d, or press its "
                                  "*like* button.")
                self.then = "close"
            else:
                self._like_named(it)
                self.chose(it, text)
            return
        shown_now = last_cards(self.s)
        if SEEN_ALL_RE.search(text) and self.s.cards and not {"seen_all", "seen_it"} & set(p.intents) and not (
                p.seen or p.pick is not None) and (p.names_something or p.wish or p.era or
                                                   "something_else" in p.intents):
            seen = tuple(w for w in self.s.cards if w not in self.s.seen)  # "lol seen all those, smth newer pls, 90s":
            self.s = dataclasses.replace(self.s, seen=self.s.seen + seen)  # seen, and the wish (it had been the wish
            self.ack.append(f"Noted: you have seen all {len(self.s.cards)}; I will not suggest them again.")  # alone)
        but = p.seen_but + [self.m.world.catalog_index(shown_now[k]) for k in p.places if "seen_all" in p.intents
                            and -len(shown_now) <= k < len(shown_now)]  # "seen all but the second"
        if {"seen_all", "seen_it"} & set(p.intents) and self.seen_shown("seen_all" in p.intents, but):
            return
        if "which" in p.intents:  # "which is the scariest?": among the films on screen; "Alien or Aliens?"
            shown = last_cards(self.s)  # "which is darker, the first or the third?": those two cards
            picked = [self.m.world.catalog_index(shown[k]) for k in p.places if -len(shown) <= k < len(shown)]
            self.which(p.which, p.about or picked)
            return
        if p.show_film is not None:  # "can you show me back to the future?"; "sphere looks dumb. twelve monkeys?"
            self.verdicts_beside(p, [p.show_film])  # (the verdict before the question had been lost)
            if self.show_film(p.show_film):
                return
        if p.intents == ["who"]:  # "who is bess flowers?": the films here with that person, and the films stay
            self.who(p.asked[0])
            return
        if "about" not in p.intents and "?" in text and (wish := self._wish_after_question(text)) is not None:
            asked = self.m.parser.parse(text[: text.rindex("?") + 1])  # "how long is it? i dont want anything crazy
            if asked.intents == ["about"] and not (asked.liked or asked.accepted or asked.rejected):  # long": the
                self.about(asked.about)  # question answered, and the wish after it taken (the question had been lost)
                self._not_here(asked)
                p, self.then = wish, "decide"
        if "about" in p.intents:  # "who's in it?", "how long is titanic?": the facts, and the films stay
            sentences = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)
            if len(p.about) > 1 and len(sentences) == 2:  # "lion king has the dad dying scene, too sad for him. the
                said = self.m.parser.parse(sentences[0])  # aristocats looks sweet, is it g rated?": that card goes,
                gone = [i for i in said.not_now + said.disliked if i in p.about]  # the other is answered
                for w in (int(self.m.world.of_catalog[i]) for i in gone):
                    if w >= 0 and w in self.s.cards:
                        self.card(CardFeedback(self.m.world.item_id(w), "dislike"))
                p.about = [i for i in p.about if i not in gone] or p.about
            self.verdicts_beside(p, p.about)  # "sphere looks dumb. is twelve monkeys any good?": Sphere's verdict too
            head = _first_clause(text)
            if len(p.about) == 1 and head and not QUESTION_HEAD_RE.match(head):  # "the fog looks good, is it
                # long?": liked, and its facts ("is aladdin really australian?? thought it was disney": no like)
                said = self.m.parser.parse(head)  # (a verdict said: "ok and event horizon, is it scary?" is none)
                if said.liked == p.about and not (said.disliked or said.seen or said.intents) and set(
                        tokens(head)) & JUDGING_WORDS:
                    self._like_named(int(self.m.world.of_catalog[p.about[0]]))
            self.about(p.about)
            self._not_here(p)
            wish = self._wish_after_question(text)
            if wish is None:
                return
            p, self.then = wish, "decide"  # "how long is it? i dont want anything crazy long": answered, and the
            # wish after the question is taken too (it had been lost)
        if "bye" in p.intents and len(p.liked) == 1 and not (p.rejected or p.disliked or p.seen) and (
                not p.accepted or CHOOSE_RE.search(text)) and not LIKE_THAT_RE.search(text):  # (not "lets try
            # something like groundhog day, thanks"; "ill go with the daytrippers, short n well reviewed. thx bye!")
            w = int(self.m.world.of_catalog[p.liked[0]])  # "we'll just go with speed, thanks for the help!"
            if w >= 0:
                self._like_named(w)
                self.chose(w, text)
                self.ack[-1] += " Thanks for chatting, and come back any time."
                self.then = "close"
                return
        if "bye" in p.intents:
            self.goodbye()
            return
        said = p.names_something or bool(p.wish or p.unwish or p.lesser_known or p.popular or p.best)
        if p.intents == ["greeting"] and not said and (self.before.cards or self.before.shown):
            self.ack.append("Hello again! Tell me what you would like, or judge the films shown.")
            self.then = "stay"  # "hey im back" mid-conversation: not the whole welcome again
            return
        if p.intents == ["off_topic"]:
            self.ack.append("I only know about films, I'm afraid. Tell me what you feel like watching, or judge "
                            "the films shown." if last_cards(self.s) else
                            "I only know about films, I'm afraid. Tell me what you feel like watching: a genre, "
                            "an era, an actor or director, or a film you liked.")
            self.then = "stay"
            return
        if p.intents == ["frustrated"]:
            self.frustrated()
            return
        if p.intents and set(p.intents) <= {"greeting", "help"} and not said:
            self.ack.append(render("help", last_year=self.m.last_year))
            self.then = "stay"
            return
        if "greeting" in p.intents:
            self.ack.append("Hello!")
        if "why" in p.intents:  # "why you give me Days of Thunder?": that card, when it was shown
            w = int(self.m.world.of_catalog[p.about[0]]) if len(p.about) == 1 else -1
            if not p.about:  # "2 pls", then "y that one": the card the talk is on, not the first
                talked = self._card_talked_of()
                w = talked if talked is not None else -1
            more = bool(p.accepted or p.rejected or p.alternatives or p.dropped)
            if len(p.about) == 1 and w not in self.s.cards + self.s.shown and not more:
                self.about(list(p.about))  # "why is ghost a comedy lol", of a film not shown: its record says why
                return
            if not (more and w < 0 and p.rejected and not p.accepted and not WHY_THAT_RE.match(self.message)):
                # (not "why are you showing me horror? i said no horror" with no card named: the refusal answers it,
                # not the first card's reasons)
                self.why(self.m.world.item_id(w) if w >= 0 and w in self.s.cards + self.s.shown else None, inline=more)
            if not more:
                return
            self.then = "decide"  # "why that one, i hate musicals": the card explained, and no musicals now
        if not p.names_something and EITHER_FINE_RE.search(self.message) and self.either_will_do(p):
            said = True  # "Either one is fine dear", "either works": the two asked for, either of them
        answering = self.s.question is not None and bool({"yes", "no", "any"} & set(p.intents) or p.accepted
                                                         or p.rejected or p.alternatives)
        if answering and "something_else" in p.intents and not (p.accepted or p.rejected or p.alternatives):
            answering = False  # "no, none of those": the films turned down, not every answer to the question
        taken: set[str] = set()
        if answering:
            taken = self.answer(p)
        elif self.s.question is not None and (said or {"more", "something_else"} & set(p.intents)):
            # the person went past the question: it closes, so it is not asked again as if unheard
            if not p.names_something and (p.wish or p.unwish) and len(tokens(p.wish or p.unwish)) <= 3:
                # (a short reply was likely meant as the answer; a sentence of its own was not)
                self.notes.append(f"I didn't catch an answer to \u201c{md(self.s.question.text)}\u201d there.")
            self.record(unknown=list(self.s.asked))
        self.drop(p.dropped)
        self.drop_types(p.dropped_types)
        fine = any(VALUE_FINE_RE.match(c) for c in re.split(r"(?<=[.!?;,])\s+", text))  # (said in any clause:
        # "... you didnt list them. also comedy is fine, ashby did comedies": it had asked for comedies only)
        beside = fine and self.before.cards and not (  # "crime is fine" beside thrillers shown
            self.before.question is not None and self.before.question.attr_type == "genre")  # (not an answer)
        also = [tv for tv in p.accepted if tv[0] in ("genre", "decade") and any(
            self.m.catalog.attr_values[v][0] == tv[0] for v in self.s.accepted + tuple(self.s.rejected) + tuple(
                self.s.unanswered))] if FINE_TOO_RE.search(text) or beside else []  # ("actually 80s is fine too")
        if also:  # "comedy is fine too" while looking for westerns: either (it had asked for western comedies)
            p.accepted = [tv for tv in p.accepted if tv not in also]
            p.allowed = p.allowed + also
        self.allow(p.allowed)
        romance, comedy = ("genre", "Romance"), ("genre", "Comedy")
        if romance in p.rejected and ROMCOM_RE.search(text) and self.m.catalog.find_value(*romance) in (
                set(self.s.accepted) | {v for g in self.s.either for v in g}):  # "no rom coms" to someone who asked
            p.rejected = [comedy if tv == romance else tv for tv in p.rejected]  # for romance: no comedies (it had
            # ruled out the romance; asking for comedies, the romance goes, as before)
        rejected, milder = self._known_ratings(p.rejected, p.soft, p.accepted)
        gentler = self._gentler(p)  # "not too scary" of the horror asked for: milder horror, not no horror
        r_fine = any(tv in ADULT_RATINGS for tv in p.allowed)  # "R is fine. i just dont want blood and guts": gore
        if gentler or r_fine:  # is not for the rating to rule out, as the person said ("horror but no gore": milder
            rejected = [tv for tv in rejected if not (tv in p.soft and tv[0] == "genre")]  # horror, and no other
        gentler = [] if r_fine else gentler  # kind said "No" to, as war was)
        if p.for_child and not self.s.for_child:
            self.s = dataclasses.replace(self.s, for_child=True)
        self.values([tv for tv in p.accepted if tv[1] not in taken], [tv for tv in rejected if tv not in gentler],
                    p.instead, p.soft, p.only)
        self.groups([g for g in p.alternatives + milder if not {v for _, v in g} & taken])
        if any(t == "runtime" for t, _ in p.accepted + [tv for g in p.alternatives for tv in g]):
            # "nothing over 100 minutes": held to 100 (the value is the band that holds it); a length said otherwise
            self.s = dataclasses.replace(self.s, max_minutes=p.max_minutes)  # ("something short") replaces it
        years = sorted({y for y in re.findall(r"\b(19[1-9]\d|20[0-2]\d)\b", self.message)
                        if ("decade", f"{y[:3]}0s") in p.accepted})
        if p.year_bound:  # "before 1965": the 1960s are in, its films before 1965 first
            self.s = dataclasses.replace(self.s, by_year=p.year_bound)
            self.era_set = True
        elif years and not (p.liked or p.disliked or p.seen or p.about):  # "films from 1994": its decade, said so
            decades = sorted({f"the {y[:3]}0s" for y in years})  # (it had widened to the 1990s in silence)
            if len(years) == 1:  # "the best movies of 1994": that year's films first, then the rest of its decade
                self.s = dataclasses.replace(self.s, by_year=years[0])  # (they had been any films of the 1990s)
                self.era_set = True
                self.notes.append(f"Films from {years[0]} first; after them, the rest of {decades[0]}.")
            else:
                self.notes.append(f"I can narrow films down by decade only, so {' and '.join(years)} are "
                                  f"{' and '.join(decades)} here.")
        self.mood(p, gentler)
        if p.era:
            liked = [w for w in (int(self.m.world.of_catalog[i]) for i in p.liked) if w >= 0]
            # "like jurassic park but older": older than that film, not than the films shown
            self.era(p.era, around=liked if p.era in ("older", "newer") and len(liked) == 1 else None,
                     also=bool(ALSO_RE.search(text)))
        self.titles(p)
        named = {t for _, v in p.accepted for t in tokens(v)}  # "a newer comedy": the era and a genre, no search
        wish = p.wish or self._subjects(p)  # "somethin with werewolves": Horror, and werewolves
        if wish and not (p.era and set(tokens(wish)) <= ERA_SHIFT.keys() | STOPWORDS | POLITE | ERA_WORDS | named):
            refused = {t for _, v in p.rejected for t in tokens(v)}  # "nothing with tom cruise pls": not the story
            told = " ".join(w for w in wish.split() if not set(tokens(w)) & refused)  # of *Speed 2: Cruise Control*
            story = self._story(told) if p.wish and not (p.liked or p.disliked or p.seen or p.mood_kinds) \
                and _describes(told) else -1  # a mood ("something cozy for a rainy day") or a subject ("heist
            # movie pls": films of it, none in particular) tells no story
            if story == -1 and self.s.story != self.before.story:  # found by a film described ("the one with
                story = self.s.story  # the shark"), this turn
            self.s = dataclasses.replace(self.s, wish=wish, story=story)
            if story == STORY_UNLISTED:
                pass  # said by ``_story``
            elif story >= 0 and MORE_LIKE_IT_RE.search(text):  # "... with a groundhog? i loved it, want something
                self.ack.append(SOUNDS_LIKE_KIN.format(self._film(self.m.world.catalog_index(story))))  # similar":
                if LOVED_IT_RE.search(text):  # films like that film, not films with the words of its story (round
                    self._like_named(story)  # thirty-two: A Grand Day Out, Dead Man and Tombstone)
                self.s = dataclasses.replace(self.s, wish="", story=-1, lean=story, lean_outside=())
            elif story >= 0:  # "the one where the big ship sinks": that film first, and films near the words
                self.ack.append(SOUNDS_LIKE.format(self._film(self.m.world.catalog_index(story))))
            elif not (p.names_something_else("not_now") or p.era or p.mood_kinds):  # said back only when nothing
                # else was understood (a film set aside is said apart): the words searched for, not the whole
                # message ("something cozy for a rainy day" -> "cozy rainy day"); a mood's kinds say it better
                words = " ".join(t for t in tokens(wish) if t not in STOPWORDS | POLITE) or wish
                self.ack.append(f"{WISH_SAID} \u201c{md(words[:100])}\u201d.")
        if p.unwish:  # "no superheroes": films like those words are kept back, in this search
            unwish = ", ".join(dict.fromkeys([*filter(None, self.s.unwish.split(", ")), p.unwish]))
            self.s = dataclasses.replace(self.s, unwish=unwish)
            self.ack.append(f"{UNWISH_SAID} \u201c{md(p.unwish[:100])}\u201d.")
        changed = (self.s.accepted, self.s.rejected, self.s.either) != (
            self.before.accepted, self.before.rejected, self.before.either)
        q = self.before.question
        off_question = q is not None and any(t != q.attr_type for t, _ in [*p.accepted, *p.rejected,
                                                                          *(tv for g in p.alternatives for tv in g)])
        only_refused = (self.s.accepted, self.s.either) == (self.before.accepted, self.before.either) and not any(
            self.m.world.has(w, v) for w in self.before.cards for v in set(self.s.rejected) - set(self.before.rejected))
        if self.judged and changed and only_refused:  # "number 2's got X in it and i said no X": that card goes,
            self.then = "replace"  # a new one in its place, the others stay
        elif changed and self.before.cards and only_refused and set(self.s.rejected) - set(
                self.before.rejected) and not (p.wish or p.unwish or p.liked or p.disliked
                                                or self.s.milder != self.before.milder):  # (not when
            # something was let back in: a film or "R is fine" after "milder ones")
            self.then = "stay"  # "no tom cruise" with none of his films on screen: said, and the films stay
            self.ack.append("None of the films shown is ruled out by that, so they stay:")
        elif changed and self.before.cards and (not answering or off_question or p.instead):
            # a changed wish while looking at films: new films ("actually make it the 80s"); an answer to
            # the question beside the films, and nothing else, lets the policy go on
            self.then = "new_films"
        farewell = "bye" in p.intents or THANKS_WORDS.search(text) or FINAL_RE.search(text)  # "ok we r doing
        chosen = chosen or bool(CHOOSE_RE.search(text) and farewell and not LIKE_THAT_RE.search(text))  # princess
        # bride, final answer": chosen, said beside other words (round thirty-eight: it had been a like, and a list)
        if chosen and len(p.liked) == 1 and not (p.accepted or p.rejected or p.alternatives or p.disliked):
            w = int(self.m.world.of_catalog[p.liked[0]])  # "ok i'll watch vertigo thanks": that film, and enjoy it
            if w >= 0:
                self.chose(w, text)
                return
        model = p.liked[0] if len(p.liked) == 1 else self._model_named(p.liked, text)  # ("wallace n gromit is a
        # good shout. diff request now: films similar to casablanca": Casablanca, the film after "similar")
        if model is not None and not p.disliked and LIKE_THAT_RE.search(text):  # "more like toy story",
            w = int(self.m.world.of_catalog[model])  # "titanic vibes": the next lists lean to that film
            if w >= 0:
                self.s = dataclasses.replace(self.s, lean=w, lean_outside=())
        if (p.liked or p.disliked or p.seen or p.not_now) and self.before.cards and self.then == "decide":
            set_aside = {int(self.m.world.of_catalog[i]) for i in p.disliked + p.seen + p.not_now}
            praised = {int(self.m.world.of_catalog[i]) for i in p.liked}  # "ok the birds sounds fun"
            as_model = re.search(r"\b(?:(?:more|something|anything|films?|movies?|ones?|stuff)\s+like|similar|more|"
                                 r"vibes?|in the vein)\b", text, re.IGNORECASE)  # "more like the birds" (not
            # "seen matilda, the kids didnt like it")
            if set_aside | praised <= set(self.before.cards) and not (changed or p.wish or as_model):
                # "not titanic again, seen it" with Titanic on screen: as its card's button, the others stay
                self.judged = tuple(w for w in self.before.cards if w in set_aside | praised)
                self.then = "replace"
                b = self.before  # and the question beside them stays open, as it does for a button
                self.s = dataclasses.replace(self.s, question=b.question, asked=b.asked, unanswered=b.unanswered,
                                             answers=b.answers, passes=b.passes)
            else:  # "e.t. was great", "not titanic pls" (not shown) while looking at films: films that take it in
                self.then = "new_films"
        if (self.lean_outside or self.s.wanted != self.before.wanted) and self.then == "decide":  # "best film ever
            # finding nemo", "always meant to watch fargo": films like it now
            self.then = "new_films" if self.before.cards else "films"
        if {"more", "something_else"} & set(p.intents):
            self.then = "films"
            if "something_else" in p.intents:
                self.ack.append("Something different, then.")
                if len(self.before.shown) >= PASSED_OVER and not said:  # a third list turned down, nothing said:
                    self.notes.append("If none of these is it either, tell me about a film you loved, an actor or "
                                      "director, or the mood you are in, and I will aim closer.")  # ask what they want
        elif p.intents == ["no"] and not answering and not said and last_cards(self.s):
            self.then = "films"  # "nah", "no thank you, is not for me" with films on screen and no question:
            self.ack.append("Something different, then.")  # those films turned down, said back
        if not (p.intents or said):
            self.notes.append("Sorry, I did not catch that. You can name a genre, an era, a director or "
                              "actor, a film you liked, or just describe the mood.")
            self.then = "stay"

    def pick(self, places: list[int], verdict: str) -> bool:
        """Films of the last list named by their place ("the second one sounds good", "more like
        the third one", "why the first one", "seen the first two"): as their cards' buttons would;
        a question, an explanation or "more like" is about the first one named. False when there
        is no list to point into (the message is read as usual)."""
        shown = last_cards(self.s)
        if not shown:
            return False
        if not all(-len(shown) <= place < len(shown) for place in places):
            self.notes.append(f"There {'was' if len(shown) == 1 else 'were'} only {len(shown)} "
                              f"film{'' if len(shown) == 1 else 's'} in that list.")
            self.then = "stay"
            return True
        if verdict in ("like", "dislike", "seen") and len(places) > 1:
            films = [shown[place] for place in dict.fromkeys(p % len(shown) for p in places)]
            before, taken = len(self.ack), []
            for item in films:
                n = len(self.ack)
                self.card(CardFeedback(self.m.world.item_id(item), verdict))
                taken += [item] if len(self.ack) > n else []  # not refused ("I did not recommend that film")
            del self.ack[before:]  # one line for them all
            names = [f"*{md(title_of(self.m.catalog, self.m.world.catalog_index(i)))}*" for i in taken]
            them = "them" if len(names) > 1 else "it"
            if names:
                self.ack.append(f"Glad you like {join_words(names)}. I will keep that in mind." if verdict == "like"
                                else f"Noted, not {join_words(names, 'or')}." if verdict == "dislike"
                                else f"You have seen {join_words(names)}: I will not suggest {them} again.")
            return True
        place = places[0]
        item_id = self.m.world.item_id(shown[place])
        if verdict == "about" and len(places) > 1:  # "who is in these?", "how long are 2 and 4?": each of them
            self.about([self.m.world.catalog_index(shown[k]) for k in dict.fromkeys(k % len(shown) for k in places
                                                                                    if k < len(shown))])
            return True
        if verdict == "about":
            head = _first_clause(self.message)  # (not "number 4 is good?": a question)
            said = Parser._pick(head) if head else None
            judged = head and set(tokens(head)) - PLACE_WORDS  # not "the 2nd one, is that with michael j fox?"
            if said == (place, "like") and judged:  # "the 2nd one looks good, who's in it?": liked, and its facts
                self.card(CardFeedback(item_id, "like"))
            self.about([self.m.world.catalog_index(shown[place])])
            return True
        if verdict == "why":
            self.why(item_id)
            return True
        self.card(CardFeedback(item_id, "like" if verdict == "more" else verdict))
        if verdict == "more":  # more like it: a new list that leans to the film just liked
            self.then = "films"
            self.s = dataclasses.replace(self.s, lean=int(shown[place]), lean_outside=())
        return True

    def answer(self, p: Parse) -> set[str]:
        """Text that answers the pending question; returns the names it took as the answer (a
        person named answers "Any of these directors?" as that director, whatever role the
        parser guessed)."""
        asked = list(self.s.asked)
        names = {v for _, v in p.accepted}
        picked = [v for v in asked if label(self.m, v) in names]
        in_groups = {v for g in p.alternatives for _, v in g}
        if picked:
            self.record(yes=picked, unknown=[v for v in asked if v not in picked])
        elif any(label(self.m, v) in in_groups for v in asked):
            # "black and white" to "From which era?": the decades it means become one constraint
            # (``groups``), not the one chip among them
            self.record(unknown=asked)
        elif "any" in p.intents:
            self.record(unknown=asked)
            self.ack.append("No preference there.")
        elif "no" in p.intents and len(asked) > 1 and (p.accepted or p.rejected or p.alternatives or p.liked):
            self.record(unknown=asked)  # "no, less violent please" to "What kind of film?": a new wish, not
            # "none of these kinds"
        elif "no" in p.intents and len(asked) > 1 and not re.search(r"\b(?:none|neither|not? (?:any|one) of)\b",
                                                                    self.message, re.IGNORECASE):
            self.record(unknown=asked)  # "nah" to "From which era?": no era in mind, not "none of these"
            self.ack.append("No preference there, then.")
        elif "no" in p.intents:
            self.record(no=asked)
        elif "yes" in p.intents:
            if len(asked) == 1:
                self.record(yes=asked)
            else:
                self.notes.append("Which one? Click a chip, or say \u201cany\u201d.")
                self.then = "stay"
        return {label(self.m, v) for v in picked}

    def _known_ratings(self, rejected, soft, accepted=()) -> tuple[list, list]:
        """"nothing rated R", said in so many words: the milder ratings, as one wish a film's known
        rating must meet (most films have no rating on record, and a film whose rating is not known
        must not pass as one that is not R); a rating ruled out by guess ("for my son": ``soft``)
        stays a rejection. Returns (the other rejections, the groups)."""
        order = RATINGS
        rated = [tv for tv in rejected if tv[0] == "mpaa" and tv not in soft and tv[1][6:] in order]
        strictest = min((order.index(v[6:]) for _, v in rated), default=0) - 1  # the strictest rating still wanted
        if strictest < 1:  # none ruled out, or only G is left ("nothing above G": a wish for G, not a group)
            return list(rejected), []
        if not set(rated) & set(ADULT_RATINGS) and (set(accepted) & set(ADULT_RATINGS) or TAME_RE.search(
                self.message)):  # "no PG-13 wimpy stuff", "no pg-13, I want R rated": too mild, not too strong (it
            return list(rejected), []  # had asked for PG or milder)
        milder = self.m.parser.lex.groups.get(tuple(tokens(f"rated {order[strictest]} or lower")))
        if not milder:
            return list(rejected), []
        return [tv for tv in rejected if tv not in rated], [tuple(tv for tv in milder if tv not in rated)]

    def values(self, accepted, rejected, instead: bool = False, soft=(), only: bool = False) -> None:
        """Values the person wants or rules out. A new value of a type a film has one of (an
        era, a length, a rating) replaces the old one; with "instead" / "actually" any type does.
        ``soft`` rejections (from a mood word: "less violent" after "an action film") leave the
        values asked for alone. ``only`` ("only ones from the 70s"): a narrowing, never a fresh start."""
        cat, s = self.m.catalog, self.s
        named = [v for v in (cat.find_value(*tv) for tv in accepted) if v is not None]
        yes = [v for v in named if v not in s.accepted]
        refused = [v for v in (cat.find_value(*tv) for tv in rejected) if v is not None]
        refused += [w for v in refused if cat.attr_values[v][0] in PERSON_TYPES for t in PERSON_TYPES
                    if t != cat.attr_values[v][0] and (w := cat.find_value(t, cat.attr_values[v][1])) is not None
                    and w not in refused]  # "no tarantino": not as director, actor or writer either
        no = [v for v in refused if v not in s.rejected and not (tuple(cat.attr_values[v]) in soft and v in s.accepted)]
        again = [v for v in named if v in self.before.accepted]

        def kind(v: int) -> str:  # a person is a person, whatever the role
            return "person" if cat.attr_values[v][0] in PERSON_TYPES else cat.attr_values[v][0]

        others = [v for v in s.accepted if v not in named and kind(v) in {kind(w) for w in again}]
        if instead and again and not yes and others and not no:  # "only tarantino please" after "tarantino or
            self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in others))  # spielberg"
            self.ack.append(f"Only {join_words([label(self.m, v) for v in again])} now, not "
                            f"{join_words([label(self.m, v) for v in others], 'or')}.")
            return
        # the person repeats what was understood: say so and move on
        if again and not yes and not any(a.startswith("Got it") for a in self.ack):
            self.ack.append("Yes, still " + ", ".join(label(self.m, v) for v in again) + ".")
        still_no = [v for v in refused if v in s.rejected]
        if still_no and not (yes or no or again):  # "I just told you I hate sci-fi": said so, and kept
            self.ack.append("Yes, still no " + join_words(list(dict.fromkeys(label(self.m, v) for v in still_no)), "or")
                            + ".")
        if not (yes or no):
            return
        new_types = {cat.attr_values[v][0] for v in yes}
        # films for a child stay for a child: "actually an adventure" after "my son is 8" is an adventure for him
        stays = {v for v in s.accepted if s.for_child and cat.attr_values[v] == ("genre", "Children's")} - set(no)
        replaced = [v for v in s.accepted if v not in named and v not in stays and cat.attr_values[v][0] in new_types
                    and (instead or cat.attr_values[v][0] in EXCLUSIVE_TYPES)]
        either = tuple(g for g in s.either if not ({cat.attr_values[v][0] for v in g} & new_types and (
            instead or {cat.attr_values[v][0] for v in g} <= EXCLUSIVE_TYPES)))
        accepted = tuple(v for v in s.accepted if v not in no and v not in replaced) + tuple(yes)
        proposing = re.search(r"\b(?:what|how|wat) about\b", self.message, re.IGNORECASE)  # "what about the 70s":
        # one more thing to try with the rest, not a new search
        if instead and not only and yes and len(accepted) > len(yes) and not proposing and not fitting(
                self.m.world, accepted, either).any():
            # "a war film by Spielberg" ... "something with Tom Hanks instead": no film is known to have
            # the new value with the rest, so "instead" starts the search afresh from it
            replaced += [v for v in accepted if v not in yes and v not in stays]
            accepted, either = tuple(v for v in accepted if v in stays) + tuple(yes), ()
        world = self.m.world
        named_again = {kind(v) for v in yes} & {kind(v) for v in accepted if v not in yes}
        together = re.search(r"\b(?:and|also|too|both|together|plus|as well)\b", self.message, re.IGNORECASE)
        same_role = {cat.attr_values[v][0] for v in yes if kind(v) == "person"} & {
            cat.attr_values[v][0] for v in accepted if v not in yes and kind(v) == "person"}  # (an actor after an
        # actor; "hitchcock", then "the one with jimmy stewart", narrows his films)
        few = bool(same_role) and not together and fitting(world, accepted, either).sum() < FEW_TOGETHER
        if named_again and (not fitting(world, accepted, either).any() or few) and (
                fitting(world, yes, ()).any() or "person" in named_again):  # ("john wayne westerns" after marilyn
            # monroe: no john wayne western is known either, and still she is not wanted with him; "cary grant
            # films", then "james stewart films": his films now, not the one film with both; "and james stewart"
            # asks for both)
            # a new request that no film shares with the old one, naming again a kind of value
            # asked before ("animated films for my kids" ... "anything with harrison ford thats sci
            # fi"; "directed by tarantino" ... "with jim carrey"): the new values win. The old ones
            # of the kinds named again go first; if still nothing fits, the rest are kept, newest
            # first, only while some film has them all. ("a western" ... "with john wayne" names no
            # kind again: both stay, and the reply says how few films are known to have both)
            kept = tuple(v for v in accepted if v in yes or kind(v) not in named_again)
            kept_either = tuple(g for g in either if not {kind(v) for v in g} & named_again)
            if not fitting(world, kept, kept_either).any():
                kept, kept_either = tuple(yes), ()
                for v in reversed([v for v in accepted if v not in yes and kind(v) not in named_again]):
                    if fitting(world, (v, *kept), ()).any():
                        kept = (v, *kept)
            replaced += [v for v in accepted if v not in kept]
            replaced += [v for g in either if g not in kept_either for v in g]
            accepted, either = kept, kept_either
        either = tuple(g for g in either if not set(g) & set(yes))  # "any john wayne picture will do" after "john
        # wayne or gary cooper": him (the group had stayed: "I have no film with John Wayne with John Wayne or ...")
        self.s = dataclasses.replace(s, accepted=accepted, either=either,
                                     rejected=tuple(v for v in s.rejected if v not in yes) + tuple(no),
                                     answers=s.answers + ("yes",) * len(yes) + ("no",) * len(no))
        if yes:
            replaced = [v for v in dict.fromkeys(replaced) if v not in yes]  # each once, not the new value itself
            was = f" instead of {', '.join(label(self.m, v) for v in replaced)}" if replaced else ""
            self.got_it(", ".join(label(self.m, v) for v in yes) + was)
        if no:
            # "No Animation, and nothing over 2 hours.": a length, rating or critics' band is "nothing …"
            graded = [v for v in no if self.m.catalog.attr_values[v][0] in ("runtime", "critics", "mpaa")]
            spoken = [v for v in no if self.m.catalog.attr_values[v][0] == "language"]  # "not in English"
            plain = [v for v in no if v not in graded and v not in spoken]
            said = [f"{w} {join_words(list(dict.fromkeys(label(self.m, v) for v in vs)), 'or')}"
                    for w, vs in (("no", plain), ("nothing", graded), ("not in", spoken)) if vs]  # (a person once,
            # whatever the roles: "No Quentin Tarantino.")
            line = ", and ".join(said)
            self.ack.append(line[0].upper() + line[1:] + ".")

    def _gentler(self, p: Parse) -> set[Value]:
        """The genres said "not too" or "less" of (``Parse.milder``) that are wanted, now or
        in this message: milder films of them are wanted, not none."""
        cat = self.m.catalog
        wanted = set(self.s.accepted) | {v for g in self.s.either for v in g}
        horror = ("genre", "Horror") in p.accepted or cat.find_value("genre", "Horror") in wanted  # ("I love horror
        # but my girlfriend can't stand gore": milder horror, said in one message, had been "No War")
        said = p.soft + ([tv for tv in p.rejected if tv in (("genre", "War"), ("genre", "Horror"))] if horror else [])
        soft = {tv for tv in said if tv[0] == "genre" and (horror or tv in p.accepted or cat.find_value(*tv) in wanted)
                } if GORE_RE.search(self.message) else set()  # ("nothing bloody pls" with horror asked for: milder
        # horror; it had said "No War" and kept the gore)
        return {tv for tv in p.milder if tv in p.accepted or cat.find_value(*tv) in self.s.accepted} | soft

    def mood(self, p: Parse, gentler: set[Value]) -> None:
        """What a mood leans to and away from (``Parse.mood_kinds``, ``clash``) and a milder wish
        (``gentler``: nothing rated R). Soft: a genre asked for outranks the kinds, a clash never
        takes back a genre wanted, and one turned down or asked for stays as said."""
        cat, s = self.m.catalog, self.s
        genre = {v for v in s.accepted if cat.attr_values[v][0] == "genre"} | {
            v for g in s.either for v in g if cat.attr_values[v][0] == "genre"}
        if p.mood_kinds and p.instead and genre and not any(t == "genre" for t, _ in p.accepted):
            # "something cozy instead" after a crime search: the mood's kinds instead of the genres asked before
            kept = [v for v in s.accepted if v not in genre]
            self.s = s = dataclasses.replace(s, accepted=tuple(kept),
                                             either=tuple(g for g in s.either if not set(g) & genre))
            self.ack.append(f"No longer {join_words([label(self.m, v) for v in sorted(genre)], 'or')}.")
            genre = set()
        if p.mood_kinds and not genre:  # "something cozy": a comedy, romance, children's film ...
            self.groups(p.mood_kinds)
            s = self.s
            genre |= {v for g in s.either for v in g}
        ratings = [("mpaa", "rated R"), ("mpaa", "rated NC-17")] if gentler else []
        adult_only = bool(ratings) and self._adult_only(ratings)
        if adult_only:  # "90s horror, my mom said no super gory stuff": nearly all of it is rated R; R stays, the
            ratings = []  # mildest first (it had kept the rating and dropped the era: films of 1958 to 1978)
        away = [v for v in (cat.find_value(*tv) for tv in [*p.clash, *ratings])
                if v is not None and v not in genre and v not in s.accepted and v not in s.rejected]
        if gentler and not s.milder:  # films known to be mild first (most films' rating is not on record), now
            said = not any(cat.attr_values[v][0] == "mpaa" for v in away)  # ("no War, and nothing rated R": said)
            self.ack.append("Nearly all I have of this is rated R, so R-rated films stay; those known to be rated "
                            "PG-13 or milder come first." if adult_only else
                            "Those known to be rated PG-13 or milder first." if said else
                            "Milder ones, then: nothing rated R or NC-17, and those known to be rated PG-13 or "
                            "milder first.")
            self.s = s = dataclasses.replace(s, milder=True)
            self.then = "new_films" if last_cards(s) else "films"
        elif gentler and last_cards(s) and not away:  # asked again: the next films would be less mild, not more
            self.ack.append("These are the mildest I know of for this; most films' ratings are not on record.")
            self.then = "stay"
        if not away:
            return
        self.s = dataclasses.replace(s, rejected=s.rejected + tuple(away))
        kinds = [label(self.m, v) for v in away if cat.attr_values[v][0] == "genre"]
        if kinds:
            self.ack.append(f"Nothing to spoil the mood: no {join_words(kinds, 'or')}.")

    def _adult_only(self, ratings: list[Value]) -> bool:
        """Whether every film that fits the wish (as it stands) is known or guessed (``recsys.fact_guess``)
        to be rated one of ``ratings``: ruling them out would leave nothing of what was asked for."""
        m, s = self.m, self.s
        if not (s.accepted or s.either):
            return False
        fit = fitting(m.world, s.accepted, s.either)
        adult = np.zeros(m.world.n_items, dtype=bool)
        for v in (m.catalog.find_value(*tv) for tv in ratings):
            if v is not None:
                adult[m.world.items_with(v)] = True
        adult |= fact_guess.looks(m.catalog, "mpaa", fact_guess.ADULT)[m.world.data.items]
        return bool(fit.any()) and not (fit & ~adult).any()

    def got_it(self, what: str) -> None:
        """One "Got it: …" line for everything understood in this message: an answer to the
        question and the values beside it ("something funny from the 80s": "Got it: Comedy, 1980s.")."""
        k = next((j for j, a in enumerate(self.ack) if a.startswith("Got it: ")), None)
        if k is None:
            self.ack.append(f"Got it: {what}.")
        else:
            self.ack[k] = f"{self.ack[k][:-1]}; {what}."

    def either_will_do(self, p: Parse) -> bool:
        """"either one is fine", "either works" after two values of one type were asked for (two
        people no film shares, a comedy and a horror film): those values become one either-or, and
        the words are neither a search phrase nor "no preference"."""
        cat, s = self.m.catalog, self.s
        by_type: dict[str, list[int]] = {}
        for v in s.accepted:
            by_type.setdefault(cat.attr_values[v][0], []).append(v)
        group = next((tuple(vs) for t, vs in by_type.items() if len(vs) > 1 and t not in EXCLUSIVE_TYPES), None)
        if group is None:
            return False
        self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in group),
                                     either=s.either + (group,))
        p.wish, p.intents = "", [i for i in p.intents if i != "any"]
        self.got_it(either_label(cat, group))
        return True

    def groups(self, alternatives) -> None:
        """One-of constraints ("French": from France or in French)."""
        cat, s = self.m.catalog, self.s
        new = []
        for g in alternatives:
            vals = tuple(v for v in (cat.find_value(*tv) for tv in g) if v is not None)
            if vals and vals not in s.either and not set(vals) & set(s.accepted):
                new.append(vals)
        if not new:
            return
        types = {cat.attr_values[v][0] for g in new for v in g}
        nation = {"country", "language"}  # "japanese film" after "a french comedy": Japan instead of France
        new_nation = any({cat.attr_values[v][0] for v in g} <= nation for g in new)
        keep = tuple(g for g in s.either if not ({cat.attr_values[v][0] for v in g} & types & EXCLUSIVE_TYPES)
                     and not (new_nation and {cat.attr_values[v][0] for v in g} <= nation))
        accepted = tuple(v for v in s.accepted if cat.attr_values[v][0] not in types & EXCLUSIVE_TYPES)
        gone = [either_label(cat, g) for g in s.either if g not in keep]
        people = [v for v in accepted if cat.attr_values[v][0] in PERSON_TYPES]
        if types & set(PERSON_TYPES) and people and not fitting(self.m.world, accepted, keep + tuple(new)).any():
            # "fellini or leone" after "kurosawa films": no film has them all, so the new people replace him
            accepted = tuple(v for v in accepted if v not in people)
            gone += [label(self.m, v) for v in people]
        self.s = dataclasses.replace(s, either=keep + tuple(new), accepted=accepted)
        self.got_it("; ".join(either_label(cat, g) for g in new) + (f" instead of {'; '.join(gone)}" if gone else ""))

    def era(self, shift: str, around: list[int] | None = None, also: bool = False) -> None:
        """"something older" / "newer": the decades before (after) the one asked for, else (and
        after an earlier "older") the one the last list's films mostly come from; they replace
        any era asked before. ``around``: the films (world items) to be older or newer than
        ("more like #3 but newer"), whatever era was asked. ``also`` ("older ones are fine too"):
        the decades asked for stay beside them."""
        cat, s = self.m.catalog, self.s
        decades = [cat.value_index("decade", d) for d in cat.decades()]
        if not decades:  # a dataset without years
            self.notes.append("This catalog has no years for its films, so I cannot go by era.")
            return
        asked = [v for v in s.accepted if v in decades] if around is None else []
        spans = [g for g in s.either if set(g) & set(decades)] if around is None else []  # "older than the 80s"
        films = around
        if not films:  # the films the last list shows that fit: the close ones after them are not the era shown
            fit = fitting(self.m.world, s.accepted, s.either)
            films = [i for i in last_cards(s) if fit[i]] or last_cards(s)
        years = [y for y in sorted(int(cat.years[self.m.world.catalog_index(i)]) for i in films) if y > 0]
        if shift == "newer" and not (asked or years or spans):  # "something more recent" first: the newest
            shift = "newest"
        self.s = s = dataclasses.replace(s, by_year=shift if shift in ("newest", "oldest") else "")
        self.era_set = True
        if shift == "oldest":  # "your oldest films": the first decades, until there are enough films to choose
            # among those that have the rest of the wish ("the oldest sci-fi": not the 1920s, that has none)
            rest = fitting(self.m.world, [v for v in s.accepted if v not in decades],
                           [g for g in s.either if not set(g) & set(decades)])
            counts = np.cumsum([rest[self.m.world.items_with(v)].sum() for v in decades])
            group = tuple(decades[: int(np.searchsorted(counts, OLDEST_FILMS)) + 1])
            if len(group) == len(decades):  # "early tom hanks movies": every decade it takes, so no decade is
                self.ack.append("The oldest first.")  # asked for ("the 1920s to the 1990s" had been said)
                self.then = "new_films"
                return
            self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in decades),
                                         either=tuple(g for g in s.either if not set(g) & set(decades)) + (group,))
            self.got_it(either_label(cat, group) if len(group) > 1 else label(self.m, group[0]))
            self.notes.append("These are the oldest films I have.")
            self.then = "new_films"
            return
        if shift == "newest":  # a year after the catalog ("from 2005"), "the newest you have"
            ref = label(self.m, decades[-1])
        elif asked and not spans:
            ref = (min if shift == "older" else max)(label(self.m, v) for v in asked)
        elif years:  # the era the films shown mostly come from ("older still" after "something older")
            ref = f"{years[len(years) // 2] // 10 * 10}s"
        elif spans:
            ref = (min if shift == "older" else max)(label(self.m, v) for g in spans for v in g)
        else:
            self.notes.append(f"{'Older' if shift == 'older' else 'Newer'} than what? Name a decade, like the 70s.")
            return
        group = tuple(v for v in decades if (label(self.m, v) < ref if shift == "older" else label(self.m, v) > ref))
        if also and not (asked or spans) and shift in ("older", "newer"):  # "older is fine btw, doesnt have to be
            self.ack.append(f"Fine: {'older' if shift == 'older' else 'newer'} films can come too.")  # 90s" (the 90s
            self.then = "new_films" if s.cards else "decide"  # dropped): any era (it had been older films only)
            return
        if also and asked and group and shift in ("older", "newer"):  # "older ones fine too" in a search for the
            group = tuple(v for v in decades if v in group or v in asked)  # 90s: the 90s and before (it had
            self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in decades),  # been only
                                         either=tuple(g for g in s.either if not set(g) & set(decades)) + (group,))
            self.got_it(f"the {ref} or {'older' if shift == 'older' else 'newer'}")  # older films)
            self.then = "new_films"
            return
        if not group or shift == "newest":  # nothing newer (older) than that: the newest (oldest) there is
            edge = decades[0] if shift == "older" else decades[-1]
            self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in decades) + (edge,),
                                         either=tuple(g for g in s.either if not set(g) & set(decades)))
            self.got_it(label(self.m, edge))
            self.notes.append(f"Nothing older than the {ref} here; these are the oldest films I have." if shift ==
                              "older" else f"My catalog (MovieLens) has films up to {self.m.last_year} only; these "
                              f"are the newest I have.")
            self.then = "new_films"
            return
        self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in decades),
                                     either=tuple(g for g in s.either if not set(g) & set(decades)) + (group,))
        self.got_it(f"{'older' if shift == 'older' else 'newer'} than the {ref}")
        self.then = "new_films"

    def drop(self, dropped) -> None:
        """Constraints the person takes back ("forget the 80s", "drop the horror")."""
        if not dropped:
            return
        cat, s = self.m.catalog, self.s
        gone = {v for v in (cat.find_value(*tv) for tv in dropped) if v is not None}
        active = set(s.accepted) | set(s.rejected) | {v for g in s.either for v in g}
        removed = [v for v in gone if v in active]
        if removed:
            self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in gone),
                                         rejected=tuple(v for v in s.rejected if v not in gone),
                                         either=tuple(g for g in s.either if not set(g) & gone))
            self.ack.append("Dropped " + ", ".join(label(self.m, v) for v in sorted(removed)) + ".")
        missing = [tv for tv in dropped if cat.find_value(*tv) not in active]
        known = [tv for tv in missing if cat.find_value(*tv) is not None]
        if known:  # "drop the 80s", "lose the tom cruise ones", never asked for: none of them, then
            self.values([], known)
        missing = [tv[1] for tv in missing if tv not in known]
        if missing:
            self.notes.append(", ".join(missing) + (" was" if len(missing) == 1 else " were")
                              + " not part of the search.")

    def allow(self, allowed) -> None:
        """Values said to be fine ("and R rated is fine"): taken out of what is ruled out, with any
        one-of constraint of the same kind that leaves them out ("rated PG-13 or milder"); nothing
        is asked for."""
        if not allowed:
            return
        s = self.s
        vals = {v for v in (self.m.catalog.find_value(*tv) for tv in allowed) if v is not None}
        kinds = {self.m.catalog.attr_values[v][0] for v in vals}
        without = [g for g in s.either if not set(g) & vals and {self.m.catalog.attr_values[v][0] for v in g} <= kinds]
        lifted = [v for v in s.rejected if v in vals] + [v for g in without for v in g]
        names = ", ".join(label(self.m, v) for v in sorted(vals))
        cat = self.m.catalog
        added = [v for v in sorted(vals) if cat.attr_values[v][0] in ("genre", "decade") and v not in s.accepted
                 and v not in lifted]
        wanted = [v for v in s.accepted if cat.attr_values[v][0] in {cat.attr_values[a][0] for a in added}]
        milder = s.milder and any(cat.attr_values[v] in ADULT_RATINGS for v in vals)  # "milder ones": no R,
        if lifted or milder:  # until R is said to be fine
            self.s = s = dataclasses.replace(s, rejected=tuple(v for v in s.rejected if v not in vals),
                                             either=tuple(g for g in s.either if g not in without),
                                             milder=s.milder and not milder)
            self.ack.append(f"Fine, {names} films can come too.")
            self.then = "new_films" if s.cards else "decide"
        elif added and wanted:  # "comedy is fine too" while looking for westerns: westerns or comedies
            group = tuple(wanted + added)
            self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in wanted),
                                         either=s.either + (group,))
            self.ack.append(f"Fine: {join_words([label(self.m, v) for v in group], 'or')}.")
            self.then = "new_films" if s.cards else "decide"
        else:
            self.ack.append(f"Noted: {names} is fine.")

    def drop_types(self, types) -> None:
        """Whole kinds of constraint taken back ("ok forget the length", "any decade is fine")."""
        if not types:
            return
        s, values = self.s, self.m.catalog.attr_values
        of = {v: values[v][0] for v in set(s.accepted) | set(s.rejected) | {v for g in s.either for v in g}}
        gone = {v for v, t in of.items() if t in types}
        # no preference about them now, as "any" to their question: the type is not asked about again
        anyway = tuple(v for v in gone) or tuple(v for v, (t, _) in enumerate(values) if t in types)[:QUESTION_SIZE]
        s = dataclasses.replace(s, unanswered=tuple(dict.fromkeys(s.unanswered + anyway)))
        self.s = s
        if gone:
            self.s = dataclasses.replace(s, accepted=tuple(v for v in s.accepted if v not in gone),
                                         rejected=tuple(v for v in s.rejected if v not in gone),
                                         either=tuple(g for g in s.either if not set(g) & gone))
            groups = [g for g in s.either if set(g) & gone]  # "the 1960s or earlier", not each of its decades
            alone = [v for v in sorted(gone) if not any(v in g for g in groups)]
            said = [label(self.m, v) for v in alone] + [either_label(self.m.catalog, g) for g in groups]
            self.ack.append("Dropped " + ", ".join(said) + ".")
        elif not any(a.startswith("Dropped") for a in self.ack):  # ("forget romance, any genre": said once)
            words = join_words([TYPE_NAMES.get(t, t) for t in dict.fromkeys(types)], "or")
            self.ack.append(f"Fine: nothing asked for about {words}.")

    def wrong_film(self, films: tuple[int, ...]) -> None:
        """The films guessed from a story told were not the ones meant: what was noted of them is
        taken back, they are not shown for that search, and the person is asked which film it was."""
        m, s = self.m, self.s
        gone = {int(m.world.of_catalog[i]) for i in films} - {-1}
        self.s = dataclasses.replace(s, told=(), liked=tuple(w for w in s.liked if w not in gone),
                                     disliked=tuple(w for w in s.disliked if w not in gone),
                                     seen=tuple(w for w in s.seen if w not in gone),
                                     refused=tuple(dict.fromkeys((*s.refused, *sorted(gone)))),
                                     lean=-1 if s.lean in gone else s.lean)
        names = join_words((f"*{self._film(i)}*" for i in films), "or")
        self.ack.append(f"Sorry, not {names} then: I have taken back what I noted about it. Which film did you "
                        "mean? Its title, or who was in it and roughly when, will find it.")
        self.then = "close"

    def titles(self, p: Parse) -> None:
        m, s = self.m, self.s
        cat = m.catalog
        for i in p.told:  # "the one where keanu keeps the bus above 50": the film guessed, said so
            self.ack.append(TOLD_SAID.format(self._film(i)))
        liked, disliked, seen, shown, wish_extra = list(s.liked), list(s.disliked), list(s.seen), list(s.shown), []
        refused = list(s.refused)
        for i in p.unsaid:  # "i didnt say anything about contact": what was noted of it goes
            w = int(m.world.of_catalog[i])
            noted = [bucket for bucket in (liked, disliked, seen, refused) if w >= 0 and w in bucket]
            for bucket in noted:
                bucket.remove(w)
            asked = len(p.unsaid) == 1 and HAVE_IT_RE.search(self.message)  # "... do you have it or not"
            said = (f"Sorry: I have taken back what I noted about *{self._film(i)}*." if noted else
                    f"Right: I have noted nothing about *{self._film(i)}*.")
            self.ack.append(said + (" And yes, I have it." if asked else ""))
        for i, bucket in [(i, liked) for i in p.liked] + [(i, disliked) for i in p.disliked]:
            name = self._film(i)
            w = int(m.world.of_catalog[i])
            if w >= 0:
                other = disliked if bucket is liked else liked  # the latest verdict on a film stands
                if w in other and i not in (p.disliked if bucket is liked else p.liked):
                    other.remove(w)
                if w not in bucket:
                    bucket.append(w)
                self.ack.append(("Noted that you liked " if bucket is liked else "Noted that you did not like ")
                                + f"*{name}*.")
            elif bucket is liked:
                wish_extra.append(cat.texts[i])
                self.notes.append(f"I know *{name}*, but too few people rated it for me to learn from it, "
                                  "so I will look for films that resemble its description.")
            else:
                self.notes.append(f"I know *{name}*; I will keep away from films like it.")
        for i in p.seen:
            w = int(m.world.of_catalog[i])
            if w >= 0 and w not in seen:
                seen.append(w)
            self.ack.append(f"You have seen *{self._film(i)}*: I will not suggest it.")
        wanted, named = list(s.wanted), []
        for i in p.wanted:  # "always meant to watch schindler's list", "never seen goodfellas": that film first,
            w = int(m.world.of_catalog[i])  # with films like it (it had been liked, and so never shown)
            if w < 0:
                self.ack.append(f"I know *{self._film(i)}*, but too few people here rated it for me to recommend it. "
                                + film_facts(cat, i))
                continue
            for bucket in (liked, seen, refused, shown):
                if w in bucket:
                    bucket.remove(w)
            wanted.append(w)
            named.append(f"*{self._film(i)}*")
        if named:  # "You want to see *The Godfather (1972)* and *Casablanca (1942)*: they are first below, ..."
            one = len(named) == 1
            self.ack.append(f"You want to see {join_words(named)}: {'it is' if one else 'they are'} first below"
                            + ((", with films like it." if one else ", with films like them.")
                               if not (s.accepted or s.either or p.named_values) else "."))
            self.s = dataclasses.replace(self.s, wanted=tuple(dict.fromkeys(wanted)), lean=wanted[-1],
                                         lean_outside=())
            s = self.s
        refused = [w for w in refused if w not in liked]  # a film liked again is back
        for i in p.not_now:
            sequels = [j for j in m.parser.lex.sequels.get(i, ()) if j not in p.seen]  # "nah not die hard":
            for w in (int(m.world.of_catalog[j]) for j in (i, *sequels)):  # nor its sequels, this time
                if w >= 0 and w not in shown:
                    shown.append(w)
                if w >= 0 and w not in refused:
                    refused.append(w)
            if i not in p.seen:  # seen: said above
                self.ack.append(f"Not *{self._film(i)}*{' or its sequels' if sequels else ''} this time.")
        if p.unknown_people:  # "clark gable films": say so, rather than search for the words
            names = join_words((f"**{md(u)}**" for u in p.unknown_people), "or")
            cat = m.catalog
            cover = (f" (they name the stars of {cat.item_known[:, cat.type_index('cast')].mean():.0%} of the "
                     "films here)" if "cast" in cat.attr_types else "")
            authors = AUTHOR_WORDS_RE.search(self.message)  # "any jane austen adaptations?": a writer, not a star
            held = "among the writers or stars here" if authors else f"in my cast lists{cover}"
            self.notes.append(f"I do not have {names} {held}, so I cannot pick films by "
                              f"{'those names' if len(p.unknown_people) > 1 else 'that name'}.")
        if OSCAR_CATEGORY_RE.search(self.message) and "oscar" in self.m.catalog.attr_types:  # "best picture
            self.notes.append("I know only whether a film won an Oscar, not in which category, so these are Oscar "
                              "winners of any kind.")  # winners only": it had kept Star Wars, and said nothing
        decades = any(t == "decade" for t, _ in p.accepted + p.rejected + [v for g in p.alternatives for v in g])
        if decades and COLOUR_RE.search(self.message):  # (said each time it is asked for)
            self.notes.append(COLOUR_NOTE)  # "only black and white please": it had offered The Wizard of Oz as such
        if p.tv:  # "a tv show like friends"
            self.notes.append(f"I only know films (MovieLens, up to {m.last_year}), not TV shows.")
        if p.absent_nations:  # "a korean film": none here (MovieLens has no film from Korea or in Korean)
            names = join_words(p.absent_nations, "or")
            self.notes.append(f"I have no {names} films in my catalog (MovieLens, films up to {m.last_year}), "
                              "so I cannot pick by that.")
        described = [u for u in p.unknown_titles if DESCRIBED_RE.match(u)]
        story = -1
        by_story = bool(described) and m.plots is not None
        if by_story:
            wish_extra.append(described[0])  # "loved the one with the shark": by its story (``recsys.plots``)
            story = self._story(described[0]) if s.story == -1 else -1
            if story == -1 and s.story == -1 and self.message.strip() != described[0]:  # ("this movie where a guy
                story = self._story(self.message)  # keeps living the same day over and over, with a groundhog?")
            among = [w for w in (int(m.world.of_catalog[i]) for i in p.among) if w >= 0 and w not in s.shown]
            if story >= 0 and not (p.wish and MORE_LIKE_IT_RE.search(self.message)):  # (films like it: below)
                self.ack.append(SOUNDS_LIKE.format(self._film(m.world.catalog_index(story))))
            elif story == -1 and among:  # the films of the people named it may be, first, and asked which
                names = join_words([f"*{self._film(m.world.catalog_index(w))}*" for w in among], "or")
                self.notes.append(f"I cannot tell for sure which film \u201c{md(described[0][:80])}\u201d is. Of the "
                                  f"films I have with {md(p.among_of)}, it may be {names} (first below): "
                                  f"{'is that it' if len(among) == 1 else 'which one is it'}? If not, it may be one "
                                  f"my catalog lacks (it has films up to {m.last_year}); the films after "
                                  f"{'it' if len(among) == 1 else 'them'} have the nearest stories.")
                s = dataclasses.replace(s, among=tuple(among))
            elif story == -1:
                self.notes.append(f"I cannot tell which film \u201c{md(described[0][:80])}\u201d is for sure (it may "
                                  f"be one my catalog lacks: it has {m.catalog.n_items:,} films, up to {m.last_year}); "
                                  "here are the films whose stories come nearest.")  # (not "a newer one": round
                # thirty-two's Ghostbusters is from 1984)
        elif described:  # no story on record to find it by
            self.notes.append(f"I cannot find a film by its story (\u201c{md(described[0][:80])}\u201d): I know "
                              "titles, people, genres and years. Who was in it, or when was it made?")
        known = {text: (film, verdict) for text, film, verdict in p.outside if text in p.unknown_titles}
        for j, verdict in known.values():  # "best film ever finding nemo": a film known elsewhere
            film = m.parser.outside[j]
            name = f"*{md(film.name)}*"
            asked_only = verdict == "" and (len(known) > 1 or s.accepted or s.either)  # "is spartacus or lolita in
            # here?" in a search for Kubrick's films: only whether they are here (every card had been "like
            # *Spartacus*" from then on)
            if asked_only:
                self.notes.append(f"I do not have {name} in my catalog (MovieLens, films up to {m.last_year}).")
            elif verdict in ("like", ""):  # liked, or asked for ("do you have bambi?"): films like it, by its facts,
                self.lean_outside.append(film.name)  # now (a film understood is a concrete wish)
                self.notes.append(f"I do not have {name} in my catalog (MovieLens, films up to {m.last_year}), so "
                                  f"I will look for films like it ({film.summary()}).")
            else:
                said = "you did not like it" if verdict == "dislike" else "you have seen it"
                self.notes.append(f"I do not have {name} in my catalog (MovieLens, films up to {m.last_year}); "
                                  f"noted that {said}.")
        on_screen = [m.world.catalog_index(w) for w in last_cards(s)]

        def a_card(u: str) -> bool:  # "pooh is too babyish": *Winnie the Pooh and the Blustery Day*, on screen or in
            words = set(tokens(u)) - {"the", "a", "an", "of", "and"}  # the catalog, not a film it lacks (as said)
            if not words:
                return False
            on_cards = [i for i in on_screen if words <= set(tokens(title_of(m.catalog, i)))]
            return len(on_cards) == 1 or not on_cards and sum(words <= set(tokens(title_of(m.catalog, i)))
                                                              for i in range(m.catalog.n_items)) == 1

        unknown = [u for u in p.unknown_titles if u not in described and u not in known and not a_card(u)]
        if unknown:  # one note for all: "I do not have “lotr” or “harry potter” …, so I cannot use them."
            names = join_words((f"\u201c{md(u[:80])}\u201d" for u in unknown), "or")
            self.notes.append(f"I do not have {names} in my catalog (MovieLens, films up to {m.last_year}), "
                              f"so I cannot use {'them' if len(unknown) > 1 else 'it'}.")
        wish = " ".join([s.wish] + wish_extra).strip() if wish_extra else s.wish
        self.s = dataclasses.replace(s, liked=tuple(liked), disliked=tuple(disliked), seen=tuple(seen),
                                     shown=tuple(shown), refused=tuple(refused), wish=wish,
                                     story=story if story != -1 else s.story)
        if self.lean_outside:  # the lists lean to that film, as "more like toy story" does to a film here
            self.s = dataclasses.replace(self.s, lean=-1, lean_outside=tuple(dict.fromkeys(self.lean_outside)))

    def _film(self, i: int) -> str:
        cat = self.m.catalog
        return md(title_of(cat, i) + (f" ({cat.years[i]})" if cat.years[i] > 0 else ""))

    def _subjects(self, p: Parse) -> str:
        """Words of the message that name a subject of a few films' stories ("werewolves",
        "heist", "boxing": ``PlotIndex.subjects``) and no value understood; "" for none."""
        plots = self.m.plots
        if plots is None or p.liked or p.disliked or p.seen or p.intents:
            return ""
        named = {t for _, v in [*p.accepted, *p.rejected] for t in tokens(v)}
        return " ".join(w for w in plots.subjects(self.message) if not set(tokens(w)) & named)

    def _story(self, wish: str) -> int:
        """The film (world item) whose story the words clearly describe (``recsys.plots``), or -1;
        ``STORY_UNLISTED`` (said so) for a film of the catalog too few people rated to recommend."""
        m = self.m
        if m.plots is None or m.retriever is None:
            return -1
        i = m.plots.clear_match(m.retriever.encode_query(wish))
        if i is None:
            return -1
        w = int(m.world.of_catalog[i])
        if w >= 0 and (any(m.world.has(w, v) for v in self.s.rejected)  # a film of a kind refused, or without
                       or not fitting(m.world, self.s.accepted, self.s.either)[w]):  # one asked for, is no guess
            return -1
        if w < 0:
            self.ack.append(f"That sounds like *{self._film(i)}*, but too few people here rated it for me to "
                            "recommend it. Here are films near what you describe.")
            return STORY_UNLISTED
        return -1 if w in self.s.refused else w

    # buttons ------------------------------------------------------------------------------------
    def chip(self, key: str) -> None:
        asked = list(self.s.asked)
        if key == "any":
            self.record(unknown=asked)
            self.ack.append("No preference there.")
            return
        if key in ("yes", "no") and self.s.question.yes_no:
            self.record(**({"yes": asked} if key == "yes" else {"no": asked}))
            return
        v = value_of_key(self.m, key)
        if v is None or v not in asked:
            self.notes.append("That option is not part of the current question.")
            self.then = "stay"
            return
        self.record(yes=[v], unknown=[a for a in asked if a != v])

    def record(self, yes=(), no=(), unknown=()) -> None:
        """The answers to the open question; it closes."""
        s = self.s
        accepted = tuple(dict.fromkeys(s.accepted + tuple(yes)))
        rejected = tuple(v for v in dict.fromkeys(s.rejected + tuple(no)) if v not in accepted)
        unanswered = tuple(dict.fromkeys(s.unanswered + tuple(unknown)))
        answers = s.answers + tuple(["yes"] * len(yes) + ["no"] * len(no) + ["dont_know"] * len(unknown))
        if yes:
            self.got_it(", ".join(label(self.m, v) for v in yes))
        elif no:
            self.ack.append("Noted, not " + " or ".join(label(self.m, v) for v in no) + ".")
        passes = s.passes + 1 if unknown and not yes and not no else 0
        self.s = dataclasses.replace(s, accepted=accepted, rejected=rejected, unanswered=unanswered,
                                     answers=answers, question=None, asked=(), passes=passes)

    def card(self, ev: CardFeedback) -> None:
        """Like / dislike / seen on one card: beliefs and memory take it in, the other cards stay
        (the judged one is replaced in place), so several cards can be judged in a row."""
        s, m = self.s, self.m
        item = m.world.item_of_id(ev.item_id)
        if item is None or item not in s.shown + s.cards:
            self.notes.append("I did not recommend that film in this conversation, so I left it alone.")
            self.then = "stay"
            return
        title = md(title_of(m.catalog, m.world.catalog_index(item)))
        if ev.turn is not None and ev.turn != s.turn - 1:
            self.notes.append(f"(That was a button from an earlier list; I still noted it for *{title}*.)")
        liked = tuple(i for i in s.liked if i != item)
        disliked = tuple(i for i in s.disliked if i != item)
        seen = tuple(i for i in s.seen if i != item)
        weights = s.persona_weights
        on_screen = item in s.cards
        if ev.kind == "like":
            liked += (item,)
            self.ack.append(f"Glad you like *{title}*." + (" I will keep that in mind." if on_screen else ""))
        elif ev.kind == "dislike":
            disliked += (item,)
            self.ack.append(f"Noted, not *{title}*.")
        else:
            seen += (item,)
            self.ack.append(f"You have seen *{title}*: I will not suggest it again.")
        personas = list(self.ctx.personas)
        if personas and ev.kind in ("like", "dislike"):
            _, a = m.tastes.attend(personas, [item])
            personas = reweight(personas, int(np.argmax(a[0])), ev.kind == "like")
            weights = tuple(p.weight for p in personas)
        self.s = dataclasses.replace(s, liked=liked, disliked=disliked, seen=seen, persona_weights=weights)
        self.judged += (item,) if on_screen else ()
        self.then = "replace" if self.judged else "stay"

    def what_i_know(self) -> None:
        """The films liked, turned down and seen, in this conversation and remembered from before, in words (round
        thirty: "what have i liked so far?" had said "I do not have “far” in my catalog"); the films stay."""
        m, s, summary = self.m, self.s, self.ctx.summary
        cat, w = m.catalog, m.world

        def films(ids, items) -> list[str]:
            idx = [cat.item_index(i) for i in ids if i in cat._item_index] + [w.catalog_index(i) for i in items]
            return [f"*{md(title_of(cat, i))}*" for i in dict.fromkeys(idx)]

        liked = films(summary.get("liked", []), s.liked)
        disliked = films(summary.get("disliked", []), s.disliked)
        seen = films(summary.get("seen", []), s.seen)
        said = [f"you liked {join_words(liked[-12:])}"] * bool(liked) + [
            f"you did not like {join_words(disliked[-8:])}"] * bool(disliked) + [
            f"you have seen {join_words(seen[-8:])}"] * bool(seen)
        wanted = [label(m, v) for v in s.accepted] + [either_label(cat, g) for g in s.either]
        if said:
            self.ack.append("So far " + "; ".join(said) + ".")
        else:
            self.ack.append("I know of no film you liked yet: press *Like* on a card, or tell me a film you loved.")
        if wanted:
            self.ack.append(f"In this search you asked for {join_words(wanted)}.")
        self.ack.append("Your memory, below the chat, shows your tastes and can forget them.")
        self.then = "stay"

    def pick_one(self, set_aside: set[int] = frozenset()) -> None:
        """The one film the chat would pick of those shown: of the cards that fit the wish, the best liked (the
        critics' band, then the share of 4- and 5-star ratings here: ``cards.rank_by``); the first when the record
        cannot tell them apart. (Round thirty: "just pick one" had picked the first card, a poorly reviewed *Beverly
        Hills Ninja*, beside two critics' favourites.)"""
        shown = [w for w in last_cards(self.s) if w not in set_aside]
        fit = fitting(self.m.world, self.s.accepted, self.s.either)
        films = [self.m.world.catalog_index(w) for w in shown if fit[w]] or [self.m.world.catalog_index(shown[0])]
        best, why = rank_by(self.m.catalog, films, "best")
        first = films[0] if best is None else best
        place = [self.m.world.catalog_index(w) for w in last_cards(self.s)].index(first) + 1
        self.ack.append(f"If I had to pick one: *{md(title_of(self.m.catalog, first))}*"
                        + (why if best is not None else f", number {place} on the list") + ". Press *like* on it to "
                        f"keep it, or say \u201cwhy #{place}?\u201d for why.")
        self.s = dataclasses.replace(self.s, topic=int(first), question=None, asked=())  # the film the talk is on
        self.then = "stay"  # ("seen it", "is it long?"); the question beside the films is done (a pick was asked for)

    def series_goes_on(self) -> bool:
        """"more" after the first five films of a long series (Star Trek's eight): the next ones.
        False when the cards are no series' or its last films are on screen."""
        s = self.s
        if not s.series or not set(s.cards) <= set(s.series):
            return False
        last = max(s.series.index(w) for w in s.cards)
        rest = [w for w in s.series[last + 1 :] if w >= 0]
        if not rest:
            return False
        cards = tuple(rest[:CARDS])
        self.s = dataclasses.replace(s, cards=cards, shown=tuple(dict.fromkeys((*s.shown, *cards))))
        self.ack.append(f"The next {md(s.series_name)} films:")
        self.then = "stay"
        return True

    def series(self, films: list[int], name: str, missing: str = "") -> None:
        """A series' films (catalog indices, oldest first) as the cards, in order, and its
        films the catalog has but cannot recommend (too few ratings) named in the reply;
        ``missing``: the part asked for that the catalog lacks ("Die Hard 4")."""
        m, s = self.m, self.s
        items = [int(m.world.of_catalog[i]) for i in films]
        shown = [w for w in items if w >= 0]
        titles = [f"*{md(title_of(m.catalog, i))}* ({int(m.catalog.years[i])})" for i in films]
        head = (f"I don't have *{md(missing.title())}*. " if missing else "") + \
            f"The {md(name)} films I have, in order: {join_words(titles)}."
        if len(shown) > CARDS:
            head += f" The first {('one', 'two', 'three', 'four', 'five')[CARDS - 1]} are below."
        elif len(shown) < len(items):
            head += " Too few people here rated the others for me to show them as cards."
        if shown:
            self.s = dataclasses.replace(s, cards=tuple(shown[:CARDS]), shown=tuple(dict.fromkeys((*s.shown, *shown))),
                                         series=tuple(items), series_name=name, question=None, asked=())  # (-1: a
            # film of the series too few people rated to be a card; it keeps the others' places)
        self.ack.append(head)
        self.then = "stay"

    def verdicts_beside(self, p: Parse, asked: list[int]) -> None:
        """The verdicts a message gives of films other than the one it asks about or for ("sphere looks dumb.
        twelve monkeys?"): a film on screen is judged as its card would be (and replaced), any other noted."""
        m = self.m
        judged = [(i, kind) for kind, films in (("like", p.liked), ("dislike", p.disliked), ("seen", p.seen))
                  for i in films if i not in asked]
        off_screen = Parse()
        for i, kind in judged:
            w = int(m.world.of_catalog[i])
            if w >= 0 and w in self.s.cards:
                self.card(CardFeedback(m.world.item_id(w), kind))
            else:
                {"like": off_screen.liked, "dislike": off_screen.disliked, "seen": off_screen.seen}[kind].append(i)
        off_screen.not_now = [i for i in p.not_now if i not in asked]
        off_screen.unsaid = list(p.unsaid)  # "i was asking whether you could show them to me": no longer liked
        if off_screen.liked or off_screen.disliked or off_screen.seen or off_screen.not_now or off_screen.unsaid:
            self.titles(off_screen)

    def show_film(self, i: int) -> bool:
        """One film asked for by name ("can you show me back to the future?", "aladdin pls"; -1:
        "please show me it", the film the talk is on): it becomes the first card, the others stay
        beside it, and the reply says what the catalog knows of it. False when -1 finds no film."""
        m, s = self.m, self.s
        if i < 0:
            i = self.before.topic
            if i < 0:
                return False
        same = [c for c in s.cards if title_of(m.catalog, m.world.catalog_index(c)) == title_of(m.catalog, i)]
        if same:  # "Oh, can you show me Sabrina?" with the 1954 Sabrina on screen: that one, not the 1995 film
            i = m.world.catalog_index(same[0])
        w = int(m.world.of_catalog[i])
        if w < 0:  # in the catalog, not among the films recommended (too few ratings)
            self.ack.append(f"I know of *{md(title_of(m.catalog, i))}*, but too few people here rated it for me to "
                            "recommend it. " + film_facts(m.catalog, i))
        else:
            cards = (w, *(c for c in s.cards if c != w and c not in self.judged))[: max(len(s.cards), 1)]
            self.s = dataclasses.replace(s, cards=cards, shown=tuple(dict.fromkeys((*s.shown, w))), topic=int(i))
            self.ack.append("Here it is: " + film_facts(m.catalog, i))
        self.then = "stay"
        return True

    def about(self, films: list[int]) -> None:
        """Answers a question about films (catalog indices); with none named, about the film the
        talk is on: the one asked about last (``ChatState.topic``), else one liked in the last
        turn, else the first of the last list."""
        m = self.m
        head = re.split(r"(?<=[.!?])\s+", self.message.strip(), maxsplit=1)
        if not films and len(head) == 2:  # "True Lies sounds fun. is it very violent?": True Lies (not the card
            films = self._one_film_named(head[0])  # the talk was on)
        before_q = self.message.split("?", 1)[0]
        if not films and "," in before_q:  # "con air looks fire, is it rated r?": Con Air, not the card
            films = self._one_film_named(before_q.rsplit(",", 1)[0])
        if not films:  # "the abyss is underwater tho right? is it scary": the one card whose title it names
            films = self._card_named(self.message)
        if not films and self.before.topic >= 0:  # "who directed jaws?", then "is it scary?": Jaws
            films = [self.before.topic]
        if not films:
            it = self._film_talked_of()
            films = [m.world.catalog_index(it)] if it is not None else []
        question = self.message.lower()
        sentences = re.split(r"(?<=[.!?])\s+", question.strip())
        asking = [q for q in sentences if q.rstrip().endswith("?")]
        if asking and len(asking) < len(sentences):  # "lion king is too sad for him. is the aristocats g rated?":
            question = " ".join(asking)  # the questions asked, not the remarks
        if len(films) == 1:
            role = ("director" if DIRECTOR_REF.search(question) else
                    "cast" if CAST_ASKED_RE.search(question)
                    else self.before.topic_role if self.before.topic == films[0] else "")
            self.s = dataclasses.replace(self.s, topic=int(films[0]), topic_role=role)
        if not films:
            self.notes.append("Which film do you mean? Name it, or ask about one of the films shown "
                              "(\u201cwho is in the first one?\u201d).")
        for i in films:  # "is the long kiss goodnight any good?": the title's words ask nothing
            for t in {title_of(m.catalog, i).lower(), m.catalog.titles[i].lower()}:
                question = question.replace(t, " ")
        if films and re.search(r"\bwhat(?:'?s| is)\b.*\babout\b|\b(?:plot|story|storyline|synopsis)\b", question):
            told = plots.overviews(m.catalog) if m.plots is not None else {}  # "what's it about": TMDB's summary
            said = [f"*{md(title_of(m.catalog, i))}*, in TMDB's summary: {md(told[i])}" for i in films[:3] if i in told]
            self.ack.append("\n\n".join(said) + "\n\nWhat I know of it:" if said else
                            "I have no summary of its story, only what I know of it:")
        if films and HAVE_YOU_RE.search(question):  # "got evil dead 2 or braindead??": yes, and what they are
            self.ack.append("Yes, I have " + join_words([f"*{md(title_of(m.catalog, i))}*" for i in films[:3]]) + ":")
        answers = [self._yes_no(i) if self.asked else film_answers(m.catalog, i, question)
                   for i in films[:CARDS]] if len(films) > 1 else []
        if any(answers):  # "who is in these?", "how long are they?": each one's answer, a line each
            self.ack.append("\n".join(f"- *{md(title_of(m.catalog, i))}*: {a or film_facts(m.catalog, i)}"
                                       for i, a in zip(films, answers)))
            self.then = "close"
            return
        people = tuple(v for t, v in self.asked if t == "cast")  # ("isn't brad pitt in it?": him among the stars)
        for i in films[:3]:
            answer = "" if len(films) != 1 else (
                self._yes_no(i) if self.asked else film_answers(m.catalog, i, question))
            self.ack.append((answer + " " if answer else "") + film_facts(m.catalog, i, people))
        self.then = "close"

    def _wish_after_question(self, text: str) -> Parse | None:
        """What a message asks for after its last question ("is the bridge on the river kwai sad? my dad wants
        something not depressing"): the kinds, eras, limits it names, when it names nothing else (no film, no
        verdict, no other intent); None otherwise."""
        rest = text[text.rindex("?") + 1:].strip() if "?" in text else ""
        if not tokens(rest):
            return None
        wish = self.m.parser.parse(rest)
        if not (wish.accepted or wish.rejected or wish.alternatives or wish.milder):
            return None
        if wish.liked or wish.disliked or wish.seen or wish.not_now or wish.about or set(wish.intents) - {"more"} or (
                wish.pick):  # ("is jumanji too scary for the little one? and can you PLEASE only show short ones")
            return None
        return wish

    def _not_here(self, p: Parse) -> None:
        """The films a question asks after that the catalog lacks ("got evil dead 2 or re-animator??"):
        said so, as the films it has were answered."""
        m = self.m
        films = [m.parser.outside[j] for text, j, verdict in p.outside if text in p.unknown_titles and not verdict]
        names = join_words([f"*{md(f.name)}*" for f in films] + [
            f"\u201c{md(u[:80])}\u201d" for u in p.unknown_titles if u not in {t for t, _, _ in p.outside}])
        if names:
            self.notes.append(f"I do not have {names} in my catalog (MovieLens, films up to {m.last_year}).")

    def who(self, person: Value) -> None:
        """Who a person asked about is, as far as the catalog says: the films here with them, best
        known first; nothing is asked for (a way to ask for them is said)."""
        cat = self.m.catalog
        role, name = person
        v = cat.find_value(role, name)
        films = cat.items_with(v) if v is not None else np.zeros(0, dtype=np.int64)
        films = sorted((int(i) for i in films), key=lambda i: -(cat.crowd(i) or (0,))[0])  # most rated first
        titles = [f"*{md(title_of(cat, i))}* ({cat.years[i]})" for i in films[:3]]
        how = {"director": " as a director", "writer": " as a writer"}.get(role, "")
        titles += [f"{len(films) - 3} more"] if len(films) > 3 else []
        self.ack.append(f"I only know {md(name)} from the films here{how}: {join_words(titles)}. Say "
                        f"\u201cfilms with {md(name)}\u201d to see them." if films else
                        f"I know of no film here with {md(name)}.")
        self.then = "stay"

    def _card_named(self, text: str) -> list[int]:
        """The one film of the last list whose title ``text`` says in full, else the film its first
        words name before "is" (catalog index, as a list); empty when it names none or several: a
        title the parser took for other words ("the abyss is underwater tho right?") is that film."""
        low = " " + " ".join(tokens(text)) + " "
        named = [i for i in (self.m.world.catalog_index(w) for w in last_cards(self.s))
                 if len(key := " ".join(tokens(title_of(self.m.catalog, i)))) >= 4 and f" {key} " in low]
        if len(named) == 1:
            return named
        subject = re.match(r"^\s*(?P<x>[^.!?,]{2,60}?)\s+(?:is|was|'s)\b", text)  # (a film not shown: "X is ...")
        film = self.m.parser._film_named(tokens(subject.group("x"))) if subject and not named else None
        return [film] if film is not None else []

    def _one_film_named(self, text: str) -> list[int]:
        """The one film ``text`` names (liked, disliked, seen or asked about), as a list; empty when
        it names none or several."""
        said = self.m.parser.parse(text)
        named = list(dict.fromkeys(said.liked + said.disliked + said.seen + said.about))
        return named if len(named) == 1 else []

    def _model_named(self, films: list[int], text: str) -> int | None:
        """Of several films liked in ``text``, the one named in the clause that asks for films like it
        ("... films similar to casablanca"), by its title's words after the last "like" / "similar"; None
        where that clause names none of them, or more than one."""
        found = list(LIKE_THAT_RE.finditer(text))
        if not found:
            return None
        named = self._titles_in(films, re.split(r"[.!?;]", text[found[-1].end():])[0])
        return named[0] if len(named) == 1 else None

    def _full_names(self, text: str) -> str:
        """The people of this search (asked for, or ruled out) by their whole names where the message
        names them by the surname alone: "forget hanks" with Tom Hanks asked for is "forget Tom Hanks"
        (round thirty-eight: "Yes, still Tom Hanks"; "hanks" alone is a word, and "foster or hopkins" were
        no one). A common word ("ford", "young") only as a capitalised name ("Ford") or after "no", "drop",
        "forget" and the like ("no ford")."""
        cat = self.m.catalog
        values = [*self.s.accepted, *self.s.rejected, *(v for g in self.s.either for v in g)]
        for t, name in (cat.attr_values[v] for v in dict.fromkeys(values)):
            words = name.split()
            if t not in ("cast", "director") or len(words) < 2 or len(words[-1]) < 3:
                continue
            first, last = " ".join(words[:-1]), words[-1]
            common = last.lower() in COMMON_WORDS or last.lower() in STOPWORDS
            text = re.sub(rf"(?<![\w'-])(?<!{re.escape(first)} ){re.escape(last)}(?![\w'-])",
                          lambda m, common=common, name=name: m.group(0) if common and m.group(0).islower() and not (
                              DROP_BEFORE_NAME_RE.search(m.string[: m.start()])) else name,
                          text, flags=re.IGNORECASE)  # ("no ford" with Harrison Ford asked for: him)
        return text

    def _among_meant(self, p: Parse, text: str) -> int | None:
        """The film (world item) of those a film told may be (``ChatState.among``, asked "which one
        is it?" last turn) that this answer means: the only one, by a yes ("yes, that's it"), or the one
        whose title's words it has ("it was pocahontas", "pocahontas, yes"); None otherwise, or where
        the message understood says more."""
        among = self.before.among
        if not among or p.names_something or p.liked or p.disliked or p.seen:
            return None
        if len(among) == 1 and "yes" in p.intents:
            return among[0]
        named = self._titles_in([self.m.world.catalog_index(w) for w in among], text)
        return int(self.m.world.of_catalog[named[0]]) if len(named) == 1 else None

    def _titles_in(self, films: list[int], text: str) -> list[int]:
        """The films (catalog indices) of ``films`` whose title's every word (but the commonest) is in
        ``text``: "it was pocahontas", "... films similar to casablanca"."""
        said = set(tokens(text))
        return [i for i in films if (words := set(tokens(title_of(self.m.catalog, i))) - STOPWORDS) and words <= said]

    def _like_named(self, w: int) -> None:
        """World item ``w``, named in words, is liked: as its card's Like where it is on screen,
        else noted as a film the person liked."""
        if w < 0:
            return
        if w in last_cards(self.s):
            self.card(CardFeedback(self.m.world.item_id(w), "like"))
        elif w not in self.s.liked:
            self.s = dataclasses.replace(self.s, liked=self.s.liked + (w,))
            self.ack.append(f"Noted that you liked *{md(title_of(self.m.catalog, self.m.world.catalog_index(w)))}*.")

    def _yes_no(self, i: int) -> str:
        """Yes or no to "is it PG?", "is that with michael j fox?", "is it from the 80s?" for catalog
        film ``i``, from its values: "No: it is rated R." says what it is instead; where the record
        has nothing of that kind, it says so rather than guess."""
        cat, out = self.m.catalog, []
        by_type: dict[str, list[str]] = {}
        for t, v in self.asked:
            by_type.setdefault(t, []).append(v)
        if set(by_type) == {"country", "language"} and len(by_type["country"]) == len(by_type["language"]) == 1:
            return self._of_nation(i, by_type["country"][0], by_type["language"][0])  # "is the godfather italian?"
        for t, vs in by_type.items():  # one answer per kind of fact ("is it from the 50s or earlier?" asks one
            have = cat.values_of(i, t)  # question, not one per decade)
            if t in PERSON_TYPES:
                for v in vs:
                    role = {"cast": "in it", "director": "its director"}.get(t, f"its {t}")
                    listed = join_words(md(x) for x in cat.leads(i, 3)) if t == "cast" else ""
                    out.append(f"Yes: {md(v)} is {role}." if v in have else
                               f"{md(v)} is not on its cast list here ({listed}), which may leave people out." if (
                                   have and t == "cast") else  # (the packaged cast lists miss stars: Seven's Brad Pitt)
                               f"No: {md(v)} is not {role}." if have
                               else f"I have no {'cast' if t == 'cast' else t} on record for it.")
            elif set(vs) & set(have):
                out.append(f"Yes: {_it_is(t, [v for v in have if v in vs])}.")
            elif have:
                out.append(f"No: {_it_is(t, have)}.")
            else:
                name = TYPE_NAMES.get(t, f"the {t}")
                guess = self._rating_guessed(i) if t == "mpaa" else ""
                out.append(f"{name[0].upper()}{name[1:]} is not on record{guess}.")
        return " ".join(out)

    def _of_nation(self, i: int, country: str, language: str) -> str:
        """Whether catalog film ``i`` is a nation's film ("is the seventh seal swedish?"), with its whole record:
        yes when made there alone or in the language and not in English; partly when the nation is one of
        several or its language is spoken beside English ("Partly: it is from Italy and the United States, in
        English and Italian" for *The Godfather*, which had been a plain yes, twice)."""
        made, spoken = self.m.catalog.values_of(i, "country"), self.m.catalog.values_of(i, "language")
        if not (made or spoken):
            return "Its country and language are not on record."
        own = made == [country] or language in spoken and "English" not in spoken
        verdict = "Yes" if own else "Partly" if country in made or language in spoken else "No"
        record = ", ".join(_it_is(t, vs) for t, vs in (("country", made), ("language", spoken)) if vs)
        return f"{verdict}: {record.replace(', it is', ',')}."

    def _rating_guessed(self, i: int) -> str:
        """What ``recsys.fact_guess`` makes of catalog film ``i``'s unknown rating, said as a guess."""
        if fact_guess.cached_probability(self.m.catalog, "mpaa", fact_guess.ADULT) is None:
            return ""  # (too few ratings on record to guess from)
        return ("; going by who watches it, it is more likely rated R" if fact_guess.looks(
            self.m.catalog, "mpaa", fact_guess.ADULT)[i] else "; going by who watches it, it is more likely milder "
                "than R")

    def person_ref(self, p: Parse) -> bool:
        """"any other films by him?", "more with her", "his other films": the director or lead of the
        film the talk is on (asked about last, else liked in the last turns), as a new search, as
        "what else did Spielberg direct" is. The role is the words' ("by that director"), else the
        question asked about the film ("who is in it?": its stars), else a preposition's hint ("by":
        the director). True when ``p`` now names them; False (with a note) when no film is in view."""
        m, before = self.m, self.before
        shown = last_cards(before)
        film = p.ref_film if p.ref_film is not None else (  # "by the director of X", "... as the first one"
            m.world.catalog_index(shown[p.ref_place]) if p.ref_place is not None and -len(shown) <= p.ref_place
            < len(shown) else
            before.topic if before.topic >= 0 else None)
        if film is None:
            w = self._film_talked_of(last_list=False)
            film = m.world.catalog_index(w) if w is not None else None
        role = p.person_ref if p.person_ref in ("director", "cast") else (
            before.topic_role if film == before.topic and before.topic_role else
            "cast" if p.person_ref == "with" else "director")
        cat = m.catalog
        people = [] if film is None else (cat.values_of(film, "director")[:2] if role == "director" and
                                          "director" in cat.attr_types else
                                          list(cat.leads(film, 2 if p.person_plural else 1))
                                          if "cast" in cat.attr_types else [])
        values = [(role, v) for v in people if cat.find_value(role, v) is not None]
        if not values:
            self.notes.append("Whose films do you mean? Name the person (\u201cfilms by the Coen brothers\u201d, "
                              "\u201cmore with Tom Hanks\u201d)." if film is None else
                              f"I have no {'director' if role == 'director' else 'cast'} on record for "
                              f"*{md(title_of(cat, film))}*, so I cannot look for their other films.")
            self.then = "stay"
            return False
        p.intents = ["restart"] + [i for i in p.intents if i != "restart"]
        self.other_than = m.world.of_catalog[film]  # their *other* films: not this one again
        if len(values) == 1:
            p.accepted = values + [v for v in p.accepted if v not in values]
        else:  # the Coen brothers: films by either
            p.alternatives = [tuple(values)] + p.alternatives
        return True

    def which(self, quality: str, films: list[int] = ()) -> None:
        """The film of ``films`` (catalog indices; else the last list) that best has ``quality``
        ("scariest", "shortest", "best"), by what the catalog knows (``cards.rank_by``); the films
        stay. Films named ("Alien or Aliens?") are each said in a line of facts first."""
        cat = self.m.catalog
        shown = list(films) or [self.m.world.catalog_index(i) for i in last_cards(self.s)]
        self.then = "stay"
        if not shown:
            self.notes.append("There are no films on screen to compare yet: tell me what you would like.")
            return
        self.ack += [film_facts(cat, i) for i in films]
        best, why = rank_by(cat, shown, quality)
        among = "Of the two" if len(films) == 2 else "Of these"
        why = why.replace(f"(all {len(shown)} are", "(both are") if len(shown) == 2 else why
        self.ack.append(f"{among}, *{md(title_of(cat, best))}* is likely the {quality}{why}."
                        if best is not None else f"I can't tell which is the {quality}: nothing on record tells them "
                        f"apart{why}.")
        if best is None and len(films) == 2:  # "Alien or Aliens?", both critics' favourites: how they differ
            kinds = [set(cat.values_of(i, "genre")) for i in films]
            own = [(i, sorted(a - b)) for i, a, b in ((films[0], *kinds), (films[1], *kinds[::-1]))]
            said = [f"*{md(title_of(cat, i))}* is also {join_words(g)}" for i, g in own if g]
            if said:
                self.ack[-1] += f" They differ in kind: {'; '.join(said)}."

    def pick_with(self, p: Parse, text: str) -> bool:
        """The one card of the last list with the person named is taken, as its Like would be,
        and chosen when the words choose ("i'll take the one with ..."), or its facts given ("whats
        the one with ... about"; with no such card or several, the reply says so). False when no
        card or several have them and the message is no question (the person is then a wish)."""
        v = self.m.catalog.find_value(*p.pick_with)
        shown = last_cards(self.s)
        hits = [place for place, w in enumerate(shown) if v is not None and self.m.world.has(w, v)]
        if len(hits) != 1 and "about" in p.intents:  # "whats the one with X about": say so, the films stay
            name = md(p.pick_with[1])
            self.notes.append(f"None of the films shown has {name}." if not hits else
                              f"{len(hits)} of the films shown have {name}: which one? Ask by its number.")
            self.then = "stay"
            return True
        if len(hits) != 1:
            p.accepted.append(p.pick_with)
            p.intents = [i for i in p.intents if i != "yes"]
            return False
        if "about" in p.intents:  # "whats the one with jimmy stewart about": that card's facts
            self.about([self.m.world.catalog_index(shown[hits[0]])])
            return True
        self.pick(hits, "like")
        if CHOOSE_RE.search(text) and self.judged:
            self.chose(self.judged[-1], text)
        return True

    def any_with(self, person: Value) -> None:
        """Which of the films shown have this person, by number; the films stay."""
        v = self.m.catalog.find_value(*person)
        shown = last_cards(self.s)
        hits = [k for k, w in enumerate(shown) if v is not None and self.m.world.has(w, v)]
        name = md(person[1])
        if not shown:
            self.notes.append(f"There are no films on screen yet. Say \u201cwith {name}\u201d and I will look.")
        elif not hits:
            self.ack.append(f"None of these has {name} on record. Say \u201cwith {name}\u201d for films with them.")
        else:
            films = [f"#{k + 1} *{md(title_of(self.m.catalog, self.m.world.catalog_index(shown[k])))}*" for k in hits]
            self.ack.append(f"Yes: {join_words(films)} {'has' if len(hits) == 1 else 'have'} {name}.")
        self.then = "stay"

    def why_question(self) -> None:
        """Why the pending question is asked, and how to skip it."""
        q = self.s.question
        about = TYPE_NAMES.get(q.attr_type, "it") if q is not None else None
        self.ack.append((f"Knowing {about} rules out the most films that would not suit you, so I can show better "
                         "ones. Say \u201cany\u201d to skip it, or \u201cno more questions\u201d for films only.")
                        if about else "I ask only to narrow the films down; say \u201cno more questions\u201d for "
                        "films only.")
        self.then = "stay"

    def _chosen(self, text: str, p: Parse) -> bool:
        """The message chooses a film to watch and says nothing else: the choosing words, the film
        (named or by place) and filler ("perfect, we'll watch that, thanks"); not "let's try
        something like titanic", "i'll watch it later", "we'll watch titanic another time"."""
        if not CHOOSE_RE.search(text) or p.not_now or {"more", "something_else"} & set(p.intents):
            return False
        return set(tokens(self.m.parser.frame(BEDTIME_RE.sub(" ", text)))) <= CHOOSE_FILLER

    def chose(self, item: int, text: str) -> None:
        """The person chose a film to watch (liked already): the list stays as it is, and a thanks
        ends the talk."""
        title = md(title_of(self.m.catalog, self.m.world.catalog_index(item)))
        self.ack[:] = [a for a in self.ack if not a.startswith(("Glad you like", "Noted that you liked"))]
        self.ack.append(f"Great choice: enjoy *{title}*{'' if title.endswith(('!', '?')) else '!'} I will remember "
                        "you picked it.")  # (not "enjoy *That Thing You Do!*!")
        self.s = dataclasses.replace(self.s, question=None, asked=())  # the question beside the films is done
        self.then = "stay"
        if THANKS_WORDS.search(text):
            self.then = "close"

    def frustrated(self) -> None:
        """ "are you even listening?": an apology, what the chat has understood so far, and how to
        mend it; the films stay."""
        cat, s = self.m.catalog, self.s
        wanted = [label(self.m, v) for v in s.accepted] + [either_label(cat, g) for g in s.either]
        unwanted = [label(self.m, v) for v in s.rejected]
        said = "; ".join(filter(None, [", ".join(wanted), "no " + ", ".join(unwanted) if unwanted else ""]))
        self.ack.append("Sorry, I am not getting it right. " + (f"So far I have: {said}." if said else
                                                                   "I have nothing to go on yet.")
                        + " Tell me what to change (\u201cno horror\u201d, \u201cforget the 80s\u201d), name a film "
                          "you loved, or say \u201cstart over\u201d.")
        self.then = "stay"

    def goodbye(self) -> None:
        """A goodbye gets a goodbye: no list again, no question."""
        kept = self.s.liked or self.s.disliked or self.s.seen
        self.ack.append("Enjoy the film! " + ("What you told me about films is kept for next time" + (
            " (your key is in the panel)." if self.s.user_id else ".") if kept else "Come back any time."))
        self.then = "close"

    def seen_shown(self, every: bool, but: list[int] = ()) -> bool:
        """ "seen them all": each film on screen is seen, and new films come; "seen it": the film
        the talk is on (liked or asked about last), else the only card, else which one?. False
        when no films are on screen (the message is read as usual). ``but``: films (catalog
        indices) excepted ("seen all except aladdin"): they stay, the others give way."""
        shown = self.s.cards
        if not shown:
            return False
        kept = [w for w in shown if self.m.world.catalog_index(w) in set(but)]
        if every and kept:
            seen = [w for w in shown if w not in kept]
            for w in seen:
                self.card(CardFeedback(self.m.world.item_id(w), "seen"))
            names = join_words(f"*{md(title_of(self.m.catalog, self.m.world.catalog_index(w)))}*" for w in kept)
            self.ack[:] = [f"Noted: you have seen {len(seen)} of them, not {names}; I will not suggest the others "
                           "again."]
            self.judged, self.then = tuple(seen), "replace"
            if len(kept) == 1:  # the one not seen is the film the talk is on ("... thats the one")
                self.s = dataclasses.replace(self.s, topic=int(self.m.world.catalog_index(kept[0])))
            return True
        if every:
            for w in shown:
                self.card(CardFeedback(self.m.world.item_id(w), "seen"))
            self.ack[:] = [f"Noted: you have seen all {len(shown)}; I will not suggest them again."]
            self.then = "new_films"
            return True
        it = self._card_talked_of()
        if it is None:
            self.notes.append("Which one have you seen? Say \u201cseen the second one\u201d, or press its "
                              "*seen* button.")
            self.then = "close"
            return True
        self.card(CardFeedback(self.m.world.item_id(it), "seen"))
        return True

    def _card_talked_of(self) -> int | None:
        """The card "it" or "that" is: the film the talk is on (liked or asked about last), else
        the only card; None when several could be."""
        shown = self.s.cards
        topic = self.before.topic  # (this turn may have moved the talk on: "perfect, i'll watch that")
        it = None
        if topic >= 0 and int(self.m.world.of_catalog[topic]) in shown:
            it = int(self.m.world.of_catalog[topic])  # "who is in the second one?" ... "ive seen it"; "pick one"
        if it is None:
            it = self._film_talked_of(last_list=False)
        if it is None and len(shown) == 1:
            it = shown[0]
        return it

    def _film_talked_of(self, last_list: bool = True) -> int | None:
        """What "it" is: the film liked last, where the turns since changed nothing else (a
        question about it, another question); else the first film of the last list (with
        ``last_list``) or None."""
        st = self.s.previous  # the state the last turn left
        while st is not None and st.previous is not None:
            before = st.previous
            new_likes = [w for w in st.liked if w not in before.liked]
            if new_likes:
                return new_likes[-1]
            if (st.cards, st.accepted, st.rejected, st.either) != (before.cards, before.accepted, before.rejected,
                                                                  before.either):
                break
            st = before
        if not last_list:
            return None
        shown = last_cards(self.s)
        return shown[0] if shown else None

    def why(self, item_id: str | None, inline: bool = False) -> None:
        """Explain a card (``item_id``, else the one the talk is on): the narrator's explanation
        opens the reply; ``inline``, where the message also changes the wish and a new list
        follows, the short explanation is said here, before it."""
        s, m = self.s, self.m
        item = card_item(m, s, item_id)
        earlier = set(s.cards + s.shown)  # the films shown in this conversation, as far back as undo reaches
        was = s.previous  # (a new search starts ``shown`` afresh; its button on an older card still works)
        while was is not None:
            earlier |= set(was.cards + was.shown)
            was = was.previous
        if item is None or (item_id and item not in earlier):
            self.notes.append("There is no recommendation to explain yet." if item_id is None else
                              "I did not recommend that film in this conversation.")
        elif inline:
            self.ack.append(f"Why *{md(title_of(m.catalog, m.world.catalog_index(item)))}*: "
                            f"{template_text(facts(m, self.ctx, s, item))}")
        else:
            self.explain = m.world.item_id(item)
            self.ack.append(f"Why *{md(title_of(m.catalog, m.world.catalog_index(item)))}*:")
        if item is not None:  # "why groundhog day?", then "is it romantic though?": that film
            self.s = dataclasses.replace(self.s, topic=int(m.world.catalog_index(item)), topic_role="")
        self.then = "stay"

    def remove(self, key: str) -> None:
        v = value_of_key(self.m, key)
        s = self.s
        group = next((g for g in s.either if v in g), None)
        if v is None or (v not in s.accepted + s.rejected and group is None):
            self.notes.append("That constraint is not active.")
            self.then = "stay"
            return
        self.s = dataclasses.replace(s, accepted=tuple(a for a in s.accepted if a != v),
                                     rejected=tuple(r for r in s.rejected if r != v),
                                     either=tuple(g for g in s.either if g is not group))
        self.ack.append(f"Removed {' or '.join(label(self.m, x) for x in group) if group else label(self.m, v)}.")
        # a wider wish: new films, and those shown before that now fit may come back behind them (removing
        # "1980s" from Tom Hanks comedies lists his comedies again, not only films without him)
        self.then = "new_films" if s.cards else "decide"


def _describes(wish: str) -> bool:
    """Whether a wish describes one film ("the one where the big ship sinks", "banker goes to prison
    for a murder he did not commit") rather than naming a subject ("heist movie pls")."""
    words = [t for t in tokens(wish) if t not in STOPWORDS | POLITE]
    return bool(DESCRIBED_RE.match(wish)) or len(words) >= STORY_WORDS
