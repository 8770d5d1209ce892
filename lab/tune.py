"""Tune the ``rule`` policy (then ``plan``) on validation episodes, one configuration per
user setting.

    python -m lab.tune --dataset movielens-100k --episodes 300
    python -m lab.tune --dataset movielens-100k --policy plan

Grid: belief temperature × recommend threshold × assumed answer-error rate ε (ε = 0 for the
literal user, whose answers are exact). When the best temperature or threshold lies on the
grid's edge, the grid is widened past it (temperature doubled or halved, threshold raised
by 0.1 or lowered by 0.05, staying in (0, 1)) until the best is inside, at most
``MAX_WIDEN`` times: an optimum on the edge says the grid was too small. Then, for noisy
users, one refinement step: the best configuration with the opening trusted as exact
evidence (``policy.beliefs``), kept if it does better (``--refine-opening`` runs only this step
on the configurations already tuned). Selection by validation SR@15, ties by AT. Every
configuration tried is recorded ("tried"), and so is the one the one-standard-error rule
below would have chosen over the same grid ("one_se"; ``python -m lab.simulate --policy
rule-one-se`` runs it), so the bar's own selection can be compared with the one ``plan`` and
``unified`` get.

``plan`` keeps the rule's tuned beliefs for the setting and tunes, in three stages, (1) its
turn weight λ (how much the lookahead values an early success over a late one,
``policy.plan``) × its margin (the gain a question must bring), widening the margins
upwards while the best sits on the top; (2) at the chosen λ and margin, the sharpness α with
which the lookahead reads the beliefs (calibration) and the two-step lookahead; (3) when
stage 2 moved away from α = 1, depth 1, the λ × margin grid again there. Each choice, over
every configuration tried so far, by the one-standard-error rule: of the configurations
whose SR@15 is within one standard error of the best (√(p(1-p)/n), at least one episode),
the fewest turns (AT).
A bare SR@15-then-AT order let a one-episode SR edge choose twice the turns.

Episodes are (user, target) pairs from the valid split of split seed 0 — test is never
looked at (the two-target setting draws its own, paired as MCMIPL pairs them).
Data and attribute flags as in ``lab.options`` (``--min-rating``, ``--core``, ``--ask-attrs``,
``--open-attrs``, ``--exclude-history``, ``--configs``).
Writes ``rule-<key>.json`` (or ``plan-<key>.json``; ``<key>`` the world's ``artifact_key``,
recorded with the world's ``key()`` inside) into a run folder under ``out/``;
``python -m lab.promote <run>`` ships it as ``configs/policies/…``, which
``RulePolicy.for_setting`` (``PlanPolicy.for_setting``) reads. ``--ray [ADDRESS]`` scores each
stage's configurations as parallel Ray tasks (``lab.fanout``); what is chosen is the same.
"""

from __future__ import annotations

import argparse
import itertools
import logging

import numpy as np

from lab.fanout import LOCAL, Workers, add_ray_args
from lab.metrics import one_se_best, summarise
from lab.options import SETTINGS, add_world_args, load_catalog, protocol_record, world_of
from lab.simulate import run_episodes
from policy.beliefs import BeliefConfig
from policy.plan import PlanPolicy
from policy.rule import RuleConfig, RulePolicy
from policy.state import UserModel
from policy.tuned import POLICY_DIR, setting_key, tuned_file
from recsys.report import run_cli, run_metadata, write_json
from recsys.runs import new_run, write_manifest

log = logging.getLogger(__name__)

TEMPERATURES = (0.6, 1.2, 2.4, 4.8)
THRESHOLDS = (0.1, 0.2, 0.3, 0.5, 0.7)
ERRORS = (0.05, 0.15)
MARGINS = (0.0, 0.01, 0.02, 0.04)
TURN_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
SHARPNESS = (0.5, 0.75, 1.0, 1.5, 2.0)
MAX_WIDEN = 3


def widened(temps: list[float], thresholds: list[float], best_t: float, best_thr: float) -> bool:
    """Extend the grids in place past an edge the best configuration sits on; False when
    nothing was added."""
    added = False
    if best_t == max(temps):
        temps.append(round(best_t * 2, 4))
        added = True
    elif best_t == min(temps):
        temps.append(round(best_t / 2, 4))
        added = True
    if best_thr == max(thresholds) and best_thr + 0.1 < 1.0:
        thresholds.append(round(best_thr + 0.1, 4))
        added = True
    elif best_thr == min(thresholds) and best_thr - 0.05 > 0.0:
        thresholds.append(round(best_thr - 0.05, 4))
        added = True
    return added


