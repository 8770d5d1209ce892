"""Imports go one way: recsys imports no other project package, adapters does not import
chat, chat never imports gradio; peft / accelerate / bitsandbytes only inside adapters."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {"recsys", "chat", "adapters", "prompts", "app"}
RULES = {
    "recsys": {"chat", "adapters", "prompts", "app", "gradio"},
    "adapters": {"chat", "app", "gradio"},
    "chat": {"gradio", "app", "peft", "accelerate", "bitsandbytes"},
    "prompts": {"chat", "recsys", "adapters", "app", "gradio"},
}


def imported(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


@pytest.mark.parametrize("package", sorted(RULES))
def test_imports_go_one_way(package):
    files = sorted((ROOT / package).rglob("*.py"))
    if package != "adapters":
        assert files, f"{package}/ has no modules"
    for f in files:
        bad = imported(f) & RULES[package]
        assert not bad, f"{f.relative_to(ROOT)} imports {sorted(bad)}"
