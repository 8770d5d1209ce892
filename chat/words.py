"""The small closed word classes the parser reads a message with (``chat.parser``).

These are words of English, not of a catalog: intent phrases, negators, like / dislike
triggers, what drops or replaces a constraint, sentiment and "seen" words, and the filler a
wish is not made of. Open classes (titles, people, genres, eras) come from the catalog
(``chat.lexicon``), and requests such as "show me now" from the encoder (``chat.intents``).
"""

from __future__ import annotations

import re

from recsys.retrieval import DECADE_WORDS

Phrase = tuple[str, ...]

INTENTS: dict[str, list[str]] = {
    "yes": ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "y", "definitely", "absolutely", "of course",
            "correct", "right", "indeed", "sounds good", "please", "yes please", "that s right", "yep sounds good",
            "yes this one", "yes that one", "yes this", "yes that",
            "perfect", "perfect thatll do", "thatll do", "that will do",
            "that works", "works for me", "yeah that works", "fine by me", "sounds great", "si", "oui", "ja"],
    "no": ["no", "nope", "nah", "n", "not really", "no thanks", "not at all", "never", "no way", "not my thing",
           "not the vibe", "thats not the vibe", "nah thats not the vibe", "not my vibe", "nah ty", "no ty",
           "nah thanks", "nah thx",
           "not really my thing", "not my cup of tea", "not really my cup of tea", "not feeling it", "not for me"],
    "any": ["any", "anything", "whatever", "i dont mind", "dont mind", "i dont care", "dont care", "no preference",
            "either", "doesnt matter", "it doesnt matter", "skip", "not sure", "im not sure", "i dont know",
            "dont know", "no idea", "any is fine", "either is fine", "all good", "anything is fine",
            "whatever anything is fine", "doesnt matter to me", "not bothered", "im not bothered",
            "not bothered either way", "either way", "either way is fine", "dealers choice", "you choose", "your call",
            "whatevs", "idc", "idk", "dunno", "no strong feelings", "no strong preference", "not fussed",
            "im not fussed", "im not picky", "not picky", "im easy", "easy", "whatever you reckon", "whatever u reckon",
            "up to you", "up to u", "i dont mind either way", "beats me", "no clue", "cant decide", "no opinion",
            "whatever works", "idc whatever works", "idc whatever", "whatever you think", "whatever u think",
            "u choose", "u pick", "you pick", "whichever", "whichever is fine", "not fussy", "im not fussy",
            "whichever im not fussy", "whichever you like", "whichever you think"],
    "more": ["more", "show me more", "more please", "show more", "other options", "next", "more like these",
             "keep going", "keep em coming", "keep them coming", "go on", "carry on",
             "give me more", "what else", "whats good", "whats good tonight", "anything good", "what should i watch",
             "what are my options", "results please", "lets see the results", "what have you got", "results",
             "display results", "reveal the picks", "lay them on me", "enough chat", "films please",
             "your turn what do you suggest", "what do you suggest", "enough chat films please",
             "whats on the menu", "whats on offer", "what you got", "another 5", "another five", "5 more",
             "five more", "movies now", "films now", "movies now please", "come on movies", "cmon movies now",
             "something good", "idk something good", "something decent", "something great", "anything decent",
             "more like the first", "more like the first one", "more like that one", "something like that one",
             "something like that last one", "again", "again please", "what would you put on",
             "what would you put on tonight", "what would you watch", "what would you watch tonight",
             "what would you pick", "what would you recommend", "lemme see", "let me see", "k lemme see",
             "ok lets see", "lets see them"],
    "why": ["why", "why this", "why this one", "why that one", "why that", "explain", "explain this",
            "why did you pick this", "why these", "why did you pick that", "whats the logic", "reasoning",
            "explain yourself", "how come", "whys that", "why tho", "why though", "explain please",
            "what made you pick these", "what made u pick these", "why these ones", "why those"],
    "something_else": ["something else", "none of these", "something different", "not these", "none", "other films",
                       "different ones", "none of them", "none of those", "meh", "meh not really",
                       "these suck", "they suck", "these are bad", "nope none", "still no", "still nope",
                       "still nah", "still nothing", "nope still no", "no still no", "still none",
                       "nope not those either",
                       "no not those either", "nah not those either", "nope not these either", "no not these either",
                       "none of these either", "nope none of these either", "not these either"],
    "restart": ["start over", "restart", "reset", "new search", "start again", "begin again", "clear",
                "clean slate", "blank slate", "fresh start", "back to square one", "new plan", "start from scratch",
                "start afresh", "from scratch", "new chat", "reboot", "start from zero", "from the top"],
    "undo": ["undo", "go back", "take that back", "undo that", "back", "ctrl z", "misclicked", "i misclicked",
             "take back what i said", "take back what i just said", "forget what i just said",
             "ignore what i just said", "scratch what i just said", "undo what i just said",
             "wrong button", "clicked the wrong one", "i clicked the wrong one", "scratch that", "cancel that",
             "go back one", "step back", "undo last", "take it back"],
    "greeting": ["hi", "hello", "hey", "hi there", "hello there", "hey there", "good morning", "good evening",
                 "good afternoon", "howdy", "hiya", "sup", "yo", "heya", "wassup", "whats up"],
    "help": ["help", "what can you do", "how does this work", "what can i ask", "what can i say", "instructions",
             "commands", "what should i type", "what do i type", "what am i supposed to type",
             "what am i supposed to type here", "what do i do", "what do i do here", "how do i start", "im confused",
             "im lost", "tips", "how do i use this", "how does it work", "what do i say", "i dont understand",
             "i not understand", "i do not understand", "dont understand", "i no understand", "what do you mean",
             "how am i meant to use you", "how do i use you", "how am i supposed to use this", "how do you work"],
}
INTENT_OF = {tuple(p.split()): name for name, phrases in INTENTS.items() for p in phrases}
GREETING_RE = re.compile(r"\s*(hi there|hello there|hey there|good (?:morning|evening|afternoon)|hi|hello|hey|hiya|"
                         r"heya|hallo|hullo|ello|wassup|g'?day|howdy|yo|evening|morning|afternoon|greetings|sup|"
                         r"(?:well,?\s+)?how'?s it going|how are (?:you|ya|u)(?: doing)?|how'?s the craic)\b"
                         r"(?:\s+(?:bot|mate|all|folks|friend|buddy|pal)\b)?[\s,.!:;-]*", re.IGNORECASE)
ALL_YES = {"yes", "yeah", "yep", "yup", "sure", "ok", "okay", "definitely", "absolutely", "alright", "aight",
           "aye", "ya", "yah", "yh", "yea", "ye", "yas", "yass", "certainly", "totally", "thumbsup"}
