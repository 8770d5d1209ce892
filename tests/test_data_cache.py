"""The machine-wide test cache: a session publishes what the cache lacks, never a live
database, never over an existing file; the next session starts from a copy."""

import data_cache


def test_publish_then_seed(tmp_path, monkeypatch):
    monkeypatch.setenv("CRS_TEST_CACHE", str(tmp_path / "cache"))
    first = tmp_path / "first"
    (first / "wheels").mkdir(parents=True)
    (first / "wheels" / "a.whl").write_bytes(b"wheel")
    (first / "chroma").mkdir()
    (first / "chroma" / "chroma.sqlite3").write_bytes(b"live")
    (first / "memory.sqlite3").write_bytes(b"someone")
    assert data_cache.publish(first) == 1
    (first / "wheels" / "a.whl").write_bytes(b"changed")
    assert data_cache.publish(first) == 0  # present already: kept as it was
    second = tmp_path / "second"
    second.mkdir()
    assert data_cache.seed(second) == 1
    assert (second / "wheels" / "a.whl").read_bytes() == b"wheel" and not (second / "chroma").exists()
    cached = data_cache.cache_dir()
    assert cached.parent == tmp_path / "cache" and len(cached.name) == 16
    assert sorted(p.name for p in (cached / "wheels").iterdir()) == ["a.whl"]  # no temporary files left
