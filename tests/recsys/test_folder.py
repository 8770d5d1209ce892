"""The folder format (recsys.folder): round trip, validation messages that name file, line and
column, drop accounting, and a given split column honoured by the split."""

from __future__ import annotations

import numpy as np
import pytest

from recsys.catalog import TEST, TRAIN, VALID, DataError
from recsys.datasets import load_dataset
from recsys.folder import load_folder, save_folder
from recsys.split import DataProtocol, split_interactions

ITEMS = [["a", "Alpha", 1999], ["b", "Beta", ""], ["c", "Gamma", 2004]]
ATTRS = [["a", "genre", "Drama"], ["a", "director", "Ann Lee"], ["b", "genre", "Comedy"],
         ["c", "director", "?"], ["c", "genre", "Drama"], ["c", "genre", "Drama"]]
INTER = [["u1", "a", 5, 100], ["u1", "b", 3.5, 200], ["u2", "c", 4, 300], ["u2", "a", 1, 400]]


def test_load_basic(write_folder):
    cat = load_folder(write_folder(ITEMS, INTER, attributes=ATTRS))
    assert cat.name == "ds" and cat.item_ids == ["a", "b", "c"] and cat.user_ids == ["u1", "u2"]
    assert cat.years.tolist() == [1999, -1, 2004]  # empty year -> unknown
    assert cat.values_of(2, "genre") == ["Drama"]  # the duplicate attribute row counts once
    assert not cat.knows(2, "director")  # '?' means unknown, like no row
    assert not cat.knows(1, "director")
    assert cat.inter_rating.tolist() == [5.0, 3.5, 4.0, 1.0]
    assert cat.inter_time.tolist() == [100, 200, 300, 400]
    assert cat.inter_split is None
    assert cat.report["dropped rows"] == "none"


def test_defaults_without_optional_columns(write_folder):
    # no rating, timestamp, year or attributes file: rating 1, timestamp 0, year -1
    folder = write_folder([["a", "Alpha"], ["b", "Beta"]], [["u", "a"], ["u", "b"]],
                          inter_header=("user_id", "item_id"), items_header=("item_id", "title"))
    cat = load_folder(folder)
    assert cat.inter_rating.tolist() == [1.0, 1.0] and cat.inter_time.tolist() == [0, 0]
    assert cat.years.tolist() == [-1, -1] and cat.n_values == 0


def test_round_trip_keeps_items_attributes_interactions(write_folder, tmp_path):
    inter = [row + [s] for row, s in zip(INTER, ["train", "train", "valid", "test"])]
    cat = load_folder(write_folder(ITEMS, inter, attributes=ATTRS,
                                   inter_header=("user_id", "item_id", "rating", "timestamp", "split")))
    save_folder(cat, tmp_path / "copy")
    back = load_folder(tmp_path / "copy")
    assert back.item_ids == cat.item_ids and back.titles == cat.titles and back.texts == cat.texts
    assert back.years.tolist() == cat.years.tolist()
    assert [back.attributes_of(i) for i in range(back.n_items)] == [cat.attributes_of(i) for i in range(cat.n_items)]
    assert back.item_known.tolist() == cat.item_known.tolist()
    assert back.user_ids == cat.user_ids
    for arr in ("inter_user", "inter_item", "inter_rating", "inter_time", "inter_split"):
        assert getattr(back, arr).tolist() == getattr(cat, arr).tolist(), arr
    assert back.inter_split.tolist() == [TRAIN, TRAIN, VALID, TEST]
    # same folder name, same content: same fingerprint
    save_folder(back, tmp_path / "again" / "ds")
    assert load_folder(tmp_path / "again" / "ds").fingerprint() == cat.fingerprint()


@pytest.mark.parametrize("rows, header, where, column", [
    # line 1 is the header, so the second data row is line 3
    ([["u1", "a", 5, 1], ["u1", "b", "abc", 2]], None, "interactions.csv:3", "rating"),
    ([["u1", "a", 5, "soon"]], None, "interactions.csv:2", "timestamp"),
    ([["u1", "a", 5, 1], ["", "b", 5, 2]], None, "interactions.csv:3", "user_id"),
    ([["u1", "a", 5, 1, "train"], ["u1", "b", 5, 2, "holdout"]],
     ("user_id", "item_id", "rating", "timestamp", "split"), "interactions.csv:3", "split"),
    ([["u1", "a", 5, 1, "extra"]], None, "interactions.csv:2", "more fields"),
])
def test_bad_interaction_rows_name_file_line_column(write_folder, rows, header, where, column):
    folder = write_folder(ITEMS, rows, **({"inter_header": header} if header else {}))
    with pytest.raises(DataError) as exc:
        load_folder(folder)
    assert where in str(exc.value) and column in str(exc.value)


