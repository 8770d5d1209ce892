"""The free-text parser against a table of utterances and their expected parse.

The table was written before ``chat.parser``. Each row names only what it checks; every
field a row leaves out must be empty in the parse (no stray intents, values or titles), so
a parser that over-matches fails too. Titles are catalog titles, the same in both catalogs the
table runs on: the hand-written film catalog (``tests/films.py``, no dataset needed) and
MovieLens 100K (its thousands of names make fuzzy matching harder; marked ``data``).
"""

import pytest
from films import film_catalog

from chat.lexicon import role_keys
from chat.parser import Parser, scores_as_verdicts, starred_fix
from chat.words import CHOOSE_RE

G, D, C, DIR = "genre", "decade", "cast", "director"

# utterance, expected: intents / accepted / rejected (type, value) / liked / disliked (titles) /
# unknown (title strings as typed) / wish (True when the text should go to semantic retrieval)
TABLE = [
    # attributes, with synonyms and fuzzy spellings
    ("something funny from the 90s", {"accepted": [(G, "Comedy"), (D, "1990s")]}),
    ("a sci fi film", {"accepted": [(G, "Sci-Fi")]}),
    ("science fiction please", {"accepted": [(G, "Sci-Fi")]}),
    ("I want a thriller", {"accepted": [(G, "Thriller")]}),
    ("westerns", {"accepted": [(G, "Western")]}),
    ("film noir", {"accepted": [(G, "Film-Noir")]}),
    ("something from the eighties", {"accepted": [(D, "1980s")]}),
    ("a movie from 1970s", {"accepted": [(D, "1970s")]}),
    ("with tom hanks", {"accepted": [(C, "Tom Hanks")]}),
    ("Tom Hank movies", {"accepted": [(C, "Tom Hanks")]}),
    ("directed by stephen spielberg", {"accepted": [(DIR, "Steven Spielberg")]}),
    ("a hitchcock film", {"accepted": [(DIR, "Alfred Hitchcock")]}),
    ("something by kubrick", {"accepted": [(DIR, "Stanley Kubrick")]}),
    ("animated family film", {"accepted": [(G, "Animation"), (G, "Children's")]}),
    ("a scary movie", {"accepted": [(G, "Horror")]}),
    ("a romantic comedy", {"accepted": [(G, "Romance"), (G, "Comedy")]}),
    # everyday words for a kind of film, read as genres; not wanting one rejects each genre it
    # may mean, and "no romcoms" only the romance, so the comedies asked for stay
    ("a heist movie", {"accepted": [(G, "Crime")]}),
    ("something with explosions", {"accepted": [(G, "Action")]}),
    ("i need a good cry", {"accepted": [(G, "Drama")]}),
    ("nothing violent please", {"rejected": [(G, "Action"), (G, "Crime"), (G, "Horror"), (G, "War")]}),
    ("a bit less gory", {"rejected": [(G, "Horror"), (G, "War")]}),
    ("actually nah too depressing", {"rejected": [(G, "Drama"), (G, "War")]}),
    ("no romcoms", {"rejected": [(G, "Romance")]}),
    ("an action comedy, not too sappy", {"accepted": [(G, "Action"), (G, "Comedy")], "rejected": [(G, "Romance")]}),
    ("something dark", {"wish": True}),
    ("what about zombies", {"accepted": [(G, "Horror")]}),
    ("need a feel good movie", {"accepted": [(G, "Comedy")]}),
    ("i'm sick of superhero stuff", {"wish": True}),  # not all action is superheroes
    ("funny and with robin williams", {"accepted": [(G, "Comedy"), (C, "Robin Williams")]}),
    ("an oscar winner", {"accepted": [("oscar", "Oscar winner")]}),
    ("something rated pg-13", {"accepted": [("mpaa", "rated PG-13")]}),
    ("a film in french", {"accepted": [("language", "French")]}),
    ("something short", {"accepted": [("runtime", "under 90 minutes")]}),
    ("critically acclaimed drama", {"accepted": [("critics", "critics' favourite"), (G, "Drama")]}),
    # negations
    ("not horror", {"rejected": [(G, "Horror")]}),
    ("no horror please", {"rejected": [(G, "Horror")]}),
    ("anything but westerns", {"rejected": [(G, "Western")]}),
    ("a comedy but no romance", {"accepted": [(G, "Comedy")], "rejected": [(G, "Romance")]}),
    ("I don't like jim carrey", {"rejected": [(C, "Jim Carrey")]}),
    ("without bruce willis, something from the 80s", {"accepted": [(D, "1980s")], "rejected": [(C, "Bruce Willis")]}),
    ("nothing too scary", {"rejected": [(G, "Horror")]}),
    # items, misspellings, unknown titles
    ("I loved Heat", {"liked": ["Heat"]}),
    ("i liked the usual suspects", {"liked": ["Usual Suspects, The"]}),
    ("movies like Toy Story", {"liked": ["Toy Story"]}),
    ("something similar to pulp fiktion", {"liked": ["Pulp Fiction"]}),
    ("I hated Titanic", {"disliked": ["Titanic"]}),
    ("I loved Inception", {"unknown": ["Inception"]}),
    ("movies like The Matrix", {"unknown": ["The Matrix"]}),
    ("I liked Fargo but not Braveheart", {"liked": ["Fargo"], "disliked": ["Braveheart"]}),
    ("star wars", {"liked": ["Star Wars"]}),
    # intents
    ("yes", {"intents": ["yes"]}),
    ("yeah sure", {"intents": ["yes"]}),
    ("nope", {"intents": ["no"]}),
    ("sure why not", {"intents": ["yes"]}),
    ("nah not really", {"intents": ["no"]}),
    ("hi there, how are you", {"intents": ["greeting"]}),
    ("Heat way too long", {"disliked": ["Heat"]}),
    ("loved Fargo, the ending!", {"liked": ["Fargo"]}),  # a remark on the film just named is no wish
    ("no", {"intents": ["no"]}),
    ("I don't mind", {"intents": ["any"]}),
    ("whatever", {"intents": ["any"]}),
    ("show me more", {"intents": ["more"]}),
    ("why this one?", {"intents": ["why"]}),
    ("something else", {"intents": ["something_else"]}),
    ("start over", {"intents": ["restart"]}),
    ("undo", {"intents": ["undo"]}),
    ("hi there", {"intents": ["greeting"]}),
    ("help", {"intents": ["help"]}),
    ("don't carre", {"intents": ["any"]}),  # an intent phrase typed with a slip is not a name ("no Jim Carrey")
    ("none of tese", {"intents": ["something_else"]}),
    # vague wishes go to semantic retrieval
    ("something cozy for a rainy day", {"wish": True}),
    ("a mind-bending heist", {"wish": True, "accepted": [(G, "Crime")]}),
    ("a tearjerker about friendship, no horror",
     {"wish": True, "accepted": [(G, "Drama")], "rejected": [(G, "Horror")]}),
    # a clause giving the person's reason is no wish; one saying what the film should be still is
    ("no horror please, i am a wimp", {"rejected": [(G, "Horror")]}),
    ("a comedy please, we're all exhausted", {"accepted": [(G, "Comedy")]}),
    ("a western, the longer the better", {"accepted": [(G, "Western"), ("runtime", "over 2 hours")]}),
    ("no horror, we want something cozy", {"wish": True, "rejected": [(G, "Horror")]}),
    ("a comedy, my kids like talking animals", {"wish": True, "accepted": [(G, "Comedy")]}),
    ("a comedy from the nintees", {"accepted": [(G, "Comedy"), (D, "1990s")]}),  # two slips in a value's word
    # a child and their age: films for children; an adult "son" is not a child
    ("movie night w my son, hes 6", {"accepted": [(G, "Children's")]}),
    ("not scary, my kid is 6", {"accepted": [(G, "Children's")], "rejected": [(G, "Horror")]}),
    ("something for my 7 year old", {"accepted": [(G, "Children's")]}),
    ("my son is 25 and likes action", {"accepted": [(G, "Action")], "wish": True}),
]


@pytest.fixture(scope="module", params=["films", pytest.param("movielens-100k", marks=pytest.mark.data)])
def catalog(request):
    if request.param == "films":
        return film_catalog()
    return request.getfixturevalue("ml100k_catalog")


@pytest.fixture(scope="module")
def parser(catalog):
    return Parser(catalog)


def test_table_is_big_enough():
    assert len(TABLE) >= 40


@pytest.mark.parametrize("text,expected", TABLE, ids=[t for t, _ in TABLE])
def test_parse(parser, catalog, text, expected):
    p = parser.parse(text)
    assert sorted(p.intents) == sorted(expected.get("intents", []))
    assert sorted(p.accepted) == sorted(expected.get("accepted", []))
    assert sorted(p.rejected) == sorted(expected.get("rejected", []))
    assert sorted(catalog.titles[i] for i in p.liked) == sorted(expected.get("liked", []))
    assert sorted(catalog.titles[i] for i in p.disliked) == sorted(expected.get("disliked", []))
    assert [u.lower() for u in p.unknown_titles] == [u.lower() for u in expected.get("unknown", [])]
    assert bool(p.wish) == expected.get("wish", False)


def test_long_and_odd_input_is_bounded(parser):
    p = parser.parse("horror " * 20000 + "\x00\u202e\U0001f600")
    assert p.truncated
    assert p.accepted == [(G, "Horror")]
    assert parser.parse("   ").empty


@pytest.mark.parametrize("text,value", [("a horrror film", (G, "Horror")), ("some westrn", (G, "Western")),
                                        ("a good thrillr", (G, "Thriller")), ("a docmentary", (G, "Documentary")),
                                        ("a musicl", (G, "Musical"))])
def test_a_misspelt_genre_word_is_still_understood(parser, text, value):
    """One letter missing or added in a genre word (misspellings written for this test, not
    the evaluation's table); a different word that merely resembles one is left alone."""
    p = parser.parse(text)
    assert value in p.accepted and not p.wish


def test_a_resembling_word_is_not_forced_onto_a_genre(parser):
    assert parser.parse("a documentary about music").accepted == [(G, "Documentary")]


# constraint changes and films named (written for these tests; the evaluation's tables are
# lab/data/utterances*.tsv): dropped / replaced values, one-of constraints, films seen or not
# wanted now, ordinary words that are not names
CHANGES = [
    ("forget the 90s", {"dropped": [(D, "1990s")]}),
    ("never mind the comedy part", {"dropped": [(G, "Comedy")]}),
    ("swap the horror for a western", {"dropped": [(G, "Horror")], "accepted": [(G, "Western")]}),
    ("can we trade the western for a war film?", {"dropped": [(G, "Western")], "accepted": [(G, "War")]}),
    ("exchange the comedy for a drama", {"dropped": [(G, "Comedy")], "accepted": [(G, "Drama")]}),
    ("the romance doesn't matter anymore", {"dropped": [(G, "Romance")]}),
    ("a thriller instead", {"accepted": [(G, "Thriller")], "instead": True}),
    ("nothing older than the 80s", {"alternatives": [((D, "1980s"), (D, "1990s"))]}),
    ("something from before the 1960s", {"alternatives": "decades before 1960s"}),
    ("I've already seen Fargo", {"seen": ["Fargo"]}),
    ("not Jaws tonight", {"not_now": ["Jaws"]}),
    ("Jaws was terrible", {"disliked": ["Jaws"]}),
    ("not fargo, I saw it last week", {"seen": ["Fargo"]}),
    ("Aladdin: seen it, loved it", {"seen": ["Aladdin"], "liked": ["Aladdin"]}),
    ("a comdy with tom hnaks", {"accepted": [(G, "Comedy"), (C, "Tom Hanks")]}),
    ("spielburg adventures", {"accepted": [(DIR, "Steven Spielberg"), (G, "Adventure")]}),
    ("a comedy with tom hanx", {"accepted": [(G, "Comedy"), (C, "Tom Hanks")]}),  # spelt by ear: ks is x
    ("a movie for my kids", {"accepted": [(G, "Children's")]}),
    ("my kids loved Aladdin", {"liked": ["Aladdin"]}),
    # a clause that reviews the film it opens with: its words are no wish ("too long" is no runtime)
    ("heat was way too long", {"disliked": ["Heat"]}),
    ("titanic was far too long and too sappy", {"disliked": ["Titanic"]}),
    ("fargo and braveheart are my kind of films", {"liked": ["Fargo", "Braveheart"]}),
    ("seen fargo, hated titanic", {"seen": ["Fargo"], "disliked": ["Titanic"]}),
    ("just watched Heat, loved it", {"seen": ["Heat"], "liked": ["Heat"]}),
    ("scrap the horror, let's do a thriller", {"dropped": [(G, "Horror")], "accepted": [(G, "Thriller")]}),
    ("doesn't have to be a comedy", {"dropped": [(G, "Comedy")]}),
    ("I've changed my mind about the western part", {"dropped": [(G, "Western")]}),
    # issue 18, the fifth table: a year beside a title names the film; a sequel the catalog lacks
    # is not the first film; "ditch it" takes back what the message named; a short first name
    ("loved Heat (1995) and Fargo", {"liked": ["Heat", "Fargo"]}),
    ("the 1972 godfather was brilliant", {"liked": ["Godfather, The"]}),
    ("heat with al pacino was awesome", {"liked": ["Heat"]}),  # the person says which film: no wish for him
    ("fargo was great but not tonight", {"liked": ["Fargo"], "not_now": ["Fargo"]}),
    ("the 70s was just an idea, ditch it", {"dropped": [(D, "1970s")]}),
    ("a jimmy stewart thriller", {"accepted": [(C, "James Stewart"), (G, "Thriller")]}),
    ("something under 2 hours",
     {"alternatives": [(("runtime", "under 90 minutes"), ("runtime", "90 to 120 minutes"))]}),
    # the sixth round: "too long" is a complaint, and the length asked for replaces it; a clause
    # that is only a verdict is about the film before it; a film in a list of films is that film
    ("too long", {"rejected": [("runtime", "over 2 hours")]}),
    ("eh too long, something under 2 hours",
     {"alternatives": [(("runtime", "under 90 minutes"), ("runtime", "90 to 120 minutes"))]}),
    ("I found Heat way too long, didn't like it", {"disliked": ["Heat"]}),
    ("rewatched jaws last night, still holds up", {"seen": ["Jaws"], "liked": ["Jaws"]}),
    ("fargo is my go to", {"liked": ["Fargo"]}),
    ("not jaws, too scary for my youngest", {"not_now": ["Jaws"]}),  # the complaint is about the film
    ("the first die hard is underrated", {"liked": ["Die Hard"]}),
    ("godfather and goodfellas, my two favourite films ever", {"liked": ["Godfather, The", "GoodFellas"]}),
    ("just finished heat, what a film", {"seen": ["Heat"], "liked": ["Heat"]}),
    ("nix the comedy", {"dropped": [(G, "Comedy")]}),
    ("actually leave out anything with tom hanks", {"rejected": [(C, "Tom Hanks")], "instead": True}),
    ("robin williams is optional", {"dropped": [(C, "Robin Williams")]}),
    # a person's possessive before a film of theirs says which film: no wish for more of them
    ("hitchcock's vertigo is amazing", {"liked": ["Vertigo"]}),
    ("i loved kubrick's the shining", {"liked": ["Shining, The"]}),
    ("hitchcock's films please", {"accepted": [(DIR, "Alfred Hitchcock")]}),
]


@pytest.mark.parametrize("text,expected", CHANGES, ids=[t for t, _ in CHANGES])
def test_changes_and_films(parser, catalog, text, expected):
    p = parser.parse(text)
    assert sorted(p.accepted) == sorted(expected.get("accepted", []))
    assert sorted(p.dropped) == sorted(expected.get("dropped", []))
    alternatives = expected.get("alternatives", [])
    if alternatives == "decades before 1960s":  # every decade the catalog has before the 1960s
        alternatives = [tuple(sorted(tv for tv in catalog.attr_values if tv[0] == D and tv[1] < "1960s"))]
    assert p.alternatives == alternatives
    assert p.instead == expected.get("instead", False)
    assert sorted(p.rejected) == sorted(expected.get("rejected", []))
    for name in ("seen", "not_now", "liked", "disliked"):
        assert sorted(catalog.titles[i] for i in getattr(p, name)) == sorted(expected.get(name, [])), name


def test_a_review_of_a_film_the_catalog_lacks_names_it_and_asks_for_nothing(parser):
    """"gladiator was amazing": a film the person liked that the catalog does not have; not
    a wish (and "comedies were great" is a kind of film, not a name)."""
    p = parser.parse("gladiator was amazing")
    assert p.unknown_titles == ["gladiator"] and not p.wish and not p.accepted
    p = parser.parse("interstellar and parasite are the best films ever")
    assert p.unknown_titles == ["interstellar", "parasite"]
    assert parser.parse("comedies were great").unknown_titles == []
    p = parser.parse("heat 2 was so fun")  # a sequel the catalog lacks, not Heat
    assert p.unknown_titles == ["heat 2"] and not p.liked


@pytest.mark.data
def test_a_person_the_cast_lists_lack_is_named_not_searched_for(ml100k_catalog):
    """"rita hayworth films": a first name people of the catalog go by, then a word that is no
    value, title word or filler, reads as a person the catalog does not know (said so by the
    turn), not as words for semantic search; everyday words that are also first names count
    only when typed with a capital. (Clark Gable until loader v7 gave his films their cast.)"""
    parser = Parser(ml100k_catalog)
    p = parser.parse("rita hayworth films")
    assert p.unknown_people == ["Rita Hayworth"] and not p.wish and not p.accepted and p.names_something
    p = parser.parse("anything with grace kelly or doris day")
    assert p.unknown_people == ["Doris Day"] and (C, "Grace Kelly") in p.accepted
    for text in ("mark my words this will be fun", "something for james and me", "bette davis", "tom hanks"):
        assert parser.parse(text).unknown_people == [], text


@pytest.mark.parametrize("text,ref,plural", [
    ("any other films by them?", "by", True), ("more with him", "with", False),
    ("other films by that director", "director", False), ("his other films", "", False),
    ("what else has she been in", "cast", False), ("anything else with that actor", "cast", False),
    ("more from the same director", "director", False), ("more with tom hanks", None, False),
    ("something with explosions", None, False), ("i watched it with him last week", None, False)])
def test_a_person_named_by_a_pronoun_is_left_to_the_turn(parser, text, ref, plural):
    """"more with him": whose films, only the conversation knows (the film the talk is on); the
    words give the role when they say it, else a preposition's hint; a name typed is read as usual."""
    p = parser.parse(text)
    assert p.person_ref == ref
    if ref is not None:
        assert p.person_plural == plural and not p.wish and not p.accepted


@pytest.mark.parametrize("text,intent", [("heyyy", "greeting"), ("yeah alright", "yes"),
                                         ("not bothered either way", "any"), ("the first one sounds good", "yes")])
def test_short_replies(parser, text, intent):
    assert parser.parse(text).intents == [intent]


@pytest.mark.parametrize("text,intents", [("nope, next", ["no", "something_else"]), ("ok, why this one", ["why"]),
                                          ("no, start over", ["restart"]),
                                          ("nah, none of those", ["no", "something_else"]),
                                          ("ooh the third one looks good", ["yes"]), ("number 2 please", ["yes"])])
def test_a_yes_or_no_then_an_intent(parser, text, intents):
    """"nope, next": no to the films shown, and others; after "ok," the second phrase says it."""
    p = parser.parse(text)
    assert p.intents == intents and not p.wish


def test_titles_with_punctuation_stay_whole_in_a_list(parser, catalog):
    """"Mrs." is no full stop, and a title's own colon or comma splits nothing."""
    p = parser.parse("I loved Mrs. Doubtfire, Ace Ventura: Pet Detective and Heat")
    assert sorted(catalog.titles[i] for i in p.liked) == ["Ace Ventura: Pet Detective", "Heat", "Mrs. Doubtfire"]
    assert not p.unknown_titles and not p.wish


def test_a_film_the_catalog_lacks_after_saw(parser):
    p = parser.parse("saw ghostbusters as a kid and loved it")
    assert p.unknown_titles == ["ghostbusters"] and not p.intents and not p.wish


@pytest.mark.parametrize("text, unknown", [
    ("gremlins!! loved it as a kid", ["gremlins"]),
    ("oppenheimer and barbie, saw both on the same day", ["oppenheimer", "barbie"]),
    ("everything everywhere all at once blew my mind", ["everything everywhere all at once"]),
    ("my fave film is paddington 2, got anything like that?", ["paddington 2"]),
])
def test_a_name_judged_in_the_next_breath_is_a_film_the_catalog_lacks(catalog, text, unknown):
    """A clause that is only a name, then "loved it" / "saw both" / "what an ending": a film's
    name, said to be missing, not words to search for ("as a kid" is no wish for kids' films)."""
    english = frozenset(("everything everywhere all at once blew my mind loved it as a kid saw both on the "
                         "same day got anything like that").split())
    p = Parser(catalog, english=english).parse(text)
    assert p.unknown_titles == unknown and not p.wish and not p.accepted


@pytest.mark.parametrize("text, rejected", [("why that one, i hate musicals", ("genre", "Musical")),
                                            ("y this one?? i said no cartoons", ("genre", "Animation"))])
def test_why_that_one_before_a_refusal_asks_why_and_refuses(parser, text, rejected):
    p = parser.parse(text)
    assert p.intents == ["why"] and p.rejected == [rejected] and not p.wish


@pytest.mark.data
def test_a_sequel_the_catalog_lacks_better_or_worse_than_the_original(ml100k_catalog):
    """"top gun maverick was even better than the original" (dev10) liked Top Gun and the 1994
    Maverick, two titles side by side; now the name is one the catalog lacks, and the original is
    liked. "worse than the first one" likes the first film, not both disliked."""
    catalog = ml100k_catalog
    english = frozenset("was even better worse than the original first one".split())
    p = Parser(catalog, english=english).parse("top gun maverick was even better than the original")
    assert p.unknown_titles == ["top gun maverick"] and [catalog.titles[i] for i in p.liked] == ["Top Gun"]
    p = Parser(catalog, english=english).parse("grease 2 was worse than the first one")
    assert [catalog.titles[i] for i in p.liked] == ["Grease"] and [catalog.titles[i] for i in p.disliked] == [
        "Grease 2"]


@pytest.mark.data
@pytest.mark.parametrize("text, verdict", [("swingers is so money 😎", "liked"), ("titanic 😴", "disliked"),
                                           ("fargo 👏👏", "liked")])
def test_emoji_verdicts(ml100k_catalog, text, verdict):
    p = Parser(ml100k_catalog).parse(text)
    assert len(getattr(p, verdict)) == 1 and not p.wish


@pytest.mark.data
@pytest.mark.parametrize("text, accepted, rejected", [
    ("no horror, no war films, she scares easily", [], [("genre", "Horror"), ("genre", "War")]),
    ("a cartoon for the grandkids", [("genre", "Animation"), ("genre", "Children's")], []),
    ("could you show me some films for my grandchildren", [("genre", "Children's")], []),
    ("something to swoon over", [("genre", "Romance")], []),
    ("something that'll give me goosebumps", [("genre", "Horror")], []),
    ("show me something that'll make her laugh", [("genre", "Comedy")], []),
    ("films direced by kenneth brannagh", [("director", "Kenneth Branagh")], []),
    ("hey 90s action w seagal", [("decade", "1990s"), ("genre", "Action"), ("cast", "Steven Seagal")], []),
])
def test_round_thirteen_wishes(ml100k_catalog, text, accepted, rejected):
    """dev11 rows: a reason that sounds like horror ("she scares easily"), grandchildren, moods
    ("swoon", "goosebumps", "make her laugh"), neo-noir, a slip in "directed", a star's rare surname."""
    p = Parser(ml100k_catalog).parse(text)
    assert sorted(p.accepted) == sorted(accepted) and sorted(p.rejected) == sorted(rejected) and not p.wish


@pytest.mark.data
@pytest.mark.parametrize("text, intents, accepted, rejected, dropped", [
    ("argh autocorrect, i typed horror, meant humour", [], [("genre", "Comedy")], [], [("genre", "Horror")]),
    ("I'm after a nineties neo-noir", [], [("decade", "1990s"), ("genre", "Film-Noir")], [], []),
    ("keep it short, we've got a dinner reservation at 9", [], [("runtime", "under 90 minutes")], [], []),
    ("any actor's fine, just no dan aykroyd", [], [], [("cast", "Dan Aykroyd")], []),
    ("seen all of these, can we try something australian", ["something_else"], [("country", "Australia")], [], []),
    ("pics now pls", ["more"], [], [], []),
    ("I'm not very good with these things, what do I type?", ["help"], [], [], []),
    ("something silly for the grandkids", [], [("genre", "Comedy"), ("genre", "Children's")], [], []),
])
def test_round_thirteen_corrections_requests_and_waivers(ml100k_catalog, text, intents, accepted, rejected, dropped):
    """dev11 rows: a slip taken back ("typed X, meant Y"), "I'm after" (looking for, not later
    than), "we've got" and "a bit more X" asking for no films, a waiver beside a refusal, "seen
    all of these" with a new wish, films now in slang, how to use the chat."""
    p = Parser(ml100k_catalog).parse(text)
    assert p.intents == intents and sorted(p.accepted) == sorted(accepted) and p.rejected == rejected
    assert p.dropped == dropped and not p.wish


