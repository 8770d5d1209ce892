"""Are the names a card shows the film's stars? Checked against a hand-written list.

    python -m lab.evaluate_leads --json out/leads.json
    python -m lab.evaluate_leads --list path/to/reviewers_list.tsv

The list (``lab/data/leads_hand.tsv``: title, year, leads in billing order separated by ';')
was written by hand before the ordering code. Films the catalog lacks, or has no cast for, are
counted and skipped. For each ordering of a film's cast, two numbers:

- ``first is a lead``: the first name shown is one of the listed leads;
- ``2 of top 3``: among films listing two leads or more, the first three names shown hold at
  least two of them.

Orderings: ``catalog count`` (people in more catalog films first: what cards showed first),
``prominence`` (``recsys.leads``: what cards showed until billing order was found) and
``billing, then prominence`` (``recsys.billing``: the cast lists in billing order of TMDB 5000
and HetRec 2011, then prominence for anyone they lack: what cards show now). The prominence
constants were chosen on every other film of the hand list (those with cast data, in list
order, starting with the first): ``tuned rows`` / ``held-out rows`` split the figures. Nothing
was tuned for the billing order.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from recsys.catalog import Catalog
from recsys.datasets import load_dataset
from recsys.movielens import normalise_title
from recsys.report import run_cli, run_metadata, table, write_json

HAND_LIST = Path(__file__).resolve().parent / "data" / "leads_hand.tsv"


def read_list(path: Path) -> list[tuple[str, int, list[str]]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[1].strip().lstrip("-").isdigit():
            raise ValueError(f"{path}:{n}: expected title<TAB>year<TAB>lead;lead;...")
        rows.append((parts[0].strip(), int(parts[1]), [p.strip() for p in parts[2].split(";") if p.strip()]))
    return rows


def count_order(catalog: Catalog, item: int) -> list[str]:
    counts = catalog.value_counts()
    return sorted(catalog.values_of(item, "cast"), key=lambda v: -counts[catalog.value_index("cast", v)])


ORDERINGS = {
    "catalog count": count_order,
    "prominence": lambda catalog, item: catalog.by_prominence(item),
    "billing, then prominence": lambda catalog, item: list(catalog.leads(item, n=3)),
}


def hetrec_variants(catalog: Catalog) -> dict:
    """Two re-orderings of the lists only HetRec 2011 gives (TMDB 5000 lacks the film), tried in
    round twenty-seven and not shipped: HetRec's order is, for some films, the order of appearance
    (*Fargo*: William H. Macy, Steve Buscemi, Peter Stormare; Frances McDormand later)."""
    import math

    from recsys import billing
    from recsys.movielens import title_keys

    tmdb = billing.BillingIndex([billing.tmdb_lists()], normalise_title, title_keys)
    only_hetrec = {i for i in catalog.billing if not tmdb.find(catalog.titles[i], int(catalog.years[i]))}

    def head_by_prominence(c: Catalog, i: int) -> list[str]:  # its first six by billing place and prominence
        if i not in only_hetrec:
            return list(c.leads(i, n=3))
        head = list(c.billing[i])[:6]
        score = {n: -k + math.log1p(100 * c.prominence.get(n, 0.0)) for k, n in enumerate(head)}
        return (sorted(head, key=lambda n: -score[n]) + list(c.billing[i])[6:])[:3]

    def first_two(c: Catalog, i: int) -> list[str]:  # its first two, then the best known of the rest
        if i not in only_hetrec:
            return list(c.leads(i, n=3))
        two = list(c.billing[i])[:2]
        return (two + [n for n in c.by_prominence(i) if n not in two])[:3]

    return {"HetRec's first six by prominence (tried, not shipped)": head_by_prominence,
            "HetRec's first two, then prominence (tried, not shipped)": first_two}


def score(catalog: Catalog, films: list[tuple[int, list[str]]], order) -> dict:
    first = two = n_two = 0
    misses = []
    for item, leads in films:
        top = order(catalog, item)[:3]
        ok = bool(top) and top[0] in leads
        first += ok
        if len(leads) >= 2:
            n_two += 1
            two += len(set(top) & set(leads)) >= 2
        if not ok:
            misses.append({"title": catalog.titles[item], "shown": top, "leads": leads})
    return {"films": len(films), "first is a lead": first / max(len(films), 1),
            "films listing 2+": n_two, "2 of top 3": two / max(n_two, 1), "misses": misses}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.evaluate_leads", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--list", type=Path, default=HAND_LIST,
                    help="title<TAB>year<TAB>leads;... (default: the hand list)")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    catalog = load_dataset(args.dataset)
    index: dict[tuple[str, int], int] = {}
    for i, (t, y) in enumerate(zip(catalog.titles, catalog.years)):
        index.setdefault((normalise_title(t), int(y)), i)
    films, skipped = [], {"not in the catalog": [], "no cast data": []}
    for title, year, leads in read_list(args.list):
        item = next((index[(normalise_title(title), y)] for y in (year, year - 1, year + 1)
                     if (normalise_title(title), y) in index), None)
        if item is None:
            skipped["not in the catalog"].append(title)
        elif not catalog.values_of(item, "cast"):
            skipped["no cast data"].append(title)
        else:
            films.append((item, leads, len(films)))
    parts = {"all rows": films, "tuned rows": [f for f in films if f[2] % 2 == 0],
             "held-out rows": [f for f in films if f[2] % 2 == 1]}
    orderings = dict(ORDERINGS)
    if catalog.prominence:  # an OMDb-enriched MovieLens catalog: the variant tried and not shipped
        from recsys.leads import order_cast, prominence_by_era
        from recsys.movielens import _split_list, omdb_rows

        by_era = prominence_by_era((_split_list(r["Cast"]), r["Reviews"] or 0, r["Year"] or 0,
                                    _split_list(r["Director"])) for r in omdb_rows())
        orderings["prominence by era (tried, not shipped)"] = lambda c, i: order_cast(c.values_of(i, "cast"), by_era)
        orderings.update(hetrec_variants(catalog))
    results = {name: {part: score(catalog, [(i, leads) for i, leads, _ in rows], order)
                      for part, rows in parts.items()} for name, order in orderings.items()}
    print(f"{args.dataset}: leads on {args.list.name} ({len(films)} films with cast; "
          + ", ".join(f"{len(v)} {k}" for k, v in skipped.items()) + ")")
    rows = [[name, part, str(r["films"]), f"{r['first is a lead']:.3f}", f"{r['2 of top 3']:.3f}"]
            for name, res in results.items() for part, r in res.items()]
    print(table(rows, ["ordering", "rows", "films", "first is a lead", "2 of top 3"]))
    print("targets: first is a lead >= 0.90, 2 of top 3 >= 0.80")
    if args.json:
        write_json(args.json, {"protocol": {"dataset": args.dataset, "list": args.list.name, "skipped": skipped},
                               "results": results, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
