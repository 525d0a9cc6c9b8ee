"""Suggestions while a visitor types in a search box: solutions, organisations and tags.

Every word typed may still be unfinished, so each matches as a prefix of the index's lexemes as
well as by its own analysis (`kirjastoj` finds "Kirjastojen …", `kirjasto` finds "Kirjaston …").
A few rows of each kind, in three queries, whatever the size of the catalogue.
"""

from django.db.models import Q
from taggit.models import Tag

from municipalities.models import Organisation
from solutions.models import Solution
from solutions.search import get_backend
from solutions.search.analysis import query_words
from solutions.search.base import clean_query

MIN_LENGTH = 2
LIMIT = 5


def suggestions(text: str) -> dict:
    """{"solutions": [(title, url)], "organisations": [(name, url)], "tags": [(name, url)]}."""
    from django.urls import reverse

    empty = {"solutions": [], "organisations": [], "tags": []}
    text, _ = clean_query(text)
    words = [word for word in query_words(text.replace('"', " ")) if word.text][:6]
    if len(text.strip()) < MIN_LENGTH or not words:
        return empty
    found = get_backend().prefix_search(Solution.objects.published(), words)
    solutions = [
        (title, reverse("solutions:solution_detail", args=[slug]))
        for title, slug in found.order_by("-search_rank", "-published_at", "-pk").values_list(
            "title", "slug"
        )[:LIMIT]
    ]
    last = words[-1].text
    organisations = [
        (organisation.name, organisation.get_absolute_url())
        for organisation in Organisation.objects.filter(
            Q(name_fi__istartswith=last) | Q(name_sv__istartswith=last) | Q(name_en__istartswith=last)
        )
        .exclude(solutions=None)
        .distinct()
        .order_by("name_fi")[:3]
    ]
    list_url = reverse("solutions:solution_list")
    tags = [
        (name, f"{list_url}?tag={slug}")
        for name, slug in Tag.objects.filter(name__istartswith=last)
        .order_by("name")
        .values_list("name", "slug")[:3]
    ]
    return {"solutions": solutions, "organisations": organisations, "tags": tags}