ALL_NO = {"no", "nope", "nah", "nay", "naw", "nop", "thumbsdown"}
# what may follow a bare yes or no and changes nothing ("sure why not", "nah not really", "yeah go on")
YES_NO_TAIL = {"why", "not", "really", "go", "on", "ahead", "then", "thanks", "please", "sounds", "good", "fine",
               "great", "that", "works", "for", "me", "course", "of", "definitely", "thank", "you", "i", "guess",
               "alright", "mate", "man", "dude", "bro", "lol", "haha", "tbh", "ta", "cheers", "thing", "deal",
               "cool", "lovely", "thx", "pls", "plz", "x", "thumbsup", "thumbsdown", "yes", "no", "yeah", "nah"}
# small talk after a greeting is no wish ("hi there, how are you")
SMALL_TALK_RE = re.compile(r"\s*(how are you( doing)?( today)?|how'?s your (day|evening|night)( going)?|how's it going|"
                           r"hows it going|what's up|whats up|how are things|"
                           r"i'?m back|i am back|back again|it'?s me again)"
                           r"\b[\s,.!?:;-]*", re.IGNORECASE)
# leaving: the reply says goodbye, not "Looking for something like 'gotta go'"
FAREWELL_RE = re.compile(r"\s*(?:(?:ok(?:ay)?|k|kk|right|anyway|well|thanks?|thank you|thx|ty|cheers|lol|aight|"
                         r"alright|cool)[\s,.!]+)*"
                         r"(?:gotta go|got to go|have to go|i'?m off|i'?m done|that'?s all|that'?s it|"
                         r"that'?s everything|"
                         r"(?:i'?m|we'?re) (?:all set|good|sorted)|all set|bye+|bye bye|goodbye|"
                         r"good night|goodnight|nite|night night|see (?:you|ya)|cya|ttyl|peace(?: out)?|later|"
                         r"laters|ta)"
                         r"(?:[\s,.!]+(?:bye|for now|now|then|thanks?|cheers|later|all|for tonight|tonight|for today|"
                         r"for the night|for me|thank you|from me))*[\s.!]*$", re.IGNORECASE)
# thanks that close the search: a goodbye, not "yes" or a new list
THANKS_RE = re.compile(r"\s*(?:(?:ok(?:ay)?|k|kk|lol|perfect|great|cool|awesome|nice|brilliant|lovely|cheers)"
                       r"[\s,.!]+)*(?:thanks?(?: you)?(?: (?:so|very) much)?|thx|thnx|thanx|ty|tysm|cheers|ta)"
                       r"(?:[\s,.!]+(?:that'?ll do|that will do|that'?s (?:great|perfect|it|all)|for the help|mate))*"
                       r"[\s.!]*$", re.IGNORECASE)
# "long" before these is no film length ("long day at work")
NOT_A_LENGTH = {"day", "days", "week", "weeks", "night", "shift", "time", "year", "weekend", "story", "drive"}
POLITE = {"please", "thanks", "thank", "you", "one"}

NEGATORS = {"not", "no", "without", "dont", "hate", "hated", "except", "avoid", "nothing", "never", "neither", "wont",
            "wouldnt", "shouldnt", "mustnt",
            "nor", "dislike", "disliked", "isnt", "arent", "didnt", "doesnt", "cannot", "cant", "skip", "none",
            "nothin", "minus", "excluding", "exclude", "refuse", "refuses", "refused"}  # ("nothin dumb tho"; "minus the
# horror", "my husband refuses anything with subtitles")
NEGATOR_PHRASES = {("anything", "but"), ("other", "than"), ("no", "more"), ("anything", "except"),
                   ("cant", "stand"), ("couldnt", "stand"), ("not", "into"), ("im", "not", "into"),
                   ("done", "with"), ("sick", "of"), ("tired", "of"), ("fed", "up", "with"), ("steer", "clear", "of"),
                   ("stay", "away", "from"), ("had", "enough", "of"), ("leave", "out"), ("im", "over"),
                   ("steer", "away", "from"), ("not", "care", "for"), ("dont", "care", "for"),
                   ("do", "not", "care", "for"), ("enough",), ("filter", "out"), ("cut", "out"), ("rule", "out"),
                   ("take", "out"), ("get", "rid", "of"), ("leave", "off"), ("keep", "away", "from"),
                   ("keep", "clear", "of"), ("stay", "clear", "of")}  # "I do not care for anything over two hours";
# "Enough Coppola, I have seen all his films"
NOT_NEGATING_NEXT = {"mind", "care", "know", "wait", "sorry", "actually", "hang"}  # "I don't mind"; "no wait, 90s"

# a film the person wants to see ("i want to watch the godfather", "fargo is on my watchlist"):
# ``Parser._wanted_not_liked`` tells it from a like; negated ("i don't want to watch E.T. right now"), not now
WANT_TRIGGERS = {("want", "to", "see"), ("want", "to", "watch"), ("wanna", "watch"), ("wanna", "see"),
                 ("meant", "to", "see"), ("meant", "to", "watch"), ("meaning", "to", "see"), ("meaning", "to", "watch"),
                 ("dying", "to", "see"), ("dying", "to", "watch"), ("watchlist",), ("watch", "list")}
LIKE_TRIGGERS = {("loved",), ("love",), ("liked",), ("like",), ("enjoyed",), ("enjoy",), ("adored",), ("adore",),
                 ("movies", "like"), ("films", "like"), ("something", "like"), ("similar", "to"), ("fan", "of"),
                 ("anything", "like"), ("stuff", "like"), ("movie", "like"), ("film", "like"), ("flicks", "like"),
                 ("ones", "like"),  # (WANT_TRIGGERS: "never seen pale rider" is read "want to see ...")
                 *WANT_TRIGGERS,
                 ("fond", "of"), ("loves",), ("likes",), ("adores",), ("enjoys",),  # "my son loves harry potter"
                 # "in the vein of fargo", "something a la heat", "same vibe as titanic"
                 ("vein", "of"), ("lines", "of"), ("line", "of"), ("a", "la"), ("spirit", "of"), ("reminiscent", "of"),
                 ("vibe", "as"), ("vibes", "as"), ("vibe", "to"), ("vibes", "to"), ("vibe", "of"), ("vibes", "of"),
                 ("favourite", "is"), ("favorite", "is"), ("such", "as"), ("favourite", "movie", "is"),
                 ("favorite", "movie", "is"), ("favourite", "film", "is"), ("favorite", "film", "is"),
                 *((fav, *kind, "is") for fav in ("fave", "fav") for kind in ((), ("film",), ("movie",))),
                 ("have", "you", "got"), ("do", "you", "have"),
                 # choosing a film to watch ("ok i'll watch vertigo thanks", "going with liar liar")
                 ("ill", "watch"), ("well", "watch"), ("i", "will", "watch"), ("we", "will", "watch"),
                 ("gonna", "watch"), ("lets", "watch"), ("ill", "go", "with"), ("well", "go", "with"),
                 ("just", "go", "with"), ("lets", "go", "with"), ("going", "with"), ("ill", "go", "for"),
                 ("well", "go", "for"), ("lets", "go", "for"), ("well", "take"), ("ill", "take"),
                 ("we", "will", "take"), ("lets", "take"), ("well", "do"), ("ill", "do"), ("i", "shall", "watch"),
                 ("we", "shall", "watch"), ("imma", "watch"), ("imma", "go", "with"), ("imma", "go", "for"),
                 ("imma", "take"), ("imma", "do")}