@pytest.mark.data
@pytest.mark.parametrize("text, who", [
    ("with that bald actor from the star trek films, patrick something", "Patrick Stewart"),
    ("a film with the guy from trainspotting, ewan something", "Ewan McGregor"),
    ("the actress from pretty woman, julia something", "Julia Roberts"),
])
def test_a_person_half_remembered_by_first_name_and_a_film(ml100k_catalog, text, who):
    """dev11: the one person of that first name in the films named (a series: every film of it);
    the films only said who, so they are not liked, and nothing is left to search for."""
    p = Parser(ml100k_catalog).parse(text)
    assert p.accepted == [("cast", who)] and not p.liked and not p.wish and p.person_ref is None


@pytest.mark.data
def test_something_after_a_word_that_is_no_first_name_is_no_person_half_remembered(ml100k_catalog):
    """"show me something by the director of jaws": "me something" is no half-remembered person, so
    the director of Jaws is still asked for (a first check of "<word> something" lost the film)."""
    cat = ml100k_catalog
    p = Parser(cat).parse("show me something by the director of jaws")
    assert p.person_ref == "director" and cat.titles[p.ref_film] == "Jaws"


@pytest.mark.data
@pytest.mark.parametrize("text, intents, liked", [
    ("Thank you, that is all I needed. Bye bye.", ["bye"], []),  # (not *Bye Bye, Love*)
    ("psycho it is thx bye", ["bye"], ["Psycho"]),
    ("hercules ok. bye", ["bye"], ["Hercules"]),
    ("Casablanca! goodbye dear", ["bye"], ["Casablanca"]),
    ("ok still doing it. bye for real", ["bye"], []),
    ("thats the one. watching it now", ["yes"], []),
    ("why The Grifters?", ["why"], []),
    ("y groundhog day", ["why"], []),
])
def test_goodbyes_choices_and_why_a_film_found_at_the_app(ml100k_catalog, text, intents, liked):
    """A sixth helper over HTTP: "Bye bye." liked *Bye Bye, Love*; "psycho it is thx bye" searched
    for "psycho bye"; "why The Grifters?" liked it; "thats the one" asked for other films."""
    cat = ml100k_catalog
    p = Parser(cat).parse(text)
    assert p.intents == intents and [cat.titles[i] for i in p.liked] == liked and not p.wish
    assert not p.disliked and not p.accepted


@pytest.mark.data
@pytest.mark.parametrize("text, accepted, rejected, dropped", [
    ("any era is fine, as long as it is suitable for children", [("genre", "Children's")], [], []),
    ("it need not have Julie Andrews", [], [], [("cast", "Julie Andrews")]),
    ("no wait 90s. w bruce wilis", [("decade", "1990s"), ("cast", "Bruce Willis")], [], []),
    ("Long films are perfectly fine with me", [], [], [("runtime", "over 2 hours")]),
])
def test_conditions_corrections_and_no_objection_are_not_refusals(ml100k_catalog, text, accepted, rejected, dropped):
    """"as long as" is no long film; "need not have" takes a person back (it ruled her out); "no
    wait, 90s" corrects (it ruled the 90s out); "long films are fine" lifts the length."""
    p = Parser(ml100k_catalog).parse(text)
    assert sorted(p.accepted) == sorted(accepted) and p.rejected == rejected and p.dropped == dropped


@pytest.mark.data
def test_a_choice_beats_a_verdict_carried_from_a_clause_before(ml100k_catalog):
    """"Mars Attacks is too silly. Sleeper is Woody Allen ... - we'll take Sleeper. Thanks, goodbye!"
    disliked Sleeper (the mood of the clause before): the film chosen is liked, and it is goodbye."""
    cat = ml100k_catalog
    p = Parser(cat).parse("seen Men in Black. Mars Attacks is too silly. Sleeper is Woody Allen with Diane Keaton, "
                          "so there's romance for her - we'll take Sleeper. Thanks, goodbye!")
    assert [cat.titles[i] for i in p.liked] == ["Sleeper"] and [cat.titles[i] for i in p.disliked] == [
        "Mars Attacks!"] and "bye" in p.intents


@pytest.mark.data
def test_is_a_film_frightening_for_a_child_is_a_question(ml100k_catalog):
    """"Is Toy Story frightening at all for a five year old? And which is better, ..." asked for
    horror and liked both films; the first question is now answered from Toy Story's record."""
    p = Parser(ml100k_catalog).parse("Is Toy Story frightening at all for a five year old? And which is better, "
                                     "Toy Story or A Goofy Movie?")
    assert p.intents == ["about"] and not p.accepted and not p.liked


@pytest.mark.data
@pytest.mark.parametrize("text, film", [("Can you show me Back to the Future?", "Back to the Future"),
                                        ("aladdin pls", "Aladdin"), ("please show me it", None),
                                        ("But where is Titanic? That is the one I want to watch.", "Titanic"),
                                        ("show me comedies", False), ("tom hanks pls", False), ("2 pls", False),
                                        ("show me films like fargo", False), ("more please", False)])
def test_a_film_asked_for_by_name(ml100k_catalog, text, film):
    """One film asked to be shown: its index (None: -1, the film the talk is on); False: not that
    (a kind of film, a person, a card, more films)."""
    p = Parser(ml100k_catalog).parse(text)
    if film is False:
        assert p.show_film is None
    else:
        assert p.show_film == (-1 if film is None else ml100k_catalog.titles.index(film))


@pytest.mark.data
@pytest.mark.parametrize("text, films, which", [
    ("Dr. Strangelove vs Paths of Glory - which one is the stronger anti-war statement", 2, "best"),
    ("Fargo or The Big Lebowski - which did critics rate higher?", 2, "best"),
    ("heat or casino, which is scarier?", 2, "scariest"),
])
def test_two_films_compared_in_any_words(ml100k_catalog, text, films, which):
    """"X vs Y - which ..." and "X or Y - which did critics rate higher?" liked both films (and asked
    for war films); they compare the two now."""
    p = Parser(ml100k_catalog).parse(text)
    assert p.intents == ["which"] and len(p.about) == films and p.which == which and not p.liked


@pytest.mark.data
def test_questions_seen_all_but_one_and_a_new_audience(ml100k_catalog):
    cat = ml100k_catalog
    p = Parser(cat).parse("what is Maverick rated? PG?")  # a question, not a wish for rated PG
    assert p.intents == ["about"] and [cat.titles[i] for i in p.about] == ["Maverick"] and not p.accepted
    p = Parser(cat).parse("seen all exept aladin")
    assert p.intents == ["seen_all"] and [cat.titles[i] for i in p.seen_but] == ["Aladdin"] and not p.seen
    p = Parser(cat).parse("Now for me, I would love an Alfred Hitchcock picture with James Stewart")
    assert p.intents == ["restart"] and sorted(p.accepted) == [("cast", "James Stewart"),
                                                               ("director", "Alfred Hitchcock")]
    assert not p.unknown_titles and not p.wish  # (not a film called "picture with")


@pytest.mark.data
@pytest.mark.parametrize("text, accepted, alternatives, rejected, liked", [
    ("no. DARK comedy. like fargo or heathers", [("genre", "Comedy")], 1, [], ["Fargo", "Heathers"]),
    ("war?? i said not gory. no blood. more like ghost story", [("genre", "Horror")], 0, [("genre", "War")], []),
    ("comedy?? i said funny", [("genre", "Comedy")], 0, [], []),
    ("supernatural pls not slasher", [("genre", "Horror")], 0, [], []),  # (it ruled horror out)
    ("ghost movie", [("genre", "Horror")], 0, [], []),  # (no cards at all)
    ("slow cinema with long takes, tarkovsky maybe", [("director", "Andrei Tarkovsky")], 0, [], []),  # (over 2 hours)
    ("aren't those Kieslowski too?", [("director", "Krzysztof Kieślowski")], 0, [], []),
    ("something for date night on Friday", [], 0, [], []),
])
def test_dark_comedy_a_kind_thrown_back_a_question_and_a_weekday(ml100k_catalog, text, accepted, alternatives,
                                                                 rejected, liked):
    """The sixth helper: "DARK comedy" twice got "Yes, still Comedy." (a dark comedy is now a comedy
    that is also crime, a thriller, war, horror or noir); "war?? i said not gory" asked for war; "aren't
    those Kieslowski too?" ruled him out; "on Friday" disliked the film *Friday*."""
    cat = ml100k_catalog
    p = Parser(cat).parse(text)
    assert p.accepted == accepted and len(p.alternatives) == alternatives and p.rejected == rejected
    assert [cat.titles[i] for i in p.liked] == liked and not p.disliked


@pytest.mark.data
def test_the_best_film_i_have_seen_is_praise(ml100k_catalog):
    """"Heat is the most romantic film I've seen in ages" marked Heat seen and asked for romance:
    it is praise of Heat (liked); asking for more after it keeps the kind as a wish."""
    cat = ml100k_catalog
    p = Parser(cat).parse("Heat is the most romantic film I've seen in ages")
    assert [cat.titles[i] for i in p.liked] == ["Heat"] and not p.seen and not p.accepted and not p.wish
    p = Parser(cat).parse("Past Lives is the most romantic film I've seen in ages")
    assert p.unknown_titles == ["Past Lives"] and not p.accepted
    p = Parser(cat).parse("the most romantic film I've seen is casablanca, got anything like it?")
    assert [cat.titles[i] for i in p.liked] == ["Casablanca"] and p.accepted == [("genre", "Romance")]
    p = Parser(cat).parse("1 looks perfect for her, she's seen 2 and 3")
    assert sorted(p.intents) == ["something_else", "yes"] and not p.wish


@pytest.mark.data
@pytest.mark.parametrize("text", ["i'll watch it after the kids are in bed",
                                  "I shall watch it after the children are in bed."])
def test_watching_it_after_bedtime_chooses_it(ml100k_catalog, text):
    """The sixth helper: "I shall watch it after the children are in bed." got "Yes, still
    Children's." ("the children" was read as a film's name, and then as a kind of film)."""
    p = Parser(ml100k_catalog).parse(text)
    assert p.intents == ["yes"] and not p.accepted and not p.unknown_titles and not p.wish


@pytest.mark.data
def test_found_in_the_browser_round_seven(ml100k_catalog):
    """A seventh helper, in chromium: a refusal of a director read as a wish ("Enough Coppola"),
    "isnt Sleepless in Seattle a Meg Ryan film too?" ruled her out, "Oh, can you show me Roman
    Holiday?" and "Where did Roman Holiday go?" liked it (no card), "why Barbarella? thats not new
    wave at all" and "Why did you mark L.A. Confidential as only close?" liked the films, "more like
    3" was "any", a goodbye with a pick searched for "agreed bye", "a girl of 5 and a boy of 8"
    was no child."""
    cat = ml100k_catalog
    parser = Parser(cat)
    p = parser.parse("Enough Coppola, I have seen all his films. No more Coppola please.")
    assert p.rejected == [("director", "Francis Ford Coppola")] and not p.accepted
    p = parser.parse("No, I said NO Coppola. I do not want any film directed by him.")
    assert p.rejected == [("director", "Francis Ford Coppola")] and p.person_ref is None
    p = parser.parse("isnt Sleepless in Seattle a Meg Ryan film too?")
    assert p.intents == ["about"] and p.asked == [("cast", "Meg Ryan")] and not p.rejected
    for text in ("Oh, can you show me Roman Holiday?", "Where did Roman Holiday go? I wanted to see it again."):
        assert parser.parse(text).show_film == cat.titles.index("Roman Holiday")
    for text, film in (("why Barbarella? thats not new wave at all", "Barbarella"),
                       ("Why did you mark L.A. Confidential as only close? It is THE nineties neo-noir.",
                        "L.A. Confidential")):
        p = parser.parse(text)
        assert p.intents == ["why"] and [cat.titles[i] for i in p.about] == [film] and not p.liked
    assert parser.parse("more like 3").pick == (2, "more")
    p = parser.parse("ok we agreed on the third one! thanks, bye")
    assert p.pick == (2, "like") and "bye" in p.intents
    p = parser.parse("seen all but the second")
    assert p.intents == ["seen_all"] and p.places == [1]
    p = parser.parse("Good afternoon. My grandchildren are coming over, a girl of 5 and a boy of 8. What could we "
                     "watch together?")
    assert ("genre", "Children's") in p.accepted


@pytest.mark.data
def test_a_new_direction_ok_before_a_wish_and_a_title_by_its_last_word(ml100k_catalog):
    """In the browser: "OK, different direction: a neo-noir from the nineties." kept the crime
    dramas asked for before (a new search now); "ok, now anything but Hitchcock" answered "yes" to
    the question shown ("Which one? Click a chip"); "seen holy grail and wanda" did not know *A
    Fish Called Wanda* (a title's last word, beside another film)."""
    cat = ml100k_catalog
    parser = Parser(cat)
    p = parser.parse("OK, different direction: a neo-noir from the nineties.")
    assert p.intents == ["restart"] and sorted(p.accepted) == [("decade", "1990s"), ("genre", "Film-Noir")]
    p = parser.parse("and for me, something romantic from the 1950s")  # (after the grandchildren's films: the
    assert p.intents == ["restart"]  # summary said "Romance, 1950s instead of 1990s, Children's")
    p = parser.parse("ok, now anything but Hitchcock")
    assert p.intents == [] and p.rejected == [("director", "Alfred Hitchcock")]
    assert parser.parse("ok").intents == ["yes"] and parser.parse("yes, a comedy").intents == ["yes"]
    p = parser.parse("we have seen holy grail and wanda")
    assert sorted(cat.titles[i] for i in p.seen) == ["Fish Called Wanda, A", "Monty Python and the Holy Grail"]


@pytest.mark.data
def test_why_a_card_then_a_refusal_keeps_the_refusal(ml100k_catalog):
    p = Parser(ml100k_catalog).parse("why number 3? i said nothing violent")
    assert p.intents == ["why"] and p.pick == (2, "why") and ("genre", "Horror") in p.rejected
    p = Parser(ml100k_catalog).parse("how is number 4 a comedy?? explain")
    assert p.intents == ["why"] and not p.rejected and not p.accepted
    p = Parser(ml100k_catalog).parse("seen all about eve and sunset boulevard this month, both brilliant")
    assert not p.intents and len(p.liked) == 2


@pytest.mark.data
@pytest.mark.parametrize("text", ["my grandchildren adored the parent trap", "my granddaughter found The Secret "
                                  "Garden boring", "a feel-bad movie, i want to wallow"])
def test_grandchildren_as_people_and_a_word_near_a_rare_surname_are_no_wish(ml100k_catalog, text):
    """The grandchildren who judged a film ask for no children's films; "wallow" is no slip of
    Simon Callow (a surname of a star in few films counts only as it is spelt)."""
    assert not Parser(ml100k_catalog).parse(text).accepted


@pytest.mark.parametrize("text, intents", [("oops, fat fingers, undo that", ["undo"]), ("2 pls", ["yes"]),
                                           ("2 please", ["yes"]), ("lovely, we'll watch that one", ["yes"])])
def test_undo_amid_words_a_card_please_and_a_choice(catalog, text, intents):
    p = Parser(catalog, english=frozenset("oops fat fingers undo that lovely well watch one".split())).parse(text)
    assert p.intents == intents and not p.wish and not p.accepted


@pytest.mark.parametrize("text", ["comedy!! loved it", "wow, loved it", "date night, she loved it",
                                  "the second one, loved it"])
def test_a_kind_a_word_or_a_card_before_a_verdict_is_no_film(parser, text):
    assert not parser.parse(text).unknown_titles


@pytest.mark.data
def test_two_first_names_joined_by_and_are_one_film(ml100k_catalog):
    p = Parser(ml100k_catalog).parse("thelma and louise, what an ending")
    assert p.unknown_titles == ["thelma and louise"] and not p.wish


@pytest.mark.parametrize("text", ["stop asking me questions just give me movies", "no more questions",
                                  "enough with the questions", "i said no questions", "dont ask me anything",
                                  "ugh too many questions", "quit quizzing me, show me stuff"])
def test_asking_for_no_more_questions_asks_for_films(parser, text):
    p = parser.parse(text)
    assert p.quiet and p.intents == ["more"] and not p.wish and not p.names_something


def test_no_more_questions_keeps_the_rest_of_the_message(parser):
    p = parser.parse("enough questions, a comedy please")
    assert p.quiet and p.accepted == [(G, "Comedy")] and "more" in p.intents
    assert parser.parse("no, and stop asking me questions").intents == ["no", "more"]  # the answer stays
    # a reviewer's list: questions in a wish, and "dont ask" that is no request
    for text in ("no horror", "a film that raises questions", "no more thrillers", "ask me anything",
                 "a thriller with no questions asked", "a film without questions about faith",
                 "dont ask me why but i love horror", "i dont ask for much, just a good comedy",
                 "dont ask, i just like explosions", "no quiz show", "no interrogation scenes"):
        p = parser.parse(text)
        assert not p.quiet and " , " not in p.wish, text


def test_done_with_a_person_rules_them_out(parser):
    assert parser.parse("i'm done with al pacino movies").rejected == [(C, "Al Pacino")]


@pytest.mark.data
def test_nationality_words_on_movielens(ml100k_catalog):
    """"French" is one constraint France or French meets; "in French" is the language alone."""
    parser = Parser(ml100k_catalog)
    assert parser.parse("a French comedy").alternatives == [(("country", "France"), ("language", "French"))]
    assert sorted(parser.parse("a comedy in French").accepted) == [(G, "Comedy"), ("language", "French")]
    mild = parser.parse("only ones rated pg-13 or lower").alternatives
    assert mild == [(("mpaa", "rated G"), ("mpaa", "rated PG"), ("mpaa", "rated PG-13"))]
    assert parser.parse("no German films").rejected == [("country", "Germany"), ("country", "West Germany"),
                                                         ("language", "German")]
    coens = parser.parse("something by the coen brothers").alternatives
    assert coens == [((DIR, "Ethan Coen"), (DIR, "Joel Coen"))]


@pytest.mark.data
def test_films_by_short_names_and_in_lists_on_movielens(ml100k_catalog):
    """"t2" is Terminator 2 (no other film shortens so); "brazil" after another film in a list of
    films is the film, not the country."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    p = parser.parse("t2 is my go to, seen it 50 times")
    assert [titles[i] for i in p.liked] == [titles[i] for i in p.seen] == ["Terminator 2: Judgment Day"]
    p = parser.parse("twelve monkeys and brazil, both amazing")
    assert sorted(titles[i] for i in p.liked) == ["Brazil", "Twelve Monkeys"]
    assert not p.alternatives and not p.wish
    assert parser.parse("something from brazil").alternatives  # the country, where no film is in question
    for text, title in (("ESB and ROTJ, love them both", "Empire Strikes Back, The"),  # what fans call them
                        ("star trek 5 was awful", "Star Trek V: The Final Frontier"),
                        ("when nature calls was too much", "Ace Ventura: When Nature Calls")):
        p = parser.parse(text)
        assert title in [titles[i] for i in p.liked + p.disliked] and not p.unknown_titles, text
    p = parser.parse("rain man and good will hunting, both brilliant")  # beside a known film, a film it lacks
    assert p.unknown_titles == ["rain man"] and [titles[i] for i in p.liked] == ["Good Will Hunting"]
    p = parser.parse("something light and breezy, nothing heavy")  # an ordinary word after "nothing": no film
    assert not p.not_now and not p.disliked
    assert parser.parse("academy award wining war films").accepted == [("oscar", "Oscar winner"), (G, "War")]


def test_sequels_by_number_where_the_catalog_titles_them_otherwise():
    """A later film named "<base>: <subtitle>", "<subtitle>: <base>" or "<base> <word>" is the
    base's sequel by year, numbered after the highest number its franchise shows; remakes,
    films that merely start with the word and unknown bases are none."""
    from chat.lexicon import sequel_keys

    titles = ["Jurassic Park", "Lost World: Jurassic Park, The", "Alien", "Alien 3", "Alien: Resurrection",
              "Batman", "Batman Returns", "Batman Forever", "Sabrina", "Sabrina", "Seven", "Seven Years in Tibet",
              "Shadow, The", "Shadow Conspiracy"]
    years = [1993, 1997, 1979, 1992, 1997, 1989, 1992, 1995, 1954, 1995, 1995, 1997, 1994, 1997]
    popularity = [300, 150, 300, 100, 100, 200, 150, 150, 80, 120, 250, 100, 20, 30]
    got = {" ".join(k): titles[i] for k, i in sequel_keys(titles, years, popularity).items() if k[0] != "the"}
    assert got == {"jurassic park 2": "Lost World: Jurassic Park, The", "alien 4": "Alien: Resurrection",
                   "batman 2": "Batman Returns", "batman 3": "Batman Forever"}
    # with people on record, a film sharing no one with the base is no sequel ("Alien Nation");
    # with no one on record, a one-word base keeps only its plural and numbered films
    titles = ["Alien", "Aliens", "Alien Nation", "Alien Escape", "Alien³", "Alien: Resurrection"]
    years = [1979, 1986, 1988, 1995, 1992, 1997]
    people = [{"Sigourney Weaver", "Ridley Scott"}, {"Sigourney Weaver"}, {"James Caan"}, set(), set(),
              {"Sigourney Weaver"}]
    got = {" ".join(k): titles[i] for k, i in sequel_keys(titles, years, [300] * 6, people).items() if k[0] != "the"}
    assert got == {"alien 2": "Aliens", "alien 4": "Alien: Resurrection"}


@pytest.mark.data
def test_a_sequel_by_number_on_movielens(ml100k_catalog):
    parser = Parser(ml100k_catalog)
    p = parser.parse("jurassic park 2 was a real letdown")
    assert [ml100k_catalog.titles[i] for i in p.disliked] == ["Lost World: Jurassic Park, The"]
    assert not p.unknown_titles


@pytest.mark.data
def test_a_films_one_word_nickname_beside_a_verdict_on_movielens(ml100k_catalog):
    """"shawshank", "lebowski": a word only one well-known title has, and no ordinary word, names
    the film where a verdict or a capital says a film is meant; "something nutty and fun" is no
    Nutty Professor. Without an English vocabulary there are no nicknames at all."""
    parser = Parser(ml100k_catalog, english=frozenset({"something", "fun", "and", "honestly", "found", "boring"}))
    titles = ml100k_catalog.titles
    p = parser.parse("honestly found shawshank boring")
    assert [titles[i] for i in p.disliked] == ["Shawshank Redemption, The"] and not p.wish
    p = parser.parse("i loved lebowski and fargo")
    assert sorted(titles[i] for i in p.liked) == ["Big Lebowski, The", "Fargo"]
    p = parser.parse("something nutty and fun")
    assert not p.liked and p.wish
    assert not Parser(ml100k_catalog).parse("honestly found shawshank boring").disliked


@pytest.mark.data
def test_the_end_or_start_of_one_title_names_it_on_movielens(ml100k_catalog):
    """From the sixth development table: "raiders and last crusade are both perfect". Two words
    ending (or beginning) one title only name it; one word beginning a title names it only in a
    list beside another film, and "the music was amazing" or "return was awful" name no film."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    p = parser.parse("raiders and last crusade are both perfect")
    assert sorted(titles[i] for i in p.liked) == ["Indiana Jones and the Last Crusade", "Raiders of the Lost Ark"]
    assert [titles[i] for i in parser.parse("last crusade was perfect").liked] == [
        "Indiana Jones and the Last Crusade"]
    for text in ("the music was amazing", "return was awful", "raiders was perfect"):
        p = parser.parse(text)
        assert not p.liked and not p.disliked, text


@pytest.mark.data
def test_dumb_fun_is_praise_and_not_getting_the_hype_a_dislike_on_movielens(ml100k_catalog):
    """From the sixth development table: "twister is dumb fun, volcano was just dumb" likes one
    and dislikes the other; "didn't get the hype" after a film seen dislikes it."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    p = parser.parse("twister is dumb fun, volcano was just dumb")
    assert [titles[i] for i in p.liked] == ["Twister"] and [titles[i] for i in p.disliked] == ["Volcano"]
    p = parser.parse("watched blade runner for the first time yesterday, didn't get the hype")
    assert [titles[i] for i in p.disliked] == ["Blade Runner"] and not p.wish


@pytest.mark.data
def test_asking_whether_the_catalog_has_a_film_is_no_like_on_movielens(ml100k_catalog):
    """Found by a fifth helper: "do u have titanic?" got "Noted that you liked Titanic". It asks
    for the film's facts; "anything like titanic" and "loved it" still like it."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    p = parser.parse("do u have titanic?")
    assert p.intents == ["about"] and [titles[i] for i in p.about] == ["Titanic"] and not p.liked
    assert [titles[i] for i in parser.parse("do you have anything like titanic?").liked] == ["Titanic"]
    assert [titles[i] for i in parser.parse("do you have titanic, loved it").liked] == ["Titanic"]


