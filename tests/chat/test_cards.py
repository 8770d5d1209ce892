"""A card's reason in words: what it has of what was asked, then what it lacks."""

from chat.cards import names_value, value_words


def test_values_read_as_words_not_labels():
    """People at the app read "has Children's", "has English, Comedy", "has Ethan Coen"; a card
    now says "comedy and children's film from the 1990s", "in English", "by Ethan Coen"."""
    assert value_words([("genre", "Comedy"), ("genre", "Children's"), ("decade", "1990s")]) == \
        "comedy and children's film from the 1990s"
    assert value_words([("director", "Ethan Coen")]) == "by Ethan Coen"
    assert value_words([("language", "English"), ("cast", "Tom Hanks")]) == "in English with Tom Hanks"
    assert value_words([("genre", "Sci-Fi")]) == "sci-fi film"
    assert value_words([("genre", "Animation"), ("cast", "Tom Hanks")], with_article=True) == \
        "an animated film with Tom Hanks"


def test_a_reason_names_what_it_says_and_nothing_else():
    said = "comedy and children's film from the 1990s with Tom Hanks"
    for value in (("genre", "Comedy"), ("genre", "Children's"), ("decade", "1990s"), ("cast", "Tom Hanks")):
        assert names_value(said, value), value
    for value in (("genre", "Drama"), ("decade", "1980s"), ("director", "Tom Hanks"), ("cast", "Meg Ryan")):
        assert not names_value(said, value), value
    assert names_value("war film", ("genre", "War")) and not names_value("by Steven Spielberg", ("genre", "War"))
    assert names_value("an action and war film", ("genre", "War")) and names_value("an action film", (
        "genre", "Action"))
    assert value_words([("genre", "Animation"), ("genre", "Comedy")]) == "animated comedy film"
    assert names_value("an animated comedy film", ("genre", "Animation"))
    assert names_value("an animated comedy film", ("genre", "Comedy"))
