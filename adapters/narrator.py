"""A trained narrator, loaded for generation: LM + LoRA + adapter MLP + its CF factors.

    nar = load_narrator("configs/narrator/fused-seed0", text_vectors, catalog_fingerprint)
    for chunk in nar.stream(kind, facts, history, item, budget_s=6.0): ...

Refuses (``NarratorMismatch``) an adapter trained on another catalog or other text vectors:
the soft tokens mean nothing for other vectors, and the app then falls back to the template
narrator and says so. Thread-safe: generation holds a lock (one LM, CPU-bound anyway).

Decoding never ends inside a name: a cast list that stops at "Michael J." (the initial's
period reads like a sentence end, and the model emitted its end token there) states a
wrong fact (the film *Michael*). ``StopGuard`` forbids the end token while the text ends
with a strict prefix of one of the narrative's own names. Nor does it say an actor directed:
``RoleGuard`` forbids " directed" right after a name of the cast, and a cast name right after
"directed by" or "director" (the one wrong fact the shipped adapter stated raw on the test
narratives was "Tom Everett Scott directed That Thing You Do!"). Nothing else is constrained.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np


class NarratorMismatch(ValueError):
    pass


def fact_names(facts: dict) -> list[str]:
    """The multi-word names a narrative may state: titles and people of its facts."""
    names = [facts.get("title"), facts.get("director"), *facts.get("cast", ()), *facts.get("similar", ()),
             *facts.get("liked", ())]
    return [n for n in names if n and " " in n.strip()]


def fact_roles(facts: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(cast, directors) of a narrative's facts, for ``RoleGuard``."""
    directors = facts.get("director") or ()
    directors = (directors,) if isinstance(directors, str) else tuple(directors)
    return tuple(n for n in facts.get("cast", ()) if n), tuple(d for d in directors if d)


def name_prefixes(names: list[str]) -> tuple[str, ...]:
    """Strict prefixes of each name that end where a word ends ("Michael", "Michael J.")."""
    out = set()
    for name in names:
        words = name.split()
        out.update(" ".join(words[:k]) for k in range(1, len(words)))
    return tuple(sorted(out - set(names)))


class StopGuard:
    """A logits processor: the end token is forbidden for a row whose text so far ends
    with a strict prefix of one of its names (``name_prefixes``). Rows are the batch rows;
    ``input_ids`` holds only generated tokens (generation starts from embeddings)."""

    TAIL = 12  # tokens decoded to look at the text's end

    def __init__(self, tok, prefixes_per_row: list[tuple[str, ...]], end_ids: list[int]):
        self.tok, self.prefixes, self.end_ids = tok, prefixes_per_row, list(end_ids)
        self.blocked = 0

    def __call__(self, input_ids, scores):
        import torch

        if input_ids.shape[1] == 0:
            return scores
        ends = torch.isin(scores.argmax(-1), torch.tensor(self.end_ids, device=scores.device))
        for row in ends.nonzero().flatten().tolist():
            prefixes = self.prefixes[row]
            tail = self.tok.decode(input_ids[row, -self.TAIL :], skip_special_tokens=True).rstrip()
            if prefixes and tail.endswith(prefixes):
                scores[row, self.end_ids] = float("-inf")
                self.blocked += 1
        return scores


