"""The query–item subgraph behind one narrative: the narrator's graph input (arXiv 2402.09617)
and the relation measures of its evaluation.

    graph = NarrativeGraph(catalog, cf, text)      # CF and MiniLM item vectors, as the soft tokens use
    sub = graph.subgraph(item, history)            # rooted at the candidate, <= 2 hops
    sub = graph.subgraph(None, history)            # rooted at the person (a taste summary)
    sub.lines()                                    # the relations, most salient first, for the graph prompt
    sub.distance(a, b)                             # 1, 2 or None between two entities
    relation_scores(found, sub, reference, output) # relation recall and precision of one narrative

Nodes are what a narrative can name: films (``("film", short title)``) and values of
``adapters.corpus.EVIDENCE_TYPES`` (``("genre", "crime")``, ``("person", "robert de niro")``,
``("decade", "1990s")``), keys in lower case. Edges:

- film – value: the film has the value; of a cast, only the leads of the film or of the
  candidate (a bit player both films share is not a reason to watch, as in the corpus);
- candidate – liked film ("close"): one of the two liked films closest to the candidate by
  fused CF + text similarity (those the corpus names), or either film among the other's
  ``NEIGHBOURS`` nearest by CF factors (people who liked one liked the other);
- person – liked film, when the root is the person.

A *relation* of a narrative is an entity it names other than the root, joined to the root
by a path of at most two edges: "shares Robert De Niro" (candidate – person – liked film),
"close to Heat" (candidate – liked film). ``relation_scores`` counts the relations a
narrative states against those its reference states first (recall) and against the graph
(precision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from adapters.corpus import EVIDENCE_TYPES, join, short_title
from recsys.catalog import Catalog

NEIGHBOURS = 20  # CF neighbours per film that count as "liked by the same people"
CLOSEST = 2  # liked films named as closest (adapters.corpus.evidence names two)
LEADS = 3  # of a film's cast, the leads that count (adapters.corpus.evidence: three)
RELATION_LINES = 3  # liked films the graph prompt lists (the corpus names two; a longer prompt trains slower)
TOP_RELATIONS = 3  # relation_recall: the reference's first three relations
DECADE = re.compile(r"(?<![A-Za-z0-9])((?:1[89]|20)\d0)s(?![A-Za-z0-9])")

Key = tuple[str, str]  # ("film" | "person" | "genre" | "decade", lower-case surface)


def value_key(attr_type: str, value: str) -> Key:
    return ("person", value.lower()) if attr_type in ("director", "cast") else (attr_type, value.lower())


def value_words(attr_type: str, value: str) -> str:
    """How a narrative writes a value: genres in lower case, "the 1990s", names as they are."""
    return value.lower() if attr_type == "genre" else f"the {value}" if attr_type == "decade" else value


@dataclass
class Subgraph:
    root: Key | None  # the candidate film, or None for the person
    dist: dict[Key, int]  # every node within two edges of the root, and its distance
    edges: dict[Key, set[Key]]
    words: dict[Key, str]  # how a narrative writes each node
    relations: list[tuple[Key, list[tuple[str, str]], bool]] = field(default_factory=list)
    # (liked film, values it shares with the root ranked, close) in order of salience

    def distance(self, a: Key, b: Key) -> int | None:
        """Edges between two nodes, when at most two; None otherwise."""
        if a == b:
            return 0
        if b in self.edges.get(a, ()):
            return 1
        if self.edges.get(a, set()) & self.edges.get(b, set()):
            return 2
        return None

    def lines(self, most: int = RELATION_LINES) -> list[str]:
        """The graph prompt's relations, most salient first: for each of the ``most`` liked
        films joined to the root first, what it shares with it and whether people liked both."""
        out = []
        for film, shared, close in self.relations[:most]:
            parts = []
            if shared:
                parts.append("shares " + join([value_words(t, v) for t, v in shared]))
            if close and self.root is not None:
                parts.append("liked by the same people")
            out.append(f"{self.words[film]}: {'; '.join(parts)}" if parts else self.words[film])
        return out


class NarrativeGraph:
    def __init__(self, catalog: Catalog, cf: np.ndarray, text: np.ndarray):
        from recsys.personas import fuse, l2

        self.catalog = catalog
        self.fused = fuse(cf, text)
        unit = l2(np.asarray(cf, np.float32))
        sims = unit @ unit.T
        np.fill_diagonal(sims, -np.inf)
        k = min(NEIGHBOURS, max(len(sims) - 1, 1))
        self.neighbours = [set(row) for row in np.argpartition(-sims, k - 1, axis=1)[:, :k].tolist()]

    def _values(self, film: int, stars: set[str]) -> list[tuple[str, str]]:
        """The film's evidence values: of its cast, its leads and the candidate's (``stars``)."""
        leads = set(self.catalog.leads(film, LEADS)) | stars
        return [(t, v) for t, v in self.catalog.attributes_of(film)
                if t in EVIDENCE_TYPES and (t != "cast" or v in leads)]

    def _film(self, i: int) -> Key:
        return ("film", short_title(self.catalog.titles[i]).lower())

    def subgraph(self, item: int | None, history: list[int]) -> Subgraph:
        cat = self.catalog
        stars = set(cat.leads(item, LEADS)) if item is not None else set()
        films = ([item] if item is not None else []) + [h for h in history if h != item]
        edges: dict[Key, set[Key]] = {}
        words: dict[Key, str] = {}
        values: dict[int, list[tuple[str, str]]] = {}

        def link(a: Key, b: Key) -> None:
            edges.setdefault(a, set()).add(b)
            edges.setdefault(b, set()).add(a)

        for f in films:
            words[self._film(f)] = short_title(cat.titles[f])
            values[f] = self._values(f, stars)
            for t, v in values[f]:
                words[value_key(t, v)] = value_words(t, v)
                link(self._film(f), value_key(t, v))
        liked = [h for h in history if h != item]
        if item is None:
            root = None
            for h in liked:
                edges.setdefault(("user", ""), set()).add(self._film(h))
                edges.setdefault(self._film(h), set()).add(("user", ""))
            start: Key = ("user", "")
            close = set(liked)
        else:
            root = start = self._film(item)
            sims = self.fused[liked] @ self.fused[item] if liked else np.zeros(0)
            nearest = {liked[k] for k in np.argsort(-sims, kind="stable")[:CLOSEST]}
            close = {h for h in liked if h in nearest or h in self.neighbours[item] or item in self.neighbours[h]}
            for h in close:
                link(root, self._film(h))
        dist = {start: 0}
        frontier = [start]
        for d in (1, 2):
            frontier = [n for f in frontier for n in edges.get(f, ()) if n not in dist]
            for n in frontier:
                dist.setdefault(n, d)
        dist.pop(start)
        sub = Subgraph(root, dist, edges, words)
        sub.relations = self._relations(item, liked, values, close)
        return sub

    def _relations(self, item, liked, values, close) -> list:
        """(liked film, shared values ranked, close) for each liked film joined to the root,
        closest first; shared values ranked as the corpus ranks them (by how many liked films
        share each, then type)."""
        if item is None:  # the person's films, and what each shares with the others
            counts: dict[tuple[str, str], int] = {}
            for h in liked:
                for tv in set(values[h]):
                    counts[tv] = counts.get(tv, 0) + 1
            ranked = [(self._film(h), sorted((tv for tv in set(values[h]) if counts[tv] > 1),
                                 key=lambda tv: (-counts[tv], EVIDENCE_TYPES.index(tv[0]), tv[1]))[:3], True)
                      for h in reversed(liked)]  # most recent first, as the corpus names them
            return ranked
        mine = set(values[item])
        counts = {}
        for h in liked:
            for tv in mine & set(values[h]):
                counts[tv] = counts.get(tv, 0) + 1
        sims = self.fused[liked] @ self.fused[item] if liked else np.zeros(0)
        out = []
        for k in np.argsort(-sims, kind="stable"):
            h = liked[k]
            shared = sorted(mine & set(values[h]), key=lambda tv: (-counts[tv], EVIDENCE_TYPES.index(tv[0]), tv[1]))
            if shared or h in close:
                out.append((self._film(h), shared[:3], h in close))
        return out


def mentions(checker, text: str) -> list[tuple[int, Key]]:
    """(position, key) of every film, person, genre and decade ``text`` names, in text order
    (``adapters.faithful.FactChecker`` finds films, people and genres as it checks facts)."""
    spans = checker._spans(text)
    taken = [m.span() for _, m in spans]
    out = [(m.start(), ("film" if kind == "titles" else "person", checker.named(kind, m.group(1))))
           for kind, m in spans]

    def free(m) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    out += [(m.start(), ("genre", m.group(1).lower())) for m in checker.genre_re.finditer(text) if free(m)]
    out += [(m.start(), ("decade", m.group(1) + "s")) for m in DECADE.finditer(text) if free(m)]
    return sorted(out)


def stated(checker, text: str, root: Key | None) -> list[Key]:
    """The distinct entities ``text`` names other than the root, first named first."""
    seen: list[Key] = []
    for _, key in mentions(checker, text):
        if key != root and key not in seen:
            seen.append(key)
    return seen


def relation_scores(checker, sub: Subgraph, reference: str, output: str) -> dict:
    """Counts for one narrative: ``salient`` (the reference's first ``TOP_RELATIONS``
    relations: entities in the subgraph, in the order the reference names them), ``recalled``
    (of those, the ones ``output`` names), ``stated`` (entities ``output`` names besides the
    root) and ``in_graph`` (of those, the ones within two edges of the root)."""
    top = [k for k in stated(checker, reference, sub.root) if k in sub.dist][:TOP_RELATIONS]
    said = stated(checker, output, sub.root)
    return {"salient": len(top), "recalled": sum(k in said for k in top), "stated": len(said),
            "in_graph": sum(k in sub.dist for k in said)}


@dataclass
class GraphTokens:
    """The prompt's entity tokens for the relation-aware attention (``graph-bias``):
    ``positions[e]``, the prompt token indices of entity ``e``'s mentions, and ``classes``
    ``(n, n)``: 1 for entities one edge apart, 2 for two, 0 otherwise (``BIAS_CLASSES``)."""

    positions: list[list[int]]
    classes: np.ndarray


BIAS_CLASSES = ("none", "1 hop", "2 hops")


def _surface(key: Key, word: str) -> re.Pattern:
    text = word[4:] if key[0] == "decade" and word.startswith("the ") else word
    flags = re.IGNORECASE if key[0] in ("genre", "decade") else 0
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(text) + r"(?![A-Za-z0-9])", flags)


def entity_tokens(sub: Subgraph, text: str, offsets: list[tuple[int, int]], start: int = 0) -> GraphTokens:
    """Where the subgraph's entities (its root and every node within two edges) are named in
    ``text`` at or after character ``start`` (the user turn), as token indices by the
    tokenizer's ``offsets``; longer names first, so the genre inside a title is not a genre."""
    keys = sorted(([sub.root] if sub.root is not None else []) + list(sub.dist), key=lambda k: -len(sub.words[k])
                  if k in sub.words else 0)
    taken: list[tuple[int, int]] = []
    found: dict[Key, list[tuple[int, int]]] = {}
    for key in keys:
        if key not in sub.words:
            continue
        for m in _surface(key, sub.words[key]).finditer(text, start):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                taken.append(m.span())
                found.setdefault(key, []).append(m.span())
    named = list(found)
    positions = [[t for t, (a, b) in enumerate(offsets) if b > a and any(a < e and b > s for s, e in found[k])]
                 for k in named]
    classes = np.zeros((len(named), len(named)), dtype=np.int64)
    for x, a in enumerate(named):
        for y, b in enumerate(named):
            d = sub.distance(a, b)
            classes[x, y] = d if d in (1, 2) else 0
    return GraphTokens(positions, classes)


