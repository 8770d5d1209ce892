"""Train the narrator: soft-token adapter + LoRA on SmolLM2-135M-Instruct.

    python -m adapters.train --variant fused --seed 0 --minutes 18
    accelerate launch -m adapters.train --variant fused --seed 0 --device gpu   # one or more GPUs

Data: ``adapters.corpus`` on MovieLens 100K, train users of the seed-0 user split (test
users never seen). CF vectors: ALS (64 factors, tuned l2/alpha) fitted on the train users'
likes, saved with the adapter (``cf_item_factors.npy``) because the soft tokens mean
nothing for other factors; text vectors: the MiniLM item embeddings (deterministic, checked
by fingerprint). The run is bounded by ``--minutes`` (CPU: about 18 on 2 cores) or
``--steps``. It writes a run folder, ``--out`` (default ``out/narrator-<variant>-seed<k>-<time>/``):
``checkpoint/`` every ``--checkpoint-every`` steps (given the same ``--out`` again, the run
resumes from it, so a run may span sessions) and, at the end, ``<variant>-seed<k>/``: the
LoRA weights, the adapter MLP, the CF factors, ``meta.json`` (command, seed, fingerprints)
and ``loss_curve.json``. ``python -m lab.promote <run>`` ships that folder as
``configs/narrator/<variant>-seed<k>/``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import shlex
import sys
import time
from pathlib import Path

import numpy as np

from recsys.report import run_cli
from recsys.runs import atomic_write, new_run, write_manifest

log = logging.getLogger(__name__)


MISSING = "\x00"


def prompt_text(kind: str, facts: dict) -> str:
    """The user turn for one narrative: ``prompts/narrator_<kind>.txt`` filled with the facts.
    A clause whose fact is missing is left out ("; directed by ..." without a director, the
    "Shared with ..." line without shared values), never filled with "unknown" or "none",
    which a model learns to write."""
    from adapters.corpus import join
    from prompts import render, variables

    values = {"title": facts["title"], "year": facts["year"], "genres": join(facts["genres"]),
              "director": facts["director"], "cast": join(facts["cast"]), "shared": join(facts["shared"]),
              "similar": join(facts["similar"]), "liked": join(facts["liked"]), "taste": join(facts["taste"])}
    name = f"narrator_{kind}"
    text = render(name, **{k: values[k] or MISSING for k in variables(name)})
    lines = []
    for line in text.splitlines():
        line = line.replace(f" ({MISSING})", "")
        if MISSING in line:
            head, _, rest = line.partition(": ")
            kept = [c for c in rest.rstrip(".").split("; ") if MISSING not in c]
            if not kept or MISSING in head:
                continue
            line = f"{head}: {'; '.join(kept)}."
        lines.append(line)
    return "\n".join(lines)


def encode_prompt(tok, kind: str, facts: dict) -> list[int]:
    from prompts import render

    msgs = [{"role": "system", "content": render("narrator_system")},
            {"role": "user", "content": prompt_text(kind, facts)}]
    text = tok.apply_chat_template(msgs, add_generation_prompt=True, tokenize=False)
    return tok(text, add_special_tokens=False)["input_ids"]


def encode_target(tok, target: str) -> list[int]:
    from adapters.lm import end_token_id

    return tok(target, add_special_tokens=False)["input_ids"] + [end_token_id(tok)]


def array_fingerprint(a: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(a, dtype=np.float32).tobytes()).hexdigest()[:16]


def narrator_data(seed: int = 0):
    """(catalog, train users, test users, cf item factors, text item vectors). Deterministic
    for the CF factors only up to float summation order; they are saved with each adapter."""
    from recsys.datasets import load_dataset
    from recsys.models import make_scorer
    from recsys.semantic import item_embeddings
    from recsys.split import user_split
    from recsys.tuned import load_config

    catalog = load_dataset("movielens-100k")
    train_users, test_users = user_split(catalog, seed=0)
    keep = (catalog.inter_rating >= 4) & np.isin(catalog.inter_user, train_users)
    import scipy.sparse as sp

    m = sp.csr_matrix((np.ones(keep.sum(), np.float32), (catalog.inter_user[keep], catalog.inter_item[keep])),
                      shape=(catalog.n_users, catalog.n_items))
    params = {**load_config(catalog.key()).get("als", {}), "factors": 64}
    als = make_scorer("als", params, seed=seed).fit(m)
    return catalog, train_users, test_users, als.item_factors.astype(np.float32), item_embeddings(catalog)


def similarity_fn(cf: np.ndarray, text: np.ndarray):
    from recsys.personas import fuse

    fused = fuse(cf, text)
    return lambda item, history: fused[history] @ fused[item]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m adapters.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", default="fused", choices=("cf", "semantic", "fused"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--minutes", type=float, default=18.0, help="wall-clock budget (0 = no limit)")
    ap.add_argument("--steps", type=int, default=0, help="stop after this many steps (0 = budget only)")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--examples", type=int, default=6000, help="training narratives to build")
    ap.add_argument("--device", default="cpu", choices=("cpu", "gpu"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--quantize", choices=("8bit", "4bit"), help="QLoRA: load the base model through bitsandbytes "
                    "(GPU only)")
    ap.add_argument("--checkpoint-every", type=int, default=50)
    ap.add_argument("--out", help="the run folder (default out/narrator-<variant>-seed<k>-<time>/)")
    args = ap.parse_args(argv)
    import torch
    from accelerate import Accelerator
    from tqdm import tqdm

    from adapters.corpus import build_examples
    from adapters.lm import END_TOKEN, LM_KEY, load_base
    from adapters.soft_tokens import SoftTokenConfig, SoftTokenLM, add_lora, features

    torch.manual_seed(args.seed)
    if args.device == "cpu":
        torch.set_num_threads(args.threads)
    acc = Accelerator(cpu=args.device == "cpu")
    name = f"{args.variant}-seed{args.seed}"
    run = new_run("narrator", name, args.out)
    out, ckpt_dir = run / name, run / "checkpoint"
    catalog, train_users, _, cf, text = narrator_data(args.seed)
    examples = build_examples(catalog, train_users, np.arange(catalog.n_items), args.examples, args.seed, test=False,
                              similarity=similarity_fn(cf, text))
    cfg = SoftTokenConfig(variant=args.variant, cf_dim=cf.shape[1], text_dim=text.shape[1])
    if args.quantize and args.device != "gpu":
        ap.error("--quantize needs --device gpu (bitsandbytes)")
    lm, tok = load_base(device=str(acc.device) if args.quantize else "cpu", quantize=args.quantize)
    if args.quantize:
        from peft import prepare_model_for_kbit_training

        lm = prepare_model_for_kbit_training(lm)
    model = SoftTokenLM(add_lora(lm, cfg), cfg)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)
    model, opt = acc.prepare(model, opt)
    feats = np.stack([features(cfg, cf, text, e.history, e.item) for e in examples])
    prompts = [encode_prompt(tok, e.kind, e.facts) for e in examples]
    targets = [encode_target(tok, e.target) for e in examples]
    state = {"step": 0, "curve": [], "seconds": 0.0}
    if (ckpt_dir / "state.json").exists():
        state = json.loads((ckpt_dir / "state.json").read_text())
        acc.unwrap_model(model).load_state_dict(torch.load(ckpt_dir / "model.pt", map_location=acc.device,
                                                           weights_only=True), strict=False)
        opt.load_state_dict(torch.load(ckpt_dir / "opt.pt", map_location=acc.device, weights_only=False))
        log.info(f"resumed {args.variant} seed {args.seed} at step {state['step']}")
    rng = np.random.default_rng([args.seed, state["step"]])
    budget = args.minutes * 60 if args.minutes else float("inf")
    t_start = time.perf_counter() - state["seconds"]
    bar = tqdm(initial=state["step"], total=args.steps or None, desc=f"narrator {args.variant}", file=sys.stderr)
    model.train()
    losses = []
    while True:
        elapsed = time.perf_counter() - t_start
        if (args.steps and state["step"] >= args.steps) or elapsed >= budget:
            break
        idx = rng.choice(len(examples), size=min(args.batch, len(examples)), replace=False)
        f = torch.from_numpy(feats[idx]).to(acc.device)
        loss = model(f, [prompts[i] for i in idx], [targets[i] for i in idx]).loss
        acc.backward(loss)
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad()
        state["step"] += 1
        losses.append(float(loss))
        bar.update(1)
        bar.set_postfix(loss=f"{np.mean(losses[-20:]):.3f}")
        if state["step"] % 10 == 0:
            state["curve"].append([state["step"], float(np.mean(losses[-10:])), round(elapsed, 1)])
        if state["step"] % args.checkpoint_every == 0:
            state["seconds"] = time.perf_counter() - t_start
            _checkpoint(acc.unwrap_model(model), opt, state, ckpt_dir)
    bar.close()
    state["seconds"] = time.perf_counter() - t_start
    _checkpoint(acc.unwrap_model(model), opt, state, ckpt_dir)
    meta = {"variant": args.variant, "seed": args.seed, "steps": state["step"], "seconds": round(state["seconds"]),
            "command": "python -m adapters.train " + shlex.join(sys.argv[1:] if argv is None else argv),
            "base_model": LM_KEY, "end_token": END_TOKEN,
            "config": cfg.__dict__ | {"lora_targets": list(cfg.lora_targets)},
            "catalog_fingerprint": catalog.fingerprint(), "cf_fingerprint": array_fingerprint(cf),
            "text_fingerprint": array_fingerprint(text), "examples": len(examples), "batch": args.batch,
            "lr": args.lr, "final_loss": float(np.mean(losses[-50:])) if losses else None}
    save_adapter(acc.unwrap_model(model), cf, text, out, meta, state["curve"])
    # training has no validation split: the record promote checks is the training loss; the
    # narrator is measured by python -m lab.evaluate_narrator
    write_manifest(run, kind="narrator", dataset=catalog.name, ships={name: f"narrator/{name}"},
                   fingerprints={"catalog": meta["catalog_fingerprint"], "cf": meta["cf_fingerprint"],
                                 "text": meta["text_fingerprint"]},
                   validation={"final_train_loss": meta["final_loss"], "steps": state["step"]})
    log.info(f"{args.variant} seed {args.seed}: {state['step']} steps in {state['seconds'] / 60:.1f} min, "
          f"loss {meta['final_loss']}; saved to {out}")
    return 0


def _trainable_state(model) -> dict:
    names = {n for n, p in model.named_parameters() if p.requires_grad}
    return {k: v for k, v in model.state_dict().items() if k in names}


def _checkpoint(model, opt, state: dict, folder: Path) -> None:
    import torch

    folder.mkdir(parents=True, exist_ok=True)
    for name, obj in (("model.pt", _trainable_state(model)), ("opt.pt", opt.state_dict())):
        buf = io.BytesIO()
        torch.save(obj, buf)
        atomic_write(folder / name, buf.getvalue())
    atomic_write(folder / "state.json", json.dumps(state))


PROBE_ITEMS = 64


def write_text_probe(out: Path, text: np.ndarray) -> None:
    """The text vectors of the first ``PROBE_ITEMS`` items, kept with the adapter: another
    machine recomputes the MiniLM vectors with float differences in the last bits, so the
    check at load time compares vectors (max abs difference < 1e-3), not a hash."""
    np.save(out / "text_probe.npy", np.asarray(text[:PROBE_ITEMS], dtype=np.float32))


def save_adapter(model, cf: np.ndarray, text: np.ndarray, out: Path, meta: dict, curve: list) -> None:
    """LoRA weights (peft format), adapter MLP, CF factors, text probe, meta and loss curve in ``out``."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    model.lm.save_pretrained(out / "lora")
    torch.save({k: v.cpu() for k, v in model.adapter.state_dict().items()}, out / "adapter_mlp.pt")  # loads anywhere
    np.save(out / "cf_item_factors.npy", cf.astype(np.float32))
    write_text_probe(out, text)
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    (out / "loss_curve.json").write_text(json.dumps({"columns": ["step", "loss", "seconds"], "rows": curve}) + "\n")


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
