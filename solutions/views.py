"""Public pages of the catalogue: the front page, the searchable list and a solution's own page."""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from kuntajako.pagination import paginate
from municipalities.models import Organisation
from solutions import filters
from solutions.cache import anonymous_page, cached
from solutions.filters import SORT_CHOICES, SharedCounts, SolutionFilter, catalogue_counts, localized_name
from solutions.models import Attachment, Lifecycle, ServiceClass, Solution, SolutionKind
from solutions.search.base import MAX_QUERY_LENGTH
from solutions.search.explain import match_reasons, vocabulary_of
from solutions.search.suggest import suggestions

NEWEST_ON_HOME = 6


@anonymous_page()
def home(request):
    published = Solution.objects.published()
    context = {
        **_front_page_counts(catalogue_counts()),
        # A retired solution is still listed and found, but the front page does not lead with it.
        "newest": published.for_listing()
        .prefetch_related(None)  # the cards show no tags
        .exclude(lifecycle=Lifecycle.RETIRED)
        .order_by("-published_at", "-pk")[:NEWEST_ON_HOME],
    }
    return render(request, "solutions/home.html", context)


def _front_page_counts(counts: SharedCounts) -> dict:
    """The front page's counts, from the whole catalogue's (kept once per catalogue version)."""
    kinds = counts.of_facet("kind")
    return {
        "totals": {"solutions": counts.total, "organisations": len(counts.of_facet("organisation"))},
        "municipality_count": cached(
            "municipality-count", Organisation.objects.municipalities().count, per_language=False
        ),
        "kinds": [
            {"value": value, "label": str(label), "count": kinds.get(value, 0)}
            for value, label in SolutionKind.choices
        ],
        "service_classes": _vocabulary_counts(counts, "service_class", top_level_only=True),
        "life_events": _vocabulary_counts(counts, "life_event"),
    }


def _vocabulary_counts(counts: SharedCounts, facet: str, top_level_only: bool = False) -> list[dict]:
    """The service classes or life events that published solutions have, in their official order,
    each with its name in the reader's language, its count and the list filtered by it."""
    names = counts.names.get(facet, {})
    list_url = reverse("solutions:solution_list")
    rows = []
    for code, n in counts.of_facet(facet).items():
        name_fi, name_sv, name_en, position, parent = names[code]
        if top_level_only and parent:
            continue
        rows.append(
            (
                position or 0,
                code,
                {
                    "name": localized_name((name_fi, name_sv, name_en)),
                    "solution_count": n,
                    "get_absolute_url": f"{list_url}?{urlencode({facet: code})}",
                },
            )
        )
    return [row for _position, _code, row in sorted(rows, key=lambda item: item[:2])]


def _depth(request, count: int | None) -> int | None:
    """How many results the requested page reaches down to (the paginator's own reading of `page`)."""
    if count is None:
        return None
    size = settings.SOLUTIONS_PAGE_SIZE
    last = max(1, -(-count // size))
    number = request.GET.get("page", "")
    page = last if number == "last" else int(number) if number.isdigit() and len(number) < 7 else 1
    return min(max(page, 1), last) * size


@anonymous_page(skip=lambda request: bool(request.GET.get("q")))
def solution_list(request):
    filterset = SolutionFilter(
        request.GET, queryset=Solution.objects.published().for_listing(), request=request
    )
    count = filterset.match_count()
    if count is None and not filterset.active_filters:
        # The whole catalogue's total and counts are the same for every visitor, signed in or not.
        filterset.use_shared_counts(catalogue_counts())
        count = filterset.shared_counts().total
    # The cards show no tags: those a search needs come with the classes and events below.
    results = filterset.results(upto=_depth(request, count)).prefetch_related(None)
    page = paginate(request, results, count=count)
    plan = getattr(filterset, "search_plan", None)
    if plan:
        # Why each result matched, for the cards: classes and events may match in another language.
        vocabulary = vocabulary_of(solution.pk for solution in page.object_list)
        for solution in page.object_list:
            solution.match_reasons = match_reasons(solution, plan, vocabulary[solution.pk])
    if set(request.GET) <= {"page", "sort"} and not filterset.own_organisations():
        # The whole catalogue's facets look the same to every visitor without own organisations.
        facets = cached("list-facets", filterset.facets)
    else:
        facets = filterset.facets()
    labels = {(facet.name, option.value): option.label for facet in facets for option in facet.options}
    active = [
        {
            "name": name,
            "value": value,
            "label": labels.get((name, value), value),
            "legend": filterset.filters[name].label,
        }
        for name, values in filterset.active_filters.items()
        for value in values
    ]
    sort_options = [
        {"value": value, "label": label, "current": value == filterset.sort_order}
        for value, label in SORT_CHOICES
        if value != "relevance" or filterset.query
    ]
    context = {
        "filterset": filterset,
        "query": filterset.query,
        "page": page,
        "facets": facets,
        "active_filters": active,
        "sort_options": sort_options,
        "sort": filterset.sort_order,
        "search": plan,
        "highlight_query": plan.corrected if plan else "",
        "count_is_capped": filterset.count_is_capped,
        "max_counted": filters.MAX_COUNTED,
        "max_query_length": MAX_QUERY_LENGTH,
    }
    return render(request, "solutions/solution_list.html", context)


@anonymous_page()
def solution_detail(request, slug):
    # Public states for everyone; drafts and the like only for their organisation and coordinators,
    # and a 404 for anyone else, so that guessing a URL reveals nothing.
    solution = get_object_or_404(
        Solution.objects.visible_to(request.user)
        .select_related("organisation__region", "successor")
        .prefetch_related(
            "partners",
            "contacts",
            Prefetch("attachments", queryset=Attachment.objects.public(), to_attr="public_attachments"),
            "tags",
            "life_events",
            Prefetch("service_classes", queryset=ServiceClass.objects.select_related("parent")),
        ),
        slug=slug,
    )
    successor = solution.successor if solution.successor and solution.successor.is_published else None
    context = {"solution": solution, "successor": successor}
    return render(request, "solutions/solution_detail.html", context)


def search_suggestions(request):
    """JSON for the search box's suggestions (static/js/search-suggest.js); the form works without."""
    from django.http import JsonResponse

    found = suggestions(request.GET.get("q", ""))
    response = JsonResponse(
        {kind: [{"label": label, "url": url} for label, url in rows] for kind, rows in found.items()}
    )
    response["Cache-Control"] = "max-age=60"
    return response
