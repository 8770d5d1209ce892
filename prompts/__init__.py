"""Prompt and reply templates, one file each, rendered by ``render`` (langchain-core
``PromptTemplate``, f-string syntax). Nothing else in the project holds prompt text.

    render("explain", title="Heat", ...)  # -> str
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


@functools.cache
def _template(name: str):
    from langchain_core.prompts import PromptTemplate

    return PromptTemplate.from_template((HERE / f"{name}.txt").read_text(encoding="utf-8").strip())


def render(name: str, **values) -> str:
    """The template ``prompts/<name>.txt`` with ``values`` filled in (every variable required)."""
    return _template(name).format(**values)


def variables(name: str) -> list[str]:
    return sorted(_template(name).input_variables)


@functools.cache
def table(name: str) -> dict:
    """A JSON table ``prompts/<name>.json`` (question wordings and the like)."""
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