@pytest.mark.data
def test_names_a_person_at_the_page_types_on_movielens(ml100k_catalog):
    """"harry potter" is not Sally Potter (another first name before a surname is another
    person); "bogart" alone is Humphrey Bogart (the only Bogart, in seven films); "arnie" is
    Arnold; "fun too" is praise with an "also", not the complaint "too"."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("lotr and harry potter are my favs")
    assert not p.accepted
    assert parser.parse("something with bogart").accepted == [(C, "Humphrey Bogart")]
    assert parser.parse("an action film with arnie").accepted == [(G, "Action"), (C, "Arnold Schwarzenegger")]
    p = parser.parse("jurassic park 2 was fun too")
    assert [ml100k_catalog.titles[i] for i in p.liked] == ["Lost World: Jurassic Park, The"] and not p.disliked
    assert parser.parse("heat was too long").disliked


@pytest.mark.data
def test_like_a_film_but_more_of_a_genre_or_less_of_a_mood_on_movielens(ml100k_catalog):
    """Round seven's misses: "like Die Hard but funnier" gave any comedy (Monty Python, The
    Princess Bride); it is now a comedy of Die Hard's kind, one of its other genres. "like Heat
    but less violent" dropped "less violent" without a word (read as a complaint about Heat); it
    is now a wish beside the film. "I found Heat too violent" stays a complaint."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    p = parser.parse("something like Die Hard but funnier")
    assert [titles[i] for i in p.liked] == ["Die Hard"] and p.accepted == [(G, "Comedy")]
    assert p.alternatives == [((G, "Action"), (G, "Thriller"))]
    p = parser.parse("like titanic but a comedy")
    assert p.accepted == [(G, "Comedy")] and p.alternatives and (G, "Romance") in p.alternatives[0]
    assert not parser.parse("i loved die hard, now a comedy please").alternatives  # no "but": another wish
    p = parser.parse("something like Heat but less violent")
    assert [titles[i] for i in p.liked] == ["Heat"] and (G, "Horror") in p.rejected and p.soft == p.rejected
    p = parser.parse("Heat was too violent")
    assert not p.accepted and not p.alternatives


@pytest.mark.data
def test_more_ways_people_name_films_and_take_leave_on_movielens(ml100k_catalog):
    """Found by a helper talking to the running app: "alien 2" is Aliens (the base's plural fills
    the free number), "star wars 4" is Star Wars, "e.t." and "et" are E.T.; "have u got inception?"
    names a film the catalog lacks; "gotta go, bye" is a farewell and "hey im back" a greeting,
    neither a search."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    for text, title in (("alien 2 is the best one", "Aliens"), ("star wars 4 is my favourite", "Star Wars"),
                        ("e.t.", "E.T. the Extra-Terrestrial"), ("i loved et", "E.T. the Extra-Terrestrial")):
        p = parser.parse(text)
        assert [titles[i] for i in p.liked] == [title] and not p.unknown_titles and not p.intents, text
    assert parser.parse("have u got inception?").unknown_titles == ["inception"]
    assert parser.parse("do you have anything with tom hanks").accepted == [(C, "Tom Hanks")]
    for text in ("gotta go, bye", "ok thanks, bye", "see you later"):
        p = parser.parse(text)
        assert p.intents == ["bye"] and not p.wish, text
    p = parser.parse("hey im back")
    assert p.intents == ["greeting"] and not p.wish
    assert "bye" not in parser.parse("later films please").intents
    assert not parser.parse("ugh no, i hate singing lol").disliked  # a real word is no slip of "shining"
    assert parser.parse("long day at work, just want something funny").accepted == [(G, "Comedy")]


@pytest.mark.data
def test_a_heros_name_and_slang_praise_name_films_on_movielens(ml100k_catalog):
    """Found by a helper talking to the running app: "indiana jones" is the film titled after
    him ("… and the Last Crusade"), so "not star wars or indiana jones" sets both aside; "looks
    fire" praises the film it follows; "an old man" is no film ("The Old Man and the Sea")."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    p = parser.parse("not star wars or indiana jones")
    assert sorted(titles[i] for i in p.not_now) == ["Indiana Jones and the Last Crusade", "Star Wars"]
    assert [titles[i] for i in parser.parse("the speed one looks fire").liked] == ["Speed"]
    assert parser.parse("the second one looks fire").pick == (1, "like")  # a card by its place, in slang
    assert [titles[i] for i in parser.parse("willy wonka was my fav as a kid").liked] == [
        "Willy Wonka and the Chocolate Factory"]
    assert not parser.parse("an old man and his dog").liked
    assert parser.parse("lotr and harry potter are my favs").unknown_titles == ["lotr", "harry potter"]


@pytest.mark.data
def test_more_questions_and_openers_people_type_on_movielens(ml100k_catalog):
    """Found by a fourth helper: "who's in the fourth" (a place with no "one" after it), "is
    apollo 13 long?", "how long" alone and "whats it rated" are questions about a film;
    "ok the 2nd one looks good, thx!" likes it and says goodbye; "lol no something w tom hanks"
    asks for Tom Hanks (a leading "no" before a new wish is no negation); "funnier" and "a
    good laugh" are comedy."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    assert parser.parse("who's in the fourth").pick == (3, "about")
    assert parser.parse("why 2?").pick == (1, "why")  # found by a fifth helper: it explained the first card
    assert parser.parse("seen the 2nd").pick == (1, "seen")
    p = parser.parse("is apollo 13 long?")
    assert p.intents == ["about"] and [titles[i] for i in p.about] == ["Apollo 13"] and not p.accepted
    for text in ("how long", "whats it rated", "what year"):
        p = parser.parse(text)
        assert p.intents == ["about"] and not p.about and not p.accepted, text
    p = parser.parse("ok the 2nd one looks good, thx!")
    assert p.pick == (1, "like") and p.intents == ["bye"]
    p = parser.parse("lol no something w tom hanks")
    assert p.accepted == [(C, "Tom Hanks")] and not p.rejected
    assert parser.parse("no more thrillers").rejected == [(G, "Thriller")]
    assert parser.parse("just want a good laugh").accepted == [(G, "Comedy")]
    assert (G, "Comedy") in parser.parse("something like heat but funnier").accepted


@pytest.mark.data
def test_children_an_age_alone_and_small_talk_on_movielens(ml100k_catalog):
    """A sixth helper: "hes 8" is a child's age; "less scary for my son" rules out films rated R;
    "whats the weather like" is no wish; "the best comedy" is not *The Pest*."""
    parser = Parser(ml100k_catalog)
    kids, adult = (G, "Children's"), [("mpaa", "rated R"), ("mpaa", "rated NC-17")]
    for text in ("hes 8", "she's only 6 years old", "they're 7 and 9", "movie night w my son, hes 6"):
        assert kids in parser.parse(text).accepted, text
    for text in ("less scary for my son", "a comedy to watch with my daughter", "shes 14"):
        p = parser.parse(text)
        assert set(adult) <= set(p.rejected) and set(adult) <= set(p.soft) and kids not in p.accepted, text
    assert not set(adult) & set(parser.parse("he is 40").rejected)
    for text in ("whats the weather like", "what's the time", "how's the weather in paris", "tell me a joke"):
        assert parser.parse(text).intents == ["off_topic"], text
    for text in ("what's the time machine like", "whats the best comedy you have", "what's the day after tomorrow",
                 "whats the forecast for tonight, i want a scary movie", "what day is it? i want groundhog day",
                 "tell me a joke and then a comedy", "do you know the time traveler's wife"):
        assert "off_topic" not in parser.parse(text).intents, text
    for text in ("I loved a film for my son's birthday", "a romantic comedy to watch with my girl",
                 "a comedy with the kid from home alone", "the one with the girl who talks to ghosts"):
        assert not set(adult) & set(parser.parse(text).rejected), text
    assert kids not in parser.parse("they're 7 and 15").accepted  # the older child counts
    # round seven: someone watching too who hates a star rules them out; a film proposed is asked about
    assert parser.parse("my wife hates julia roberts").rejected == [("cast", "Julia Roberts")]
    p = parser.parse("what about titanic")
    assert p.intents == ["about"] and [ml100k_catalog.titles[i] for i in p.about] == ["Titanic"]
    assert parser.parse("k").empty and not parser.parse("ugh").wish
    assert parser.parse("80s onwards").alternatives == [(("decade", "1980s"), ("decade", "1990s"))]
    assert parser.parse("no oldies").era == "newer"
    assert ("cast", "Robert De Niro") in parser.parse("de nero gangster films").accepted
    assert parser.parse("something that will scare the pants off me").accepted == [(G, "Horror")]
    assert parser.parse("i need an adrenaline rush").alternatives == [((G, "Action"), (G, "Thriller"))]
    assert parser.parse("just show me best picture winners").accepted == [("oscar", "Oscar winner")]
    assert (("critics", "critics' favourite"), ("critics", "well reviewed")) in parser.parse(
        "show me top rated sci fi from the 70s and 80s").alternatives
    assert parser.parse("sumthing scarey from the 80s").accepted == [(G, "Horror"), ("decade", "1980s")]
    assert parser.parse("scream is mid whats else").disliked and not parser.parse("the mid 90s").disliked
    assert parser.parse("something that won't scare me").rejected == [(G, "Horror")]
    assert not parser.parse("a western, no spaghetti westerns").alternatives
    assert parser.parse("80s plus a romance").accepted == [("decade", "1980s"), (G, "Romance")]
    assert not Parser(ml100k_catalog, english=["kids"]).parse("what about the kids").about  # no film *Kids*
    assert kids in parser.parse("he's 12 and loves action").accepted  # an age opening the message
    assert parser.parse("let's do the second one").pick == (1, "like")
    p = parser.parse("we'll watch titanic another time")  # not now, and no like
    assert not p.liked and [ml100k_catalog.titles[i] for i in p.not_now] == ["Titanic"]
    assert parser.parse("fargo was great but not tonight").liked
    assert not parser.parse("ugh, i already said no scary stuff").wish
    spaghetti = parser.parse("spagetti westerns")
    assert spaghetti.accepted == [(G, "Western")] and spaghetti.alternatives == [(("country", "Italy"),
                                                                                  ("language", "Italian"))]
    english = Parser(ml100k_catalog, english=["best", "funny", "comedy"])  # the encoder's words, in the app
    assert english.parse("whats the best comedy you have").liked == []  # an ordinary word after "the"
    assert [ml100k_catalog.titles[i] for i in english.parse("the pest was funny").liked] == ["Pest, The"]


@pytest.mark.parametrize("text,verdicts", [
    ("seen the first, the second looks good", [([0], "seen"), ([1], "like")]),
    ("nice the 2nd one. seen the 1st", [([1], "like"), ([0], "seen")]),
    ("the 4th one I've seen, the 1st one too", [([3], "seen"), ([0], "seen")]),
])
def test_verdicts_on_cards_by_place_reach_each_card(parser, text, verdicts):
    """Round seven: two judgements in one message went to the wrong cards."""
    assert parser.parse(text).verdicts == verdicts


@pytest.mark.data
def test_remarks_on_films_named_round_seven_on_movielens(ml100k_catalog):
    """The seventh helper's table: a title's own words say nothing of it ("the bad and the
    ugly"); a year that is part of a title is no era; "with the kids" names no film *Kids*;
    "again" says the film was seen; "too long for a weeknight" is not now, no wish; "seen both,
    love both" reaches the films before it; "none of these, something with more action" turns
    the list down and says what instead."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles

    def names(items):
        return sorted(titles[i] for i in items)

    p = parser.parse("the good the bad and the ugly is the greatest western ever made")
    assert names(p.liked) == ["Good, The Bad and The Ugly, The"] and not p.disliked and not p.accepted
    p = parser.parse("blues brothers is a classic but blues brothers 2000 was awful")
    assert names(p.liked) == ["Blues Brothers, The"] and names(p.disliked) == ["Blues Brothers 2000"]
    assert p.era is None
    assert names(parser.parse("watched babe with the kids last night, they loved it").seen) == ["Babe"]
    p = parser.parse("not titanic again pls, my gf makes me watch it every month")
    assert names(p.seen) == names(p.not_now) == ["Titanic"]
    assert not parser.parse("not the godfather, I've seen it a million times").not_now  # seen, that is all
    p = parser.parse("amadeus is a masterpiece but way too long for a weeknight")
    assert names(p.liked) == names(p.not_now) == ["Amadeus"] and not p.wish and not p.rejected
    p = parser.parse("dead man walking and leaving las vegas, both too depressing for tonight")
    assert names(p.not_now) == ["Dead Man Walking", "Leaving Las Vegas"] and not p.liked and not p.wish
    assert not parser.parse("loved fargo, something funny for tonight").not_now  # an occasion, not a verdict
    p = parser.parse("goodfellas and casino, seen both, love both")
    assert names(p.seen) == names(p.liked) == ["Casino", "GoodFellas"] and not p.wish
    p = parser.parse("mm not feeling any of these, something with more action")
    assert p.intents == ["something_else"] and p.accepted == [(G, "Action")] and not p.wish
    assert parser.parse("nah none of them, and make it older").intents == ["no", "something_else"]
    assert parser.parse("haha seen every single one, u need better films").intents == ["seen_all"]
    # (round seven, continued) an initialism keeps its full stops; no preference and "show me" is films now
    p = parser.parse("I don't want to watch E.T. right now")
    assert names(p.not_now) == ["E.T. the Extra-Terrestrial"] and not p.wish
    p = parser.parse("not lion king or aladdin tonight, the kids have seen them to death")
    assert names(p.not_now) == names(p.seen) == ["Aladdin", "Lion King, The"]
    assert not parser.parse("not jurassic park, too scary for my youngest").wish
    assert parser.parse("musicles from the 50s").accepted == [(G, "Musical"), ("decade", "1950s")]  # not "muscles"
    assert parser.parse("steer away from anything the critics panned").rejected == [("critics", "poorly reviewed")]
    p = parser.parse("ditch the kids requirement, they went to bed")
    assert p.dropped == [(G, "Children's")] and not p.wish
    p = parser.parse("delicatessen and city of lost children, jeunet is a genius")  # praise, no wish for him
    assert names(p.liked) == ["City of Lost Children, The", "Delicatessen"] and not p.accepted and not p.wish
    assert not parser.parse("liar liar and the mask, jim carrey at his best").accepted
    assert parser.parse("loved fargo, something with jim carrey").accepted == [("cast", "Jim Carrey")]
    p = parser.parse("do you have lion king 2? my kids loved the first one")  # the first film, not the first card
    assert names(p.liked) == ["Lion King, The"] and p.pick is None and not p.intents
    assert names(parser.parse("godfather 2 is even better than the first one").liked) == [
        "Godfather, The", "Godfather: Part II, The"]
    assert parser.parse("the first one looks good").pick == (0, "like")
    assert parser.parse("anything like goldfinger?").unknown_titles == ["goldfinger"]  # a film ML-100K lacks
    p = parser.parse("saving private ryan wrecked me")  # 1998: not in MovieLens 100K
    assert p.unknown_titles == ["saving private ryan"] and not p.wish
    p = parser.parse("double indemnity is peak noir")  # a film the catalog lacks, and what it is
    assert p.unknown_titles == ["double indemnity"] and not p.accepted and not p.wish


def test_a_film_as_a_model_and_films_set_against_each_other_on_movielens(ml100k_catalog):
    """"titanic vibes", "fargo-esque", "in the vein of fargo", "a la heat" ask for films like the
    one named (and no search phrase is left over), where "90s-ish" is only an era; "anime" is
    Japanese animation, "no anime" turns animation down and asks for no country; a film beside
    another film's verdict after "but" takes the other verdict ("X is fine but Y was rubbish")."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles

    def liked(text):
        p = parser.parse(text)
        assert not p.wish, text
        return [titles[i] for i in p.liked]

    assert liked("something with titanic vibes") == ["Titanic"]
    assert liked("give me fargo vibes") == liked("fargo-esque") == liked("anything in the vein of fargo") == ["Fargo"]
    assert liked("something a la heat") == liked("along the lines of heat") == ["Heat"]
    p = parser.parse("something 90s-ish")
    assert p.accepted == [("decade", "1990s")] and not p.liked
    japanese = (("country", "Japan"), ("language", "Japanese"))
    p = parser.parse("more anime like that")
    assert p.accepted == [(G, "Animation")] and p.alternatives == [japanese]
    p = parser.parse("no anime please")
    assert p.rejected == [(G, "Animation")] and not p.alternatives
    p = parser.parse("home alone is fine but home alone 3 was rubbish")
    assert [titles[i] for i in p.liked] == ["Home Alone"] and [titles[i] for i in p.disliked] == ["Home Alone 3"]
    p = parser.parse("fargo and heat, but alien was boring")
    assert sorted(titles[i] for i in p.liked) == ["Fargo", "Heat"] and [titles[i] for i in p.disliked] == ["Alien"]


def test_emoji_slang_hedges_and_fresh_starts_round_eight_on_movielens(ml100k_catalog):
    """The eighth helper's table: a thumb up or down is yes / no, or a verdict on the film beside
    it; "nah mate", "aye" are no and yes; a hedge ("the 80s i guess", "comedy probably") leaves no
    search phrase; "new plan: ...", "blank slate" start afresh; "ctrl z lol", "instructions?",
    "whats the logic" are undo, help and why; "a snooze fest", "trash", "a joke" are verdicts."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    assert parser.parse("\U0001F44D").intents == ["yes"] and parser.parse("\U0001F44E").intents == ["no"]
    p = parser.parse("stand by me \U0001F44D carrie \U0001F44E apt pupil \U0001F44D")
    assert sorted(titles[i] for i in p.liked) == ["Apt Pupil", "Stand by Me"] and [titles[i] for i in p.disliked] == [
        "Carrie"]
    assert parser.parse("nah mate").intents == ["no"] and parser.parse("aye").intents == ["yes"]
    assert parser.parse("sure thing").intents == ["yes"]
    for text, value in (("the 80s i guess", ("decade", "1980s")), ("comedy probably", (G, "Comedy"))):
        p = parser.parse(text)
        assert p.accepted == [value] and not p.wish, text
    p = parser.parse("new plan: my parents are coming round, something they'd like from the 60s")
    assert p.intents[0] == "restart" and p.accepted == [("decade", "1960s")]
    assert parser.parse("blank slate pls").intents == ["restart"]
    assert parser.parse("ctrl z lol").intents == ["undo"] and parser.parse("instructions?").intents == ["help"]
    assert parser.parse("whats the logic").intents == ["why"] and parser.parse("whatevs").intents == ["any"]
    assert parser.parse("heya bot").intents == ["greeting"]
    for text in ("evita was a snooze fest", "robocop 3 was trash", "jaws 3-d was a joke tho"):
        assert parser.parse(text).disliked and not parser.parse(text).liked, text
    p = parser.parse("ooh number 3!! \U0001F60D")
    assert p.pick == (2, "like") and not p.wish


def test_corrections_drops_and_scarier_round_eight_on_movielens(ml100k_catalog):
    """"i meant the 70s not the 60s" takes a slip back (dropped, not disliked); "the italian bit
    ..., bin it" drops the either-or it named; "fine with subtitles now" drops the no-subtitles
    wish; "scarier", "terrifying" are horror and "a pick me up" a comedy; "nothing with aliens"
    names no film *Aliens*; an hour and a half is a runtime."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("sorry i meant the 70s not the 60s")
    assert p.accepted == [("decade", "1970s")] and p.dropped == [("decade", "1960s")] and not p.rejected
    p = parser.parse("wait i meant michael keaton not michael douglas")
    assert p.accepted == [("cast", "Michael Keaton")] and p.dropped == [("cast", "Michael Douglas")]
    p = parser.parse("the italian bit was just a thought, bin it")
    assert set(p.dropped) == {("country", "Italy"), ("language", "Italian")} and not p.alternatives
    assert parser.parse("actually she's fine with subtitles now").dropped == [("language", "English")]
    assert parser.parse("scarier!!").accepted == [(G, "Horror")]
    assert parser.parse("something properly terrifying").accepted == [(G, "Horror")]
    assert parser.parse("need a pick me up").accepted == [(G, "Comedy")]
    p = parser.parse("no sci-fi, no fantasy, nothing with aliens or wizards")
    assert not p.not_now and set(p.rejected) == {(G, "Sci-Fi"), (G, "Fantasy")}
    p = parser.parse("shorter than that pls, under an hour and a half")
    assert p.accepted == [("runtime", "under 90 minutes")] and not p.wish
    assert parser.parse("nothing with gary oldman, he creeps me out").rejected == [("cast", "Gary Oldman")]


def test_two_values_of_one_kind_joined_by_or_are_either_or_on_movielens(ml100k_catalog):
    """Found by a helper over HTTP: "Something with Al Pacino or Robert De Niro" asked for films
    with both ("I don't know of a film with Al Pacino and Robert De Niro"). "X or Y" of one kind
    is an either-or group; "X and Y" stays both; "no X or Y" turns each down."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("Something with Al Pacino or Robert De Niro")
    assert p.alternatives == [(("cast", "Al Pacino"), ("cast", "Robert De Niro"))] and not p.accepted
    p = parser.parse("need something long, over 2 hours, war or western")
    assert p.accepted == [("runtime", "over 2 hours")] and p.alternatives == [((G, "War"), (G, "Western"))]
    assert parser.parse("comedy and drama").accepted == [(G, "Comedy"), (G, "Drama")]
    p = parser.parse("a thriller but no tom cruise or nicole kidman")
    assert p.rejected == [("cast", "Tom Cruise"), ("cast", "Nicole Kidman")] and not p.alternatives


def test_a_length_beside_a_complaint_is_a_complaint_on_movielens(ml100k_catalog):
    """Found by a helper over HTTP: "I hated Titanic and The English Patient. long boring
    romances." was acknowledged as "Got it: over 2 hours" and brought five long films."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("long boring romances. give me something with some energy")
    assert ("runtime", "over 2 hours") in p.rejected and ("runtime", "over 2 hours") not in p.accepted
    assert parser.parse("something long").accepted == [("runtime", "over 2 hours")]


def test_too_much_for_a_weekday_night_is_not_now_on_movielens(ml100k_catalog):
    """The eighth helper's table: "apocalypse now is too heavy for a tuesday night" rules the
    film out for now (it was disliked, and "night" read as the actress Tuesday Knight); "the
    cheesier the better" is no horror."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("apocalypse now is too heavy for a tuesday night")
    assert [ml100k_catalog.titles[i] for i in p.not_now] == ["Apocalypse Now"] and not p.disliked
    p = parser.parse("just show me a bunch of 80s comedies, the cheesier the better")
    assert set(p.accepted) == {("decade", "1980s"), (G, "Comedy")}


def test_cards_by_range_on_movielens(ml100k_catalog):
    """The eighth helper's table: "watched 1-3 already, 4 looks meh" names cards 1 to 3 (it was
    read as *Naked Gun 33 1/3*); lengths and scores are no range ("2-3 hours")."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("watched 1-3 already, 4 looks meh")
    assert p.verdicts == [([0, 1, 2], "seen"), ([3], "dislike")] and not (p.seen or p.disliked)
    assert parser.parse("2 to 4 look good").places == [1, 2, 3]
    assert parser.parse("something 2-3 hours long").pick is None


def test_cards_asked_about_swapped_and_compared_round_eight_on_movielens(ml100k_catalog):
    """The eighth helper's table: "how is number 4 a comedy?? explain" asks for card 4's
    reasons; "number 3 looks grim, swap it" turns card 3 down (no kind of film dropped);
    "similar to the 3rd but ..." names a card, no film "the 3rd"; "post 1980" is the 80s on."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("how is number 4 a comedy?? explain")
    assert p.pick == (3, "why") and p.intents == ["why"] and not p.accepted
    p = parser.parse("number 3 looks grim, swap it")
    assert p.pick == (2, "dislike") and not p.dropped and not p.accepted
    p = parser.parse("similar to the 3rd but with a strong female lead")
    assert p.pick == (2, "more") and not p.unknown_titles
    assert parser.parse("nah too old, anything post 1980?").alternatives == [
        (("decade", "1980s"), ("decade", "1990s"))]


def test_verdicts_in_other_words_round_eight_on_movielens(ml100k_catalog):
    """The eighth helper's table: "neither did much for me" dislikes the films before it (and
    "2001" in *2001: A Space Odyssey* is no wish for the newest films); "we've already done
    jumanji and matilda" has seen them; "did much for me" alone is no dislike."""
    parser = Parser(ml100k_catalog)
    titles = ml100k_catalog.titles
    p = parser.parse("seen clockwork orange and 2001 a space odyssey, neither did much for me")
    assert sorted(titles[i] for i in p.disliked) == ["2001: A Space Odyssey", "Clockwork Orange, A"]
    assert p.era is None
    p = parser.parse("we've already done jumanji and matilda this week")
    assert sorted(titles[i] for i in p.seen) == ["Jumanji", "Matilda"] and not p.wish
    assert not parser.parse("fargo did much for me").disliked
    assert parser.parse("im done with horror").rejected == [(G, "Horror")]


def test_plain_phrasings_round_nine_on_movielens(ml100k_catalog):
    """The ninth helper's table (dev9): "yeah sure, why not" is yes and "definitely not" no;
    "i'm lost, what do i do" asks for help; "take back what i just said" is undo; "doesn't
    matter, just not a musical" is no preference and no musicals (but "im not picky, a comedy
    works" answers comedy); "musicals are not for me", "action is a hard no" turn a kind down;
    "no tearjerkers" rules out drama only; "30s or 40s would work" leaves no search phrase."""
    parser = Parser(ml100k_catalog)
    assert parser.parse("yeah sure, why not").intents == ["yes"]
    assert parser.parse("definitely not").intents == ["no"]
    assert parser.parse("i'm lost, what do i do").intents == ["help"]
    assert parser.parse("take back what i just said").intents == ["undo"]
    p = parser.parse("doesn't matter, just not a musical")
    assert p.intents == ["any"] and p.rejected == [(G, "Musical")]
    p = parser.parse("im not picky, a comedy works")
    assert "any" not in p.intents and p.accepted == [(G, "Comedy")]
    assert parser.parse("musicals are not for me").rejected == [(G, "Musical")]
    p = parser.parse("romance is fine but no tearjerkers")
    assert p.accepted == [(G, "Romance")] and p.rejected == [(G, "Drama")]
    p = parser.parse("30s or 40s would work")
    assert p.alternatives == [(("decade", "1930s"), ("decade", "1940s"))] and not p.wish
    assert parser.parse("i'm not fussed about it being from the 90s anymore").dropped == [("decade", "1990s")]


def test_people_named_as_who_is_in_the_film_are_no_wish_on_movielens(ml100k_catalog):
    """The ninth helper's table: "the african queen with bogart and hepburn is lovely" likes
    the film; the stars named are who is in it, not a wish for more of them. Asking for more
    ("any other westerns with val kilmer?") keeps them."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("the african queen with bogart and hepburn is lovely")
    assert [ml100k_catalog.titles[i] for i in p.liked] == ["African Queen, The"] and not p.accepted
    p = parser.parse("true romance, christian slater and patricia arquette, perfection")
    assert not p.accepted and not p.wish
    assert ("cast", "Val Kilmer") in parser.parse("loved tombstone, any other westerns with val kilmer?").accepted
    assert parser.parse("loved fargo, something with jim carrey").accepted == [("cast", "Jim Carrey")]


def test_goodbyes_with_thanks_and_several_cards_judged_on_movielens(ml100k_catalog):
    """Found by a second helper over HTTP: "thanks, that's great, bye!", "Wonderful, thank you so
    much for your help. Good night.", "cool merci", "bet ty" started a new search; "I'd go for
    the 3rd. Thanks for the help!" lost the pick. "the first two look good, the third not so
    much" rejected the two liked; "the 4th one and the 5th are not for me, but 2 looks good" and
    "seen 4 already. 5 is meh" judged only one card."""
    parser = Parser(ml100k_catalog)
    for text in ("thanks, that's great, bye!", "Wonderful, thank you so much for your help. Good night.",
                 "cool merci", "alright, danke!", "bet ty"):
        assert parser.parse(text).intents == ["bye"], text
    assert parser.parse("thanks, any comedies?").accepted == [(G, "Comedy")]
    p = parser.parse("I'd go for the 3rd. Thanks for the help!")
    assert p.pick == (2, "like") and "bye" in p.intents
    assert parser.parse("the first two look good, the third not so much").verdicts == [
        ([0, 1], "like"), ([2], "dislike")]
    assert parser.parse("the 4th one and the 5th are not for me, but 2 looks good").verdicts == [
        ([3, 4], "dislike"), ([1], "like")]
    assert parser.parse("seen 4 already. 5 is meh").verdicts == [([3], "seen"), ([4], "dislike")]
    assert parser.parse("2 & 5 r mid, 3 looks sick tho").verdicts == [([1, 4], "dislike"), ([2], "like")]


def test_an_or_opening_the_next_clause_is_either_or_on_movielens(ml100k_catalog):
    """Found by a second helper over HTTP: "maybe a comedy? or animation" asked for both."""
    parser = Parser(ml100k_catalog)
    assert parser.parse("maybe a comedy? or animation").alternatives == [((G, "Comedy"), (G, "Animation"))]
    assert parser.parse("a comedy, and from the 90s").accepted == [(G, "Comedy"), ("decade", "1990s")]
    assert not parser.parse("something fun for the kids, maybe like the Disney ones").unknown_titles  # a kind


def test_more_like_a_card_in_other_words_round_nine_on_movielens(ml100k_catalog):
    """The ninth helper's table: "got any more along the lines of number 3?", "number 3 is the
    vibe, more like that" ask for more like card 3; "philidelphia is such a powerful film" praises
    *Philadelphia*."""
    parser = Parser(ml100k_catalog)
    assert parser.parse("got any more along the lines of number 3?").pick == (2, "more")
    assert parser.parse("number 3 is the vibe, more like that").pick == (2, "more")
    assert [ml100k_catalog.titles[i] for i in parser.parse("philadelphia is such a powerful film").liked] == [
        "Philadelphia"]


def test_everyday_limits_and_refusals_round_nine_on_movielens(ml100k_catalog):
    """The ninth helper's table: "nothing over an hour and a half", "action is a hard no
    tonight", "not american please, i want something different", "i want to laugh my head off"."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("nothing over an hour and a half, early start tomorrow")
    assert p.accepted == [("runtime", "under 90 minutes")] and not p.wish
    p = parser.parse("action is a hard no tonight")
    assert p.rejected == [(G, "Action")] and not p.wish
    assert not parser.parse("not american please, i want something different").wish
    p = parser.parse("i want to laugh my head off")
    assert p.accepted == [(G, "Comedy")] and not p.wish


@pytest.mark.data
def test_films_judged_with_chatter_series_and_slips_round_ten_on_movielens(ml100k_catalog):
    """The eighth and ninth helpers' tables, worked in a tenth round: the series' first film the
    catalog lacks ("robocop" is not *Robocop 3*, "beverly hills cop" no Beverly Wills), a subtitle
    beside its series ("alien 3 and resurrection"), "the original Grease" beside *Grease 2*, chatter
    after a verdict is no wish, "ghandi" by ear, "finish" is no Finnish and "dad loves" no *Mad Love*."""
    english = ["finish", "dad", "love", "loves", "hills", "great", "escape", "which", "even"]
    parser = Parser(ml100k_catalog, english=frozenset(english))
    t = ml100k_catalog.titles

    def films(p):
        return {k: sorted(t[i] for i in getattr(p, k)) for k in ("liked", "disliked", "seen") if getattr(p, k)}

    p = parser.parse("robocop was a classic but robocop 3 was trash")
    assert films(p) == {"disliked": ["Robocop 3"]} and p.unknown_titles == ["robocop"]
    p = parser.parse("eddie murphy in beverly hills cop = legend")
    assert ("cast", "Beverly Wills") not in p.accepted
    assert films(parser.parse("alien 3 and resurrection were both a mess")) == {
        "disliked": ["Alien 3", "Alien: Resurrection"]}
    assert films(parser.parse("Grease 2 was awful, the original Grease is a classic though")) == {
        "liked": ["Grease"], "disliked": ["Grease 2"]}
    for text in ("heathers is my comfort film, so dark lol", "taxi driver is a masterpiece, you talkin to me?"):
        p = parser.parse(text)
        assert p.liked and not p.wish, text
    assert parser.parse("heathers is my comfort film, want more teen angst").wish  # asked for more
    p = parser.parse("ghandi was long but worth it")
    assert films(p) == {"liked": ["Gandhi"]} and not p.accepted  # a long film liked, no wish for long ones
    p = parser.parse("men in tights is funnier than prince of thieves, which i couldnt even finish")
    assert ("language", "Finnish") not in p.accepted
    assert "Mad Love" not in films(parser.parse("my dad loves the great escape")).get("liked", [])
    p = parser.parse("kill bill and jackie brown are my top tarantino films")
    assert films(p) == {"liked": ["Jackie Brown"]} and p.unknown_titles == ["kill bill"] and not p.accepted


@pytest.mark.data
def test_ratings_with_a_child_subtitles_and_writers_round_ten_on_movielens(ml100k_catalog):
    """More of the eighth and ninth helpers' tables: a rating asked for says what suits the child
    (no Children's genre, no rating ruled out besides); "G or PG"; a film watched with a niece
    asks for nothing; "nah too old" is a no and newer films; "subtitles are a no" is English;
    "based on <writer> books" leaves no wish; a reason after a refusal is no wish."""
    parser = Parser(ml100k_catalog, english=frozenset({"books", "based", "been", "times", "many"}))
    p = parser.parse("only G or PG please, my son is 8")
    assert p.alternatives == [(("mpaa", "rated G"), ("mpaa", "rated PG"))] and not p.accepted and not p.rejected
    p = parser.parse("oh and it has to be PG, my niece is 9")
    assert p.accepted == [("mpaa", "rated PG")] and not p.rejected
    p = parser.parse("watched snow white with my niece yesterday")
    assert p.seen and not (p.rejected or p.accepted or p.wish)
    assert parser.parse("something less scary for my niece").rejected  # a wish for her still rules out R
    p = parser.parse("nah too old, anything post 1980?")
    assert "no" in p.intents and p.alternatives == [(("decade", "1980s"), ("decade", "1990s"))]
    assert parser.parse("these are too old").era == "newer"
    for text in ("subtitles are a no from me", "i hate subtitles"):
        p = parser.parse(text)
        assert p.accepted == [("language", "English")] and not (p.unknown_titles or p.wish), text
    p = parser.parse("nothing based on michael crichton books")
    assert p.rejected == [("writer", "Michael Crichton")] and not p.wish
    p = parser.parse("no french films pls, been to paris too many times lol")
    assert p.rejected and not p.wish
    p = parser.parse("actually she's fine with subtitles now")
    assert p.dropped == [("language", "English")] and not p.wish


@pytest.mark.data
def test_remarks_with_people_questions_to_the_chat_and_loose_titles_round_ten_on_movielens(ml100k_catalog):
    """Round ten, last part: "have you seen fargo?" asks the chat (the film's facts), not a film
    the person saw; "spinal tap goes to 11" names *This Is Spinal Tap*; people praised after
    their films ("newman and redford are the best duo", Newman being many people's surname) or
    named in a remark on the film judged ("sean connery as a dragon lol") are no wish."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    p = parser.parse("have you seen fargo")
    assert p.intents == ["about"] and [t[i] for i in p.about] == ["Fargo"] and not p.seen
    assert [t[i] for i in parser.parse("spinal tap goes to 11 lol, love it").liked] == ["This Is Spinal Tap"]
    p = parser.parse("the sting and butch cassidy, newman and redford are the best duo")
    assert len(p.liked) == 2 and not (p.accepted or p.wish)
    p = parser.parse("dragonheart was naff, sean connery as a dragon lol")
    assert [t[i] for i in p.disliked] == ["Dragonheart"] and not (p.accepted or p.wish)
    assert parser.parse("loved the rock, more sean connery please").accepted == [("cast", "Sean Connery")]


@pytest.mark.data
def test_titles_spelt_out_initials_and_cards_by_word_round_eleven_on_movielens(ml100k_catalog):
    """The tenth helper's development table: "dumb and dumber" is *Dumb & Dumber*, "sunset
    boulevard" *Sunset Blvd.*, "a disaster" a dislike; "william h. macy" is one name (the initial's
    full stop ends no clause); "whoops" is no Whoopi Goldberg; "number four" is card 4; "seen 1 2
    and 3" are three cards, not *8 1/2*."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    assert [t[i] for i in parser.parse("dumb and dumber had me crying laughing").liked] == ["Dumb & Dumber"]
    p = parser.parse("batman returns is the best batman, batman and robin was a disaster")
    assert [t[i] for i in p.liked] == ["Batman Returns"] and [t[i] for i in p.disliked] == ["Batman & Robin"]
    assert "Sunset Blvd." in [t[i] for i in parser.parse("seen sunset boulevard, brilliant").liked]
    assert parser.parse("is there one with william h. macy in it?").accepted == [("cast", "William H. Macy")]
    p = parser.parse("whoops wrong button, undo")
    assert p.intents == ["undo"] and not p.accepted
    p = parser.parse("let's go with number four")
    assert p.pick == (3, "like") and not p.unknown_titles
    p = parser.parse("i've seen 1 2 and 3")
    assert p.places == [0, 1, 2] and not p.seen


