"""What a reply shows: cards, the narrator's facts, persona words, the query–item subgraph
(data and an SVG picture). Pure functions of the models, the turn's context and the state;
they never call back into the engine. No gradio here."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

import numpy as np

from adapters.corpus import article
from adapters.defects import CARD_CAST, STARS
from chat.events import Card
from chat.lexicon import NATIONS, RATINGS, tokens
from chat.narrator import Facts
from chat.words import join_words
from recsys.catalog import Catalog, display_title
from recsys.movielens import RUNTIME_BANDS, RUNTIME_SPANS
from recsys.personas import Persona

if TYPE_CHECKING:
    from chat.loading import Models
    from chat.turn import TurnContext


def md(text: str) -> str:
    """Text safe inside markdown: no HTML tags or entities, no markdown markup from user or
    catalog text ("Cats & Dogs" keeps its "&": only one that would start an entity is escaped)."""
    text = re.sub(r"&(?=#?\w+;)", "&amp;", str(text)).replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", text)


def title_of(catalog: Catalog, i: int) -> str:
    """Catalog item ``i``'s title as people write it ("The Fugitive", not "Fugitive, The"), and as the film was
    released (``Catalog.retitled``: *Seven Samurai*, not "The Magnificent Seven")."""
    return catalog.retitled.get(i) or display_title(catalog.titles[i])


def title_words(catalog: Catalog) -> list[frozenset[str]]:
    """Each catalog item's title words as ``title_of`` writes it (computed once per catalog)."""
    if "_title_words" not in catalog.__dict__:
        catalog.__dict__["_title_words"] = [frozenset(tokens(title_of(catalog, i))) for i in range(catalog.n_items)]
    return catalog.__dict__["_title_words"]


CARDS = 5  # films shown per list

ROLE_COLOURS = {"card": "#2563eb", "liked": "#16a34a", "wanted": "#16a34a", "unwanted": "#dc2626",
                "term": "#6b7280"}


