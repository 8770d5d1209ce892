"""The folder format, so anyone can bring their own data.

``items.csv``            item_id, title[, year][, text]
``item_attributes.csv``  item_id, attribute, value      (optional; one row per value)
``interactions.csv``     user_id, item_id[, rating][, timestamp][, split]

CSV with a header row, UTF-8. Without a ``rating`` column the data is implicit feedback
(every interaction a positive; ``recsys.split.data_protocol``); ``timestamp`` defaults to 0. ``split`` is
``train``/``valid``/``test``; when the column is present it is honoured everywhere. Rows are
validated: a bad value raises ``DataError`` naming the file, line and column; interactions
whose item is not in ``items.csv`` and exact duplicate rows are dropped and counted in the
catalog's load report. An empty ``value`` says the item has data for that type but no value
(e.g. a film known not to have won an Oscar: asked about it, the answer is "no"); an item
with no row for a type, or the value ``?``, is *unknown* for it (the answer is "don't know").
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from recsys.catalog import SPLIT_CODES, Catalog, DataError, build_catalog


def _rows(path: Path, required: tuple[str, ...]):
    try:
        f = path.open(newline="", encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"{path}: file not found") from exc
    with f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        missing = [c for c in required if c not in header]
        if missing:
            raise DataError(f"{path}:1: missing column(s) {', '.join(missing)} (header: {', '.join(header)})")
        for row in reader:
            if None in row:
                raise DataError(f"{path}:{reader.line_num}: more fields than the header has")
            yield reader.line_num, row


def _number(path: Path, line: int, column: str, text: str, kind=float):
    try:
        x = float(text)
        if not np.isfinite(x):
            raise ValueError(text)
        return int(x) if kind is int else kind(x)
    except (ValueError, OverflowError) as exc:
        raise DataError(f"{path}:{line}: column '{column}': not a finite number: {text!r}") from exc


def load_folder(folder: str | Path) -> Catalog:
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder (expected items.csv, interactions.csv[, item_attributes.csv])")
    items, texts, seen = [], {}, set()
    dropped: dict[str, int] = {}
    for line, row in _rows(folder / "items.csv", ("item_id", "title")):
        iid = row["item_id"].strip()
        if not iid:
            raise DataError(f"{folder / 'items.csv'}:{line}: column 'item_id': empty")
        if iid in seen:
            dropped["duplicate items"] = dropped.get("duplicate items", 0) + 1
            continue
        seen.add(iid)
        year = _number(folder / "items.csv", line, "year", row["year"], int) if row.get("year") else -1
        items.append((iid, row["title"].strip(), year))
        if row.get("text"):
            texts[iid] = row["text"].strip()
    attrs, known = [], {iid: set() for iid, _, _ in items}
    attr_file = folder / "item_attributes.csv"
    if attr_file.exists():
        pairs = set()
        for line, row in _rows(attr_file, ("item_id", "attribute", "value")):
            iid, t, v = row["item_id"].strip(), row["attribute"].strip(), row["value"].strip()
            if iid not in known:
                dropped["attributes of unknown items"] = dropped.get("attributes of unknown items", 0) + 1
                continue
            if not t:
                raise DataError(f"{attr_file}:{line}: column 'attribute': empty")
            if not v:  # known for this type, no value: a question about it is answered "no"
                known[iid].add(t)
                continue
            if v == "?" or (iid, t, v) in pairs:
                continue
            pairs.add((iid, t, v))
            attrs.append((iid, t, v))
    users, its, ratings, times, splits = [], [], [], [], []
    inter_file = folder / "interactions.csv"
    has_split = has_rating = None
    seen_inter = set()
    for line, row in _rows(inter_file, ("user_id", "item_id")):
        if has_split is None:
            has_split, has_rating = "split" in row, "rating" in row
        uid, iid = row["user_id"].strip(), row["item_id"].strip()
        if not uid:
            raise DataError(f"{inter_file}:{line}: column 'user_id': empty")
        if iid not in known:
            dropped["interactions with an unknown item"] = dropped.get("interactions with an unknown item", 0) + 1
            continue
        rating = _number(inter_file, line, "rating", row["rating"]) if row.get("rating") else 1.0
        ts = _number(inter_file, line, "timestamp", row["timestamp"], int) if row.get("timestamp") else 0
        key = (uid, iid, rating, ts)
        if key in seen_inter:
            dropped["duplicate interactions"] = dropped.get("duplicate interactions", 0) + 1
            continue
        seen_inter.add(key)
        if has_split:
            s = (row.get("split") or "").strip().lower()
            if s not in SPLIT_CODES:
                raise DataError(f"{inter_file}:{line}: column 'split': {s!r} is not train, valid or test")
            splits.append(SPLIT_CODES[s])
        users.append(uid)
        its.append(iid)
        ratings.append(rating)
        times.append(ts)
    if not users:
        raise DataError(f"{inter_file}: no interactions")
    report = {"dropped rows": dropped or "none",
              "ratings": "given" if has_rating else "none (implicit feedback: every interaction is a positive)",
              "split": "given (train/valid/test column)" if has_split else "none (a seeded per-user 8:1:1 split)"}
    return build_catalog(folder.name, items, attrs, known,
                         (users, its, np.array(ratings), np.array(times), splits if has_split else None),
                         texts=texts, report=report, rated=bool(has_rating), builtin=False)


def save_folder(catalog: Catalog, folder: str | Path) -> None:
    """Write ``catalog`` in the folder format (round-trips through ``load_folder``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "items.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["item_id", "title", "year", "text"])
        for k, iid in enumerate(catalog.item_ids):
            w.writerow([iid, catalog.titles[k], int(catalog.years[k]), catalog.texts[k]])
    with (folder / "item_attributes.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["item_id", "attribute", "value"])
        for k, iid in enumerate(catalog.item_ids):
            attrs = catalog.attributes_of(k)
            for t, v in attrs:
                w.writerow([iid, t, v])
            with_values = {t for t, _ in attrs}
            for j, t in enumerate(catalog.attr_types):
                if catalog.item_known[k, j] and t not in with_values:
                    w.writerow([iid, t, ""])
    names = {v: k for k, v in SPLIT_CODES.items()}
    with (folder / "interactions.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        split_col = ["split"] if catalog.inter_split is not None else []
        rating_col = ["rating"] if catalog.ratings else []
        w.writerow(["user_id", "item_id"] + rating_col + ["timestamp"] + split_col)
        for n in range(len(catalog.inter_user)):
            row = [catalog.user_ids[catalog.inter_user[n]], catalog.item_ids[catalog.inter_item[n]]]
            row += [float(catalog.inter_rating[n])] if catalog.ratings else []
            row.append(int(catalog.inter_time[n]))
            if catalog.inter_split is not None:
                row.append(names[int(catalog.inter_split[n])])
            w.writerow(row)
