"""A setting the app cannot use stops ``python app.py`` at once with one line naming it, not
a traceback and not a server that half works."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.app_process import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("setting, value, says", [
    ("CRS_DATABASE_URL", "postgresql://crs:hunter2@127.0.0.1:{port}/crs", "cannot use the database"),
    ("CRS_DATABASE_URL", "mysql://127.0.0.1/crs", "expected a postgresql:// URL"),
    ("CRS_CHROMA_URL", "http://127.0.0.1:{port}", "no Chroma server answers"),
    ("CRS_CHROMA_URL", "chroma:8000:x", "CRS_CHROMA_URL"),
])
def test_a_bad_server_setting_is_one_line_naming_it(tmp_path, setting, value, says):
    value = value.format(port=free_port())  # nothing listens there
    env = {**os.environ, setting: value, "CRS_MEMORY_PATH": str(tmp_path / "m.sqlite3"),
           "GRADIO_SERVER_PORT": str(free_port())}
    done = subprocess.run([sys.executable, "app.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    err = done.stderr.strip()
    assert done.returncode != 0 and "Traceback" not in err, err[-2000:]
    last = err.splitlines()[-1]
    assert last.startswith(f"error: {setting}=") and says in last, err[-2000:]
    assert "hunter2" not in err
