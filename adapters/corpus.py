"""The narrative corpus: what the narrator learns to write, built from the catalog.

Three kinds of narrative per (user, candidate film), as in REGEN:
- ``reason``: why the film suits this user, grounded in the evidence behind the
  recommendation: the values it shares with the films they liked, and the liked films
  closest to it;
- ``endorsement``: a short endorsement of the film from its facts;
- ``summary``: a summary of the user's taste from their liked films.

Every fact in a target text is true: it comes from the catalog (the film's genres, year,
director, cast) or from the user's liked films. Phrasing varies: each kind has several
phrasings, and ``TEST_ONLY`` of them are used only for test narratives, so a model cannot
score by copying a template it saw. Examples come from the user split: a user's likes
(rating >= 4, in time order), the candidate one of them and the history the five liked
before it; train and test users are disjoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from recsys.catalog import Catalog, display_title

KINDS = ("reason", "endorsement", "summary")
HISTORY = 5
EVIDENCE_TYPES = ("genre", "director", "cast", "decade")

PHRASINGS = {
    "reason": [
        "If you liked {similar}, {title} should suit you: it shares {shared}.",
        "{title} ({year}) fits your taste: like {similar}, it has {shared}.",
        "You enjoyed {similar}, and {title} has {shared} too, so it is a good next pick.",
        "{title} is for you because it shares {shared} with {similar}, which you liked.",
        "Since {similar} worked for you, try {title}: {shared}.",
        "Picked for you: {title}, with {shared}, close to {similar}.",
        # test only
        "{title} brings {shared}, the same things you liked in {similar}.",
        "Given how much you liked {similar}, {title} ({year}) is worth a look: {shared}.",
    ],
    "endorsement": [
        "{title} ({year}) is {a_genres} film directed by {director}, with {cast}.",
        "{A_genres} film from {year}: {title}, directed by {director} and starring {cast}.",
        "{director} directed {title} ({year}), {a_genres} film with {cast}.",
        "Watch {title}: {genres}, {year}, by {director}, starring {cast}.",
        "{title} is {director}'s {genres} film from {year}, with {cast}.",
        "With {cast}, {title} ({year}) is {a_genres} film by {director}.",
        # test only
        "From {year}, {director}'s {title} is {a_genres} film starring {cast}.",
        "{title}, directed by {director} in {year}, is {a_genres} film with {cast}.",
    ],
    "summary": [
        "You like {taste}, as in {liked}.",
        "Your taste runs to {taste}: {liked}.",
        "You enjoy {taste}, for example {liked}.",
        "Films like {liked} show a taste for {taste}.",
        "A fan of {taste}: {liked}.",
        "Your favourites, {liked}, point to {taste}.",
        # test only
        "You keep coming back to {taste}, with {liked}.",
        "{liked}: you clearly like {taste}.",
    ],
}
TEST_ONLY = 2  # the last phrasings of each kind


def join(words) -> str:
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def article(phrase: str) -> str:
    """ "a" or "an" before ``phrase``, by its first sound ("an action film", "a war film")."""
    w = phrase.lower()
    vowel = w[:1] in tuple("aeiou") and not w.startswith(("one", "uni", "use", "euro"))
    return ("an " if vowel or w.startswith(("hour", "honest")) else "a ") + phrase


def short_title(title: str) -> str:
    """The display title without an alternative title in parentheses: how people write it."""
    return display_title(title).split(" (")[0]


@dataclass
class Example:
    user: int
    item: int  # catalog item index of the candidate
    history: list[int]  # catalog item indices, oldest first
    kind: str
    facts: dict  # everything the prompt states (strings)
    target: str
    allowed: dict = field(default_factory=dict)  # true facts by type, for the faithfulness check


def item_facts(catalog: Catalog, i: int) -> dict:
    cast = catalog.leads(i, 2)
    year = int(catalog.years[i])
    return {"title": short_title(catalog.titles[i]), "year": str(year) if year > 0 else "",
            "genres": [g.lower() for g in catalog.values_of(i, "genre")][:2],
            "director": (catalog.values_of(i, "director") or [""])[0], "cast": list(cast)}


def evidence(catalog: Catalog, item: int, history: list[int], similarity: np.ndarray | None) -> dict:
    """Values the candidate shares with the history (most shared first; of its cast, only its
    leads count) and the two liked
    films closest to it (by ``similarity`` over the history, else most shared values)."""
    stars = set(catalog.leads(item, 3))  # a bit player in both films is not a reason to watch
    have = {(t, v) for t, v in catalog.attributes_of(item) if t in EVIDENCE_TYPES and (t != "cast" or v in stars)}
    shared: dict[tuple[str, str], int] = {}
    overlap = []
    for h in history:
        hv = {(t, v) for t, v in catalog.attributes_of(h) if t in EVIDENCE_TYPES}
        common = have & hv
        overlap.append(len(common))
        for tv in common:
            shared[tv] = shared.get(tv, 0) + 1
    order = np.argsort(-(similarity if similarity is not None else np.asarray(overlap, float)), kind="stable")
    similar = [history[k] for k in order[:2]]
    ranked = sorted(shared, key=lambda tv: (-shared[tv], EVIDENCE_TYPES.index(tv[0]), tv[1]))
    words = [v.lower() if t == "genre" else f"the {v}" if t == "decade" else v for t, v in ranked[:3]]
    return {"shared": words, "shared_pairs": ranked[:3], "similar": [short_title(catalog.titles[h]) for h in similar],
            "similar_items": similar}


def taste(catalog: Catalog, history: list[int]) -> list[str]:
    counts: dict[str, int] = {}
    for h in history:
        for g in catalog.values_of(h, "genre"):
            counts[g.lower()] = counts.get(g.lower(), 0) + 1
    return [g for g, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]


def fill(template: str, facts: dict) -> str:
    """A phrasing with the facts written in."""
    genres = join(facts["genres"])
    a_genres = article(genres) if genres else ""
    return template.format(title=facts["title"], year=facts["year"], genres=genres, a_genres=a_genres,
                           A_genres=a_genres[:1].upper() + a_genres[1:],
                           director=facts["director"], cast=join(facts["cast"]), shared=join(facts["shared"]),
                           similar=join(facts["similar"]), taste=join(facts["taste"]) + " films",
                           liked=join(facts["liked"]))


def render_target(kind: str, facts: dict, rng: np.random.Generator, test: bool) -> str:
    options = PHRASINGS[kind]
    pool = options[-TEST_ONLY:] if test else options[:-TEST_ONLY]
    return fill(pool[int(rng.integers(len(pool)))], facts)


def usable(kind: str, facts: dict) -> bool:
    if kind != "summary" and not facts["year"]:  # the phrasings state the year
        return False
    if kind == "reason":
        return bool(facts["shared"] and facts["similar"])
    if kind == "endorsement":
        return bool(facts["genres"] and facts["director"] and facts["cast"])
    return bool(facts["taste"] and facts["liked"])


def build_examples(catalog: Catalog, users: np.ndarray, items: np.ndarray, n: int, seed: int, test: bool,
                   similarity=None, exclude: set[tuple[int, int]] = frozenset()) -> list[Example]:
    """``n`` examples (a third of each kind where possible) from ``users``' likes among
    ``items`` (catalog indices the narrator may talk about). ``similarity(item, history)``
    -> ``(len(history),)`` ranks the liked films shown as similar (fused vectors in training).
    ``exclude``: (user, item) pairs not to draw (another sample's, so that two samples of the
    same users are disjoint)."""
    rng = np.random.default_rng(seed)
    allowed_items = np.zeros(catalog.n_items, dtype=bool)
    allowed_items[items] = True
    likes = {}
    keep = (catalog.inter_rating >= 4) & allowed_items[catalog.inter_item] & np.isin(catalog.inter_user, users)
    order = np.lexsort((catalog.inter_item[keep], catalog.inter_time[keep], catalog.inter_user[keep]))
    for u, i in zip(catalog.inter_user[keep][order], catalog.inter_item[keep][order]):
        likes.setdefault(int(u), []).append(int(i))
    pairs = [(u, k) for u, seq in likes.items() for k in range(HISTORY, len(seq))]
    rng.shuffle(pairs)
    out: list[Example] = []
    want = {kind: n // len(KINDS) + (1 if j < n % len(KINDS) else 0) for j, kind in enumerate(KINDS)}
    for u, k in pairs:
        if not any(want.values()):
            break
        seq = likes[u]
        item, history = seq[k], seq[k - HISTORY : k]
        if (u, item) in exclude:
            continue
        kind = [kd for kd in KINDS if want[kd]][int(rng.integers(sum(1 for kd in KINDS if want[kd])))]
        facts = item_facts(catalog, item)
        sim = similarity(item, history) if similarity is not None else None
        ev = evidence(catalog, item, history, sim)
        facts |= {"shared": ev["shared"], "similar": ev["similar"], "taste": taste(catalog, history),
                  "liked": [short_title(catalog.titles[h]) for h in history[-2:]]}
        if not usable(kind, facts):
            continue
        want[kind] -= 1
        target = render_target(kind, facts, rng, test)
        out.append(Example(u, item, history, kind, facts, target, allowed_facts(catalog, item, history)))
    return out


def allowed_facts(catalog: Catalog, item: int, history: list[int]) -> dict:
    """True facts a narrative may state: about the candidate and the user's liked films."""
    films = [item, *history]
    return {"titles": {short_title(catalog.titles[i]).lower() for i in films},
            "years": {str(int(catalog.years[i])) for i in films},
            "persons": {v.lower() for i in films for t, v in catalog.attributes_of(i) if t in ("director", "cast")},
            "directors": {v.lower() for i in films for t, v in catalog.attributes_of(i) if t == "director"},
            "genres": {g.lower() for i in films for g in catalog.values_of(i, "genre")}}