# what may stand beside the film chosen and the words choosing it, and nothing else ("ok the 3rd one is
# perfect, we'll watch that, thanks"; not "let's try something like titanic", "i'll watch it later")
CHOOSE_FILLER = {"ok", "okay", "great", "perfect", "cool", "nice", "awesome", "alright", "then", "tonight", "i", "ill",
                 "gut", "bene", "perfetto", "bueno", "vale", "bien", "parfait",
                 "we", "well", "will", "watch", "watching", "go", "going", "with", "lets", "gonna", "to", "take", "try",
                 "do", "it", "that", "this", "one", "thanks", "thank", "you", "thx", "ty", "cheers", "bye", "the", "a",
                 "so", "yeah", "yes", "sure", "think", "guess", "im", "were", "is", "looks", "sounds", "good", "fine",
                 "first", "second", "third", "fourth", "fifth", "last", "number", "1st", "2nd", "3rd", "4th", "5th",
                 "1", "2", "3", "4", "5", "oh", "ooh", "amazing", "love", "loved", "thats", "s", "in",
                 "hmm", "right", "settled", "sold", "deal", "pick", "choose", "for", "me", "us", "and", "its",
                 "lovely", "brilliant", "wonderful", "splendid", "excellent", "fab", "fantastic", "now", "shall",
                 "chose", "watchin", "bet", "very", "much", "bro", "bruh", "out", "peace", "aight", "rewatch", "forget",
                 "decided", "ive", "imma", "just", "goodbye", "goodnight", "night", "done", "after", "all", "lol",
                 "haha", "lmao", "meh", "cute", "fun", "interesting", "intriguing", "promising", "neat", "sweet",
                 "sorted", "meant", "mean", "whatever", "dope", "sick"}  # ("i meant stand by me. watching that",
# "whatever MIB is dope ill watch that": round thirty-two; "ok bet im watchin #1", "a walk in the clouds looks cute,
# ill try that",
# "thank you very much, i ...", "bro im watching demolition man. im out", "forget it. men in black then, i'll
# rewatch it")
# choosing a film to watch ("we'll watch that", "going with liar liar"): ``turn._Apply._chosen``
CHOOSE_RE = re.compile(r"\b(?:i'?ll|we'?ll|i will|we will|i shall|we shall|gonna|going to|let'?s)\s+"
                       r"(?:watch|go with|take|try|do)\b|\bwell watch (?:that|it|this)\b|"  # (a voice's "well": we'll)
                       r"\bgoing with\b|\bwatching (?:that|it|this)\b|\bthat'?s the one\b|"
                       r"\b(?:i|we) watch (?:it|this|that)\b|"
                       r"\b(?:it is|it'?s)\s*[!.,]*\s*(?:(?:i'?ve\s+)?never seen it|(?:i\s+)?haven'?t seen it)?"
                       r"[!.]*\s*$|"
                       r"\b(?:i'?m|im|we'?re|were) watch(?:ing|in)\b|"
                       r"\b(?:i|we) (?:choose|chose|pick)\b|\b(?:i|we) take (?:this|that|it)\b|"
                       r"\bimma\s+(?:go\s+with|watch|take|do)\b|\b(?:i'?ll|ill|we'?ll)\s+(?:just\s+)?(?:take|rewatch)\b|"
                       r"\b(?:i'?ve|ive|we'?ve)\s+decided\b|\bthen[.!]*\s*(?:done|sorted)\b|"
                       r"\bgoing\s+w/?\s+(?:that|it|this)\b|\b(?:we|i)\s*(?:r|are|'re|'m|am)\s+doing\b|"
                       r"\bfinal\s+answer\b|\bthat\s+is\s+the\s+one\b",
                       re.IGNORECASE)  # (second-language English: "we watch
# it"; "number 2 it is", "ok bet im watchin #1", "i choose the fourth")
# when tonight a film chosen will be watched: no wish, and still a choice ("I shall watch it after the children
# are in bed"; not "later" or "another time", which may mean not now)
BEDTIME_RE = re.compile(r"\b(?:after|once|when)\s+(?:the\s+|my\s+|our\s+)?(?:kids|children|little ones|grandkids|"
                        r"grandchildren|baby|boys|girls)\s+(?:are|r|have gone|go|get|went)\s+(?:in bed|to bed|to sleep|"
                        r"asleep|down|home)\b", re.IGNORECASE)
# a child and their age: films for children ("movie night w my son, hes 6", "for my 7 year old")
CHILD = r"(?:son|daughter|kids?|nephews?|nieces?|grand(?:sons?|daughters?|kids?|child(?:ren)?)|boy|girl|little ones?|" \
        r"toddlers?|" \
        r"children|child|youngest|eldest)"
CHILD_AGE_RE = re.compile(
    r"\b" + CHILD + r"\b[^.?!;]{0,20}?\b(?:(?:he|she|they|who)(?:'?s|'?re| is| are)|is|are|aged?|(?:is\s+)?turning|"
    r"turns|just turned|will be)\s+(\d{1,2})\b"
    r"(?!\s*(?:s\b|0s|mins?|minutes|hours?|hrs?|%))"
    r"|\b(\d{1,2})[- ]?(?:yo|y/o|years?[- ]olds?|yrs?[- ]olds?)\b"
    # the ages right after the children ("w my kids 6 and 11", "my kids, aged 7 and 9")
    r"|\b" + CHILD + r"[,\s]+(?:aged?\s+)?(\d{1,2})(?:\s*(?:and|&|,)\s*(\d{1,2}))?\b"
    r"(?!\s*(?:s\b|0s|mins?|minutes|hours?|hrs?|%|films?|movies?))"
    # a message opening with an age, the child named before ("hes 8", "she's only 6", "he's 12 and loves action")
    r"|\b" + CHILD + r"\s+of\s+(\d{1,2})\b(?!\s*(?:s\b|0s|mins?|minutes|hours?|hrs?|%))"  # "a girl of 5 and a boy of 8"
    r"|^\s*(?:and\s+|oh\s+|well\s+)?(?:he|she|they)\s*(?:'?s|'?re| is| are)\s+(?:only\s+|just\s+)?(\d{1,2})"
    r"(?:\s+(?:and|&)\s+(\d{1,2}))?(?:\s*(?:years?(?: old)?|yrs?|yo))?\s*(?:[.!,]|$|and\b|but\b|so\b)", re.IGNORECASE)
