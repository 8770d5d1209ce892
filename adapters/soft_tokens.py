"""Soft tokens from fused CF + semantic vectors, prepended to a LoRA-tuned LM (REGEN).

    features (b, in_dim) -> adapter MLP -> (b, k, d_model) soft tokens
    [left padding][k soft tokens][prompt tokens][target tokens] -> LM (LoRA on attention)

Labels are -100 on padding, soft and prompt positions, so the loss is the target's alone.
Batches are left-padded *before* the soft tokens and carry explicit position ids, so every
example's soft tokens sit at positions 0..k-1 whatever its length. ``generate`` returns
only new tokens (transformers does so when given ``inputs_embeds``).
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

VARIANTS = ("cf", "semantic", "fused")
PROMPTS = ("facts", "graph", "title")  # adapters.train.prompt_name


@dataclass(frozen=True)
class SoftTokenConfig:
    variant: str = "fused"
    cf_dim: int = 64
    text_dim: int = 384
    n_tokens: int = 4
    hidden: int = 256
    lora_r: int = 8
    lora_alpha: int = 16
    lora_dropout: float = 0.05
    lora_targets: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj")
    # what the prompt holds: the facts (today's), the facts with the query-item graph's
    # relations (graph-prompt), or the candidate's title alone (title-only, as in REGEN)
    prompt: str = "facts"
    graph_bias: bool = False  # relation-aware attention between the prompt's entities (graph-bias)

    def __post_init__(self):
        if self.variant not in VARIANTS:
            raise ValueError(f"SoftTokenConfig.variant must be one of {VARIANTS}, got {self.variant!r}")
        if self.prompt not in PROMPTS:
            raise ValueError(f"SoftTokenConfig.prompt must be one of {PROMPTS}, got {self.prompt!r}")
        if self.n_tokens < 1 or self.hidden < 1 or self.lora_r < 1:
            raise ValueError(f"SoftTokenConfig: n_tokens, hidden and lora_r must be >= 1 ({self})")

    @property
    def in_dim(self) -> int:
        """[cf history ; cf candidate] and/or [text history ; text candidate]."""
        return {"cf": 2 * self.cf_dim, "semantic": 2 * self.text_dim, "fused": 2 * (self.cf_dim + self.text_dim)}[
            self.variant]


def _unit(x: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(n, 1e-12)


def features(cfg: SoftTokenConfig, cf: np.ndarray, text: np.ndarray, history: list[int], item: int) -> np.ndarray:
    """``(in_dim,)`` input of one example from item matrices ``cf`` ``(n, cf_dim)`` and
    ``text`` ``(n, text_dim)``: the history's mean and the candidate, each part unit length."""
    parts = []
    if cfg.variant in ("cf", "fused"):
        parts += [_unit(cf[history].mean(0)), _unit(cf[item])]
    if cfg.variant in ("semantic", "fused"):
        parts += [_unit(text[history].mean(0)), _unit(text[item])]
    return np.concatenate(parts).astype(np.float32)


# relation-aware attention (graph-bias): the batch's entity-pair classes (b, L, L) and the
# learned scales (layers, heads, classes), set around one forward pass; None elsewhere
_GRAPH_BIAS: contextvars.ContextVar = contextvars.ContextVar("graph_bias", default=None)
GRAPH_ATTENTION = "graph_bias"


def graph_bias_attention(module, query, key, value, attention_mask, **kwargs):
    """SDPA with an additive bias between the prompt's entity tokens by graph distance: a
    learned scale per layer, head and distance (1 or 2 edges; 0 for other pairs), applied
    where the queries are the whole prompt (training, prefill); decoding steps attend plainly
    (a new token is no entity, so its bias would be 0)."""
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    ctx = _GRAPH_BIAS.get()
    if ctx is not None and query.shape[2] > 1:
        classes, scale = ctx
        q, kv = query.shape[2], key.shape[2]
        table = torch.cat([scale.new_zeros(scale.shape[1], 1), scale[module.layer_idx]], dim=1)  # (heads, 3)
        bias = table[:, classes[:, -q:, -kv:]].permute(1, 0, 2, 3).to(query.dtype)  # (b, heads, q, kv)
        kwargs["position_bias"] = bias
    return sdpa_attention_forward(module, query, key, value, attention_mask, **kwargs)


def use_graph_attention(lm) -> None:
    """Route ``lm``'s attention through ``graph_bias_attention`` (its masks are SDPA's)."""
    from transformers import AttentionInterface
    from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS, sdpa_mask

    AttentionInterface.register(GRAPH_ATTENTION, graph_bias_attention)
    ALL_MASK_ATTENTION_FUNCTIONS.register(GRAPH_ATTENTION, sdpa_mask)
    lm.config._attn_implementation = GRAPH_ATTENTION


