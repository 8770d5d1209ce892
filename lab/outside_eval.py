"""Films the catalog lacks, named as people name them: read as that film, and films like it at once.

    python -m lab.outside_eval --json docs/runs/outside-movielens-100k.json

People name films MovieLens 100K does not have (it ends in 1998): "best film ever finding nemo".
``recsys.outside`` lists the well-known ones; this measures, through the real engine, how the
chat takes them. A seeded sample of ``--films`` of the ``POOL`` best-known films the catalog
lacks (by critics' reviews), each typed in lower case as people type it (the part before a
colon when that part has two words or more: "kill bill", not "kill bill: vol. 1"), in each of
the ``PHRASINGS``:

- ``recognised.<phrasing>``: the parse names that film, or one typed the same way (a namesake
  of another year, "pirates of the caribbean" for the best known of the series: the words were
  understood);
- ``verdict.<phrasing>``: recognised, with the verdict the words give (liked for "i loved X",
  "X is my favourite film", "something like X"; liked or only named for "do you have X?";
  disliked for "X was boring");
- for "i loved X", the first reply: ``films_now`` (it has films), ``akin@5`` (the share of its
  films that share a genre, a director, a writer or a star with X: ``chat.cards.shared_with_outside``)
  and ``people@5`` (a director, writer or star); ``peer akin@5`` / ``peer people@5``: the same
  for the films a person gets by asking "show me some films" (what any list shares with X by
  chance), and the paired difference with its 95% bootstrap interval over the films;
- ``everyday_as_film``: the share of ``EVERYDAY`` requests (phrases that contain a title of a
  well-known film: "a scary movie please", "something for the family") read as naming a film
  the catalog lacks (0 is right).
"""

from __future__ import annotations

import argparse
import logging
import re

import numpy as np
from scipy.stats import bootstrap

from recsys.outside import ascii_title
from recsys.report import fmt, run_cli, run_metadata, table, write_json

log = logging.getLogger("lab.outside_eval")

POOL = 1000  # the best-known films the catalog lacks, by critics' reviews, sampled from
# (phrasing, template, verdicts that are right)
PHRASINGS = (("loved", "i loved {t}", ("like",)),
             ("favourite", "{t} is my favourite film", ("like",)),
             ("like", "something like {t}", ("like",)),
             ("ask", "do you have {t}?", ("like", "")),
             ("boring", "{t} was boring", ("dislike",)))
EVERYDAY = ("a scary movie please", "something for the family", "got anything else?", "what else have you got",
            "it's date night, something romantic", "something old school", "show me something new",
            "something for the holiday season", "a feel good movie", "another one please", "i'm up for anything",
            "we watched one last night, something different", "can you go further back in time",
            "something to watch with my girlfriend", "a movie for a rainy day", "just go with it, show me films",
            "the kids are all right with anything", "something in time for dinner", "any good war films",
            "a disaster movie", "an epic movie", "the best of the 90s", "a love story", "something sweet",
            "the others were better", "not that one, the other one", "something funny people like",
            "a big family comedy", "a horror film for halloween night", "good will hunting style dramas")


def typed(title: str) -> str:
    """A title as people type it: lower case, ASCII, no punctuation but apostrophes; the part
    before a colon when it has two words or more."""
    head = title.split(":")[0] if ":" in title and len(title.split(":")[0].split()) >= 2 else title
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", ascii_title(head).lower()).split())


def interval(a: np.ndarray, b: np.ndarray, seed: int = 0) -> dict:
    """Mean of a - b over the same rows (films, messages), with a 95% percentile bootstrap interval
    (``lab.plot_eval`` uses it too)."""
    ci = bootstrap((a, b), lambda x, y, axis=-1: np.mean(x - y, axis=axis), paired=True, vectorized=True,
                   n_resamples=2000, method="percentile", rng=np.random.default_rng(seed)).confidence_interval
    return {"diff": float((a - b).mean()), "ci95": [float(ci.low), float(ci.high)],
            "excludes_0": bool(ci.low > 0 or ci.high < 0)}


