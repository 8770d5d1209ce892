"""Film series in a catalog: "all the alien movies", "a star wars marathon", "the godfather films".

A series is read from the titles: the films whose title, or a part of it between colons, is the
same name once a number or "Part …" is taken off its end ("Alien", "Alien 3", "Alien:
Resurrection"; "Jurassic Park", "The Lost World: Jurassic Park"), and the films whose title
begins with a one-word name that is a title of its own ("Batman", "Batman Returns", "Batman &
Robin"). A few series whose titles share no name ("Star Wars", "The Empire Strikes Back", "Return
of the Jedi") are listed in ``NAMED``. Not a series: one film listed twice, a remake under the
same title ("Cape Fear" 1962 and 1991), or an everyday word without a numbered sequel ("Fear",
"The Killer": "some killer movies" asks for good films).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from recsys.catalog import Catalog, display_title

CALLED = {"bond": "James Bond", "007": "James Bond", "james bond": "James Bond"}  # a series' name in the reply
_BOND = ("Dr. No", "From Russia with Love", "Goldfinger", "Thunderball", "You Only Live Twice",
         "On Her Majesty's Secret Service", "Diamonds Are Forever", "Live and Let Die", "Man with the Golden Gun, The",
         "Spy Who Loved Me, The", "Moonraker", "For Your Eyes Only", "Octopussy", "View to a Kill, A",
         "Living Daylights, The", "Licence to Kill", "GoldenEye", "Tomorrow Never Dies", "World Is Not Enough, The")
# series whose films' titles share no name; catalog titles a catalog lacks are left out
NAMED: dict[str, tuple[str, ...]] = {
    "star wars": ("Star Wars", "Empire Strikes Back, The", "Return of the Jedi",
                  "Star Wars: Episode IV - A New Hope", "Star Wars: Episode V - The Empire Strikes Back",
                  "Star Wars: Episode VI - Return of the Jedi", "Star Wars: Episode I - The Phantom Menace"),
    "indiana jones": ("Raiders of the Lost Ark", "Indiana Jones and the Temple of Doom",
                      "Indiana Jones and the Last Crusade"),
    "evil dead": ("Evil Dead, The", "Evil Dead II (Dead By Dawn)", "Evil Dead II", "Army of Darkness"),
    "mighty ducks": ("Mighty Ducks, The", "D2: The Mighty Ducks", "D3: The Mighty Ducks"),
    "james bond": _BOND,
    "bond": _BOND,
    "007": _BOND,
}
GENERIC = {("movie",), ("episode",), ("chapter",), ("sequel",), ("volume",), ("film",)}  # "Star Wars: Episode IV"
_ROMAN = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
_TRAILING = re.compile(r"\s*\((?:[^()]*)\)\s*$")  # "Seven (Se7en)", "Killer (Bulletproof Heart)"


@dataclass(frozen=True)
class Series:
    name: str  # as titles write it: "Star Trek"
    items: tuple[int, ...]  # catalog indices, oldest first (one of each film listed twice)
    missing: str = ""  # a part asked for that the catalog lacks: "Die Hard 4"
    part: bool = False  # ``items`` is the one part asked for by its number ("jaws 3": Jaws 3-D)
    verdict: str = ""  # "like", "dislike" or "seen": said of every film of it ("loved the terminator movies")


def _words(text: str) -> list[str]:
    text = re.sub(r"\b(\d)-?d\b", r"\1", text.lower())  # "Jaws 3-D": Jaws 3
    return re.findall(r"[a-z0-9']+", text.replace("\u00b2", " 2").replace("\u00b3", " 3"))  # "Alien³"


def _name_of(part: str) -> tuple[str, ...]:
    """A title part without its article, and without a number or "Part II" at its end."""
    w = _words(part)
    while w and (w[-1].isdigit() or w[-1] in _ROMAN or w[-1] == "part"):
        w = w[:-1]
    while w and w[0] in ("the", "a", "an"):
        w = w[1:]
    return tuple(w)


def _parts(title: str) -> list[str]:
    shown = display_title(title)
    while _TRAILING.search(shown):
        shown = _TRAILING.sub("", shown)
    return [p.strip() for p in re.split(r":|\s-\s", shown) if p.strip()]


def _numbered(title: str) -> bool:
    """The title carries a sequel's number ("Alien 3", "Young Guns II", "The Godfather: Part II")."""
    for part in _parts(title):
        w = _words(part)
        if len(w) > 1 and (w[-1].isdigit() or w[-1] in _ROMAN) or w[:1] == ["part"]:
            return True
    return False


