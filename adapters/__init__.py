"""The narrator's language model: SmolLM2 from its PyPI wheel, soft tokens, LoRA.

The only package that imports peft, accelerate and bitsandbytes, each lazily, inside the
function that needs it. It takes arrays and tensors and never imports ``chat``.
"""
