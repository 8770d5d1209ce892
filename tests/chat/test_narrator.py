"""The chat's narrators: the template one, and the LoRA one's fallbacks (wrong facts, time
budget, failure) with a stand-in LM; then the shipped adapter itself, end to end."""

from pathlib import Path

import pytest

from chat.narrator import Facts, LoraNarrator, Replace, TemplateNarrator, collect

pytestmark = pytest.mark.data
ROOT = Path(__file__).resolve().parents[2]


def heat_facts(catalog, liked=("Fargo",)):
    ids = [catalog.item_ids[catalog.titles.index(t)] for t in liked]
    i = catalog.titles.index("Heat")
    return Facts(item_id=catalog.item_ids[i], title="Heat", year=1995, genres=("Action", "Crime", "Thriller"),
                 directors=("Michael Mann",), cast=("Al Pacino", "Robert De Niro"), matched=("Crime",),
                 similar_liked=tuple(liked), history_ids=tuple(ids))


class FakeLM:
    def __init__(self, text="", fail=False, slow=False):
        self.text, self.fail, self.slow = text, fail, slow
        self.last_timed_out = False

    def stream(self, kind, facts, history, item, budget_s=6.0):
        self.seen = (kind, facts, history, item)
        if self.fail:
            raise RuntimeError("out of memory")
        yield from (w + " " for w in self.text.split(" "))
        self.last_timed_out = self.slow


@pytest.fixture(scope="module")
def checker(ml100k_catalog):
    from adapters.faithful import FactChecker

    return FactChecker(ml100k_catalog)


def test_template_narrator_states_only_the_facts(ml100k_catalog, checker):
    f = heat_facts(ml100k_catalog)
    text = collect(TemplateNarrator().stream(f))
    assert "Heat" in text and "crime" in text and "Fargo" in text and "Michael Mann" in text


def test_lora_narrator_streams_a_faithful_text_unchanged(ml100k_catalog, checker):
    lm = FakeLM("Heat is a crime thriller by Michael Mann, close to Fargo.")
    chunks = list(LoraNarrator(lm, ml100k_catalog, checker).stream(heat_facts(ml100k_catalog)))
    assert not any(isinstance(c, Replace) for c in chunks)
    assert collect(chunks).startswith("Heat is a crime")
    kind, facts, history, item = lm.seen
    assert kind == "reason" and facts["shared"] == ["crime"] and facts["similar"] == ["Fargo"]
    assert ml100k_catalog.titles[item] == "Heat" and [ml100k_catalog.titles[h] for h in history] == ["Fargo"]


def test_lora_narrator_drops_a_sentence_with_a_wrong_fact(ml100k_catalog, checker):
    lm = FakeLM("Heat is a crime film by Michael Mann. It stars Tom Hanks.")
    text = collect(LoraNarrator(lm, ml100k_catalog, checker).stream(heat_facts(ml100k_catalog)))
    assert text == "Heat is a crime film by Michael Mann."


def test_lora_narrator_falls_back_to_the_template_on_failure_or_timeout(ml100k_catalog, checker):
    f = heat_facts(ml100k_catalog)
    failed = collect(LoraNarrator(FakeLM(fail=True), ml100k_catalog, checker).stream(f))
    assert "failed" in failed and "Michael Mann" in failed
    slow = collect(LoraNarrator(FakeLM("Heat is", slow=True), ml100k_catalog, checker).stream(f))
    assert "took too long" in slow and "language model" not in slow and "Michael Mann" in slow


def test_without_history_the_narrator_endorses(ml100k_catalog, checker):
    lm = FakeLM("Heat is a crime film.")
    f = heat_facts(ml100k_catalog, liked=())
    collect(LoraNarrator(lm, ml100k_catalog, checker).stream(f))
    assert lm.seen[0] == "endorsement"


def test_without_a_liked_film_close_to_it_the_narrator_endorses(ml100k_catalog, checker):
    """Found by a person in the browser: with liked films but none close to the card, the
    narrator was asked for a "reason" (every one it learnt names a liked film) and wrote "If you
    liked Martin Scorsese, The Age of Innocence should suit you: it shares Martin Scorsese"."""
    import dataclasses

    lm = FakeLM("Heat is a crime film.")
    f = dataclasses.replace(heat_facts(ml100k_catalog), similar_liked=())
    collect(LoraNarrator(lm, ml100k_catalog, checker).stream(f))
    assert lm.seen[0] == "endorsement"


