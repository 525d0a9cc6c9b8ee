"""The one text analysis of search: the same words come out when a solution is indexed and when a
query is read, on PostgreSQL and on SQLite alike.

Finnish inflects and compounds freely. Voikko (Debian ``libvoikko1`` + ``voikko-fi``, the Python
binding ``libvoikko``) gives each Finnish word its base form (`kirjastoissa` → `kirjasto`,
`rakennusluvan` → `rakennuslupa`) and the parts of a compound (`tilavarausjärjestelmä` → `tila`,
`varaus`, `järjestelmä`). A word Voikko does not know (a product name, an acronym, a typo) and all
of Finnish when Voikko is not installed go through the Snowball Finnish stemmer; the site keeps
working and says so once in the log. Swedish and English use the Snowball stemmers.

``analyze_text(text, language)`` gives the tokens of a text in order, each with its lexemes and
compound parts; the index writes them (solutions/search/index.py). ``query_alternatives(word)``
gives every lexeme a query word may stand for, in any of the three languages, because a visitor's
query carries no language: `bibliotek` and `library` must find what the Swedish and English names
of a service class say.

A lexeme is lower-case letters and digits only, so it can never carry query syntax of either
database.
"""

import logging
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from solutions.search.glossary import TERMS

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_PIECE = re.compile(r"[^\W_]+")
_WORDBASE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
# Compound parts shorter than this say too little to be found on their own (`e-palvelu` → `e`).
MIN_PART = 3
# Lexemes longer than this are noise (hashes, glued words) and PostgreSQL refuses > 2 KB anyway.
MAX_LEXEME = 60

# Words too common to tell solutions apart. They are neither indexed nor looked for.
_STOPWORDS_TEXT = """
ja tai sekä on ovat ei se ne että kun jos niin kuin myös vain joka jotka mikä mitä tämä nämä olla oli ole
och eller är att som en ett den det de för med på av till i om
and or the a an of to in on for with by is are be as at from this that it its
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

SNOWBALL = {"fi": "finnish", "sv": "swedish", "en": "english"}


@dataclass
class Token:
    """One word of a text: its lexemes (base forms or stems) and, for a compound, its parts.

    ``finnish``: Voikko knows the word as Finnish (it is not a name, a typo or another language)."""

    lexemes: list[str]
    parts: list[str] = field(default_factory=list)
    finnish: bool = False


class _Finnish:
    """Voikko behind a lock (one Voikko handle is not safe to share between threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.voikko = None
        try:
            from libvoikko import Voikko

            self.voikko = Voikko("fi")
        except Exception as error:  # noqa: BLE001 -- a missing library or dictionary, any OSError
            logger.warning(
                "Voikko is not available (%s): Finnish search uses Snowball stemming, without "
                "compound splitting. Install the Debian packages libvoikko1 and voikko-fi.",
                error,
            )

    def analyze(self, word: str) -> list[dict]:
        if self.voikko is None:
            return []
        with self.lock:
            return self.voikko.analyze(word)


_finnish_instance: _Finnish | None = None
_finnish_lock = threading.Lock()


def _finnish() -> _Finnish:
    global _finnish_instance
    if _finnish_instance is None:
        with _finnish_lock:
            if _finnish_instance is None:
                _finnish_instance = _Finnish()
    return _finnish_instance


def voikko_available() -> bool:
    return _finnish().voikko is not None


_stemmers = threading.local()


def _stem(language: str, word: str) -> str:
    stemmers = getattr(_stemmers, "by_language", None)
    if stemmers is None:
        stemmers = _stemmers.by_language = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(SNOWBALL[language])
    return stemmers[language].stemWord(word)


def _clean(word: str) -> str:
    return "".join(_PIECE.findall(word.lower()))[:MAX_LEXEME]


def _compound_parts(wordbases: str, baseform: str) -> list[str]:
    """The parts of a compound from Voikko's WORDBASES, each in its base form where Voikko gives one.

    `+tila(tila)+vara(varata)+us(+us)+järjestelmä(järjestelmä)` → tila, varaus, järjestelmä: a piece
    whose base starts with `+` is a derivational ending and belongs to the piece before it, as does
    a piece without a base (`liiku(liikkua)+n+ta(+ta)` → liikunta).
    """
    parts: list[list[tuple[str, str | None]]] = []
    for match in _WORDBASE.finditer(wordbases):
        surface, base = match.group(1), match.group(2)
        if not surface:
            continue
        starts_part = base is not None and not base.startswith("+") and base != ""
        if starts_part or not parts:
            parts.append([(surface, base)])
        else:
            parts[-1].append((surface, base))
    words = []
    for index, pieces in enumerate(parts):
        if len(pieces) == 1 and pieces[0][1] and not pieces[0][1].startswith("+"):
            word = pieces[0][1]  # kaupungin(kaupunki) → kaupunki
        else:
            word = "".join(surface for surface, _ in pieces)
        if index == len(parts) - 1 and len(parts) > 1:
            # The last part is the one that inflects: take it from the base form.
            earlier = "".join(surface for pieces_ in parts[:-1] for surface, _ in pieces_)
            if baseform.lower().startswith(earlier.lower()):
                word = baseform[len(earlier) :]
        words.append(_clean(word))
    return words


@lru_cache(maxsize=200_000)
def analyze_word(word: str, language: str) -> Token:
    """The lexemes and compound parts of one word of a text in ``language`` (fi, sv, en, other)."""
    lowered = _clean(word)
    if not lowered:
        return Token([])
    if language in ("sv", "en"):
        return Token([_stem(language, lowered)])
    if lowered.isdigit():
        return Token([lowered])
    if "-" in word:
        # GIS-rajapinta, e-palvelu: the joined word, and each piece as a part of a compound.
        pieces = [analyze_word(piece, language) for piece in word.split("-")]
        parts = [piece.lexemes[0] for piece in pieces if piece.lexemes]
        return Token([lowered], parts if len(parts) > 1 else [])
    lexemes: list[str] = []
    parts: list[str] = []
    analyses = _finnish().analyze(word)[:3]
    for analysis in analyses:
        baseform = _clean(analysis.get("BASEFORM", ""))
        if baseform and baseform not in lexemes:
            lexemes.append(baseform)
        found = _compound_parts(analysis.get("WORDBASES", ""), analysis.get("BASEFORM", ""))
        found = [part for part in found if len(part) >= MIN_PART]
        if len(found) > 1 and not parts:
            parts = found
    if not lexemes:
        # Unknown to Voikko, or Voikko missing: Snowball strips the Finnish endings (Dynastyn → dynasty).
        lexemes = [_stem("fi", lowered)]
    return Token(lexemes, parts if len(parts) > 1 else [], finnish=bool(analyses))


def words_of(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def analyze_text(text: str, language: str) -> list[Token]:
    """The tokens of ``text`` in order, stopwords and empty words left out."""
    tokens = []
    for word in words_of(text):
        if word.lower() in STOPWORDS:
            continue
        token = analyze_word(word, language)
        if token.lexemes:
            tokens.append(token)
    return tokens


@lru_cache(maxsize=8192)
def text_lexemes(text: str, language: str) -> frozenset[str]:
    """Every lexeme and compound part of ``text``: what a search result's explanation looks up, for
    the same few hundred texts page after page."""
    return frozenset(
        lexeme for token in analyze_text(text, language) for lexeme in (*token.lexemes, *token.parts)
    )


@dataclass(frozen=True)
class QueryWord:
    """What one query word may stand for: any of ``lexemes``, or its compound ``parts`` in a row."""

    text: str
    lexemes: tuple[str, ...]
    parts: tuple[str, ...] = ()

    @property
    def all_lexemes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.lexemes + self.parts))


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """{Swedish or English lexeme: the Finnish lexemes of its glossary row} (solutions/search/glossary.py).

    Each word is analysed in its own language, as the index analyses text of that language; its
    first lexeme (the base form or stem) stands for it. Only Finnish is added: the catalogue is
    mostly Finnish, and adding the third language too let a rare Swedish word outweigh the Finnish
    one where the ranking weighs rare words more (SQLite's bm25).
    """
    table: dict[str, list[str]] = {}
    for row in TERMS:
        words = [
            (word.strip(), language)
            for language, cell in zip(("fi", "sv", "en"), row, strict=True)
            for word in cell.split("|")
            if word.strip()
        ]
        finnish = list(
            dict.fromkeys(analyze_word(word, "fi").lexemes[0] for word, lang in words if lang == "fi")
        )
        for word, language in words:
            if language == "fi":
                continue
            others = table.setdefault(analyze_word(word, language).lexemes[0], [])
            others.extend(lexeme for lexeme in finnish if lexeme not in others)
    return {lexeme: tuple(others) for lexeme, others in table.items()}


