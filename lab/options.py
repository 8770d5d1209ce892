"""The flags every command that loads data or builds a simulated world shares, and the record
of what they chose that goes into each JSON's ``protocol``.

    ap = argparse.ArgumentParser(...)
    add_world_args(ap)                    # --dataset --min-rating --core --ask-attrs --open-attrs ...
    args = ap.parse_args(argv)
    catalog = load_catalog(args)          # prints the catalog and the data protocol
    world = world_of(args, catalog, seed=0)

A bad value (an unknown attribute type, a filter that leaves no data) is a ValueError with a
one-line message; ``recsys.report.run_cli`` prints it as ``error: …`` and exits 2.
"""

from __future__ import annotations

import argparse
import logging

from policy.state import UserModel
from policy.world import World, build_world, parse_types
from recsys.catalog import Catalog
from recsys.datasets import load_dataset
from recsys.split import DataProtocol, data_protocol

log = logging.getLogger(__name__)

SETTINGS = {  # the benchmark's user settings by name -> (user model, multi-choice); lab.tune tunes each
    "literal": (UserModel(), False),
    "flip 0.1": (UserModel(flip=0.1), False),
    "don't know 0.2": (UserModel(dont_know=0.2), False),
    "patience 0.3": (UserModel(patience=0.3), False),
    "two targets": (UserModel(targets=2), False),
    "combined": (UserModel(flip=0.1, dont_know=0.2, patience=0.3), False),
    "multi-choice": (UserModel(), True),
}
NOISY_CANDIDATES = ("literal user: accepted values hard-filter the candidates and lists come from them (as "
                    "published); any noise flag (flip, don't-know, patience, two targets): lists may hold any item "
                    "not yet shown nor blocked, the policy's beliefs do the filtering")
PAIRING = ("two targets: the second is another wanted film of the user sharing an opening value with the first "
           "(MCMIPL), the opening one of the shared values; episodes without such a pair are dropped")


def _min_rating(text: str) -> str:
    if text.lower() != "none":
        try:
            float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number or 'none', got {text!r}") from None
    return text


def add_data_args(ap: argparse.ArgumentParser, dataset_default: str = "movielens-100k") -> None:
    ap.add_argument("--dataset", default=dataset_default, help="dataset name or folder path")
    ap.add_argument("--min-rating", type=_min_rating, default=None,
                    help="positives are ratings >= this ('none': every interaction). Default: 3 for star ratings, "
                         "none without ratings")
    ap.add_argument("--core", type=int, default=None,
                    help="k-core filter (1: none). Default: 10 for a random split (RecBole), 1 for a given split")


def add_world_args(ap: argparse.ArgumentParser, dataset_default: str = "movielens-100k",
                   history_flag: bool = True) -> None:
    add_data_args(ap, dataset_default)
    ap.add_argument("--ask-attrs", default=None, help="attribute types that may be asked (default: all)")
    ap.add_argument("--open-attrs", default=None,
                    help="types the simulated user's opening is drawn from (default: genre,decade where the catalog "
                         "has them, else every type)")
    ap.add_argument("--configs", action="append", default=[],
                    help="a folder laid out like configs/ (a python -m lab.prepare run) searched before configs/ "
                         "for tuned and trained files; repeatable")
    if history_flag:
        ap.add_argument("--exclude-history", action="store_true",
                        help="the user's training items leave the candidates (the chat's choice; the published "
                             "protocol keeps them)")


def protocol_of(args, catalog: Catalog) -> DataProtocol:
    return data_protocol(catalog, args.min_rating or "default", args.core)


def load_catalog(args) -> Catalog:
    """The dataset of ``--dataset``, with what was loaded and the data protocol printed."""
    catalog = load_dataset(args.dataset)
    log.info(catalog.describe())
    log.info(f"data protocol: {protocol_of(args, catalog)}")
    return catalog


def world_of(args, catalog: Catalog, seed: int = 0, model: str = "ease") -> World:
    return build_world(catalog, seed=seed, model=model,
                       ask_types=parse_types(catalog, args.ask_attrs, "--ask-attrs"),
                       open_types=parse_types(catalog, args.open_attrs, "--open-attrs"),
                       protocol=protocol_of(args, catalog),
                       exclude_history=bool(getattr(args, "exclude_history", False)),
                       config_dirs=tuple(getattr(args, "configs", ()) or ()))


def protocol_record(world: World) -> dict:
    """What every simulation JSON's ``protocol`` says about the data and the rules."""
    return {"data": world.protocol.as_dict() if world.protocol else None,
            "catalog_fingerprint": world.catalog.fingerprint(), "dataset_key": world.artifact_key,
            "ask_attrs": list(world.ask_types), "open_attrs": list(world.open_types),
            "history": "excluded from the candidates (--exclude-history)" if world.exclude_history
            else "the user's training items stay candidates (as published)",
            "noisy_candidates": NOISY_CANDIDATES, "pairing": PAIRING,
            "users": len(world.data.users), "items": len(world.data.items),
            "interactions": {"train": int(world.data.train.nnz), "valid": int(world.data.valid.nnz),
                             "test": int(world.data.test.nnz)}}
