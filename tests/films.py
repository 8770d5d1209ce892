"""A hand-written film catalog for the parser and engine tests: 60 well-known films with the
attribute types of the MovieLens + OMDb catalog (genre, decade, director, cast, language,
MPAA rating, runtime band, Oscar, critics band), titles in MovieLens's style ("Usual
Suspects, The"), and synthetic ratings that pass the 10-core filter. Built in code in a
fraction of a second, so these tests need no dataset. Facts are the films' real ones,
trimmed to a few names each.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from recsys.catalog import Catalog, build_catalog
from recsys.movielens import ATTR_TYPES, runtime_band

# title, year, genres, directors, cast, minutes, extras (o: Oscar winner, c: critics' favourite,
# mpaa rating, language when not English)
FILMS = [
    ("Heat", 1995, "Action|Crime|Thriller", "Michael Mann", "Al Pacino|Robert De Niro", 170, "R"),
    ("Usual Suspects, The", 1995, "Crime|Thriller", "Bryan Singer", "Kevin Spacey|Gabriel Byrne", 106, "o R"),
    ("Toy Story", 1995, "Animation|Children's|Comedy", "John Lasseter", "Tom Hanks|Tim Allen", 81, "c G"),
    ("Pulp Fiction", 1994, "Crime|Drama", "Quentin Tarantino", "John Travolta|Uma Thurman|Bruce Willis", 154,
     "o c R"),
    ("Titanic", 1997, "Drama|Romance", "James Cameron", "Leonardo DiCaprio|Kate Winslet", 194, "o PG-13"),
    ("Fargo", 1996, "Crime|Drama|Thriller", "Joel Coen", "Frances McDormand|William H. Macy", 98, "o c R"),
    ("Braveheart", 1995, "Action|Drama|War", "Mel Gibson", "Mel Gibson|Sophie Marceau", 178, "o R"),
    ("Star Wars", 1977, "Action|Adventure|Romance|Sci-Fi|War", "George Lucas", "Mark Hamill|Harrison Ford", 121,
     "o c PG"),
    ("Forrest Gump", 1994, "Comedy|Romance|War", "Robert Zemeckis", "Tom Hanks|Robin Wright", 142, "o PG-13"),
    ("Apollo 13", 1995, "Action|Drama|Thriller", "Ron Howard", "Tom Hanks|Kevin Bacon", 140, "c PG"),
    ("Saving Private Ryan", 1998, "Action|Drama|War", "Steven Spielberg", "Tom Hanks|Matt Damon", 169, "o R"),
    ("Jurassic Park", 1993, "Action|Adventure|Sci-Fi", "Steven Spielberg", "Sam Neill|Laura Dern", 127, "PG-13"),
    ("E.T. the Extra-Terrestrial", 1982, "Children's|Drama|Fantasy|Sci-Fi", "Steven Spielberg",
     "Henry Thomas|Drew Barrymore", 115, "o c PG"),
    ("Jaws", 1975, "Action|Horror", "Steven Spielberg", "Roy Scheider|Robert Shaw", 124, "o c PG"),
    ("Schindler's List", 1993, "Drama|War", "Steven Spielberg", "Liam Neeson|Ben Kingsley", 195, "o c R"),
    ("Vertigo", 1958, "Mystery|Thriller", "Alfred Hitchcock", "James Stewart|Kim Novak", 128, "c"),
    ("Rear Window", 1954, "Mystery|Thriller", "Alfred Hitchcock", "James Stewart|Grace Kelly", 112, "c"),
    ("Psycho", 1960, "Horror|Thriller", "Alfred Hitchcock", "Anthony Perkins|Janet Leigh", 109, "c R"),
    ("North by Northwest", 1959, "Comedy|Thriller", "Alfred Hitchcock", "Cary Grant|Eva Marie Saint", 136, "c"),
    ("Shining, The", 1980, "Horror", "Stanley Kubrick", "Jack Nicholson|Shelley Duvall", 146, "R"),
    ("2001: A Space Odyssey", 1968, "Drama|Mystery|Sci-Fi|Thriller", "Stanley Kubrick", "Keir Dullea|Gary Lockwood",
     149, "o c G"),
    ("Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb", 1963, "Sci-Fi|War", "Stanley Kubrick",
     "Peter Sellers|George C. Scott", 95, "c"),
    ("Clockwork Orange, A", 1971, "Sci-Fi", "Stanley Kubrick", "Malcolm McDowell|Patrick Magee", 136, "R"),
    ("Mrs. Doubtfire", 1993, "Comedy", "Chris Columbus", "Robin Williams|Sally Field", 125, "o PG-13"),
    ("Aladdin", 1992, "Animation|Children's|Comedy|Musical", "Ron Clements", "Robin Williams|Scott Weinger", 90,
     "o G"),
    ("Good Will Hunting", 1997, "Drama", "Gus Van Sant", "Matt Damon|Robin Williams", 126, "o c R"),
    ("Dead Poets Society", 1989, "Drama", "Peter Weir", "Robin Williams|Ethan Hawke", 128, "o PG"),
    ("Ace Ventura: Pet Detective", 1994, "Comedy", "Tom Shadyac", "Jim Carrey|Courteney Cox", 86, "PG-13"),
    ("Mask, The", 1994, "Comedy|Crime|Fantasy", "Chuck Russell", "Jim Carrey|Cameron Diaz", 101, "PG-13"),
    ("Liar Liar", 1997, "Comedy", "Tom Shadyac", "Jim Carrey|Maura Tierney", 86, "PG-13"),
    ("Die Hard", 1988, "Action|Thriller", "John McTiernan", "Bruce Willis|Alan Rickman", 132, "R"),
    ("Twelve Monkeys", 1995, "Drama|Sci-Fi", "Terry Gilliam", "Bruce Willis|Brad Pitt", 129, "R"),
    ("Fifth Element, The", 1997, "Action|Sci-Fi", "Luc Besson", "Bruce Willis|Milla Jovovich", 126, "PG-13"),
    ("Searchers, The", 1956, "Western", "John Ford", "John Wayne|Jeffrey Hunter", 119, "c"),
    ("Stagecoach", 1939, "Western", "John Ford", "John Wayne|Claire Trevor", 96, "o c"),
    ("True Grit", 1969, "Adventure|Western", "Henry Hathaway", "John Wayne|Glen Campbell", 128, "o"),
    ("Unforgiven", 1992, "Western", "Clint Eastwood", "Clint Eastwood|Gene Hackman", 130, "o c R"),
    ("Good, The Bad and The Ugly, The", 1966, "Action|Western", "Sergio Leone", "Clint Eastwood|Eli Wallach", 161,
     "c R Italian"),
    ("Maltese Falcon, The", 1941, "Film-Noir|Mystery", "John Huston", "Humphrey Bogart|Mary Astor", 100, "c"),
    ("Casablanca", 1942, "Drama|Romance|War", "Michael Curtiz", "Humphrey Bogart|Ingrid Bergman", 102, "o c PG"),
    ("Chinatown", 1974, "Film-Noir|Mystery|Thriller", "Roman Polanski", "Jack Nicholson|Faye Dunaway", 130, "o c R"),
    ("City of Lost Children, The", 1995, "Adventure|Sci-Fi", "Jean-Pierre Jeunet", "Ron Perlman|Daniel Emilfork",
     112, "R French"),
    ("Three Colors: Blue", 1993, "Drama", "Krzysztof Kieslowski", "Juliette Binoche|Benoit Regent", 98,
     "c R French"),
    ("Delicatessen", 1991, "Comedy|Sci-Fi", "Jean-Pierre Jeunet", "Dominique Pinon|Marie-Laure Dougnac", 99,
     "c R French"),
    ("Nightmare Before Christmas, The", 1993, "Children's|Comedy|Musical", "Henry Selick",
     "Danny Elfman|Chris Sarandon", 76, "PG"),
    ("Lion King, The", 1994, "Animation|Children's|Musical", "Roger Allers", "Matthew Broderick|Jeremy Irons", 88,
     "o G"),
    ("Beauty and the Beast", 1991, "Animation|Children's|Musical", "Gary Trousdale", "Paige O'Hara|Robby Benson",
     84, "o c G"),
    ("Scream", 1996, "Horror|Thriller", "Wes Craven", "Neve Campbell|David Arquette", 111, "R"),
    ("Halloween", 1978, "Horror", "John Carpenter", "Jamie Lee Curtis|Donald Pleasence", 91, "c R"),
    ("Sleepless in Seattle", 1993, "Comedy|Romance", "Nora Ephron", "Tom Hanks|Meg Ryan", 105, "PG"),
    ("When Harry Met Sally...", 1989, "Comedy|Romance", "Rob Reiner", "Billy Crystal|Meg Ryan", 96, "c R"),
    ("Groundhog Day", 1993, "Comedy|Romance", "Harold Ramis", "Bill Murray|Andie MacDowell", 101, "c PG"),
    ("Godfather, The", 1972, "Action|Crime|Drama", "Francis Ford Coppola", "Marlon Brando|Al Pacino", 175,
     "o c R"),
    ("GoodFellas", 1990, "Crime|Drama", "Martin Scorsese", "Robert De Niro|Ray Liotta", 146, "o c R"),
    ("Silence of the Lambs, The", 1991, "Drama|Thriller", "Jonathan Demme", "Jodie Foster|Anthony Hopkins", 118,
     "o c R"),
    ("Seven (Se7en)", 1995, "Crime|Thriller", "David Fincher", "Brad Pitt|Morgan Freeman", 127, "R"),
    ("Reservoir Dogs", 1992, "Crime|Thriller", "Quentin Tarantino", "Harvey Keitel|Tim Roth", 99, "c R"),
    ("Hoop Dreams", 1994, "Documentary", "Steve James", "William Gates|Arthur Agee", 170, "c PG-13"),
    ("Singin' in the Rain", 1952, "Musical|Romance", "Stanley Donen", "Gene Kelly|Debbie Reynolds", 103, "c G"),
    ("Blade Runner", 1982, "Film-Noir|Sci-Fi", "Ridley Scott", "Harrison Ford|Rutger Hauer", 117, "c R"),
]
MPAA = ("G", "PG", "PG-13", "R")


def film_attrs(k: int) -> list[tuple[str, str]]:
    """The (type, value) pairs of film ``k`` of ``FILMS``."""
    title, year, genres, director, cast, minutes, extras = FILMS[k]
    flags = extras.split()
    out = [("genre", g) for g in genres.split("|")]
    out += [("decade", f"{year // 10 * 10}s"), ("director", director)] + [("cast", c) for c in cast.split("|")]
    out += [("language", next((f for f in flags if f in ("French", "Italian")), "English"))]
    out += [("mpaa", f"rated {f}") for f in flags if f in MPAA]
    out += [("runtime", runtime_band(minutes))]
    if "o" in flags:
        out.append(("oscar", "Oscar winner"))
    if "c" in flags:
        out.append(("critics", "critics' favourite"))
    return out


@cache
def film_catalog(n_users: int = 90, seed: int = 7) -> Catalog:
    """``FILMS`` with ratings: each user loves (5) films of two favourite genres and a few
    others, dislikes (1) a few; every film ends with at least 10 ratings >= 3 and every user
    with at least 10, so the 10-core filter keeps them all."""
    rng = np.random.default_rng(seed)
    n = len(FILMS)
    items = [(f"f{k}", FILMS[k][0], FILMS[k][1]) for k in range(n)]
    attrs = [(f"f{k}", t, v) for k in range(n) for t, v in film_attrs(k)]
    genres = sorted({g for f in FILMS for g in f[2].split("|")})
    of_genre = {g: [k for k in range(n) if g in FILMS[k][2].split("|")] for g in genres}
    users, its, ratings = [], [], []
    likes = np.zeros(n, dtype=int)
    for u in range(n_users):
        taste = rng.choice(genres, 2, replace=False)
        loved = sorted({k for g in taste for k in of_genre[g]})
        others = [k for k in range(n) if k not in loved]
        loved += [int(k) for k in rng.choice(others, 10, replace=False)]
        left = [k for k in range(n) if k not in loved]
        hated = [int(k) for k in rng.choice(left, min(3, len(left)), replace=False)]
        for k in loved:
            users.append(f"u{u}"), its.append(f"f{k}"), ratings.append(5.0)
            likes[k] += 1
        for k in hated:
            users.append(f"u{u}"), its.append(f"f{k}"), ratings.append(1.0)
    assert likes.min() >= 10, "every film needs ten fans to pass the 10-core filter"
    texts = {f"f{k}": f"{FILMS[k][0]} ({FILMS[k][1]}). {FILMS[k][2].replace('|', ', ')}. Directed by {FILMS[k][3]}."
             for k in range(n)}
    inter = (users, its, np.array(ratings), np.arange(len(users), dtype=float), None)
    known = {f"f{k}": {"oscar"} for k in range(n)}  # as OMDb: a film without the value did not win
    return build_catalog("films", items, attrs, known, inter, attr_types=ATTR_TYPES, texts=texts)
