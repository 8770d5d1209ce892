"""The words a person uses for the catalog's attribute values and titles.

``Lexicon(catalog)`` maps token phrases (tuples of normalised tokens, see ``tokens``) to
(type, value) pairs of the catalog vocabulary, and title phrases to item indices; built once
per catalog (about 0.3 s for ML-100K) and read-only afterwards, so one lexicon is shared by
every session's thread.

What it knows: genre names, plurals and everyday synonyms ("sci fi", "funny", "scary",
"animated", "family"); decades ("90s", "1990s", "nineties", a year like 1994); full names of
directors, cast and writers, and the surnames of directors that are unique in the catalog
and not ordinary words ("hitchcock", "kubrick"); MPAA ratings; runtime, Oscar and critics
words; language and country names. Titles by their full name with a trailing article moved
to the front ("Usual Suspects, The" -> "the usual suspects"), with and without the article.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict

import numpy as np

from recsys.catalog import Catalog
from recsys.retrieval import DECADE_WORDS, GENRE_SYNONYMS

Phrase = tuple[str, ...]
Value = tuple[str, str]

RATINGS = ("G", "PG", "PG-13", "R", "NC-17")  # MPAA ratings, mildest first
TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F']+")

EXTRA_GENRE_WORDS = {
    "scary": "Horror", "horror movie": "Horror", "horrors": "Horror", "scarier": "Horror", "terrifying": "Horror",
    "frightening": "Horror", "spooky": "Horror", "creepy": "Horror",
    "family": "Children's", "kid": "Children's", "grandkids": "Children's", "grandchildren": "Children's",
    "grandson": "Children's", "granddaughter": "Children's", "grandsons": "Children's",
    "granddaughters": "Children's", "little ones": "Children's", "toddler": "Children's",
    "toddlers": "Children's",  # (a kind only "for" them: parser._people_word)
    "love story": "Romance", "funnier": "Comedy", "funniest": "Comedy", "scariest": "Horror",
    "action packed": "Action", "detective": "Mystery", "whodunit": "Mystery", "whodunnit": "Mystery",
    "who dunnit": "Mystery", "who dunit": "Mystery", "who done it": "Mystery",
    "sci": "Sci-Fi", "space": "Sci-Fi", "musical": "Musical",
    "cowboy": "Western", "cowboys": "Western", "documentary": "Documentary", "doco": "Documentary",
    "docos": "Documentary", "docco": "Documentary", "doccos": "Documentary",
    "syfy": "Sci-Fi", "scify": "Sci-Fi", "sci fy": "Sci-Fi", "sci fiction": "Sci-Fi",
    "gangster": "Crime", "gangsters": "Crime", "mafia": "Crime", "mobster": "Crime",
    "murder mystery": "Mystery", "murder mysteries": "Mystery", "film noire": "Film-Noir",
    "slasher": "Horror", "slashers": "Horror", "splatter": "Horror", "mob": "Crime", "mobsters": "Crime",
    "spaghetti western": "Western", "spaghetti westerns": "Western",  # and Italian (parser: KINDS_OF_A_NATION)
    "anime": "Animation",  # and Japanese (parser: KINDS_OF_A_NATION)
    "neo noir": "Film-Noir", "neonoir": "Film-Noir", "humour": "Comedy", "humor": "Comedy", "humorous": "Comedy",
}
# everyday words for a kind of film that the catalog knows only by genre: the genres a person
# who asks for it wants (all of them: "a romcom" is Romance and Comedy) and those one who does
# not want it rejects (each of them: "nothing violent" is no Action, Crime, Horror or War;
# "no romcoms" is no Romance, and the comedies stay)
# a good cry, said so (a mood of Drama that clashes with thrillers: ``MOOD_CLASHES``)
_TEARJERKER = ("tearjerker", "tearjerkers", "tear jerker", "tear jerkers", "weepy", "weepie", "weepies", "good cry",
               "make me cry", "makes me cry", "heart broken", "heartbroken", "break my heart", "breaks my heart",
               "heartbreaking", "heartbreaker", "to cry to", "to cry", "cry to", "a cry", "to sob to",
               "sob my heart out", "cry my eyes out", "cry my heart out", "a sob", "sob story", "bawl my eyes out",
               "have a bawl", "a good bawl")  # (not "bawl" alone: "ET made me bawl as a kid" praises the film)
MOODS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    **dict.fromkeys(("explosions", "explosion", "explosive", "car chase", "car chases", "shootout", "shootouts",
                     "shoot outs", "gunfights", "fight scenes", "martial arts", "kung fu", "karate", "blow stuff up",
                     "things blowing up", "stuff blowing up"), (("Action",), ("Action",))),
    **dict.fromkeys(("heist", "heists", "caper", "capers", "robbery", "robberies", "bank robbery", "con artist",
                     "con artists", "con man", "con men"), (("Crime",), ("Crime",))),
    **dict.fromkeys(_TEARJERKER, (("Drama",), ("Drama",))),
    # ("no tearjerkers": no drama; "i want my heart broken tonight")
    **dict.fromkeys(("cop", "cops", "cop film", "cop movie", "cop films", "cop movies", "police", "police drama",
                     "detective story", "crime story"), (("Crime",), ("Crime",))),  # "a gritty cop film"
    **dict.fromkeys(("sad", "depressing", "bleak", "grim", "heavy", "downer"), (("Drama",), ("Drama", "War"))),
    **dict.fromkeys(("violent", "violence", "brutal"), (("Action",), ("Action", "Crime", "Horror", "War"))),
    **dict.fromkeys(("gory", "gore", "bloody", "gross", "disgusting", "gruesome", "splatter"),
                    (("Horror",), ("Horror", "War"))),
    **dict.fromkeys(("babyish", "kiddie", "kiddy", "childish", "baby stuff", "for babies", "little kid stuff"),
                    (("Children's",), ("Children's",))),  # "nothing babyish, they're 14 and 16"
    **dict.fromkeys(("dark",), ((), ("Film-Noir", "Horror", "War"))),
    **dict.fromkeys(("with aliens", "about aliens", "alien invasion", "spaceships", "robots", "time travel"),
                    (("Sci-Fi",), ("Sci-Fi",))),  # ("i loved aliens": the film)
    **dict.fromkeys(("wizards", "wizard", "dragons", "elves", "sorcery", "sword and sorcery"),
                    (("Fantasy",), ("Fantasy",))),  # "nothing with aliens or wizards"
    **dict.fromkeys(("scare me", "scare the pants off", "scare the pants off me", "scare the hell out of me",
                     "scare the crap out of me", "scare the life out of me", "terrify me", "give me nightmares",
                     "make me scream", "jump scares", "jumpscares", "sleep with the lights on",
                     "sleep with the light on", "keep me up at night", "scared stiff", "be scared", "be scared stiff",
                     "scared out of my skin", "jump out of my skin", "scared out of my wits", "scare me silly"),
                    (("Horror",), ("Horror",))),
    **dict.fromkeys(("zombie", "zombies", "vampire", "vampires", "ghost story", "ghost stories", "haunted house",
                     "haunted", "monster movie", "monster movies", "werewolf", "werewolves", "supernatural",
                     "paranormal", "occult", "ghost movie", "ghost movies", "ghost film", "ghost films", "ghosts"),
                    (("Horror",), ("Horror",))),
    **dict.fromkeys(("good laugh", "a laugh", "make me laugh", "makes me laugh", "laughs", "laugh", "lighter",
                     "laugh my head off", "laugh my socks off", "laugh out loud", "belly laugh", "make her laugh",
                     "make him laugh", "make them laugh", "make us laugh", "giggle", "giggles", "giggling",
                     "laff", "laffs", "good laff", "a laff", "proper laugh", "real laugh", "big laugh",
                     "decent laugh", "good giggle"),
                    (("Comedy",), ("Comedy",))),
    **dict.fromkeys(("feel good", "feelgood", "uplifting", "hopeful", "heartwarming", "heart warming", "cheerful",
                     "cheer me up", "light hearted", "lighthearted", "easy watching", "pick me up", "cheer up",
                     "cheering up", "make me happy", "makes me happy", "make me smile", "makes me smile",
                     "happy film", "happy films", "happy movie", "happy movies", "something happy", "feel better",
                     "make me feel better", "makes me feel better"),
                    (("Comedy",), ("Comedy",))),
    **dict.fromkeys(("robots", "robot", "time travel", "aliens from space", "outer space"), (("Sci-Fi",), ("Sci-Fi",))),
    **dict.fromkeys(("superhero", "superheroes", "super hero"), (("Action",), ())),  # not all action is
    **dict.fromkeys(("spy", "spies", "espionage", "secret agent"), (("Thriller",), ("Thriller",))),
    **dict.fromkeys(("romcom", "romcoms", "rom com", "rom coms", "romantic comedy", "romantic comedies"),
                    (("Romance", "Comedy"), ("Romance",))),
    # "not too sappy": no romance
    **dict.fromkeys(("sappy", "soppy", "mushy", "schmaltzy", "slushy"), (("Romance",), ("Romance",))),
    **dict.fromkeys(("silly", "goofy", "zany", "wacky", "daft"), (("Comedy",), ())),  # "something silly"
    **dict.fromkeys(("swoon", "swoon over", "swoony", "swoonworthy", "swoon worthy"), (("Romance",), ("Romance",))),
    **dict.fromkeys(("goosebumps", "give me goosebumps", "give me chills", "give me the creeps", "chilling"),
                    (("Horror",), ("Horror",))),
}
# what a mood does not go with: a person who wants "a good cry" wants no thriller, one who wants cheering up no
# horror. The chat leans away from these (``Parse.clash``: soft, a genre asked for stays, "a scary comedy to
# cheer me up" keeps its horror); they are not what the person said, so the parse's values leave them out
_TEARS = ("Action", "Crime", "Horror", "Thriller", "Film-Noir", "Sci-Fi")
_GLOOM = ("Comedy", "Children's", "Animation", "Musical")
_CHEER = ("Horror", "Thriller", "Crime", "War", "Film-Noir")
_NOT_FOR_KIDS = ("Children's", "Animation", "Musical")
MOOD_CLASHES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_TEARJERKER, _TEARS),
    **dict.fromkeys(("sad", "depressing", "bleak", "grim", "heavy", "downer"), _GLOOM),
    **dict.fromkeys(("scare me", "scare the pants off", "scare the pants off me", "scare the hell out of me",
                     "scare the crap out of me", "scare the life out of me", "terrify me", "give me nightmares",
                     "make me scream", "sleep with the lights on", "sleep with the light on", "keep me up at night",
                     "scared stiff", "be scared", "be scared stiff", "goosebumps", "give me goosebumps",
                     "scared out of my skin", "jump out of my skin", "scared out of my wits", "scare me silly",
                     "give me chills", "give me the creeps", "chilling"), _GLOOM),
    **dict.fromkeys(("feel good", "feelgood", "uplifting", "hopeful", "heartwarming", "heart warming", "cheerful",
                     "cheer me up", "light hearted", "lighthearted", "easy watching", "pick me up", "cheer up",
                     "cheering up", "make me happy", "makes me happy", "make me smile", "makes me smile",
                     "happy film", "happy films", "happy movie", "happy movies", "something happy", "feel better",
                     "make me feel better", "makes me feel better"), _CHEER),
    **dict.fromkeys(("violent", "violence", "brutal"), _NOT_FOR_KIDS),
}
# moods no one genre says: a film of any of these kinds, and none of the clashing ones ("something cozy": a
# comedy, romance or children's film, nothing dark). The words stay the wish, as the person said them
# (``Parse.mood_kinds``); a genre asked for beside them outranks the kinds ("a cozy mystery")
_COZY = (("Comedy", "Romance"), (*_CHEER, "Action", "Drama"))  # (cartoons and musicals only when asked for: a
# grown-up's; no drama: round twenty-seven's "something cozy for tonight" had brought *Leaving Las Vegas*)
_DARK = (("Thriller", "Crime", "Horror", "Film-Noir", "Mystery"), ("Comedy", *_NOT_FOR_KIDS))
_THINK = (("Drama", "Sci-Fi", "Mystery"), ("Action", "Horror", *_NOT_FOR_KIDS))
_TENSE = (("Thriller", "Action", "Crime", "War"), ("Comedy", *_NOT_FOR_KIDS))
_EASY = (("Comedy", "Action", "Adventure"), ("Documentary", "Film-Noir", "War"))
_CALM = (("Comedy", "Romance", "Animation", "Adventure"), ("Horror", "Thriller", "War", "Film-Noir", "Action", "Crime"))
MOOD_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    **dict.fromkeys(("cozy", "cosy", "comforting", "wholesome", "gentle", "warm and fuzzy", "warm fuzzy",
                     "snuggle up", "warm hug", "a hug"), _COZY),
    # (not "comfort film": "heathers is my comfort film" is praise, nor "charming", a verdict)
    **dict.fromkeys(("dark", "twisted", "gritty", "disturbing", "unsettling", "sinister"), _DARK),
    **dict.fromkeys(("psychological", "psychologically"),
                    (("Thriller", "Mystery", "Drama"), ("Comedy", *_NOT_FOR_KIDS))),
    **dict.fromkeys(("make me think", "makes me think", "make you think", "makes you think", "thought provoking",
                     "thoughtprovoking", "cerebral", "mind bending", "mindbending", "mind bender", "mind blowing",
                     "philosophical", "brainy"), _THINK),
    **dict.fromkeys(("twisty", "keeps me guessing", "keep me guessing",  # (not "loved the plot twist")
                     "twist ending", "twist endings", "a twist at the end", "twists and turns", "full of twists",
                     "lots of twists", "big twist", "shock ending", "surprise ending", "didnt see coming",
                     "suspenseful", "thrilling", "nail biting", "nail biter", "edge of my seat", "edge of your seat",
                     "edge of the seat"), (("Thriller", "Mystery", "Crime"), ("Comedy", *_NOT_FOR_KIDS))),
    **dict.fromkeys(("intense", "tense"), _TENSE),  # ("an adrenaline rush": action or a thriller, a group)
    **dict.fromkeys(("popcorn movie", "popcorn film", "switch my brain off", "turn my brain off"), _EASY),
    # (not "twister is dumb fun", praise, nor "mindless", a verdict too)
    **dict.fromkeys(("relaxing", "chill", "chilled", "laid back", "unwind", "wind down", "calm"), _CALM),
    **dict.fromkeys(("light", "breezy", "something easy", "easy to watch", "easy watch", "easy viewing", "lazy sunday",
                     "lazy day"), (("Comedy", "Romance", "Adventure", "Animation"), _CHEER)),  # (not "i'm easy")
    **dict.fromkeys(("an epic", "something epic", "epics", "sweeping", "big battles", "epic battles", "sword fights",
                     "swordfights", "sword fighting"), (("Adventure", "War", "Western", "Action"),
                                                        ("Comedy", *_NOT_FOR_KIDS))),  # (not "epic": "that was epic")
    **dict.fromkeys(("quirky", "offbeat", "kooky", "eccentric"), (("Comedy",), ("Action", "War", "Horror"))),
    **dict.fromkeys(("trippy", "surreal", "psychedelic"), (("Sci-Fi", "Fantasy", "Mystery"), ("Children's",))),
    **dict.fromkeys(("melancholy", "melancholic", "wistful", "bittersweet", "wallow", "feel bad", "feelbad"),
                    (("Drama",), _GLOOM)),
    **dict.fromkeys(("atmospheric", "moody", "slow burn", "slow burner", "brooding"),
                    (("Thriller", "Mystery", "Drama", "Film-Noir"), ("Comedy", *_NOT_FOR_KIDS))),
    **dict.fromkeys(("sexy", "steamy", "sensual", "erotic", "sultry"), (("Romance", "Thriller", "Drama"),
                                                                         ("Children's", "Animation"))),
    **dict.fromkeys(("inspiring", "inspirational", "motivating", "motivational", "underdog", "underdog story"),
                    (("Drama",), ("Horror", "Thriller", "Crime", "Film-Noir"))),
    **dict.fromkeys(("exciting",), (("Action", "Adventure", "Thriller"), ("Documentary",))),
    # "whats a good date movie": a romance or a comedy, nothing grim (round twenty-nine: a search for "date" had
    # brought The Good, the Bad and the Ugly and Kiss the Girls)
    **dict.fromkeys(("date movie", "date movies", "date film", "date night", "first date", "second date",
                     "romantic evening", "a date"), (("Romance", "Comedy"), ("Horror", "War", *_NOT_FOR_KIDS))),
    # (not "soothing": "somthing with meg rian" is no slip of it)
}
UNDER_TWO_HOURS = [f"{w} {n} {u}" for w in ("under", "less than", "shorter than", "no longer than", "not over")
                   for n in ("2", "two") for u in ("hours", "hrs")]
OTHER_PHRASES: dict[str, Value] = {
    "short": ("runtime", "under 90 minutes"), "something quick": ("runtime", "under 90 minutes"),
    "under 90 minutes": ("runtime", "under 90 minutes"), "long": ("runtime", "over 2 hours"),
    "under an hour and a half": ("runtime", "under 90 minutes"),
    "an hour and a half or less": ("runtime", "under 90 minutes"),
    "less than an hour and a half": ("runtime", "under 90 minutes"),
    "nothing over an hour and a half": ("runtime", "under 90 minutes"),
    "nothing longer than an hour and a half": ("runtime", "under 90 minutes"),
    "no more than an hour and a half": ("runtime", "under 90 minutes"),
    "an hour and a half max": ("runtime", "under 90 minutes"),
    "shorter": ("runtime", "under 90 minutes"), "longer": ("runtime", "over 2 hours"),
    "over 2 hours": ("runtime", "over 2 hours"), "over two hours": ("runtime", "over 2 hours"),
    "longer than 2 hours": ("runtime", "over 2 hours"), "longer than two hours": ("runtime", "over 2 hours"),
    "90 minutes or less": ("runtime", "under 90 minutes"), "90 mins or less": ("runtime", "under 90 minutes"),
    "oscar": ("oscar", "Oscar winner"), "oscars": ("oscar", "Oscar winner"),
    "oscar winner": ("oscar", "Oscar winner"), "oscar winning": ("oscar", "Oscar winner"),
    "oscar winners": ("oscar", "Oscar winner"), "won an oscar": ("oscar", "Oscar winner"),
    "won oscars": ("oscar", "Oscar winner"), "won oscar": ("oscar", "Oscar winner"),
    "under 90 mins": ("runtime", "under 90 minutes"), "under 90 min": ("runtime", "under 90 minutes"),
    "over 2 hrs": ("runtime", "over 2 hours"), "over two hrs": ("runtime", "over 2 hours"),
    "academy award": ("oscar", "Oscar winner"), "award winning": ("oscar", "Oscar winner"),
    "academy award winning": ("oscar", "Oscar winner"), "best picture": ("oscar", "Oscar winner"),
    "best picture winner": ("oscar", "Oscar winner"), "best picture winners": ("oscar", "Oscar winner"),
    "academy award winner": ("oscar", "Oscar winner"), "academy award winners": ("oscar", "Oscar winner"),
    "critically acclaimed": ("critics", "critics' favourite"), "acclaimed": ("critics", "critics' favourite"),
    "critics favourite": ("critics", "critics' favourite"), "critics favorite": ("critics", "critics' favourite"),
    "well reviewed": ("critics", "well reviewed"), "good reviews": ("critics", "well reviewed"),
    "mixed reviews": ("critics", "mixed reviews"), "poorly reviewed": ("critics", "poorly reviewed"),
    "bad reviews": ("critics", "poorly reviewed"), "badly reviewed": ("critics", "poorly reviewed"),
    "panned": ("critics", "poorly reviewed"), "critics panned": ("critics", "poorly reviewed"),
    "critically panned": ("critics", "poorly reviewed"), "panned by critics": ("critics", "poorly reviewed"),
    "critics hated": ("critics", "poorly reviewed"), "hated by critics": ("critics", "poorly reviewed"),
    "critics loved": ("critics", "critics' favourite"), "critics liked": ("critics", "critics' favourite"),
    "critics like": ("critics", "critics' favourite"), "loved by critics": ("critics", "critics' favourite"),
    "rave reviews": ("critics", "critics' favourite"),
    # critics divided: "something the critics were split on", "the ones that split the critics"
    "divisive": ("critics", "mixed reviews"), "polarising": ("critics", "mixed reviews"),
    "polarizing": ("critics", "mixed reviews"), "critics were split": ("critics", "mixed reviews"),
    "critics were divided": ("critics", "mixed reviews"), "split the critics": ("critics", "mixed reviews"),
    "divided the critics": ("critics", "mixed reviews"), "divided critics": ("critics", "mixed reviews"),
    "split critics": ("critics", "mixed reviews"), "critics split": ("critics", "mixed reviews"),
    "critical flop": ("critics", "poorly reviewed"), "critical flops": ("critics", "poorly reviewed"),
    "no subtitles": ("language", "English"), "without subtitles": ("language", "English"),
    "rated g": ("mpaa", "rated G"), "g rated": ("mpaa", "rated G"), "pg": ("mpaa", "rated PG"),
    "rated pg": ("mpaa", "rated PG"), "pg 13": ("mpaa", "rated PG-13"), "pg13": ("mpaa", "rated PG-13"),
    "rated pg 13": ("mpaa", "rated PG-13"), "rated r": ("mpaa", "rated R"), "r rated": ("mpaa", "rated R"),
    "nc 17": ("mpaa", "rated NC-17"), "rated nc 17": ("mpaa", "rated NC-17"),
    "british": ("country", "United Kingdom"), "uk": ("country", "United Kingdom"),
    "britain": ("country", "United Kingdom"), "great britain": ("country", "United Kingdom"),
    "usa": ("country", "United States"), "hollywood": ("country", "United States"),
}
# a people's or country's name -> (countries, languages) it may mean: "a French film" is one
# constraint that a film from France or a film in French satisfies ("in French" and
# "French-language" name the language alone); values the catalog lacks are left out
NATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "french": (("France",), ("French",)), "german": (("Germany", "West Germany"), ("German",)),
    "italian": (("Italy",), ("Italian",)), "spanish": (("Spain",), ("Spanish",)),
    "japanese": (("Japan",), ("Japanese",)), "swedish": (("Sweden",), ("Swedish",)),
    "danish": (("Denmark",), ("Danish",)), "norwegian": (("Norway",), ("Norwegian",)),
    "dutch": (("Netherlands",), ("Dutch",)), "russian": (("Russia", "Soviet Union"), ("Russian",)),
    "soviet": (("Soviet Union",), ("Russian",)), "indian": (("India",), ("Hindi",)),
    "chinese": (("People's Republic of China", "Taiwan", "Hong Kong"),
                ("Chinese", "Mandarin", "Cantonese", "Standard Chinese", "Yue Chinese", "Putonghua")),
    "hong kong": (("Hong Kong",), ("Cantonese", "Yue Chinese")), "taiwanese": (("Taiwan",), ()),
    "korean": (("South Korea",), ("Korean",)), "czech": (("Czech Republic", "Czechoslovakia"), ("Czech",)),
    "polish": (("Poland",), ("Polish",)), "greek": (("Greece",), ("Greek",)),
    "hungarian": (("Hungary",), ("Hungarian",)), "portuguese": (("Portugal",), ("Portuguese",)),
    "brazilian": (("Brazil",), ("Portuguese",)), "mexican": (("Mexico",), ()), "irish": (("Ireland",), ()),
    "iranian": (("Iran",), ("Persian",)), "persian": (("Iran",), ("Persian",)), "turkish": (("Turkey",), ("Turkish",)),
    "vietnamese": (("Vietnam",), ("Vietnamese",)), "cuban": (("Cuba",), ()), "canadian": (("Canada",), ()),
    "australian": (("Australia",), ()), "aussie": (("Australia",), ()), "kiwi": (("New Zealand",), ()),
    "belgian": (("Belgium",), ()),
    "austrian": (("Austria",), ()), "swiss": (("Switzerland",), ()), "icelandic": (("Iceland",), ()),
    "argentinian": (("Argentina",), ()), "american": (("United States",), ()),
}
# what a country's name means, beyond the country: "Hong Kong action" may be in Cantonese
NATION_OF_COUNTRY = {"france": "french", "germany": "german", "italy": "italian", "spain": "spanish",
                     "japan": "japanese", "sweden": "swedish", "denmark": "danish", "norway": "norwegian",
                     "netherlands": "dutch", "holland": "dutch", "russia": "russian", "india": "indian",
                     "bollywood": "indian",
                     "china": "chinese", "hong kong": "hong kong", "korea": "korean", "poland": "polish",
                     "greece": "greek", "hungary": "hungarian", "portugal": "portuguese", "brazil": "brazilian",
                     "iran": "iranian", "vietnam": "vietnamese"}
# people known by one name that is no everyday word ("Show me the films Madonna has acted in"; not Max, Buddy, Spike)
ONE_NAME_PEOPLE = {"Madonna", "Cher", "Coolio", "RuPaul", "Ice-T", "Costa-Gavras", "Ann-Margret", "Cantinflas",
                   "Twiggy", "Moby", "Fernandel", "Iman", "Babyface", "Miou-Miou", "Sinbad"}
# surnames that are also ordinary words are never matched alone
COMMON_WORDS = set("""
love wise young stone hill wood woods king lane rich noble hunt bird cross may march hope black white brown
green gray grey long short little good best day night bell page price rose fox hall bean craven lee scott winning
allen ford hughes burton carpenter miller jordan wells reed moore howard park hunter bond jackson
scare scares scared""".split())  # ("she scares easily" is no wish for horror)
NICKNAMES = {"arnold": ("arnie",), "james": ("jimmy", "jim"), "robert": ("bob", "bobby"), "william": ("bill", "billy"),
             "michael": ("mike",), "thomas": ("tom", "tommy"), "richard": ("rick", "dick"), "joseph": ("joe",),
             "edward": ("ed", "eddie"), "christopher": ("chris",), "daniel": ("danny", "dan"), "anthony": ("tony",),
             "nicholas": ("nick",), "steven": ("steve",), "stephen": ("steve",), "matthew": ("matt",),
             "samuel": ("sam",), "benjamin": ("ben",), "kenneth": ("kenny", "ken"), "jennifer": ("jen",),
             "elizabeth": ("liz",), "katherine": ("kate",), "margaret": ("maggie",), "frederick": ("fred",),
             "alexander": ("alex",), "andrew": ("andy",), "gregory": ("greg",), "lawrence": ("larry",),
             "patrick": ("pat",), "peter": ("pete",), "raymond": ("ray",), "ronald": ("ron",), "timothy": ("tim",),
             "walter": ("walt",), "harold": ("harry",), "henry": ("hank",), "charles": ("charlie", "chuck")}
# eras people name by what happened in them ("the disco era", "the year of the moon landing")
ERA_NAMES = {"disco era": "1970s", "disco days": "1970s", "the disco years": "1970s", "moon landing": "1960s",
             "the moon landing": "1960s", "swinging sixties": "1960s", "summer of love": "1960s",
             "roaring twenties": "1920s", "roaring 20s": "1920s", "jazz age": "1920s", "silent era": "1920s",
             "the depression": "1930s", "great depression": "1930s", "wartime": "1940s", "the war years": "1940s",
             "grunge era": "1990s", "the 60s counterculture": "1960s", "woodstock": "1960s", "punk era": "1970s",
             "new wave era": "1980s", "the reagan era": "1980s", "the eisenhower years": "1950s",
             "silent film": "1920s", "silent films": "1920s", "silent movie": "1920s", "silent movies": "1920s",
             "a silent": "1920s", "silents": "1920s"}
# what people call a few stars: a nickname, or a dame or knight by title and first name ("dame judi"); each
# is added only where the catalog has that person
STAGE_NAMES = {"bogie": "Humphrey Bogart", "bogey": "Humphrey Bogart", "j lo": "Jennifer Lopez",
               "jlo": "Jennifer Lopez", "shaq": "Shaquille O'Neal", "jamie lee": "Jamie Lee Curtis",
               "the duke": "John Wayne", "sly": "Sylvester Stallone", "schwarzenegger": "Arnold Schwarzenegger",
               "ol blue eyes": "Frank Sinatra", "old blue eyes": "Frank Sinatra",  # (not "the muscles from
               # brussels": its words take slips of others, "musicles" read as muscles, no longer as musicals)
               "jcvd": "Jean-Claude Van Damme", "the governator": "Arnold Schwarzenegger",
               "jtt": "Jonathan Taylor Thomas", "marilyn": "Marilyn Monroe",
               "dame judi": "Judi Dench", "dame maggie": "Maggie Smith", "dame helen": "Helen Mirren",
               "dame julie": "Julie Andrews", "dame vanessa": "Vanessa Redgrave", "dame diana": "Diana Rigg",
               "dame joan": "Joan Plowright", "dame emma": "Emma Thompson", "dame angela": "Angela Lansbury",
               "dame peggy": "Peggy Ashcroft", "dame wendy": "Wendy Hiller", "dame edith": "Edith Evans",
               "sir alec": "Alec Guinness", "sir laurence": "Laurence Olivier", "sir larry": "Laurence Olivier",
               "sir john": "John Gielgud", "sir ian": "Ian McKellen", "sir anthony": "Anthony Hopkins",
               "sir michael": "Michael Caine", "sir sean": "Sean Connery", "sir ben": "Ben Kingsley",
               "sir derek": "Derek Jacobi", "sir kenneth": "Kenneth Branagh", "sir ralph": "Ralph Richardson",
               "sir richard": "Richard Attenborough", "sir patrick": "Patrick Stewart", "sir roger": "Roger Moore",
               "sir alfred": "Alfred Hitchcock", "sir david": "David Lean", "sir charlie": "Charles Chaplin",
               "sir christopher": "Christopher Lee", "sir nigel": "Nigel Hawthorne"}
# what fans call a few films, where the catalog has them (its title starts with the value)
TITLE_ALIASES = {"esb": "Empire Strikes Back", "rotj": "Return of the Jedi", "anh": "Star Wars",
                 "seven samurai": "Magnificent Seven, The",  # ML-100K's title for Kurosawa's 1954 film (only one)
                 "bttf": "Back to the Future", "mib": "Men in Black", "lotr": "Lord of the Rings",
                 "star wars 4": "Star Wars", "star wars iv": "Star Wars", "star wars 5": "Empire Strikes Back",
                 "star wars v": "Empire Strikes Back", "star wars 6": "Return of the Jedi",
                 "star wars vi": "Return of the Jedi"}
SURNAME_PARTICLES = {"de", "del", "della", "di", "da", "van", "von", "le", "la", "du", "mc"}
TITLE_ARTICLES = ("the", "a", "an", "la", "le", "les", "il", "el", "das", "der", "die")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens with apostrophes dropped: "Don't like Sci-Fi" -> dont like sci fi."""
    text = text.replace("\u2019", "'").replace("\u00b2", " 2").replace("\u00b3", " 3")  # "Alien³" is Alien 3
    return [t.lower().replace("'", "") for t in TOKEN_RE.findall(text)]