SHIPPED = ROOT / "configs" / "narrator" / "fused-seed0"


@pytest.mark.skipif(not (SHIPPED / "meta.json").exists(), reason="no shipped narrator adapter")
def test_the_shipped_narrator_loads_and_writes_a_faithful_explanation(ml100k_catalog, checker):
    """The real SmolLM2 + LoRA + soft tokens (converts the GGUF once: about a minute)."""
    from adapters.narrator import NarratorMismatch, load_narrator
    from recsys.semantic import item_embeddings

    text_vectors = item_embeddings(ml100k_catalog)
    lm = load_narrator(SHIPPED, text_vectors, ml100k_catalog.fingerprint(), threads=2)
    nar = LoraNarrator(lm, ml100k_catalog, checker, budget_s=60)
    chunks = list(nar.stream(heat_facts(ml100k_catalog)))
    text = collect(chunks)
    assert len(chunks) > 3  # streamed
    assert "Heat" in text
    with pytest.raises(NarratorMismatch):
        load_narrator(SHIPPED, text_vectors * 0.5, ml100k_catalog.fingerprint())
    with pytest.raises(NarratorMismatch):
        load_narrator(SHIPPED, text_vectors, "another-catalog")


def test_lora_narrator_text_with_a_slip_gives_way_to_the_template(ml100k_catalog, checker):
    from adapters.defects import DefectChecker

    lm = FakeLM("Heat is a crime film with unknown.")
    nar = LoraNarrator(lm, ml100k_catalog, checker, defects=DefectChecker(ml100k_catalog))
    text = collect(nar.stream(heat_facts(ml100k_catalog)))
    assert "unknown" not in text and "Michael Mann" in text and nar.fallbacks == 1


def test_lora_narrator_text_that_does_not_name_its_film_gives_way_to_the_template(ml100k_catalog, checker):
    """Found by a person at the app: "why the second one?" (The Usual Suspects) was answered
    "Pulp Fiction and Reservoir Dogs (1995) fits your taste: ...", the liked films put in the
    film's place. A text that never names the film it explains is now replaced."""
    from adapters.defects import DefectChecker

    lm = FakeLM("Fargo (1995) fits your taste: like Fargo, it has crime films.")
    nar = LoraNarrator(lm, ml100k_catalog, checker, defects=DefectChecker(ml100k_catalog))
    text = collect(nar.stream(heat_facts(ml100k_catalog)))
    assert text.startswith("**Heat** (1995)") and nar.fallbacks == 1


def test_why_says_what_the_card_does_not(ml100k_catalog, checker):
    """Found by a fourth helper: "why this one?" repeated the card. The explanation now names
    what the film shares with the liked film it is closest to, and what the people who rated it
    here thought (counted from the ratings, for the template and after the LM's text alike)."""
    from chat.cards import shared_values

    cat = ml100k_catalog
    heat, fargo = cat.titles.index("Heat"), cat.titles.index("Fargo")
    shared = shared_values(cat, heat, cat.titles.index("GoodFellas"))
    assert "Robert De Niro" in shared and "crime" in shared  # a lead both share, then a genre
    assert "crime" in shared_values(cat, heat, fargo) and "the 1990s" in shared_values(cat, heat, fargo)
    n, high = cat.crowd(heat)
    assert n == int((cat.inter_item == heat).sum()) and 0 < high < 1
    f = heat_facts(cat, liked=("GoodFellas",))
    f = Facts(**{**f.__dict__, "shared": shared, "crowd": (n, high)})
    text = collect(TemplateNarrator().stream(f))
    assert "It shares Robert De Niro" in text and "with GoodFellas, which you liked" in text
    assert f"{round(100 * high)}% of the {n:,} people here who rated it gave it 4 or 5 stars." in text
    from adapters.corpus import allowed_facts
    from adapters.defects import DefectChecker

    goodfellas = cat.titles.index("GoodFellas")
    assert not checker.check(text, allowed_facts(cat, heat, [goodfellas])).n_wrong
    assert not DefectChecker(cat).check(text, heat, [goodfellas]), text
    lm = FakeLM("Heat is a crime thriller by Michael Mann, close to GoodFellas.")
    out = collect(LoraNarrator(lm, cat, checker).stream(f))
    assert out.startswith("Heat is a crime") and out.endswith("gave it 4 or 5 stars.")
    few = Facts(**{**f.__dict__, "crowd": (3, 1.0)})  # three ratings say little: nothing said
    assert "people here" not in collect(TemplateNarrator().stream(few))