CHILD_MAX_AGE = 12
TEEN_MAX_AGE = 16  # older than a child, too young for a film rated R
# a child the film is for, with no age ("less scary for my son", "a comedy to watch with my daughter")
FOR_A_CHILD_RE = re.compile(r"\b(?:for|with|w/?)\s+(?:my|our)\s+(?:(?:little|young|youngest)\s+(?:boy|girl)s?|"
                            r"(?:little\s+|young\s+|youngest\s+)?(?:sons?|daughters?|nephews?|nieces?|grandsons?|granddaughters?|"
                            r"grandkids|grandchildren|kid|child|little ones?))\b(?!['\u2019]s)"
                            r"|\b(?:the\s+)?(?:kids|children|little ones)\s+(?:are|r|'re)\s+"
                            r"(?:watching|here|with (?:me|us))|\bwith the (?:kids|children|little ones)\b",
                            re.IGNORECASE)  # "kids r watching too"
ADULT_RATINGS = (("mpaa", "rated R"), ("mpaa", "rated NC-17"))
# the children will watch too: films for children ("a comedy the kids will like", "the kids and I can watch")
KIDS_WATCH_RE = re.compile(r"\b(?:the|my|our)\s+(?:kids|children|little ones)\s+(?:will|can|could|would|might|"
                           r"should|and\s+(?:i|we|me|grandparents|grandma|grandpa|the grandparents))\b", re.IGNORECASE)
CHILD_WORDS = {"son", "daughter", "kid", "kids", "nephew", "niece", "boy", "girl", "toddler", "child", "children",
               "youngest", "eldest", "year", "years", "old", "yo", "hes", "shes", "aged", "age", "little", "who", "is"}
# asking whether the catalog has a film: what follows is a film's name ("have u got inception?")
ASK_TITLE = {("have", "you", "got"), ("have", "u", "got"), ("do", "you", "have"), ("do", "u", "have"),
             ("you", "got"), ("u", "got"), ("is", "there"), ("do", "you", "know"), ("did", "you", "ever", "see"),
             ("have", "you", "seen"), ("have", "u", "seen"), ("did", "you", "see"), ("ever", "seen"),
             # round thirty-five: "do u even have beetlejuice" (a search for the words), "what about like beetlejuice"
             ("do", "you", "even", "have"), ("do", "u", "even", "have"), ("you", "even", "have"), ("u", "even", "have"),
             ("what", "about", "like"), ("how", "about", "like")}
STRONG_TRIGGERS = {t for t in LIKE_TRIGGERS if t != ("like",)} | {("hated",), ("disliked",)}
DISLIKE_TRIGGERS = {("vetoed",), ("vetoes",), ("veto",), ("nixed",),  # "he vetoed the saint"
                    ("hated",), ("hate",), ("disliked",), ("couldnt", "stand"), ("boring",), ("hates",), ("dislikes",),
                    ("detests",), ("detest",), ("loathes",), ("loathe",), ("despises",), ("despise",)}  # "my wife
# hates julia roberts": someone watching too rules it out

# taking a constraint back: values after these are dropped ("forget the 80s", "instead of the
# 90s"); after SWAP until a SWAP_TO word ("swap the comedy for a drama"); before DROP_BEFORE
DROP_AFTER = {("forget",), ("forget", "about"), ("dont", "care", "about"), ("do", "not", "care", "about"),
              ("take", "back"), ("take", "away"), ("doesnt", "need"), ("does", "not", "need"),
              ("dont", "need", "it", "to", "be"), ("no", "need", "to", "be"),
              ("drop",), ("scratch",), ("remove",), ("ignore",),
              ("never", "mind"), ("nevermind",), ("get", "rid", "of"), ("instead", "of"), ("rather", "than"),
              ("no", "need", "for"), ("lose",), ("scrap",), ("ditch",), ("bin",), ("chuck",), ("nix",),
              ("not", "fussed", "about"), ("im", "not", "fussed", "about"), ("not", "bothered", "about"),
              ("dont", "mind", "about"),
              ("doesnt", "have", "to", "be"),
              ("doesnt", "need", "to", "be"), ("dont", "need", "to", "be"), ("does", "not", "need", "to", "be"),
              ("does", "not", "have", "to", "be"), ("dont", "need"), ("need", "not", "be"), ("need", "not", "have"),
              ("neednt", "be"), ("neednt", "have"), ("doesnt", "have", "to", "have"),
              ("does", "not", "have", "to", "have"),
              ("doesnt", "need", "to", "have"), ("dont", "need", "it", "to", "have"),
              ("changed", "my", "mind", "about"), ("change", "my", "mind", "about"), ("nix",)}
SWAP = {("swap",), ("replace",), ("switch",), ("change",), ("trade",), ("exchange",), ("swop",), ("substitute",)}
SWAP_TO = {"for", "with", "to", "by", "into"}
# ruling a value out after naming it ("romance isn't my thing")
REJECT_BEFORE = {("isnt", "my", "thing"), ("is", "not", "my", "thing"), ("arent", "my", "thing"),
                 ("are", "not", "my", "thing"), ("not", "my", "thing"), ("isnt", "for", "me"),
                 ("are", "not", "for", "me"), ("arent", "for", "me"), ("not", "for", "me"), ("a", "hard", "no"),
                 ("is", "a", "no"), ("are", "a", "no"), ("a", "no", "from", "me"), ("is", "out"), ("are", "out"),
                 ("is", "not", "for", "me"), ("away", "from", "me"), ("not", "so", "much"),
                 ("didnt", "get", "the", "hype"), ("dont", "get", "the", "hype"), ("not", "worth", "the", "hype"),
                 ("a", "bit", "much"), ("bit", "much"), ("a", "bit", "long"), ("a", "bit", "slow"),
                 ("a", "little", "long"), ("a", "little", "slow")}  # "the crying game was a bit much for me"
# a film the person likes but does not want now ("fargo was great but not tonight")
NOT_NOW = {("not", "tonight"), ("not", "now"), ("not", "today"), ("not", "right", "now"), ("not", "in", "the", "mood"),
           ("another", "time"), ("some", "other", "time"), ("not", "this", "time"),
           # "silence of the lambs is NOT what i meant": not this film for this wish
           *((neg, "what", *tail) for neg in ("not", "isnt", "wasnt", "arent")
             for tail in (("i", "meant"), ("we", "meant"), ("i", "wanted"), ("we", "wanted"), ("i", "asked", "for"),
                          ("we", "asked", "for"), ("im", "after"), ("were", "after"), ("i", "had", "in", "mind")))}
