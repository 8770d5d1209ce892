"""The chat protocol's user with a history (``lab.drive.told_history``) on the tiny catalog."""

import numpy as np
from tiny import tiny_catalog

from chat.parser import Parser
from lab.drive import told_history
from policy.world import build_world


def test_told_history_names_training_films_the_parser_reads_back():
    catalog = tiny_catalog()
    world = build_world(catalog, seed=0)
    user, target = world.episodes("valid", 5, np.random.default_rng(0))[0]
    told = told_history(catalog, world, user, target, 3, np.random.default_rng(1))
    train = {world.catalog_index(int(i)) for i in world.data.train[user].indices} - {world.catalog_index(target)}
    liked = set(Parser(catalog).parse(told).liked)
    assert told.startswith("I loved ") and liked and liked <= train and len(liked) == min(3, len(train))
    assert told_history(catalog, world, user, target, 0, np.random.default_rng(1)) == ""
