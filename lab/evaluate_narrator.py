"""Evaluate narrators on held-out narratives of test users.

    python -m lab.evaluate_narrator --json out/narrator-eval.json
    python -m lab.evaluate_narrator --variants template,base,fused --n 50     # quicker

The test set: ``--n`` (default 200) narratives of the seed-0 user split's test users (never
seen in training), a fixed seeded sample, a third of each kind, with references written in
the held-out phrasings only. Variants: ``template`` (the first training phrasing of the
kind, filled with the facts), ``base`` (SmolLM2 untuned, same prompt, no soft tokens),
``chat-template`` (what the chat's template narrator writes for the same film and history),
``cf`` / ``semantic`` / ``fused`` (LoRA + soft tokens, every ``configs/narrator/<variant>-seed<k>``
found; mean and std over seeds). Metrics: corpus BLEU (sacrebleu), ROUGE-L F1 (rouge-score),
semantic similarity (MiniLM cosine to the reference), and faithfulness: the share of
narratives stating a wrong title, year, person or genre (``adapters.faithful``), raw and
after dropping the sentences that state one, with fact coverage (true facts stated per
narrative) beside the references' own coverage, so that saying nothing cannot score; and
``defect_rate``, the share of narratives with a slip a reader would notice
(``adapters.defects``: placeholder, empty slot, article, list, non-lead, unsupported claim),
raw, with ``defects`` counting each kind, and ``defect_rate_filtered`` after what the app
does first (the sentences stating a wrong fact dropped, articles made to agree);
``relation_recall`` and ``relation_precision`` against the narrative's query-item subgraph
(``adapters.graph_input``: of the first three relations the reference states, the share the
narrative states; of the films, people, genres and decades it names, the share within two
edges of the candidate, or of the person for a taste summary); and each LoRA narrator's
streaming latency with one torch thread, as the app runs it (``--latency``: first chunk, and a
60-token narrative).
Generation is greedy and batched.

Issue 22's screens (separate flags; the default run stays as it was):

    python -m lab.evaluate_narrator --split valid --variants fused,graph-prompt,graph-bias,graph-both --narrators DIR
    python -m lab.evaluate_narrator --title-only --variants cf,semantic,fused   # <variant>-title-seed<k>
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

import numpy as np

from recsys.report import aggregate, fmt, run_cli, run_metadata, table, write_json

log = logging.getLogger(__name__)

LORA_VARIANTS = ("cf", "semantic", "fused", "graph-prompt", "graph-bias", "graph-both")
METRICS = ("BLEU", "ROUGE-L", "semantic_similarity", "unfaithful_rate", "unfaithful_rate_filtered", "coverage",
           "coverage_filtered", "defect_rate", "defect_rate_filtered", "relation_recall", "relation_precision")
LATENCY_TOKENS = 60
VALID_SEED = 4321  # --split valid: the validation sample of the held-out users


def template_text(e) -> str:
    """The template baseline: the first training phrasing of the kind."""
    from adapters.corpus import PHRASINGS, fill

    return fill(PHRASINGS[e.kind][0], e.facts)


def chat_template_text(e, catalog) -> str:
    """What the chat's template narrator (``chat.narrator.template_text``) writes for the
    example's film and history: the explanation the app shows when no LM is used."""
    from adapters.corpus import short_title
    from chat.cards import shared_values
    from chat.narrator import Facts, template_text

    i = e.item
    similar = tuple(e.facts["similar"]) if e.kind == "reason" else ()
    closest = next((h for h in e.history if similar and short_title(catalog.titles[h]) == similar[0]), None)
    return template_text(Facts(item_id=catalog.item_ids[i], title=e.facts["title"], year=int(catalog.years[i]),
                               genres=tuple(catalog.values_of(i, "genre")[:3]),
                               directors=tuple(catalog.values_of(i, "director")[:2]), cast=catalog.leads(i, 3),
                               similar_liked=similar, history_ids=tuple(catalog.item_ids[h] for h in e.history),
                               shared=shared_values(catalog, i, closest) if closest is not None else (),
                               crowd=catalog.crowd(i)))