@pytest.mark.data
def test_moods_limits_for_tonight_and_small_answers_round_eleven_on_movielens(ml100k_catalog):
    """Round eleven, second part: "i want my heart broken" is Drama, "a gritty cop film" Crime; "a
    bit long for tonight" rules the film out for now (no wish for long films), "a bit much for me"
    is a dislike, "a bit long but great" a like; "not really my thing" is a no; "what would you
    put on tonight?" asks for films."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    assert parser.parse("i want my heart broken tonight").accepted == [(G, "Drama")]
    assert parser.parse("a gritty cop film").accepted == [(G, "Crime")]
    p = parser.parse("lawrence of arabia is a bit long for tonight")
    assert [t[i] for i in p.not_now] == ["Lawrence of Arabia"] and not (p.accepted or p.liked or p.disliked)
    assert [t[i] for i in parser.parse("the crying game was a bit much for me").disliked] == ["Crying Game, The"]
    assert [t[i] for i in parser.parse("heat was a bit long but great").liked] == ["Heat"]
    assert parser.parse("not really my thing").intents == ["no"]
    assert parser.parse("what would you put on tonight?").intents == ["more"]


@pytest.mark.data
def test_setting_reasons_and_waived_types_round_eleven_on_movielens(ml100k_catalog):
    """Round eleven, third part: "set in vietnam" is where the story is (a wish), not where the
    film was made; "it's been a long week" is a reason; "not aimed at kids" rules out children's
    films; "not fussed about the decade" waives the era and leaves no wish, while "forget the
    decade, something with submarines" keeps the submarines as the wish."""
    parser = Parser(ml100k_catalog, english=frozenset({"aimed", "set", "week", "ghosts", "fussed", "submarines"}))
    p = parser.parse("a war film set in vietnam")
    assert p.accepted == [(G, "War")] and not p.alternatives and p.wish
    p = parser.parse("something to make me laugh, it's been a long week")
    assert p.accepted == [(G, "Comedy")] and not p.wish
    p = parser.parse("something funny, but not aimed at kids")
    assert p.rejected == [(G, "Children's")] and not p.wish
    p = parser.parse("not fussed about the decade, just nothing animated")
    assert p.dropped_types == ["decade"] and p.rejected == [(G, "Animation")] and not p.wish
    p = parser.parse("forget the decade, something with submarines")
    assert p.dropped_types == ["decade"] and p.wish
    p = parser.parse("forget the decade, something with ghosts")  # (ghosts are horror since 2026-12-05)
    assert p.dropped_types == ["decade"] and p.accepted == [(G, "Horror")]


@pytest.mark.data
def test_a_fresh_start_then_a_wish_leaves_no_search_round_eleven_on_movielens(ml100k_catalog):
    """"ok let's start over, something with sean penn": afresh, with Sean Penn, and nothing to
    search for (the words that start over are no wish)."""
    p = Parser(ml100k_catalog).parse("ok let's start over, something with sean penn")
    assert p.intents == ["restart"] and p.accepted == [("cast", "Sean Penn")] and not p.wish


@pytest.mark.data
@pytest.mark.parametrize("text,title", [
    ("ok casper. bye", "Casper"), ("good. stargate i watch. bye", "Stargate"),
    ("ok i take the fugitive. thank you very much, bye", "Fugitive, The"),
    ("i watch cyrano. goodbye and thank you", "Cyrano de Bergerac"),
    ("Fine. The Shining it is. Goodbye.", "Shining, The"), ("Das Boot it is. Goodbye.", "Boot, Das"),
    ("Philadelphia. Thanks, that's me done \u2014 bye", "Philadelphia"),
    ("The Philadelphia Story, then. Cheers, bye.", "Philadelphia Story, The"),
])
def test_a_film_chosen_by_name_then_goodbye(ml100k_catalog, text, title):
    """Found by a third person over HTTP: 8 of 21 goodbyes that chose a film by name searched
    for their words ("casper bye", "shining goodbye") and showed five new films."""
    p = Parser(ml100k_catalog).parse(text)
    assert p.intents == ["bye"] and [ml100k_catalog.titles[i] for i in p.liked] == [title] and not p.wish


@pytest.mark.data
def test_questions_about_films_in_other_words_are_no_wishes_on_movielens(ml100k_catalog):
    """Found by a third person over HTTP: questions were read as wishes and saved a like ("is
    high noon scary for a 6 yr old?" asked for horror and liked *High Noon*; "men in black is
    funny?" liked it; "winnie the pooh how long" asked for Howie Long; "why you show me cartoon?
    i am adult" asked for animation). They are now questions, a why, or a kind not wanted."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    for text, title in [("is high noon scary for a 6 yr old?", "High Noon"),
                        ("is ET scary? my little one gets scared easy", "E.T. the Extra-Terrestrial"),
                        ("men in black is funny?", "Men in Black"),
                        ("winnie the pooh how long", "Winnie the Pooh and the Blustery Day"),
                        ("ok, the shining then. how long is it?", "Shining, The")]:
        p = parser.parse(text)
        assert p.intents == ["about"] and [t[i] for i in p.about] == [title], text
        assert not (p.accepted or p.liked or p.wish), text
    p = parser.parse("blade runner is action? why you show")
    assert p.intents == ["about"] and p.asked == [(G, "Action")] and not p.liked
    p = parser.parse("why you give me Days of Thunder?")
    assert p.intents == ["why"] and [t[i] for i in p.about] == ["Days of Thunder"] and not p.liked
    p = parser.parse("why you show me cartoon? i am adult")
    assert p.rejected == [(G, "Animation")] and not (p.accepted or p.intents)
    p = parser.parse("which is darker, Paths of Glory or Dr. Strangelove?")
    assert p.intents == ["which"] and p.which == "darkest" and len(p.about) == 2 and not p.liked
    assert parser.parse("need a movie for tonight w my kids 6 and 11").accepted == [(G, "Children's")]


@pytest.mark.data
def test_short_broken_english_and_kids_watching_on_movielens(ml100k_catalog):
    """Found by a third person over HTTP, writing short broken English: "again" started over
    (it shows other films now), "again please, i not understand" searched for "understand" (help
    now), "this one is good?" and "is good film?" asked for other films (questions about the film
    now); "kids r watching too" rules out films rated R."""
    parser = Parser(ml100k_catalog)
    assert parser.parse("again").intents == ["more"]
    assert parser.parse("again please, i not understand").intents == ["help"]
    for text in ("this one is good?", "is good film?"):
        assert parser.parse(text).intents == ["about"], text
    assert ("mpaa", "rated R") in parser.parse("kids r watching too so nothing too violent").rejected
    assert parser.parse("not rated R, my kids are watching").rejected == [("mpaa", "rated R")]


@pytest.mark.data
def test_numbered_and_country_titles_and_why_is_it_here_on_movielens(ml100k_catalog):
    """Found by a third person over HTTP: "not 2001 or Clockwork Orange, I've seen those to death"
    did not know *2001: A Space Odyssey*; "the Gilliam film Brazil (1985)" asked for Brazilian
    films; "why is Duck Soup here? it's a Marx Brothers comedy, nothing like Chinatown" liked
    Duck Soup and disliked Chinatown."""
    parser = Parser(ml100k_catalog, english=frozenset({"seen", "death", "those"}))
    t = ml100k_catalog.titles
    p = parser.parse("not 2001 or Clockwork Orange, I've seen those to death")
    assert sorted(t[i] for i in p.seen) == ["2001: A Space Odyssey", "Clockwork Orange, A"] and not p.unknown_titles
    assert parser.parse("anything from 2001?").era == "newest"  # a year, where nothing says a film
    p = parser.parse("the Gilliam film Brazil (1985)")
    assert [t[i] for i in p.liked] == ["Brazil"] and not p.alternatives
    p = parser.parse("why is Duck Soup here? it's a Marx Brothers comedy, nothing like Chinatown")
    assert p.intents == ["why"] and [t[i] for i in p.about] == ["Duck Soup"] and not (p.liked or p.disliked)
    assert parser.parse("why is it so long?").intents == ["about"]


@pytest.mark.data
def test_praise_in_other_words_and_parts_of_films_round_eleven_on_movielens(ml100k_catalog):
    """The tenth helper's development table, last part: a title with a pronoun in it is reviewed
    ("Some Like It Hot is the funniest film ever made": liked, no wish for comedies); an era
    praised after films is no wish ("top gun and dirty dancing, 80s perfection"); "loved the
    twist" praises the film just named ("the twist" is no film); "never seen pale rider" beside
    films named is a film the catalog lacks; "2 looks decent" likes card 2."""
    parser = Parser(ml100k_catalog, english=frozenset({"pale", "rider", "never", "twist", "decent", "funniest"}))
    t = ml100k_catalog.titles
    p = parser.parse("Some Like It Hot is the funniest film ever made")
    assert [t[i] for i in p.liked] == ["Some Like It Hot"] and not p.accepted
    assert parser.parse("the funniest film you have").accepted == [(G, "Comedy")]
    p = parser.parse("top gun and dirty dancing, 80s perfection")
    assert len(p.liked) == 2 and not p.accepted and not p.wish
    p = parser.parse("watched the game with michael douglas last night, loved the twist")
    assert [t[i] for i in p.liked] == ["Game, The"] and not p.unknown_titles and not p.wish
    p = parser.parse("loved unforgiven, never seen pale rider, hated wyatt earp")
    assert p.unknown_titles == ["pale rider"] and len(p.liked) == len(p.disliked) == 1
    p = parser.parse("2 looks decent, 1 and 3 we've seen")
    assert p.verdicts == [([1], "like"), ([0], "seen")] or p.pick == (1, "like")


@pytest.mark.data
def test_what_a_fourth_person_typed_on_movielens(ml100k_catalog):
    """Found by a fourth person over HTTP (a teenager, a retired lady, a couple): negations read
    the other way ("I do not care for anything over two hours", "i havent seen groundhog day,
    bring it back", "he vetoed the saint"), ages and lengths in words ("aged seven and ten" liked
    *Seven*; "I am seventy-eight" asked for the 1970s; "under ninety minutes" for the 1990s),
    questions made filters, casual goodbyes searched for."""
    parser = Parser(ml100k_catalog, english=frozenset({"care", "days", "vetoed", "bring", "back", "kindly"}))
    t = ml100k_catalog.titles
    p = parser.parse("I do not care for anything over two hours these days.")
    assert p.rejected == [("runtime", "over 2 hours")] and not (p.accepted or p.wish)
    p = parser.parse("noo i havent seen groundhog day, bring it back")  # (round thirty-three: what was noted of it
    assert [t[i] for i in p.unsaid] == ["Groundhog Day"] and t[p.show_film] == "Groundhog Day"  # goes, and it is
    assert not (p.seen or p.liked or p.wish)  # shown; it had been liked, and a film liked is not shown)
    assert [t[i] for i in parser.parse("ok he vetoed the saint").disliked] == ["Saint, The"]
    p = parser.parse("my two grandchildren, aged seven and ten. Nothing frightening")
    assert not p.liked and p.accepted == [(G, "Children's")] and p.rejected == [(G, "Horror")]
    assert not parser.parse("I am seventy-eight").accepted
    assert parser.parse("Under ninety minutes").accepted == [("runtime", "under 90 minutes")]
    for text, title in [("How long does The Lion King run?", "Lion King, The"),
                        ("what's mystery science theater?", "Mystery Science Theater 3000: The Movie")]:
        p = parser.parse(text)
        assert p.intents == ["about"] and [t[i] for i in p.about] == [title] and not p.accepted, text
    p = parser.parse("wait isnt brad pitt in seven??")
    assert p.intents == ["about"] and p.asked == [("cast", "Brad Pitt")] and not p.rejected
    p = parser.parse("true romance is rated R right?")
    assert p.intents == ["about"] and p.asked == [("mpaa", "rated R")] and not p.liked
    p = parser.parse("compare true romance and true lies")
    assert p.intents == ["which"] and len(p.about) == 2 and not p.liked
    assert parser.parse("hows long is the 4th one").pick == (3, "about")
    for text in ("aight peace \u270c\ufe0f", "thats it im done, bye", "gn", "Cheerio!",
                 "Thank you kindly, and goodbye."):
        assert parser.parse(text).intents == ["bye"], text


@pytest.mark.data
def test_two_peoples_stars_are_either_and_like_opens_a_title_on_movielens(ml100k_catalog):
    """Found by a fourth person over HTTP, a couple: "She wants Julia Roberts, I want Harrison
    Ford" showed five Julia Roberts films (both were required); a film with either will do, one
    with both first. "like the matrix" opening a message names a film (the catalog lacks it)."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("She wants Julia Roberts, I want Harrison Ford")
    assert p.alternatives == [(("cast", "Julia Roberts"), ("cast", "Harrison Ford"))] and not p.accepted
    assert not p.wish
    assert parser.parse("he wants action, I want romance").accepted == [(G, "Action"), (G, "Romance")]
    assert parser.parse("like the matrix").unknown_titles == ["the matrix"]


