"""Imports go one way: ``recsys`` <- ``adapters``, ``policy`` <- ``chat`` <- ``app``, with ``prompts``
(the templates) open to any of them. ``lab`` may import anything and nothing in the product
imports it, but for the old command names kept as ``runpy`` shims. chat never imports gradio;
peft / accelerate / bitsandbytes only inside adapters."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {"recsys", "policy", "chat", "adapters", "lab", "prompts", "app"}
LM_ONLY = {"peft", "accelerate", "bitsandbytes"}
RULES = {
    "recsys": PROJECT - {"recsys"} | {"gradio"} | LM_ONLY,
    "adapters": PROJECT - {"adapters", "recsys", "prompts"} | {"gradio"},
    "policy": PROJECT - {"policy", "recsys", "prompts"} | {"gradio"} | LM_ONLY,
    "chat": {"lab", "app", "gradio"} | LM_ONLY,
    "prompts": PROJECT - {"prompts"} | {"gradio"} | LM_ONLY,
}
# the commands that moved into lab/ keep their old names: ``python -m chat.simulate ...``
SHIMS = {
    "chat/simulate.py": "lab.simulate",
    "chat/tune_rule.py": "lab.tune",
    "chat/train_unified.py": "lab.train_unified",
    "recsys/evaluate.py": "lab.evaluate_cf",
    "recsys/graph_eval.py": "lab.evaluate_graph",
    "recsys/retrieval_eval.py": "lab.evaluate_retrieval",
    "recsys/persona_eval.py": "lab.evaluate_personas",
    "adapters/evaluate.py": "lab.evaluate_narrator",
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


def test_app_imports_no_lab():
    assert "lab" not in imported(ROOT / "app.py")


def test_only_the_shims_reach_lab():
    """No product file names a ``lab`` module (an import, ``run_module`` or ``import_module``)
    except the shims, and each shim is only the forwarding call."""
    for package in ("recsys", "adapters", "policy", "chat"):
        for f in sorted((ROOT / package).rglob("*.py")):
            rel = str(f.relative_to(ROOT))
            text = f.read_text()
            if rel in SHIMS:
                tree = ast.parse(text)
                assert imported(f) == {"runpy"}, rel
                assert f'runpy.run_module("{SHIMS[rel]}", run_name="__main__", alter_sys=True)' in text, rel
                assert sum(isinstance(n, ast.FunctionDef | ast.ClassDef) for n in ast.walk(tree)) == 0, rel
            else:
                assert '"lab.' not in text and "'lab." not in text, f"{rel} names a lab module"


def test_a_shim_forwards_every_argument(tmp_path):
    """The old name runs the new module with the same arguments: an unknown flag is refused by
    the lab module's own parser, and ``--help`` prints its usage."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-m", "chat.simulate", "--help"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "python -m lab.simulate" in out.stdout and "--via" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "recsys.evaluate", "--no-such-flag"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "--no-such-flag" in bad.stderr