# spellings of one sound, folded alike so a name typed by ear is found: "tom hanx" is Tom Hanks,
# "stalone" Stallone, "filips" Phillips, "ghandi" Gandhi
SOUND_FOLDS = (("eigh", "ee"), ("ian", "ien"),  # "vivian lee": Vivien Leigh
               ("cks", "x"), ("ks", "x"), ("ck", "k"), ("ph", "f"), ("gh", "g"), ("dh", "d"))  # "ghandi": Gandhi


def sound_fold(text: str) -> str:
    """``text`` with spellings of one sound made alike and doubled letters single."""
    for a, b in SOUND_FOLDS:
        text = text.replace(a, b)
    return re.sub(r"([a-z])\1", r"\1", text)


def phrase(text: str) -> Phrase:
    return tuple(tokens(text))


# a part's rank or trade before its name ("Captain Jack Sparrow", "Dr. Evil"): the name alone is meant too
ROLE_TITLES = {"captain", "capt", "dr", "doctor", "mr", "mrs", "miss", "ms", "sir", "lady", "lord", "agent",
               "detective", "det", "sergeant", "sgt", "lt", "lieutenant", "professor", "prof", "general", "colonel",
               "col", "major", "officer", "judge", "king", "queen", "prince", "princess", "uncle", "aunt", "aunty",
               "special", "inspector", "chief", "commander", "admiral", "father", "sister", "brother", "the"}
