"""What a reader would call a slip in an explanation, beyond a wrong fact (``adapters.faithful``).

    DefectChecker(catalog).check(text, item, history) -> ["placeholder: 'unknown'", ...]

Kinds (``KINDS``):

- ``placeholder``: a filler the prompt used for a missing fact ("unknown", "none", "N/A",
  "varied", a ``{slot}``) written as if it were one;
- ``empty slot``: a connective with nothing after it ("with .", "try The Fugitive: .", ", ,");
- ``article``: "a" before a vowel sound or "an" before a consonant ("A animation"), or a
  decade without one ("You enjoyed 1930s");
- ``list``: a broken list ("and and", ", and children's" after a placeholder, a trailing "and", the
  same item twice: "a drama and horror film and horror film");
- ``non-lead``: a cast member of the film named who is not among the ``CARD_CAST`` best-known
  names its card shows (``Catalog.leads``; narratives name two, and the evidence may name the
  third when a liked film has them too: *M*A*S*H*'s Tom Skerritt), nor its director or writer:
  the text presents a bit player as a star;
- ``unsupported claim``: a statement about what the person liked ("which you liked", "you
  enjoyed") with no liked films, or naming a genre or film none of their liked films has.
"""

from __future__ import annotations

import re

from adapters.corpus import short_title
from recsys.catalog import Catalog, display_title

STARS = 2  # the leads a narrative names, and the cast two films must share to count as shared
CARD_CAST = 3  # the leads a card shows: naming any of them is no slip
KINDS = ("placeholder", "empty slot", "article", "list", "non-lead", "unsupported claim")

_PLACEHOLDER = re.compile(r"\b(unknown|none|n/a|null|nan|varied|undefined|tbd)\b|\{\w*\}", re.IGNORECASE)
_EMPTY = re.compile(r"(\b(with|by|and|or|of|from|starring|try)\s*[.,:;!?])|(:\s*[.,;!?])|(,\s*,)|"
                    r"(\(\s*\))|(\b(with|by|starring)\s*$)", re.IGNORECASE)
# "an" words that start with a consonant letter but a vowel sound, and "a" words the other way
_AN_OK = ("hour", "honest", "honour", "honor", "heir", "herb", "mpaa", "r-rated", "r rated", "nc-17", "x-rated",
          "fbi", "mtv", "lsd", "oscar", "8", "11", "18", "80", "1980s", "18th")
_A_OK = ("one", "once", "uni", "use", "usu", "euro", "eu", "ewe", "u.", "u-", "ufo", "ure", "uto", "ubi")
_ARTICLE = re.compile(r"\b(a|an)\s+([\w'.-]+)", re.IGNORECASE)
_DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b")
# a decade right after a verb or preposition that needs "the" before it ("You enjoyed 1930s", "from 1990s"); "the
# 1980s and 1990s", "this 1990s thriller", "Spielberg's 1990s films" are English
_DECADE_BEFORE = re.compile(r"\b(?:enjoyed|liked|loved|like|love|from|in|during|has|have|had|with|shares?|"
                            r"share[sd]?)\s+$", re.IGNORECASE)
_LIST = re.compile(r"\b(and|or)\s+\1\b|\b(and|or|,)\s*$|,\s*and\s*$", re.IGNORECASE)
# a genre twice in a list ("a drama and horror film and horror film"; not "funnier and funnier")
_REPEAT = re.compile(r"\b((?:[\w'-]+\s+){0,2}[\w'-]+)\s*(?:,\s*and\b|,|\band\b|\bor\b)\s*\1\b", re.IGNORECASE)
_CLAIM = re.compile(r"(which you (liked|loved|enjoyed|rated highly)|you (liked|loved|enjoyed|rated)|"
                    r"your (favourites?|favorites?|taste)|since .{1,60} worked for you|fan of)", re.IGNORECASE)


def _article_slip(article: str, word: str) -> bool:
    w = word.lower().strip("'\"*_")
    if not w or not w[0].isalpha() and not w[0].isdigit():
        return False
    vowel_sound = w[0] in "aeiou"
    if article.lower() == "a":
        return vowel_sound and not w.startswith(_A_OK)
    if w.startswith(_AN_OK):
        return False
    return not vowel_sound