class RoleGuard:
    """A logits processor: a row whose text so far ends with a name of its cast (not its
    director) may not go on with " directed" / " directs" (where the model wanted to, it says
    " stars" instead: "Tom Everett Scott stars in That Thing You Do!", not "Tom Everett Scott
    and Johnathon Schaech are comedy films"); one whose text ends with "directed by" or
    "director" may not start a cast name there (a first token the director's name shares stays
    allowed). ``roles_per_row``: (cast names, director names) per batch row."""

    TAIL = 16
    DIRECTED = (" directed", " directs")
    INSTEAD = " stars in"
    DIRECTING_RE = re.compile(r"(?:directed by|[Dd]irector|[Dd]irectors)[\s,:]*$")

    def __init__(self, tok, roles_per_row: list[tuple[tuple[str, ...], tuple[str, ...]]]):
        self.tok, self.blocked = tok, 0
        self.verbs = sorted({ids[0] for w in self.DIRECTED if len(ids := tok.encode(w, add_special_tokens=False)) == 1})
        self.instead = tok.encode(self.INSTEAD, add_special_tokens=False)
        self.pending: dict[int, list[int]] = {}  # row -> tokens of INSTEAD still to say
        self.rows = []
        for cast, directors in roles_per_row:
            actors = tuple(n for n in cast if n and n not in directors)
            kept = {t for d in directors for t in self._starts(d)}
            self.rows.append((actors, sorted({t for a in actors for t in self._starts(a)} - kept)))

    def _starts(self, name: str) -> set[int]:
        """The first token of a name, after a space and without one."""
        return {ids[0] for form in (" " + name, name) if (ids := self.tok.encode(form, add_special_tokens=False))}

    def __call__(self, input_ids, scores):
        if input_ids.shape[1] == 0:
            return scores
        for row, (actors, starts) in enumerate(self.rows):
            if self.pending.get(row):
                scores[row, self.pending[row].pop(0)] = scores[row].max() + 1.0
                continue
            if not actors:
                continue
            tail = self.tok.decode(input_ids[row, -self.TAIL :], skip_special_tokens=True)
            if self.verbs and tail.endswith(actors):  # "Tom Everett Scott" -> not " directed"
                wanted = int(scores[row].argmax()) in self.verbs
                scores[row, self.verbs] = float("-inf")
                if wanted and self.instead:
                    scores[row, self.instead[0]] = scores[row].max() + 1.0
                    self.pending[row] = list(self.instead[1:])
                self.blocked += 1
            elif starts and self.DIRECTING_RE.search(tail):  # "directed by " -> not "Tom"
                scores[row, starts] = float("-inf")
                self.blocked += 1
        return scores


class LMNarrator:
    def __init__(self, model, tok, cfg, cf: np.ndarray, text: np.ndarray, meta: dict, graph=None):
        self.model, self.tok, self.cfg, self.cf, self.text, self.meta = model, tok, cfg, cf, text, meta
        self.graph = graph  # adapters.graph_input.NarrativeGraph, for the graph variants
        self._lock = threading.Lock()
        self.stop_guard = True  # StopGuard and RoleGuard; evaluation can turn them off to measure them
        from adapters.lm import end_token_ids

        self.end_ids = end_token_ids(tok)  # stop at whichever end token the adapter learned

    def _inputs(self, kinds, facts, histories, items):
        import torch

        from adapters.graph_input import prompt_inputs
        from adapters.soft_tokens import features

        feats = np.stack([features(self.cfg, self.cf, self.text, h, i) for h, i in zip(histories, items)])
        encoded = [prompt_inputs(self.tok, self.cfg, k, f, i, h, self.graph)
                   for k, f, h, i in zip(kinds, facts, histories, items)]
        graphs = [g for _, g in encoded] if self.cfg.graph_bias else None
        return torch.from_numpy(feats), [p for p, _ in encoded], graphs

    def _guard(self, facts: list[dict]):
        from transformers import LogitsProcessorList

        if not self.stop_guard:
            return LogitsProcessorList([])
        return LogitsProcessorList([StopGuard(self.tok, [name_prefixes(fact_names(f)) for f in facts], self.end_ids),
                                    RoleGuard(self.tok, [fact_roles(f) for f in facts])])

    def generate(self, kinds, facts, histories, items, max_new_tokens: int = 80) -> list[str]:
        """Greedy narratives for a batch (history and item are catalog item indices)."""
        feats, prompts, graphs = self._inputs(kinds, facts, histories, items)
        with self._lock:
            out = self.model.generate(feats, prompts, max_new_tokens, eos_id=self.end_ids, graphs=graphs,
                                      pad_id=self.tok.pad_token_id, logits_processor=self._guard(facts))
        return [self.tok.decode(row, skip_special_tokens=True).strip() for row in out]

    def stream(self, kind: str, facts: dict, history: list[int], item: int, max_new_tokens: int = 80,
               budget_s: float = 6.0, min_new_tokens: int = 0) -> Iterator[str]:
        """Text chunks as they are generated. Generation stops at ``budget_s`` seconds;
        ``last_timed_out`` then says so (the caller completes the text another way).
        ``min_new_tokens``: no end before that many tokens (a latency measure's fixed length)."""
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        stop = threading.Event()

        class Stop(StoppingCriteria):
            def __call__(self, input_ids, scores, **kwargs):
                return stop.is_set()

        feats, prompts, graphs = self._inputs([kind], [facts], [history], [item])
        length = {"min_new_tokens": min_new_tokens} if min_new_tokens else {}
        streamer = TextIteratorStreamer(self.tok, skip_special_tokens=True, timeout=budget_s)
        self.last_timed_out = False

        def run():
            with self._lock:
                self.model.generate(feats, prompts, max_new_tokens, eos_id=self.end_ids, graphs=graphs,
                                    pad_id=self.tok.pad_token_id, streamer=streamer, **length,
                                    stopping_criteria=StoppingCriteriaList([Stop()]),
                                    logits_processor=self._guard([facts]))

        threading.Thread(target=run, name="narrate", daemon=True).start()
        t0 = time.perf_counter()
        try:
            for chunk in streamer:
                if chunk:
                    yield chunk
                if time.perf_counter() - t0 > budget_s:
                    self.last_timed_out = True
                    break
        except Exception:  # the streamer's queue timed out: the model is stuck or too slow
            self.last_timed_out = True
        finally:
            stop.set()


