"""While a need is written: similar initiatives and existing solutions that may already cover it.

The same matching as help requests (solutions.community.help.suggest): the title's words, any of
which may match; solutions ranked by the search backend, initiatives by the shared word beginnings.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from solutions.community.help.suggest import LIMIT, _base, _words
from solutions.initiatives.models import Initiative
from solutions.models import Solution
from solutions.search import get_backend


def suggestions(title: str) -> dict:
    """{"title": title, "solutions": [...], "initiatives": [...]}; empty lists for a short title."""
    words = _words(title)
    if not words:
        return {"title": title, "solutions": [], "initiatives": []}
    found = get_backend().search(Solution.objects.published().for_listing(), " or ".join(words))
    similar = (
        Initiative.objects.exclude(status="closed")
        .filter(
            reduce(
                or_, (Q(title__icontains=_base(word)) | Q(problem__icontains=_base(word)) for word in words)
            )
        )
        .select_related("organisation")
        .order_by("-created_at", "-pk")
    )
    return {
        "title": title,
        "solutions": list(found.order_by("-search_rank", "-pk")[:LIMIT]),
        "initiatives": list(similar[:LIMIT]),
    }