# after "too ...": the occasion a film is ruled out for, not the film ("too long for a weeknight")
FOR_NOW = {("for", "tonight"), ("for", "today"), ("for", "now"), ("for", "a", "weeknight"),
           ("for", "a", "school", "night"), ("for", "this", "evening"), ("for", "right", "now"), ("for", "tonite"),
           ("for", "a", "work", "night"), ("for", "a", "worknight"), ("for", "this", "week"),
           ("for", "a", "first", "date"), ("for", "a", "date"), ("for", "date", "night"), ("for", "a", "date", "night"),
           *(("for", "a", day, "night") for day in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                    "saturday", "sunday")),
           *(("for", day) for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                      "sunday"))}
# a film named in these is neither liked nor disliked ("not feeling like Schindler's List tonight")
NEUTRAL_TITLE = {("feeling", "like"), ("in", "the", "mood", "for"), ("up", "for"), ("feel", "like")}
# asking for other films than those named or shown ("already seen fargo and heat, others?")
OTHERS = {("others",), ("other", "ones"), ("got", "others"), ("any", "others"), ("anything", "else"),
          ("something", "else"), ("what", "else"), ("different", "ones"), ("next", "one"), ("next", "please"),
          ("something", "different"), ("different", "films"), ("different", "movies")}
# words that go with a request for films and are no wish ("just throw some movies at me")
REQUEST_FILLER = {"throw", "toss", "hand", "tired", "done", "bored", "already", "quick", "quickly", "hurry", "come",
                  "watch", "waiting", "wait", "questions", "question", "asking", "recs", "rec", "results", "em",
                  "quit", "stop", "many", "picks", "lemme", "options", "ones", "stuff", "much", "chat", "chatting",
                  "turn", "talking", "talk", "idc", "sum", "details"}  # "idc about details just show me sum movies"
DROP_BEFORE = {("doesnt", "matter"), ("dont", "matter"), ("does", "not", "matter"), ("not", "important"),
               ("isnt", "important"), ("no", "longer", "matters"), ("is", "not", "needed"), ("is", "optional"),
               ("optional",), ("requirement",)}
# new values replace the earlier ones of their type ("actually, a comedy", "Harrison Ford instead")
INSTEAD = {("instead",), ("actually",), ("rather",), ("changed", "my", "mind"), ("change", "of", "plan"),
           ("make", "it"), ("make", "them"), ("make", "those"), ("make", "em"), ("what", "about"), ("how", "about"),
           ("prefer",), ("id", "prefer"),
           ("go", "back", "to"), ("lets", "go", "back", "to")}
SUBTITLES = {"subtitles", "subtitled", "subs", "subtitle"}  # not wanted: a film in English
LANGUAGE_MARKERS = {("language",), ("speaking",), ("spoken",), ("subtitles",), ("dubbed",)}
COMPARATIVES = {("older", "than"): "<", ("before",): "<", ("earlier", "than"): "<", ("pre",): "<",
                ("newer", "than"): ">", ("after",): ">", ("later", "than"): ">", ("more", "recent", "than"): ">",
                ("since",): ">=", ("from", "before"): "<", ("from", "after"): ">", ("post",): ">="}
# relative era words, filler once the message names a decade ("go older, like 50s")
# "something older", "anything more recent?": an era relative to the films shown; "the newest
# you have", "your oldest films": the catalog's last (first) decade
ERA_SHIFT = {"older": "older", "oldies": "older", "newer": "newer", "recent": "newer", "modern": "newer",
             "newest": "newest", "latest": "newest", "oldest": "oldest"}
RELATIVE_ERA = {"older", "newer", "earlier", "later", "go", "go older", "recent", "more recent", "oldies", "modern",
                "old", "nah", "nope"}
# sounds that are no wish ("k", "ugh", "hmm"): a message of these alone was not understood
INTERJECTIONS = {"k", "kk", "ugh", "hmm", "hm", "um", "umm", "uh", "uhh", "ah", "ahh", "oh", "ooh", "wow", "lol",
                 "lmao", "haha", "hah", "huh", "eh", "jeez", "bruh", "welp", "sigh", "oops", "ok", "okay", "hmmm",
                 "whoa", "mm", "mmm", "hahaha", "lolol", "whoops", "oopsie", "whoopsie", "gah", "argh", "ngl", "fr",
                 "lowkey", "highkey", "smh", "deadass", "istg", "tho", "fam", "ong", "ick", "yikes", "ew", "eww",
                 "bestie", "heyyy", "heyy", "tbh", "imo", "imho", "ig",  # "comedy ig": I guess
                 "righto", "mate", "reckon", "strewth"}
# words that carry no wish of their own ("ugh, i already said no scary stuff", "and kevin costner's out")
WISHLESS = INTERJECTIONS | {"said", "told", "already", "again", "stuff", "things", "out", "back", "go", "ya", "u",
                            "every", "loads", "whatever", "whatevers", "using", "both", "throw", "toss",
                            "add",  # "throw in some romance"
                            "other", "others", "star", "than", "pref", "prefs", "era", "chance", "seeing", "nvm",
                            "lot", "lots", "batch", "bunch", "sorry", "wait", "meant", "mean", "oops",
                            "dear", "darling", "sweetie", "sweetheart", "hun",  # "either one is fine dear"
                            "obviously", "obvs", "ofc", "clearly", "would", "work", "works", "anymore", "far",
                            "thatll", "thatd", "itll", "itd", "subtitles", "cmon", "tomorrow", "early", "start",
                            "hard", "different", "being", "aimed",  # "not aimed at kids"
                            "wanted", "asked", "wanting",  # "that's not what i asked, i wanted comedies"
                            "compromise", "compromised", "agreed", "agree", "couldnt",  # "ok we've compromised, 80s
                            # or 90s", "we couldn't agree on anything, but we both hated nine months"
                            "husband", "wife", "partner", "boyfriend", "girlfriend", "hubby", "bf", "gf", "mum",
                            "mom", "dad", "parents", "wifes", "husbands",  # "my husband likes war films and i
                            # like romance", "my wife's not in the mood"
                            "sister", "brother", "sis", "bro", "siblings", "cousin", "cousins", "friend", "friends",
                            "mates",  # "me and my sister want ..." (not "with my grandma": a film for all ages)
                            # a learner's reasons: "i'm learning japanese", "for my class", "i've just started lessons"
                            "learning", "lessons", "lesson", "class", "classes", "practise", "practice", "practising",
                            "practicing", "studying", "nightmares",  # "nothing scary i get nightmares"
                            "somthing", "somethin", "sumthin", "sumthing", "somethign",
                            "care", "days", "nowadays",  # "I do not care for anything over two hours these days"
                            "as",  # ("loved it as a kid")
                            "autocorrect", "typed", "typo", "argh", "autocorrected", "ruined", "ducking",
                            # who is watching and what they say of it ("my wife says no demi moore", "she wants
                            # romance, i want laughs", "one of the guys can't do subtitles", "there'll be 8 of us")
                            "says", "say", "wants", "guys", "gals", "therell", "theyll", "exactly", "yep", "yup",
                            "wrote", "decade", "genre",  # "show me stuff john hughes wrote"; "decade: 70s"
                            "yo", "yr", "yrs",  # "the 13 yo"
                            "properly", "super", "curious", "leave", "having", "sleepover", "sleepovers",
                            "nephew", "niece", "nephews", "nieces", "shes", "hes", "theyre", "boomer", "boomers",
                            "nap", "naptime", "nearly", "search", "searching", "actually", "truly", "vibe", "vibes",
                            "lane", "cringe", "trash", "maybe", "slay", "slays", "slayed", "slaps", "bussin", "giving",
                            "much",
                            # a formal or old-fashioned hand: "Kindly show me the pictures you have with Miss Grace
                            # Kelly", "I should be most grateful for a western starring Mr. Gregory Peck"
                            "kindly", "pray", "grateful", "most", "pictures", "picture", "miss", "mr", "mrs", "ms",
                            "dame", "sir", "joints", "nobodys", "topped", "nicely", "might", "teens",
                            "slightly", "remotely", "vaguely", "whatsoever", "little", "lit", "ima", "imma", "finna",
                            "between", "gut", "leider", "bitte", "bene", "perfetto", "vale", "bueno", "okey", "lines"}
