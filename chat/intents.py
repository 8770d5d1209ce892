"""What a message asks the chat to do, read by the sentence encoder we ship rather than by a word list.

People say "show me something" in more ways than a list of phrases can hold ("go on then,
what have you got", "enough questions"), and "start over" or "why this one?" too.
``IntentReader`` embeds labelled exemplars once and reads a message as intent ``L`` when it
is nearer to ``L``'s exemplars than to every other exemplar (other intents and messages that
are no such request: wishes, answers) by a margin. Each intent's margin is set where the
leave-one-out margins of its exemplars and of all the others separate best, so nothing is
tuned by hand. Below every margin the reader is unsure and returns ``None``: the parser keeps
its own reading.

The parser hands the reader a message's *frame*: the message with the films, people, genres
and eras it names taken out ("just show me some comedies" -> "just show me some"), and frames
the exemplars the same way (``frame``), so a request that also names what it wants is read
as a request. The exemplars here are written for the model; the evaluation's table of real
phrasings (``lab/data/utterances.tsv``) is never read by this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

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
    "show me a few", "just list some", "show me some thrillers", "recommend a comedy", "give me a few westerns",
    "list some 80s movies", "pick a drama for me", "let's see some films with Tom Hanks", "show me your picks",
    "I'm done answering, show me films", "what would you suggest", "your top picks please",
    "ok let's go", "go for it then", "show me what you found", "let me see what you've got",
    "hit me with your picks", "fire off some titles", "you decide, just show me", "your call, show me some",
    "give me some options", "let's have them", "come on, show me", "what's on offer", "list them",
    "spit out a few titles", "just give me a few names", "ok now the films", "suggest away",
    "could you please show me some films", "would you list a few movies for me", "let me have a look at them",
    "what are the choices", "any recs", "show me the list", "lets see them then", "can I see a few",
    "stop with the questions and show me", "I'd like to see some films now", "please suggest some titles",
    "no more questions, movies please", "enough talk, films please", "films please", "movies now please",
    "give me five films right now", "drop the recs", "just drop some recs",
)
INTENT_EXEMPLARS: dict[str, tuple[str, ...]] = {
    "more": SHOW_EXEMPLARS,
    "something_else": (
        "something else", "none of these", "not these", "different ones please", "I've seen those",
        "I have seen all of them", "seen it already", "watched that one already", "seen them all",
        "none of those appeal", "other films please", "not those ones", "I already saw that", "nah, others",
        "I don't like any of these", "these are not for me", "no, different films", "not that one",
    ),
    "any": (
        "I don't mind", "no preference", "anything is fine", "whatever you like", "it doesn't matter",
        "I don't care", "either is fine", "no idea", "any of them", "all fine by me", "dunno",
        "not fussy", "doesn't matter to me", "I'm easy", "any would do",
    ),
    "why": (
        "why this one", "why did you suggest that", "explain this pick", "why would I like it",
        "what makes this a good match", "why that film", "how did you choose these", "why these",
        "what's the reason for this recommendation", "tell me why", "how come you chose this one",
        "what was your reasoning for picking it",
    ),
    "restart": (
        "start over", "let's begin again", "new search", "reset everything", "from the beginning",
        "start a new search", "forget everything, start fresh", "clear it all", "begin from scratch",
        "we begin again",
    ),
    "undo": (
        "undo", "go back", "take that back", "undo my last answer", "that was a mistake", "oops, wrong one",
        "back one step", "I didn't mean that", "revert that",
    ),
    "help": (
        "help", "what can you do", "how does this work", "what can I ask", "how do I use this",
        "what are my options here", "what do I say", "what is this", "how do you work",
        "what does this bot do", "what are you for",
    ),
}
NOT_INTENT = (
    "something funny from the 90s", "a tense crime thriller", "no horror please", "with tom hanks",
    "I loved heat and fargo", "something cozy for a rainy day", "a mind-bending heist", "yes", "no",
    "hello there", "directed by steven spielberg", "a french film", "something short", "an oscar winner",
    "I hated titanic", "not a western", "from the eighties", "a romantic comedy", "something sad",
    "animated family film", "a scary movie", "a film about friendship", "with robin williams",
    "the seventies", "rated pg-13", "a documentary about music", "less violent please", "science fiction movies",
    "crime movies from the nineties", "movies with bruce willis", "a war film set in vietnam", "kids movies",
    "old movies from the forties", "a movie to watch with my parents", "films like the godfather",
    "no movies over two hours", "a drama, but no war", "a hitchcock movie", "comedy films", "black and white films",
    "movies in spanish", "an action movie with stallone", "feel-good movies", "musicals from the fifties",
    "I want a western", "I'd like a thriller", "looking for a comedy", "in the mood for horror",
    "something with harrison ford", "do you have any musicals", "I want something from the 80s",
    "I feel like a drama", "maybe a mystery", "preferably a comedy", "a film noir classic", "no gory stuff",
    "nothing too long", "only well reviewed ones", "older ones", "something more recent", "darker please",
    "without jim carrey", "not rated R", "I prefer action", "I'm into sci-fi", "I like westerns",
    "an uplifting story", "with my kids tonight", "films set in space", "a film that makes me think",
    "not too violent", "lighter in tone", "also some comedy", "and from the 90s", "make it the 70s",
    "something light", "something fun", "something inspiring", "about sports", "a film about love",
    "something uplifting", "a slow burn", "something nostalgic", "a clever plot",
    "something to cry to", "a good laugh", "something romantic", "with great music", "set in new york",
    "a true story", "based on a book", "light and funny", "dark and gritty", "a samurai film", "epic battles",
    "about a dog", "a space adventure", "time travel", "a road trip movie", "quirky indie", "something weird",
    "with a twist ending", "beautiful scenery", "a heartwarming story", "about growing up", "a courtroom drama",
)


# What a person thought of a film, said in words no list holds ("fargo was riveting", "touch of evil was a
# muddle"): the words after the film's name, read by the same encoder and margins as the intents
# (``verdict_reader``), with facts about a film as the messages that are no verdict. Written for the model;
# no table of the evaluation is read here.
VERDICT_EXEMPLARS: dict[str, tuple[str, ...]] = {
    "like": (
        "was great", "is brilliant", "was amazing", "is a masterpiece", "was fantastic", "is wonderful",
        "was so good", "is the best film ever", "was excellent", "is my favourite", "was beautiful", "is superb",
        "blew me away", "was gripping", "is a classic", "was hilarious", "was lovely", "is outstanding",
        "was captivating", "is stunning", "was thrilling", "was a joy", "was moving", "is perfect",
        "was terrific", "still holds up", "is fun", "was a delight", "is so well made", "was very touching",
        "was unforgettable", "was incredible", "gets better every time", "never gets old", "is a gem",
        "was a big hit with everyone", "kept me hooked", "deserved every award", "had me laughing all the way",
        "was riveting", "was mesmerising", "was a triumph", "was sublime", "was a treat", "was a blast",
        "was hysterical", "had me in tears in a good way", "was bonkers in the best way", "was so much fun",
        "was heartwarming", "was pure joy", "was a wild ride", "nailed it", "was spot on", "was a knockout",
    ),
    "dislike": (
        "was awful", "is terrible", "was boring", "was a mess", "is rubbish", "was so bad", "was dull",
        "is the worst film ever", "was a waste of time", "was disappointing", "is overrated", "was tedious",
        "was a letdown", "was painful", "is garbage", "was stupid", "was a snooze", "was forgettable",
        "was confusing", "is unwatchable", "was a slog", "was weak", "was horrible", "dragged on forever",
        "was so slow", "is silly", "was pointless", "was lame", "was dreadful", "was annoying",
        "was too long", "was cheesy", "fell flat", "was a disaster", "made no sense", "was a chore",
        "was a muddle", "was clunky", "was bloated", "was a dud", "was cringe", "fell apart", "was a bore",
        "put me to sleep", "was overblown", "was a mess from start to finish", "was laughable",
        "was hard to sit through", "was a total flop", "was way too gory for me", "was too scary for me",
    ),
}
VERDICT_NEUTRAL = (
    "is on tv tonight", "is from 1994", "is a western", "was directed by spielberg", "is in english",
    "was made in france", "is about a boxer", "was on last night", "is rated R", "is two hours long",
    "stars tom hanks", "is based on a book", "came out in the 80s", "is a remake", "is set in new york",
    "is a sequel", "was filmed in italy", "is in black and white", "is a musical", "is a documentary",
    "was released in 1995", "is a comedy", "has subtitles", "is for kids", "is an old one",
    "was on the plane", "is on netflix", "is in colour", "is an hour and a half", "was shot in black and white",
    "is about the war", "was his first film", "has a famous soundtrack", "is a kids film", "is set in space",
    "came out when I was at school", "is the sequel to the first one", "was on last week", "is in french",
)


class IntentReader:
    """``label(text)``: the intent a message's frame expresses, or ``None`` when unsure.

    ``encode(texts) -> (n, d)`` unit rows; ``encode_one(text) -> (d,)`` for single messages
    (default: ``encode``); ``frame(text) -> text`` is applied to every exemplar (default: none).
    """

    def __init__(self, encode: Callable[[Sequence[str]], np.ndarray],
                 exemplars: Mapping[str, Sequence[str]] = INTENT_EXEMPLARS, negatives: Sequence[str] = NOT_INTENT,
                 encode_one: Callable[[str], np.ndarray] | None = None,
                 frame: Callable[[str], str] | None = None) -> None:
        self.encode = encode
        # one message at a time: the retriever's cached query encoder, so a message that is
        # also a wish is encoded once per turn, not once here and again for retrieval
        self.encode_one = encode_one or (lambda text: encode([text])[0])
        frame = frame or (lambda text: text)
        self.labels = tuple(exemplars)
        # the words each intent's exemplars use: a message with other content words is a wish
        self.words = {name: {w.strip("?!,.'").lower() for t in exemplars[name] for w in t.replace("'", " ").split()}
                      for name in self.labels}
        texts, owner = [], []
        for k, name in enumerate(self.labels):
            for t in exemplars[name]:
                texts.append(frame(t) or t)
                owner.append(k)
        for t in negatives:
            texts.append(frame(t) or t)
            owner.append(-1)
        self.owner = np.asarray(owner)
        self.vectors = np.asarray(encode(texts), dtype=np.float32)  # (n_exemplars, d)
        sims = self.vectors @ self.vectors.T
        np.fill_diagonal(sims, -1.0)  # leave one out
        margins = self._margins(sims)  # (n_exemplars, n_labels)
        self.thresholds = np.array([best_threshold(margins[self.owner == k, k], margins[self.owner != k, k])
                                    for k in range(len(self.labels))])

    def _margins(self, sims: np.ndarray) -> np.ndarray:
        """``(n, n_labels)``: nearest exemplar of each label minus nearest exemplar of any other."""
        out = np.empty((sims.shape[0], len(self.labels)), dtype=np.float64)
        for k in range(len(self.labels)):
            mine = self.owner == k
            out[:, k] = sims[:, mine].max(axis=1) - sims[:, ~mine].max(axis=1)
        return out

    def scores(self, text: str) -> dict[str, float]:
        """Each intent's margin above its threshold for ``text`` (positive: that intent)."""
        v = np.asarray(self.encode_one(text), dtype=np.float32)
        m = self._margins((self.vectors @ v)[None, :])[0] - self.thresholds
        return dict(zip(self.labels, m.tolist()))

    def label(self, text: str) -> str | None:
        if not text.strip():
            return None
        scores = self.scores(text)
        best = max(scores, key=scores.get)
        return best if scores[best] >= 0 else None

    def sole_label(self, text: str) -> str | None:
        """The intent of ``text`` where it alone passes its margin; ``None`` where none or several do."""
        passed = [name for name, m in self.scores(text).items() if m >= 0] if text.strip() else []
        return passed[0] if len(passed) == 1 else None