def base_generate(examples, batch: int, max_new_tokens: int) -> list[str]:
    """The untuned LM with the same prompts (chat template, no soft tokens)."""
    import torch

    from adapters.lm import load_base
    from adapters.train import encode_prompt

    lm, tok = load_base()
    out = []
    for s in range(0, len(examples), batch):
        chunk = examples[s : s + batch]
        prompts = [encode_prompt(tok, e.kind, e.facts) for e in chunk]
        L = max(map(len, prompts))
        ids = torch.tensor([[tok.pad_token_id] * (L - len(p)) + p for p in prompts])
        att = torch.tensor([[0] * (L - len(p)) + [1] * len(p) for p in prompts])
        with torch.no_grad():
            gen = lm.generate(input_ids=ids, attention_mask=att, max_new_tokens=max_new_tokens, do_sample=False,
                              pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id)
        out += [tok.decode(row[L:], skip_special_tokens=True).strip() for row in gen]
    return out


def lora_generate(folder: Path, examples, text, catalog, batch: int, max_new_tokens: int,
                  stop_guard: bool = True, timing: dict | None = None, latency_n: int = 0) -> list[str]:
    """The narratives of the trained narrator in ``folder``; with ``latency_n``, its streaming
    latency (``latency``) is written into ``timing``."""
    from adapters.narrator import load_narrator

    nar = load_narrator(folder, text, catalog.fingerprint(), threads=None, catalog=catalog)
    nar.stop_guard = stop_guard
    out = []
    for s in range(0, len(examples), batch):
        chunk = examples[s : s + batch]
        out += nar.generate([e.kind for e in chunk], [e.facts for e in chunk], [e.history for e in chunk],
                            [e.item for e in chunk], max_new_tokens)
    if latency_n and timing is not None:
        timing.update(latency(nar, examples, latency_n))
    return out


def _made_for(folder: Path) -> str:
    """The catalog fingerprint a trained narrator was made for (its ``meta.json``)."""
    return json.loads((folder / "meta.json").read_text()).get("catalog_fingerprint", "")


def relation_counts(outputs: list[str], examples, checker, subgraphs) -> list[dict]:
    """Each narrative's relation counts against its reference (``adapters.graph_input.relation_scores``)."""
    from adapters.graph_input import relation_scores

    return [relation_scores(checker, sub, e.target, o) for o, e, sub in zip(outputs, examples, subgraphs)]


def relations(each: list[dict], examples) -> dict:
    """``relation_recall``: of the first ``TOP_RELATIONS`` relations each reference states (the
    entities within two edges of the candidate, or of the person for a taste summary, in the
    order it names them), the share the narrative names; ``relation_precision``: of the
    entities the narrative names besides the candidate, the share within two edges of it
    (``adapters.graph_input``). Both pooled over the narratives' counts (``relation_counts``),
    and by kind."""
    counts: dict[str, dict[str, int]] = {}
    for one, e in zip(each, examples):
        for k, v in one.items():
            for group in ("all", e.kind):
                counts.setdefault(group, {}).setdefault(k, 0)
                counts[group][k] += v

    def ratio(c, a, b):
        return c[a] / c[b] if c.get(b) else None

    by_kind = {g: {"relation_recall": ratio(c, "recalled", "salient"),
                   "relation_precision": ratio(c, "in_graph", "stated")} for g, c in counts.items() if g != "all"}
    total = counts.get("all", {})
    return {"relation_recall": ratio(total, "recalled", "salient"),
            "relation_precision": ratio(total, "in_graph", "stated"), "relations_by_kind": by_kind}