def rank(scores: dict) -> tuple:
    """Validation SR@15, ties by AT (fewer turns better): larger is better."""
    return scores["SR@15"], -scores["AT"]


def best_of(tried: dict) -> tuple:
    """The configuration with the best validation ``rank``, first in the order tried."""
    cfg = None
    for c, s in tried.items():
        if cfg is None or rank(s) > rank(tried[cfg]):
            cfg = c
    return cfg


def score(world, policies: list, episodes, um: UserModel, multi_choice: bool, workers: Workers = LOCAL) -> list[dict]:
    """``summarise`` of each policy on the validation ``episodes`` (split seed 0's draws), one
    task per policy, in the order given."""
    calls = [(workers.share(world), p, episodes, um, 0, multi_choice, 15, None, "valid") for p in policies]
    return [summarise(o) for o in workers.map(run_episodes, calls, desc=f"{len(calls)} configurations")]


def tune_plan(world, episodes, um: UserModel, multi_choice: bool, name: str, previous: dict | None = None,
              workers: Workers = LOCAL) -> dict:
    """``plan``'s turn weight, margin, sharpness and depth for one user setting, on the rule's
    tuned beliefs (the module docstring's three stages). ``previous``: a plan entry scored on
    the same episodes by the same code, whose configurations are not run again."""
    try:
        base = PlanPolicy.for_setting(world, um, multi_choice)
    except ValueError:  # the shipped plan file was made for another catalog: defaults, on the rule's beliefs
        base = PlanPolicy.from_entry(None, RulePolicy.for_setting(world, um, multi_choice).config.beliefs, um)
    tried: dict[tuple, dict] = {}
    for t in (previous or {}).get("tried", []):
        key = (t["turn_weight"], t["margin"], t.get("sharpness", 1.0), t.get("depth", 1))
        tried[key] = {"SR@15": t["SR@15"], "AT": t["AT"]}

    def run(configs) -> tuple:
        todo = [c for c in dict.fromkeys(configs) if c not in tried]
        for c, s in zip(todo, score(world, [base.tuned(m, lam, d, a) for lam, m, a, d in todo], episodes, um,
                                    multi_choice, workers)):
            tried[c] = s
            lam, m, a, d = c
            log.info(f"plan {name}: λ={lam} margin={m} α={a} depth={d}: SR@15 {s['SR@15']:.3f} AT {s['AT']:.2f}")
        return one_se_best(tried, len(episodes))

    def margin_grid(a: float, d: int) -> tuple:
        """λ × margins at sharpness ``a`` and depth ``d``, margins widened upwards while the
        pick sits on the top."""
        margins = list(MARGINS)
        for _ in range(MAX_WIDEN + 1):
            pick = run(itertools.product(TURN_WEIGHTS, margins, (a,), (d,)))
            if pick[2:] != (a, d) or pick[1] != max(margins):
                return pick
            margins.append(round(pick[1] * 2, 4))
            log.info(f"plan {name}: best on the grid's top (margin={pick[1]}); widening")
        return pick

    lam, m, _, _ = margin_grid(1.0, 1)
    pick = run([(lam, m, a, 1) for a in SHARPNESS] + [(lam, m, 1.0, 2)])
    if pick[2:] != (1.0, 1):
        pick = margin_grid(*pick[2:])
    lam, m, a, d = pick
    return {"turn_weight": lam, "margin": m, "sharpness": a, "depth": d, "valid": tried[pick], "setting": name,
            "grid": {"turn_weight": list(TURN_WEIGHTS), "margin": sorted({c[1] for c in tried}),
                     "sharpness": sorted({c[2] for c in tried}), "depth": sorted({c[3] for c in tried})},
            "tried": [{"turn_weight": c[0], "margin": c[1], "sharpness": c[2], "depth": c[3], "SR@15": s["SR@15"],
                       "AT": s["AT"]} for c, s in tried.items()]}


