"""Asking for films now, recognised by the sentence encoder we ship rather than by a word list.

People say "show me something" in more ways than a list of phrases can hold ("go on then,
what have you got", "enough questions"). ``ShowIntent`` embeds labelled exemplars once and
reads a message as a request for films when it is nearer to those exemplars than to
exemplars of messages that are not such a request (wishes, answers, questions) by a margin.
The margin is set where leave-one-out margins of the two exemplar sets separate best, so
nothing is tuned by hand. Below it the parser keeps its usual reading (the "unsure" path).

The exemplars here are written for the model; the evaluation's table of real phrasings
(``lab/data/utterances.tsv``) is never read by this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

SHOW_EXEMPLARS = (
    "show me films", "show me some movies", "just show me something", "recommend something",
    "recommend me a movie", "give me some recommendations", "what do you recommend", "go ahead",
    "go on, show me", "enough questions", "no more questions, just recommend", "stop asking questions",
    "surprise me", "pick something for me", "you choose", "just pick one", "let me see the films",
    "let's see some movies", "show me what you have", "what have you got", "give me a list",
    "list a few films", "suggest a film", "any suggestions", "what should I watch", "I just want films",
    "just give me movies", "ok, recommend now", "show me the options", "give me a few to choose from",
    "time to recommend", "hit me with some films", "bring on the movies", "I'm ready for recommendations",
    "show me a few", "just list some",
)
NOT_SHOW = (
    "something funny from the 90s", "a tense crime thriller", "no horror please", "with tom hanks",
    "I loved heat and fargo", "something cozy for a rainy day", "a mind-bending heist", "yes", "no",
    "I don't mind", "why this one", "start over", "undo that", "hello there", "what can you do",
    "directed by steven spielberg", "a french film", "something short", "an oscar winner",
    "I hated titanic", "not a western", "from the eighties", "a romantic comedy", "something sad",
    "animated family film", "a scary movie", "a film about friendship", "with robin williams",
    "something else", "none of these", "the seventies", "rated pg-13", "a documentary about music",
    "I have seen that one", "less violent please", "science fiction movies", "crime movies from the nineties",
    "movies with bruce willis", "a war film set in vietnam", "kids movies", "old movies from the forties",
    "a movie to watch with my parents", "films like the godfather", "no movies over two hours",
    "a drama, but no war", "a hitchcock movie", "comedy films", "black and white films", "movies in spanish",
    "an action movie with stallone", "feel-good movies", "musicals from the fifties",
)


class ShowIntent:
    """``is_show(text)``: the message asks for films now. ``encode(texts) -> (n, d)`` unit rows;
    ``encode_one(text) -> (d,)`` for single messages (default: ``encode``)."""

    def __init__(self, encode: Callable[[Sequence[str]], np.ndarray],
                 exemplars: Sequence[str] = SHOW_EXEMPLARS, negatives: Sequence[str] = NOT_SHOW,
                 encode_one: Callable[[str], np.ndarray] | None = None) -> None:
        self.encode = encode
        # one message at a time: the retriever's cached query encoder, so a message that is
        # also a wish is encoded once per turn, not once here and again for retrieval
        self.encode_one = encode_one or (lambda text: encode([text])[0])
        self.pos = np.asarray(encode(list(exemplars)), dtype=np.float32)  # (n_pos, d)
        self.neg = np.asarray(encode(list(negatives)), dtype=np.float32)  # (n_neg, d)
        pp, nn = self.pos @ self.pos.T, self.neg @ self.neg.T
        np.fill_diagonal(pp, -1.0)  # leave one out
        np.fill_diagonal(nn, -1.0)
        pn = self.pos @ self.neg.T  # (n_pos, n_neg)
        pos_margin = pp.max(axis=1) - pn.max(axis=1)
        neg_margin = pn.max(axis=0) - nn.max(axis=1)
        self.threshold = best_threshold(pos_margin, neg_margin)

    def score(self, text: str) -> float:
        """How much nearer ``text`` is to a request for films than to anything else (cosine
        similarity to the nearest exemplar of each)."""
        v = np.asarray(self.encode_one(text), dtype=np.float32)
        return float((self.pos @ v).max() - (self.neg @ v).max())

    def is_show(self, text: str) -> bool:
        return self.score(text) >= self.threshold


def best_threshold(pos: np.ndarray, neg: np.ndarray) -> float:
    """The cut between positive and negative scores with the best balanced accuracy; where a
    range of cuts is best, its middle (the widest margin on both sides)."""
    cuts = np.unique(np.concatenate([pos, neg]))
    mids = np.concatenate([[cuts[0] - 1e-6], (cuts[:-1] + cuts[1:]) / 2, [cuts[-1] + 1e-6]])
    acc = np.array([(np.mean(pos >= c) + np.mean(neg < c)) / 2 for c in mids])
    best = mids[acc == acc.max()]
    return float((best.min() + best.max()) / 2)