# ("watching with my nephew"; "argh autocorrect,
# i typed horror, meant humour")
# parts of a film a person praises or complains of ("loved the twist"): never a film's name
FILM_PARTS = {"twist", "twists", "ending", "end", "soundtrack", "music", "score", "acting", "cast", "story", "plot",
              "script", "visuals", "cinematography", "dialogue", "dialog", "effects", "jokes", "characters", "villain",
              "finale", "scene", "scenes", "songs", "costumes", "opening", "pacing", "performances", "performance"}
# words that say a writer's books are meant: no wish beside the writer ("based on stephen king novels")
BOOK_WORDS = {"based", "book", "books", "novel", "novels", "story", "stories", "written", "adaptation", "adaptations",
              "adapted", "from", "on", "of"}
TOO_ERA = {"old": "newer", "dated": "newer", "new": "older", "recent": "older", "modern": "older"}  # after "too"
ERA_NEGATORS = {"no", "not", "nothing", "none", "without"}  # "no oldies": newer, not older
DECADE_TOKEN = re.compile(r"^(\d0s|\d{3}0s|\d{4}|\d0ies)$")

# attribute types a film has one value of: a new one replaces the old ("make it the 80s")
EXCLUSIVE_TYPES = {"decade", "runtime", "mpaa", "critics"}

POSITIVE = {"thumbsup", "great", "awesome", "amazing", "fav", "fave", "faves", "fun", "favourite", "favorite",
            "favourites",
            "favorites", "comfort", "fan", "best", "brilliant", "excellent", "masterpiece", "wonderful", "fantastic",
            "superb",
            "loved", "love", "enjoyed", "adored", "adore", "liked", "perfect", "incredible", "ace", "slaps", "goat",
            "lovely", "stitches", "banger", "iconic", "legendary", "slayed", "slay", "slays", "ate", "bussin",
            "fire", "elite"}  # a teenager's praise ("scream 2 slayed", "leo ate")
NEGATIVE = {"thumbsdown", "awful", "terrible", "boring", "sappy", "bad", "worst", "overrated", "cheesy", "dull",
            "hated", "hate",
            "disliked", "rubbish", "garbage", "stupid", "annoying", "horrible", "crap", "meh", "overhyped",
            "naff", "trash", "trashy", "mess", "joke", "snooze", "snoozefest", "shite", "shit", "dud", "disaster",
            "flop", "travesty", "abomination", "nonsense", "shallow", "drivel", "tosh", "vapid", "duds", "cringe",
            "overwrought", "limp", "flat", "vetoed", "veto", "vetoes", "nixed", "nix",  # ("she vetoed #1")
            "lazy", "cashgrab", "shocker", "woeful", "dire", "pants"}  # "a lazy cash-in", "a shocker"
SEEN = {"seen", "watched", "saw", "rewatched", "finished", "screened"}  # ("we've screened laura": a film club)
# a clause that reviews a film it opens with ("Heat was way too long", "gladiator was amazing"): the
# verb after the film, and what the rest says of it (besides POSITIVE / NEGATIVE); "too" is a complaint
REVIEW_VERBS = {"is", "was", "were", "are", "felt", "seemed", "dragged", "sucked", "sucks", "rocks", "rocked",
                "bored", "scared", "blew", "made", "left", "wrecked", "destroyed", "broke"}
PRAISE = {"classic", "greatest", "finest", "perfection", "peak", "sick", "dope", "powerful", "touching", "haunting",
          "masterful", "charming", "underrated",
          "hilarious", "gem", "beautiful", "stunning", "solid", "good", "cool", "funny", "epic",
          "rocks", "rocked", "brilliantly", "terrific", "moving", "gripping", "genius", "blew", "holds",
          "decent", "sweet", "wonderful", "gorgeous", "delightful", "exciting", "fascinating", "riveting",
          "enthralling", "atmospheric"}
COMPLAINTS = {"too", "dumb", "slow", "tedious", "forgettable", "mediocre", "disappointing", "predictable",
              "pretentious", "silly", "lame", "weak", "painful", "dragged", "sucked", "sucks", "bland", "bored",
              "meh", "overlong", "pointless", "dreadful", "atrocious", "unwatchable", "waste", "letdown"}
# a complaint that is praise ("twister is dumb fun"): liked, whatever the complaint word says
GUILTY_PLEASURE = {("dumb", "fun"), ("silly", "fun"), ("stupid", "fun"), ("cheesy", "fun"), ("guilty", "pleasure"),
                   ("so", "bad", "its", "good"), ("mindless", "fun")}
