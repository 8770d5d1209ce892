"""The narrator's graph input (issue 22): the query-item subgraph, its relation measures, the
graph and title-only prompts, and the relation-aware attention on a tiny llama."""

import copy

import numpy as np
import pytest
import torch

from adapters.graph_input import GraphTokens
from adapters.soft_tokens import SoftTokenConfig, SoftTokenLM, add_lora


@pytest.fixture(scope="module")
def tiny_lm():
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=64, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=128,
                      bos_token_id=1, eos_token_id=2, pad_token_id=0)
    return LlamaForCausalLM(cfg).eval()


def make(tiny_lm, graph_bias: bool):
    cfg = SoftTokenConfig(variant="fused", cf_dim=6, text_dim=10, n_tokens=3, hidden=16, lora_r=2,
                          graph_bias=graph_bias)
    torch.manual_seed(1)
    return SoftTokenLM(add_lora(copy.deepcopy(tiny_lm), cfg), cfg).eval(), cfg


# two entities: tokens 1-2 of the prompt and token 4, one edge apart
GRAPH = GraphTokens(positions=[[1, 2], [4]], classes=np.array([[0, 1], [1, 0]]))


def test_graph_bias_at_zero_is_plain_attention_and_moves_only_what_follows_an_entity_pair(tiny_lm):
    plain, cfg = make(tiny_lm, graph_bias=False)
    biased, _ = make(tiny_lm, graph_bias=True)
    biased.load_state_dict(plain.state_dict(), strict=False)  # the same LoRA and adapter weights
    feats, prompts, targets = torch.randn(1, cfg.in_dim), [[5, 6, 7, 8, 9, 10]], [[11, 2]]
    base = plain(feats, prompts, targets).logits
    assert torch.allclose(biased(feats, prompts, targets, [GRAPH]).logits, base, atol=1e-5)
    with torch.no_grad():
        biased.graph_scale[:, :, 0] = 3.0  # one edge apart: attend more
    moved = biased(feats, prompts, targets, [GRAPH]).logits
    first_pair = cfg.n_tokens + 4  # the query of the second entity, the first to see both
    assert torch.allclose(moved[:, :first_pair], base[:, :first_pair], atol=1e-5)
    assert not torch.allclose(moved[:, first_pair:], base[:, first_pair:], atol=1e-3)
    with pytest.raises(ValueError, match="entity tokens"):
        biased(feats, prompts, targets)


def test_graph_bias_scales_learn_and_batches_match_one_at_a_time(tiny_lm):
    model, cfg = make(tiny_lm, graph_bias=True)
    with torch.no_grad():
        model.graph_scale.fill_(2.0)
    feats, prompts = torch.randn(2, cfg.in_dim), [[5, 6, 7, 8, 9], [7, 8]]
    graphs = [GRAPH, GraphTokens([[0], [1]], np.array([[0, 2], [2, 0]]))]
    both = model.generate(feats, prompts, max_new_tokens=4, pad_id=0, graphs=graphs)
    for j in range(2):  # left padding shifts each row's entity tokens with it
        alone = model.generate(feats[j : j + 1], [prompts[j]], max_new_tokens=4, pad_id=0, graphs=[graphs[j]])
        assert both[j, : alone.shape[1]].tolist() == alone[0].tolist()
    model.train()
    model(feats, prompts, [[3, 2], [4, 2]], graphs).loss.backward()
    assert model.graph_scale.grad is not None and model.graph_scale.grad.abs().sum() > 0


def test_variant_names_and_prompt_modes():
    from adapters.train import variant_config, variant_name

    assert variant_config("graph-both").prompt == "graph" and variant_config("graph-both").graph_bias
    assert variant_config("fused", title_only=True).prompt == "title"
    assert variant_name("fused", True) == "fused-title" and variant_name("graph-prompt") == "graph-prompt"
    with pytest.raises(ValueError, match="title-only"):
        variant_config("graph-prompt", title_only=True)
    with pytest.raises(ValueError, match="unknown narrator variant"):
        variant_config("graph")
    with pytest.raises(ValueError, match="prompt"):
        SoftTokenConfig(prompt="everything")


FACTS = {"title": "Forrest Gump", "year": "1994", "genres": ["comedy", "romance"], "director": "Robert Zemeckis",
         "cast": ["Tom Hanks", "Robin Wright"], "shared": ["comedy"], "similar": ["Aladdin"], "taste": ["comedy"],
         "liked": ["Aladdin"], "relations": ["Aladdin: shares comedy and the 1990s; liked by the same people"]}