@pytest.mark.data
def test_what_a_person_typed_in_the_browser_on_movielens(ml100k_catalog):
    """Found by a person in the browser: "something funny the kids and grandparents can all
    enjoy" liked the film *Kids* (1995); "a comedy the kids will like" was a comedy for anyone;
    "is mouse hunt ok for a 6 year old?" liked it; "Compare GoodFellas and Casino. Which would you
    pick?" liked both; "which is darker, the first or the third?" described one card; "thanks, we
    will decide later. bye" and "I will go with Belle de jour. Merci, au revoir!" searched."""
    parser = Parser(ml100k_catalog, english=frozenset({"grandparents", "enjoy", "decide", "later"}))
    t = ml100k_catalog.titles
    for text in ("something funny the kids and grandparents can all enjoy", "a comedy the kids will like"):
        p = parser.parse(text)
        assert (G, "Children's") in p.accepted and not p.liked and not p.unknown_titles, text
    p = parser.parse("is mouse hunt ok for a 6 year old?")
    assert p.intents == ["about"] and not p.liked
    p = parser.parse("Compare GoodFellas and Casino. Which would you pick?")
    assert p.intents == ["which"] and len(p.about) == 2 and not p.liked
    p = parser.parse("which is darker, the first or the third?")
    assert p.intents == ["which"] and p.places == [0, 2] and p.which == "darkest"
    assert parser.parse("thanks, we will decide later. bye").intents == ["bye"]
    p = parser.parse("I will go with Belle de jour. Merci, au revoir!")
    assert p.intents == ["bye"] and [t[i] for i in p.liked] == ["Belle de jour"]


@pytest.mark.data
def test_a_card_chosen_by_place_then_goodbye(ml100k_catalog):
    """Found in a last conversation with the app: "ok the first one it is. thanks, bye" searched
    for "bye"; it chooses the first card and says goodbye."""
    p = Parser(ml100k_catalog).parse("ok the first one it is. thanks, bye")
    assert p.intents == ["bye"] and p.pick == (0, "like") and not p.wish


@pytest.mark.data
def test_round_fourteen_on_movielens(ml100k_catalog):
    """Round fourteen (dev tables 3 to 11): audiences are never refused ("no horror for my kids"
    had refused children's films), a title before "with" and who or what is in it, the next
    films of a series by number, "a bit much for a first date", verdicts on "the rest", and
    words of an occasion that are no wish of their own."""
    parser = Parser(ml100k_catalog, english=frozenset({"whales", "easy", "knackered", "rest", "lovely", "much", "first",
                                                      "date", "bit", "month", "fun", "next"}))
    t = ml100k_catalog.titles
    kids = (G, "Children's")
    for text in ("no horror for my kids", "nothing too scary for the kids please"):
        p = parser.parse(text)
        assert kids in p.accepted and (G, "Horror") in p.rejected, text
    for text in ("nothing for kids", "not for the kids, for me", "not something for the kids"):
        assert kids in parser.parse(text).rejected, text
    p = parser.parse("not old yeller, far too sad for the grandkids")
    assert not p.accepted and [t[i] for i in p.not_now] == ["Old Yeller"]
    p = parser.parse("101 dalmatians with glenn close was a hit with the kids")
    assert [t[i] for i in p.liked] == ["101 Dalmatians"] and not p.rejected
    p = parser.parse("star trek 4 with the whales is my fave, 6 is great too")
    assert [t[i] for i in p.liked] == ["Star Trek IV: The Voyage Home", "Star Trek VI: The Undiscovered Country"]
    assert [t[i] for i in parser.parse("alien was great, 3 was awful").disliked] == ["Alien 3"]
    p = parser.parse("annie hall and manhattan are lovely but a bit much for a first date")
    assert sorted(t[i] for i in p.not_now) == ["Annie Hall", "Manhattan"] and not p.wish
    p = parser.parse("2 yes! the rest nah")
    assert p.verdicts == [([1], "like"), ([0, 2, 3, 4], "dislike")] and not p.wish
    assert parser.parse("ok, and with good reviews").intents == []
    assert parser.parse("yes, with tom hanks").intents == ["yes"]
    p = parser.parse("mixed reviews are fine, just not the bad ones")
    assert p.rejected == [("critics", "poorly reviewed")] and not p.accepted
    assert parser.parse("no sci-fi, no fantasy, nothing with aliens or wizards").wish == ""
    assert [t[i] for i in parser.parse("i loved aliens").liked] == ["Aliens"]
    p = parser.parse("i'm knackered, something easy")
    assert p.intents == [] and p.wish
    assert parser.parse("im easy").intents == ["any"]
    for text in ("need a pick me up after a rubbish week", "something silly to make the little ones giggle",
                 "nothing R-rated please, watching with my nephew"):
        p = parser.parse(text)
        assert p.names_something and not p.wish, text
    assert parser.parse("something to make me think").wish
    p = parser.parse("the birdcage looks fun but we watched it last month, next")
    assert p.intents == ["something_else"] and [t[i] for i in p.seen] == ["Birdcage, The"]