class SoftTokenLM(nn.Module):
    """``lm``: a causal LM (a peft model when LoRA is on); ``adapter`` maps features to soft tokens."""

    def __init__(self, lm, cfg: SoftTokenConfig):
        super().__init__()
        self.lm, self.cfg = lm, cfg
        d = lm.config.hidden_size
        self.adapter = nn.Sequential(nn.Linear(cfg.in_dim, cfg.hidden), nn.GELU(),
                                     nn.Linear(cfg.hidden, cfg.n_tokens * d))
        with torch.no_grad():  # start the soft tokens at the scale of real token embeddings
            scale = lm.get_input_embeddings().weight.std().item()
            self.adapter[-1].weight.mul_(scale / max(self.adapter[-1].weight.std().item(), 1e-6) * 0.5)
            self.adapter[-1].bias.zero_()
        if cfg.graph_bias:  # starts at no bias: the plain LM
            c = lm.config
            self.graph_scale = nn.Parameter(torch.zeros(c.num_hidden_layers, c.num_attention_heads, 2))
            use_graph_attention(lm)

    def soft(self, feats: torch.Tensor) -> torch.Tensor:
        return self.adapter(feats).view(feats.shape[0], self.cfg.n_tokens, -1)  # (b, k, d)

    def assemble(self, feats: torch.Tensor, prompts: list[list[int]], targets: list[list[int]] | None = None):
        """``(inputs_embeds (b, L, d), attention (b, L), position_ids (b, L), labels (b, L) | None)``."""
        k = self.cfg.n_tokens
        targets = targets or [[] for _ in prompts]
        lengths = [k + len(p) + len(t) for p, t in zip(prompts, targets)]
        L, b = max(lengths), len(prompts)
        embed = self.lm.get_input_embeddings()
        soft = self.soft(feats)
        d = soft.shape[-1]
        rows, att = [], torch.zeros(b, L, dtype=torch.long, device=feats.device)
        labels = torch.full((b, L), -100, dtype=torch.long, device=feats.device)
        for j, (p, t) in enumerate(zip(prompts, targets)):
            pad = L - lengths[j]
            ids = torch.tensor(p + t, dtype=torch.long, device=feats.device)
            rows.append(torch.cat([torch.zeros(pad, d, dtype=soft.dtype, device=feats.device), soft[j],
                                   embed(ids).to(soft.dtype)]))
            att[j, pad:] = 1
            if t:
                labels[j, pad + k + len(p):] = torch.tensor(t, device=feats.device)
        position_ids = (att.cumsum(-1) - 1).clamp_min(0)
        return torch.stack(rows), att, position_ids, (labels if any(targets) else None)

    def graph_classes(self, prompts: list[list[int]], lengths: list[int], graphs) -> torch.Tensor | None:
        """``(b, L, L)`` entity-pair classes (``adapters.graph_input.GraphTokens``) at the
        assembled positions, [padding][soft][prompt][target]; None without graph-bias."""
        if not self.cfg.graph_bias:
            return None
        if graphs is None or len(graphs) != len(prompts):
            raise ValueError("a graph-bias narrator needs the entity tokens of every prompt (GraphTokens)")
        L = max(lengths)
        out = torch.zeros(len(prompts), L, L, dtype=torch.long, device=self.graph_scale.device)
        for j, g in enumerate(graphs):
            at = L - lengths[j] + self.cfg.n_tokens
            pos = [torch.tensor(p, dtype=torch.long) + at for p in g.positions]
            for x, px in enumerate(pos):
                for y, py in enumerate(pos):
                    if g.classes[x, y]:
                        out[j, px[:, None], py[None, :]] = int(g.classes[x, y])
        return out

    def _bias(self, prompts, targets, graphs):
        if not self.cfg.graph_bias:
            return None
        targets = targets or [[] for _ in prompts]
        lengths = [self.cfg.n_tokens + len(p) + len(t) for p, t in zip(prompts, targets)]
        return _GRAPH_BIAS.set((self.graph_classes(prompts, lengths, graphs), self.graph_scale))

    def forward(self, feats: torch.Tensor, prompts: list[list[int]], targets: list[list[int]], graphs=None):
        emb, att, pos, labels = self.assemble(feats, prompts, targets)
        token = self._bias(prompts, targets, graphs)
        try:
            return self.lm(inputs_embeds=emb, attention_mask=att, position_ids=pos, labels=labels)
        finally:
            if token is not None:
                _GRAPH_BIAS.reset(token)

    @torch.no_grad()
    def generate(self, feats: torch.Tensor, prompts: list[list[int]], max_new_tokens: int = 60, eos_id=None,
                 pad_id=None, graphs=None, **kwargs) -> torch.Tensor:
        """Greedy continuation ``(b, new_tokens)`` of each [soft ; prompt]; ``kwargs`` go to
        ``generate`` (a streamer, stopping criteria). ``graphs``: the prompts' entity tokens,
        for a graph-bias narrator."""
        emb, att, _, _ = self.assemble(feats, prompts)
        token = self._bias(prompts, None, graphs)
        try:
            return self.lm.generate(inputs_embeds=emb, attention_mask=att, max_new_tokens=max_new_tokens,
                                    do_sample=False, eos_token_id=eos_id, pad_token_id=pad_id, **kwargs)
        finally:
            if token is not None:
                _GRAPH_BIAS.reset(token)


def add_lora(lm, cfg: SoftTokenConfig):
    """Wrap ``lm`` with LoRA on its attention projections (peft, imported here only)."""
    from peft import LoraConfig, get_peft_model

    lora = LoraConfig(r=cfg.lora_r, lora_alpha=cfg.lora_alpha, lora_dropout=cfg.lora_dropout,
                      target_modules=list(cfg.lora_targets), task_type="CAUSAL_LM")
    return get_peft_model(lm, lora)


def trainable_names(model: nn.Module) -> list[str]:
    return [n for n, p in model.named_parameters() if p.requires_grad]