def _values(m: Models, item: int, attr_type: str, n: int, first: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Up to ``n`` of the item's values of ``attr_type``, those in ``first`` (asked for) before the
    others: a card whose reason says "has Thriller" shows Thriller among its genres."""
    values = list(m.catalog.values_of(m.world.catalog_index(item), attr_type))
    return tuple(sorted(values, key=lambda v: v not in first)[:n])


def _asked(m: Models, s, attr_type: str) -> tuple[str, ...]:
    """The values of ``attr_type`` the person asked for (alone or as one of several)."""
    values = list(s.accepted) + [v for grp in s.either for v in grp]
    return tuple(m.catalog.attr_values[v][1] for v in values if m.catalog.attr_values[v][0] == attr_type)


def one_type(catalog, group) -> bool:
    """An either-or of one type ("a war film or a western": two genres), not of two types that mean
    one thing ("a french film": France or French)."""
    return len({catalog.attr_values[v][0] for v in group}) == 1


def had(m: Models, s, item: int) -> list[int]:
    """The values asked for (alone, or in an either group) that world item ``item`` has, in the
    order asked; a value asked for twice is named once. Of an either-or of one type ("a war film or
    a western") a film with both is named with both; of two types meaning one thing ("a french
    film": France or French) with the first it has."""
    have = set(m.world.values_of(item).tolist())
    either = [v for g in s.either for v in ([v for v in g if v in have] if one_type(m.catalog, g)
                                           else [next((v for v in g if v in have), -1)] if in_group(m.world, g, item)
                                           else [])]
    wanted = dict.fromkeys(list(s.accepted) + either)
    return [v for v in wanted if v in have]


def facts(m: Models, ctx: TurnContext, s, item: int) -> Facts:
    """The evidence behind recommending world item ``item`` in state ``s``."""
    i = m.world.catalog_index(item)
    matched = tuple(m.catalog.attr_values[v][1] for v in had(m, s, item))
    hist = [h for h in ctx.history if h != item]
    similar, shared = (), ()
    if hist:
        sims = m.fused[hist] @ m.fused[item]
        # close to a liked film: near in the fused space and sharing a genre or a person with it (not "Toy Story
        # — close to Pulp Fiction", near only because both are popular films of the 1990s)
        order = [k for k in np.argsort(-sims, kind="stable") if sims[k] > 0.35
                 and _akin(m.catalog, i, m.world.catalog_index(hist[k]))][:2]
        similar = tuple(title_of(m.catalog, m.world.catalog_index(hist[k])) for k in order)
        if order:
            shared = shared_values(m.catalog, i, m.world.catalog_index(hist[order[0]]))
    like_outside = ""
    for name in s.lean_outside if not similar else ():  # "loved finding nemo": what the card shares with the
        film = m.parser.outside_named.get(name)  # first such film it is like, people first
        both = shared_with_outside(m.catalog, i, film) if film is not None else ()
        if both:
            like_outside, shared = film.title, both
            break
    # the films asked to see or asked for more like, unliked ("never seen goodfellas", "what else is in that vein?"):
    # what the card shares with the last of them
    models = s.wanted + ((s.lean,) if s.lean >= 0 and s.lean not in ctx.history else ())
    for w in reversed(models) if not (similar or like_outside) else ():
        both = shared_values(m.catalog, i, m.world.catalog_index(w)) if w != item else ()
        if both:
            like_outside, shared = title_of(m.catalog, m.world.catalog_index(w)), both
            break
    persona = ""
    if ctx.personas:
        _, a = m.tastes.attend(list(ctx.personas), [item])
        persona = ctx.personas[int(np.argmax(a[0]))].description
        terms = [x.strip() for x in persona.split("\u00b7") if x.strip()]
        values = {v for _, v in m.catalog.attributes_of(i)}
        if sum(x in values for x in terms) < min(2, len(terms)):  # a taste the film does not share is not its
            persona = ""  # reason ("for your Children's · Comedy · 1990s side" on a 1965 drama)
    return Facts(item_id=m.catalog.item_ids[i], title=title_of(m.catalog, i), year=int(m.catalog.years[i]),
                 genres=_values(m, item, "genre", 3, _asked(m, s, "genre")),
                 directors=_values(m, item, "director", 2, _asked(m, s, "director")),
                 cast=m.catalog.leads(i, CARD_CAST, first=_asked(m, s, "cast")), matched=matched, similar_liked=similar,
                 persona=persona,
                 wish=s.wish if s.wish and not matched else "", history_ids=tuple(m.world.item_id(h) for h in hist),
                 shared=shared, crowd=m.catalog.crowd(i), like_outside=like_outside, wanted=item in s.wanted,
                 maybe_told=item in s.among)


SHARED_TYPES = ("director", "cast", "writer", "genre", "decade")  # what two films share, people first
SHARED_WORDS = {"genre": str.lower, "decade": "the {}".format}  # a value in words ("crime", "the 1990s")


def _both(catalog: Catalog, a: int, b: int, t: str) -> list[str]:
    """The values of type ``t`` catalog items ``a`` and ``b`` both have (for the cast, the stars
    each card names: the first ``STARS``, not extras both happen to list); in ``a``'s order."""
    if t == "cast":
        mine, theirs = catalog.leads(a, STARS), set(catalog.leads(b, STARS))
    else:
        mine, theirs = catalog.values_of(a, t), set(catalog.values_of(b, t))
    return [v for v in mine if v in theirs]


def _akin(catalog: Catalog, a: int, b: int) -> bool:
    """Catalog items ``a`` and ``b`` share a genre, a director, a writer or one of their stars."""
    return any(_both(catalog, a, b, t) for t in SHARED_TYPES if t != "decade" and t in catalog.attr_types)


def shared_values(catalog: Catalog, a: int, b: int, n: int = 3) -> tuple[str, ...]:
    """Up to ``n`` values catalog items ``a`` and ``b`` both have, in words: directors, stars,
    writers, genres ("crime"), the decade ("the 1990s")."""
    out = []
    for t in SHARED_TYPES:
        if t not in catalog.attr_types:
            continue
        words = SHARED_WORDS.get(t, str)
        out += [words(v) for v in _both(catalog, a, b, t) if words(v) not in out]
    return tuple(out[:n])


def shared_with_outside(catalog: Catalog, a: int, film, n: int = 3) -> tuple[str, ...]:
    """Up to ``n`` values catalog item ``a`` shares with ``film`` (``recsys.outside.OutsideFilm``),
    in words, as ``shared_values``; none unless a genre, director, writer or star is among them."""
    out, akin = [], False
    for t in SHARED_TYPES:
        if t not in catalog.attr_types:
            continue
        mine = catalog.leads(a, STARS) if t == "cast" else catalog.values_of(a, t)
        both = [v for v in mine if v in film.values(t)]
        akin = akin or (bool(both) and t != "decade")
        words = SHARED_WORDS.get(t, str)
        out += [words(v) for v in both if words(v) not in out]
    return tuple(out[:n]) if akin else ()


GENRE_WORDS = {"Animation": "animated", "Film-Noir": "noir", "Sci-Fi": "sci-fi"}  # before "film"
# how a value reads after "a film": "from the 1980s", "with Tom Hanks", "by Hitchcock", "in French"
FORMS = {"decade": "from the {}", "year": "from {}", "cast": "with {}", "director": "by {}", "writer": "written by {}",
         "country": "from {}", "language": "in {}", "runtime": "{}", "mpaa": "{}", "critics": "({})",
         "oscar": "that won an Oscar"}


# countries named with "the" ("a comedy from the United Kingdom")
THE_COUNTRIES = {"United States", "United Kingdom", "Netherlands", "Czech Republic", "Philippines", "Soviet Union",
                 "Bahamas", "Dominican Republic", "United Arab Emirates", "Ivory Coast",
                 "Federal Republic of Yugoslavia",
                 "Republic of Macedonia", "Central African Republic", "Democratic Republic of the Congo"}


def named(t: str, v: str) -> str:
    """A value as it reads in a sentence: "the United Kingdom", "France", "Comedy"."""
    return f"the {v}" if t == "country" and v in THE_COUNTRIES else v


def value_words(values, with_article: bool = False) -> str:
    """(type, value) pairs a film has, in words: "comedy and children's film from the 1990s with
    Tom Hanks" (not "has Comedy, Children's, 1990s, Tom Hanks"); ``with_article``: "a comedy and
    ...", as a card's reason reads after "Why here:"."""
    genres = [GENRE_WORDS.get(v, v.lower()) for t, v in values if t == "genre"]
    by_type: dict[str, list[str]] = {}
    for t, v in values:  # "with Harrison Ford and Tommy Lee Jones", not "with Harrison Ford with Tommy Lee Jones"
        if t != "genre":
            by_type.setdefault(t, []).append(md(named(t, v)))
    rest = [FORMS.get(t, "{}").format(join_words(vs)) for t, vs in by_type.items()]
    adjectives = [g for g in genres if g == "animated"]  # "an animated comedy film", not "animated and comedy"
    head = " ".join(adjectives + [join_words([g for g in genres if g not in adjectives])]).strip() + " film" \
        if genres else ""
    return " ".join(([article(head) if with_article else head] if genres else []) + rest)


def names_value(reason_text: str, value: tuple[str, str]) -> bool:
    """A card's reason (the part before "; ") says the film has ``value`` (type, value)."""
    t, v = value
    if t == "genre":
        head = reason_text.split(" film", 1)[0] if " film" in reason_text else ""
        word = re.escape(GENRE_WORDS.get(v, v.lower()))
        lead = r"(?:^(?:an? )?(?:animated )?|, | and )"
        return bool(re.search(rf"{lead}{word}$|{lead}{word}(?=, | and | )", head))
    head, _, tail = FORMS.get(t, "{}").partition("{}")
    return bool(re.search(re.escape(head) + r"(?:[^;]*?(?:, | and ))?" + re.escape(md(named(t, v))) + re.escape(tail)
                          + r"(?![\w])", reason_text))  # ("with Harrison Ford and Tommy Lee Jones" names both)


def reason(f: Facts) -> str:
    """One line for a card: its strongest evidence (what it has of what was asked for is said by
    ``cards`` from the values themselves)."""
    if f.wanted:
        return "the film you want to see"
    if f.maybe_told:
        return "perhaps the film you describe"
    if f.similar_liked:
        return f"close to *{md(f.similar_liked[0])}*, which you liked"
    if f.like_outside:  # "like *Finding Nemo*: animation, children's"
        return f"like *{md(f.like_outside)}*: {md(join_words(list(f.shared)))}"
    if f.wish:
        return "suggested for your description"  # ranked by it, not known to have it
    if not f.history_ids:  # nothing said of the person's taste yet: no "people with similar taste"
        return "one of the best liked here"
    return "well liked by people with similar taste"


def fitting(world, accepted, either) -> np.ndarray:
    """``(n_world_items,)`` bool: films known to have every value in ``accepted`` and one of
    each group in ``either`` (unknown is not a match; a nation's group by ``of_nation``)."""
    out = np.ones(world.n_items, dtype=bool)
    for group in [(v,) for v in accepted] + [tuple(g) for g in either]:
        out &= group_items(world, group)
    return out


def group_items(world, group) -> np.ndarray:
    """``(n_world_items,)`` bool: the films with one of ``group``'s values; of a nation's group
    (countries and their languages: "a french film" is France or French), only its own films
    (``of_nation``)."""
    has = items_with_any(world, group)
    nation = of_nation(world, tuple(group))
    return has & nation if nation is not None else has


def items_with_any(world, values) -> np.ndarray:
    """``(n_world_items,)`` bool: the films with at least one of ``values``."""
    out = np.zeros(world.n_items, dtype=bool)
    for v in values:
        out[world.items_with(v)] = True
    return out


def nation_word(catalog, group) -> str:
    """A nation's group in one word: "French" (its first language), "Italian or French"."""
    names = [catalog.attr_values[v][1] for v in group if catalog.attr_values[v][0] == "language"]
    return join_words(names, "or")


def in_group(world, group, item: int) -> bool:
    """World item ``item`` has one of ``group``'s values, as ``group_items`` counts them."""
    nation = of_nation(world, tuple(group))
    return nation is None or bool(nation[item])


def of_nation(world, group: tuple[int, ...]) -> np.ndarray | None:
    """For a group of countries and languages ("italian or french films": Italy, Italian, France,
    French), the films that are the nation's own: made there and in its language, or in its
    language and not in English, or made there alone. A co-producer's credit (*Cinema Paradiso*,
    *Kolya* "from France") or a line of the language in an American film (*The Cable Guy* "in
    French") is no French film to a person asking for one. None for any other group."""
    cat = world.catalog
    kinds = [cat.attr_values[v][0] for v in group]
    if set(kinds) != {"country", "language"}:
        return None
    cache = world.__dict__.setdefault("_nations", {})
    if group in cache:
        return cache[group]
    countries = [v for v, k in zip(group, kinds) if k == "country"]
    languages = [v for v, k in zip(group, kinds) if k == "language"]
    made, spoken = items_with_any(world, countries), items_with_any(world, languages)
    english = cat.find_value("language", "English")
    in_english = (items_with_any(world, [english]) if english is not None and english not in languages
                  else np.ones(world.n_items, dtype=bool))
    country_cols = np.flatnonzero(world.value_type == cat.type_index("country"))
    one_country = np.asarray(world.item_attr[:, country_cols].sum(axis=1)).ravel() == 1
    cache[group] = (made & spoken) | (spoken & ~in_english) | (made & one_country)
    return cache[group]


def partly_fitting(world, accepted, either) -> np.ndarray:
    """``(n_world_items,)`` bool: films known to have at least one value in ``accepted`` or
    in a group of ``either``."""
    out = items_with_any(world, accepted)
    for group in either:
        out |= group_items(world, tuple(group))
    return out


def lacking(m: Models, s, item: int) -> str:
    """What world item ``item`` lacks of what was asked, for a close card's reason: "not War"
    where its data says no, "no data on X" where it has none (unknown is not a no)."""
    have = set(m.world.values_of(item).tolist())
    nos, unknowns = [], []
    for group in [(v,) for v in s.accepted] + [tuple(g) for g in s.either]:
        if have & set(group) and in_group(m.world, group, item):
            continue
        if have & set(group):  # a co-production, or a line of the language: "not a French film"
            nos.append("not " + article(f"{nation_word(m.catalog, group)} film"))
            continue
        known = all(m.world.knows(item, v) for v in group)
        t, v = m.catalog.attr_values[group[0]]
        if known and len(group) == 1:  # "not a war film", "not from the 1980s", "not with Tom Hanks"
            nos.append("not " + (article(value_words([(t, v)])) if t == "genre" else value_words([(t, v)])))
        elif known:
            nos.append("not " + md(either_label(m.catalog, group, FORMS)))
        else:
            unknowns.append(md(either_label(m.catalog, group)))
    parts = ([", ".join(nos)] if nos else []) + ([f"no data on {', '.join(unknowns)}"] if unknowns else [])
    return "; ".join(parts)


def cards(m: Models, ctx: TurnContext, s, items) -> tuple[Card, ...]:
    """Cards in list order (the engine puts those that fit what was asked for first)."""
    fit = fitting(m.world, s.accepted, s.either)
    part = partly_fitting(m.world, s.accepted, s.either)
    liked = set(s.liked)
    out = []
    for item in items:
        f = facts(m, ctx, s, int(item))
        partial = bool(part[int(item)] and not fit[int(item)])
        asked = [m.catalog.attr_values[v] for v in had(m, s, int(item))]
        if s.by_year.isdigit() and f.year == int(s.by_year):  # "the best of 1994": "from 1994", not the 1990s
            asked = [("year", s.by_year) if t == "decade" else (t, v) for t, v in asked]
        if s.max_minutes and m.world.catalog_index(int(item)) in m.catalog.minutes:  # "nothing over 100 minutes":
            own = m.catalog.minutes[m.world.catalog_index(int(item))]  # "a comedy film of 94 minutes", not its band
            asked = [("runtime", f"of {own} minutes") if t == "runtime" else (t, v) for t, v in asked]
        # ("always meant to watch fargo": the film asked for, whatever else was asked)
        why = value_words(asked[:3], with_article=True) if asked and not (f.wanted or f.maybe_told) else reason(f)
        if int(item) in s.series:  # "all the alien movies": its place in the series
            why = f"no. {s.series.index(int(item)) + 1} of the {len(s.series)} {md(s.series_name)} films here"
        said = {w.lower() for _, v in asked for w in (v, GENRE_WORDS.get(v, v))}
        more = [w for w in f.shared if w.lower() not in said] if asked and f.like_outside else []
        if more:  # "a comedy film; like *Crazy, Stupid, Love*: Steve Carell": the film named, beside what was asked
            why = f"{why}; like *{md(f.like_outside)}*: {md(join_words(more))}"
        if partial and f.matched:  # a close film says what it has and what it lacks ("has Steven Spielberg; not War")
            why = f"{why}; {lacking(m, s, int(item))}"
        out.append(Card(f.item_id, f.title, f.year, f.genres, f.directors, f.cast, f.persona, why,
                        fits=bool(fit[int(item)]), details=details(m, int(item)), partial=partial,
                        liked=int(item) in liked))
    return tuple(out)


DETAIL_TYPES = ("runtime", "mpaa", "critics")  # shown on a card where known


def details(m: Models, item: int) -> tuple[str, ...]:
    """What else a card says about world item ``item``: length, rating, critics, where known."""
    return _details(m.catalog, m.world.catalog_index(item))


def _details(cat: Catalog, i: int) -> list[str]:
    """Film ``i``'s length (in minutes where on record), rating and critics' band, where known."""
    return [length_of(cat, i) if t == "runtime" else v
            for t in DETAIL_TYPES if t in cat.attr_types for v in cat.values_of(i, t)[:1]]


def minutes_said(limit: int) -> str:
    """A limit on length in words: "100 minutes or less"."""
    return f"{limit} minutes or less"


def length_of(cat: Catalog, i: int) -> str:
    """How long film ``i`` runs, as a person says it: "106 minutes" (``Catalog.minutes``), else its band
    ("90 to 120 minutes"), "" when not on record. (Cards had said only the band: "how long is it?" was
    answered "90 to 120 minutes".)"""
    if i in cat.minutes:
        return f"{cat.minutes[i]} minutes"
    band = cat.values_of(i, "runtime")[:1] if "runtime" in cat.attr_types else []
    return band[0] if band else ""


def film_facts(catalog: Catalog, i: int, first: tuple[str, ...] = ()) -> str:
    """What the catalog knows of film ``i``, in one sentence, for a question about it ("who's in
    it?", "how long is Titanic?"): "*Fargo* (1996): directed by Joel Coen; with Frances McDormand,
    William H. Macy and Steve Buscemi; Crime, Drama, Thriller; 98 minutes; rated R."
    Stars are the leads first (``recsys.leads``), with anyone of ``first`` (people asked about:
    "isn't brad pitt in it?") among them; what is not on record is said to be so."""
    year = f" ({catalog.years[i]})" if catalog.years[i] > 0 else ""
    directors = catalog.values_of(i, "director")[:2]
    cast = catalog.leads(i, CARD_CAST, first=tuple(p for p in first if p in catalog.values_of(i, "cast")))
    parts = [f"directed by {join_words(directors)}" if directors else "no director on record",
             f"with {join_words(cast)}" if cast else "no cast on record"]
    genres = catalog.values_of(i, "genre")
    if genres:
        parts.append(", ".join(genres))
    parts += _details(catalog, i)
    parts += ["won an Oscar"] if catalog.values_of(i, "oscar") else []
    return f"*{md(title_of(catalog, i))}*{year}: " + md("; ".join(parts)) + "."


# "is it scary?": the genres that make a film so
QUALITIES = {"scary": ("Horror", "Thriller"), "funny": ("Comedy",), "sad": ("Drama", "War"), "animated": ("Animation",),
             "violent": ("Action", "War", "Horror", "Crime"), "gory": ("Horror", "War")}
QUALITIES |= {"frightening": QUALITIES["scary"], "creepy": QUALITIES["scary"]}  # "is toy story frightening?"
QUALITY_RE = re.compile(r"\b(scary|frightening|creepy|funny|sad|animated|violent|gory|long|short|good|for kids|"
                        r"kid friendly)\b", re.IGNORECASE)
# a question asked for a child ("for a five year old", "for my kids"): the answer adds the rating
CHILD_ASKED = re.compile(r"\b(?:kids?|child|children|little ones?|grand(?:kids|children|son|daughter)s?|"
                         r"(?:\d{1,2}|\w+)[- ](?:year|yr)[- ]?olds?|toddlers?|son|daughter)\b", re.IGNORECASE)
# a verdict, not a question: "the 2nd one looks good", "sounds really good"
JUDGED_GOOD = re.compile(r"\b(?:looks?|sounds?|seems?)\s+(?:\w+\s+)?good\b", re.IGNORECASE)
QUALITY_ORDER = ("for kids", "kid friendly", "long", "short", "scary", "frightening", "creepy", "funny", "sad",
                 "animated", "violent", "gory", "good")


# "is #3 ok for a 13 year old?", "suitable for teenagers?": the age a rating suits (the MPAA's own wording)
AGE_ASKED = re.compile(r"\b(?:ok|okay|alright|fine|good|suitable|appropriate|safe|right)\s+for\s+(?:a\s+|an\s+|my\s+|"
                       r"our\s+)?(?:(?P<age>\d{1,2})[- ]?(?:years?|yrs?|y/?o)(?:[- ]?olds?)?|"
                       r"(?P<teen>teens?|teenagers?))\b",
                       re.IGNORECASE)
# "who plays the villain?", "who's the hero in #2?": a part in the film, which the catalog does not record
ROLE_ASKED = re.compile(r"\bwho(?:'?s| is| plays| played| was)\s+(?:the\s+)?(?:villain|bad guy|baddie|hero|killer|"
                        r"main character|heroine|mother|father|mom|mum|dad|detective|monster|king|queen|kid)\b")
# "is it on netflix?", "where can i stream it?": not known here
STREAMING_ASKED = re.compile(r"\b(?:netflix|hulu|prime video|amazon prime|disney\s*\+|disney plus|hbo|max|streaming|"
                             r"stream(?:ed)?|where (?:can|do) (?:i|we) (?:watch|see|get|rent|buy) it)\b")
# "is #1 rated PG?", "what's #2 rated?", "what is it rated", "whats the age rating": the MPAA rating
RATING_ASKED = re.compile(r"\bis\b.*\brated\s+(?P<r>nc-?17|pg-?13|pg|g|r)\b|\bwhat(?:'?s| is| was)\b.*\brated\b|"
                          r"\b(?:age|mpaa|parental)\s+rating\b|\brated\s*\??\s*$|\bwhat rating\b")
# "rating out of 10", "how did critics like it", "what's its score": the critics' band
SCORE_ASKED = re.compile(r"\b(?:rating|score|rated)\s+out of\b|\bout of (?:10|ten|5|five|100)\b|"
                         r"\b(?:critics?|reviews?)\b.*"
                         r"\?|\bwhat(?:'?s| is) (?:its|the) (?:score|rating)\b|\bhow (?:was|is) it reviewed\b")
# "is #1 a comedy?", "is it a western": a genre asked of the film
GENRE_ASKED = re.compile(r"\b(?:is|was)\s+(?:it|this|that|(?:the\s+)?\w+\s+one|#?\d|number\s+\d)\s+(?:a|an|really a|"
                         r"really an)\s+(?P<g>sci[- ]?fi|science fiction|rom ?com|[a-z']+)"
                         r"(?:\s+(?:film|movie))?\s*\??\s*$")
COLOUR_ASKED = re.compile(r"\b(?:in\s+)?(?:colou?r|black\s+(?:and|&|n)\s+white|b\s*&\s*w|b/w)\b", re.IGNORECASE)
RATING_AGE = {"rated G": 0, "rated PG": 8, "rated PG-13": 13, "rated R": 17, "rated NC-17": 18}


def _age_answer(catalog: Catalog, i: int, m: re.Match) -> str:
    age = int(m.group("age")) if m.group("age") else 13
    rating = (catalog.values_of(i, "mpaa") or [""])[0] if "mpaa" in catalog.attr_types else ""
    if not rating or rating not in RATING_AGE:
        kids = "Children's" in catalog.values_of(i, "genre")
        return ("Probably: it is a children's film, though its rating is not on record." if kids else
                "Not sure: its rating is not on record.")
    if age >= RATING_AGE[rating]:
        return f"Yes: it is {rating}."
    why = {"rated PG": "some material may not be suitable for children", "rated PG-13": "some material may be "
           "inappropriate for children under 13", "rated R": "under 17 only with a parent",
           "rated NC-17": "no one 17 and under"}[rating]
    return f"Probably not: it is {rating} ({why})."


def film_answer(catalog: Catalog, i: int, question: str) -> str:
    """A yes or no to "is it scary?", "is titanic long?", "is it ok for kids?", "ok for a 13 year
    old?", "any good?", from what the catalog knows of film ``i`` (genres, length, rating,
    critics); "" for any other question, or when nothing on record answers it."""
    if re.search(r"\bhow long\b", question, re.IGNORECASE):
        return ""  # the facts say how long
    aged = AGE_ASKED.search(question)
    if aged:
        return _age_answer(catalog, i, aged)
    if COLOUR_ASKED.search(question) and catalog.years[i] > 0:  # no colour on record: its year says most of it
        year, genres = int(catalog.years[i]), catalog.values_of(i, "genre")  # (round twenty-nine: The Quiet Man,
        if "Animation" in genres:  # 1952, in Technicolor, had been "most likely in black and white", as every film
            # before 1955 was; in the 1950s and early 1960s both were common, and musicals went to colour first)
            return f"Most likely in colour: it is an animated film from {year} (colour is not on record)."
        return (f"Most likely in black and white: it is from {year}, before colour was usual (colour is not on "
                "record)." if year < 1950 and "Musical" not in genres else f"Most likely in colour: it is from {year} "
                "(colour is not on record)." if year >= 1967 else f"It may be either: it is from {year}, when both "
                "were made (colour is not on record).")
    question = JUDGED_GOOD.sub(" ", question)  # "looks good, who's in it?" asks nothing about quality
    found = {w.lower() for w in QUALITY_RE.findall(question)}
    word = next((w for w in QUALITY_ORDER if w in found), None)  # "is it good for kids?": for kids, not good
    if word is None:
        return ""
    genres = set(catalog.values_of(i, "genre"))
    details = {t: catalog.values_of(i, t)[:1] for t in DETAIL_TYPES if t in catalog.attr_types}
    if word in QUALITIES:
        kinds = QUALITIES[word]
        has = [g for g in kinds if g in genres]
        surely = "Perhaps" if word == "sad" else "Probably"  # a drama is not always sad
        said = (f"{surely}: it is listed as {join_words([g.lower() for g in has])}." if has else
                f"It is listed as {join_words([g.lower() for g in sorted(genres)])}, not "
                f"{join_words([g.lower() for g in kinds], 'or')}; I know its genres, not how {word} it is.") if genres \
            else ""  # (round thirty-two: "Probably not" had been said of *The Fox and the Hound* being sad)
        if said and CHILD_ASKED.search(question):  # "is jumanji scary for a five year old?": a genre says little
            rating = (details.get("mpaa") or [""])[0]  # of a scene that frightens a child; the rating says more
            said += (f" It is {rating}; even films for children can have frightening scenes, so a look at the "
                     "trailer first is wise." if rating else " Even films for children can have frightening scenes.")
        return said
    if word in ("long", "short"):
        length = details.get("runtime") or []
        if not length:
            return "Its length is not on record."
        is_it = (length[0] == "over 2 hours") if word == "long" else (length[0] == "under 90 minutes")
        return f"{'Yes' if is_it else 'Not really'}: it runs {length_of(catalog, i)}."
    if word in ("for kids", "kid friendly"):
        rating = (details.get("mpaa") or [""])[0]
        if "Children's" in genres or rating in ("rated G", "rated PG"):
            said = ["a children's film"] * ("Children's" in genres) + [rating] * bool(rating)
            return "Yes: it is " + join_words(said) + "."
        if rating in ("rated R", "rated NC-17"):
            return f"No: it is {rating}."
        return f"Not sure: it is {rating or 'not rated on record'} and not a children's film."
    critics = (details.get("critics") or [""])[0]
    return f"The critics' verdict: {critics}." if critics else ""


# the questions of one message: "is it scary? how long is it?", "who directed it and when did it come out?"
QUESTIONS_SPLIT = re.compile(r"\?+\s*|[,;]?\s+(?:and|also|plus)\s+(?=(?:is|how|who|whos|who's|what|whats|what's|when|"
                             r"does|did|was|can|any)\b)", re.IGNORECASE)


def film_answers(catalog: Catalog, i: int, message: str) -> str:
    """A direct answer to each question ``message`` asks of film ``i`` (``film_answer``, and
    how long, who directed, who is in it, when it came out), in the order asked; "" when none
    is one of those."""
    said: list[str] = []
    for part in QUESTIONS_SPLIT.split(message):
        if not part or not part.strip():
            continue
        answer = film_answer(catalog, i, part) or _fact_answer(catalog, i, part)
        if answer and answer not in said:
            said.append(answer)
    return " ".join(said)


def _fact_answer(catalog: Catalog, i: int, question: str) -> str:
    """"how long is it?" -> "It runs 90 to 120 minutes."; who directed it, who is in it, when it
    came out; "" for any other question. What is not on record is said to be so."""
    q = question.lower()
    if re.search(r"\bhow long\b|\b(?:runtime|running time|length)\b", q):
        length = length_of(catalog, i)
        return f"It runs {length}." if length else "Its length is not on record."
    if re.search(r"\bwho\b.*\bdirect|\bdirector\b", q):
        directors = catalog.values_of(i, "director")[:2]
        return (f"{md(join_words(directors))} directed it." if directors else "Its director is not on record.")
    if re.search(r"\bwho(?:'?s| is| are)\s+(?:in|starring)\b|\bwho\s+stars\b|\b(?:cast|actors?|stars?)\b\?*\s*$", q):
        cast = catalog.leads(i, CARD_CAST)
        return f"It stars {md(join_words(cast))}." if cast else "Its cast is not on record."
    if ROLE_ASKED.search(q):  # "who plays the villain in #1?": the cast is known, not who plays whom
        cast = catalog.leads(i, CARD_CAST)
        return ("I know who is in it, not who plays which part" + (f": it stars {md(join_words(cast))}." if cast
                                                                   else ", and its cast is not on record."))
    if STREAMING_ASKED.search(q):  # "is #2 on netflix?": nothing here knows where films stream
        return ("I do not know where films are streaming or for rent; I only know what the catalog records about "
                "them.")
    language = _language_answer(catalog, i, q)
    if language:
        return language
    rated = RATING_ASKED.search(q)
    if rated:  # "is #1 rated PG?", "what's #2 rated?", "what is it rated"
        rating = catalog.values_of(i, "mpaa")[:1] if "mpaa" in catalog.attr_types else []
        if not rating:
            return "Its age rating is not on record."
        said = rated.group("r")
        if said:
            yes = rating[0].lower() == f"rated {said.lower()}"
            return f"Yes, it is {rating[0]}." if yes else f"No: it is {rating[0]}."
        return f"It is {rating[0]}."
    if SCORE_ASKED.search(q):  # "rating out of 10", "what did critics think": the critics' band, the only score here
        band = catalog.values_of(i, "critics")[:1] if "critics" in catalog.attr_types else []
        return (f"Critics: {band[0]} (I have bands of the critics' score, not the score itself)." if band else
                "Its critics' score is not on record.")
    kind = GENRE_ASKED.search(q)
    if kind and "genre" in catalog.attr_types:  # "is #1 a comedy?"
        genres = catalog.values_of(i, "genre")
        asked = _genre_named(catalog, kind.group("g"))
        if asked and genres:
            others = [g for g in genres if g != asked]
            if asked in genres:
                return f"Yes, it is listed as {asked.lower()}" + (
                    f" (and {join_words([g.lower() for g in others])})." if others else ".")
            return f"No: it is listed as {join_words([g.lower() for g in genres])}."
    if re.search(r"\b(?:when|what year)\b.*\b(?:come out|came out|made|released?|from)\b|\bhow old\b"
                 r"|\bwhat year (?:is|was)\b|\bwhich year\b|\byear\b\W*$", q):  # ("What year is #2?")
        return f"It came out in {catalog.years[i]}." if catalog.years[i] > 0 else "Its year is not on record."
    return ""


def _language_answer(catalog: Catalog, i: int, q: str) -> str:
    """"is #2 in english?": "No: it is in Italian and Spanish."; "what language is it in", "subtitles?": its
    languages; "" for another question. (Round twenty-nine: the first had given only the film's facts.)"""
    if "language" not in catalog.attr_types:
        return ""
    said = re.search(r"\bin\s+([a-z]+)\b", q)
    asked = next((v for t, v in catalog.attr_values if t == "language" and said and v.lower() == said.group(1)), None)
    if not (asked or re.search(r"\blanguages?\b|\bsubtitle|\bdubbed\b", q)):
        return ""
    langs = catalog.values_of(i, "language")
    if not langs:
        return "Its language is not on record."
    spoken = f"it is in {join_words(langs)}"
    if asked:
        return f"Yes, {spoken}." if asked in langs else f"No: {spoken}."
    return f"{spoken[0].upper()}{spoken[1:]}."


def _genre_named(catalog: Catalog, word: str) -> str | None:
    """The catalog genre a word names ("comedy", "sci fi", "scifi", "kids"), or None."""
    key = re.sub(r"[^a-z]", "", word.lower())
    key = {"scifi": "scifi", "sciencefiction": "scifi", "kids": "childrens", "kidsfilm": "childrens", "cartoon":
           "animation", "animated": "animation", "romcom": "romance", "noir": "filmnoir", "comedies": "comedy",
           "musicals": "musical", "westerns": "western", "thrillers": "thriller"}.get(key, key)
    for g in (v for t, v in catalog.attr_values if t == "genre"):
        if re.sub(r"[^a-z]", "", g.lower()) == key:
            return g
    return None


CRITICS_ORDER = ("critics' favourite", "well reviewed", "mixed reviews", "poorly reviewed")


def rank_by(catalog: Catalog, films: list[int], quality: str) -> tuple[int | None, str]:
    """(the film of ``films`` that best has ``quality``, " (why)") for "which is the scariest?";
    (None, " (all N are …)") when the record has them alike, (None, "") when it says nothing."""
    def genres(i: int) -> set[str]:
        return set(catalog.values_of(i, "genre"))

    def first(key, why) -> tuple[int | None, str]:
        scored = [(key(i), k, i) for k, i in enumerate(films)]
        scored = [x for x in scored if x[0] is not None]
        if not scored:
            return None, ""
        if len(scored) == len(films) > 1 and len({x[0] for x in scored}) == 1:  # all alike: say so ("all
            return None, f" (all {len(scored)} are {why(scored[0][2])})"  # 5 are listed as comedy")
        i = min(scored)[2]  # the best, and of several alike the first shown (the best believed)
        return i, f" ({why(i)})"

    band = {b: k for k, b in enumerate(RUNTIME_BANDS)}

    def runtime(i):  # the minutes where on record, else the band's middle
        r = catalog.values_of(i, "runtime")
        return catalog.minutes.get(i) or (None if not r else (80, 105, 135)[band[r[0]]] if r[0] in band else None)

    if quality in ("scariest", "most violent", "funniest", "saddest", "darkest"):
        kinds = {"scariest": ("Horror", "Thriller"), "most violent": ("War", "Horror", "Action", "Crime"),
                 "funniest": ("Comedy",), "saddest": ("Drama", "War"),
                 "darkest": ("Film-Noir", "Horror", "War", "Crime", "Thriller", "Drama")}[quality]
        def adult(i) -> bool:
            return quality in ("scariest", "most violent", "darkest") and "rated R" in catalog.values_of(i, "mpaa")

        def strength(i):  # the first kind counts most; a rating of R tells apart films of one kind
            if not genres(i) & set(kinds):
                return None
            return -sum(len(kinds) - k for k, g in enumerate(kinds) if g in genres(i)) - 0.5 * adult(i)

        return first(strength, lambda i: "listed as " + join_words(
            [g.lower() for g in kinds if g in genres(i)] + ["rated R"] * adult(i)))
    if quality == "least scary":
        return first(lambda i: len(genres(i) & {"Horror", "Thriller"}) if genres(i) else None,
                     lambda i: "listed as " + join_words([g.lower() for g in sorted(genres(i))]))
    if quality in ("longest", "shortest"):
        return first(lambda i: None if runtime(i) is None else (-runtime(i) if quality == "longest" else runtime(i)),
                     lambda i: length_of(catalog, i))
    if quality in ("oldest", "newest", "most recent"):
        return first(lambda i: None if catalog.years[i] <= 0 else (int(catalog.years[i]) if quality == "oldest"
                                                                   else -int(catalog.years[i])),
                     lambda i: str(catalog.years[i]))
    critics = {c: k for k, c in enumerate(CRITICS_ORDER)}

    def liked(i):  # the critics' band first, then the share of 4- and 5-star ratings here ("is shawshank rated
        band = critics.get((catalog.values_of(i, "critics") or [""])[0])  # higher than pulp fiction?": both are
        crowd = catalog.crowd(i)  # critics' favourites, and the people here tell them apart)
        share = crowd[1] if crowd is not None and crowd[1] >= 0 else None
        return None if band is None and share is None else (len(critics) if band is None else band,
                                                            -round(share or 0.0, 2))

    def said(i):
        crowd = catalog.crowd(i)
        parts = catalog.values_of(i, "critics")[:1] + ([f"{crowd[1]:.0%} of the {crowd[0]} people here who rated it "
                                                        "gave it 4 or 5 stars"] if crowd and crowd[1] >= 0 else [])
        return "; ".join(parts)

    return first(liked, said)


def persona_example(m: Models, p: Persona) -> str:
    """The liked film that best stands for persona ``p``."""
    best = m.tastes.example(p)
    return "" if best is None else title_of(m.catalog, m.world.catalog_index(best))


def subgraph(m: Models, s, max_terms: int = 6) -> dict:
    """The part of the query–item graph behind the current turn: the cards, the liked films,
    the asked-for and ruled-out values, and the values the cards share; edges as in the graph."""
    g, cat, n_items = m.graph, m.catalog, m.graph.n_items
    items = list(dict.fromkeys(list(s.cards) + list(s.liked[-2:])))[:7]
    terms = list(dict.fromkeys(list(s.accepted) + [v for grp in s.either for v in grp] + list(s.rejected)))[:max_terms]
    if s.cards:
        counts: dict[int, int] = {}
        for it in s.cards:
            for v in m.world.values_of(it):
                if cat.attr_values[v][0] in ("genre", "decade", "director"):
                    counts[int(v)] = counts.get(int(v), 0) + 1
        shared = sorted(counts, key=lambda v: -counts[v])
        terms += [v for v in shared if counts[v] >= 2 and v not in terms][: max(0, max_terms - len(terms))]
    nodes = [int(i) for i in items] + [n_items + int(v) for v in terms]
    if not nodes:
        return {"nodes": [], "edges": []}
    W = g.W[nodes][:, nodes].tocoo()
    role = {}
    for i in items:
        role[int(i)] = "card" if i in s.cards else "liked"
    for v in terms:
        role[n_items + int(v)] = ("wanted" if v in s.accepted or any(v in grp for grp in s.either) else
                                  "unwanted" if v in s.rejected else "term")
    out_nodes = []
    for n in nodes:
        if n < n_items:
            label = title_of(cat, m.world.catalog_index(n))
        else:
            label = cat.attr_values[n - n_items][1]
        out_nodes.append({"id": n, "label": label, "kind": "item" if n < n_items else "term", "role": role[n]})
    edges = [[nodes[r], nodes[c], round(float(w), 3)] for r, c, w in zip(W.row, W.col, W.data) if r < c]
    return {"nodes": out_nodes, "edges": edges}


def subgraph_svg(sub: dict, row: int = 30, char_px: float = 6.4, gap: int = 150) -> str:
    """A two-column picture: films on the left, values on the right, graph edges between. The
    picture is as wide as its longest labels, so no label is cut; the page scales it to fit."""
    items = [n for n in sub.get("nodes", []) if n["kind"] == "item"]
    terms = [n for n in sub.get("nodes", []) if n["kind"] == "term"]
    if not items and not terms:
        return "<p style='color:#6b7280'>The graph appears once there is something to show.</p>"
    left = int(max([len(n["label"]) for n in items] or [4]) * char_px) + 20
    right = int(max([len(n["label"]) for n in terms] or [4]) * char_px) + 20
    width = left + gap + right
    height = max(len(items), len(terms), 1) * row + 30
    pos = {n["id"]: (left, 24 + k * row) for k, n in enumerate(items)}
    pos.update({n["id"]: (left + gap, 24 + k * row) for k, n in enumerate(terms)})
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' "
             f"role='img' aria-label='query-item graph' style='max-width:{width}px'>"]
    wmax = max([e[2] for e in sub.get("edges", [])] or [1.0])
    for a, b, w in sub.get("edges", []):
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            parts.append(f"<line x1='{x1}' y1='{y1}' x2='{x2}' y2='{y2}' stroke='#94a3b8' "
                         f"stroke-width='{0.5 + 2.5 * w / wmax:.2f}' stroke-opacity='0.7'/>")
    for n in items + terms:
        x, y = pos[n["id"]]
        colour = ROLE_COLOURS.get(n["role"], "#6b7280")
        label = html.escape(n["label"])
        anchor, dx = ("end", -9) if n["kind"] == "item" else ("start", 9)
        parts.append(f"<circle cx='{x}' cy='{y}' r='6' fill='{colour}'><title>{label}</title></circle>"
                     f"<text x='{x + dx}' y='{y + 4}' font-size='11' text-anchor='{anchor}' "
                     f"fill='currentColor'>{label}</text>")
    parts.append("</svg>")
    parts.append("<p style='font-size:11px;color:#6b7280'>films (left) and what you asked for or they share "
                 "(right); <span style='color:#2563eb'>●</span> on a card, <span style='color:#16a34a'>●</span> "
                 "liked or wanted, <span style='color:#dc2626'>●</span> ruled out</p>")
    return "".join(parts)


def nation_of(values: set[tuple[str, str]]) -> str:
    """The people's word for a country-or-language group ("German" for Germany, West Germany or
    German); "" when the group is no such word's."""
    for word, (countries, languages) in NATIONS.items():
        mine = {("country", c) for c in countries} | {("language", v) for v in languages}
        if values <= mine and len(values) > 1 and {t for t, _ in values} == {"country", "language"}:
            return word.title()
    return ""


def either_label(catalog, group, forms: dict[str, str] | None = None) -> str:
    """A constraint any of ``group``'s values meets, in words: "France or French"; a run of
    decades from the first (last) one the catalog has is "the 1950s or earlier" ("the 1980s or
    later"). ``forms`` wraps each value by its type ("from the {}", "in {}"), but not such a run."""
    names = [catalog.attr_values[v][1] for v in group]
    if {catalog.attr_values[v][0] for v in group} == {"decade"} and len(names) > 1:
        every, run = list(catalog.decades()), sorted(names)
        if len(run) < len(every) and run == every[: len(run)]:
            return f"the {run[-1]} or earlier"
        if len(run) < len(every) and run == every[-len(run):]:
            return f"the {run[0]} or later"
        at = every.index(run[0]) if run[0] in every else -1
        if len(run) > 2 and at >= 0 and run == every[at : at + len(run)]:  # not "from the 1930s or from the 1940s
            return ("from " if forms and "decade" in forms else "") + f"the {run[0]} to the {run[-1]}"  # or ..."
    if set(names) <= set(RUNTIME_BANDS) and {catalog.attr_values[v][0] for v in group} == {"runtime"}:
        span = tuple(sorted(names, key=RUNTIME_BANDS.index))  # "like titanic but shorter": "under 2 hours"
        if span in RUNTIME_SPANS:
            return RUNTIME_SPANS[span]
    nation = nation_of({catalog.attr_values[v] for v in group})
    if nation and len(group) > 2:  # "German", not "Germany or West Germany or German"
        return nation
    ratings = [f"rated {r}" for r in RATINGS]
    if {catalog.attr_values[v][0] for v in group} == {"mpaa"} and len(names) > 1 and sorted(
            names, key=lambda n: ratings.index(n) if n in ratings else 99) == ratings[: len(names)]:
        return f"{ratings[len(names) - 1]} or milder"  # not "rated G or rated PG or rated PG-13"
    return join_words([(forms or {}).get(catalog.attr_values[v][0], "{}").format(
        named(catalog.attr_values[v][0], n) if forms else n) for v, n in zip(group, names)],
                      "or")  # "Crime, Thriller, War, Horror or Film-Noir"
