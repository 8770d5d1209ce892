"""The tiny hand-built world of the simulator and policy tests: 30 films, 40 users, five
attribute types with some data unknown on purpose; every answer, candidate set and outcome
can be worked out by hand from ``item_values`` and ``knows``."""

from __future__ import annotations

from functools import cache

import numpy as np

from lab.simulator import Conversation
from policy.actions import Answer
from policy.state import UserModel
from policy.world import build_world
from recsys.catalog import build_catalog

N_ITEMS, N_USERS = 30, 40
TYPES = ("genre", "decade", "language", "director", "cast")


def item_values(k: int) -> set[tuple[str, str]]:
    """Film m{k}: one genre by k % 3 (+ Romance when k % 5 == 0), decade by k // 10, English for
    all; director only for k < 20 and cast only for k < 24 (the rest have no data: unknown)."""
    vals = {("genre", ("Drama", "Comedy", "Action")[k % 3]), ("decade", ("1980s", "1990s", "2000s")[k // 10]),
            ("language", "English")}
    if k % 5 == 0:
        vals.add(("genre", "Romance"))
    if k < 20:
        vals.add(("director", f"D{k % 4}"))
    if k < 24:
        vals |= {("cast", f"A{k % 8}"), ("cast", f"A{(k + 3) % 8}")}
    return vals


def knows(k: int, attr_type: str) -> bool:
    return {"director": k < 20, "cast": k < 24}.get(attr_type, True)


def tiny_catalog():
    """40 users, each liking all 10 films of their genre group (u % 3) plus 5 others, all rated
    5: every user has 15 positives and every film >= 10, so the 10-core filter keeps all, and
    the 8:1:1 split gives each user 13 train, 1 valid and 1 test film."""
    rng = np.random.default_rng(3)
    items = [(f"m{k}", f"Film {k}", 1985 + 10 * (k // 10)) for k in range(N_ITEMS)]
    attrs = [(f"m{k}", t, v) for k in range(N_ITEMS) for t, v in sorted(item_values(k))]
    users, its = [], []
    for u in range(N_USERS):
        own = [k for k in range(N_ITEMS) if k % 3 == u % 3]
        other = rng.choice([k for k in range(N_ITEMS) if k % 3 != u % 3], 5, replace=False)
        for k in own + sorted(int(x) for x in other):
            users.append(f"u{u}")
            its.append(f"m{k}")
    inter = (users, its, np.full(len(users), 5.0), np.arange(len(users)), None)
    return build_catalog("tinysim", items, attrs, {}, inter, attr_types=TYPES)


@cache
def tiny_world(model: str = "pop", open_types: tuple[str, ...] = ("genre", "decade")):
    world = build_world(tiny_catalog(), seed=0, model=model, open_types=open_types, config_dataset="none")
    # every film and user survives, so compact indices are catalog indices (m{k} is item k)
    assert world.data.items.tolist() == list(range(N_ITEMS))
    assert world.data.users.tolist() == list(range(N_USERS))
    return world


def vid(world, t: str, v: str) -> int:
    return world.catalog.value_index(t, v)


def pick(world, pred, user_pred=lambda u: True) -> tuple[int, int]:
    """The first (user, film) with the film outside the user's history and ``pred(film)``."""
    for u in range(N_USERS):
        hist = set(world.history(u).tolist())
        for k in range(N_ITEMS):
            if k not in hist and pred(k) and user_pred(u):
                return u, k
    raise AssertionError("no such episode in the tiny world")


def expected_answer(world, targets, v: int) -> Answer:
    t, val = world.catalog.attr_values[v]
    if any((t, val) in item_values(k) for k in targets):
        return Answer.YES
    return Answer.NO if all(knows(k, t) for k in targets) else Answer.DONT_KNOW


def talk(world, user, target, um: UserModel | None = None, seed=0, **kw) -> Conversation:
    """A conversation for ``target`` (a film or a tuple of films); the literal user by default."""
    targets = target if isinstance(target, tuple) else (target,)
    return Conversation(world, user, targets, um or UserModel(), np.random.default_rng(seed), **kw)


def mask(ks) -> np.ndarray:
    m = np.zeros(N_ITEMS, dtype=bool)
    m[list(ks)] = True
    return m