# phrases after a film that like or dislike it ("Gladiator and Braveheart are my kind of films")
REVIEW_LIKE = {("my", "kind"), ("my", "type"), ("my", "thing"), ("my", "jam"), ("up", "my", "street"),
               ("up", "my", "alley"), ("my", "go", "to"), ("my", "goto"), ("holds", "up"), ("what", "a", "film"),
               ("looks", "fire"), ("is", "fire"), ("was", "fire"), ("sounds", "fire"), ("looks", "dope"),
               ("is", "dope"), ("was", "dope"), ("slaps",), ("a", "banger"), ("goated",), ("my", "fav"),
               ("my", "favs"), ("my", "faves"), ("my", "favourites"), ("my", "favorites"), ("my", "favourite"),
               ("my", "favorite"),
               ("what", "a", "movie"), ("top", "5"), ("top", "10"), ("top", "five"), ("top", "ten"),
               ("wrecked", "me"), ("destroyed", "me"), ("broke", "me"),  # "saving private ryan wrecked me"
               ("worth", "it"), ("worth", "watching"), ("worth", "the", "wait"), ("my", "top"), ("my", "childhood"),
               ("made", "me", "laugh"), ("would", "watch", "it", "again"), ("happily", "watch", "it", "again"),
               ("could", "watch", "it", "again"), ("laughed", "our", "heads", "off"), ("laughed", "my", "head", "off"),
               ("could", "be", "fun"), ("could", "be", "good"), ("might", "be", "fun"), ("might", "be", "good"),
               ("looks", "fun"), ("sounds", "fun")}  # "doubtfire could be fun"
# phrases of a clause naming a film that like it, where ``REVIEW_LIKE``'s words are no verdict alone ("free willy
# was a big hit with my 4 year old", "young frankenstein still kills me")
REVIEW_LIKE_IN_CLAUSE = {("big", "hit"), ("the", "real", "thing"), ("kills", "me"), ("cracks", "me", "up"),
                         ("is", "class"), ("was", "class"), ("a", "blast"), ("was", "a", "blast")}
# phrases of a clause naming a film that dislike it, beside the words of ``NEGATIVE`` ("branagh's hamlet dragged on
# forever", "prince of thieves, which i couldnt even finish")
REVIEW_DISLIKE = {("dragged",), ("drags",), ("couldnt", "finish"), ("couldnt", "even", "finish"), ("tedious",),
                  ("left", "me", "cold"), ("bored", "me"),  # round thirty-one: "gone with the wind rather tedious"
                  ("didnt", "care", "for"), ("did", "not", "care", "for"), ("not", "my", "cup", "of", "tea"),
                  ("could", "not", "finish"), ("fell", "asleep"), ("walked", "out"), ("turned", "it", "off"),
                  ("a", "slog"), ("such", "a", "slog"), ("skipped", "half"), ("skipped", "through"),
                  ("fast", "forwarded"), ("fast", "forwarded", "through")}  # "... skipped half of it"
# the words of a clause that is only a verdict on the film of the clause before ("rewatched alien, still
# holds up"), besides stopwords and praise
VERDICT_WORDS = {w for p in REVIEW_LIKE | REJECT_BEFORE | GUILTY_PLEASURE for w in p} | {
    "absolutely", "totally", "honestly", "seriously", "truly", "both", "each", "all", "equally", "two", "three", "ever",
    "duo", "pair", "team", "combo"}  # "newman and redford are the best duo"
# words that make a phrase a kind of film, not a film's name ("action movies were boring")
GENERIC_FILM_WORDS = {"movies", "movie", "films", "film", "flicks", "flick", "stuff", "ones", "one", "genre", "picture",
                      "pictures",
                      "sequel", "sequels", "remake", "remakes", "series", "franchise", "trilogy", "cinema"}
PRONOUNS = {"it", "that", "those", "these", "them", "this", "ones", "all"}
PEOPLE_WORDS = {"kids", "kid", "family", "children", "child", "grandkids", "grandchildren", "grandson", "granddaughter",
                "grandsons", "granddaughters", "toddler", "toddlers"}  # a kind of film only "for" them or before
# "movies"
# words that are a film's name: a title typed loosely ends before them
TITLE_END = {"is", "was", "are", "were", "has", "had", "isnt", "wasnt", "last", "already", "tonight", "honestly",
             "tbh", "lol", "goes", "gets", "still", "never", "always", "yet"}  # "spinal tap goes to 11"
NOT_TITLE_START = {"something", "anything", "movies", "movie", "films", "film", "stuff", "ones", "those", "these",
                   "picture",
                   "it", "that", "them", "a", "an", "some", "watching", "to", "when", "how", "this", "what", "and",
                   "or", "also", "plus", "too", "as", "well", "is", "was", "are", "were", "my", "i", "really",
                   "thought", "think", "one", "of", "in", "for", "with", "by", "me", "you", "we", "he", "she", "they",
                   "at", "all", "both", "so", "very", "more", "most", "just", "ive", "im", "id", "seen", "watched",
                   "saw", "ngl", "fr", "lowkey", "highkey", "tbh", "imo", "imho", "smh", "deadass", "istg", "rn",
                   "tho", "bruh", "fam", "bet", "aight", "ong", "yo", "though", "although"}  # slang is no title's
# start ("ngl the shining")
# misspelt fillers are read as these ("flims", "movei", "somthing")
# after a film's name, "like that film": "titanic vibes", "fargo-esque", "something heat-ish"
SIMILAR_AFTER = {"vibes", "vibe", "vibey", "esque", "ish"}
FILLERS = {"movie", "movies", "film", "films", "flick", "flicks", "something", "anything", "please", "recommend",
           "picture", "pictures"}
STOPWORDS = set("""
i im id ive me my we us our you your a an the of to for from in on at by with and or but is are was were be been
it its this that these those some any something anything movie movies film films flick flicks watch watching see
want wanna would like looking look for please show give find recommend recommendation suggest maybe perhaps just
really very so too kind sort type genre style one ones also only more less lot lots good great nice ok okay
thing things stuff about can could should will let lets get got have has had do does did am directed starring
made set tonight today night evening weekend mood feel feeling something else time pick tell yes no not
monday tuesday wednesday thursday friday saturday sunday
dont isnt nothing without hate hated loved love liked enjoyed adored similar such fan favourite favorite
vibes vibe vibey esque ish along guess reckon probably prob prolly suppose imo tbh ngl rn number creeps
ideally preferably whole part anymore matter fine director actor actress add same already last week ago
yesterday times million twice here hours hour minutes dude gimme u ur pls plz hmm oops alright cool classic
classics thought think into ready all any stuff titles options picks best enough questions question info
suggestions list bring them on go then hit fire away whatever choose now need kind sure well still something
what which who where when there their they he she him her his into bit instead please ideas idea option
recommendations suggestion mind also even again plus either prefer rather thanks thank couple few several
youve weve theyve youre answer answering asking ask thats whats heres theres its lets whatve couldve wouldve
somethin nothin gonna wanna gotta kinda sorta lemme ya yall thx lol eh um uh ah oh omg idk btw tbh ever
nah nope
picky fussy works likes another adults adult grownups others care keep filter hundred thousand dozen after
written read reading if possible say sounds cinema fancy everything handful bunch way up poss though mix pull
results wait either try wife husband partner girlfriend boyfriend friends friend mates club whyd howd whatd
honestly reckon youd answered grab grabs appeal appeals sumthing smth ooh hm right first original second third
smthing smthin smthng sumthin somthing somethng sth summat anyway anyways
everyone everybody always recommends recommended found stick requirement adaptation
adaptations adapted ever display reveal lay put w
""".split())
# the words of a request for films: with what the message names taken out, its frame asks for
# films only if it has one of these ("show me some comedies", not "comedies for date night")
REQUEST_WORDS = {"show", "give", "gimme", "recommend", "recommendations", "suggest", "suggestions", "pick", "picks",
                 "list", "see", "bring", "hit", "surprise", "choose", "options", "ready", "enough", "fire", "what",
                 "got", "pull", "throw", "lemme", "results", "more", "display", "reveal", "lay"}