ROLE_SHARE = 2  # a part is one actor's when they played it at least twice as often as anyone else the catalog has
ROLE_TRADE = 4  # a name no actor holds a quarter of the credits of is a trade ("dancer"), not a part


def role_keys(character: str) -> list[Phrase]:
    """What a person may call a credited part: "Captain Jack Sparrow" -> (captain jack sparrow), (jack
    sparrow); "Batman / Bruce Wayne" -> (batman), (bruce wayne); "Woody (voice)" -> (woody); "Thomas
    'Neo' Anderson" -> (thomas neo anderson), (neo), (thomas anderson)."""
    out: list[Phrase] = []
    for part in re.split(r"\s*/\s*|\s*\(.*?\)\s*|\s*\bas\b\s*", character):
        nick = re.search(r"['\"]([^'\"]{2,})['\"]", part)
        names = [part] + ([nick.group(1), part.replace(nick.group(0), " ")] if nick else [])
        for name in names:
            p = phrase(name)
            while p and p[0] in ROLE_TITLES:
                out.append(p)
                p = p[1:]
            out.append(p)
    return [p for p in dict.fromkeys(out) if p and len(p) <= 4]


def title_keys(title: str) -> list[Phrase]:
    """Phrases a person may use for a title: "Usual Suspects, The" -> (the usual suspects),
    (usual suspects); an alternative title in parentheses counts too."""
    out = []
    main, _, alt = title.partition(" (")
    for t in (main, alt.rstrip(")")):
        if not t:
            continue
        m = re.match(r"^(.*), (\w+)$", t)
        if m and m.group(2).lower() in TITLE_ARTICLES:
            t = f"{m.group(2)} {m.group(1)}"
        p = phrase(t)
        if not p:
            continue
        forms = [p]
        if "&" in t:  # "Dumb & Dumber" is typed "dumb and dumber"
            forms.append(phrase(t.replace("&", " and ")))
        if re.search(r"\w-\w", t):  # "Beavis and Butt-head Do America" is typed "... butthead ..."
            forms.append(phrase(re.sub(r"(?<=\w)-(?=\w)", "", t)))
        spelt = tuple(TITLE_ABBREVIATIONS.get(w, w) for w in p)
        if spelt != p:  # "Sunset Blvd." is typed "sunset boulevard"
            forms.append(spelt)
        digits = tuple(NUMBER_DIGITS.get(w, w) for w in p)
        if digits != p and len(p) > 1:  # "Twelve Monkeys" is typed "12 monkeys" (not "Seven" as "7")
            forms.append(digits)
        said = tuple(x for w in p for x in (spoken_number(int(w)) if w.isdigit() and len(w) <= 3 else (w,)))
        if said != p and len(p) > 1:  # "Around the World in 80 Days" is said "... in eighty days"
            forms.append(said)
        initials = re.match(r"^((?:[A-Z]\.){2,})\s+the\b", t)  # "E.T. the Extra-Terrestrial": "e.t.", "et"
        if initials:
            letters = tuple(initials.group(1).replace(".", "").lower())
            forms += [letters, ("".join(letters),)]
        roman = tuple({"ii": "2", "iii": "3", "iv": "4"}.get(w, w) for w in p)
        if roman != p:
            forms.append(roman)
            # "The Godfather: Part II" is also "godfather part 2" and "godfather 2"
            forms.append(tuple(w for j, w in enumerate(roman) if not (w == "part" and j + 1 < len(roman)
                                                                        and roman[j + 1].isdigit())))
        for f in forms:
            out.append(f)
            if len(f) > 1 and f[0] in TITLE_ARTICLES:
                out.append(f[1:])
    return list(dict.fromkeys(out))