@pytest.mark.data
def test_words_refused_are_no_search_on_movielens(ml100k_catalog):
    """"no superheroes" said back "Looking for films that match “superheroes”" and searched for
    them; refused words are ``unwish`` (kept back), and the wish keeps only what is wanted."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("no superheroes")
    assert p.unwish == "superheroes" and not p.wish
    p = parser.parse("no superheroes, something with dogs")
    assert p.unwish == "superheroes" and p.wish == "something with dogs"
    p = parser.parse("something funny, but no slapstick")
    assert p.unwish == "slapstick" and not p.wish and p.accepted == [(G, "Comedy")]
    p = parser.parse("nah something chill")  # another wish, not a refusal
    assert not p.unwish and p.wish
    assert not parser.parse("something cozy for a rainy day").unwish


@pytest.mark.data
def test_round_fifteen_voice_slang_and_second_language_on_movielens(ml100k_catalog):
    """Round fifteen (dev12: a voice typing, a teenager's slang, English as a second
    language, a parent of toddlers): homophones ("i scene it", "four the kids", "number too"),
    a surname heard as words ("bill pull man", "jim jar mush"), decades in words, "pg-13 or r",
    slang verdicts and fillers."""
    parser = Parser(ml100k_catalog, english=frozenset({"scene", "four", "pull", "man", "jar", "mush", "too"}))
    t = ml100k_catalog.titles
    assert [t[i] for i in parser.parse("i scene the frighteners already").seen] == ["Frighteners, The"]
    assert (G, "Children's") in parser.parse("i want to see some films four the kids").accepted
    assert parser.parse("number too sounds perfect").pick == (1, "like")
    assert parser.parse("something with bill pull man").accepted == [("cast", "Bill Pullman")]
    assert parser.parse("show me a film by jim jar mush").accepted == [("director", "Jim Jarmusch")]
    p = parser.parse("i want a comedy from the nineteen forties with rosalind russell")
    assert set(p.accepted) == {(G, "Comedy"), ("decade", "1940s"), ("cast", "Rosalind Russell")} and not p.wish
    p = parser.parse("no PG-13 or R, my boys are 5")
    assert set(p.rejected) >= {("mpaa", "rated PG-13"), ("mpaa", "rated R")}
    assert not parser.parse("no cringe romance pls, ick").wish
    assert parser.parse("nothing scary pls she's only 3").rejected == [(G, "Horror")]
    assert parser.parse("we begin again please, now I want a comedy of Italy").intents == ["restart"]
    assert parser.parse("idc fr whatever works").intents == ["any"]


@pytest.mark.data
def test_round_fifteen_questions_then_wishes_and_taking_back_on_movielens(ml100k_catalog):
    """Round fifteen, part two (dev12): a question, then a wish in its own sentence ("who's in the
    second one? i'd really like something with andie macdowell"): the wish; a person kept out,
    no longer needed, a rating that need not be kept; "why you show me this?"; a seen film
    praised in other words."""
    parser = Parser(ml100k_catalog, english=frozenset({"asleep", "necessary", "remove"}))
    t = ml100k_catalog.titles
    p = parser.parse("who's in the second one? i'd really like something with andie macdowell")
    assert p.accepted == [("cast", "Andie MacDowell")] and "about" not in p.intents
    p = parser.parse("is the third one sad? we want nothing sad tonight")
    assert (G, "Drama") in p.rejected and not p.intents
    p = parser.parse("do you have anything with ian holm? show me")
    assert p.intents == ["more"] and p.accepted == [("cast", "Ian Holm")]
    assert parser.parse("is toy story scary? my kid is 5").intents == ["about"]  # a question, and why it is asked
    p = parser.parse("keep chris farley out of it, not the vibe")
    assert p.rejected == [("cast", "Chris Farley")] and not p.accepted
    p = parser.parse("Holly Hunter is not more necessary, you can remove her")
    assert p.dropped == [("cast", "Holly Hunter")] and not p.accepted and not p.wish
    p = parser.parse("kids r asleep, doesnt have to be G anymore")
    assert p.dropped == [("mpaa", "rated G")] and not p.wish
    p = parser.parse("why you show me this? I said no violence")
    assert p.intents == ["why"] and (G, "War") in p.rejected
    p = parser.parse("I have seen already Harold and Maude, very beautiful film")
    assert [t[i] for i in p.liked] == [t[i] for i in p.seen] == ["Harold and Maude"]
    assert not parser.parse("seen fargo, it was so slow").liked


@pytest.mark.data
def test_round_sixteen_on_movielens(ml100k_catalog):
    """Round sixteen (dev12): "yes this one" and "no thank you, ..." answer the film shown; a
    seen film counted ("seen two times") names nothing else; "seen all of these, anything with
    animals?" asks for others and says which; "won't scare a toddler" refuses horror and is
    for children; "number 3 is the remake i hated, skip it" turns that card down."""
    parser = Parser(ml100k_catalog, english=frozenset({"two", "times", "wonderful", "animals", "toddler"}))
    t = ml100k_catalog.titles
    assert parser.parse("yes this one, we watch it").intents == ["yes"]
    assert parser.parse("yes this one").intents == ["yes"]
    assert parser.parse("no thank you, is not for me").intents == ["no"]
    p = parser.parse("Jean de Florette I have seen two times, is wonderful")
    assert [t[i] for i in p.seen] == ["Jean de Florette"] and not p.unknown_titles
    p = parser.parse("seen all of these a million times, anything with animals?")
    assert p.intents == ["something_else"] and p.wish == "animals"
    assert not parser.parse("seen all of these, others?").wish
    p = parser.parse("show me some animated ones that won't scare a toddler")
    assert set(p.accepted) == {(G, "Animation"), (G, "Children's")} and p.rejected == [(G, "Horror")]
    assert not p.wish
    p = parser.parse("number 3 is the remake i hated, skip it")
    assert p.pick == (2, "dislike") and p.intents == ["something_else"] and not p.unknown_titles and not p.wish
    assert not parser.parse("notting hill 😍").unwish  # a film's name read as "nothing hill" refused "hill"
    assert parser.parse("nothing with talking animals").unwish == "talking animals"
    p = parser.parse("a horror that won't scare me too much")  # a mild horror: asked for, not refused
    assert p.accepted == [(G, "Horror")] and not p.rejected


@pytest.mark.data
def test_ordinary_words_refused_after_them_are_no_film_on_movielens(ml100k_catalog):
    """Found in round sixteen: "i like horror, gore is a no" named a film "gore" the catalog
    lacks; ordinary words refused after them ("is a no", "isn't my thing") are what the person
    does not want. A film's or a person's name refused so stays that film or person."""
    parser = Parser(ml100k_catalog, english=frozenset({"gore", "horror", "like"}))
    t = ml100k_catalog.titles
    p = parser.parse("i like horror, gore is a no")
    assert p.accepted == [(G, "Horror")] and p.unwish == "gore" and not p.unknown_titles and not p.wish
    assert [t[i] for i in parser.parse("fargo is not for me").disliked] == ["Fargo"]
    assert parser.parse("Gore Vidal is a no").rejected == [("cast", "Gore Vidal")]


@pytest.mark.data
def test_round_nineteen_on_movielens(ml100k_catalog):
    """Round nineteen (dev13 and two people at the app): a formal hand, stage names and titles,
    eras told by a life, refusals in idioms, Spanish and French words, films asked for by a year
    or by their director's work."""
    parser = Parser(ml100k_catalog, english=frozenset({"tedious", "confess"}))
    t = ml100k_catalog.titles
    p = parser.parse("Kindly show me the pictures you have with Miss Grace Kelly.")
    assert p.accepted == [("cast", "Grace Kelly")] and not p.wish
    assert parser.parse("ooh can we get some with dame judi").accepted == [("cast", "Judi Dench")]
    assert parser.parse("hey! in the mood for some dame maggie smith").accepted == [("cast", "Maggie Smith")]
    assert parser.parse("no shaq films, ever").rejected == [("cast", "Shaquille O'Neal")]
    p = parser.parse("show me films from the year i was born, 1966")
    assert p.accepted == [("decade", "1960s")] and not p.wish
    assert parser.parse("something from the year of the moon landing").accepted == [("decade", "1960s")]
    assert parser.parse("show me films from the disco era").accepted == [("decade", "1970s")]
    p = parser.parse("stick to stuff from my college days, '68 to '72")
    assert p.alternatives == [(("decade", "1960s"), ("decade", "1970s"))] and not p.wish
    assert parser.parse("westerns? i'll pass").rejected == [("genre", "Western")]
    assert parser.parse("i'd rather watch paint dry than a war film").rejected == [("genre", "War")]
    assert parser.parse("i wouldn't say no to a thriller").accepted == [("genre", "Thriller")]
    assert parser.parse("so long as shatner's nowhere near it, i'm happy").rejected == [("cast", "William Shatner")]
    assert parser.parse("that's a hard pass").intents == ["no"]
    assert [t[i] for i in parser.parse("conspiracy theory was two hours of my life i'll never get back").disliked] \
        == ["Conspiracy Theory"]
    assert [t[i] for i in parser.parse("I must confess I found The Piano rather tedious.").disliked] == ["Piano, The"]
    assert parser.parse("I thank you; the second one will do nicely.").pick == (1, "like")
    p = parser.parse("vi the client anoche y la verdad, muy aburrida")
    assert [t[i] for i in p.seen] == [t[i] for i in p.disliked] == ["Client, The"]
    assert parser.parse("quiero a horror movie de los 70s").accepted == [("genre", "Horror"), ("decade", "1970s")]
    assert parser.parse("nada de horror por favor").rejected == [("genre", "Horror")]
    assert parser.parse("me da igual").intents == ["any"]
    assert parser.parse("je prends le premier").pick == (0, "like")
    kubrick = parser.parse("Kubrick then. Is 2001 here?")  # (round thirty-three: shown, no longer liked and hidden)
    assert t[kubrick.show_film] == "2001: A Space Odyssey" and not kubrick.liked
    p = parser.parse("got anything by the bloke who directed trainspotting?")
    assert p.person_ref == "director" and t[p.ref_film] == "Trainspotting"
    assert parser.parse("nothing babyish, they're 14 and 16").rejected == [("genre", "Children's")]


def test_round_twenty_on_movielens(ml100k_catalog):
    """Round twenty: "go back a decade" is older films, not the undo button; "go back one" is the
    button; "romeo + juliet" is the catalog's *William Shakespeare's Romeo and Juliet*."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    for text in ("go back a decade", "lets go back one decade", "something further back", "go back further in time"):
        p = parser.parse(text)
        assert p.era == "older" and "undo" not in p.intents, text
    p = parser.parse("go back one, then make it a western")
    assert p.intents == ["undo"] and p.accepted == [("genre", "Western")]
    assert [t[i] for i in parser.parse("romeo + juliet was great").liked] == ["William Shakespeare's Romeo and Juliet"]
    assert [t[i] for i in parser.parse("se7en was amazing").liked] == ["Seven (Se7en)"]



def test_round_twenty_people_at_the_app_on_movielens(ml100k_catalog):
    """Round twenty, from three people at the app over HTTP and dev14: French, German and
    Spanish; ways of ruling out; praise of the list; questions about the cards; a series' part."""
    parser = Parser(ml100k_catalog, english=frozenset({"alien", "jaws", "speed", "scream", "batman"}))
    t = ml100k_catalog.titles
    # French, German and Spanish, read as English
    assert parser.parse("pas de comédie").rejected == [("genre", "Comedy")]
    p = parser.parse("plutôt des années 90, mais pas de policier")
    assert p.accepted == [("decade", "1990s")] and p.rejected == [("genre", "Crime")]
    assert parser.parse("un film d'horeur").accepted == [("genre", "Horror")]
    assert parser.parse("pourquoi le deuxième?").pick == (1, "why")
    assert parser.parse("non merci").intents == ["no"] and parser.parse("annule ça").intents == ["undo"]
    assert parser.parse("mon fils a 8 ans, un dessin animé svp").for_child
    assert parser.parse("nicht Tarantino").rejected == [("director", "Quentin Tarantino")]
    assert ("decade", "1990s") in parser.parse("Krimi film, spannend, 90er Jahre").accepted
    assert parser.parse("warum number 3?").pick == (2, "why")
    assert parser.parse("ya vi el primero").pick == (0, "seen")
    assert parser.parse("no muy largo").rejected == [("runtime", "over 2 hours")]
    assert parser.parse("I already see the first").pick == (0, "seen")
    assert parser.parse("si").intents == ["yes"] and parser.parse("tschüss").intents == ["bye"]
    # ruling out in other words; words about who is watching are no wish
    assert parser.parse("minus the horror").rejected == [("genre", "Horror")]
    assert parser.parse("filter out the documentaries pls").rejected == [("genre", "Documentary")]
    assert parser.parse("keep away from war films").rejected == [("genre", "War")]
    assert parser.parse("my husband refuses anything with subtitles").accepted == [("language", "English")]
    p = parser.parse("my wife says no demi moore, ever")
    assert p.rejected == [("cast", "Demi Moore")] and not p.wish
    # praise of the films shown asks for nothing (it had read as "undo", "why" or "something else")
    for text in ("ngl thats fire", "these look great", "love these", "ooh nice", "thats great"):
        p = parser.parse(text)
        assert p.praise and not p.intents, text
    assert parser.parse("lol ok more").intents == ["more"]
    # the cards and the films asked about
    p = parser.parse("compare 1 and 4")
    assert p.intents == ["which"] and p.places == [0, 3]
    p = parser.parse("what else has the lead of #2 done?")
    assert p.person_ref == "cast" and p.ref_place == 1
    assert [t[i] for i in parser.parse("who's the lead in Citizen Kane?").about] == ["Citizen Kane"]
    assert parser.parse("something everyone likes").popular
    assert parser.parse("sigh fi movie w aliens").accepted == [("genre", "Sci-Fi")]
    assert parser.parse("y the forth one").pick == (3, "why")
    # a child too old for some films; "live action" is no Action film
    assert ("genre", "Animation") in parser.parse("my son is 13 and he thinks hes too old for cartoons lol").rejected
    assert ("genre", "Children's") in parser.parse("no wait the 13 yo will be bored by baby stuff").rejected
    p = parser.parse("comedy for a 9 yr old, live action not animated")
    assert ("genre", "Action") not in p.accepted and ("genre", "Animation") in p.rejected
    # one film, the chat's pick (or films first); "you choose" still answers a question
    assert parser.parse("just pick one for me").pick_one and parser.parse("you choose").intents == ["any"]
    # who is watching, eras, a formal goodbye, James Bond, Spanish sci-fi
    assert parser.parse("we're 13").rejected == [("mpaa", "rated R"), ("mpaa", "rated NC-17")]
    assert parser.parse("too old, 70s is the earliest I'd go").alternatives == [
        (("decade", "1970s"), ("decade", "1980s"), ("decade", "1990s"))]
    assert parser.parse("Thank you, young man. That will be all.").intents == ["bye"]
    assert parser.parse("Which of these would you recommend most?").pick_one
    assert parser.parse("james bond films").series_name == "James Bond"
    assert parser.parse("quiero una película de ciencia ficción").accepted == [("genre", "Sci-Fi")]
    assert parser.parse("I was born in 1938, so I mean the films of my youth.").alternatives == [
        (("decade", "1940s"), ("decade", "1950s"))]  # a youth's decades, not the birth year's
    assert parser.parse("how do the first and the fourth differ?").places == [0, 3]
    assert [t[i] for i in parser.parse("is scream too much?").about] == ["Scream"]
    assert [t[i] for i in parser.parse("i loved the terminator movies").liked] == [
        "Terminator, The", "Terminator 2: Judgment Day"]  # a verdict on a series: on each of its films
    assert len(parser.parse("seen all the star wars films").seen) == 3
    assert parser.parse("un bon film pour ce soir").intents == parser.parse("a good film for tonight").intents == [
        "more"]
    assert parser.parse("bonjour, je cherche un film romantique please").accepted == [("genre", "Romance")]
    assert parser.parse("plus comme le premier").pick == (0, "more")
    assert ("genre", "Action") in parser.parse("trop violent").rejected
    p = parser.parse("2 and 4 look good, which is better?")  # the two compared, as "which is better, 2 or 4?"
    assert p.intents == ["which"] and p.places == [1, 3]
    assert parser.parse("bruh seen it").intents == parser.parse("seen it lol").intents == ["seen_it"]
    assert parser.parse("mid").intents == parser.parse("kinda mid").intents == ["something_else"]
    # a series' part by its number: the film, or the series when the catalog lacks it
    assert t[parser.parse("jaws 3").show_film] == "Jaws 3-D"
    p = parser.parse("is there a die hard 4?")
    assert p.series_missing == "Die Hard 4" and [t[i] for i in p.series][0] == "Die Hard"
    assert [t[i] for i in parser.parse("star trek 2 is the best trek film, first contact a close second").liked] == [
        "Star Trek: The Wrath of Khan", "Star Trek: First Contact"]  # a verdict, not a question about the series


def test_round_twenty_one_words_typed_without_spaces_on_movielens(ml100k_catalog):
    """dev15's typer who leaves out the spaces: "lovedhisgirlfriday" had been a search for that
    word; a name or a word that is known is never split ("schwarzenegger", "unforgettable")."""
    english = frozenset("loved his girl friday show me comedies no horror please film from the add judy garland "
                        "unforgettable spiel berg".split())
    parser = Parser(ml100k_catalog, english=english)
    t = ml100k_catalog.titles
    assert [t[i] for i in parser.parse("lovedhisgirlfriday").liked] == ["His Girl Friday"]
    assert parser.parse("showmecomedies").accepted == [("genre", "Comedy")]
    assert parser.parse("nohorrorplease").rejected == [("genre", "Horror")]
    assert parser.parse("filmnoirfromthe40s").accepted == [("genre", "Film-Noir"), ("decade", "1940s")]
    assert parser.parse("addjudygarland").accepted == [("cast", "Judy Garland")]
    assert parser.parse("spielberg movies").accepted == [("director", "Steven Spielberg")]  # a name, kept whole
    assert [t[i] for i in parser.parse("unforgettable").liked] == ["Unforgettable"]

    # a word misspelt is left to the spelling correction, not split into fragments ("do cum entry", "s pie lb ur g")
    full = Parser(ml100k_catalog, english=english | frozenset("any do cum entry pie ur casa blank a".split()))
    assert full.parse("any documentry").accepted == [("genre", "Documentary")]
    assert full.parse("anything by spielburg").accepted == [("director", "Steven Spielberg")]
    assert [t[i] for i in full.parse("casablanka is a classic").liked] == ["Casablanca"]


def test_round_twenty_one_terse_answers_and_names_by_ear_on_movielens(ml100k_catalog):
    """dev15's terse answerer and classic-film fan: "nah ty", "whatevr u think", "k lemme see",
    "comedy ig"; "vivian lee" by ear; stars by nickname."""
    parser = Parser(ml100k_catalog)
    assert parser.parse("nah ty").intents == ["no"]
    assert parser.parse("hey how am i meant to use you").intents == ["greeting", "help"]
    # the talking user's "kids, yes" to "What kind of film?" had been "did not catch that", the question again
    assert parser.parse("kids, yes").accepted == [("genre", "Children's")]
    assert parser.parse("kids").accepted == [("genre", "Children's")] and not parser.parse("kids").intents
    assert parser.parse("whatever u think").intents == ["any"]
    assert parser.parse("k lemme see").intents == ["more"]
    p = parser.parse("comedy ig")
    assert p.accepted == [("genre", "Comedy")] and not p.wish
    assert parser.parse("something with vivian lee").accepted == [("cast", "Vivien Leigh")]
    assert parser.parse("more with ol' blue eyes").accepted == [("cast", "Frank Sinatra")]
    assert parser.parse("anything but jcvd").rejected == [("cast", "Jean-Claude Van Damme")]
    assert parser.parse("musicles from the 50s").accepted == [("genre", "Musical"), ("decade", "1950s")]


def test_round_twenty_one_moods_and_eras_said_otherwise_on_movielens(ml100k_catalog):
    """dev15: "a good laff", "sob my heart out", "nothing past the fifties" (had ruled out the 1950s)."""
    parser = Parser(ml100k_catalog)
    assert parser.parse("i want a good laff tonight").accepted == [("genre", "Comedy")]
    assert ("genre", "Drama") in parser.parse("I WANT TO SOB MY HEART OUT").accepted
    p = parser.parse("nothing past the fifties")
    assert not p.rejected and p.alternatives == [tuple(("decade", f"19{d}0s") for d in (2, 3, 4, 5))]


def test_names_of_parts_people_mean_by_them():
    assert role_keys("Captain Jack Sparrow") == [("captain", "jack", "sparrow"), ("jack", "sparrow")]
    assert role_keys("Batman / Bruce Wayne") == [("batman",), ("bruce", "wayne")]
    assert role_keys("Woody (voice)") == [("woody",)]
    assert role_keys("Thomas 'Neo' Anderson") == [("thomas", "neo", "anderson"), ("neo",), ("thomas", "anderson")]


def test_round_twenty_two_a_person_named_by_a_part_they_played_on_movielens(ml100k_catalog):
    """People name an actor by a part ("more films with the voice of woody", "the guy who played
    spock", "the hans gruber guy"): TMDB 5000's credits say who played what. A trade many played
    is no part ("the dancer guy"); one several stars played as often is any of them (James Bond);
    a part after the actor's name only tells which film ("tim allen as buzz")."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    assert parser.parse("more films with the voice of woody").accepted == [("cast", "Tom Hanks")]
    assert parser.parse("show me everything with the guy who played spock").accepted == [("cast", "Leonard Nimoy")]
    assert parser.parse("any with the hans gruber guy?").accepted == [("cast", "Alan Rickman")]
    assert parser.parse("the guy who played indiana jones, in a western").accepted == [
        ("cast", "Harrison Ford"), ("genre", "Western")]
    assert parser.parse("anything with the terminator guy").accepted == [("cast", "Arnold Schwarzenegger")]
    assert not [tv for tv in parser.parse("i love the dancer guy").accepted if tv[0] == "cast"]
    bond = parser.parse("the guy who played james bond")  # (not James Brown, one slip away)
    assert not bond.accepted and {("cast", "Sean Connery"), ("cast", "Roger Moore")} <= set(bond.alternatives[0])
    toy = parser.parse("toy story is the best, tim allen as buzz is perfect")
    assert [t[i] for i in toy.liked] == ["Toy Story"] and not toy.unknown_titles


@pytest.mark.parametrize("text", ["it's a 2 hour film", "my kid is a 7 year old", "top 5 films", "films from the 80s",
                                  "the 5th one", "something under 2 hours", "show me 5"])
def test_numbers_that_are_no_score_are_left_alone(text):
    assert scores_as_verdicts(text) == text


def test_round_twenty_two_films_scored_are_verdicts_on_movielens(ml100k_catalog):
    """dev16's scorer: "highlander: 8/10", "four rooms ★★☆☆☆", "i'd give nixon a 9 and u turn a 3":
    7 or more of 10 (4 stars or 5) liked, 4 or less (1 or 2 stars) disliked; a floor ("at least
    an 8/10") is praise of what is asked for, no verdict."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles

    def verdicts(text):
        p = parser.parse(text)
        return [t[i] for i in p.liked], [t[i] for i in p.disliked]

    assert verdicts("highlander: 8/10, the queen soundtrack alone is worth it") == (["Highlander"], [])
    assert verdicts("i'd give nixon a 9 and u turn a 3") == (["Nixon"], ["U Turn"])
    assert verdicts("four rooms ★★☆☆☆") == ([], ["Four Rooms"])
    assert verdicts("10/10 for searching for bobby fischer") == (["Searching for Bobby Fischer"], [])
    assert verdicts("breakdown was a 7") == (["Breakdown"], [])
    floor = parser.parse("a sci-fi film that's at least an 8/10")
    assert floor.accepted == [("genre", "Sci-Fi")] and not (floor.liked or floor.disliked)
    assert scores_as_verdicts("1 and 3 i'd rate a 4 at best, got others?") == "1 and 3 were awful, got others?"


def test_round_twenty_two_australian_english_and_dictation_on_movielens(ml100k_catalog):
    """dev16's Australian ("yeah nah", "a ripper", "chuck on some docos") and dev15's dictation
    ("we all ready scene ...", "the fourth won", a closing "period")."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    assert parser.parse("yeah nah").intents == ["no"]
    assert parser.parse("nah yeah, go on").intents == ["yes"]
    assert parser.parse("no bloody musicals, mate").rejected == [("genre", "Musical")]
    assert parser.parse("chuck on some docos").accepted == [("genre", "Documentary")]
    assert ("country", "Australia") in parser.parse("an aussie comedy from the 90s").accepted
    assert parser.parse("show me the ones that split the critics").accepted == [("critics", "mixed reviews")]
    assert [t[i] for i in parser.parse("we all ready scene around the world in eighty days").seen] == [
        "Around the World in 80 Days"]
    assert parser.parse("i'll take the fourth won").pick == (3, "like")
    assert parser.parse("ya 2").pick == (1, "like")
    assert [t[i] for i in parser.parse("i really loved singing in the rain period").liked] == ["Singin' in the Rain"]


def test_round_twenty_two_awards_told_surnames_and_starred_fixes_on_movielens(ml100k_catalog):
    """An award told of a film is no wish for award winners; a surname of a star with a few films
    where the words around it say a person is meant ("clooney movies"); "kilmer*" corrects the
    word it is nearest to; "bawl" alone after a film praises it."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    told = parser.parse("Ed Wood won Martin Landau his Oscar and he deserved it, wonderful film")
    assert [t[i] for i in told.liked] == ["Ed Wood"] and ("oscar", "Oscar winner") not in told.accepted
    assert parser.parse("something that won best picture").accepted == [("oscar", "Oscar winner")]
    assert parser.parse("clooney movies, show me").accepted == [("cast", "George Clooney")]
    assert parser.parse("show me karloff films").accepted == [("cast", "Boris Karloff")]
    assert starred_fix("no val killer films pls. kilmer*") == "no val kilmer films pls"
    assert starred_fix("i love this*") == "i love this*"
    assert parser.parse("no val killer films pls. kilmer*").rejected == [("cast", "Val Kilmer")]
    assert not parser.parse("mr holland's opus made me bawl, love it").accepted
    assert ("genre", "Drama") in parser.parse("need to bawl my eyes out tonight").accepted


def test_round_twenty_two_shouting_and_a_verdict_before_a_request_on_movielens(ml100k_catalog):
    """A message in capitals is read as if typed in lower case (no capital tells a name there); a
    verdict on a card followed by a request keeps its own clause's verdict ("too" in the request
    is no complaint about the card); "but 2" is a card, never a film's name."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    shouted = parser.parse("ALREADY WATCHED 1 AND 3 BUT 2 IS PERFECT")
    assert shouted.verdicts == [([0, 2], "seen"), ([1], "like")] and not shouted.unknown_titles
    assert [t[i] for i in parser.parse("I LOVED THE WIZARD OF OZ AS A KID").liked] == ["Wizard of Oz, The"]
    asked = parser.parse("1 looks great, and can you find ones with bette davis too")
    assert asked.pick == (0, "like") and asked.accepted == [("cast", "Bette Davis")]
    assert parser.parse("2 looks great, but too long for tonight").pick == (1, "dislike")
    godfrey = parser.parse("my man godfrey went down a storm at our last screening")
    assert [t[i] for i in godfrey.liked] == [t[i] for i in godfrey.seen] == ["My Man Godfrey"]
    assert parser.parse("a comedy for our movie night").accepted == [("genre", "Comedy")]


def test_round_twenty_three_films_not_seen_yet_either_or_kinds_and_films_too_much_for_an_occasion(ml100k_catalog):
    """A film not watched yet, said beside films watched, is an aside that asks for nothing ("seen
    big night, haven't got round to the spitfire grill yet"), while "i haven't seen groundhog day,
    bring it back" still wants it; "a war film or a western" is one either-or wish, as is "a
    western, or maybe a war film, either is fine"; a film loved "but too heavy for a party" or
    "a big ask on a weeknight" or that "he'll never sit through" is liked and not wanted now."""
    parser = Parser(ml100k_catalog, english=["through"])  # (the app's encoder knows it: no misspelt "thought")
    t = ml100k_catalog.titles

    def films(p):
        return {name: [t[i] for i in getattr(p, name)] for name in ("liked", "seen", "not_now") if getattr(p, name)}

    aside = parser.parse("seen big night, haven't got round to the spitfire grill yet")
    assert films(aside) == {"seen": ["Big Night"]} and not aside.intents
    assert films(parser.parse("watched the gay divorcee, still haven't seen shall we dance")) == {
        "seen": ["Gay Divorcee, The"]}
    assert films(parser.parse("loved paris, texas; haven't seen wings of desire yet")) == {"liked": ["Paris, Texas"]}
    back = parser.parse("i haven't seen groundhog day, bring it back")  # shown again, and not seen (not liked)
    assert films(back) == {} and [t[i] for i in back.unsaid] == ["Groundhog Day"]
    assert t[back.show_film] == "Groundhog Day"
    either = parser.parse("looking for a war film or a western, not too long")
    assert either.alternatives == [(("genre", "War"), ("genre", "Western"))] and not either.accepted
    assert parser.parse("i want a western, or maybe a war film, either is fine").alternatives == [
        (("genre", "Western"), ("genre", "War"))]
    assert parser.parse("comedy and romance").accepted == [("genre", "Comedy"), ("genre", "Romance")]
    assert parser.parse("a comedy and a romance, either is fine").alternatives == [  # (no "or": the words after)
        (("genre", "Comedy"), ("genre", "Romance"))]
    for text, film in (("amistad is brilliant but way too heavy for a party", "Amistad"),
                       ("gone with the wind is gorgeous but four hours is a big ask on a weeknight",
                        "Gone with the Wind"),
                       ("legends of the fall is gorgeous but he'll never sit through it", "Legends of the Fall")):
        assert films(parser.parse(text)) == {"liked": [film], "not_now": [film]}, text
    assert films(parser.parse("fargo was too gory for me")) == {}  # (disliked: too much for the person)
    assert parser.parse("that one, yep").intents == ["yes"]


def test_round_twenty_three_what_follows_a_question_sarcasm_and_complaints_on_movielens(ml100k_catalog):
    """dev17: a question about a card or a film is moot when the words after it ask for something
    or judge a film ("who's in the second one? actually, anything with halle berry would do"), and
    "it" there is the film or card asked about; what comes before an eye-roll or "said no one ever"
    is not wanted; a complaint about what the chat understood is no wish, and "i said the 80s, not
    the 90s" takes the 90s back."""
    parser = Parser(ml100k_catalog, english=["asked", "wanted"])  # (the app's encoder knows them)
    t = ml100k_catalog.titles
    assert parser.parse("who's in the second one? actually, anything with halle berry would do").accepted == [
        ("cast", "Halle Berry")]
    assert [t[i] for i in parser.parse("how long is executive decision? i remember loving it").liked] == [
        "Executive Decision"]
    taken = parser.parse("is 3 the one with the talking pig? sounds fun, let's watch it")
    assert taken.intents == ["yes"] and taken.pick == (2, "like")
    assert parser.parse("how long is number 2? we've only got an hour and a half").accepted == [
        ("runtime", "under 90 minutes")]
    assert parser.parse("is toy story scary? my kid is 5").intents == ["about"]  # why it is asked
    assert parser.parse("what is Maverick rated? PG?").intents == ["about"]  # a second question
    mocked = parser.parse("oh sure, bio-dome is a hidden gem 🙄 m*a*s*h on the other hand, actual comedy genius")
    assert [t[i] for i in mocked.disliked] == ["Bio-Dome"] and [t[i] for i in mocked.liked] == ["M*A*S*H"]
    assert [t[i] for i in parser.parse("the postman was three hours of my life well spent, said no one ever").disliked
            ] == ["Postman, The"]
    hanks = parser.parse("oh great, another tom hanks film 🙄 enough of him")
    assert hanks.rejected == [("cast", "Tom Hanks")] and not hanks.accepted and not hanks.intents
    war = parser.parse("oh yes, please show me more war films, i just adore them 🙄")
    assert war.rejected == [("genre", "War")] and not war.intents
    assert parser.parse("oh i'm sure you'll nail it first time 🙄 a thriller from the 90s").accepted == [
        ("genre", "Thriller"), ("decade", "1990s")]
    said = parser.parse("i said the 80s, not the 90s")
    assert said.accepted == [("decade", "1980s")] and said.dropped == [("decade", "1990s")]
    midler = parser.parse("you misheard me, it's bette midler not bette davis")
    assert midler.accepted == [("cast", "Bette Midler")] and midler.dropped == [("cast", "Bette Davis")]
    assert not midler.wish and not parser.parse("that's not what i asked, i wanted comedies").wish
    romance = parser.parse("i said NOT romance, you've given me nothing but romance")
    assert romance.rejected == [("genre", "Romance")] and not romance.wish


def test_round_twenty_three_irish_indian_and_diary_english_on_movielens(ml100k_catalog):
    """Irish and Scottish English ("ah go on so" is yes, "a wee comedy", "pure muck", "was class",
    "not pushed"), Indian English ("kindly suggest", "I am wanting", "what a film yaar"), a film
    diary's words ("logged", a watchlist) and misspelt fillers that are no wish."""
    parser = Parser(ml100k_catalog, english=["something", "husband", "please", "great"])
    t = ml100k_catalog.titles
    assert parser.parse("ah go on so").intents == ["yes"]
    assert parser.parse("ah go on, number 2 so").pick == (1, "like")
    assert parser.parse("go on then").intents != ["yes"]  # (a request for films, as before)
    wee = parser.parse("show us a wee western")
    assert wee.accepted == [("genre", "Western")] and not wee.wish
    assert [t[i] for i in parser.parse("the matchmaker was pure muck so it was").disliked] == ["MatchMaker, The"]
    assert [t[i] for i in parser.parse("in the name of the father was class").liked] == ["In the Name of the Father"]
    assert parser.parse("ah, i'm not pushed").intents == ["any"]
    assert parser.parse("Thank you kindly, and goodbye.").intents == ["bye"]
    wanting = parser.parse("Hello sir, I am wanting a nice comedy film for the weekend")
    assert wanting.accepted == [("genre", "Comedy")] and not wanting.wish
    assert [t[i] for i in parser.parse("Yesterday only I saw Aparajito, what a film yaar").liked] == ["Aparajito"]
    diary = parser.parse("already logged 1 and 3, 2 is on my watchlist so let's go")
    assert diary.verdicts == [([0, 2], "seen"), ([1], "like")]
    assert [t[i] for i in parser.parse("paths of glory's been on my watchlist forever, but down by law? 4 stars from me"
                                       ).liked] == ["Down by Law"]
    sean = parser.parse("my husbnd wants somthing with sean bean, fine by me")
    assert sean.accepted == [("cast", "Sean Bean")] and not sean.wish
    assert parser.parse("show me some Bollywood movies").alternatives == [(("country", "India"), ("language", "Hindi"))]
    assert ("country", "United Kingdom") in parser.parse("i'm after a 70s comedy made in britain").accepted
    for text in ("show me films by ken loach, need to fill out my diary", "films by atom egoyn, doing a director deep "
                 "dive", "reckon an aussie comedy from the 90s would hit the spot", "something to make me laugh till "
                 "it hurts", "hi! letterboxd addict here, want a 70s sci-fi i haven't logged yet"):
        p = parser.parse(text)
        assert p.accepted and not p.wish, text  # the reasons around a wish are no wish of their own


def test_round_twenty_three_vetoes_praise_and_films_asked_for_on_movielens(ml100k_catalog):
    """A film vetoed is not wanted now (and "love" in its title is no praise); "pacino was on fire"
    praises; "have you got it?" after a film asks whether it is here, not for films; "made me sit
    through X" says it was seen; "with harold ramis directing" is the director."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    vetoed = parser.parse("everyone says i love you is vetoed, my wife's not in the mood for it tonight")
    assert [t[i] for i in vetoed.not_now] == ["Everyone Says I Love You"] and not vetoed.liked + vetoed.disliked
    fire = parser.parse("watched carlito's way last night, pacino was on fire")
    assert [t[i] for i in fire.liked] == ["Carlito's Way"] and not fire.intents
    asked = parser.parse("the commitments is the best irish film ever made, have yous got it?")
    assert asked.unknown_titles == ["the commitments"] and not asked.intents
    sat = parser.parse("my husband made me sit through don juan demarco and i loved it, don't tell him")
    assert [t[i] for i in sat.seen] == [t[i] for i in sat.liked] == ["Don Juan DeMarco"]
    assert parser.parse("something with harold ramis directing").accepted == [("director", "Harold Ramis")]
    assert parser.parse("i feel like being scared tonight").accepted == [("genre", "Horror")]
    refused = parser.parse("she won't sit through black and white, and i won't sit through cartoons")
    assert ("genre", "Animation") in refused.rejected and not refused.accepted and not refused.wish
    assert films_of(parser, "i'd never sit through titanic again", "seen") == ["Titanic"]  # (that film, not now)
    assert not parser.parse("nothing over two hours, i'll fall asleep").wish
    assert ("genre", "Children's") in parser.parse("the 13 yo will be bored by baby stuff").rejected  # (no "ill")
    era = parser.parse("reality bites is so 90s it hurts, love it")
    assert [t[i] for i in era.liked] == ["Reality Bites"] and not era.accepted
    fan = parser.parse("big lebowski fan here, seen it 20 times")  # a film's fan, not who is asking
    assert [t[i] for i in fan.liked] == ["Big Lebowski, The"]


def films_of(parser, text, field):
    return [parser.catalog.titles[i] for i in getattr(parser.parse(text), field)]


def test_round_twenty_four_a_nationality_that_says_who_a_person_is_on_movielens(ml100k_catalog):
    """"anything by jim sheridan? the irish director" had asked for Irish films too; a nationality
    before a word for a person, beside a person named, says who they are. "an irish film with liam
    neeson" still asks for both."""
    parser = Parser(ml100k_catalog)
    for text, who in (("do you have anything by jim sheridan? the irish director", ("director", "Jim Sheridan")),
                      ("something with gerard depardieu, the french actor", ("cast", "Gérard Depardieu")),
                      ("that british director, mike leigh, anything by him", ("director", "Mike Leigh")),
                      ("something with that english actor hugh grant", ("cast", "Hugh Grant"))):
        p = parser.parse(text)
        assert p.accepted == [who] and not p.alternatives, text
    neeson = parser.parse("an irish film with liam neeson")
    assert neeson.accepted == [("country", "Ireland"), ("cast", "Liam Neeson")]
    assert parser.parse("anything with a french actress").alternatives == [(("country", "France"),
                                                                           ("language", "French"))]


def test_round_twenty_four_scores_said_without_a_scale_on_movielens(ml100k_catalog):
    """"still a 5" after a rewatch is a film diary's top mark (it had read as seen only); a half
    score up to 4.5 is stars; "a 2 at best" is a low mark (its "best" had read as praise); "a 5
    at most" and "i mark them all down to a 5" are out of 10."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    rewatch = parser.parse("rewatched heavenly creatures for the third time, still a 5")
    assert [t[i] for i in rewatch.liked] == ["Heavenly Creatures"] and not rewatch.disliked
    assert [t[i] for i in parser.parse("nixon was a 3.5").liked] == ["Nixon"]
    for text in ("heavenly creatures, a 2 at best", "nixon was a 5 at most", "i would give nixon a 5 at most"):
        p = parser.parse(text)
        assert len(p.disliked) == 1 and not p.liked, text
    assert [t[i] for i in parser.parse("nixon is a 7 at best").liked] == ["Nixon"]
    marks = parser.parse("no films over 2 hours, i mark them all down to a 5 anyway")
    assert marks.rejected == [("runtime", "over 2 hours")] and not marks.liked


def test_round_twenty_four_what_a_helper_playing_people_found_on_movielens(ml100k_catalog):
    """A helper played 25 people against the app (2026-12-06). "seen 2" had replaced every card
    (no card was read in it); "seen 1, 2 and 4" made 2 and 4 liked; "with my mother" liked the
    film *Mother*; "sorry my english is bad" was a film the catalog lacks and a wish for films in
    English; "the old pictures with jimmy stewart and john wayne" found no film with both; "not
    over 90 min" was kept as "over min", a phrase not wanted."""
    parser = Parser(ml100k_catalog, english=["mother", "sorry", "old", "pictures", "english", "bad"])
    for text, place in (("seen 2", 1), ("ive seen 3", 2), ("seen number 2", 1)):
        p = parser.parse(text)
        assert p.pick == (place, "seen") and p.places == [place], text
    assert parser.parse("loved 4").pick == (3, "like")
    many = parser.parse("seen 1, 2 and 4. something more obscure maybe?")
    assert many.places == [0, 1, 3] and many.pick[1] == "seen" and not many.verdicts and many.lesser_known
    mother = parser.parse("hello, i am searching one film for see with my mother, she like very much the romantic "
                          "films and old ones")
    assert not mother.liked and ("genre", "Romance") in mother.accepted
    assert not parser.parse("a comedy to watch with my mother").liked
    assert [ml100k_catalog.titles[i] for i in parser.parse("mother was great").liked] == ["Mother"]
    sorry = parser.parse("hola, quiero una pelicula de amor. sorry my english is bad. love film")
    assert sorry.accepted == [("genre", "Romance")] and not sorry.unknown_titles
    assert parser.parse("in english please").accepted == [("language", "English")]
    stewart = parser.parse("Good evening. My grandson set this up for me. I enjoy the old pictures with Jimmy Stewart "
                           "and John Wayne")
    assert stewart.alternatives == [(("cast", "James Stewart"), ("cast", "John Wayne"))] and not stewart.unknown_titles
    together = parser.parse("something with tom hanks and meg ryan")
    assert together.accepted == [("cast", "Tom Hanks"), ("cast", "Meg Ryan")]
    under_2h = [(("runtime", "under 90 minutes"), ("runtime", "90 to 120 minutes"))]
    for text in ("not over 90 min", "nothing over 90 minutes", "no longer than 90 mins", "stop asking me stuff. "
                 "something short, not over 90 min"):
        p = parser.parse(text)
        assert p.accepted == [("runtime", "under 90 minutes")] and not p.unwish and not p.wish, text
    for text in ("110 mins max", "2 hrs tops"):
        assert parser.parse(text).alternatives == under_2h, text
    for text in ("max 100 min", "100 mins max", "we have an hour and 40 minutes", "1h40 max",
                 "we've got about 100 minutes before bed"):  # (round twenty-eight: a cap of 100 minutes had let
        p = parser.parse(text)  # through films of up to 2 hours; the minutes on record now hold it to 100)
        assert p.alternatives == under_2h and p.max_minutes == 100 and not p.wish, text
    assert parser.parse("110 mins max").max_minutes == 110 and parser.parse("not over 90 min").max_minutes == 0
    assert parser.parse("something under 2 hours").max_minutes == 0  # (the band itself: no limit beyond it)
    assert parser.parse("over 2 hours is too long").rejected == [("runtime", "over 2 hours")]


def test_round_twenty_four_comparisons_film_questions_and_films_asked_for_on_movielens(ml100k_catalog):
    """Found by the helper playing people: "leaving las vegas is nothing like heat" had liked the
    first and disliked Heat (the person loved Heat); "why is ghost a comedy lol" asked for
    comedies; "number 2 is from germany? i think is french film no?" asked for German and French
    films; "show me the deer hunter, i want it" never showed it."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    vegas = parser.parse("not the rock, seen it. and leaving las vegas is nothing like heat")
    assert [t[i] for i in vegas.not_now] == ["Leaving Las Vegas"] and not vegas.liked + vegas.disliked
    for text, film in (("why is ghost a comedy lol", "Ghost"), ("how come fargo is a comedy?", "Fargo")):
        p = parser.parse(text)
        assert p.intents == ["why"] and [t[i] for i in p.about] == [film] and not p.accepted and not p.wish, text
    germany = parser.parse("number 2 is from germany? i think is french film no?")
    assert germany.pick == (1, "about") and not germany.alternatives and not germany.accepted
    assert parser.parse("number 2 is great").pick == (1, "like")
    for text in ("show me the deer hunter, i want it", "no i meant show me the deer hunter, i want it"):
        assert t[parser.parse(text).show_film] == "Deer Hunter, The", text


def test_round_twenty_four_first_names_refused_babyish_and_fear_on_movielens(ml100k_catalog):
    """The helper playing people: "she vetoed arnold" was a search for "vetoed arnold"; "a bit
    babyish" asked for children's films; "i hate being scared" was a search phrase; "isnt meg ryan
    in it" refused Meg Ryan (a question about the film the talk is on)."""
    parser = Parser(ml100k_catalog)
    for text in ("she vetoed arnold", "no arnold"):
        assert parser.parse(text).rejected == [("cast", "Arnold Schwarzenegger")], text
    assert parser.parse("no, will you show me more").rejected == []
    for text in ("a bit babyish", "kinda childish tbh"):
        assert parser.parse(text).rejected == [("genre", "Children's")], text
    assert parser.parse("an action film, she hates getting scared").rejected == [("genre", "Horror")]
    meg = parser.parse("isnt meg ryan in it")
    assert meg.intents == ["about"] and meg.asked == [("cast", "Meg Ryan")] and not meg.rejected and not meg.about


def test_round_twenty_four_rules_keep_to_what_they_were_for_on_movielens(ml100k_catalog):
    """A review of round twenty-four's rules found each misfiring on ordinary messages: a film's
    nationality said too ("a french film with gerard depardieu, the french actor"), a question in
    a later clause ("1 is a classic! any more like it?"), two hours said in numbers, money read as
    minutes, "really kiddie" for a toddler, "there's nothing like a good western", "i showed her
    alien", "the lego movie", "get shorty" cut by a "ty" tail."""
    parser = Parser(ml100k_catalog, english=["her", "alien", "lego", "movie"])
    french = parser.parse("a french film with gerard depardieu, the french actor")
    assert french.alternatives == [(("country", "France"), ("language", "French"))]
    assert parser.parse("1 is a classic! any more like it?").pick == (0, "more")
    shorter = parser.parse("number 3 is a bit long, anything shorter?")
    assert shorter.pick == (2, "dislike") and shorter.accepted == [("runtime", "under 90 minutes")]
    for text in ("no more than 2 hours", "nothing over 120 min", "not over 2 hours"):
        assert parser.parse(text).rejected == [("runtime", "over 2 hours")], text
    assert "yes" not in parser.parse("under 2.5 hours please").intents
    assert not parser.parse("films that grossed less than 100m").accepted
    kiddie = parser.parse("something really kiddie for my 3 year old")
    assert kiddie.accepted == [("genre", "Children's")] and not kiddie.rejected
    assert parser.parse("theres nothing like a good western").accepted == [("genre", "Western")]
    assert [ml100k_catalog.titles[i] for i in parser.parse("i showed her alien last week and she loved it").liked
            ] == ["Alien"]
    assert parser.parse("loved the lego movie, anything like it?").unknown_titles == ["the lego movie"]
    assert ml100k_catalog.titles[parser.parse("show me get shorty").show_film] == "Get Shorty"


def test_round_twenty_four_cards_seen_long_ago_and_films_one_might_have_missed_on_movielens(ml100k_catalog):
    """The helper playing people: "seen 1-4 ages ago. who directed 5?" kept only the question
    ("ages ago" hid the cards seen); "loved 1 and 3 a while back" added a film "3 a while back";
    "something by kubrick i might have missed" searched for the words."""
    parser = Parser(ml100k_catalog)
    ages = parser.parse("seen 1-4 ages ago. who directed 5?")
    assert ages.verdicts == [([0, 1, 2, 3], "seen"), ([4], "about")]
    assert parser.parse("seen 2 and 3 when i was a kid").places == [1, 2]
    back = parser.parse("loved 1 and 3 a while back")
    assert back.places == [0, 2] and back.pick == (0, "like") and not back.unknown_titles
    kubrick = parser.parse("Looking for something by Kubrick I might have missed. Not 2001 or Clockwork Orange, "
                           "obviously.")
    assert kubrick.accepted == [("director", "Stanley Kubrick")] and kubrick.not_now and not kubrick.wish
    assert parser.parse("the members would love number 2, let's go with it").pick == (1, "like")


def test_a_verdict_then_a_question_about_a_film_named_on_movielens(ml100k_catalog):
    """Found talking to the app (2026-12-06): "seen 1. why is ghost a comedy lol" had asked for
    comedies and liked *Ghost*; "seen 1. how long is #3?" lost the card seen ("seen 1." with its
    full stop was no verdict). Both are read: the verdict on the card, and the question."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    assert parser.parse("seen 1.").pick == (0, "seen")
    for text, verdict, intent, film in (("seen 1. why is ghost a comedy lol", ([0], "seen"), "why", "Ghost"),
                                        ("seen 1. who directed ghost?", ([0], "seen"), "about", "Ghost"),
                                        ("loved 2, who is in fargo", ([1], "like"), "about", "Fargo"),
                                        ("hated 3. is fargo good?", ([2], "dislike"), "about", "Fargo")):
        p = parser.parse(text)
        assert p.verdicts == [verdict] and p.intents == [intent] and [t[i] for i in p.about] == [film], text
        assert not (p.accepted or p.liked or p.seen), text
    assert parser.parse("seen 1. how long is #3?").verdicts == [([0], "seen"), ([2], "about")]
    plain = parser.parse("loved fargo. who directed ghost?")  # no card judged: not this reading
    assert not plain.verdicts


def test_a_kind_someone_else_wants_given_up_for_a_proposal_on_movielens(ml100k_catalog):
    """The helper playing a couple (2026-12-06): "my husband wants horror but i hate being scared.
    maybe a thriller thats not gory?" had kept horror, milder, beside thrillers (the list was
    horror-thrillers, one of them *From Dusk Till Dawn*). The kind proposed is the wish and the
    other person's is softly not wanted; without a proposal the milder kind stays."""
    parser = Parser(ml100k_catalog)
    for text, offer in (("my husband wants horror but i hate being scared. maybe a thriller thats not gory?",
                         "Thriller"),
                        ("my wife loves horror but im a wimp, how about a mystery?", "Mystery")):
        p = parser.parse(text)
        assert p.accepted == [("genre", offer)] and ("genre", "Horror") in p.rejected, text
        assert ("genre", "Horror") in p.soft and not p.milder, text
    alone = parser.parse("my husband wants horror but i hate being scared")
    assert alone.accepted == [("genre", "Horror")] and alone.milder == [("genre", "Horror")]
    spooky = parser.parse("something spooky but not gory, maybe a thriller")  # no one else's wish: both, milder
    assert ("genre", "Horror") in spooky.accepted and spooky.milder == [("genre", "Horror")]


def test_round_twenty_five_films_named_in_complaints_and_facts_told_on_movielens(ml100k_catalog):
    """A helper played 20 people at the app (2026-12-06, round twenty-five): a film named in a
    complaint or a fact told of it had been liked, and the fact made a wish. "bruh from dusk till
    dawn is literally rated r" asked for R-rated films; "nine months and just cause are 1995"
    liked both; "the princess bride and brazil aren't aussie films" refused Australia and liked
    them; "ma vie en rose is belgian and in french, surely?" asked for Belgian films. A fact told
    plainly of a film stays praise ("fargo is a comedy, more like that")."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    dusk = parser.parse("bruh from dusk till dawn is literally rated r")
    assert dusk.intents == ["about"] and [t[i] for i in dusk.about] == ["From Dusk Till Dawn"]
    assert dusk.asked == [("mpaa", "rated R")] and not (dusk.liked or dusk.accepted)
    year = parser.parse("I said 1994 exactly, nine months and just cause are 1995.")
    assert year.accepted == [("decade", "1990s")] and not year.liked
    aussie = parser.parse("the princess bride and brazil aren't Aussie films mate")
    assert [t[i] for i in aussie.about] == ["Princess Bride, The", "Brazil"]
    assert not (aussie.liked or aussie.rejected or aussie.alternatives)
    rose = parser.parse("Ma vie en rose is Belgian and in French, surely?")
    assert rose.intents == ["about"] and not (rose.accepted or rose.liked)
    plain = parser.parse("fargo is a comedy, more like that")
    assert [t[i] for i in plain.liked] == ["Fargo"] and plain.accepted == [("genre", "Comedy")]
    assert [t[i] for i in parser.parse("the godfather is long but worth it").liked] == ["Godfather, The"]


def test_round_twenty_five_ordinary_words_and_films_taken_off_on_movielens(ml100k_catalog):
    """The same round: "the terminator isn't really my thing" liked it; "please take off the lion king
    and dumbo" liked both (they are set aside now; "drop the horror" still drops the constraint);
    "something sillier" asked for Ben Stiller; "face off goes hard" liked *Die Hard* too; a long
    request ending "cheers" was a goodbye."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    assert [t[i] for i in parser.parse("The Terminator isn't really my thing.").disliked] == ["Terminator, The"]
    assert parser.parse("westerns aren't really my thing").rejected == [("genre", "Western")]
    assert parser.parse("westerns arent my cup of tea").rejected == [("genre", "Western")]
    off = parser.parse("please take off The Lion King and Dumbo")
    assert [t[i] for i in off.not_now] == ["Lion King, The", "Dumbo"] and not off.liked
    assert parser.parse("drop the horror").dropped == [("genre", "Horror")]
    assert parser.parse("remove tom hanks").dropped == [("cast", "Tom Hanks")]
    for text in ("something sillier please", "something funnier"):
        assert parser.parse(text).accepted == [("genre", "Comedy")], text
    assert parser.parse("something with ben stiler").accepted == [("cast", "Ben Stiller")]
    assert [t[i] for i in parser.parse("face off goes hard, more like that fr").liked] == ["Face/Off"]
    cheers = parser.parse("I wanted something longer. Let's have a full-length British comedy please, cheers.")
    assert "bye" not in cheers.intents and ("genre", "Comedy") in cheers.accepted
    assert "bye" in parser.parse("the sting then. cheers, bye").intents


def test_round_twenty_five_a_question_about_a_film_beside_other_sentences_on_movielens(ml100k_catalog):
    """The same round: a question about a film beside other sentences had been read as a wish
    and a like. "High Noon appeals - is it in black and white?" asked for the 1950s or earlier;
    "also is the empire strikes back scary for kids?" asked for horror and children's films and
    liked it; "forget De Niro. Is Alien 3 any good?" liked *Alien 3*; "is sigourney weaver really
    in annie hall?? thought she was barely in it" liked *Annie Hall* and searched the words."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    for text, film in (("High Noon appeals - is it in black and white?", "High Noon"),
                       ("Also is The Empire Strikes Back scary for kids?", "Empire Strikes Back, The"),
                       ("hmm. is heat any good?", "Heat"),
                       ("is sigourney weaver really in annie hall?? thought she was barely in it", "Annie Hall")):
        p = parser.parse(text)
        assert p.intents == ["about"] and [t[i] for i in p.about] == [film], text
        assert not (p.accepted or p.alternatives or p.liked or p.wish), text
    niro = parser.parse("forget De Niro. Is Alien 3 any good?")
    assert niro.dropped == [("cast", "Robert De Niro")] and not (niro.liked or niro.wish)
    assert [t[i] for i in parser.parse("how long is executive decision? i remember loving it").liked] == [
        "Executive Decision"]


def test_round_twenty_five_series_nations_groups_and_cards_judged_on_movielens(ml100k_catalog):
    """The same round: "no star trek films" set aside *Star Trek: First Contact* alone (the others stayed on
    the cards); "Brazil seen" asked for Brazilian films; "French, Italian, Japanese, Swedish?" wanted a
    film in all four languages; "Two of them love horror, one only watches romcoms, and the rest just
    want something fun" wanted one film of every kind, and "Two of them love" was a film the catalog
    lacks; "1 and 2 seen, 3 looks boring, tell me about 5" lost the verdict on 3; "a retired
    schoolteacher of seventy-three" asked for the 1970s; "the old pictures together" liked *Together*."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    trek = parser.parse("no star trek films please")
    assert len(trek.not_now) == 8 and all(t[i].startswith("Star Trek") for i in trek.not_now)
    assert len(parser.parse("Not a Star Trek fan at all.").not_now) == 8
    assert [t[i] for i in parser.parse("not alien").not_now] == ["Alien"]  # a name alone: the film
    assert [t[i] for i in parser.parse("not star wars").not_now] == ["Star Wars"]
    assert [t[i] for i in parser.parse("not star trek first contact").not_now] == ["Star Trek: First Contact"]
    for text in ("Brazil seen", "seen Brazil"):
        p = parser.parse(text)
        assert [t[i] for i in p.seen] == ["Brazil"] and not p.alternatives, text
    assert parser.parse("something from brazil").alternatives == [(("country", "Brazil"), ("language", "Portuguese"))]
    langs = parser.parse("Do you have any old foreign-language films, French, Italian, Japanese, Swedish?")
    assert len(langs.alternatives) == 1 and ("language", "Swedish") in langs.alternatives[0]
    assert ("language", "French") in langs.alternatives[0] and ("language", "English") in langs.rejected
    group = parser.parse("Two of them love horror, one only watches romcoms, and the rest just want something fun")
    assert not group.accepted and not group.unknown_titles and not group.wish
    assert set(group.alternatives[0]) == {("genre", "Horror"), ("genre", "Romance"), ("genre", "Comedy")}
    assert parser.parse("a romantic comedy").accepted == [("genre", "Romance"), ("genre", "Comedy")]
    two = parser.parse("my wife likes romance and my son wants action")
    assert two.alternatives == [(("genre", "Romance"), ("genre", "Action"))] and not two.unknown_titles
    judged = parser.parse("1 and 2 seen, 3 looks boring, tell me about 5")
    assert judged.verdicts == [([0, 1], "seen"), ([2], "dislike"), ([4], "about")]
    teacher = parser.parse("I am a retired schoolteacher of seventy-three and my late husband and I used to enjoy the "
                           "old pictures together, particularly those with Cary Grant or James Stewart")
    assert not teacher.accepted and not teacher.unknown_titles and not teacher.outside
    assert teacher.alternatives == [(("cast", "Cary Grant"), ("cast", "James Stewart"))]


def test_round_twenty_five_a_rating_said_to_be_fine_on_movielens(ml100k_catalog):
    """The same round: "and R rated is fine" had asked for R-rated films only. A rating said to be
    fine is allowed, not wanted; "mixed reviews are fine" still drops that wish, "comedy is fine" is a yes."""
    parser = Parser(ml100k_catalog)
    for text in ("and R rated is fine", "actually rated R is ok"):
        p = parser.parse(text)
        assert p.allowed == [("mpaa", "rated R")] and not (p.accepted or p.dropped or p.wish), text
    assert parser.parse("mixed reviews are fine").dropped == [("critics", "mixed reviews")]
    assert parser.parse("comedy is fine").accepted == [("genre", "Comedy")]


def test_round_twenty_five_rather_than_and_a_kind_dropped_then_wanted_on_movielens(ml100k_catalog):
    """The same round: "I'd rather have other westerns than his cop films" had been "Crime instead of
    Western"; "Why did you drop comedy? I still want comedy." dropped comedy and wanted it at once."""
    parser = Parser(ml100k_catalog)
    rather = parser.parse("I'd rather have other westerns than his cop films")
    assert rather.accepted == [("genre", "Western")] and rather.rejected == [("genre", "Crime")]
    assert not rather.instead
    assert parser.parse("i'd rather watch paint dry than a war film").rejected == [("genre", "War")]
    still = parser.parse("Why did you drop comedy? I still want comedy.")
    assert still.accepted == [("genre", "Comedy")] and not still.dropped


def test_round_twenty_five_retest_names_mid_and_seen_on_movielens(ml100k_catalog):
    """A second helper played 15 people after the round's mends: "Dave hates anything with
    subtitles" liked *Dave* (1993); "beverly hills ninja looks mid tho" liked it; "I liked Aliens.
    Brazil seen." liked *Brazil* too."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    dave = parser.parse("Dave hates anything with subtitles")
    assert not dave.liked and dave.accepted == [("language", "English")]
    assert [t[i] for i in parser.parse("we loved Dave").liked] == ["Dave"]
    mid = parser.parse("men in black is fire ngl. beverly hills ninja looks mid tho")
    assert [t[i] for i in mid.disliked] == ["Beverly Hills Ninja"] and [t[i] for i in mid.liked] == ["Men in Black"]
    seen = parser.parse("I liked Aliens. Brazil seen.")
    assert [t[i] for i in seen.liked] == ["Aliens"] and [t[i] for i in seen.seen] == ["Brazil"]
    assert "bye" in parser.parse("ok the 2nd one looks good, thx!").intents


def test_round_twenty_six_questions_and_disputes_of_a_film_on_movielens(ml100k_catalog):
    """Left by round twenty-five's retest: a yes-no question of a fact of a film ("Is Aladdin and the
    King of Thieves really Australian??") liked the film and asked for the fact; a kind denied of a
    card ("Dead Man Walking isn't mind-bending at all, it's a death row drama. ...") liked it and asked
    for dramas; "fargo isn't bad" was a dislike and "fargo isn't great" a like."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    for text, film, asked in (("Is Aladdin and the King of Thieves really Australian??",
                               "Aladdin and the King of Thieves", ("country", "Australia")),
                              ("Is Fargo really a comedy?", "Fargo", ("genre", "Comedy")),
                              ("is toy story animated?", "Toy Story", ("genre", "Animation"))):
        p = parser.parse(text)
        assert p.intents == ["about"] and [t[i] for i in p.about] == [film] and p.asked == [asked], text
        assert not (p.liked or p.accepted or p.wish), text
    aladdin = parser.parse("Is Aladdin and the King of Thieves really Australian?? thought it was Disney")
    assert aladdin.intents == ["about"] and not (aladdin.liked or aladdin.accepted)
    assert parser.parse("is it rated r?").about == []  # no film named: the card talked of answers it
    assert parser.parse("is there a french film?").alternatives  # a wish, as before
    walking = parser.parse("Dead Man Walking isn't mind-bending at all, it's a death row drama. "
                           "I wanted something that messes with your head")
    assert [t[i] for i in walking.not_now] == ["Dead Man Walking"] and not (walking.liked or walking.accepted)
    assert "messes" in walking.wish and "drama" not in walking.wish
    assert [t[i] for i in parser.parse("fargo isn't funny at all").not_now] == ["Fargo"]
    assert [t[i] for i in parser.parse("the princess bride and brazil aren't aussie films").about] == [
        "Princess Bride, The", "Brazil"]  # a fact of the record disputed: answered from it, as before
    assert [t[i] for i in parser.parse("fargo isn't bad").liked] == ["Fargo"]
    assert [t[i] for i in parser.parse("heat wasn't bad at all, more like that").liked] == ["Heat"]
    assert [t[i] for i in parser.parse("fargo isn't that great").disliked] == ["Fargo"]
    assert parser.parse("that's not bad").praise
    assert not parser.parse("not bad words please").praise