def best_threshold(pos: np.ndarray, neg: np.ndarray) -> float:
    """The cut between positive and negative scores with the best balanced accuracy; where a
    range of cuts is best, its middle (the widest margin on both sides)."""
    cuts = np.unique(np.concatenate([pos, neg]))
    mids = np.concatenate([[cuts[0] - 1e-6], (cuts[:-1] + cuts[1:]) / 2, [cuts[-1] + 1e-6]])
    acc = np.array([(np.mean(pos >= c) + np.mean(neg < c)) / 2 for c in mids])
    best = mids[acc == acc.max()]
    return float((best.min() + best.max()) / 2)


# What a person says of cards named by their place, in words no list holds ("number 2 looks shipshape, we'll
# sail with that one", "Let the record show I have seen numbers 1 and 3."): taking one, or having seen them
# (others, then), with questions about a card, a why, a card refused and more like one as the messages that
# are neither (``card_reader``). Written for the model; no table of the evaluation is read here.
CARD_EXEMPLARS: dict[str, tuple[str, ...]] = {
    "like": (
        "i'll take number 2", "number 3 please", "let's go with the first one", "the second one looks great, we'll "
        "watch that", "number 1 it is", "we'll have number 4", "can i have number 2", "number 2 sounds perfect",
        "go with number 3", "the third one, please", "number 5 for me", "i choose number 1",
        "number 2 will do nicely", "put number 3 on", "number 1 looks good to me", "yes, number 2",
        "that second one, definitely", "number 4 is the one", "we agreed on number 2", "number 3 is perfect for "
        "tonight", "gimme 2", "2 sounds fun, let's do it", "i'd like the first one please", "number 1, sold",
        "happy with number 3", "the fourth one will be fine thanks", "my vote goes to number 2",
        "we're going for 5", "number 1 gets my approval", "ok the second one, final answer",
    ),
    "seen": (
        "seen number 2 already", "we've watched 1 and 3, anything else?", "seen the first two, what else",
        "already saw number 4", "number 2 we watched last week", "watched the first one already, show me others",
        "1 and 2 we've seen", "saw number 3 at the cinema, next", "number 1 we own already",
        "been there done that with number 2", "i've seen 1 and 2 before", "we watched 3 last night, something else",
        "seen 2 and 4 already, other ones please", "number 1 i've already watched", "both 1 and 3 are old "
        "favourites we've seen loads", "had number 2 on dvd for years", "2 and 3 we've done already",
    ),
}
CARD_NEITHER = (
    "what is number 2 about", "who is in number 3", "why number 1", "how long is number 4", "is number 2 scary",
    "number 3 looks boring", "not number 2", "more like number 1", "is the second one in colour",
    "tell me more about number 4", "number 2 is rated R", "number 3 is too long", "what year is the first one",
    "number 1 or number 2?", "does number 2 have subtitles", "number 4 looks awful, swap it",
    "anything like number 3 but older", "why is number 2 on the list", "who directed the third one",
    "number 1 is too violent for the kids", "get rid of number 5", "more like the second one please",
)


def card_reader(encode: Callable[[Sequence[str]], np.ndarray],
                encode_one: Callable[[str], np.ndarray] | None = None) -> IntentReader:
    """``label(message)``: "like" (that card taken), "seen" (those cards seen) or ``None`` for a message that
    names cards by their place."""
    return IntentReader(encode, CARD_EXEMPLARS, CARD_NEITHER, encode_one=encode_one)


def verdict_reader(encode: Callable[[Sequence[str]], np.ndarray],
                   encode_one: Callable[[str], np.ndarray] | None = None) -> IntentReader:
    """``label(words)``: "like", "dislike" or ``None`` (a fact, or unsure) for the words said
    after a film's name ("was riveting", "hits every note", "was a muddle"), or beside it."""
    return IntentReader(encode, VERDICT_EXEMPLARS, VERDICT_NEUTRAL, encode_one=encode_one)
