"""``chroma run`` as a child process on 127.0.0.1, for the tests and checks that need a real
Chroma server (``CRS_CHROMA_URL``):

    with ChromaServer() as server:            # waits until its heartbeat answers
        os.environ["CRS_CHROMA_URL"] = server.url
        ...
    # stopped, and a temporary data folder deleted

``stop()`` then ``start()`` restarts it on the same data (and port, once one was chosen).

The ``chroma`` executable is the one installed next to ``sys.executable`` (chromadb's CLI);
its console goes to ``<data path>/../chroma-server.log`` (or the temporary folder).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from reliability.app_process import free_port


def chroma_executable() -> Path:
    """``chroma`` beside the running interpreter (``.venv/bin/chroma``); FileNotFoundError if absent."""
    exe = Path(sys.executable).with_name("chroma")
    if not exe.exists():
        raise FileNotFoundError(f"no chroma executable beside {sys.executable} (is chromadb installed?)")
    return exe


class ChromaServer:
    def __init__(self, path: str | Path | None = None, port: int | None = None, timeout: float = 30.0):
        """``path``: the server's data folder (default: a temporary folder, deleted on exit);
        ``port``: default a free one; ``timeout``: seconds to wait for the heartbeat."""
        self._tmp = None if path is not None else Path(tempfile.mkdtemp(prefix="crs-chroma-"))
        self.path = Path(path) if path is not None else self._tmp / "data"
        self.log_path = (self._tmp or self.path.parent) / "chroma-server.log"
        self.port = port
        self.timeout = timeout
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> str:
        """Start the server and wait for its heartbeat; returns ``url``. Raises RuntimeError
        with the log's tail if it exits or does not answer within ``timeout`` seconds."""
        if self.running:
            raise RuntimeError("the Chroma server is already running")
        self.port = port = self.port or free_port()
        cmd = [str(chroma_executable()), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(port)]
        self.path.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("a") as out:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode} (port {port}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=2) as response:
                    response.read()
                return self.url
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"chroma run gave no heartbeat within {self.timeout:.0f} s:\n{self.log_tail()}")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        """Terminate the server (kill after 10 s); its data stays."""
        if self.running:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def close(self) -> None:
        """Stop, and delete the data folder if it is the temporary one."""
        self.stop()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def __enter__(self) -> ChromaServer:
        if not self.running:
            try:
                self.start()
            except BaseException:
                self.close()
                raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()
