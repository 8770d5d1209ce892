"""How well do a film's audience and decade tell a fact the catalog lacks? (``recsys.fact_guess``)

    python -m lab.evaluate_fact_guess --seeds 10 --json docs/runs/fact-guess-movielens-100k.json

Facts checked: rated R or NC-17 (what "nothing rated R" or "nothing too gory" keeps off the
cards), in English ("not in English"), from the United States ("no American films"). Only films
whose fact is on record can be checked. Per seed they are split, stratified, into 80% to choose
on and 20% to report on. On the 80%, the threshold is chosen as the engine chooses it on every
film on record (``fact_guess.threshold``): the highest that still keeps off ``CATCH`` of the films
with the fact out of fold (a limit the person set should hold; a film kept off the cards that had
been fine costs less). The model is refitted on the 80% and measured on the 20%:

- ``AUC``: how often a film with the fact is ranked above one without;
- ``caught``: the share of films with the fact kept off the cards under a limit that rules it
  out, were the fact unknown (before the guess, none: a film whose fact is unknown passed);
- ``lost``: the share of films without the fact kept off with them.

Beside the rating, in the same split: the rule the engine used for close cards under a ceiling
("PG max"), a film of a kind mostly rated R (horror, crime, thriller, war, noir) counting as R.
``recsys.fact_guess.C`` is the value that five-fold cross-validation chose (best AUC) on every film
with a rating on record; the ``C`` each seed's 80% would choose is printed beside it.
"""

from __future__ import annotations

import argparse
from collections import Counter

import numpy as np

from recsys import fact_guess
from recsys.datasets import load_dataset
from recsys.report import aggregate, fmt, run_cli, run_metadata, table, write_json

FACTS = {"rated R or NC-17": ("mpaa", fact_guess.ADULT), "in English": ("language", ("English",)),
         "from the United States": ("country", ("United States",))}
CS = (0.3, 1.0, 3.0, 10.0)
ADULT_KINDS = ("Horror", "Crime", "Thriller", "War", "Film-Noir")  # chat.engine's rule before the guess


def _auc(p: np.ndarray, y: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def _rates(flagged: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    return float(flagged[y].mean()), float(flagged[~y].mean())


def best_c(x, items: np.ndarray, has: np.ndarray, seed: int) -> float:
    """The ``C`` with the best out-of-fold AUC over five folds of ``items``: how ``fact_guess.C`` was chosen."""
    from sklearn.model_selection import StratifiedKFold

    oof = {}
    for c in CS:
        p = np.zeros(len(items))
        for tr, va in StratifiedKFold(5, shuffle=True, random_state=seed).split(items, has):
            p[va] = fact_guess.fit(x[items[tr]], has[tr], c).predict_proba(x[items[va]])[:, 1]
        oof[c] = p
    return max(CS, key=lambda c: _auc(oof[c], has))


def one_seed(catalog, x, known, has, seed: int, rating: bool) -> dict:
    from sklearn.model_selection import train_test_split

    tune, test = train_test_split(np.arange(len(known)), test_size=0.2, stratify=has, random_state=seed)
    t = fact_guess.threshold(x, known[tune], has[tune], seed=seed)  # as the engine chooses it, on the 80% only
    p = fact_guess.fit(x[known[tune]], has[tune]).predict_proba(x[known[test]])[:, 1]
    caught, lost = _rates(p >= t, has[test])
    out = {"C": best_c(x, known[tune], has[tune], seed), "threshold": t,
           "guess": {"AUC": _auc(p, has[test]), "caught": caught, "lost": lost}}
    if rating:
        kinds = np.array([bool(set(catalog.values_of(int(i), "genre")) & set(ADULT_KINDS)) for i in known[test]])
        caught, lost = _rates(kinds, has[test])
        out["adult kinds"] = {"AUC": _auc(kinds.astype(float), has[test]), "caught": caught, "lost": lost}
    out["no guess"] = {"caught": 0.0, "lost": 0.0}
    return out


def evaluate(catalog, name: str, attr_type: str, values: tuple[str, ...], seeds: int) -> dict | None:
    known, has = fact_guess.labels(catalog, attr_type, values)
    if has.sum() < fact_guess.MIN_EACH or (~has).sum() < fact_guess.MIN_EACH:
        print(f"{name}: too few films on record on either side to learn from")
        return None
    x = fact_guess.features(catalog)
    rating = attr_type == "mpaa"
    runs = [one_seed(catalog, x, known, has, s, rating) for s in range(seeds)]
    methods = {"audience and decade (the threshold chosen on the 80%)": "guess",
               **({"a kind mostly rated R (the rule before)": "adult kinds"} if rating else {}),
               "no guess (films whose fact is unknown pass)": "no guess"}
    results = {label: {k: aggregate([r[key][k] for r in runs], always_dict=True) for k in runs[0][key]}
               for label, key in methods.items()}
    unknown = np.setdiff1d(np.arange(catalog.n_items), known)
    kept_off = float(fact_guess.looks(catalog, attr_type, values)[unknown].mean()) if len(unknown) else 0.0
    print(f"\n{name}: {len(known)} films with the {attr_type} on record ({int(has.sum())} {name}), "
          f"{len(unknown)} without; test on 20% per seed, {seeds} seeds")
    rows = [[label, *(fmt(r[k], 3) if k in r else "" for k in ("AUC", "caught", "lost"))]
            for label, r in results.items()]
    print(table(rows, ["method", "AUC", "caught", "lost"]))
    chosen = {k: [r[k] for r in runs] for k in ("C", "threshold")}
    final = fact_guess.threshold(x, known, has)
    print("chosen per seed: " + ", ".join(f"{k} {dict(sorted(Counter(v).items()))}" for k, v in chosen.items())
          + f"; the engine's threshold on every film on record: {final:g} (C {fact_guess.C:g})")
    print(f"films whose {attr_type} is unknown kept off under a limit: {kept_off:.3f}")
    return {"type": attr_type, "values": list(values), "known": len(known), "with": int(has.sum()),
            "results": results, "per_seed": runs, "threshold_on_all": final, "unknown_kept_off": kept_off}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.evaluate_fact_guess", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    catalog = load_dataset(args.dataset)
    facts = {name: r for name, (t, values) in FACTS.items()
             if (r := evaluate(catalog, name, t, values, args.seeds)) is not None}
    if not facts:
        raise SystemExit(f"{args.dataset}: too few films with these facts on record to learn from")
    if args.json:  # results: one row per fact and method (what docs/results.md shows); facts: the rest
        rows = {f"{name}: {method}": metrics for name, r in facts.items() for method, metrics in r["results"].items()}
        write_json(args.json, {"protocol": {"dataset": args.dataset, "seeds": args.seeds, "test_share": 0.2,
                                            "Cs": CS, "catch": fact_guess.CATCH, "C": fact_guess.C},
                               "results": rows, "facts": facts, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
