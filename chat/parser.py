"""Understanding a chat message without a hub model: intents, attribute values, titles, wishes.

    parser = Parser(catalog)
    p = parser.parse("something funny from the 90s, but no Jim Carrey")
    p.accepted  # [("genre", "Comedy"), ("decade", "1990s")]
    p.rejected  # [("cast", "Jim Carrey")]

How a message is read:
1. At most ``MAX_CHARS`` characters are read (``truncated`` says when more was sent);
   control characters are dropped.
2. A message that is a whole intent phrase ("yes", "nope", "I don't mind", "start over") is
   that intent. A message that is exactly a catalog title names a film the user likes.
3. Otherwise the message is cut into clauses at punctuation and at "but". In each clause the
   longest phrase known to the ``Lexicon`` wins at each position (titles only after a
   like/dislike trigger, so "star wars" after "I loved" is the film, "wars" alone the
   genre); person names and titles are also matched fuzzily (rapidfuzz ratio >= 88 / 85),
   so "tom hank" and "pulp fiktion" are understood. A negator ("not", "no", "without",
   "don't", "anything but", "nothing") makes every value after it in its clause rejected.
4. After a strong trigger ("I loved", "movies like") a phrase that is no known title and no
   attribute is reported in ``unknown_titles``, never silently matched to something else.
5. Content words left over ("cozy", "rainy", "heist") make the message a ``wish``, which the
   engine sends to semantic retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from chat.intents import SHOW_EXEMPLARS, ShowIntent
from chat.lexicon import COMMON_WORDS, Lexicon, Phrase, Value, tokens
from recsys.catalog import Catalog

MAX_CHARS = 2000
PERSON_CUTOFF, TITLE_CUTOFF = 88, 85
# one word of at least MIN_FUZZY_WORD letters against one-word values ("comdy", "thriler"): 85 lets one
# letter be missing, added or swapped in a word of six or more letters, but not "music" -> "musical" (83)
WORD_CUTOFF, MIN_FUZZY_WORD = 85, 5

INTENTS: dict[str, list[str]] = {
    "yes": ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "y", "definitely", "absolutely", "of course",
            "correct", "right", "indeed", "sounds good", "please", "yes please", "that s right"],
    "no": ["no", "nope", "nah", "n", "not really", "no thanks", "not at all", "never"],
    "any": ["any", "anything", "whatever", "i dont mind", "dont mind", "i dont care", "dont care", "no preference",
            "either", "doesnt matter", "it doesnt matter", "skip", "not sure", "im not sure", "i dont know",
            "dont know", "no idea", "any is fine", "either is fine", "all good"],
    "more": ["more", "show me more", "more please", "show more", "other options", "next", "more like these",
             "give me more", "what else"],
    "why": ["why", "why this", "why this one", "why that one", "why that", "explain", "explain this",
            "why did you pick this", "why these"],
    "something_else": ["something else", "none of these", "something different", "not these", "none", "other films",
                       "different ones", "none of them"],
    "restart": ["start over", "restart", "reset", "new search", "start again", "begin again", "clear"],
    "undo": ["undo", "go back", "take that back", "undo that", "back"],
    "greeting": ["hi", "hello", "hey", "hi there", "hello there", "hey there", "good morning", "good evening",
                 "good afternoon", "howdy"],
    "help": ["help", "what can you do", "how does this work", "what can i ask", "what can i say"],
}
INTENT_OF = {tuple(p.split()): name for name, phrases in INTENTS.items() for p in phrases}
ALL_YES = {"yes", "yeah", "yep", "yup", "sure", "ok", "okay", "definitely", "absolutely"}
ALL_NO = {"no", "nope", "nah"}
POLITE = {"please", "thanks", "thank", "you", "one"}

NEGATORS = {"not", "no", "without", "dont", "hate", "hated", "except", "avoid", "nothing", "never", "neither",
            "nor", "dislike", "disliked", "isnt", "arent", "didnt", "doesnt", "cannot", "cant", "skip"}
NEGATOR_PHRASES = {("anything", "but"), ("other", "than"), ("no", "more"), ("anything", "except")}
NOT_NEGATING_NEXT = {"mind", "care", "know"}  # "I don't mind"

LIKE_TRIGGERS = {("loved",), ("love",), ("liked",), ("like",), ("enjoyed",), ("adored",), ("adore",),
                 ("movies", "like"), ("films", "like"), ("something", "like"), ("similar", "to"), ("fan", "of"),
                 ("favourite", "is"), ("favorite", "is"), ("such", "as")}
STRONG_TRIGGERS = {t for t in LIKE_TRIGGERS if t != ("like",)} | {("hated",), ("disliked",)}
DISLIKE_TRIGGERS = {("hated",), ("hate",), ("disliked",), ("couldnt", "stand"), ("boring",)}
NOT_TITLE_START = {"something", "anything", "movies", "movie", "films", "film", "stuff", "ones", "those", "these",
                   "it", "that", "them", "a", "an", "some", "watching", "to", "when", "how", "this", "what", "and",
                   "or", "also", "plus", "too", "as", "well"}
STOPWORDS = set("""
i im id ive me my we us our you your a an the of to for from in on at by with and or but is are was were be been
it its this that these those some any something anything movie movies film films flick flicks watch watching see
want wanna would like looking look for please show give find recommend recommendation suggest maybe perhaps just
really very so too kind sort type genre style one ones also only more less lot lots good great nice ok okay
thing things stuff about can could should will let lets get got have has had do does did am directed starring
made set tonight today night evening weekend mood feel feeling something else time pick tell yes no not
dont isnt nothing without hate hated loved love liked enjoyed adored similar such fan favourite favorite
""".split())


@dataclass
class Parse:
    """What one message says. Values are (type, value) of the catalog vocabulary; items are
    catalog item indices; ``wish`` is the text to send to semantic retrieval ("" if none)."""

    intents: list[str] = field(default_factory=list)
    accepted: list[Value] = field(default_factory=list)
    rejected: list[Value] = field(default_factory=list)
    liked: list[int] = field(default_factory=list)
    disliked: list[int] = field(default_factory=list)
    unknown_titles: list[str] = field(default_factory=list)
    wish: str = ""
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not (self.intents or self.accepted or self.rejected or self.liked or self.disliked
                    or self.unknown_titles or self.wish)


def clean(text: str) -> tuple[str, bool]:
    """The part of ``text`` that is read (``MAX_CHARS``) with control characters removed."""
    text = text if isinstance(text, str) else str(text)
    cut = len(text) > MAX_CHARS
    text = text[:MAX_CHARS]
    return "".join(ch if ch.isprintable() or ch in " \t\n" else " " for ch in text), cut


@dataclass
class _Clause:
    toks: list[str]
    spans: list[tuple[int, int]]  # character span of each token in the cleaned text


def _split_clauses(text: str) -> list[_Clause]:
    clauses, cur, spans = [], [], []
    for m in re.finditer(r"[A-Za-z0-9\u00C0-\u024F'\u2019]+|[,.;:!?()\[\]\"]", text):
        tok = m.group(0)
        if not tok[0].isalnum() and tok[0] not in "'\u2019":
            if tok not in "\"'" and cur:
                clauses.append(_Clause(cur, spans))
                cur, spans = [], []
            continue
        norm = tokens(tok)
        if not norm:
            continue
        if norm[0] == "but" and cur and cur[-1] not in ("anything", "all", "nothing"):
            clauses.append(_Clause(cur, spans))
            cur, spans = [], []
        cur.append(norm[0])
        spans.append(m.span())
    if cur:
        clauses.append(_Clause(cur, spans))
    return clauses


class Parser:
    """Reads messages against one catalog's ``Lexicon``; thread-safe (read-only after init)."""

    def __init__(self, catalog: Catalog, lexicon: Lexicon | None = None, show: ShowIntent | None = None) -> None:
        self.catalog = catalog
        self.lex = lexicon or Lexicon(catalog)
        self.show = show  # asking for films now, by the sentence encoder (None: the word list only)
        self._show_words = {t for e in SHOW_EXEMPLARS for t in tokens(e)} | POLITE
        self._one_word_values = sorted(k[0] for k in self.lex.values if len(k) == 1 and len(k[0]) >= MIN_FUZZY_WORD)

    def parse(self, text: str) -> Parse:
        text, truncated = clean(text)
        out = Parse(truncated=truncated)
        toks = tokens(text)
        if not toks:
            return out
        core = tuple(t for t in toks if t not in POLITE) or tuple(toks)
        if core in INTENT_OF:
            out.intents.append(INTENT_OF[core])
            return out
        if all(t in ALL_YES for t in core):
            out.intents.append("yes")
            return out
        if all(t in ALL_NO for t in core):
            out.intents.append("no")
            return out
        first = re.match(r"\s*([A-Za-z]+)\s*[,.;:!]", text)
        if first and tokens(first.group(1))[0] in ALL_YES | ALL_NO:  # "yes, with Tom Hanks"
            out.intents.append("yes" if tokens(first.group(1))[0] in ALL_YES else "no")
            text = text[first.end():]
            toks = tokens(text)
        whole = tuple(toks)
        if whole in self.lex.titles and whole not in self.lex.values:
            out.liked.append(self.lex.titles[whole][0])
            return out
        leftover: list[str] = []
        title_mood = None  # like / dislike carried from an earlier clause that named a title
        for clause in _split_clauses(text):
            title_mood = self._clause(clause, text, out, leftover, title_mood)
        out.wish = text.strip() if leftover else ""
        asked_for_films = {"more", "something_else"} & set(out.intents)
        if self.show is not None and not asked_for_films and self.show.is_show(text.strip()):
            out.intents.append("more")
            if all(t in self._show_words for t in leftover):  # the request was all the leftover said
                out.wish = ""
        for name in ("accepted", "rejected", "liked", "disliked"):
            setattr(out, name, list(dict.fromkeys(getattr(out, name))))
        out.rejected = [v for v in out.rejected if v not in out.accepted]
        return out

    def _clause(self, c: _Clause, text: str, out: Parse, leftover: list[str], title_mood: str | None) -> str | None:
        toks, n, i = c.toks, len(c.toks), 0
        negated, mood, strong, named_title = False, None, False, False
        while i < n:
            # triggers and negators
            two = tuple(toks[i : i + 2])
            trig = two if two in LIKE_TRIGGERS | DISLIKE_TRIGGERS else (toks[i],) if (toks[i],) in (
                LIKE_TRIGGERS | DISLIKE_TRIGGERS) else None
            if trig:
                mood = "dislike" if trig in DISLIKE_TRIGGERS or negated else "like"
                strong = strong or trig in STRONG_TRIGGERS
                i += len(trig)
                continue
            if two in NEGATOR_PHRASES:
                negated, i = True, i + 2
                continue
            if toks[i] in NEGATORS and not (i + 1 < n and toks[i + 1] in NOT_NEGATING_NEXT):
                negated, i = True, i + 1
                continue
            title_ctx = mood or title_mood
            hit = self._longest(toks, i, titles=title_ctx is not None)
            if hit:
                kind, length, payload = hit
                if kind == "title":
                    named_title = True
                    liked = (mood or title_mood) == "like" and not negated
                    (out.liked if liked else out.disliked).append(payload)
                else:
                    (out.rejected if negated else out.accepted).extend(payload)
                i += length
                continue
            if title_ctx and toks[i] not in NOT_TITLE_START:
                got = self._fuzzy_title_or_unknown(c, i, text, strong)
                if got:
                    kind, length, payload = got
                    named_title = named_title or kind == "title"
                    if kind == "title":
                        liked = title_ctx == "like" and not negated
                        (out.liked if liked else out.disliked).append(payload)
                    else:
                        out.unknown_titles.append(payload)
                    i += length
                    continue
            fuzzy = self._fuzzy_person(toks, i) or self._fuzzy_word(toks[i])
            if fuzzy:
                length, payload = fuzzy
                (out.rejected if negated else out.accepted).extend(payload)
                i += length
                continue
            if toks[i] not in STOPWORDS and not toks[i].isdigit():
                leftover.append(toks[i])
            i += 1
        return (mood or title_mood) if named_title else None

    def _longest(self, toks: list[str], i: int, titles: bool):
        """The longest known phrase starting at ``i``: ("title", len, item) or ("values", len, [tv])."""
        lex = self.lex
        for length in range(min(lex.max_len, len(toks) - i), 0, -1):
            p: Phrase = tuple(toks[i : i + length])
            if titles and p in lex.titles and (length > 1 or p not in lex.values):
                return "title", length, lex.titles[p][0]
            if p in lex.values:
                return "values", length, lex.values[p]
            if p in lex.persons:
                return "values", length, [self._role(toks, i, lex.persons[p])]
            if p in lex.surnames:
                return "values", length, [lex.surnames[p]]
        return None

    @staticmethod
    def _role(toks: list[str], i: int, roles: list[Value]) -> Value:
        """A person's role from the words before the name, else their main role."""
        before = set(toks[max(0, i - 3) : i])
        want = ("director" if before & {"directed", "director", "by"} else
                "cast" if before & {"with", "starring", "actor", "actress", "stars"} else
                "writer" if before & {"written", "writer"} else None)
        if "written" in before:
            want = "writer"
        return next((tv for tv in roles if tv[0] == want), roles[0])

    def _fuzzy_person(self, toks: list[str], i: int):
        for length in (3, 2):
            p = toks[i : i + length]
            if len(p) < length or any(t in STOPWORDS or len(t) < 2 for t in p):
                continue
            hit = process.extractOne(" ".join(p), self.lex.person_strings, scorer=fuzz.ratio,
                                     score_cutoff=PERSON_CUTOFF)
            if hit:
                key = tuple(hit[0].split())
                return length, [self._role(toks, i, self.lex.persons[key])]
        return None

    def _fuzzy_word(self, tok: str):
        """A misspelt one-word value ("horor", "documentry", "westren"): (1, [values]) or None."""
        if len(tok) < MIN_FUZZY_WORD or tok in STOPWORDS or tok in COMMON_WORDS:
            return None
        hit = process.extractOne(tok, self._one_word_values, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF)
        return (1, list(self.lex.values[(hit[0],)])) if hit else None

    def _fuzzy_title_or_unknown(self, c: _Clause, i: int, text: str, strong: bool):
        """A title typed with mistakes after a trigger; else, after a strong trigger, the rest
        of the clause is reported as a title the catalog does not have."""
        toks = c.toks
        end = len(toks)
        for j in range(i, len(toks)):  # a known value later in the clause ends the title
            if j > i and self._longest(toks, j, titles=False):
                end = j
                break
        rest = " ".join(toks[i:end])
        if len(rest) >= 4:
            hit = process.extractOne(rest, self.lex.title_strings, scorer=fuzz.ratio, score_cutoff=TITLE_CUTOFF)
            if hit:
                return "title", end - i, self.lex.titles[tuple(hit[0].split())][0]
        content = [t for t in toks[i:end] if t not in STOPWORDS]
        if strong and content:
            return "unknown", end - i, text[c.spans[i][0] : c.spans[end - 1][1]]
        return None
