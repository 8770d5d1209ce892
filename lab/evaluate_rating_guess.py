"""How well do a film's audience and decade tell whether it is rated R? (``recsys.rating_guess``)

    python -m lab.evaluate_rating_guess --seeds 10 --json docs/runs/rating-guess-movielens-100k.json

Only films whose rating is on record can be checked. Per seed they are split, stratified, into
80% to choose on and 20% to report on. On the 80%, five-fold cross-validation chooses ``C``
(the best out-of-fold AUC) and then the threshold: the highest that still catches at least
``CATCH`` of the R and NC-17 films out of fold (a limit the person set should hold; a mild film
kept off the cards costs less). The model is refitted on the 80% and measured on the 20%:

- ``AUC``: how often an R-rated film is ranked above a milder one;
- ``adult caught``: the share of R and NC-17 films kept off the cards under a limit on ratings,
  were their rating unknown (before the guess, none: a film of unknown rating passed);
- ``mild lost``: the share of G, PG and PG-13 films kept off with them.

Beside it, in the same split: the rule the engine used for close cards under a ceiling ("PG
max"), a film of a kind mostly rated R (horror, crime, thriller, war, noir) counting as R.
The shipped constants (``recsys.rating_guess.C`` and ``THRESHOLD``) are chosen the same way on
every film on record (printed as such); the seeds measure that way of choosing.
"""

from __future__ import annotations

import argparse
from collections import Counter

import numpy as np

from recsys import rating_guess
from recsys.datasets import load_dataset
from recsys.report import aggregate, fmt, run_cli, run_metadata, table, write_json

CS = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.05))
CATCH = 0.95
ADULT_KINDS = ("Horror", "Crime", "Thriller", "War", "Film-Noir")  # chat.engine's rule before the guess


def _auc(p: np.ndarray, y: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def _rates(flagged: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    return float(flagged[y].mean()), float(flagged[~y].mean())


def select(x, items: np.ndarray, adult: np.ndarray, seed: int) -> tuple[float, float]:
    """``C`` (the best out-of-fold AUC over five folds of ``items``), then the highest threshold
    that still catches ``CATCH`` of their R-rated films out of fold."""
    from sklearn.model_selection import StratifiedKFold

    oof = {}
    for c in CS:
        p = np.zeros(len(items))
        for tr, va in StratifiedKFold(5, shuffle=True, random_state=seed).split(items, adult):
            p[va] = rating_guess.fit(x[items[tr]], adult[tr], c).predict_proba(x[items[va]])[:, 1]
        oof[c] = p
    c = max(CS, key=lambda c: _auc(oof[c], adult))
    t = max((t for t in THRESHOLDS if _rates(oof[c] >= t, adult)[0] >= CATCH), default=THRESHOLDS[0])
    return c, float(t)


def one_seed(catalog, x, known, adult, seed: int) -> dict:

    from sklearn.model_selection import train_test_split

    tune, test = train_test_split(np.arange(len(known)), test_size=0.2, stratify=adult, random_state=seed)
    c, t = select(x, known[tune], adult[tune], seed)
    out = {"C": c, "threshold": t}
    for name, (cc, tt) in {"chosen": (c, t), "shipped": (rating_guess.C, rating_guess.THRESHOLD)}.items():
        p = rating_guess.fit(x[known[tune]], adult[tune], cc).predict_proba(x[known[test]])[:, 1]
        caught, lost = _rates(p >= tt, adult[test])
        out[name] = {"AUC": _auc(p, adult[test]), "adult caught": caught, "mild lost": lost}
    kinds = np.array([bool(set(catalog.values_of(int(i), "genre")) & set(ADULT_KINDS)) for i in known[test]])
    caught, lost = _rates(kinds, adult[test])
    out["adult kinds"] = {"AUC": _auc(kinds.astype(float), adult[test]), "adult caught": caught, "mild lost": lost}
    out["no guess"] = {"adult caught": 0.0, "mild lost": 0.0}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.evaluate_rating_guess", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    catalog = load_dataset(args.dataset)
    known, adult = rating_guess.labels(catalog)
    if adult.sum() < rating_guess.MIN_EACH or (~adult).sum() < rating_guess.MIN_EACH:
        raise SystemExit(f"{args.dataset}: too few films with a rating on record to learn from")
    x = rating_guess.features(catalog)
    runs = [one_seed(catalog, x, known, adult, s) for s in range(args.seeds)]
    methods = {"audience and decade, shipped C and threshold": "shipped",
               "audience and decade, as chosen per seed": "chosen",
               "a kind mostly rated R (the rule before)": "adult kinds", "no guess (films of unknown rating pass)":
               "no guess"}
    results = {label: {k: aggregate([r[key][k] for r in runs], always_dict=True) for k in runs[0][key]}
               for label, key in methods.items()}
    p = rating_guess.adult_probability(catalog)
    unknown = np.setdiff1d(np.arange(catalog.n_items), known)
    guessed = float((p[unknown] >= rating_guess.THRESHOLD).mean())
    print(f"{args.dataset}: {len(known)} films with a rating on record ({int(adult.sum())} R or NC-17), "
          f"{len(unknown)} without; test on 20% per seed, {args.seeds} seeds")
    rows = [[label, *(fmt(r[k], 3) if k in r else "" for k in ("AUC", "adult caught", "mild lost"))]
            for label, r in results.items()]
    print(table(rows, ["method", "AUC", "adult caught", "mild lost"]))
    chosen = {k: [r[k] for r in runs] for k in ("C", "threshold")}
    final = select(x, known, adult, 0)
    print("chosen per seed: " + ", ".join(f"{k} {dict(sorted(Counter(v).items()))}" for k, v in chosen.items())
          + f"; on every film on record: C {final[0]:g}, threshold {final[1]:g}"
          + f"; shipped: C {rating_guess.C:g}, threshold {rating_guess.THRESHOLD:g}")
    print(f"films of unknown rating kept off under a limit by the shipped model: {guessed:.3f}")
    if args.json:
        write_json(args.json, {"protocol": {"dataset": args.dataset, "seeds": args.seeds, "test_share": 0.2,
                                            "Cs": CS, "catch": CATCH, "known": len(known), "adult": int(adult.sum())},
                               "results": results, "per_seed": runs, "chosen_on_all": final,
                               "unknown_kept_off": guessed, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