def tune(world, episodes, um: UserModel, multi_choice: bool, name: str, workers: Workers = LOCAL) -> dict:
    """The best configuration for one user setting (see the module docstring)."""
    errors = ERRORS if um.noisy else (0.0,)
    temps, thresholds = list(TEMPERATURES), list(THRESHOLDS)
    tried: dict[tuple, dict] = {}
    best = None
    for _ in range(MAX_WIDEN + 1):
        todo = [c for c in dict.fromkeys(itertools.product(temps, thresholds, errors)) if c not in tried]
        policies = [RulePolicy(RuleConfig(BeliefConfig(t, eps), thr)) for t, thr, eps in todo]
        for (t, thr, eps), s in zip(todo, score(world, policies, episodes, um, multi_choice, workers)):
            tried[(t, thr, eps)] = s
            log.info(f"{name}: T={t} threshold={thr} ε={eps}: SR@15 {s['SR@15']:.3f} AT {s['AT']:.2f}")
        cfg = best_of(tried)
        best = {"temperature": cfg[0], "threshold": cfg[1], "error": cfg[2], "trust_opening": False,
                "valid": tried[cfg], "setting": name,
                "grid": {"temperature": sorted(temps), "threshold": sorted(thresholds), "error": list(errors)}}
        if not widened(temps, thresholds, cfg[0], cfg[1]):
            break
        log.info(f"{name}: best on the grid's edge (T={cfg[0]}, threshold={cfg[1]}); widening")
    best["tried"] = [{"temperature": c[0], "threshold": c[1], "error": c[2], "SR@15": s["SR@15"], "AT": s["AT"]}
                     for c, s in tried.items()]
    if um.noisy:
        best = refine_opening(world, episodes, um, multi_choice, best)
    best["one_se"] = one_se_alternative(world, episodes, um, multi_choice, tried, best)
    return best


def one_se_alternative(world, episodes, um: UserModel, multi_choice: bool, tried: dict, entry: dict) -> dict:
    """The configuration ``plan`` and ``unified``'s selection rule would have chosen for the
    rule (``lab.metrics.one_se_best``: fewest turns within one standard error of the best
    validation SR@15) over the same grid and, for noisy users, the same refinement (its pick
    with the opening trusted, and the rule's own trusted pick). Recorded next to the rule's
    own pick; ``python -m lab.simulate --policy rule-one-se`` runs it."""
    n = len(episodes)
    options = {(*c, False): s for c, s in tried.items()}
    if um.noisy:
        t, thr, eps = one_se_best(tried, n)
        policy = RulePolicy(RuleConfig(BeliefConfig(t, eps, True), thr))
        options[(t, thr, eps, True)] = summarise(run_episodes(world, policy, episodes, um, 0, multi_choice,
                                                              split="valid"))
        pick = (entry["temperature"], entry["threshold"], entry["error"], True)
        options[pick] = entry["valid"] if entry["trust_opening"] else entry["valid_trusted"]
    t, thr, eps, trust = one_se_best(options, n)
    s = options[(t, thr, eps, trust)]
    log.info(f"{entry['setting']}: one-SE alternative T={t} threshold={thr} ε={eps} trust opening={trust}: "
          f"SR@15 {s['SR@15']:.3f} AT {s['AT']:.2f}")
    return {"temperature": t, "threshold": thr, "error": eps, "trust_opening": trust, "valid": s}


def refine_opening(world, episodes, um: UserModel, multi_choice: bool, entry: dict) -> dict:
    """The tuned configuration with the opening trusted as exact evidence, kept when its
    validation SR@15 (then AT) is better; the untrusted score is kept as ``valid_untrusted``."""
    beliefs = BeliefConfig(entry["temperature"], entry["error"], True)
    s = summarise(run_episodes(world, RulePolicy(RuleConfig(beliefs, entry["threshold"])), episodes, um, 0,
                               multi_choice, split="valid"))
    log.info(f"{entry['setting']}: trusting the opening: SR@15 {s['SR@15']:.3f} AT {s['AT']:.2f} "
          f"(untrusted {entry['valid']['SR@15']:.3f} / {entry['valid']['AT']:.2f})")
    untrusted = {k: v for k, v in entry.items() if k not in ("valid_trusted", "valid_untrusted")}
    untrusted["trust_opening"] = False
    if rank(s) > rank(entry["valid"]):
        return {**untrusted, "trust_opening": True, "valid": s, "valid_untrusted": entry["valid"]}
    return {**untrusted, "valid_trusted": s}


