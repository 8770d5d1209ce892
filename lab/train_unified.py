"""Train the ``unified`` policy by double DQN with replay on the simulator.

    python -m lab.train_unified --dataset movielens-100k --seed 0 --minutes 30
    python -m lab.train_unified --dataset movielens-100k --seeds 0,1,2 --minutes 30 --ray

Training episodes never touch validation or test: each user's train interactions are split
again (10% held out, seeded), the CF model is refit on the rest, and the held-out
interactions are the training targets. Users behave as a mixture (literal, flip 0.1,
don't-know 0.2, patience 0.3, two targets, their combination; a quarter of episodes
multi-choice). Rewards are UNICORN's (``lab.simulator.REWARDS``). A teacher — ``plan``
(the lookahead, ``policy.plan``, with its validation-tuned parameters; a multi-choice
setting without its own tuning takes its users' single-choice one) by default, the tuned
``rule``, or per user setting whichever of the two did better on validation (``--teacher
best``) — guides exploration (ε-greedy, the exploratory action the
teacher's half of the time), and before RL the network is pretrained on the teacher's
demonstrations and keeps a large-margin loss on them afterwards (DQfD, Hester et al. 2018),
so learning starts from the teacher and RL moves it from there.
After pretraining and every ``--valid-every`` episodes the greedy policy is scored on
validation episodes of the evaluation world (targets from the valid split), a snapshot is
kept, and the one the one-standard-error rule picks (the fewest turns within one standard
error of the best mean SR@15, ``lab.metrics.one_se_best``) is saved to
``unified-<dataset>-seed<k>.pt`` with the command, the seed and the catalog/CF fingerprint, in
a run folder under ``out/`` (``--out``; given again, the run resumes from its checkpoint there);
``python -m lab.promote <run>`` ships it to ``configs/policies/``. Data and attribute flags as
in ``lab.options``; the network is keyed like the tuned files it reads (``<key>`` the world's
``artifact_key``, its ``key()`` stored with the weights) and refuses to load for another.
``--seeds 0,1,2`` trains each seed as its own run (with ``--out``, ``<out>/seed<k>``), one
after another or, with ``--ray [ADDRESS]``, as one Ray task each (``lab.fanout``). A run bounded
by episodes (``--minutes 0 --episodes N``) gives the same network either way.
"""

from __future__ import annotations

import argparse
import copy
import logging
import math
import re
import sys
import time
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp
import torch
from tqdm import tqdm

from lab.fanout import Workers, add_ray_args
from lab.metrics import one_se_best, summarise
from lab.options import add_world_args, load_catalog, world_of
from lab.simulate import run_episodes
from lab.simulator import Conversation, draw_targets
from policy.actions import AskType
from policy.plan import PlanConfig, PlanPolicy
from policy.rule import RuleConfig, RulePolicy
from policy.state import UserModel
from policy.tuned import setting_key, tuned_entry, tuned_file
from policy.unified import (
    N_ACTION,
    N_GLOBAL,
    QNetwork,
    UnifiedPolicy,
    build_candidates,
    save_policy,
    tuned_parameters,
    world_fingerprint,
)
from policy.world import World
from recsys.models import make_scorer
from recsys.report import run_cli, run_metadata, write_json
from recsys.runs import new_run, write_manifest
from recsys.tuned import load_config

log = logging.getLogger(__name__)

MIXTURE = (UserModel(), UserModel(flip=0.1), UserModel(dont_know=0.2), UserModel(patience=0.3),
           UserModel(targets=2), UserModel(flip=0.1, dont_know=0.2, patience=0.3))
VALID_SETTINGS = ((UserModel(), False), (UserModel(flip=0.1), False),
                  (UserModel(flip=0.1, dont_know=0.2, patience=0.3), False), (UserModel(), True))
MAX_A = 1 + 20  # recommend + candidates


def training_world(world: World, seed: int) -> World:
    """A world whose targets come from training interactions: 10% of each user's train
    items held out (as its ``valid`` split; at least two for users with ten or more, so a
    two-target episode can pair two of them), CF refit on the rest."""
    tr = world.data.train.tocsr()
    rng = np.random.default_rng([seed, 7])
    keep_rows, keep_cols, out_rows, out_cols = [], [], [], []
    for u in range(tr.shape[0]):
        items = tr.indices[tr.indptr[u] : tr.indptr[u + 1]]
        n_out = max(int(0.1 * len(items)), 2 if len(items) >= 10 else 0)
        perm = rng.permutation(items)
        out_rows += [u] * n_out
        out_cols += perm[:n_out].tolist()
        keep_rows += [u] * (len(items) - n_out)
        keep_cols += perm[n_out:].tolist()
    mk = lambda r, c: sp.csr_matrix((np.ones(len(r), np.float32), (r, c)), shape=tr.shape)  # noqa: E731
    data = replace(world.data, train=mk(keep_rows, keep_cols), valid=mk(out_rows, out_cols),
                   test=sp.csr_matrix(tr.shape, dtype=np.float32))
    params = load_config(world.cf_key, dirs=world.config_dirs).get(world.scorer.name, {})
    scorer = make_scorer(world.scorer.name, params, seed=seed).fit(data.train)
    return replace(world, data=data, scorer=scorer)