def test_the_graph_prompt_lists_relations_and_the_title_only_prompt_holds_the_title_alone():
    from adapters.train import prompt_text

    graph = prompt_text("reason", FACTS, "graph")
    assert "- Aladdin: shares comedy and the 1990s; liked by the same people." in graph
    assert "Robert Zemeckis" in graph and "Shared with" not in graph
    assert prompt_text("endorsement", FACTS, "graph") == prompt_text("endorsement", FACTS)  # about the film alone
    title = prompt_text("reason", FACTS, "title")
    assert "Forrest Gump" in title and not {"1994", "comedy", "Aladdin", "Tom Hanks"} & set(title.replace(".", " ")
                                                                                            .split())


# --- the subgraph on ML-100K -----------------------------------------------------------------


@pytest.fixture(scope="module")
def graph(ml100k_catalog):
    from adapters.graph_input import NarrativeGraph

    cat = ml100k_catalog
    rng = np.random.default_rng(0)
    return NarrativeGraph(cat, rng.normal(size=(cat.n_items, 8)).astype(np.float32),
                          rng.normal(size=(cat.n_items, 12)).astype(np.float32))


def idx(cat, title):
    from adapters.corpus import short_title

    return next(i for i, t in enumerate(cat.titles) if short_title(t) == title)


@pytest.mark.data
def test_subgraph_distances_relations_and_scores(ml100k_catalog, graph):
    from adapters.faithful import FactChecker
    from adapters.graph_input import relation_scores

    cat = ml100k_catalog
    heat, godfather, babe = idx(cat, "Heat"), idx(cat, "The Godfather"), idx(cat, "Babe")
    sub = graph.subgraph(heat, [godfather, babe])
    root, pacino, crime = ("film", "heat"), ("person", "al pacino"), ("genre", "crime")
    assert sub.root == root and sub.dist[pacino] == 1 and sub.dist[("film", "the godfather")] <= 2
    assert sub.distance(root, pacino) == 1 and sub.distance(root, ("film", "the godfather")) in (1, 2)
    assert sub.distance(("person", "michael mann"), ("person", "al pacino")) == 2  # both of Heat
    line = next(line for line in sub.lines() if line.startswith("The Godfather"))
    assert line.startswith("The Godfather: shares") and "Al Pacino" in line and "crime" in line
    assert ("film", "toy story") not in sub.dist  # not liked: no node
    checker = FactChecker(cat)
    ref = "Heat shares Al Pacino and crime with The Godfather."
    assert relation_scores(checker, sub, ref, ref) == {"salient": 3, "recalled": 3, "stated": 3, "in_graph": 3}
    out = relation_scores(checker, sub, ref, "Heat is a crime film, like Toy Story.")
    assert out["recalled"] == 1 and out["stated"] == 2 and out["in_graph"] == 1  # Toy Story is no relation of Heat
    person = graph.subgraph(None, [godfather, babe])  # a taste summary: the person's films and their values
    assert person.root is None and person.dist[("film", "babe")] == 1 and person.dist[crime] == 2


@pytest.mark.data
def test_entity_tokens_are_the_prompts_names(ml100k_catalog, graph):
    from adapters.graph_input import prompt_inputs
    from adapters.lm import load_base
    from adapters.train import variant_config

    cat = ml100k_catalog
    _, tok = load_base()
    heat, godfather = idx(cat, "Heat"), idx(cat, "The Godfather")
    facts = {"title": "Heat", "year": "1995", "genres": ["action", "crime"], "director": "Michael Mann",
             "cast": ["Al Pacino", "Robert De Niro"], "shared": ["Al Pacino"], "similar": ["The Godfather"],
             "taste": ["crime"], "liked": ["The Godfather"]}
    ids, tokens = prompt_inputs(tok, variant_config("graph-both"), "reason", facts, heat, [godfather], graph)
    named = {tok.decode([ids[t] for t in pos]).strip().split(" ")[0] for pos in tokens.positions}
    assert {"Heat", "Al", "Michael", "The", "crime"} <= named  # "The" of The Godfather
    assert tokens.classes.shape == (len(tokens.positions),) * 2 and (tokens.classes == tokens.classes.T).all()
    assert not any("You write" in tok.decode([ids[t] for t in pos]) for pos in tokens.positions)  # system turn