# words that ask for something: a clause with none, after one judging a film, only talks about it
REQUEST_CUES = REQUEST_WORDS | {"want", "wanna", "need", "looking", "something", "anything", "like", "similar", "else",
                                "another", "prefer", "rather", "fancy", "mood", "maybe", "ideally", "only", "but",
                                "not", "no", "nothing"}
# words before a film's one-word nickname that make it the film ("found shawshank boring")
NICKNAME_CUES = {"found", "thought", "rewatch", "rewatching", "watching", "saw", "loved", "hated", "liked", "adored"}
# a clause that opens with these, beside one that names what the person wants, gives a reason
# ("no horror, i scare easily"; "kids movies, they're getting restless"): it is no wish of its own
REASON_OPENERS = {"i", "im", "ive", "id", "we", "were", "weve", "wed", "they", "theyre", "theyve", "theyll", "shell",
                  "he", "hes", "she", "shes", "there", "theres", "because", "cause", "cos", "coz", "since", "as", "the",
                  "my", "our", "too",
                  "been", "am", "its", "it"}  # "been to paris too many times lol", "it's been a long week"
# ... unless it says what the film should be or asks for films ("i want something cosy", "we like westerns")
WISH_MARKERS = {"want", "wanna", "like", "love", "prefer", "fancy", "need", "looking", "after", "feel", "feeling",
                "something", "anything", "film", "films", "movie", "movies", "flick", "flicks", "show", "more",
                "with", "about", "set", "mood", "rather", "hoping", "into", "kind", "sort", "type", "one", "ones"}
MOOD_PHRASES = {("feel", "good"), ("feelgood",), ("light", "hearted"), ("good", "cry")}  # content despite stopwords


PERSON_TYPES = ("cast", "director", "writer")  # attribute types that name people
# first names that are also everyday words: read as a name only when typed with a capital ("Will", not "will")
EVERYDAY_FIRST_NAMES = set("""
will mark rose grace frank jack bill pat don art max may june ray dean rock ken sky hope joy faith summer dawn
amber ruby pearl chase hunter ivy lily olive river stone bob rich sue kitty buck guy carol early miles penny
""".split())


def join_words(words, conj: str = "and") -> str:
    """"A", "A and B", "A, B and C" (or ``conj``)."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conj} " + words[-1]


def match_phrase(toks: list[str], i: int, phrases: set[Phrase]) -> Phrase | None:
    """The longest phrase of ``phrases`` that ``toks`` has at position ``i``, or None."""
    for length in (5, 4, 3, 2, 1):
        p = tuple(toks[i : i + length])
        if len(p) == length and p in phrases:
            return p
    return None


def comparative(toks: list[str], i: int) -> tuple[str, int] | None:
    """("<" | ">" | ">=", length) when ``toks[i:]`` opens a comparison with an era ("older than
    the 80s", "before 1970", "since the nineties"), else None."""
    p = match_phrase(toks, i, set(COMPARATIVES))
    if not p or p == ("after",) and i and toks[i - 1] in ("im", "were", "am", "are", "is", "hes", "shes", "theyre"):
        return None  # ("I'm after a nineties neo-noir": looking for one)
    ahead = toks[i + len(p) : i + len(p) + 3]
    if any(DECADE_TOKEN.match(t) or t in DECADE_WORDS for t in ahead):
        return COMPARATIVES[p], len(p)
    return None


# after a decade, the same comparison ("80s onwards", "the 70s or earlier", "from the 80s on")
ERA_SUFFIX = {("onwards",): ">=", ("onward",): ">=", ("or", "later"): ">=", ("and", "later"): ">=",
              ("or", "newer"): ">=", ("and", "newer"): ">=", ("or", "after"): ">=", ("and", "after"): ">=",
              ("and", "up"): ">=", ("and", "beyond"): ">=", ("or", "earlier"): "<=",
              ("and", "earlier"): "<=", ("or", "before"): "<=", ("and", "before"): "<=", ("or", "older"): "<=",
              ("and", "older"): "<="}
ERA_ON_END = {"only", "please", "pls", "plz", "thanks", "thx"}  # "from the 80s on only"


def era_suffix(toks: list[str], j: int) -> tuple[str, int] | None:
    """(">=" | "<=", length) when ``toks[j:]``, right after a decade, widens it ("onwards", "or
    earlier"; "on" only ending the clause: "from the 80s on"), else None."""
    p = match_phrase(toks, j, ERA_SUFFIX.keys())
    if p:
        return ERA_SUFFIX[p], len(p)
    if j < len(toks) and toks[j] == "on" and j > 1 and "from" in toks[max(0, j - 3) : j] and all(
            t in ERA_ON_END for t in toks[j + 1 :]):
        return ">=", 1
    return None


def _words_of(*groups) -> set[str]:
    out: set[str] = set()
    for g in groups:
        for x in g:
            out |= set(x) if isinstance(x, tuple) else set(x.split())
    return out


# every word of the classes above: never "corrected" into a name ("never" is not Neve Campbell)
CLOSED_WORDS = _words_of(*INTENTS.values(), NEGATORS, NEGATOR_PHRASES, LIKE_TRIGGERS, DISLIKE_TRIGGERS, DROP_AFTER,
                         SWAP, SWAP_TO, DROP_BEFORE, REJECT_BEFORE, INSTEAD, LANGUAGE_MARKERS, COMPARATIVES, POSITIVE,
                         NEGATIVE, SEEN, PRONOUNS, NEUTRAL_TITLE, OTHERS, REQUEST_WORDS, REQUEST_FILLER, STOPWORDS,
                         SUBTITLES, TITLE_END, NOT_TITLE_START, PEOPLE_WORDS, REVIEW_VERBS, PRAISE, COMPLAINTS,
                         REVIEW_LIKE, VERDICT_WORDS)