def find_series(catalog: Catalog, everyday: Callable[[str], bool] = lambda w: False) -> dict[tuple[str, ...], Series]:
    """The catalog's series by their name's words ("star", "trek"). ``everyday``: whether a word
    is an ordinary English word (such a one-word name needs a numbered sequel, or films made by
    the same people, to be a series)."""
    rep = catalog.duplicate_of()
    groups: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, title in enumerate(catalog.titles):
        for part in _parts(title):
            if name := _name_of(part):
                groups[name].add(int(rep[i]))
    singles = {name: min(g) for name, g in groups.items() if len(name) == 1}
    for name, g in list(groups.items()):  # "Aliens" after "Alien"
        if len(name) == 1 and name[0].endswith("s") and (name[0][:-1],) in singles:
            groups[(name[0][:-1],)] |= g
    joiners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, title in enumerate(catalog.titles):  # "Batman Returns" after "Batman"
        first = _words(" ".join(_parts(title)[:1]))
        if len(first) > 1 and (first[0],) in singles:
            joiners[(first[0],)].add(int(rep[i]))
    for name, films in joiners.items():  # each made with someone of the first or of another of them (Burton,
        pool = groups[name] | films  # Schumacher), not "Scream of Stone"
        groups[name] |= {i for i in films if any(_people(catalog, i) & _people(catalog, j) for j in pool - {i})}
    by_title = {t.lower(): int(rep[i]) for i, t in enumerate(catalog.titles)}
    for name, titles in NAMED.items():
        found = {by_title[t.lower()] for t in titles if t.lower() in by_title}
        if len(found) > 1:
            groups[tuple(name.split())] = found
    out: dict[tuple[str, ...], Series] = {}
    for name, items in groups.items():
        if len({_whole(catalog.titles[i]) for i in items}) < 2:  # one film twice, a remake under its own title
            continue  # ("The Little Princess", "A Little Princess")
        if " ".join(name) not in NAMED:
            if name in GENERIC:  # "…: The Movie", "Star Wars: Episode IV"
                continue
            if not all(_name_of(_parts(catalog.titles[i])[0]) == name for i in items) \
                    and not _made_by_the_same(catalog, items):  # "The Crow: City of Angels" and "City of Angels"
                continue
            if len(name) == 1 and everyday(name[0]) and not any(_numbered(catalog.titles[i]) for i in items) \
                    and not _made_by_the_same(catalog, items):  # ("Batman" is in the encoder's vocabulary; its
                continue  # films share Tim Burton and Joel Schumacher)
        order = tuple(sorted(items, key=lambda i: (int(catalog.years[i]), catalog.titles[i])))
        out[name] = Series(CALLED.get(" ".join(name)) or _written(catalog, order, name), order)
    return out


def _people(catalog: Catalog, i: int) -> set[tuple[str, str]]:
    return {("director", v) for v in catalog.values_of(i, "director")} | {("cast", v) for v in catalog.leads(i, 3)}


def _made_by_the_same(catalog: Catalog, items) -> bool:
    """Some two of the films, under different titles, share a director or one of their stars
    (not "The Fear" and "Fear", one record matched to both)."""
    items = list(items)
    people = {i: _people(catalog, i) for i in items}
    return any(people[a] & people[b] and _whole(catalog.titles[a]) != _whole(catalog.titles[b])
               for k, a in enumerate(items) for b in items[k + 1 :])


def _whole(title: str) -> tuple[str, ...]:
    """A title's words without articles or alternative titles, numbers kept."""
    return tuple(w for w in _words(" ".join(_parts(title))) if w not in ("the", "a", "an"))


def _written(catalog: Catalog, items: tuple[int, ...], name: tuple[str, ...]) -> str:
    """The name as a title writes it ("Star Trek", "Die Hard"); else in title case."""
    pattern = re.compile(r"\b" + r"\W+".join(re.escape(w) for w in name) + r"\b", re.IGNORECASE)
    for i in items:
        if m := pattern.search(display_title(catalog.titles[i])):
            return m.group(0)
    return " ".join(w.capitalize() for w in name)
