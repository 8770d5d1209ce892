"""One registry of narrators: the setting names a kind, and a LoRA narrator that cannot load
says why (the service then keeps the template narrator)."""

from types import SimpleNamespace

import pytest

from chat.narrator import NARRATORS, TemplateNarrator, make_narrator


def test_the_template_setting_needs_no_models():
    assert isinstance(make_narrator("template", None), TemplateNarrator)
    assert set(NARRATORS) == {"template", "lora"}


def test_a_missing_or_unusable_lora_narrator_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no trained narrator"):
        make_narrator("no-such-narrator", SimpleNamespace(retriever=None))
    (tmp_path / "meta.json").write_text("{}")
    with pytest.raises(RuntimeError, match="semantic retrieval is off"):
        make_narrator(str(tmp_path), SimpleNamespace(retriever=None))