class DefectChecker:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._genres = {v.lower() for t, v in catalog.attr_values if t == "genre"}
        self._genre_words = {w for g in self._genres for w in (g, g + "s")}

    def check(self, text: str, item: int | None = None, history: list[int] | tuple[int, ...] = ()) -> list[str]:
        """The defects in ``text``, an explanation of catalog item ``item`` for a person who
        liked ``history`` (catalog indices)."""
        text = self._mask_titles(text, [i for i in (item, *history) if i is not None])
        out = []
        for m in _PLACEHOLDER.finditer(text):
            out.append(f"placeholder: {m.group(0)!r}")
        for m in _EMPTY.finditer(text):
            out.append(f"empty slot: {m.group(0).strip()!r}")
        for m in _ARTICLE.finditer(text):
            if _article_slip(m.group(1), m.group(2)):
                out.append(f"article: {m.group(0)!r}")
        for m in _DECADE.finditer(text):
            if _DECADE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                out.append(f"article: {text[max(0, m.start() - 12) : m.end()].strip()!r}")
        for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
            if _LIST.search(sentence.rstrip(".!?")):
                out.append(f"list: {sentence[-40:]!r}")
        for m in _REPEAT.finditer(text):  # a genre named twice in a list; "funnier and funnier" is English
            if set(re.findall(r"[a-z'-]+", m.group(1).lower())) & self._genre_words:
                out.append(f"list: {m.group(0)!r} names one thing twice")
        if re.search(r"\b(unknown|none)\s*,\s*and\b", text, re.IGNORECASE):
            out.append("list: a placeholder inside a list")
        if item is not None:
            out += self._non_leads(text, item)
        out += self._claims(text, list(history))
        return out

    def names(self, text: str, item: int) -> bool:
        """``text`` names catalog item ``item`` (its title as the card shows it, or short). Every
        reference narrative about a film, and the template's, does; "Pulp Fiction and Reservoir
        Dogs (1995) fits your taste", written for *The Usual Suspects*, put the liked films in its
        place (the chat's narrator checks this; it is no kind of ``check``, whose rates are
        reported)."""
        low = text.lower()
        return any(title.lower() in low for title in {short_title(self.catalog.titles[item]),
                                                      display_title(self.catalog.titles[item])})

    def agree_articles(self, text: str, item: int | None = None, history: list[int] | tuple[int, ...] = ()) -> str:
        """``text`` with each "a" / "an" outside the titles of ``item`` and ``history`` agreeing with
        the sound of the word after it ("A adventure film" -> "An adventure film"): the one slip
        the narrators make that a rule mends without changing what the text says."""
        titles = {t for i in (item, *history) if i is not None
                  for t in (short_title(self.catalog.titles[i]), display_title(self.catalog.titles[i])) if len(t) > 3}
        inside = [(m.start(), m.end()) for t in titles for m in re.finditer(re.escape(t), text)]

        def agree(m: re.Match) -> str:
            art = m.group(1)
            if any(a <= m.start() < b for a, b in inside) or not _article_slip(art, m.group(2)):
                return m.group(0)
            other = "an" if art.lower() == "a" else "a"
            return (other.capitalize() if art[0].isupper() else other) + m.group(0)[len(art):]

        return _ARTICLE.sub(agree, text)

    def _mask_titles(self, text: str, items: list[int]) -> str:
        """``text`` with the titles of ``items`` replaced by "Title": a title is not a slip
        ("Dr. Strangelove or: How I Learned...", "To Wong Foo, Thanks for Everything! Julie Newmar")."""
        for i in items:
            for title in {short_title(self.catalog.titles[i]), display_title(self.catalog.titles[i])}:
                if len(title) > 3:
                    text = text.replace(title, "Title")
        return text

    def _non_leads(self, text: str, item: int) -> list[str]:
        cat = self.catalog
        if "cast" not in cat.attr_types:
            return []
        leads = set(cat.leads(item, CARD_CAST))
        crew = {v for t in ("director", "writer") if t in cat.attr_types for v in cat.values_of(item, t)}
        low = text.lower()
        return [f"non-lead: {name!r}" for name in cat.values_of(item, "cast")
                if name not in leads | crew and len(name.split()) >= 2
                and re.search(rf"\b{re.escape(name.lower())}\b", low)]

    def _claims(self, text: str, history: list[int]) -> list[str]:
        claims = list(_CLAIM.finditer(text))
        if not claims:
            return []
        if not history:
            return [f"unsupported claim: {claims[0].group(0)!r} (no liked films)"]
        cat = self.catalog
        liked_genres = {g.lower() for h in history for g in cat.values_of(h, "genre")}
        out = []
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            # "<genres>, which you liked": the genres named before it must be among the liked films'
            m = _CLAIM.search(sentence)
            if m is None or not m.group(0).lower().startswith("which"):
                continue
            words = set(re.findall(r"[a-z][a-z'-]+", sentence[:m.start()].split(":")[-1].lower()))
            out += [f"unsupported claim: liked {g!r}, which no liked film has"
                    for g in sorted((self._genres & words) - liked_genres)]
        return out