def run(dataset: str, n_films: int, seed: int) -> dict:
    from chat.cards import shared_with_outside
    from chat.engine import Engine
    from chat.events import Text
    from chat.loading import load_models

    models = load_models(dataset, "unified", progress=log.info)
    parser, catalog = models.parser, models.catalog
    if not parser.outside:
        raise ValueError(f"no films outside {dataset!r} are known (a catalog without genre, director and cast)")
    engine = Engine(models)
    pool = parser.outside[:POOL]
    films = [pool[j] for j in sorted(np.random.default_rng(seed).choice(len(pool), min(n_films, len(pool)),
                                                                        replace=False))]
    found = {name: [] for name, _, _ in PHRASINGS}
    right = {name: [] for name, _, _ in PHRASINGS}
    now, akin, people, peer_akin, peer_people, cases = [], [], [], [], [], []
    state, _, _ = engine.start()
    _, anything = engine.step(state, Text("show me some films"))

    def shares(cards, film) -> tuple[float, float]:
        both = [shared_with_outside(catalog, catalog.item_index(c.item_id), film) for c in cards[:5]]
        person = [any(w[:1].isupper() for w in b) for b in both]  # names are capitalised, genres and eras not
        return (sum(map(bool, both)) / len(both), sum(person) / len(both)) if both else (0.0, 0.0)

    for k, film in enumerate(films):
        if k % 25 == 0:
            log.info(f"film {k + 1} of {len(films)}")
        t = typed(film.title)
        case = {"film": film.name, "typed": t}
        for name, template, verdicts in PHRASINGS:
            p = parser.parse(template.format(t=t))
            got = [(parser.outside[j], v) for _, j, v in p.outside if typed(parser.outside[j].title) == t]
            found[name].append(bool(got))
            right[name].append(bool(got) and got[0][1] in verdicts)
            case[name] = [(f.name, v) for f, v in got]
        state, _, _ = engine.start()
        state, reply = engine.step(state, Text(f"i loved {t}"))
        now.append(bool(reply.cards))
        a, b = shares(reply.cards, film)
        pa, pb = shares(anything.cards, film)
        akin.append(a), people.append(b), peer_akin.append(pa), peer_people.append(pb)
        case["cards"] = [c.title for c in reply.cards]
        cases.append(case)
    everyday = [bool(parser.parse(text).outside) for text in EVERYDAY]
    mean = lambda xs: float(np.mean(xs)) if xs else None
    results = {
        "recognised": {name: mean(v) for name, v in found.items()},
        "verdict": {name: mean(v) for name, v in right.items()},
        "first reply to \u201ci loved X\u201d": {
            "films_now": mean(now), "akin@5": mean(akin), "peer akin@5": mean(peer_akin),
            "people@5": mean(people), "peer people@5": mean(peer_people)},
        "akin@5 - peer": interval(np.array(akin), np.array(peer_akin)),
        "people@5 - peer": interval(np.array(people), np.array(peer_people)),
        "everyday_as_film": mean(everyday),
        "everyday_read_as_film": [text for text, hit in zip(EVERYDAY, everyday) if hit],
        "per_case": cases}
    return {"protocol": {"dataset": dataset, "films": len(films), "pool": POOL, "seed": seed,
                         "outside_films": len(parser.outside), "phrasings": [tp for _, tp, _ in PHRASINGS],
                         "everyday": len(EVERYDAY)},
            "results": results, **run_metadata()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.outside_eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--films", type=int, default=150, help="films sampled from the best known the catalog lacks")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args(argv)
    if args.films < 1:
        raise ValueError("--films must be at least 1")
    payload = run(args.dataset, args.films, args.seed)
    res = payload["results"]
    print(table([[name, fmt(res["recognised"][name], 3), fmt(res["verdict"][name], 3)] for name, _, _ in PHRASINGS],
                ["phrasing", "recognised", "verdict right"]))
    first = res["first reply to \u201ci loved X\u201d"]
    print(table([[k, fmt(v, 3)] for k, v in first.items()], ["first reply to \u201ci loved X\u201d", "value"]))
    for key in ("akin@5 - peer", "people@5 - peer"):
        d = res[key]
        print(f"{key}: {d['diff']:+.3f} [{d['ci95'][0]:+.3f}, {d['ci95'][1]:+.3f}]")
    print(f"everyday requests read as a film the catalog lacks: {fmt(res['everyday_as_film'], 3)} "
          f"{res['everyday_read_as_film']}")
    if args.json:
        write_json(args.json, payload)
        log.info(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