def prompt_inputs(tok, cfg, kind: str, facts: dict, item: int, history: list[int],
                  graph: NarrativeGraph | None) -> tuple[list[int], GraphTokens | None]:
    """The prompt token ids of one narrative for a narrator configured by ``cfg``
    (``SoftTokenConfig``): the graph prompt gets the subgraph's relations; the
    relation-aware attention gets the prompt's entity tokens. ``graph`` is needed for either."""
    from adapters.train import prompt_messages

    sub = None
    if cfg.prompt == "graph" or cfg.graph_bias:
        if graph is None:
            raise ValueError(f"a narrator with prompt {cfg.prompt!r} and graph_bias {cfg.graph_bias} needs the "
                             "catalog's NarrativeGraph")
        sub = graph.subgraph(None if kind == "summary" else item, history)
        if cfg.prompt == "graph":
            facts = facts | {"relations": sub.lines()}
    messages = prompt_messages(kind, facts, cfg.prompt)
    text = tok.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    enc = tok(text, add_special_tokens=False, return_offsets_mapping=cfg.graph_bias)
    if not cfg.graph_bias:
        return enc["input_ids"], None
    user_turn = max(text.find(messages[-1]["content"]), 0)  # the system turn names no entity
    return enc["input_ids"], entity_tokens(sub, text, enc["offset_mapping"], user_turn)