def test_round_twenty_six_the_films_shown_described_as_a_complaint_on_movielens(ml100k_catalog):
    """"these are cartoons, we are adults" asked for animation; "they're all kids films", "too many
    westerns" and "these are all in english" each asked for what they complain of. A description
    of the list with praise stays as it was."""
    parser = Parser(ml100k_catalog)
    adults = parser.parse("these are cartoons, we are adults")
    assert set(adults.rejected) == {("genre", "Animation"), ("genre", "Children's")} and not adults.accepted
    for text, kind in (("they're all kids films", ("genre", "Children's")), ("too many westerns", ("genre", "Western")),
                       ("these are all in english", ("language", "English")),
                       ("all of these are horror films lol", ("genre", "Horror"))):
        p = parser.parse(text)
        assert p.rejected == [kind] and not (p.accepted or p.wish), text
    drama = parser.parse("these are all comedies, i wanted a drama")
    assert drama.accepted == [("genre", "Drama")] and drama.rejected == [("genre", "Comedy")]
    assert parser.parse("these are from the 80s, i want 90s").accepted == [("decade", "1990s")]
    assert parser.parse("these are all comedies, perfect").accepted == [("genre", "Comedy")]
    assert parser.parse("these are great").praise


def test_round_twenty_six_several_verdicts_and_thanks_are_no_goodbye_on_movielens(ml100k_catalog):
    """"loved heat, seen fargo, thanks" and "1 looks great, seen 2, thanks" ended the conversation
    ("Enjoy the film!"): thanks for a list judged is no goodbye; leave taken in words still is."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    both = parser.parse("loved heat, seen fargo, thanks")
    assert "bye" not in both.intents and [t[i] for i in both.liked] == ["Heat"] and [t[i] for i in both.seen] == [
        "Fargo"]
    cards = parser.parse("1 looks great, seen 2, thanks")
    assert "bye" not in cards.intents and cards.verdicts == [([0], "like"), ([1], "seen")]
    assert "bye" in parser.parse("1 looks great, seen 2, thanks, bye").intents
    assert "bye" in parser.parse("ok the 2nd one looks good, thx!").intents  # one film chosen, and thanks
    assert "bye" in parser.parse("heat was great thanks").intents


def test_round_twenty_six_questions_disputes_and_refusals_at_the_app_on_movielens(ml100k_catalog):
    """A helper played 20 people at the app (2026-12-06, round twenty-six). Questions of a film had
    turned into wishes and likes ("you didnt answer, is Casper scary?" asked for horror and liked
    *Casper* for a child with nightmares; "wait While You Were Sleeping is rated R?? that seems wrong"
    asked for R-rated films); disputes of a card liked it; "GI Jane no thanks" was a goodbye; "never
    actually seen it" was seen; "Forget that" after "that has Tom Cruise in it doesn't it" dropped the
    person's ban on him; "not R" searched for the letter."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles

    def about(text):
        p = parser.parse(text)
        assert p.intents == ["about"] and not (p.liked or p.accepted or p.rejected), (text, p)
        return [t[i] for i in p.about], p.asked

    assert about("you didnt answer, is Casper scary?")[0] == ["Casper"]
    assert about("wait While You Were Sleeping is rated R?? that seems wrong") == (
        ["While You Were Sleeping"], [("mpaa", "rated R")])
    assert about("While You Were Sleeping sounds cute, is it PG?") == (["While You Were Sleeping"],
                                                                        [("mpaa", "rated PG")])
    assert about("Is North by Northwest in colour or black and white?") == (["North by Northwest"], [])
    assert about("tell me the rating of Manhattan Murder Mystery")[0] == ["Manhattan Murder Mystery"]
    assert about("is it PG?") == ([], [("mpaa", "rated PG")])
    lambs = parser.parse("Silence of the Lambs and Unforgiven aren't exactly less violent lol.")
    assert [t[i] for i in lambs.not_now] == ["Silence of the Lambs, The", "Unforgiven"] and not lambs.liked
    future = parser.parse("Back to the Future is not a comedy, it's an adventure film.")
    assert [t[i] for i in future.not_now] == ["Back to the Future"] and not (future.liked or future.accepted)
    assert not parser.parse("blade runner I guess, never actually seen it. thx").seen
    assert [t[i] for i in parser.parse("GI Jane no thanks").not_now] == ["G.I. Jane"]
    assert [t[i] for i in parser.parse("gi jane looks good").liked] == ["G.I. Jane"]
    assert parser.parse("horror, no thanks").rejected == [("genre", "Horror")]
    cruise = parser.parse("I meant films like Rain Man. Oh wait, that has Tom Cruise in it doesn't it. Forget that.")
    assert not (cruise.dropped or cruise.accepted)
    assert ("mpaa", "rated R") in parser.parse("UNDER 2 hours. scary. english. color. not R").rejected
    assert parser.parse("no r rated stuff").rejected == [("mpaa", "rated R")]
    streep = parser.parse("Could you suggest a well-reviewed drama with Meryl Streep?")
    assert (("critics", "well reviewed"), ("critics", "critics' favourite")) in streep.alternatives


def test_round_twenty_six_choices_refusals_and_asides_on_movielens(ml100k_catalog):
    """More of round twenty-six: "cable guy was kinda wierd didnt like it" after "seen happy gilmore
    like 100 times" liked *The Cable Guy*; "Why does it say The Deer Hunter is not well reviewed ...?"
    ruled out well reviewed films and liked it; "... with a cup of tea. Bless you." and "Anyway Wrath
    of Khan is perfect" were searched as titles; "Pinocchio looks ok though" was a dislike;
    "doesnt have to be comedy btw just scary" dropped horror too; "is casper scary?" was a yes or no
    to horror alone."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    gilmore = parser.parse("seen happy gilmore like 100 times lol cable guy was kinda wierd didnt like it")
    assert "Cable Guy, The" in [t[i] for i in gilmore.disliked] and not gilmore.liked
    why = parser.parse("Why does it say The Deer Hunter is not well reviewed when it says critics' favourite?")
    assert why.intents == ["why"] and [t[i] for i in why.about] == ["Deer Hunter, The"] and not why.rejected
    tea = parser.parse("I will watch Meet Me in St Louis with a cup of tea. Bless you.")
    assert "bye" in tea.intents and [t[i] for i in tea.liked] == ["Meet Me in St. Louis"] and not tea.unknown_titles
    khan = parser.parse("Anyway Wrath of Khan is perfect, I'll watch that. Thanks.")
    assert [t[i] for i in khan.liked] == ["Star Trek: The Wrath of Khan"] and not khan.unknown_titles
    spooky = parser.parse("nightmare before christmas might be too spooky. Pinocchio looks ok though")
    assert [t[i] for i in spooky.disliked] == ["Nightmare Before Christmas, The"]
    assert [t[i] for i in spooky.liked] == ["Pinocchio"]
    scary = parser.parse("doesnt have to be comedy btw just scary")
    assert scary.dropped == [("genre", "Comedy")] and scary.accepted == [("genre", "Horror")]
    casper = parser.parse("is casper scary?")
    assert [t[i] for i in casper.about] == ["Casper"] and casper.asked == []  # the record answers it as a whole


def test_round_twenty_six_someone_who_would_be_scared_wants_nothing_scary_on_movielens(ml100k_catalog):
    """"She will be scared." asked for horror (a Spanish speaker choosing for his wife); "my son gets
    nightmares" and "the kids get scared easily" are the same limit. Wanting to be scared is still horror."""
    parser = Parser(ml100k_catalog)
    for text in ("She will be scared.", "she gets scared easily", "my son gets nightmares",
                 "kindly avoid horror, my mother gets scared very easily"):
        p = parser.parse(text)
        assert ("genre", "Horror") in p.rejected and not p.accepted and not p.unwish, text
    assert parser.parse("i want to be scared").accepted == [("genre", "Horror")]