def pad(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(MAX_A, d) features and (MAX_A,) validity mask."""
    out = np.zeros((MAX_A, N_GLOBAL + N_ACTION), dtype=np.float32)
    n = min(len(features), MAX_A)
    out[:n] = features[:n]
    mask = np.zeros(MAX_A, dtype=bool)
    mask[:n] = True
    return out, mask


class Replay:
    def __init__(self, size: int, rng: np.random.Generator):
        d = N_GLOBAL + N_ACTION
        self.s = np.zeros((size, MAX_A, d), np.float32)
        self.m = np.zeros((size, MAX_A), bool)
        self.a = np.zeros(size, np.int64)
        self.r = np.zeros(size, np.float32)
        self.s2 = np.zeros((size, MAX_A, d), np.float32)
        self.m2 = np.zeros((size, MAX_A), bool)
        self.done = np.zeros(size, np.float32)
        self.size, self.n, self.k, self.rng = size, 0, 0, rng

    def add(self, s, m, a, r, s2, m2, done):
        i = self.k
        self.s[i], self.m[i], self.a[i], self.r[i], self.s2[i], self.m2[i], self.done[i] = s, m, a, r, s2, m2, done
        self.k = (self.k + 1) % self.size
        self.n = min(self.n + 1, self.size)

    def sample(self, batch: int):
        idx = self.rng.integers(self.n, size=batch)
        t = lambda x: torch.from_numpy(x[idx])  # noqa: E731
        return t(self.s), t(self.m), t(self.a), t(self.r), t(self.s2), t(self.m2), t(self.done)


@dataclass(frozen=True)
class Setting:
    """One user setting of the mixture: the teacher and the configurations the features use."""

    teacher: object  # RulePolicy | PlanPolicy
    rule: RuleConfig
    plan: PlanConfig

    @classmethod
    def of(cls, world: World, um: UserModel, mc: bool, teacher: str) -> Setting:
        rule, plan = RulePolicy.for_setting(world, um, mc), PlanPolicy.for_setting(world, um, mc)
        if teacher == "best":
            teacher = best_teacher(world, um, mc)
        return cls(plan if teacher == "plan" else rule, rule.config, plan.config)

    def candidates(self, state):
        return build_candidates(state, self.rule, self.plan)


def best_teacher(world: World, um: UserModel, mc: bool) -> str:
    """``plan`` or ``rule``, whichever did better on validation for this user setting by the
    one-standard-error rule (their tuned entries' scores on the same episodes; ``plan`` on a
    tie, and whenever either is untuned)."""
    entries = {p: tuned_entry(p, world, um, mc) for p in ("plan", "rule")}
    if not all(e and "valid" in e for e in entries.values()):
        return "plan"
    n = entries["plan"].get("episodes")  # recorded per setting since two targets draw their own
    if n is None:
        m = re.search(r"(\d+) episodes", tuned_file("plan", world)["selected_on"])  # "..., 300 episodes, split seed 0"
        if m is None:
            raise ValueError(f"plan-{world.artifact_key}.json does not say how many episodes it was scored on")
        n = m.group(1)
    return one_se_best({p: e["valid"] for p, e in entries.items()}, int(n))


def teacher_action_index(teacher, state, actions) -> int | None:
    """Index of the teacher's choice among the scored candidates (None when it is not one)."""
    act = teacher.decide(state)
    for k, c in enumerate(actions[:MAX_A]):
        if c == act or (isinstance(c, AskType) and isinstance(act, AskType) and c.attr_type == act.attr_type):
            return k
    return None


def collect_demonstrations(world: World, episodes: dict, settings: dict, n: int, seed: int) -> Replay:
    """Transitions of the teacher playing training episodes under the user mixture
    (``episodes``: number of targets -> (user, target) pairs)."""
    rng = np.random.default_rng([seed, 3])
    demo = Replay(max(1, n * 15), rng)
    for ep in tqdm(range(n), desc="teacher demonstrations", file=sys.stderr):
        um = MIXTURE[int(rng.integers(len(MIXTURE)))]
        mc = bool(rng.random() < 0.25)
        setting = settings[(um, mc)]
        pool = episodes[um.targets]
        user, tgt = pool[int(rng.integers(len(pool)))]
        erng = np.random.default_rng([seed, 2, ep])
        conv = Conversation(world, user, draw_targets(world, user, tgt, um, erng, "valid"), um, erng, mc)
        cand = setting.candidates(conv.state)
        while not conv.done:
            a = teacher_action_index(setting.teacher, conv.state, cand.actions)
            if a is None:  # the teacher asked outside the preselection: play it, do not learn from it
                conv.step(setting.teacher.decide(conv.state))
                if not conv.done:
                    cand = setting.candidates(conv.state)
                continue
            r = conv.step(cand.actions[a])
            s, m = pad(cand.features)
            if not conv.done:
                cand = setting.candidates(conv.state)
            demo.add(s, m, a, r, *pad(cand.features), float(conv.done))
    return demo


def validate(world: World, net: QNetwork, episodes, seed: int) -> dict:
    scores = {}
    for um, mc in VALID_SETTINGS:
        setting = Setting.of(world, um, mc, "rule")
        s = summarise(run_episodes(world, UnifiedPolicy(copy.deepcopy(net), setting.rule, setting.plan), episodes, um,
                                   seed, mc, split="valid"))
        scores[f"flip={um.flip},dk={um.dont_know},pat={um.patience},mc={int(mc)}"] = s
    return {"SR@15": float(np.mean([s["SR@15"] for s in scores.values()])),
            "AT": float(np.mean([s["AT"] for s in scores.values()])), "per_setting": scores}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.train_unified", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_world_args(ap)
    seeds = ap.add_mutually_exclusive_group()
    seeds.add_argument("--seed", type=int, default=0)
    seeds.add_argument("--seeds", type=seed_list, help="comma-separated seeds, e.g. 0,1,2: one run each")
    ap.add_argument("--minutes", type=float, default=30.0,
                    help="wall-clock budget for training, per seed (0: none, --episodes bounds it)")
    ap.add_argument("--episodes", type=int, default=100_000, help="cap on training episodes")
    ap.add_argument("--valid-every", type=int, default=1500)
    ap.add_argument("--valid-episodes", type=int, default=200)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--gamma", type=float, default=0.95)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--teacher", choices=("plan", "rule", "best"), default="plan",
                    help="whose demonstrations (DQfD); best: per user setting, whichever of the two did better "
                         "on validation")
    ap.add_argument("--demo-episodes", type=int, default=1500, help="teacher demonstrations (DQfD)")
    ap.add_argument("--pretrain-steps", type=int, default=3000, help="updates on demonstrations before RL")
    ap.add_argument("--margin", type=float, default=0.8, help="large-margin loss on demonstrated actions")
    ap.add_argument("--out", help="the run folder (default out/unified-<dataset>-seed<k>-<time>/); an existing one is "
                                  "resumed from its checkpoint. python -m lab.promote ships it")
    add_ray_args(ap)
    args = ap.parse_args(argv)
    if args.minutes < 0:
        ap.error(f"--minutes must be 0 (no limit) or more, got {args.minutes}")
    seeds = args.seeds if args.seeds is not None else [args.seed]
    per_seed = [argparse.Namespace(**{**vars(args), "seed": k, "seeds": None,
                                      "out": f"{args.out}/seed{k}" if args.out and len(seeds) > 1 else args.out})
                for k in seeds]
    with Workers.from_args(args) as workers:
        runs = workers.map(train, [(a,) for a in per_seed], desc=f"{len(seeds)} seeds", cpus_per_task=args.threads)
    if len(runs) > 1:
        log.info(f"wrote {len(runs)} runs: {', '.join(runs)}; ship each with python -m lab.promote <run>")
    return 0