def warm_up() -> None:
    """Load Voikko and read the glossary now, so that no visitor's search waits for them.

    A served process calls it on start (kuntajako/wsgi.py): the first English or Swedish query of a
    fresh process otherwise analysed the whole glossary first (about 650 words, 50-100 ms).
    """
    _finnish()
    glossary()


@lru_cache(maxsize=20_000)
def query_word(word: str, translate: bool = True) -> QueryWord:
    """A query word read as Finnish, Swedish and English at once: the query says no language.

    ``translate``: a word that is not Finnish (`library`, `bokning`) also stands for the Finnish
    words of its glossary row (`kirjasto`, `varaus`), so that Swedish and English queries find the
    mostly Finnish catalogue. A Finnish word is left as it is: the catalogue speaks it.
    """
    lowered = _clean(word)
    finnish = analyze_word(word, "fi")
    lexemes = list(finnish.lexemes)
    for language in ("sv", "en"):
        for lexeme in analyze_word(word, language).lexemes:
            if lexeme not in lexemes:
                lexemes.append(lexeme)
    if lowered and lowered not in lexemes and not finnish.parts:
        lexemes.append(lowered)
    if translate and not finnish.finnish:
        table = glossary()
        for lexeme in list(lexemes):
            lexemes.extend(other for other in table.get(lexeme, ()) if other not in lexemes)
    return QueryWord(lowered, tuple(lexemes), tuple(finnish.parts))


def query_words(text: str, stopwords: bool = False) -> list[QueryWord]:
    """The words of a query part (a word or a phrase), stopwords dropped unless ``stopwords``."""
    words = words_of(text)
    if not stopwords:
        words = [word for word in words if word.lower() not in STOPWORDS]
    return [found for found in map(query_word, words) if found.lexemes]
