"""The interface every search backend implements, and the parts they share.

A query is read like a web search box: words must all match, `"quoted words"` match as a phrase,
`-word` excludes, and `or` between two words accepts either. ``parse_query`` turns it into terms that
each backend translates into its own syntax, so no user input reaches a query language unescaped.
"""

import functools
import re
from dataclasses import dataclass, field

from django.db.models import Expression, F, FloatField, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from solutions.search import index
from solutions.search.analysis import QueryWord, analyze_text, query_word, query_words
from solutions.search.index import CONCEPT_TABLE, LANGUAGES, LEXEME_TABLE, concept_key

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# Finnish inflects by changing the end of a word (kirjasto → kirjastojen, kirjastoissa). Where no
# stemmer is at hand, matching on most of the word's beginning finds those forms.
_MIN_STEM = 4


@dataclass(frozen=True)
class Term:
    text: str  # lower-case, punctuation trimmed from both ends
    phrase: bool = False

    @property
    def stem(self) -> str:
        """The beginning of the word shared by its inflected forms; phrases are kept exact."""
        if self.phrase or len(self.text) <= _MIN_STEM:
            return self.text
        return self.text[: max(_MIN_STEM, len(self.text) - max(1, len(self.text) // 3))]


@dataclass
class ParsedQuery:
    groups: list[list[Term]] = field(default_factory=list)  # every group must match, any term of one
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self):
        return bool(self.groups or self.excluded)

    def words(self) -> list[str]:
        """The positive words, phrases split, in order and without duplicates (for highlighting)."""
        words: list[str] = []
        for group in self.groups:
            for term in group:
                for word in _WORD.findall(term.text):
                    if word not in words:
                        words.append(word)
        return words


def _clean(text: str) -> str:
    return _EDGE_PUNCTUATION.sub("", " ".join(text.replace('"', " ").split())).lower()


def parse_query(query: str) -> ParsedQuery:
    parsed = ParsedQuery()
    join_next = False
    for match in _TOKEN.finditer(query or ""):
        negative, phrase, word = match.groups()
        if word is not None:
            if word.lower() == "or" and parsed.groups:
                join_next = True
                continue
            negative = "-" if word.startswith("-") and len(word) > 1 else ""
            term = Term(_clean(word.lstrip("-") if negative else word))
        else:
            term = Term(_clean(phrase), phrase=" " in _clean(phrase))
        if not term.text:
            continue
        if negative:
            parsed.excluded.append(term)
        elif join_next:
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        join_next = False
    return parsed


class RowSQL(Expression):
    """SQL about the current solution row, where ``__ROW__`` stands for its table (alias).

    The alias comes from a resolved ``F("pk")``, so it stays right when the queryset becomes a
    subquery (``Exists``, ``pk__in``) and Django relabels its tables.
    """

    def __init__(self, sql: str, params, output_field=None):
        super().__init__(output_field=output_field or FloatField())
        self.sql, self.params = sql, list(params)
        self.row_id = F("pk")

    def get_source_expressions(self):
        return [self.row_id]

    def set_source_expressions(self, exprs):
        (self.row_id,) = exprs

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(self.row_id.alias)
        return "(" + self.sql.replace("__ROW__", table) + ")", self.params


def no_rank(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))


# A query longer than this is cut here (the search boxes say so with maxlength): nobody types more,
# and every word costs a little analysis and SQL.
MAX_QUERY_LENGTH = 200
# At most this many query words are looked up for typos; more is a paste, not a typo.
MAX_CORRECTED_WORDS = 5
# How close (trigram similarity, as pg_trgm computes it) a vocabulary lexeme must be to stand in for
# an unknown query word.
MIN_SIMILARITY = 0.35
# How many times a number the database's estimate of a search's matches must be for the search to
# be taken as surely matching more (Plan.surely_over).
ESTIMATE_MARGIN = 2


def trigrams(word: str) -> set[str]:
    """The trigrams of a word as pg_trgm makes them: two spaces before, one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


@dataclass
class AnalysedTerm:
    """A term of the query as the index sees it: one QueryWord per word (several for a phrase)."""

    term: Term
    words: list[QueryWord]


@dataclass
class Plan:
    """What a query asks for once analysed, and the typo corrections made to it.

    ``corrections`` maps a typed word to the vocabulary word searched instead; ``corrected`` is the
    query text with them applied, for "Showing results for …". ``relaxed`` says that any of the
    words was enough, because no solution had them all. ``truncated``: the query was cut to
    MAX_QUERY_LENGTH.
    """

    typed: str
    groups: list[list[AnalysedTerm]] = field(default_factory=list)
    excluded: list[AnalysedTerm] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    truncated: bool = False
    relaxed: bool = False
    # Whole other-language names of a service class or life event the query names: any of them
    # matches instead of the query's own words (`home care` → "Kotihoito", "Hemvård").
    alternatives: list[AnalysedTerm] = field(default_factory=list)
    # What the vocabulary lookup answered (known lexemes, concept names), kept so that a second
    # reading of the same query asks the database nothing more.
    vocabulary: tuple[dict[str, int], list[list]] | None = None
    # Words taken as compounds of known parts though the vocabulary lacks them whole: typos, maybe.
    guessed_compounds: bool = False
    # The database's estimate of the matches of a plan of several words, where it was asked for one
    # (SearchBackend.match_estimate); None otherwise.
    estimated_matches: float | None = None

    def __bool__(self):
        return bool(self.groups or self.excluded)

    @property
    def corrected(self) -> str:
        text = self.typed
        for typed, replacement in self.corrections.items():
            text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", replacement, text, flags=re.IGNORECASE)
        return text

    def any_word(self) -> "Plan":
        """The same words with any of them enough: for when no solution has them all."""
        terms = [term for group in self.groups for term in group]
        return Plan(
            self.typed,
            [terms],
            self.excluded,
            self.corrections,
            self.truncated,
            True,
            self.alternatives,
            self.vocabulary,
        )

    def lexemes(self) -> set[str]:
        terms = [term for group in self.groups for term in group] + self.alternatives
        return {lexeme for term in terms for word in term.words for lexeme in word.all_lexemes}

    def matches_at_least(self) -> int:
        """A lower bound on how many published solutions the plan matches, from the vocabulary's
        document counts: a query of one word (or words joined by `or`) matches at least every
        solution that has any one of its lexemes. 0 when nothing can be said (several words that
        must all match, an excluded word). The counts are those of the last rebuild, so this is a
        hint for how to do the work, never a number to show."""
        if not self.vocabulary or self.excluded:
            return 0
        counts = self.vocabulary[0]
        terms = list(self.alternatives)
        if len(self.groups) == 1:
            terms += self.groups[0]
        elif self.groups:
            return 0
        return max(
            (
                counts.get(lexeme, 0)
                for term in terms
                if len(term.words) == 1
                for lexeme in term.words[0].lexemes
            ),
            default=0,
        )

    def surely_over(self, count: int) -> bool:
        """Whether the plan is sure to match more than ``count`` published solutions: by the
        vocabulary's counts (``matches_at_least``), or by the database's estimate where it is
        ESTIMATE_MARGIN times ``count`` (a planner's estimate is often off by half)."""
        estimate = self.estimated_matches or 0
        return self.matches_at_least() > count or estimate > ESTIMATE_MARGIN * count


def lookup(lexemes: list[str], keys: list[str]) -> tuple[dict[str, int], list[list]]:
    """The ``lexemes`` the vocabulary knows, with the number of published solutions that had each at
    the last rebuild, and the names of the concepts with these ``keys``."""
    import json

    from django.db import connection

    if not lexemes and not keys:
        return {}, []
    parts, params = [], []
    if lexemes:
        placeholders = ", ".join(["%s"] * len(lexemes))
        parts.append(
            f"SELECT lexeme, NULL, document_count FROM {LEXEME_TABLE} WHERE lexeme IN ({placeholders})"  # noqa: S608
        )
        params += lexemes
    if keys:
        placeholders = ", ".join(["%s"] * len(keys))
        parts.append(f"SELECT key, names, NULL FROM {CONCEPT_TABLE} WHERE key IN ({placeholders})")  # noqa: S608
        params += keys
    with connection.cursor() as cursor:
        # Table names are constants and every value a parameter.
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    known = {value: count or 0 for value, names, count in rows if names is None}
    concepts = [
        json.loads(names) if isinstance(names, str) else names for _, names, _ in rows if names is not None
    ]
    return known, concepts


def clean_query(query) -> tuple[str, bool]:
    """The query without control characters (PostgreSQL refuses NUL), cut to MAX_QUERY_LENGTH."""
    query = " ".join(_CONTROL.sub(" ", query or "").split())
    return query[:MAX_QUERY_LENGTH], len(query) > MAX_QUERY_LENGTH


class SearchBackend:
    """Full-text search over solutions.

    ``search`` narrows a queryset and annotates ``search_rank`` without ordering it, so listing and
    facet code can keep composing it. ``plan`` analyses a query (and corrects typos against the
    index's vocabulary); ``search_plan`` runs a plan. ``highlight`` returns escaped text with matches
    in ``<mark>``. ``reindex`` refreshes index entries after changes no signal sees (bulk loads).
    """

    def search(self, queryset: QuerySet, query: str) -> QuerySet:
        return self.search_plan(queryset, self.plan(query))

    def plan(self, query: str, correct: bool = True, strict: bool = False, vocabulary=None) -> Plan:
        """``strict``: a word counts as known only when the vocabulary has it whole, not merely its
        parts; for a second try when the query as typed found nothing (`etälunta` reads as "etä" +
        "lunta", both known, yet is a typo of "etäluenta"). ``vocabulary``: an earlier plan's lookup
        of the same query, reused instead of asked again."""
        text, truncated = clean_query(query)
        parsed = parse_query(text)
        plan = Plan(typed=text, truncated=truncated)

        def analyse(stopwords):
            def analysed(term):
                words = query_words(term.text, stopwords)
                return AnalysedTerm(term, words) if words else None

            plan.groups = [
                terms for group in parsed.groups if (terms := [t for t in map(analysed, group) if t])
            ]
            plan.excluded = [found for found in map(analysed, parsed.excluded) if found]

        analyse(stopwords=False)
        if not plan.groups:
            analyse(stopwords=True)  # "the who": better the stopwords than everything
        if correct and plan.groups:
            self.correct(plan, strict, vocabulary)
        return plan

    def correct(self, plan: Plan, strict: bool = False, vocabulary=None) -> None:
        """Look the query up in the index's vocabulary, in one query: replace words that no published
        solution contains by the closest lexeme, and add the other-language names of a service
        class or life event that the query names exactly."""
        words = {word.text: word for group in plan.groups for term in group for word in term.words}
        wanted = {lexeme for word in words.values() for lexeme in word.all_lexemes}
        text = " ".join(term.term.text for group in plan.groups for term in group)
        keys = {concept_key(text, language) for language in LANGUAGES} - {""}
        known, concepts = vocabulary or lookup(sorted(wanted), sorted(keys))
        plan.vocabulary = (known, concepts)
        for names in concepts:
            for name, language in names:
                tokens = analyze_text(name, language)
                if tokens:
                    name_words = [QueryWord(t.lexemes[0], tuple(t.lexemes), tuple(t.parts)) for t in tokens]
                    plan.alternatives.append(AnalysedTerm(Term(name.lower(), phrase=True), name_words))

        def whole(word):
            return any(lexeme in known for lexeme in word.lexemes)

        def by_parts(word):
            return bool(word.parts) and all(part in known for part in word.parts)

        plan.guessed_compounds = any(not whole(word) and by_parts(word) for word in words.values())
        if strict:
            # The second reading: only the words the first one took as known compounds.
            unknown = [word for word in words.values() if not whole(word) and by_parts(word)]
        else:
            unknown = [word for word in words.values() if not whole(word) and not by_parts(word)]
        unknown = [word for word in unknown if len(word.text) >= 3]
        replacements: dict[str, QueryWord] = {}
        for word in unknown[:MAX_CORRECTED_WORDS]:
            candidates = self.similar_lexemes(word.text)
            scored = sorted(
                ((similarity(word.text, lexeme), count, lexeme) for lexeme, count in candidates),
                key=lambda item: (-item[0], -item[1], item[2]),
            )
            if scored and scored[0][0] >= MIN_SIMILARITY:
                replacement = scored[0][2]
                replacements[word.text] = QueryWord(replacement, (replacement,))
                plan.corrections[word.text] = replacement
        if not replacements:
            return
        for group in plan.groups:
            for term in group:
                term.words = [replacements.get(word.text, word) for word in term.words]

    def prefix_search(self, queryset: QuerySet, words: list[QueryWord]) -> QuerySet:
        """Solutions with every word, the last ones possibly unfinished (search as you type)."""
        raise NotImplementedError

    def ranked_ids(
        self, queryset: QuerySet, plan: Plan, limit: int, share: int | None = None
    ) -> list[int] | None:
        """The ids of about the best ``limit`` matches of ``queryset`` (already searched with
        ``plan``), read from an index that keeps rank order; None where there is no such index and
        every match must be ranked. Where the index is too slow for the query, the ids of any
        ``share`` of the matches, for the caller to rank."""
        return None

    def similar_lexemes(self, word: str) -> list[tuple[str, int]]:
        """(lexeme, document count) pairs of the vocabulary that look like ``word``."""
        raise NotImplementedError

    def search_plan(self, queryset: QuerySet, plan: Plan) -> QuerySet:
        raise NotImplementedError

    def match_estimate(self, queryset: QuerySet) -> float | None:
        """About how many rows ``queryset`` (searched with a plan) has, without counting them; None
        where the database gives no estimate."""
        return None

    def any_match(self, queryset: QuerySet, estimate: float | None = None) -> bool:
        """Whether ``queryset`` (searched with a plan) has any row: is the query to be relaxed?"""
        return queryset.exists()

    def highlight(self, text: str, query: str) -> SafeString:
        return highlight_lexemes(text, self._query_lexemes(query))

    @functools.lru_cache(maxsize=256)  # noqa: B019 -- backends live as long as the process
    def _query_lexemes(self, query: str) -> frozenset[str]:
        """What a query's words mark: a page's cards highlight their title and summary with the
        same query (40 analyses of it per page before)."""
        return frozenset(self.plan(query, correct=False).lexemes())

    def reindex(self, ids=None) -> None:
        """Recompute the index entries of these solutions (all when ``ids`` is None)."""
        if ids is None:
            index.rebuild()
            return
        ids = list(ids)
        if ids:
            index.update(ids)


def highlight_lexemes(text: str, lexemes: set[str]) -> SafeString:
    """Escape ``text``, then wrap in ``<mark>`` the words whose analysis meets ``lexemes``.

    A word is analysed as a query word is (every language, compound parts too), so `kirjasto` marks
    `Kirjastojen` and `järjestelmä` marks `varausjärjestelmä`.
    """
    text = text or ""
    if not lexemes:
        return escape(text)
    out: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        word = query_word(match.group(0), translate=False)
        if lexemes.intersection(word.all_lexemes):
            out.append(escape(text[position : match.start()]))
            out.append("<mark>" + escape(match.group(0)) + "</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    # Every piece of user text above went through escape(); only our own <mark> tags are raw.
    return mark_safe("".join(out))  # noqa: S308
