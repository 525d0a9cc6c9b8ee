"""The interface every search backend implements, and the parts they share.

A query is read like a web search box: words must all match, `"quoted words"` match as a phrase,
`-word` excludes, and `or` between two words accepts either. ``parse_query`` turns it into terms that
each backend translates into its own syntax, so no user input reaches a query language unescaped.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Expression, F, FloatField, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from solutions.models import Solution

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


class SearchBackend:
    """Full-text search over solutions.

    ``search`` narrows a queryset and annotates ``search_rank`` without ordering it, so listing and
    facet code can keep composing it. ``highlight`` returns escaped text with matches in ``<mark>``.
    ``reindex`` refreshes stored index data after changes that no trigger sees (tags, bulk loads).
    """

    def search(self, queryset: QuerySet, query: str) -> QuerySet:
        # Control characters (NUL above all) are refused by PostgreSQL and mean nothing in a search.
        query = _CONTROL.sub(" ", query or "")
        parsed = parse_query(query)
        if not parsed:
            return no_rank(queryset)
        return self.search_parsed(queryset, query, parsed)

    def search_parsed(self, queryset: QuerySet, query: str, parsed: ParsedQuery) -> QuerySet:
        raise NotImplementedError

    def highlight(self, text: str, query: str) -> SafeString:
        return highlight_stems(text, parse_query(query).words())

    def reindex(self, ids=None) -> None:
        """Recompute the index rows of these solutions; the database triggers do the work."""
        solutions = Solution.objects.all()
        if ids is not None:
            ids = list(ids)
            if not ids:
                return
            solutions = solutions.filter(pk__in=ids)
        # A no-op write fires the triggers, which read the tags and organisation afresh.
        solutions.update(title=F("title"))


def highlight_stems(text: str, words: list[str]) -> SafeString:
    """Escape ``text``, then wrap the words that contain a query word's stem in ``<mark>``."""
    text = text or ""
    stems = [Term(word).stem for word in words if len(word) >= 2]
    if not stems:
        return escape(text)
    out: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        lowered = match.group(0).lower()
        # A stem of four letters or more may sit inside a compound (varausjärjestelmä for järjestelmä).
        if any(stem in lowered if len(stem) >= _MIN_STEM else lowered.startswith(stem) for stem in stems):
            out.append(escape(text[position : match.start()]))
            out.append("<mark>" + escape(match.group(0)) + "</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    # Every piece of user text above went through escape(); only our own <mark> tags are raw.
    return mark_safe("".join(out))  # noqa: S308
