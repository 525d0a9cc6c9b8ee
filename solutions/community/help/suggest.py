"""What already answers a question: solutions and solved help requests whose words match a title."""

from functools import reduce
from operator import or_

from django.db.models import Q

from solutions.community.models import HelpRequest
from solutions.models import Solution
from solutions.search import get_backend
from solutions.search.analysis import STOPWORDS, query_word, words_of

MIN_WORD = 4
LIMIT = 5


def _words(title: str) -> list[str]:
    return [word for word in words_of(title.lower()) if len(word) >= MIN_WORD and word not in STOPWORDS][:8]


def _base(word: str) -> str:
    """The beginning shared by the word's forms, from its base form by the search analysis
    (kouluissa → koulu → koul matches kouluja and koulujen)."""
    analysed = query_word(word)
    base = analysed.lexemes[0] if analysed.lexemes else word
    return base[: max(MIN_WORD, len(base) - 1)]


def suggestions(title: str) -> dict:
    """{"solutions": [...], "requests": [...], "title": title}; empty lists for a short title."""
    words = _words(title)
    if not words:
        return {"title": title, "solutions": [], "requests": []}
    # Any of the words may match: a question's title is longer than a search, and ranking sorts it out.
    query = " or ".join(words)
    found = get_backend().search(Solution.objects.published().for_listing(), query)
    solved = (
        HelpRequest.objects.published()
        .solved()
        .filter(reduce(or_, (Q(title__icontains=_base(word)) for word in words)))
        .select_related("organisation")
        .order_by("-solved_at", "-pk")
    )
    return {
        "title": title,
        "solutions": list(found.order_by("-search_rank", "-pk")[:LIMIT]),
        "requests": list(solved[:LIMIT]),
    }
