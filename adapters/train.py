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


def prompt_name(kind: str, mode: str = "facts") -> str:
    """The prompt file of a kind in a prompt mode (``SoftTokenConfig.prompt``): ``facts``,
    ``narrator_<kind>``; ``graph``, ``narrator_<kind>_graph`` where the kind has one (the
    endorsement is about the film alone, so it keeps its facts); ``title``,
    ``narrator_<kind>_title`` (the candidate's title only)."""
    from prompts import HERE

    name = f"narrator_{kind}" if mode == "facts" else f"narrator_{kind}_{mode}"
    return name if (HERE / f"{name}.txt").exists() else f"narrator_{kind}"


def prompt_text(kind: str, facts: dict, mode: str = "facts") -> str:
    """The user turn for one narrative: ``prompts/narrator_<kind>.txt`` (``prompt_name``) filled
    with the facts. A clause whose fact is missing is left out ("; directed by ..." without a
    director, the "Shared with ..." line without shared values), never filled with "unknown"
    or "none", which a model learns to write. The graph prompt's ``relations`` are
    ``adapters.graph_input.Subgraph.lines``, one per line."""
    from adapters.corpus import join
    from prompts import render, variables

    values = {"title": facts["title"], "year": facts["year"], "genres": join(facts["genres"]),
              "director": facts["director"], "cast": join(facts["cast"]), "shared": join(facts["shared"]),
              "similar": join(facts["similar"]), "liked": join(facts["liked"]), "taste": join(facts["taste"]),
              "relations": "\n".join(f"- {line}." for line in facts.get("relations", ()))}
    name = prompt_name(kind, mode)
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


def prompt_messages(kind: str, facts: dict, mode: str = "facts") -> list[dict]:
    from prompts import render

    return [{"role": "system", "content": render("narrator_system")},
            {"role": "user", "content": prompt_text(kind, facts, mode)}]


def encode_prompt(tok, kind: str, facts: dict, mode: str = "facts") -> list[int]:
    msgs = prompt_messages(kind, facts, mode)
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


# a narrator variant -> (soft tokens, prompt, relation-aware attention): SoftTokenConfig's
# variant, prompt and graph_bias
NARRATOR_VARIANTS = {"cf": ("cf", "facts", False), "semantic": ("semantic", "facts", False),
                     "fused": ("fused", "facts", False), "graph-prompt": ("fused", "graph", False),
                     "graph-bias": ("fused", "facts", True), "graph-both": ("fused", "graph", True)}
TITLE_ONLY = ("cf", "semantic", "fused")  # the title-only setting compares the soft tokens' kinds
BIAS_LR = 10.0  # the graph-bias scales' learning rate, in multiples of --lr


def variant_name(variant: str, title_only: bool = False) -> str:
    """The folder stem of a trained narrator: ``fused``, ``graph-prompt``, ``fused-title``."""
    return f"{variant}-title" if title_only else variant


def variant_config(variant: str, title_only: bool = False, **dims):
    """The ``SoftTokenConfig`` of a narrator variant (``NARRATOR_VARIANTS``)."""
    from adapters.soft_tokens import SoftTokenConfig

    if variant not in NARRATOR_VARIANTS:
        raise ValueError(f"unknown narrator variant {variant!r}: choose from {', '.join(NARRATOR_VARIANTS)}")
    if title_only and variant not in TITLE_ONLY:
        raise ValueError(f"the title-only setting compares {', '.join(TITLE_ONLY)}, not {variant!r}")
    kind, prompt, bias = NARRATOR_VARIANTS[variant]
    return SoftTokenConfig(variant=kind, prompt="title" if title_only else prompt, graph_bias=bias, **dims)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m adapters.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", default="fused", choices=tuple(NARRATOR_VARIANTS),
                    help="soft tokens (cf, semantic, fused) and, for the graph variants, the query-item graph "
                         "in the prompt (graph-prompt), in the attention (graph-bias) or both (graph-both)")
    ap.add_argument("--title-only", action="store_true",
                    help="the prompt holds only the candidate's title, so the person and the film reach the LM "
                         "through the soft tokens alone (REGEN's setting; cf, semantic or fused)")
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
    from adapters.graph_input import NarrativeGraph, prompt_inputs
    from adapters.lm import END_TOKEN, LM_KEY, load_base
    from adapters.soft_tokens import SoftTokenLM, add_lora, features

    if args.title_only and args.variant not in TITLE_ONLY:
        ap.error(f"--title-only compares {', '.join(TITLE_ONLY)}, not {args.variant}")
    torch.manual_seed(args.seed)
    if args.device == "cpu":
        torch.set_num_threads(args.threads)
    acc = Accelerator(cpu=args.device == "cpu")
    name = f"{variant_name(args.variant, args.title_only)}-seed{args.seed}"
    run = new_run("narrator", name, args.out)
    out, ckpt_dir = run / name, run / "checkpoint"
    catalog, train_users, _, cf, text = narrator_data(args.seed)
    examples = build_examples(catalog, train_users, np.arange(catalog.n_items), args.examples, args.seed, test=False,
                              similarity=similarity_fn(cf, text))
    cfg = variant_config(args.variant, args.title_only, cf_dim=cf.shape[1], text_dim=text.shape[1])
    graph = NarrativeGraph(catalog, cf, text) if cfg.prompt == "graph" or cfg.graph_bias else None
    if args.quantize and args.device != "gpu":
        ap.error("--quantize needs --device gpu (bitsandbytes)")
    lm, tok = load_base(device=str(acc.device) if args.quantize else "cpu", quantize=args.quantize)
    if args.quantize:
        from peft import prepare_model_for_kbit_training

        lm = prepare_model_for_kbit_training(lm)
    model = SoftTokenLM(add_lora(lm, cfg), cfg)
    params = [p for p in model.parameters() if p.requires_grad]
    # the attention's distance scales start at 0 and are few (layers x heads x 2): a faster rate
    scales = [model.graph_scale] if cfg.graph_bias else []
    groups = [{"params": [p for p in params if all(p is not q for q in scales)]}]
    groups += [{"params": scales, "lr": args.lr * BIAS_LR}] if scales else []
    opt = torch.optim.AdamW(groups, lr=args.lr, weight_decay=0.0)
    model, opt = acc.prepare(model, opt)
    feats = np.stack([features(cfg, cf, text, e.history, e.item) for e in examples])
    encoded = [prompt_inputs(tok, cfg, e.kind, e.facts, e.item, e.history, graph) for e in examples]
    prompts, graphs = [p for p, _ in encoded], [g for _, g in encoded]
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
        loss = model(f, [prompts[i] for i in idx], [targets[i] for i in idx],
                     [graphs[i] for i in idx] if cfg.graph_bias else None).loss
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
    meta = {"variant": variant_name(args.variant, args.title_only), "seed": args.seed, "steps": state["step"],
            "seconds": round(state["seconds"]),
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
    if model.cfg.graph_bias:
        torch.save(model.graph_scale.detach().cpu(), out / "graph_bias.pt")
    np.save(out / "cf_item_factors.npy", cf.astype(np.float32))
    write_text_probe(out, text)
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    (out / "loss_curve.json").write_text(json.dumps({"columns": ["step", "loss", "seconds"], "rows": curve}) + "\n")


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
