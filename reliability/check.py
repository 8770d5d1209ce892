"""One row of the reliability table: :class:`Check` counts what a check tried, what it
injected, the conversations it held and the turns or records lost (must be 0), and keeps
every problem seen; :func:`timed` makes a check record its own wall-clock seconds."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Check:
    """A check passes when it saw no problem and lost nothing; :meth:`expect` records a
    problem without stopping the check, so one row reports every failure it met."""

    name: str
    inputs: int = 0  # messages, events and requests tried
    faults: int = 0  # faults injected (kills, corrupt files, broken components)
    sessions: int = 0  # conversations held
    lost: int = 0  # completed turns or records missing afterwards
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    note: str = ""

    def expect(self, ok: bool, problem: str) -> bool:
        if not ok:
            self.problems.append(problem)
        return ok

    @property
    def ok(self) -> bool:
        return not self.problems and self.lost == 0

    def row(self) -> list:
        result = "pass" if self.ok else f"FAIL ({len(self.problems)}): {self.problems[0][:60]}" if self.problems \
            else "FAIL: data lost"
        return [self.name, self.inputs, self.faults, self.sessions, self.lost, f"{self.seconds:.0f}", result]

    def to_dict(self) -> dict:
        return {"name": self.name, "inputs": self.inputs, "faults": self.faults, "sessions": self.sessions,
                "lost": self.lost, "ok": self.ok, "seconds": round(self.seconds, 1), "note": self.note,
                "problems": self.problems[:50]}


HEADER = ["check", "inputs tried", "faults injected", "sessions held", "data lost", "s", "result"]


def timed(fn: Callable[..., Check]) -> Callable[..., Check]:
    """``fn`` with its :attr:`Check.seconds` set to how long it ran; name and docstring kept."""

    def run(*args, **kwargs) -> Check:
        t0 = time.perf_counter()
        check = fn(*args, **kwargs)
        check.seconds = time.perf_counter() - t0
        return check

    run.__name__, run.__doc__ = fn.__name__, fn.__doc__
    return run