def test_round_twenty_six_retest_disputes_and_questions_in_longer_messages_on_movielens(ml100k_catalog):
    """A second helper retested round twenty-six with 15 more people: disputes of a card made the
    kind disputed a wish and liked the film; questions among other sentences liked the film or
    asked for the fact; a friend called Dave liked *Dave*; "seen all of those honestly except the
    rock" marked *The Rock* seen."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles

    def aside(text, film):
        p = parser.parse(text)
        assert [t[i] for i in p.not_now] == [film] and not p.liked, (text, p)
        return p

    war = aside("hmm. in love and war is more a romance than a war film. something grittier", "In Love and War")
    assert not war.accepted
    butch = aside("Butch Cassidy is a western, that's nothing like Alien. I want sci-fi, ideally set in space, and it "
                  "should be funny.", "Butch Cassidy and the Sundance Kid")
    assert ("genre", "Western") not in butch.accepted and not butch.disliked
    assert aside("flubber is a kids movie, I said no kids films.", "Flubber").rejected == [("genre", "Children's")]
    aside("Wings of Desire is definitely not a rom-com btw", "Wings of Desire")
    rock = parser.parse("seen all of those honestly except the rock.")
    assert rock.intents == ["seen_all"] and [t[i] for i in rock.seen_but] == ["Rock, The"] and not rock.seen
    for text, film in (("Might I ask whether Notorious is very suspenseful? My husband has a weak heart, you see.",
                        "Notorious"),
                       ("Is Mars Attacks! set in space?", "Mars Attacks!"),
                       ("ok better. is das boot in german? and which version is it, the 3 hour one?", "Boot, Das"),
                       ("Il Postino was Italian, wasn't it?", "Postino, Il")):
        p = parser.parse(text)
        assert p.intents == ["about"] and [t[i] for i in p.about] == [film] and not (p.liked or p.alternatives), text
    assert not parser.parse("hey so me and my buddy Dave are picking a movie").liked
    assert [t[i] for i in parser.parse("is charade the one with cary grant and audrey hepburn? adored it").liked] == [
        "Charade"]  # a like after the question: as before


def test_round_twenty_six_who_a_person_is_is_asked_not_wished_for_on_movielens(ml100k_catalog):
    """"Who is Bess Flowers? I don't know her." (a name on a card) made her films the wish; it asks
    who she is. Questions of a film's cast stay as they were."""
    parser = Parser(ml100k_catalog)
    p = parser.parse("Who is Bess Flowers? I don't know her.")
    assert p.intents == ["who"] and p.asked == [("cast", "Bess Flowers")] and not p.accepted
    assert parser.parse("who is kevin spacey?").asked == [("cast", "Kevin Spacey")]
    assert parser.parse("who's in it?").intents == ["about"]
    assert parser.parse("who is in the third one?").pick == (2, "about")
    assert [ml100k_catalog.titles[i] for i in parser.parse("who directed jaws?").about] == ["Jaws"]


def test_round_twenty_seven_complaints_and_corrections_on_movielens(ml100k_catalog):
    """Round twenty-seven (20 people at the page): corrections were read as agreement, and a film
    mocked or rejected in passing was liked ("spy hard is literally a spoof lol. not that one")."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    spy = parser.parse("spy hard is literally a spoof lol. not that one")
    assert [t[i] for i in spy.not_now] == ["Spy Hard"] and not spy.liked
    pulp = parser.parse("pulp fiction?? thats super bloody. she'll walk out. keep it spacey, sci fi, just not violent")
    assert [t[i] for i in pulp.not_now] == ["Pulp Fiction"] and not pulp.liked
    assert pulp.accepted == [("genre", "Sci-Fi")] and ("genre", "Horror") not in pulp.accepted  # (not Kevin Spacey)
    twister = parser.parse("twister?? thats a tornado movie haha. i mean like the usual suspects")
    assert [t[i] for i in twister.not_now] == ["Twister"] and [t[i] for i in twister.liked] == ["Usual Suspects, The"]
    assert [t[i] for i in parser.parse("casablanca?? thats my favourite!").liked] == ["Casablanca"]
    year = parser.parse("none of those are from 1994 though. any others from that year?")
    assert year.accepted == [("decade", "1990s")] and not year.rejected
    for text, dropped in (("y united states?i didnt say that", ("country", "United States")),
                          ("why 70s?? i never said 70s. any decade is fine.", ("decade", "1970s"))):
        p = parser.parse(text)
        assert dropped in p.dropped and dropped not in p.accepted, text
    thirties = parser.parse("nothing from the 30s? what about the 39 steps")
    assert thirties.accepted == [("decade", "1930s")] and not thirties.rejected
    drum = parser.parse("the tin drum is rated R, i said nothing above pg-13")
    assert [t[i] for i in drum.not_now] == ["Tin Drum, The (Blechtrommel, Die)"] and not drum.accepted
    assert ("mpaa", "rated PG-13") in drum.alternatives[0] and not drum.liked
    gold = parser.parse("meh. goldeneye is not lesser-known lol. like cult stuff")
    assert [t[i] for i in gold.not_now] == ["GoldenEye"] and not gold.popular and gold.lesser_known
    sven = parser.parse("who the heck is sven-ole thorsen lol. bruce willis is fine")
    assert sven.accepted == [("cast", "Bruce Willis")] and sven.rejected == [("cast", "Sven-Ole Thorsen")]
    assert parser.parse("It certainly is animated. Please take it off.").rejected == [("genre", "Animation")]
    card = parser.parse("number 3 is a horror film, take it off")
    assert card.rejected == [("genre", "Horror")] and card.pick == (2, "dislike") and not card.accepted


def test_round_twenty_seven_everyday_words_are_no_titles_or_people_on_movielens(ml100k_catalog):
    """"a true story from the past" liked *FairyTale: A True Story* and looked for films like *The Past*
    (2013); "if that helps" was a title the catalog lacks; "R is ok" an unknown title; "les acteurs"
    a person."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    past = parser.parse("no cartoons at all. i want a real historical drama, something like a true story from the "
                        "past, for teenagers")
    assert not (past.liked or past.outside or past.unknown_titles) and past.accepted == [("genre", "Drama")]
    helps = parser.parse("she liked titanic a lot if that helps")
    assert [t[i] for i in helps.liked] == ["Titanic"] and not helps.unknown_titles
    r = parser.parse("ok fine, R is ok, just not splatter")
    assert ("mpaa", "rated R") in r.allowed and not r.unknown_titles  # allowed, not the only rating (round 28)
    rose = parser.parse("ma vie en rose, c'est qui les acteurs et c'est bien?")
    assert rose.intents == ["about"] and [t[i] for i in rose.about] == ["Ma vie en rose (My Life in Pink)"]
    assert not (rose.liked or rose.unknown_people)


def test_round_twenty_seven_choices_and_questions_of_the_list_on_movielens(ml100k_catalog):
    """"heat or fargo? imma go with fargo" liked both; "imma go with fargo" and "die hard 2 then. done"
    were no choice; "got evil dead 2 or braindead??" answered one film; "who is the lead?", "who is in
    these?" and "how long are they?" were a wish (the last for films over 2 hours); "what would pair
    well with it? ... for the night" said goodnight."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    for text, films in (("heat or fargo? imma go with fargo", ["Fargo"]), ("imma go with fargo", ["Fargo"]),
                        ("alien or aliens?? we'll take aliens", ["Aliens"]), ("ok imma watch heat", ["Heat"])):
        p = parser.parse(text)
        assert [t[i] for i in p.liked] == films and not p.wish, text
    assert CHOOSE_RE.search("die hard 2 then. done") and not CHOOSE_RE.search("i'm done with westerns")
    got = parser.parse("got evil dead 2 or braindead??")
    assert got.intents == ["about"] and [t[i] for i in got.about] == ["Evil Dead II", "Braindead"]
    assert parser.parse("got any comedies?").accepted == [("genre", "Comedy")]  # a wish, as before
    assert parser.parse("who is the lead?").intents == ["about"] and not parser.parse("who is the lead?").wish
    for text in ("who is in these?", "who stars in these films?", "how long are they?", "what are these rated?"):
        p = parser.parse(text)
        assert p.intents == ["about"] and p.places == [0, 1, 2, 3, 4] and not (p.accepted or p.wish), text
    assert parser.parse("are they in english?").asked == [("language", "English")]
    pair = parser.parse("oh aliens is a good one. what would pair well with it? like its partner for the night")
    assert "bye" not in pair.intents and [t[i] for i in pair.liked] == ["Aliens"]


def test_round_twenty_seven_limits_eras_and_restarts_on_movielens(ml100k_catalog):
    """"ugh. start over. ..." did not start over; "i need a SECOND movie to go with aliens" turned down
    card 2; "i would prefer one of his older ones, maybe from the eighties" dropped the actor; "before
    1965" left out the early 60s; "evil dead 2 is super gory i said not to gory" liked it; "the game it
    is, never seen it" was no choice; "got any more along the lines of number 3?" stays a request."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    restart = parser.parse("ugh. start over. comedies")
    assert restart.intents == ["restart"] and restart.accepted == [("genre", "Comedy")]
    second = parser.parse("wait no im not done, i need a SECOND movie to go with aliens. something similar")
    assert second.pick is None and not second.places and [t[i] for i in second.liked] == ["Aliens"]
    older = parser.parse("Those look nice, but I would prefer one of his older ones, maybe from the eighties")
    assert older.accepted == [("decade", "1980s")] and not older.instead
    early = parser.parse("just italian or french films from before 1965")
    assert ("decade", "1960s") in early.alternatives[0] and ("decade", "1970s") not in early.alternatives[0]
    assert ("decade", "1960s") not in parser.parse("films before 1960").alternatives[0]
    assert early.year_bound == "<1965" and not parser.parse("films before 1960").year_bound
    assert parser.parse("films after 1994").accepted == [("decade", "1990s")]
    gory = parser.parse("remove the united states filter pls.and evil dead 2 is super gory i said not to gory")
    assert [t[i] for i in gory.not_now] == ["Evil Dead II"] and not gory.liked
    assert ("country", "United States") in gory.dropped
    assert CHOOSE_RE.search("the game it is, never seen it") and CHOOSE_RE.search("the game it is")
    assert "nothing gory" in parser.frame("something like alien, my gf hates blood") or parser.parse(
        "something like alien, my gf hates blood").rejected
    more = parser.parse("got any more along the lines of number 3?")
    assert not more.unknown_titles and more.intents != ["about"]
    assert [t[i] for i in parser.parse("loved the shinning").liked] == ["Shining, The"]
    lion = parser.parse("lion king has the dad dying scene, too sad for him.")
    assert [t[i] for i in lion.not_now] == ["Lion King, The"] and not lion.liked
    mohicans = parser.parse("last of the mohicans looks like a winner. is it rated R? how violent")
    assert mohicans.intents == ["about"] and [t[i] for i in mohicans.about] == ["Last of the Mohicans, The"]
    for text, dropped in (("and i never said crime", ("genre", "Crime")),
                          ("i never asked for horror", ("genre", "Horror"))):
        p = parser.parse(text)
        assert p.dropped == [dropped] and not p.rejected, text  # (it had ruled the kind out)
    assert parser.parse("seen all of those except fathers day. any others?").intents == ["seen_all"]


def test_round_twenty_seven_retest_on_movielens(ml100k_catalog):
    """The retest of round twenty-seven (15 people): a film mocked with a question mark was liked
    ("empire strikes back? i literally just said no star wars. get it off"); "i said START OVER"
    was a title the catalog lacks; "no rated R. pg-13 max" refused PG-13 and milder too (the "R." of
    "R. Lee Ermey" had joined the sentences); "comedy doesnt have to be required" kept comedy; "ok
    last one, ..." liked card 5; "princess bride isnt really like die hard" liked both; "are any of
    them rated R? my gf ..." and "how long are they all, i need to be in bed by 11" were wishes."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    empire = parser.parse("empire strikes back? i literally just said no star wars. get it off")
    assert "Empire Strikes Back, The" in [t[i] for i in empire.not_now] and not empire.liked
    restart = parser.parse("i said START OVER. no tom hanks. funny movies with animals, like babe")
    assert restart.intents == ["restart"] and not restart.unknown_titles
    for text in ("no rated R. pg-13 max", "i asked IF they were rated R, i dont WANT rated R. pg-13 max"):
        p = parser.parse(text)
        assert p.rejected == [("mpaa", "rated R")], text
        assert p.alternatives == [(("mpaa", "rated G"), ("mpaa", "rated PG"), ("mpaa", "rated PG-13"))], text
    assert parser.parse("films with r. lee ermey").accepted == [("cast", "R. Lee Ermey")]
    thrill = parser.parse("comedy doesnt have to be required!! just thrillers")
    assert thrill.dropped == [("genre", "Comedy")] and thrill.accepted == [("genre", "Thriller")]
    last = parser.parse("I LIKE DIE HARD. ok last one, something like die hard but a western")
    assert last.pick is None and [t[i] for i in last.liked] == ["Die Hard"]
    assert parser.parse("the last one looks good").pick == (-1, "like")
    bride = parser.parse("princess bride isnt really like die hard lol. ok different idea: like die hard but in space")
    assert [t[i] for i in bride.not_now] == ["Princess Bride, The"] and [t[i] for i in bride.liked] == ["Die Hard"]
    for text, asked in (("finally. are any of them rated R? my gf doesnt like super violent stuff",
                         [("mpaa", "rated R")]), ("how long are they all, i need to be in bed by 11", [])):
        p = parser.parse(text)
        assert p.intents == ["about"] and p.places == [0, 1, 2, 3, 4] and p.asked == asked, text
        assert not (p.accepted or p.rejected), text
    months = parser.parse("nine months is rated pg-13 and its about a pregnancy, not for a 7 year old. i said nothing "
                          "above PG")
    assert [t[i] for i in months.not_now] == ["Nine Months"] and not (months.liked or months.accepted or months.unwish)


def test_round_twenty_seven_corrections_of_what_was_noted_on_movielens(ml100k_catalog):
    """"i didnt say anything about contact" had set *Contact* aside, "i never said i liked contact"
    disliked it and "i didnt say anything about crime" ruled crime out: each takes back what was
    noted. "a quiet drama or a nature documentary" wanted films of both kinds; now either."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    for text in ("i didnt say anything about contact?? anyway show me films like aliens",
                 "i never said i liked contact"):
        p = parser.parse(text)
        assert [t[i] for i in p.unsaid] == ["Contact"] and not (p.not_now or p.disliked), text
    assert [t[i] for i in parser.parse("i didnt say anything about contact?? show me films like aliens").liked] == [
        "Aliens"]
    crime = parser.parse("i didnt say anything about crime")
    assert crime.dropped == [("genre", "Crime")] and not crime.rejected
    hard = parser.parse("wait you said i liked AND didnt like die hard?? i do like it. and it doesnt need to be funny")
    assert [t[i] for i in hard.liked] == ["Die Hard"] and not (hard.disliked or hard.unsaid)
    for text in ("a quiet drama or a nature documentary", "westerns or some old war films"):
        p = parser.parse(text)
        assert len(p.alternatives) == 1 and len(p.alternatives[0]) == 2 and not p.accepted, text
    assert parser.parse("a comedy or not a horror").rejected == [("genre", "Horror")]


def test_round_twenty_seven_retest_questions_of_a_named_film_on_movielens(ml100k_catalog):
    """The retest of round twenty-seven: "no entendiste jaja. how long is the frighteners and who is in
    it" answered of card 1 (*Alien: Resurrection*), and "is the seventh seal swedish?" wanted Swedish
    films and liked it (a title with its article first was never read as the film asked about)."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    for text in ("how long is the frighteners and who is in it",
                 "no entendiste jaja. how long is the frighteners and who is in it"):
        p = parser.parse(text)
        assert p.intents == ["about"] and [t[i] for i in p.about] == ["Frighteners, The"], text
    seal = parser.parse("is the seventh seal swedish?")
    assert seal.intents == ["about"] and [t[i] for i in seal.about] == ["Seventh Seal, The (Sjunde inseglet, Det)"]
    assert seal.asked == [("country", "Sweden"), ("language", "Swedish")] and not (seal.liked or seal.alternatives)
    assert parser.parse("is the one with tom hanks funny?").pick_with == ("cast", "Tom Hanks")  # no title after "the"


def test_round_twenty_eight_films_mocked_or_disputed_on_movielens(ml100k_catalog):
    """Round twenty-eight (20 people at the page): a film mocked, doubted or disputed in passing had
    been liked, and the kind it "is not even" ruled out; a film proposed after a dislike was disliked."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles

    def aside(text):
        p = parser.parse(text)
        assert not set(p.liked) & set(p.not_now + p.disliked), text
        return sorted(t[i] for i in p.not_now + p.disliked), p

    assert aside("lol why speed 2?? anyway, something with fighter jets or military action")[0] == [
        "Speed 2: Cruise Control"]
    films, p = aside("toy story?? bro im not 8 \U0001f62d smth more unhinged, like adult humor, no kids stuff pls")
    assert films == ["Toy Story"] and ("genre", "Comedy") in p.accepted
    films, p = aside("bruh schindlers list \U0001f62d\U0001f62d i want COMEDY. funny")
    assert films == ["Schindler's List"] and ("genre", "Comedy") in p.accepted
    films, p = aside("forrest gump isnt even a comedy fr. think more like big lebowski")
    assert films == ["Forrest Gump"] and ("genre", "Comedy") not in p.rejected
    assert [t[i] for i in p.liked] == ["Big Lebowski, The"]
    assert aside("no i mean the single highest rated one. contact is not the best film ever lol")[0] == ["Contact"]
    assert aside("187 is a violent teacher movie, not a tearjerker")[0] == ["187"]
    assert aside("Star Wars and Alien did not win Best Picture.")[0] == ["Alien", "Star Wars"]
    assert aside("true lies yes! more like that pls. muppets and wallace and gromit arent it")[1].liked == [
        t.index("True Lies")]
    assert aside("in & out is the best comedy?? what about dr strangelove")[0] == ["In & Out"]
    p = parser.parse("i did NOT like contact. what about dr strangelove or some like it hot")
    assert [t[i] for i in p.disliked] == ["Contact"] and len(p.liked) == 2
    assert [t[i] for i in parser.parse("casablanca?? thats my favourite!").liked] == ["Casablanca"]  # praise stays
    assert [t[i] for i in parser.parse("fargo?? lol love it").liked] == ["Fargo"]


def test_round_twenty_eight_ordinary_words_and_asks_on_movielens(ml100k_catalog):
    """"However," and "Why" opening a sentence, "her EARLY stuff" were films the catalog lacks;
    "None of these are sports films though?" kept away from "sports"; "more like the ones I liked"
    was "something different"; "under 100 minutes" kept films up to two hours; "ok speed" searched
    for "ok speed"; "Toy Story meets Alien" lacked a film "meets"; "early julia roberts films" had
    no order; "needs to work for both of them" asked whose films were meant."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    p = parser.parse("Thank you. However, I would rather not have the animated cartoons. Anything with Fred Astaire?")
    assert "However" not in p.unknown_titles and ("cast", "Fred Astaire") in p.accepted
    assert "EARLY stuff" not in parser.parse("i mean her EARLY stuff, late 80s, before Pretty Woman").unknown_titles
    sports = parser.parse("None of these are sports films though? I mean like Rudy")
    assert not sports.unwish and "sports" in sports.wish
    assert parser.parse("more like the ones I liked").intents == ["more"]
    capped = parser.parse("need something under 100 minutes, a comedy maybe")
    assert capped.accepted == [("genre", "Comedy")] and capped.max_minutes == 100
    assert capped.alternatives == [(("runtime", "under 90 minutes"), ("runtime", "90 to 120 minutes"))]
    assert [t[i] for i in parser.parse("ok speed").liked] == ["Speed"]
    assert parser.parse("yeah the first one").pick == (0, "like")
    meets = parser.parse("something like Toy Story meets Alien lol")
    assert sorted(t[i] for i in meets.liked) == ["Alien", "Toy Story"] and not meets.unknown_titles
    early = parser.parse("early julia roberts films? like before she got huge")
    assert early.accepted == [("cast", "Julia Roberts")] and early.era == "oldest"
    assert parser.parse("Needs to work for both of them. nothing scary").person_ref is None
    assert parser.parse("anything else with both of them?").person_plural  # two people asked for before
    p = parser.parse("these are all poorly reviewed")
    assert ("critics", "poorly reviewed") not in p.accepted
    p = parser.parse("nothing changed? also i didn't say no R rated, R is fine. i just dont want blood and guts")
    assert p.allowed == [("mpaa", "rated R")] and not p.accepted and not p.unwish  # (not only R, nor "changed")
    vegas = parser.parse("leaving las vegas is in vegas lol. i want paris")
    assert [t[i] for i in vegas.not_now] == ["Leaving Las Vegas"] and not vegas.liked


def test_round_twenty_eight_german_on_movielens(ml100k_catalog):
    """"vielleicht auch 80er" (the 80s too), "nicht nur", "egal welches Jahr", "kenne ich schon",
    "ist aber kein Komödie", "etwas Lustiges": "nur" had been a search to keep away from, the seen
    film a like, the film disputed a like, and "something funny" lost."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    p = parser.parse("Good Will Hunting ist aber kein Komödie, ich wollte was lustiges! Mrs Doubtfire kenne ich schon.")
    assert [t[i] for i in p.not_now] == ["Good Will Hunting"] and [t[i] for i in p.seen] == ["Mrs. Doubtfire"]
    assert ("genre", "Comedy") in p.accepted and not p.liked
    p = parser.parse("nein, AUCH 80er, nicht nur. einfach alle Robin Williams Komödien, egal welches Jahr bitte")
    assert not p.unwish and ("cast", "Robin Williams") in p.accepted and ("genre", "Comedy") in p.accepted
    funny = parser.parse("Hallo! Ich suche etwas Lustiges, maybe 90s, mit Robin Williams")
    assert ("genre", "Comedy") in funny.accepted and ("cast", "Robin Williams") in funny.accepted


def test_round_twenty_eight_retest_on_movielens(ml100k_catalog):
    """The retest of round twenty-eight: "jim carrey screaming for 90 min no thanks" asked for his
    films; "something else like that" was "something different"; "i never saw clueless, i just dont
    want it" liked it; "outbreak's not really a thriller ... psycho a romance?? lol" asked for
    romances and ruled thrillers out; "is the tango lesson a british film? or argentinian" asked for
    Argentine films; "and the piano, is that australian?" was asked of the film before; "no country
    filter" kept away from the word "country"; "how many minutes is army of darkness" liked it; "his
    first films" listed his latest."""
    parser = Parser(ml100k_catalog)
    t = ml100k_catalog.titles
    carrey = parser.parse("lol liar liar? really? jim carrey screaming for 90 min no thanks")
    assert ("cast", "Jim Carrey") in carrey.rejected and [t[i] for i in carrey.not_now] == ["Liar Liar"]
    assert parser.parse("something else like that").intents != ["something_else"]
    clueless = parser.parse("i never saw clueless, i just dont want it")
    assert [t[i] for i in clueless.unsaid] == ["Clueless"] and [t[i] for i in clueless.not_now] == ["Clueless"]
    assert not (clueless.liked or clueless.seen)
    label = parser.parse("better. but outbreak's not really a thriller, thats a disaster movie. and psycho a romance?? "
                         "lol. more like silence of the lambs")
    assert not label.accepted and not label.rejected and "Silence of the Lambs, The" in [t[i] for i in label.liked]
    tango = parser.parse("is the tango lesson a british film? or argentinian")
    assert tango.intents == ["about"] and [t[i] for i in tango.about] == ["Tango Lesson, The"] and not tango.accepted
    piano = parser.parse("and the piano, is that australian?")
    assert [t[i] for i in piano.about] == ["Piano, The"] and piano.asked == [("country", "Australia")]
    assert parser.parse("ok, is it rated R?").asked == [("mpaa", "rated R")]  # "ok" is no film
    assert parser.parse("forget argentina!! no country filter").dropped_types == ["country"]
    assert [t[i] for i in parser.parse("how many minutes is army of darkness exactly").about] == ["Army of Darkness"]
    ford = parser.parse("what about harrison ford, his first films?")
    assert ford.era == "oldest" and ("cast", "Harrison Ford") in ford.accepted
    spanish = parser.parse("ok rated R esta bien, I just dont want like super gore tipo splatter. something scary pero "
                           "psicologico")
    assert spanish.allowed == [("mpaa", "rated R")] and ("mpaa", "rated R") not in spanish.accepted
    assert not spanish.unwish  # ("porfa" had been a word to keep away from)
    scream = parser.parse("scream no, eso es slasher. quiero algo como The Shining. y porque dice no war?? nunca "
                          "dije eso")
    assert [t[i] for i in scream.not_now] == ["Scream"] and [t[i] for i in scream.liked] == ["Shining, The"]
    assert scream.dropped == [("genre", "War")]
    patton = parser.parse("strangelove and mash are comedies, not what i mean. more patton style")
    assert [t[i] for i in patton.not_now] == ["M*A*S*H"] and [t[i] for i in patton.liked] == ["Patton"]
    assert not patton.accepted and not patton.unwish
