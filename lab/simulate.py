"""User simulation: drive the engine's policies with simulated users and measure them.

    python -m lab.simulate --dataset movielens-100k --policy recommend,maxent,rule --episodes 2000 \
        --seeds 3 --json out/sim.json

Protocol in ``lab.simulator`` (EAR / SCPR / UNICORN as in DESIGN.md); metrics in
``lab.metrics`` (SR@k, AT, hDCG@(15,10) as UNICORN's released code counts them). Each seed
draws its own per-user split, fits the tuned CF model on train, and samples ``--episodes``
(user, target) pairs from the test split (0 = all); every policy sees the same episodes.
Realistic users: ``--flip``, ``--dont-know``, ``--patience``, ``--targets 2`` (paired as
MCMIPL: targets sharing the opening value), ``--multi-choice``; with any of them the hard
candidate filter is lifted (see the simulator). The user's training items stay candidates,
as published, unless ``--exclude-history``. Data (``--min-rating``, ``--core``) and
attribute sets (``--ask-attrs``, ``--open-attrs``) as in ``lab.options``; everything chosen is
in the JSON's ``protocol``.
Every policy is compared with ``rule`` over the same episodes (paired bootstrap), and with
``rule-one-se`` (the rule's configuration as the one-standard-error rule picks it, the way
``plan`` and ``unified`` are chosen) when that runs too.

``--via engine`` drives the chat engine itself (parser, graph, personas, policy, cards)
and ``--via http://127.0.0.1:7860`` the running app over HTTP, with the chat protocol of
``lab.drive`` (cold-start users who type their opening, click chips and like the target's
card; 5 cards per list); per-turn latency is reported too.

``--ray [ADDRESS]`` spreads the episodes over Ray workers (``lab.fanout``): each (seed,
policy) runs in chunks, and since an episode's draws depend only on its seed and index the
``results`` are those of the run without it.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import time

import numpy as np
from scipy.stats import bootstrap
from tqdm import tqdm

from chat.tastes import SHIPPED_PRIOR, SHIPPED_TASTES, TASTES
from lab.fanout import LOCAL, Workers, add_ray_args
from lab.metrics import EpisodeOutcome, hdcg, summarise
from lab.options import SETTINGS, add_world_args, load_catalog, protocol_record, world_of
from lab.simulator import Conversation, draw_targets
from policy import registry
from policy.rule import LIST_SIZE
from policy.state import UserModel
from policy.world import World, build_world, parse_types
from recsys.datasets import load_dataset
from recsys.report import aggregate, fmt, run_cli, run_metadata, table, write_json

log = logging.getLogger(__name__)

METRICS = ("SR@5", "SR@10", "SR@15", "AT", "hDCG")
POLICIES = registry.POLICIES
# policies whose decisions draw on one random stream across episodes (``random``): their
# episodes run as one task, in order, so the stream is the one the run without Ray draws
STREAMED = frozenset({"random"})


def make_policy(name: str, world: World, user_model: UserModel, seed: int, multi_choice: bool,
                beliefs: str = "tuned"):
    """``beliefs="hard"`` (the ablation): ``rule`` and ``unified`` keep their tuned
    temperature and threshold but update beliefs as if every answer were true (error 0), so
    one wrong answer rules the target out of their beliefs. ``rule-one-se`` is the rule with
    the configuration the one-standard-error rule chose on its validation grid (recorded by
    ``lab.tune`` as "one_se"): the bar chosen as ``plan`` and ``unified`` are."""
    if beliefs not in ("tuned", "hard"):
        raise ValueError(f"beliefs must be tuned or hard, got {beliefs!r}")
    policy = registry.make_policy(name, world, user_model, multi_choice, seed)
    if beliefs == "hard" and hasattr(policy, "config"):
        policy.config = dataclasses.replace(policy.config, beliefs=dataclasses.replace(policy.config.beliefs,
                                                                                        error=0.0))
    return policy


def run_episodes(world: World, policy, episodes, user_model: UserModel, seed: int, multi_choice: bool,
                 max_turns: int = 15, progress: str | None = None, split: str = "test",
                 first: int = 0) -> list[EpisodeOutcome]:
    """One outcome per (user, target) pair. Episode k's draws come from ``default_rng([seed,
    k])``, k counted from ``first`` (where a chunk of the seed's episodes starts), so a chunk
    plays its episodes exactly as the whole list would."""
    outcomes = []
    it = tqdm(episodes, desc=progress, file=sys.stderr, leave=False) if progress else episodes
    for k, (user, target) in enumerate(it, start=first):
        rng = np.random.default_rng([seed, k])  # the same user draws for every policy
        targets = draw_targets(world, user, target, user_model, rng, split)
        conv = Conversation(world, user, targets, user_model, rng, multi_choice, max_turns)
        while not conv.done:
            conv.step(policy.decide(conv.state))
        outcomes.append(conv.outcome)
    return outcomes


def per_episode(outcomes: list[EpisodeOutcome], max_turns: int) -> np.ndarray:
    """(n, 3): success within max_turns, turns used (AT's term), hDCG — for paired tests."""
    return np.array([[o.success_turn is not None, max_turns if o.success_turn is None else o.success_turn + 1,
                      hdcg(o.success_turn, o.rank)] for o in outcomes], dtype=np.float64)


def paired_bootstrap(a: np.ndarray, b: np.ndarray, n_boot: int = 2000, seed: int = 0) -> dict:
    """Mean difference a - b over the same episodes with a 95% percentile bootstrap interval
    (``scipy.stats.bootstrap``, paired: episodes are resampled together), for SR@15, AT and
    hDCG (columns of ``per_episode``)."""
    rng = np.random.default_rng(seed)
    out = {}
    for j, name in enumerate(("SR@15", "AT", "hDCG")):
        ci = bootstrap((a[:, j], b[:, j]), lambda x, y, axis=-1: np.mean(x - y, axis=axis), paired=True,
                       vectorized=True, n_resamples=n_boot, method="percentile", rng=rng).confidence_interval
        lo, hi = float(ci.low), float(ci.high)
        out[name] = {"diff": float((a[:, j] - b[:, j]).mean()), "ci95": [lo, hi], "excludes_0": bool(lo > 0 or hi < 0)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.simulate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_world_args(ap)
    ap.add_argument("--policy", default="random,recommend,maxent,rule", help="comma-separated policy names")
    ap.add_argument("--episodes", type=int, default=2000, help="test episodes per seed (0 = all test pairs)")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--split", default="test", choices=("test", "valid"))
    ap.add_argument("--settings", default=None,
                    help="run these user settings (lab.tune's names, comma-separated, or all) in one command "
                         "instead of --flip/--dont-know/--patience/--targets/--multi-choice")
    ap.add_argument("--compare-history", action="store_true",
                    help="also run every policy with the history excluded on the same episodes, and compare")
    ap.add_argument("--flip", type=float, default=0.0)
    ap.add_argument("--dont-know", type=float, default=0.0)
    ap.add_argument("--patience", type=float, default=0.0)
    ap.add_argument("--targets", type=int, default=1)
    ap.add_argument("--multi-choice", action="store_true")
    ap.add_argument("--max-turns", type=int, default=15)
    ap.add_argument("--model", help="CF model giving the prior (tuned config; default ease); with --via engine, "
                    "the chat's prior (default: the one the app ships; the policies' worlds keep EASE)")
    ap.add_argument("--personas", choices=TASTES,
                    help="with --via engine: the chat's personas (chat.tastes; default: the ones the app ships)")
    ap.add_argument("--history", type=int, default=0,
                    help="with --via: the user first types 'I loved A, B and ...' with this many of their "
                         "training films (not counted as a turn); 0: a new user")
    ap.add_argument("--beliefs", choices=("tuned", "hard"), default="tuned",
                    help="rule's and unified's belief update: the validation-tuned one, or hard (the ablation)")
    ap.add_argument("--via", help="drive the chat engine ('engine') or the running app (its URL) instead")
    ap.add_argument("--users", choices=("click", "chat"), default="click",
                    help="with --via: the clicking user (default), or the talking user (lab.talker) run beside "
                         "the clicking one on the same episodes")
    ap.add_argument("--json")
    add_ray_args(ap)
    args = ap.parse_args(argv)
    if args.via:
        if args.ray is not None or args.workers is not None:
            ap.error("--ray spreads the simulator's episodes; --via drives one engine or app")
        return simulate_via(args, ap)
    if args.users != "click":
        ap.error("--users chat talks to the chat engine or the app: add --via engine (or --via URL)")
    if args.history or args.personas:
        ap.error("--history and --personas are for the chat protocol: add --via engine")
    args.model = args.model or "ease"
    if args.settings:
        chosen = list(SETTINGS) if args.settings == "all" else [s.strip() for s in args.settings.split(",")]
        unknown = [s for s in chosen if s not in SETTINGS]
        if unknown:
            ap.error(f"unknown setting {', '.join(unknown)}; choose from {', '.join(SETTINGS)} or all")
        if args.flip or args.dont_know or args.patience or args.targets != 1 or args.multi_choice:
            ap.error("--settings names the users itself: leave out --flip, --dont-know, --patience, --targets "
                     "and --multi-choice")
        settings = {name: SETTINGS[name] for name in chosen}
    else:
        try:
            settings = {None: (UserModel(args.flip, args.dont_know, args.patience, args.targets), args.multi_choice)}
        except ValueError as exc:
            ap.error(str(exc))
    names = [p.strip() for p in args.policy.split(",") if p.strip()]
    unknown = [p for p in names if p not in POLICIES]
    if unknown:
        ap.error(f"unknown policy {', '.join(unknown)}; choose from {', '.join(POLICIES)}")
    with Workers.from_args(args) as workers:
        return simulate(args, ap, settings, names, workers)


def simulate(args, ap, settings: dict, names: list[str], workers: Workers) -> int:
    """Every user setting of ``settings`` (label -> (user model, multi-choice)): tables printed,
    the JSON written."""
    catalog = load_catalog(args)
    t0 = time.perf_counter()
    results, comparisons, users, n_eps = {}, {}, {}, {}
    worlds = [world_of(args, catalog, seed=seed, model=args.model) for seed in range(args.seeds)]  # every setting's
    for label, (um, mc) in settings.items():
        if label and um.targets == 2 and not worlds[0].episodes(args.split, 1, np.random.default_rng(0), targets=2):
            log.info(f"{label}: no {args.split} pair of wanted films shares an opening value; skipped")
            continue
        res, comp, n_eps[label] = simulate_setting(args, ap, worlds, names, um, mc, label, workers)
        prefix = f"{label}: " if label else ""
        results.update({prefix + k: v for k, v in res.items()})
        comparisons.update({prefix + k: v for k, v in comp.items()})
        users[label or "user"] = {"flip": um.flip, "dont_know": um.dont_know, "patience": um.patience,
                                  "targets": um.targets, "multi_choice": mc, "hard_filter": not um.noisy}
        print(f"{args.dataset}: {n_eps[label][0]:,} {args.split} episodes x {args.seeds} seeds; user: "
              + (label or f"flip {um.flip}, don't-know {um.dont_know}, patience {um.patience}, targets {um.targets}"
                 f"{', multi-choice' if mc else ''}"))
        print(table([[n] + [fmt(r[m], 3) for m in METRICS] for n, r in res.items()], ["policy", *METRICS]))
        print_comparisons(comp)
    only = next(iter(settings)) is None
    record = protocol_record(worlds[-1])
    if args.compare_history:
        record["history"] = ("both: the training items stay candidates (as published) and, on the same episodes, "
                             "excluded (rows marked 'history excluded')")
    protocol = {"dataset": args.dataset, "split": args.split,
                "episodes_per_seed": n_eps[None] if only else {k or "user": v for k, v in n_eps.items()},
                "seeds": list(range(args.seeds)),
                "max_turns": args.max_turns, "list_size": LIST_SIZE, **record,
                **(users["user"] if only else {"settings": users}),
                "prior": args.model, "beliefs": args.beliefs, "compare_history": args.compare_history,
                "seconds": round(time.perf_counter() - t0, 1), "ray_cpus": workers.cpus if workers.ray else None}
    if len(settings) > 1:
        print_summary(results, comparisons, settings, names)
    if args.json:
        write_json(args.json, {"protocol": protocol, "results": results, "comparisons": comparisons,
                               **run_metadata()})
    return 0


def simulate_setting(args, ap, worlds: list[World], names: list[str], um: UserModel, mc: bool, label,
                     workers: Workers = LOCAL):
    """Every policy on the same episodes of one user setting, over the seeds (``worlds``: one
    per split seed): (results, comparisons against the bars, episodes per seed). With
    ``--compare-history`` each policy also runs with the history excluded, on the same episodes.
    The episodes of each (seed, policy) go to ``workers`` in chunks (one here; about two per
    Ray CPU), reassembled in order."""
    variants = [False, True] if args.compare_history else [bool(args.exclude_history)]
    per = {(n, v): [] for n in names for v in variants}
    paired = {(n, v): [] for n in names for v in variants}
    n_eps, calls, groups = [], [], []  # groups: ((policy, variant), seed, number of chunks), in calls' order
    for seed, world in enumerate(worlds):
        episodes = world.episodes(args.split, args.episodes, np.random.default_rng(seed), um.targets)
        if not episodes:
            raise ValueError(f"{args.dataset}: no {args.split} episodes under this protocol "
                             f"({len(world.data.users):,} users, {world.data.test.nnz:,} test and "
                             f"{world.data.valid.nnz:,} valid interactions after the data protocol)")
        n_eps.append(len(episodes))
        by_variant = {v: world if v == world.exclude_history else dataclasses.replace(world, exclude_history=v)
                      for v in variants}
        for name in names:
            for v in variants:
                w = by_variant[v]
                try:  # a fresh policy per variant: random's stream starts over, so the two are paired
                    policy = make_policy(name, w, um, seed, mc, args.beliefs)
                except ValueError as exc:
                    ap.error(str(exc))
                pieces = workers.chunks(len(episodes), whole=name in STREAMED)
                progress = f"seed {seed} {label or ''} {name}" if workers.ray is None else None
                groups.append(((name, v), seed, len(pieces)))
                calls += [(workers.share(w), workers.share(policy), episodes[r.start:r.stop], um, seed, mc,
                           args.max_turns, progress, args.split, r.start) for r in pieces]
    chunks = iter(workers.map(run_episodes, calls, desc=f"{label or 'user'}: {len(calls)} chunks of episodes"))
    for (name, v), seed, n in groups:
        outcomes = [o for _ in range(n) for o in next(chunks)]
        per[(name, v)].append(summarise(outcomes, args.max_turns))
        paired[(name, v)].append(per_episode(outcomes, args.max_turns))
        log.info(f"seed {seed} {label or ''} {name}{' (history excluded)' if v else ''}: "
                 + ", ".join(f"{k} {x:.3f}" for k, x in per[(name, v)][-1].items()))

    def row(name, v):
        return f"{name} (history excluded)" if v and args.compare_history else name

    results = {row(n, v): {m: aggregate([r[m] for r in runs], always_dict=True) for m in runs[0]}
               for (n, v), runs in per.items()}
    comparisons = {}
    for v in variants:
        for bar in ("rule", "rule-one-se"):  # every policy against the bar (and against the bar chosen by one SE)
            if bar in names:
                base = np.concatenate(paired[(bar, v)])
                for n in names:
                    if n not in ("rule", "rule-one-se") or (bar == "rule" and n == "rule-one-se"):
                        comparisons[f"{row(n, v)} - {row(bar, v)}"] = paired_bootstrap(
                            np.concatenate(paired[(n, v)]), base)
    if args.compare_history:
        for n in names:
            comparisons[f"{n}: published - history excluded"] = paired_bootstrap(
                np.concatenate(paired[(n, False)]), np.concatenate(paired[(n, True)]))
    return results, comparisons, n_eps


def print_summary(results: dict, comparisons: dict, settings: dict, names: list[str]) -> None:
    """One line per user setting: SR@15 / AT of each policy, and unified - rule when both ran."""
    print("all settings (SR@15 / AT; mean over seeds):")
    rows = []
    for label in settings:
        cells = [f"{results[f'{label}: {n}']['SR@15']['mean']:.3f} / {results[f'{label}: {n}']['AT']['mean']:.2f}"
                 for n in names]
        c = comparisons.get(f"{label}: unified - rule")
        cells.append(f"{c['SR@15']['diff']:+.3f} [{c['SR@15']['ci95'][0]:+.3f}, {c['SR@15']['ci95'][1]:+.3f}]"
                     if c else "")
        rows.append([label, *cells])
    print(table(rows, ["user", *names, "unified - rule SR@15"]))


def print_comparisons(comparisons: dict) -> None:
    if comparisons:
        print("paired bootstrap over the same episodes (all seeds), difference and 95% interval:")
        print(table([[k] + [f"{v[m]['diff']:+.3f} [{v[m]['ci95'][0]:+.3f}, {v[m]['ci95'][1]:+.3f}]"
                            for m in ("SR@15", "AT", "hDCG")] for k, v in comparisons.items()],
                    ["comparison", "SR@15", "AT", "hDCG"]))


def talk_summary(stats: list[dict]) -> dict:
    """Turns to the first list (mean over conversations that had one), loops per conversation,
    first-list fit (mean over first lists), the share that changed their mind."""
    turns = [s["first_list_turn"] + 1 for s in stats if s["first_list_turn"] is not None]
    fits = [s["first_list_fit"] for s in stats if s["first_list_fit"] is not None]
    return {"turns_to_first_list": float(np.mean(turns)) if turns else None,
            "median_turns_to_first_list": float(np.median(turns)) if turns else None,
            "no_list": sum(s["first_list_turn"] is None for s in stats) / len(stats),
            "loops_per_conversation": sum(s["loop"] for s in stats) / len(stats),
            "first_list_fit": float(np.mean(fits)) if fits else None,
            "changed_mind": sum(s["changed_mind"] for s in stats) / len(stats), "conversations": len(stats)}


def is_enriched(catalog, item: int) -> bool:
    """The catalog knows more about ``item`` than its genres and decade (an OMDb match)."""
    return bool(any(catalog.item_known[item, j] for j, t in enumerate(catalog.attr_types)
                    if t not in ("genre", "decade")))


def simulate_via(args, ap) -> int:
    """The chat protocol end to end (``lab.drive``), in process or over HTTP."""
    from chat.engine import CARDS
    from lab.drive import EngineTransport, HttpTransport, drive

    names = [p.strip() for p in args.policy.split(",") if p.strip()]
    if args.via == "engine":
        if args.policy == ap.get_default("policy"):
            names = ["unified"]
        elif any(n not in ("unified", "rule") for n in names):
            ap.error("--via engine drives the app's policies: --policy unified, rule or unified,rule")
    elif not args.via.startswith(("http://", "https://")):
        ap.error(f"--via takes 'engine' or the app's URL, got {args.via!r}")
    else:
        names = ["app"]
    if (args.min_rating is not None or args.core is not None or args.configs or args.settings or args.compare_history
            or args.exclude_history):
        ap.error("--via drives the app's engine as it ships (its data protocol and configs/; it never lists a film "
                 "the person liked, saw or disliked): --min-rating, --core, --configs, --settings, "
                 "--compare-history and --exclude-history apply to the simulator only")
    if args.history < 0:
        ap.error(f"--history takes a count >= 0, got {args.history}")
    if (args.model or args.personas) and args.via != "engine":
        ap.error("--model and --personas with --via: only the in-process engine can be given them (the app reads "
                 "CRS_PRIOR and CRS_TASTES)")
    if args.ask_attrs and args.via != "engine":
        ap.error("--ask-attrs with --via: only the in-process engine (--via engine) can be told what to ask")
    catalog = load_dataset(args.dataset)
    t0 = time.perf_counter()
    kinds = ["click", "chat"] if args.users == "chat" else ["click"]
    results, n_eps, latencies, paired, talk, by_data = {}, [], {}, {}, {}, {}
    for name in names:
        if args.via == "engine":
            from chat.engine import Engine
            from chat.loading import load_models

            engine = Engine(load_models(args.dataset, name, prior=args.model or SHIPPED_PRIOR,
                                        tastes=args.personas or SHIPPED_TASTES))
            if args.ask_attrs:  # the policy asks only what the world's askable mask allows
                engine.m.world = dataclasses.replace(engine.m.world, ask_types=parse_types(
                    catalog, args.ask_attrs, "--ask-attrs"))
            world = engine.m.world

            def factory(engine=engine):
                return EngineTransport(engine)
        else:
            world = build_world(catalog, seed=0)  # the app's world: the seed-0 split

            def factory():
                return HttpTransport(args.via)
        if args.open_attrs:  # what the simulated person opens with
            world = dataclasses.replace(world, open_types=parse_types(catalog, args.open_attrs, "--open-attrs"))
        for kind in kinds:
            row = name if kind == "click" and len(kinds) == 1 else f"{name} ({kind})"
            runs, lat, paired[row], stats, enriched = [], [], [], [], []
            for seed in range(args.seeds):
                episodes = world.episodes(args.split, args.episodes, np.random.default_rng(seed))
                bar = tqdm(total=len(episodes), desc=f"seed {seed} {row} via {args.via}", file=sys.stderr,
                           leave=False)
                outcomes, seconds, per = drive(factory, catalog, world, episodes, seed, args.max_turns,
                                               progress=lambda k, bar=bar: bar.update(1), users=kind,
                                               history=args.history)
                bar.close()
                if name == names[0] and kind == kinds[0]:  # every policy and user runs the same episodes
                    n_eps.append(len(episodes))
                runs.append(summarise(outcomes, args.max_turns))
                paired[row].append(per_episode(outcomes, args.max_turns))
                enriched.append(np.array([is_enriched(catalog, world.catalog_index(t)) for _, t in episodes]))
                lat += seconds
                stats += per
            results[row] = {m: aggregate([r[m] for r in runs], always_dict=True) for m in runs[0]}
            by_data[row] = {}
            for label, want in (("enriched targets", True), ("targets without enrichment", False)):
                srs = [float(p[e == want, 0].mean()) for p, e in zip(paired[row], enriched) if (e == want).any()]
                by_data[row][label] = {"episodes": int(sum((e == want).sum() for e in enriched)),
                                       "SR@15": aggregate(srs, always_dict=True) if srs else None}
            if kind == "chat":
                talk[row] = talk_summary(stats)
            ms = np.asarray(lat) * 1000
            latencies[row] = {"turns": len(ms), "p50_ms": float(np.percentile(ms, 50)),
                              "p95_ms": float(np.percentile(ms, 95)), "p99_ms": float(np.percentile(ms, 99))}
    protocol = {"dataset": args.dataset, "via": args.via, "protocol": "chat (lab.drive): cold-start user, opening "
                f"typed, chips answered, {CARDS} cards per list", "users": kinds, "split": args.split,
                "episodes_per_seed": n_eps,
                "seeds": list(range(args.seeds)), "max_turns": args.max_turns, "list_size": CARDS,
                "data": world.protocol.as_dict() if world.protocol else None, "open_attrs": list(world.open_types),
                "ask_attrs": list(world.ask_types),
                "prior": args.model or (SHIPPED_PRIOR if args.via == "engine" else "the app's"),
                "personas": args.personas or (SHIPPED_TASTES if args.via == "engine" else "the app's"),
                "history_told": args.history,
                "history": "excluded: the chat never lists a film the person liked, saw or disliked",
                "seconds": round(time.perf_counter() - t0, 1)}
    print(f"{args.dataset} via {args.via}: {n_eps[0]:,} {args.split} episodes x {args.seeds} seeds (chat protocol)")
    print(table([[n] + [fmt(r[m], 3) for m in METRICS] + [f"{latencies[n]['p50_ms']:.0f}",
                                                           f"{latencies[n]['p95_ms']:.0f}"]
                 for n, r in results.items()], ["policy", *METRICS, "p50 ms", "p95 ms"]))
    print("SR@15 by what the catalog knows about the target (only genre and decade: without enrichment):")
    print(table([[n] + [("n/a" if v[k]["SR@15"] is None else fmt(v[k]["SR@15"], 3)) + f" ({v[k]['episodes']:,})"
                      for k in v] for n, v in by_data.items()],
                ["policy", *next(iter(by_data.values()))]))
    if talk:
        from lab.talker import CHANGE_MIND, FREE_TEXT, MISSPELL, SHOW_NOW

        protocol["talking_user"] = {"free_text": FREE_TEXT, "misspell": MISSPELL, "show_now": SHOW_NOW,
                                    "change_mind": CHANGE_MIND, "quits_on_loop": True,
                                    "paraphrases": "lab/data/paraphrases.json"}
        print("talking user:")
        print(table([[n, fmt(v["turns_to_first_list"], 2), fmt(v["loops_per_conversation"], 3),
                      fmt(v["first_list_fit"], 3), f"{v['changed_mind']:.3f}"] for n, v in talk.items()],
                    ["users", "turns to first list", "loops / conversation", "first list fit", "changed mind"]))
    # the same episodes and the same opening draw for every policy and user: paired
    comparisons = {}
    for kind in kinds:
        rows = [n if len(kinds) == 1 else f"{n} ({kind})" for n in ("unified", "rule")]
        if set(rows) <= set(paired):
            label = "unified - rule" if len(kinds) == 1 else f"unified - rule ({kind})"
            comparisons[label] = paired_bootstrap(*(np.concatenate(paired[r]) for r in rows))
    if len(kinds) > 1:
        for name in names:
            comparisons[f"{name}: chat - click"] = paired_bootstrap(np.concatenate(paired[f"{name} (chat)"]),
                                                                    np.concatenate(paired[f"{name} (click)"]))
    print_comparisons(comparisons)
    if args.json:
        episodes = {"columns": ["success", "turns", "hDCG"],  # per episode, seeds in order: python -m lab.compare
                    "rows": {r: np.concatenate(p).round(4).tolist() for r, p in paired.items()}}
        write_json(args.json, {"protocol": protocol, "results": results, "comparisons": comparisons,
                               "talking_user": talk, "latency": latencies, "by_enrichment": by_data,
                               "per_episode": episodes, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