def tune_settings(args, ap, world, episodes, names: list[str], previous: dict, workers: Workers) -> dict:
    """The tuned entry of each setting in ``names`` (setting key -> entry)."""
    out, paired = {}, None  # paired: the two-target setting's own episodes, drawn once
    for name in names:
        um, mc = SETTINGS[name]
        key = setting_key(um, mc)
        eps = episodes
        if um.targets == 2:
            paired = paired or world.episodes("valid", args.episodes, np.random.default_rng(1234), targets=2)
            if not paired:
                log.info(f"{name}: no validation pair of wanted films shares an opening value; not tuned")
                continue
            eps = paired
        if args.refine_opening:
            if key not in previous:
                ap.error(f"--refine-opening needs a tuned rule for {name!r}: run python -m lab.tune first")
            if um.noisy:
                out[key] = refine_opening(world, eps, um, mc, previous[key])
            continue
        if args.policy == "rule":
            out[key] = tune(world, eps, um, mc, name, workers)
        else:
            out[key] = tune_plan(world, eps, um, mc, name, previous.get(key) if args.reuse else None,
                                 workers)
        out[key]["episodes"] = len(eps)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.tune", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_world_args(ap)
    ap.add_argument("--episodes", type=int, default=300)
    ap.add_argument("--settings", default=",".join(SETTINGS), help="comma-separated setting names")
    ap.add_argument("--policy", choices=("rule", "plan"), default="rule",
                    help="plan reads the rule's tuned beliefs, so tune the rule first")
    ap.add_argument("--out", help="the run folder (default out/<policy>-<dataset>-<time>/); a path ending in .json "
                                   "is written as that one file. Settings not tuned in this run are copied from "
                                   "the shipped configs/policies/<policy>-<dataset>.json; python -m lab.promote "
                                   "ships the run")
    ap.add_argument("--reuse", action="store_true",
                    help="plan: do not run again the configurations the existing file scored on the same "
                         "episodes (valid while the plan code they ran is unchanged)")
    ap.add_argument("--refine-opening", action="store_true",
                    help="rule: only try trusting the opening on the configurations already tuned")
    add_ray_args(ap)
    args = ap.parse_args(argv)
    if args.refine_opening and args.policy != "rule":
        ap.error("--refine-opening refines the rule's beliefs: use it with --policy rule")
    names = [s.strip() for s in args.settings.split(",")]
    unknown = [n for n in names if n not in SETTINGS]
    if unknown:
        ap.error(f"unknown setting {', '.join(unknown)}; choose from {', '.join(SETTINGS)}")
    catalog = load_catalog(args)
    world = world_of(args, catalog, seed=0)
    episodes = world.episodes("valid", args.episodes, np.random.default_rng(1234))
    if not episodes:
        raise ValueError(f"{args.dataset}: no validation episodes under this data protocol ({world.data.valid.nnz:,} "
                         "valid interactions): check --min-rating and --core, or give the folder a valid split")
    path = POLICY_DIR / f"{args.policy}-{world.artifact_key}.json"
    try:
        stored = tuned_file(args.policy, world)
    except ValueError as exc:  # made for another catalog (a changed dataset): every setting is tuned afresh
        log.info(f"{exc}: nothing is kept from it")
        stored = {}
    # settings this run does not tune are kept only from a file made for exactly this key (not from
    # one made before keys were recorded, under the old rules)
    previous = stored.get("settings", {}) if stored.get("key") == world.key() else {}
    scored_on = f"{len(episodes)} episodes, split seed 0"
    if args.reuse and (args.policy != "plan" or not stored.get("selected_on", "").endswith(scored_on)):
        ap.error(f"--reuse needs --policy plan and {path} scored on {scored_on}")
    with Workers.from_args(args) as workers:
        out = tune_settings(args, ap, world, episodes, names, previous, workers)
    selection = ("valid SR@15 then AT" if args.policy == "rule"
                 else "valid AT within one standard error of the best SR@15")
    payload = {"dataset": args.dataset, "selected_on": f"{selection}, {scored_on}", "settings": {**previous, **out},
               "fingerprint": world.fingerprint(), "key": world.key(), "protocol": protocol_record(world),
               **run_metadata()}
    if args.out and args.out.endswith(".json"):
        write_json(args.out, payload)
        log.info(f"wrote {args.out}")
        return 0
    run = new_run(args.policy, world.artifact_key, args.out)
    write_json(run / path.name, payload)
    write_manifest(run, kind=args.policy, dataset=args.dataset, ships={path.name: f"policies/{path.name}"},
                   fingerprints={"world": world.fingerprint()},
                   validation={key: entry.get("valid") for key, entry in out.items()},
                   key=world.key(), data=world.protocol.key(), exclude_history=world.exclude_history)
    log.info(f"wrote {run / path.name}; ship it with python -m lab.promote {run}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
