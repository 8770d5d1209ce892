"""Understanding a chat message without a hub model: intents, attribute values, films, wishes.

    parser = Parser(catalog)
    p = parser.parse("something funny from the 90s, but no Jim Carrey")
    p.accepted  # [("genre", "Comedy"), ("decade", "1990s")]
    p.rejected  # [("cast", "Jim Carrey")]

How a message is read:
1. At most ``MAX_CHARS`` characters are read (``truncated`` says when more was sent);
   control characters are dropped.
2. A message that is a whole intent phrase ("yes", "nope", "I don't mind", "start over") is
   that intent; a greeting in front ("hi! something with Tom Hanks") is noted and the rest
   read. A message that is exactly a catalog title names a film the person likes.
3. Misspelt words are corrected to the nearest word of a name the catalog knows (one edit,
   two for long words; a transposition is one), unless they are ordinary English words
   (the encoder's vocabulary): "spielburg", "shawshenk", "mistery".
4. The message is cut into clauses at punctuation and at "but". In each clause the longest
   phrase known to the ``Lexicon`` wins at each position: a title of two or more words beats
   a genre word inside it ("not star wars" is the film); a one-word title counts where the
   message talks about films ("Titanic was awful", "not Titanic"). Person names and titles are
   also matched fuzzily. A negator ("not", "no", "without", "I hate") makes values after it
   rejected; "forget", "drop", "instead of", "swap X for Y", "X doesn't matter anymore" drop
   a constraint; "nothing older than the 80s" is one constraint the 80s or 90s satisfy, and
   so is "French" (a film from France or in French).
5. A film named is liked, disliked, seen ("I've seen X", "seen it") or not wanted now ("not
   Titanic"), from the words around it in its clause, else in the clauses next to it. After a
   like trigger or in a clause about films, a name the catalog lacks is reported in
   ``unknown_titles`` (a capitalised name, or anything after a strong trigger), never
   silently matched to something else.
6. The *frame* (the message without what it names) goes to the ``IntentReader`` when there
   is one: "just show me some comedies" asks for films now; "let's start from scratch" is a
   restart. Content words left over ("cozy", "rainy", "heist") make the message a ``wish``,
   which the engine sends to semantic retrieval.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from chat.intents import SHOW_EXEMPLARS, IntentReader
from chat.lexicon import (
    COMMON_WORDS,
    NATIONS,
    TITLE_ARTICLES,
    Lexicon,
    Phrase,
    Value,
    sound_fold,
    title_keys,
    tokens,
)
from chat.lexicon import phrase as tokens_of
from chat.series import Series, find_series
from chat.wish_gate import WishGate
from chat.words import (
    ADULT_RATINGS,
    ALL_NO,
    ALL_YES,
    ASK_TITLE,
    BEDTIME_RE,
    BOOK_WORDS,
    CHILD_AGE_RE,
    CHILD_MAX_AGE,
    CHILD_WORDS,
    CHOOSE_FILLER,
    CHOOSE_RE,
    CLOSED_WORDS,
    COMPLAINTS,
    DISLIKE_TRIGGERS,
    DROP_AFTER,
    DROP_BEFORE,
    ERA_NEGATORS,
    ERA_SHIFT,
    EVERYDAY_FIRST_NAMES,
    EXCLUSIVE_TYPES,
    FAREWELL_RE,
    FILLERS,
    FILM_PARTS,
    FOR_A_CHILD_RE,
    FOR_NOW,
    GENERIC_FILM_WORDS,
    GREETING_RE,
    GUILTY_PLEASURE,
    INSTEAD,
    INTENT_OF,
    INTENTS,
    INTERJECTIONS,
    KIDS_WATCH_RE,
    LANGUAGE_MARKERS,
    LIKE_TRIGGERS,
    MOOD_PHRASES,
    NEGATIVE,
    NEGATOR_PHRASES,
    NEGATORS,
    NEUTRAL_TITLE,
    NICKNAME_CUES,
    NOT_A_LENGTH,
    NOT_NEGATING_NEXT,
    NOT_NOW,
    NOT_TITLE_START,
    OTHERS,
    PEOPLE_WORDS,
    PERSON_TYPES,
    POLITE,
    POSITIVE,
    PRAISE,
    PRONOUNS,
    REASON_OPENERS,
    REJECT_BEFORE,
    RELATIVE_ERA,
    REQUEST_CUES,
    REQUEST_FILLER,
    REQUEST_WORDS,
    REVIEW_DISLIKE,
    REVIEW_LIKE,
    REVIEW_LIKE_IN_CLAUSE,
    REVIEW_VERBS,
    SEEN,
    SIMILAR_AFTER,
    SMALL_TALK_RE,
    STOPWORDS,
    STRONG_TRIGGERS,
    SUBTITLES,
    SWAP,
    SWAP_TO,
    TEEN_MAX_AGE,
    THANKS_RE,
    TITLE_END,
    TOO_ERA,
    VERDICT_WORDS,
    WANT_TRIGGERS,
    WISH_MARKERS,
    WISHLESS,
    YES_NO_TAIL,
    comparative,
    era_suffix,
    join_words,
    match_phrase,
)
from recsys.catalog import Catalog, display_title
from recsys.movielens import RUNTIME_BANDS
from recsys.outside import OutsideFilm, ascii_title

MAX_CHARS = 2000
PERSON_CUTOFF, TITLE_CUTOFF = 85, 85
WELL_KNOWN = 100  # ratings: a film this many people rated is meant even when its title is ordinary words
# one word of at least MIN_FUZZY_WORD letters against one-word values ("comdy", "thriler"): 85 lets one
# letter be missing, added or swapped in a word of six or more letters, but not "music" -> "musical" (83)
WORD_CUTOFF, MIN_FUZZY_WORD = 85, 5
INTENT_CUTOFF = 85  # "none of tese", "somthing else", "mre" (when the message names nothing)
WHOLE_INTENT_CUTOFF = 92  # the whole message, before names are read: "don't carre"
EXCLUSIVE_INTENTS = ("something_else", "any", "why", "restart", "undo", "help")


BUT_WORDS = 6  # "like die hard but a bit funnier": the words after "but" that ask for more of a genre


@dataclass
class Parse:
    """What one message says. Values are (type, value) of the catalog vocabulary; films are
    catalog item indices; ``wish`` is the text to send to semantic retrieval ("" if none)."""

    intents: list[str] = field(default_factory=list)
    accepted: list[Value] = field(default_factory=list)
    rejected: list[Value] = field(default_factory=list)
    alternatives: list[tuple[Value, ...]] = field(default_factory=list)  # one wish any value meets
    dropped: list[Value] = field(default_factory=list)  # constraints taken back ("forget the 80s")
    instead: bool = False  # new values replace the earlier ones of their type ("actually", "instead")
    popular: bool = False  # "nothing obscure", "popular stuff": the lesser-known lean of this search ends
    only: bool = False  # "only ones from the 70s": narrowing; the values asked before of other kinds stay
    liked: list[int] = field(default_factory=list)
    disliked: list[int] = field(default_factory=list)
    seen: list[int] = field(default_factory=list)
    not_now: list[int] = field(default_factory=list)  # "not Titanic": not wanted in this search
    # "always meant to watch schindler's list", "never seen goodfellas": films the person wants to see (not liked)
    wanted: list[int] = field(default_factory=list)
    # "i didnt say anything about contact", "i never said i liked X": what was noted of these films is taken back
    unsaid: list[int] = field(default_factory=list)
    unknown_titles: list[str] = field(default_factory=list)
    # the films of ``unknown_titles`` a list of well-known films knows (``recsys.outside``): (the words as
    # typed, the index in ``Parser.outside``, "like" | "dislike" | "seen" | "")
    outside: list[tuple[str, int, str]] = field(default_factory=list)
    unknown_people: list[str] = field(default_factory=list)  # "clark gable": a person no cast list names
    absent_nations: list[str] = field(default_factory=list)  # "a korean film": none in the catalog ("Korean")
    tv: bool = False  # "a tv show like friends": the catalog has films only (said so)
    wish: str = ""
    unwish: str = ""  # words of the wish the person does not want ("no superheroes", "not the muppets one")
    truncated: bool = False
    max_minutes: int = 0  # "nothing over 100 minutes": 100 (``minutes_cap``; the runtime value: the band that holds it)
    era: str | None = None  # "older" | "newer": than the films shown (no decade named); "newest" | "oldest":
    # the catalog's last (first) decade ("the newest you have", a year after the catalog)
    year_bound: str = ""  # "<1965" / ">1994": "before 1965" (the 1960s are in: its films before 1965 first)
    # a film of the last list named by its place: (index, 0-based, -1 the last; like | dislike | seen | more | why
    # | about)
    pick: tuple[int, str] | None = None
    # every place named for that verdict, in order, when several are ("seen the first two": [0, 1])
    places: list[int] = field(default_factory=list)
    # several verdicts on places of the list in one message ("seen 1 and 3, 2 looks great"): (places,
    # verdict) per clause, in order; empty when there is one verdict (``pick`` and ``places`` say it)
    verdicts: list[tuple[list[int], str]] = field(default_factory=list)
    # a question about films ("who's in it?", "how long is fargo?"): the films it names (intent "about"; none
    # named and no place: the film the conversation is on)
    about: list[int] = field(default_factory=list)
    # one film asked for by name ("can you show me back to the future?", "aladdin pls", "where is titanic?"):
    # it is shown (catalog index; -1: the film the talk is on, "please show me it")
    show_film: int | None = None
    # "seen all except aladdin": the films on screen seen, but these (intent "seen_all")
    seen_but: list[int] = field(default_factory=list)
    # a yes-or-no question about a film's values ("is it PG?", "is that with michael j fox?", "is sabrina
    # the harrison ford one?"): the values asked about (intent "about")
    asked: list[Value] = field(default_factory=list)
    # rejected values read from a mood word ("less violent"): they never take back a genre asked for
    soft: list[Value] = field(default_factory=list)
    # values said to be fine ("and R rated is fine"): no longer ruled out, and no wish for them either
    allowed: list[Value] = field(default_factory=list)
    # what a mood wanted leans to and away from, beyond what was said (``lexicon.MOOD_KINDS``, ``MOOD_CLASHES``):
    # "something cozy": a comedy, romance, children's film ... (any of each group); "a good cry": no thriller
    mood_kinds: list[tuple[Value, ...]] = field(default_factory=list)
    clash: list[Value] = field(default_factory=list)
    # genres said "not too" or "less" of ("a scary movie but not too scary", "less gory"): when the genre is
    # wanted, milder films of it (nothing rated R)
    milder: list[Value] = field(default_factory=list)
    # "stop asking me questions", "no more questions": none from here on (``ChatState.quiet``)
    quiet: bool = False
    # "something more obscure", "any hidden gems?": films fewer people here have seen (``ChatState.lesser_known``)
    lesser_known: bool = False
    # "what's the best rated film you have?", "best comedy?": the best liked first (``ChatState.best``)
    best: bool = False
    # a child's age or "the kids will like" asked for children's films (``ChatState.for_child``)
    for_child: bool = False
    # "all the alien movies", "a star wars marathon": the series' films (catalog indices, oldest first) and its name
    series: list[int] = field(default_factory=list)
    series_name: str = ""
    series_missing: str = ""  # "is there a die hard 4?": the part asked for that the catalog lacks
    # "just pick one for me", "idc you choose one": the one film the chat would pick of those shown
    pick_one: bool = False
    # "these look great", "ngl thats fire": praise of the films shown, no request (``_praise_only``)
    praise: bool = False
    # "which is the scariest?": the quality the films shown are compared on (intent "which")
    which: str = ""
    # "any other films by him?": the person of the film the talk is on: "director" or "cast" when the words
    # say it; "by" or "with" when only a preposition hints ("by them" after "who is in it?" means the cast);
    # "" when nothing does ("his other films"); None: no such words
    person_ref: str | None = None
    person_plural: bool = False  # "by them": both directors, the two leads
    # whose person: the film named ("by the director of silence of the lambs") or the card's place ("the
    # same director as the first one", 0-based, -1 the last); both None: the film the talk is on
    ref_film: int | None = None
    ref_place: int | None = None
    # "i'll take the one with michelle pfeiffer": the card with that person (the engine finds it)
    pick_with: Value | None = None
    any_with: Value | None = None  # "is sean connery in any of these?": which of the films shown have that person
    # whole kinds of constraint taken back: "ok forget the length", "any decade is fine" (attribute types)
    dropped_types: list[str] = field(default_factory=list)
    # films told by who is in them and what happens (``TOLD_FILM_RE``): catalog indices, said back ("that sounds
    # like Speed"); the message reads as if their titles had been typed
    told: list[int] = field(default_factory=list)
    # a film told by who is in it that no story singles out ("the hitchcock one where cary grant gets chased by the
    # crop duster"): the films of those people it may be (catalog indices, the likeliest first; ``among_of`` names
    # the people), when they are few (``AMONG_MAX``); shown first, and asked which
    among: list[int] = field(default_factory=list)
    among_of: str = ""

    @property
    def empty(self) -> bool:
        return not (self.intents or self.accepted or self.rejected or self.alternatives or self.dropped
                    or self.dropped_types
                    or self.liked or self.disliked or self.seen or self.not_now or self.wanted or self.unknown_titles
                    or self.wish
                    or self.unknown_people or self.absent_nations or self.lesser_known or self.best
                    or self.era or self.pick or self.about or self.series or self.praise)

    def forget_titles(self, names: list[str]) -> None:
        """Words read as films the catalog lacks that are none ("the twist", "period"): no longer such."""
        self.unknown_titles = [u for u in self.unknown_titles if u not in names]
        self.outside = [o for o in self.outside if o[0] not in names]

    def outside_of(self, text: str) -> bool:
        """``text`` was read as a film the catalog lacks that the list of well-known films knows."""
        return any(o[0] == text for o in self.outside)

    def names_something_else(self, field_name: str) -> bool:
        """Something is understood besides ``field_name`` (a field of values)."""
        return bool(dataclasses.replace(self, **{field_name: []}).names_something)

    @property
    def named_values(self) -> list[Value]:
        """The values wanted, alone or in an either-or group, in the order said."""
        return self.accepted + [v for g in self.alternatives for v in g]

    @property
    def names_something(self) -> bool:
        """A value, film or constraint change was understood (not only an intent or a wish)."""
        return bool(self.accepted or self.rejected or self.alternatives or self.dropped or self.dropped_types
                    or self.liked or self.disliked or self.seen or self.not_now or self.wanted or self.unsaid
                    or self.unknown_titles
                    or self.era
                    or self.unknown_people or self.absent_nations or self.allowed)


INTENTS_APART = {"help", "undo", "restart", "why"}  # requests said beside words that name nothing
REMARK_MIN_WORDS = 2  # words of a remark beside a film's name read by the encoder (``Parser._said_beside``)
APART_PARTS, APART_CHARS = 5, 300  # a request or a verdict read apart from a remark or two: not a long message


_UNREAD = object()  # (a reading not yet made, where None is one of its answers)


def _outside(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The pieces of ``text`` outside ``spans`` (character spans, overlapping or not), in order."""
    kept, last = [], 0
    for a, b in sorted(spans):
        kept.append(text[last:a])
        last = max(last, b)
    kept.append(text[last:])
    return kept


def _names_a_thing(p: Parse) -> bool:
    """``p`` names a value, a film the catalog has or a constraint change (a name the catalog lacks aside)."""
    return dataclasses.replace(p, unknown_titles=[], outside=[]).names_something


def _sentences(text: str) -> list[str]:
    """The sentences of ``text``: split after a full stop, "!" or "?" and the space that follows it."""
    return [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x.strip()]


def _last_sentence_apart(text: str) -> list[str]:
    """The sentences of ``text``; a message of one sentence split at its last comma instead ("seen 1 and 2,
    what's #4 about"), so that what follows it stands apart."""
    sentences = _sentences(text)
    if len(sentences) < 2 and "," in text:
        sentences = [x for x in text.strip().rsplit(",", 1) if x.strip()]
    return sentences


def _era_slip(m: re.Match) -> str:
    said = m.group(0).lower()
    if said in ("oldr", "newr"):
        return {"oldr": "older", "newr": "newer"}[said]
    return "not too old" if said.split()[0] in ("nt", "not") else "too old"


# a word long enough to be several typed without spaces ("showmecomedies", "filmnoirfromthe40s")
# a person named by a part they played: "the guy who played spock", "more with the voice of woody", "the hans
# gruber guy"; read as the actor where one played it (``Lexicon.roles``), and "tim allen as buzz" as the actor alone
_PART = r"(?P<role>[\w'.-]+(?:\s+[\w'.-]+){0,3})"
ROLE_ASKED_RE = re.compile(
    r"\b(?:(?:the\s+)?voice\s+(?:of|behind)|(?:the\s+)?(?:guy|man|woman|girl|lady|boy|actor|actress|bloke|dude|"
    r"fella|fellow|chap|one|person|kid|lad|gal|someone)\s+(?:who|that|whom)\s+(?:played|plays|voiced|voices|was|is)|"
    r"whoever\s+(?:played|plays|voiced|voices|was)|who\s+(?:played|voiced))\s+(?:the\s+)?" + _PART, re.IGNORECASE)
ROLE_GUY_RE = re.compile(r"\bthe\s+(?P<role>[\w'.-]+(?:\s+[\w'.-]+){0,2})\s+(?:guy|actor|actress|bloke|dude|fella|"
                         r"chap|lady|woman|girl|man|kid)\b", re.IGNORECASE)
AS_ROLE_RE = re.compile(r"\s+as\s+(?:the\s+)?" + _PART.replace("{0,3}", "{0,2}"), re.IGNORECASE)
RUN_TOGETHER = re.compile(r"\b[A-Za-z][A-Za-z]{8,}(?:\d+s?)?\b")
UNRUN_LONGEST = 20  # the longest word a run-together word is split into
SHORT_WORDS = frozenset("a i an am as at be by do go he if in is it me my no of on or so to tv up us we".split())


# the words around a surname alone that say a person is meant ("clooney movies", "more with karloff")
SURNAME_FILMS = {"films", "film", "movies", "movie", "pictures", "picture", "flicks", "flick", "ones", "stuff"}
SURNAME_BEFORE = {"with", "starring", "by", "featuring", "without"}
# an award told of a film named in the message: "won ... his oscar", "robbed at the oscars", "winning best picture"
AWARD_TOLD_RE = re.compile(r"\b(?:won|wins|winning|lost|loses|losing|robbed|snubbed|nominated|deserved)\b"
                           r"[^,.;!?]{0,40}?\b(?:oscars?|academy\s+awards?|best\s+picture)\b", re.IGNORECASE)
# what people praise in a film that few titles say (not "story", "music", "score": Toy Story, The Score)
CRAFT_WORDS = {"soundtrack", "cinematography", "visuals", "dialogue", "dialog", "pacing", "acting", "costumes",
               "performances", "performance", "effects", "jokes", "twist", "twists", "villain", "script"}
STARRED_FIX_RE = re.compile(r"(?:^|[\s.,;!?]+)\*?(?P<fix>[A-Za-z][\w'-]{2,})\*[\s.!]*$|"
                            r"(?:^|[\s.,;!?]+)\*(?P<fix2>[A-Za-z][\w'-]{2,})[\s.!]*$")


def starred_fix(text: str) -> str:
    """A word after the message with an asterisk corrects the word it is nearest to in spelling ("no val
    killer films pls. kilmer*", "*musicals"): that word replaced, the correction dropped; unchanged when no
    word is near it."""
    m = STARRED_FIX_RE.search(text)
    if m is None:
        return text
    fix, head = m.group("fix") or m.group("fix2"), text[: m.start()]
    words = list(re.finditer(r"[A-Za-z][\w'-]*", head))
    scored = [(difflib.SequenceMatcher(None, w.group(0).lower(), fix.lower()).ratio(), k, w)  # (the last, of ties)
              for k, w in enumerate(words) if w.group(0).lower() != fix.lower()]
    if not scored:
        return text
    ratio, _, best = max(scored, key=lambda x: (x[0], x[1]))
    if ratio < 0.6:
        return text
    return head[: best.start()] + fix + head[best.end():] + text[m.end():]


def _score_verdict(n: float, out_of: int) -> str:
    tenths = n * 10 / out_of
    return "great" if tenths >= 7 else "awful" if tenths <= 4 else "meh"


# a length not to go over, in numbers: "not over 90 min", "nothing over 100 minutes", "no longer than 95 mins",
# "max 100 min", "100 mins max", "2 hrs tops" (the bands are under 90 minutes, 90 to 120, over 2 hours)
_LENGTH = r"(?P<n>\d{1,3}(?:\.\d)?)\s*(?P<unit>minutes?|mins?|hours?|hrs?|h\b)"
_CAP_BEFORE = (r"(?:not|nothing|no)\s+(?:over|more\s+than|longer\s+than|above)|no\s+more\s+than|under|less\s+than|"
               r"shorter\s+than|max(?:imum)?(?:\s+of)?|at\s+most|up\s+to|within|"
               r"(?:we|i)(?:'?ve|\s+have)?\s+(?:only\s+)?(?:got|have)(?:\s+(?:about|around|just|like))?")
_LENGTH2 = _LENGTH.replace("?P<n>", "?P<n2>").replace("?P<unit>", "?P<unit2>")
_SPARE = r"(?:\s+(?:to\s+(?:kill|spare)|before\s+(?:bed|bedtime|work|school|dinner)|tonight|left))?"  # "to kill"
LENGTH_CAP_RE = re.compile(rf"\b(?:{_CAP_BEFORE})\s+{_LENGTH}{_SPARE}|\b{_LENGTH2}\s+(?:max(?:imum)?|tops|at\s+most|"
                           r"or\s+(?:less|under|shorter)|(?:is|would\s+be|'?d\s+be|'?s)\s+(?:fine|ok|okay|alright)"
                           r"(?:\s+too)?)\b", re.IGNORECASE)  # ("95 min would be fine too")
LENGTH_TOO_LONG_RE = re.compile(r"\b(?P<len>(?:over|more than|longer than)\s+(?:2|two)\s+(?:hours?|hrs?))\s+(?:is|are|"
                                r"'s)\s+(?:way\s+|far\s+|much\s+)?too\s+long\b", re.IGNORECASE)


# "an hour and 40 minutes", "1 hour 40 mins", "1h40": in minutes ("100 minutes")
HOUR_AND_MINUTES_RE = re.compile(r"\b(?:an|one|(?P<h>[12]))\s*(?:hours?|hrs?|h)\s*(?:and\s+)?(?P<m>[1-5]\d)(?:\s*"
                                 r"(?:minutes?|mins?|m\b))?", re.IGNORECASE)



def in_minutes(text: str) -> str:
    """"an hour and 40 minutes max" -> "100 minutes max"."""
    return HOUR_AND_MINUTES_RE.sub(lambda m: f"{60 * int(m.group('h') or 1) + int(m.group('m'))} minutes", text)


def _cap_minutes(m: re.Match) -> float:
    """The minutes a match of ``LENGTH_CAP_RE`` says ("100 mins max": 100, "2 hrs tops": 120)."""
    n, unit = (m.group("n"), m.group("unit")) if m.group("n") else (m.group("n2"), m.group("unit2"))
    return float(n) * (60 if unit.lower().startswith("h") else 1)


def _minutes_in_digits(text: str) -> str:
    """"under ninety minutes" -> "under 90 minutes" (``MINUTES_RE``)."""
    return MINUTES_RE.sub(lambda m: f"{m.group(1)} {_number(m.group(2))} {m.group(3)}", text)


def _length_cap(m: re.Match) -> str:
    """A length not to go over, as the band phrase that holds it ("under 90 minutes", or "under
    2 hours": either band below two hours); a cap past 2 hours and a half asks for no band."""
    minutes = _cap_minutes(m)
    if minutes < 60 or minutes > 125:  # "under 5 min": no film's length; "under 2.5 hours": no band is ruled out
        return m.group(0)
    if minutes == 120 and re.match(r"(?:not|nothing|no)\s", m.group(0), re.IGNORECASE):
        return "nothing over 2 hours"  # "no more than 2 hours", "nothing over 120 min": that band not wanted
    return "under 90 minutes" if minutes <= 90 else "under 2 hours"  # ("under 100 minutes": either band below two
    # hours, held to 100 minutes by ``minutes_cap``: not Back to the Future, at 116)


def minutes_cap(text: str) -> int:
    """The most minutes a length limit in numbers allows ("nothing over 100 minutes", "an hour and 40 minutes
    max": 100), 0 when there is none or it rules out no band (``_length_cap``). The bands are what a film's
    runtime is as a value; this holds the films to the minutes said (``ChatState.max_minutes``)."""
    caps = LENGTH_CAP_RE.finditer(_minutes_in_digits(in_minutes(text)))
    minutes = max(map(_cap_minutes, caps), default=0)  # ("ideally under 90 min but 95 min is fine too": 95)
    return int(minutes) if 60 <= minutes < 120 and minutes != 90 else 0  # (90, 2 hours: a band's own edge)


def _bare_verdict(n: str, verb: str = "") -> str:
    """The verdict of a score said with no scale ("breakdown was a 7", "i mark them all down to a
    5"): out of 10, but a half score up to 4.5 is a film diary's stars ("a 3.5 for me"), and so is
    a 5 that is "still a 5" (a rewatch that kept its top mark)."""
    stars = n.endswith(".5") and float(n) <= 4.5 or n == "5" and verb.lower() == "still"
    return _score_verdict(float(n), 5 if stars else 10)


def _score(m: re.Match) -> tuple[float, int]:
    """(score, out of) of a match of ``_SCORE``."""
    if m.group("stars"):
        return float(len(m.group("stars"))), 5
    if m.group("sn"):
        return float(m.group("sn")), 5
    return float(m.group("n")), int(m.group("d"))


def scores_as_verdicts(text: str) -> str:
    """A film scored, read as the verdict it stands for: "highlander: 8/10" -> "highlander was great",
    "four rooms ★★☆☆☆" -> "four rooms was awful", "10/10 for big night" -> "loved big night", "breakdown
    was a 7" -> "breakdown was great", "i'd give nixon a 9 and u turn a 3" -> "nixon was great, u turn
    was awful"; a floor ("a sci-fi film that's at least an 8/10", "what the critics gave 4 stars or more")
    is praise of what is asked for ("highly rated" where critics are named), no verdict."""
    if not re.search(r"\d|[\u2605\u2b50]", text):
        return text
    critics = re.search(r"\bcritic|\breview", text, re.IGNORECASE)
    text = SCORE_IS_RE.sub(lambda m: f"{m.group('verb')} {_score_verdict(*_score(m))}", text)  # "heat is a 10/10"
    text = SCORE_GIVEN_RE.sub(lambda m: f"{m.group('what')} was {_score_verdict(*_score(m))}", text)  # "I'd give
    # Chinatown (1974) a 10/10": Chinatown (1974) was great
    text = SCORE_FLOOR_RE.sub(" highly rated" if critics else " ", text)
    text = SCORE_FOR_RE.sub(lambda m: m.group("start") + ("loved" if _score_verdict(*_score(m)) == "great"
                                                          else "hated"), text)
    text = SCORE_GAVE_RE.sub("", text)  # "gave it 4 stars": it 4 stars
    text = SCORE_RE.sub(lambda m: f" was {_score_verdict(*_score(m))}", text)

    def given(m: re.Match) -> str:  # each "<film> a <score>" after the verb: "<film> was <verdict>"
        out = []
        for pair in re.split(r"\s*(?:,|\band\b)\s*", m.string[m.start("what") : m.end()]):
            bare = re.search(_BARE + r"(?:\s+at\s+(?:best|most))?\s*$", pair, re.IGNORECASE)
            if bare is None:
                return m.group(0)
            what = pair[: bare.start()].strip()
            many = not what and re.search(r"\b(?:and|both|all)\b|&", m.string[: m.start()])  # "1 and 3 i'd rate a 4"
            out.append(f"{what} {'were' if many else 'was'} {_bare_verdict(bare.group('n'))}".strip())
        return ", ".join(out)

    text = SCORE_GIVE_RE.sub(given, text)
    text = SCORE_AT_BEST_RE.sub(lambda m: (f"{m.group('verb')} " if m.group("verb") else f"{m.group('start')}it was ")
                                + _bare_verdict(m.group("n")), text)
    return SCORE_WAS_RE.sub(lambda m: f"{m.group('verb')} {_bare_verdict(m.group('n'), m.group('verb'))}", text)


def clean(text: str) -> tuple[str, bool]:
    """The part of ``text`` that is read (``MAX_CHARS``) with control characters removed."""
    text = text if isinstance(text, str) else str(text)
    cut = len(text) > MAX_CHARS
    text = re.sub(r"\b[mM]{3,}\b", "mm", text[:MAX_CHARS])  # "mmm these are ok": no film *M*
    if text.isupper() and len(re.findall(r"[A-Za-z]{2,}", text)) >= 3:  # "ALREADY WATCHED 1 AND 3 BUT 2 IS PERFECT":
        text = text.lower()  # shouted, no capital tells a name
    text = re.sub(r"([a-zA-Z])\1{2,}", r"\1", text)  # "heyyy", "sooo good"
    text = QUESTION_SLIP.sub(lambda m: QUESTION_WORDS[m.group(0).lower()], text)  # "hw long is #2", "wat is #1 rated"
    text = CARD_RANGE.sub(lambda m: " and ".join(str(k) for k in range(int(m.group(1)), int(m.group(2)) + 1))
                          if m.group(1) < m.group(2) else m.group(0), text)  # "watched 1-3": cards 1, 2 and 3
    text = G_DROPPED.sub("g", text)  # "showin' me no horror", "somethin' funnier"
    text = _code_as_words(text)  # "!horror && !musical", "filters.remove('comedy')", "SELECT * FROM movies WHERE ..."
    text = _emoji_as_words(text)  # "80s + 😂😂 = show me pls", "❌🤠", "2️⃣ 👍", "(T_T)"
    text = EMOJI_RE.sub(lambda m: f" {EMOJI_WORDS[m.group(0)[0]]}, ", text)  # "stand by me 👍 carrie 👎": a clause each
    text = NUMBER_WORD.sub(lambda m: f"{m.group(1)} {NUMBER_WORDS[m.group(2).lower()]}", text)  # "number four": 4
    text = SHORT_YEAR.sub(lambda m: f"19{m.group(1)}", text)  # "'68 to '72": 1968 to 1972
    text = ERA_SLIP.sub(_era_slip, text)  # "oldr", "nt 2 old"
    text = AS_LONG_AS.sub("if", text)  # "as long as it is suitable": a condition, not a long film
    text = ISNT_ASKED.sub("is", text)  # "isnt Sleepless in Seattle a Meg Ryan film too?": a question, no refusal
    return "".join(ch if ch.isprintable() or ch in " \t\n" else " " for ch in text), cut


# "haven't seen", "never seen": a film new to the person (read as wanted, not seen)
NOT_SEEN_RE = re.compile(r"\b(?:i\s+)?(?:have ?n['\u2019]?t|havent|haven't|has ?n['\u2019]?t|hasnt|have never|"
                         r"has never|never|didn['\u2019]?t|didnt|not)\s+(?:ever\s+|yet\s+)?(?:seen|watched|saw|see)\b",
                         re.IGNORECASE)
# words of how long or when that end a message ("... casablanca forever", "for ages", "for a long time")
WHEN_TAIL = {"forever", "ages", "years", "now", "again", "lately", "eventually", "someday", "finally", "already",
             "a", "while", "for", "long", "time", "so", "too", "tho", "though", "anyway"}
# films asked to be shown, whatever else the message said of them ("show me X and Y, those are the ones I want")
_WANT_SHOW = r"(?:the\s+)?ones?\s+(?:i|we)\s+want|(?:please\s+|pls\s+|just\s+)?show\s+(?:me|us)"
# "always meant to watch X", "never seen X", "X is on my watchlist": a film the person wants to see, not one
# they liked (``Parser._wanted_not_liked``; round thirty-four: such films were liked, and a film liked is never shown)
_WANT_SEE = (r"(?:(?:always|really|still|so|been)\s+)*(?:meant|meaning|wanted|want(?:ing)?|wanna|dying|keen|hoping|"
             r"planning|plan|need|gotta|(?:would|'d|d)\s+(?:like|love)|love)\s+(?:to\s+)?(?:see|watch|check\s+out)|"
             r"(?:have\s*n['\u2019]?t|havent|has\s*n['\u2019]?t|hasnt|have\s+never|has\s+never|never|not|didn['\u2019]?t|"
             r"didnt)\s+(?:ever\s+|yet\s+|actually\s+|even\s+)?(?:seen|watched|saw|see)|"
             r"on\s+my\s+(?:watch\s*)?list|watchlist|never\s+got\s+(?:a)?round\s+to|" + _WANT_SHOW)
WANT_SEE_RE = re.compile(rf"\b(?:{_WANT_SEE})\b", re.IGNORECASE)
# "..., never saw it", "... but haven't seen it yet": said of the film of the clause before
WANT_SEE_IT_RE = re.compile(rf"\s*(?:(?:but|and|tho|though)\s+)?(?:i\s+|i've\s+|ive\s+|we\s+|we've\s+)?"
                            rf"(?:{_WANT_SEE})\s+(?P<it>it|that(?:\s+one)?|this(?:\s+one)?|those|these|them|"
                            r"either(?:\s+of\s+them)?|both(?:\s+of\s+them)?|any\s+of\s+them)"
                            r"(?:\s+(?:yet|actually|tbh|lol|either|too|before))*\s*", re.IGNORECASE)
WANT_SHOW_RE = re.compile(rf"\b(?:{_WANT_SHOW})\b", re.IGNORECASE)
# a question, then that the film is not seen ("what is fargo about? i've never seen it"): an aside to the question
QUESTION_NOT_SEEN_RE = re.compile(r"^(?P<q>[^?]{2,200}\?+)\s*(?:(?:i|we)\s+(?:have\s+)?|i've\s+|ive\s+|we've\s+)?"
                                  r"(?:never|not|have\s*n['\u2019]?t|havent)\s+(?:ever\s+|actually\s+|even\s+)?(?:seen|watched|saw)\s+"
                                  r"(?:it|that(?:\s+one)?|them)(?:\s+(?:yet|before|either))?[\s.!]*$", re.IGNORECASE)
WISH_WORDS = {"want", "wanna", "need", "looking", "prefer", "something", "anything", "rather", "like"}
SHOWED = {"showed", "shown", "show", "suggested", "gave", "listed", "recommended"}
PLURAL_IT = {"those", "these", "them", "either", "both", "any"}
# words that make a film named beside a wish to see it a model or a verdict: "never seen anything like heat",
# "want to watch the godfather again"
WANT_SEE_NOT = {"like", "similar", "vibe", "vibes", "rewatch", "favourite", "favorite"}

# "haven't got round to the spitfire grill yet", "still haven't seen shall we dance": a film not watched
# yet, said beside what was watched; an aside that asks for nothing (``Parser._read_message``)
_NOT_YET = (r"(?:have ?n['\u2019]?t|havent|has ?n['\u2019]?t|hasnt)\s+(?:yet\s+)?"
            r"(?:seen|watched|got(?:ten)?\s+(?:a)?round\s+to)")
NOT_YET_RE = re.compile(rf"(?:\b(?:and|but)\s+)?\b(?:(?:i|we)\s+)?(?:(?:still\s+)?{_NOT_YET}\s+[^,;.!?]+?\s+yet|"
                        rf"still\s+{_NOT_YET}\s+[^,;.!?]+?)\s*(?=[,;.!?]|$)", re.IGNORECASE)
_UNITS = {w: k for k, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|" \
               r"seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|\d{1,3})"


def _number(word: str) -> int:
    """"seventy-eight" -> 78, "ten" -> 10, "90" -> 90."""
    parts = re.split(r"[- ]", word.lower().strip())
    return sum(_TENS.get(p, _UNITS.get(p, int(p) if p.isdigit() else 0)) for p in parts)


# ages and lengths in words: "aged seven and ten", "under ninety minutes"; "I am seventy-eight" (no wish)
AGED_RE = re.compile(rf"\b(aged?|ages)\s+({_NUMBER_WORD}(?:\s*(?:and|&|,)\s*{_NUMBER_WORD})*)\b", re.IGNORECASE)
MINUTES_RE = re.compile(rf"\b(under|over|about|around|less than|more than|no more than|at most|max)\s+"
                        rf"({_NUMBER_WORD})\s+(minutes|mins)\b", re.IGNORECASE)
OWN_AGE_RE = re.compile(rf"\b(?:i'?m|i am)\s+(?:{_NUMBER_WORD})(?:\s+(?:years?|yrs?)(?:\s+old)?)?"
                        r"(?=\s*(?:[,.!?;]|$|and\b))|"  # "a lady of some seventy-three years": an age, no 1970s
                        rf"\bof\s+(?:some\s+|about\s+|nearly\s+|almost\s+|over\s+)?(?:{_NUMBER_WORD})\s+years?"
                        r"(?:\s+(?:old|of age))?\b|"  # "a retired schoolteacher of seventy-three and ...": an age
                        r"\b(?:a|an)\s+(?:[a-z-]+\s+){1,3}of\s+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                        r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?=\s*(?:[,.!?;]|$|and\b|who\b))|"
                        # "he's in his 60s": his age, not the 1960s
                        r"\b(?:(?:he|she|they|i|we)(?:'?s|'?re|'?m| is| are| am)\s+)?in\s+(?:his|her|their|my|our)\s+"
                        r"(?:early\s+|late\s+|mid[- ]?)?(?:\d0s|twenties|thirties|forties|fifties|sixties|seventies|"
                        r"eighties|nineties)\b", re.IGNORECASE)
# "what's mystery science theater?": a film asked about by name
WHAT_IS_RE = re.compile(r"^\s*(?:so\s+|wait\s+|and\s+)?what(?:'?s| is| was)\s+(?P<film>[^?]{2,60}?)\s*\?+\s*$",
                        re.IGNORECASE)
# "isnt brad pitt in seven??", "is robert englund in new nightmare": is that person in that film?
PERSON_IN_FILM_RE = re.compile(r"^\s*(?:wait\s+|so\s+|but\s+|hang on\s+)?(?:is|isn'?t|isnt|was|wasn'?t|wasnt)\s+"
                               r"(?P<who>[\w .'-]{3,40}?)\s+in\s+(?P<film>[^?!.]{2,50}?)\s*[?!.]*\s*$", re.IGNORECASE)
# "compare true romance and true lies", "what's the difference between heat and casino?"
# "is shawshank rated higher than pulp fiction or not?": the two films compared (it had liked the second)
IS_BETTER_RE = re.compile(r"^\s*(?:so\s+|but\s+|and\s+|ok\s+|wait\s+)?(?:is|was)\s+(?P<a>[^?,]{2,50}?)\s+"
                          r"(?P<q>rated higher|higher rated|better rated|better reviewed|better|scarier|funnier|longer|"
                          r"shorter|older|newer|"
                          r"sadder|darker)\s+than\s+(?P<b>[^?,]{2,50}?)(?:\s+or not)?\s*\?*\s*$", re.IGNORECASE)
COMPARE_RE = re.compile(r"^\s*(?:can you |could you |pls |please )?(?:compare|(?:what'?s|whats|what is|tell me) the "
                        r"differences? between|differences? between)\s+(?P<a>[^,?]+?)\s+"
                        r"(?:and|&|vs\.?|versus|with|or)\s+(?P<b>[^,?.!]+?)\s*[?.!]*\s*"
                        r"(?:which (?:one )?(?:would|should|do|will) (?:you|i|we) (?:pick|choose|recommend|go for|"
                        r"watch)\s*\??\s*)?$", re.IGNORECASE)
# a card's number spelt out ("let's go with number four")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
NUMBER_WORD = re.compile(r"\b(number|no\.|#)\s*(one|two|three|four|five)\b", re.IGNORECASE)
# places of a list by range ("seen 1-3", "2 to 4 look good"), not lengths or scores ("2-3 hours", "1 to 5 stars")
CARD_RANGE = re.compile(r"(?<![\w/.-])([1-5])\s*(?:-|\u2013|to|thru|through)\s*([1-5])(?![\w/.-])"
                        r"(?!\s*(?:hours?|hrs?|h\b|stars?|mins?|minutes?|out|of|/|times|x\b))", re.IGNORECASE)
# "we own #2 already", "i already have number 4": a film the person has (so has seen, or will anyway)
OWNED_WORDS = {"we", "i", "own", "already", "have", "got", "number", "no", "the", "one", "film", "movie", "that",
               "it", "this", "first", "second", "third", "fourth", "fifth", "last", *"12345"}
# question words as people type them in a hurry: "hw" only before what follows "how" in a question
HOW_SLIPS = {"hw": "how", "hwo": "how"}  # only before what follows "how" in a question
WHAT_SLIPS = {"wat": "what", "wut": "what", "wht": "what", "waht": "what", "whta": "what", "wath": "what",
              "wats": "whats", "wuts": "whats", "whts": "whats"}
PLACE_SLIPS = {"secnd": "second", "scond": "second", "sencond": "second", "seond": "second", "thrid": "third",
               "thrd": "third", "frist": "first", "fisrt": "first", "fourht": "fourth", "fith": "fifth"}  # "... one"
QUESTION_WORDS = {**HOW_SLIPS, **WHAT_SLIPS, **PLACE_SLIPS, "fist": "first"}  # ("fist" only in "fist one")
QUESTION_SLIP = re.compile(rf"\b(?:{'|'.join(HOW_SLIPS)})\b(?=\s+(?:long|old|many|much|is|was|about|do|does|did|scary|"
                           rf"violent)\b)|\b(?:{'|'.join(WHAT_SLIPS)})\b|"
                           rf"\b(?:{'|'.join(PLACE_SLIPS)})\b(?=\s+(?:one|film|movie)\b)|\bfist\b(?=\s+one\b)",
                           re.IGNORECASE)
# an era typed in a hurry: "oldr", "newr", "nt 2 old" (not too old: newer; not Scream 2)
ERA_SLIP = re.compile(r"\b(?:oldr|newr|(?:(?:nt|not)\s+)?(?:2|too|to)\s+old)\b(?!\s+(?:films?|movies?|ones?))",
                      re.IGNORECASE)
SHORT_YEAR = re.compile(r"(?<![\w'])['\u2019]([2-9]\d)\b(?!['\u2019]?s\b)")  # "'68" ("the '80s" is a decade already)
# "I was born in 1938, so I mean the films of my youth": the decades of a youth, not of the birth
BORN_YOUTH_RE = re.compile(r"\b(?:i was |i'?m |we were )?born in (?P<y>19\d\d)\b(?P<rest>[^.!?]*?\b(?P<when>youth|"
                           r"young|growing up|grew up|my day|teens?|teenager|childhood|as a kid|a child|a boy|a girl)"
                           r"\b)", re.IGNORECASE)


def _youth_decades(m: re.Match) -> str:
    """The decades of a youth (10 to 20 years after birth; a childhood 5 to 15) said as eras."""
    y = int(m.group("y"))
    first, last = (5, 15) if m.group("when").lower() in ("childhood", "as a kid", "a child", "a boy", "a girl") \
        else (10, 20)
    decades = sorted({(y + first) // 10 * 10, (y + last) // 10 * 10})
    said = m.group("rest")[: m.start("when") - m.start("rest")]  # ("..., so comedies of my youth": the comedies)
    return " or ".join(f"the {d}s" for d in decades) + " " + re.sub(r"\b(?:of|from|in|during)\s+(?:my|our)\s*$", "",
                                                                      said)


# a year or decade said by what happened in the person's life ("the year i was born, 1966", "the decade i left
# school in"): the year says the era, the rest is no wish
LIFE_EVENT_RE = re.compile(r"\b(?:the|my|our)\s+(?:year|decade|era|time|days?)\s+(?:when\s+|that\s+)?(?:i|we|my\s+\w+|"
                           r"he|she|they|mum|mom|dad)\s+(?:was|were|got|left|finished|graduated|started|met|married|"
                           r"turned)(?:\s+(?:born|school|college|uni|university|married|together|high\s+school|"
                           r"\d+|out))?\b|\bmy\s+(?:college|school|uni|university|student|teenage|high\s+school|"
                           r"childhood|youth)\s+(?:days|years)\b|\bbefore\s+(?:i|we|my\s+\w+)\s+(?:was|were)\s+born\b|"
                           r"\bthe\s+(?:year|decade)\s+of\b",
                           re.IGNORECASE)
AS_LONG_AS = re.compile(r"\b(?:as|so) long as\b", re.IGNORECASE)
ISNT_ASKED = re.compile(r"^\s*(?:but\s+|and\s+|wait\s*,?\s*)?(?:isn'?t|isnt|wasn'?t|wasnt)\b"
                        r"(?=\s+(?!it\b|that\b|this\b)[^?]{3,80}\?\s*$)", re.IGNORECASE)
# emoji in the place of a word of kind ("80s + 😂😂 = show me pls", "🤠 instead?", "feeling 😔 need 😂"), of a greeting,
# a shrug or a refusal ("❌🤠"); after a sentence, as a reaction, they say nothing ("never again 😂")
KIND_EMOJI = {"\U0001F602": "comedy", "\U0001F923": "comedy", "\U0001F495": "romance", "\U0001F498": "romance",
              "\U0001F49E": "romance", "\U0001F48F": "romance", "\U0001F920": "western", "\U0001F47D": "sci-fi",
              "\U0001F680": "sci-fi", "\U0001F47B": "horror", "\U0001F631": "horror", "\U0001F62D": "a tearjerker",
              "\U0001F614": "sad", "\U0001F622": "sad", "\U0001F61E": "sad", "\U0001F44B": "hi",
              "\U0001F937": "whatever", "\U0001F440": "seen", "\u274C": "no"}
KIND_EMOJI_RE = re.compile("(?:[" + "".join(KIND_EMOJI) + "][\U0001F3FB-\U0001F3FF\uFE0F\u200D\u2640\u2642]*)+")
# emoji and faces that only decorate ("🍿 ready", "(T_T)", "(^o^)", "www"), and keycap digits (card numbers)
DECORATION_RE = re.compile(r"[\U0001F37F\U0001F3AC\U0001F64F\U0001F648\u27A1\U0001F440]\uFE0F?|"
                           r"\((?:[^()\w\s]|[_oOTvVwx;^<>])"
                           r"{1,6}\)|(?<![\w.])w{3,}(?![\w.])")
EMOJI_JOINS = {"need", "want", "some", "a", "an", "more", "and", "or", "like", "something", "anything", "of", "with",
               "pls", "please", "plz", "but", "no", "not", "less"}
KEYCAP_RE = re.compile(r"([0-9])\uFE0F?\u20E3")


def _emoji_as_words(text: str) -> str:
    text = KEYCAP_RE.sub(r" \1 ", text)  # "2️⃣ 👍": card 2
    if not re.search(r"[\u2190-\u2BFF\U0001F000-\U0001FAFF]|\(|w{3}", text):
        return text

    def said(m: re.Match) -> str:
        before = text[: m.start()]
        sentence = re.split(r"[.!?]", before)[-1]
        said_before = tokens(sentence)
        if m.group(0)[0] != "\u274C" and (len(said_before) > 2 and said_before[-1] not in EMOJI_JOINS and not re.search(
                r"[+&=]\s*$", sentence) or not said_before and len(tokens(before)) > 2):  # a reaction after words
            # ("never again 😂", "bruh schindlers list 😭😭", "..., you talkin to me? 😂")
            return m.group(0)
        words = [KIND_EMOJI[ch] for ch in m.group(0) if ch in KIND_EMOJI and not (  # ("hiii 👋": one greeting)
            ch == "\U0001F44B" and GREETING_RE.match(before))]
        return " " + " and ".join(dict.fromkeys(words)) + " "

    text = KIND_EMOJI_RE.sub(said, text)
    return DECORATION_RE.sub(" ", text)


G_DROPPED = re.compile(r"(?<=[a-z]{3}in)'(?=\s|[,.!?;:]|$)", re.IGNORECASE)  # "showin'", "somethin'": the g dropped
# requests written as code, a programmer's ("SELECT * FROM movies WHERE genre = 'Documentary';",
# "!horror && !musical", "filters.remove('comedy')", "assert liked('Living in Oblivion')", "seen = [1, 3]; watch(2)",
# "ls ./films/1970s/comedy/", "decade in ('1960s', '1970s')", "git reset --hard"): said in words before anything
# else reads them
CODE_CALLS = {"drop {}": ("remove", "drop", "exclude", "delete", "discard", "pop", "without", "unset"),
              "I liked {}": ("liked", "like", "love", "loved", "fav", "favourite", "favorite", "upvote"),
              "I disliked {}": ("disliked", "dislike", "hate", "hated", "downvote"),
              "seen {}": ("seen", "watched", "is_seen", "mark_seen"),
              "I'll take {}": ("watch", "pick", "choose", "select", "take", "play"),
              "show me {}": ("show", "recommend", "list", "get", "fetch", "find", "search", "query"),
              "why {}": ("why", "explain"), "{}": ("add", "include", "append", "push", "where", "filter", "set")}
SQL_SELECT = r"\bselect\s+(?:\*|titles?|names?|ids?|\w+(?:\s*,\s*\w+)+)\s+from\s+\w+"
CODE_CALL_WORDS = {name: form for form, names in CODE_CALLS.items() for name in names}
CODE_HINT = re.compile(r"\b(?:" + "|".join(CODE_CALL_WORDS) + r")\(|&&|\|\||(?:^|[\s(])![a-z]|" + SQL_SELECT + r"|"
                       r"^\s*(?:ls|cd|git|grep|find)\s|\w\s*=\s*\[|[a-z_]\[\d+\]|\bin\s*\(\s*['\"]", re.IGNORECASE)
CODE_SHELL = ((re.compile(r"^\s*(?:sudo\s+)?git\s+(?:reset|checkout|restore|clean)\b.*$", re.I | re.M), "start over"),
              (re.compile(r"^\s*(?:sudo\s+)?git\s+revert\b.*$", re.I | re.M), "undo"),
              (re.compile(r"^\s*(?:ls|cd|find)\s+(?:-\w+\s+)*(?P<path>\S+).*$", re.I | re.M), None),
              (re.compile(r"^\s*grep\s+(?:-\w+\s+)*['\"]?(?P<path>[^'\"\s]+)['\"]?.*$", re.I | re.M), None))
CODE_FORMS = ((re.compile(SQL_SELECT, re.I), "show me films"),
              (re.compile(r"\bwhere\b", re.I), "with"),
              (re.compile(r"\b(?:limit\s+\d+|order\s+by\s+\w+(?:\s+(?:asc|desc))?)", re.I), " "),
              (re.compile(r"\b(?:runtime|length|minutes|duration|mins)\s*<=?\s*(\d+)", re.I), r"under \1 minutes"),
              (re.compile(r"\byear\s*<=?\s*(\d{4})", re.I), r"before \1"),
              (re.compile(r"\byear\s*>=?\s*(\d{4})", re.I), r"after \1"),
              (re.compile(r"\b\w+\s*(?:!=|<>)\s*['\"]([^'\"]*)['\"]"), r"no \1"),
              (re.compile(r"\b\w+\s*==?\s*['\"]([^'\"]*)['\"]"), r"\1"),
              (re.compile(r"\bin\s*\(([^()]*)\)"), lambda m: " or ".join(_code_args(m.group(1)))),
              (re.compile(r"\b(\w+)\s*=\s*\[([^\]]*)\]"),
               lambda m: f"{m.group(1)} {' and '.join(_code_args(m.group(2)))}"),
              (re.compile(r"\breturn\s+[a-z_]+\[(\d+)\]", re.I), r"I'll take number \1"),
              (re.compile(r"\b[a-z_]+\[(\d+)\]", re.I), r"number \1"),
              (re.compile(r"(?:\b[a-z_]\w*\.)*\b([a-z_]\w*)\(([^()]*)\)", re.I), lambda m: _code_call(m)),
              (re.compile(r"\b(?:return|assert)\s+", re.I), ""),
              (re.compile(r"(?:^|(?<=[\s(]))!(?=[a-z])", re.I), "no "),
              (re.compile(r"\s*&&\s*|\s+and\s+", re.I), " and "), (re.compile(r"\s*\|\|\s*"), " or "),
              (re.compile(r"\s*;\s*(?=\S)"), ". "), (re.compile(r";\s*$"), ""))


def _code_args(args: str) -> list[str]:
    return [a.strip().strip("'\"") for a in args.split(",") if a.strip().strip("'\"")]


def _code_call(m: re.Match) -> str:
    """"remove('comedy')": drop comedy; "watch(2)": I'll take number 2; a name not known: as typed."""
    form, args = CODE_CALL_WORDS.get(m.group(1).lower()), _code_args(m.group(2))
    if args in (["s"], ["es"]):  # "any film(s) with tom hanks": a plural, no call
        return m.group(1) + args[0]
    if form is None:  # ("Titanic(1997)": no call)
        return m.group(0)
    if form == "I'll take {}" and args and all(a.isdigit() for a in args):
        args = [f"number {a}" for a in args]
    return form.format(" and ".join(args)).strip()


CODE_MAX_CHARS = 200  # a request written as code is short; a long string of symbols is no code to read


def _code_as_words(text: str) -> str:
    if len(text) > CODE_MAX_CHARS or not CODE_HINT.search(text):
        return text
    for pattern, words in CODE_SHELL:
        text = pattern.sub(lambda m, words=words: words if words is not None else "show me " + " ".join(
            w for w in re.split(r"[/.*]+", m.group("path")) if w and w.lower() not in ("films", "movies", "home", "~")),
            text)  # ("ls ./films/1970s/comedy/": show me 1970s comedy)
    for pattern, words in CODE_FORMS:
        text = pattern.sub(words, text)
    return " ".join(text.split())


# emoji that say something a word says: a thumb up is yes (or a like beside a film), a thumb down no
EMOJI_WORDS = {"\U0001F44D": "thumbsup", "\U0001F44C": "thumbsup", "\u2705": "thumbsup", "\U0001F4AF": "thumbsup",
               "\U0001F44E": "thumbsdown", "\u274C": "thumbsdown", "\U0001F92E": "thumbsdown",
               "\U0001F60D": "love", "\u2764": "love", "\U0001F970": "love", "\U0001F525": "love",
               "\U0001F929": "love", "\U0001F60E": "cool", "\U0001F44F": "thumbsup", "\U0001F64C": "thumbsup",
               "\U0001F634": "boring", "\U0001F971": "boring", "\U0001F4A9": "thumbsdown", "\U0001F922": "thumbsdown",
               "\U0001F602": "lol", "\U0001F923": "lol", "\U0001F47B": "spooky"}  # (a laugh, not a wish for comedy)
EMOJI_RE = re.compile("[" + "".join(EMOJI_WORDS) + "][\U0001F3FB-\U0001F3FF\uFE0F]*")


# taking a film that was shown ("the first one sounds good"), not asking for other films
ORDINAL_PICK = re.compile(r"\s*(?:(?:ooh|oh|ok|okay|hmm|right|fine|alright|sure)[\s,.!]+)*"
                          r"(?:i (?:like|love|want|ll take) )?"
                          r"(?:(?:the )?(?:first|second|third|fourth|fifth|last|top) one\b|(?:number|no\.?|#) ?[1-5]\b)"
                          r"(?:\s+(?:sounds|looks|seems))?\s*(?:good|great|fine|interesting|nice|perfect|please)?"
                          r"(?:\s*,?\s*then)?[\s.!]*$", re.IGNORECASE)  # ("fine, #3 then")
# a film of the list shown, named by its place ("the second one", "number 3", "the last film")
PLACES = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
          "fifth": 4, "5th": 4, "sixth": 5, "6th": 5, "seventh": 6, "7th": 6, "eighth": 7, "8th": 7, "ninth": 8,
          "9th": 8, "tenth": 9, "10th": 9, "last": -1}
_PLACE = "|".join(p for p in PLACES if p != "top")  # the places as a pattern ("top" only before a noun)
# a word without which no card is named by its place (a quick test before reading a message twice)
CARD_PLACE_WORD = re.compile(r"[1-5#]|\b(?:" + "|".join(PLACES) + r"|one|two|three|four|five)\b", re.IGNORECASE)
CARD_REF = re.compile(r"\b(?:the )?(" + "|".join(PLACES) + r") (?:one|1|film|movie|pick|suggestion|card)\b"
                      r"|(?:\bnumber |\bno\.? ?|#)([1-9])\b", re.IGNORECASE)
# "ok 2 looks good", "3 sounds fun": a bare number opening the message, then what is said of it;
# "who directed 1?", "tell me more about 4": a question about a card by its bare number
CARD_DIGIT_SAYS = re.compile(r"^\s*(?:(?:ok(?:ay)?|ooh|oh|hmm|right|yes|yeah|yep|and)[\s,.!]+)*()([1-5])"
                             r"(?=\s+(?:looks|sounds|seems|is|was|has|ate|slaps|slapped|rocks|rocked)\b"
                             r"|\s+(?:please|pls|plz)\b[\s.!]*$)", re.IGNORECASE)  # ("2 ate tbh": slang, was great)
CARD_DIGIT_ASKED = re.compile(r"\b(?:who(?:'?s| is)? (?:in|directed|made|stars in|starring in|wrote)|what(?:'?s| is) "
                              r"(?:in )?|(?:tell me|more) about|how long is|is) ()([1-5])\s*[?.!]*\s*$"
                              r"|\bwhat(?:'?s| is) ()([1-5]) about\b|^\s*(?:is|was|does|did|has) ()([1-5])\b(?=\s+\w)"
                              r"(?!\s*(?:hours?|hrs?|h|min|mins|minutes|stars?|out|of|times|x|or|and|to|-)\b)",
                              re.IGNORECASE)  # "what's 2 about", "is 1 in german?"
# "who play in first?", "who directed last?": a question about a card by its place with no noun
CARD_PLACE_ASKED = re.compile(r"\bwho(?:'?s| is| are)? (?:plays? in|acts? in|in|directed|made|stars? in|starring in|"
                              r"wrote|(?:the )?director of|directs?|(?:the )?stars? of)\s+(?:the\s+)?("
                              + _PLACE + r")\s*[?.!]*\s*$", re.IGNORECASE)
# "ok ill take 3", "we'll watch 2": a card chosen by its bare number
CARD_DIGIT_TAKEN = re.compile(r"\b(?:i'?ll|ill|we'?ll|i will|we will|let'?s|gonna|i want|i choose|i pick)\s+"
                              r"(?:take|watch|go with|do|try|have|see)?\s*(?:number\s+|no\.?\s*|#)?()([1-5])"
                              r"\s*[.!]*\s*$",
                              re.IGNORECASE)
# "who's in the fourth?", "seen the 2nd": a place with no noun after it, at the end of a clause
CARD_REF_BARE = re.compile(r"\bthe (" + _PLACE + r")\b(?=\s*(?:[?.!,;]|$)|"
                           r"\s+(?:but|not|is|was|r|are|has|looks?|sounds?|seems?)\b|"
                           r"\s+(?:i|we)\s+(?:have|'ve|already|saw|seen|watched)\b)",
                           re.IGNORECASE)
# "the second looks good", "the third is perfect": a place with no noun, then what is said of it
CARD_REF_SAYS = re.compile(r"\bthe (" + _PLACE + r")\b(?=\s+(?:looks|sounds|seems|looked|sounded)\b|"
                           r"\s+(?:is|was)\s+(?:\w+\s+)?(?:good|great|perfect|fine|nice|awesome|amazing|cool|bad|"
                           r"terrible|awful|boring|meh|the one)\b)", re.IGNORECASE)
# "…, the 1st one too": the verdict of the clause before
CARD_TOO = re.compile(r"^\s*(?:and\s+)?(?:the\s+)?(?:" + _PLACE + r"|#?[1-9])"
                      r"(?:\s+one)?\s+(?:too|also|as well)\s*$", re.IGNORECASE)
ROMAN = {"ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}  # "star trek ii", "rocky iv": a sequel's number
COUNTED = {"times", "time", "x", "hours", "hour", "hrs", "hr", "stars", "star", "mins", "min", "minutes", "out", "of"}
# "the last one, lets do that": taking the film named
TAKE_IT = re.compile(r"\blet'?s (?:do|go with|watch|try|see) (?:that|it|this|that one|this one)\b|"
                     r"\bi take (?:this|that|it)(?: one)?\b|"
                     r"\b(?:go|going) with (?:that|it|this)\b|"
                     r"\b(?:i|we)(?:'?ll| will| are gonna| r gonna|'?re gonna| gonna) "
                     r"(?:take|watch|try|do|go with|see) (?:that|it|this)\b", re.IGNORECASE)
# "seen 1 and 3, 2 looks great": a digit opening a clause after one that named places (not "2 hours")
BARE_PLACE = re.compile(r"\s*[1-5]\b(?!\s*(?:hours?|hrs?|min|mins|minutes?|stars?|out|of|/))", re.IGNORECASE)
# "seen 4 already.", "loved 2"
VERB_PLACE = re.compile(r"\s*(?:(?:i|he|she|we|they|my\s+\w+|the\s+kids?|both\s+of\s+us)\s*"
                        r"(?:'ve|'s|s|'d|has|have|had)?\s+"
                        r"(?:already\s+|both\s+|all\s+)?(?=seen|saw|watched|loved?|liked?|hated?))?"  # ("he's seen 1")
                        r"(loved?|liked?|seen|saw|watched|not|no|hated?|skip)\s+(?:#|no\.?\s*|number\s+)?([1-5])"
                        r"(?:\s+(?:already|too|tho|though|lol|before|as well))?\s*[.!]*\s*$", re.IGNORECASE)
CARD_MORE = re.compile(r"\b(?:more|others?|something|anything|films?|movies?|similar|ones?)\s+(?:like|to|along the "
                       r"lines of|in the vein of|a la)\s+$")  # "got any more along the lines of number 3?"
CARD_NOT = re.compile(r"\b(?:not|no|never|nah|nope|skip|hated?|vetoe?d?|vetoes|nixed|thumbsdown|dislike[ds]?|didnt|"
                      r"dont|didn't|don't|do not|did not)\b")
CARD_YES = re.compile(r"\b(?:like|liked|love|loved|take|want|pick|choose|go with|go for|try|watch|sounds|looks|nice|"
                      r"great|cool|awesome|perfect|lovely|excellent|let'?s do)\b")
# several films of the list at once: "the first two", "the last 3", "the first and third", "1 and 4";
# only when what follows in the clause says something of them ("seen the first two", "1 and 3 look
# good"), never more words of a wish ("the first two godfather films", "2 and 3 hour epics")
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
# cards named by their place: "number 2", "numbr 2", "card 2", "#2", "no. 2", "numbers 1 and 3", "the second
# one", "the first two", "2 and 4", "2 pls"
_NO_UNIT = r"(?!\s*(?:stars?|/|out\s+of|mins?|minutes|hours?|hrs?|years?|yrs?|yo|kids?|of\b|'?s\b|%|\.\d))"
_DIGITS = r"[1-5](?:\s*(?:,|and|&|nd|n|\+|or)\s*[1-5](?!\w|\.\d))*"
CARD_NAMED = re.compile(r"(?:\b(?:numbers?|numbr|nmbr|num|nr|no\.|cards?)\s*|#)(" + _DIGITS + r")"
                        r"|\b(?:the\s+)?(" + _PLACE + r")\s+(?:one|film|movie|pick|card)\b"
                        r"|(?<![\w.#/-])([1-5]\s*(?:,|and|&|nd|n|\+)\s*" + _DIGITS + r")(?![\w.%/-])" + _NO_UNIT +
                        r"|^\W*([1-5])\b" + _NO_UNIT, re.IGNORECASE)


# words that ask for films ("anything else with de niro?", "more tom hanks please")
ASKS_FOR = re.compile(r"\?|\b(?:any|anything|anyone|some|something|somethin|more|other|others|another|similar|"
                      r"recommend|suggest|wants?|wanted|wanna|wish|hoping|looking|show|find|got|gimme|give|need|"
                      r"please|pls|plz|like (?:that|this|it)|in the mood|fancy|after|how about|what about|films?|"
                      r"movies?|ones|stuff|shorter|longer|older|newer)\b",
                      re.IGNORECASE)
# a question of a card's facts ("is the third one sad?", "who's in the second one?"): nothing taken or seen
CARD_ASKED_OF = re.compile(r"(?:^|[.!?,;]\s*)(?:is|was|are|does|did|has|who(?:'?s)?|what(?:'?s)?|how|why|when|which"
                           r"|where)\b[^.!?]*\?", re.IGNORECASE)


def _card_places(text: str) -> list[int]:
    """The places of the cards ``text`` names (0-based, in order, once each)."""
    out = []
    span = CARD_SPAN.search(text)
    if span and span.group(1).lower() == "first":  # "the first two" (not "the top 3 comedies of the 90s")
        out += list(range(COUNT_WORDS[span.group(2).lower()]))
    for m in CARD_NAMED.finditer(text):
        if re.search(r"\b(?:aged?|ages|are|is|was|were|turned|turning)\s*$", text[: m.start()], re.IGNORECASE):
            continue  # (ages: "my kids are 3 and 5")
        said = next(g for g in m.groups() if g)
        for w in re.findall(r"[1-5]|" + _PLACE, said, re.IGNORECASE):
            place = int(w) - 1 if w.isdigit() else PLACES[w.lower()]
            if place not in out and place >= 0:
                out.append(place)
    return out


# "do u have titanic?": a question whether the catalog has a film, not a like (a fifth helper's "Noted
# that you liked Titanic")
ASK_FILM_RE = re.compile(r"\s*(?:(?:so|hey|ok|and|um|hmm|well)\W+)?(?:do (?:you|u|ya) (?:have|got)|"
                         r"have (?:you|u|ya) got|(?:you|u) got|is there|got|(?P<proposing>(?:what|wat|how) about)|"
                         r"(?P<bot_seen>(?:did|have) (?:you|u|ya) (?:ever )?(?:see|seen)|ever seen))\b",
                         re.IGNORECASE)
POSSESSIVES = {"my", "our", "his", "her", "their"}  # "your oldest films" are the catalog's
OWNERS = POSSESSIVES - {"her"}  # ("i showed her alien": "her" is as often the one shown a film)
AFTER_PLACES = {"ones", "films", "movies", "cards", "of", "them", "look", "looks", "sound", "sounds", "seem", "seems",
                "are", "were", "is", "both", "too", "already", "again", "please", "pls", "tho", "though", "lol", "fine",
                "nice", "interesting", "ok", "okay", "i", "ive", "have", "not", "no", "dont", "didnt", "like", "liked",
                "love", "loved", "want", "seen", "saw", "watched", "before", "very", "really", "so", "pretty", "kinda",
                "for", "me", "r", "meh", "good", "great", "mid", "ages", "ago", "years", "yonks", "back", "long",
                "time", "a", "while", "when", "was", "kid", "young"}  # "the 4th and the 5th are not for me", "seen 1-4
# ages ago", "seen 2 and 3 when i was a kid"
# a place in the list and nothing else ("the 3rd"): never the name of a film
PLACE_ONLY = re.compile(r"^\s*(?:(?:but|and|or|so|then)\s+)?(?:the\s+)?(?:" + "|".join(PLACES)
                        + r"|(?:number\s+|#)?[1-9])"
                        r"(?:\s+(?:one|film|movie|pick))?\s*$",
                        re.IGNORECASE)
CARD_SPAN = re.compile(r"\b(?:the )?(first|top|last) (" + "|".join(COUNT_WORDS) + r")\b(?: (?:ones|films|movies))?",
                       re.IGNORECASE)
CARD_LIST = re.compile(r"\b(?:the )?(?:" + _PLACE + r")(?: one)?(?:\s*(?:,|and|&|,\s*and)\s*(?:the )?(?:" + _PLACE
                       + r"))+\b(?: (?:ones?|films|movies))?|(?:\bnumbers? |#)?\b[1-5]"
                       r"(?:(?:\s*(?:,|and|&|or|,\s*and)\s*|\s+)(?:number |#)?[1-5])+\b"  # "1, 2 and 3", "1 2 and
                       # 3", "number 1 and number 4"
                       r"(?!\s*(?:hours?|hrs?|stars?|mins?|minutes?|times|x\b))", re.IGNORECASE)
# a question about a film rather than a wish: who is in it, who made it, when, how long, what it is about
# what a question asks of a film ("is heat long?", "men in black is funny?"), and how much ("kinda dark")
_QUALITY = r"long|short|good|scary|frightening|creepy|funny|violent|gory|sad|dark|for kids|animated"
_DEGREE = r"kinda|kind of|a bit|too|very|really|so"
FACT_QUESTION = re.compile(
    r"\b(?:who(?:'?s| is| are)? (?:in|starring|stars? in|acts? in|plays? in)\b|who (?:directed|made|stars|starred|"
    r"is the director|plays in)\b|what year\b|when (?:was|did|is) \w|hows? long(?:'?s| is)\b|how long\s*\??\s*$|"
    r"how long (?:does|do|did|will|would) .{2,60}? (?:run|last|take|go on)\b|how long .{2,60}? runs?\b|"
    r"(?:running|run) ?time\b|"
    r"how old is\b|"
    r"is (?:it|that|this)(?: one| film| movie)? (?:long|short|any good|good|scary|funny|old|violent|gory|sad|"
    r"for kids|ok for kids|kid friendly|animated)\b|"
    r"what(?:'?s| is)(?: (?:it|that|this)(?: one| film| movie)?)? about\b|"
    r"tell me (?:more )?about\b|what(?:'?s| is) the (?:runtime|length|rating|year|cast|director)\b|"
    r"whats? the (?:runtime|length|rating|year|cast|director)\b|(?:runtime|length|cast|director) of\b|"
    r"(?:is|was) (?:it|that|this)(?: one| film| movie)? (?:any )?good\b|(?:^|, *)any good\b|"
    r"\bwhat (?:oscars? )?(?:did|does) .{2,50}? (?:win|get)\b|"
    r"what(?:'?s| is) .{2,60} about\s*\??\s*$|what(?:'?s| is) (?:it|that|this)(?: one)? rated\b|"
    r"what(?:'?s| is) .{2,50}? rated\s*\?|"
    r"^\s*(?:how long|what year|who directed|who(?:'?s| is) in|whats? (?:it )?rated|rating|runtime)\s*\??\s*$|"
    r"^\s*(?:is|it'?s|its) (?:a |an )?(?:good|scary|funny|long|violent|sad)(?: film| movie| one)?\s*\?+\s*$|"
    r"^\s*why (?:is|was) (?:it|that|this)(?: one| film| movie)? so (?:long|short|old|dark|violent|sad)\b|"
    rf"^\s*(?:is|was) (?P<film>.{{2,50}}?) (?:(?:{_DEGREE}|that) )?(?:{_QUALITY}|ok|okay|alright|suitable|"
    r"appropriate|safe|any good|in colou?r|black and white|in there|in here|on here|"
    r"in the catalog|available|(?:in|on) (?:your|the) (?:list|catalog|catalogue|database|collection))(?: at all)?"
    r"(?: for (?:a|an|my|the|our|young|little|small) [^?.!]{1,30}| for kids| for children)?\s*\??\s*$)",
    re.IGNORECASE)  # ("is high noon scary for a 6 yr old?")
# "why you give me Days of Thunder?", "why did you show me cartoons?": that film's reasons, or a kind not wanted
WHY_SHOWN_RE = re.compile(r"^\s*why (?:did |do |would |are )?(?:you|u|ya) (?:show|give|gave|recommend|suggest|pick|"
                          r"picked|showed|showing|giving|recommending|suggesting)(?: me| us)?\s+(?P<what>[^?.!]{2,60}?)"
                          r"\s*(?:[?.!]|$)", re.IGNORECASE)
WHY_HERE_RE = re.compile(r"^\s*why (?:is|was|did you (?:pick|choose|suggest|show|include))\s+(?P<what>[^?.!,]{2,60}?)"
                         r"\s+(?:here|there|on (?:the|this|my) list|in (?:the|this|my) list|suggested|recommended|"
                         r"picked|included)?\s*(?:[?.!]|$)", re.IGNORECASE)
# when and where a film named was seen: no wish ("oppenheimer and barbie, saw both on the same day")
MAKE_THEM_RE = re.compile(r"\bmake\s+(?:the\s+|my\s+|our\s+)?(?:little\s+ones|kids|children|grandkids|them|us|her|him"
                          r"|me)\s+(?:giggle|laugh|smile|scream|jump)", re.IGNORECASE)
ROUGH_DAY_RE = re.compile(r"\b(?:after|had|having|been)\s+(?:a|an|such\s+a|the|one)\s+(?:\w+\s+)?(?:rubbish|rough|"
                          r"hard|bad|tough|awful|terrible|crap|crappy|shit|shitty|horrible|stressful|"
                          r"exhausting|draining|miserable)\s+(?:day|week|month|year|shift|night)\b", re.IGNORECASE)
WHEN_SEEN_RE = re.compile(r"\b(?:on the same (?:day|night|weekend)|as a (?:kid|child|teen|teenager)|"
                          r"when i was (?:a kid|young|little|a child|a teen|small)|in the (?:cinema|theat(?:er|re))|"
                          r"at the (?:cinema|movies)|years ago|back in the day|growing up|"
                          r"(?:last|this) (?:week|month|year|weekend|night|summer|christmas)|"
                          r"on (?:tv|telly|video|vhs|dvd))\b",
                          re.IGNORECASE)
ROLE_CUES = ("directed", "director", "directors", "starring", "written")  # typed with a slip: the word meant
# the last change taken back, typed amid other words ("oops, fat fingers, undo that"); what is said
# after it (", then add kathy bates") is a turn of its own after the undo (``Engine.step``)
UNDO_WORDS_RE = re.compile(r"(?:\b(?:oops|whoops|argh|sorry)\b[,.!\s]*)*(?:\b(?:fat fingers?|wrong (?:button|one))\b"
                           r"[,.!\s]*)*\b(?:undo|take (?:that|it) back|delete|go back (?:one|a step|one step)\b"
                           r"(?!\s+(?:decade|era|year|more|further)))\b(?:\s+(?:that|this|it))?"
                           r"(?:\s+last\s+(?:bit|one|thing|answer|change|step))?[,.;!\s]*(?:(?:and\s+)?then\b)?",
                           re.IGNORECASE)
UNDO_WORDS = {"oops", "whoops", "argh", "sorry", "fat", "finger", "fingers", "wrong", "button", "undo", "take", "back",
              "delete",
              "go", "one", "that", "this", "it", "last", "bit", "thing", "change", "step", "then"}
# two cards liked, then which of them: "2 and 4 look good, which is better?", "1 and 3 look fun, which would you pick?"
TWO_THEN_WHICH_RE = re.compile(r"^\s*(?P<head>[^,.;!?]{3,60}?)\s*[,.;!-]+\s*(?:but\s+|so\s+)?which(?:\s+one)?\s+"
                               r"(?:is|'s|would\s+(?:you|u)|should\s+(?:i|we)|do\s+(?:you|u))\b[^?]*\?*\s*$",
                               re.IGNORECASE)
PICK_ONE_RE = re.compile(r"\b(?:(?:just|please|pls|can you|could you|idc|i don'?t care|whatever)[,\s]+)*(?:you\s+)?"
                         r"(?:pick|choose|chose|select|decide on)\s+(?:just\s+)?(?:one|1|a single one|the one)"
                         r"(?:\s+(?:film|movie))?(?:\s+for\s+(?:me|us))?\b|\b(?:pick|choose)\s+for\s+(?:me|us)\b|\byou\s+(?:pick|choose|decide)"
                         r"\s*[.!]*\s*$|\bwhich (?:one )?(?:of (?:these|them|those) )?would you "
                         r"(?:pick|choose|watch|recommend)\b",
                         re.IGNORECASE)
# "the alien movies", "a star wars marathon": words after a series' name that ask for its films
SERIES_NOUNS = {"films", "movies", "flicks", "ones", "pictures", "pics"}
# a series asked after anywhere in the message ("thinking star wars, which ones do u have and whats the right order")
SERIES_ASKED_RE = re.compile(r"\b(?:marathon|which\s+ones\s+(?:do|have|did)|(?:what|which|the|right|correct|watch|"
                             r"viewing)\s+order|in\s+order|all\s+(?:of\s+)?the\s+(?:films|movies|sequels|parts))\b",
                             re.IGNORECASE)
SERIES_WORDS = {"marathon", "trilogy", "saga", "series", "franchise", "sequels", "collection", "quadrilogy", "boxset"}
SERIES_NOT = {"like", "similar", "than", "vibes", "loved", "love", "liked", "hated", "hate", "seen", "watched", "saw",
              "except", "not", "no", "without", "besides", "from", "actor", "actress", "guy", "director"}
# a verdict on a whole series ("loved the terminator movies", "seen all the star wars films"): on each film of it
SERIES_VERDICTS = {"loved": "like", "love": "like", "liked": "like", "adore": "like", "adored": "like",
                   "enjoyed": "like", "hated": "dislike", "hate": "dislike", "disliked": "dislike", "seen": "seen",
                   "watched": "seen", "saw": "seen"}
# the words besides a series' name and number in "is there a die hard 4?", "jaws 3 pls": asking for that film
SERIES_ASK = {"is", "there", "a", "an", "do", "you", "u", "have", "got", "any", "the", "please", "pls", "plz", "show",
              "me", "can", "i", "we", "see", "watch", "want", "one", "movie", "film", "what", "about", "how", "and",
              "ok", "so", "hey", "hi"}
SEEN_ALL_BUT_RE = re.compile(r"\b(?:seen|watched)\s+(?:them\s+all|all(?:\s+of\s+(?:them|these|those|em))?|"
                             r"every\s*(?:one|thing))\s*,?\s*(?:except|exept|excep|expect|but|apart from|other than|"
                             r"besides|bar|save)\s+(?:for\s+)?(?P<films>[^.!?;]+?)\s*"
                             r"(?:[.!?;]+\s*(?:any (?:others|more|other ones)|what else|anything else|others|more)\s*)?"
                             r"[.!?]*\s*$", re.IGNORECASE)  # ("... any others?")
# days and months, which some titles are: the day after "on", "this", "next" ... ("on Friday")
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
WHEN_BEFORE = {"on", "this", "next", "last", "by", "until", "till", "every", "since", "before", "after", "for", "in"}
# a film praised as the best of its kind the person has seen ("the most romantic film I've seen in ages")
SUPERLATIVE_RE = re.compile(r"\b(?:the|my)\s+(?:(?:most|least)\s+(?P<q>\w+)|best|greatest|finest|funniest|"
                            r"scariest|saddest)\s+(?:\w+\s+)?(?:film|movie|thing|flick)s?\s+"
                            r"(?:i'?ve|i have|we'?ve|we have|i|we)\s+(?:ever\s+)?(?:seen|watched)\b", re.IGNORECASE)
# a kind of film thrown back at the films shown, then what was asked for ("war?? i said not gory")
ECHO_RE = re.compile(r"^\s*(?P<what>[\w' -]{2,30}?)\s*(?:\?{2,}|\?!+|!+\?)\s*(?:i said|i asked|i told you|i wanted|"
                     r"i meant|i did say)\b", re.IGNORECASE)
# a dark (black) comedy: a comedy that is also of a darker kind (the catalog has no word for the tone)
DARK_COMEDY_RE = re.compile(r"\b(?:dark|darker|black|pitch[- ]black)\s+(?:comed(?:y|ies)|humou?r)\b", re.IGNORECASE)
DARK_KINDS = tuple(("genre", g) for g in ("Crime", "Thriller", "War", "Horror", "Film-Noir"))
OK_OPENER = re.compile(r"\s*(?:ok(?:ay)?|alright|right|so|now)\b", re.IGNORECASE)
# a search for someone else now ("Now for me, I would love a Hitchcock picture", "and now something for the kids"):
# afresh, with what follows (the first audience's wishes do not carry over)
NEW_AUDIENCE_RE = re.compile(r"^\s*(?:(?:ok|okay|right|and|so|alright)[\s,]+)*(?:now|next)\s*,?\s+"
                             r"(?:something\s+|a film\s+|one\s+)?for\s+"
                             r"(?:me|myself|us|him|her|them|the\s+\w+|my\s+\w+)\b|"
                             r"^\s*(?:(?:ok|okay|and)[\s,]+)*(?:something\s+|one\s+)?for\s+(?:me|myself)\s+now\b|"
                             r"^\s*(?:and|then|as)\s*,?\s+(?:now\s+)?(?:something\s+|one\s+|a film\s+)?for\s+"
                             r"(?:me|myself|us)\b",
                             re.IGNORECASE)
# one film asked for by name: "can you show me back to the future?", "aladdin pls", "but where is titanic?"
SHOW_FILM_RE = re.compile(r"^\s*(?:(?:so|ok|okay|then|now|and|oh|um|hmm|wait|actually|please|no|nah|i meant)"
                          r"[\s,]+)*(?:(?:can|could|would|will) (?:you|u) "
                          r"(?:please |pls )?|please |pls |just |simply |kindly )*"
                          r"(?:show me|show us|give me|gimme|pull up|put on|bring up|find me|get me)"
                          r"\s+(?P<film>[^,.!?()]+?)(?:\s*\(\s*\d{4}\s*\))?"
                          r"(?:(?:[,.!]+\s*|\s+)(?:please|pls|plz|i want (?:it|that one|"
                          r"to (?:see|watch) it)|i'?d like (?:it|that one|to (?:see|watch) it)|thanks?|thx|ty))*"
                          r"\s*[?.!]*\s*$",
                          re.IGNORECASE)
FILM_PLEASE_RE = re.compile(r"^\s*(?P<film>[^,.!?]{2,60}?)\s*,?\s*(?:please|pls|plz)\s*[?.!]*\s*$", re.IGNORECASE)
# a film's name alone, asked after ("gattaca??" after asking whether the catalog has it; "twelve monkeys?", its
# exact name with one mark): shown, not liked
FILM_ASKED_RE = re.compile(r"^\s*(?:(?:and|so|um+|hmm+)[\s,]+)?(?!(?:why|y|what|whats|how|who|where|when|is|are|was|"
                           r"does|did|do|can|could|any|anything|got|have|u|you)\b)(?P<film>[^,.!?]{2,60}?)\s*"
                           r"(?P<marks>\?+)\s*$", re.IGNORECASE)
WHERE_FILM_RE = re.compile(r"^\s*(?:(?:but|so|and|wait|oh|hey|um)[\s,]+)*where(?:'?s| is| did| has| have)\s+"
                           r"(?P<film>[^,.!?]+?)(?:\s+(?:go|gone|went))?\s*\?+"
                           r"(?:\s+(?:(?:that'?s|that is|it'?s|it is) the one (?:i|we)|(?:i|we)) (?:want|wanted)[^.!?]*"
                           r"[.!]*)?\s*$",
                           re.IGNORECASE)
WHY_FILM_RE = re.compile(r"^\s*(?:why|y|how come|explain)\s+(?:(?:did|do|would) (?:you|u) (?:mark|put|call|list|label|"
                         r"rate|show|pick|choose|suggest|recommend)\s+)?(?P<what>[^?!,]{2,60}?)"
                         r"(?:\s*[?.!]*\s*$|\s*\?+|\s+as\s+(?:only\s+)?(?:a\s+)?\w+\s*\?+)", re.IGNORECASE)
# "why is ghost a comedy lol", "how come fargo is a comedy?": a film's kind (or other fact) questioned
WHY_IS_FILM_RE = re.compile(r"^\s*(?:(?:but|so|wait|um|hmm|ok)[\s,]+)?(?:why|y|how|how come)\s+(?:is|was|'s|are)\s+"
                            r"(?P<film>[^?!,]{2,60}?)\s+(?:a|an|called|considered|listed as|marked as|rated)\s+"
                            r"[^?!,]{2,40}?\s*[?!.]*\s*(?:lol|lmao|haha|\?|!)*\s*$|"
                            r"^\s*how come\s+(?P<film2>[^?!,]{2,60}?)\s+(?:is|was|'s)\s+(?:a|an)\s+[^?!,]{2,40}?"
                            r"\s*[?!.]*\s*$", re.IGNORECASE)
# "why that one, ...": the card the talk is on questioned, and more said after it
WHY_THAT_RE = re.compile(r"^\s*(?:why|y)\s+(?:(?:do|did|would)\s+)?(?:(?:you|u)\s+(?:show|give|suggest|pick|"
                         r"recommend)(?:ed)?\s+(?:me\s+)?)?(?:that|this)(?:\s+one)?\s*[,?!.;:-]", re.IGNORECASE)
# "blade runner is action?": whether a film is of a kind, asked in the order some people type it
FILM_FIRST_KIND = re.compile(r"^\s*(?P<film>[^,.!?]{2,50}?)\s+(?:is|was)\s+(?:an?\s+)?(?P<kind>[\w-]+(?:\s[\w-]+)?)"
                             r"(?:\s+(?:film|movie))?\s*\?+", re.IGNORECASE)
# "men in black is funny?", "hunchback is kinda dark no?": the question in the order some people type it
FILM_FIRST_QUESTION = re.compile(rf"^\s*(?P<film>[^,.!?]{{2,50}}?)\s+(?:is|was)\s+(?P<what>(?:(?:{_DEGREE})\s+)?"
                                 rf"(?:{_QUALITY}|rated [\w-]+))(?:\s*,?\s*(?:no|yes|right))?\s*\?+", re.IGNORECASE)
IT_WORDS = {"it", "that", "this", "its"}
# "spooky but not gory", "scary, i'm a wimp": milder films of a kind asked for in the same message (a plain "not"
# before a kind's name after it was asked for is a change of mind: "a horror film ... no horror")
PLAIN_MILDER_RE = re.compile(r"\b(?:not|nothing|no|nothin)\s+(?P<what>gory|gorey|bloody|violent|brutal|graphic|"
                             r"scary|gore|violence)\b|(?P<wimp>\bwimp\b|scaredy ?cat|scare easily|easily scared|"
                             r"get scared easily)", re.IGNORECASE)
ONLY_THAT_RE = re.compile(r"^\s*(?:ok(?:ay)?,?\s+)?(?:only|just)\s+(?!(?:one|a|an|the|some|films?|movies?|show|give|"
                          r"something|anything|pick|want|looking|need|wanna|tell|seen|saw|watched|like|liked|loved|"
                          r"curious|wondering|asking|kidding|joking|browsing|checking)\b)", re.IGNORECASE)
CALM_DOWN = {("chill",), ("calm",)}  # moods that are also what one says to calm someone down ("ok chill")
# "not too scary", "less gory", "nothing overly violent": milder films of that kind, when it is wanted (of the
# kinds a rating measures: "not too silly" is no wish for a milder rating)
INTENSE = {"Horror", "Action", "Crime", "War", "Thriller", "Film-Noir"}
MILDER_RE = re.compile(r"\b(?:(?:not|nothing|isn'?t|aren'?t|without being)\s+(?:way\s+|that\s+)?"
                       r"(?:too|to|two|2|so|overly|very|super|excessively|that)|less|not as)"
                       r"\s+(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)",
                       re.IGNORECASE)
# how the person feels, not what they want to watch: "i am sad today", "feeling a bit down"
OWN_MOOD_RE = re.compile(r"\b(?:i'?m|i am|im|i feel|feeling|i'?ve been)\s+(?:so\s+|a bit\s+|a little\s+|kinda\s+|"
                         r"really\s+|very\s+|quite\s+|pretty\s+)?(?:sad|down|blue|low|depressed|upset|stressed|"
                         r"tired|bored)\b(?:\s+(?:today|tonight|lately|atm|rn))?", re.IGNORECASE)
# a yes-or-no question about the film the talk is on, or a card: "is it PG?", "the 2nd one, is that with
# michael j fox?", "does it have tom hanks in it?"; ``what``: the values asked about
VALUE_QUESTION = re.compile(r"(?:^|[,;.!?]\s*|\b(?:and|so|ok|wait|hmm)\s+)(?:is|was|does|did|has)\s+(?:it|that|this)"
                            r"(?:\s+one|\s+film|\s+movie)?\s+(?:got\s+|have\s+)?(?P<what>[^?.!]{1,40}?)"
                            r"(?:\s+in\s+it)?\s*\?+\s*$", re.IGNORECASE)
# the same about a film named: "is sabrina the harrison ford one?", "is fargo in english?", "is heat with pacino?"
FILM_VALUE_QUESTION = re.compile(r"^\s*(?:is|was)\s+(?P<film>.{2,50}?)\s+(?:the\s+(?P<one>.{2,40}?)\s+one|"
                                 r"(?P<what>(?:in|with|from|rated|by|a|an)\b.{1,40}?))\s*\?+\s*$", re.IGNORECASE)
FILM_VALUE_QUESTION_LONG = re.compile(FILM_VALUE_QUESTION.pattern.replace("(?P<film>.{2,50}?)", "(?P<film>.{2,50})"),
                                      re.IGNORECASE)
# "Alien or Aliens?", "heat or casino, which is better?", "should i watch big or splash": a choice
# between two films named, asked of me; ``rest``: what is asked of them ("which is scarier")
CHOICE_RE = re.compile(r"^\s*(?:(?:so|ok|okay|hmm+|and|well)[,\s]+)?(?:(?P<lead>which\b[^,:]{0,40})[,:]\s*)?"
                       r"(?P<should>(?:should|shall|do) (?:i|we) "
                       r"(?:watch|go with|pick|see|choose)\s+)?(?P<a>[^,?;!]+?)\s+(?:or|vs\.?|versus)\s+"
                       r"(?P<b>[^,?;!\u2014\u2013]+?)"
                       r"\s*(?P<rest>(?:[,?;!\u2014\u2013]|-\s|\bwhich\b).*)?$", re.IGNORECASE)
CHOICE_REST = {"which", "one", "is", "s", "would", "be", "the", "film", "movie", "of", "them", "two", "do", "you",
               "think", "recommend", "should", "i", "we", "watch", "pick", "better", "best", "more", "less", "most"}
# the comparison a choice asks for: "which is scarier?" is "the scariest" of the two
COMPARATIVES = {"scarier": "scariest", "funnier": "funniest", "longer": "longest", "shorter": "shortest",
                "older": "oldest", "newer": "newest", "better": "best", "sadder": "saddest",
                "more violent": "most violent", "less scary": "least scary", "darker": "darkest",
                "better reviews": "best", "better reviewed": "best", "best reviews": "best", "best reviewed": "best",
                "higher rated": "best", "highest rated": "best", "better rated": "best", "best rated": "best"}
COMPARATIVE_RE = re.compile(r"\b(" + "|".join(map(re.escape, [*COMPARATIVES, *COMPARATIVES.values()])) + r")\b",
                            re.IGNORECASE)
# "which is the scariest?", "which one's the shortest": a comparison among the films shown
WHICH_RE = re.compile(r"^\s*(?:ok\s+|so\s+|and\s+)?(?:which(?: one| film| movie)?(?: of (?:these|them|those))?\s*"
                      r"(?:is|'s|s|would be|has|got)|what(?:'?s| is))\s+(?:the\s+)?(scariest|funniest|longest|"
                      r"shortest|oldest|newest|best(?= rated| reviewed| reviews| one| of| film| movie|\s*[?.!]*\s*$)|"
                      r"saddest|darkest|most violent|least scary|most recent)(?:\s+(?:rated|reviewed|reviews))?"
                      r"(?:\s+(?:one|film|movie))?"
                      r"(?:\s+(?:of (?:these|them|those)|here|there|then))?\s*[?.!]*\s*$", re.IGNORECASE)
# a verdict in other words: "neither did much for me", "it did nothing for me", "didn't do anything for me"
NOTHING_FOR_ME_RE = re.compile(r"\b(?:(?:both|it|they|that|which) )?(?:did|do|does) (?:nothing|little|not much)"
                               r"(?= for me\b)|\bneither (?:did|do|does) (?:much|anything)(?= for me\b)|"
                               r"\b(?:didn'?t|did not|doesn'?t|does not|don'?t) do (?:much|anything|"
                               r"it)(?= for me\b)", re.IGNORECASE)
# "please take off the lion king and dumbo", "get rid of dumbo": those films set aside (they had been liked); of
# values ("drop the horror", "remove tom hanks") the constraint is dropped as before
TAKE_OFF_RE = re.compile(r"^\s*(?:(?:please|pls|plz|can you|could you|now|ok|okay|and)[\s,]+)*(?:take off|take away|"
                         r"remove|get rid of|drop|lose|ditch|scrap|bin)\s+(?P<films>.+?)[\s.!]*$", re.IGNORECASE)
# "we've already done jumanji this week": seen (not "i'm done", "done with horror")
DONE_FILMS_RE = re.compile(r"\b(already|just) (?:done|had)\b(?! with\b)", re.IGNORECASE)
# a film scored ("highlander: 8/10", "four rooms ★★☆☆☆", "breakdown was a 7", "i'd give nixon a 9 and u turn a 3"):
# 7 or more of 10 (4 or 5 stars) is liked, 4 or less (1 or 2 stars) disliked, between is "meh"; a score as a floor
# ("at least an 8/10", "4 stars or more") is praise of what is asked for, no verdict
_SCORE = (r"(?:(?P<n>\d{1,2}(?:\.\d)?)\s*(?:/|out\s+of\s+)(?P<d>10|5)\b|"
          r"(?P<stars>[\u2605\u2b50]+)\s*\u2606*|(?P<sn>[1-5](?:\.5)?)\s+stars?\b)")
_SCORE_ANY = re.sub(r"\?P<\w+>", "?:", _SCORE)  # the same, for a second place in one pattern (no names twice)
SCORE_FLOOR_RE = re.compile(r"\b(?:(?:the\s+)?(?:critics?|reviewers?)\s+)?"
                            r"(?:(?:gave|give|rated?)\s+(?:it\s+|them\s+)?)?"
                            r"(?:(?:at\s+least|minimum(?:\s+of)?|over|above|more\s+than|an?|some)\s+(?:an?\s+)?"
                            + _SCORE
                            + r"|" + _SCORE_ANY
                            + r"\s+(?:or\s+(?:more|higher|above|better)|and\s+(?:up|above)|plus)\b)", re.IGNORECASE)
SCORE_FOR_RE = re.compile(r"(?P<start>^\s*|[,.;!]\s*)" + _SCORE + r"\s+for\b", re.IGNORECASE)  # "10/10 for big night"
SCORE_IS_RE = re.compile(r"\b(?P<verb>is|was|s|were|are)\s+(?:an?\s+)?(?:(?:solid|strong|easy|clear|hard)\s+)?"
                         + _SCORE, re.IGNORECASE)
SCORE_GIVEN_RE = re.compile(r"\b(?:i'?d\s+|i\s+would\s+|i'?ll\s+|i\s+will\s+|i\s+)?"
                            r"(?:give|gave|rate|rated|score|scored)\s+(?P<what>[^,.;!?]*?[^\s,.;!?])\s+(?:an?\s+)?"
                            + _SCORE
                            + r"(?!\s+(?:or\s+(?:more|higher|above|better)|and\s+(?:up|above)|plus)\b)", re.IGNORECASE)
SCORE_GAVE_RE = re.compile(r"\b(?:i'?d\s+|i\s+would\s+|i\s+)?(?:give|gave|rate|rated|score|scored)\s+"
                           r"(?=[^,.;!?]{0,60}?" + _SCORE + ")", re.IGNORECASE)
SCORE_RE = re.compile(r"\s*(?:[:=-]|\bis|\bwas|\bgets?|\bgot)?\s*" + _SCORE, re.IGNORECASE)
_BARE = r"(?:an?\s+)(?:(?:solid|strong|easy|generous|weak|mere|measly|hard|clear)\s+)?(?P<n>10|[0-9](?:\.5)?)\b" \
        r"(?!\s*(?:/|" \
        r"out|%|years?|yrs?|yo|minutes?|mins?|hours?|hrs?|of|stars?|films?|movies?|ones?|times?|people|kids?|" \
        r"year|th\b|s\b))"
SCORE_WAS_RE = re.compile(r"\b(?P<verb>was|is|s|were|are|looks|seems|still)(?:\s+like)?\s+" + _BARE, re.IGNORECASE)
# "heavenly creatures, a 2 at best": a clause that is a score alone, with its hedge
SCORE_AT_BEST_RE = re.compile(r"(?:\b(?P<verb>was|is|s|were|are|still)\s+|(?P<start>(?:^|[,:;]|\s-)\s*))" + _BARE
                              + r"\s+at\s+(?:best|most)\b", re.IGNORECASE)
SCORE_GIVE_RE = re.compile(r"\b(?:(?:i'?d|i\s+would|i'?ll|i\s+will|i)\s+)?(?:give|gave|rate|rated|score|scored)\s+"
                           r"(?P<what>(?:(?!\b(?:an?|and)\b)[^,.;!?])*?)\s*" + _BARE
                           + r"(?:(?:\s*(?:,|and)\s+(?:(?!\b(?:an?|and)\b)[^,.;!?])+?\s+" + _BARE.replace(
                               "?P<n>", "?:") + r")*)(?:\s+at\s+(?:best|most))?", re.IGNORECASE)
# "scream is mid", "kinda mid": a verdict at the end of a clause (not "mid 90s", "mid-length")
MID_RE = re.compile(r"(^\s*|\b(?:is|was|are|r|kinda|so|pretty|lowkey|honestly|bit|very|mostly|just|looks|look|"
                    r"seems|sounds)\s+)mid\b(?=\s*(?:[,.;!?]|$|but\b|and\b|tbh\b|tho\b|though\b|ngl\b|imo\b|"
                    r"whats\b|what\b|lol\b))", re.IGNORECASE)  # ("beverly hills ninja looks mid tho")
# "what else did the coen brothers make": the person's other films, a fresh search (the earlier filters go)
# a message that opens by throwing the whole search away: a new one follows ("scrap everything, i want a
# 70s horror now"; not "forget the 80s", which drops one value)
RESTART_RE = re.compile(r"^\s*(?:(?:ok|okay|right|so|nah|no|uff|ugh|argh|sigh|fine)[\s,.!]+){0,2}(?:actually[\s,]+)?"
                        r"(?:(?:scrap|forget|ditch|drop|"
                        r"bin|toss|clear|nvm|never ?mind)\s+(?:everything|all (?:of )?(?:that|this|it)|it all|"
                        r"all(?=\s*[,.!:;]|\s*$)|"
                        r"all that stuff|all my answers)\b|(?:a\s+)?(?:new|change of) plans?\b|"
                        r"(?:a\s+)?(?:clean|blank|fresh) slate\b|back to square one\b|"
                        r"switching(?:\s+(?:it\s+up|gears|topics?))?\s*[:,-]|(?:a\s+)?(?:diff|different|new|another)\s+"
                        r"(?:request|question|search|thing)(?:\s+now)?\s*[:,-]|"
                        r"(?:a\s+)?(?:different|new|another) direction\b|something (?:completely|totally|entirely) "
                        r"different\b)"
                        r"|^\s*(?:(?:ok|okay|right|so|nah|no)[\s,.!]+)?(?:lets\s+|let's\s+|we\s+)?(?:start|begin) "
                        r"(?:over|again|fresh|afresh|from scratch)\b",
                        re.IGNORECASE)
# a kind of constraint taken back as a whole: "ok forget the length", "any decade is fine", "the era
# doesn't matter" (the words for an attribute type -> the type)
TYPE_WORDS = {"length": "runtime", "runtime": "runtime", "duration": "runtime", "running time": "runtime",
              "decade": "decade", "decades": "decade", "era": "decade", "year": "decade",
              "genre": "genre", "genres": "genre", "age rating": "mpaa", "rating": "mpaa", "certificate": "mpaa",
              "reviews": "critics", "critics": "critics", "language": "language", "country": "country",
              "actor": "cast", "actors": "cast", "actress": "cast", "cast": "cast", "director": "director",
              "directors": "director"}  # ("any actor's fine, just no dan aykroyd")
_TYPE = "|".join(sorted(TYPE_WORDS, key=len, reverse=True))
DROP_TYPE_RE = re.compile(rf"\b(?:forget|drop|ignore|scrap|ditch|lose|remove|never ?mind|nvm|bin|skip)\s+(?:about\s+)?"
                          rf"(?:the\s+|that\s+)?({_TYPE})(?:\s+(?:thing|bit|part|filter|limit))?\b(?!\s+\w+s\b)"
                          rf"|\b(?:any|whatever|whichever)\s+({_TYPE})\s*(?:is|'s|s|works|will do|would do)?\s*"
                          rf"(?:fine|ok|okay|good|great)?\b"
                          rf"|\b(?:the\s+)?({_TYPE})\s+(?:doesn'?t|does not|don'?t|do not|no longer)\s+matters?\b"
                          rf"|\b(?:(?:don'?t|do not|dont|doesn'?t)\s+(?:really\s+)?(?:care|mind)|not (?:really )?"
                          rf"(?:fussed|bothered))\s+(?:about\s+)?(?:what|which|the|about|any)?\s*({_TYPE})\b",
                          re.IGNORECASE)
# what may stand between two values of one type that are either-or ("pacino or de niro", "war or western")
# ("a war film or a western", "a comedy, or maybe a romance")
OR_BETWEEN = {(*film, *tie, *article) for film in ((), ("film",), ("films",), ("movie",), ("movies",), ("flick",))
              for tie in (("or",), ("or", "maybe"), ("or", "with"), ("or", "perhaps"), ("or", "even"))
              for article in ((), ("a",), ("an",), ("some",))}
# "i didnt say anything about contact", "i never said i liked fargo": a correction of what was noted
# (``Parser._unsaid``)
_NOT_SAID = r"\bi\s+(?:never|didn'?t|didnt|did not|dint)\s+(?:say|said|mention(?:ed)?|tell you|told you|wr[io]te)\s+"
_VERDICT = (r"(?:liked?|loved?|hated?|disliked?|(?:didn'?t|didnt|did not|don'?t|dont)\s+like|(?:had |have |'ve )?seen|"
            r"saw|wanted|want)")
UNSAID_RE = re.compile(_NOT_SAID + r"(?:(?:anything|a (?:thing|word)|nothing)\s+(?:about|on|of)\s+|(?:that\s+)?i\s+"
                       + _VERDICT + r"\s+)(?P<x>[^.,;!?]{2,40}?)\s*(?=[.,;!?]|$)", re.IGNORECASE)
# "i was asking whether you could show them to me", "i asked if u HAVE it": a question about a film, not a like of it
ASKED_ONLY_RE = re.compile(r"[-\u2013,;.]*\s*\b(?:i\s+was\s+(?:just\s+|only\s+|merely\s+)?asking|(?:i'?m|im|i\s+am)\s+"
                           r"(?:just\s+|only\s+)?asking|i\s+(?:just\s+|only\s+)?asked(?=\s+(?:if|whether|about|u|you|what|how|who)\b))"
                           r"(?:\s+(?:if|whether|about|u|you)\b[^.!?,;]*)?", re.IGNORECASE)
# "i've never actually seen it", "we haven't seen either of them": no verdict, only what was not seen
NOT_SEEN_SAID_RE = re.compile(r"\b(?:(?:i|we)(?:'ve|ve)?\s+)?(?:have\s+never|havent|haven'?t|have\s+not|never|not)\s+"
                              r"(?:actually\s+|ever\s+|even\s+)?(?:seen|watched)\s*(?:it|that|them|those|either(?:\s+of"
                              r"\s+them)?|both(?:\s+of\s+them)?)?(?:\s+(?:yet|before))?\b", re.IGNORECASE)
# "I said I have NEVER SEEN Goodfellas - so suggest it!", "I said I HAVEN'T seen Dark City or Bound - please put them
# back": the films were liked for a question about them, and hidden (round thirty-three)
UNSEEN_SHOW_RE = re.compile(r"\b(?:i\s+(?:said|told\s+you)\s+)?(?:i|we)\s+(?:have\s+)?(?:never|haven'?t|havent|"
                            r"have\s+not)\s+(?:actually\s+|ever\s+)?seen\s+(?P<x>[^.,;!?\u2013-]{2,60}?)\s*[-\u2013,.;!]+\s*(?:so\s+)?"
                            r"(?:please\s+|pls\s+)?(?:suggest|show|put|give|recommend|bring)\b[^.!?]*", re.IGNORECASE)
# "wait you said i liked AND didnt like die hard??": the bot's words said back, not a verdict
REPORTED_RE = re.compile(r"^\s*(?:(?:wait|hold on|hang on|huh|um+|hmm+|erm)\b[\s,.!]*)?(?:you|u)\s+(?:said|say|think|"
                         r"thought|wrote|put|noted|have)\s+(?:that\s+)?i\s+(?:\w+\s+){0,6}?" + _VERDICT
                         + r"\s+(?P<x>[^.,;!?]{2,40}?)\s*\?+", re.IGNORECASE)
# "i never saw clueless, i just dont want it": not seen, and not wanted (it had been liked)
UNSEEN_RE = re.compile(r"\bi\s+(?:never|didn'?t|didnt|did not)\s+(?:saw|see|seen|watched)\s+(?P<x>[^.,;!?]{2,40}?)\s*"
                       r"[,;.]\s*i\s+(?:just\s+|simply\s+)?(?:don'?t|dont|do not)\s+(?:want|like)\s+(?:it|that|"
                       r"that one)\b", re.IGNORECASE)
VERDICT_ON_IT_RE = re.compile(r"(?P<head>\bi\s+(?:(?:do|really|actually|did|totally|def(?:initely)?)\s+)*(?:like|love|"
                              r"liked|loved|hate|hated|dislike|disliked)\s+)(?:it|that one|that)\b", re.IGNORECASE)
# words that end an either-or ("a comedy or not a horror", "drama or anything but a documentary")
NOT_DESCRIPTIVE = {"not", "no", "nor", "but", "and", "without", "than", "except", "never", "any", "anything", "with",
                   "or", "nothing", "rather", "instead", "then"}


def or_between(toks: list[str]) -> bool:
    """The words between two values of a kind join them as alternatives: "or", "or maybe a", and up to two
    plain words that describe the second ("a quiet drama or a nature documentary": either; it had wanted both)."""
    return any(tuple(toks[:k]) in OR_BETWEEN and len(toks) - k <= 2 and all(
        t.isalpha() and t not in NOT_DESCRIPTIVE for t in toks[k:]) for k in range(1, min(len(toks), 5) + 1))


# questions put another way, read first: "is the tango lesson a british film? or argentinian" (one question of
# either; "or argentinian" had asked for Argentine films) and "and the piano, is that australian?" (of the film
# just named; it had been asked of the one before)
QUESTION_FORMS = tuple((re.compile(a, re.IGNORECASE), b) for a, b in (
    (r"^(?P<q>\s*(?:is|was|are)\s+[^?]{2,60}?)\s*\?\s*or\s+(?P<alt>[\w'-]+)\s*\??\s*$", r"\g<q> or \g<alt>?"),
    (r"^\s*(?:and\s+|what about\s+|how about\s+)?(?!(?:ok|okay|so|yeah|yes|hmm+|well|wait|right|sure|cool|nice|"
     r"great|alright|k|um+|uh+|oh|also|and|but|then|hey|hi|lol|thanks|thx|no|nah|and also)\s*,)"
     r"(?!(?:anyway|the\s+(?:\d\w*|first|second|third|fourth|fifth|last|other)|number|no\.|#)\b)"
     r"(?P<x>(?:(?!\b(?:looks?|looked|seems?|sounds?|is|was|are|were|i|you)\b)[^,?]){2,40}?),\s*"
     r"(?:is|was)\s+(?:that|it)\s+(?P<rest>[^?]{2,40})\?", r"is \g<x> \g<rest>?")))
# plain words for what round twenty-nine's people said (``Parser.parse``, before anything else)
_NATION_WORDS = (r"(?:italian|french|german|english|american|british|spanish|japanese|swedish|chinese|russian|indian|"
                 r"mexican|irish|australian|canadian|danish|dutch|polish|czech|hungarian|korean|greek|brazilian)")


def _catalog_question(m: re.Match) -> str:
    """"close encounters? hook? the color purple? are they there": "is close encounters or hook or the color purple
    here?\""""
    items = [x.strip() for x in re.split(r"\?+", m.group("items")) if x.strip()]
    return f"is {' or '.join(items)} here?"


PLAIN_FORMS = tuple((re.compile(a, re.IGNORECASE), b) for a, b in (
    # round nineteen's people: a gamer ("reroll", "locking in 2", "buff the action, nerf the romance", "F tier",
    # "load last save", "loot drop"), a Southern speaker ("that dog won't hunt", "we done seen 1", "might could",
    # "bless her"), a German speaker writing English ("I have Lust for a Komödie", "I search a good Krimi, gladly
    # with ...", "take away the 70s", "the first I know already"), a night-shift nurse ("a brutal shift")
    (r"\brerol+(?:\s+(?:it|them|these|those|the\s+(?:list|lot|cards)))?\b", "something else"),
    (r"\b(?:re)?load(?:ing)?\s+(?:the\s+|my\s+|a\s+)?(?:last\s+|previous\s+|old\s+)?save\b", "undo"),
    (r"\block(?:ing|ed)?\s+in\s+(?:number\s+|#\s*)?(\d)\b", r"I'll take number \1"),
    (r"\bbuff\s+(?:the\s+|up\s+the\s+)?(?=\w)", "more "), (r"\bnerf\s+(?:the\s+)?(?=\w)", "no "),
    (r"\b(?:is|was|are|were)\s+(?:s|god|top)[- ]tier\b", "is the best"),
    (r"\b(?:is|was|are|were)\s+(?:d|e|f|z|trash|garbage|bottom)[- ]tier\b", "was awful"),
    (r"\bloot\s+drop\s+time\b|\bshow\s+me\s+the\s+(?:goods|loot)\b|\bdrop\s+the\s+loot\b", "show me films"),
    (r"\b(?:that|this|it)\s+dog\s+(?:won'?t|will\s+not|don'?t|ain'?t\s+gonna)\s+hunt\b|"
     r"\b(?:that|this|it|these|those|they)\s+(?:ain'?t\s+gonna|won'?t|will\s+not|(?:does|do)\s*n'?o?t)\s+cut\s+it\b",
     "no"),
    (r"\b(i|we|they|you)\s+done\s+(seen|watched|saw)\b", r"\1 have seen"), (r"\bmight\s+could\b", "could"),
    (r"\bright\s+(fine|good|nice)\b", r"\1"), (r"\s*,?\s*\bbless\s+(?:her|him|them)(?:\s+(?:heart|soul))?\b", ""),
    (r"\bgood\s+'un\b", "good one"),
    (r"\b(?:i|we)\s+have\s+(?:a\s+|some\s+)?lust\s+(?:for|on)\b", "I feel like"),
    (r"\b(i|we)\s+search\s+(?:for\s+)?(?=a\b|an\b|some\b|something\b|films?\b|movies?\b)", r"\1 am looking for "),
    (r"\bgladly\s+with\b", "preferably with"),
    (r"\btake\s+away\s+(?=the\b|all\b|any\b|that\b|those\b)", "drop "),
    (r"\b(?:i\s+|we\s+)?know\s+(it|that(?:\s+one)?|them|those|these|both)\s+already\b", r"seen \1 already"),
    (r"\b(first|second|third|fourth|fifth|last)(?:\s+one)?\s+(?:i|we)\s+know\s+already\b", r"\1 seen already"),
    (r"\b(?:i'?ve\s+|i\s+|just\s+)?(?:had|pulled|worked|finished|came\s+off|got\s+off)\s+(?:a|another)\s+"
     r"(?:long|brutal|double|night|late|(?:twelve|12|ten|10)[- ]hour)\s+shift\b,?", ""),
    (r"(\bdrop\b[^.!?]*?),?\s*(?:that|it)\s+was\s+(?:a\s+|my\s+)?mistake\b", r"\1"),
    (r",?\s*(?:or\s+|else\s+)?(?:i'?ll|i\s+will|i'?d|i\s+would|i\s+won'?t|we'?ll)\s+(?:be\s+up\s+all\s+night|have\s+"
     r"nightmares|never\s+sleep|not\s+sleep|get\s+nightmares|be\s+sleeping\s+with\s+the\s+light\s+on)\b", ""),
    (r",?\s*(?:anything|nothing)\s+(?:higher|more|stronger|worse|longer|older)\s+(?:than\s+that\s+)?(?:is\s+)?"
     r"(?:too\s+much|out|a\s+no|no\s+good)(?:\s+for\s+(?:me|us|them|him|her|the\s+kids))?\b", ""),
    (r"\bthis\s+one\s+(?:we|i)\s+(?:take|pick|choose|want)\b", "we'll take this one"),
    (r"\b(noth|someth|anyth)in\b", r"\1ing"), (r"\bgorey\b", "gory"),  # "plz nothin gorey, i go all wobbly"
    (r",?\s*(?:i|we)\s+(?:go|get|feel|went)\s+(?:all\s+)?(?:wobbly|queasy|faint|woozy|squeamish)\b", ""),
    (r"\b(dumb|thick|daft)\s+as\s+a\s+(?:box|bag|sack|bucket)\s+of\s+(?:rocks|hammers|bricks|frogs)\b", r"\1"),
    (r"\b(?:i\s+)?(?:just\s+)?(?:got|came)\s+off\s+(?:a|my|the)\s+(?:(?:long|gaming|late|night|work)\s+)?"
     r"(?:sesh|session|shift|call|flight|plane|train)\b,?", ""),
    (r"\bbring\s+in\s+(?=[a-z])(?!the\s+(?:\d|[a-z]+s\b))", "with "),
    (r"\bzero\s+(?!stars?\b|percent\b|%|\d|out\b)(?=[a-z])", "no "),
    (r"\b(?:don'?t|do\s+not)\s+(?:you\s+)?(?:be\s+)?(?:showing|show|giving|give)\s+(?:me\s+|us\s+)?no\b", "no"),
    (r"\s+for\s+next\s+(?:month|week)\b|\s+(?:already\s+)?this\s+season\b", ""),
    (r"\b(we'?ve|we\s+have|i'?ve|i\s+have)\s+(?:already\s+)?(?:screened|shown)\b", r"\1 seen"),
    (r"(?<!\bafter )(?<!\bonce )(?<!\bwhen )(?<!\buntil )(?<!\btill )(?<!\bbefore )(?<!\bthe )(?<!\bmy )\b"
     r"(?:the\s+|my\s+)?"
     r"(?:kids|children|little\s+ones)\s+(?:are\s+)?(?:(?:now\s+)?in\s+bed|asleep|(?:have\s+)?gone\s+to\s+"
     r"bed)\b(?:[^.!?]*\bgrown[- ]?up\s+(?:film|movie|one)(?:\s+now)?)?", "remove children"),  # ("kids in bed, it can
    # be a grown-up film now")
    (r"(?P<x>\b[^,.;!?]{2,40}?)\s*[?,;]\s*(?:a\s+|an\s+)?(?:total\s+|complete\s+|real\s+)?(?:airball|own\s+goal)\b"
     r"(?:\s+from\s+start\s+to\s+finish)?", r"\g<x> was awful"),  # ("but the big green? own goal ...")
    # "terminator and back to the future are NOT hidden gems man", "return of the jedi is not low profile lmao": too
    # well known, not now (each had been liked)
    (r"(?P<lead>^|[.!?;]\s+)(?P<x>[^.!?;]{2,80}?)\s+(?:is|are|r)\s+(?:not|n'?t)\s+(?:exactly\s+|really\s+|remotely\s+)?"
     r"(?:an?\s+)?(?:hidden\s+gems?|obscure|low[- ]profile|underrated|lesser[- ]known|little[- ]known|deep\s+cuts?)\b",
     r"\g<lead>not \g<x>, too famous"),
    (r"\b(?P<v>seen|watched|saw|loved|hated|liked)\s+'?em\b", r"\g<v> them"),
    # "was there not one on a boat in Africa with Katherine Hepburn?": a question, no refusal (it had ruled her out)
    (r"\b(?P<v>was|is|were|are)(?:\s+there)?\s+not\s+(?=(?:there\s+)?(?:one|a\s+film|a\s+movie|something)\b)",
     r"\g<v> there "),
    (r"\b(?P<v>was|is|were|are)n'?t\s+there\s+(?=(?:one|a\s+film|a\s+movie|something)\b)", r"\g<v> there "),
    # "and answer about blade runner", "u didnt answer about lion king": a question of it (it had been liked, or set
    # aside)
    (r"\b(?:(?:u|you)\s+)?(?:(?:didn'?t|didnt|never|still\s+didn'?t|still\s+didnt)\s+)?answer(?:ed)?\s+(?:me\s+)?"
     r"(?:about|on|re:?)\s+", "tell me about "),
    # "sex lies and videotape and my favorite year are the right idea", "down by law + paris texas = exactly right":
    # praise (they had been disliked with the films "not so much" after them)
    (r"\b(?P<v>is|are|r|=)\s+(?:(?:exactly|just|totally|definitely)\s+)?(?:the\s+right\s+(?:idea|kind|vibe|direction|track|"
     r"stuff)|spot\s+on|exactly\s+right|(?:much\s+)?more\s+like\s+it)\b", r"\g<v> great"),
    # "he says maverick is a western and he hates westerns": two clauses (the second had been read into the first, and
    # westerns asked for)
    (r"\s+and\s+(?=(?:he|she|they|my\s+\w+)\s+(?:hates?|can'?t\s+stand|doesn'?t\s+like|does\s+not\s+like|loathes?|"
     r"despises?)\b)", ", "),
    # "days of thunder is literally him. no cruise pls": the film has the person refused, and is set aside (it had been
    # liked)
    (r"(?P<lead>^|[.!?;]\s+)(?P<x>[^.!?;,]{2,60}?)\s+(?:is|was)\s+(?:literally|basically|totally|all)\s+(?:him|her)\b",
     r"\g<lead>not \g<x>"),
    # "i havent even seen gattaca": not seen (it had been seen)
    (r"\b(?P<n>haven'?t|havent|have\s+not|never|hasn'?t|has\s+not|didn'?t|didnt)\s+even\s+(?P<v>seen|watched|see|watch)\b",
     r"\g<n> \g<v>"),
    # "under like 90 min": under 90 minutes (it had been lost)
    (r"\b(?P<a>under|over|less\s+than|more\s+than|below|above|max|at\s+most|no\s+more\s+than)\s+(?:like|about|around|"
     r"roughly|maybe|say)\s+(?=\d)", r"\g<a> "),
    # "... without the little one having nightmares", "she gets nightmares easily": nothing scary
    (r"^(?P<pre>[^?]*?)\b(?:without\s+[^.,!?;]{0,40}?\s+)?(?:having|get|gets|getting)\s+nightmares(?:\s+easily)?\b",
     r"\g<pre> nothing scary"),  # (not after a question: "is pinocchio scary? my 7 year old gets nightmares easily" is
    # answered, then read on)
    (r"\b(?:that\s+)?(?:won'?t|wont|will\s+not|doesn'?t|doesnt|does\s+not|wouldn'?t)\s+(?:give|gives)\s+(?:him|her|them|"
     r"me|us|the\s+kids?|my\s+\w+)\s+nightmares\b", "nothing scary"),
    (r"\bnothing\s+(?:that\s+)?(?:gives|will\s+give|would\s+give|that'?ll\s+give)\s+(?:him|her|them|me|us|the\s+kids?|"
     r"my\s+\w+)\s+nightmares\b", "nothing scary"),
    # "remove children", "no children", "drop children": the kind of film (it had undone the turn, or read nothing)
    (r"\b(?P<v>no|without|drop|remove|lose|ditch|skip|forget|nix|less)\s+(?:the\s+)?children\b(?!'|\s+(?:who|under|aged|of|"
     r"are|is|will|can|too|and\s+adults))", r"\g<v> children's films"),
    # "you skipped my jumanji question": no verdict on it (it had liked Jumanji)
    (r"\b(?:you\s+)?(?:skipped|ignored|missed|dodged|never\s+answered|didn'?t\s+answer|didnt\s+answer)\s+my\s+"
     r"[^.!?,]{2,40}?\s+question\b", ""),
    # "in the mouth of madness idk whats that even": what it is about (it had liked it)
    (r"(?P<lead>^|[.!?;]\s+)(?P<x>[^.!?,;]{2,50}?)\s*[,-]?\s*(?:idk|i\s+dunno|dunno|i\s+don'?t\s+know|no\s+idea)\s+"
     r"what(?:'?s|\s+is|s)\s+(?:that|it|this)(?:\s+even)?\b\s*\?*", r"\g<lead>what is \g<x> about?"),
    # "jumanji, scary or not?", "is jumanji scary or not": a question of it (it had asked for horror)
    (r"(?P<lead>^|[.!?;]\s+)(?:is\s+|(?:i\s+)?(?:still\s+)?(?:want|wanted|need)\s+to\s+know\s+(?:about|if|whether)\s+)?"
     r"(?P<x>[^.!?,;]{2,50}?)(?:\s+for\s+next\s+time)?(?:\s+tho|\s+though)?\s*,?\s+(?P<a>scary|sad|funny|violent|gory|"
     r"too\s+long|long|too\s+scary)\s+or\s+not\b\s*\?*", r"\g<lead>is \g<x> \g<a>?"),
    # "is MASH in there or not": whether the catalog has it (it had liked it)
    (r"\b(?P<q>(?:is|are)\s+[^.!?,]{2,60}?\s(?:in\s+)?(?:there|here))\s+or\s+not\b\s*\?*", r"\g<q>?"),
    # "I have not seen it since 1970-something", "haven't watched it since the 80s": when, not an era wanted (it had
    # asked for "the 1970s or later")
    (r"\b(?P<s>(?:seen|watched)\s+(?:it|that|this|them|those)\s+)since\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
     r"(?:\d{2,4}'?s?(?:[\s-]+(?:something|ish))?|(?:nineteen|twenty)[\s-]+\w+|(?:the\s+)?(?:seventies|eighties|"
     r"nineties|sixties|fifties))\b", r"\g<s>in years"),
    # round twenty-nine's retest: a question or a dispute of a film's facts asked after its name ("and wings of
    # desire, what language?", "blade runner isnt 112 min, its 117", "millers crossing - albert finney is in that
    # right?", "the godfather isnt in italian, its american"): each had liked the film, or asked for the nation
    (r"^\s*(?:and\s+|so\s+)?(?P<x>[^,?]{2,40}?)\s*[,:-]+\s*(?:what|which)\s+language(?:\s+is\s+(?:it|that)(?:\s+in)?)?"
     r"\s*\??\s*$", r"what language is \g<x> in?"),
    (r"^\s*(?:and\s+|so\s+)?(?P<x>[^,?]{2,40}?)\s*[,:-]+\s*how\s+long(?:\s+is\s+(?:it|that))?\s*\??\s*$",
     r"how long is \g<x>?"),
    (r"^\s*(?P<x>[^,.!?]{2,40}?)\s+(?:isnt|isn't|is not|aint|ain't)\s+\d{2,3}\s*(?:min|mins|minutes)\b.*$",
     r"how long is \g<x>?"),
    (r"^\s*(?P<x>[^-\u2013,:?]{2,40}?)\s*[-\u2013,:]\s*(?P<p>[a-z][\w.'-]*(?:\s+[a-z][\w.'-]*){1,3})\s+(?:is|was)\s+in\s+"
     r"(?:that|it|this)(?:\s*,?\s*right)?\s*\?.*$", r"is \g<p> in \g<x>?"),
    (r"^\s*(?!(?:a|an|some|something|anything|any|films?|movies?|one)\b)(?P<x>(?:(?!\b(?:that|which|who|film|movie|"
     r"films|movies)\b)[^,.!?]){2,40}?)\s+(?:isnt|isn't|is not|aint|ain't|wasnt|wasn't)\s+(?:in\s+)?"
     r"(?P<n>" + _NATION_WORDS + r")\b[^.!?]*$", r"is \g<x> \g<n>?"),
    # "iran?? no.", "noir?? no no, I never say noir": that taken back (it had asked for it)
    (r"^\s*(?P<x>[a-z][\w' -]{1,30}?)\s*\?+\s*(?:no+|nope|nah)(?:[\s,]+no+)*\s*[,.!]*\s*(?:i\s+(?:never|didn'?t|"
     r"did\s+not)\s+(?:say|said|ask(?:ed)?\s+for)\s+(?:that|it|(?P=x))\s*[.!]*)?\s*$", r"not \g<x>"),
    # round thirty: complaints about films shown ("con air has nicolas cage. i said no cage", "booty call and beavis
    # arent exactly calming haha", "patton won best picture lol thats not hidden"): each had been liked
    (r"^\s*(?!(?:why|how|what|who|where|when|do|does|did|can|could|would)\b)(?P<x>[^.!?]{2,40}?)(?:'s)?\s+(?:has|have|"
     r"is|are|was|were|stars?|with|got)\b[^.!?]{1,40}?(?:[.!?]+|,?\s+and)(?=\s*(?:but\s+)?i\s+"
     r"(?:said|asked\s+for|wanted|told\s+you)\s+(?:no|nothing|not)\b)", r"not \g<x>."),
    (r"^\s*(?P<x>(?:(?!\band\b)[^.!?]){2,60}?)\s+(?:arent|aren't|isnt|isn't|are\s+not|is\s+not)\s+(?:exactly|remotely|"
     r"particularly)\s+"
     r"[\w-]+(?:\s+(?:lol|haha+|lmao))?\s*(?=[.!,]|$)", r"not \g<x>"),
    (r"^\s*(?P<x>[^.!?]{2,40}?)\s+(?:won|made|grossed|earned)\s+[^.!?]{2,40}?[,\s]+(?:lol\s+|haha+\s+)?(?:thats|that's|"
     r"that\s+is|it'?s)\s+not\s+(?:hidden|obscure|a\s+hidden\s+gem|lesser[- ]known|underrated)\b(?:\s+(?:lol|haha+))?"
     r"(?:[.!,]+\s*(?P<y>[^.!?,]{2,30}?)\s+(?:neither|either|too)\b)?",
     lambda m: "not " + m.group("x") + (f" or {m.group('y')}" if m.group("y") else "")),
    # "conan?? aliens?? i want mob movies": those two set aside (*Aliens* had been liked)
    (r"^\s*(?P<a>[^?.!]{2,30}?)\s*\?{2,}\s*(?P<b>[^?.!]{2,30}?)\s*\?{2,}\s*(?=i\s+(?:want|said|asked|meant))",
     r"not \g<a> or \g<b>. "),
    # "what about godfather part 3? do you have it": whether the catalog has it (it had described Part II)
    (r"^\s*(?:what|how)\s+about\s+(?P<x>[^?]{2,40}?)\s*\?+\s*(?:do|d)\s+(?:you|u)\s+have\s+(?:it|that|them|those)\s*\??\s*$",
     r"do you have \g<x>?"),
    # "my dad passed away last week and i need something to take my mind off it": comfort (a search for "dad" had
    # brought *Fathers' Day* and *Father of the Bride Part II*)
    (r"\b(?:my|our)\s+(?:dad|father|mum|mom|mother|grand(?:pa|dad|father|ma|mother)|nan|granny|husband|wife|son|"
     r"daughter|brother|sister|friend|best\s+friend|dog|cat|partner|uncle|aunt)\s+(?:just\s+)?(?:passed\s+away|died|"
     r"passed|is\s+gone)(?:\s+(?:last\s+(?:week|month|night|year)|recently|yesterday|today|this\s+(?:week|month|year)))?",
     "something comforting"),
    # the retest of round thirty: "something james bond style" (James Brown), "similar to 2", "like number 3 but newer"
    # (something different, a like), "back to the future isnt a true story lol" (a like), "ok reset"
    (r"\bjames\s+bond(?:\s+(?:style|type|kind|like|esque|vibes?|films?|movies?))?\b", "james bond films"),
    (r"\bsimilar\s+to\s+(?:number\s+|no\.?\s*|#)?(?P<n>[1-5])\b", r"more like number \g<n>"),
    (r"^\s*(?:something\s+|anything\s+)?like\s+(?:number|no\.?|#)\s*(?P<n>[1-5])\b", r"more like number \g<n>"),
    (r"^\s*(?P<x>[^,.!?]{2,40}?)\s+(?:isnt|isn't|is\s+not|aint|ain't|wasnt|wasn't)\s+(?:a|an)\s+(?:true|real)\s+story"
     r"(?:\s+(?:lol|haha+|lmao))?\s*[.!?]*\s*$", r"not \g<x>"),
    (r"^\s*(?:ok(?:ay)?\s+|let'?s\s+|pls\s+|please\s+)?reset(?:\s+(?:it|everything|please|pls))?\s*[.!]*\s*$",
     "start over"),
    # "show me ghost in the shell again, that one looked cool": that film (it had been seen, and hidden)
    (r"\bshow\s+me\s+(?P<x>[^,.!?]{2,40}?)\s+again\b", r"show me \g<x>"),
    # "i want hard sci-fi": sci-fi ("hard" had disliked *Die Hard*)
    (r"\bhard\s+(?=sci[- ]?fi\b|science\s+fiction\b|scifi\b)", ""),
    # "based on real events", "true events": a true story (it had asked for the 1970s)
    (r"\bbased\s+on\s+(?:real|true)\s+(?:events|life|people)\b|\b(?:real|true)\s+events\b", "based on a true story"),
    # "ww2", "world war two": a war film about it ("my grandpa was in ww2, ..." had asked "Whose films do you mean?")
    (r"\b(?:a\s+|any\s+)?(?:ww\s?2|ww\s?ii|wwii|world\s+war\s+(?:two|2|ii))(?:\s+(?:film|movie)s?)?\b",
     "a war film about world war ii"),
    # "number 3 looks fun. similar?": more like it (it had liked it and kept the list)
    (r"\b(?:number|no\.?|#)\s*(?P<n>[1-5])\b[^.!?]*[.!?,]+\s*(?:any(?:thing)?\s+|got\s+any(?:thing)?\s+)?(?:similar|"
     r"like\s+(?:it|that))(?:\s+ones?)?\s*\??\s*$", r"more like number \g<n>"),
    # "beverly hills ninja lmao no": not that one (it had been liked)
    (r"^\s*(?P<x>[^,.!?]{2,40}?)\s+(?:lol|lmao|lmfao|haha+|rofl)\s+no+[.!]*\s*$", r"not \g<x>"),
    # "how long is laura (1944)?": the film (its year had asked for the 1940s and the length for long films)
    (r"\b(?P<q>how\s+long\s+(?:is|was)|who\s+directed|who(?:'?s|\s+is)\s+in)\s+(?P<x>[^?()]{2,40}?)\s*\(\s*\d{4}\s*\)",
     r"\g<q> \g<x>"),
    # "close encounters? hook? the color purple? are they there", "the thing? there?": whether the catalog has them
    (r"^\s*(?P<items>(?:[^?]{2,40}?\s*\?+\s*){2,6})(?:are|r)\s+(?:they|these|those|both|all|any)\s+(?:of\s+them\s+)?"
     r"(?:there|here|in\s+(?:there|here|your\s+(?:list|catalog(?:ue)?)|the\s+(?:list|catalog(?:ue)?)))\s*\??\s*$",
     _catalog_question),
    (r"^\s*(?P<x>[^?]{2,40}?)\s*\?+\s*(?:is\s+it\s+)?(?:there|here|in\s+there|in\s+here|got\s+it)\s*\?+\s*$",
     r"is \g<x> here?"),
    # round thirty-two: "kingpin any good?", "starship troopers u got that?", "E.T., maybe not", "my youngest cried
    # at E.T. so maybe not that", "he says princess bride is too soft": each had liked the film
    (r"^\s*(?!(?:is|was|are|were|does|did|do|isnt|isn't|anything|something|any)\b)(?P<x>[^,.!?]{2,40}?)\s*,?\s*"
     r"(?:any|even)\s+good\s*\?+\s*$", r"is \g<x> any good?"),
    (r"^\s*(?P<x>[^,.!?]{2,40}?)\s*,?\s*(?:u|you|ya|yous)\s+(?:got|have)\s+(?:that|it|this)(?:\s+one)?\s*\?+\s*$",
     r"is \g<x> here?"),
    (r"^\s*(?P<x>[^,.!?]{2,40}?)\s*[,.]?\s*(?:maybe|probably|prob)\s+not\s*[.!]*\s*$", r"not \g<x>"),
    (r"[,.]?\s*\b(?:so\s+)?(?:maybe|probably|prob)\s+not\s+(?:that(?:\s+one)?|it|this(?:\s+one)?)\s*[.!]*\s*$",
     ", so not tonight"),
    # "mrs doubtfire is about a divorce right, idk if I can do that with the kids so no": not that film (it had
    # been liked)
    # "could you tell me a little about what Meet Me in St. Louis is about?": what it is about (it had been liked)
    (r"\b(?:(?:could|can|would)\s+(?:you|u)\s+(?:please\s+)?)?tell\s+me\s+(?:a\s+(?:little|bit)\s+)?(?:more\s+)?"
     r"(?:about\s+)?what\s+(?P<x>[^?!,]{2,60}?)\s+is\s+about\b", r"what is \g<x> about"),
    # "Is there any swearing in Willy Wonka?", "is there bad language in matilda?": its rating is what is known of that
    # (a film "swearing in" and a like of Matilda; "bad language" had been answered with the language it is in)
    (r"\b(?:is|are)\s+there\s+(?:any\s+|much\s+|a\s+lot\s+of\s+|lots\s+of\s+)?(?:bad\s+language|swearing|cursing|"
     r"swear\s*words|profanity|cussing|foul\s+language)\s+in\s+(?P<x>[^?.!]{2,60}?)\s*(?=\?|$)",
     r"what is \g<x> rated"),
    (r"^\s*i\s+meant\s+(?:swearing|bad\s+language|cursing|profanity)\b[^.!?]*[.!?]+\s*", ""),
    # "I remember the boat tunnel scene being rather frightening": a question of the film (it had asked for horror)
    (r"\bi\s+remember\s+[^.!?]{2,60}?\s+(?:being|was|is)\s+(?:rather\s+|quite\s+|very\s+|a\s+bit\s+|so\s+|pretty\s+)?"
     r"(frightening|scary|sad|violent|dark|creepy|intense)\b", r"is it \1?"),
    # "reservoir dogs, too violent for me", "Reservoir Dogs auch, zu brutal für mich": too violent (it had been liked)
    (r"(?:^|(?<=[.!?]\s))(?!(?:not|no|nope|nah|never|yeah|yes|ok|okay|well|hmm+|um+|sorry|but|and|so)\b)"
     r"(?P<x>[^,.!?\s]+(?:\s+[^,.!?\s]+){0,3}?)(?:\s+(?:too|also|as\s+well))?\s*,\s*(?:way\s+|much\s+|"
     r"a\s+bit\s+|kinda\s+|far\s+)?too\s+(?P<q>violent|brutal|bloody|gory|long|slow|scary|sad|dark|boring|weird|much)\b",
     r"\g<x> is too \g<q>"),
    # "warum immer action??", "why so many comedies?": a complaint of a kind shown (it had asked for action)
    (r"\bwhy\s+(?:always|all\s+the|so\s+much|so\s+many|only|just)\s+(?P<x>[\w-]+(?:\s+(?:films?|movies?))?)\s*\?+",
     r"no \g<x>."),
    # "monty python could be good, is it actually funny or is it one of those old british things": a question, its
    # mark left off (it had liked the film and asked for British comedies)
    (r"(,\s*(?:but\s+)?(?:is|was|does|did)\s+(?:it|that|this)\s+[^?.!,]{2,80}?)\s*$", r"\1?"),
    # round thirty-six: "the game is fincher right?", "lost highway is lynch right, how weird is it" (a search for
    # Fincher's films, a like), "the quick and the dead looks kinda violent no" (a like, and action asked for), "is
    # that the one with harrison ford?" (Harrison Ford's films), "nah to the phantom" (a like), "i didnt say older"
    # (older films)
    (r"(?:^|(?<=[.!?]\s))(?:(?:ok|okay|so|and|but|hmm|wait|oh)\s+)?(?P<x>[\w' :&-]{2,40}?)\s+is\s+(?!(?:great|good|bad|"
     r"amazing|awesome|fun|funny|scary|sad|long|short|old|new|classic|boring|the|a|an|it|that|not|so|too|really)\b)"
     r"(?P<p>[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?)\s*,?\s+right\b\s*[?,]*", r"is \g<x> by \g<p>? "),
    (r"(?:^|(?<=[.!?]\s))(?P<x>[\w' :&-]{2,40}?)\s+(?:looks|seems|sounds)\s+(?:kinda\s+|a\s+bit\s+|pretty\s+|really\s+|"
     r"quite\s+|too\s+|very\s+)?(?P<q>violent|gory|bloody|scary|sad|long|slow|dark|intense|creepy)\s*,?\s*"
     r"(?:no|right|tho|though|huh|or\s+not)\s*\?*\s*$", r"is \g<x> too \g<q>?"),
    (r"\bis\s+(?:that|it|this)\s+the\s+one\s+with\s+(?P<p>[^?.!,]{2,40}?)\s*(?=\?|$)", r"is \g<p> in it"),
    (r"(?<!say\s)\b(?:nah|no|nope)\s+to\s+(?=(?:the\s+)?[a-z])(?!(?:all|these|those|them|any|both|that|this|it)\b)",
     "not "),
    (r"\bi\s+(?:didn'?t|didnt|did\s+not|never)\s+(?:say|said|ask(?:ed)?\s+for)\s+(?:older|newer|old|new)"
     r"(?:\s+(?:ones|films|movies|stuff))?\b\s*,?", ""),
    # round thirty-seven: "stop saying I liked casablanca", "remove casablanca from my likes please" (liked again,
    # four times)
    (r"\bstop\s+(?:saying|marking|noting|putting|telling\s+me)\s+(?:that\s+)?i\s+(?P<v>liked?|loved?|hated?|disliked?)\s+",
     r"i never said i \g<v> "),
    (r"\b(?:please\s+)?(?:remove|take|delete|drop|get)\s+(?P<x>[^.!?,]{2,40}?)\s+(?:from|off|out\s+of)\s+(?:my\s+)?"
     r"(?:likes|liked(?:\s+(?:list|films|movies))?|favou?rites|list)\b(?:\s+(?:please|pls))?",
     r"i never said i liked \g<x>."),
    (r"[,.]?\s*\b(?:and\s+)?(?:i\s+(?:have|got)\s+)?no\s+opinion\s+(?:on|about|of)\s+(?:it|that|them)(?:\s+yet)?\b",
     ""),
    # "NO. seen groundhog day. seen forrest gump. the rest look BORING": the other cards turned down too (they had
    # stayed); "Gaslight and The Third Man both sound familiar" (liked)
    (r"\b(?:and\s+)?the\s+(?:rest|others|other\s+ones)\s+(?:all\s+)?(?:look|looks|are|seem|sound|r)\s+(?:so\s+|really\s+|"
     r"pretty\s+|kinda\s+)?(?:boring|meh|bad|lame|dull|awful|terrible|rubbish|crap|mid)\b", "something else"),
    (r"\b(?:both\s+|all\s+)?(?:sound|sounds|look|looks)\s+(?:kind\s+of\s+|kinda\s+|vaguely\s+)?familiar\b", ""),
    # "these are all action movies??": not only action (it had asked for action); "too much sci fi now": no more
    (r"\b(?:these|those|they)\s+(?:are|r)\s+all\s+(?P<x>[\w-]+(?:\s+[\w-]+)?)\s+(?:movies|films)\s*\?+",
     r"not only \g<x>."),
    (r"\btoo\s+much\s+(?P<x>sci[\s-]?fi|action|horror|comedy|drama|romance|animation|war|crime|thrillers?|westerns?|"
     r"cartoons?|musicals?)\b(?:\s+(?:now|already|lately))?", r"no more \g<x>"),
    # "too much woody allen here", "too many tom hanks films": someone named by two words (it had asked for more)
    (r"\btoo\s+(?:much|many)\s+(?P<x>[a-z][\w'.-]+\s+[a-z][\w'-]+)\s+(?:here|now|already|lately|films|movies|stuff)\b",
     r"no more \g<x>"),
    # "hmm that does not sound like a childrens film" (of a card): not that one (it had said no children's films)
    (r"\b(?:that|this|it)\s+(?:does\s*n[o']?t|doesnt|don'?t)\s+(?:sound|look|seem)\s+(?:like\s+)?(?:a\s+|an\s+)?"
     r"(?:good\s+)?(?:kids?|children'?s|childrens|family)\s+(?:film|movie)\b", "not that one"),
    # "think 12 monkeys, gattaca, that kinda thing": films like those (a like of the first only, and the rest a search)
    (r"\b(?:think|thinking)\s+(?=[^.!?]{2,80}?\b(?:that|this)\s+kind(?:a|\s+of)\s+(?:thing|stuff|vibe|film|movie)s?\b)",
     "like "),
    (r",?\s*\b(?:that|this)\s+kind(?:a|\s+of)\s+(?:thing|stuff|vibe)\b", ""),
    # "actually 80s is fine too if its brainy": the decade, and the rest (it had been a film "actually 80s")
    (r"\b(fine|ok|okay|alright)\s+(too|as\s+well)\s+if\b", r"\1 \2, if"),
    # "I don't believe I have ever seen it": not seen (it had been seen, and disliked)
    (r"\b(?:i\s+)?(?:don'?t|do\s+not|dont)\s+(?:believe|think)\s+(?:i'?ve|i\s+have|ive)\s+(?:ever\s+)?(seen|watched)\b",
     r"i have never \1"),
    # "you said I didnt like it, I never said that": what the bot said is taken back
    (r"\byou\s+(?:said|noted|think|thought)\s+(?:that\s+)?i\s+(?P<v>(?:didn'?t|didnt|did\s+not|don'?t|dont)\s+like|"
     r"liked|loved|hated|disliked|(?:have\s+|had\s+)?seen|saw)\s+(?P<x>[^.,;!?]{2,40}?)\s*[,.;!?]*\s*(?:but\s+|and\s+)?"
     r"i\s+(?:never|didn'?t|didnt|did\s+not)\s+(?:said|say)\s+(?:that|so|it)\b", r"i never said i \g<v> \g<x>"),
    # "jumanji looks scary for her": too scary for her (it had asked for horror)
    (r"\b(looks?|seems?|is|might\s+be|may\s+be|sounds?)\s+(?:a\s+bit\s+|kinda\s+|quite\s+|pretty\s+|really\s+)?"
     r"(scary|sad|violent|dark|intense|long|mature|grown[- ]up|creepy|gory)\s+for\s+"
     r"(?=(?:her|him|them|us|me|the\s+kids|the\s+little\s+ones|my|our|a\s+\d)\b)", r"\1 too \2 for "),
    (r"[,.]?\s*\bso\s+(?:no|nah|nope|pass|i'?ll\s+pass|skip\s+(?:it|that)|not\s+for\s+(?:us|me|them))\s*[.!]*\s*$",
     ", so not tonight"),
    (r"\b(?:he|she|they)\s+(?:says|thinks|reckons|said|thought)\s+(?P<x>[^,.!?]{2,40}?)\s+(?:is|was|looks|seems)\s+"
     r"too\s+(?P<q>[\w-]+)", r"\g<x> is too \g<q> for them"),
    # "the sort of thing Merchant Ivory used to make": their films (round thirty-two: "I do not have “the sort of thing
    # Merchant” or “used to make”")
    (r"\b(?:the|that)\s+(?:sort|kind|type)\s+of\s+(?:thing|things|film|films|movie|movies|stuff)\s+(?:that\s+)?"
     r"(?P<x>[a-z][\w.'-]*(?:\s+[a-z][\w.'-]*){0,3}?)\s+(?:used\s+to\s+make|used\s+to\s+do|makes|made|does|did)\b",
     r"films by \g<x>"),
    (r"(?:^|(?<=[.!?;]\s))(?P<x>[^,.!?;]{2,40}?)\s+(?:is|was|'s)\s+(?:just\s+|only\s+|so\s+|really\s+)?for\s+(?:little\s+)?"
     r"(?:kids|children|babies|toddlers)\b(?:\s+(?:lol|haha+|lmao))?", r"not \g<x>"),  # ("space jam is for
    # kids lol": not for us, no like and no wish for children's films)
    (r"(?:^|(?<=[.!?;]\s))(?!\s*(?:ok|okay|so|yeah|yes|well|um+|hmm+|alright|right|sure|oh|but|and|erm|uh+|ah+|thanks|"
     r"thank)\b)"
     r"(?P<x>[^,.!?;]{2,40}?)\s*,?\s*(?:no|nah|nope)\s+(?:thanks|thank\s+you|thx|ty|merci)\b",
     r"not \g<x>"),  # ("Belle de jour non merci, trop sombre": it had been liked)
    (r"\b(?:a\s+|the\s+)?(?:quick|brief|short)\s+(?:rundown|summary|overview|run\s+down)\s+of\s+(?:my|our)\s+"
     r"(?:tastes?|likes|favourites|favorites)\s*:?", ""),  # ("Quick rundown of my taste: ...": not *The Rundown*)
    # round thirty-four: "part 2?" (it had undone the last turn), "lion king... isnt that the one where the dad dies?"
    # (Crime, and a like), "bad taste looks gross lol" (a like), "balto looks cute, is it about a dog?" (a search)
    (r"^\s*(?:and\s+|so\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+)?(?:part|pt\.?)\s*(?:2|two|ii)\s*\?+\s*$",
     "does it have a sequel?"),
    (r"^\s*(?P<x>[^.?!\u2026]{2,40}?)\s*(?:\.{2,}|\u2026|,|-)?\s*(?:isnt|isn't|is)\s+(?:that|it|this)\s+the\s+one\s+"
     r"(?:where|with|in\s+which)\s+[^?]{2,60}\?+", r"what is \g<x> about?"),
    (r"\b(looks?|looked|seems?|is|was)\s+(?:so\s+|really\s+|kinda\s+|pretty\s+)?gross\b", r"\1 awful"),
    (r"\bis\s+(?:it|that|this)\s+(?:a\s+film\s+|a\s+movie\s+)?about\s+(?:a|an|the|some)\s+[^?]{2,30}\?+",
     "what is it about?"),
    (r"(?P<head>\b(?:hates?|hated|dislikes?|can'?t\s+stand|cant\s+stand|doesn'?t\s+like|doesnt\s+like|don'?t\s+like|"
     r"dont\s+like|not\s+into|no)\b[^.!?,;]{1,60}?)\s+and\s+(?=(?:(?:she|he|they)\s+)?(?:prefers|likes|loves|wants|"
     r"enjoys|adores|prefer|love|want|enjoy|adore)\b)", r"\g<head>, but "),  # ("she hates violence and prefers
    # romantic comedies": the hate had spread to them)
    (r"\bmerchant[\s-]+(?:and\s+|&\s+)?ivory\b", "james ivory"),  # (a producer and the director of the same films)
    # round thirty-three: "ooh what about singin in the rain, fitting for today haha. do u have it?" (liked), "Wait,
    # Brad Pitt is in Twelve Monkeys, isn't he?" (liked; the cast is the question)
    (r"[,.!;]?\s*\b(?:do|d)\s+(?:you|u|ya|yall)\s+(?:have|got)\s+(?:it|that|this)(?:\s+one)?\s*\?+\s*$", "?"),
    (r"^\s*(?:(?:wait|hang on|hold on|um+|erm|oh)[\s,]+)?(?P<p>[a-z][\w.'-]*(?:\s+[a-z][\w.'-]*){1,2})\s+"
     r"(?:is|was)\s+in\s+(?P<x>[^,?]{2,40}?)\s*,?\s*(?:isn'?t|wasn'?t|isnt|wasnt)\s+(?:he|she|they)\s*\?+\s*$",
     r"is \g<p> in \g<x>?"),
    # "whats the plot of kingpin", "what happens in vertigo": what it is about (it had been a search for its words)
    (r"\bwhat(?:'?s|s|\s+is)\s+the\s+(?:plot|story|storyline|synopsis|premise)\s+(?:of|in|for)\s+(?P<x>[^?.!,]{2,40}?)"
     r"\s*(?=[?.!,]|$)", r"what is \g<x> about"),
    (r"\bwhat\s+happens\s+in\s+(?P<x>[^?.!,]{2,40}?)\s*(?=[?.!,]|$)", r"what is \g<x> about"),
    # "actually no, I'm home alone, nothing scary" (*Home Alone*, found by its story), "he's seen it but i havent"
    # (seen): round thirty-two
    (r"\b(?:i'?m|im|i\s+am|we'?re|i'?ll\s+be|ill\s+be|being)\s+(?:all\s+)?home\s+alone\b", "i'm on my own"),
    (r"\b(?:he|she|they)(?:'s|s|\s+has|\s+have|'ve)\s+(?:already\s+)?seen\s+(?:it|that(?:\s+one)?)\s*,?\s*but\s+i\s+"
     r"(?:haven'?t|havent|have\s+not)(?:\s+seen\s+it)?\b", "i haven't seen it"),
    # "but why westerns??": the kind shown is not wanted (it had asked for westerns); "not only thrillers": no longer
    # the only kind (it had refused thrillers); "not just comedies, dramas too": either
    (r"^\s*(?:but\s+|and\s+|ok\s+|hmm+\s+|erm\s+)?why\s+(?:so\s+many\s+|all\s+(?:these\s+|the\s+)?|these\s+|are\s+"
     r"there\s+(?:so\s+many\s+)?)?(?!the\b)(?P<x>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}s)\s*\?*\s*$",
     r"why did you show me \g<x>?"),
    (r"\bnot\s+(?:only|just|solely)\s+(?P<x>[^,.!?;]{2,30}?)\s*[,;]\s*(?:but\s+)?(?:also\s+)?(?P<y>[^,.!?;]{2,30}?)\s+"
     r"(?:too|as\s+well|also)\b", r"\g<x> or \g<y>"),
    (r"\bnot\s+(?:only|just|solely)\s+(?P<x>[^,.!?;]{2,30}?)\s*(?=[,.!?;]|$)", r"forget \g<x>"),
    # "full monty tonight then": chosen (it had been liked)
    (r"^\s*(?:(?:ok(?:ay)?|alright|fine|right|so|meh)[,.\s]+)?(?P<x>[^,.!?]{2,40}?)\s+tonight\s+then[.!]*\s*$",
     r"going with \g<x> tonight"),
    # "take back the like on blade runner": that like taken back (it had liked it again)
    (r"\b(?:take|took)\s+back\s+(?:the|my)\s+like\s+(?:on|of|for)\s+(?P<x>[^.!?]{2,40})",
     r"i never said i liked \g<x>"),
    # "remove war and the 2 hours thing": no limit on length (only war had gone)
    (r"(?<!under )(?<!over )(?<!than )\b(?:the\s+)?(?:\d+(?:\.\d)?\s*(?:hours?|hrs?)|length|runtime)\s+(?:thing|limit|"
     r"rule|bit)\b", "any length"),
    # time said another way: "bedtime is in like an hour and a half" (no limit had been read)
    (r"\b(?:bedtime|bed\s+time|we\s+(?:have\s+to\s+|need\s+to\s+)?leave|they\s+go\s+to\s+bed)\s+(?:is\s+)?in\s+"
     r"(?:like\s+|about\s+|around\s+|roughly\s+)?(?:an\s+hour\s+and\s+a\s+half|90\s*min(?:ute)?s?)",
     "under 90 minutes"),
    # other languages' words round twenty-nine's people used: "non troppo lungo" (not too long), "auf deutsch" (in
    # German: it had been Howard Deutch), "mas de 3 horas" (more than 3 hours: "horas" had been Iran), "non importa"
    (r"\bnon\s+troppo\s+lung[oa]\b", "not too long"),
    (r"\bist\s+(?:der\s+film|es|er|das)\s+auf\s+deutsch\b\s*\??", "is it in german?"),
    (r"\bauf\s+deutsch\b", "in german"),
    (r"\bpensaba\s+que\s+(?:eran|era|es)\b", "i thought it was"),
    (r"[,\s]+c'?\s*est\s+en\s+allemand\b(?:\s+non)?\s*\??", ", is it in german?"),
    (r"[,\s]+c'?\s*est\s+en\s+anglais\b(?:\s+non)?\s*\??", ", is it in english?"),
    (r"[,\s]+c'?\s*est\s+en\s+italien\b(?:\s+non)?\s*\??", ", is it in italian?"),
    (r"\bm[aá]s\s+de\s+(\d)\s+horas\b", r"more than \1 hours"), (r"\bhoras\b", "hours"),
    (r"\b(?P<x>\w[\w' ]{1,30}?)\s+non\s+importa\b", r"forget \g<x>"), (r"\bbasta\s+che\s+sia\b", "as long as it is"),
    # "oh wait is there a speed 2? the boat one": whether the catalog has it (it had liked *Speed 2*)
    (r"^\s*(?:oh\s+)?(?:wait[,\s]+)?(?P<q>is there (?:a|an|the)\s+[^?]{2,50}\?)\s*(?:the|that)\s+[\w\s'-]{1,30}?"
     r"\bone\b[.!?]*\s*$", r"\g<q>"),
    # "taxi driver? chinatown? are they there": ``_catalog_question`` (it had liked *Taxi Driver*)
    (r"^\s*(?:are|r)\s+(?P<a>[^?]{2,40}?)\s+and\s+(?P<b>[^?]{2,40}?)\s+(?:there|here|in\s+(?:there|here|your\s+(?:list|"
     r"catalog(?:ue)?)|the\s+(?:list|catalog(?:ue)?)))\s*\??\s*$", r"is \g<a> or \g<b> here?"),
    # "ive seen the shining and 2001": the film (it had been a year, and the 1990s asked for)
    (r"\b(?P<v>seen|watched|saw|loved|liked|hated|love|like)\b(?P<mid>[^.?!]{0,40}?\b(?:and|&)\s+|\s+)2001\b(?!\s*:)",
     r"\g<v>\g<mid>2001: a space odyssey"),
    # "what language is das boot in", "does ran have subtitles or is it dubbed": its languages (a search had
    # replaced the cards)
    (r"^\s*(?:does|do|is|are)\s+(?P<x>[^?]{2,50}?)\s+(?:have|has|come with)\s+(?:english\s+)?subtitles\b.*$",
     r"what language is \g<x> in?"),  # (answered by ``Parser._language_asked``)
    # "IS IT IN COLOUR." asked with a full stop (it had asked for the 1960s or later)
    (r"\b(?P<q>(?:is|was)\s+(?:it|that|this)\s+in\s+(?:colou?r|black\s+and\s+white|b\s*&\s*w))\s*[.!]*\s*$", r"\g<q>?"),
    # "too tired for scary": none of it (it had asked for horror)
    (r"\b(?:too\s+(?:tired|sleepy|late|exhausted|wiped)|not\s+in\s+the\s+mood)\s+for\s+(?:anything\s+|something\s+)?"
     r"(?P<x>scary|horror|sad|heavy|violent|gory|action)\b", r"no \g<x>"),
    # "ok spinal tap it is": chosen, as "going with spinal tap" reads (it had been a search for its words)
    (r"^\s*(?:(?:ok(?:ay)?|alright|fine|right|so|then)[,\s]+)?(?!(?:number|no\.|#|the\s+(?:first|second|third|fourth|"
     r"fifth|last|\d))\b)(?P<x>[^,.!?]{2,40}?)\s+it\s+is[.!]*\s*$", r"going with \g<x>"),
    # "hitchcock night! but not psycho or the birds, seen those to death": those set aside, Hitchcock still wanted
    # (it had turned down the whole list)
    (r"(?P<no>(?:\bbut\s+|,\s*)not\b[^.!?]{2,60}?)[,;]?\s*(?:i'?ve\s+|ive\s+)?seen\s+(?:those|them|both|these)\b"
     r"(?:\s+(?:to death|a million times|already|too many times|enough|before))?", r"\g<no>"),
    (r"\bce soir\b", "tonight"),  # "a comedy for ce soir" (it had asked for film noir)
    # "forget the pre-1970 thing": no era (it had asked for films before 1970)
    (r"\b(?:forget|drop|ditch|scrap|never\s*mind|nvm|lose)\s+(?:about\s+)?(?:the\s+)?(?:(?:pre|post)[- ]?\d{2,4}s?|"
     r"before\s+\d{4}|after\s+\d{4}|old(?:er)?|era|decade|year)\s+(?:thing|limit|filter|bit|part|stuff|rule)\b",
     "any decade"),
    # "back to comedy after all": comedy instead of what was asked since (it had kept sci-fi beside it)
    (r"\b(?:go\s+|going\s+)?back\s+to\s+(?P<x>(?!the\s+(?:start|beginning|first|list|futur))[\w' -]{2,30}?)"
     r"(?:\s+after\s+all\b)?(?=\s+then\b|\s*[.,!;]|\s*$)", r"\g<x> instead"),
    # "airplane! is that in there?": whether the catalog has it (it had been a search for its words)
    (r"^\s*(?P<x>[^.!?]{2,40}?)\s*[!.?]+\s*(?:is|are)\s+(?:that|it|they|those)\s+(?:in\s+there|here|there|in\s+(?:your|the)\s+"
     r"(?:list|catalog(?:ue)?))\s*\??\s*$", r"is \g<x> here?"),
    # "singin in the rain! seen it tho. others like it", "what else is like it": more like it (it had turned the
    # films down)
    (r"\b(?:any\s+)?others?\s+like\s+(?P<x>it|that|this|them)\b|\bwhat\s+else\s+is\s+like\s+(?P<y>it|that|this)\b",
     r"more like \g<x>\g<y>"),
    # "can u do that for star wars too. all of them in order": the series (it had liked Star Wars)
    (r"\b(?:can\s+(?:you|u)\s+)?(?:do|show)\s+(?:that|the same|this)\s+for\s+(?P<x>[\w' -]{2,30}?)\s+too\b[.!,]*\s*"
     r"(?:(?:all of them|every one|them all)\s*)?(?:in order)?[.!?]*", r"all the \g<x> films in order"),
    # round thirty-one: "ok in english: i HATED scream 2" (English was asked of the films), "doesnt need denzel" (no
    # Denzel was asked for; "doesnt have to be" him drops him)
    (r"^\s*(?:(?:ok(?:ay)?|fine|sorry)[,.]?\s+)?(?:(?:in|in plain)\s+)?english(?:\s+(?:then|now|please|pls))?"
     r"\s*[:,.\-]+\s*", ""),
    (r"\b(?:does\s*n[o']?t|do\s*n[o']?t|dont|doesnt)\s+need\s+(?:to\s+(?:be|have)\s+)?(?=[a-z])", "doesnt have to be "),
    # "true romance, isnt that tarantino?", "did tarantino direct true romance?", "heat - isnt that with de niro?": a
    # question of the film (each had asked for the director's films and liked the film); only the negative forms ("ok,
    # is it rated R?", "the 2nd one, is that with michael j fox?" are read as they were)
    (r"^\s*(?P<x>[^,?.!\-]{2,40}?)\s*[,\-]+\s*(?:isnt|isn't|is not|wasnt|wasn't)\s+(?:that|it|this)\s+with\s+"
     r"(?P<p>[a-z][\w.' ]{1,30}?)\s*\?+\s*$", r"is \g<x> with \g<p>?"),
    (r"^\s*(?P<x>[^,?.!\-]{2,40}?)\s*[,\-]+\s*(?:isnt|isn't|is not|wasnt|wasn't)\s+(?:that|it|this)\s+(?:a\s+)?"
     r"(?P<p>[a-z][\w.' ]{1,30}?)(?:\s+(?:film|movie|one|flick))?\s*\?+\s*$", r"is \g<x> a \g<p> film?"),
    (r"^\s*did\s+(?P<p>[a-z][\w.' ]{1,30}?)\s+direct\s+(?P<x>[^?]{2,40}?)\s*\?*\s*$", r"is \g<x> by \g<p>?"),
    # "live action and funny": the kind wanted, then no cartoons (the refusal had carried to Comedy)
    (r"\blive[- ]action\s+(?:and|but|&|\+)\s+(?P<x>[^,.!?;]+)", r"\g<x>, live action"),
))
# colour asked of a film ("is it in colour?"): not on record, and not the decades "black and white" stands for
COLOUR_WORDS_RE = re.compile(r"\b(?:colou?r|black and white|b&w|b/w|monochrome)\b", re.IGNORECASE)
# "and does star wars have prequels?", "does fargo have a sequel?": ``Parser._parse``
SEQUEL_ASKED_RE = re.compile(r"^\s*(?:and\s+|so\s+)?(?:does|do|did)\s+(?P<x>[^?]{2,40}?)\s+(?:have|has|get)\s+"
                             r"(?:any\s+)?(?:prequels?|sequels?|a\s+sequel|a\s+prequel|more\s+parts?)\s*\??\s*$",
                             re.IGNORECASE)
# "what language is das boot in", "which languages is it in": ``Parser._parse``
LANGUAGE_ASKED_RE = re.compile(r"^\s*(?:so\s+|and\s+)?(?:what|which)\s+languages?\s+(?:is|was|are)\s+(?P<x>[^?]{2,50}?)"
                               r"(?:\s+in)?\s*\??\s*$", re.IGNORECASE)
# a verdict on a list of films ("seen pulp fiction, reservoir dogs and godfather"): ``Parser._verdict_list``
VERDICT_LIST_RE = re.compile(r"\b(?P<v>(?:i'?ve\s+|ive\s+|we'?ve\s+|already\s+)?(?:seen|watched)|not)\s+"
                             r"(?P<items>[^.;!?]+)", re.IGNORECASE)
LIST_STOP = {"hated", "loved", "liked", "disliked", "enjoyed", "seen", "watched", "not", "no", "but", "want", "like",
             "love", "hate", "is", "was", "were", "are"}
LIST_TAIL = {"obv", "obviously", "already", "too", "both", "lol", "tbh", "btw", "either", "also", "as", "well"}
# a film's name and a bare score ("heat 7"): ``Parser._bare_scores``
BARE_SCORE_RE = re.compile(r"(?P<t>[a-z][\w' :&-]{1,60}?)\s+(?P<n>10|[1-9](?:\.5)?)", re.IGNORECASE)
# where a film streams or can be rented ("is fargo on netflix?"): nothing here knows (``chat.cards.STREAMING_ASKED``)
STREAMING_RE = re.compile(r"\s*\b(?:(?:on|in)\s+(?:netflix|hulu|prime|amazon(?:\s+prime)?|disney\s*\+?|hbo(?:\s+max)?|"
                          r"apple\s+tv|youtube|tubi)|streaming|available\s+to\s+stream|for\s+rent)\b", re.IGNORECASE)


def plain_forms(text: str) -> str:
    """``text`` in the plainer words ``PLAIN_FORMS`` gives (the turn reads the message so too: the words a form
    drops are not read again)."""
    text = G_DROPPED.sub("g", text)  # "showin' me no horror"
    for form, plain in PLAIN_FORMS:
        text = form.sub(plain, text)
    return text


# a word of assent before a film's name alone ("ok speed")
FILLER_FIRST_RE = re.compile(r"^\s*(?:(?:ok(?:ay)?|k|alright|fine|sure|right|hmm+|yeah|yes|whatever)[,.!\s]+)+(?=\S)",
                             re.IGNORECASE)  # ("ok fine whatever, first one": the first card)
# a second question joined to the first ("how long is the frighteners and who is in it")
ANOTHER_QUESTION_RE = re.compile(r"\s*(?:,\s*)?\b(?:and|&|\+|also)\s+(?=(?:who|what|whats|what's|how|is|was|does|did|"
                                 r"are|any|has)\b)", re.IGNORECASE)
# plain marks of sarcasm: what the words before them praise or ask for is not wanted (``Parser._sarcastic``)
SARCASM_RE = re.compile(r"\s*(?:\U0001f644|\U0001f612|\U0001f60f)+\s*|[\s,.!-]*\b(?:said|says) no ?one ever\b[.!]*\s*|"
                        r"\s+/s\b\s*|[\s,]*\b(?:not|yeah right)!+\s*$", re.IGNORECASE)
# words of "no preference" beside what is not wanted ("whatever you think, just nothing with tim curry")
ANY_CUES = {"whatever", "whatevs", "mind", "care", "fussy", "matter", "matters", "easy", "fine", "bothered", "dunno",
            "preference", "think", "reckon"}
# "either is fine", "either works": the kinds named before were either-or ("a western, or maybe a war film")
EITHER_FINE_RE = re.compile(r"\beither\s+(?:one\s+)?(?:is|'s|would be|will do|works|suits|suit)\b|\beither way\b|"
                            r"\b(?:one or the other|whichever)\b", re.IGNORECASE)
# a nationality that says who a person is ("jim sheridan, the irish director", "that british director, mike leigh")
UK = ("United Kingdom",)
PERSON_NATIONS = {**{w: (set(c), set(v)) for w, (c, v) in NATIONS.items()},
                  **{w: (set(UK), set()) for w in ("british", "scottish", "welsh", "scots")},
                  "english": (set(UK), {"English"})}
NATION_OF_PERSON_RE = re.compile(
    r"\b(?P<nation>" + "|".join(sorted((re.escape(w) for w in PERSON_NATIONS), key=len, reverse=True))
    + r")(?:[- ]born)?\s+(?:film[- ]?maker|director|actor|actress|auteur|star|comedian|writer|screenwriter|"
    r"legend|guy|bloke|fella|chap|lady|woman|man|icon|master|genius)s?\b", re.IGNORECASE)
# a card named by a person in it ("i'll take the one with michelle pfeiffer", "the one by spielberg looks good")
ONE_WITH_RE = re.compile(r"\b(?:the|that) one (?:with|starring|by|from|directed by)\b", re.IGNORECASE)
EMPHATIC = {"definitely", "absolutely", "certainly", "totally", "course", "hell", "heck"}  # "... not": no
# words that ask for more films, so people named beside a film they are in are a wish after all ("loved
# tombstone, any other westerns with val kilmer?")
ASKS_FOR_MORE_RE = re.compile(r"\b(?:something|anything|more|other|others|else|similar|want|wanna|give|gimme|show|"
                              r"recommend|suggest|find|looking|please|pls)\b", re.IGNORECASE)
# a message that only thanks, praises and takes leave ("thanks, that's great, bye!", "bet ty", "cool merci",
# "lol ok bet, watching it now"): goodbye; it needs one word of thanks or leave-taking
CLOSING_WORDS = {"gn", "cheerio", "peace", "revoir", "ciao", "adios", "thanks", "thank", "thankyou", "thx", "thnx",
                 "grazia", "dank", "danke",
                 "ty", "tysm", "cheers", "ta", "merci", "gracias", "grazie", "bye", "goodbye", "byee", "goodnight",
                 "night", "nite", "cya", "later", "ttyl"}
CLOSING_FILLER = CLOSING_WORDS | {
    "most", "helpful", "youve", "been", "youre", "star", "legend", "kind", "thats", "super", "this", "lovely", "grand",
    "ever", "you", "so", "much", "very", "a", "lot", "for", "the", "your", "help", "all", "great", "perfect",
    "wonderful", "cool", "awesome", "amazing", "brilliant", "fab", "nice", "good", "ok", "okay", "k", "kk", "alright",
    "right", "that", "s", "is", "it", "was", "bet", "watching", "now", "then", "enjoy", "mate", "again",
    "really", "appreciate", "appreciated", "lol", "haha", "x", "xx", "have", "i", "we", "ll", "will", "well", "off",
    "to", "go", "gotta", "bed", "sleep", "everyone", "bot", "buddy", "friend", "pal", "dude", "man", "sorted", "set",
    "bro", "bruh", "fam", "homie", "sis", "dawg", "boss", "chief", "mister", "maam", "sir", "ton", "tons", "million",
    "bunch", "means", "meant", "perfetto", "perfecto", "mille", "molte", "grazia", "gut", "sehr", "vielen", "dank",
    "bene", "vale", "bueno", "muchas", "beaucoup", "tres", "bien",
    "done", "fine", "excellent", "tonight", "evening", "morning", "day", "yes", "yeah", "yep", "sure", "and", "oh",
    "u", "ya", "yall", "guys", "loads", "lots", "heaps", "me", "us", "see", "goodbye", "im", "kindly", "aight", "out",
    "love", "decide", "think", "about", "maybe", "au", "merci", "dear", "darling", "real", "byebye"}
# ("thats it im done, bye", "aight peace", "Thank you kindly, and goodbye.", "ty ❤️", "thanks, we will decide later")
# the words around a film's name that choose it, before a goodbye ("ok casper", "the sting then", "Fine. The
# Shining it is", "stargate i watch", "ok i take the fugitive")
CHOOSE_LEAD = {"ok", "okay", "fine", "good", "great", "right", "so", "alright", "perfect", "cool", "i", "we", "ill",
               "well", "will", "take", "watch", "pick", "choose", "go", "with", "try", "lets", "gonna", "then",
               "agreed", "agree", "decided", "settled", "on", "for", "going", "have", "ve", "weve", "ive"}  # ("ok we
# agreed on the third one! thanks, bye")
CHOOSE_TAIL = {"then", "it", "is", "i", "we", "watch", "take", "tonight", "please", "pls", "for", "us", "me", "one",
               "it's", "its", "will", "ill", "well", "ok", "okay"}  # ("hercules ok. bye")
LEAVING_RE = re.compile(r"\b(?:bye|goodbye|good\s*night|night|see\s+ya|later|cya|gotta\s+go|that'?s\s+all|i'?m\s+off|"
                        r"peace\s+out)\b", re.IGNORECASE)  # leave taken in so many words, not thanks alone
CLOSING_TAIL = re.compile(r"(?:^|[.!?,;\u2014\u2013-]\s*|\s)(?:thanks?|thank you|thx|ty|cheers|bye|good ?bye|bye bye|"
                          r"good ?night|night|nite|gn|cheerio|peace|cya|see (?:you|ya)|ttyl|later|laters|l8r|merci|"
                          r"au revoir|ciao|"
                          r"adios)\b"
                          r"[^.!?]*[.!?]*\s*$",
                          re.IGNORECASE)


# the words around praise of the films shown ("these all look great", "ngl thats fire", "ooh nice")
PRAISE_FRAME = {"that", "thats", "this", "these", "those", "they", "theyre", "all", "look", "looks", "sound", "sounds",
                "so", "really", "pretty", "very", "are", "r", "is", "its", "it", "wow", "oh", "ooh", "omg", "ngl",
                "tbh", "honestly", "some", "picks", "choices", "list", "ones", "options", "fr", "lol", "haha", "good",
                "nice", "cool", "great", "kinda", "lowkey", "hella", "mega", "super", "quite", "a", "an", "the", "of",
                "wicked"}


def _praise_only(words: set[str]) -> bool:
    """The message only praises: a word of praise and the words around one ("nice", "these look great")."""
    praise = POSITIVE | PRAISE | {"nice", "wow", "wicked"}
    return bool(words & praise) and words <= PRAISE_FRAME | praise | INTERJECTIONS | {"them"} and (
        not words & {"love", "loved", "liked", "fan", "adore"} or bool(words & {"these", "them", "those", "all"}))


def _core(toks: list[str]) -> Phrase:
    """What a message says beside please and lol ("ctrl z lol"): the words an intent is read from."""
    return tuple(t for t in toks if t not in POLITE and t not in INTERJECTIONS - ALL_YES)


def _closing(text: str) -> bool:
    """``text`` only thanks, praises and takes leave (one word of thanks or goodbye at least)."""
    toks = [t for t in tokens(text) if t not in INTERJECTIONS]
    return bool(toks) and set(toks) <= CLOSING_FILLER and bool(set(toks) & CLOSING_WORDS)


# television, which the catalog does not have
TV_RE = re.compile(r"\b(?:tv|television)(?: ?shows?| series| programs?| programmes?)?\b|\bsitcoms?\b|"
                   r"\b(?:tv |web |mini ?)series\b|\bbox ?sets?\b|\bbinge(?: watch)?\b", re.IGNORECASE)
TV_WORDS = {"tv", "television", "show", "shows", "series", "sitcom", "sitcoms", "program", "programs", "programme",
            "programmes", "box", "set", "sets", "boxset", "binge", "web", "mini", "miniseries"}
# a correction: "sorry i meant the 70s not the 60s", "wait i meant keaton not douglas"
TYPED_MEANT_RE = re.compile(r"\b(?:i\s+)?(?:typed|wrote|put|said|clicked|pressed)\s+(?P<slip>[^,;.!?]+?)\s*[,;.!]?\s*"
                            r"(?:but\s+|and\s+)?(?:i\s+)?meant\b", re.IGNORECASE)
MEANT_RE = re.compile(r"\b(?:i|I) (?:meant|mean)\b|\bmeant to (?:say|type)\b|\bi said\b(?!\s+(?:not|no|nothing)\b)|"
                      r"\byou misheard\b|\byou(?:'ve| have)? misunderstood\b|\bmy (?:mistake|bad)\b",
                      re.IGNORECASE)  # ("i said the 80s, not
# the 90s", "you misheard me, it's bette midler not bette davis": the chat's slip, taken back)
# subtitles are fine after all: the "no subtitles" wish goes
SUBTITLES_OK_RE = re.compile(r"\b(?:fine|ok|okay|happy|good|alright|cool|don'?t mind) with subtitles\b|"
                             r"\bsubtitles (?:are|r) (?:fine|ok|okay|alright|no problem)\b|"
                             r"\bsubtitles? (?:is|are) fine\b",
                             re.IGNORECASE)
# a film not in English: "something foreign", "with subtitles", "world cinema"
FOREIGN_RE = re.compile(r"\b(?:foreign(?:[- ]language)?|subtitled|(?:with|w/|got) subtitles|subtitles|non[- ]?english|"
                        r"world cinema|international cinema|not in english)\b", re.IGNORECASE)
# no subtitles, in other words: a film in English
SUBTITLES_NO_RE = re.compile(r"\bsubtitles? (?:are|is|r) (?:a (?:hard |big |firm )?no|out|a dealbreaker|not (?:ok|okay|"
                             r"an option|happening))\b|\b(?:hate|can'?t (?:do|stand)|no to) subtitles\b", re.IGNORECASE)
# "actually forget that, something with harrison ford" (not "forget that, 80s": a decade instead of the last one)
FORGET_THAT_RE = re.compile(r"^\s*(?:(?:ok|okay|right|so|nah|no)[\s,.!]+)?(?:actually[\s,]+)?(?:forget|scrap|ditch|"
                            r"drop) (?:that|this)\b\s*[,.;:!-]+\s*(?:something|anything|i want|i'?d like|show me|"
                            r"give me|how about|what about|let'?s|maybe|any)\b", re.IGNORECASE)
# "and kevin costner's out", "romance is out": the message ends ruling out what it names
OUT_END = re.compile(r"(?:['\u2019]s|\bis|\bare)\s+out\s*[.!]*\s*$", re.IGNORECASE)
OTHER_WORK_RE = re.compile(r"\bwhat (?:else|other (?:films?|movies?)) (?:did|does|has|have|had|is|was) .{2,60}? "
                           r"(?:make|made|direct|directed|do|done|star in|starred in|been in|act in|acted in|"
                           r"write|written|in)\b", re.IGNORECASE)
# "any other films by him?", "more with her", "films by that director", "his other films", "what else has she
# been in": the person of the film the talk is on (``Parse.person_ref``; the turn knows which film)
_WHO = (r"(?:him|her|them|the same (?:guy|director|actor|actress|person|people|star|lead)|(?:that|this|the) "
        r"(?:guy|director|actor|actress|person|lady|woman|man|star|lead|filmmaker)|those (?:two|guys|brothers|people))")
# two people's wishes in one message ("she wants julia roberts, i want harrison ford"): a film for either
_SOMEONE = r"(?:she|he|they|my (?:wife|husband|partner|boyfriend|girlfriend|son|daughter|mum|mom|dad|friend))"
_WANTS = r"\s+(?:wants?|likes?|loves?|prefers?)\b"
TWO_WISHES_RE = re.compile(rf"\b{_SOMEONE}{_WANTS}.*\b(?:i|we){_WANTS}|\b(?:i|we){_WANTS}.*\b{_SOMEONE}{_WANTS}",
                           re.IGNORECASE)
# the films shown described, as a complaint: "these are cartoons, we are adults", "they're all kids films", "too
# many westerns" (each had asked for the kind described)
CARDS_ARE_RE = re.compile(r"^\s*(?:(?:but|ugh|hmm+|lol|um|erm|well|ok|okay|nah)[\s,]+)*(?:(?:these|those|they|"
                          r"all\s+of\s+(?:these|them|those)|all\s+these|these\s+(?:ones|films|movies)|your\s+(?:picks|suggestions))"
                          r"\s*(?:'re|\u2019re|\s+are|\s+were|\s+r|re)\s+(?:(?:mostly|all|just|only|nothing\s+but|both|"
                          r"basically|literally|still|too\s+many|so\s+many|loads\s+of|lots\s+of)\s+)*|"
                          r"(?:way\s+)?(?:too|so)\s+many\s+)(?P<kind>[^,.;!?]+)", re.IGNORECASE)
# a fact told of films named, often to dispute a card ("bruh from dusk till dawn is literally rated r", "nine months
# and just cause are 1995", "the princess bride and brazil aren't aussie films mate", "ma vie en rose is belgian and in
# french, surely?"): no like of the films and no wish for the fact (both had been read)
_FILM_FACT = (r"^\s*(?:(?:bruh|anyway|but|and|also|well|um|lol|mate|oh|yeah|so|i mean|fair dinkum|erm|wait|"
              r"hang on|hold on|hmm+|huh|what|really|hey)[\s,?!]+)*(?P<films>[^,;.!?]+{lazy})\s+"
              r"(?P<verb>is not|are not|was not|were not|isn'?t|aren'?t|wasn'?t|weren'?t|is|are|was|were)\s+"
              r"(?P<marker>(?:(?:literally|actually|really|clearly|obviously|definitely|both|all|totally|certainly|def|"
              r"exactly|even|hardly)\s+)*)(?P<fact>[^,;.!?]+?)"
              r"(?P<tail>(?:[\s,]+(?:surely|mate|lol|bruh|though|tho|right|innit|either|too|btw|(?:wasn'?t|isn'?t|aren'?t|"
              r"weren'?t)\s+(?:it|they|he|she)))*\s*[.!?]*)\s*$")
# (the films before the first verb, else before the last: "while you were sleeping is rated r??")
FILM_FACT_RES = tuple(re.compile(_FILM_FACT.format(lazy=lazy), re.IGNORECASE) for lazy in ("?", ""))
FACT_TYPES = {"country", "language", "decade", "mpaa", "genre", "runtime"}
# "who is bess flowers?", "who's kevin spacey? i don't know him": a person asked about, nothing else said
PERSON_ASKED_RE = re.compile(r"^\s*(?:(?:and|but|so|um|erm|hmm+|wait|sorry)[\s,]+)*who(?:'s|\s+is|\s+was|s)\s+"
                             r"(?!in\b|the\b|it\b|that\b|this\b|he\b|she\b|they\b|directing\b|starring\b)"
                             r"(?P<name>[^?.!,]{3,40}?)\s*\?+(?:\s*(?:i\s+(?:don'?t|do\s+not|dont)\s+know\s+(?:her|him|them|"
                             r"who\s+that\s+is)|never\s+heard\s+of\s+(?:her|him|them))?\s*[.!]*)?\s*$", re.IGNORECASE)
# a remark on a fact disputed ("... is rated R?? that seems wrong", "thought it was disney"): no request of its own
REMARK_RE = re.compile(r"^\s*(?:(?:that|this|it)\s*(?:'s|s|is|seems|looks|sounds|must\s+be|can'?t\s+be|cant\s+be)\s+"
                       r"(?:wrong|off|odd|weird|strange|right|incorrect|a\s+mistake|an\s+error|a\s+bug)\b|(?:i\s+)?"
                       r"thought\s+(?:it|that|they|this)\s+(?:was|were|is)\b|surely\s+not\b|no\s+way\b)", re.IGNORECASE)
# what a film set aside is instead, said right after ("..., it's a death row drama"): no wish
# a film told by someone in it and what happens ("the one where keanu has to keep the bus above 50", "the eddie
# murphy one where he plays a fat scientist", "the harrison ford one where he's the president on a plane"): the
# head (who, or what kind), then the story, up to the end of its clause or a verdict on it ("..., so good", "... is
# my fav"). Found among the films of the people named by their stories (``recsys.plots``), it stands for the film's
# title, so the rest of the message reads as of a film named ("..., hated it" dislikes it)
TOLD_FILM_RE = re.compile(r"\b(?:the|that|this)\s+(?P<head>(?:[\w'.-]+\s+){0,4}?)(?:one|movie|film|flick|picture)\s+"
                          r"(?P<link>where|with|about|in which|when)\s+(?P<story>[^,.!?;()]+)", re.IGNORECASE)
TOLD_TAIL_RE = re.compile(r"\s+(?:(?:is|was|were)\s+(?:my\b|(?:so\s+|just\s+|really\s+)?(?:good|great|amazing|awful|"
                          r"terrible|rubbish|genius|peak|pure|the best|the worst|a classic|a masterpiece|underrated|"
                          r"overrated|brilliant)\b)|so\s+(?:good|funny|bad|great|stupid)\b|any\s+good\b|lol\b|lmao\b|"
                          r"haha|tho\b|though\b|but\b|i\s+(?:think|was|loved|hated|liked|adored)\b|last\s+(?:week|night|month|year)\b|"
                          r"yesterday\b).*$", re.IGNORECASE)
# words that judge a film: a question with one of them is a verdict too ("loved fargo, have you seen it?")
JUDGING = POSITIVE | NEGATIVE | PRAISE | COMPLAINTS | {"love", "loved", "loving", "liked", "hated", "enjoyed", "adored",
                                                       "favourite", "favorite", "fave", "fav", "seen", "saw", "watched"}
# the nouns of a kind of film after a word that says which ("period dramas", "costume dramas", "disaster movies")
KIND_NOUNS = r"(?:dramas?|comed(?:y|ies)|films?|movies?|flicks?|thrillers?|westerns?|musicals?|pieces?)\b"
# a film's name and a 1 ("terminator 1", "alien 1 was better"), not a list of parts ("die hard 1 and 2")
FIRST_PART_RE = re.compile(r"\b(?P<name>[a-z][\w']*(?:\s+[a-z][\w']*){0,4})\s+1\b(?!\s*(?:and|&|,|or|\+)\s*"
                           r"(?:2|two|ii)\b)", re.IGNORECASE)
# how near the story must come, and how much nearer than the next film of the same people. Chosen on
# ``lab/data/told_dev.tsv`` (``python -m lab.told_eval --table dev --grid``: 0.30-0.33 with 0.04 named the most films
# there, 16 of 40, none wrongly) and the development probes of films the catalog lacks: "the one where tom hanks is
# stranded on an island" comes 0.377 near *Apollo 13*, so 0.38 (14 of 40 on the table, none wrongly)
TOLD_NEAR, TOLD_MARGIN = 0.38, 0.04
# a title misspelled before someone in the film ("watched california with brad pitt", "barbed wire with pamela
# anderson"): up to five words, then "with" / "starring" and the person (``Parser._title_beside_person``)
BESIDE_PERSON_RE = re.compile(r"\b(?P<title>(?:[\w'&:-]+\s+){0,4}[\w'&:-]+)\s+(?:with|starring)\s+"
                              r"(?P<who>[\w'.-]+(?:\s+[\w'.-]+){0,2})", re.IGNORECASE)
BESIDE_PERSON_RATIO = 85  # rapidfuzz ratio of the words to a title of that person's films (0-100)
# a question about a film without its question mark ("and you didnt answer: is MASH in there or not", "seriously why
# willy wonka"): ``Parser._asked_not_liked``
ASKED_PLAIN_RE = re.compile(r"(?:^|[:;,]\s*)(?:(?:and|so|but|seriously|ok|okay)\s+)*(?:is|are|does|do you have|why)\s+"
                            r"[^.!?]{2,60}?\b(?:in\s+(?:there|here)|there|here)\s+or\s+not\s*[.!]*$|"
                            r"^\s*(?:(?:and|so|but|seriously|ok|okay)\s+)*why\s+(?:is\s+)?[^.!?]{2,60}$|"
                            # "and do u have gattaca", "And is Its a Wonderful Life there, we used to ...",
                            # "also is space jam ok for both of them", "where is pulp fiction"
                            r"^\s*(?:(?:and|so|but|also|ok|okay|oh)\s+)*(?:(?:do|does|did)\s+(?:u|you|ya|yall)\s+"
                            r"(?:have|got|carry)\b|where\s+(?:is|'?s|did)\b|wheres\b|(?:is|are)\s+[^.!?,]{2,60}?\s+(?:in\s+)?(?:there|here)"
                            r"\b|(?:is|are)\s+[^.!?,]{2,40}?\s+(?:ok|okay|alright|fine|suitable|good|too\s+\w+)\s+for\b)",
                            re.IGNORECASE)
# lesser-known films asked for in so many words, whatever films are named beside ("clueless and broken arrow not so
# much, everyone knows those. more obscure"); not "underrated", said of a film named ("heat is so underrated")
OBSCURE_ASKED_RE = re.compile(r"\b(?:more\s+obscure|obscure\s+(?:stuff|ones|films|movies)|lesser[- ]known|"
                              r"less[- ]known|hidden\s+gems?|deep\s+cuts?|under\s+the\s+radar|"
                              r"off\s+the\s+beaten\s+(?:path|track)|"
                              r"(?:nothing|no|not)\s+(?:so\s+|too\s+)?(?:mainstream|popular|famous|well[- ]known))\b",
                              re.IGNORECASE)
NOT_OBSCURE_RE = re.compile(r"\b(?:not|nothing|no)\s+(?:some\s+|too\s+|so\s+|that\s+|an?\s+)?(?:obscure|"
                            r"lesser[- ]known|little[- ]known|hidden\s+gems?)\b", re.IGNORECASE)
SUITED_WORDS = {"ok", "okay", "alright", "fine", "good", "suitable"}  # "is X ok for a 4 year old": a question
# a card by its place ("and 4 no", "seen 1 and 3"): a verdict on that card, not on a film named beside it
CARD_PLACE_RE = re.compile(r"(?:^|\s)(?:#?[1-5]|number\s+[1-5])(?=\s|[.,!?]|$)(?!\s*(?:stars?|/|out\s+of|mins?\b|"
                           r"minutes|hours?|hrs?|years?|yrs?|yo\b))", re.IGNORECASE)  # (not "the first one": a part)
# a film of the people named may be the one told when its story is this near the words, or unknown (TMDB 5000 lacks
# most films before 1990: *North by Northwest*, *Junior*); at most this many such films are offered as the one meant
AMONG_NEAR, AMONG_MAX = 0.25, 5
# a film told by its people and a word or two before "one" / "movie" ("the denzel submarine movie", "that sandra
# bullock bus one"); the words of no story that such a head may hold ("the new keanu film")
TOLD_HEAD_RE = re.compile(r"\b(?:the|that|this)\s+(?P<head>(?:[\w'.-]+\s+){1,5}?)(?:one|movie|film|flick)\b"
                          r"(?!\s+(?:where|with|about|in which|when)\b)", re.IGNORECASE)
HEAD_GENERIC = frozenset({"old", "new", "early", "late", "first", "last", "other", "good", "great", "best", "bad",
                          "worst", "latest", "newest", "oldest", "famous", "classic", "original", "next", "second",
                          "third", "funny", "sad", "scary", "only", "big", "little", "one", "ones", "kids", "disney"})
# someone complained of ("cameron diaz annoyed me", "hugh grant is so boring"): up to three words before it that
# name one person (``Parser._complained_of``) are refused; the rest of the message reads as it was
COMPLAINT_FILLER = {"rather", "quite", "so", "really", "very", "super", "kinda", "always", "a", "bit", "is", "was",
                    "s", "such"}
PERSON_COMPLAINT_RE = re.compile(r"(?<![\w'.-])(?P<words>(?:[a-z][\w'.-]*\s+){0,2}[a-z][\w'.-]*)"
                                 r"(?:\s+|\s*[.\u2026,]+\s*)"
                                 r"(?:(?:annoyed|annoys|annoy|bugged|bugs|irritated|irritates|grates\s+on)\s+me|(?:(?:is|was|s)\s+)?"
                                 r"(?:so\s+|really\s+|very\s+|super\s+|kinda\s+|such\s+a\s+|always\s+|rather\s+|quite\s+|"
                                 r"a\s+bit\s+)?(?:annoying|boring|irritating|grating|unbearable|insufferable|the\s+worst|"
                                 r"overrated|smug|tiresome|tedious|meh|hammy))\b", re.IGNORECASE)
# "billy madison >>> nine months", "princess bride > days of thunder": the first is the better
PREFERRED_RE = re.compile(r"\s*(?:>+|&gt;)\s*(?=[a-z0-9])", re.IGNORECASE)
# a quality said of the film named just before, in a clause of its own ("groundhog day, so funny", "the shining,
# so scary", "jingle all the way, so dumb"): a verdict on it, not a kind of film wanted
QUALITY_SAID_RE = re.compile(r"(?:(?:so+|really|very|super|just|soo+)\s+)?(?:(?P<good>funny|hilarious|scary|creepy|"
                             r"sad|moving|cute|sweet|fun|gripping|clever|romantic|beautiful|intense|tense)|"
                             r"(?P<bad>boring|dull|slow|dumb|stupid|silly|cheesy|long))")
# the words of the frame, left out of the story matched ("show" and "in" stay: "lives in a tv show")
STORY_FRAME = frozenset({"the", "one", "movie", "film", "flick", "picture", "where", "with", "about", "when",
                         "which", "that", "this", "he", "she", "hes", "shes", "a", "an", "is", "was"})
DESCRIBED_RE = re.compile(r"^\s*(?:(?:but|and|so)\s+)?(?:it'?s|it is|its|that'?s|thats|they'?re|theyre|they are)\s+"
                          r"(?:(?:just|only|really|more|actually)\s+)?(?:a|an|some|about)\b", re.IGNORECASE)
# a yes-no question of a fact of films named ("is aladdin and the king of thieves really australian??", "is fargo
# really a comedy?"): a question about them (it had liked the film and asked for the fact)
FILM_QUESTION_RE = re.compile(r"^\s*(?:(?:so|but|and|also|wait|hang on|hold on|um|erm|ok|okay|lol|bruh|hmm+)[\s,]+)*"
                              r"(?P<verb>is|are|was|were|isn'?t|aren'?t|wasn'?t)\s+(?P<body>[^?.;]+?)\s*\?+\s*$",
                              re.IGNORECASE)
QUALITY_WORDS = {"scary", "frightening", "creepy", "spooky", "funny", "sad", "violent", "gory", "bloody", "long",
                 "short", "good", "intense", "dark"}
# words that open a sentence and name no film ("However, I would rather ...", "Why are you keeping away from ...")
DISCOURSE_WORDS = {"however", "why", "what", "anyway", "anyways", "actually", "honestly", "basically", "sorry", "also",
                   "besides", "otherwise", "meanwhile", "instead", "although", "though", "still", "perhaps", "maybe",
                   "well", "so", "then", "alright", "okay", "ok", "hmm", "hm", "oh", "ah", "wait", "ugh", "sure",
                   "indeed", "admittedly", "frankly", "seriously", "really", "please", "thanks", "thank", "how", "when",
                   "where", "who", "which", "whatever", "unfortunately", "fortunately", "luckily", "sadly"}
# words a title keeps in lower case ("Mystic Pizza", "Gone with the Wind")
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "from", "by", "is",
                     "as"}
# after "the", words of no title: "is the first one rated R?", "is the film long?"
NOT_A_TITLE_AFTER = {"film", "films", "movie", "movies", "first", "second", "third", "fourth", "fifth", "last", "other",
                     "next", "top", "two", "three", "four", "five", "cards", "list", "lead", "star"}
FACT_MARKERS = {"really", "actually", "even", "truly", "definitely", "both", "all", "honestly", "seriously"}
HEDGES = {"too", "very", "kinda", "kind", "of", "a", "bit", "little", "pretty", "quite", "super", "that", "so"}
NOT_A_FILM = {"it", "this", "that", "they", "these", "those", "there", "he", "she", "any", "one", "the", "a", "an"}
# who of a group wants what: "two of them love horror, one only watches romcoms, the rest want something fun"
GROUP_TASTE_RE = re.compile(r"\b(?:(?:one|two|three|four|some|most|half|all|a couple)\s+of\s+(?:them|us|the\s+\w+)|"
                            r"(?:the\s+)?(?:rest|others?)(?:\s+of\s+(?:them|us))?|one|she|he|my\s+(?:wife|husband|"
                            r"partner|son|daughter|mum|mom|dad|friend|brother|sister|kids?|boyfriend|girlfriend))\s+"
                            r"(?:(?:only|just|really|mostly)\s+)?(?:loves?|likes?|wants?|watch(?:es)?|prefers?|"
                            r"is\s+into|are\s+into|is\s+after|are\s+after)\b", re.IGNORECASE)
# "also is the empire strikes back scary for kids?": a question after a word that joins it to what went before
QUESTION_OPENER_RE = re.compile(r"^\s*(?:also|and also|and|plus|btw|by the way|oh and|ok and|one more thing|"
                                r"quick question)[\s,:]+(?=(?:is|are|was|were|does|did|who|how|what|when|can|could|has|"
                                r"have)\b)", re.IGNORECASE)
KIN = {"wife", "husband", "son", "daughter", "kid", "kids", "mum", "mom", "dad", "partner", "boyfriend", "girlfriend",
       "friend", "friends", "brother", "sister", "family", "grandma", "grandpa", "nan", "parents", "hubby", "missus"}
# "my husband wants horror but i hate being scared. maybe a thriller thats not gory?": the other person's kind
# given up for the one proposed after it (it had been milder horror)
COMPROMISE_RE = re.compile(rf"\b{_SOMEONE}{_WANTS}.+?(?:[.!?;,]\s*|\s+)(?:so\s+|or\s+|but\s+)?(?P<offer>(?:maybe|"
                           r"perhaps|how about|what about|could we (?:do|try))\b.*)$", re.IGNORECASE)
# "anything by the director of silence of the lambs?", "more by the same director as the first one": the
# director (or lead) of a film named, or of a card named by its place
PERSON_OF_FILM_RE = re.compile(r"\b(?:by|from|with)\s+the\s+(?:same\s+)?(?P<role>director|maker|filmmaker|star|lead|"
                               r"actor|actress|guy|bloke|man|woman|lady|chap|fella|fellow|person|one)s?\s+"
                               r"(?:of|as(?: in)?|from|who (?:made|did|directed))\s+"
                               r"(?P<film>[^?.!,]{1,60})|\bsame (?P<role2>director|star|lead|actor|actress)s?\s+as\s+"
                               r"(?P<film2>[^?.!,]{1,60})", re.IGNORECASE)
# people of the person's life, whom "him" or "her" after them means ("watch it with him" after "my grandpa")
RELATIVE_RE = re.compile(r"\b(?:grand(?:pa|dad|father|ma|mother|son|daughter)|granny|nan|dad|father|mum|mom|mother|son|"
                         r"daughter|husband|wife|boyfriend|girlfriend|partner|brother|sister|uncle|aunt|nephew|niece|"
                         r"friend|mate|kid|child|boss|colleague|roommate|flatmate|fianc[eé]e?|neighbou?r)s?\b",
                         re.IGNORECASE)
PERSON_REF_RE = re.compile(
    r"\b(?:films?|movies?|flicks?|anything|something|stuff|more|others?|else|ones?|work)\b[\w\s']{0,24}?"
    r"\b(?P<prep>directed by|made by|by|with|from|starring|featuring|(?<!\bfor both )(?<!\bfor all )"
    r"(?<!\bfor each )(?<!\bfor either )(?<!\bone )(?<!\bnone )(?<!\bneither )(?<!\beither )of)\s+" + _WHO + r"\b"
    # ("needs to work for both of them": the kids; "without one of them being bored")
    r"(?!\s+(?:era|eras|time|times|day|days|generation|age|youth|childhood|heyday|prime|decade))"  # "her era"
    r"|\b(?:his|her|their|(?:the|that) (?:director|actor|actress|guy)(?:'?s)?) other (?:films?|movies?|work|stuff)\b"
    r"|\bwhat (?:else|other (?:films?|movies?)) (?:did|has|have|does|do|is|was) (?:he|she|they) (?:direct(?:ed)?|make|"
    r"made|do|done|star in|starred in|been in|act(?:ed)? in|in)\b", re.IGNORECASE)
DIRECTOR_REF = re.compile(r"\b(?:direct\w*|made|make|filmmaker)\b", re.IGNORECASE)  # also "who directed it?"
CAST_REF = re.compile(r"\b(?:actor|actress|star|starring|starred|featuring|lead|been in|act|acted)\b", re.IGNORECASE)
# "stop asking me questions", "no more questions", "enough with the qs", "i said no questions", "dont ask
# me anything": no question from here on in this conversation (``ChatState.quiet``), films instead
NO_QUESTIONS_RE = re.compile(
    r"\b(?:(?:no|stop|enough|quit|skip|without|less|fewer|cut|too many|done with|sick of|tired of)\b"
    r"(?:\s+(?:with|the|all|any|these|those|this|your|more|me|asking|so|many|of)){0,3}\s+(?:questions?|qs)"
    r"|(?:stop|quit|no more|enough)\s+(?:asking|quizzing|interrogating)(?:\s+me)?(?:\s+(?:questions?|stuff|things))?"
    r"|(?:do ?n[o']?t|dont|pls dont|please dont) ask(?:\s+me)?\s+(?:any ?(?:thing|more)|anymore|again|questions?)"
    r"|(?:do ?n[o']?t|dont) ask me)"
    # the request ends its clause ("no questions asked", "questions about faith", "dont ask me why" are other things)
    r"(?=\s*(?:[,.!?;:-]|$|just\b|give\b|show\b|please\b|pls\b|plz\b|and\b|i\b|ok\b|thanks\b|already\b|now\b))",
    re.IGNORECASE)
# small talk about anything but films ("whats the weather like", "who won the game"): said so, not searched
OFF_TOPIC_RE = re.compile(r"^\s*(?:(?:hey|so|ok|okay)\s+)?(?:(?:what(?:'?s| is| was)|how(?:'?s| is)|whats|hows|will it|"
                          r"is it (?:going to|gonna))\s+(?:the\s+)?(?:weather|temperature|news|traffic|stock market|"
                          r"forecast|meaning of life|time(?: is it)?|date|day)|tell me a joke|what time is it|"
                          r"do you know the time|what day is it|are (?:you|u) (?:a |an )?(?:robot|bot|human|real|"
                          r"person|ai|computer|machine)|who (?:are|r) (?:you|u)|who made (?:you|u))"
                          r"(?:\s+(?:like|today|tomorrow|tonight|outside|now|"
                          r"in\s+\w+))?\s*[?.!]*\s*$", re.IGNORECASE)
# torn between two films: "which, a or b?"
DECIDE_BETWEEN_RE = re.compile(r"^\s*(?:i|we)\s+(?:can'?t|cannot|can not)\s+(?:decide|choose|pick)\s+between\s+"
                               r"(?P<a>[^,?]+?)\s+(?:and|or|&)\s+(?P<b>[^,?.!]+?)\s*[?.!]*\s*$", re.IGNORECASE)
# two people who cannot agree ("me and my girlfriend can't agree on a movie"): who is watching, not a wish
DISAGREE_RE = re.compile(r"(?:\b(?:me and|my|i and|we|us|the two of us|both of us)\b[\w\s']{0,30}?)?\b(?:can'?t|cannot|"
                         r"can not|never|dont|don'?t)\s+(?:ever\s+)?(?:agree|decide)(?:\s+on)?"
                         r"(?:\s+(?:a|what|which|the|"
                         r"any))?(?:\s+(?:movie|film|one|to watch|to pick|to see)s?)?"
                         r"(?:\s+(?:tonight|to watch))?",
                         re.IGNORECASE)
# a person losing patience ("are you even listening", "this is useless"): an apology and what was understood,
# not a search for "listening"
FRUSTRATED_RE = re.compile(
    r"^\s*(?:(?:omg|ugh|seriously|dude|bro|man|come on|cmon|wow|jeez|god|lol|hello)[\s,.!?]+)*(?:"
    r"(?:are|r) (?:you|u) (?:even |actually |still |like )?(?:listening|paying attention|reading|reading this|"
    r"getting (?:this|it)|kidding(?: me)?|broken|dumb|stupid|serious)"
    r"|(?:you(?:'?re| are)|ur|u r|youre) (?:not|n'?t) (?:listening|getting it|helping|understanding(?: me)?)"
    r"|(?:you|u) (?:do ?n'?t|dont|do not|never) (?:get it|understand(?: me)?|listen)"
    r"|(?:this|that|you|u)(?: is| are| r|'?re|s)? (?:so |totally |completely |pretty )?(?:useless|hopeless|not helping|"
    r"not helpful|pointless|broken)"
    r"|(?:that'?s|thats|this is|these are) not what i (?:asked for|asked|said|wanted|meant)"
    r"|do (?:you|u) (?:even )?(?:listen|understand)(?: me)?"
    r"|(?:that|this|the|your) (?:explanation|reason|answer|reasoning)(?: (?:does ?n'?t|does not|doesnt) make "
    r"(?:any )?sense| makes no sense| is (?:nonsense|wrong|rubbish))"
    r")(?:\s+(?:to me|at all|man|bro|dude|lol|smh|ffs|seriously|or what))*\s*[?!.]*\s*$", re.IGNORECASE)
# what may stand around that request and say nothing more ("i said no questions", "ok just stop asking")
QUIET_FILLER = {"i", "said", "just", "already", "again", "seriously", "ok", "okay", "pls", "please", "plz", "now",
                "told", "you", "u", "ya", "man", "dude", "and", "so", "anymore", "ffs", "omg", "jeez", "god",
                "like", "k", "ugh", "come", "on", "lol", "mate", "thanks", "thx", "really", "the", "it", "all"}
# after a leading "no" / "nah", these open another wish rather than what is not wanted
CHANGE_OPENERS = {"something", "somethin", "sumthing", "anything", "gimme", "give", "show", "how", "what", "lets",
                  "let", "i", "id", "just", "maybe", "make"}
# "seen them all" (every film shown) and "seen it" (one of them: which?)
# what a day is made of, said beside a wish ("i need cheering up, work was awful"): no film's name
EVERYDAY_SUBJECTS = {"work", "school", "uni", "college", "class", "book", "books", "novel", "novels", "today", "life",
                     "traffic", "dinner", "lunch", "weather", "day", "week", "job", "trip", "flight", "meeting",
                     "homework", "exam", "exams", "commute", "shift", "boss"}
# a card by its place and what it is ("number 3 is in italian, perfect"): a reason for the choice
CARD_IS_RE = re.compile(r"\s*(?:the\s+)?(?:number\s+|#|no\.\s*)?[1-5]\s+(?:one\s+)?(?:is|was|'s)\s+"
                        r"(?P<kind>[^,.;!?]{2,40})",
                        re.IGNORECASE)
# kinds narrower than a genre ("slashers" of horror): a wish beside the genre when the genre is named too
SUBKINDS = {**dict.fromkeys(("slasher", "slashers", "splatter", "zombie", "zombies", "vampire", "vampires"), "Horror"),
            **dict.fromkeys(("gangster", "gangsters", "mob", "mobster", "mobsters", "mafia", "heist", "heists"),
                            "Crime"),
            **dict.fromkeys(("whodunit", "whodunits", "whodunnit", "whodunnits"), "Mystery")}
SUBKIND_RE = re.compile(r"\b(?P<w>" + "|".join(sorted(SUBKINDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
NOT_SO_RE = re.compile(r"\b(?:not|nothing|but not)\s+(?:too\s+|so\s+|overly\s+|very\s+)?(?P<w>[a-z]+)\b", re.IGNORECASE)
WHY_OPENER = re.compile(r"(?:^|(?<=[\s,.!?]))(?:and|but|also|so|ok|okay)?[\s,]*(?:why|how come)\b(?!\s+not\b)",
                        re.IGNORECASE)
# a card none of those watching has seen ("nobody's seen 1", "none of us have seen number 2"), and the choice of it
UNSEEN_BY_ALL = re.compile(r"\b(?:nobody|no\s*one|none\s+of\s+us|neither\s+of\s+us)\s*(?:'s|s|has|have)?\s+(?:ever\s+)?"
                           r"(?:seen|watched)\s+(?:the\s+|number\s+|no\.\s*|#)?(?P<n>[1-5])\b", re.IGNORECASE)
LETS_DO_THAT = re.compile(r"\s*(?:so\s+)?(?:let'?s|lets)\s+(?:do|go\s+with|watch|pick|have)\s+(?:that|it|that\s+one)"
                          r"(?:\s+then)?\s*|\s*(?:so\s+)?(?:that|that\s+one)\s+(?:then|it\s+is)\s*", re.IGNORECASE)
# after verdicts on other cards, a card by its place alone, as the choice ("..., so 2 then", "..., 4 it is")
PLACE_THEN = re.compile(r"\s*(?:so|then|ok|okay|and)?\s*(?:#|number\s+|no\.\s*)?(?P<n>[1-5])\s*(?:then|it\s+is|it'?s|"
                        r"please|pls)\s*[.!]*\s*", re.IGNORECASE)
REFUSAL_OPENER = re.compile(r"\s*(?:(?:yeah|yea|ok|okay)[\s,]+)?(?:nah+|no+|nope|naw)(?:\s*[,.!]+|\s+(?=(?:to\s+(?:all|"
                            r"any|these|those|them|every)|none|not|seen|never|thanks|thank you|thx)\b))",
                            re.IGNORECASE)
# (a message that opens by turning the films down, "nah, ...", "no to all of these, ...", not a value: "no musicals")
SEEN_SHOWN = re.compile(r"^\s*(?:(?:ok|yeah|nah|no|nope|sorry|hmm|haha|lol|ugh|mm|meh|well)[\s,.!]+)?"
                        r"(?:not (?:that|this) one[\s,.!]+)?"  # "not that one, ive seen it"
                        r"(?:i'?ve |i have |i )?(?:already )?"
                        r"(?:seen|watched|saw) (?:(?P<all>them all|them|these|those|all of (?:them|these|those)|"
                        r"all (?:of )?(?:these|those|them)|every (?:single )?one(?: of (?:them|these|those))?|all)|"
                        r"(?P<one>it|that|that one|this one|this))"
                        r"(?: already| before| too)?(?:[\s,.!]+(?:next|more|others?|something else))?[\s.!?]*$",
                        re.IGNORECASE)
# words that ask for the films themselves, whatever else the message says
SHOW_ME_NOW = {("show", "me"), ("hit", "me"), ("results",), ("show", "results"), ("gimme",), ("recommend",),
               ("suggest",), ("list", "them")}
# the films shown, turned down in a message that may go on to say what instead
REJECT_SHOWN = re.compile(r"\b(?:none of (?:these|them|those|em|the above)|"
                          r"(?:these|those|they)(?: are| r|'re)? (?:all )?(?:bad|terrible|awful|rubbish|crap|boring|"
                          r"meh|rotten|dull)(?: suggestions| picks| recs| choices| ones)?|"
                          r"not feeling (?:any of )?(?:these|them|those)|"
                          r"(?:don'?t|do not|didn'?t) (?:like|want|fancy) any of (?:these|them|those))\b",
                          re.IGNORECASE)
YEAR = re.compile(r"^(18|19|20)\d\d$")
RATING_RE = re.compile(r"\b\d+(?:\.\d)?\s*/\s*(?:10|5)\b|\bout of (?:10|ten|5|five)\b", re.IGNORECASE)
# a message that opens by asking for films asks for them now, whatever else it says
HELP_RE = re.compile(r"\bwhat (?:do|should|can|shall) i (?:type|say|write|ask|put|do here)\b|"
                     r"\bhow (?:does|do) (?:this|it|you) work\b|\bhow do i use (?:this|it|you)\b|"
                     # "how do i make it show films", "how can i get you to recommend something": how to use the chat
                     r"\bhow (?:do|can|should|would) (?:i|we) (?:make|get|tell|ask) (?:it|you|this|the bot|the app)\b"
                     r"(?: to)?", re.IGNORECASE)
# a person half remembered: a first name and "something" ("patrick something", "ewan whatshisname"), and
# the film or series they were in ("the guy from trainspotting", "that bald actor from the star trek films")
HALF_NAME_RE = re.compile(r"\b(?P<first>[a-z]+)\s+(?:something|somebody|someone|whatshisname|whatsisname|"
                          r"whatshername|whatsername|whatsit|whatever(?:\s+(?:his|her)\s+name\s+is)?)\b", re.IGNORECASE)
HALF_CLUE_RE = re.compile(r"\b(?:from|in|of)\s+(?:the\s+|that\s+|those\s+)?(?P<film>[\w'&:-]+(?:\s+[\w'&:-]+){0,4}?)"
                          r"(?:\s+(?:films?|movies?|ones?|series|franchise))?(?=\s*(?:[,.;!?]|$))", re.IGNORECASE)
RATING_FINE_RE = re.compile(r"(?P<what>\b(?:rated\s+)?(?:g|pg|pg-13|r|nc-17)(?:\s+rated)?)\s+(?:is|are|r)\s+"
                            r"(?:perfectly\s+|totally\s+|also\s+|quite\s+)?(?:fine|ok|okay|alright|allowed|"
                            r"no problem)\b", re.IGNORECASE)
VALUE_FINE_RE = re.compile(r"^\s*(?:(?:and|but|oh|ok|okay|also|actually)[\s,]+)?(?P<what>[\w\s'-]{2,40}?)"
                           r"\s+(?:is|are|r)\s+(?:perfectly\s+|totally\s+|"
                           r"completely\s+|absolutely\s+|also\s+|quite\s+)?(?:fine|ok|okay|alright|no problem)"
                           r"(?:\s+(?:with|by|for)\s+(?:me|us))?(?:\s+too)?(?:[\s.!]*$|\s*[,;]\s*(?:just|but)\b|"
                           r"\s+(?:if|as\s+long\s+as|so\s+long\s+as)\b)",
                           re.IGNORECASE)  # ("mixed reviews are fine, just not the bad ones")
THATS_THE_ONE_RE = re.compile(r"\s*(?:(?:ok(?:ay)?|yes|yeah|yep|right|perfect)[\s,.!]+)?that'?s (?:the one|it)\b"
                              r"(?:[\s,.!]+(?:(?:we'?re|i'?m) )?watching (?:it|that)(?: now| tonight)?)?[\s.!]*$",
                              re.IGNORECASE)
# a person who mixes Spanish in ("vi the client anoche, muy aburrida", "quiero a horror movie de los 70s"): the
# words of a film chat said in Spanish, read as their English; only in a message with a word no English
# message has (``SPANISH_MARKERS``), so "La Bamba" or "Rocky VI" stay as they are (``in_english``)
SPANISH_PHRASES = (
    # round thirty-one: "scream 2 fue una basura", "NO me gustó", "olvida john carpenter", "solo peliculas de miedo",
    # "tienes halloween de john carpenter?" (the first two had liked the film, "olvida" kept the director)
    ("fue una basura", "was rubbish"), ("es una basura", "is rubbish"), ("una basura", "rubbish"),
    # round thirty-nine: "the fog suena bien. es triste?", "no muy sangrienta", "volver a las de miedo" (it had asked
    # for dramas, said "No War", and looked for the film *Volver*)
    ("suena bien", "sounds good"), ("suenan bien", "sound good"), ("no muy", "not too"), ("no tan", "not too"),
    ("volver a", "back to"), ("volvamos a", "back to"), ("pregunte si", "asked if"), ("pregunté si", "asked if"),
    ("solo pregunte si", "i only asked if"), ("solo pregunté si", "i only asked if"),
    # round thirty-two: "No quiero acción ni sangre" (it had asked for both), "sin acción", "me interesa, es muy
    # violenta?", "quién sale en Carrie?", "de los años 70 u 80"
    ("no la he visto", "i haven't seen it"), ("no lo he visto", "i haven't seen it"), ("no la vi", "i haven't seen it"),
    ("no lo vi", "i haven't seen it"), ("solo preguntaba", "i was only asking"),
    ("sólo preguntaba", "i was only asking"),
    ("solo pregunté", "i only asked"), ("solo pregunte", "i only asked"), ("preguntaba", "i was asking"),
    ("estoy super triste", "i'm feeling down"), ("estoy muy triste", "i'm feeling down"), ("estoy triste",
    "i'm feeling down"), ("que me haga reír", "to make me laugh"), ("que me haga reir", "to make me laugh"),
    ("de qué trata", "what is it about"), ("de que trata", "what is it about"), ("de qué va", "what is it about"),
    ("de que va", "what is it about"),
    ("no quiero", "i don't want"), ("no queremos", "we don't want"), ("me interesa", "looks interesting"),
    ("es muy", "is it very"), ("quién sale en", "who is in"), ("quien sale en", "who is in"), ("y es", "and is it"),
    ("de los años", "from the"), ("de los anos", "from the"), ("los años", "the"), ("los anos", "the"),
    ("no me gustó nada", "i did not like it at all"), ("no me gusto nada", "i did not like it at all"),
    ("no me gustó", "i did not like it"), ("no me gusto", "i did not like it"), ("olvídate de", "forget"),
    ("olvidate de", "forget"), ("de verdad", "for real"),
    ("menos de", "under"), ("es demasiado", "is too"), ("demasiado larga", "too long"), ("demasiado largo", "too long"),
    ("para hoy", "for today"), ("dos veces", "twice"), ("tres veces", "three times"), ("ya la vi", "seen it already"),
    ("ya lo vi", "seen it already"),
    ("la vi", "i saw it"), ("lo vi", "i saw it"),
    ("me da igual", "i don't mind"), ("ya la vi", "seen it already"), ("ya lo vi", "seen it already"),
    ("ya las vi", "seen them already"), ("ya los vi", "seen them already"), ("por favor", "please"),
    ("si se puede", "if possible"), ("de miedo", "horror"), ("de terror", "horror"), ("de acción", "action"),
    ("de accion", "action"), ("de los", "from the"), ("en español", "in spanish"), ("en espanol", "in spanish"),
    ("algo de", "something"), ("para llorar", "to cry"), ("para reír", "to laugh"), ("para reir", "to laugh"),
    ("a gusto", ""),
    ("de siempre", "ever"), ("la vieja de", "the old"), ("el viejo de", "the old"),
    ("con mis", "with my"), ("y que no sea", "but not"), ("que no sea", "not"), ("de disney", "disney"),
    ("que no sean", "not"), ("que sea", ""), ("algo más", "something more"),
    ("la más corta", "the shortest"), ("la mas corta", "the shortest"), ("el más corto", "the shortest"),
    ("más corta", "shortest"), ("la más larga", "the longest"), ("la mejor", "the best"), ("una peli", "a film"),
    ("más reciente", "more recent"), ("mas reciente", "more recent"), ("más recientes", "more recent"),
    ("y la verdad", "and honestly"), ("la verdad", "honestly"), ("nada de", "no"),
    ("ninguna de estas", "none of these"),
    ("ninguna de esas", "none of these"), ("dibujos animados", "animated"), ("es mi", "is my"),
    ("muy", "very"),
    ("la uno", "number 1"), ("la dos", "number 2"), ("la tres", "number 3"), ("la cuatro", "number 4"),
    ("ya vi el primero", "i've seen the first one"), ("ya vi la primera", "i've seen the first one"),
    ("ya vi", "i've seen"), ("el primero", "the first one"), ("el segundo", "the second one"),
    ("el tercero", "the third one"), ("el cuarto", "the fourth one"), ("el quinto", "the fifth one"),
    ("por qué", "why"), ("no tan", "not too"), ("de ciencia ficción", "sci-fi"), ("de ciencia ficcion", "sci-fi"),
    ("ciencia ficción", "sci-fi"), ("ciencia ficcion", "sci-fi"), ("una película", "a film"),
    ("una pelicula", "a film"), ("de amor", "romance"), ("de dibujos", "animated"),
    ("la cinco", "number 5"), ("la primera", "the first one"), ("la segunda", "the second one"),
    ("la tercera", "the third one"), ("la cuarta", "the fourth one"), ("la quinta", "the fifth one"),
    # the retest of round twenty-eight: "rated R esta bien", "porfa", "tipo splatter", "pero psicologico", "nunca
    # dije eso", "quita el 'no war'" ("porfa" had been a word to keep away from, "esta bien" left R the only rating)
    ("está bien", "is fine"), ("esta bien", "is fine"), ("nunca dije eso", "i never said that"),
    ("nunca dije", "i never said"),
    ("eso es", "that is"), ("quita el", "remove"), ("quita la", "remove"), ("quítame", "remove"),
    ("por que", "why"), ("mil veces", "many times"), ("algo como", "something like"),
)
SPANISH_WORDS = {
    "porfa": "please", "porfis": "please", "tipo": "like", "psicologico": "psychological",
    "psicológico": "psychological", "psicologica": "psychological", "psicológica": "psychological", "como": "like",
    "moderno": "modern", "moderna": "modern", "dice": "says", "jaja": "haha", "jajaja": "haha", "quita": "remove",
    "nada": "nothing",
    "vi": "saw", "quiero": "i want", "queremos": "we want", "algo": "something", "películas": "films",
    "peliculas": "films", "película": "film", "pelicula": "film", "pelis": "films", "peli": "film", "mejor": "instead",
    "otra": "another", "otro": "another", "otras": "others", "otros": "others", "anoche": "last night",
    "malísima": "terrible", "malisima": "terrible", "malísimo": "terrible", "malisimo": "terrible", "mala": "bad",
    "aburrida": "boring", "aburrido": "boring", "enséñame": "show me", "ensename": "show me", "muéstrame": "show me",
    "muestrame": "show me", "comedia": "comedy", "comedias": "comedies", "acción": "action", "accion": "action",
    "miedo": "horror", "romántica": "romance", "romantica": "romance", "gracias": "thanks", "hola": "hi",
    "favorita": "favourite", "favorito": "favourite", "infantil": "children's", "guerra": "war",
    "vaqueros": "westerns", "primos": "cousins", "niños": "kids", "ninos": "kids", "sí": "yes", "vista": "seen",
    "visto": "seen", "encantó": "loved", "encanto": "loved", "odio": "hate", "gusta": "like", "gustó": "liked",
    "gusto": "liked", "años": "years", "anos": "years", "setenta": "70s", "ochenta": "80s", "noventa": "90s",
    "sesenta": "60s", "cincuenta": "50s", "más": "more", "mas": "more", "reciente": "recent", "recientes": "recent",
    "olvida": "forget", "olvidá": "forget", "solo": "only", "sólo": "only", "tienes": "do you have",
    "horas": "hours", "hora": "hour", "demasiado": "too",
    "pero": "but", "amigo": "friend", "amiga": "friend", "nueva": "new", "nuevas": "new", "antigua": "old",
    "antiguas": "old", "corta": "short", "cortas": "short", "larga": "long", "largas": "long",
    "largo": "long", "largos": "long", "sangre": "gore", "triste": "sad", "tristes": "sad", "tan": "too",
    "adiós": "bye", "adios": "bye", "chao": "bye", "porque": "why", "divertida": "funny", "divertido": "funny",
    "violenta": "violent", "violento": "violent", "sangrienta": "gory", "sangriento": "gory", "u": "or",
    "ni": "or", "sin": "no", "mucho": "a lot", "muchísimo": "a lot", "muchisimo": "a lot", "genial": "great",
    "buenísima": "great",
    "buenisima": "great", "buena": "good", "bueno": "good", "es": "is",
}
SPANISH_MARKERS = {"porfa", "porfis", "jaja", "jajaja", "psicologico", "psicológico", "dije", "quita",
                   "quiero", "algo", "películas", "peliculas", "película", "pelicula", "pelis", "anoche", "malísima",
                   "malisima", "malísimo", "aburrida", "aburrido", "enséñame", "ensename", "muéstrame", "muestrame",
                   "gracias", "favorita", "miedo", "mejor", "otra", "igual", "español", "espanol", "llorar", "primos",
                   "nada", "ninguna", "también", "tambien", "vieja", "verdad", "siempre", "queremos", "encantó",
                   "niños", "acción", "más", "pero", "reciente", "recientes", "corta", "sea", "sangre", "triste",
                   "largo", "primero", "segundo", "tercero", "adiós", "adios", "porque", "qué", "divertida", "ciencia",
                   "ficción", "ficcion", "una", "divertido", "basura", "olvida", "tienes", "gustó", "busco",
                   "muy", "interesa", "sangrienta", "violenta", "quién", "años", "preguntaba", "visto"}
SPANISH_PHRASE_RE = re.compile(r"\b(?:" + "|".join(re.escape(a) for a, _ in SPANISH_PHRASES) + r")\b", re.IGNORECASE)
SPANISH_WORD_RE = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in sorted(SPANISH_WORDS, key=len,
                                                                                          reverse=True))
                             + r")(?![\w'])", re.IGNORECASE)


# the same for French, smaller: "je prends le premier", "merci beaucoup, the first one c'est parfait"
FRENCH_PHRASES = (
    # round thirty-one: "non non non. pas jarmusch, pas les USA. seulement des films en langue française" had asked
    # for Jarmusch and American films
    ("pas de", "no"), ("pas les", "no"), ("pas le", "no"), ("pas la", "no"), ("pas", "no"), ("pas mal", "not bad"),
    ("seulement", "only"), ("aussi", "also"), ("françaises", "french"), ("français", "french"), ("française", "french"),
    ("francaises", "french"), ("tous les", "all the"), ("toutes les", "all the"), ("mais", "but"),
    ("en langue française", "in french"), ("en langue francaise", "in french"), ("en français", "in french"),
    ("en francais", "in french"), ("oublie", "forget"), ("c'est nul", "is rubbish"), ("ennuyeux", "boring"),
    # round thirty-two: "en fait oublie la comédie, un drame romantique c'est bien aussi" (read as a question),
    # "Delicatessen j'ai adoré!" (nothing read)
    ("c est quoi l histoire", "what is it about"), ("c'est quoi l histoire", "what is it about"),
    ("pas que", "not only"), ("pas seulement", "not only"),
    ("trop sombre", "too dark"), ("sombre", "dark"), ("plus léger", "lighter"), ("plus leger", "lighter"),
    ("léger", "light"), ("légère", "light"),
    ("je ne l'ai pas vu", "i haven't seen it"), ("je l'ai pas vu", "i haven't seen it"),
    ("je ne l'ai jamais vu", "i have never seen it"), ("je demandais juste", "i was only asking"),
    ("je demandais seulement", "i was only asking"), ("je demandais", "i was asking"),
    ("en fait", "actually"), ("oublie la", "forget the"), ("oublie le", "forget the"), ("oublie les", "forget the"),
    ("drame romantique", "romantic drama"), ("c'est bien aussi", "is fine too"), ("j'ai adoré", "i loved"),
    ("j'ai aimé", "i liked"), ("j'ai détesté", "i hated"), ("le cinquième élément", "the fifth element"),
    ("ennuyeuse", "boring"),
    ("je prends le premier", "i'll take the first one"), ("je prends la première", "i'll take the first one"),
    ("je prends le deuxième", "i'll take the second one"), ("je prends le second", "i'll take the second one"),
    ("je prends le troisième", "i'll take the third one"), ("je prends le dernier", "i'll take the last one"),
    ("je prends", "i'll take"), ("c'est parfait", "is perfect"),
    ("merci beaucoup", "thanks"), ("non merci", "no thanks"), ("le premier", "the first one"),
    ("la première", "the first one"), ("le deuxième", "the second one"), ("le troisième", "the third one"),
    ("le quatrième", "the fourth one"), ("le cinquième", "the fifth one"), ("le dernier", "the last one"),
    ("pourquoi celui-là", "why this one"), ("pourquoi celui-ci", "why this one"), ("celui-là", "this one"),
    ("celui-ci", "this one"), ("pourquoi", "why"),
    # kinds of film
    ("un film d'horreur", "a horror film"), ("un film d'horeur", "a horror film"), ("films d'horreur", "horror films"),
    ("film d'horreur", "horror film"), ("d'horreur", "horror"), ("d'horeur", "horror"), ("d'action", "action"),
    ("d'animation", "animated"), ("d'aventure", "adventure"), ("d'aventures", "adventure"), ("de guerre", "war"),
    ("de science-fiction", "sci-fi"), ("de science fiction", "sci-fi"), ("de sf", "sci-fi"),
    ("comédie musicale", "musical"), ("comédies musicales", "musicals"), ("comedie musicale", "musical"),
    ("comédie romantique", "romantic comedy"), ("comédies romantiques", "romantic comedies"),
    ("comedie romantique", "romantic comedy"), ("comédie romantik", "romantic comedy"),
    ("comedie romantik", "romantic comedy"), ("dessins animés", "cartoons"), ("dessin animé", "cartoon"),
    ("dessins animes", "cartoons"), ("dessin anime", "cartoon"), ("en noir et blanc", "in black and white"),
    ("noir et blanc", "black and white"), ("policiers", "crime"), ("policier", "crime"), ("polar", "crime"),
    ("documentaires", "documentaries"), ("documentaire", "documentary"), ("horreur", "horror"),
    ("comédies", "comedies"), ("comédie", "comedy"), ("comedie", "comedy"), ("drôle", "funny"), ("drole", "funny"),
    ("drames", "dramas"), ("drame", "drama"), ("effrayant", "scary"), ("qui fait peur", "scary"),
    # eras, lengths, people
    ("des années", "from the"), ("les années", "the"), ("années", ""), ("annees", ""),
    ("moins de deux heures", "under 2 hours"), ("moins de 2 heures", "under 2 hours"),
    ("pas trop long", "not too long"),
    ("pas trop", "not too"), ("pour les enfants", "for the kids"), ("avec les enfants", "with the kids"),
    ("mes enfants", "my kids"), ("les enfants", "the kids"), ("mon fils", "my son"), ("ma fille", "my daughter"),
    ("sous-titres", "subtitles"), ("sous-titré", "subtitled"),
    # asking, judging, the rest
    ("un film", "a film"), ("des films", "films"), ("quelque chose de", "something"), ("quelque chose", "something"),
    ("autre chose", "something else"), ("je veux", "i want"), ("je voudrais", "i'd like"),
    ("je cherche", "i'm looking for"),
    ("montrez-moi", "show me"), ("montre-moi", "show me"), ("montre moi", "show me"), ("on a déjà vu", "we've seen"),
    ("j'ai déjà vu", "i've seen"), ("déjà vu", "seen already"), ("j'ai vu", "i saw"), ("on a vu", "we saw"),
    ("j'adore", "i love"), ("j'aime pas", "i don't like"), ("je n'aime pas", "i don't like"), ("j'aime", "i like"),
    ("je déteste", "i hate"), ("hier soir", "last night"), ("mon film préféré", "my favourite film"),
    ("c'est mon film préféré", "is my favourite film"), ("c'est qui les acteurs", "who is in it"),
    ("qui sont les acteurs", "who is in it"), ("qui joue", "who is in it"), ("c'est bien", "is it good"),
    ("c'est quoi l'histoire", "what is it about"), ("c'est pas", "is not"), ("pas du tout", "not at all"),
    ("du tout", "at all"), ("c'est", "is"), ("trop bizarre", "too weird"),
    ("pour moi", "for me"), ("n'importe quoi", "anything"), ("peu importe", "i don't mind"),
    ("ça m'est égal", "i don't mind"), ("annule ça", "undo that"), ("annule", "undo"), ("on recommence", "start over"),
    ("recommencer", "start over"), ("pas de", "no"), ("sans", "without"), ("avec", "with"), ("plutôt", "rather"),
    ("des", "some"), ("un", "a"), ("une", "a"), ("les", "the"), ("trop", "too"), ("et", "and"), ("ou", "or"),
    ("pour ce soir", "for tonight"), ("ce soir", "tonight"), ("un bon film", "a good film"), ("bon", "good"),
    ("pour", "for"), ("au revoir", "bye"),
    ("plus comme", "more like"), ("comme", "like"), ("romantique", "romantic"), ("romantiques", "romantic"),
    ("trop violent", "too violent"), ("trop vieux", "too old"), ("vieux", "old"), ("magnifique", "wonderful"),
    ("génial", "great"), ("nul", "terrible"), ("ennuyeux", "boring"), ("oui", "yes"),
    ("bonsoir", "good evening"), ("bonjour", "hello"), ("salut", "hi"), ("s'il vous plaît", "please"),
    ("s'il te plaît", "please"), ("svp", "please"), ("merci", "thanks"), ("mais", "but"), ("encore", "more"),
    ("français", "french"), ("française", "french"), ("anglais", "english"),
)
FRENCH_MARKERS = {"je", "prends", "parfait", "merci", "beaucoup", "bonsoir", "bonjour", "quelque", "voudrais",
                  "veux", "plaît", "plait", "deuxième", "troisième", "première", "premier", "pourquoi", "celui",
                  "svp", "années", "annees", "montre", "montrez", "cherche", "déjà", "drôle", "plutôt", "autre",
                  "hier", "préféré", "magnifique", "annule", "oui", "salut", "comédie", "comédies", "horreur",
                  "policier", "dessins", "dessin", "enfants", "moins", "adore", "aime", "déteste", "chose", "génial",
                  "importe", "recommence", "recommencer", "documentaire", "effrayant", "horeur", "un", "une", "des",
                  "les", "avec", "sans", "pas", "mais", "trop", "non", "ai", "vu", "soir", "pour", "moi", "c'est",
                  "encore", "vieux", "revoir", "comme", "romantique", "nul", "qui", "acteurs", "histoire", "quoi",
                  "seulement", "oublie", "ennuyeux", "français", "française", "adoré", "aimé", "détesté", "drame",
                  "demandais"}
_FRENCH_STRONG = {"je", "bonsoir", "bonjour", "prends", "parfait", "pourquoi", "svp", "années", "annees", "montre",
                  "montrez", "cherche", "plutôt", "drôle", "comédie", "horreur", "policier", "annule", "déjà",
                  "adore", "quelque", "celui", "salut", "préféré", "magnifique", "horeur", "merci", "encore", "vieux",
                  "revoir", "comme", "romantique", "nul", "trop", "acteurs", "histoire", "seulement", "oublie",
                  "ennuyeux", "français", "française", "adoré", "détesté", "demandais"}
FRENCH_PHRASE_RE = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(a) for a in sorted(
    (a for a, _ in FRENCH_PHRASES), key=len, reverse=True)) + r")(?![\w'])", re.IGNORECASE)  # the longest first


# and German, smaller still: "The second I have already seen, leider", "something with Krimi"
GERMAN_WORDS = {"leider": "", "bitte": "please", "danke": "thanks", "krimi": "crime", "krimis": "crime",
                "nein": "no", "sehr": "very", "gut": "good", "etwas": "something", "einen": "a", "ich": "i",
                "möchte": "would like", "mochte": "would like", "schön": "nice", "vielen": "", "dank": "thanks",
                "nicht": "not", "kein": "no", "keine": "no", "keinen": "no", "zu alt": "too old", "zu lang": "too long",
                "zu lange": "too long", "alt": "old", "neu": "new", "neuer": "newer", "älter": "older",
                "kinder": "kids", "für kinder": "for kids", "ja": "yes", "tschüss": "bye", "tschuss": "bye",
                "warum": "why", "spannend": "thrilling", "lustig": "funny", "gruselig": "scary", "habe gesehen": "seen",
                "gesehen": "seen", "schon gesehen": "seen already", "ich habe": "i have", "mit": "with", "und": "and",
                "oder": "or", "film mit": "film with", "filme": "films", "jahre": "", "zeichentrick": "animated",
                "nummer": "number", "der erste": "the first one", "den ersten": "the first one",
                "der zweite": "the second one", "den zweiten": "the second one", "der dritte": "the third one",
                "den dritten": "the third one", "noch mehr": "more", "mehr": "more", "andere": "other",
                # round twenty-eight: "vielleicht auch 80er" (the 80s too, not instead), "nicht nur", "egal welches
                # Jahr", "kenne ich schon", "ist aber kein Komödie", "ich suche etwas Lustiges", "schlecht bewertet"
                "auch": "also", "nur": "only", "nicht nur": "not only", "vielleicht": "maybe", "egal welches jahr":
                "any year", "egal welche jahre": "any year", "egal": "any", "kenne ich schon": "seen it",
                "kenn ich schon": "seen it", "ist aber kein": "is not a", "ist kein": "is not a", "ist aber keine":
                "is not a", "komödie": "comedy", "komödien": "comedies", "komodie": "comedy", "lustiges": "funny",
                "was lustiges": "something funny", "etwas lustiges": "something funny", "ich suche": "i want",
                "ich wollte": "i wanted", "schlecht bewertet": "poorly reviewed", "gut bewertet": "well reviewed",
                "die sind alle": "they are all", "alle": "all", "von vorhin": "from before", "sah gut aus":
                "looked good", "was gibts noch": "what else", "oder so": "or so", "einfach": "just",
                # round thirty-five: "zu brutal für mich" (it had asked for action), "warum immer action??", "70er ist
                # egal", "ist ein Hai"
                "zu brutal": "too violent", "brutal": "violent", "für mich": "for me", "fur mich": "for me",
                "für": "for", "mich": "me", "immer": "always", "ist egal": "does not matter", "zu blutig":
                "too bloody", "blutig": "bloody", "zu viel": "too much", "ein": "a", "eine": "a",
                # round nineteen's German speaker: "Please no Kriegsfilme"
                "kriegsfilm": "war film", "kriegsfilme": "war films", "liebesfilm": "romance", "liebesfilme":
                "romances", "horrorfilm": "horror film", "horrorfilme": "horror films", "dokumentarfilm":
                "documentary", "dokumentarfilme": "documentaries"}
GERMAN_MARKERS = {"leider", "bitte", "danke", "krimi", "krimis", "nein", "sehr", "etwas", "möchte", "vielen", "ich",
                  "nicht", "keine", "keinen", "tschüss", "tschuss", "warum", "spannend", "lustig", "gruselig",
                  "gesehen", "jahre", "zeichentrick", "nummer", "älter", "mehr", "oder", "und", "mit", "auch", "nur",
                  "egal", "kenne", "komödie", "komödien", "lustiges", "suche", "bewertet", "vielleicht", "einfach",
                  "für", "mich", "immer", "kriegsfilm", "kriegsfilme", "liebesfilm", "liebesfilme", "horrorfilm",
                  "horrorfilme", "dokumentarfilm", "dokumentarfilme"}
GERMAN_WORD_RE = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, sorted(GERMAN_WORDS, key=len, reverse=True)))
                            + r")(?![\w'])", re.IGNORECASE)


def in_english(text: str) -> str:
    """The German, French and Spanish words of a film chat in ``text`` as English, each language only
    when a word only it has is there."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    if words & GERMAN_MARKERS or words & {"ja", "kinder", "alt"} and len(words) <= 2 or re.search(
            r"\b\d0er\b|\bzu (?:alt|lang)\b|\bfor kinder\b", text, re.IGNORECASE):  # "ja", "zu alt", "90er Jahre"
        text = re.sub(r"\b(\d0)er(?:\s+jahre)?\b", r"\1s", text, flags=re.IGNORECASE)  # "90er Jahre": the 90s
        text = GERMAN_WORD_RE.sub(lambda m: GERMAN_WORDS[m.group(0).lower()], text)
    french = {w.lower() for w in re.findall(r"[^\W\d_]+", text.replace("\u2019", "'").replace("'", " "))}
    if french & FRENCH_MARKERS and len(french & FRENCH_MARKERS) >= (1 if french & _FRENCH_STRONG else 2):
        plain = {a: b for a, b in FRENCH_PHRASES}
        text = text.replace("\u2019", "'")  # ("c\u2019est parfait")
        text = re.sub(r"\b(?:(des|les)\s+)?ann[ée]es\s+(\d0)\b", lambda m: ("from the " if m.group(1) and m.group(1)
                      .lower() == "des" else "the ") + m.group(2) + "s", text, flags=re.IGNORECASE)  # "des années 90"
        text = FRENCH_PHRASE_RE.sub(lambda m: plain.get(m.group(0).lower(), m.group(0)), text)
        text = re.sub(r"\b(?:a|as|ont)\s+(\d{1,2})\s+ans\b", r"is \1 years old", text)  # "mon fils a 8 ans"
    if not words & SPANISH_MARKERS and not re.search(r"\bya\s+l[ao]s?\s+vi\b", text, re.IGNORECASE):  # ("ya la vi")
        return text
    plain = dict((a, b) for a, b in SPANISH_PHRASES)
    text = re.sub(r"¿?\s*(?P<x>[^¿?.!]{2,40}?)\s+(?:da|dará)\s+miedo\s*\?", r"is \g<x> scary?", text,
                  flags=re.IGNORECASE)  # "¿Cat People da miedo?": a question of the film (it had asked for horror)
    text = re.sub(r"(?:(?<=^)|(?<=[.!?]\s))¿?\s*es\s+(?:muy\s+)?(?=(?:triste|larga|largo|violenta|violento|sangrienta|"
                  r"sangriento|divertida|divertido|buena|bueno)\s*\?)", "is it ", text, flags=re.IGNORECASE)  # "es
    # triste?": is it sad? (of the film named before; it had asked for dramas)
    text = re.sub(r"\b(?:(?:de\s+)?los\s+)?a[ñn]os\s+(\d0)(?:\s+(?:u|o|y)\s+(\d0))?\b",
                  lambda m: f"the {m.group(1)}s" + (f" or {m.group(2)}s" if m.group(2) else ""), text,
                  flags=re.IGNORECASE)  # "los años 70 u 80": the 70s or 80s
    text = SPANISH_PHRASE_RE.sub(lambda m: plain[m.group(0).lower()], text)
    return SPANISH_WORD_RE.sub(lambda m: SPANISH_WORDS[m.group(0).lower()], text)


# how much of what is refused: no words to keep back ("nothing even slightly romantic")
INTENSIFIERS = {"even", "slightly", "remotely", "vaguely", "overly", "particularly", "especially", "at", "all",
                "whatsoever", "in", "the", "least"}
# a child's age as typed ("14yo", "8yr"): who is watching, no wish
AGE_TOKEN = re.compile(r"^\d{1,2}(?:yo|yos|yr|yrs|y)$")
# "I found The Piano rather tedious": a verdict on the film, as "The Piano was tedious"
FOUND_IT_RE = re.compile(r"\b(?:i|we)\s+(?:found|thought)\s+(?P<x>[^,.;!?]{2,60}?)\s+(?:(?:rather|really|so|quite|"
                         r"very|pretty|a bit|kinda|incredibly|utterly|terribly|truly|a little|extremely)\s+)?"
                         r"(?P<adj>[a-z]+)(?=\s*(?:[,.;!?]|$))", re.IGNORECASE)
# a comparison said with "not" ("nothing after 1990", "not before 1970"): its opposite
NEGATED_COMPARISON = {"<": ">=", ">": "<=", ">=": "<", "<=": ">"}
# "is sean connery in any of these?": which cards have that person
ANY_OF_THESE_RE = re.compile(r"^\s*(?:so\s+|and\s+)?(?:is|are|does|do)\s+(?P<who>[^?]{2,40}?)\s+"
                             r"(?:in|star in|starring in|appear in|act in)\s+(?:any|one|either)\s+of\s+(?:these|them|"
                             r"those|the films|the list)\s*\?*\s*$", re.IGNORECASE)
# (not "any of them with julia roberts?": a wish for her films, as people wrote it)
# "how long are they?", "what are these rated?", "are those in english?": a question of every card
THEY_ASKED_RE = re.compile(r"^\s*(?:so\s+|and\s+|ok\s+|hmm+\s+|finally[.!,]*\s+)?(?:(?:how (?:long|old) (?:are|were)|"
                           r"what(?:'re| are| r)|when were|who directed|are|were)\s+(?:they|these|those|them|"
                           r"(?:all|any) of (?:these|them|those)|the (?:films|movies|cards))"
                           r"(?:\s+(?:films|movies|ones))?\b[^?.!]*\?+|"
                           r"how (?:long|old) (?:are|were) (?:they|these|those|them)(?:\s+all)?\b)", re.IGNORECASE)
# (what follows the question is a remark: "are any of them rated R? my gf doesnt like super violent stuff", "how long
# are they all, i need to be in bed by 11")
# "who is in these?", "who stars in these films?", "who are the actors in them": the cast of every card
WHO_IN_CARDS_RE = re.compile(r"^\s*(?:so\s+|and\s+|ok\s+)?who(?:'?s|\s+is|\s+are)?\s+(?:in|stars? in|starring in|"
                             r"acts? in|the (?:stars|leads|actors|cast) (?:of|in))\s+(?:all\s+(?:of\s+)?)?"
                             r"(?:these|them|those|"
                             r"each(?: one)?|the (?:films|movies|cards|list))(?:\s+(?:films|movies|ones))?\s*\?*\s*$",
                             re.IGNORECASE)
# "why do you ask me about the era?", "why are you asking that?": why the question is asked
WHY_ASKED_RE = re.compile(r"^\s*(?:but\s+|and\s+)?why\s+(?:do|did|are|would)\s+(?:you|u)\s+(?:ask|asking|keep asking|"
                          r"want to know)\b[^?]*\?*\s*$", re.IGNORECASE)
# "which has better reviews, #1 or #5?", "which is scarier, 2 or 4?": one of two cards by a quality
WHICH_OF_TWO_RE = re.compile(r"^\s*which(?: one)?\s+(?:has|is|'s|got)\s+(?P<q>better reviews|better reviewed|"
                             r"higher rated|better rated|best reviews|scarier|funnier|longer|shorter|older|newer|"
                             r"sadder|darker|better)\s*,?\s*(?:#|number\s+|no\.?\s*)?(?P<a>[1-5])\s+or\s+(?:#|number\s+|no\.?\s*)?"
                             r"(?P<b>[1-5])\s*\?*\s*$", re.IGNORECASE)
# "what's rashomon about?": a film asked about by name
WHAT_ABOUT_RE = re.compile(r"^\s*what(?:'?s| is| was)\s+(?P<film>[^?]{2,60}?)\s+about\s*\?*\s*$", re.IGNORECASE)
# what a friend is said to do ("jake wants action"): never a surname
TELLING_VERBS = {"wants", "likes", "loves", "hates", "prefers", "says", "thinks", "needs", "said", "wanted", "liked",
                 "loved", "hated", "votes", "picks", "chose", "insists", "refuses", "fancies", "digs"}
# a kind of film judged in a clause of its own: "westerns are boring", "cartoons are babyish"
KIND_JUDGED_RE = re.compile(r"^\s*(?:(?:but|and|also|plus|cos|because)\s+)?"
                            r"(?:[\w\s']*?\b(?:thinks?|says?|finds?|reckons?|feels?)\s+)?(?P<x>[a-z][\w\s'-]{1,30}?)\s+"
                            r"(?:(?:are|is|r|'re|were|was)\s+(?:so\s+|too\s+|really\s+|just\s+|kinda\s+|always\s+|"
                            r"pretty\s+|way\s+too\s+)?(?P<adj>for babies|for little kids|too much|[a-z]+)|"
                            r"(?P<verb>bores?|annoys?|puts? me to sleep|do nothing for|does nothing for|are not for|"
                            r"aren'?t for)\s+(?:me|us|him|her|them)?)\b", re.IGNORECASE)
BAD_KIND_WORDS = NEGATIVE | COMPLAINTS - {"too"} | {"babyish", "childish", "kiddie", "cringe", "lame", "for babies",
                                                  "for little kids", "too much", "much", "overrated", "dumb", "stupid"}
# a slip mended in the same message: "a comedy, no wait, a thriller", "from the 80s... no, 90s"
CORRECTION_RE = re.compile(r"(?:\.\.\.|\u2026)\s*no\b[,.!]?\s*|[,.;:!]?\s*\b(?:no\s*,?\s*wait|wait\s*,?\s*no|"
                           r"actually\s*,?\s*(?:make\s+(?:it|that)\s+)?|sorry\s*,?\s*i\s+meant?|i\s+meant|or\s+rather|"
                           r"scratch\s+that\s*,?|make\s+that)\b[,:]?\s*", re.IGNORECASE)
# "is 2001 here?", "do you have 1941?": a film whose title is a year, asked for by it
YEAR_TITLE_ASKED = re.compile(r"(?:^|(?<=[.!?]\s))\s*(?P<ask>is|do (?:you|u) have|have (?:you|u) got|got|any)\s+"
                              r"(?P<y>1[89]\d\d|20\d\d)(?=\s+(?:here|there|in (?:there|here|the catalog|your "
                              r"catalog|your list|stock))?\s*\?+)", re.IGNORECASE)
BAD_WORDS_RE = re.compile(r"\bno (?:bad words|swearing|swear words|cursing|cussing|bad language|foul language|"
                          r"profanity|f[- ]?bombs)\b", re.IGNORECASE)
# "please take it off", "remove that from the list": a card asked to go
TAKE_OFF = (r"(?:please\s+)?(?:take (?:it|that|this|them) (?:off|out|away)|remove (?:it|that|this|them)|"
            r"get rid of (?:it|that|this|them)|lose (?:it|that|this)|drop (?:it|that|this)|bin (?:it|that)|"
            r"ditch (?:it|that))(?:\s+(?:from|off)?\s*(?:the|my|your)?\s*list)?(?:\s+please)?\s*[.!]*\s*$")
# idioms that turn a question or a dispute into the plain form the readings of facts told know (``Parser._told``)
TOLD_IDIOMS = tuple((re.compile(a, re.IGNORECASE), b) for a, b in (
    # "might i ask whether notorious is very suspenseful?": is notorious very suspenseful?
    (r"\b(?:might|may|can|could)\s+i\s+ask(?:\s+you)?\s+(?:whether|if)\s+(?P<x>[^?.!,]+?)\s+(?P<v>is|are|was)\s+"
     r"(?P<y>[^?.!]+)\?", r"\g<v> \g<x> \g<y>?"),
    (r"\b(?:i\s+wonder(?:ed)?|do\s+you\s+know|i'?d\s+like\s+to\s+know)\s+(?:whether|if)\s+(?P<x>[^?.!,]+?)\s+"
     r"(?P<v>is|are|was)\s+(?P<y>[^?.!]+)[?.]", r"\g<v> \g<x> \g<y>?"),
    # "in love and war is more a romance than a war film": not the war film asked for (it had asked for both)
    (r"^(?P<pre>\s*(?:(?:hmm+|um|erm|ok|okay|well|but|and)[\s,.]+)*)(?P<x>[^,.!?]+?)\s+(?:is|'s)\s+more\s+(?:of\s+)?"
     r"(?:a|an)?\s*[\w-]+(?:\s+(?:film|movie))?\s+than\s+(?:a|an)?\s*(?P<z>[\w-]+)(?:\s+(?:film|movie))?\b",
     r"\g<pre>\g<x> isn't a \g<z> film"),
))
# idioms that say plainly what the parser reads word by word: (pattern, plain words), in order
# a film named at the start of a clause, not a kind of film ("a spooky comedy that isnt really frightening") nor a
# pronoun
_NAMED = r"(?!(?:a|an|some|something|anything|nothing|one|it|this|that|they|he|she|we|you|i|there)\b)"
# the same, nor a question of a card ("how is number 4 a comedy?? explain")
_NAMED_NO_QUESTION = r"(?!(?:how|what|why|who|where|when|which|is|are|was|number|no\.|#)\b)" + _NAMED
IDIOMS = TOLD_IDIOMS + tuple((re.compile(a, re.IGNORECASE), b) for a, b in (
    # "i'd rather watch paint dry than a war film", "... eat my own socks than sit through batman forever again"
    (r"\b(?:i'?d|i would|id) rather (?:watch paint dry|eat [\w\s']{1,30}?|die|chew glass|do my taxes|stare at a wall|"
     r"watch grass grow|pull my teeth out)\s+than\s+(?:sit through|watch|see)?\s*", "not "),
    (r"^\s*(?P<x>[^?]{2,40}?)\?\s*(?:i'?ll|ill|i will|i'?m gonna|i'?d) pass\b", r"no \g<x>"),  # "westerns? i'll pass"
    (r"\b(she|he|it|they)'ll\b", r"\1 will"),  # "she'll walk out": no director Shelly
    (r"^\s*(?:ugh+|ok|okay|fine|argh+|sigh|hmm+|right|meh)[.!,]*\s+(?=(?:let'?s\s+)?start (?:over|again)\b)", ""),
    # "i need a SECOND movie to go with aliens": another film like it, no card named
    (r"\b(?:a|one)\s+(?:second|2nd|third|3rd)\s+(movie|film|one|flick)\b", r"another \1"),
    (r"\bto (?:go|pair) (?:well |nicely )?with\b(?!\s+(?:it|that|this)\b)", "like"),
    # "i would prefer one of his older ones": his films still, of another era ("prefer" had replaced him)
    (r"\b(?:i would|i'd|id) prefer (?=(?:one of |some of )?(?:his|her|their)\b)", "i'd like "),
    (r"\b(?:hates?|can'?t stand|doesn'?t like|don'?t like|can'?t do|can'?t handle|(?:don'?t|dont|do not)\s+want\s+"
     r"(?:any\s+|all\s+the\s+|much\s+)?)\s*(?:the\s+)?(?:blood|gore)(?:\s+and\s+guts)?(?:\s+everywhere)?\b",
     "nothing gory"),  # "my gf hates blood", "i just dont want blood and guts everywhere"
    # round twenty-eight: "lol why speed 2?? anyway, ...", "bruh schindlers list 😭😭 i want COMEDY": a film mocked, not
    # wanted (each had been liked); "toy story?? bro im not 8 😭": the same
    (r"^\s*(?:(?:lol|lmao|lmfao|bruh|bro|omg|wtf|ew+|um+|uh+|dude|yikes|haha\w*)[,.!\s]+)+(?:why\s+|y\s+)?"
     r"(?!(?:what|how|who|where|when|is|are|do|does|can|could|any|which|why|ok|okay|yes|yeah|no|nah|more|thanks|thx)\b)"
     r"(?P<x>[^?.!,\U0001f300-\U0001faff]{2,40}?)\s*(?:\?+|[\U0001f62d\U0001f480\U0001f644\U0001f612]+)\s*",
     r"not \g<x>. "),
    (r"^\s*(?!(?:what|how|who|where|when|is|are|do|does|can|could|any|which|why|y)\b)(?P<x>[^?.!,]{2,40}?)\s*\?{2,}\s*"
     r"(?![^.!]*\b(?:love[ds]?|favou?rite|great|amazing|awesome|yes|perfect|classic|good one|nice)\b)"
     r"(?=(?:bro|bruh|dude|lol|lmao|omg|seriously|really|fr|ngl|no way|ew+|yikes)\b|[\U0001f62d\U0001f480\U0001f644])",
     r"not \g<x>. "),
    # "forrest gump isnt even a comedy fr", "contact is not the best film ever lol", "187 is a violent teacher movie,
    # not a tearjerker", "star wars and alien did not win best picture": that film disputed, set aside (it had been
    # liked, or the kind it is not ruled out)
    (r"(?P<pre>(?:^\s*|[.!?;]\s+|[\U0001f480\U0001f62d]\s*)(?:and\s+)?|\band\s+)" + _NAMED
     + r"(?P<x>[^.,;!?\U0001f300-\U0001faff]{2,40}?)\s+"
     r"(?:is\s+not|isn'?t|isnt|was\s+not|wasn'?t|wasnt|aint)\s+(?:(?:even|really|exactly)\s+(?!(?:my|our|for)\b)"
     r"(?:an?\s+)?[\w' -]{2,30}?|"
     r"an?\s+(?:\w+\s+){0,2}?(?:comedy|horror|thriller|drama|romance|western|musical|kids?|family|war|action|sci-?fi|"
     r"documentary|cartoon|animated|children'?s|crime|mystery|fantasy|adventure)(?:\s+(?:film|movie|flick|one))?|"
     r"(?:the\s+)?best\s+\w+\s+ever)(?:\s+(?:lol|lmao|fr|tho|though|imo))*(?=\s*[.,;!?]|\s*$)", r"\g<pre>not \g<x>"),
    (r"(?P<pre>^\s*|[.!?;]\s+|\band\s+)" + _NAMED + r"(?P<x>[^.,;!?]{2,40}?)\s+(?:is|'s)\s+an?\s+[\w' -]{2,40}?,?\s+"
     r"not\s+an?\s+"
     r"[\w' -]{2,30}?(?=\s*[.,;!?]|\s*$)", r"\g<pre>not \g<x>"),
    (r"(?P<pre>^\s*|[.!?;]\s+|\band\s+)" + _NAMED + r"(?P<x>[^.,;!?]{2,40}?)\s+(?:did not|didn'?t|didnt|never)\s+"
     r"win\b[^.!?;]*",
     r"\g<pre>not \g<x>"),
    # "but outbreak's not really a thriller, thats a disaster movie": the same, said with "'s" (Thriller had been
    # ruled out)
    (r"(?P<pre>^\s*|[.!?;]\s+(?:but\s+|and\s+)?)" + _NAMED + r"(?P<x>[^.,;!?']{2,40}?)'s\s+not\s+"
     r"(?:really|even|exactly)\s+an?\s+[\w' -]{2,30}?(?=\s*[.,;!?]|\s*$)", r"\g<pre>not \g<x>"),
    # "in & out is the best comedy??": doubted, not liked
    (r"(?P<pre>^\s*|[.!?;]\s+)" + _NAMED + r"(?P<x>[^.,;!?]{2,40}?)\s+(?:is|was|'s)\s+the\s+best\s+[\w' -]{2,30}?"
     r"\s*\?{2,}\s*",
     r"\g<pre>not \g<x>. "),
    # "die sind alle schlecht bewertet", "these are all poorly reviewed": better ones wanted (it had asked for more
    # poorly reviewed films)
    (r"\b(?:they|these|those|them|the films|the movies)\s+(?:are|were)\s+(?:all\s+)?(?:so\s+|really\s+|pretty\s+)?"
     r"(?:poorly|badly)\s+(?:reviewed|rated)\b", "i want well reviewed ones"),
    # "None of these are sports films though?": those wanted (it had kept away from "sports")
    (r"^\s*none of (?:these|those|them|the (?:films|movies))\s+(?:are|is|were|was)\s+(?!(?:it|what|for|right|any|my|"
     r"the\s+one|that|really|even|very|good|great|bad)\b)(?P<x>[\w' -]{2,30}?)(?:\s+(?:films?|movies?|ones))?"
     r"(?:\s+(?:though|tho|either))?\s*(?:[?.!,]+|$)", r"i want \g<x> films."),  # ("none of these are world war two")
    # "early julia roberts films", "her EARLY stuff": the oldest first; "before she got huge": no words to search
    (r"\bearl(?:y|iest)\s+(?=(?!(?:\d|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|morning|"
     r"evening|night)\b)(?:[a-z][\w'.-]*\s+){1,3}(?:films?|movies?|stuff|work|ones)\b)", "oldest "),
    (r"\b(?:his|her|their)\s+earl(?:y|iest)\s+(?:stuff|films?|movies?|ones|work)\b", "the oldest films"),
    (r",?\s*(?:like\s+)?before\s+(?:s?he|they)\s+(?:got|was|were|became|went|got to be)\s+(?:really\s+|super\s+)?"
     r"(?:huge|famous|big|a (?:big )?star|well[- ]known|popular)\b", ""),
    # "more like the ones I liked": more of this search, which the likes already lean (it had been "something
    # different")
    (r"\b(?:more|others?|(?:some\s+)?(?:films?|movies?|stuff|ones?))\s+(?:like|similar to)\s+(?:the\s+ones?|those|"
     r"these|the\s+films?|the\s+movies?|what)\s+(?:that\s+)?i\s+(?:(?:already|just)\s+)?(?:liked|loved|picked|chose|"
     r"pressed like on|clicked(?: like on)?|gave a like)\b", "more"),
    # "nothing changed? also i didn't say no R rated": a complaint, no film to keep away from ("changed")
    (r"^\s*(?:nothing|none of (?:it|them|these|those))\s+(?:has\s+|have\s+)?changed\s*[?!.]*\s*", ""),
    # "but Rear Window and The Wizard of Oz are in colour": those set aside (they had been liked, and the 1960s on
    # wanted)
    (r"(?P<pre>^\s*|[.!?;,]\s+(?:but\s+|and\s+)?|\bbut\s+)(?P<x>[^.,;!?]{2,60}?)\s+(?:are|is|was|were)\s+"
     r"(?:in\s+|shot in\s+)?(?:colou?r|technicolou?r)\b", r"\g<pre>not \g<x>"),
    # "muppets and wallace and gromit arent it": those films set aside (the Muppets had been a film to look like)
    (r"(?P<pre>^\s*|[.!?;,]\s+)(?P<x>[^.,;!?]{2,60}?)\s+(?:aren'?t|arent|are not|isn'?t|isnt|is not)\s+it\b[.!]*",
     r"\g<pre>not \g<x>."),
    # "Toy Story meets Alien": both, no film "meets"
    (r"(?<=\w)\s+meets\s+(?=\w)", " and "),
    # retest of round twenty-eight: "jim carrey screaming for 90 min no thanks": none of that (it had asked for him)
    (r"(?P<pre>^\s*|[.!?;]\s+)" + _NAMED + r"(?P<x>[^.!?;,]{2,60}?)\s*,?\s*(?:no thanks|no thank you|hard pass)"
     r"\s*[.!]*(?=\s|$)", r"\g<pre>no \g<x>."),
    (r"\bsomething else like (that|this|it|those|them)\b", r"more like \1"),  # (it had been "something different")
    # "scream no, eso es slasher": not that film (it had been liked)
    (r"^\s*" + _NAMED + r"(?!(?:oh|uh|um|ah|so|well|ok|okay)\b)(?P<x>[^.,;!?]{2,40}?)\s+no\s*[,.!]+\s*"
     r"(?=(?:that|thats|that's|it|its|it's|too|way|eso|es|ugh|lol|nah|eww?)\b)", r"not \g<x>. "),
    # "y porque dice no war?? nunca dije eso": that refusal taken back
    (r"\b(?:y|why)\s+(?:does it\s+|do you\s+)?(?:says?|said|put)\s+(?:no|not)\s+(?P<x>[\w' -]{2,30}?)\s*\?+",
     r"drop \g<x>."),
    # "strangelove and mash are comedies, not what i mean. more patton style": those set aside, more like Patton
    (r"(?P<pre>^\s*|[.!?;]\s+)" + _NAMED + r"(?P<x>[^.,;!?]{2,60}?)\s+(?:are|is)\s+(?:\w+\s+){0,2}?\w+,?\s+not\s+"
     r"(?:really\s+)?what\s+i\s*(?:mean|meant|want|wanted|asked for|'?m after|am after)\b", r"\g<pre>not \g<x>"),
    (r"\bmore\s+(?P<x>[\w' ]{2,30}?)[\s-]style\b", r"more like \g<x>"),
    # "psycho a romance?? lol": a label doubted, no wish for that kind (it had asked for romances)
    (r"(?P<pre>^\s*|[.!?;,]\s+(?:and\s+)?|\band\s+)" + _NAMED_NO_QUESTION + r"(?P<x>[^.,;!?]{2,40}?)\s+an?\s+(?:comedy|"
     r"horror|"
     r"thriller|drama|romance|western|musical|war film|action film|sci-?fi|documentary|cartoon|kids film|crime film|"
     r"mystery|fantasy|adventure)\s*\?{2,}(?:\s*(?:lol|lmao|haha\w*))?[.!]*", r"\g<pre>"),
    # "no country filter": any country (it had kept away from "country")
    (r"\bno\s+(?P<t>country|language|decade|era|year|genre|rating|length|runtime)\s+(?:filters?|restrictions?|limits?)\b",
     r"any \g<t>"),
    (r"\bhow (?:many (?:minutes|mins|hours|hrs)|long)(?: exactly| roughly| approximately)? (?=is|was|does)",
     "how long "),  # "how many minutes is army of darkness"
    # "his first films", "what about harrison ford, his first films?": the oldest first (it had shown his latest)
    (r"\b(?:his|her|their)\s+(?:first|earliest|oldest)\s+(?:stuff|films?|movies?|ones|work)\b", "the oldest films"),
    # round twenty-seven: "spy hard is literally a spoof lol. not that one": that film, not wanted
    (r"^\s*(?P<x>[^.!?,]{2,50}?)\s+(?:is|was|'s)\s+[^.!?]*?[.!?]+\s*(?:so\s+)?(?:not|no to|nope,?\s+not)\s+"
     r"(?:that|this) one\b[.!]*\s*$", r"not \g<x>"),
    # "pulp fiction?? thats super bloody", "twister?? thats a tornado movie haha": incredulity at a film shown
    (r"^\s*(?P<x>[^?.!,]{2,50}?)\s*\?{2,}\s*(?:that'?s|thats|it'?s|its)\s+(?!(?:my|a great|great|amazing|awesome|"
     r"perfect|good|the best|one of)\b)[^.!?]*[.!?]*", r"not \g<x>. "),
    # "keep it spacey": set in space, not Kevin Spacey
    (r"\b(?:keep it|kinda|something|very|more|a bit|bit)\s+spacey\b", "set in space"),
    # "a true story from the past": no film of those names ("FairyTale: A True Story", "The Past")
    (r"\b(?:something\s+)?(?:like\s+)?(?:(?:based on )?a )?true stor(?:y|ies)(?:\s+(?:from|in|set in) the past)?\b",
     "historical"), (r"\b(?:from|in|set in) the past\b", "historical"),
    (r",?\s*if (?:that|it) helps\b", ""),  # "she liked titanic a lot if that helps"
    (r"\b(?<!rated )r(?=\s+(?:films?\s+|movies?\s+)?(?:is|are)\s+(?:ok|okay|fine|alright|allowed)\b)", "rated R"),
    # "none of those are from 1994 though": films of that year wanted (it had ruled out the 1990s)
    (r"\bnone of (?:those|these|them|the films|the movies)\s+(?:are|were|is)\s+(?P<x>(?:from|in|by|with)\s+"
     r"[^.,;!?]+?)(?:\s+(?:though|tho|either))?(?=\s*[.,;!?]|\s*$)", r"i want films \g<x>"),
    # "y united states? i didnt say that", "why 70s?? i never said 70s": that value dropped
    (r"^\s*(?:y|why)\s+(?P<x>[^?]{2,30}?)\s*\?+\s*(?:i\s+)?(?:didn'?t|didnt|never|did not)\s+"
     r"(?:say|said|ask(?:ed)? for|want(?:ed)?)\b"
     r"[^.!?,;]*", r"drop \g<x>."),
    # "nothing from the 30s?": are there any (it had ruled them out)
    (r"^\s*nothing\s+(?P<x>(?:from|in)\s+the\s+[^?]{2,30}?)\s*\?", r"anything \g<x>?"),
    # "goldeneye is not lesser-known lol": that film goes, lesser-known ones still wanted
    (r"^\s*(?:meh[.,!]*\s*)?(?P<x>[^.!?,]{2,40}?)\s+(?:is|was|'s)\s*(?:not|n'?t)\s+(?:exactly\s+|really\s+)?"
     r"(?:lesser[- ]known|obscure|underground|niche|arthouse|indie)\b", r"\g<x> not for me, lesser known"),
    (r"^\s*(?P<x>[^.!?,]{2,40}?)\s+then[.!]*\s*(?:done|sorted|that'?s it|decided)\b[.!]*\s*$", r"we'll watch \g<x>"),
    # "what would pair well with it?": more like it; "for the night": tonight, no goodnight
    (r"\bwhat (?:would|could|should|will|might)\s+(?:go|pair)\s+(?:well\s+|nicely\s+)?with (?:it|that|this)\b",
     "more like that"), (r"\bfor the night\b", "tonight"),
    # "who the heck is sven-ole thorsen lol": not that person
    (r"\bwho (?:the (?:heck|hell|fuck)|tf) is (?P<x>[^?.!,]+?)(?:\s+(?:lol|lmao|haha))?\s*(?:[?.!,]|$)", r"not \g<x>."),
    # "the tin drum is rated R, i said nothing above pg-13": that film goes, and the limit stays
    (r"(?P<x>\b[^.,;!?]{2,40}?)\s+is\s+(?:(?:rated\s+)?(?:r|nc-17|pg-13|pg)|(?:(?:super|way|too|really|very|so|pretty)\s+)*"
     r"(?:gory|violent|bloody|scary|long|sad|dark))\b(?:[^?]{0,80}?[,;.!])?\s*(?:and\s+|but\s+)?i\s+(?:said|asked for|"
     r"told you)\s+"
     r"(?P<lim>[^.!?]+)", r"not \g<x>, \g<lim>"),  # ("evil dead 2 is super gory i said not to gory")
    # "lion king has the dad dying scene, too sad for him": that film, not wanted (it had been liked)
    (r"^\s*(?P<x>[^.,;!?]{2,40}?)\s+(?:has|had)\s+[^.;!?]{2,60}?,?\s*(?:(?:way|much|a bit|kinda|a little)\s+)?too\s+"
     r"(?:sad|scary|violent|gory|dark|intense|mature|upsetting)\b(?:\s+for\s+(?:him|her|them|us|me|the kids?|my \w+))?",
     r"not \g<x>"),
    # "... is it rated R? how violent": a last question without its question mark
    (r"(?<=\?)\s+(?P<q>(?:how|what|who|is it|does it|are they)\b[^.?!]{0,40}?)\s*$", r" \g<q>?"),
    # "i didn't say no R rated, R is fine": that kind allowed (it had become the only kind wanted)
    (r"\bi\s+(?:never|didn'?t|didnt|did not)\s+(?:said|say|ask(?:ed)? for)\s+(?:no|nothing)\s+(?P<x>[\w' -]{2,30}?)\s*"
     r"(?=[.,;!?]|$)", r"\g<x> is fine"),
    # "leaving las vegas is in vegas lol": a fact told against the film, set aside (it had been liked)
    (r"(?P<pre>^\s*|[.!?;]\s+|\band\s+)" + _NAMED + r"(?P<x>[^.,;!?]{2,40}?)\s+is\s+(?:set\s+)?in\s+[a-z]+"
     r"(?:\s+[a-z]+)?\s+"
     r"(?:lol|lmao|haha\w*|tho|though|not \w+)\b", r"\g<pre>not \g<x>"),
    # "and i never said crime", "i never asked for horror": a correction of what was understood (it had ruled
    # the kind out)
    (r"\b(?:and\s+|but\s+|also\s+)?i\s+(?:never|didn'?t|didnt|did not)\s+(?:said|say|ask(?:ed)? for|want(?:ed)?)\s+"
     r"(?!(?:that|it|this|anything|so|to|you|i|any|a word|nothing)\b)(?P<x>[\w' -]{2,30}?)\s*(?=[.,;!?]|$)",
     r"drop \g<x>"),
    # retest of round twenty-seven: "empire strikes back? i literally just said no star wars. get it off": not
    # that film (it had been liked)
    (r"^\s*(?!(?:why|what|how|who|where|when|which|is|are|do|does|did|can|could|y|wtf)\b)(?P<x>[^?.!,]{2,50}?)\s*\?+\s*"
     r"(?=[^?]*\b(?:get (?:it|that|this) (?:off|out)|take (?:it|that|this) "
     r"(?:off|out)|remove (?:it|that|this)|not that one|seriously|i (?:literally |just |already )*said)\b)",
     r"not \g<x>. "),
    (r"\b((?:rated|no|not|an?|any)\s+r)\.(?=\s)", r"\1;"),  # "no rated R. pg-13 max": two sentences (the
    # "R." of "R. Lee Ermey" had joined them, and the ceiling was refused with the R)
    (r"\bi said\s+start (?:over|again)\b", "start over"),  # "i said START OVER. no tom hanks ...": start over
    (r"\bi (?:only |just )?asked (?:if|whether)\b[^.,;!?]*[.,;!?]*", ""),  # "i asked IF they were rated R, ...":
    # a question asked again, no wish
    # "comedy doesnt have to be required!!": not required
    (r"\b(?P<x>[\w-]+)\s+(?:doesn'?t|doesnt|does not|don'?t|dont|do not)\s+(?:have to|need to)\s+be\s+(?:required|"
     r"there|in it|included|a must)\b", r"drop \g<x>"),
    # "last one. got shakespeare in love?", "ok last one, something like die hard": one last request, no card
    (r"^\s*(?:ok\s+|okay\s+|and\s+)?(?:one\s+)?last one[.,:!]+\s+(?=\S)", ""),
    (r"(?<=[.!?])\s+(?:ok\s+|okay\s+|and\s+)?(?:one\s+)?last one[.,:!]+\s+(?=\S)", " "),
    # "princess bride isnt really like die hard lol": that film set aside, the other one untouched
    (r"^\s*(?P<x>[^.,;!?]{2,40}?)\s+(?:isn'?t|isnt|is not|aint)\s+(?:really\s+|anything\s+|at all\s+)?like\s+"
     r"[^.,;!?]{2,40}?(?:\s+(?:lol|at all|tho|though))*(?=\s*[.,;!?]|\s*$)", r"not \g<x>"),
    # "It certainly is animated. Please take it off.": none of that kind; "number 3 is a horror film, take it
    # off": that card goes, and the kind (it had asked for what the card is)
    (r"^\s*(?:it|that(?: one)?|this(?: one)?)\s*(?:certainly |definitely |clearly |obviously )?(?:'s|is|was)\s+"
     r"(?:certainly |definitely |clearly |obviously |really |totally |literally )?(?:an?\s+)?(?P<x>[\w'-]+)"
     r"(?:\s+(?:film|movie|one))?\s*[.!,;]+\s*(?:so\s+)?" + TAKE_OFF, r"no \g<x>"),
    (r"^\s*(?P<c>(?:number|no\.?|#)\s*[1-5]|the (?:first|second|third|fourth|fifth|last) one)\s*(?:'s|is|was)\s+"
     r"(?:certainly |definitely |clearly |obviously |really |totally |literally )?(?:an?\s+)?(?P<x>[\w'-]+)"
     r"(?:\s+(?:film|movie|one))?\s*[.!,;]+\s*(?:so\s+)?" + TAKE_OFF, r"\g<c> not for me, no \g<x>"),
    (r"\b(?:i'?ll|ill|i will|i'?d) pass on\b", "no"),
    # "I'd rather have other westerns than his cop films": the first wanted, the second not (it had been "Crime
    # instead of Western")
    (r"\b(?:i'?d|i would|id|we'?d|we would)\s+(?:much\s+)?rather\s+(?:have|watch|see|get)?\s*(?P<x>[^,.;!?]+?)\s+"
     r"than\s+(?P<y>[^,.;!?]+)", r"\g<x>, not \g<y>"),
    (r"^\s*(?:that'?s|thats|it'?s|its)?\s*a\s+(?:hard|solid|firm|big|definite)\s+(?:pass|no)\b", "no"),
    (r"\bthanks,?\s+but\s+no\s+thanks\b", "no thanks"),
    # "we used to enjoy the old pictures together": how they watched, not the film *Together*
    (r"\b(pictures|films|movies|flicks|them|it|ones|these|those|things)\s+together\b", r"\1"),
    # "the terminator isn't really my thing" (it had been liked), "westerns aren't my cup of tea"
    (r"\b(isn'?t|aren'?t|is not|are not|not)\s+(?:really|exactly|quite|totally|entirely|actually)\s+"
     r"(?=my\s+thing\b|for\s+me\b|my\s+cup\s+of\s+tea\b)", r"\1 "),
    (r"\b(isn'?t|aren'?t|is not|are not|not)\s+my\s+cup\s+of\s+tea\b", r"\1 my thing"),
    # a verdict denied: "fargo isn't bad", "not half bad" are praise (they had been dislikes); "heat wasn't that
    # great" a complaint (it had been a like)
    (r"\b(?:isn'?t|wasn'?t|aren'?t|weren'?t|(?:is|was|are|were)\s+not|not)\s+(?:too\s+|that\s+|half\s+|so\s+|all\s+that\s+)?"
     r"(?:bad|terrible|awful|shabby)\b(?:\s+at\s+all)?(?!\s+(?:words?|language|stuff|things|content|scenes)\b)",
     "is good"),
    (r"\b(?:isn'?t|wasn'?t|aren'?t|weren'?t|(?:is|was|are|were)\s+not)\s+(?:that\s+|so\s+|very\s+|all\s+that\s+|"
     r"really\s+|particularly\s+)?(?:great|good|amazing|awesome|brilliant)\b", "was disappointing"),
    # "you didnt answer, is casper scary?", "you didn't tell me the rating of X": the question asked again
    (r"^\s*(?:but\s+)?(?:you|u)\s+(?:didn'?t|didnt|did\s+not|never|still\s+(?:didn'?t|haven'?t))\s+(?:answer|reply|"
     r"respond)(?:\s+(?:me|my\s+question|that|the\s+question))?(?:\s+(?:yet|though|tho))?\s*[,.!:;?-]+\s*", ""),
    (r"^\s*(?:but\s+)?(?:you|u)\s+(?:didn'?t|didnt|did\s+not|never)\s+(?:tell|say|give)(?:\s+me)?\s+(?=(?:the|its|what|"
     r"how|who|whether|if)\b)", "tell me "),
    # "GI Jane no thanks", "the horror ones, no thanks": not that (it had been a goodbye)
    (r"^\s*(?P<x>(?!(?:ok|okay|um|erm|no|nah|well|yeah|yes|hmm|so|thanks?|thank\s+you|but|and|oh)\b)[^,!?]*?[a-z]"
     r"[^,!?]*?)[,\s]+no\s+(?:thanks?|thank\s+you|ty|thx)\s*[.!]*\s*$", r"not \g<x>"),
    # "tell me the rating of manhattan murder mystery" (it had liked the film)
    (r"\b(?:tell\s+me|what'?s|what\s+is|give\s+me)\s+(?:the|its)\s+(?:age\s+)?(?:rating|certificate|certification)\s+"
     r"(?:of|for)\s+(?P<x>[^,.!?]+)", r"what is \g<x> rated?"),
    (r"\b(?:tell\s+me|what'?s|what\s+is|give\s+me)\s+(?:the|its)\s+(?:length|runtime|running\s+time)\s+(?:of|for)\s+"
     r"(?P<x>[^,.!?]+)", r"how long is \g<x>?"),
    # "oh wait, that has tom cruise in it doesn't it": a remark on a film, no wish for him (with "forget that" after
    # it, it had dropped the ban on him)
    (r"\b(?:that|it|which)\s+(?:has|had|stars|starred)\s+[^,.!?]+?\s+in\s+it[\s,]+(?:doesn'?t|didn'?t|right|no)\b"
     r"(?:\s+it)?\s*[?.!]*", ""),
    # "seen happy gilmore like 100 times": often, no like of it (with "didnt like it" after, the two had swapped)
    (r"\blike\s+(?:\d+|a\s+(?:hundred|thousand|million|billion|zillion)|a\s+bunch\s+of|so\s+many|ten|twenty|fifty)\s+"
     r"times\b", "many times"),
    # "why does it say the deer hunter is not well reviewed ...?": why of the card (it had been a wish)
    (r"\bwhy\s+(?:does|do|did)\s+(?:it|the\s+card|this|that|you|your\s+card)\s+(?:say|says|said)\s+(?P<x>[^,.!?]+?)"
     r"\s+(?:is|are|was)\s+(?P<y>[^,.!?]+?)(?:\s+(?:when|if|since|because|as|but|though)\b[^,.!?]*)?(?=[?.!]|$)",
     r"why is \g<x> listed as \g<y>"),
    # "pinocchio looks ok though": a mild yes to the film
    (r"\b(looks?|seems?|sounds?)\s+(?:ok|okay|alright|decent|fine|not\s+bad)\b", r"\1 good"),
    # "i will watch meet me in st louis with a cup of tea. bless you.": the film, and goodbye
    (r"\s*\bwith\s+(?:a\s+)?(?:(?:nice\s+)?(?:cup|cuppa|mug|pot|glass|bowl|bag)\s+of\s+)?(?:tea|coffee|cocoa|hot\s+"
     r"chocolate|popcorn|wine|beer|snacks|a\s+cuppa|cuppa)\b", ""),
    (r"\b(?:god\s+)?bless\s+(?:you|ya)\b", "thanks"),
    (r"^\s*anyway[,\s]+", ""),  # "Anyway Wrath of Khan is perfect": not part of a title
    # "doesnt have to be comedy btw just scary": comedy dropped, and scary wanted (both had been dropped)
    (r"\b(?:btw|though|tho)?\s*\b(?:just|only)\s+(?=(?:scary|funny|sad|romantic|horror|comedy|drama|action|"
     r"thriller|a\s+\w+|something)\b)", ", i want "),
    # "you still have adventure excluded, I never said that": adventure may come ("adventure is fine too")
    (r"^\s*(?:but\s+)?(?:you|u)\s+(?:still\s+)?(?:have|'ve\s+got|got|left)\s+(?P<x>[\w\s'-]{2,30}?)\s+(?:excluded|ruled\s+out|"
     r"blocked|banned|filtered\s+out|taken\s+out)\b(?:[\s,.;!]+(?:but\s+)?i\s+(?:never|didn'?t|did\s+not)\s+"
     r"(?:said|say|ask\s+for|asked\s+for)\s+(?:that|it|this))?", r"\g<x> is fine too"),
    # "butch cassidy is a western, that's nothing like alien": that film set aside, the other the model
    (r"^(?P<x>[^,.!?]+?)\s+(?:is|'s)\s+(?:a|an)\s+[^,.!?]+?[,.;]\s*(?:that'?s|thats|it'?s|its)\s+nothing\s+like\s+"
     r"[^,.!?]+", r"not \g<x>"),
    # "me and my buddy Dave": a friend's name, not the film *Dave*
    (r"\b(my\s+(?:buddy|friend|pal|mate|bro|husband|wife|boyfriend|girlfriend|partner|roommate|flatmate|colleague|"
     r"cousin))\s+(?!(?:loves?|likes?|wants?|hates?|says?|is|and|who|prefers?|thinks?|watches|was|has|will|can|"
     r"doesn'?t|didn'?t|isn'?t|only|just|really|also|too|the|a|an|to|for|of|in|on|and|or|but|here|there)\b)"
     r"(?-i:[A-Z][a-z]+)\b", r"\1"),  # (a name is written with a capital: not "my husband refuses ...")
    # "seen all of those honestly except the rock": every card but that one
    (r"\b(seen|watched)\s+(all|every\s+one)\s+(?:of\s+)?(those|these|them)\s+(?:honestly|tbh|already|lol|actually|"
     r"tho|though)\b", r"\1 \2 of \3"),
    # "never actually seen it": not seen (it had been seen)
    (r"\b(never|not|haven'?t|havent|have\s+not|hadn'?t)\s+(?:actually|really|ever|even|yet|truly)\s+(?=seen\b)",
     r"\1 "),
    # "we want scary more than funny": the first kind ("scary, funny" had asked for both at once)
    (r"\b(scary|funny|romantic|sad|dark|light|violent|gory|serious|silly|exciting)\s+more\s+than\s+(?:scary|funny|"
     r"romantic|sad|dark|light|violent|gory|serious|silly|exciting)\b", r"\1"),
    # "not R", "no R for the kids": the rating (a lone letter had been searched for)
    (r"\b(no|not|nothing)\s+r\b(?!['\u2019&]|[\s-]*rated)", r"\1 rated R"),
    # "we are adults": nothing for children ("these are cartoons, we are adults" had asked for cartoons)
    (r"\b(?:we|i)\s*(?:are|'re|re|am|'m)\s+(?:all\s+)?(?:adults|grown[- ]?ups|grownups)\b", "nothing for kids"),
    # slang praise: "face off goes hard" (it had been read as *Die Hard* too), "that one slaps"
    (r"\b(?:goes|go|went)\s+(?:so\s+|really\s+)?hard\b", "is great"),
    # a slip of the phone taken back ("show me some musicals, not musicians lol autocorrect", "something romantic,
    # not sappy. it wrote soapy lol", "ducking autocorrect. i said 1990s not 1960s"): the slip and the complaint are
    # no wish (they had been searched for, or kept away from)
    (r",?\s*not\s+[\w'-]+\s*,?\s*(?:(?:lol|lmao|haha+|ugh|sorry)\s+)*(?:(?:stupid|damn|bloody|ducking|dumb)\s+)?"
     r"auto-?correct(?:ed)?\b[.!]*", ""),
    (r"(?:^|(?<=[.!?,;]))\s*(?:(?:it|autocorrect|auto-correct|my phone|phone)\s+(?:wrote|typed|put|changed\s+it\s+to)|"
     r"that\s+(?:should|was\s+meant\s+to)\s+(?:say|be))\s+[\w'-]+\s*(?:(?:lol|lmao|haha+|sorry)\b\s*)*[.!]*", ""),
    (r"(?:^|(?<=[.!?,;]))\s*(?:(?:lol|ugh|argh|sorry|stupid|damn|bloody|ducking|dumb|fricking|freaking)\s+)*"
     r"auto-?correct(?:ed)?\b\s*(?:(?:lol|sorry|again)\b\s*)*[.!,]*(?=\s|$)", ""),
    # the rest of a verdict, no wish ("wishmaster was cheap rubbish, and not the fun kind of cheap", "last action hero
    # 3/10, what a waste of arnie", "10/10 for searching for bobby fischer, no notes")
    (r",?\s*(?:and\s+|but\s+)?not\s+(?:even\s+)?the\s+(?:fun|good|enjoyable|entertaining|so[- ]bad[- ]it'?s[- ]good)\s+"
     r"kind(?:\s+of\s+[\w-]+)?\b", ""),
    (r",?\s*what\s+a\s+(?:waste|shame)\s+of\s+(?:a\s+|an\s+)?[\w'-]+(?:\s+[\w'-]+)?\s*[.!]*\s*$", ""),
    (r",?\s*no\s+notes\s*[.!]*\s*$", ""),
    # "show me every best picture winner you've got": no wish for the words of the catalog asked
    (r"^(\s*(?:show|give|find|list|bring)\s+(?:me|us)\b[^.!?]*?)\s+(?:that\s+)?(?:you'?ve|you\s+have|u\s+have|you\s+got|"
     r"u\s+got|u'?ve)(?:\s+got)?(?:\s+in\s+there)?\s*(?=[.!?]*\s*$)", r"\1"),  # (not "what's the best film you have?")
    # "i was bored by X", "i just loooved being bored senseless by X": X disliked (it had been liked, and *Senseless*)
    (r"\bi\s+(?:(?:just\s+|really\s+|so\s+|absolutely\s+)?(?:lo+ved|adored|enjoyed|relished)\s+being|was|got)\s+"
     r"(?:so\s+|really\s+|totally\s+)?bored(?:\s+(?:senseless|stiff|to\s+death|to\s+tears|out\s+of\s+my\s+mind))?\s+"
     r"by\s+(?P<x>[^.,;!?]+)", r"\g<x> bored me"),
    # "m*a*s*h on the other hand, actual comedy genius": praise of that film (it had asked for comedies)
    (r"\s+on the other hand\b|\s+otoh\b", ""),
    (r"(?<=\w)\s*,\s+(?=(?:(?:an?|the|actual|pure|real|absolute|total|true|utter)\s+)?(?:[\w-]+\s+)?(?:genius|gold|"
     r"perfection|masterpiece|greatness|brilliance)\b)", " is "),
    (r"\b(is|was|s)\s+a\s+modern[- ](?=classic\b|masterpiece\b)", r"\1 a "),  # "candyman is a modern classic":
    # praise of it, no era ("show me modern classics" keeps it)
    # a film club's verdicts: "my man godfrey went down a storm at our last screening": seen, and liked
    (r"\bwent\s+down\s+(?:a\s+storm|a\s+treat|really\s+well|so\s+well|well|great)\b", "was great"),
    (r"\bwent\s+down\s+(?:badly|like\s+a\s+lead\s+balloon|poorly|terribly)\b", "was awful"),
    (r"\b(?:at|in)\s+(?:our|the|my)\s+(?:last|latest|previous|recent)\s+(?:screening|club\s+night|movie\s+night)\b",
     ", seen it"),
    # Australian: "yeah nah" is no, "nah yeah" yes; "a ripper" is great; "chuck in", "chuck a few up": throw in, show
    (r"^\s*yeah,?\s+nah+\b", "no"), (r"^\s*nah+,?\s+yeah\b", "yes"),
    (r"\b((?:number|no\.?|#)\s*[1-5])['\u2019]s\b", r"\1 is"),  # "number 2's a ripper"
    (r"\b(?:a\s+)?(?:(?:bloody|real|absolute)\s+)?ripper\b", "great"),
    # Irish and Scottish English: "ah go on so" is yes; "grand" is fine; "a wee comedy" is a comedy; "pure muck"
    # is awful and "class" great; "not pushed" is no preference; "gie us somethin else"; "so it was" a filler
    (r"^\s*(?:ah+,?\s+go on(?:,?\s+(?:so|then|go on))?|go on,?\s+so)\s*[!.]*\s*$", "yes"),
    (r"^\s*ah+,?\s+go on\b,?\s*", "yes, "),
    (r"\b(grand|right|okay|ok|number\s+[1-5]|#\s*[1-5]|[1-5])\s+so\s*[!.]*\s*$", r"\1"),
    (r"^\s*grand(?:\s+so)?\b[,.!]*\s*", "ok, "),
    (r"\bwee\s+(?=(?:\w+\s+)?(?:films?|movies?|comed\w*|westerns?|thrillers?|dramas?|romcoms?|horrors?|ones?|"
     r"something|somethin|thing|musicals?|cartoons?)\b)", ""),
    (r",?\s+so (?:it|he|she|they) (?:was|is|were|did|does)\b", ""),
    (r"\b(?:pure|absolute|total)\s+(?:muck|shite|rubbish|brutal)\b|\bmuck\b", "awful"),
    (r"\b(was|is|were|'s|are)\s+(?:pure\s+|absolute\s+)?(?:class|deadly|unreal|savage)\b", r"\1 great"),
    (r"\bdeadly\s+(?=(?:films?|movies?|flicks?|thrillers?|comed\w+|ones?|westerns?|dramas?)\b)", ""),
    (r"\bnot pushed\b(?!\s+(?:about|with|by|on)\b)", "not fussed"),
    (r"\bgie(?:s)?\s+(?=us\b|me\b)", "give "), (r"\bsomethin\b", "something"), (r"\bnaw\b", "no"),
    (r"\b(?:watchd|whatched|wached|wacthed|wathced|watced)\b", "watched"),  # ("i watchd the flintstones")
    # a journey is the reason for a length, not a wish ("something short for the plain", "for a ten-hour flight",
    # "flying to paris tomorrow, a french romance to get in the mood")
    (r"\s*\bfor\s+(?:the|a|my|our|this)\s+(?:[\w-]+\s+){0,2}?(?:flight|plane|plain|train|bus|journey|trip|"
     r"commute|drive|ride|layover|ferry)\b", ""),
    (r"^\s*(?:i'?m\s+|we'?re\s+|im\s+)?(?:going|flying|heading|travell?ing|off|driving)\s+to\s+[a-z][\w' -]{1,25}?"
     r"(?:\s+(?:next\s+week|tomorrow|tonight|soon|this\s+weekend|next\s+month|on\s+\w+day))?\s*[,.;!-]+\s*", ""),
    (r",?\s*(?:to\s+)?get\s+(?:me|us)\s+in\s+the\s+mood\b", ""),
    # "Show me the films Madonna has acted in": who is in them
    (r"\s+(?:has|have|had)\s+(?:ever\s+)?(?:acted|starred|appeared|played)\s+in\b", ""),
    (r"\b(?:could|can|may)\s+(?:i|we)\s+(?:see|have|get)\s+(?:a\s+few|some|your|a\s+couple\s+of)\s+(?:suggestions|"
     r"recommendations|ideas|options)\b", "show me some films"),  # ("Could I see a few suggestions, please?")
    # the weather is no wish ("something properly spooky for a stormy night")
    (r"\s*\b(?:for|on)\s+a\s+(?:stormy|windy|snowy|foggy|freezing)\s+(?:night|evening)\b", ""),  # (a rainy sunday is a
    # mood of its own: something cosy)
    # cards watched, in other words ("we've done 2 and 4 already", "been through all of these already")
    (r"\b(we'?ve|i'?ve|we\s+have|i\s+have)\s+(?:already\s+)?done\s+(?=(?:#|number\s+|no\.\s*)?[1-5]\b|(?:the\s+)?(?:first|"
     r"second|third|fourth|fifth|last)\b)", r"\1 seen "),
    (r"\b(?:(?:we'?ve|i'?ve|we\s+have|i\s+have)\s+)?been\s+through\s+(?=all\s+(?:of\s+)?(?:these|those|them)\b)",
     "seen "),
    # sports words for a verdict ("a knockout", "a total airball", "own goal from start to finish")
    (r"\b(?:is|was)\s+(?:a\s+)?(?:total\s+|complete\s+|real\s+|absolute\s+)?(?:knockout|slam\s+dunk|home\s+run|"
     r"touchdown|hole\s+in\s+one|winner|banger)\b", "was great"),
    (r"\b(?:is|was)\s+(?:a\s+|an\s+)?(?:total\s+|complete\s+|real\s+|absolute\s+)?(?:airball|own\s+goal|strike\s*out|"
     r"fumble|foul\s+ball|dud|dropped\s+catch)\b", "was awful"),
    # "X is a knockout, funniest boxing film ever": praise of X (it had asked for comedies)
    (r"(?<=\w)\s*,\s+(?:the\s+)?(?:funniest|best|scariest|greatest|saddest)\s+(?:[\w-]+\s+){0,2}(?:film|movie|flick)\s+"
     r"(?:ever(?:\s+made)?|of\s+all\s+time)\b", ""),
    (r"\bbench\s+(?=(?:#|number\s+|no\.\s*)?[1-5]\b|(?:the\s+)?(?:first|second|third|fourth|fifth|last)\b)", "not "),
    (r",?\s*who\s+else\s+(?:have\s+)?(?:you|u)\s+got(?:\s+on\s+the\s+(?:roster|bench|team))?\s*\??",
     ", something else?"),
    (r"\bsub(?:stitute)?\s+out\s+(?P<x>[^,.;!?]+?)\s*[,;]?\s*(?:and\s+)?bring\s+on\s+(?P<y>[^,.;!?]+)",
     r"swap \g<x> for \g<y>"),
    (r"\bred\s+card\s+(?:to|for)\s+(?:anything\s+|anyone\s+|everything\s+)?(?:with\s+)?", "nothing with "),
    (r"\bsit\s+through\s+a\s+(?:goalless|nil[- ]nil|0[- ]0|scoreless)\s+draw\b", "watch paint dry"),
    (r"^\s*(?P<x>[\w' -]{2,30}?)\s*\?+\s*(?:i'?d|id|i\s+would)\s+(?:much\s+)?rather\s+(?:watch|sit\s+through|see)\s+"
     r"paint\s+dry\b[.!]*", r"no \g<x>."),  # ("romance? i'd rather sit through a goalless draw")
    (r"\bwipe\s+the\s+(?:score\s*board|slate)(?:\s+clean)?\b|\bnew\s+season\b", "start over"),
    (r"\b(?:(?:loads|lots|plenty)\s+of\s+)?(?:singing\s+and\s+dancing|song\s+and\s+dance)\b", "musical"),
    # a film shown to a class is seen ("I showed Twelfth Night to my Year 9s and it went down well")
    (r"\b(i|we)\s+(?:showed|screened|played)\s+(?P<x>[^,.;!?]{2,50}?)\s+(?:to|for|with)\s+(?:my|our|the)\s+"
     r"(?:class|students|kids|pupils|year\s*\d+s?|group|club)\b", r"\1 watched \g<x> with my class"),
    (r"\b(?:could\s*n[o']?t|couldnt|cannot|can'?t)\s+(?:watch|sit through|make it)\s+(?:it\s+)?(?:until|till|to)\s+"
     r"the\s+end\b", "could not finish it"),  # ("I could not watch until the end": not *Until the End of the World*)
    # the rest of a verdict, no refusal or wish ("judge dredd was terrible, not even stallone could save it")
    (r",?\s*(?:and\s+)?not\s+even\s+[\w' .-]{2,30}?\s+(?:could|can|would)\s+(?:save|rescue|fix)\s+(?:it|that|this)\b",
     ""),
    (r"\s*\bafter\s+(?:the|a|this)\s+(?:day|week|shift|morning)\s+(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+had\b", ""),
    (r"\b(?:bloke|fella|fellow|dude|chap)\s+(?=who\s+(?:directed|made|did|was\s+in|starred\s+in)\b)", "guy "),
    (r"\bj\.\s?lo\b", "jlo"),  # ("j.lo films, let's see them")
    # "i've seen patton but not the wild bunch": the second is not seen, and no film set aside
    (r"\b(i'?ve|i\s+have|we'?ve|we\s+have)\s+seen\s+(?P<x>[^,.;!?]+?)\s+but\s+not\s+(?:yet\s+)?(?P<y>[^,.;!?]+?)\s*"
     r"(?=[,.;!?]|$)", r"\1 seen \g<x>"),
    # a film club's words (dev15): the meeting and the season are no wish, a film screened or done is seen
    (r"\s*\bfor\s+(?:next|this|last)\s+(?:month|week)'?s?\s+(?:meeting|screening|session|club\s+night)\b", ""),
    (r"\s*\bfor\s+(?:a|our|the)\s+film\s+(?:society|club)(?:\s+(?:screening|night|meeting))?\b", ""),
    (r"\bi\s+run\s+a\s+film\s+(?:club|society)\s+and\s+", "i "),
    (r"\b(we|i)\s+did\s+(?P<x>[^,.;!?]{2,40}?)\s+(?:in|last|back\s+in)\s+(?:january|february|march|april|may|june|july|"
     r"august|september|october|november|december|the\s+spring|the\s+summer|the\s+autumn|the\s+fall|the\s+winter|"
     r"week|month|year)\b", r"\1 watched \g<x>"),
    (r"\b(?:the\s+)?muscles\s+from\s+brussels\b", "jean-claude van damme"),  # (not in the lexicon: its words took
    # slips of others)
    (r"^\s*know\s+(?=[a-z-]+s\b(?!\s+(?:about|what|who|if|that)\b))", "no "),  # ("know westerns please i hate them")
    # "please teach me good horror movie": show me (a learner's word for "tell me")
    (r"\bteach\s+(?:me|us)\s+(?=(?:a\s+|an\s+|some\s+|good\s+|nice\s+|the\s+best\s+|recommended\s+)*(?:[\w-]+\s+){0,2}"
     r"(?:movies?|films?)\b)", "show me "),
    (r"(?<=\w)\s+(?:next\s+time|from\s+now\s+on|going\s+forward)\b", ""),  # ("skip anything over 2 hours next time")
    (r"^(\s*(?:what|how)\s+about\b[^.!?]*?)\s+then\s*(?=[?.!]*\s*$)", r"\1"),  # ("what about the seventies then")
    # "... and it was so funny": praise of the film talked of (it had asked for comedies)
    (r"\b(?:it|which)\s+was\s+(?:so+|really|very|super|absolutely|bloody|hella)\s+(?:funny|hilarious)\b",
     "it was great"),
    (r"\bsumthin[g']?\b", "something"),
    (r"\b(i'?ll|we'?ll|ill|i\s+will|we\s+will|gonna|imma)\s+just\s+(?=(?:watch|do|go\s+with|take|try|pick)\b)", r"\1 "),
    # ("we'll just do jaws. peace": chosen; it had been a search for "jaws peace")
    (r"\b(?:wont|won'?t|doesn'?t|doesnt|don'?t|dont|will\s+not|does\s+not)\s+let\s+(?:us|me|them|him|her)\s+watch\s+"
     r"(?:anything\s+)?(?:rated\s+)?(?P<r>r|nc-?17|pg-?13)(?:\s+rated)?(?:\s+(?:stuff|films|movies|ones))?\b",
     r"nothing rated \g<r>"),  # ("my mom wont let us watch R stuff": no film rated R; it had been a search)
    (r"(?<=[a-z])\s+2\s+(?=(?:long|short|scary|old|dark|sad|violent|slow|boring|much|weird|gory|childish)\b)", " too "),
    # ("shining 2 long n my mom wont let us": too long; it had asked for films over 2 hours); text-speak: "sumthin w
    # aliens n big explosions" (round thirty-two)
    (r"(?<=\s)w/?(?=\s+[a-z])", "with"), (r"(?<=[a-z]\s)n(?=\s+[a-z])", "and"),
    (r"\bo'(?=\s)", "of"), (r"\byer\b", "your"), (r"\byous\b", "you"), (r"\bweans\b|\bwains\b", "kids"),
    (r"\b(?:it'?s|its)\s+(?:dreich|baltic|lashing|pissing (?:it )?down|bucketing(?: down)?)(?:\s+out(?:side)?)?\b",
     "it's raining"),
    (r"(?:^|(?<=[,.;!]))\s*(?:(?:i'?m|im|we'?re|were)\s+)?after\s+(?=(?:a|an|some)\s)(?!(?:a|an|some)\s+(?:[\w-]+\s+)?"
     r"(?:day|days|week|weeks|night|month|year|shift|while|break|time|session|meeting|exam|exams)\b)",
     " i want "),  # (not "after a long week, something fun": why) "after a
    # deadly thriller tonight", "i'm after a 70s comedy": wanted
    (r"\b(be|was|is|looks?|sounds?|seems?)\s+grate\b", r"\1 great"),  # (a phone's or a speller's homophone)
    (r"\b(?:was|is|were|'s)\s+on fire\b", " was brilliant"),  # "pacino was on fire": praise, no request ("fire away")
    # "the commitments is the best irish film ever made, have yous got it?": is it here, no request for films
    (r"[,.;!]?\s*(?:\bhave|'?ve)\s+(?:you|u|yous|ya|ye)\s+got\s+(?:it|that|this)(?:\s+one)?\s*\?+\s*$", "?"),
    (r"\s+(?:is|was|'s|got|gets|been|has been)\s+vetoed\b", ", not tonight"),  # "X is vetoed": not now
    (r"\b(?:made me|makes me|had to|got me to|dragged me to)\s+sit through\b", "i watched"),  # seen
    (r"\bwith\s+(?P<x>[a-z][\w.'-]+(?:\s+[a-z][\w.'-]+){0,2}?)\s+directing\b", r"directed by \g<x>"),
    (r"[,.!]?\s*\b(?:can|could|shall)\s+we\s+meet\s+(?:in\s+)?the\s+middle\b\??|\bmeet\s+(?:me|us)\s+halfway\b\??", ""),
    (r"(?:^|(?<=[,.!;]))\s*[\w-]+\s+(?:addict|fan|nerd|buff|geek|junkie|obsessive)\s+here\b[,.!]*", ""),  # ("hi!
    # letterboxd addict here, ...": who is asking; not "big lebowski fan here": a film liked)
    (r"\s*\b(?:that\s+|which\s+)?(?:i|we)\s+(?:haven'?t|havent|have not|have never)\s+(?:seen|watched|logged)"
     r"(?:\s+(?:yet|before))?\s*[.!]*\s*$", ""),  # "a 70s sci-fi i haven't logged yet": every pick is new
    (r"\b(?:(?:i|we)\s+(?:feel|felt)\s+like|(?:i|we)\s+(?:want|wanna|need)\s+to)\s+(?:be(?:ing)?|get(?:ting)?)\s+"
     r"(?:really\s+|properly\s+)?(?:scared|terrified|spooked|frightened)\b"
     r"(?:\s+stiff|\s+out\s+of\s+my\s+(?:skin|wits|mind|pants))?",
     "i want a scary film"),
    (r"\s*\b(?:till|until|til|'til)\s+(?:it hurts|i cry|i drop|my (?:sides|stomach|belly|face) "
     r"(?:hurts?|splits?|aches?))\b", ""),  # "something to make me laugh till it hurts": a lot
    (r"\s*\b(?:would|will|'d|'ll|should)\s+(?:really\s+)?hit\s+the\s+spot\b", ""),  # "... would hit the spot"
    (r"\blaff+s?\b", "laugh"),
    # a film diary's reasons: "need to fill out my diary", "doing a director deep dive", "my diary is for good films"
    (r"[,.;]?\s*\b(?:i\s+)?(?:need|have|got|want)\s+to\s+fill\s+(?:out|in|up)\s+my\s+(?:diary|list|letterboxd|log)\b",
     ""),
    (r"[,.;]?\s*\b(?:i'?m\s+|im\s+)?(?:doing|on)\s+an?\s+(?:[\w-]+\s+){0,2}deep[- ]dive\b", ""),
    (r"[,.;]?\s*\bmy\s+(?:diary|letterboxd|log|list)\s+is\s+(?:only\s+)?for\s+(?:good|great|the best)\s+"
     r"(?:films|movies)\b", ""),
    # "she won't sit through black and white": none of it (not "he'll never sit through it": that film, not now)
    (r"\b(?:won'?t|wont|will not|can'?t|cant|cannot|refuses? to|never)\s+sit\s+through\s+"
     r"(?!(?:it|that|this|them|those|these|the\s+(?:first|second|third|fourth|fifth|last))\b)(?![^,.;!?]*\bagain\b)",
     "no "),
    (r"[,.;]?\s*(?:\bor\s+)?\b(?:i'?ll|ill|i will|i'?d|we'?ll|he'?ll|she'?ll|they'?ll)\s+(?:just\s+)?(?:fall asleep|"
     r"nod off|doze off|get bored|zone out|be bored|lose interest)\b", ""),  # "nothing over 2 hours, i'll fall asleep"
    (r"\s+(?:is|was|'s)\s+so\s+(?:'?\d0s|\w+ties)(?:\s+it\s+hurts)?\b", " is great"),  # "reality bites is so 90s it
    # hurts": praise of the film, no wish for its decade
    # Indian English: "kindly", "do the needful", "I am wanting", "yaar", "what a film", "yesterday only I saw"
    (r"\bkindly\s+(?=(?:suggest|explain|show|recommend|tell|give|help|do|let|find|list|share|send|provide)\b)",
     "please "), (r"[,.]?\s*\b(?:please\s+)?do the needful\b", " please"),
    (r"\b(?:i am|i'm|im|we are|we're)\s+wanting\b", "i want"), (r"[,\s]*\byaar+\b", ""),
    (r"^\s*(?:hello|hi|good (?:morning|afternoon|evening)),?\s+(?:sir|madam|ma'?am|bhai)\b", "hello"),
    (r"\bwhat an? (?:film|movie|picture|masterpiece)\b", "it was great"),
    (r"\b(yesterday|today|last night|just now)\s+only\b", r"\1"),
    # a film diary's words: "logged" is seen; a film on a watchlist is not seen yet (an aside, as "haven't got
    # round to it yet"); "never misses" praises a director
    (r"\b(?:already\s+)?logged\b(?!\s+(?:in|on|out|off)\b)", "seen"),
    (r"\b(?!(?:number\s+|no\.?\s*|#)?[1-5]\b)(?:[^,;.!?]+?)(?:'s| is| has)\s+(?:been\s+)?on\s+my\s+watch\s?list"
     r"(?!(?:\s+(?:forever|for ages|for years))?\s*[.!]*\s*$)(?:\s+(?:forever|for ages|for years))?"
     r"\s*,?\s*(?:but\s+)?", ""),  # (alone, "fargo is on my watchlist" asks for it: ``_wanted_not_liked``)
    (r"\b([1-5]|one|it|that|this)\s+(?:is|are|'s)\s+on\s+my\s+watch\s?list\b", r"\1 looks great"),  # (a card:
    # "2 is on my watchlist")
    (r"\b(\w+)\s+never\s+misses\b", r"\1 is great"),
    # "bloody" as a swear ("no bloody musicals", "bloody good"), not gore
    (r"\b(no|not|nothing|any|these|those|more|another|the|that|this)\s+bloody\s+(?!(?:films?|movies?|ones?|stuff|"
     r"gore|violence)\b)", r"\1 "),
    (r"\bbloody\s+(?=(?:good|great|brilliant|awful|terrible|hell|well|long|boring|amazing|fantastic)\b)", ""),
    (r"\b(?:chuck|throw|put)\s+(?:a\s+few|some|a\s+couple)\s+up\b", "show me some films"),
    (r"\bchuck(?=\s+(?:in|on|up|a|some|us|me|them|over|together)\b)", "throw"),
    (r"\bi (?:wouldn'?t|would not|wouldnt) say no to\b", "i'd like"),  # "i wouldn't say no to a thriller"
    (r"(?<=[a-z])\s+\+\s+(?=[a-z])", " and "),  # "romeo + juliet", "tom + jerry"
    # "we're 13", "im 12 lol": who is watching is a child (an adult's own age is no wish: ``OWN_AGE_RE``)
    (r"\b(?:we'?re|we are|were|i'?m|i am|im)\s+(?:all\s+|only\s+|just\s+)?(1[0-7]|[5-9])\b(?!\s*(?:minutes|mins|hours|"
     r"films|movies|years? ago|%|s\b|0s))(?:\s+(?:years?|yrs?|yo)(?:\s+old)?)?", r"my kids are \1"),
    # "too old, 70s is the earliest i'd go": the 1970s on
    (r"\b(?:the\s+)?'?(\d0)s\s+(?:is|are)\s+(?:the\s+)?(?:earliest|oldest)(?:\s+i'?d\s+go)?\b", r"from the \1s on"),
    # "is scream too much?": as "too scary", a question about the film
    (r"^\s*(?P<v>is|isn'?t|would|will)\s+(?P<x>[^?]{1,40}?)\s+(?:be\s+)?too much\b", r"\g<v> \g<x> too scary"),
    # "how do the first and the fourth differ": compared
    (r"^\s*how\s+(?:do|does|would)\s+(?P<a>[^?]{1,40}?)\s+and\s+(?P<b>[^?]{1,40}?)\s+(?:differ|compare)\b\s*\??",
     r"compare \g<a> and \g<b>"),
    # "thank you, young man. that will be all", "much obliged": goodbyes of a formal hand
    (r"\bthat(?:'ll| will) be all\b", "bye"), (r"\bmuch obliged\b", "thanks"),
    # "he thinks hes too old for cartoons", "the 13 yo will be bored by baby stuff": none of them
    (r"\b(?:too old for|(?:will be |gets? |get |is |are )?bored (?:by|of|with)|over|done with|sick of)\s+"
     r"(?:the\s+)?(?:cartoons|animated (?:films|movies|stuff)|animation)\b", "no animated films"),
    (r"\b(?:too old for|(?:will be |gets? |get |is |are )?bored (?:by|of|with)|over|done with|sick of)\s+"
     r"(?:the\s+)?(?:baby|babyish|kiddie|kiddy|little kids'?|kids'?|children'?s)\s+(?:stuff|films|movies|things)\b",
     "no children's films"),
    (r"\blive[- ]action\b(?:\s*,?\s*not\s+(?:animated|cartoons?|animation))?", "not animated"),  # "live action
    # not animated": a film with actors, no cartoon (not the Action genre)
    (r"\bwho(?:'?s| is| are)\s+the\s+(?:leads?|stars?|main (?:actors?|actress|actresses|cast))\s+(?:in|of)\s+",
     "who is in "),  # "who's the lead in Citizen Kane?"
    # "go back a decade", "further back in time": older films, not the undo button's "go back"
    (r"\b(?:go(?:ing)?\s+)?(?:back|further back)\s+(?:a|one|another)\s+decade\b|\b(?:go(?:ing)?\s+)?further back"
     r"(?:\s+in\s+time)?\b|\bgo back further(?:\s+in\s+time)?\b", "older"),
    # "westerns and i have never got on, so none of those": no westerns
    (r"^\s*(?P<x>[\w\s'-]{2,30}?)\s+and\s+(?:i|me)\s+(?:have\s+)?(?:never|don'?t|do not|dont)\s+(?:got|get|gotten|"
     r"gel|got along|get along)(?:\s+on)?\b(?:,?\s*so\s+none\s+of\s+(?:those|them|that))?", r"no \g<x>"),
    (r"\bwas\s+(?:two|2|three|3|\w+)\s+hours?\s+of\s+my\s+life\s+i'?(?:ll| will)\s+never\s+get\s+back\b",
     "was terrible"),
    (r"\b(?P<x>[\w.'-]+(?:\s+[\w.'-]+)?)(?:'s|\s+is)\s+nowhere\s+near\s+(?:it|them|that)\b",
     r"no \g<x>"),
    (r"\b(?:won'?t|wont|will not|wouldn'?t|wouldnt|would not)\s+touch\b", "do not want"),  # "won't touch anything g"
    (r"^\s*(?:i'?m|i am|im)\s+afraid,?\s+", ""),  # "I'm afraid I have already seen the first two."
    (r"^\s*(?:but|hey|um+|uh+)?\s*,?\s*(?:that'?s|thats|those are|these are|they'?re|theyre|it'?s)\s+(?:all\s+)?"
     r"(?:a\s+|an\s+)?[\w-]+(?:\s+[\w-]+)?\s*!+\s*(?=\S)", ""),  # "but that's sci-fi! I told you I hate sci-fi"
    (r"\b(?:after|since)\s+(?=(?:19|20)\d\d\b)", "post "),  # "something after 1995": as "post 1995"
    (r"\bpast\s+(?=the\s+(?:\w+ties|(?:19)?\d0s|'\d0s)\b)", "after "),  # "nothing past the fifties"
    (r"\bbetween\s+(?=(?:19|20)\d\d\s+and\s+(?:19|20)\d\d)", "from "),  # "between 1985 and 1992"
    (r"^\s*(?:and\s+|but\s+|so\s+)?why not\s+(?=\w)", "what about "),  # "why not Apocalypse Now?": put forward
    (r"\bwhat else (?:did|has) (?:that|the|this) director (?:make|made|do|done|direct|directed)\b",
     "more by that director"),  # "what else did that director make?"
    (r"\bwhat else (?:has|did) the (?:guy|man|woman|actor|actress|lady|star|lead) (?:from|in|of) (?P<x>[^?]+?) "
     r"(?:been in|do|done|made|starred in)\b", r"more with the star of \g<x>"),  # "what else has the guy from #2
    # been in?", "what else has the lead of #2 done?"
    (r"\b(?:did (?:you|u) not|didn'?t (?:you|u)|have (?:you|u) not|haven'?t (?:you|u)) (?:consider|think of|include|"
     r"have|remember)\b", "what about"),  # "did you not consider seven with brad pitt?": put forward
    (r"^\s*(?:those|these|they)(?:'re| are| were| r)\s+(?:mostly|all|just|only|too many|so many)\s+[^.!?]+[.!?]+\s*"
     r"(?=\S)", ""),  # "those are mostly dramas. I want the dark, funny crime thing": said of the list
    (r"^\s*(?:meh|nah|hmm|ugh|eh|nope)[.!,]+\s+(?=(?:what|how) about\b)", ""),  # "meh. what about die hard?"
    # "something by kubrick i might have missed", "any hitchcock i may have missed?": not seen yet, no wish
    (r"\s*\b(?:that\s+|which\s+)?(?:i|we)\s+(?:might|may|could|must|probably)\s+(?:have\s+|'ve\s+)?(?:missed|"
     r"overlooked|never\s+(?:have\s+)?(?:seen|heard\s+of))\b", ""),
    (r"[,\s]+obviously\s*(?=[.!?]*\s*$)", ""),  # "Not 2001 or Clockwork Orange, obviously."
    # "i hate being scared", "she can't stand getting scared": nothing scary
    (r"\b(?:i|we|she|he|they|my\s+\w+)\s+(?:really\s+)?(?:hate|hates|can'?t\s+stand|cant\s+stand|don'?t\s+like|"
     r"dont\s+like|do\s+not\s+like|doesn'?t\s+like|does\s+not\s+like)\s+(?:being|getting)\s+(?:scared|frightened|"
     r"spooked)\b", "nothing scary"),
    # "she will be scared", "the kids get scared easily", "he'd have nightmares": nothing scary (it had asked for
    # horror)
    (r"\b(?:she|he|they|i|we|my\s+\w+|the\s+kids?|our\s+\w+)\s*(?:will|would|'ll|ll|'d|might|may|could|can|gets?|"
     r"is|are|'s|s|'re|re)\s+(?:be\s+|get\s+|have\s+|easily\s+|so\s+)*(?:too\s+|very\s+|really\s+)?(?:scared|"
     r"frightened|terrified|spooked|nightmares)(?:\s+(?:(?:very|so|quite|really)\s+)?easily|\s+of\s+\w+)?\b",
     "nothing scary"),
    # "a bit babyish", "kinda childish": said of the films shown, too young (not a wish for children's films)
    (r"\b(?:a\s+(?:bit|little|tad)|kinda|kind\s+of|bit|rather|way)\s+(?=(?:babyish|childish|kiddie|kiddy)\b)", "too "),
    (r"\bthere(?:'?s| is)\s+nothing\s+(?:quite\s+)?like\s+(?:a\s+|an\s+)?(?:good\s+)?", "i love "),  # "there's
    # nothing like a good western": westerns praised (not refused)
    # "leaving las vegas is nothing like heat": that card is not what was asked for (and no verdict on Heat)
    (r"(?P<pre>^|[,;!?]\s*|\.\s+|\b(?:and|but|tho|though|also)\s+)(?!(?:there|theres|there's|it|this|that|which|what)\b)"
     r"(?P<x>(?:(?!(?:and|but|also)\b)[\w'’:-]+\s*){1,6}?)"
     r"\s*(?:is|was|'s|are|were)\s+(?:nothing\s+|not\s+(?:even\s+)?(?:remotely\s+|anything\s+)?|hardly\s+)like\s+"
     r"[^,.;!?]+", r"\g<pre>not \g<x>"),
    # "old yeller will traumatize them": not that film; "volcano is not a hidden gem lol": a verdict on it
    (r"\b(?P<x>[\w'.:-]+(?:\s+[\w'.:-]+){0,5}?)\s+(?:will|would|might|could|is gonna|is going to)\s+(?:traumati[sz]e|"
     r"scar|terrify|upset|give (?:them|him|her) nightmares)\b", r"not \g<x>"),
    (r"\b(?P<x>[\w'.:-]+(?:\s+[\w'.:-]+){0,5}?)\s+(?:is|was)\s*(?:not|n'?t|hardly)\s+(?:a\s+|even\s+)?"
     r"(?:hidden gem|gem|classic|masterpiece)\b", r"\g<x> was bad"),
    (r"\b(?:(?:i'?ve|i|we'?ve|we)\s+)?(?:only\s+)?(?:got|have|has)\s+(?:like\s+|about\s+|maybe\s+|just\s+)?"
     r"(?:an hour and a half|90 min(?:ute)?s?|one and a half hours|1\.5 hours)\b", "under 90 minutes"),
    (r"\b(?:(?:i'?ve|i|we'?ve|we)\s+)?(?:only\s+)?(?:got|have|has)\s+(?:like\s+|about\s+|maybe\s+|just\s+)?"
     r"(?:two|2) hours\b", "under 2 hours"),
    (r"^\s*is\s+(?!(?:it|this|that|anyone|anybody|someone|somebody|there)\b)(?P<x>[^?]{2,60}?)\s+(?:here|there|on here|"
     r"in here)\s*\?+\s*$", r"do you have \g<x>?"),  # "is titanic here?"
    (r"^\s*(?:(?:you|u)\s+)?(?:got|have you got|you have|u have)\s+"
     r"(?!(?:to|it|that|this|them|time|nothing|no|any|anything|some|"
     r"something|more|picks?|suggestions?|recommendations?|ideas?|options?|films?|movies?|stuff)\b)"
     r"(?P<x>[^?]{2,80}?)\s*\?+\s*$", r"do you have \g<x>?"),  # "got evil dead 2 or braindead??"
    # "the little one gets scared of loud monsters": nothing scary (not "mobsters", a crime film)
    (r"\b(?:gets?|is|are|'s|'re|get)\s+(?:easily\s+|really\s+|very\s+|a bit\s+)?(?:scared|frightened|spooked)\s+"
     r"(?:of|by)\s+[^,.;!?]+", ", nothing scary"),
    (r"^\s*(?:i|we)\s+(?:must|have to|gotta|got to|should)\s+(?:confess|admit|say)\b,?\s*(?:that\s+)?", ""),
    (r"\b(?:they'?ve|we'?ve|theyve|weve)\s+both\s+seen\b", "seen"),
    (r"^\s*no to all of (?:these|those|them)\b", "no, none of these"),  # "no to all of these, and no musicals"
    (r"^\s*(?:that'?s|thats|it'?s|its) a no from (?:me|us) on all of (?:them|these|those)\b", "no, none of these"),
    (r"^\s*(?P<x>[^?]{2,40}?)\?\s*no\s+thanks\b", r"not \g<x>"),  # "a room with a view? thanks but no thanks"
    # (read as "no thanks" above): not that film
    (r"^\s*(?:she|he|they|my \w+) says?\s+(?=(?:number|#|no\.)\s*\d|the (?:first|second|third|fourth|fifth|last))",
     ""),  # "she says number 1 is cringe, next?": the verdict, whoever gives it
))
# second-language English: "I already see the first", "I have see the second": seen
SAW_PLACE_RE = re.compile(r"\b(?:i|we)\s+(?:already\s+)?(?:see|have\s+see|has\s+see|saw)\s+(?:already\s+)?"
                          r"(?=(?:the\s+)?(?:first|second|third|fourth|fifth|last|number|#|no\.?\s*\d|[1-5]\b))",
                          re.IGNORECASE)
SAW_ALREADY_RE = re.compile(r"\bi\s+(?:see|watch|look)(?:ed)?\s+(?:it\s+|this\s+|that\s+|this\s+one\s+)?already\b",
                            re.IGNORECASE)
WHO_PLAYS_RE = re.compile(r"\bwho\s+plays?(?:\s+in)?\b(?!\s+(?:the|a|an|his|her)\s+(?:role|part|lead|villain|"
                          r"hero|main))", re.IGNORECASE)
# "who is the lead?", "who's the main actor in #2": who is in it
WHO_LEAD_RE = re.compile(r"\bwho(?:'?s|\s+is|\s+are)\s+(?:the\s+)?(?:leads?|stars?|main\s+(?:actors?|actress|stars?|"
                         r"guy|characters?|cast))(?:\s+(?:in|of))?(?=\s*(?P<end>[?!.]*\s*$)?)", re.IGNORECASE)
MORE_OLD_RE = re.compile(r"\bmore\s+(old|new)\b(?!\s+(?:films?|movies?|ones?|stuff)\s+(?:with|by|like)\b)",
                         re.IGNORECASE)  # "more old" (second-language English): older
# "k thx more", "ok more please", "cool, more": courtesy words, then "more"
MORE_THANKS_RE = re.compile(r"^\s*(?:(?:ok(?:ay)?|k+|thx|thanks|thank\s+(?:you|u)|ty|cool|great|nice|sweet|awesome|"
                            r"lovely|perfect|alright|right)[\s,.!]+)+more(?:\s+(?:please|pls|plz|"
                            r"thanks|thx))?[\s.!]*$", re.IGNORECASE)
FILMS_NOW_RE = re.compile(r"\s*(?:some\s+)?(?:films?|movies?|pics|pix|flicks|recs|suggestions|options)\s+"
                          r"(?:now|already|asap|pls|plz|please)\b[\s\w,.!]*$", re.IGNORECASE)
SEEN_ALL_RE = re.compile(r"\b(?:seen|watched)\s+(?:them\s+all|all\s+(?:of\s+)?(?:these|them|those|em)|these|those|"
                         r"every\s+one|all(?=\s*(?:[,.!?;]|$)))", re.IGNORECASE)  # (not "seen all about eve")
BAD_ONES_RE = re.compile(r"\b(?:not|no|nothing|none of)\s+(?:the\s+)?(?:really\s+)?(?:bad|worst|terrible|awful)"
                         r"\s+ones\b", re.IGNORECASE)
PLACE_YES = re.compile(r"^\s*(?:(?:number\s+|no\.?\s*|#)?(?P<a>[1-5])\s+(?:yes|yep|yeah|yess+|ya|thumbsup|for\s+sure|"
                       r"definitely|deffo)|"
                       r"(?:yes|yep|yeah|yess+|ya|yup|thumbsup)[\s,]+(?:number\s+|no\.?\s*|#)?(?P<b>[1-5]))\s*[!.,]*\s*$",
                       re.IGNORECASE)  # "2 yes", "ya 2", "2️⃣ 👍"
REST_NO = re.compile(r"^\s*(?:and\s+)?(?:all\s+)?(?:the\s+)?(?:rest|others|other\s+ones)\s+(?:nah|no|nope|meh|not\s+"
                     r"for\s+me|not\s+really|pass)\s*$", re.IGNORECASE)
NO_WISH = WISHLESS | STOPWORDS | FILLERS | POLITE  # leftover words of these alone are no wish
_FILLER_SPELLINGS = sorted(w for w in NO_WISH | {"husband", "something", "anything", "please", "great", "would"}
                           if len(w) >= 4 and w.isalpha())  # what a misspelt leftover word may be (``_slip_of_filler``)
# a clause opening with these refuses what it names
REFUSALS = {"no", "not", "nothing", "nothin", "none", "without", "never", "minus", "except", "dont", "skip", "avoid"}
_DECADE_WORDS = {"twenties": "20", "thirties": "30", "forties": "40", "fifties": "50", "sixties": "60",
                 "seventies": "70", "eighties": "80", "nineties": "90"}
VOICE_SLIPS = (  # a voice's homophones, read as what was meant
    (re.compile(r"\ball\s+ready\s+(?=(?:scene|seen|saw|watched|done|did|had)\b)", re.I), "already "),  # "we all
    # ready scene it"
    (re.compile(r"\b(first|second|third|fourth|forth|fifth|last|1st|2nd|3rd|4th|5th)\s+won\b", re.I),
     r"\1 one"),  # "i'll take the fourth won"
    # dictated punctuation at the end: "i really loved singing in the rain period" (not "a period", "something period")
    (re.compile(r"(?<!\ba)(?<!\bthe)(?<!\bsome)(?<!\bsomething)(?<!\bany)\s+(?:period|full\s+stop)\s*$", re.I),
     "."),
    (re.compile(r"\s+exclamation\s+(?:mark|point)\s*$", re.I), "!"),
    (re.compile(r"\s+question\s+mark\s*$", re.I), "?"),
    (re.compile(r"\b(i|ive|i've|already|have|has|we|weve|we've|just|both|never)\s+scene\b", re.I), r"\1 seen"),
    (re.compile(r"\bscene\s+(?=(?:it|that|them|those|this|these|all)\b)", re.I), "seen "),
    (re.compile(r"\bfour\s+(?=(?:the|my|our|a|kids|children|me|us|him|her)\b)", re.I), "for "),
    (re.compile(r"\bnumber\s+(?:too|to)\b", re.I), "number 2"),
    (re.compile(r"\bnumber\s+(?:for|fore)\b", re.I), "number 4"),  # "i have seen number one and number for"
    (re.compile(r"\bnumber\s+won\b", re.I), "number 1"),
    (re.compile(r"\bnumber\s+(one|two|three|four|five)\b", re.I),  # "number three it is!"
     lambda m: "number " + str("one two three four five".split().index(m.group(1).lower()) + 1)),
    (re.compile(r"\bforth\s+(?=(?:one|film|movie|pick)\b)", re.I), "fourth "),  # "the forth one who's in it"
    (re.compile(r"\b(?:sigh|psy|sy|sky)[\s-]?fi\b", re.I), "sci-fi"),  # "sigh fi movie w aliens"
    (re.compile(r"^\s*y\s+(?=(?:the|is|this|that|these|those|number|no\.?|#|did|do|does|u|you|not)\b)", re.I),
     "why "),  # "y the forth one"
    (re.compile(r"\b(that|this|the)\s+won\b(?=\s*(?:[.!?,]|$))", re.I), r"\1 one"),  # "we'll watch that won"
    (re.compile(r"\bnineteen\s+(" + "|".join(_DECADE_WORDS) + r")\b", re.I),
     lambda m: f"19{_DECADE_WORDS[m.group(1).lower()]}s"),
    (re.compile(r"\b(pg[- ]?13|pg|g|nc[- ]?17)\s*(,|/|or|and)\s*r\b(?!-)", re.I), r"\1 \2 rated R"),
)
# a question about films, then a wish in a sentence of its own
QUESTION_THEN_WISH = re.compile(r"^\s*(?P<q>(?:is|are|was|who|whos|who's|what|whats|what's|how|do|does|did|when|which|"
                                r"can|any)\b[^?]{2,}\?+)\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)
WISH_CUE = re.compile(r"\b(?:want|wanna|like|rather|prefer|show|just|only|nothing|no|something|anything|actually|"
                      r"instead)\b", re.IGNORECASE)
# a clause that only turns a card down: "number 3 is the remake i hated, skip it"
SKIP_IT_RE = re.compile(r"[,.;!?]\s*(?:so\s+|just\s+|pls\s+|please\s+)?"
                        r"(?:skip|pass\s+on|swap|replace|ditch|bin|drop|lose)\s+"
                        r"(?:it|that|this|that\s+one|this\s+one|them)\s*(?:pls|please)?[\s.!]*$", re.IGNORECASE)
# "animated ones that won't scare a toddler": not horror, and (for the people named) a children's film
WONT_SCARE_RE = re.compile(r"\b(?:won'?t|will\s+not|wouldn'?t|would\s+not|doesn'?t|does\s+not|don'?t|do\s+not|not"
                           r"|never|can'?t)\s+(?:scare|frighten|terrify|traumati[sz]e)\s+"
                           r"(?:(?:a|my|the|our|your|his|her|their)\s+)?(?P<who>[\w-]+(?:\s+ones)?)", re.IGNORECASE)
KEEP_OUT_RE = re.compile(r"\bkeep\s+[\w .'-]{2,40}?\s+out\b", re.IGNORECASE)  # "keep chris farley out of it"
REMOVE_PERSON_RE = re.compile(r"\b(?:remove|drop|lose)\s+(?:her|him)\b|\b(?:not|no)\s+(?:more|longer)\s+(?:necessary|"
                              r"needed)\b", re.IGNORECASE)
NEEDNT_BE_RE = re.compile(r"\b(?:doesn'?t|don'?t|does\s+not|do\s+not|no\s+longer|need\s+not|needn'?t)\s+(?:have|need)?"
                          r"\s*(?:to\s+)?be\s+(?P<what>[\w -]{1,30}?)(?:\s+(?:any\s?more|now))?\s*[.!]*$",
                          re.IGNORECASE)
MISHEARD_RE = re.compile(r"\b(?:it|you|u)\s+(?:heard|misheard|got|understood)\s+(?:me|that|it)\s+wrong\b|"
                         r"\bi\s+said\b|\b(?:some\s+)?(?:other|another)\s+(?:day|night|time)\b|"
                         # "that's not what i asked, i wanted comedies", "you've got it backwards", "you misheard me"
                         r"\b(?:that'?s|thats|this is|it'?s|its)\s+not\s+what\s+i\s+(?:asked(?:\s+for)?|said|meant|"
                         r"wanted)\b|"
                         r"\byou(?:'ve| have)?\s+(?:got|get|gotten)\s+it\s+(?:all\s+)?(?:the\s+)?(?:wrong(?:\s+way\s+"
                         r"(?:round|around))?|backwards|mixed\s+up)\b|\byou\s+(?:misheard|misunderstood)(?:\s+me)?\b|"
                         r"\byou(?:'ve| have)?\s+(?:given|shown)\s+me\s+nothing\s+but\b", re.IGNORECASE)
EASY_WATCH_RE = re.compile(r"\b(?:something|anything|film|movie|one|watch)\s+(?:nice\s+and\s+|really\s+|very\s+)?"
                           r"easy\b", re.IGNORECASE)
NEGATED_WISH_RE = re.compile(r"\s*(?:nothing|no|not|none|never)\b", re.IGNORECASE)
REQUEST_OPENER = re.compile(r"\s*(?:(?:can|could|would) you |please |just |ok(?:ay)? |so )*"
                            r"(?:show me|recommend|give me|gimme|suggest|list|pick|pull up)\b", re.IGNORECASE)
# "a good film for tonight", "need a decent movie": films now, no more than that said
GOOD_FILM_RE = re.compile(r"^\s*(?:(?:i want|i need|i'?m looking for|looking for|need|want|got|any|have you got|"
                          r"do you have|hey|hi)\s+)?(?:a|some|one|any)?\s*(?:good|great|nice|decent|fun|solid)\s+"
                          r"(?:films?|movies?|flicks?|ones?)\s*(?:(?:for|to watch)\s+(?:tonight|today|this evening|the "
                          r"weekend|now|later))?\s*(?:please|pls|plz)?\s*[?!.]*\s*$", re.IGNORECASE)
# the request at the end: "any noir you can pull up?", "got any westerns you could show me?"
REQUEST_TAIL = re.compile(r"\b(?:you|u)\s+(?:can|could|might)\s+(?:pull\s+up|show(?:\s+me)?|dig\s+up|find(?:\s+me)?|"
                          r"recommend|suggest)\s*(?:for\s+me\s*)?[?!.]*\s*$", re.IGNORECASE)


def _refused_at_end(toks: list[str]) -> Phrase | None:
    """The refusal a clause ends with, after words it refuses ("gory stuff is a no", "long
    films aren't for me"), or None."""
    toks = [t for t in toks if t not in ("please", "pls", "thanks", "tho", "though", "lol")]
    return next((p for p in REJECT_BEFORE if len(toks) > len(p) and tuple(toks[-len(p):]) == p), None)


def _find_all(text: str, part: str) -> list[int]:
    """Where ``part`` occurs in ``text`` as whole words."""
    out, j = [], text.find(part)
    while j >= 0:
        end = j + len(part)
        if (j == 0 or not text[j - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            out.append(j)
        j = text.find(part, j + 1)
    return out


def _anywhere(clauses, phrases) -> bool:
    """One of ``phrases`` occurs in one of ``clauses``."""
    return any(match_phrase(c.toks, j, phrases) for c in clauses for j in range(len(c.toks)))


VERDICT_VOCABULARY = STOPWORDS | POSITIVE | NEGATIVE | PRAISE | VERDICT_WORDS | SEEN  # "seen both, love both"
SEEN_TITLE_END = STOPWORDS | TITLE_END | {"as"}  # where a film named after "saw" ends


def _too_much_for_now(toks: list[str]) -> bool:
    """"too long for a weeknight", "too depressing for tonight", "a bit long for tonight", "four
    hours is a big ask on a weeknight", "too heavy for a party": a film's quality that rules it out
    now; "he'll never sit through it": someone else's."""
    if any(toks[j : j + 3] in (["never", "sit", "through"], ["wont", "sit", "through"], ["not", "sit", "through"])
           and j and toks[j - 1] not in ("i", "id", "ill", "im", "ive") for j in range(1, len(toks))):
        return True
    if any(toks[j] in LENGTH_VERBS and _hours_at(toks, j + 1) for j in range(len(toks))):
        return True  # "my fair lady is 3 hours, they'd riot": a length told as the reason
    start = toks.index("too") + 2 if "too" in toks else next(
        (j + 2 for j in range(len(toks) - 1) if toks[j : j + 2] in (["a", "bit"], ["bit"], ["little"], ["big", "ask"])),
        None)
    return start is not None and any(match_phrase(toks, j, FOR_NOW | FOR_OTHERS) or (
        toks[j] == "on" and match_phrase(["for", *toks[j + 1 :]], 0, FOR_NOW)) or (
        toks[j : j + 2] in (["for", "a"], ["for", "the"]) and j + 2 < len(toks) and toks[j + 2] in OCCASIONS)
        for j in range(start, len(toks)))


LENGTH_VERBS = {"is", "its", "s", "runs", "thats", "lasts"}
LENGTH_HEDGES = {"like", "nearly", "almost", "over", "about", "around", "literally", "basically", "practically",
                 "well", "more", "than", "a", "good", "solid", "at", "least"}
HOUR_COUNTS = {"two", "three", "four", "2", "3", "4", "2.5", "3.5"}


def _hours_at(toks: list[str], j: int) -> bool:
    """A length in hours from ``toks[j]`` on, after words that hedge it ("nearly 3 hours", "like three hrs")."""
    while j < len(toks) and toks[j] in LENGTH_HEDGES:
        j += 1
    return j + 1 < len(toks) and toks[j] in HOUR_COUNTS and toks[j + 1] in ("hours", "hrs", "hour", "h")


# whom a film can be too much for, beside the person ("mary poppins is too long for them": not now, no dislike)
FOR_OTHERS = {("for", "them"), ("for", "him"), ("for", "her"), ("for", "us"), ("for", "the", "kids"),
              ("for", "my", "kids"), ("for", "kids"), ("for", "my", "son"), ("for", "my", "daughter"),
              ("for", "the", "children"), ("for", "my", "wife"), ("for", "my", "husband")}
# what a film can be too much for, beside the times of ``FOR_NOW`` ("too heavy for a party")
OCCASIONS = {"party", "sleepover", "picnic", "barbecue", "bbq", "wedding", "birthday", "playdate", "christening",
             "gathering", "crowd", "group", "family", "celebration"}


def _first_of_series(typed, title: tuple[str, ...]) -> bool:
    """``typed`` is ``title`` without its sequel number ("beverly hills cop" for "Beverly Hills
    Cop III"): the series' first film, not this one."""
    words = [w for w in typed if w not in TITLE_ARTICLES]
    return len(title) > 1 and (title[-1] in ROMAN or title[-1].isdigit() and len(title[-1]) == 1) and words == [
        w for w in title[:-1] if w not in TITLE_ARTICLES]


# the numbers a series' part is asked for by ("die hard 4", "rocky vii", "jaws part three"): wider than
# ``Parser._sequel_number``, which reads one typed title
_PART_WORDS = {**ROMAN, "vii": 7, "viii": 8, **{w: n for w, n in NUMBER_WORDS.items() if n > 1}, "six": 6}


def _part_number(words: list[str]) -> int | None:
    """The number a series' name is followed by ("4", "part 3", "iv"); None when none."""
    words = words[1:] if words[:1] == ["part"] else words
    if not words:
        return None
    w = words[0]
    return int(w) if w.isdigit() and 1 < int(w) < 20 else _PART_WORDS.get(w)


def _part_numbers(title: str) -> set[int]:
    """The part numbers a title carries ("Die Hard 2" 2, "Star Trek III: …" 3); the first film 1."""
    found = {n for w in tokens(title) if (n := _part_number([w])) is not None}
    return found or {1}


def _place_of(words: str) -> int | None:
    """The card a phrase names by its place ("the first one", "number 2", "#3"), 0-based; None if none."""
    toks = [t for t in tokens(words) if t not in ("the", "one", "film", "movie", "pick", "number", "no")]
    if len(toks) != 1:
        return None
    return PLACES.get(toks[0], int(toks[0]) - 1 if toks[0] in ("1", "2", "3", "4", "5") else None)


def _choice_words(head: str) -> list[str]:
    """The words of ``head`` less those that choose ("ok", "i take", "it is", "then"): the film or card chosen."""
    words = tokens(head)
    while words and words[0] in CHOOSE_LEAD:
        words = words[1:]
    while words and words[-1] in CHOOSE_TAIL:
        words = words[:-1]
    return words


# films fewer people have seen: "something more obscure", "hidden gems", "underrated", "not so mainstream"
# the opposite: films many people know ("something people actually liked, not some obscure thing")
POPULAR_RE = re.compile(r"\b(?:not|nothing|no)\s+(?:some\s+|too\s+|so\s+|that\s+|an?\s+)?(?:obscure|lesser[- ]known|"
                        r"little[- ]known|arty|art[- ]house)\b|(?<!not )(?<!not the )(?<!no )(?<!nothing )(?<!less )"
                        r"\b(?:popular|well[- ]known|mainstream|famous|big)\s+"
                        r"(?:stuff|ones|films|movies|hits?)\b|\bcrowd[- ]pleasers?\b"
                        r"|(?<!how many )\bpeople (?:actually )?(?:liked|like|loved)\b"
                        r"|\b(?:every(?:one|body)|all of us|the whole family|the whole group) (?:will |would |can )?"
                        r"(?:likes?|"
                        r"loves?|enjoys?|has seen|knows)\b|\bsomething for every(?:one|body)\b", re.IGNORECASE)
POPULAR_WORDS = {"everyone", "everybody", "all", "us", "whole", "family", "group", "will", "would", "can", "likes",
                 "loves", "love", "enjoys", "enjoy", "has", "seen", "knows", "popular", "obscure", "stuff", "people",
                 "actually", "liked", "like", "loved", "mainstream", "famous",
                 "big", "hits", "hit", "crowd", "pleaser", "pleasers", "blockbuster", "blockbusters", "opposite",
                 "thing", "some", "well", "known", "arty", "lesser", "little"}
# "what's the best rated film you have?", "best comedy?", "the single highest rated one", "the best film from the 80s"
_KINDS = (r"(?:films?|movies?|ones?|comed(?:y|ies)|dramas?|thrillers?|horrors?|westerns?|musicals?|documentar\w+|"
          r"animat\w+|sci-?fi|romances?|crime|war|action|adventures?|fantasy|myster(?:y|ies)|noirs?|family|kids)")
BEST_RE = re.compile(r"\b(?:the\s+)?(?:very\s+|single\s+|absolute\s+)?(?:best(?:[- ]rated)?|highest[- ]rated|"
                     r"top[- ]rated|greatest|number one|#1)\s+(?!(?:picture|actor|actress|director|supporting|"
                     r"screenplay|of)\b)(?:\w+\s+){0,2}?" + _KINDS + r"\b|\b(?:what'?s|whats|which is|what is|which'?s)"
                     r"\s+(?:the\s+)?(?:best|highest[- ]rated|top[- ]rated)\b(?!\s+(?:picture|actor|actress|"
                     r"director)\b)", re.IGNORECASE)
BEST_WORDS = {"best", "rated", "highest", "top", "greatest", "single", "very", "absolute", "number", "one"}
LESSER_KNOWN_RE = re.compile(
    r"\b(?:more\s+)?(?:obscure|lesser[- ]known|less[- ]known|little[- ]known|hidden\s+gems?|underrated|under-rated|"
    r"under\s+the\s+radar|off\s+the\s+beaten\s+(?:path|track)|deep\s+cuts?|too\s+(?:famous|mainstream|well[- ]known)|"
    r"(?:not|nothing|no)\s+(?:so\s+|too\s+|that\s+|the\s+)?(?:mainstream|popular|famous|well[- ]known|obvious|"
    r"(?:a\s+)?blockbusters?)|"
    r"less\s+(?:mainstream|popular|"
    r"famous|obvious)|(?:that\s+|which\s+)?i\s+(?:have\s*n[o']?t|haven'?t|never)\s+heard\s+of)\b", re.IGNORECASE)
LESSER_KNOWN_WORDS = {"more", "obscure", "lesser", "less", "little", "known", "hidden", "gem", "gems", "underrated",
                      "under", "rated", "radar", "off", "beaten", "path", "track", "deep", "cut", "cuts", "not", "so",
                      "too", "that", "mainstream", "popular", "famous", "well", "obvious", "which", "i", "havent",
                      "have", "never", "heard", "of", "something", "anything", "any", "some", "a", "bit", "the",
                      "seen", "watched", "basically", "pretty", "much", "all", "big", "ones", "stuff", "skip", "avoid",
                      "usual", "films", "movies", "picks", "hits", "classics", "spare", "me", "none"}
# someone the person has nothing against ("i dont hate meg ryan", "he doesn't mind tom cruise"): allowed, not asked for
NOT_AGAINST_RE = re.compile(r"\b(?:i|we|he|she|they)\s+(?:don'?t|dont|do\s+not|doesn'?t|doesnt|does\s+not|"
                            r"never\s+said\s+i)\s+(?:hate|hated|dislike|disliked|mind|object\s+to|have\s+anything\s+against|have\s+a\s+"
                            r"problem\s+with)\s+(?P<what>[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*){0,2})", re.IGNORECASE)
# the well-known films seen or to be skipped: lesser-known ones wanted ("i have seen basically all the big ones so skip
# the obvious stuff pls": it had said "Better-known films, then.")
SEEN_POPULAR_RE = re.compile(r"\b(?:seen|watched)\s+(?:basically\s+|pretty\s+much\s+|just\s+about\s+)?"
                             r"(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:big|popular|famous|obvious|mainstream|well[- ]known|"
                             r"usual)\s+(?:ones|stuff|films|movies|hits)\b|\b(?:skip|avoid|none\s+of|spare\s+me)\s+"
                             r"(?:the\s+)?(?:obvious|popular|famous|big|mainstream|well[- ]known|usual)\s+"
                             r"(?:ones|stuff|films|movies|picks|choices|hits|classics)\b", re.IGNORECASE)
STATE_BEFORE = {"im", "am", "were"}  # "im home alone tonight", "we're home alone": no film named
WISH_AFTER_DROP = {"lets", "let", "want", "wanna", "give", "show", "need", "try", "rather", "prefer", "make"}
ONE_WORD_KNOWN = 200  # critics' reviews (OMDb; TMDB votes / 10) of a film named by one ordinary word ("arrival")
OUTSIDE_NEAR_MIN = 5  # letters of a name read as a film before a slip in it is looked for among well-known films
# "more in that vein", "more along those lines": more like the film named by its place, no wish of these words
MORE_IN_THAT = {"more", "in", "along", "that", "this", "those", "same", "lane", "vein", "register", "direction",
                "style", "mould", "mold", "spirit", "line", "lines", "need", "close", "quite"}


def _only_films(out: Parse, text: str) -> bool:
    """The message only tells of films (liked, disliked, seen) and asks for nothing."""
    cues = set(tokens(text)) & REQUEST_CUES
    if re.search(r"\ba\s+(?:big\s+|huge\s+|real\s+)?hit\b", text, re.IGNORECASE):
        cues.discard("hit")  # "was a hit with the kids": no "hit me with"
    return bool(out.liked or out.disliked or out.seen) and not (
        out.accepted or out.alternatives or out.rejected or out.intents or cues)


def _review_mood(toks: list[str], v: int) -> str | None:
    """What the words from ``v`` on say of the film before them: like, dislike or None."""
    said, rest = set(toks[v:]), range(v, len(toks))
    if toks[-1] == "too" and "too" not in toks[v:-1]:  # "jurassic park 2 was fun too": also, no complaint
        said.discard("too")
    said_first = toks[v + 1 : v + 3]  # (``toks[v]``: the verb) "... was even better than the original": a verdict
    if (said_first[:1] in (["better"], ["worse"]) or said_first in (["even", "better"], ["even", "worse"], [
            "way", "better"], ["much", "better"], ["way", "worse"], ["much", "worse"])) and "than" in toks[v:]:
        return "dislike" if "worse" in said_first else "like"
    return ("like" if any(match_phrase(toks, j, GUILTY_PLEASURE) for j in rest)  # "twister is dumb fun"
            else "dislike" if said & (NEGATIVE | COMPLAINTS) or any(match_phrase(toks, j, REJECT_BEFORE) for j in rest)
            else "like" if said & (POSITIVE | PRAISE | {"funniest", "scariest", "saddest"}) or any(
                match_phrase(toks, j, REVIEW_LIKE) for j in rest)  # "some like it hot is the funniest film ever"
            else None)


def _verdict(toks: list[str]) -> bool:
    """A clause made only of a verdict ("still holds up", "absolutely brilliant"): about the film before it."""
    return {t for t in toks if not t.isdigit()} <= VERDICT_VOCABULARY


@dataclass
class _Clause:
    toks: list[str]
    spans: list[tuple[int, int]]  # character span of each token in the cleaned text
    caps: list[bool]  # the token was typed with a capital letter


# a kind of film that belongs to a people: the genre (``EXTRA_GENRE_WORDS``) and their country or
# language, unless the message turns it down; the last field matches it as typed, typos and all
KINDS_OF_A_NATION = (({("spaghetti", "western"), ("spaghetti", "westerns")}, "Western", "italian", "spag+h?et+i"),
                     ({("anime",)}, "Animation", "japanese", "anime"))

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "mt", "lt", "sgt"}  # "Mrs. Doubtfire": no full stop


def _split_clauses(text: str, keep: list[tuple[int, int]] = ()) -> list[_Clause]:
    """Clauses at punctuation and "but", except inside ``keep`` spans (titles with punctuation:
    "Mission: Impossible", "Sex, Lies, and Videotape") and after abbreviations ("Mrs.") and
    initials ("William H. Macy")."""
    clauses, cur = [], _Clause([], [], [])
    for m in re.finditer(r"[A-Za-z0-9\u00C0-\u024F'\u2019]+|[,.;:!?()\[\]\"]", text):
        tok = m.group(0)
        if not tok[0].isalnum() and tok[0] not in "'\u2019":
            inside = any(a < m.start() < b for a, b in keep)
            after_abbreviation = tok == "." and cur.toks and (cur.toks[-1] in ABBREVIATIONS or len(cur.toks[-1]) == 1
                                                               and cur.toks[-1].isalpha() and len(cur.toks) > 1)
            # (not after a middle initial: "william h. macy")
            if tok not in "\"'" and cur.toks and not inside and not after_abbreviation:
                clauses.append(cur)
                cur = _Clause([], [], [])
            continue
        norm = tokens(tok)
        if not norm:
            continue
        if norm[0] == "but" and cur.toks and cur.toks[-1] not in ("anything", "all", "nothing"):
            clauses.append(cur)
            cur = _Clause([], [], [])
        cur.toks.append(norm[0])
        cur.spans.append(m.span())
        cur.caps.append(tok[0].isupper())
    if cur.toks:
        clauses.append(cur)
    return clauses


@dataclass
class _Mention:
    """A film named in a clause: a catalog item, or a name the catalog lacks (``item`` None)."""

    clause: int
    item: int | None
    text: str
    polarity: str | None  # like | dislike | not_now | None (decided from the clauses around it)
    carried: str | None = None  # like / dislike of an earlier clause that named a film ("I liked X but not Y")
    outside: int = -1  # a well-known film the catalog lacks (index in ``Parser.outside``), or -1


@dataclass
class _Reading:
    """One message being read: the parse so far and what the title and frame steps need."""

    text: str
    out: Parse
    clauses: list[_Clause]
    talks_of_films: bool  # sentiment or "seen" words anywhere: one-word titles count
    leftover: list[str] = field(default_factory=list)
    leftover_clause: list[int] = field(default_factory=list)  # the clause of each leftover word
    mentions: list[_Mention] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)  # character spans of what was named
    title_closes: int = -1  # the last clause that ends with a film's name ("Heat (1995)": the year is the film's)
    seen_not_now: list[int] = field(default_factory=list)  # seen films not wanted now ("not titanic again")
    complaints: list[Value] = field(default_factory=list)  # "too long": ruled out, unless a value of its type is wanted
    last_value: Value | None = None  # the last value wanted of the clause before, for "a comedy? or animation"
    lone: set[int] = field(default_factory=set)  # clauses that are only a film's name ("gremlins!! loved it")
    refused: list[str] = field(default_factory=list)  # ordinary words refused after them ("gore is a no")
    moods: list[Phrase] = field(default_factory=list)  # mood words wanted ("a good cry", "something cozy")

    def keep_leftover(self, keep: Callable[[str, int], bool]) -> None:
        """Only the leftover words (with their clauses) ``keep(word, clause)`` holds for."""
        kept = [(t, k) for t, k in zip(self.leftover, self.leftover_clause) if keep(t, k)]
        self.leftover, self.leftover_clause = [t for t, _ in kept], [k for _, k in kept]


class _PerThread:
    """What one reading of a message notes as it goes (``Parser._guessed``), kept per thread: requests read
    at once in other threads do not see it."""

    def __init__(self, default=False) -> None:
        self.default = default

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, parser, owner=None):
        return self if parser is None else getattr(parser._thread, self.name, self.default)

    def __set__(self, parser, value) -> None:
        setattr(parser._thread, self.name, value)


class Parser:
    """Reads messages against one catalog's ``Lexicon``; thread-safe (read-only after init, and what a
    reading notes as it goes is kept per thread).

    ``reader``: an ``IntentReader`` (None: word lists only); ``english``: ordinary words the
    spelling correction leaves alone (the encoder's vocabulary; empty: only the word lists);
    ``wish_gate``: a ``chat.wish_gate.WishGate`` that says whether the words left over are a wish
    to search for (None: all are, unless every one carries no wish)."""

    _may_guess, _guessing, _liked_unsaid = _PerThread(), _PerThread(), _PerThread()  # (``_guessed``)
    _depth = _PerThread(0)  # (``parse`` within ``parse``: a part of the message)

    def __init__(self, catalog: Catalog, lexicon: Lexicon | None = None, reader: IntentReader | None = None,
                 english: frozenset[str] = frozenset(), outside: Sequence[OutsideFilm] = (),
                 wish_gate: WishGate | None = None) -> None:
        self.catalog = catalog
        self.lex = lexicon or Lexicon(catalog)
        self.reader = reader
        self.verdicts: IntentReader | None = None  # like / dislike of words no list holds (``verdict_reader``)
        self.cards: IntentReader | None = None  # cards taken or seen, in such words (``card_reader``)
        self._thread = threading.local()  # (``_PerThread``)
        self.stories = None  # (recsys.plots.PlotIndex, encode_query): films told by their story (``_told_films``)
        self.wish_gate = wish_gate
        self._english = frozenset(english)
        self.outside = list(outside)
        self.outside_named = {f.name: f for f in reversed(self.outside)}  # "Finding Nemo (2003)" -> the film
        self.series = find_series(catalog, self._english_like if english else lambda w: False)
        self._surnames_known = {p[-1] for p in self.lex.persons if len(p) > 1}
        self._intent_strings = sorted(" ".join(k) for k in INTENT_OF if len(" ".join(k)) >= 3)
        self._show_words = {t for e in SHOW_EXEMPLARS for t in tokens(e)} | POLITE | STOPWORDS | REQUEST_FILLER | (
            INTERJECTIONS - ALL_YES)
        self._one_word_values = sorted(k[0] for k in self.lex.values if len(k) == 1 and len(k[0]) >= MIN_FUZZY_WORD)
        self._surnames = sorted(k[0] for k in self.lex.surnames if len(k) == 1 and k not in self.lex.exact_surnames)
        self._two_word_surnames = sorted(" ".join(k) for k in self.lex.surnames if len(k) == 2)  # "de niro"
        self._by_sound = {}  # names and surnames folded by sound ("tom hanx"): the folded form -> the name
        for name in [*self.lex.person_strings, *self._surnames]:
            self._by_sound.setdefault(sound_fold(name), name)
        known_words = {w for p in [*self.lex.values, *self.lex.persons, *self.lex.titles, *self.lex.groups,
                                   *self.lex.moods] for w in p}
        self._known_words = known_words
        self._vocab = set(catalog.attr_values)
        self._leave = known_words | set(english) | CLOSED_WORDS | COMMON_WORDS | INTERJECTIONS  # "whoops": no Whoopi
        # one-word titles that are also a nation (*Brazil*): the film right after a word of seeing or judging, or
        # right before "seen" ("brazil seen", "loved brazil"); elsewhere the nation ("something from brazil")
        nation_titles = sorted(k[0] for k in self.lex.titles if len(k) == 1 and (k in self.lex.groups or any(
            t in ("country", "language") for t, _ in self.lex.values.get(k, []))))
        # a one-word title written as a name and doing what people do ("Dave hates anything with subtitles"): a
        # person, not the film (it had liked *Dave*)
        single = sorted(k[0] for k in self.lex.titles if len(k) == 1 and k[0].isalpha() and len(k[0]) > 2)
        self._name_title_re = re.compile(rf"\b(?:{'|'.join(map(re.escape, single)) or '(?!)'})\b(?=\s+(?:hates|loves|"
                                         r"wants|says|thinks|prefers|can'?t stand|doesn'?t like|won'?t watch)\b)",
                                         re.IGNORECASE)
        words = "|".join(map(re.escape, nation_titles)) or r"(?!)"
        self._nation_title_re = re.compile(
            rf"\b(?:(?P<verb>seen|saw|watched|loved|liked|hated|enjoyed|adored|disliked|going\s+with|go\s+with|"
            rf"watching|(?:i'?ll|we'?ll|ill|well|imma|gonna|lets|let's)\s+(?:watch|take|do|try))\s+(?P<a>{words})\b(?!\s+"
            rf"(?:films?|movies?|cinema|stuff)\b)|"
            rf"(?<!from )(?<!in )(?P<b>{words})\s+(?=(?:already\s+|too\s+)?seen\b|(?:i|we)\s+(?:have\s+|'ve\s+|ve\s+)?"
            rf"(?:already\s+|also\s+)?(?:seen|saw|watched)\b))", re.IGNORECASE)  # ("brazil i have seen too": the film)
        # corrections go to a word of a value or a filler before a word of a name or title
        # ("movei" -> "movie", not "moved"; "comdy" -> "comedy")
        first = ({w for p in [*self.lex.values, *self.lex.groups] for w in p if w.isalpha()}
                 | {w for p in self.lex.moods for w in p if len(w) >= 6})  # "explosoins", not "year" -> "tear"
        self._bigrams = {p[j : j + 2] for p in [*self.lex.values, *self.lex.persons, *self.lex.titles, *self.lex.groups]
                         for j in range(len(p) - 1)}
        self._after: dict[str, set[str]] = {}  # word -> words that follow it in a known name
        self._before: dict[str, set[str]] = {}
        for a, b in self._bigrams:
            self._after.setdefault(a, set()).add(b)
            self._before.setdefault(b, set()).add(a)
        self._spelling = (sorted(first | FILLERS), sorted(set(self.lex.words) - first - FILLERS))
        # titles with punctuation inside, as typed (display form, and the catalog's): one clause
        self._punctuated = sorted({form.lower() for t in catalog.titles for form in (display_title(t), t.partition(
            " (")[0]) if re.search(r"\w[,.;:!?]\W*\w", form) and len(form) >= 6}, key=len, reverse=True)
        self._nicknames = self._title_nicknames(catalog)
        # every surname of the catalog, one person's or several's ("newman and redford are the best duo")
        self._last_names = {key[-1] for key in self.lex.persons if len(key) > 1}
        # a well-known film's one-word title by sound ("ghandi"): the folded form -> the word
        self._title_sounds = {sound_fold(key[0]): key[0] for key, items in self.lex.titles.items()
                              if len(key) == 1 and self.lex.popularity[items[0]] >= WELL_KNOWN}
        self._firsts_of: dict[str, set[str]] = {}  # a person -> the first names they go by ("jimmy", "james")
        for key, roles in self.lex.persons.items():
            for _, name in roles:
                self._firsts_of.setdefault(name, set()).add(key[0])
        self._first_words = {key[0] for key in self.lex.persons if len(key) >= 2 and key[0] not in STOPWORDS}
        # first names at least two people of the catalog go by: "clark gable" reads as a person the
        # catalog's cast lists lack, not as words to search for
        firsts = Counter(key[0] for key in self.lex.persons if len(key) >= 2)
        self._given_names = {w for w, n in firsts.items() if n >= 2 and w.isalpha() and len(w) >= 3
                             and w not in STOPWORDS | CLOSED_WORDS}
        self._not_surnames = (known_words - {w for p in self.lex.persons for w in p}) | STOPWORDS | CLOSED_WORDS \
            | POLITE | WISHLESS | REQUEST_FILLER | FILLERS | self._show_words | TELLING_VERBS
        self._outside = self._outside_titles()
        self._outside_len = max(map(len, self._outside), default=0)
        self._outside_strings = sorted(" ".join(k) for k in self._outside if len(" ".join(k)) >= OUTSIDE_NEAR_MIN)
        self._leave |= {w for key in self._outside for w in key if self._rare(w)}  # "yojimbo", "notting": no slips

    def _unrun(self, word: str) -> str:
        """A word typed without spaces, as the words it runs together ("lovedhisgirlfriday": loved
        his girl friday, "nohorrorplease", "filmnoirfromthe40s"): the split into known words (the
        encoder's and the catalog's) with the fewest pieces, none of one or two letters but a common
        word ("a", "me", "no"), a word only names have ("alland") costing more; the word itself when
        it is known, is a name's or title's, is a slip of a known word, or no such split exists."""
        low = word.lower()
        if not self._english or low in self._leave or low in WISHLESS:  # ("autocorrect")
            return word
        if "_unrun_words" not in self.__dict__:  # built on the first such word, not at every start
            self._unrun_words = self._english | self._known_words
            # words a slip may be of ("spielburg", "documentry", "casablanka"), and those of the films the
            # catalog lacks ("interstellar")
            self._long_words = sorted(w for w in self._unrun_words | {w for key in self._outside for w in key}
                                      if len(w) >= 6 and w.isalpha())
        if difflib.get_close_matches(low, self._long_words, n=1, cutoff=0.8):
            return word  # a word misspelt, which the spelling correction reads, not words run together
        known = self._unrun_words
        best: list[tuple[float, int] | None] = [(0.0, 0)] + [None] * len(low)  # cost, start of the last piece
        for end in range(1, len(low) + 1):
            for start in range(max(0, end - UNRUN_LONGEST), end):
                piece, before = low[start:end], best[start]
                if before is None or not (piece in known and (len(piece) >= 3 or piece in SHORT_WORDS)
                                          or re.fullmatch(r"\d+s?", piece)):
                    continue  # (no fragment of one or two letters: "s pie lb ur g")
                cost = before[0] + 1.0 + (1.1 if piece not in self._english and not piece[0].isdigit() else 0.0) + (
                    0.0 if piece in STOPWORDS or piece in COMMON_WORDS else 0.1)
                # a name's word costs more: "wipeitallandstartfresh" is "all and", not William Alland; and of
                # splits as short, the one with more everyday words wins ("wipe it all and", not "wipe i tal land")
                if best[end] is None or cost < best[end][0]:
                    best[end] = (cost, start)
        if best[-1] is None:
            return word
        pieces, end = [], len(low)
        while end:
            start = best[end][1]
            pieces.append(low[start:end])
            end = start
        return " ".join(reversed(pieces)) if len(pieces) > 1 else word

    def _outside_titles(self) -> dict[Phrase, list[int]]:
        """The phrases of the well-known films the catalog lacks (``recsys.outside``) -> their
        indices in ``self.outside``, best known first: every form of the title ("the lives of
        others", "lives of others") and the part before a colon ("kill bill", "borat"), but
        none that is a catalog title, value or name, and no single word a person uses every day
        ("up", "her", "frozen"); without an English vocabulary, none."""
        self._outside_shadow: dict[Phrase, list[int]] = {}  # the same for catalog titles, by year only
        if not self._english:
            return {}
        lex, out = self.lex, {}
        taken = (lex.titles, lex.values, lex.persons, lex.groups, lex.moods, lex.surnames, lex.first_names)
        for j, film in enumerate(self.outside):
            title = ascii_title(film.title)
            heads = [title.split(":")[0]] if ":" in title else []
            hero = title.split(" and the ")[0] if " and the " in title else ""  # "harry potter", "indiana jones"
            heads += [hero] if len(tokens(hero)) in (2, 3) and tokens(hero)[0] not in TITLE_ARTICLES else []
            keys = [*title_keys(title), *(k for h in heads for k in title_keys(h))]
            parts = [k for part in title.split(":")[1:] for k in title_keys(part)]
            if any(abs(int(self.catalog.years[i]) - film.year) <= 1 for key in keys + parts
                   for i in lex.titles.get(key, ())):
                continue  # the catalog's film under another title ("Léon: The Professional" is "Professional, The")
            for key in keys:
                bare = key[1:] if len(key) > 1 and key[0] in TITLE_ARTICLES else key
                if key in lex.titles:  # a catalog title: this film only when its year is said ("psycho (1998)")
                    self._outside_shadow.setdefault(key, []).append(j)
                if any(key in known for known in taken) or len(bare) == 1 and len(bare[0]) < 2:
                    continue  # (a single ordinary word, "amelie", "her", counts only where the words around say so)
                if len(bare) > 1 and self._title_part(" ".join(key)) is not None:
                    continue  # the end of a catalog title: "romeo and juliet" is the 1996 film here
                out.setdefault(key, []).append(j)
        return out

    def _rare(self, word: str) -> bool:
        """No ordinary word: "yojimbo", "nemo"'s "notting", not "nemo"'s "finding"."""
        return word.isalpha() and word not in STOPWORDS | CLOSED_WORDS | COMMON_WORDS and not self._english_like(word)

    def _outside_ok(self, toks: list[str], i: int, length: int, c: _Clause, r: _Reading, title_ctx) -> bool:
        """A well-known film's title from ``i`` names it: when it has a word no one uses every day
        ("solaris a close second", "best film ever finding nemo"), or, made of ordinary words
        ("mean girls"), when it ends the clause or comes before a verdict ("is so iconic") where
        the message talks about films, or is typed with capitals; never after "a" or "some" ("a
        scary movie", "something old school")."""
        key = toks[i : i + length]
        bare = key[1:] if len(key) > 1 and key[0] in TITLE_ARTICLES else key
        if i and toks[i - 1] in ("a", "an", "some", "any", "something", "anything", "another", "more") and not (
                c.caps[i]):
            return False
        if any(self._rare(w) for w in bare):
            return True
        end = i + length
        year = self._year_after(toks, end, c, r)
        if year is not None and any(abs(self.outside[j].year - year) <= 1 for j in self._outside[tuple(key)]):
            return True  # "halloween (1978) is a classic": the film of that year
        content = [j for j in range(i, end) if toks[j] not in STOPWORDS]
        capitals = bool(content) and all(c.caps[j] for j in content)
        verdict = end < len(toks) and toks[end] in REVIEW_VERBS and _review_mood(toks, end) is not None
        triggers = LIKE_TRIGGERS | DISLIKE_TRIGGERS
        after_trigger = bool(title_ctx is not None and i and match_phrase(toks[i - 1 : i], 0, triggers) or any(
            tuple(toks[max(0, i - len(a)) : i]) == a for a in ASK_TITLE) or i and toks[i - 1] in SEEN)
        # ("loved X", "do you have american beauty?", "seen the matrix already")
        closes = end == len(toks) or toks[end] in TITLE_END | REVIEW_VERBS | {"and", "or"}
        if len(bare) == 1:  # one ordinary word: "seen the matrix already", "something like arrival" (said so,
            return closes and (after_trigger or len(key) == 2 and verdict) and bare[0] not in STOPWORDS | (  # of
                CLOSED_WORDS) and max(self.outside[j].reviews for j in self._outside[tuple(key)]) >= ONE_WORD_KNOWN
            # a film far better known than most); never "i loved it", "up", "her" without a year
        if not content:  # "something like get out": everyday words only, right after a like
            return closes and after_trigger and title_ctx == "like"
        if bare[-1] in ("movie", "film", "movies", "films") and not capitals:  # "the lego movie is my favourite",
            return closes and (verdict or bool(after_trigger))  # not "horror movies with a twist"
        return closes and (capitals and (title_ctx is not None or r.talks_of_films) or verdict or bool(after_trigger))

    def _film_lacked(self, hit, toks: list[str], i: int, c: _Clause, r: _Reading,
                     year_hint: int | None) -> tuple[str, int] | None:
        """For a phrase ``hit`` (``_longest``) at ``i`` that names a film the catalog lacks: (what
        to add to the words as typed, the film in ``self.outside`` or -1). A well-known film's
        title ("finding nemo"), or a catalog title with a year after it that is not its film's
        ("psycho (1998) was great": the remake; "little women (2019)": one no list knows, said
        with its year; not a year before it: "2001 a space odyssey"). None otherwise."""
        kind, length, payload = hit
        if kind == "outside":
            year = self._year_after(toks, i + length, c, r) or year_hint
            return "", self._outside_film(payload, year, r.text)
        key = tuple(toks[i : i + length])
        year = self._year_after(toks, i + length, c, r)
        if kind != "title" or key not in self.lex.titles or year is None or any(
                abs(int(self.catalog.years[x]) - year) <= 1 for x in self.lex.titles[key]):
            return None
        other = [j for j in self._outside_shadow.get(key, ()) if abs(self.outside[j].year - year) <= 1]
        return f" ({year})", other[0] if other else -1

    @staticmethod
    def _year_after(toks: list[str], end: int, c: _Clause, r: _Reading) -> int | None:
        """The year typed right after a name ending at ``end``, in its clause or opening the next
        ("Halloween (1978)": the brackets end the clause); None if none."""
        if end < len(toks):
            return int(toks[end]) if YEAR.match(toks[end]) else None
        k = next((j for j, x in enumerate(r.clauses) if x is c), -1)
        after = r.clauses[k + 1].toks[:1] if 0 <= k < len(r.clauses) - 1 else []
        return int(after[0]) if after and YEAR.match(after[0]) else None

    def _outside_film(self, key: Phrase, year: int | None, text: str = "") -> int:
        """The film of ``key``: the one of ``year`` (within one) when said, else one whose director
        or star the message names ("solaris", after "tarkovsky's": the 1972 film), else the earliest of
        those with at least a third of the best-known one's reviews (old films have fewer online reviews:
        "ghostbusters" is the 1984 film, with 83 reviews to the 2016 remake's 214)."""
        films = self._outside[key]
        dated = [j for j in films if year is not None and abs(self.outside[j].year - year) <= 1]
        said = {w for t in tokens(text) for w in (t, t[:-1] if t.endswith("s") else t)}  # "tarkovsky's"
        named = [j for j in films if any(tokens(v)[-1:] and tokens(v)[-1] in said
                                         for t, v in self.outside[j].attrs if t in ("director", "cast"))]
        best = max(self.outside[j].reviews for j in films)  # an original about as well known as its remake is
        first = min((j for j in films if 3 * self.outside[j].reviews >= best), key=lambda j: self.outside[j].year)
        return (dated or named or [first])[0]  # the one meant ("halloween": Carpenter's 1978 film, not 2007's)

    ENGLISH_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "less", "ness", "ly", "y", "ful", "ish", "est")

    def _english_like(self, word: str) -> bool:
        """An ordinary word, or one made of them ("sleepless", "clockwork"): never a film's nickname."""
        eng = self._english
        if word in eng or any(word.endswith(s) and (word[: -len(s)] in eng or word[: -len(s)] + "e" in eng)
                              for s in self.ENGLISH_SUFFIXES):
            return True
        return any(word[:k] in eng and word[k:] in eng for k in range(4, len(word) - 3))

    def _title_nicknames(self, catalog: Catalog) -> dict[Phrase, int]:
        """One word of a well-known title that names it alone ("shawshank", "lebowski", "poppins"):
        five letters or more, no ordinary word (when an English vocabulary is given), value,
        name or possessive ("schindler's" is the person), and in no other title as well known (a
        fifth of its ratings or more)."""
        if not self._english:
            return {}
        where: dict[str, set[int]] = {}
        possessive: set[str] = set()
        for i, title in enumerate(catalog.titles):
            head = title.partition(" (")[0]
            possessive |= {m.lower() + "s" for m in re.findall(r"(\w+)['\u2019]s\b", head)}
            for w in tokens_of(head):
                where.setdefault(w, set()).add(i)
        lex, out = self.lex, {}
        for w, items in where.items():
            p = (w,)
            if (len(w) < 5 or not w.isalpha() or w in possessive or w in STOPWORDS | COMMON_WORDS | CLOSED_WORDS
                    or self._english_like(w) or any(p in table for table in (
                        lex.titles, lex.values, lex.persons, lex.surnames, lex.first_names, lex.groups))):
                continue
            best = self._far_best_known(items)
            if best is not None:
                out[p] = best
        for title, items in lex.titles.items():  # "mash": a title spelt in letters (M*A*S*H) as one word
            if len(title) > 2 and all(len(w) == 1 and w.isalpha() for w in title):
                out.setdefault(("".join(title),), items[0])
        for i, title in enumerate(catalog.titles):  # "2001": a well-known film by the number before its colon
            head = title.partition(":")[0]
            if head != title and re.fullmatch(r"\d{4}", head) and self.lex.popularity[i] >= WELL_KNOWN:
                out.setdefault((head,), i)
        return out

    def _far_best_known(self, films) -> int | None:
        """The film of ``films`` (catalog indices) far better known than any other: 20 ratings or
        more, and five times the next one's; None when none is."""
        pop = self.lex.popularity
        ranked = sorted(films, key=lambda i: -pop[i])
        if ranked and pop[ranked[0]] >= 20 and (len(ranked) == 1 or pop[ranked[0]] >= 5 * pop[ranked[1]]):
            return int(ranked[0])
        return None

    # the message ------------------------------------------------------------------------------
    def parse(self, text: str) -> Parse:
        text = text[: MAX_CHARS + 1] if isinstance(text, str) else text  # (what is read, and whether more was sent)
        self._depth += 1
        try:
            out = self._parse_message(text)
            if self._depth == 1:
                out = self._cards_read(text, out) or out
                self._described(text, out)
            return out
        finally:
            self._depth -= 1

    def _parse_message(self, text: str) -> Parse:
        out = self._guessed(text)
        if "why" not in out.intents and WHY_OPENER.search(text):
            out = self._why_apart(text) or out
        out = self._intent_apart(text, out) or out
        if {"something_else", "seen_all", "seen_it"} & set(out.intents) and "no" not in out.intents and (
                out.pick is None) and REFUSAL_OPENER.match(text):  # "no to all of these, and no musicals either",
            # "yeah nah, seen all them already": no to these, and others
            out.intents.insert(0, "no")
        outside = {o[0] for o in out.outside}
        out.unknown_titles = [u for u in out.unknown_titles if u in outside or " ".join(  # "work was awful", "i hated
            w for w in tokens(u) if w not in ("the", "a", "my", "our")) not in EVERYDAY_SUBJECTS]  # the books": no film
        card = CARD_IS_RE.match(text) if out.accepted and (out.pick is not None and out.pick[1] == "like" or {
            "more", "something_else"} & set(out.intents)) else None
        if card:  # "number 3 is in italian, perfect, let's go with it": that card, and why (no wish for Italian);
            # "number 3 is rated R, can't show that at school, what else?": others, not more rated R
            said = set(self._read_message(card.group("kind")).named_values)
            out.accepted = [v for v in out.accepted if v not in said]
        for m in SUBKIND_RE.finditer(text):  # "horror fan here, 80s slashers please": horror, and slashers among it
            genre = ("genre", SUBKINDS[m.group("w").lower()])  # (not "slasher films": horror alone)
            if genre in out.accepted and re.search(rf"\b{re.escape(genre[1])}\b", text, re.IGNORECASE):
                if re.search(r"\b(?:no|not|without|nothing|hate|except)\s+(?:\w+\s+)?$", text[: m.start()], re.I) or \
                        re.match(r"\s+(?:are|is)\s+(?:a\s+)?(?:no|not|out)\b", text[m.end():], re.I):
                    out.unwish = out.unwish or m.group("w").lower()  # "i like horror but slashers are a no"
                elif not out.wish:
                    out.wish = text.strip()
        for m in NOT_SO_RE.finditer(text):  # "something romantic, not sappy": romance, kept away from the sappy
            avoid = self.lex.moods.get((m.group("w").lower(),), ((), ()))[1]  # ones (the refusal of the kind it
            if avoid and set(avoid) <= set(out.accepted) and not out.unwish:  # stands for had been dropped unsaid)
                out.unwish = m.group("w").lower()
        colour, grey = self.lex.groups.get(("in", "colour")), self.lex.groups.get(("black", "and", "white"))
        if colour and grey and colour in out.alternatives and re.search(r"\bcolou?r\b", text, re.IGNORECASE):
            out.alternatives.remove(colour)  # "i want one in colour": no black and white (films whose decade is
            out.rejected += [v for v in grey if v not in out.rejected]  # not on record are not ruled out)
        out.dropped = [v for v in out.dropped if v not in out.rejected]  # "NO DRAMA. please take away drama": none
        if any(t == "runtime" for t, _ in out.accepted + [tv for g in out.alternatives for tv in g]):
            out.max_minutes = minutes_cap(text)  # a length limit in minutes, read as the band that holds it
        return out

    def _described(self, text: str, out: Parse) -> None:
        """Values said of a film liked or seen in a message that asks for nothing ("free willy was a big hit
        with my 4 year old", "brando in streetcar named desire, nobody's ever topped it"): facts of that film,
        a description of it, and no wish for more of them (the film liked says that)."""
        judged = out.liked + out.seen  # (not a film refused: "horror is fine but not Scream")
        if not judged or not out.accepted or out.intents or ASKS_FOR.search(in_english(text)):
            return
        facts = {tv for i in judged for tv in self.catalog.attributes_of(i)}
        out.accepted = [tv for tv in out.accepted if tv not in facts]

    def _cards_read(self, text: str, out: Parse) -> Parse | None:
        """A whole message that names cards by their place and, read by the rules, says nothing of them: the
        card reader's "taken" or "seen" ("number 2 looks shipshape, we'll sail with that one", "Let the record
        show I have seen numbers 1 and 3."), read as the plain words say it ("i'll take number 2", "seen number
        1 and number 3"). None where the rules read a request or a film, or the reader is unsure."""
        if self.cards is None or len(text) > APART_CHARS or set(out.intents) - {"any"} or out.accepted or (
                out.rejected or out.alternatives or out.dropped) or (
                out.pick is not None and (out.intents or out.pick[1] not in ("like", "seen"))) or (
                out.liked or out.disliked or out.seen or out.not_now or out.about or out.show_film is not None):
            return None
        places = _card_places(text) if not CARD_ASKED_OF.search(text) else []
        label = self.cards.sole_label(text) if places else None
        if label is None:
            return None
        said = self._parse_message(("i'll take " if label == "like" else "seen ") + " and ".join(
            f"number {p + 1}" for p in places))
        if said.pick is None or said.pick[1] != label:
            return None
        out.intents, out.pick, out.places, out.wish, out.unwish = said.intents, said.pick, said.places, "", ""
        return out

    def _guessed(self, text: str) -> Parse:
        """The message read by the rules; where they judge no film and a clause opened with one and a verb
        followed by words no list holds ("fargo was riveting"), read again with those words' verdict from the
        encoder (``verdicts``). Only then: a reading of the rules comes first ("fargo is on my watchlist")."""
        outer = self._may_guess, self._guessing, self._liked_unsaid
        self._may_guess = self._guessing = self._liked_unsaid = False
        try:
            out = self._parse(text)
            judged = out.disliked or out.seen or out.not_now or out.wanted or out.about or out.pick or out.told or (
                out.show_film is not None) or out.liked and not self._liked_unsaid  # (liked where nothing said
            if self._may_guess and not judged:  # so: "touch of evil was a muddle")
                self._guessing = True
                again = self._parse(text)
                if again.liked or again.disliked:
                    out = again
            return out
        finally:
            self._may_guess, self._guessing, self._liked_unsaid = outer

    def _intent_apart(self, text: str, out: Parse) -> Parse | None:
        """A request in a first clause of its own, then words that name nothing ("Could you explain how this
        works? I'm a historian, not a computer person.", "undo that, autocorrect ruined it", "why that one, is
        there blood in it?"): the request (the whole had been read as a wish, or the question as a film). None
        where the message names something, or its first clause alone is no such request."""
        if out.intents and not (set(out.intents) <= INTENTS_APART and out.unknown_titles and not out.outside) or (
                out.pick is not None or out.mood_kinds or _names_a_thing(out)):
            return None  # (a request beside a question read as a film the catalog lacks: "blood in it")
        parts = [x for x in re.split(r"[,.;!?]+", text) if x.strip()]
        if not 2 <= len(parts) <= APART_PARTS or len(text) > APART_CHARS:
            return None  # (a request and a remark or two: no reading of every clause of a long message)
        read = [self._guessed(x) for x in parts]
        asked = read[0]  # the request first, then what is said beside it
        if not asked.intents or not set(asked.intents) <= INTENTS_APART or _names_a_thing(asked) or any(
                p.intents or p.pick is not None or p.mood_kinds or _names_a_thing(p) for p in read[1:]):
            return None
        asked.wish = ""
        return asked

    def _why_apart(self, text: str) -> Parse | None:
        """A question of why, in a sentence or clause of its own beside a wish ("why is 3 on there? also,
        drop the 80s", "show me comedies, and why did you pick the last lot?", "why are you showing me
        horror? i said no horror"): both, each read alone (the question had been searched for as words,
        or lost). None when the message has no such clause."""
        parts = [x for s in _sentences(text) for x in re.split(r",?\s+(?:and|but)\s+(?=why\b)|,\s*(?=why\s*\?*\s*$)", s)
                 if x.strip()]  # (also "..., why?")
        asked = [x for x in parts if WHY_OPENER.match(x)]
        if len(parts) < 2 or len(asked) != 1:
            return None
        rest = " ".join(x for x in parts if x is not asked[0])
        why, out = self._parse(asked[0]), self._parse(rest)
        if not ("why" in why.intents or why.rejected and WHY_SHOWN_RE.match(asked[0])) or why.liked or (
                why.accepted or why.alternatives) or (
                why.pick is not None and why.pick[1] != "why") or not (out.names_something or out.intents):
            return None  # ("why not, a comedy": a yes, and the wish)
        out.intents = ["why"] + [i for i in out.intents if i != "why"]
        if why.pick is not None and out.pick is None:  # "why is 3 on there?": that card's reasons
            out.pick, out.places = why.pick, why.places
        out.about += [i for i in why.about if i not in out.about]
        out.soft += [v for v in why.soft if v not in out.soft + out.rejected]  # (a guess unless said again)
        out.rejected += [v for v in why.rejected if v not in out.rejected]  # "why are you showing me horror?"
        return out

    def _parse(self, text: str) -> Parse:
        head, tail = text[:MAX_CHARS], text[MAX_CHARS:]  # (only what is read: ``clean`` cuts the rest, and says so)
        head = PERSON_COMPLAINT_RE.sub(self._complained_of, PREFERRED_RE.sub(" is better than ", plain_forms(
            in_english(head))))  # (Spanish, French and German words before any reading: "es demasiado larga")
        head = FIRST_PART_RE.sub(self._first_part, head)
        head = BESIDE_PERSON_RE.sub(self._title_beside_person, head)
        aside = QUESTION_NOT_SEEN_RE.match(head)
        if aside:  # "what is fargo about? never seen it": the question (the aside had made it "something else")
            head = aside.group("q")
        head, told, untold, among = self._told_films(head)
        text = head + tail
        out = self._parse_plain(text)
        if told:
            out.told = told
        if among and not told:
            out.among_of, out.among = among
        for story in untold:  # a film told that none of theirs is: no film named by a word of its story ("bruce
            words = set(tokens_of(story))  # willis is a ghost" is not *Ghost*), and it is searched for by its story
            words |= {w[:-1] for w in words if w.endswith("s") and len(w) > 3}  # ("catch ghosts": not *Ghost*)
            for films in (out.liked, out.disliked, out.seen):
                films[:] = [i for i in films if not set(tokens_of(display_title(self.catalog.titles[i]))) <= words]
            out.unknown_titles = [u for u in out.unknown_titles if u not in story]  # ("over email": the whole told)
            if not any(story in u for u in out.unknown_titles):
                out.unknown_titles.append(story)
            out.wish = out.wish or story  # searched for by its story
            out.outside = [o for o in out.outside if o[0] in out.unknown_titles]
            clues = {v for roles in self._people_in(tokens_of(story))[0] for v in roles}  # "that tom hanks meg ryan
            named = {v for roles in self._people_in(tokens_of(text.replace(story, " ")))[0] for v in roles}  # movie
            out.accepted = [v for v in out.accepted if v not in clues or v in named]  # where ...": clues, no wish
            if out.accepted or out.alternatives:  # "... voices the english captain": a clue too, not films in English
                rest = self._parse_plain(text.replace(story, " "))
                out.accepted = [v for v in out.accepted if v in rest.accepted or v[0] in ("cast", "director")]
                out.alternatives = [g for g in out.alternatives if g in rest.alternatives]
        kinds = [u for u in out.unknown_titles if re.search(rf"\b{re.escape(u)}\s+{KIND_NOUNS}", text, re.IGNORECASE)
                 or re.fullmatch(r"[a-z]{4,}s", u) and u in self._english and not out.outside_of(u)]  # ("they love
        # animals": what they like, not a film "animals" the catalog lacks)
        if kinds:  # "rather fond of period dramas": a kind of film, its words a wish (not a film "Period")
            out.forget_titles(kinds)
            out.wish = out.wish or text.strip()
        shown = [u for u in out.unknown_titles if {"you", "u"} & set(tokens_of(u)) and SHOWED & set(tokens_of(u))
                 or re.fullmatch(r"[A-Za-z]+", u) and u.lower() in self._english
                 and re.search(rf"(?:^|[.!?]\s*){re.escape(u)}\s*[.!?]", text)]  # ("Pity. I've never seen ...")
        out.forget_titles(shown)  # "i havent seen the 5 you showed me either": the films shown, no film's name
        self._asked_not_liked(text, out)
        self._wanted_not_liked(text, out)
        parts = [u for u in out.unknown_titles if set(tokens_of(u)) - set(TITLE_ARTICLES) <= FILM_PARTS]
        if parts:  # "the twist blew my mind": a part of a film praised, not *Twist (2003)*
            out.forget_titles(parts)
        return out

    def _asked_not_liked(self, text: str, out: Parse) -> None:
        """Films named only in questions that judge nothing ("Space Jam?? jaja", "y Nine Months es buena o no?",
        "Wait, Brad Pitt is in Twelve Monkeys, isn't he?", "ooh what about singin in the rain ... do u have it?")
        are asked about, not liked (round thirty-three: a film asked after was liked, and a film liked is never
        shown): one film alone is shown, several are answered of."""
        sentences = _sentences(text)
        if not out.liked or "?" not in text and not any(ASKED_PLAIN_RE.search(x) for x in sentences):
            return
        in_titles = {w for i in out.liked for w in tokens_of(display_title(self.catalog.titles[i]))}  # ("is It's a
        is_asked = []  # Wonderful Life there": no verdict; "do you have anything like titanic?": a like)
        for x in sentences:
            plain = ASKED_PLAIN_RE.search(x)
            judging = (set(tokens_of(x)) - in_titles - (SUITED_WORDS if plain else set())) & (
                JUDGING | {"like", "similar", "vibe", "vibes"})  # ("is space jam ok for both of them": no verdict)
            is_asked.append((x.rstrip().endswith("?") or bool(plain)) and not judging)
        asked = [set(tokens_of(x)) for x, q in zip(sentences, is_asked) if q]
        if not asked:
            return
        for k in range(1, len(sentences)):  # "The African Queen I believe it was called. Is it there?": the film of
            words = set(tokens_of(sentences[k - 1]))  # the sentence before is the one asked of
            if is_asked[k] and set(tokens_of(sentences[k])) & {"it", "that", "this"} and not is_asked[k - 1] and not (
                    words & JUDGING):
                asked.append(words)
                is_asked[k - 1] = True
        first = is_asked.index(True)  # a verdict before the question is on something else ("ok thats decent. is 12
        said = [set(tokens_of(x)) for k, (x, q) in enumerate(zip(sentences, is_asked))  # monkeys in there?")
                if not q and not CARD_PLACE_RE.search(x) and k > first]
        # ("why is willy wonka there lol? and 4 no": a verdict on card 4, not on the film asked of)
        before = [set(tokens_of(x)) for x, q in zip(sentences[:first], is_asked) if not q]  # (its film's words too)
        if any(x & (JUDGING | {"stars", "gripping", "class", "classic", "no", "nah", "nope", "not", "pass", "never"})
               and (x & {"it", "that", "them", "those", "one", "both", "this"} or not x & WISH_WORDS) for x in said):
            return  # "how long is executive decision? i remember loving it": a verdict after the question (not
            # "and mary poppins?? we want funny + thriller": a wish, no verdict on it)
        judged = (set(tokens_of(text)) - in_titles) & JUDGING
        films = []
        for i in out.liked:
            words = set(tokens_of(display_title(self.catalog.titles[i]))) - set(TITLE_ARTICLES) - STOPWORDS
            words |= {"".join(k) for k in title_keys(self.catalog.titles[i]) if len(k) > 2 and all(
                len(w) == 1 for w in k)}  # ("mash" for *M*A*S*H*)
            if words and any(words & q for q in asked) and not any(words & x for x in said + before) and not (
                    judged and len(sentences) == 1):
                films.append(i)
        if not films:
            return
        out.liked = [i for i in out.liked if i not in films]
        if out.names_something or out.wish and len(films) > 1 or out.show_film is not None:
            return  # (the rest of the message says what to do; the films are no longer liked)
        if len(films) == 1 and any(re.match(r"\W*(?:(?:and|so|but|seriously|ok|okay|lol)\s+)*why\b", x, re.IGNORECASE)
                                   for x, q in zip(sentences, is_asked) if q):
            out.intents, out.about, out.wish = ["why"], films, ""  # "why is willy wonka there lol? and 4 no": why
        elif len(films) == 1:
            out.show_film, out.wish = films[0], ""
        else:
            out.intents = ["about"]
            out.about = list(dict.fromkeys(out.about + films))
            out.wish = ""

    def _wanted_not_liked(self, text: str, out: Parse) -> None:
        """Films the person wants to see are wanted, not liked: "always meant to watch schindler's list", "never
        seen goodfellas, something like it", "something like heat, never saw it", "X is on my watchlist" (round
        thirty-four: they were liked, and a film liked is never shown). Only where the clause that names the film
        says so and judges nothing ("never seen anything like heat", "want to watch the godfather again": liked)."""
        if not (out.liked or out.wanted or out.seen) or "bye" in out.intents or not WANT_SEE_RE.search(text):
            return  # ("blade runner I guess, never actually seen it. thx": the film chosen, said goodbye to)
        clauses = re.split(r"[,;.!?]+|\s+-\s+|\b(?:but|though|tho|although)\b|\band\b(?=\s+(?:i|we|i've|ive|loved?|"
                           r"liked?|hated?|seen|saw|watched|enjoyed|adored|never|not|haven'?t|havent|also)\b)",
                           re.sub(r"['\u2019]s\b", "", text), flags=re.IGNORECASE)  # ("the godfather's been ...")
        wanted = []
        asked_for = [i for i in out.disliked if WANT_SHOW_RE.search(text)]  # ("... I didnt like them, I never
        # watched them. Please show me The Godfather and Casablanca": shown)
        unseen = [i for i in out.seen if NOT_SEEN_RE.search(text)]  # ("never seen heat, fargo, casino")
        named = {i: set(tokens_of(re.sub(r"['\u2019]s\b", "", display_title(self.catalog.titles[i]))))
                 - set(TITLE_ARTICLES) - STOPWORDS for i in out.liked + asked_for + unseen}  # (as the clauses)
        items = {"or", "and", "the", "a", "either", "nor"} | {w for ws in named.values() for w in ws}
        for i in named:
            words = named[i]
            at = [k for k, c in enumerate(clauses) if words and words <= set(tokens_of(c))]
            if len(at) != 1:
                continue
            k = at[0]
            while k > 0 and not WANT_SEE_RE.search(clauses[k]) and set(tokens_of(clauses[k])) - STOPWORDS <= items \
                    and not set(tokens_of(clauses[k])) & JUDGING:
                k -= 1  # "I haven't SEEN North by Northwest, Gaslight or The Third Man": the list's head says it
            head = WANT_SEE_RE.search(clauses[k]) and any(  # (the head of a list of films names one of them: not
                j != i and named[j] and named[j] <= set(tokens_of(clauses[k])) for j in named)  # "X's on my
            clause = clauses[k] if head else clauses[at[0]]  # watchlist, but down by law? 4 stars")
            after = clauses[at[0] + 1: at[0] + 3]
            if i in unseen and not (WANT_SEE_RE.search(clause) and NOT_SEEN_RE.search(clause)):
                continue
            rest = set(tokens_of(WANT_SEE_RE.sub(" ", clause)))
            if i in asked_for:
                if WANT_SHOW_RE.search(clause) and not rest & (JUDGING | WANT_SEE_NOT):
                    wanted.append(i)
            elif WANT_SEE_RE.search(clause) and not rest & (JUDGING | WANT_SEE_NOT):
                wanted.append(i)
            elif any(WANT_SEE_IT_RE.fullmatch(c) for c in after if c.strip()) and not rest & JUDGING:
                wanted.append(i)  # "something like heat, never saw it"
            elif any((m := WANT_SEE_IT_RE.fullmatch(c)) and m.group("it").split()[0] in PLURAL_IT
                     for c in clauses[at[0] + 1:] if c.strip()) and not rest & JUDGING:
                wanted.append(i)  # "... Citizen Kane, Lawrence of Arabia, ...? I haven't seen those either"
        if wanted:
            out.liked = [i for i in out.liked if i not in wanted]
            out.disliked = [i for i in out.disliked if i not in wanted]
            out.seen = [i for i in out.seen if i not in wanted]
            out.wanted = list(dict.fromkeys(out.wanted + wanted))
        if out.wanted:  # "I've never seen The Godfather or Casablanca": not seen (each had been seen and wanted)
            out.seen = [i for i in out.seen if i not in out.wanted]
            if WANT_SEE_RE.search(out.wish):  # the whole message kept as a wish ("confession time. I've never
                out.wish = ""  # seen ... embarrassing I know"): the films say it

    def _series_first(self, name: Sequence[str]) -> list[int] | None:
        """The films of a title with a 1 after it that has a second part ("terminator 1": *The Terminator*,
        since *Terminator 2* is one); None otherwise."""
        if len(name) < 2 or name[-1] != "1" or (*name[:-1], "2") not in self.lex.titles:
            return None
        return self.lex.titles.get(tuple(name[:-1]))

    def _first_part(self, m: re.Match) -> str:
        """"seen terminator 1" -> "seen terminator": the first film of a series, by its name and a 1 (it had been
        read loosely as *Terminator 2*); the words as typed where no series of that name has a second part."""
        words = m.group(0).split()
        for k in range(len(words) - 1):
            if self._series_first(tokens(" ".join(words[k:]))):
                return " ".join(words[:-1])
        return m.group(0)

    def _told_films(self, text: str) -> tuple[str, list[int], list[str], tuple[str, list[int]] | None]:
        """The message with each film told by who is in it and what happens (``TOLD_FILM_RE``,
        ``TOLD_HEAD_RE``) put as
        its title, those films (catalog indices), the films told that none of those people's
        films is (the words, from "the one"), and for the first of those the films of its people it
        may be (``_may_be``). A story is matched only among the films of the people
        the words name, and only where one film's story stands out (``TOLD_NEAR``, ``TOLD_MARGIN``);
        anything else is left as typed (the turn may still search by the story)."""
        if self.stories is None or "one" not in text and not re.search(r"\b(?:movie|film|flick|picture)\b", text,
                                                                        re.IGNORECASE):
            return text, [], [], None
        plots, encode = self.stories
        films: list[int] = []
        untold: list[str] = []
        among: tuple[str, list[int]] | None = None
        parts: list[str] = []
        at = 0
        spans = []  # (start, end, head, story): "the one where <story>"; "the denzel submarine movie": the head alone
        for m in TOLD_FILM_RE.finditer(text):
            story = TOLD_TAIL_RE.sub("", m.group("story"))
            spans.append((m.start(), m.start("story") + len(story), m.group("head"), story, m.group("link").lower()))
        for m in TOLD_HEAD_RE.finditer(text):
            if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b, *_ in spans):
                spans.append((m.start(), m.end(), m.group("head"), "", ""))
        for start, end, head, story, link in sorted(spans):
            words = tokens_of(f"{head} {story}")
            people, used = self._people_in(words)
            if not people:  # "the one where they fall in love over email": told, by no one (searched for by its
                if link in ("where", "in which") and not tokens_of(head) and len(tokens_of(story)) >= 3:  # story)
                    untold.append(text[start:end].strip())  # (it had liked *Fall*)
                continue
            rest = [w for j, w in enumerate(words) if j not in used and w not in STORY_FRAME]
            said = [w for w in tokens_of(story or head) if w not in STOPWORDS | HEAD_GENERIC and w not in {
                words[j] for j in used}]
            if not said:
                continue  # "that movie with tom hanks", "the new keanu film": someone, no story
            films_of = set.intersection(*(self._films_with(roles) for roles in people))
            near = plots.similarity(encode(" ".join(rest)))
            ranked = sorted(((float(near[i]), i) for i in films_of if near[i] == near[i]), reverse=True)
            if not ranked or ranked[0][0] < TOLD_NEAR or len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TOLD_MARGIN:
                untold.append(text[start:end].strip())
                may_be = self._may_be(films_of, near)
                if among is None and may_be:
                    among = (join_words([roles[0][1] for roles in people]), may_be)
                continue
            film = ranked[0][1]
            parts += [text[at:start], self._title_said(film)]
            at = end
            films.append(film)
        return ("".join(parts) + text[at:], films, untold, among) if films else (text, [], untold, among)

    def _films_with(self, roles: list[Value]) -> set[int]:
        """The catalog films (indices) of one person, in any of the roles the lexicon gives them."""
        cat = self.catalog
        return {int(i) for v in roles for i in cat.items_with(cat.value_index(*v))}

    def _title_said(self, film: int) -> str:
        """Catalog film ``film``'s title as typed for it to be read as that film: with its year where
        another film has the same title."""
        name = display_title(self.catalog.titles[film])
        if len(self.lex.titles.get(tokens_of(name), ())) > 1 and self.catalog.years[film] > 0:
            name += f" ({self.catalog.years[film]})"
        return name

    def _title_beside_person(self, m: re.Match) -> str:
        """"watched california with brad pitt" -> "watched Kalifornia with brad pitt": a title
        misspelled before someone in the film, matched among that person's films only (few, so a
        looser match than the catalog's is safe: ``BESIDE_PERSON_RATIO``); the words as typed where
        they are a title already or near none of that person's films."""
        people, used = self._people_in(tokens_of(m.group("who")))
        if len(people) != 1 or 0 not in used:
            return m.group(0)
        films = self._films_with(people[0])
        names = [(" ".join(k[1:] if k[:1] == ("the",) else k), i) for i in films
                 for k in title_keys(self.catalog.titles[i])]
        words = m.group("title").split()
        best = (0.0, -1, 0)
        for n in range(1, len(words) + 1):
            said = tokens_of(" ".join(words[-n:]))
            if said in self.lex.titles:  # a title already ("barb wire with pamela anderson"); of several films,
                theirs = [i for i in self.lex.titles[said] if i in films]  # the one of theirs ("the killer with
                if len(theirs) == 1 and len(self.lex.titles[said]) > 1:  # chow yun fat")
                    best = (100.0, theirs[0], n)
                    break
                return m.group(0)
            if not said or all(w in STOPWORDS for w in said):
                continue
            core = " ".join(said[1:] if said[:1] == ("the",) else said)
            for name, i in names:
                score = fuzz.ratio(core, name)
                if score > best[0]:
                    best = (score, i, n)
        score, film, n = best
        if score < BESIDE_PERSON_RATIO:
            return m.group(0)
        return " ".join(words[:-n] + [self._title_said(film)]) + m.group(0)[len(m.group("title")):]

    def _may_be(self, films: set[int], near: np.ndarray) -> list[int]:
        """Of the films of the people who told a film, those it may be: their story near enough
        (``AMONG_NEAR``), the nearest first, then those with no story on record, the most rated
        first; [] for more than ``AMONG_MAX`` (the people narrow it too little to ask which)."""
        told = sorted((i for i in films if near[i] >= AMONG_NEAR), key=lambda i: -float(near[i]))
        unknown = sorted((i for i in films if near[i] != near[i]), key=lambda i: -self.lex.popularity[i])
        return told + unknown if len(told) + len(unknown) <= AMONG_MAX else []

    def _complained_of(self, m: re.Match) -> str:
        """"cameron diaz annoyed me" -> "nothing with cameron diaz" where the last words before the complaint
        name one person and nothing else; the words as typed otherwise ("the ending annoyed me")."""
        words = m.group("words").split()
        while words and words[-1].lower() in COMPLAINT_FILLER:  # "hugh grant rather tiresome"
            words = words[:-1]
        for n in (3, 2, 1):
            key = tokens_of(" ".join(words[-n:]))
            people, used = self._people_in(key) if len(words) >= n else ([], set())
            if len(people) == 1 and used == set(range(len(key))) and key not in self.lex.titles:
                return " ".join(words[:-n] + ["nothing", "with"] + words[-n:])
        return m.group(0)

    def _people_in(self, words: tuple[str, ...] | list[str]) -> tuple[list[list[Value]], set[int]]:
        """The people these words name, each by its whole name, a known short name or surname
        ("hitchcock", "arnie"), longest first, as the roles they have in the catalog; and the
        positions of their words."""
        lex = self.lex
        people: list[list[Value]] = []
        used: set[int] = set()
        for n in (3, 2, 1):
            for j in range(len(words) - n + 1):
                key = tuple(words[j : j + n])
                if used & set(range(j, j + n)):
                    continue
                roles = lex.persons.get(key) or [tv for tv in (lex.surnames.get(key), lex.context_surnames.get(key),
                                                               lex.first_names.get(key)) if tv][:1]
                if roles and (n > 1 or len(key[0]) >= 4):
                    people.append(list(roles))
                    used |= set(range(j, j + n))
        return people, used

    def _parse_plain(self, text: str) -> Parse:
        text = VERDICT_LIST_RE.sub(self._verdict_list, text)
        for form, plain in QUESTION_FORMS:
            text = form.sub(plain, text)
        sequel = SEQUEL_ASKED_RE.match(text)
        if sequel:  # "and does star wars have prequels?": its series in order, else the film (it had been liked)
            said = self.parse(f"all the {sequel.group('x')} films in order")
            films = [] if said.series else self._films_of(sequel.group("x"))
            if said.series or films and None not in films:
                return said if said.series else Parse(intents=["about"], about=list(dict.fromkeys(map(int, films))))
        language = LANGUAGE_ASKED_RE.match(text)
        if language:  # "what language is das boot in": its languages, every one (it had been a search)
            if re.fullmatch(r"\s*(?:it|this|that)(?:\s+one)?\s*", language.group("x"), re.IGNORECASE):
                return Parse(intents=["about"])  # "what language is it in?": the film the talk is on
            films = self._films_of(language.group("x"))
            if films and None not in films:
                return Parse(intents=["about"], about=list(dict.fromkeys(int(f) for f in films)))
        unsaid = self._unsaid(text)
        if unsaid is not None:
            return unsaid
        asked_only = self._asked_only(text)
        if asked_only is not None:
            return asked_only
        filler = FILLER_FIRST_RE.match(text)
        if filler:  # "ok speed", "yeah the first one": that film, as "speed" or "the first one" alone reads (each
            rest = self.parse(text[filler.end():])  # had been a search for its words)
            one_film = len(rest.liked) == 1 and not (rest.names_something_else("liked") or rest.intents)
            if not rest.wish and (one_film or rest.pick is not None and not rest.names_something):
                return rest
        who = PERSON_ASKED_RE.match(text)
        if who:  # "who is bess flowers? i don't know her": who that is, not a wish for her films (it had been)
            said = self._read_message(who.group("name"))
            people = [tv for tv in said.accepted if tv[0] in PERSON_TYPES]
            if len(people) == 1 and not (said.rejected or said.alternatives or said.liked or set(said.accepted) - set(
                    people)):
                return Parse(intents=["who"], asked=people)
        asked_last = self._film_asked_last(text)
        if asked_last is not None:
            return asked_last
        whole = tuple(tokens(re.sub(r"[?!.\s]+$", "", text)))  # "What About Bob?": a film the catalog lacks, its
        if len(whole) >= 3 and whole in self._outside and whole not in self.lex.titles:  # name a question's words
            return Parse(unknown_titles=[text.strip(" ?!.")], outside=[(text.strip(" ?!."), self._outside_film(
                whole, None, text), "")])
        told = self._told(text)
        if told is None:  # "might i ask whether notorious is very suspenseful?", "X is more a romance than a war
            plain = text  # film": the same readings, of those idioms' plain words
            for idiom, words in TOLD_IDIOMS:
                plain = idiom.sub(words, plain)
            told = self._told(plain) if plain != text else None
        if told is not None:
            return told
        out = self._awards_told(text, self._known_elsewhere(self._read_message(text)))
        out = self._whole_series(text, self._compromise(text, out))
        out = self._cards_described(text, self._tastes_of_a_group(text, out))
        judged = len(out.verdicts) + len(out.liked) + len(out.disliked) + len(out.seen) + len(out.not_now)
        if "bye" in out.intents and judged > 1 and not LEAVING_RE.search(text):  # "1 looks great, seen 2, thanks":
            out.intents = [i for i in out.intents if i != "bye"]  # thanks for the list; the talk goes on
        if set(out.dropped) & set(out.accepted):  # "why did you drop comedy? i still want comedy": wanted, not
            out.dropped = [v for v in out.dropped if v not in out.accepted]  # dropped (it said "Dropped Comedy.")
        if "about" in out.intents and not (out.accepted or out.rejected or out.alternatives or out.wish):
            if out.about or out.pick is not None:  # a question read as one ("True Lies sounds fun. is it very
                return self._judged_before(text, self._questions_joined(text, out))  # violent?"); of "it", the film
                # named before it, where one is
            joined = ANOTHER_QUESTION_RE.search(text)  # "how long is the frighteners and who is in it": both of the
            # film named first, in the sentence before the "and" (it had answered of card 1)
            head = self.parse(re.split(r"(?<=[.!?])\s+", text[: joined.start()].strip())[-1]) if joined else None
            if head is not None and head.intents == ["about"] and head.about and head.pick is None:
                return Parse(intents=["about"], about=head.about, asked=head.asked + out.asked)
            asked_last = self._question_last(text)
            return asked_last if asked_last is not None and asked_last.about else out
        asked_last = self._question_last(text)
        return out if asked_last is None else asked_last

    @staticmethod
    def _tastes_of_a_group(text: str, out: Parse) -> Parse:
        """Kinds of film each wanted by different people of a group ("Two of them love horror, one only
        watches romcoms, and the rest just want something fun"): one constraint any of them meets, so the
        cards take turns (all of them at once had found no film)."""
        said = GROUP_TASTE_RE.findall(text)
        genres = [v for v in out.accepted if v[0] == "genre"]
        if len(said) < 2 or len(genres) < 2 or out.milder:
            return out
        out.accepted = [v for v in out.accepted if v not in genres]
        out.alternatives = out.alternatives + [tuple(genres)]
        out.wish = ""  # (the words left are who wants what: "two of them", "the rest")
        return out

    def _cards_described(self, text: str, out: Parse) -> Parse:
        """The films shown said to be of a kind (``CARDS_ARE_RE``), with no word of praise: a complaint, so
        the kind is not wanted ("these are cartoons, we are adults", "they're all kids films", "too many
        westerns", "these are all in english"); each had asked for the kind described. "these are all
        comedies, perfect" stays as it was."""
        m = CARDS_ARE_RE.match(text)
        if m is None or set(tokens(text)) & (POSITIVE | PRAISE | {"perfect", "love", "like", "good", "nice"}):
            return out
        said = self._read_message(m.group("kind"))
        kinds = set(said.named_values)
        if not kinds or said.rejected or said.liked:
            return out
        out.accepted = [v for v in out.accepted if v not in kinds]
        left = [tuple(v for v in g if v not in kinds) for g in out.alternatives]  # "these are from the 80s, i want
        out.accepted += [g[0] for g in left if len(g) == 1]  # 90s": the 90s, not the 80s or 90s
        out.alternatives = [g for g in left if len(g) > 1]
        out.rejected = list(dict.fromkeys(out.rejected + [v for v in said.named_values if v[0] != "decade"]))
        if not re.search(r"[,.;!?]\s*\S", text.strip()):  # the description alone: no words left to search for
            out.wish = ""
        return out

    def _questions_joined(self, text: str, out: Parse) -> Parse:
        """Two questions of one film, one after the other ("who is in twelve monkeys? isn't brad pitt in it?"): the
        yes-or-no of the second is asked too (round thirty-two: only the cast had been said, and Brad Pitt not)."""
        questions = [x for x in re.split(r"(?<=\?)\s+", text.strip()) if x.strip()]
        if len(out.about) != 1 or out.asked or len(questions) != 2 or not questions[1].rstrip().endswith("?"):
            return out
        second = self.parse(questions[1])
        if second.intents == ["about"] and second.asked and set(second.about) <= set(out.about) and not (
                second.liked or second.disliked or second.accepted or second.rejected):
            out.asked = list(second.asked)
        return out

    def _judged_before(self, text: str, out: Parse) -> Parse:
        """A question about a film named in it, after sentences that only judge other films ("obviously seen
        terminator 1... fugitive is cool, seen it. whats the rock about"): those verdicts too (they had been
        lost to the question)."""
        sentences = _sentences(text)
        if not out.about or out.liked or out.disliked or out.seen or out.not_now or len(sentences) < 2:
            return out
        head = self.parse(" ".join(sentences[:-1]))
        if dataclasses.replace(head, liked=[], disliked=[], seen=[], not_now=[]).names_something or set(
                head.intents) - {"seen_it"} or \
                head.pick is not None or set(out.about) & set(head.liked + head.disliked + head.seen + head.not_now):
            return out
        out.liked, out.disliked, out.seen, out.not_now = head.liked, head.disliked, head.seen, head.not_now
        return out

    def _question_last(self, text: str) -> Parse | None:
        """A question about a film in the last sentence of a message ("High Noon appeals - is it in black and
        white?", "forget De Niro. Is Alien 3 any good?", "also is the empire strikes back scary for kids?"):
        its words had been read as a wish ("black and white": the 1950s or earlier; "scary for kids": horror
        and children's films) or its film as liked. After words that only judge films, the question is
        answered (about the film named before it, where it asks of "it"); after a change of the wish, the
        change is made and the question's words are read as nothing. None where no such question ends it."""
        opener = QUESTION_OPENER_RE.match(text)
        if opener and "?" in text and not re.search(r"[.!?]\s+\S", text.strip()):  # one question, after "also"
            q = self.parse(text[opener.end():])
            return q if q.intents == ["about"] and not q.names_something and q.pick is None else None
        sentences = [x for x in re.split(r"(?<=[.!?])\s+|\s+[-\u2013\u2014]+\s+", text.strip()) if x.strip()]
        if len(sentences) < 2 and text.strip().endswith("?"):  # "while you were sleeping sounds cute, is it pg?"
            sentences = _last_sentence_apart(text)  # (it had been answered of the card talked of before)
        if len(sentences) < 2:
            return None
        asked = [k for k, x in enumerate(sentences) if "?" in x]
        if asked and 0 < asked[-1] < len(sentences) - 1:  # "rebecca sounds interesting. how long is it exactly? i
            after = self.parse(" ".join(sentences[asked[-1] + 1:]))  # must get up early tomorrow": why it is asked
            if not (after.names_something or after.intents or after.pick is not None):
                return self._question_last(" ".join(sentences[: asked[-1] + 1]))
        if "?" in sentences[0] and "?" not in sentences[-1]:  # "is sigourney weaver really in annie hall?? thought
            q = self.parse(sentences[0])  # she was barely in it": the question, and a remark that asks nothing
            rest = self.parse(" ".join(sentences[1:]))
            pure = q.intents == ["about"] and (q.about or q.asked) and not q.names_something and q.pick is None
            judged = set(tokens(" ".join(sentences[1:]))) & (POSITIVE | NEGATIVE | PRAISE | COMPLAINTS | {
                "love", "loved", "loving", "liked", "hated", "enjoyed"})  # ("... i remember loving it": a like)
            return q if pure and not (rest.names_something or rest.intents or rest.pick is not None or judged) \
                else None
        if "?" not in sentences[-1]:
            return None
        q = self.parse(sentences[-1])
        if q.intents != ["about"] or q.names_something or q.pick is not None or q.verdicts:
            return None
        head = self.parse(" ".join(sentences[:-1]))
        films_only = not (head.accepted or head.rejected or head.alternatives or head.dropped or head.dropped_types
                          or set(head.intents) - {"any", "yes", "greeting"} or head.pick is not None
                          or head.unknown_titles or head.era or head.wish)  # (a "hmm." before it: the question)
        if films_only:  # "High Noon appeals. is it in black and white?": the question, of the film named before it
            named = list(dict.fromkeys(head.liked + head.disliked + head.seen + head.not_now + head.about + (
                [head.show_film] if head.show_film is not None else [])))
            other = q.about and not set(q.about) & set(named)  # "fugitive is cool, seen it. whats the rock about":
            return Parse(intents=["about"], about=q.about or (named if len(named) == 1 else []), asked=q.asked,
                         truncated=head.truncated or q.truncated,  # the films judged before are judged too
                         **({"liked": head.liked, "disliked": head.disliked, "seen": head.seen,
                             "not_now": head.not_now} if other else {}))
        return None if head.names_something is False else head

    def _verdict_list(self, m: re.Match) -> str:
        """"seen pulp fiction, reservoir dogs and godfather obv", "not jaws, et, jurassic park, the obvious ones": the
        verdict of each film of the list, as "seen A, seen B and seen C", "not A or B or C" read (round twenty-nine:
        the first had been seen and the others liked); a list whose second part names no film is left as it is."""
        verb, items = m.group("v"), m.group("items")
        if re.search(r"\b(?:have\s*n['\u2019]?t|havent|has\s*n['\u2019]?t|hasnt|never|not|didn['\u2019]?t|didnt|"
                     r"have\s+not)\s+(?:ever\s+|yet\s+|actually\s+)?$", m.string[max(0, m.start() - 24): m.start()],
                     re.IGNORECASE):
            return m.group(0)  # "I haven't SEEN North by Northwest, Gaslight or The Third Man": none of them seen (the
            # second and third had been seen, the list read as "seen A, seen B and seen C")
        pieces = list(re.finditer(r"(?P<part>.+?)(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*&\s*|$)", items))
        films, end, found, k = [], 0, 0, 0
        while k < len(pieces):
            for n in range(min(4, len(pieces) - k), 0, -1):  # the longest run of pieces that is one title ("clear and
                span = items[pieces[k].start("part") : pieces[k + n - 1].end("part")]  # present danger")
                words = [w for w in tokens(span) if w not in LIST_TAIL]
                here = bool(words) and self._film_named(words) is not None
                if here or n == 1:
                    break
            if not words or set(words) & LIST_STOP:  # ("seen fargo, hated the english patient": a verdict of its own)
                break
            if not (here or self._outside and self._outside_key(" ".join(words))):
                break  # ("not horror, something funny": no title)
            found += here  # a well-known film the catalog lacks keeps the list going ("seen saving private ryan,
            films.append(" ".join(words))  # schindlers list and the thin red line": each seen; the others had been
            end, k = pieces[k + n - 1].end(), k + n  # liked)
        if len(films) < 2 or not found:
            return m.group(0)
        said = ("not " + " or ".join(films) if verb.lower() == "not" else
                ", ".join(f"{verb} {f}" for f in films[:-1]) + f" and {verb} {films[-1]}")
        tail = items[end:]
        return said + (", " + tail if tail.strip() else "")

    def _bare_scores(self, text: str) -> str:
        """"reservoir dogs 8/10, heat 7, silence of the lambs 9": each a score out of 10 ("heat 7/10"), in a list of
        films scored where one is out of 10 or two are bare; not a title's own number ("speed 2"). (Round
        twenty-nine: "heat 7" had been a film not in the catalog.)"""
        parts = re.split(r"(\s*(?:,|;|\band\b)\s*)", text)
        bare = [k for k, part in enumerate(parts) if (m := BARE_SCORE_RE.fullmatch(part.strip(" .!"))) and
                tuple(tokens(m.group("t"))) in self.lex.titles and tuple(tokens(part)) not in self.lex.titles]
        if not bare or len(bare) < 2 and "/10" not in text:
            return text
        for k in bare:
            parts[k] = re.sub(r"(\d+(?:\.5)?)(\s*[.!]*\s*)$", r"\1/10\2", parts[k])
        return "".join(parts)

    def _in_titles_named(self, out: Parse, phrases: list[str]) -> bool:
        """Every one of ``phrases`` is words of the titles of films ``out`` names ("foreign correspondent sounds
        fun": *Foreign Correspondent*, no wish for films not in English)."""
        named = {w for i in out.liked + out.disliked + out.seen + out.not_now + out.about
                 for w in tokens(self.catalog.titles[i])}
        return bool(named) and all(set(tokens(p)) <= named for p in phrases)

    def _film_question(self, text: str) -> Parse | None:
        """A yes-no question of a fact of films it names (``FILM_QUESTION_RE``): "is aladdin and the king of
        thieves really australian??", "is fargo really a comedy?" ask whether the record says so, of those
        films; None where the words after the verb are no films and then such a fact."""
        m = FILM_QUESTION_RE.match(text)
        if m is None:
            return None
        streaming = STREAMING_RE.search(m.group("body"))
        if streaming:  # "is fargo on netflix?": where it streams, which is not on record (it had been a search)
            named = m.group("body")[: streaming.start()]
            if re.fullmatch(r"\s*(?:it|this|that)(?:\s+one)?\s*", named, re.IGNORECASE):  # "is it on netflix?"
                return Parse(intents=["about"])
            films = self._films_of(named)
            if films and None not in films:
                return Parse(intents=["about"], about=list(dict.fromkeys(int(f) for f in films)))
        words = tokens(m.group("body"))
        judged = set(words) & QUALITY_WORDS  # "is it very violent?", "is casper scary?": answered from the record as
        # a whole (``chat.cards.film_answers``), not as a yes or no to one kind
        if len(words) > 1 and words[0] in ("it", "this", "that") and m.group("verb").lower() in ("is", "was"):
            read = self._read_message(" ".join(w for w in words[1:] if w not in FACT_MARKERS))  # "is it pg?": of
            values = read.named_values  # the film talked of
            if values and not {t for t, _ in values} - FACT_TYPES and not (read.rejected or read.liked):
                colour = COLOUR_WORDS_RE.search(m.group("body"))
                return Parse(intents=["about"], asked=[] if judged or colour else values)  # ("is it in colour?" had
                # answered "No: it is from the 1950s" of The Quiet Man: colour is not the decades)
            said = [w for w in words[1:] if w not in FACT_MARKERS | HEDGES]
            if not values and not (read.rejected or read.liked or read.disliked) and 0 < len(said) <= 2 and all(
                    w in self._english for w in said) and text.rstrip().endswith("?"):
                return Parse(intents=["about"])  # "is it confusing?": a quality no record holds; its facts answer
            return None
        plain = None
        if set(words[-3:]) & {"here", "there", "available", "catalog", "catalogue", "list", "stock"}:
            return None  # "is 2001 here?": whether the catalog has it (the film is shown), not a fact of it
        for k in range(len(words) - 1, 0, -1):  # the longest run of films first, then the fact
            head, fact = words[:k], [w for w in words[k:] if w not in FACT_MARKERS]
            titled = head[0] in TITLE_ARTICLES and len(head) > 1 and head[1] not in NOT_A_FILM | NOT_A_TITLE_AFTER
            if not fact or head[0] in NOT_A_FILM and not titled or head[-1] in FACT_MARKERS:  # ("is the seventh seal
                continue  # swedish?": a film, its article first; "is the one with tom hanks funny?": no title)
                continue
            films = self._films_of(" ".join(head))
            if not films or None in films:
                continue
            read = self._read_message(" ".join(fact))
            values = read.named_values
            films = list(dict.fromkeys(int(f) for f in films))
            if not values and not (read.liked or read.disliked or read.rejected) and tuple(head) in self.lex.titles \
                    and (len(head) > 1 or head[0] not in self._english or re.search(  # ("is Notorious ...?")
                        rf"\b{re.escape(head[0].capitalize())}\b", m.group("body"))):  # "is mars attacks! set in
                plain = plain or Parse(intents=["about"], about=films)  # space?": its record answers it, unless a
                continue  # shorter name leaves a fact to ask of ("isnt sleepless in seattle a meg ryan film too?");
                # a name exactly a title only ("is scream too much?" is not *Scream 2*)
            if not values or {t for t, _ in values} - FACT_TYPES - set(PERSON_TYPES) or read.rejected or read.liked \
                    or read.disliked:
                continue
            colour = COLOUR_WORDS_RE.search(m.group("body"))
            return Parse(intents=["about"], about=films, asked=values if len(films) == 1 and not (colour or judged)
                         else [])
            # (colour is not on record: the year answers it, not the decades "black and white" stands for)
        return plain

    def _told(self, text: str) -> Parse | None:
        """A question of a fact of a film, alone or among other sentences, or a fact told of films."""
        return self._film_question(text) or self._film_question_among(text) or self._facts_told(text)

    def _film_question_among(self, text: str) -> Parse | None:
        """A yes-no question of a film's fact (``_film_question``) in a message of several sentences whose
        others ask other things or name nothing ("ok better. is das boot in german? and which version is it,
        the 3 hour one?" had asked for German films; "might I ask whether notorious is very suspenseful? my
        husband has a weak heart, you see." had liked it)."""
        sentences = _sentences(text)
        if len(sentences) < 2 or "?" not in text:
            return None
        for k, sentence in enumerate(sentences):
            q = self._film_question(sentence) if sentence.rstrip().endswith("?") else None
            if q is None or not q.about:
                continue
            rest = [x for j, x in enumerate(sentences) if j != k and "?" not in x]
            if set(tokens(" ".join(rest))) & {"love", "loved", "adore", "adored", "liked", "hated", "enjoyed",
                                              "favourite", "favorite", "fav", "fave"}:  # ("is charade the one with
                return None  # cary grant and audrey hepburn? adored it": a like of it)
            others = [self.parse(x) for x in rest]
            if all(not (o.names_something or o.pick is not None or set(o.intents) - {"greeting", "any", "yes"})
                   for o in others):
                return q
            return None
        return None

    def _films_of(self, text: str) -> list[int | None]:
        """The films ``text`` names: one film where its words are one name ("in love and war"), else each
        part between commas, "and" and "&" ("nine months & just cause"); None for a part that names none."""
        whole = self._film_named(tokens(text))
        if whole is not None:
            return [whole]
        return [self._film_named(tokens(part)) for part in re.split(r"\s*(?:,|\band\b|&)\s*", text) if tokens(part)]

    def _facts_told(self, text: str) -> Parse | None:
        """A message with a fact told of films it names in a clause of its own (``FILM_FACT_RES``): the
        rest of the message as it reads alone, or, where the rest says nothing, a question about
        those films (their record answers it); None when no clause tells such a fact. A kind of
        film told plainly ("fargo is a comedy, more like that") stays praise and a wish: a fact
        counts only when disputed (a "not", "literally", "surely", a question mark), as any other
        fact but a year ("casablanca is in black and white, more like it" stays praise)."""
        text = re.sub(r",\s*(?=(?:surely|mate|right|innit|lol|bruh)\b[\s?!.]*(?:$|[.!?;])|(?:wasn'?t|isn'?t|aren'?t|"
                      r"weren'?t)\s+(?:it|they|he|she)\b)", " ", text.strip())  # ("..., wasn't it?": its tag)
        clauses = [c for c in re.split(r"(?<=[.!?;])\s+|,\s*(?=\S)", text) if c.strip()]  # ("..., surely?": its tag)
        told, rest, aside, plain = [], [], [], []
        for clause in clauses:
            if aside and not rest and DESCRIBED_RE.match(clause):  # "..., it's a death row drama": what the film
                continue  # set aside is instead, no wish
            if told and REMARK_RE.match(clause):  # "... is rated R?? that seems wrong": of the fact, no request
                continue
            for pattern in FILM_FACT_RES:
                m = pattern.match(clause)
                films = self._films_of(m.group("films")) if m else []
                if films and None not in films:
                    break
            if not films or None in films:
                rest.append(clause)
                continue
            said = re.sub(r"^not\s+", "", m.group("fact"), flags=re.IGNORECASE)  # "is definitely not a rom-com"
            fact = self._read_message(said)
            values = fact.named_values
            year = re.fullmatch(r"\s*(?:from\s+|in\s+|released\s+in\s+)?(?:19|20)\d\d\s*", m.group("fact"))
            negated = re.search(r"n'?t$|\snot$", m.group("verb"), re.IGNORECASE) is not None or said != m.group("fact")
            disputed = bool(m.group("marker").strip() or "?" in m.group("tail") or negated or tokens(m.group("tail"))
                            or told)  # ("y is literally black and white lol. and jaws is over 2 hrs": both disputed)
            kinds = {t for t, _ in values}
            if negated and (fact.mood_kinds or fact.milder or fact.soft or (values and kinds == {"genre"})) and not (
                    fact.liked or fact.disliked or set(fact.rejected) - set(fact.soft)):
                aside.append([int(f) for f in films])  # "dead man walking isn't mind-bending at all": not the
                continue  # kind of film asked for, so set aside (it had been liked, and "mind-bending" wanted)
            if not year and (not values or kinds - FACT_TYPES or fact.rejected or fact.liked or fact.disliked
                             or not disputed or re.search(r"\b(?:but|though|tho|yet)\b", m.group("fact"))):
                if values and not disputed and not (kinds - FACT_TYPES or fact.rejected or fact.liked):
                    plain.append(([int(f) for f in films], values, clause))  # a fact told plainly: see below
                rest.append(clause)
                continue
            told.append(([int(f) for f in films], [] if negated or year else values))
        if plain and not told and not aside:  # "flubber is a kids movie, I said no kids films": a fact told of a
            others = [c for c in rest if all(c is not x for _, _, x in plain)]  # film, with what it has ruled out
            said = self.parse(" ".join(others)) if others else Parse()  # in the same message: that film set aside
            wrong = [fs for fs, vs, _ in plain if set(vs) & set(said.rejected)]
            if wrong:
                said.not_now = list(dict.fromkeys(said.not_now + [f for fs in wrong for f in fs]))
                said.liked = [f for f in said.liked if f not in said.not_now]
                return said
        if not told and not aside:
            return None
        out = self.parse(" ".join(rest)) if rest else Parse()
        if aside:
            gone = list(dict.fromkeys(f for fs in aside for f in fs))
            out.not_now = list(dict.fromkeys(out.not_now + gone))
            out.liked = [f for f in out.liked if f not in gone]
            if not told:
                return out
        if out.names_something or out.intents or out.pick is not None or out.show_film is not None or out.series:
            return out
        films = list(dict.fromkeys(f for fs, _ in told for f in fs))
        asked = list(dict.fromkeys(v for _, vs in told for v in vs))
        return Parse(intents=["about"], about=films, asked=asked if len(films) == 1 else [], truncated=out.truncated)

    SERIES_TURNED_DOWN_AFTER = {"films", "movies", "film", "movie", "fan", "fans", "stuff", "ones", "franchise",
                                "series"}

    def _whole_series(self, text: str, out: Parse) -> Parse:
        """A series turned down by its name and a word for films or fans ("no star trek films", "not a star trek
        fan at all"): every film of it, as the film the name reads as was (it had been *Star Trek: First
        Contact* alone, the others still shown). The name alone is its film ("not star wars tonight"). A series
        seen "all" of is seen whole."""
        toks = tokens(text)
        if out.seen:  # "seen all the star wars", "i've seen every star trek one": each of them (the first alone had
            for k in range(1, len(toks)):  # been, and *The Empire Strikes Back* came next)
                before = toks[max(0, k - 3) : k]
                if not ({"all", "every", "each"} & set(before) and before[-1] in ("all", "every", "each", "the", "of")):
                    continue
                ser = next((self.series[tuple(toks[k : k + n])] for n in range(min(4, len(toks) - k), 0, -1)
                            if tuple(toks[k : k + n]) in self.series), None)
                if ser is not None and set(ser.items) & set(out.seen):
                    out.seen = out.seen + [i for i in ser.items if i not in out.seen]
            for k in range(len(toks)):  # "seen terminators", "seen the die hards", "seen the alien films": the series
                for n in range(min(3, len(toks) - k), 0, -1):  # named as many (not "seen aliens": a film's name)
                    words = tuple(toks[k : k + n])
                    plural = words[-1].endswith("s") and len(words[-1]) > 3 and words not in self.lex.titles
                    ser = self.series.get((*words[:-1], words[-1][:-1])) if plural else None
                    if ser is None and k + n < len(toks) and toks[k + n] in ("films", "movies", "ones"):
                        ser = self.series.get(words)
                    if ser is not None and set(ser.items) & set(out.seen):
                        out.seen = out.seen + [i for i in ser.items if i not in out.seen]
                        break
        if not (out.not_now or out.disliked):
            return out
        for k in range(len(toks)):
            for n in range(min(4, len(toks) - k), 0, -1):
                ser = self.series.get(tuple(toks[k : k + n]))
                after = toks[k + n] if k + n < len(toks) else None
                if ser is None or after not in self.SERIES_TURNED_DOWN_AFTER:
                    continue  # (a name alone is its film: "not star wars", "not alien")
                for name in ("not_now", "disliked"):
                    have = getattr(out, name)
                    if set(ser.items) & set(have) and not set(ser.items) & set(out.liked + out.seen):
                        setattr(out, name, have + [i for i in ser.items if i not in have])
                break
        return out

    def _compromise(self, text: str, out: Parse) -> Parse:
        """Someone else's kind made milder by the person ("my husband wants horror but i hate being scared"),
        then another kind proposed ("maybe a thriller thats not gory?"): the proposal is the wish, and the
        other kind is not wanted (softly: a thriller with some horror in it may still come)."""
        m = COMPROMISE_RE.search(text) if out.milder else None
        if m is None:
            return out
        offered = [v for v in self._read_message(m.group("offer")).accepted if v[0] == "genre"]
        given_up = [v for v in out.milder if v in out.accepted and v not in offered]
        if not offered or not given_up:
            return out
        out.accepted = [v for v in out.accepted if v not in given_up]
        out.milder = [v for v in out.milder if v not in given_up]
        out.rejected += [v for v in given_up if v not in out.rejected]
        out.soft += [v for v in given_up if v not in out.soft]
        return out

    @staticmethod
    def _awards_told(text: str, out: Parse) -> Parse:
        """An award told of a film or a card ("Ed Wood won Martin Landau his Oscar", "the madness of king george
        was robbed at the oscars", "number 2 won an oscar right?"): a fact about that film, not a wish for
        award winners ("something that won best picture" stays one)."""
        if (("oscar", "Oscar winner") in out.accepted and AWARD_TOLD_RE.search(text)
                and (out.liked or out.disliked or out.seen or out.unknown_titles or out.places)):
            out.accepted = [tv for tv in out.accepted if tv != ("oscar", "Oscar winner")]
        return out

    def _series_asked(self, text: str) -> Series | None:
        """The series whose films the message asks for: its name before a word for films ("the
        godfather movies", "every die hard film") or for a series ("a star trek marathon", "the
        indiana jones films in order"); not films like them or a verdict on them ("something
        like the alien films", "loved the terminator movies")."""
        toks = tokens(text)
        best = None
        for k in range(len(toks)):
            for n in (4, 3, 2, 1):
                name = tuple(toks[k : k + n])
                ser = self.series.get(name)
                if ser is None or k + n >= len(toks):
                    continue
                after = toks[k + n]
                number = _part_number(toks[k + n :]) if set(toks[:k]) | set(toks[k + n + 2 :]) <= SERIES_ASK else None
                parts = [i for i in ser.items if number in _part_numbers(self.catalog.titles[i])] if number else []
                if number and not parts and number <= len(ser.items) and _part_numbers(
                        self.catalog.titles[ser.items[number - 1]]) == {1}:  # "die hard 3": Die Hard: With a Vengeance
                    parts = [ser.items[number - 1]]
                if number and not parts:
                    return dataclasses.replace(ser, missing=f"{ser.name} {toks[k + n]}")  # "is there a die hard 4?"
                if len(parts) == 1 and tuple(toks[k : k + n + 1]) not in self.lex.titles:  # "jaws 3": Jaws 3-D
                    return dataclasses.replace(ser, items=(parts[0],), part=True)
                run = after in SERIES_WORDS or after in SERIES_NOUNS or bool(SERIES_ASKED_RE.search(text))
                judged = next((v for w, v in SERIES_VERDICTS.items() if w in toks[max(0, k - 4) : k]), "")
                if run and judged and not set(toks[:k]) & (SERIES_NOT - set(SERIES_VERDICTS)):
                    return dataclasses.replace(ser, verdict=judged)  # "loved the terminator movies": each of them
                if run and not set(toks[:k]) & SERIES_NOT and (best is None or n > len(best[0])):
                    best = (name, ser)
                break
        return best[1] if best else None

    def _known_elsewhere(self, out: Parse) -> Parse:
        """A name read as a film the catalog lacks ("do you have the wolf of wall street?") that a
        list of well-known films knows, and that no verdict was read for: added to ``outside``."""
        done = {text for text, _, _ in out.outside}
        for text in out.unknown_titles:
            key = self._outside_key(text)
            if text not in done and key:
                out.outside.append((text, self._outside_film(key, None, text), ""))
        return out

    def _outside_key(self, text: str) -> Phrase | None:
        """The phrase of a well-known film the catalog lacks that ``text`` (read as a film's name)
        is: the same words, with or without an article, or one or two slips away for names of
        five or nine letters and more ("intersteller", "the dark night"); None when none is."""
        key = tuple(tokens(text))
        if key in self._outside:
            return key
        if key[:1] in (("the",), ("a",), ("an",)) and key[1:] in self._outside:
            return key[1:]
        typed = " ".join(key)
        if len(key) == 1 and key[0] in self._english:
            return None  # ("they love animals": no slip of *The Animal*)
        if len(typed) < OUTSIDE_NEAR_MIN or (len(key) == 1 and key[0] in self._surnames_known):
            return None  # (a surname of the catalog's people is no slip of a film's name: "bergman", not Borgman)
        hits = process.extract(typed, self._outside_strings, scorer=OSA.distance,
                               score_cutoff=1 if len(typed) < 9 else 2, limit=None)
        best = min((d for _, d, _ in hits), default=None)
        near = [s for s, d, _ in hits if d == best and len(s.split()) == len(key)]
        return tuple(near[0].split()) if len(near) == 1 else None  # one film that near, or none

    @staticmethod
    def _longest_run(m: re.Match, holds: Callable[[Phrase], object]) -> tuple[object, int] | None:
        """What ``holds`` finds for the longest run of the match's "role" words, from the first, and where
        that run ends in the text; None when it finds nothing for any."""
        words = list(re.finditer(r"[\w'.-]+", m.group("role")))
        for n in range(len(words), 0, -1):
            found = holds(tuple(t for w in words[:n] for t in tokens(w.group(0))))
            if found:
                return found, m.start("role") + words[n - 1].end()
        return None

    def _parts_named(self, text: str) -> str:
        """``text`` with a person named by a part they played read as the actor ("show me everything with the
        guy who played spock": with Leonard Nimoy; "the hans gruber guy": Alan Rickman; a part several played
        as often, as any of them: "the guy who played james bond", Sean Connery or Roger Moore or Pierce
        Brosnan), and a part after an actor's name dropped ("tim allen as buzz is perfect": Tim Allen is
        perfect). The parts are read only when a message's words ask for one (``Lexicon.roles``)."""
        def named(m: re.Match) -> str:
            found = self._longest_run(m, self.lex.roles.get)
            return m.group(0) if found is None else " or ".join(found[0]) + m.string[found[1] : m.end()]

        def guy(m: re.Match) -> str:  # "the hans gruber guy", "the terminator guy" (not "the funny guy")
            one = tokens(m.group("role"))
            if len(one) == 1 and (one[0] in COMMON_WORDS or (one[0],) in self.lex.values):
                return m.group(0)
            found = self._longest_run(m, self.lex.roles.get)
            if found is None or found[1] != m.end("role") or self._outside and self._outside_key(m.group(0)):
                return m.group(0)  # (a film's name the catalog lacks: "the elephant man" had asked for Judd Apatow)
            return " or ".join(found[0])

        text = ROLE_ASKED_RE.sub(named, text)
        text = ROLE_GUY_RE.sub(guy, text)
        return AS_ROLE_RE.sub(self._part_after_actor, text)

    def _part_after_actor(self, m: re.Match) -> str:
        """"tim allen as buzz": the words of a part the actor just named played, dropped; else the words kept."""
        before = tokens(m.string[: m.start()])[-4:]
        actors = {name for k in range(len(before)) for _, name in self.lex.persons.get(tuple(before[k:]), [])}
        found = self._longest_run(m, lambda words: any(self.lex.played(name, words) for name in actors)) if \
            actors else None
        return m.group(0) if found is None else m.string[found[1] : m.end()]

    def _read_message(self, text: str) -> Parse:
        text, truncated = clean(text)
        text = RUN_TOGETHER.sub(lambda m: self._unrun(m.group(0)), text)  # "showmecomedies": show me comedies
        text = starred_fix(text)  # "no val killer films pls. kilmer*": no val kilmer films pls.
        text = self._parts_named(text)  # "the guy who played spock": Leonard Nimoy
        text = self._name_title_re.sub(lambda m: "my friend" if m.group(0)[:1].isupper() else m.group(0), text)
        text = self._nation_title_re.sub(lambda m: f"{m.group('verb')} the movie {m.group('a')}" if m.group("a")
                                         else f"the movie {m.group('b')} ", text)  # "brazil seen": the film
        aside = NOT_YET_RE.search(text)
        rest = text[: aside.start()] + " " + text[aside.end() :] if aside else ""
        if aside and re.search(r"\w", rest) and not set(tokens(rest)) & (REQUEST_WORDS | {"want", "like", "similar"}):
            text = rest  # "seen big night, haven't got round to the spitfire grill yet": only Big Night, seen
        text = NOT_SEEN_RE.sub("want to see", text)  # "i haven't seen groundhog day, bring it back": not seen
        text = AGED_RE.sub(lambda m: m.group(1) + " " + " and ".join(str(_number(w)) for w in re.split(
            r"\s*(?:and|&|,)\s*", m.group(2))), text)  # "aged seven and ten": ages, not the film *Seven*
        text = _minutes_in_digits(text)  # "under ninety
        text = OWN_AGE_RE.sub(" ", text)  # minutes"; "I am seventy-eight": the person's age, no 1970s
        text = LENGTH_CAP_RE.sub(_length_cap, in_minutes(text))  # "not over 90 min", "100 mins max": the bands
        text = LENGTH_TOO_LONG_RE.sub(lambda m: f"nothing {m.group('len')}", text)  # "over 2 hours is too long"
        text = BORN_YOUTH_RE.sub(_youth_decades, text)  # "born in 1938 … the films of my youth": the 40s or 50s
        text = in_english(text)  # "quiero a horror movie de los 70s"
        text = scores_as_verdicts(self._bare_scores(text))  # "highlander: 8/10": highlander was great
        text = MID_RE.sub(lambda m: (m.group(1) if m.group(1).strip().lower() in ("is", "was", "are", "r") else " ")
                          + " meh", text)  # "scream is mid": as "meh"; "kinda mid": "meh"
        for idiom, plain in IDIOMS:  # "westerns? i'll pass": no westerns
            text = idiom.sub(plain, text)
        # "no bad words": nothing rated R, unless a child's age says what suits them ("my daughter is turning 7")
        text = BAD_WORDS_RE.sub("" if CHILD_AGE_RE.search(text) else "nothing rated R", text)
        text = YEAR_TITLE_ASKED.sub(self._year_title, text)  # "Is 2001 here?": 2001: A Space Odyssey
        two = TWO_THEN_WHICH_RE.match(text)
        if two:  # "2 and 4 look good, which is better?": those two cards compared
            head = self.parse(two.group("head"))
            if len(head.places) == 2 and head.pick is not None and head.pick[1] in ("like", "more"):
                return Parse(intents=["which"], which="best", places=head.places, truncated=truncated)
        rest = PICK_ONE_RE.sub(" ", text)  # (the words besides "pick one for me")
        bare = re.sub(r"\b(?:one|1|a\s+single|just\s+one)\s+(?:films?|movies?)\b|\bnot\s+(?:five|5)\b", " ", rest,
                      flags=re.IGNORECASE)  # ("i said PICK ONE. one film. not five": still one)
        if rest != text and not re.search(r"\b(?:films?|movies?|some|few|list)\b", bare, re.IGNORECASE) and not \
                re.search(r"\b(?:compare|or|between|vs\.?|versus)\b", text, re.IGNORECASE):  # (not "compare X and Y,
            # which would you pick?": the two films compared)
            out = self._read_message(rest) if rest.strip(" ,.!?") else Parse(truncated=truncated)
            out.pick_one = True  # "just pick one for me": one film, the chat's choice ("you choose" stays "any"
            if not out.intents and not out.names_something:  # too: an answer to a question, where one is asked;
                said = INTENT_OF.get(tuple(tokens(text))) or INTENT_OF.get(_core(tokens(text)))  # with no films yet,
                out.intents = ["any"] if said == "any" else ["more"]  # films first)
            return out
        off = TAKE_OFF_RE.match(text)
        if off:  # "please take off the lion king and dumbo": not now, as "not the lion king or dumbo this time"
            films = self._read_message(f"not {off.group('films')} this time")
            if films.not_now and not (films.names_something_else("not_now") or films.intents):
                films.truncated = truncated
                return films
        series = self._series_asked(text)
        if series is not None and series.part:  # "jaws 3": that film, shown
            return Parse(show_film=series.items[0], truncated=truncated)
        if series is not None and series.verdict:  # "loved the terminator movies": each film, judged
            films = list(series.items)
            return Parse(liked=films if series.verdict == "like" else [], disliked=films if series.verdict == "dislike"
                         else [], seen=films if series.verdict == "seen" else [],
                         intents=["something_else"] if series.verdict == "seen" else [], truncated=truncated)
        if series is not None:  # "all the alien movies please", "a star wars marathon tonight": its films, in order
            return Parse(intents=["greeting"] if GREETING_RE.match(text) else [], series=list(series.items),
                         series_name=series.name, series_missing=series.missing, truncated=truncated)
        text = self._kinds_judged(text)  # "westerns are boring", "the 14 year old thinks cartoons are babyish"
        mocked = self._sarcastic(text, truncated)  # "oh yeah, showgirls, a real masterpiece 🙄"
        if mocked is not None:
            return mocked
        corrected = self._corrected(text, truncated)  # "a comedy, no wait, a thriller"
        if corrected is not None:
            return corrected
        text = FOUND_IT_RE.sub(lambda m: f"{m.group('x')} was {m.group('adj')}" if m.group("adj").lower() in (
            POSITIVE | NEGATIVE | PRAISE | COMPLAINTS) else m.group(0), text)  # "i found the piano rather tedious"
        text = SAW_ALREADY_RE.sub("seen already", text)  # second-language English: "#1 I see already"
        text = SAW_PLACE_RE.sub("i've seen ", text)  # "I already see the first"
        text = WHO_LEAD_RE.sub(lambda m: "who is in it" if m.group("end") is not None else "who is in", text)
        text = WHO_PLAYS_RE.sub("who is in", text)  # "#2 who play?", "who plays in it"
        text = MORE_OLD_RE.sub(lambda m: "older" if m.group(1).lower() == "old" else "newer", text)  # "more old"
        text = OWN_MOOD_RE.sub(" ", text)  # "i am sad today, want film make me happy": how they feel, no wish
        text = NOTHING_FOR_ME_RE.sub(" meh", text)  # "neither did much for me", "did nothing for me": as "meh"
        text = DONE_FILMS_RE.sub(r"\1 seen", text)  # "we've already done jumanji and matilda": seen
        text = self._heard_right(text)  # what a voice typed: "i scene it", "four the kids", "bill pull man"
        text = DECIDE_BETWEEN_RE.sub(r"\g<a> or \g<b>?", text)  # "can't decide between alien and aliens": which?
        rest, disagree = DISAGREE_RE.subn(" ", text)  # "me and my girlfriend can't agree on a movie": no search
        if disagree and not set(tokens(rest)) - set(INTENTS["greeting"]) - STOPWORDS - {"so", "help", "us", "pls"}:
            return Parse(intents=(["greeting"] if GREETING_RE.match(rest) else []) + ["more"], truncated=truncated)
        then = QUESTION_THEN_WISH.match(text)
        if then and WISH_CUE.search(then.group("rest")):  # "who's in the second one? i'd really like something with
            wish = self.parse(then.group("rest"))  # andie macdowell": the wish after the question is what to do
            if (wish.accepted or wish.rejected or wish.alternatives) and not (wish.liked or wish.disliked):
                wish.truncated = wish.truncated or truncated
                return wish
            asked = self.parse(then.group("q")) if wish.intents == ["more"] and not wish.names_something else None
            if asked is not None and asked.names_something and not set(asked.intents) - {"more"}:
                asked.intents = ["more"]  # "do you have anything with ian holm? show me": those films, now
                asked.truncated = asked.truncated or truncated
                return asked
        quiet = NO_QUESTIONS_RE.search(text)
        if quiet:  # "stop asking me questions just give me movies": no more questions, and the rest is read
            rest = (text[:quiet.start()] + " " + text[quiet.end():]).strip(" ,.!?;:-")
            out = self.parse(rest) if set(tokens(rest)) - QUIET_FILLER else Parse()
            out.quiet, out.truncated = True, truncated
            if "something_else" in out.intents and not re.search(r"\b(?:else|others?|different|new|next)\b", rest):
                out.intents.remove("something_else")  # "stop with the questions!! movies pls": films, not others
            if not set(out.intents) & {"restart", "undo", "bye", "why", "about", "something_else"} and not out.pick:
                out.intents = [i for i in out.intents if i != "more"] + ["more"]  # "no, and stop asking": answered
            return out
        out = Parse(truncated=truncated)
        toks = tokens(text)
        if OFF_TOPIC_RE.match(text):
            out.intents.append("off_topic")
            return out
        if FRUSTRATED_RE.match(text):  # "are you even listening": sorry, and what the chat has understood
            out.intents.append("frustrated")
            return out
        if not toks:
            return out
        they = THEY_ASKED_RE.match(text)
        if they or WHO_IN_CARDS_RE.match(text):  # "who is in these?", "how long are they?": each card's answer, the
            # films stay; "are they in english?" asks what "is it in english?" does
            text = they.group(0) if they else text  # (the question alone)
            one = re.sub(r"\b(?:are|were)\s+(?:they|these|those|them|(?:all|any) of (?:these|them|those)|the (?:films|"
                         r"movies|cards))(?:\s+(?:films|movies|ones))?\b", "is it", text, count=1, flags=re.IGNORECASE)
            asked = self.parse(one).asked if one != text else []
            return Parse(intents=["about"], pick=(0, "about"), places=list(range(5)), asked=asked,
                         truncated=truncated)
        asked_after = self._verdict_then_question(text)
        if asked_after is not None:  # "seen the first two. how long is #3?": both, each on its own cards
            out.verdicts = asked_after
            out.pick = (asked_after[-1][0][0], asked_after[-1][1])
            out.places, out.intents = [out.pick[0]], [out.pick[1]]
            return out
        film_after = self._verdict_then_film_question(text)
        if film_after is not None:  # "seen 1. why is ghost a comedy lol": the card seen, and Ghost's record
            film_after.truncated = truncated
            return film_after
        out.pick = self._pick(text)
        alone = VERB_PLACE.match(re.sub(r"^\s*(?:(?:i|we)(?:'?ve|\s+have)?\s+)?(?:already\s+)?", "", text))
        if out.pick is None and alone:  # "seen 2", "ive seen 3", "loved 4": a verdict on one card by its number
            out.pick = self._pick(f"{alone.group(1)} number {alone.group(2)}")
        out.verdicts = self._verdicts(text)
        if out.pick is None and out.verdicts:  # "loved 2, not 4, seen 5": no place the whole message names
            out.pick = (out.verdicts[0][0][0], out.verdicts[0][1])
        if out.pick is not None:
            many = self._places(text)
            out.places = many[0] if many else [out.pick[0]]
        among = ANY_OF_THESE_RE.match(text)
        if among:  # "is sean connery in any of these?": which cards have him, the films stay
            people = [tv for tv in self.parse(f"with {among.group('who')}").accepted
                      if tv[0] in PERSON_TYPES]
            if len(people) == 1:
                return Parse(intents=["about"], any_with=people[0], truncated=truncated)
        if WHY_ASKED_RE.match(text):  # "why do you ask me about the era?": why the question
            rest = " ".join(_sentences(text)[1:])
            if re.search(r"\w{3}", rest):  # "why do u keep asking about critics lol. ok monty python could be good,
                out = self.parse(rest)  # is it actually funny ...": the rest (it had been lost to the why)
                if out.intents or out.names_something:
                    return out
            return Parse(intents=["why_question"], truncated=truncated)
        two = WHICH_OF_TWO_RE.match(text)
        if two and two.group("a") != two.group("b"):  # "which has better reviews, #1 or #5?"
            quality = COMPARATIVES.get(re.sub(r"\s+", " ", two.group("q").lower()), two.group("q").lower())
            return Parse(intents=["which"], which=quality, places=[int(two.group("a")) - 1, int(two.group("b")) - 1],
                         truncated=truncated)
        which = WHICH_RE.match(text)
        if which:  # "which is the scariest?": among the films shown
            return Parse(intents=["which"], which=which.group(1).lower(), truncated=truncated)
        choice = self._choice(text)
        if choice and choice[0][0] < 0:  # "which is darker, the first or the third?": two cards by place
            return Parse(intents=["which"], which=choice[1], places=[-1 - k for k in choice[0]], truncated=truncated)
        if choice:  # "Alien or Aliens?": the two films, and which is the better (scarier, ...) of them
            return Parse(intents=["which"], which=choice[1], about=choice[0], truncated=truncated)
        better = IS_BETTER_RE.match(text)
        if better:  # "is shawshank rated higher than pulp fiction or not?": which of the two
            films = [self._named_loosely(better.group(k)) for k in ("a", "b")]
            if None not in films and films[0] != films[1]:
                quality = "best" if "rated" in better.group("q").lower() or "review" in better.group("q").lower() \
                    else COMPARATIVES.get(better.group("q").lower(), "best")
                return Parse(intents=["which"], which=quality, about=films, truncated=truncated)
        compare = COMPARE_RE.match(text)
        if compare:  # "compare true romance and true lies": each film's facts, then how they differ
            places = [_place_of(compare.group(k)) for k in ("a", "b")]
            if None not in places and places[0] != places[1]:  # "compare 1 and 4": those two cards
                return Parse(intents=["which"], which="best", places=places, truncated=truncated)
            films = [self._named_loosely(compare.group(k)) for k in ("a", "b")]
            if None not in films and films[0] != films[1]:
                return Parse(intents=["which"], which="best", about=films, truncated=truncated)
        in_film = PERSON_IN_FILM_RE.match(text)
        if in_film:  # "isnt brad pitt in seven??": yes or no from the film's record
            film = self._named_loosely(in_film.group("film"))
            people = [tv for tv in self.parse(f"with {in_film.group('who')}").accepted if tv[0] in PERSON_TYPES]
            if film is not None and len(people) == 1:
                return Parse(intents=["about"], about=[film], asked=[("cast", people[0][1])], truncated=truncated)
            if len(people) == 1 and tokens(in_film.group("who"))[:1] not in (
                    ["there"], ["one"], ["any"], ["anyone"], ["anything"], ["something"], ["some"]) and tokens(
                    in_film.group("film")) in (["it"], ["that"], ["this"], ["that", "one"],
                                                                      ["this", "one"], ["that", "film"],
                                                                      ["that", "movie"], ["this", "film"]):
                # "isnt meg ryan in it": the film the talk is on (it had read as "no Meg Ryan")
                return Parse(intents=["about"], asked=[("cast", people[0][1])], truncated=truncated)
        about_other = WHAT_ABOUT_RE.match(text)
        other = about_other.group("film").strip() if about_other else ""
        if other and self._outside_key(other):  # "what's rashomon about?": a film the catalog lacks, said so (not
            named_other = self.parse(other)  # the film the talk was on), unless the words name a film or a value
            if not (named_other.accepted or named_other.alternatives or named_other.liked or named_other.seen):
                return Parse(unknown_titles=[other], truncated=truncated)
        what_is = WHAT_IS_RE.match(text)
        if what_is:  # "what's mystery science theater?": that film's facts
            film = self._named_loosely(what_is.group("film"))
            if film is not None and tuple(tokens(what_is.group("film"))) not in self.lex.values:
                return Parse(intents=["about"], about=[film], truncated=truncated)
        here_why = WHY_HERE_RE.match(text)
        if here_why:  # "why is Duck Soup here? it's a Marx Brothers comedy, nothing like Chinatown": that card's
            film = self._film_named(tokens(here_why.group("what")))  # reasons (the rest argues with them)
            if film is not None:
                return Parse(intents=["why"], about=[int(film)], truncated=truncated)
        but = SEEN_ALL_BUT_RE.search(text)
        if but:  # "seen all exept aladin", "seen all but the second": every card but that one
            parts = [part for part in re.split(r"\s*(?:,|\band\b|&)\s*", but.group("films")) if tokens(part)]
            places = [_place_of(part) for part in parts]
            if places and None not in places:
                return Parse(intents=["seen_all"], places=places, truncated=truncated)
            films = [self._film_of(tokens(part)) for part in parts]
            if films and None not in films:
                return Parse(intents=["seen_all"], seen_but=[int(f) for f in films], truncated=truncated)
        shown_film = self._film_asked_for(text)
        if shown_film is not None:  # "can you show me back to the future?": that film, as a card
            return Parse(show_film=shown_film, truncated=truncated)
        why_is = WHY_IS_FILM_RE.match(text)
        if why_is:  # "why is ghost a comedy lol", "how come fargo is a comedy?": its record, no wish for the kind
            film = self._film_named(tokens(why_is.group("film") or why_is.group("film2")))
            if film is not None:
                return Parse(intents=["why"], about=[int(film)], truncated=truncated)
        film_why = WHY_FILM_RE.match(text)
        if film_why and tokens(film_why.group("what"))[:1] not in (["not"], ["no"], ["so"], ["would"], ["do"]):
            film = self._film_named(tokens(film_why.group("what")))  # "why The Grifters?": that card's reasons
            if film is not None and tuple(tokens(film_why.group("what"))) not in self.lex.values:
                return Parse(intents=["why"], about=[int(film)], truncated=truncated)
        shown_why = WHY_SHOWN_RE.match(text)
        if shown_why:  # "why you give me Days of Thunder?": that card's reasons; "why you show me cartoon?
            what = tokens(shown_why.group("what"))  # i am adult": the kind of film is not wanted
            film = self._film_named(what) if what else None
            if film is not None:
                return Parse(intents=["why"], about=[int(film)], truncated=truncated)
            kinds = self.parse(shown_why.group("what"))
            if kinds.accepted and not (kinds.liked or kinds.rejected or kinds.alternatives):
                return Parse(rejected=list(kinds.accepted), soft=list(kinds.accepted), truncated=truncated)
        kind = FILM_FIRST_KIND.match(text)
        if kind and self.parse(kind.group("kind")).accepted and self._film_named(tokens(kind.group("film"))) \
                is not None:  # "blade runner is action?"
            text = f"is {kind.group('film')} a {kind.group('kind')}?" + text[kind.end():]
        first = FILM_FIRST_QUESTION.match(text)
        if first and not {"which", "what", "who"} & set(tokens(first.group("film"))):  # ("this one is good?")
            text = f"is {first.group('film')} {first.group('what')}?" + text[first.end():]
        ask = text.find("?")
        if 0 < ask < len(text.rstrip()) - 1 and (FACT_QUESTION.search(text[: ask + 1]) or self._value_question(
                text[: ask + 1])):  # "is ET scary? my little one gets scared easy": the question, and why
            moved_on = self._after_question(text[: ask + 1], text[ask + 1 :])
            if moved_on is not None:
                moved_on.truncated = moved_on.truncated or truncated
                return moved_on
            tail = set(tokens(text[ask + 1:]))
            if not tail & (REQUEST_CUES - {"what"}) or tokens(text[ask + 1:])[:1] == ["why"]:
                return self.parse(text[: ask + 1])
        of_film = PERSON_OF_FILM_RE.search(text) if self._half_name(text) is None else None  # (not "the guy
        # from trainspotting, ewan something": him, by his first name)
        if of_film:  # "anything by the director of silence of the lambs?": that director's films
            role = (of_film.group("role") or of_film.group("role2")).lower()
            named = (of_film.group("film") or of_film.group("film2")).strip()
            index = _place_of(named)
            film = self._film_named(tokens(named)) if index is None else None
            if film is not None or index is not None:  # ("the bloke who directed trainspotting": its director)
                made = re.search(r"\bwho (?:made|directed)\b", of_film.group(0), re.IGNORECASE)
                return Parse(person_ref="director" if role in ("director", "maker", "filmmaker") or made else "cast",
                             ref_film=film, ref_place=index, truncated=truncated)
        question = FACT_QUESTION.search(text)
        one_with = ONE_WITH_RE.search(text)
        if question and one_with:  # "whats the one with jimmy stewart about", "the one by kurosawa, whats it about"
            who = re.split(r"[,;.!?]|\b(?:about|whats?|who|is|how)\b", text[one_with.end():], maxsplit=1)[0]
            people = [tv for tv in self.parse(f"with {who}").accepted if tv[0] in PERSON_TYPES]
            if len(people) == 1:
                return Parse(intents=["about"], pick_with=people[0], truncated=truncated)
        asked = None if question else self._value_question(text)
        if asked is not None:  # "is it PG?", "is sabrina the harrison ford one?": yes or no, and its facts
            films, values = asked
            return Parse(intents=["about"], about=films, asked=values, pick=out.pick, truncated=truncated)
        if question:  # "who's in it?", "tell me about men in black": facts, not a wish or a like
            films = self._films_in(text, question)
            bare = not question.group("film") and question.start() == 0 and not text[question.end():].strip(" ?!.")
            if out.pick or films or set(toks) & IT_WORDS or bare:  # "how long?" alone: the film the talk is on
                return Parse(intents=["about"], about=films, pick=out.pick, truncated=truncated)
            named = question.group("film")
            if named and re.search(r"\b(?:in there|in here|on here|in the catalog|available|(?:in|on) (?:your|the) "
                                   r"(?:list|catalog|catalogue|database|collection))\s*\??\s*$", text,
                                   re.IGNORECASE) and not self.parse(named).names_something:
                return Parse(unknown_titles=[named.strip()], truncated=truncated)  # "is blazing saddles in there?"
        tail = re.split(r"[,;.!]\s*|\s+(?:and|so)\s+", text.strip(" .!"))[-1] if out.pick else ""
        if tail and tail != text.strip(" .!") and (FAREWELL_RE.match(tail) or THANKS_RE.match(tail)):
            out.intents.append("bye")  # "ok the 2nd one looks good, thx!": that film, and goodbye
            return out
        seen_shown = SEEN_SHOWN.match(text) or SEEN_SHOWN.match(" ".join(  # (also "bruh seen it", "seen it lol")
            w for w in text.split() if w.lower().strip(",.!?") not in INTERJECTIONS))
        if not seen_shown and re.search(r"[,;.!]\s*\w", text):  # "haha seen every single one, u need better
            head, _, rest = re.split(r"([,;.!]+)", text, maxsplit=1)  # films": the rest names nothing
            head_seen = SEEN_SHOWN.match(head)
            if head_seen and not self.parse(rest).names_something:
                seen_shown = head_seen
        if seen_shown:  # "seen them all": every film shown; "seen it": the one the talk is on, or which?
            out.intents.append("seen_all" if seen_shown.group("all") else "seen_it")
            return out
        if FAREWELL_RE.match(text) or THANKS_RE.match(text) or _closing(text):  # "gotta go, bye", "perfect
            out.intents.append("bye")  # thanks", "that will do", "Wonderful, thank you so much. Good night."
            return out
        tail = CLOSING_TAIL.search(text)
        if tail and _closing(tail.group(0)) and tokens(text[: tail.start()]):  # "I'd go for the 3rd. Thanks
            head = text[: tail.start()]
            out = self.parse(head)  # for the help!": the rest, and goodbye
            if out.wanted and not out.liked:  # "blade runner I guess, never actually seen it. thx": the film chosen
                out.liked, out.wanted = out.wanted, []
            chosen = _choice_words(head) if not (out.pick is not None or out.liked) else []
            place = _place_of(" ".join(chosen)) if chosen else None
            film = self._film_of(chosen) if chosen and place is None and len(chosen) <= 8 else None
            if place is not None:  # "ok the first one it is. thanks, bye": that card
                out = Parse(pick=(place, "like"), places=[place], truncated=truncated)
            elif film is not None:  # "the sting then. cheers, bye", "ok casper. bye", "stargate i watch. bye"
                out = Parse(liked=[film], truncated=truncated)
            told_more = bool(out.accepted or out.rejected or out.alternatives or out.disliked or out.seen
                             or out.verdicts or len(out.liked) > 1)  # ("... number 2 sounds fun, and no woody
            leaving = LEAVING_RE.search(tail.group(0))
            if (out.pick is not None and not told_more) or "yes" in out.intents or out.liked and not (  # allen thanks")
                    (out.accepted or out.rejected or out.alternatives or told_more) and not leaving):
                # ("we'll take sleeper. thanks, goodbye!"; not "... a british comedy please, cheers": a request, nor
                # "loved heat, seen fargo, thanks": verdicts, with thanks for the list)
                out.intents = [i for i in out.intents if i != "bye" and not (i == "yes" and out.pick)] + ["bye"]
                return out  # (the card taken is the pick, no "yes" to a question beside it)
            if not (out.names_something or out.pick is not None or set(out.intents) - {"yes", "any", "bye"}):
                return Parse(intents=["bye"], truncated=truncated)  # "Thank you, that is all I needed. Bye bye."
                # (not Bye Bye, Love), "ok still doing it. bye for real"
            out = Parse(truncated=truncated)
        core = _core(toks) or tuple(toks)
        if core in INTENT_OF:
            out.intents.append(INTENT_OF[core])
            return out
        if len(core) > 1 and core[0] in ALL_YES and INTENT_OF.get(core[1:]) in ("more", "something_else", "why") \
                and set(toks) & (INTERJECTIONS - ALL_YES):  # "lol ok more", "haha okay next" (as "ok more" is read)
            out.intents.append(INTENT_OF[core[1:]])
            return out
        if len(core) == 2 and core[1] == "not" and core[0] in EMPHATIC:  # "definitely not", "absolutely not"
            out.intents.append("no")
            return out
        parts = [_core(tokens(x)) for x in re.split(r"[,.;!?]+", text)]
        said = {INTENT_OF.get(x) for x in parts if x}
        if len(said) == 1 and None not in said and said <= {"help", "undo", "restart", "why", "more"}:
            out.intents.append(said.pop())  # "i'm lost, what do i do": each part says it
            return out
        if "help" in said and None not in said and said <= {"help", "more", "yes", "no"}:
            out.intents.append("help")  # "again please, i not understand": lost, whatever else it says
            return out
        last = next((x for x in reversed(parts) if x), ())
        if "restart" in (INTENT_OF.get(last), INTENT_OF.get(last[1:])) and len([x for x in parts if x]) > 1:  # "bruce
            out.intents.append("restart")  # willis is barely in beavis and butthead lol. ok start over": afresh
            return out
        if "restart" in said and said <= {"restart", "no", "something_else", "any"}:  # "nah, none of those.
            out.intents.append("restart")  # start over": the list turned down, and a fresh search
            return out
        if all(t in ALL_YES for t in core):
            out.intents.append("yes")
            return out
        if all(t in ALL_NO for t in core):
            out.intents.append("no")
            return out
        same = ALL_YES if core[0] in ALL_YES else ALL_NO  # "yeah sure, why not"
        if core[0] in ALL_YES | ALL_NO and len(core) <= 5 and all(t in YES_NO_TAIL | same for t in core[1:]):
            out.intents.append("yes" if core[0] in ALL_YES else "no")  # "sure why not", "nah not really"
            return out
        if core[-1] in ALL_YES and 1 < len(core) <= 4 and all(t in YES_NO_TAIL | ALL_YES for t in core[:-1]):
            out.intents.append("yes")  # "that one, yep"
            return out
        if ORDINAL_PICK.match(text):  # "the first one sounds good": taking a film shown, not asking for others
            out.intents.append("yes")
            return out
        greeting = GREETING_RE.match(text)
        if greeting and not tokens(text[greeting.end():]):  # "heya bot", "hey all"
            out.intents.append("greeting")
            return out
        if greeting and tokens(text[greeting.end():]):  # "hi! something with Tom Hanks"
            out.intents.append("greeting")
            text = text[greeting.end():]
            chat = SMALL_TALK_RE.match(text)  # "hi there, how are you"
            if chat:
                text = text[chat.end():]
                if not tokens(text):
                    return out
            words = tokens(text)
            said = INTENT_OF.get(tuple(words)) or INTENT_OF.get(tuple(t for t in words if t not in POLITE))
            if said in ("help", "restart", "more"):  # "hey how am i meant to use you": a greeting, and help
                out.intents.append(said)
                return out
        head = re.match(r"\s*([^,.;:!?]+)[,.;:!?]+\s*(?=\w)", text)
        if head and INTENT_OF.get(tuple(t for t in tokens(head.group(1)) if t not in POLITE)) == "any" and len(
                tokens(head.group(1))) > 1:  # "doesn't matter, just not a musical": no preference, and the rest
            rest = self.parse(text[head.end():])  # (not "im not picky, a comedy works": that is the answer)
            if not (rest.accepted or rest.alternatives or rest.liked):
                out.intents.append("any")
                text = text[head.end():]
        first = re.match(r"\s*([A-Za-z]+)(?:\s+(?:thank\s+you|thanks|please|pls))?\s*[,.;:!]", text) or re.match(
            r"\s*(nah|nope|naw)\s+(?=too\b)", text, re.I)
        if first and tokens(first.group(1))[0] in ALL_YES | ALL_NO:  # "yes, with Tom Hanks", "nah too old"
            if not (OK_OPENER.match(first.group(1)) and re.match(r"\s*(?:and|plus|also)\b", text[first.end():], re.I)):
                out.intents.append("yes" if tokens(first.group(1))[0] in ALL_YES else "no")  # (not "ok, and with
                # good reviews": a wish added)
            text = text[first.end():]
            rest = tuple(t for t in tokens(text) if t not in POLITE)
            if out.intents == ["yes"] and rest and not out.names_something and _praise_only(set(rest) | {"that"}):
                out.wish = ""  # "yep, that one's perfect": yes, and praise of it (it had been searched for as words)
                return out
            if rest in INTENT_OF and INTENT_OF[rest] not in ("yes", "no"):  # "ok, why this one": the second says it
                then = INTENT_OF[rest]
                keep_no = out.intents == ["no"] and then in ("more", "something_else")  # "nah, none of those"
                out.intents[:] = ["no", "something_else"] if keep_no else [then]
                return out  # "nope, next": no to these, and other films
        slip = process.extractOne(" ".join(core), self._intent_strings, scorer=fuzz.ratio,
                                  score_cutoff=WHOLE_INTENT_CUTOFF)
        if slip and not out.intents:  # a whole intent phrase typed with a slip, before any name is read into it
            out.intents.append(INTENT_OF[tuple(slip[0].split())])  # ("don't carre" is not "no Jim Carrey")
            return out
        whole = tuple(tokens(text))
        if whole in self.lex.titles and whole not in self.lex.values:
            out.liked.append(self.lex.titles[whole][0])
            return out
        r = self._read(text, out)
        found = self._original_of_sequel(r) if out.pick is None or out.pick[0] == 0 else None
        if found is not None:  # "do you have lion king 2? my kids loved the first one": that film, no card;
            original, sequel = found  # "godfather 2 is even better than the first one": both liked
            verdict = out.pick[1] if out.pick else next((v for v, films in (
                ("dislike", out.disliked), ("seen", out.seen), ("like", out.liked)) if sequel in films), "like")
            if verdict == "dislike" and re.search(r"\bworse than\b", text, re.IGNORECASE):
                verdict = "like"  # "grease 2 was worse than the first one": the first was better
            (out.disliked if verdict == "dislike" else out.seen if verdict == "seen" else out.liked).append(original)
            out.pick, out.places, out.verdicts = None, [], []
        if not out.names_something and not out.intents:  # an intent phrase typed with a slip ("none of tese")
            hit = process.extractOne(" ".join(t for t in tokens(text) if t not in POLITE), self._intent_strings,
                                     scorer=fuzz.ratio, score_cutoff=INTENT_CUTOFF)
            if hit and len(hit[0]) >= 3:
                out.intents.append(INTENT_OF[tuple(hit[0].split())])
                return out
        if out.names_something:  # "no horror, i scare easily": a clause giving a reason is no wish
            reasons = {k for k, c in enumerate(r.clauses) if self._reason(r, c)}
            r.keep_leftover(lambda t, k: k not in reasons)
        if r.mentions:  # "Titanic was awful", "The Shining scared me": words about a film named are no wish
            about = {m.clause for m in r.mentions} | self._praised_people(r)
            credited = {v for m in r.mentions if m.item is not None for t in PERSON_TYPES
                        for v in self.catalog.values_of(m.item, t)}  # the people of the films named
            judged = {m.clause for m in r.mentions if m.polarity in ("like", "dislike")} | {
                k for k in about if set(r.clauses[k].toks) & (POSITIVE | NEGATIVE | PRAISE | COMPLAINTS)}
            for k, c in enumerate(r.clauses):  # "loved fargo, the ending!": a remark on the film just named
                for_now = _too_much_for_now(c.toks)  # "but way too long for a weeknight"
                chat = k - 1 in judged and not set(c.toks) & REQUEST_CUES  # ("heathers is my comfort film, so dark
                # lol": chat about the film judged, nothing asked; "dragonheart was naff, sean connery as a dragon")
                remark = c.toks and (c.toks[0] in ("the", "its", "what", "too", "both") or _verdict(c.toks) or for_now
                                     or chat)
                if k - 1 in about and remark and (c.toks[0] == "too" or for_now or not any(
                        c.spans[0][0] <= a < c.spans[-1][1] for a, _ in r.used) or chat and all(
                        tv[0] in PERSON_TYPES and tv[1] in credited for tv in
                        out.accepted + out.rejected + [v for g in out.alternatives for v in g])):
                    about.add(k)
            r.leftover = [t for t, k in zip(r.leftover, r.leftover_clause)
                          if k not in about and t not in POSITIVE | NEGATIVE | SEEN | FILM_PARTS]
        if any(t == "decade" for t, _ in out.accepted) or any(t == "decade" for g in out.alternatives for t, _ in g):
            r.leftover = [t for t in r.leftover if t not in RELATIVE_ERA]  # "go older, like 50s"
        elif not out.pick or out.pick[1] == "more":  # "something older", "anything more recent?": older or newer
            # than the films shown; "more like #3 but newer": than that film
            words = [t for c in r.clauses for t in self._unnamed(c, r.used).toks]  # not "blues brothers 2000"
            too = next((TOO_ERA[w] for k, w in enumerate(words) if k and words[k - 1] == "too" and w in TOO_ERA), None)
            out.era = too or next((ERA_SHIFT[w] if k == 0 or words[k - 1] not in ERA_NEGATORS else  # "no oldies": newer
                            {"older": "newer", "newer": "older"}.get(ERA_SHIFT[w], ERA_SHIFT[w])
                            for k, w in enumerate(words)  # the words stay the wish; "my oldest son": no era
                            if w in ERA_SHIFT and (k == 0 or words[k - 1] not in POSSESSIVES)), None)
            in_titles = {t for m in r.mentions if m.item is not None for t in tokens(self.catalog.titles[m.item])}
            in_titles |= {str(self.outside[j].year) for _, j, _ in out.outside}  # "do you have Her (2013)?",
            in_titles |= {y for m in r.mentions if m.item is None for y in re.findall(r"\((\d{4})\)$", m.text)}
            # "little women (2019)": the year says which film (one the catalog lacks), not "the newest you have"
            later = [w for w in words if self._after_catalog(w) and w not in in_titles]  # not "2001 a space odyssey"
            if later and not out.era:  # "anything good from 2005?": after the catalog's last decade
                out.era = "newest"
                r.leftover = [w for w in r.leftover if w not in later]
        young = [max(int(g) for g in ages if g) for ages in CHILD_AGE_RE.findall(text)]
        kids = ("genre", "Children's")
        rated = any(t == "mpaa" for t, _ in out.accepted + out.rejected + [v for g in out.alternatives for v in g])
        if not young and KIDS_WATCH_RE.search(text) and kids in self._vocab and not rated and (
                kids not in out.accepted + out.rejected):  # "a comedy the kids will like", "... can all enjoy"
            young = [CHILD_MAX_AGE]  # (films for children, as an age would say; not the film *Kids*)
            out.liked = [i for i in out.liked if tokens(self.catalog.titles[i]) != ["kids"]]
            r.keep_leftover(lambda t, k: t not in ("grandparents", "together", "all", "enjoy", "like", "watch"))
        told = _only_films(self._without_credited(out), text)  # "free willy was a big hit with my 4 year old"
        if young and max(young) <= CHILD_MAX_AGE and kids in self._vocab and kids not in out.rejected and not (
                rated or told):
            # (a rating asked for says what suits the child: "it has to be PG, my niece is 9"; a film the child
            # loved, told of, asks for nothing: "my 3yo is obsessed w winnie the pooh")
            out.accepted.append(kids)  # "movie night w my son, hes 6": films for children
            out.for_child = True
            r.leftover = [t for t in r.leftover if not t.isdigit() and t not in CHILD_WORDS]
        elif not rated and (young and max(young) <= TEEN_MAX_AGE or not young and FOR_A_CHILD_RE.search(text)) and (
                kids not in out.accepted) and not told:
            # "less scary for my son", "shes 14": nothing rated R (a mood-like wish, ``soft``); not "watched
            # snow white with my niece yesterday", which only tells of a film
            adult = [tv for tv in ADULT_RATINGS if tv in self._vocab and tv not in out.accepted + out.rejected]
            out.rejected += adult
            out.soft += adult
        if any(t == "writer" for t, _ in out.accepted + out.rejected):  # "nothing based on michael crichton books"
            r.keep_leftover(lambda t, k: t not in BOOK_WORDS)
        strangers = self._unknown_people(r)
        if strangers:  # "clark gable films": no cast list names him, so no search for his name either
            out.unknown_people = [name for name, _ in strangers]
            gone = Counter(kw for _, words in strangers for kw in words)  # (clause, word)

            def not_a_name(t: str, k: int) -> bool:  # each word of a name once, where it was typed
                if gone[k, t]:
                    gone[k, t] -= 1
                    return False
                return True

            r.keep_leftover(not_a_name)
        if TV_RE.search(text):  # "recommend me a tv show like friends": films only here, said so
            out.tv = True
            r.keep_leftover(lambda t, k: t not in TV_WORDS)
        absent = [self.lex.absent_nations[(t,)] for t in dict.fromkeys(r.leftover) if (t,) in self.lex.absent_nations]
        if absent:  # "do you have a korean film?": none here, said so, and no search for it ("no korean films": fine)
            if not re.search(r"\b(?:no|not|nothing|without|except)\b", text, re.IGNORECASE):
                out.absent_nations = absent
            r.keep_leftover(lambda t, k: (t,) not in self.lex.absent_nations)
        r.keep_leftover(lambda t, k: not self._slip_of_filler(t))  # "somethng with angela basset", "husbnd"
        # without the name, "films" alone is no wish either
        wishless = NO_WISH | GENERIC_FILM_WORDS if strangers or absent else WISHLESS
        if BEST_RE.search(text) and not (out.liked or out.disliked or out.seen or out.not_now or out.pick):
            out.best = True  # "what's the best rated film you have?": a ranking, not a search for "best" (round 28)
            wishless = wishless | BEST_WORDS
        obscure = OBSCURE_ASKED_RE.search(text) and not NOT_OBSCURE_RE.search(text)  # "more obscure", "nothing
        # mainstream please" beside "raiders and ghost are the most famous movies ever": lesser known (it had said
        # "Better-known films, then.", for "famous movies" and "everyone knows those")
        seen_popular = SEEN_POPULAR_RE.search(text)
        if POPULAR_RE.search(text) and not seen_popular and not obscure:  # "not some obscure thing",
            # "the opposite! popular stuff": the well known (not "seen all the big ones so skip the obvious stuff")
            out.popular = True
            r.keep_leftover(lambda t, k: t not in POPULAR_WORDS)
        elif obscure or (LESSER_KNOWN_RE.search(text) or seen_popular) and not (
                out.liked or out.disliked or out.seen or out.unknown_titles):
            # "none of these grab me, something more obscure": lesser-known films, not a search for the words
            # (not "heat is so underrated": praise of a film)
            out.lesser_known = True
            wishless = wishless | LESSER_KNOWN_WORDS
        if out.pick is not None:  # "ooh number 3!! 😍", "number 3, love it": the verdict, no wish
            wishless = wishless | AFTER_PLACES | POSITIVE | NEGATIVE | PRAISE | STOPWORDS | set(PLACES) | set(
                COUNT_WORDS) | CHOOSE_FILLER | {"number", "num", "no", "1", "2", "3", "4", "5", "much", "feelin",
                                                "rest", "feeling", "ill", "her", "him", "she", "he", "shes", "hes",
                                                "they", "theyve", "them"} | MORE_IN_THAT  # ("1 looks perfect for
        # her, she's seen 2 and 3"; "2 is close, more in that vein")
        scare = WONT_SCARE_RE.search(text)
        if scare and ("genre", "Horror") in self._vocab:  # "animated ones that won't scare a toddler"
            out.rejected += [("genre", "Horror")] if ("genre", "Horror") not in out.rejected else []
            who = tokens(scare.group("who"))
            kids = ("genre", "Children's")
            if (who[:1] and who[0] in PEOPLE_WORDS - {"family"} or who == ["little", "ones"]) and kids in self._vocab:
                out.accepted += [kids] if kids not in out.accepted else []
            said = set(tokens(scare.group(0)))
            r.keep_leftover(lambda t, k: t not in said)
        if MAKE_THEM_RE.search(text):  # "something silly to make the little ones giggle": the giggle is the wish
            r.keep_leftover(lambda t, k: t != "make")
        misheard = {t for m in MISHEARD_RE.finditer(text) for t in tokens(m.group(0))}
        if misheard:  # "undo that it heard me wrong i said drama": how it went wrong; "maybe other day": no wish
            r.keep_leftover(lambda t, k: t not in misheard)
        rough = {t for m in ROUGH_DAY_RE.finditer(text) for t in tokens(m.group(0))}
        if rough and (out.accepted or out.alternatives):  # "need a pick me up after a rubbish week": why they want
            # it, no wish of its own (alone, "long day at work, something to unwind", it is the wish)
            r.keep_leftover(lambda t, k: t not in rough)
        life = {t for m in LIFE_EVENT_RE.finditer(text) for t in tokens(m.group(0))}
        if life and any(t == "decade" for t, _ in out.accepted + out.rejected + [v for g in out.alternatives
                                                                             for v in g]):
            r.keep_leftover(lambda t, k: t not in life)  # "films from the year i was born, 1966": the 1960s
        if r.mentions:  # "saw both on the same day", "in the cinema": when and where a film was seen, no wish
            memory = {t for m in WHEN_SEEN_RE.finditer(text) for t in tokens(m.group(0))}
            r.keep_leftover(lambda t, k: t not in memory)
        if WHY_THAT_RE.match(text) and out.names_something and "why" not in out.intents:
            out.intents = [i for i in out.intents if i != "more"] + ["why"]  # "why that one, i hate musicals":
            # explain it, and no musicals ("why you show me this?" asks for no more films)
            r.keep_leftover(lambda t, k: k or t not in ("why", "y", "that", "this", "one"))
        r.keep_leftover(lambda t, k: not AGE_TOKEN.match(t))  # "my 14yo is with us": who watches
        named = out.accepted or out.rejected or out.alternatives or out.dropped or r.mentions or out.pick is not None
        out.wish = text.strip() if r.leftover and not set(r.leftover) <= wishless and (
            self.wish_gate is None or not named or self.wish_gate.wanted([t for t in r.leftover if t not in wishless])
        ) else ""  # (words said alone are the wish: "something totally unhinged"; beside what the message names,
        # the gate says whether they are one: "show me comedys quik before she wakes")
        self._intent(r)
        if out.popular and set(out.intents) <= {"help", "something_else", "any", "no", "more"} and not re.search(
                r"\b(?:help|else|different|others?)\b", text, re.IGNORECASE):  # "popular stuff please", "a crowd
            out.intents = ["no"] if "no" in out.intents else []  # pleaser": a wish, no request of another kind
        if "why" in out.intents and WHY_THAT_RE.match(text):  # "why you show me this? ...": no request for films
            out.intents = [i for i in out.intents if i != "more"]
        if UNDO_WORDS_RE.search(text) and "undo" not in out.intents and not out.liked + out.disliked + out.seen:
            out.intents = ["undo"]  # "oops, fat fingers, undo that", "undo that last bit, then add kathy bates"
            r.keep_leftover(lambda t, k: t not in UNDO_WORDS)
            out.wish = text.strip() if r.leftover and not set(r.leftover) <= wishless else ""
        half = self._half_name(text)
        who = self._half_remembered(half, text) if half else None
        if who is not None:  # "with that bald actor from the star trek films, patrick something": him
            person, clues = who
            out.accepted = [tv for tv in out.accepted if tv[0] not in PERSON_TYPES] + [person]
            for name in ("liked", "disliked", "seen", "not_now"):  # the films named only to say who
                setattr(out, name, [i for i in getattr(out, name) if i not in clues])
            out.unknown_titles, out.wish = [], ""
            out.person_ref = out.ref_film = out.ref_place = None  # (not "the guy from trainspotting": their films)
        if HELP_RE.search(text) and not out.names_something:  # "I'm not very good with these things, what do I
            out.intents, out.wish = ["help"], ""  # type?": how to use the chat
        if (FILMS_NOW_RE.match(text) or MORE_THANKS_RE.match(text)) and not out.names_something:  # "pics now pls",
            out.intents, out.wish = ["more"], ""  # "k thx more": films now
        best = SUPERLATIVE_RE.search(text)
        if best and (out.liked or out.seen or out.unknown_titles):  # "Heat is the most romantic film I've seen in
            out.liked += [i for i in out.seen if i not in out.liked + out.disliked]  # ages": Heat liked (not only
            out.seen = []  # seen), and, unless more films are asked for, no wish for romance: praise of Heat
            if not ASKS_FOR_MORE_RE.search(text[best.end():]):
                praise = self.parse(best.group("q")).accepted if best.group("q") else []
                out.accepted = [tv for tv in out.accepted if tv not in praise]
                out.wish = ""
        echo = ECHO_RE.match(text)
        if echo:  # "war?? i said not gory": the kind shown, thrown back: not wanted
            said = self.parse(text[echo.end():]).accepted  # (not "comedy?? i said funny": still wanted)
            thrown = [tv for tv in self.parse(echo.group("what")).accepted
                      if tv[0] not in PERSON_TYPES and tv not in said]
            out.accepted += [tv for tv in said if tv not in out.accepted]
            out.accepted = [tv for tv in out.accepted if tv not in thrown]
            out.rejected += [tv for tv in thrown if tv not in out.rejected]
        dark = DARK_COMEDY_RE.search(text)
        comedy = ("genre", "Comedy")
        if dark and comedy in self._vocab and not re.search(r"\b(?:no|not|nothing|without)\s+(?:\w+\s+)?(?:dark|black)",
                                                            text, re.IGNORECASE):
            out.accepted += [comedy] if comedy not in out.accepted else []  # "DARK comedy. like fargo or heathers": a
            dark_kinds = tuple(tv for tv in DARK_KINDS if tv in self._vocab)  # comedy that is also crime, a
            if dark_kinds and dark_kinds not in out.alternatives:  # thriller, war, horror or noir
                out.alternatives.append(dark_kinds)
            r.keep_leftover(lambda t, k: t not in ("dark", "darker", "black", "comedy", "comedies", "smth"))
            out.wish = text.strip() if r.leftover and not set(r.leftover) <= WISHLESS | STOPWORDS | FILLERS else ""
        for said in RATING_FINE_RE.finditer(text):  # "i didn't say no R rated, R is fine. i just dont want blood":
            rated = [tv for tv in self.parse(said.group("what")).accepted if tv in out.accepted and tv[0] == "mpaa"]
            out.accepted = [tv for tv in out.accepted if tv not in rated]  # allowed, wherever it is said (it had
            out.allowed += [tv for tv in rated if tv not in out.allowed]  # become the only rating wanted)
        for said in NOT_AGAINST_RE.finditer(text):  # "i dont hate meg ryan, i was just saying she wasnt on the card":
            named = self.parse(said.group("what"))
            people = [tv for tv in named.accepted if tv in out.rejected + out.accepted
                      and tv[0] in PERSON_TYPES]  # no objection to her, no wish either (she had been ruled out)
            out.rejected = [tv for tv in out.rejected if tv not in people]
            out.accepted = [tv for tv in out.accepted if tv not in people]
            out.allowed += [tv for tv in people if tv not in out.allowed]
            # "i dont hate princess bride, i was just saying ...": no dislike of it (it had been one)
            films = [i for i in named.liked + named.disliked if i in out.disliked]
            out.disliked = [i for i in out.disliked if i not in films]
            out.unsaid += [i for i in films if i not in out.unsaid]
        fine = VALUE_FINE_RE.match(text)
        if fine and out.accepted and not (out.liked or out.disliked):
            said_fine = self.parse(fine.group("what")).accepted
            rated = [tv for tv in said_fine if tv in out.accepted and tv[0] == "mpaa"]
            if rated:  # "and R rated is fine": no longer ruled out (it had asked for R-rated films only)
                out.accepted = [tv for tv in out.accepted if tv not in rated]
                out.allowed += rated
                out.wish = ""
            allowed = [tv for tv in said_fine if tv in out.accepted and tv[0] in ("runtime", "critics")]
            # ("mixed reviews are fine")
            if allowed:  # "Long films are perfectly fine with me": no objection to their length, no wish for it
                out.accepted = [tv for tv in out.accepted if tv not in allowed]  # (not "comedy is fine": a yes)
                out.dropped += allowed
                out.dropped_types += ["runtime"] if any(t == "runtime" for t, _ in allowed) else []
                out.wish = ""
        panned = ("critics", "poorly reviewed")
        if BAD_ONES_RE.search(text) and re.search(r"\breview", text, re.I) and panned in self._vocab:
            out.rejected += [panned] if panned not in out.rejected else []  # "mixed reviews are fine, just not
            r.keep_leftover(lambda t, k: t not in ("bad", "worst", "terrible", "awful"))  # the bad ones"
            out.wish = "" if not r.leftover else out.wish
        if THATS_THE_ONE_RE.match(text) and not out.names_something:  # "thats the one. watching it now"
            out.intents, out.wish = ["yes"], ""
        if CHOOSE_RE.search(text) and not out.names_something and set(tokens(BEDTIME_RE.sub(" ", text))) <= (
                CHOOSE_FILLER | POLITE):
            out.intents, out.wish = ["yes"], ""  # "lovely, we'll watch that one": the film the talk is on, chosen
        if out.absent_nations and not (out.accepted or out.alternatives or out.liked):  # "do you have a korean
            out.intents = [i for i in out.intents if i not in ("something_else", "more", "any")]  # film?": no list
        shown_rejected = REJECT_SHOWN.search(text)
        if shown_rejected and not out.names_something and out.wish and not (  # "these are all bad suggestions":
                set(tokens(text[: shown_rejected.start()] + text[shown_rejected.end():])) - WISHLESS - STOPWORDS):
            out.wish = ""  # the films turned down, nothing to search for
        if shown_rejected and "something_else" not in out.intents and not out.pick and not (
                out.liked or out.disliked or out.seen):  # "mm not feeling any of these, something with more action"
            out.intents = (["no"] if re.match(r"\s*(?:nah|no|nope)\b", text, re.IGNORECASE) else []) + [
                i for i in out.intents if i not in ("more", "no")] + ["something_else"]
        two = [tv for tv in out.accepted if tv[0] in PERSON_TYPES]
        if len(two) == 2 and two[0][0] == two[1][0] and TWO_WISHES_RE.search(text) and not out.alternatives:
            out.alternatives.append(tuple(two))  # "she wants julia roberts, i want harrison ford": either
            out.accepted = [tv for tv in out.accepted if tv not in two]
            r.keep_leftover(lambda t, k: t not in ("wants", "likes", "loves", "prefers", "want", "like"))
            if set(r.leftover) <= WISHLESS | STOPWORDS:
                out.wish = ""
        people = [tv for tv in out.accepted + out.rejected + [v for g in out.alternatives for v in g]
                  if tv[0] in PERSON_TYPES]  # ("NO Coppola. I do not want any film directed by him": him)
        ref = None if people or out.liked or out.about else PERSON_REF_RE.search(text)
        if ref and RELATIVE_RE.search(text[: ref.start()]):  # "my grandpa was in ww2, want to watch a good film about
            ref = None  # it with him": him, the grandpa (it had asked "Whose films do you mean?")
        if ref:  # "more with him": whose films, the turn says (the film the talk is on)
            words, prep = ref.group(0), (ref.group("prep") or "").lower()
            out.person_ref = ("director" if DIRECTOR_REF.search(words) else "cast" if CAST_REF.search(words) else
                              "by" if prep in ("by", "from") else "with" if prep in ("with", "of") else "")
            out.person_plural = bool(re.search(r"\b(?:them|their|they|those|people)\b", words, re.IGNORECASE))
            out.wish = ""
            out.intents = [i for i in out.intents if i not in ("more", "something_else")]
        if people and OTHER_WORK_RE.search(text):  # "what else did spielberg direct": his films, afresh
            out.intents = ["restart"]
            out.wish = ""
        if OUT_END.search(text) and out.accepted and not out.rejected:  # "and kevin costner's out"
            out.rejected, out.accepted = list(out.accepted), []
        people = [tv for tv in out.accepted if tv[0] in PERSON_TYPES]
        if KEEP_OUT_RE.search(text) and people and not out.rejected:  # "keep chris farley out of it"
            out.rejected, out.accepted = people, [tv for tv in out.accepted if tv not in people]
            r.keep_leftover(lambda t, k: t not in ("keep", "out"))
        if REMOVE_PERSON_RE.search(text) and len(people) == 1 and not (out.rejected or out.dropped):
            out.dropped, out.accepted = people, [tv for tv in out.accepted if tv not in people]  # "Holly Hunter is
            r.keep_leftover(lambda t, k: t not in ("remove", "necessary", "needed", "more", "longer"))  # not more
            # necessary, you can remove her": no longer wanted, not refused
            out.wish = "" if set(r.leftover) <= NO_WISH else out.wish
        needless = NEEDNT_BE_RE.search(text)
        if needless and not out.dropped:  # "kids r asleep, doesnt have to be G anymore": no longer wanted
            what = needless.group("what").strip()
            what = f"rated {what}" if re.fullmatch(r"(?:g|pg|pg-?13|r|nc-?17)", what, re.IGNORECASE) else what
            gone = self.parse(what).accepted
            if gone:
                out.dropped += gone
                out.accepted = [tv for tv in out.accepted if tv not in gone]
                said = set(tokens(needless.group(0))) | {"asleep", "r"}
                r.keep_leftover(lambda t, k: t not in said)
                out.wish = "" if set(r.leftover) <= NO_WISH | PEOPLE_WORDS else out.wish
        if out.names_something and "yes" in out.intents and OK_OPENER.match(text) and not out.pick:
            out.intents = [i for i in out.intents if i != "yes"]  # "ok, now anything but Hitchcock": no answer "yes"
        later = next((m for x in _sentences(text)[1:] if (m := RESTART_RE.match(x))), None)  # ("... diff request now:")
        fresh = RESTART_RE.match(text) or later or (FORGET_THAT_RE.match(text) if out.names_something else None) or (
            NEW_AUDIENCE_RE.match(text) if out.names_something else None)  # "Now for me, ... a Hitchcock picture"
        if fresh:  # "scrap everything, i want a 70s horror now", "actually forget that, something with harrison
            # ford": afresh, with what follows ("forget that" alone may mean undo: left to the intents)
            out.intents = ["restart"] + [i for i in out.intents if i not in ("restart", "something_else", "any", "no",
                                                                              "yes")]
            out.dropped = []
            restart_words = set(tokens(fresh.group(0)))
            if not (out.names_something or out.era) or set(r.leftover) <= restart_words | FILLERS | POLITE:
                # ("ok let's start over, something with sean penn")
                out.wish = ""
        waived: set[str] = set()  # the words that waived a type
        for m in DROP_TYPE_RE.finditer(text):
            t = TYPE_WORDS[next(g for g in m.groups() if g).lower()]
            if not any(tv[0] == t for tv in out.accepted + out.rejected + [v for g in out.alternatives for v in g]):
                out.dropped_types.append(t)  # "forget the length" (not "forget the 80s, any decade from the 90s on")
            waived |= set(tokens(m.group(0)))  # ("any actor's fine, just no dan aykroyd": the words are understood)
        r.keep_leftover(lambda w, k: w not in waived)
        if (out.dropped_types or waived) and set(r.leftover) <= NO_WISH:
            # ("not fussed about the decade, just nothing animated": the rest is understood; not "forget
            # the decade, something with ghosts")
            out.wish = ""
            out.intents = [i for i in out.intents if i not in ("any", "no", "something_else", "why", "help")]
        people = [tv for tv in out.accepted if tv[0] in PERSON_TYPES]
        if ONE_WITH_RE.search(text) and len(people) == 1 and len(out.accepted) == 1 and not (
                out.rejected or out.alternatives or out.liked or out.disliked):  # "ill take the one with X"
            out.pick_with, out.accepted, out.wish = people[0], [], ""
            out.intents = ["yes"]
        credited = [tv for tv in self._credited(out) if not self._wanted_by_name(text, tv[1])]
        if credited and not ASKS_FOR_MORE_RE.search(text):  # "the african queen with bogart and hepburn is
            out.accepted = [tv for tv in out.accepted if tv not in credited]  # lovely": who is in it, no wish
            if out.wish and set(tokens(self.frame(text))) <= VERDICT_VOCABULARY | WISHLESS:
                out.wish = ""  # and nothing else is left to search for
        typed = TYPED_MEANT_RE.search(text)
        if typed and out.accepted:  # "argh autocorrect, i typed horror, meant humour": the slip taken back
            slip = [tv for tv in self.parse(typed.group("slip")).accepted if tv in out.accepted]
            if slip and len(slip) < len(out.accepted):
                out.accepted = [tv for tv in out.accepted if tv not in slip]
                out.dropped += slip
        if MEANT_RE.search(text) and out.rejected and (out.accepted or out.alternatives):
            out.dropped += out.rejected  # "sorry i meant the 70s not the 60s": a slip taken back, not a dislike
            out.rejected = []
        english = ("language", "English")
        if SUBTITLES_OK_RE.search(text) and not out.accepted:  # "she's fine with subtitles now": any language
            out.dropped.append(english)
            out.rejected = [tv for tv in out.rejected if tv != english]
            if not (out.accepted or out.alternatives or out.liked or out.era):
                out.wish = ""
        elif SUBTITLES_NO_RE.search(text) and english in self._vocab:  # "subtitles are a no from me": in English
            out.unknown_titles = [u for u in out.unknown_titles if tokens(u)[-1:] != ["subtitles"]]
            out.accepted += [english] if english not in out.accepted else []
            if not (out.alternatives or out.liked or out.era or len(out.accepted) > 1):
                out.wish = ""
        elif FOREIGN_RE.search(text) and english in self._vocab and english not in out.accepted + out.rejected and \
                not self._in_titles_named(out, [m.group(0) for m in FOREIGN_RE.finditer(text)]):
            foreign = {t for m in FOREIGN_RE.finditer(text) for t in tokens(m.group(0))}
            refused = re.search(r"\b(?:no|nothing|not|never|without|hate|don'?t|dont)\b[^,.;!?]{0,12}\b(?:foreign|"
                                r"subtitle)", text, re.IGNORECASE)  # "nothing foreign": in English
            (out.accepted if refused else out.rejected).append(english)  # "something foreign, with subtitles"
            r.keep_leftover(lambda t, k: t not in foreign)
            if not r.leftover or set(r.leftover) <= WISHLESS | STOPWORDS | FILLERS:
                out.wish, out.unwish = "", ""
        if out.era in ("newest", "oldest"):  # the year was understood: no other films wanted than those
            out.intents = [i for i in out.intents if i != "something_else"]
        if out.accepted and ONLY_THAT_RE.match(text):  # "only tarantino please", "just comedy": that one, not the
            out.instead = out.only = True  # others of its kind asked for before (those of other kinds stay)
        self._weigh_moods(r)
        for name in ("accepted", "rejected", "alternatives", "dropped", "liked", "disliked", "seen", "not_now"):
            setattr(out, name, list(dict.fromkeys(getattr(out, name))))
        out.rejected = [v for v in out.rejected if v not in out.accepted]
        out.soft = [v for v in dict.fromkeys(out.soft) if v in out.rejected]
        wanted_types = {t for t, _ in out.accepted} | {t for g in out.alternatives for t, _ in g}
        out.rejected = [v for v in out.rejected if not (v in r.complaints and v[0] in wanted_types)]  # "too long,
        # something under 2 hours": the length wanted says it all; "no oldies, 80s onwards only": the eras wanted do
        wanted = set(out.named_values)
        ruled = [v for v in out.rejected if v[0] == "decade" and "decade" in wanted_types and v not in wanted]
        out.rejected = [v for v in out.rejected if v not in ruled]
        if ruled and MEANT_RE.search(text):  # "i said the 80s, not the 90s": the 90s taken back
            out.dropped += ruled
        out.not_now = [i for i in out.not_now if i not in out.liked + out.disliked
                       and (i not in out.seen or i in r.seen_not_now)]  # "not the godfather, I've seen it": seen
        films = {m.item for m in r.mentions if m.item is not None}
        after = r.clauses[r.mentions[0].clause:] if r.mentions else []
        late = [k for k, c in enumerate(r.clauses) if k >= (r.mentions[0].clause if r.mentions else 0)
                and _too_much_for_now(c.toks)]  # "dead man walking and leaving las vegas, both too depressing for
        ruled_out_now = bool(late) and all(m.clause <= late[0] for m in r.mentions)  # tonight": those films
        own = {m.item for m in r.mentions if m.clause == late[0] and m.item is not None} if late else set()
        if own and len(films) > 1:  # "home alone is a good shout ... my fair lady is 3 hours they'd riot": the film
            films = own  # of that clause, and what else it says of it alone
            said = set(r.clauses[late[0]].toks) - {w for i in own for w in tokens(self.catalog.titles[i])}
            out.not_now += [i for i in own if i not in out.not_now]
            out.liked = [i for i in out.liked if i not in own or said & (POSITIVE | PRAISE)]
            out.disliked = [i for i in out.disliked if i not in own or said & NEGATIVE]
        elif (len(films) == 1 or late) and out.liked and (ruled_out_now or _anywhere(after, NOT_NOW)):
            out.not_now += [i for i in films if i not in out.not_now]  # "fargo was great but not tonight"
            named = {w for i in films for w in tokens(self.catalog.titles[i])}  # ("everyone says i love you")
            if not (set(toks) - named) & (POSITIVE | PRAISE):  # "we'll watch titanic another time": not now, no like
                out.liked = [i for i in out.liked if i not in out.not_now]
        elif ruled_out_now and out.disliked and not out.liked and not set(toks) & NEGATIVE:
            # "apocalypse now is too heavy for a tuesday night": the complaint is about tonight, not the film
            out.not_now += [i for i in films if i not in out.not_now]
            out.disliked = [i for i in out.disliked if i not in films]
        asking = ASK_FILM_RE.match(text)
        if asking and asking.group("proposing") and out.liked and all(  # "what about the kids": no film *Kids*,
                all(t in self._english for t in tokens(self.catalog.titles[i]) if t not in ("the", "a", "an"))
                and self.lex.popularity[i] < WELL_KNOWN for i in out.liked):  # a phrase of ordinary words
            out.liked = []
        if asking and asking.group("bot_seen"):  # "have you seen fargo?": asked of the chat, not seen by the person
            out.liked += [i for i in out.seen if i not in out.liked]
            out.seen = []
        if asking and out.unknown_titles and not (out.liked or out.accepted):  # "have you got the matrix?":
            out.intents = [i for i in out.intents if i != "more"]  # a film the catalog lacks, no request for films
        if asking and out.liked and not (out.disliked or out.seen or out.accepted) and not (
                set(toks) & (POSITIVE | NEGATIVE | {"like", "similar", "else", "other", "more"})):
            out.about, out.liked, out.intents = out.liked, [], ["about"]  # "do u have titanic?": yes, and its facts
        for group in out.alternatives:  # "short thriller, under 2 hrs": the limit said in numbers, not "short"
            if len({t for t, _ in group}) == 1 and group[0][0] == "runtime":
                out.accepted = [tv for tv in out.accepted if not (tv[0] == "runtime" and tv in group)]
        if len(out.liked) == 1 and out.liked[0] in films:
            self._than_the_film(out, toks, out.liked[0])
            self._kind_of_the_film(out, toks, out.liked[0])
        for words, genre, nation, typed in KINDS_OF_A_NATION:  # "spagetti westerns": Italian westerns
            group = self.lex.groups.get((nation,))
            if group and _anywhere(r.clauses, words) and group not in out.alternatives and (
                    "genre", genre) in out.accepted and not re.search(
                    rf"\b(?:no|not|without|nothing|except|hate|but)\b[^,.;]*\b{typed}", text, re.IGNORECASE):
                out.alternatives.append(group)
        # several nations for one wish, a film of any of them: "a french or italian film", "old foreign-language
        # films, French, Italian, Japanese, Swedish?" (each had been required, and no film had them all); not
        # when said to be of them all ("a co-production"), nor two joined by "and" ("french and italian films")
        nations = [g for g in out.alternatives if {t for t, _ in g} <= {"country", "language"}]
        either = re.search(r"\b(?:or|either)\b", text, re.IGNORECASE) and not re.search(
            r"\b(?:and|&|both)\b", text, re.IGNORECASE)
        listed = not re.search(r"\b(?:co-?productions?|both|all of them|together)\b", text, re.IGNORECASE) and (
            len(nations) > 2 or re.search(r"\bor\b", text, re.IGNORECASE))
        singles = [tv for tv in out.accepted if tv[0] in ("country", "language")]
        if singles and nations and either:  # "a comedy in french or italian": either (it had asked for both)
            out.accepted = [tv for tv in out.accepted if tv not in singles]
            nations = [tuple(singles), *nations]
        if len(nations) > 1 and (either or listed):
            out.alternatives = [g for g in out.alternatives if g not in nations] + [
                tuple(dict.fromkeys(v for g in nations for v in g))]
        self._nation_of_a_person(out, text)
        together = re.search(r"\b(?:together|both|same film|same movie|in one film|in one movie)\b", text,
                             re.IGNORECASE)
        for role in ("cast", "director"):  # no film has them all, so any of them: "i'm into kieslowski, tarkovsky
            # and bergman", "the old pictures with jimmy stewart and john wayne" (not when said to be together)
            people = [tv for tv in out.accepted if tv[0] == role]
            if len(people) > 1 and not self._together(people) and not (role == "cast" and together):
                out.accepted = [tv for tv in out.accepted if tv not in people]
                out.alternatives.append(tuple(people))
        kinds = [tv for tv in out.accepted if tv[0] == "genre"]
        if len(kinds) == 2 and not out.alternatives and EITHER_FINE_RE.search(text):  # "i want a western, or maybe
            out.accepted = [tv for tv in out.accepted if tv not in kinds]  # a war film, either is fine"
            out.alternatives.append(tuple(kinds))
        for t in EXCLUSIVE_TYPES:  # "80s or 90s", "the 70s and 80s": a film has one decade, so either of them
            both = [tv for tv in out.accepted if tv[0] == t]
            if len(both) > 1:
                out.accepted = [tv for tv in out.accepted if tv not in both]
                out.alternatives.append(tuple(both))
        if out.pick is not None and out.pick[1] == "dislike" and not out.verdicts and SKIP_IT_RE.search(text) and not (
                out.accepted or out.rejected or out.alternatives):  # "number 3 is the remake i hated, skip it": that
            out.intents, out.wish = ["something_else"], ""  # card turned down, why said; others in its place
        if out.verdicts:  # "seen 1 and 3, 2 looks great": a pick and other films
            out.intents = sorted({"yes" if v == "like" else "something_else" for _, v in out.verdicts}) + (
                ["bye"] if "bye" in out.intents else [])
        elif out.pick is not None and out.pick[1] in ("why", "about"):  # "how is number 4 a comedy?? explain",
            # "is 1 in german?": its reasons or facts, no wish
            ask = text.find("?")  # ... unless a sentence after the question says what is not wanted ("why number
            rest = self.parse(text[ask + 1 :]) if out.pick[1] == "why" and 0 < ask < len(text.rstrip()) - 1 else None
            moved_on = self._after_question(text[: ask + 1], text[ask + 1 :]) if out.pick[1] == "about" and (
                0 < ask < len(text.rstrip()) - 1) else None  # "is the second one in english? my dad won't read
            if moved_on is not None:  # subtitles": English, the question moot
                return dataclasses.replace(moved_on, truncated=out.truncated)
            out.intents, out.accepted, out.rejected, out.alternatives, out.wish = [out.pick[1]], [], [], [], ""
            if rest is not None and rest.rejected and not rest.accepted:  # 3? i said nothing violent")
                out.rejected, out.soft = list(rest.rejected), list(rest.soft)
        elif out.pick is not None and out.pick[1] == "dislike" and out.dropped and not out.names_something_else(
                "dropped"):  # "number 3 looks grim, swap it": that card, not the kind of film
            out.dropped = []
            out.intents = ["something_else"]
        elif out.pick is not None and out.pick[1] == "dislike" and set(out.intents) & {"why", "undo", "any", "no"} \
                and not (re.search(r"\b(?:why|y|how come|explain|undo|whatever|any|no|nah|nope|nay)\b", text,
                                   re.IGNORECASE)):  # "she vetoed #1", "👎 #1": a verdict on that card
            out.intents = [i for i in out.intents if i not in ("why", "undo", "any", "no")]
        elif out.pick is not None and out.pick[1] == "seen" and set(tokens(out.wish)) <= OWNED_WORDS:
            out.wish, out.intents = "", [i for i in out.intents if i != "more"]  # "we own #2 already": seen
        elif out.pick is not None and out.pick[1] == "more":  # "something like the second one": more films
            out.intents = [i for i in out.intents if i not in ("something_else", "more")] + ["more"]
        elif out.pick is not None and out.pick[1] == "like":  # "the last one, lets do that": taking a film shown
            out.intents = [i for i in out.intents if i not in ("something_else", "more", "no", "yes", "why", "any",
                                                                "help")] + ["yes"]
        if out.liked or out.disliked or out.seen:  # "i liked the first austin powers the one with the fembots":
            out.unknown_titles = [u for u in out.unknown_titles  # the film named, described: no other film
                                  if not re.match(r"\s*the\s+one\s+(?:with|where|about)\b", u, re.IGNORECASE)]
        if out.wish or r.refused:
            self._unwished(r, out)
        return out

    def _unwished(self, r: _Reading, out: Parse) -> None:
        """The wish's words in a clause that opens with a refusal ("no superheroes", "not the
        muppets one", "nothing with talking animals") are what the person does not want: they
        become ``unwish`` (films like them are kept back), not words to search for; the wish
        keeps the rest ("no superheroes, something with dogs": dogs)."""
        if out.instead:  # "nah something chill": another wish, not a refusal
            return
        skip = ("but", "and", "just", "also", "though", "please", "pls")
        opens_refusing = lambda toks: next((t for t in toks if t not in skip), None) in REFUSALS
        # the refusal as typed, not as a slip was read ("notting hill" is no "nothing hill")
        typed = [tokens(r.text[c.spans[0][0]:c.spans[-1][1]]) if c.spans else c.toks for c in r.clauses]
        negated = {k for k, c in enumerate(r.clauses) if opens_refusing(c.toks) and opens_refusing(typed[k])}
        ends = {k: set(phrase) for k, c in enumerate(r.clauses) for phrase in [_refused_at_end(c.toks)] if phrase}
        negated |= set(ends)  # "films with too much talking are a no": a refusal said after the words
        plain = NO_WISH | GENERIC_FILM_WORDS | INTENSIFIERS  # ("nothing even slightly romantic": no romance)
        said = [(t, k) for t, k in zip(r.leftover, r.leftover_clause) if t not in plain | ends.get(k, set())]
        refused = list(r.refused) + [t for t, k in said if k in negated]
        if refused:
            out.unwish = " ".join(dict.fromkeys(refused))
            kept = [r.text[c.spans[0][0]:c.spans[-1][1]] for k, c in enumerate(r.clauses)
                    if k not in negated and c.spans]  # the wish, searched without the refusal
            if out.wish:
                out.wish = "" if all(k in negated for _, k in said) else ", ".join(kept)

    def _original_of_sequel(self, r: _Reading) -> tuple[int, int | None] | None:
        """(the first film of a series, the sequel named) when the message names a sequel
        ("lion king 2", known to the catalog or not) and then "the first one" / "the original":
        not the first card. None otherwise."""
        if not re.search(r"\bthe (?:first|original|1st)(?: one| film| movie)?\b", r.text, re.IGNORECASE):
            return None
        for m in r.mentions:
            words = tokens(m.text) if m.item is None else tokens(display_title(self.catalog.titles[m.item]))
            head = next((words[:e] for e in range(len(words) - 1, 0, -1) if tuple(words[:e]) in self.lex.titles),
                        None) if m.item is None else None
            if head:  # "top gun maverick was even better than the original": Top Gun, and a film the catalog lacks
                return int(self.lex.titles[tuple(head)][0]), None
            if len(words) > 1 and (words[-1].isdigit() or words[-1] in ROMAN):
                stem = words[:-2] if len(words) > 2 and words[-2] == "part" else words[:-1]  # "Part II"
                base = self._film_named(stem)
                if base is not None and base != m.item and base not in {x.item for x in r.mentions}:
                    return base, m.item  # (not "Grease 2 was awful, the original Grease is a classic")
        return None

    def _named_loosely(self, text: str) -> int | None:
        """The catalog film ``text`` names: exactly, typed loosely or by a part of its title."""
        words = [w for w in tokens(text) if w not in ("the", "film", "movie", "one")] or tokens(text)
        key = tuple(tokens(text))
        if key in self.lex.titles:
            return int(self.lex.titles[key][0])
        return self._film_of(words) if words else None

    def _film_of(self, words: list[str]) -> int | None:
        """The catalog film ``words`` (a phrase already read as a film's name) name: exactly, typed
        loosely (``_film_named``), else as one word or part of a title (``_title_part``)."""
        if tuple(words) in self.lex.titles:
            return int(self.lex.titles[tuple(words)][0])
        film = self._film_named(words)
        return int(film) if film is not None else self._title_part(" ".join(words), alone_ok=True)

    def _chosen_named(self, head: str) -> int | None:
        """The film the part of a goodbye before it chooses by name: its words less the choosing
        ones (``_choice_words``) name a catalog film ("ok casper", "stargate i watch", "Fine. The
        Shining it is", "i watch cyrano"); None otherwise."""
        words = _choice_words(head)
        return self._film_of(words) if words and len(words) <= 8 else None

    def _praised_people(self, r: _Reading) -> set[int]:
        """People named in a clause that only praises them ("jeunet is a genius", "jim carrey at
        his best"), after a clause naming films: the praise is of those films, no wish for more
        of the people (taken out of the parse). Returns those clauses."""
        named, praising = {m.clause for m in r.mentions}, set()
        for k, c in enumerate(r.clauses):  # (a surname several share, "newman", is no wish either)
            rest = [t for t in self._unnamed(c, r.used).toks if t in VERDICT_VOCABULARY or t not in self._last_names]
            if k in named or k - 1 not in named or not _verdict(rest) or not set(rest) & (POSITIVE | PRAISE):
                continue
            words = set(c.toks) - set(rest)
            people = [tv for tv in r.out.accepted if tv[0] in PERSON_TYPES
                      and set(tokens_of(tv[1])) & words]
            if not people:  # "top gun and dirty dancing, 80s perfection": an era (a kind) praised, no wish either
                said = set(self.parse(r.text[c.spans[0][0] : c.spans[-1][1]]).accepted)
                people = [tv for tv in r.out.accepted if tv in said]
            r.out.accepted = [tv for tv in r.out.accepted if tv not in people]
            praising |= {k} if people else set()
        return praising

    def _than_the_film(self, out: Parse, toks: list[str], item: int) -> None:
        """"something like titanic but shorter": shorter (longer) than that film, not the short
        (long) band a bare "shorter" means: one constraint, the bands below (above) the film's."""
        said = [w for w in ("shorter", "longer") if w in toks and toks[toks.index(w) + 1:][:1] != ["than"]
                and toks[toks.index(w) - 1 : toks.index(w)] not in (["no"], ["any"])]  # not "any longer"
        band = self.catalog.values_of(item, "runtime")
        if len(said) != 1 or not band or band[0] not in RUNTIME_BANDS:
            return
        k = RUNTIME_BANDS.index(band[0])
        # at the edge already (Pulp Fiction, 154 minutes, "but longer"): the film's own band
        bands = (RUNTIME_BANDS[:k] or RUNTIME_BANDS[:1]) if said[0] == "shorter" else (RUNTIME_BANDS[k + 1:] or
                                                                                   RUNTIME_BANDS[-1:])
        group = [("runtime", b) for b in bands if self.catalog.find_value("runtime", b) is not None]
        out.accepted = [tv for tv in out.accepted if tv[0] != "runtime"]
        if len(group) == 1:
            out.accepted.append(group[0])
        elif group:
            out.alternatives.append(group)

    def _kind_of_the_film(self, out: Parse, toks: list[str], item: int) -> None:
        """"something like die hard but funnier", "like titanic but a comedy": a film of that
        film's kind with the genre asked for after "but", so one of its other genres (an action
        comedy), not any comedy."""
        if "but" not in toks or len(toks) - toks.index("but") - 1 > BUT_WORDS:
            return
        asked = {tv for tv in out.accepted if tv[0] == "genre"}
        kind = tuple(("genre", g) for g in self.catalog.values_of(item, "genre")
                     if ("genre", g) not in asked and ("genre", g) not in out.rejected)
        if asked and kind and kind not in out.alternatives:
            out.alternatives.append(kind)

    def _after_catalog(self, word: str) -> bool:
        """A year or decade after the catalog's last decade ("2005", "2010s")."""
        m = re.fullmatch(r"((?:19|20)\d\d)s?", word)
        if not m:
            return False
        decades = self.catalog.decades()
        return bool(decades) and f"{int(m.group(1)) // 10 * 10}s" > decades[-1]

    def _films_in(self, text: str, question: re.Match) -> list[int]:
        """The catalog films a question about films names ("who directed fargo", "what is heat
        about?", "tell me about Men in Black"): what is left of it once the question's words are
        taken out, as a title, else the films its reading finds."""
        if question.group("film"):  # "is apollo 13 long?": the film is inside the question
            rest = [t for t in tokens(question.group("film")) if t not in {"the", "film", "movie"}]
            key = tuple(rest)
            hit = self.lex.titles.get(key) or self.lex.titles.get(("the", *key))
            if hit and key not in self.lex.values:
                return [hit[0]]
            loose = self._film_named(rest) if rest and key not in self.lex.values else None
            loose = loose if loose is not None or not rest else self._title_part(" ".join(rest), alone_ok=True)
            if loose is not None:  # "is hunchback kinda dark?"
                return [int(loose)]
        rest = [t for t in tokens(text[: question.start()] + " " + text[question.end():])
                if t not in {"the", "one", "film", "movie", "is", "it", "that", "this", "was", "about", "of"}]
        words = tuple(t for t in tokens(question.group(0)) if t not in {"what", "whats", "is", "s", "about", "rated"})
        asks_of = question.group(0).lower().rstrip(" ?").endswith(("about", "rated"))  # "what is maverick rated?"
        for key in (tuple(rest), words if asks_of else ()):
            if key and key in self.lex.titles and key not in self.lex.values:
                return [self.lex.titles[key][0]]
        before = re.split(r"[.!?;]", text[: question.start()])
        chosen = self._chosen_named(before[-2] if len(before) > 1 and not before[-1].strip() else before[-1])
        if chosen is not None:  # "ok, the shining then. how long is it?"
            return [chosen]
        scratch = Parse()
        self._read(text, scratch)
        return list(dict.fromkeys(scratch.liked + scratch.disliked + scratch.seen + scratch.not_now))

    def _kinds_judged(self, text: str) -> str:
        """A kind of film judged in a clause of its own ("westerns are boring", "horror is too much
        for me", "the 14 year old thinks cartoons are babyish") is a kind not wanted: "no westerns"."""
        parts = re.split(r"([,.;!?]+)", text)
        for k, part in enumerate(parts):
            m = KIND_JUDGED_RE.match(part)
            if not m or not (m.group("verb") or m.group("adj").lower() in BAD_KIND_WORDS):
                continue
            said = self.parse(m.group("x"))
            values = said.named_values
            if values and all(t in ("genre", "decade") for t, _ in values) and not (  # ("old movies bore me")
                    said.rejected or said.liked or said.disliked or said.seen or said.unknown_titles or said.wish):
                parts[k] = f" no {m.group('x')}{part[m.end():]}"  # (who thinks so is no wish)
        return "".join(parts)

    def _sarcastic(self, text: str, truncated: bool) -> Parse | None:
        """A message with a plain mark of sarcasm (an eye-roll, "said no one ever", "/s"): what the
        words before the mark praise or ask for is what the person does not want ("oh great,
        another tom hanks film 🙄": no Tom Hanks; "the postman was three hours of my life well
        spent, said no one ever": disliked), and a request there asks for nothing ("oh yes, please
        show me more war films, i just adore them 🙄"); mockery of the chat adds nothing; what
        follows the mark is read as usual ("🙄 m*a*s*h on the other hand, actual comedy genius").
        None when there is no mark."""
        marks = list(SARCASM_RE.finditer(text))
        if not marks:
            return None
        out, start = Parse(truncated=truncated), 0
        for m in marks:
            said = text[start : m.start()]
            mocked = self.parse(said) if tokens(said) else Parse()
            out.disliked += mocked.liked + mocked.disliked  # (a film mocked is disliked, whatever the words)
            review = re.match(r"\s*(?:oh\s+(?:yeah|sure|wow|great)[\s,]+)?(?P<film>.+?)\s+(?:was|is|were)\b", said,
                              re.IGNORECASE)  # "the postman was three hours of my life well spent": that film
            film = self._film_named(tokens(review.group("film"))) if review and not mocked.names_something else None
            if film is not None:
                out.disliked.append(int(film))
            named = mocked.accepted + mocked.rejected + [v for g in mocked.alternatives for v in g]
            out.rejected += [tv for tv in named if tv not in out.rejected]
            out.seen += mocked.seen
            if mocked.wish and film is None and not mocked.names_something and not set(tokens(said)) & {
                    "you", "u", "ya", "your", "i", "im", "me", "it", "bot", "was", "is", "were", "had", "have", "day"}:
                # "wow, sequels, so original 🙄": films
                # like those words (not mockery of the chat: "oh i'm sure you'll nail it first time 🙄")
                kept = [t for t in tokens(said) if t not in WISHLESS | STOPWORDS | POSITIVE | PRAISE | INTERJECTIONS
                        | {"wow", "original", "another", "more", "again", "yay", "yes", "oh", "sure", "great"}]
                out.unwish = ", ".join(filter(None, [out.unwish, " ".join(kept)]))  # words kept away from
            start = m.end()
        rest = self.parse(text[start:]) if tokens(text[start:]) else Parse()
        out.rejected = [tv for tv in out.rejected if tv not in rest.accepted] + [
            tv for tv in rest.rejected if tv not in out.rejected]
        out.disliked = [i for i in out.disliked if i not in rest.liked] + [i for i in rest.disliked
                                                                           if i not in out.disliked]
        for name in ("accepted", "alternatives", "dropped", "liked", "not_now", "unknown_titles"):
            setattr(out, name, list(getattr(rest, name)))
        out.intents = list(rest.intents) if rest.names_something or set(rest.intents) - {"any"} else []  # ("enough
        # of him" after the mark is no "I don't mind")
        out.seen = list(dict.fromkeys(out.seen + rest.seen))
        out.wish, out.pick, out.places, out.verdicts = rest.wish, rest.pick, rest.places, rest.verdicts
        return out

    def _after_question(self, question: str, rest: str) -> Parse | None:
        """What is said after a question about a card or a film, when it says more than why the
        question was asked: the question is then moot ("who's in the second one? actually, anything
        with halle berry would do": Halle Berry; "is 20,000 leagues under the sea any good? i adored
        the apple dumpling gang": that film liked; "how long is number 2? we've only got an hour and
        a half": under 90 minutes). "it" after a question about one film is that film ("how long is
        executive decision? i remember loving it"), or the card asked about ("is 3 the one with the
        talking pig? sounds fun, let's watch it"). None when the rest only gives the reason ("is ET
        scary? my little one gets scared easy") or asks another question."""
        words = set(tokens(rest))
        if "?" in rest or not words:  # (another question: "what is maverick rated? PG?")
            return None
        after = self.parse(rest)
        verdict = words & (POSITIVE | NEGATIVE | {"loving", "loved", "hating", "hated"})
        judged = bool(words & IT_WORDS and verdict) and not after.names_something  # "really liked it"
        if judged or after.intents == ["more"] and words & IT_WORDS and not after.names_something and not (
                REQUEST_OPENER.match(rest) or words & {"show", "more"}):
            asked = self.parse(question)
            if asked.pick is not None and not (judged and words & NEGATIVE):  # "sounds fun, let's watch it"
                return Parse(intents=["yes"], pick=(asked.pick[0], "like"), places=[asked.pick[0]])
            if not judged or len(asked.about) != 1:
                return None
            liked = not words & (NEGATIVE | {"hating", "hated"})  # "how long is executive decision? i remember
            return Parse(liked=list(asked.about)) if liked else Parse(disliked=list(asked.about))  # loving it"
        if after.for_child and not words & (REQUEST_CUES | NEGATORS):  # "is toy story scary? my kid is 5": why
            return None  # it is asked
        if after.names_something or after.pick is not None or set(after.intents) & {
                "more", "yes", "no", "restart", "undo", "something_else", "any"}:
            return after
        return None

    def _corrected(self, text: str, truncated: bool) -> Parse | None:
        """"a comedy, no wait, a thriller", "from the 80s... no, 90s", "with jack nicholson... sorry i
        meant gene hackman": what is said after the slip replaces what it names again of the same
        kind; None when there is no such slip (the message is read as usual)."""
        m = CORRECTION_RE.search(text)
        if not m or not text[: m.start()].strip() or not text[m.end():].strip():
            return None
        before, after = self.parse(text[: m.start()]), self.parse(text[m.end():])
        kind = lambda t: "person" if t in PERSON_TYPES else t  # noqa: E731
        said = {kind(t) for t, _ in after.named_values}
        earlier = {kind(t) for t, _ in before.named_values}
        if not said & earlier:
            return None
        after.accepted = [tv for tv in before.accepted if kind(tv[0]) not in said] + after.accepted
        after.alternatives = [g for g in before.alternatives if not {kind(t) for t, _ in g} & said] + after.alternatives
        after.rejected = before.rejected + [tv for tv in after.rejected if tv not in before.rejected]
        after.liked, after.disliked, after.seen = (before.liked + after.liked, before.disliked + after.disliked,
                                                   before.seen + after.seen)
        after.instead = after.instead or bool(re.search(r"\b(?:actually|make)\b", m.group(0), re.IGNORECASE))
        after.intents = list(dict.fromkeys(before.intents + after.intents))
        after.truncated = truncated
        return after

    def _year_title(self, m: re.Match) -> str:
        """"is 2001 here?" -> "is 2001: A Space Odyssey here?" when one catalog title is that year."""
        year = m.group("y")
        titles = [t for t in self.catalog.titles if re.match(rf"{year}\b(?!\s*\()", t)]
        return f"{m.group('ask')} {titles[0]}" if len(titles) == 1 else m.group(0)

    def _nation_of_a_person(self, out: Parse, text: str) -> None:
        """"anything by jim sheridan? the irish director", "gerard depardieu, the french actor": the
        nationality says who the person named is, not where the film is from. Dropped when a
        person is named and the word stands before a word for one (a film is still "an irish film
        with liam neeson")."""
        people = [tv for tv in out.accepted + out.rejected if tv[0] in PERSON_TYPES]
        if not people:
            return
        said_of_people = Counter(m.group("nation").lower() for m in NATION_OF_PERSON_RE.finditer(text))
        for word, times in said_of_people.items():
            if len(re.findall(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)) > times:
                continue  # "a french film with gerard depardieu, the french actor": the film's too
            countries, languages = PERSON_NATIONS[word]
            said = {("country", c) for c in countries} | {("language", v) for v in languages}
            if said:
                out.accepted = [tv for tv in out.accepted if tv not in said]
                out.alternatives = [g for g in out.alternatives if not set(g) <= said]

    def _together(self, values: list[Value]) -> bool:
        """Whether some film of the catalog has all of ``values``."""
        cat = self.catalog
        rows = [cat.find_value(*tv) for tv in values]
        if any(v is None for v in rows):
            return False
        return bool((cat.item_attr[:, rows].sum(axis=1) == len(rows)).any())

    @staticmethod
    def _reason(r: _Reading, c: _Clause) -> bool:
        """A clause about the person, not the film, beside one that named what they want: it
        opens with a subject or "because" ("i scare easily", "they're getting restless", "cos
        we're off to the beach tomorrow"), names nothing and says nothing a film could be. Also
        "the longer the better" after the length it stresses: its words are said."""
        if len(c.toks) == 4 and c.toks[0] == c.toks[2] == "the" and c.toks[3] == "better":
            return True
        if not c.toks or c.toks[0] not in REASON_OPENERS or set(c.toks) & WISH_MARKERS:
            return False
        start, end = c.spans[0][0], c.spans[-1][1]
        return not any(start <= a < end for a, _ in r.used)

    @staticmethod
    def _pick(text: str) -> tuple[int, str] | None:
        """A film of the list named by its place, and what the person says of it: "the second one
        sounds good" (like), "i didnt like the second one" / "not the third film" (dislike), "seen the
        first one" (seen), "more
        like the third one" (more), "why the first one" (why). None when no place is named or
        nothing is said of it ("the first one was released when?")."""
        bare = re.match(r"\s*(?:why|y|how come)\s+(?:(?:did\s+)?(?:you|u)\s+(?:pick|choose|chose|suggest|"
                        r"recommend)\s+|(?:is|was|'s)\s+)?(?:the\s+|number\s+|#)?([1-9])(?:\s+(?:on\s+)?(?:there|here|"
                        r"(?:on|in)\s+(?:the|this|my)\s+list))?\s*[?.!]*\s*$", text, re.IGNORECASE)  # ("why is 3 on
        # there?")
        if bare:  # "why 2?": the second card's explanation (found by a fifth helper: it explained the first)
            return int(bare.group(1)) - 1, "why"
        yes = PLACE_YES.match(text)
        if yes:  # "ya 2", "2 yes": that card
            return int(yes.group("a") or yes.group("b")) - 1, "like"
        like = re.match(r"\s*(?:more|something|anything|others?|films?|movies?)\s+(?:like|similar to)\s+"
                        r"(?:number\s+|no\.?\s*|#)?([1-5])\s*(?:pls|please|plz)?\s*[.!?]*\s*$", text, re.IGNORECASE)
        if like:  # "more like 3" (found in the browser: it was "any")
            return int(like.group(1)) - 1, "more"
        places = Parser._places(text)
        m = places[1] if places else (CARD_REF.search(text) or CARD_REF_BARE.search(text)
                                      or CARD_REF_SAYS.search(text) or CARD_DIGIT_SAYS.match(text)
                                      or CARD_DIGIT_ASKED.search(text) or CARD_DIGIT_TAKEN.search(text)
                                      or CARD_PLACE_ASKED.search(text))
        if not m:
            return None
        digits = [g for g in m.groups()[1:] if g and g.isdigit()] if not places else []
        place = places[0][0] if places else PLACES[m.group(1).lower()] if m.group(1) else int(digits[0]) - 1
        before, after = text[: m.start()].lower(), text[m.end():].lower()
        before = re.sub(r"^\s*(?:(?:wait|hmm+|oh|ooh|um+|uh+|hey|so|also|quick question)\b[\s,.!:-]*)+", "", before)
        # ("wait is #1 gory??": a question about it, as "is #1 gory?")
        lead = before + " " + text[m.start():m.end()].lower()  # with the words matched: "ill take 3", "is 1 ..."
        cut = re.search(r"[,;.!?]|\bbut\b", after)
        own, rest = (after[: cut.start()], after[cut.end():]) if cut else (after, "")
        if re.search(r"\b(?:" + _PLACE + r"|[1-5])\b", rest, re.IGNORECASE):  # another card named after it:
            after = own  # its own clause says what of it ("the first two look good, the third not so much")
        elif cut and cut.group(0) != "but" and set(tokens(own)) & (POSITIVE | PRAISE | NEGATIVE | COMPLAINTS) and \
                re.match(r"\s*(?:and|also|plus|can|could|would|will|oh|btw)\b", rest, re.IGNORECASE):
            after = own  # a verdict, then a request: "1 looks great, and can you find ones with bette davis too"
        after_words = set(tokens(after))
        if re.search(r"\bwhy\b|^\s*how (?:is|come)\b|\bwhat makes\b|\bhow come\b|\bexplain\b",
                     lead.strip()) or re.search(
                r"\bexplain\b|^\W*why\b", after):  # "the 2nd one, why that?"
            return place, "why"  # "why the first one", "how is number 4 a comedy?? explain": its explanation
        if re.match(r"\s*(?:is|was|does|did|has)\b", lead):
            return place, "about"  # "is the last one in color?": a question about it
        if re.match(r"\s*(?:is|was|'s)\s+(?:really\s+|actually\s+|even\s+|not\s+)?(?:from|in|a|an|set|made|based|"
                    r"rated|for|with|by|spanish|french|german|italian|english|american|british|japanese)\b[^.!,;?]*\?",
                    after):
            return place, "about"  # "number 2 is from germany? i think is french film no?": a fact doubted
        if re.search(r"\b(?:who|what|when|which|how)\b|\btell me\b|\babout\s*$", lead) or "about" in after_words or (
                FACT_QUESTION.search(text) or VALUE_QUESTION.search(text)):
            return place, "about"  # "who directed the first one?", "the third one, is it long?": its facts
        if CARD_MORE.search(before) or re.search(r"\bmore (?:like|of) (?:that|this|it)\b|\bmore (?:in|along) (?:that|"
                                                 r"this|the same|those) (?:lane|vein|register|direction|style|mou?ld|"
                                                 r"spirit|line|lines)\b", after):
            return place, "more"  # "number 3 is the vibe, more like that", "2 ate, need more in that lane"
        if after_words & SEEN or set(tokens(before)) & SEEN or (
                re.search(r"\b(?:own|got)\b", before)
                or re.search(r"\b(?:we|i)\s+(?:already\s+)?have\s*$", before)) and (
                "already" in set(tokens(before)) | after_words):  # "the first one i saw already", "we own #2
            # already"
            return place, "seen"
        if after_words & {"swap", "replace", "change", "switch", "ditch", "bin", "lose"}:  # "number 3 looks grim,
            return place, "dislike"  # swap it": that card goes
        after_toks = tokens(after)
        if CARD_NOT.search(before) or after_words & (NEGATIVE | COMPLAINTS) or any(
                match_phrase(after_toks, j, REJECT_BEFORE | {("not", "for", "me")}) for j in range(len(after_toks))):
            return place, "dislike"  # "4 not for me"
        if re.match(r"\s*(?:is|was)\s+(?:it\s+)?(?:any\s+)?(?:good|great|ok|okay|worth (?:it|watching))\s*\?+\s*$",
                    after):  # "number 4 is good?": a question about it, not a like
            return place, "about"
        if re.search(r"\b(?:will|would|should|might|could)\s+(?:do|work)\b|\bworks for\b", after):
            return place, "like"  # "the second one will do nicely", "2 might work"
        if CHOOSE_RE.search(text):  # "ok number 2 it is", "ok bet im watchin #1", "i choose the fourth": taken
            return place, "like"
        if ORDINAL_PICK.match(text) or CARD_YES.search(lead) or after_words & (POSITIVE | PRAISE | {"please", "pls",
                                                                                                   "plz"}) or (
                TAKE_IT.search(after)) or (
                not tokens(before) and not after_words - {"sounds", "looks", "seems", "is", "please"}) or any(
                match_phrase(after_toks, j, REVIEW_LIKE) for j in range(len(after_toks))):  # "… looks fire"
            return place, "like"
        return None

    @staticmethod
    def _verdict_then_question(text: str) -> list[tuple[list[int], str]] | None:
        """A verdict on cards, then a question about another card in a sentence of its own
        ("seen the first two. how long is #3?", "loved 1! is number 4 scary?"): both, as
        ``verdicts``; None otherwise (the question was read as about the cards judged)."""
        sentences = _last_sentence_apart(text)
        if len(sentences) < 2:
            return None
        head = " ".join(sentences[:-1])
        last, said = Parser._pick(sentences[-1]), Parser._pick(head)
        several = Parser._verdicts(head) if last is not None and last[1] in ("about", "why") else []
        if several:  # "1 and 2 seen, 3 looks boring, tell me about 5": each verdict, then the question
            return several + [([last[0]], last[1])] if last[0] not in {p for ps, _ in several for p in ps} else None
        alone = VERB_PLACE.match(head) if said is None else None
        if alone:  # "seen 1. how long is #3?"
            said = Parser._pick(f"{alone.group(1)} number {alone.group(2)}")
        if last is None or last[1] not in ("about", "why") or said is None or said[1] not in ("like", "dislike",
                                                                                                "seen"):
            return None
        many = Parser._places(head)
        judged = many[0] if many else [said[0]]
        return [(judged, said[1]), ([last[0]], last[1])] if last[0] not in judged else None

    def _verdict_then_film_question(self, text: str) -> Parse | None:
        """A verdict on cards, then a question about a film named in a sentence of its own ("seen 1.
        why is ghost a comedy lol", "loved 2, who directed fargo?"): the verdict as ``verdicts`` and
        the question as its intent and ``about``; None otherwise."""
        sentences = _last_sentence_apart(text) if len(text) <= APART_CHARS else []
        if len(sentences) < 2 or not CARD_PLACE_WORD.search(" ".join(sentences[:-1])):
            return None  # (no card named before it: no verdict on one, and no two parses of every long message)
        head, last = self.parse(" ".join(sentences[:-1])), self.parse(sentences[-1])
        if head.pick is None or head.pick[1] not in ("like", "dislike", "seen") or head.names_something or (
                len(last.about) != 1 or not last.intents or set(last.intents) - {"why", "about"} or last.pick
                or last.verdicts or last.names_something):
            return None
        verdicts = head.verdicts or [(head.places or [head.pick[0]], head.pick[1])]
        return Parse(verdicts=verdicts, intents=list(last.intents), about=list(last.about), asked=list(last.asked))

    @staticmethod
    def _verdicts(text: str) -> list[tuple[list[int], str]]:
        """Verdicts on places of the list, one per clause ("seen 1 and 3, 2 looks great", "loved
        the first one but not the third", "the 4th one I've seen, the 1st one too"); empty unless
        there are two or more that differ in verdict or in the places they name."""
        out, unseen = [], None
        for clause in re.split(r"\s*[,;.!?]\s*(?:but\s+)?|\s+but\s+", text):  # (", but 2 looks good")
            nobody = UNSEEN_BY_ALL.search(clause)
            if nobody:  # "but nobody's seen 1, let's do that": the film none has seen, chosen after
                unseen = int(nobody.group("n")) - 1
                continue
            if unseen is not None and out and LETS_DO_THAT.fullmatch(clause):
                out.append(([unseen], "like"))
                unseen = None
                continue
            then = PLACE_THEN.fullmatch(clause) if out else None
            if then:  # "he's seen 1, i've seen 3, so 2 then": that card, chosen
                out.append(([int(then.group("n")) - 1], "like"))
                continue
            pick = Parser._pick(clause) if clause.strip() else None
            if out and CARD_TOO.match(clause) and pick is not None:  # "the 4th one I've seen, the 1st one too"
                pick = (pick[0], out[-1][1])
            if out and re.fullmatch(r"\s*(?:#|no\.\s*|number\s+)?[1-5](?:\s*(?:and|&|\+)\s*(?:#|number\s+)?[1-5])*\s*",
                                    clause):  # "seen 1, 2 and 4": more places of the verdict before
                out[-1] = (out[-1][0] + [int(d) - 1 for d in re.findall(r"[1-5]", clause)], out[-1][1])
                continue
            if pick is None and out and BARE_PLACE.match(clause):  # "…, 2 looks great": a bare digit after a place
                pick = Parser._pick("number " + clause.strip())
            if pick is None and out and REST_NO.match(clause):  # "..., the rest nah": every other card
                named = {p for ps, _ in out for p in ps}
                out.append(([p for p in range(5) if p not in named], "dislike"))
                continue
            verb = VERB_PLACE.match(clause) if pick is None else None
            if verb:  # "loved 2, not 4, seen 5": a verdict, then a place
                pick = Parser._pick(f"{verb.group(1)} number {verb.group(2)}")
            if pick is not None and pick[1] in ("like", "dislike", "seen"):
                many = Parser._places(clause)
                out.append((many[0] if many else [pick[0]], pick[1]))
        return out if len(out) > 1 and (len({v for _, v in out}) > 1 or len({p for ps, _ in out for p in ps}) > len(
            out[0][0])) else []

    @staticmethod
    def _places(text: str) -> tuple[list[int], re.Match] | None:
        """Several films of the list named at once ("the first two", "the 1st and 3rd", "2 and 4"):
        their places in order, and the match; None when fewer than two are named."""
        def said_of(m: re.Match) -> bool:  # the rest of its clause says something of the films named
            rest = tokens(re.split(r"[.!?;,]", text[m.end():], maxsplit=1)[0])
            return set(rest) <= AFTER_PLACES | POSITIVE | NEGATIVE | SEEN | PRAISE | COMPLAINTS

        m = CARD_SPAN.search(text)
        if m and said_of(m):
            n = COUNT_WORDS[m.group(2).lower()]
            return (list(range(n)) if m.group(1).lower() != "last" else list(range(-n, 0))), m
        m = CARD_LIST.search(text)
        if not m or not said_of(m):
            return None
        named = re.findall(r"\b(" + _PLACE + r"|[1-5])\b", m.group(0), re.IGNORECASE)
        places = list(dict.fromkeys(int(w) - 1 if w.isdigit() else PLACES[w.lower()] for w in named))
        return (places, m) if len(places) > 1 else None

    def frame(self, text: str) -> str:
        """``text`` without the values and films it names: "just show me some comedies" -> "just show me some"."""
        text, _ = clean(text)
        return " ".join("".join(_outside(text, self._read(text, Parse()).used)).split())

    def _read(self, text: str, out: Parse) -> _Reading:
        low = text.lower()
        keep = [(j, j + len(t)) for t in self._punctuated for j in _find_all(low, t)]
        keep += [m.span() for m in re.finditer(r"\b(?:[a-z]\.){2,}", low)]  # "E.T.", "L.A.": no full stops
        clauses = _split_clauses(text, keep)
        for c in clauses:
            c.toks = self._correct(c.toks)
        talks = any(t in POSITIVE | NEGATIVE | SEEN for c in clauses for t in c.toks) or any(
            match_phrase(c.toks, i, LIKE_TRIGGERS | DISLIKE_TRIGGERS | REVIEW_LIKE)  # "the speed one looks fire"
            for c in clauses for i in range(len(c.toks))) or any(  # "titanic vibes", not "90s-ish"
            t in SIMILAR_AFTER and i and not c.toks[i - 1][:1].isdigit() for c in clauses for i, t in enumerate(c.toks))
        r = _Reading(text, out, clauses, talks, lone=self._lone_names(clauses))
        r.talks_of_films = r.talks_of_films or bool(r.lone)
        title_mood = None  # like / dislike carried from an earlier clause that named a title
        for k, clause in enumerate(clauses):
            if clause.toks[:2] in (["what", "about"], ["how", "about"]):
                title_mood = None  # "i did not like contact. what about dr strangelove": a new film proposed
            title_mood = self._clause(r, k, clause, title_mood)
        self._resolve_titles(r)
        if CHOOSE_RE.search(text):  # "Sleeper is Woody Allen ... - we'll take Sleeper": the film chosen is liked,
            out.disliked = [i for i in out.disliked if i not in out.liked]  # whatever a clause near its other
            # mention said ("Mars Attacks is too silly")
            self._unchosen(text, out)
        return r

    def _unchosen(self, text: str, out: Parse) -> None:
        """"heat or fargo? imma go with fargo": the films of a choice asked of oneself, in a question
        of its own before the choice, are no likes but the one chosen."""
        sentences = [s for s in re.split(r"(?<=\?)\s*", text) if s.strip()]
        asked = [m for s in sentences[:-1] if s.rstrip().endswith("?") and (m := CHOICE_RE.match(s))]
        if not asked:
            return
        rest = " ".join(s for s in sentences if not s.rstrip().endswith("?"))
        chosen = set(self.parse(rest).liked) if rest.strip() else set()
        if not chosen:
            return
        weighed = {self._film_named(tokens(m.group(part))) for m in asked for part in ("a", "b")}
        out.liked = [i for i in out.liked if i in chosen or i not in weighed]

    def _film_asked_last(self, text: str) -> Parse | None:
        """A film asked after in a last sentence of its name alone ("sphere looks dumb. twelve monkeys?", "smart
        ones like gattaca pls. twelve monkeys?"): it is shown, with no verdict, and the sentences before are read
        as they would be alone (round thirty-one: it had been liked or disliked with the film before it)."""
        sentences = _sentences(text)
        if len(sentences) < 2:
            return None
        last = re.sub(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?=\S.*\?\s*$)", "", sentences[-1], flags=re.IGNORECASE)
        if not FILM_ASKED_RE.match(last):  # ("... gattaca looks good. what about twelve monkeys?": it too)
            return None
        film = self._film_asked_for(last)
        if film is None or film < 0:
            return None
        out = self.parse(" ".join(sentences[:-1]))
        if out.show_film is not None or out.intents or out.pick is not None:
            return None
        for films in (out.liked, out.disliked, out.seen, out.not_now):
            films[:] = [i for i in films if i != film]
        out.show_film = film
        return out

    def _film_asked_for(self, text: str) -> int | None:
        """The one film ``text`` asks to see by name ("can you show me back to the future?", "aladdin
        pls", "but where is titanic?"): its catalog index, -1 for "please show me it" (the film the
        talk is on), None when the words are no film's name (a kind of film, a person, "more")."""
        m = SHOW_FILM_RE.match(text) or FILM_PLEASE_RE.match(text) or WHERE_FILM_RE.match(text) or \
            FILM_ASKED_RE.match(text)
        if not m:
            return None
        words = [w for w in tokens(m.group("film")) if w not in ("again", "then", "now", "tonight")]
        if words in (["it"], ["that"], ["that", "one"], ["this", "one"]) and m.re is SHOW_FILM_RE:
            return -1
        if not words or set(words) & (FILLERS | GENERIC_FILM_WORDS | PRONOUNS | {"some", "me", "more", "else", "other",
                                                                                "others", "similar", "like"}):
            return None
        if tuple(words) in self.lex.values or tuple(words) in self.lex.persons or tuple(words) in self.lex.groups:
            return None  # "show me comedies", "tom hanks pls": a wish
        if m.re is FILM_ASKED_RE and len(m.group("marks")) == 1:  # "twelve monkeys?": a title as it is, not words
            bare = tuple(words[1:]) if words[0] in ("the", "a", "an") else tuple(words)  # near one ("set in space?"
            if not (tuple(words) in self.lex.titles or bare in self.lex.titles or bare in self._nicknames):  # is
                return None  # not *Lost in Space*)
        film = self._film_named(words)
        return int(film) if film is not None else None

    def _half_name(self, text: str) -> str | None:
        """The first name of a person half remembered ("ewan something"): a first name people of
        the catalog go by, before "something" (not "show me something"); None when none."""
        return next((m.group("first").lower() for m in HALF_NAME_RE.finditer(text)
                     if m.group("first").lower() in self._first_words), None)

    def _half_remembered(self, first: str, text: str) -> tuple[Value, set[int]] | None:
        """A person remembered by first name and a film or series they were in ("the guy from
        trainspotting, ewan something"; "that bald actor from the star trek films, patrick
        something"): ((cast, name), the films that said who) when one person of that first name
        is in those films, or, with no film named, when the first name alone is far better known
        for one star (``Lexicon.first_names``). None otherwise."""
        if "_display_words" not in self.__dict__:  # each title's words, as displayed (built once)
            self._display_words = [tokens(display_title(title)) for title in self.catalog.titles]
        films: set[int] = set()
        for m in HALF_CLUE_RE.finditer(text):
            words = [w for w in tokens(m.group("film")) if w not in TITLE_ARTICLES]
            n = len(words)
            if words:
                films |= {i for i, title in enumerate(self._display_words)
                          if any(title[j : j + n] == words for j in range(len(title) - n + 1))}
        people = {name for i in films for name in self.catalog.values_of(i, "cast")
                  if tokens(name)[:1] == [first]}
        if len(people) == 1:
            return ("cast", people.pop()), films
        if not films and (first,) in self.lex.first_names:
            return self.lex.first_names[(first,)], set()
        return None

    def _lone_names(self, clauses: list[_Clause]) -> set[int]:
        """The clauses made only of a name that the clause after them judges or says was seen,
        pointing back at it ("gremlins!! loved it as a kid", "thelma and louise, what an ending",
        "oppenheimer and barbie, saw both on the same day"): the name is a film's, in the catalog
        or not, typed in lower case and in ordinary words alike."""
        lone = set()
        for k, (c, after) in enumerate(zip(clauses, clauses[1:])):
            toks = c.toks
            content = [t for t in toks if t not in STOPWORDS]
            if (not 1 <= len(toks) <= 6 or toks[0] in NOT_TITLE_START or after.toks[:1] == ["but"] or not content
                    or set(content) <= CLOSED_WORDS | FILM_PARTS | PRAISE or set(toks) & (
                        SEEN | POSITIVE | NEGATIVE | PRONOUNS | PEOPLE_WORDS | REVIEW_VERBS | TITLE_END | INTERJECTIONS
                        | WISHLESS | FILLERS | GENERIC_FILM_WORDS | POLITE)
                    or PLACE_ONLY.match(" ".join(toks))):
                continue  # (not "cinema paradiso made me ugly cry, ...": a verdict of its own)
            if tuple(toks) not in self.lex.titles and any(
                    p in self.lex.values or p in self.lex.persons or p in self.lex.titles or p in self._nicknames
                    for p in (tuple(toks[i:j]) for i in range(len(toks)) for j in range(i + 1, len(toks) + 1))):
                continue  # "comedy!! loved it": a kind of film; "spinal tap goes to 11 lol, love it": a film and
                # more words
            marks = self._clause_marks(after)  # the judging words open the clause: "loved it", "saw both"
            opens = set(after.toks[:1]) & (POSITIVE | NEGATIVE | SEEN | PRAISE) or match_phrase(
                after.toks, 0, LIKE_TRIGGERS | DISLIKE_TRIGGERS)
            alone = 0 < len(after.toks) <= 3 and set(after.toks) <= POSITIVE | NEGATIVE | PRAISE | {
                "love", "loved", "so", "much", "very", "really"}  # "notting hill 😍" ("notting hill love,")
            if marks["refers"] and opens or alone or after.toks[:2] in (["what", "a"], ["what", "an"]):
                lone.add(k)
        return lone

    def _intent(self, r: _Reading) -> None:
        """Intents of the message's frame, by the encoder's reader."""
        out = r.out
        words = {t for c in r.clauses for t in c.toks}
        others = _anywhere(r.clauses, OTHERS) or any(c.toks in (["next"], ["next", "pls"]) for c in r.clauses[1:])
        if (words & SEEN and ((not out.names_something and words & PRONOUNS) or (others and out.seen)
                              or SEEN_ALL_RE.search(r.text))  # "seen all of these, can we try something australian"
                or others and out.disliked and not out.accepted):  # "ugh I hated Titanic, next one"
            out.intents[:] = ["something_else"]  # "I've seen that one", "seen fargo and heat, others?"
            seen_at = next((k for k, c in enumerate(r.clauses) if SEEN_ALL_RE.search(" ".join(c.toks))), None)
            rest = [t for t, k in zip(r.leftover, r.leftover_clause)
                    if seen_at is not None and k > seen_at and t not in NO_WISH | SEEN | PRONOUNS]
            out.wish = " ".join(rest)  # "seen all of these a million times, anything with animals?": others, and
            return  # what they should be
        if not (out.names_something or out.intents or out.pick) and _praise_only(words):
            out.praise, out.wish = True, ""  # "these look great", "ngl thats fire": said of the films, asks nothing
            return
        if not (out.names_something or out.intents or out.pick) and GOOD_FILM_RE.match(r.text):
            out.intents.append("more")  # "a good film for tonight": films now
            out.wish = ""
            return
        if self.reader is None or {"more", "something_else"} & set(out.intents):
            return
        text = WONT_SCARE_RE.sub(" ", r.text)  # (read as values already: "... that won't scare a toddler")
        framed = self.frame(text) if out.names_something else text.strip()
        words = set(tokens(framed)) - POLITE
        if _anywhere(r.clauses, {("no", "more"), ("any", "more"), ("anymore",), ("more", "times"), ("more", "than")}):
            words.discard("more")  # "no more thrillers" asks for none, not for more
        if _anywhere(r.clauses, {(w, "more") for w in ("with", "bit", "little", "lot", "much", "way", "even", "abit")}):
            words.discard("more")  # "something with more formal rigour", "a bit more modern": more of a quality
        if _anywhere(r.clauses, {(w, "got") for w in ("we", "weve", "i", "ive", "they", "theyve", "she", "shes", "he",
                                                      "hes")}):
            words.discard("got")  # "we've got a dinner reservation at 9": said of the person, asks for nothing
        if _anywhere(r.clauses, {("throw", "in"), ("toss", "in")}):
            words -= {"throw", "toss"}  # "throw in some romance" adds a wish
        if RATING_RE.search(r.text):
            words.discard("give")  # "I'd give Chinatown a 10/10" rates a film
        only_refused = out.rejected and not (out.accepted or out.alternatives or out.liked or out.pick or out.intents)
        if only_refused and words & ANY_CUES and not re.search(r"\bcare\s+(?:for|about)\b", framed) \
                and self.reader.label(framed) == "any":  # "whatever you think, just nothing with tim curry" (not "I
            # do not care for violence": a dislike)
            out.intents.append("any")
            return
        if not words or (out.names_something and not words & REQUEST_WORDS):
            return  # a frame around what the message names asks for films only with a request word
        label = self.reader.label(framed)
        if (label is None or label == "help" and out.names_something) and (REQUEST_OPENER.match(framed)
                                                                           or REQUEST_TAIL.search(framed)):
            # "show me something fun for tonight", "pull up some stuff with goldie hawn"
            label = "more"
        if label in ("something_else", "why") and not others and REQUEST_OPENER.match(framed) and not words & {
                "why", "explain", "reason", "else", "other", "others", "different", "instead", "new"}:
            label = "more"  # "show me some criterion-core stuff": a word the reader never met, and still a request
        if label in ("any", "help") and _anywhere(r.clauses, SHOW_ME_NOW) or (
                label == "something_else" and not others and _anywhere(r.clauses, SHOW_ME_NOW)
                and not out.names_something and not words & NEGATORS):  # ("oh please, do ask me another question.
            # or just show me the films"); "whatever you think is best, show me",
            label = "more"  # "right. results please": no preference, and films now
        if label in ("any", "more") and EASY_WATCH_RE.search(framed) and not (
                _anywhere(r.clauses, SHOW_ME_NOW) or REQUEST_OPENER.match(framed)):
            label = None  # "i'm knackered, something easy": a mood (light viewing), not "I'm easy" nor a request
        if label == "more" and (NEGATED_WISH_RE.match(framed) or _refused_at_end(tokens(framed))) and not _anywhere(
                r.clauses, SHOW_ME_NOW):
            label = None  # "nothing mainstream please, no blockbusters": what not to show, no request for films now
        if label == "more" and others and not out.names_something:  # "show me something different"
            label = "something_else"
        if (out.names_something and label in ("something_else", "any") and not out.instead and not others
                and not words & NEGATORS and not framed.lower().startswith(("what about", "how about"))):
            # a request around what the message names asks for those films: not for other films
            # (it names no "else", "other", "next") and not "no preference" (it names one)
            label = "more"
        if label == "more":
            out.intents[:] = [i for i in out.intents if i not in ("yes",)] + ["more"]
            said = [t for t, k in zip(r.leftover, r.leftover_clause) if not self._reason(r, r.clauses[k])]
            if all(t in self._show_words for t in said):  # the request was all the leftover said (besides a reason:
                # "can i just see some films already, the kids are getting cranky")
                out.wish = ""
        elif label in EXCLUSIVE_INTENTS and not out.names_something and not out.intents:
            # content words its exemplars never use make the message a wish ("no black and white
            # movies"); one among words they use is let pass ("begin again from the top")
            outside = [t for t in r.leftover if t not in self.reader.words[label]
                       and not (t.endswith("s") and t[:-1] in self.reader.words[label] | {"whatever"})]  # "whatever's"
            if outside and (len(outside) > 1 or len(outside) == len(r.leftover)):
                return
            out.intents.append(label)
            out.wish = ""

    # one clause ---------------------------------------------------------------------------------
    def _review(self, r: _Reading, k: int, c: _Clause) -> str | None:
        """A clause that opens with a film and says what the person thought of it ("Heat was
        way too long", "gladiator was amazing", "the english patient dragged on forever"):
        the film (a catalog title, exact or typed loosely, else a name the catalog lacks) is
        liked or disliked by the words after it, and those words are no wish (not "over 2
        hours", not "American"). None when the clause is not one (the opening words are a kind
        of film, a person or a value: "comedies are great" stays a wish)."""
        toks = c.toks
        v = next((j for j in range(1, min(len(toks), 10)) if toks[j] in REVIEW_VERBS), None)
        head = self._longest(toks, 0, c, r, False, "like") if v is not None else None
        if head and head[0] == "outside" and head[1] > v:  # "where the wild things are is my favourite": the
            v = next((j for j in range(head[1], min(len(toks), head[1] + 10)) if toks[j] in REVIEW_VERBS), None)
            # verb after the title
        if v is None:  # "Heat way too long", "braveheart - meh": a title and the verdict, no verb
            hit = self._longest(toks, 0, c, r, False, "like")
            v = hit[1] if hit and hit[0] == "title" and hit[1] < len(toks) else None
        inside = GENERIC_FILM_WORDS | PRONOUNS - {"all"} | POSSESSIVES | {"sorry"}  # ("everything everywhere all at
        # once blew my mind"; "sorry my english is bad": the person's, no film's name)
        if v is None or (toks[0] in NOT_TITLE_START or any(t in inside for t in toks[:v])) and (
                tuple(toks[:v]) not in self.lex.titles) and not (head and head[0] == "outside" and head[1] == v):
            # ("some like it hot is ...", "the lego movie is ...": a title, pronoun or "movie" and all)
            return None
        mood = _review_mood(toks, v)
        after = r.clauses[k + 1].toks if k + 1 < len(r.clauses) else []
        if after[:1] == ["but"] and _verdict(after[1:]):  # "ghandi was long but worth it", "heat was a bit
            mood = _review_mood(after, 1) or mood  # long but great": what it was, then the verdict that counts
        guessed = mood is None and self.verdicts is not None and v < len(toks) and toks[v] in REVIEW_VERBS and (
            self._clause_marks(c)["mood"] is None and not (after and self._clause_marks(r.clauses[k + 1])["mood"])
            and "than" not in toks and not r.text[c.spans[-1][1]:].lstrip().startswith("?"))  # (no comparison, no
        # question: "silence of the lambs is less violent than pulp fiction??")
        if guessed and not self._guessing:  # (read again with the encoder's verdict where the rules judge no film)
            self._may_guess, guessed = True, False
        if guessed:  # "fargo was riveting", "touch of evil was a muddle": words no list holds, after a verb (the
            mood = self.verdicts.sole_label(" ".join(after[1:] if after[:1] == ["but"] else toks[v:]))  # ones after
            # "but"; unsure where both verdicts pass: "is fasinating", a slip the encoder does not know)
        if mood is None:
            return None
        name = tuple(toks[:v])
        if name not in self.lex.titles and (name in self.lex.values or name in self.lex.persons):
            return None
        carrier = self._film_with_person(toks[:v])  # "the rock with sean connery was awesome": which film
        if carrier is None and v == 1 and r.mentions and r.mentions[-1].item is not None:
            n = self._sequel_number(toks[0], toks[1:2])  # "star trek 4 is my fave, 6 is great too": the
            carrier = self._numbered(r.mentions[-1].item, n) if n else None  # sixth of that series
        found = [(0, v, carrier)] if carrier is not None else self._films_named(r, c, v)
        if found is None or guessed and any(item is None and tuple(toks[a:b]) not in self._outside
                                            for a, b, item in found):
            return None  # (a verdict read by the encoder is of known films only: not "the kids are getting cranky")
        for a, b, item in found:
            span = (c.spans[a][0], c.spans[b - 1][1])
            r.mentions.append(_Mention(k, item, "" if item is not None else r.text[span[0]:span[1]], mood))
            r.used.append(span)
        if guessed:  # the verdict's words are no request ("101 dalmatians was a hit with the kids")
            r.used.append((c.spans[v][0], c.spans[-1][1]))
        r.talks_of_films = True
        return mood

    def _films_named(self, r: _Reading, c: _Clause, v: int) -> list[tuple[int, int, int | None]] | None:
        """The films the clause's first ``v`` words name, as (start, end, item or None for a
        name the catalog lacks); None when they are no films."""
        toks, name = c.toks, tuple(c.toks[:v])
        parts, start = [], 0  # "Interstellar and Parasite are the best": two films, unless one title has "and"
        for j in range(v + 1):
            if j == v or (toks[j] in ("and", "or") and name not in self.lex.titles):
                parts.append((start, j))
                start = j + 1
        found = []
        named = [self._film_named(toks[a:b]) for a, b in parts]
        if len(parts) > 1 and any(x is not None for x in named):  # "raiders and last crusade are both perfect"
            named = [x if x is not None else self._title_part(" ".join(toks[a:b]), alone_ok=True)
                     for (a, b), x in zip(parts, named)]
            named = [x if x is not None else self._in_series(toks[a:b], [y for y in named if y is not None])
                     for (a, b), x in zip(parts, named)]  # "alien 3 and resurrection were both a mess"
        for (a, b), item in zip(parts, named):
            if item is None:  # a name the catalog lacks, unless its words are all values ("90s comedies were fun")
                covered, j, kinds = 0, a, []
                while j < b:
                    hit = self._longest(toks, j, c, r, False, None)
                    covered, j = (covered + hit[1] * (hit[0] != "outside"), j + hit[1]) if hit else (covered, j + 1)
                    kinds.append(hit[0] if hit else None)
                side_by_side = len(kinds) > 1 and set(kinds) == {"title"}  # one name the catalog lacks: "top gun
                # maverick" (not "the 1991 cape fear", "the african queen with bogart": a film, and words saying which)
                if b == a or covered >= len([t for t in toks[a:b] if t not in STOPWORDS]) and not side_by_side:
                    return None
            found.append((a, b, item))
        return found

    def _of_year(self, films: list[int], year: int | None) -> int:
        """Of the films sharing a title (most rated first), the one of ``year`` (±1), else the first."""
        return next((i for i in films if year is not None and abs(int(self.catalog.years[i]) - year) <= 1), films[0])

    def _film_with_person(self, words: list[str]) -> int | None:
        """"the rock with sean connery": a catalog title, then "with" or "starring" and a person
        in that film's cast; the film (the one of that title with them). None otherwise."""
        w = next((j for j in range(1, len(words)) if words[j] in ("with", "starring")), None)
        if w is None:
            return None
        who = next((tuple(words[w + 1 : e]) for e in range(len(words), w + 1, -1)  # "... with michael douglas
                    if tuple(words[w + 1 : e]) in self.lex.persons), None)  # last night": the name, then the rest
        if who is not None:
            if tuple(words[:w]) not in self.lex.titles:
                return None
            names = {v for t, v in self.lex.persons[who] if t == "cast"}
            films = self.lex.titles[tuple(words[:w])]
            hit = next((i for i in films if names & set(self.catalog.values_of(i, "cast"))), None)
            unlisted = [i for i in films if not self.catalog.values_of(i, "cast")]
            return hit if hit is not None or len(unlisted) != 1 else unlisted[0]  # ("the killer with chow yun fat":
            # of the two films called The Killer, the one whose cast the catalog does not list)
        if words[w + 1 : w + 2] in (["more"], ["less"], ["a"], ["some"]) or any(
                (t,) in self.lex.values for t in words[w + 1 :]):
            return None  # ("heat with more action": a wish beside the film)
        return self._film_named(words[:w])  # "the killer with chow yun fat", "star trek 4 with the whales": the film,
        # and words that say which (someone the cast lists lack, what happens in it)

    def _film_named(self, words: list[str]) -> int | None:
        """The catalog film these words name, exactly or typed loosely; None when none."""
        while words and words[0] in ("but", "and", "though", "while", "whereas"):  # "..., but when nature calls was"
            words = words[1:]
        if len(words) > 1 and ("first" in words or "original" in words):  # "the first terminator"
            plain = tuple(w for w in words if w not in ("first", "original"))
            for form in (plain, plain[1:] if plain[0] in ("the", "a", "an") else ()):
                if form in self.lex.titles:
                    words = list(form)
                    break
        if tuple(words) in self.lex.titles:  # "blues brothers 2000", "2001: a space odyssey": the year is the name's
            return self.lex.titles[tuple(words)][0]
        years = [int(w) for w in words if YEAR.match(w)]  # "the 1972 godfather": which film, not part of the name
        name = tuple(w for w in words if not YEAR.match(w)) if len(years) < len(words) else tuple(words)
        if name in self.lex.titles:
            return self._of_year(self.lex.titles[name], years[0] if years else None)
        if name in self._nicknames:
            return self._nicknames[name]
        number = self._sequel_number(name[-1], []) if len(name) > 1 else None
        if number is not None and name[-1] in ROMAN:  # "star trek ii": the second
            name = (*name[:-1], str(number))
            if name in self.lex.titles:
                return self._of_year(self.lex.titles[name], years[0] if years else None)
        first = self._series_first(name)  # "seen terminator 1": the first of the series (it had been read loosely
        if first:  # as *Terminator 2*)
            return self._of_year(first, years[0] if years else None)
        if name and name[-1].isdigit():  # "back to the future 2" is not the first film, typed loosely
            return self._sequel(name[:-1], int(name[-1]))
        found = self._loose_title(" ".join(name))
        return found if found is not None else self._title_part(" ".join(name))  # "last crusade was perfect"

    @staticmethod
    def _sequel_number(word: str, following: list[str]) -> int | None:
        """The number ``word`` gives a sequel after a title ("2", "ii"); None for another word or
        when the word after it counts something ("die hard 3 times")."""
        if following[:1] and following[0] in COUNTED:
            return None
        return ROMAN.get(word) or (int(word) if word.isdigit() and len(word) == 1 else None)

    def _titles_starting(self, word: str) -> list[tuple[Phrase, list[int]]]:
        """The lexicon's title phrases that begin with ``word``, with their films (an index built once)."""
        if "_titles_by_first" not in self.__dict__:
            by_first: dict[str, list] = {}
            for title, films in self.lex.titles.items():
                by_first.setdefault(title[0], []).append((title, films))
            self._titles_by_first = by_first
        return self._titles_by_first.get(word, [])

    def _sequel(self, base: tuple[str, ...], n: int) -> int | None:
        """"star trek 2", "the crow 2", "die hard 3": the ``n``-th film, by year, of those whose
        title begins with ``base`` (a film the catalog has); None when it has fewer ("lion king 2")."""
        if not base or n < 2 or n > 9:
            return None
        bare = base[1:] if base[0] in ("the", "a", "an") and len(base) > 1 else base
        if not any(form in self.lex.titles for form in (base, bare, ("the", *bare))):
            return None  # the catalog knows no film by that name: nothing to count from
        rep, years = self.catalog.duplicate_of(), self.catalog.years
        series = {int(rep[i]) for title, films in self._titles_starting(bare[0]) + self._titles_starting("the")
                  if title[: len(bare)] == bare or title[: len(bare) + 1] == ("the", *bare) for i in films}
        plain = tuple(w for w in bare if w not in TITLE_ARTICLES)
        named = [i for i in series if tuple(w for w in tokens_of(display_title(self.catalog.titles[i]))
                                            if w not in TITLE_ARTICLES) == plain]
        if len(named) > 1:
            return None  # two films by that very name ("king kong" 1933 and 1976, "mask" and "the mask"): a remake
        ordered = sorted(series, key=lambda i: (years[i] if years[i] > 0 else 1 << 30, i))
        return ordered[n - 1] if len(ordered) >= n else None

    def _title_parts(self) -> dict[Phrase, set[int]]:
        """Each title's leading and trailing word runs -> their films; and ``_starts``, each first
        word -> the films it begins (built once)."""
        if "_parts" not in self.__dict__:
            parts: dict[Phrase, set[int]] = {}
            starts: dict[str, set[int]] = {}
            rep = self.catalog.duplicate_of()
            for title, items in self.lex.titles.items():
                films = {int(rep[i]) for i in items}
                for j in range(1, len(title)):
                    for part in (title[:j], title[j:]):
                        if (part[0] not in STOPWORDS or len(part) > 1) and not _first_of_series(part, title) and not (
                                all(w.isdigit() for w in part)):  # ("seen 1 2 and 3" is no part of "8 1/2")
                            parts.setdefault(part, set()).update(films)
                if len(title) > 1:
                    starts.setdefault(title[0], set()).update(films)
            self._parts, self._starts = parts, starts
        return self._parts

    def _title_part(self, text: str, alone_ok: bool = False) -> int | None:
        """The one film whose title begins or ends with ``text`` ("last crusade"), for a phrase
        already read as a film's name: two words or more; with ``alone_ok`` (named in a list
        beside another film: "raiders and last crusade"), also one uncommon word of five letters
        or more beginning the title of a film far better known than any other it begins."""
        key = tuple(tokens(text))
        if not key or (len(key) == 1 and (len(key[0]) < 5 or key[0] in STOPWORDS | COMMON_WORDS)) or (
                len(key) > 1 and len([t for t in key if t not in ("the", "a", "an", "of", "and")]) < 2):
            return None  # "the music was great" is no film
        self._title_parts()
        if len(key) == 1:  # one word begins several titles: the far better known film, if one is
            if not alone_ok:
                return None
            first = self._far_best_known(self._starts.get(key[0], ()))
            ends = self._parts.get(key, set()) - set(self._starts.get(key[0], ()))  # ("seen holy grail and wanda":
            return first if first is not None else (next(iter(ends)) if len(ends) == 1 else None)  # the one title
            # it ends)
        items = self._parts.get(key, set())
        if not items and len(key[-1]) >= 3 and key[-1] not in self._known_words:  # "pulp fic": the last word cut short
            n, rep = len(key), self.catalog.duplicate_of()
            items = {int(rep[i]) for title, films in self._titles_starting(key[0]) if len(title) >= n
                     and title[: n - 1] == key[:-1] and title[n - 1].startswith(key[-1]) for i in films}
            return self._far_best_known(items) if len(items) > 1 else next(iter(items), None)
        return next(iter(items)) if len(items) == 1 else None

    def _value_question(self, text: str) -> tuple[list[int], list[Value]] | None:
        """A yes-or-no question about a film's values: (the film named, or none for the film the talk
        is on or a card named by its place; the values asked about), or None when the message asks
        no such thing ("is it any good?" is the facts' question; "is there a comedy?" a wish)."""
        for form in (FILM_VALUE_QUESTION, FILM_VALUE_QUESTION_LONG):  # the shortest name first, then the longest
            named = form.match(text)  # ("is sleepless in seattle a meg ryan film?": not "sleepless" "in seattle")
            named = named if named and named.group("film").lower() not in IT_WORDS | {"this one", "that one"} else None
            asked = self._value_question_of(text, named)
            if asked is not None or named is None:
                return asked
        return None

    def _value_question_of(self, text: str, named: re.Match | None) -> tuple[list[int], list[Value]] | None:
        m = named or VALUE_QUESTION.search(text)
        if not m:
            return None
        films = []
        if named:
            key = tuple(tokens_of(named.group("film")))
            film = (self.lex.titles.get(key) or [None])[0]
            film = film if film is not None else self._loose_title(named.group("film").strip())
            if film is None:
                return None
            films = [int(film)]
        what = (named.group("one") or named.group("what")) if named else m.group("what")
        said = self.parse(what if not named or named.group("what") else f"with {what}")
        if not said.accepted or said.liked or said.rejected or said.intents:
            return None
        return films, list(said.accepted)

    def _choice(self, text: str) -> tuple[list[int], str] | None:
        """"Alien or Aliens?", "heat or casino, which is scarier?", "should i watch big or splash":
        the two films named and the quality asked ("best" when none is), or None when the message
        is no such question (a statement, a part that names no film, other wishes after it)."""
        m = CHOICE_RE.match(text)
        if not m or not (m.group("should") or m.group("rest") or m.group("lead")):
            return None
        rest = ((m.group("lead") or "") + " " + (m.group("rest") or "")).lower()
        asked = COMPARATIVE_RE.search(rest)
        words = set(tokens(COMPARATIVE_RE.sub(" ", rest)))
        asks_which = re.match(r"[\s,;:\u2014\u2013-]*which\b", m.group("rest") or "", re.IGNORECASE)
        if not words <= CHOICE_REST | STOPWORDS and not asks_which:  # ("fargo or the big lebowski - which did
            return None  # critics rate higher?": any question of which of the two)
        places = [_place_of(m.group("a")), _place_of(m.group("b"))]
        if None not in places and places[0] != places[1]:  # "which is darker, the first or the third?": cards
            return [-1 - k for k in places], COMPARATIVES.get(asked.group(1).lower(), asked.group(1).lower()) if \
                asked else "best"
        films = []
        for part in (m.group("a"), m.group("b")):
            key = tuple(tokens_of(part))
            item = (self.lex.titles.get(key) or [None])[0]
            item = item if item is not None else self._loose_title(part.strip())
            item = item if item is not None else self._title_part(part.strip())  # "dr. strangelove"
            if item is None:
                return None
            films.append(int(item))
        if films[0] == films[1]:
            return None
        return films, COMPARATIVES.get(asked.group(1).lower(), asked.group(1).lower()) if asked else "best"

    def _loose_title(self, text: str) -> int | None:
        """The catalog film ``text`` (four characters or more) names with a few slips; None when none."""
        hit = process.extractOne(text, self.lex.title_strings, scorer=fuzz.ratio, score_cutoff=TITLE_CUTOFF) if (
            len(text) >= 4 and re.search(r"[^\W\d_]", text)) else None  # (not "1 2" for "8 1/2")
        core = [t for t in tokens(text) if t not in ("the", "a", "an")]
        if hit and hit[1] < 100 and len(core) <= 2 and all(w in self._english for w in core):
            return None  # ordinary words are no slip of a short title: "singing" is not "shining", "the best" no
            # "Pest", "my dad love(s)" no "Mad Love"
        if hit and _first_of_series(tokens(text), tuple(hit[0].split())):
            return None  # "robocop" is the first film, which the catalog lacks, not "Robocop 3"
        return self.lex.titles[tuple(hit[0].split())][0] if hit else None

    def _clause(self, r: _Reading, k: int, c: _Clause, title_mood: str | None) -> str | None:
        before, r.last_value = r.last_value, None
        said = QUALITY_SAID_RE.fullmatch(" ".join(c.toks)) if k else None
        films = [x for x in r.mentions if x.clause == k - 1 and x.item is not None] if said else []
        if films and (k - 1 in r.lone or tuple(r.clauses[k - 1].toks) in self.lex.titles):
            mood = "dislike" if said.group("bad") else "like"  # "groundhog day, so funny", "the shining, so
            for mention in films:  # scary": what the film was, no wish for a comedy
                mention.polarity = mood
            return mood
        reviewed = self._review(r, k, c)
        if reviewed:
            return reviewed
        out, toks, n, i = r.out, c.toks, len(c.toks), 0
        negated, mood, strong, named_title = False, None, k in r.lone, False
        dropping = False  # after "forget", "drop", "instead of" (and "swap" until "for")
        swapping = False
        drop_until = next((j for j in range(n) if match_phrase(toks, j, DROP_BEFORE)), -1)  # "X doesn't matter"
        # (end, value) of the last value wanted, for "X or Y" (also across clauses: "maybe a comedy? or animation")
        last_value = (0, before) if before and c.toks[:1] == ["or"] else None
        compare = None
        year_hint, after_title = None, -1
        while i < n:
            if i == drop_until:
                i += len(match_phrase(toks, i, DROP_BEFORE))
                drop_until = -1
                continue
            marker = match_phrase(toks, i, DROP_AFTER | SWAP)
            if marker:
                if toks[i + len(marker) : i + len(marker) + 1] in (["it"], ["that"], ["this"]) and (
                        out.accepted or out.alternatives):  # "the 70s was just an idea, ditch it", "the italian
                    out.dropped.extend(out.accepted + [tv for g in out.alternatives for tv in g])  # bit, bin it"
                    out.accepted.clear()
                    out.alternatives.clear()
                dropping, swapping = True, marker in SWAP
                i += len(marker)
                continue
            if swapping and toks[i] in SWAP_TO:
                dropping = swapping = False
                i += 1
                continue
            if dropping and not swapping and toks[i] in WISH_AFTER_DROP and i > 0:  # "forget horror lets do a
                dropping = False  # thriller", "drop the comedy give me a western": what is wanted instead
                out.instead = True
                i += 1
                continue
            instead = match_phrase(toks, i, INSTEAD)
            if instead in (("what", "about"), ("how", "about")) and tuple(toks[i:i + 3]) in self._outside:
                instead = None  # "What About Bob (1991)": the film's own name
            if instead:
                out.instead = True
                i += len(instead)
                if instead in (("what", "about"), ("how", "about")):  # "what about titanic": a film may follow
                    r.talks_of_films = True
                continue
            cmp = comparative(toks, i)
            if cmp:
                compare, i = cmp[0] if not negated else NEGATED_COMPARISON[cmp[0]], i + cmp[1]
                negated = False
                continue
            neutral = match_phrase(toks, i, NEUTRAL_TITLE)
            if neutral:  # "not feeling like Schindler's List": a film named next is neither liked nor disliked
                r.talks_of_films = True
                i += len(neutral)
                continue
            ask = match_phrase(toks, i, ASK_TITLE)
            if ask and i + len(ask) < n and toks[i + len(ask)] not in NOT_TITLE_START:
                r.talks_of_films, strong = True, True  # "have u got inception?": a film's name follows
                i += len(ask)
                continue
            trig = match_phrase(toks, i, LIKE_TRIGGERS | DISLIKE_TRIGGERS)
            if trig and any(tuple(toks[i : i + k]) in self.lex.values for k in range(len(trig) + 1, 4)):
                trig = None  # "a love story please": a kind of film, not a like
            if trig:
                mood = ("not_now" if negated and trig in WANT_TRIGGERS else  # "i don't want to watch E.T. now"
                        "dislike" if trig in DISLIKE_TRIGGERS or negated else "like")
                negated = negated or trig in DISLIKE_TRIGGERS  # "I hate musicals": values after it are not wanted
                strong = strong or trig in STRONG_TRIGGERS or (trig == ("like",) and i == 0 and k == 0)
                i += len(trig)  # ("like the matrix" opening the message: a film's name follows)
                if toks[i : i + 1] in (["it"], ["that"], ["this"], ["them"]) and trig in STRONG_TRIGGERS:
                    strong = False  # "i'll watch it after the kids are in bed": the film is "it", no name follows
                continue
            if toks[i] in ("no", "nah", "nope") and i + 1 < n and toks[i + 1] in CHANGE_OPENERS:
                out.instead = True  # "lol no something w tom hanks", "nah something chill": another wish,
                i += 1  # not a negated one
                continue
            if not (toks[i] in NEGATORS and self._longest(toks, i, c, r, True, mood)):  # "no subtitles"
                neg = match_phrase(toks, i, NEGATOR_PHRASES)
                if neg:
                    negated, i = True, i + len(neg)
                    continue
                if toks[i] in ("arent", "isnt", "wasnt", "werent") and i == 0 and i + 1 < n and toks[i + 1] in (
                        PRONOUNS | {"they", "these", "those"}):  # "aren't those Kieslowski too?": a question that
                    i += 2  # says they are, no refusal
                    continue
                if toks[i] in NEGATORS and not (i + 1 < n and toks[i + 1] in NOT_NEGATING_NEXT):
                    negated, i = True, i + 1
                    continue
            if negated and toks[i] == "for":
                who = [t for t in toks[i + 1 : i + 4] if t not in ("the", "my", "our", "his", "her", "their")]
                neg = max(j for j in range(i) if toks[j] in NEGATORS) if any(t in NEGATORS for t in toks[:i]) else -1
                refused = set(toks[neg + 1 : i]) - FILLERS - GENERIC_FILM_WORDS - {
                    "a", "an", "the", "any", "some", "too", "really", "very", "so", "that", "thats", "is", "aimed",
                    "made"}
                if refused and (who[:1] and who[0] in PEOPLE_WORDS or who[:2] == ["little", "ones"]):
                    negated = False  # "no horror for my kids": who the films are for is not refused
            title_ctx = mood or title_mood
            if YEAR.match(toks[i]) and (i == after_title or (i == 0 and r.title_closes == k - 1)
                                        or self._title_at(toks, i + 1, c, r, negated, title_ctx)):
                year_hint, i = int(toks[i]), i + 1  # "the 1991 cape fear", "Silence of the Lambs (1991)": which film,
                continue  # not a wish for the decade
            if toks[i] in ("too", "less", "overly") and not negated and i + 1 < n:  # "too long": a complaint of
                hit = self._mood(toks, i + 1, c, r, True) or self._longest(toks, i + 1, c, r, True, None)  # the list
                if hit and hit[0] in ("values", "mood"):  # shown, or of the film the clause named ("I found Heat
                    # way too long"), and then no wish ("not jurassic park, too scary for my youngest"); "like
                    # Heat but less violent" is a wish beside the film
                    wish = toks[i] == "less" and i > 0 and toks[i - 1] == "but"
                    if wish or (not named_title and not r.mentions):
                        values = hit[2][1] if hit[0] == "mood" else hit[2]
                        self._put(out, values, False, True, dropping, None, i + 1, toks)
                        if hit[0] == "mood":
                            out.soft.extend(values)
                        if not wish:  # ("an action film but less violent": a wish, no complaint of the films)
                            r.complaints.extend(values)
                    r.used.append((c.spans[i + 1][0], c.spans[i + hit[1]][1]))
                    i += 1 + hit[1]
                    continue
            hit = self._mood(toks, i, c, r)
            if hit:  # "a heist movie": Crime; "nothing violent": no Action, Crime, Horror or War. The words
                want, avoid = hit[2]  # leave the wish: the search for them finds few heists (and violent films)
                if not negated and not (i and toks[i - 1] in ("too", "so", "overly", "less", "im", "i'm", "am",
                                                               "feeling")) and not (
                        hit[3] in CALM_DOWN and (i == 0 or toks[i - 1] in ("ok", "okay", "just", "u", "you") or
                                                 toks[i + 1 : i + 2] in (["out"], ["down"], ["bro"], ["dude"]))):
                    # what goes with it and against it, weighed once the message is read (not "too intense",
                    # "chill, just show me whatever")
                    r.moods.append(hit[3])
                if avoid if negated else want:
                    self._put(out, avoid if negated else want, False, negated, dropping, None, i, toks)
                    out.soft.extend(avoid if negated else ())
                    r.used.append((c.spans[i][0], c.spans[i + hit[1] - 1][1]))
                else:  # "something dark", "sick of superheroes": no genre says it, so the words are the wish (word
                    r.leftover += toks[i : i + hit[1]]  # by word, as any other: "i messed up, undo that" is no wish)
                    r.leftover_clause += [k] * hit[1]
                i += hit[1]
                continue
            if toks[i] == "long" and i + 1 < n and toks[i + 1] in NOT_A_LENGTH:  # "long day at work"
                r.leftover.append(toks[i])
                r.leftover_clause.append(k)
                i += 2
                continue
            hit = self._longest(toks, i, c, r, negated, title_ctx)
            if hit and hit[0] in ("values", "group", "language") and toks[max(i - 2, 0) : i] == ["set", "in"] and all(
                    t in ("country", "language") for t, _ in (hit[2] if hit[0] != "group" else hit[2])):
                r.leftover.append(" ".join(toks[i : i + hit[1]]))  # "a war film set in vietnam": where the story
                r.leftover_clause.append(k)  # is, not where the film was made: the words are the wish
                i += hit[1]
                continue
            if (hit and hit[1] == 1 and hit[0] != "title" and i == after_title + 1 and toks[i - 1] in ("and", "or")
                    and (toks[i],) in self.lex.titles and r.talks_of_films):  # "twelve monkeys and brazil": a
                hit = ("title", 1, self.lex.titles[(toks[i],)][0])  # film in a list of films, not the country
            if (not hit and (toks[i],) in self.lex.titles and toks[i + 1 : i + 2] in (["and"], ["or"])
                    and not self._english_like(toks[i])):  # "delicatessen and city of lost children": a film
                nxt = self._longest(toks, i + 2, c, r, negated, "like")  # before another film of two words or more
                if nxt and nxt[0] == "title" and nxt[1] >= 2:
                    hit = ("title", 1, self.lex.titles[(toks[i],)][0])
            lacked = self._film_lacked(hit, toks, i, c, r, year_hint) if hit else None
            if lacked is not None:  # a film the catalog lacks: "best film ever finding nemo", "psycho (1998)"
                length = hit[1]
                span = (c.spans[i][0], c.spans[i + length - 1][1])
                r.mentions.append(_Mention(k, None, r.text[span[0]:span[1]] + lacked[0], self._polarity(mood, negated),
                                           title_mood, lacked[1]))
                r.used.append(span)
                named_title, year_hint, i = True, None, i + length
                after_title = i
                if i == n:
                    r.title_closes = k
                continue
            if hit:
                kind, length, payload = hit
                sequel = toks[i + length] if kind == "title" and i + length < n else ""
                if sequel.isdigit() and 2 <= int(sequel) <= 9:  # "back to the future 2": a sequel the
                    span = (c.spans[i][0], c.spans[i + length][1])  # catalog lacks, not the first film
                    r.mentions.append(_Mention(k, None, r.text[span[0]:span[1]], self._polarity(mood, negated),
                                               title_mood))
                    r.used.append(span)
                    i += length + 1
                    continue
                key = tuple(toks[i : i + length])
                if kind == "title":
                    named_title = True
                    payload = self._of_year(self.lex.titles[key], year_hint) if key in self.lex.titles else payload
                    year_hint, after_title = None, i + length
                    if after_title == n:
                        r.title_closes = k
                    r.mentions.append(_Mention(k, payload, "", self._polarity(mood, negated), title_mood))
                elif not (kind == "values" and self._names_the_next_film(r, c, i, length, payload)):
                    wider = era_suffix(toks, i + length) if compare is None and all(
                        t == "decade" for t, _ in payload) else None  # "80s onwards", "the 60s or earlier"
                    plain = (kind == "values" and len(payload) == 1 and not (negated or dropping or wider or compare)
                             and payload[0][0] not in EXCLUSIVE_TYPES)
                    self._put(out, payload, kind == "group" or (kind == "language" and len(payload) > 1),
                              negated, dropping, wider[0] if wider else compare, i, toks)
                    if plain and last_value and last_value[1][0] == payload[0][0] and or_between(
                            toks[last_value[0] : i]):  # "al pacino or robert de niro": either
                        self._either(out, last_value[1], payload[0])
                    last_value = (i + length, payload[0]) if plain else None
                    compare = None
                    length += wider[1] if wider else 0
                r.used.append((c.spans[i][0], c.spans[i + length - 1][1]))
                i += length
                continue
            starts_title = (toks[i] not in NOT_TITLE_START and (toks[i] not in STOPWORDS or toks[i] in TITLE_ARTICLES)
                            and not (i and toks[i - 1] in ("a", "an")))  # "a Disney-style musical" is a kind
            if starts_title and (title_ctx or r.talks_of_films or c.caps[i]):
                got = self._title_run(c, i, r, strong, title_ctx)
                if got:
                    length, mentions = got
                    named_title = named_title or any(m.item is not None for m in mentions)
                    for m in mentions:
                        m.polarity, m.carried = self._polarity(mood, negated), title_mood
                        r.mentions.append(m)
                    r.used.append((c.spans[i][0], c.spans[i + length - 1][1]))
                    i += length
                    after_title = i  # "I'd give Chinatown (1974) a 10/10": the year is the film's
                    if i == n:
                        r.title_closes = k
                    continue
            unknown = self._seen_unknown(c, i, r) if starts_title else 0
            if unknown:  # "saw ghostbusters as a kid": a film the catalog lacks, typed in lower case
                span = (c.spans[i][0], c.spans[i + unknown - 1][1])
                r.mentions.append(_Mention(k, None, r.text[span[0]:span[1]], self._polarity(mood, negated)))
                r.used.append(span)
                named_title = True
                i += unknown
                continue
            fuzzy = self._fuzzy_person(toks, i) or self._fuzzy_word(toks[i])
            if fuzzy and fuzzy[0] == 1 and self._another_persons_surname(toks, i, fuzzy[1]):
                fuzzy = None
            if fuzzy:
                length, payload = fuzzy
                self._put(out, payload, False, negated, dropping, compare, i, toks)
                r.used.append((c.spans[i][0], c.spans[i + length - 1][1]))
                i += length
                continue
            mood_phrase = match_phrase(toks, i, MOOD_PHRASES)
            if mood_phrase:  # "a feel-good movie"
                r.leftover.append(" ".join(mood_phrase))
                r.leftover_clause.append(k)
                i += len(mood_phrase)
                continue
            if toks[i] in SUBTITLES and negated and ("language", "English") in self._vocab:  # "no subtitles"
                out.accepted.append(("language", "English"))
                i += 1
                continue
            if toks[i] not in STOPWORDS | TITLE_END | PEOPLE_WORDS and not toks[i].isdigit():
                r.leftover.append(toks[i])
                r.leftover_clause.append(k)
            i += 1
        r.last_value = last_value[1] if last_value else None
        return (mood or title_mood) if named_title else None

    @staticmethod
    def _polarity(mood: str | None, negated: bool) -> str | None:
        """A film's polarity from the trigger before it in its clause ("I didn't like X": dislike)."""
        if mood == "not_now":  # "i don't want to watch E.T. right now"
            return mood
        if mood:
            return "dislike" if negated or mood == "dislike" else "like"
        return "not_now" if negated else None

    def _put(self, out: Parse, values, group: bool, negated: bool, dropping: bool, compare: str | None,
             i: int, toks: list[str]) -> None:
        values = list(values)
        if compare and all(t == "decade" for t, _ in values):
            decades = self.catalog.decades()
            ref = values[0][1]
            year = toks[i] if i < len(toks) and re.fullmatch(r"(?:1[89]|20)\d\d", toks[i]) else ""
            edge = int(year) + (compare == "<=") - (compare == ">=") if year else 0  # the first year out
            if year and compare in ("<", "<=") and edge % 10:  # "before 1965": the early 60s too (it had said
                compare, out.year_bound = "<=", f"<{edge}"  # "the 1950s or earlier", leaving out 8 1/2)
            elif year and compare in (">", ">=") and edge % 10 != 9:  # "after 1994": the later 90s too
                compare, out.year_bound = ">=", f">{edge}"
            ok = {"<": lambda d: d < ref, ">": lambda d: d > ref, ">=": lambda d: d >= ref,
                  "<=": lambda d: d <= ref}[compare]
            group_values = tuple(("decade", d) for d in decades if ok(d))
            if len(group_values) == 1:  # "the 90s and after" of a catalog that ends in the 90s
                out.accepted.append(group_values[0])
            elif group_values:
                out.alternatives.append(group_values)
            return
        drop_here = dropping or self._followed_by(toks, i, DROP_BEFORE)
        if drop_here:
            out.dropped.extend(values)
        elif negated or self._followed_by(toks, i, REJECT_BEFORE) or (  # "romance isn't my thing", "long
                all(t == "runtime" for t, _ in values) and toks[i + 1 : i + 2] and  # boring romances" (hated):
                toks[i + 1] in NEGATIVE | COMPLAINTS):  # a length beside a complaint is one more complaint
            out.rejected.extend(values)
        elif group:
            out.alternatives.append(tuple(values))
        else:
            out.accepted.extend(values)

    @staticmethod
    def _followed_by(toks: list[str], i: int, phrases) -> bool:
        """A value before one of ``phrases`` in its clause ("the crime part doesn't matter")."""
        return any(match_phrase(toks, j, phrases) for j in range(i + 1, len(toks)))

    # what a phrase names --------------------------------------------------------------------
    def _weigh_moods(self, r: _Reading) -> None:
        """What the moods wanted in the message lean to (``Parse.mood_kinds``) and away from
        (``Parse.clash``). A mood's kinds count only while its words are the wish and no genre is
        asked for ("something cozy", not "a cozy mystery", nor "heathers is my comfort film, so
        dark lol"); its clashes only while the wish it stands for does ("a good cry": Drama,
        then no thriller), or its words do."""
        out, lex = r.out, self.lex
        genres = {v for v in out.accepted if v[0] == "genre"} | {v for g in out.alternatives for v in g
                                                                   if v[0] == "genre"}
        for p in dict.fromkeys(r.moods):
            want = lex.moods[p][0]
            kept = bool(out.wish) and all(w in r.leftover for w in p)
            if kept and lex.mood_kinds.get(p) and not genres and not out.mood_kinds:  # (one: the first mood's;
                kinds = tuple(v for v in lex.mood_kinds[p] if v not in out.rejected)  # "calm and gentle" is one
                if kinds:  # wish, not two lists of kinds)
                    out.mood_kinds.append(kinds)
            if (kept if not want else set(want) <= set(out.accepted)) and lex.mood_clash.get(p):
                out.clash += [v for v in lex.mood_clash[p] if v not in genres and v not in out.clash]
        said_of = lambda p: [*lex.moods[p][0], *lex.moods[p][1]] if p in lex.moods else lex.values.get(p, [])
        # "spooky but not gory", "scary but i'm a wimp": milder of the kind asked for in the same breath
        wanted = [v for v in out.accepted if v[0] == "genre" and v[1] in INTENSE]
        for m in PLAIN_MILDER_RE.finditer(r.text):
            kinds = said_of(tuple(tokens(m.group("what") or "")))
            said = [v for v in wanted if (v[1] == "Horror" if m.group("wimp") else v in kinds)]
            out.milder += [v for v in said if v not in out.milder]
        for m in MILDER_RE.finditer(r.text):  # "not too scary": Horror; "less violent": Action, Crime, Horror, War
            toks = tokens(m.group("what"))
            for n in (2, 1):
                p = tuple(toks[:n])
                said = [v for v in dict.fromkeys(said_of(p)) if v[0] == "genre" and v[1] in INTENSE
                        and v not in out.milder]
                if len(p) == n and said:
                    out.milder += said
                    break

    def _mood(self, toks: list[str], i: int, c: _Clause, r: _Reading, negated: bool = False):
        """("mood", len, (want, avoid)) when ``toks[i:]`` names a kind of film by an everyday word
        (``lexicon.MOODS``) and no longer phrase (a title) starts there; with ``negated``, only
        one that rules genres out."""
        p = match_phrase(toks, i, self.lex.mood_phrases)
        if not p or (negated and not self.lex.moods[p][1]):
            return None
        hit = self._longest(toks, i, c, r, False, None)
        if hit and hit[1] > len(p):
            return None
        return "mood", len(p), self.lex.moods[p], p

    def _longest(self, toks: list[str], i: int, c: _Clause, r: _Reading, negated: bool, title_ctx: str | None):
        """The longest known phrase starting at ``i``: ("title", len, item), ("values", len,
        [tv]), ("group", len, (tv, ...)) or ("language", len, (tv, ...))."""
        lex = self.lex
        one_word_titles = bool(title_ctx) or r.talks_of_films or (
            negated and i > 0 and (c.caps[i] or toks[i - 1] not in ("nothing", "no", "without", "with")))
        # (not "nothing heavy", "nothing with aliens or wizards")
        for length in range(min(max(lex.max_len, self._outside_len), len(toks) - i), 0, -1):
            p: Phrase = tuple(toks[i : i + length])
            if p[-1].isdigit() and len(p) > 1 and toks[i + length : i + length + 1] and toks[i + length] in COUNTED:
                continue  # "seen die hard 3 times": Die Hard, seen three times, not the third film
            if length == 1 and p in lex.titles and (i and toks[i - 1] in ("film", "movie", "flick") or (
                    i + 1 < len(toks) and YEAR.match(toks[i + 1]) and any(
                        abs(int(self.catalog.years[j]) - int(toks[i + 1])) <= 1 for j in lex.titles[p])) or any(
                    t in PERSON_TYPES and v in self.catalog.values_of(int(lex.titles[p][0]), t)
                    for t, v in r.out.accepted)):  # ("terry gilliam ... like brazil": his film, not the country)
                # "the Gilliam film Brazil (1985)": the film, not the country
                return "title", 1, self._of_year(lex.titles[p], int(toks[i + 1]) if i + 1 < len(toks) and YEAR.match(
                    toks[i + 1]) else None)
            if length == 1 and p[0] in WHEN_WORDS and i and toks[i - 1] in WHEN_BEFORE:
                continue  # "date night on Friday": the day, not the film *Friday*
            if length > 1 and p in lex.titles and i and toks[i - 1] in STATE_BEFORE and not c.caps[i] and all(
                    w in self._english for w in p):  # "im home alone tonight": how the person is, not the film
                continue
            possessed = i and toks[i - 1] in OWNERS and not c.caps[i] and all(w in self._english for w in p)
            # ("to watch with my mother": a person, not the film *Mother*; "for my kids" is still a kind of film)
            if p in lex.titles and not possessed and self._title_ok(p, one_word_titles, title_ctx, c.caps[i]):
                after = toks[i + length] if i + length < len(toks) else ""
                number = self._sequel_number(after, toks[i + length + 1 : i + length + 2])
                sequel = self._sequel(p, number) if number else None
                if sequel is not None:  # "die hard iii", "the crow 2": that film of the series
                    return "title", length + 1, sequel
                return "title", length, lex.titles[p][0]
            if p in self._nicknames and self._nickname_ok(toks, i, c):
                return "title", length, self._nicknames[p]  # "found shawshank boring"
            if p in lex.languages_of and (i > 0 and toks[i - 1] == "in" or match_phrase(
                    toks, i + length, LANGUAGE_MARKERS)):  # "in French", "Spanish-language"
                marker = match_phrase(toks, i + length, LANGUAGE_MARKERS)
                return "language", length + (len(marker) if marker else 0), lex.languages_of[p]
            if p in lex.groups:
                return "group", length, lex.groups[p]
            if p == ("long",) and toks[i + 1 : i + 2] in (["takes"], ["take"], ["shots"], ["shot"], ["tracking"]):
                continue  # "slow cinema with long takes": a way of filming, not a long film
            if p in lex.values and i and toks[i - 1] in POSSESSIVES and all(t == "language" for t, _ in lex.values[p]):
                continue  # "sorry my english is bad", "my french is rusty": the person's, no wish for films in it
            if p in lex.values and not self._people_word(toks, i, p):
                return "values", length, lex.values[p]
            if p in lex.persons:
                return "values", length, [self._role(toks, i, lex.persons[p], length)]
            if p in lex.first_names and (c.caps[i] and i > 0 and toks[i - 1] in ("with", "starring")
                                         or p[0] not in self._english):  # "Arnold" after "with"; "keanu"
                return "values", length, [lex.first_names[p]]
            if p in lex.first_names and length == 1 and i > 0 and toks[i - 1] in (
                    "no", "vetoed", "vetoes", "veto", "without", "hates", "except") and p[0] not in (
                    COMMON_WORDS | STOPWORDS | CLOSED_WORDS):  # "she vetoed arnold", "no arnold": the one he is
                return "values", length, [lex.first_names[p]]
            if p in lex.surnames and not (lex.surnames[p][0] == "cast" and len(p) == 1 and p[0] in self._english
                                          and (not c.caps[i] or i == 0)) and not (  # "flowers" is not Bess Flowers
                    p in lex.exact_surnames and r.text[c.spans[i][0] : c.spans[i][1]].lower() != p[0]):
                # ("i want to wallow" is not Simon Callow)
                name = lex.surnames[p][1]
                if self._another_persons_surname(toks, i, [lex.surnames[p]]):
                    continue
                return "values", length, [self._role(toks, i, lex.persons.get(tokens_of(name), [lex.surnames[p]]),
                                                     length)]
            if p in lex.context_surnames and (p[0] not in self._english or c.caps[i]) and (
                    toks[i + 1 : i + 2] and toks[i + 1] in SURNAME_FILMS or i > 0 and toks[i - 1] in SURNAME_BEFORE):
                return "values", length, [lex.context_surnames[p]]  # "clooney movies", "with karloff"
            if p in self._outside and self._outside_ok(toks, i, length, c, r, title_ctx):
                return "outside", length, p  # "solaris a close second": a film the catalog lacks
        return None

    def _names_the_next_film(self, r: _Reading, c: _Clause, i: int, length: int, values: list[Value]) -> bool:
        """"hitchcock's vertigo", "kubrick's the shining": a person's possessive before a film of
        theirs says which film, and asks for no more of them."""
        a, b = c.spans[i + length - 1]
        if not re.search(r"['\u2019]s$", r.text[a:b]):
            return False
        hit = self._longest(c.toks, i + length, c, r, False, "like") if i + length < len(c.toks) else None
        return bool(hit) and hit[0] == "title" and all(v in self.catalog.values_of(hit[2], t) for t, v in values)

    @staticmethod
    def _nickname_ok(toks: list[str], i: int, c: _Clause) -> bool:
        """One word of a title names the film where it is typed with a capital or a verdict sits
        beside it ("loved lebowski", "found shawshank boring", "lebowski is the best"), not in
        "something nutty and fun" or "the celluloid look"."""
        before = {toks[i - 1]} if i else set()
        after = toks[i + 1] if i + 1 < len(toks) else ""
        cue_before = before & (SEEN | NICKNAME_CUES) or any(toks[max(0, i - len(t)) : i] == list(t)
                                                           for t in LIKE_TRIGGERS | DISLIKE_TRIGGERS if len(t) == 1)
        return c.caps[i] or bool(cue_before) or after in REVIEW_VERBS | POSITIVE | NEGATIVE | PRAISE | COMPLAINTS or (
            toks[i].isdigit() and (before & {"not", "no"} or after in ("or", "and")))  # "not 2001 or clockwork orange"

    def _another_persons_surname(self, toks: list[str], i: int, values: list[Value]) -> bool:
        """A surname after a first name that is not the person's: "harry potter" is not Sally Potter."""
        people = [v for t, v in values if t in PERSON_TYPES]
        return (len(people) == 1 and i > 0 and toks[i - 1] in self._first_words
                and toks[i - 1] not in self._firsts_of.get(people[0], ()))

    def _title_at(self, toks: list[str], i: int, c: _Clause, r: _Reading, negated: bool, title_ctx) -> bool:
        """A catalog title starts at ``i``."""
        hit = self._longest(toks, i, c, r, negated, title_ctx) if i < len(toks) else None
        return bool(hit) and hit[0] == "title"

    def _title_ok(self, p: Phrase, one_word_titles: bool, title_ctx: str | None, capital: bool = True) -> bool:
        """A title phrase names the film: always when it has two words or more that are not a
        known value, a person or an ordinary word with an article; one word only where the
        message talks about films."""
        lex = self.lex
        bare = p[1:] if len(p) > 1 and p[0] in TITLE_ARTICLES else p
        if len(bare) >= 2:
            return p not in lex.persons and (title_ctx is not None or p not in lex.values)
        word = bare[0]
        if not one_word_titles or word in STOPWORDS or word in PEOPLE_WORDS:
            return False
        if p in lex.bare_titles and not capital:  # "my wife" is not "The Wife"
            return False
        return p not in lex.values or (title_ctx is not None and len(p) > 1)

    def _credited(self, out: Parse) -> list[Value]:
        """The people the message names who are credited on the films it names ("the african
        queen with bogart and hepburn")."""
        films = out.liked + out.disliked + out.seen
        return [tv for tv in out.accepted if tv[0] in PERSON_TYPES and any(
            tv[1] in self.catalog.values_of(i, tv[0]) for i in films)]

    @staticmethod
    def _wanted_by_name(text: str, name: str) -> bool:
        """The person's films are asked for in so many words ("i like tom hanks and meg ryan movies",
        "films with meg ryan"), whatever film of theirs the message names too."""
        last = re.escape(name.split()[-1])
        return bool(re.search(rf"\b{last}(?:'?s)?(?:\s+(?:and|&|or)\s+[\w' .-]{{1,30}}?)?\s+(?:movies|films|flicks|"
                              rf"stuff)\b|\b(?:movies|films|flicks|anything|something)\s+(?:with|starring|by)\s+"
                              rf"[\w' .-]{{0,30}}\b{last}\b", text, re.IGNORECASE))

    def _without_credited(self, out: Parse) -> Parse:
        credited = self._credited(out)
        return dataclasses.replace(out, accepted=[tv for tv in out.accepted if tv not in credited]) if credited else out

    @staticmethod
    def _people_word(toks: list[str], i: int, p: Phrase) -> bool:
        """"kids" or "family" as people, not as a kind of film: "my kids loved it" (a kind only
        after "for" or before a film word: "for my kids", "kids movies", "family comedy")."""
        if len(p) != 1 or p[0] not in PEOPLE_WORDS:
            return False
        if all(t in ALL_YES | POLITE | {"pls", "plz"} for j, t in enumerate(toks) if j != i):
            return False  # "kids", "kids, yes": the answer to "What kind of film?" (had been read as "why")
        before = toks[max(0, i - 3) : i]
        after = toks[i + 1] if i + 1 < len(toks) else ""
        at = i - 1 - (i > 0 and toks[i - 1] in {"the", "my", "our", "his", "her", "their"})
        too = next((j for j in range(at - 1, max(-1, at - 4), -1) if toks[j] == "too"), None) if at > 0 else None
        if too is not None and toks[at] == "for" and (too == 0 or toks[too - 1] not in {
                "nothing", "no", "not", "none", "anything", "something", "isnt", "arent"}):
            return True  # "far too sad for the grandkids": why a film is not for them (not "nothing too scary
            # for the kids": what to show them)
        return not ("for" in before or before[-2:] in (["aimed", "at"], ["made", "for"], ["meant", "for"])
                    or after in FILLERS or after in {"film", "films", "movie", "movies", "friendly",
                                                                       "stuff", "requirement", "filter", "thing",
                                                                       "constraint", "bit", "part", "option"}
                    or after.endswith("s") and after in {"comedies", "musicals", "cartoons"} or after == "comedy")

    def _role(self, toks: list[str], i: int, roles: list[Value], length: int = 1) -> Value:
        """A person's role from the words before the name (``toks[i : i + length]``), else their
        main role (directing or acting before writing: a writer-director is asked for as a
        director)."""
        before = set(toks[max(0, i - 3) : i])
        want = ("director" if before & {"directed", "director", "by"} else
                "cast" if before & {"with", "w", "starring", "actor", "actress", "stars"} else
                "writer" if before & {"written", "writer"} else None)
        if "written" in before:
            want = "writer"
        if want is None and toks[i + length : i + length + 1] in (
                ["films"], ["movies"], ["film"], ["movie"], ["classics"], ["pictures"]) and self._directs(roles):
            want = "director"  # "Tarantino films", "a david lynch film": the films he made ("tom hanks movies":
            # the films he is in, not the one he directed)
        if want is None and roles[0][0] == "writer" and all(tv[0] != "director" for tv in roles):
            return roles[0]  # "Stephen King stuff": more films written than acted in (cameos)
        if want is None and self._directs(roles, 1.0):  # "tarantino or spielberg": the films they made (their
            want = "director"  # cameos are no reason to see a film); not Eastwood's, who leads more than he directs
        if want is None:
            return next((tv for tv in roles if tv[0] != "writer"), roles[0])
        return next((tv for tv in roles if tv[0] == want), roles[0])

    def _directs(self, roles: list[Value], share: float = 0.5) -> bool:
        """The person directed at least ``share`` times as many catalog films as they star in (are
        among the three leads of: Tarantino's cameos do not count, Tom Hanks's one film as director
        is not what "tom hanks movies" means)."""
        cat, n_directed, n_led = self.catalog, 0, 0
        for t, name in roles:
            v = cat.find_value(t, name)
            if v is None:
                continue
            if t == "director":
                n_directed = len(cat.items_with(v))
            elif t == "cast":
                n_led = sum(name in cat.leads(int(i), 3) for i in cat.items_with(v))
        return n_directed > 0 and n_directed >= share * n_led

    def _correct(self, toks: list[str]) -> list[str]:
        """``toks`` with misspelt words replaced by the catalog word they misspell: one edit for
        words of five to eight letters, two from nine; ordinary English words and known names
        are left alone. Where several words are as near, the one that makes a known name with
        its neighbour wins ("tim burten" -> burton); a value word before a name ("comdy")."""
        out = list(toks)
        for i, tok in enumerate(toks):
            prev, nxt = (out[i - 1] if i else ""), (toks[i + 1] if i + 1 < len(toks) else "")
            if tok in ("pics", "pix"):  # "pics now pls": films
                out[i] = "films"
                continue
            role = next((w for w in ROLE_CUES if OSA.distance(tok, w) <= 1), None) if (
                len(tok) >= 6 and tok not in self._leave) else None
            if role:  # "films direced by kenneth brannagh": the word that says the person's role
                out[i] = role
                continue
            if len(tok) >= 5 and tok not in self._leave and sound_fold(tok) in self._title_sounds:
                out[i] = self._title_sounds[sound_fold(tok)]  # "ghandi was long": Gandhi, typed by ear
                continue
            base = self._comparative_base(tok) if len(tok) >= 5 and tok not in self._leave else None
            if base is not None:  # "something sillier": silly (it had been Ben Stiller); "happier": happy
                out[i] = base if (base,) in self.lex.values or (base,) in self.lex.mood_phrases else tok
                continue
            tier, cands = self._candidates(tok)
            if not cands:  # an ordinary word may still be a name's misspelling next to the rest of it
                known = (prev, tok) in self._bigrams or (tok, nxt) in self._bigrams
                if len(tok) >= 5 and tok.isalpha() and not known and tok not in STOPWORDS:  # (not after a letter:
                    # "E.T. right now"; not a word of every day: "a tuesday night" is no Tuesday Knight)
                    near = (self._after.get(prev, set()) if len(prev) > 1 else set()) | self._before.get(nxt, set())
                    # (a new set: ``|=`` had grown the index's own set, so one message changed how the next was read)
                    best = sorted(w for w in near if OSA.distance(tok, w) <= 1)  # "the shinning", "cohen brothers"
                    if len(best) == 1:
                        out[i] = best[0]
                continue
            fit = [w for w in cands if (prev, w) in self._bigrams or (w, nxt) in self._bigrams]
            alone = [w for w in cands if any((w,) in names for names in (self.lex.titles, self.lex.surnames,
                                                                          self.lex.persons))]
            if tier > 0 and not fit and not alone and len(tok) >= 7:  # "musicles": a kind of film two slips away,
                hits = [h for h in process.extract(tok, self._spelling[0], scorer=OSA.distance, score_cutoff=2,
                                                   limit=None) if h[0] not in REFUSALS]  # (never a refusal two
                # slips away: "smthing funny" is no "nothing funny")
                if hits:  # before a word of a name one slip away that names nothing here ("muscles")
                    out[i] = min(hits, key=lambda h: h[1])[0]
                    continue
            whole = [w for w in cands if (w,) in self.lex.values or (w,) in self.lex.mood_phrases]  # "scarey": scary,
            if fit or len(cands) == 1 or tier == 0:  # a word of its own, not "scare" of "scare me"
                out[i] = (fit or whole or cands)[0]
        return out

    def _comparative_base(self, tok: str) -> str | None:
        """The word ``tok`` is the comparative or superlative of ("sillier", "sadder", "weirdest":
        silly, sad, weird), where that word is English or a mood or value here; None otherwise."""
        bases = []
        for end in ("ier", "iest"):
            if tok.endswith(end):
                bases.append(tok[: -len(end)] + "y")
        for end in ("er", "est"):
            if tok.endswith(end):
                stem = tok[: -len(end)]
                bases += [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
        for b in bases:
            if len(b) >= 3 and ((b,) in self.lex.values or (b,) in self.lex.mood_phrases or b in self._english):
                return b
        return None

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one parser per catalog, for the process)
    def _slip_of_filler(self, tok: str) -> bool:
        """``tok`` is no word (neither English nor the catalog's) and one slip from a word that is no
        wish ("somethng", "husbnd", "plese"): a misspelt filler, no wish of its own."""
        if len(tok) < 5 or not tok.isalpha() or tok in self._english or tok in self.lex.words or tok in NO_WISH:
            return False
        hit = process.extractOne(tok, _FILLER_SPELLINGS, scorer=OSA.distance, score_cutoff=1)
        return hit is not None and not (tok.startswith(hit[0]) or hit[0].startswith(tok))  # (not another form of a
        # word: "classy" is no slip of "class")

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one parser per catalog, for the process)
    def _candidates(self, tok: str) -> tuple[int, tuple[str, ...]]:
        if len(tok) < 4 or not tok.isalpha() or tok in self._leave:
            return 0, ()
        limit = 1 if len(tok) < 9 else 2
        for tier, words in enumerate(self._spelling[:1] if len(tok) == 4 else self._spelling):  # "sifi"
            hits = process.extract(tok, words, scorer=OSA.distance, score_cutoff=limit, limit=None)
            if hits:
                best = min(d for _, d, _ in hits)
                return tier, tuple(w for w, d, _ in hits if d == best)
        if len(tok) >= 7:  # a value's word with two slips ("musicles", "nintees"), when no name is one slip away
            hits = process.extract(tok, self._spelling[0], scorer=OSA.distance, score_cutoff=2, limit=None)
            if hits:
                best = min(d for _, d, _ in hits)
                return 0, tuple(w for w, d, _ in hits if d == best)
        return 0, ()

    def _fuzzy_person(self, toks: list[str], i: int):
        for length in (3, 2):
            p = toks[i : i + length]
            if len(p) < length or any(t in STOPWORDS or len(t) < 2 or t in JUDGING for t in p):
                continue  # ("seen forrest gump" is no Steve Forrest)
            typed = " ".join(p)
            if tuple(p) in self._title_parts() or p[0] == "how":  # ("how long" is no Howie Long)
                continue  # "eddie murphy in beverly hills cop": a film's words, not Beverly Wills
            hit = process.extractOne(typed, self.lex.person_strings, scorer=fuzz.ratio, score_cutoff=PERSON_CUTOFF)
            name = hit[0] if hit else self._heard(typed)
            if name in self.lex.person_strings:
                return length, [self._role(toks, i, self.lex.persons[tuple(name.split())], length)]
        p = toks[i : i + 2]  # "de nero": a surname of two words with a slip
        if len(p) == 2 and p[1] not in STOPWORDS and len(p[1]) >= 3:
            hit = process.extractOne(" ".join(p), self._two_word_surnames, scorer=fuzz.ratio,
                                     score_cutoff=PERSON_CUTOFF)
            if hit:
                return 2, [self.lex.surnames[tuple(hit[0].split())]]
        return None

    def _fuzzy_word(self, tok: str):
        """A misspelt one-word value ("horor", "documentry", "westren"): (1, [values]) or None."""
        if len(tok) < MIN_FUZZY_WORD or tok in STOPWORDS or tok in COMMON_WORDS or tok in PEOPLE_WORDS - {"family"}:
            return None  # (the people "my grandchildren adored ..." are no kind of film: ``_people_word``)
        for form in (tok, tok[:-1] if tok.endswith("s") and len(tok) > MIN_FUZZY_WORD else None):  # "musicles"
            hit = process.extractOne(form, self._one_word_values, scorer=fuzz.ratio,
                                     score_cutoff=WORD_CUTOFF) if form else None
            values = list(self.lex.values[(hit[0],)]) if hit else []
            if values and not (tok in self._english and all(t in ("language", "country") for t, _ in values)):
                return 1, values  # (an ordinary word is no slip of a people's name: "finish" is not Finnish)
        if tok in self._english:  # a misspelt name is no ordinary word ("flowers" is not Bess Flowers)
            return None
        hit = process.extractOne(tok, self._surnames, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF)
        name = hit[0] if hit else self._heard(tok)
        return (1, [self.lex.surnames[(name,)]]) if (name,) in self.lex.surnames else None

    def _heard(self, typed: str) -> str | None:
        """The name or surname ``typed`` spells by ear ("tom hanx", "stalone"), or None."""
        return self._by_sound.get(sound_fold(typed))

    # films -----------------------------------------------------------------------------------
    def _title_run(self, c: _Clause, i: int, r: _Reading, strong: bool, title_ctx: str | None):
        """Films named from ``i`` on that no exact phrase matched: a title typed with mistakes,
        or a name the catalog lacks (after a strong trigger, or typed with capitals where the
        message talks about films). Returns (tokens used, [mentions]) or None."""
        toks = c.toks
        if toks[i] in WHEN_WORDS and i and toks[i - 1] in WHEN_BEFORE:
            return None  # "date night on Friday": the day, not the film *Friday*
        if toks[i] in ("yet", "tonight", "honestly", "tbh", "lol", "already"):
            return None  # "haven't seen wings of desire yet": no film called "yet"
        if set(toks[i:]) <= WHEN_TAIL:
            return None  # "been meaning to see casablanca forever / for ages": no film "Forever"
        places = {"1", "2", "3", "4", "5", "and", "&"}
        if not c.caps[i] and set(toks[i:]) <= AFTER_PLACES | STOPWORDS | places and (
                toks[i] in places or set(toks[:i]) & places - {"and", "&"}) and not (
                i and toks[i - 1] in ("number", "no", "num", "#")):
            return None  # "loved 1 and 3 a while back": cards by their places, no film "3 a while back"
        if i and toks[i - 1] in OWNERS and not c.caps[i] and toks[i] in self._english:
            return None  # "to watch with my mother", "loved my mother's cooking": a person, not the film *Mother*
        described = any(toks[j : j + 2] in (["one", "with"], ["one", "where"], ["one", "about"])
                        for j in range(max(0, i - 3), i + 1))
        if toks[i + 1 : i + 2] == ["times"] or described:
            return None  # "seen two times"; "the first austin powers, the one with the fembots": which film, described
        end = len(toks)
        for j in range(i + 1, len(toks)):  # a known value or "was great" ends the title
            if toks[j] in TITLE_END or self._longest(toks, j, c, r, False, None):
                end = j
                break
        parts, start = [], i
        for j in range(i, end + 1):
            if j == end or toks[j] in ("and", "or"):
                if j > start:
                    parts.append((start, j))
                start = j + 1
        if len(parts) == 2 and all(b - a == 1 and toks[a] in self._first_words for a, b in parts):
            parts = [(i, end)]  # "thelma and louise", "harold and maude": two first names are one film's name
        k = r.clauses.index(c)
        number = self._sequel_number(toks[end - 1], toks[end : end + 1])
        item = self._sequel(tuple(toks[i : end - 1]), number) if number and end - i > 1 else None  # "star trek ii"
        if item is None:
            item = self._loose_title(" ".join(toks[i:end]))
        if item is not None and self._ordinary_word(toks[i:end], c.caps[i], item):
            return None  # "watched babe with the kids": the children, not *Kids*
        if item is None and ("and" in toks[i:end] or "or" in toks[i:end]):
            item = self._title_part(" ".join(toks[i:end]))  # "romeo and juliet": one title, not two
        if item is not None:
            return end - i, [_Mention(k, item, "", None)]
        mentions = []
        items = [self._loose_title(" ".join(toks[a:b])) for a, b in parts]
        items = [x if x is not None else self._title_part(" ".join(toks[a:b])) for (a, b), x in zip(parts, items)]
        if len(parts) > 1 and any(x is not None for x in items):  # "loved raiders and last crusade"
            items = [x if x is not None else self._title_part(" ".join(toks[a:b]), alone_ok=True)
                     for (a, b), x in zip(parts, items)]
        listed = end < len(toks) and toks[end - 1] in ("and", "or")
        after = self._longest(toks, end, c, r, False, "like") if listed else None
        beside_known = (title_ctx or r.talks_of_films) and (len(parts) > 1 and any(x is not None for x in items)
                                                            or bool(after and after[0] == "title"))
        for (a, b), item in zip(parts, items):
            if item is not None:
                mentions.append(_Mention(k, item, "", None))
                continue
            content = [t for t in toks[a:b] if t not in STOPWORDS]
            if content and set(content) <= FILM_PARTS:
                return None  # "loved the twist", "the ending!": a part of the film named, no film of its own
            if content and set(content) & TELLING_VERBS and set(content) <= TELLING_VERBS | KIN:
                return None  # "my son wants action": what a person says, no film's name
            capitalised = all(c.caps[j] for j in range(a, b) if toks[j] not in STOPWORDS)
            if (not capitalised and set(toks[a:b]) & (OWNERS | {"sorry", "pictures", "picture", "flicks", "stuff"})
                    or {"of", "them"} <= set(toks[a:b]) or {"of", "us"} <= set(toks[a:b])):
                return None  # "sorry my english is bad", "i enjoy the old pictures with ...", "Two of them love
                # horror": no film's name
            if content and (strong or beside_known and b - a <= 4  # "rain man and good will hunting, both great"
                            or (capitalised and (title_ctx or r.talks_of_films))):
                mentions.append(_Mention(k, None, r.text[c.spans[a][0] : c.spans[b - 1][1]], None))
            else:
                return None
        return (end - i, mentions) if mentions else None

    def _in_series(self, words: list[str], films: list[int]) -> int | None:
        """The one film of the series of one of ``films`` whose title ends with ``words``
        ("resurrection" beside "Alien 3" is *Alien: Resurrection*); None when none or several."""
        words = [w for w in words if w not in TITLE_ARTICLES]
        found = set()
        for film in films:
            first = film if film in self.lex.sequels else next(
                (b for b, later in self.lex.sequels.items() if film in later), None)
            for j in (first, *self.lex.sequels.get(first, ())) if first is not None else ():
                title = [w for w in tokens_of(display_title(self.catalog.titles[j])) if w not in TITLE_ARTICLES]
                if j not in films and words and title[-len(words):] == words:
                    found.add(j)
        return found.pop() if len(found) == 1 else None

    def _numbered(self, film: int, n: int) -> int | None:
        """The ``n``-th film, by year, of the series ``film`` belongs to; None when it has none."""
        first = film if film in self.lex.sequels else next(
            (b for b, later in self.lex.sequels.items() if film in later), None)
        if first is None:  # "Star Trek IV: ...": the name before the number is the series'
            words = tokens_of(display_title(self.catalog.titles[film]))
            k = next((j for j, w in enumerate(words) if ROMAN.get(w) or w.isdigit() and len(w) == 1), 0)
            return self._sequel(tuple(words[:k]), n) if k else None
        years = self.catalog.years
        series = sorted({first, *self.lex.sequels[first]}, key=lambda i: (years[i] if years[i] > 0 else 1 << 30, i))
        return series[n - 1] if 2 <= n <= len(series) else None

    def _heard_right(self, text: str) -> str:
        """Words a voice typed for others: "i scene it" (seen), "four the kids" (for), "number
        too" (two), "the nineteen forties" (the 1940s), "pg-13 or r" (rated R), and a surname
        heard as words ("bill pull man", "jim jar mush": after the first name of someone the
        catalog knows by that surname)."""
        for pattern, said in VOICE_SLIPS:
            text = pattern.sub(said, text)
        if "_by_first_name" not in self.__dict__:
            by_first: dict[str, set[str]] = {}
            for name in self.lex.persons:
                if len(name) == 2:
                    by_first.setdefault(name[0], set()).add(name[1])
            self._by_first_name = by_first
        words = list(re.finditer(r"[A-Za-z']+", text))
        for k, w in enumerate(words[:-2]):
            surnames = self._by_first_name.get(w.group(0).lower())
            if not surnames or words[k + 1].group(0).lower() in surnames:
                continue
            for n in (3, 2):
                if k + n >= len(words) or text[words[k + 1].start():words[k + n].end()].count(" ") != n - 1:
                    continue
                joined = "".join(x.group(0).lower() for x in words[k + 1 : k + n + 1])
                best = process.extractOne(joined, surnames, scorer=fuzz.ratio, score_cutoff=88)
                if best and len(joined) >= 5:
                    return self._heard_right(text[:words[k + 1].start()] + best[0] + text[words[k + n].end():])
        return text

    def _ordinary_word(self, words: list[str], capital: bool, item: int) -> bool:
        """One everyday word typed in lower case ("kids", "speed") that is the whole title of a
        film fewer than ``WELL_KNOWN`` people rated: the word, not the film."""
        core = [w for w in words if w not in TITLE_ARTICLES]
        return (len(core) == 1 and not capital and (core[0] in self._english or core[0] in PEOPLE_WORDS)
                and self.lex.popularity[item] < WELL_KNOWN)

    def _unknown_people(self, r: _Reading) -> list[tuple[str, tuple[tuple[int, str], ...]]]:
        """Two unread words in a row that look like a person the catalog does not know ("clark
        gable films"): a first name two people of the catalog go by, typed with a capital when it
        is also an everyday word ("Will", "Grace"), then a word that is no value, title word,
        filler or intent word; as (display name, ((clause, word), (clause, word)))."""
        found = []
        for k, c in enumerate(r.clauses):
            unread = Counter(t for t, kk in zip(r.leftover, r.leftover_clause) if kk == k)
            j = 0
            while j < len(c.toks) - 1:
                first, last = c.toks[j], c.toks[j + 1]
                if (first in self._given_names and unread[first] and unread[last] and last.isalpha()
                        and len(last) >= 3 and last not in self._not_surnames
                        and (c.caps[j] or first not in EVERYDAY_FIRST_NAMES)):
                    found.append((f"{first.title()} {last.title()}", ((k, first), (k, last))))
                    unread[first] -= 1
                    unread[last] -= 1
                    j += 2
                else:
                    j += 1
        return found

    def _seen_unknown(self, c: _Clause, i: int, r: _Reading) -> int:
        """Words after "saw" / "watched" that name a film the catalog lacks ("saw ghostbusters as a
        kid"): up to four words before a stopword, at least one of them no English word; 0 if none."""
        if i == 0 or c.toks[i - 1] not in SEEN:
            return 0
        j = i
        while j < len(c.toks) and j - i < 4 and c.toks[j] not in SEEN_TITLE_END and not (
                self._longest(c.toks, j, c, r, False, None)):
            j += 1
        ordinary = all(t in self._english or t in CLOSED_WORDS or t.isdigit() for t in c.toks[i:j])
        if c.toks[j:j + 1] in (["times"], ["time"], ["x"]):
            return 0  # "Jean de Florette I have seen two times": how often, not a film
        if j == i or j - i == 4 or ordinary and (not any(m.item is not None for m in r.mentions)
                                                  or c.toks[i] in STOPWORDS):
            return 0  # (beside films named, ordinary words may be a film: "never seen pale rider")
        return j - i

    def _plain_words(self, text: str) -> bool:
        """Words read as a film's name that are only ordinary words: one capitalised word, as a sentence starts
        ("However", "Why"), or capitals for stress beside words in lower case ("her EARLY stuff"). A title typed
        in lower case stays one ("everything everywhere all at once blew my mind")."""
        words = text.split()
        if not words or not all(w in self._english or w in STOPWORDS for w in tokens(text)):
            return False
        if len(words) == 1:  # (not "Inception", "Parasite": ordinary words that name films)
            return words[0].lower() in DISCOURSE_WORDS | STOPWORDS
        return any(w.isupper() and len(w) > 1 for w in words) and any(
            w[:1].islower() for w in words if w.lower() not in TITLE_SMALL_WORDS)

    def _resolve_titles(self, r: _Reading) -> None:
        """Each film named is liked, disliked, not wanted now and/or seen: from the trigger
        before it, else the sentiment words of its clause, else of the nearest clause that has
        some ("Casablanca, Vertigo and Rear Window are my favorites"); liked when nothing says."""
        out = r.out
        # not the words of a title or value: "the good the bad and the ugly is the greatest western"
        marks = [self._clause_marks(self._unnamed(c, r.used)) for c in r.clauses]
        named = {x.clause for x in r.mentions}  # clauses that name a film
        beside = _UNREAD  # (the encoder's verdict of the words beside the films, read once)
        if self.verdicts is not None and r.mentions:
            for j, c in enumerate(r.clauses):
                said = self._said_of_it(c, r.used, r.text) if marks[j]["mood"] is None else None
                if said is not None:  # "saw fargo last week, it was riveting": words no list holds
                    marks[j] = {**marks[j], "mood": self.verdicts.sole_label(said), "refers": True}
        for m in r.mentions:
            own = marks[m.clause]
            polarity = m.polarity if m.polarity not in (None, "not_now") or not m.carried else (
                "dislike" if m.polarity == "not_now" else None)  # "I liked Fargo but not Braveheart"
            toks = r.clauses[m.clause].toks
            films = [x for x in r.mentions if x.clause == m.clause]
            compared = False
            than = next((j for j in range(1, len(toks)) if toks[j] == "than" and (
                toks[j - 1].endswith("er") or toks[j - 1] in ("more", "less"))), None)
            if than is not None and len(films) == 2 and not polarity:  # "men in tights is funnier than prince
                if m is films[0]:  # of thieves": the first is liked (disliked where it is worse)
                    polarity = "dislike" if toks[than - 1] in ("worse", "less") else "like"
                elif not own["mood"] or own["mood"] == "like":  # the second: only what is said of it alone
                    own = {**own, "mood": None}
                    m.carried = None
                    compared = True
            after = marks[m.clause + 1] if m.clause + 1 < len(marks) else None
            if not (polarity or own["mood"]) and after and after["mood"] and r.clauses[m.clause + 1].toks[:1] in (
                    ["which"], ["that"]) and m is [x for x in r.mentions if x.clause == m.clause][-1]:
                polarity = after["mood"]  # "..., and the edge the week before, which was rubbish": of that film
            polarity = polarity or own["mood"] or (m.carried if not own["seen"] else None)  # ("I liked Aliens.
            # Brazil seen.": Brazil's clause says its own verdict, seen; the like does not carry to it)
            if polarity is None:  # a seen film takes only the mood of a clause about it ("seen Heat, loved
                # it"), not that of a clause naming another film ("seen fargo, hated the english patient")
                near = [j for j in sorted(range(len(marks)), key=lambda j: (abs(j - m.clause), -j))
                        if marks[j]["mood"] and (not own["seen"] or marks[j]["refers"] and j not in named)]
                polarity = marks[near[0]]["mood"] if near else None
                if near and near[0] == m.clause + 1 and near[0] in named and r.clauses[near[0]].toks[:1] == ["but"]:
                    # "home alone is a christmas tradition but home alone 3 was rubbish": the other way
                    polarity = {"like": "dislike", "dislike": "like"}.get(polarity, polarity)
            if polarity is None and m.item is not None and not compared and self.verdicts is not None and not any(
                    mk["mood"] for mk in marks):  # no word the rules know says what the person thought
                if not self._guessing:  # "the doors is basically a 2 hour music video and i'm not complaining":
                    self._may_guess = True  # the words beside the films, read by the encoder (``_guessed``)
                else:
                    if beside is _UNREAD:
                        beside = self._said_beside(r)
                    polarity = beside
            seen = own["seen"] or own["again"] or any(marks[j]["seen"] and marks[j]["refers"] and j not in named
                                      for j in range(m.clause + 1, len(marks)))
            if compared and polarity is None and not seen:
                continue  # "princess bride > days of thunder": nothing said of the second alone
            if m.item is None:
                words = tokens(m.text)
                kind = [w for w in words if w not in ("but", "and", "though", "also")]
                if (polarity == "dislike" and kind and len(kind) <= 4 and m.text == m.text.lower()
                        and all(w in self._english or w in STOPWORDS for w in kind)
                        and _anywhere([r.clauses[m.clause]], REJECT_BEFORE)):
                    r.refused += [w for w in kind if w not in STOPWORDS]  # "i like horror, gore is a no": what
                    continue  # is not wanted, in ordinary words; no film called "gore"
                if m.outside < 0 and self._plain_words(m.text):  # "However, I would rather ...", "Why are you
                    continue  # keeping away from sports??", "her EARLY stuff": ordinary words, no film's name
                if not PLACE_ONLY.match(m.text) and not set(words) <= POSITIVE | PRAISE | CLOSING_FILLER and (
                        words[-1] not in ("ones", "film", "films", "flick", "flicks")) and not (
                        set(words) & {"can", "could", "will", "would", "should", "might"}) and not (
                        set(words) & CRAFT_WORDS and self._outside_key(m.text) is None):
                    # ("grandparents can all enjoy" is a clause, not a film's name; "the queen soundtrack alone" a
                    # part of one, where no known film is called that)
                    # (not "the Disney ones", "a french new wave film": a kind of film, left as the wish)
                    # (not "similar to the 3rd but ...": a card; not "Lovely, we'll go with the first one")
                    out.unknown_titles.append(m.text)
                    near = self._outside_key(m.text) if m.outside < 0 else None  # ("have you got bambi?": read as a
                    film = m.outside if m.outside >= 0 else self._outside_film(near, None, r.text) if near else -1
                    # name, and known; "intersteller was amazing": one slip away)
                    if film >= 0:
                        out.outside.append((m.text, film, polarity if polarity in ("like", "dislike")
                                            else "seen" if seen else ""))
                continue
            if seen:
                out.seen.append(m.item)
                if polarity == "not_now" and (own["again"] or own["now"] or _anywhere([r.clauses[m.clause]], NOT_NOW)):
                    out.not_now.append(m.item)  # "not titanic again", "not lion king tonight, seen it": not now
                    r.seen_not_now.append(m.item)
                if polarity in (None, "not_now"):
                    continue
            if polarity == "dislike":
                out.disliked.append(m.item)
            elif polarity == "not_now":
                out.not_now.append(m.item)
            else:
                out.liked.append(m.item)
                self._liked_unsaid |= polarity is None  # (liked where nothing says: ``_guessed`` may read again)

    def _said_beside(self, r: _Reading) -> str | None:
        """The encoder's verdict (like, dislike, or None where unsure) of the words of the message beside
        what it names (films, values), where no word the rules know says one; those words are read if it
        gives one."""
        words = " ".join(" ".join(_outside(r.text, r.used)).split())
        said = tokens(words)
        if len(said) < REMARK_MIN_WORDS or "?" in words or "than" in said or CHOOSE_RE.search(r.text):
            return None  # (a remark: no question, no comparison, no film chosen: "Forget it. Men in Black
            # then, I'll rewatch it.")
        label = self.verdicts.sole_label(words)
        if label is not None:  # (the words were the verdict: no wish)
            r.used.append((0, len(r.text)))
            r.leftover, r.leftover_clause = [], []
        return label

    @staticmethod
    def _said_of_it(c: _Clause, used: list[tuple[int, int]], text: str) -> str | None:
        """The words said of a film named before, after "it was" / "that is" / "they were" (or "its")
        after any film the clause names ("... and it was way too gory"); None where the clause has no
        such words, and in a question or a comparison ("was it any good?")."""
        toks = c.toks
        if "than" in toks or text[c.spans[-1][1]:].lstrip().startswith("?"):
            return None
        p = next((j for j in range(len(toks) - 1) if toks[j] in ("it", "that", "this", "they") and toks[j + 1] in
                  REVIEW_VERBS or toks[j] in ("its", "thats")), None)
        if p is None:
            return None
        v = p if toks[p] in ("its", "thats") else p + 1
        if any(a < c.spans[p][0] < b or c.spans[p][0] < a < c.spans[-1][1] for a, b in used):
            return None  # (a film named after it: "that is fargo")
        rest = toks[v:] if toks[v] in REVIEW_VERBS else ["is", *toks[v + 1:]]
        return " ".join(rest) if len(rest) > 1 else None

    @staticmethod
    def _films_said(named: Parse) -> list[int]:
        """The films a reading names, whatever it made of them, in order."""
        return list(dict.fromkeys(named.liked + named.disliked + named.seen + named.not_now))

    def _asked_only(self, text: str) -> Parse | None:
        """"I haven't seen Emma or Persuasion - I was asking whether you could show them to me", "havent seen 12
        monkeys, i was asking if its good", "i asked if u HAVE it, never seen it" (round thirty-two: each had liked
        the film again, and a film liked is not shown): the films of that sentence are not liked (``unsaid``) and
        the first is shown; with none named, the intent "asked_only" (the film liked last, the turn knows which).
        The other sentences are read as they stand."""
        unseen = UNSEEN_SHOW_RE.search(text)  # "I said I have NEVER SEEN Goodfellas - so suggest it!"
        if unseen is not None:
            parts = [x for x in re.split(r"\s*(?:,|\b(?:and|or|nor)\b|&)\s*", unseen.group("x")) if tokens(x)]
            films = self._films_of(unseen.group("x")) if len(parts) < 2 else [
                self._film_named(tokens(x)) for x in parts]
            if films and None not in films:
                rest = (text[: unseen.start()] + " " + text[unseen.end():]).strip(" -,.;!")
                said = set(tokens(rest)) - INTERJECTIONS - {"no", "noo", "nooo", "nope", "nah", "so", "but", "and"}
                out = self.parse(rest) if said else Parse()  # ("noo i havent seen groundhog day, bring it back")
                out.unsaid = list(dict.fromkeys(int(f) for f in films))
                out.liked = [i for i in out.liked if i not in out.unsaid]
                out.show_film = out.unsaid[0] if out.show_film is None else out.show_film
                out.intents = [i for i in out.intents if i not in ("more", "something_else")]
                return out
        if ASKED_ONLY_RE.search(text) is None:
            return None
        sentences = _sentences(text)
        at = next((k for k, x in enumerate(sentences) if ASKED_ONLY_RE.search(x)), None)
        if at is None:
            return None
        said = ASKED_ONLY_RE.sub(" ", sentences[at])
        said = NOT_SEEN_SAID_RE.sub(" ", said)
        named = self._read_message(said) if said.strip(" ,.;:-?!") else Parse()
        if named.named_values or named.rejected or set(named.intents) - {"something_else", "seen_it", "any"} or (
                named.wish and set(tokens_of(named.wish)) - STOPWORDS - INTERJECTIONS - {"actually", "um", "either"}):
            return None  # "i was asking for comedies" (a wish, said again)
        films = list(dict.fromkeys(named.liked + named.seen + named.about + named.not_now + (
            [named.show_film] if named.show_film is not None else [])))
        rest = " ".join(sentences[:at] + sentences[at + 1:])
        out = self.parse(rest) if rest.strip(" ?!.,;") else Parse()
        out.unsaid = out.unsaid + [f for f in films if f not in out.unsaid + out.liked + out.disliked]
        if films and out.show_film is None:
            out.show_film = films[0]
        if not films:
            out.intents = [i for i in out.intents if i != "help"] + ["asked_only"]
        return out

    def _unsaid(self, text: str) -> Parse | None:
        """"i didnt say anything about contact?? anyway show me films like aliens" (round twenty-seven: Contact had
        been set aside, after the bot misread a card), "wait you said i liked AND didnt like die hard?? i do like
        it": what was noted of the films named is taken back (``unsaid``), and values named are dropped; the rest
        of the message is read as it stands, "it" the film named ("i do like it": Die Hard liked)."""
        unseen = UNSEEN_RE.search(text)
        if unseen:
            films = self._films_said(self._read_message(unseen.group("x")))
            if films:
                rest = (text[: unseen.start()] + " " + text[unseen.end() :]).strip()
                out = self.parse(rest) if rest.strip(" ?!.,;") else Parse()
                out.unsaid = [f for f in films if f not in out.liked + out.disliked]
                out.not_now = list(dict.fromkeys(out.not_now + films))
                return out
        m = UNSAID_RE.search(text) or REPORTED_RE.search(text)
        if m is None:
            return None
        named = self._read_message(m.group("x"))
        films = self._films_said(named)
        values = named.accepted + named.rejected + [v for g in named.alternatives for v in g]
        rest = (text[: m.start()] + " " + text[m.end() :]).strip()
        if not (films or values) and m.group("x").strip().lower() in ("it", "that", "them", "this", "that one"):
            films = self._films_said(self._read_message(rest))  # "and Casablanca? i never said i didnt like it":
            films = films if len(films) == 1 else []  # the one film the rest names
            if films:
                title = display_title(self.catalog.titles[films[0]])
                rest = re.sub(rf"(?i)\b{re.escape(title)}\b\s*\?*", " ", rest)  # (shown, not liked again)
                rest = rest if re.search(r"\w", rest) else ""
        if not (films or values):
            return None
        if len(films) == 1:  # "i do like it": the film named
            rest = VERDICT_ON_IT_RE.sub(lambda v: v.group("head") + display_title(self.catalog.titles[films[0]]), rest)
        out = self.parse(rest) if rest.strip(" ?!.,;") else Parse()
        if "undo" in out.intents and re.search(r"\b(?:put|bring|give)\s+(?:it|them|that)\s+back\b", rest, re.I):
            out.intents = [i for i in out.intents if i != "undo"]  # "... i never said that. Put it back please":
            out.show_film = films[0] if len(films) == 1 and out.show_film is None else out.show_film  # the film
            # shown, not the last turn undone
        judged = out.liked + out.disliked + out.seen + out.not_now
        out.unsaid = [f for f in films if f not in judged]
        out.dropped = out.dropped + [v for v in values if v not in out.accepted + out.dropped]
        return out

    @staticmethod
    def _either(out: Parse, first: Value, second: Value) -> None:
        """``first`` and ``second`` (wanted, one type) were joined by "or": one either-or group."""
        if second not in out.accepted:
            return
        group = next((g for g in out.alternatives if first in g), None)
        if group is None and first not in out.accepted:
            return
        out.accepted = [tv for tv in out.accepted if tv not in (first, second)]
        if group is not None:
            out.alternatives[out.alternatives.index(group)] = (*group, second)
        else:
            out.alternatives.append((first, second))

    @staticmethod
    def _unnamed(c: _Clause, used: list[tuple[int, int]]) -> _Clause:
        """The clause without the words inside ``used`` spans (what was read as a film or a value)."""
        keep = [j for j, (a, b) in enumerate(c.spans) if not any(u <= a and b <= v for u, v in used)]
        return _Clause([c.toks[j] for j in keep], [c.spans[j] for j in keep], [c.caps[j] for j in keep])

    @staticmethod
    def _clause_marks(c: _Clause) -> dict:
        toks = set(c.toks)
        negated_like = _anywhere([c], {("didnt", "like"), ("dont", "like"), ("didnt", "enjoy"), ("not", "a", "fan"),
                                       ("didnt", "love")} | REJECT_BEFORE | REVIEW_DISLIKE)
        praised = _anywhere([c], REVIEW_LIKE | REVIEW_LIKE_IN_CLAUSE) or bool(  # "still holds up", "a big hit";
            toks & PRAISE and toks & {"it", "was", "is", "its", "very", "so", "really", "truly", "such", "what"}
            and not toks & {"something", "anything", "some", "more", "films", "movies", "want", "like", "but"})
        # "it was very touching", "very beautiful film"
        mood = ("dislike" if toks & NEGATIVE or negated_like else "like" if toks & POSITIVE or praised else None)
        if c.toks[:2] in (["what", "about"], ["how", "about"], ["what", "abt"], ["how", "abt"]) and mood is None:
            mood = "like"  # "i did not like contact. what about dr strangelove": a film proposed (it had been disliked)
        return {"mood": mood, "seen": bool(toks & SEEN), "again": "again" in toks,  # "not titanic again": seen
                "now": bool(toks & {"tonight", "tonite", "today", "now"}),  # "not aladdin tonight, seen it": not now
                "refers": bool(toks & (PRONOUNS | {"both"} | FILM_PARTS)) or mood and _verdict(c.toks)}  # "seen
        # both", "loved the twist"