def load_narrator(folder: str | Path, text: np.ndarray, catalog_fingerprint: str, threads: int | None = 1,
                  device: str = "cpu", catalog=None) -> LMNarrator:
    """``catalog``: needed by the graph variants (their prompt or attention reads the
    query-item graph, ``adapters.graph_input``)."""
    import torch
    from peft import PeftModel

    from adapters.lm import load_base
    from adapters.soft_tokens import SoftTokenConfig, SoftTokenLM
    from adapters.train import array_fingerprint

    folder = Path(folder)
    meta = json.loads((folder / "meta.json").read_text())
    if meta["catalog_fingerprint"] != catalog_fingerprint:
        raise NarratorMismatch(f"{folder} was trained on catalog {meta['catalog_fingerprint']}, "
                               f"this one is {catalog_fingerprint}")
    probe = np.load(folder / "text_probe.npy")
    if text.shape[1] != probe.shape[1] or np.abs(text[: len(probe)] - probe).max() > 1e-3:
        raise NarratorMismatch(f"{folder} was trained on other text vectors than this catalog's MiniLM embeddings")
    cf = np.load(folder / "cf_item_factors.npy")
    if array_fingerprint(cf) != meta["cf_fingerprint"]:
        raise NarratorMismatch(f"{folder}/cf_item_factors.npy does not match its meta.json")
    c = dict(meta["config"])
    c["lora_targets"] = tuple(c["lora_targets"])
    cfg = SoftTokenConfig(**c)
    lm, tok = load_base(device=device, threads=threads)
    lm = PeftModel.from_pretrained(lm, str(folder / "lora"))
    model = SoftTokenLM(lm, cfg)
    # map_location: an adapter trained on a GPU loads on a CPU-only machine too
    model.adapter.load_state_dict(torch.load(folder / "adapter_mlp.pt", map_location=device, weights_only=True))
    graph = None
    if cfg.graph_bias:
        with torch.no_grad():
            model.graph_scale.copy_(torch.load(folder / "graph_bias.pt", map_location=device, weights_only=True))
    if cfg.prompt == "graph" or cfg.graph_bias:
        if catalog is None:
            raise ValueError(f"{folder} reads the query-item graph: load it with the catalog (catalog=...)")
        from adapters.graph_input import NarrativeGraph

        graph = NarrativeGraph(catalog, cf, text)
    return LMNarrator(model.eval(), tok, cfg, cf, text, meta, graph)