def seed_list(text: str) -> list[int]:
    try:
        seeds = [int(k) for k in text.split(",") if k.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated whole numbers, e.g. 0,1,2, got {text!r}") from None
    if not seeds or len(set(seeds)) != len(seeds):
        raise argparse.ArgumentTypeError(f"expected distinct seeds, e.g. 0,1,2, got {text!r}")
    return seeds


def train(args: argparse.Namespace) -> str:
    """One seed's training run (``args.seed``, into ``args.out`` or a new run folder); returns
    the run folder."""
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)
    catalog = load_catalog(args)
    world = world_of(args, catalog, seed=args.seed)
    for policy in ("rule", "plan"):
        if not tuned_file(policy, world):
            log.warning(f"no tuned {policy} for {world.artifact_key} (configs/ or --configs): the features and the "
                        f"teacher use {policy}'s untuned defaults. Run python -m lab.prepare --dataset {args.dataset}, "
                        "which tunes both first")
    train_world = training_world(world, args.seed)
    singles = train_world.episodes("valid", 0, rng)
    if not singles:
        raise ValueError(f"{args.dataset}: no training episodes (no user has ten training interactions to hold "
                         "some out): check --min-rating and --core")
    # two-target settings draw the pairs that share an opening value (as MCMIPL); none: single targets
    train_eps = {1: singles, 2: train_world.episodes("valid", 0, rng, targets=2) or singles}
    valid_eps = world.episodes("valid", args.valid_episodes, np.random.default_rng([args.seed, 99]))
    if not valid_eps:
        raise ValueError(f"{args.dataset}: no validation episodes to choose a checkpoint on: give the folder "
                         "valid rows")
    net, target = QNetwork(args.hidden), QNetwork(args.hidden)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    name = f"unified-{world.artifact_key}-seed{args.seed}"
    run = new_run("unified", f"{world.artifact_key}-seed{args.seed}", args.out)
    ckpt = run / "checkpoint.ckpt"
    ships = {f"{name}{ext}": f"policies/{name}{ext}" for ext in (".pt", ".json", "-curve.json")}

    def manifest(valid: dict | None, complete: bool) -> None:
        write_manifest(run, kind="unified", dataset=args.dataset, ships=ships, complete=complete,
                       fingerprints={"world": world_fingerprint(world)}, validation=valid, seed=args.seed,
                       key=world.key(), data=world.protocol.key(), exclude_history=world.exclude_history)

    manifest(None, complete=False)
    start_ep, snapshots, curve = 0, [], []
    blob = torch.load(ckpt, map_location="cpu", weights_only=False) if ckpt.exists() else None
    if blob is not None and ((blob.get("features"), blob.get("teacher")) != (N_GLOBAL + N_ACTION, args.teacher)
                             or "snapshots" not in blob):
        log.info(f"{ckpt} holds another feature layout, teacher or format: starting afresh")
        blob = None
    if blob is not None:
        net.load_state_dict(blob["net"])
        opt.load_state_dict(blob["opt"])
        start_ep, snapshots, curve = blob["episode"], blob["snapshots"], blob["curve"]
        log.info(f"resuming from {ckpt} at episode {start_ep}")
    target.load_state_dict(net.state_dict())
    replay = Replay(50_000, rng)
    settings = {(um, mc): Setting.of(world, um, mc, args.teacher) for um in MIXTURE for mc in (False, True)}
    tuned = tuned_parameters(world)  # what Setting.of read, stored with the weights
    teachers = {setting_key(um, mc): type(st.teacher).name for (um, mc), st in settings.items()}
    log.info(f"teachers: {teachers}")
    t_end = time.time() + 60 * args.minutes if args.minutes > 0 else math.inf
    out_path = run / f"{name}.pt"
    steps, losses = 0, []
    demo = collect_demonstrations(train_world, train_eps, settings, args.demo_episodes, args.seed)

    def update(use_rl: bool) -> None:
        n_demo = args.batch if not use_rl else args.batch // 4
        parts = [demo.sample(n_demo)] + ([replay.sample(args.batch - n_demo)] if use_rl else [])
        bs, bm, ba, br, bs2, bm2, bd = (torch.cat(x) for x in zip(*parts))
        q_all = net(bs).masked_fill(~bm, -1e9)
        q = q_all.gather(1, ba[:, None]).squeeze(1)
        with torch.no_grad():
            a2 = net(bs2).masked_fill(~bm2, -1e9).argmax(1, keepdim=True)  # double DQN
            y = br + args.gamma * (1 - bd) * target(bs2).gather(1, a2).squeeze(1)
        loss = torch.nn.functional.smooth_l1_loss(q, y)
        # DQfD's large-margin loss on the demonstrated part: the teacher's action must beat the
        # others by ``margin``, so the network starts from the teacher and RL moves it from there
        qd, ad = q_all[:n_demo], ba[:n_demo]
        bonus = torch.full_like(qd, args.margin).scatter(1, ad[:, None], 0.0)
        loss = loss + ((qd + bonus).max(1).values - qd.gather(1, ad[:, None]).squeeze(1)).mean()
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 10.0)
        opt.step()
        losses.append(loss.item())

    n_valid = len(valid_eps) * len(VALID_SETTINGS)
    chosen = None  # the snapshot saved as the policy

    def checkpoint(ep: int) -> None:
        """Validate, keep a snapshot, and save the one the one-standard-error rule picks of all
        so far (``lab.metrics.one_se_best``: fewest turns within one SE of the best success)."""
        nonlocal chosen
        v = validate(world, net, valid_eps, args.seed)
        curve.append({"episode": ep, "loss": float(np.mean(losses[-1000:])) if losses else None,
                      "valid SR@15": v["SR@15"], "valid AT": v["AT"]})
        tqdm.write(f"[train_unified] episode {ep}: loss {curve[-1]['loss']}, valid SR@15 {v['SR@15']:.3f} "
                   f"AT {v['AT']:.2f}", file=sys.stderr)
        snapshots.append({"episode": ep, **v, "state_dict": copy.deepcopy(net.state_dict())})
        k = one_se_best(dict(enumerate(snapshots)), n_valid)
        if k != chosen:
            chosen = k
            best = {key: val for key, val in snapshots[k].items() if key != "state_dict"}
            save_policy(out_path, snapshots[k]["state_dict"], args.hidden, world_fingerprint(world),
                        {"command": run_metadata()["command"], "seed": args.seed, "dataset": args.dataset,
                         "teacher": args.teacher, "teachers": teachers, "episodes_trained": best["episode"],
                         "selected_on": f"validation AT within one standard error of the best SR@15 "
                                        f"({n_valid} episodes over {len(VALID_SETTINGS)} settings)",
                         "valid": best}, tuned, world.key())
            manifest(best, complete=False)  # a stopped run still says what it kept, and that it stopped
        ckpt.parent.mkdir(parents=True, exist_ok=True)
        torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "episode": ep, "snapshots": snapshots,
                    "curve": curve, "features": N_GLOBAL + N_ACTION, "teacher": args.teacher}, ckpt)
        write_json(run / f"{name}-curve.json", {"curve": curve})

    if start_ep == 0:
        for k in tqdm(range(args.pretrain_steps), desc="pretraining on demonstrations", file=sys.stderr):
            update(use_rl=False)
            if (k + 1) % 500 == 0:
                target.load_state_dict(net.state_dict())
        checkpoint(0)  # the pretrained network is a candidate too: RL must beat its start to be kept
    bar = tqdm(total=args.episodes, initial=start_ep, desc="episodes", file=sys.stderr)
    ep = start_ep
    while ep < args.episodes and time.time() < t_end:
        um = MIXTURE[int(rng.integers(len(MIXTURE)))]
        mc = bool(rng.random() < 0.25)
        setting = settings[(um, mc)]
        eps_greedy = max(0.05, 0.3 - ep / 8000)
        pool = train_eps[um.targets]
        user, tgt = pool[int(rng.integers(len(pool)))]
        erng = np.random.default_rng([args.seed, 1, ep])
        conv = Conversation(train_world, user, draw_targets(train_world, user, tgt, um, erng, "valid"), um, erng, mc)
        cand = setting.candidates(conv.state)
        while not conv.done:
            if rng.random() < eps_greedy:
                if rng.random() < 0.5:
                    a = teacher_action_index(setting.teacher, conv.state, cand.actions)
                    if a is None:  # the teacher's pick may fall outside the candidates
                        a = int(rng.integers(min(len(cand.actions), MAX_A)))
                else:
                    a = int(rng.integers(min(len(cand.actions), MAX_A)))
            else:
                with torch.no_grad():
                    a = int(torch.argmax(net(torch.from_numpy(cand.features[:MAX_A]))))
            r = conv.step(cand.actions[a])
            s, m = pad(cand.features)
            if not conv.done:
                cand = setting.candidates(conv.state)
            s2, m2 = pad(cand.features)
            replay.add(s, m, a, r, s2, m2, float(conv.done))
            steps += 1
            if replay.n >= 500:
                update(use_rl=True)
                if steps % 500 == 0:
                    target.load_state_dict(net.state_dict())
        ep += 1
        bar.update(1)
        if ep % args.valid_every == 0:
            checkpoint(ep)
    bar.close()
    log.info(f"done at episode {ep}")
    if snapshots:
        kept = snapshots[one_se_best(dict(enumerate(snapshots)), n_valid)]
        log.info(f"kept episode {kept['episode']}: valid SR@15 {kept['SR@15']:.3f}, AT {kept['AT']:.2f}")
        manifest({key: val for key, val in kept.items() if key != "state_dict"}, complete=True)
        log.info(f"wrote {run}; ship it with python -m lab.promote {run}")
    return str(run)


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