# a title that opens with whose it is ("Stephen King's The Langoliers", "William Shakespeare's Romeo and
# Juliet", "Wes Craven's New Nightmare"): people name it by the rest
POSSESSIVE_TITLE = re.compile(r"^(?:[A-Z][\w.]*\s+){1,3}?[A-Z][\w.]*'s\s+(?P<rest>.{3,})$")
# numbers in titles, as people type them ("12 monkeys", "101 dalmatians" is already so)
NUMBER_DIGITS = {w: str(k) for k, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                                  "thirteen".split()) if k >= 2}
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spoken_number(n: int) -> tuple[str, ...]:
    """The words of ``n`` (below 1000) as said: 80 -> (eighty,), 101 -> (one, hundred, and, one)."""
    if n >= 100:
        rest = spoken_number(n % 100) if n % 100 else ()
        return (_UNITS[n // 100], "hundred", *(("and", *rest) if rest else ()))
    if n < 20:
        return (_UNITS[n],)
    return (_TENS[n // 10 - 2],) + ((_UNITS[n % 10],) if n % 10 else ())


# short forms in titles, as people spell them out
TITLE_ABBREVIATIONS = {"blvd": "boulevard", "vs": "versus", "dr": "doctor", "mr": "mister", "st": "saint"}
ROMAN = {"2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def sequel_keys(titles, years, popularity, people=None, found=None) -> dict[Phrase, int]:
    """Sequels by number where the catalog titles them otherwise: "jurassic park 2" for "The Lost
    World: Jurassic Park", "batman 3" for "Batman Forever", "die hard 3" for "Die Hard: With a
    Vengeance", "alien 2" for "Aliens"; from ``found`` (``franchises``' answer) where given."""
    out: dict[Phrase, int] = {}
    for base, franchise in (franchises(titles, years, popularity, people) if found is None else found):
        used = {n for _, n, _ in franchise}
        last = 0
        for _, number, j in sorted(franchise):  # by year, each unnumbered film after the one before it
            if number:
                last = number
            elif last + 1 not in used:
                last += 1
                used.add(last)
                out.setdefault(base + (str(last),), j)
                out.setdefault(("the",) + base + (str(last),), j)
    return out


def franchises(titles, years, popularity, people=None) -> list[tuple[Phrase, list[tuple[int, int, int]]]]:
    """Each well-known film with its sequels: (its title's words, [(year, number or 0, item)], the
    film itself first). A sequel is a later film titled "<base>: <subtitle>",
    "<subtitle>: <base>", "<base> <word>", "<base> & <word>" or the base's plural; one that
    carries no number takes the one after the film before it, by year, where that is free
    ("Aliens" after "Alien" is 2, "Alien: Resurrection" after "Alien 3" is 4). Only
    well-known bases (50 ratings, 100 for one word): "Killer: A Journal of Murder" is no sequel.
    With ``people`` (each film's set of directors, cast and writers), a film that shares no one
    with the base is none either ("Alien Nation", "The Big Green"); where either has no one on
    record, a one-word base keeps only its plural ("Alien Escape", "Batman: Mask of the Phantasm")."""
    def bare(t: str) -> Phrase:
        keys = title_keys(t)
        k = keys[0] if keys else ()
        return k[1:] if len(k) > 1 and k[0] in ("the", "a", "an") else k

    # each title's part before a colon ("whole") and after it, read once; indexed by the whole's
    # first word and by the subtitle, where a base's sequels can be
    wholes, subs = [], []
    by_first: dict[str, list[int]] = defaultdict(list)
    by_sub: dict[Phrase, list[int]] = defaultdict(list)
    for j, t in enumerate(titles):
        first, _, sub = t.partition(" (")[0].partition(":")
        wholes.append(bare(first))
        subs.append(phrase(sub))
        if wholes[j]:
            by_first[wholes[j][0]].append(j)
        if sub:
            by_sub[bare(sub.strip())].append(j)
    bases = [bare(t) for t in titles]
    out = []
    for b, base in enumerate(bases):
        if not base or any(w.isdigit() for w in base) or popularity[b] < (100 if len(base) == 1 else 50):
            continue
        franchise = [(int(years[b]), 1, b)]  # (year, its number or 0, item)
        plural = base[:-1] + (base[-1] + "s",)
        near = set(by_first.get(base[0], ())) | set(by_first.get(plural[0], ())) | set(by_sub.get(base, ()))
        for j in sorted(near):
            if j == b or int(years[j]) <= int(years[b]):
                continue
            whole, sub = wholes[j], subs[j]
            if whole == plural and not sub:
                tail = ("plural",)  # "Aliens" after "Alien"
            elif whole == base and sub:
                tail = sub
            elif sub and j in by_sub.get(base, ()):
                tail = ("subtitle",)
            elif not sub and whole[: len(base)] == base and (
                    len(whole) == len(base) + 1 or len(whole) == len(base) + 2 and whole[len(base)] == "and"):
                tail = whole[len(base):]
            else:
                continue
            number = ROMAN.get(tail[0]) if tail else None
            if number is None and tail[:1] == ("part",) and len(tail) > 1:
                number = ROMAN.get(tail[1])
            if number is None and people is not None and (people[b] and people[j] and not people[b] & people[j] or (
                    not (people[b] and people[j]) and len(base) == 1 and tail != ("plural",))):
                continue  # no one in common; or no one on record and a one-word base ("Big Squeeze")
            if tail:
                franchise.append((int(years[j]), number or 0, j))
        if len(franchise) > 1:
            out.append((base, franchise))
    return out


class Lexicon:
    """Phrase tables for one catalog. ``values``: phrase -> [(type, value)]; ``persons``:
    full-name phrase -> [(type, value)] ordered by how many items the person has in that
    role (most first); ``titles``: phrase -> item indices, most-rated first."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        vocab = set(catalog.attr_values)
        counts = catalog.value_counts()
        self.values: dict[Phrase, list[Value]] = defaultdict(list)

        def add(text: str, tv: Value) -> None:
            if tv in vocab and tv not in self.values[phrase(text)]:
                self.values[phrase(text)].append(tv)

        for t, v in catalog.attr_values:
            if t == "genre":
                add(v, (t, v))
                add(v + "s", (t, v))
            elif t == "decade":
                add(v, (t, v))
                add(v[2:], (t, v))  # "90s"
            elif t in ("language", "country", "runtime", "mpaa", "oscar", "critics"):
                add(v, (t, v))  # a chip's label typed as it reads ("90 to 120 minutes", "rated R")
        for word, g in {**GENRE_SYNONYMS, **EXTRA_GENRE_WORDS}.items():
            add(word, ("genre", g))
        add("film noir", ("genre", "Film-Noir"))
        for word, d in DECADE_WORDS.items():
            add(word, ("decade", d))
            add(word[:-3] + "ys", ("decade", d))  # "sixtys"
            add(d[2:4] + "ies", ("decade", d))  # "80ies"
        for year in range(1900, 2030):
            add(str(year), ("decade", f"{year // 10 * 10}s"))
        for word, tv in OTHER_PHRASES.items():
            add(word, tv)
        self.values = dict(self.values)
        self.moods: dict[Phrase, tuple[tuple[Value, ...], tuple[Value, ...]]] = {}  # -> (wanted, not wanted)
        for words, (want, avoid) in MOODS.items():
            want_tv = tuple(("genre", g) for g in want if ("genre", g) in vocab)
            avoid_tv = tuple(("genre", g) for g in avoid if ("genre", g) in vocab)
            if len(want_tv) == len(want) and len(avoid_tv) == len(avoid):
                self.moods[phrase(words)] = (want_tv, avoid_tv)
        self.mood_clash: dict[Phrase, tuple[Value, ...]] = {}  # what goes against a mood wanted (soft)
        self.mood_kinds: dict[Phrase, tuple[Value, ...]] = {}  # a mood no genre says: any of these kinds
        for words, clash in [*MOOD_CLASHES.items(), *((w, c) for w, (_, c) in MOOD_KINDS.items())]:
            self.mood_clash[phrase(words)] = tuple(("genre", g) for g in clash if ("genre", g) in vocab)
        for words, (kinds, _) in MOOD_KINDS.items():
            self.mood_kinds[phrase(words)] = tuple(("genre", g) for g in kinds if ("genre", g) in vocab)
            self.moods.setdefault(phrase(words), ((), ()))  # read as a mood; the words stay the wish
        self.mood_phrases = set(self.moods)

        # one constraint that any of several values satisfies: "French" (France or French),
        # "the Coen brothers" (either Coen)
        self.groups: dict[Phrase, tuple[Value, ...]] = {}
        self.languages_of: dict[Phrase, tuple[Value, ...]] = {}  # "in French", "French-language"
        self.absent_nations: dict[Phrase, str] = {}  # "a korean film" where the catalog has none: said so
        for word, (countries, languages) in NATIONS.items():
            group = tuple(tv for tv in [*(("country", c) for c in countries), *(("language", v) for v in languages)]
                          if tv in vocab)
            if not group:
                self.absent_nations[phrase(word)] = word.title()
            if len(group) > 1:
                self.groups[phrase(word)] = group
            elif group:
                self.values[phrase(word)] = [group[0]]
            langs = tuple(tv for tv in group if tv[0] == "language")
            if langs:
                self.languages_of[phrase(word)] = langs
        for t, v in catalog.attr_values:  # "English-language", "in Hindi": the language alone
            if t == "language" and phrase(v) not in self.languages_of:
                self.languages_of[phrase(v)] = (("language", v),)
        for country, nation in NATION_OF_COUNTRY.items():
            if phrase(nation) in self.groups:
                self.groups[phrase(country)] = self.groups[phrase(nation)]
        ratings = [("mpaa", f"rated {m}") for m in RATINGS]
        for k, (_, rating) in enumerate(ratings):  # "pg-13 or lower": that rating or a milder one
            milder = tuple(tv for tv in ratings[: k + 1] if tv in vocab)
            if len(milder) > 1:
                for name in (rating[6:], rating):
                    for tail in ("or lower", "or below", "or under", "or less", "and under", "and below", "max",
                                 "maximum", "at most", "or milder", "tops"):
                        self.groups[phrase(f"{name} {tail}")] = milder
                    for head in ("up to", "max", "at most", "nothing above", "nothing over", "no higher than",
                                 "nothing higher than", "not above", "nothing stronger than", "nothing worse than",
                                 "nothing past"):  # "nothing above pg-13": PG-13 or milder
                        self.groups[phrase(f"{head} {name}")] = milder
        mild = tuple(tv for tv in ratings[:2] if tv in vocab)
        if len(mild) == 2:  # "only G or PG please": the one-letter rating, beside the other
            for words in ("g or pg", "g and pg", "g pg", "g or pg rated", "rated g or pg"):
                self.groups[phrase(words)] = mild
        better = tuple(tv for tv in (("critics", "well reviewed"), ("critics", "critics' favourite")) if tv in vocab)
        if len(better) == 2:  # "a well-reviewed drama": a critics' favourite is well reviewed too (*The Deer
            for words in ("well reviewed", "good reviews", "reviewed well", "positive reviews", "well received"):
                self.groups[phrase(words)] = better  # Hunter* was shown as "not well reviewed")
        # the catalog has no colour: "black and white" is taken as the decades before the 1960s,
        # "in colour" as the 1960s on (Technicolor was rare before, black and white rare after)
        decades = catalog.decades()
        for words, era in ((("black and white", "black white", "b and w", "monochrome"),
                            tuple(("decade", d) for d in decades if d < "1960s")),
                           (("in colour", "in color"), tuple(("decade", d) for d in decades if d >= "1960s"))):
            if era and len(era) < len(decades):
                for w in words:
                    self.groups[phrase(w)] = era
        for words, decade in ERA_NAMES.items():  # "the disco era", "the year of the moon landing"
            if decade in decades:
                self.values.setdefault(phrase(words), [("decade", decade)])
        golden = tuple(("decade", d) for d in decades if d < "1960s")  # "old hollywood": the studio era
        if golden and len(golden) < len(decades):
            for w in ("old hollywood", "classic hollywood", "golden age hollywood", "hollywood golden age",
                      "golden age of hollywood", "hollywood classics", "hollywood's golden age",
                      "golden era hollywood"):
                self.groups.setdefault(phrase(w), golden)
        old = tuple(("decade", d) for d in decades if d < "1970s")  # "an old film", "old one": before the 1970s
        if old and len(old) < len(decades):
            for w in ("old film", "old films", "old movie", "old movies", "old one", "old ones",
                      "old flick", "old flicks", "something old", "old school film", "old school movie"):
                self.groups.setdefault(phrase(w), old)
        praised = tuple(tv for tv in (("critics", "critics' favourite"), ("critics", "well reviewed")) if tv in vocab)
        if len(praised) == 2:  # "highly rated": the two best bands of the critics' score
            for words in ("highly rated", "top rated", "well rated", "highest rated", "best rated", "highly reviewed",
                          "best reviewed", "best-reviewed", "highest reviewed", "top reviewed",
                          "highly acclaimed", "well liked by critics", "good ratings", "rated highly",
                          "critically adored", "critically loved", "critically praised", "the canon",
                          "good reviews", "great reviews", "good review", "reviewed well", "good critics",
                          "critics liked", "critics loved"):
                self.groups[phrase(words)] = praised
        thrills = tuple(tv for tv in (("genre", "Action"), ("genre", "Thriller")) if tv in vocab)
        if len(thrills) == 2:  # "an adrenaline rush": action or a thriller
            for words in ("adrenaline", "adrenaline rush", "adrenaline pumping", "heart pounding", "pulse pounding"):
                self.groups.setdefault(phrase(words), thrills)
        short = tuple(tv for tv in (("runtime", "under 90 minutes"), ("runtime", "90 to 120 minutes")) if tv in vocab)
        if len(short) == 2:  # "under 2 hours": either band below two hours
            for words in UNDER_TWO_HOURS:
                self.groups[phrase(words)] = short

        role_rank = {"director": 0, "cast": 1, "writer": 2}
        persons: dict[Phrase, list[tuple[int, int, Value]]] = defaultdict(list)
        for v, (t, name) in enumerate(catalog.attr_values):
            if t in role_rank and (len(phrase(name)) >= 2 or name in ONE_NAME_PEOPLE):
                persons[phrase(name)].append((-int(counts[v]), role_rank[t], (t, name)))
        self.persons = {p: [tv for *_, tv in sorted(roles)] for p, roles in persons.items()}
        # a first name's usual short form ("Jimmy Stewart" is James Stewart), where no one else is called that
        for p, roles in list(self.persons.items()):
            for short in NICKNAMES.get(p[0], ()):
                self.persons.setdefault((short, *p[1:]), roles)
        for alias, name in STAGE_NAMES.items():  # "bogie", "dame judi": where the catalog has them
            if phrase(name) in self.persons:
                self.persons.setdefault(phrase(alias), self.persons[phrase(name)])
                if alias.split()[0] in ("dame", "sir"):  # "dame maggie smith": the title and the whole name
                    self.persons.setdefault(phrase(f"{alias.split()[0]} {name}"), self.persons[phrase(name)])

        # a director's surname alone (3+ films), when no other director or actor with 5+ films
        # shares it and it is not an ordinary word
        title_words = {w for t in catalog.titles for w in phrase(t)}
        directors: dict[str, set[str]] = defaultdict(set)
        others: dict[str, set[str]] = defaultdict(set)
        for v, (t, name) in enumerate(catalog.attr_values):
            if t in ("director", "cast") and len(phrase(name)) >= 2:
                if t == "director" and counts[v] >= 2:
                    directors[phrase(name)[-1]].add(name)
                if counts[v] >= 5:
                    others[phrase(name)[-1]].add(name)
        self.surnames: dict[Phrase, Value] = {}
        self.exact_surnames: set[Phrase] = set()  # matched only as typed, never as a slip's correction
        for s, names in directors.items():
            if (len(names | others[s]) == 1 and len(s) >= 5 and s not in COMMON_WORDS
                    and s not in title_words and (s,) not in self.values):
                self.surnames[(s,)] = ("director", next(iter(names)))
        # a star's surname alone ("a stallone movie", "de niro"): 8+ films, three times as many
        # as anyone else with that surname
        shared: dict[Phrase, dict[str, int]] = defaultdict(dict)
        for v, (t, name) in enumerate(catalog.attr_values):
            words = phrase(name)
            if t in ("director", "cast") and len(words) >= 2:
                tail = words[-2:] if len(words) >= 3 and words[-2] in SURNAME_PARTICLES else words[-1:]
                if "-" in name.split()[-1] and len(phrase(name.split()[-1])) > 1:  # "day-lewis": the whole of a
                    tail = phrase(name.split()[-1])  # double-barrelled surname (not every Lewis)
                shared[tail][name] = max(shared[tail].get(name, 0), int(counts[v]))
        # a surname of someone with two films or more, twice as many as anyone else of that name: read only
        # where the words around it say a person is meant ("clooney movies", "with karloff"; ``Parser``)
        self.context_surnames: dict[Phrase, Value] = {}
        for tail, people in shared.items():
            ranked = sorted(((n, name) for name, n in people.items()), reverse=True)
            (top, name), runner_up = ranked[0], (ranked[1][0] if len(ranked) > 1 else 0)
            rare = top < 7 and top >= 3 and len(ranked) == 1 and len(tail) == 1 and len(tail[0]) >= 6
            if ((top >= 8 and top >= 3 * max(runner_up, 1) or top >= 7 and len(ranked) == 1 or rare)  # "bogart":
                    and tail not in self.surnames  # the only person of that name, in seven films or more
                    and (len(tail) > 1 or len(tail[0]) >= 5) and tail[-1] not in COMMON_WORDS | title_words
                    and tail not in self.values and ("cast", name) in vocab):
                self.surnames[tail] = ("cast", name)
                if rare:  # three films or more for a long surname ("seagal"), typed as it is spelt only
                    self.exact_surnames.add(tail)
            if (len(ranked) == 1 and len(tail) == 1 and len(tail[0]) >= 6 and tail not in self.surnames
                    and tail[0] not in COMMON_WORDS | title_words and tail not in self.values
                    and ("director", name) in vocab):  # "kurosawa": the only person of that name
                self.surnames[tail] = ("director", name)
            if (len(tail) == 1 and len(tail[0]) >= 4 and top >= 2 and top >= 2 * runner_up
                    and tail not in self.surnames and tail[0] not in COMMON_WORDS | title_words
                    and tail not in self.values and self.persons.get(phrase(name))):
                self.context_surnames[tail] = self.persons[phrase(name)][0]
        for s, names in directors.items():  # "the Coen brothers", "the coen bros"
            if len(names) > 1:
                self.groups[(s, "brothers")] = self.groups[(s, "bros")] = tuple(("director", n) for n in sorted(names))
                cols = [catalog.find_value("director", n) for n in names]
                together = None not in cols and bool((np.asarray(catalog.item_attr[:, cols].sum(axis=1)).ravel()
                                                      == len(cols)).any())
                if together and (s + "s",) not in self.values and s + "s" not in COMMON_WORDS | title_words:
                    self.groups.setdefault((s + "s",), self.groups[(s, "brothers")])  # "the coens" (who direct
                    # together; not "wises" of Kirk and Robert Wise, which "my wife's" had been read as)
        # a first name alone after "with" ("an action movie with Arnold"): the one actor far
        # better known by it than anyone else in the catalog
        by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for v, (t, name) in enumerate(catalog.attr_values):
            if t == "cast" and len(phrase(name)) >= 2:
                by_first[phrase(name)[0]].append((int(counts[v]), name))
        self.first_names: dict[Phrase, Value] = {}
        films = {name: int(counts[v]) for v, (t, name) in enumerate(catalog.attr_values) if t in role_rank}
        for first, people in by_first.items():
            people.sort(reverse=True)
            runner_up = people[1][0] if len(people) > 1 else 0
            surname = self.surnames.get((first,))
            if (len(first) >= 4 and first not in COMMON_WORDS and people[0][0] >= 8
                    and people[0][0] >= 3 * max(runner_up, 1) and (first,) not in self.values
                    and (surname is None or films.get(surname[1], 0) < people[0][0])):  # "Arnold": not Tom Arnold
                self.first_names[(first,)] = ("cast", people[0][1])
        for (first,), tv in list(self.first_names.items()):  # "arnie" as well as "arnold"
            for short in NICKNAMES.get(first, ()):
                if len(short) >= 4 and short not in COMMON_WORDS and (short,) not in self.values:
                    self.first_names.setdefault((short,), tv)


        popularity = self.popularity = np.bincount(catalog.inter_item, minlength=catalog.n_items)  # ratings per film
        titles: dict[Phrase, list[int]] = defaultdict(list)
        for i, title in enumerate(catalog.titles):
            for key in title_keys(title):
                titles[key].append(i)
        prefixes: dict[Phrase, list[int]] = defaultdict(list)
        for i, title in enumerate(catalog.titles):  # "Terminator 2" for "Terminator 2: Judgment Day"
            head = title.partition(" (")[0]
            if ":" in head and len(phrase(head.split(":")[0])) >= 2:
                prefixes[phrase(head.split(":")[0])].append(i)
            hero = phrase(head.split(" and the ")[0]) if " and the " in head else ()  # "indiana jones", "snow
            if len(hero) in (2, 3) and hero[0] not in TITLE_ARTICLES and not re.search(r", \w+$", head):
                prefixes[hero].append(i)  # white": the hero's name before "and the" (not "Old Man and the Sea, The")
        for key, items in list(prefixes.items()):  # "star trek 5" for "Star Trek V: The Final Frontier"
            digits = tuple({"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}.get(w, w) if j else w
                           for j, w in enumerate(key))
            if digits != key:
                prefixes.setdefault(digits, items)
        tails: dict[Phrase, list[int]] = defaultdict(list)
        for i, title in enumerate(catalog.titles):  # "when nature calls" for "Ace Ventura: When Nature Calls"
            head = title.partition(" (")[0]
            tail = phrase(head.split(":", 1)[1]) if ":" in head else ()
            if len(tail) >= 3 or (len(tail) == 2 and tail[0] not in TITLE_ARTICLES + ("part",)):
                tails[tail].append(i)
        for key, items in prefixes.items():
            if key not in titles:
                titles[key] = items
        for key, items in tails.items():
            if key not in titles and len(items) == 1:
                titles[key] = items
        is_person = np.array([t in role_rank for t, _ in catalog.attr_values], dtype=bool)
        ia = catalog.item_attr
        people = [{int(v) for v in ia.indices[ia.indptr[i]:ia.indptr[i + 1]] if is_person[v]}
                  for i in range(catalog.n_items)]
        found = franchises(catalog.titles, catalog.years, popularity, people)
        for key, item in sequel_keys(catalog.titles, catalog.years, popularity, people, found).items():
            titles.setdefault(key, [item])
        # a film -> the sequels that follow it ("not die hard": nor its sequels, in that talk)
        self.sequels = {franchise[0][2]: tuple(j for _, _, j in sorted(franchise[1:])) for _, franchise in found}
        from chat.series import NAMED  # (chat.series reads no lexicon)
        first_of = {t: i for i, t in reversed(list(enumerate(catalog.titles)))}
        for name, named in NAMED.items():  # "no star wars, none of them": nor *The Empire Strikes Back*; a series whose
            if name in ("bond", "007", "james bond"):  # titles share no name (not Bond's: "not dr. no" is one film)
                continue
            films = sorted({first_of[t] for t in named if t in first_of},
                           key=lambda i: (int(catalog.years[i]) if catalog.years[i] > 0 else 1 << 30, i))
            if len(films) > 1:
                self.sequels.setdefault(films[0], tuple(films[1:]))
        owned: dict[Phrase, list[int]] = defaultdict(list)  # "Stephen King's The Langoliers": "the langoliers"
        for i, t in enumerate(catalog.titles):
            m = POSSESSIVE_TITLE.match(t)
            if m:
                for key in title_keys(m.group("rest")):
                    owned[key].append(i)
        for key, items in owned.items():  # where no other film is called that ("mary shelley's frankenstein"
            if key not in titles and len(items) == 1 and len(" ".join(key)) >= 6:  # is not the 1931 film)
                titles[key] = items
        for alias, wanted in TITLE_ALIASES.items():  # "esb", "rotj": what fans call a film
            found = [i for i in range(catalog.n_items) if catalog.titles[i] == wanted] or [
                i for i in range(catalog.n_items) if catalog.titles[i].startswith(wanted)]
            if len(found) == 1 and phrase(alias) not in titles:
                titles[phrase(alias)] = found
        for key, items in list(titles.items()):  # "gi jane", "la confidential", "et": initials typed without dots
            joined: list[str] = []
            for initials, run in itertools.groupby(key, key=lambda w: len(w) == 1 and w.isalpha()):
                run = list(run)
                joined += ["".join(run)] if initials and len(run) > 1 else run
            if tuple(joined) != key and tuple(joined) not in titles and tuple(joined) not in self.values and (
                    len(joined) > 1 or len(joined[0]) > 2):  # (not "et" alone: a word of French)
                titles[tuple(joined)] = items
        short: dict[Phrase, set[int]] = defaultdict(set)
        for key, items in list(titles.items()):  # "t2" for "terminator 2", where no other film is
            words = key[1:] if key[0] in ("the", "a", "an") else key
            if len(words) == 2 and words[1].isdigit() and len(words[1]) == 1 and words[0].isalpha():
                short[(words[0][0] + words[1],)].update(items)
        for key, items in short.items():  # one film, or one far better known than the others ("tetsuo 2")
            ranked = sorted(items, key=lambda i: -popularity[i])
            if (key not in titles and key not in self.values
                    and (len(ranked) == 1 or popularity[ranked[0]] >= 5 * popularity[ranked[1]])):
                titles[key] = ranked[:1]
        self.titles = {k: sorted(v, key=lambda i: -popularity[i]) for k, v in titles.items()}
        # one word left once the article is dropped ("Wife, The" -> "wife"): a film only when typed
        # with its article or a capital, not the ordinary word ("my wife and I loved ...")
        self.bare_titles = {(t[-1],) for t in titles if len(t) == 2 and t[0] in TITLE_ARTICLES}
        self.title_strings = [" ".join(k) for k in self.titles]
        self.person_strings = [" ".join(k) for k in self.persons]
        self.max_len = max(len(p) for p in [*self.values, *self.persons, *self.titles, *self.groups])
        # every word of a name the catalog knows, for correcting misspelt words ("spielburg")
        self.words = sorted({w for p in [*self.values, *self.persons, *self.titles, *self.groups] for w in p
                             if len(w) >= 4 and w.isalpha()})

    @functools.cached_property
    def _credited(self) -> tuple[dict[Phrase, tuple[str, ...]], dict[str, list[Phrase]]]:
        """``roles``, and every part each actor the catalog has played, by its names; built on first use
        (``credited_parts`` takes a second or two, and few messages name a part)."""
        cast = {phrase(name): name for t, name in self.catalog.attr_values if t == "cast"}
        roles, parts = {}, defaultdict(list)
        for key, actors in credited_parts().items():
            ranked = sorted(((n, cast[a]) for a, n in actors.items() if a in cast), reverse=True)
            for _, name in ranked:
                parts[name].append(key)
            if ranked:
                top = ranked[0][0]
                roles[key] = tuple(name for n, name in ranked[:3] if ROLE_SHARE * n > top)
        return roles, parts

    @property
    def roles(self) -> dict[Phrase, tuple[str, ...]]:
        """Parts by what people call them -> the actors the catalog has who played them: the one who
        did at least ``ROLE_SHARE`` times as often as anyone else ("woody": Tom Hanks, three times;
        "spock": Leonard Nimoy, the Zachary Quinto of the later films being no cast here), else
        those who played it nearly as often as the most (up to three: "james bond" is Sean Connery,
        Roger Moore or Pierce Brosnan); a trade many play is no part ("dancer")."""
        return self._credited[0]

    def played(self, name: str, words: Phrase) -> bool:
        """Whether the actor ``name`` played a part whose name starts with ``words`` ("buzz": Buzz Lightyear)."""
        return any(key[: len(words)] == words for key in self._credited[1].get(name, ()))


@functools.lru_cache(maxsize=1)
def credited_parts() -> dict[Phrase, dict[Phrase, int]]:
    """Each part's names (``role_keys``) -> {actor's name phrase: times credited}, from TMDB 5000's
    casts; a name no actor holds a ``1 / ROLE_TRADE`` share of is a trade, not a part ("dancer": 366
    actors, the most credited five times of 407; "nurse", "himself", "jack"), and left out ("woody"
    stays: Tom Hanks three times of 11). Empty without the packaged credits."""
    from recsys.billing import tmdb_characters

    try:
        credited = tmdb_characters()
    except (OSError, KeyError, ValueError):
        return {}
    played: dict[Phrase, dict[Phrase, int]] = defaultdict(dict)
    for character, actor in credited:
        who = phrase(actor)
        for key in role_keys(character):
            played[key][who] = played[key].get(who, 0) + 1
    return {key: actors for key, actors in played.items()
            if ROLE_TRADE * max(actors.values()) >= sum(actors.values())}