def test_bad_items_and_attributes(write_folder, tmp_path):
    folder = write_folder([["a", "Alpha", 1999], ["b", "Beta", "19x9"]], INTER[:1], name="badyear")
    with pytest.raises(DataError, match=r"items\.csv:3: column 'year'"):
        load_folder(folder)
    folder = write_folder([["a", "Alpha", 1], ["", "Beta", 2]], INTER[:1], name="noid")
    with pytest.raises(DataError, match=r"items\.csv:3: column 'item_id'"):
        load_folder(folder)
    folder = write_folder(ITEMS, INTER, attributes=[["a", "", "x"]], name="noattr")
    with pytest.raises(DataError, match=r"item_attributes\.csv:2: column 'attribute'"):
        load_folder(folder)


def test_missing_column_and_missing_files(write_folder, tmp_path):
    folder = write_folder(ITEMS, [["u1", 5]], inter_header=("user_id", "rating"))
    with pytest.raises(DataError, match=r"interactions\.csv:1: missing column\(s\) item_id"):
        load_folder(folder)
    (folder / "items.csv").unlink()
    with pytest.raises(DataError, match=r"items\.csv: file not found"):
        load_folder(folder)
    with pytest.raises(DataError, match="not a folder"):
        load_folder(tmp_path / "nowhere")
    empty = write_folder(ITEMS, [], name="empty")
    with pytest.raises(DataError, match="no interactions"):
        load_folder(empty)


def test_drops_are_counted_in_the_report(write_folder):
    rows = INTER + [["u3", "zzz", 5, 1], ["u3", "yyy", 5, 1], INTER[0]]  # two unknown items, one duplicate
    items = ITEMS + [["a", "Alpha again", 2000]]
    attrs = ATTRS + [["ghost", "genre", "Drama"]]
    cat = load_folder(write_folder(items, rows, attributes=attrs))
    assert cat.report["dropped rows"] == {"duplicate items": 1, "attributes of unknown items": 1,
                                          "interactions with an unknown item": 2, "duplicate interactions": 1}
    assert len(cat.inter_user) == 4 and "u3" not in cat.user_ids
    assert cat.titles[0] == "Alpha"  # the first row of a duplicated item wins


def test_given_split_is_honoured(write_folder):
    # a split column decides the parts; no seed reshuffles it
    rows = [["u1", "a", 5, 1, "train"], ["u1", "b", 5, 2, "valid"], ["u1", "c", 5, 3, "TEST"],
            ["u2", "a", 5, 4, "test"], ["u2", "c", 5, 5, "train"]]
    cat = load_folder(write_folder(ITEMS, rows, inter_header=("user_id", "item_id", "rating", "timestamp", "split")))
    for seed in (0, 1):
        data = split_interactions(cat, seed=seed, protocol=DataProtocol(None, 1))
        assert data.train.toarray().tolist() == [[1, 0, 0], [0, 0, 1]]
        assert data.valid.toarray().tolist() == [[0, 1, 0], [0, 0, 0]]
        assert data.test.toarray().tolist() == [[0, 0, 1], [1, 0, 0]]


def test_load_dataset_accepts_a_folder_path(write_folder, tmp_path):
    folder = write_folder(ITEMS, INTER)
    assert load_dataset(str(folder)).n_users == 2
    with pytest.raises(ValueError, match="unknown dataset"):
        load_dataset(str(tmp_path / "missing"))


@pytest.mark.data
def test_movielens_100k_loads():
    cat = load_dataset("movielens-100k")
    assert (cat.n_items, cat.n_users, len(cat.inter_user)) == (1682, 943, 100000)
    assert np.isin(cat.inter_rating, [1, 2, 3, 4, 5]).all()


@pytest.mark.data
def test_movielens_1m_protocol_split():
    # RecBole's ML-1M benchmark data: rating >= 3 positives, 10-core, per-user 8:1:1
    data = split_interactions(load_dataset("movielens-1m"), seed=0)
    assert data.shape == (6033, 3123)
    assert data.train.nnz + data.valid.nnz + data.test.nnz == 834449