def latency(nar, examples, n: int) -> dict:
    """Seconds to the first chunk and to a ``LATENCY_TOKENS``-token narrative (no end before
    it), streamed with one torch thread as the app runs it; medians over ``n`` narratives."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    first, whole = [], []
    try:
        for e in examples[:n]:
            t0 = time.perf_counter()
            t_first = None
            for _ in nar.stream(e.kind, e.facts, e.history, e.item, max_new_tokens=LATENCY_TOKENS, budget_s=120,
                                min_new_tokens=LATENCY_TOKENS):
                t_first = t_first or time.perf_counter() - t0
            first.append(t_first)
            whole.append(time.perf_counter() - t0)
    finally:
        torch.set_num_threads(threads)
    return {"first_chunk_s": float(np.median(first)), f"narrative_{LATENCY_TOKENS}_tokens_s": float(np.median(whole)),
            "narratives": len(first), "threads": 1}


def score(outputs: list[str], examples, checker, encoder, defects=None, subgraphs=None) -> dict:
    import sacrebleu
    from rouge_score import rouge_scorer

    refs = [e.target for e in examples]
    bleu = sacrebleu.corpus_bleu(outputs, [refs]).score
    rs = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    rouge_each = [rs.score(r, o)["rougeL"].fmeasure for r, o in zip(refs, outputs)]
    rouge = float(np.mean(rouge_each))
    each_relation = relation_counts(outputs, examples, checker, subgraphs) if subgraphs is not None else None
    a, b = encoder.encode(outputs), encoder.encode(refs)
    sim = float(np.mean((a * b).sum(1)))
    raw = [checker.check(o, e.allowed) for o, e in zip(outputs, examples)]
    filtered_text = [checker.filter_text(o, e.allowed) for o, e in zip(outputs, examples)]
    filt = [checker.check(o, e.allowed) for o, e in zip(filtered_text, examples)]
    return {"BLEU": bleu, "ROUGE-L": rouge, "semantic_similarity": sim,
            "unfaithful_rate": float(np.mean([r.n_wrong > 0 for r in raw])),
            "unfaithful_rate_filtered": float(np.mean([r.n_wrong > 0 for r in filt])),
            "coverage": float(np.mean([r.coverage for r in raw])),
            "coverage_filtered": float(np.mean([r.coverage for r in filt])),
            **_defects(outputs, examples, defects, filtered_text),
            **(relations(each_relation, examples) if each_relation is not None else {}),
            "_each": {"ROUGE-L": rouge_each, **({"relations": each_relation} if each_relation is not None else {})}}


def paired(base: list[dict], other: list[dict], n_boot: int = 2000, seed: int = 0) -> dict:
    """``other`` minus ``base`` over the same narratives, each narrative's figures averaged over
    the runs (seeds) given, with a 95% percentile bootstrap interval (narratives resampled
    together): ROUGE-L (mean over narratives) and ``relation_recall`` (pooled, as reported)."""
    rng = np.random.default_rng(seed)
    n = len(base[0]["_each"]["ROUGE-L"])
    idx = rng.integers(0, n, size=(n_boot, n))

    def interval(diff_of, point):
        boots = np.array([diff_of(i) for i in idx])
        lo, hi = np.percentile(boots, [2.5, 97.5])
        return {"diff": float(point), "ci95": [float(lo), float(hi)], "excludes_0": bool(lo > 0 or hi < 0)}

    rouge = np.mean([r["_each"]["ROUGE-L"] for r in other], axis=0) - np.mean(
        [r["_each"]["ROUGE-L"] for r in base], axis=0)
    out = {"ROUGE-L": interval(lambda i: rouge[i].mean(), rouge.mean()), "seeds": [len(base), len(other)]}
    if "relations" in base[0]["_each"]:
        salient = np.array([x["salient"] for x in base[0]["_each"]["relations"]], dtype=float)

        def recalled(runs):
            return np.mean([[x["recalled"] for x in r["_each"]["relations"]] for r in runs], axis=0)

        gain = recalled(other) - recalled(base)
        out["relation_recall"] = interval(lambda i: gain[i].sum() / max(salient[i].sum(), 1),
                                          gain.sum() / max(salient.sum(), 1))
    return out


def _defects(outputs, examples, defects, filtered=None) -> dict:
    """``defect_rate`` (narratives with any slip, ``adapters.defects``) and ``defects``
    (narratives with each kind), raw; ``defect_rate_filtered``: after what the app does to a
    text before the defect check (``filtered``: the sentences stating a wrong fact dropped),
    articles made to agree (``DefectChecker.agree_articles``)."""
    if defects is None:
        return {"defect_rate": None, "defect_rate_filtered": None, "defects": {}}
    found = [defects.check(o, e.item, e.history) for o, e in zip(outputs, examples)]
    counts: dict[str, int] = {}
    for f in found:
        for kind in {d.split(":")[0] for d in f}:
            counts[kind] = counts.get(kind, 0) + 1
    shown = [defects.agree_articles(o, e.item, e.history) for o, e in zip(filtered or outputs, examples)]
    return {"defect_rate": float(np.mean([bool(f) for f in found])), "defects": counts,
            "defect_rate_filtered": float(np.mean([bool(defects.check(o, e.item, e.history))
                                                   for o, e in zip(shown, examples)]))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.evaluate_narrator", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", default="template,base,cf,semantic,fused")
    ap.add_argument("--n", type=int, default=200, help="narratives of the split")
    ap.add_argument("--split", choices=("test", "valid"), default="test",
                    help="valid: another seeded sample of the same held-out users' narratives, disjoint from "
                         "the test sample's (user, film) pairs, for choosing a variant before the test run")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--max-new-tokens", type=int, default=80)
    ap.add_argument("--narrators", default=str(Path(__file__).resolve().parent.parent / "configs" / "narrator"))
    ap.add_argument("--examples-out", help="write every narrative (reference and outputs) to this JSON file")
    ap.add_argument("--no-stop-guard", action="store_true",
                    help="decode without the guards (a LoRA narrator may end inside a name or say an actor "
                         "directed): measures adapters.narrator.StopGuard and RoleGuard")
    ap.add_argument("--title-only", action="store_true",
                    help="evaluate the narrators trained with --title-only (configs/narrator/<variant>-title-seed*: "
                         "the prompt holds the candidate's title alone); cf, semantic, fused")
    ap.add_argument("--latency", type=int, default=10, metavar="N",
                    help="narratives streamed with one thread to time each LoRA narrator's first chunk and a "
                         f"{LATENCY_TOKENS}-token narrative (first seed; 0 = skip)")
    ap.add_argument("--paired", default=None, metavar="VARIANT",
                    help="compare every other LoRA variant with this one over the same narratives (paired bootstrap "
                         "of ROUGE-L and relation_recall, each narrative averaged over the seeds; default fused, "
                         "when evaluated)")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    names = [v.strip() for v in args.variants.split(",") if v.strip()]
    if args.paired is not None and args.paired not in names:
        ap.error(f"--paired {args.paired}: not among --variants ({', '.join(names)})")
    args.paired = args.paired or "fused"
    bad = [v for v in names if v not in ("template", "chat-template", "base", *LORA_VARIANTS)]
    if bad:
        ap.error(f"unknown variant(s) {', '.join(bad)}: choose from template, chat-template, base, "
                 f"{', '.join(LORA_VARIANTS)}")
    from adapters.train import TITLE_ONLY, variant_name

    if args.title_only and set(names) - set(TITLE_ONLY):
        ap.error(f"--title-only compares {', '.join(TITLE_ONLY)}, not "
                 f"{', '.join(sorted(set(names) - set(TITLE_ONLY)))}")
    import torch

    from adapters.corpus import build_examples
    from adapters.defects import DefectChecker
    from adapters.faithful import FactChecker
    from adapters.graph_input import NarrativeGraph
    from adapters.train import narrator_data, similarity_fn
    from recsys.semantic import load_encoder

    torch.set_num_threads(2)
    catalog, _, test_users, cf, text = narrator_data(0)
    sim = similarity_fn(cf, text)
    examples = build_examples(catalog, test_users, np.arange(catalog.n_items), args.n, seed=1234, test=True,
                              similarity=sim)
    if args.split == "valid":
        examples = build_examples(catalog, test_users, np.arange(catalog.n_items), args.n, seed=VALID_SEED,
                                  test=True, similarity=sim, exclude={(e.user, e.item) for e in examples})
    checker, encoder, defects = FactChecker(catalog), load_encoder(), DefectChecker(catalog)
    graph = NarrativeGraph(catalog, cf, text)
    subgraphs = [graph.subgraph(None if e.kind == "summary" else e.item, e.history) for e in examples]
    reference = {"relation_precision": relations(relation_counts([e.target for e in examples], examples, checker,
                                                                 subgraphs), examples)["relation_precision"],
                 "coverage": float(np.mean([checker.check(e.target, e.allowed).coverage for e in examples])),
                 "defect_rate": float(np.mean([bool(defects.check(e.target, e.item, e.history)) for e in examples])),
                 "unfaithful_rate": float(np.mean([checker.check(e.target, e.allowed).n_wrong > 0 for e in examples]))}
    results, seconds, samples, timing = {}, {}, {"references": [e.target for e in examples]}, {}
    each: dict[str, list[dict]] = {}  # per-narrative figures of each run, for the paired comparisons
    for name in names:
        t0 = time.perf_counter()
        if name == "template":
            runs = {"-": [template_text(e) for e in examples]}
        elif name == "chat-template":
            runs = {"-": [chat_template_text(e, catalog) for e in examples]}
        elif name == "base":
            runs = {"-": base_generate(examples, args.batch, args.max_new_tokens)}
        else:
            stem = variant_name(name, args.title_only)
            folders = sorted(Path(args.narrators).glob(f"{stem}-seed*"))
            if not folders:
                log.info(f"no trained {stem} narrator under {args.narrators}: skipped "
                         f"(python -m adapters.train --variant {name}{' --title-only' if args.title_only else ''})")
                continue
            stale = [f for f in folders if _made_for(f) != catalog.fingerprint()]
            for f in stale:  # an adapter of another catalog refuses to load: said, and left out
                log.warning(f"{f.name} was trained on catalog {_made_for(f)}, this one is {catalog.fingerprint()}: "
                            f"skipped (retrain it: python -m adapters.train --variant {name} --seed "
                            f"{f.name.rsplit('seed', 1)[-1]})")
            folders = [f for f in folders if f not in stale]
            if not folders:
                continue
            timing[name] = {}
            runs = {f.name: lora_generate(f, examples, text, catalog, args.batch, args.max_new_tokens,
                                          stop_guard=not args.no_stop_guard, timing=timing[name],
                                          latency_n=args.latency if k == 0 else 0)
                    for k, f in enumerate(folders)}
        per = [score(outs, examples, checker, encoder, defects, subgraphs) for outs in runs.values()]
        stats = {m: aggregate([p[m] for p in per if p[m] is not None], always_dict=True)
                 if any(p[m] is not None for p in per) else {"mean": None, "std": None} for m in METRICS}
        results[name] = {m: stats[m]["mean"] for m in METRICS} | {f"{m}_std": stats[m]["std"] for m in METRICS}
        results[name]["runs"] = list(runs)
        each[name] = per
        results[name]["per_run"] = {run: {k: v for k, v in p.items() if k != "_each"} for run, p in zip(runs, per)}
        results[name]["defects"] = {k: sum(p["defects"].get(k, 0) for p in per) / len(per)
                                    for k in sorted({k for p in per for k in p["defects"]})}
        if timing.get(name):
            results[name]["latency"] = timing[name]
        seconds[name] = round(time.perf_counter() - t0, 1)
        samples[name] = runs
        log.info(f"{name}: " + ", ".join(f"{m} {results[name][m]:.3f}" for m in METRICS))
    rows = [[n, str(len(r["runs"]))] + [fmt({"mean": r[m], "std": r[f"{m}_std"]}, 3) if r[m] is not None else "-"
                                         for m in METRICS]
            for n, r in results.items()]
    print(f"{len(examples)} {args.split} narratives of {len(test_users)} test users (held-out phrasings); reference "
          f"coverage {reference['coverage']:.2f} facts, reference unfaithful rate {reference['unfaithful_rate']:.3f}")
    print(table(rows, ["variant", "seeds", *METRICS]))
    print("defects (narratives with each kind, mean over seeds): " + "; ".join(
        f"{n}: " + (", ".join(f"{k} {v:g}" for k, v in r["defects"].items()) or "none") for n, r in results.items()))
    for n, r in results.items():
        if "latency" in r:
            lat = r["latency"]
            print(f"{n} latency (one thread, median of {lat['narratives']}): first chunk {lat['first_chunk_s']:.2f} s, "
                  f"{LATENCY_TOKENS}-token narrative {lat[f'narrative_{LATENCY_TOKENS}_tokens_s']:.2f} s")
    comparisons = {f"{name} - {args.paired}": paired(each[args.paired], each[name]) for name in each
                   if args.paired in each and name != args.paired and name not in ("template", "chat-template", "base")}
    for pair, c in comparisons.items():
        print(f"{pair} (paired over the {len(examples)} narratives, seeds {c['seeds'][1]} vs {c['seeds'][0]}): "
              + "; ".join(f"{m} {c[m]['diff']:+.4f} [{c[m]['ci95'][0]:+.4f}, {c[m]['ci95'][1]:+.4f}]"
                          for m in ("relation_recall", "ROUGE-L") if m in c))
    if args.examples_out:
        write_json(args.examples_out, samples)
    if args.json:
        write_json(args.json, {"results": results, "paired": comparisons, "reference": reference, "n": len(examples),
                               "split": args.split,
                               "seconds": seconds,
                               "stop_guard": not args.no_stop_guard, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
