"""Public pages of the catalogue: the front page, the searchable list and a solution's own page."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from kuntajako.pagination import paginate
from municipalities.models import Organisation
from solutions.filters import SORT_CHOICES, SolutionFilter, service_class_counts
from solutions.models import Attachment, LifeEvent, ModerationState, ServiceClass, Solution, SolutionKind

NEWEST_ON_HOME = 6


def home(request):
    published = Solution.objects.published()
    totals = published.aggregate(solutions=Count("pk"), organisations=Count("organisation", distinct=True))
    kind_counts = dict(published.order_by().values_list("kind").annotate(n=Count("pk")))
    life_events = (
        LifeEvent.objects.annotate(
            solution_count=Count("solutions", filter=Q(solutions__moderation_state=ModerationState.PUBLISHED))
        )
        .filter(solution_count__gt=0)
        .order_by("position", "code")
    )
    context = {
        "totals": totals,
        "municipality_count": Organisation.objects.municipalities().count(),
        "newest": published.for_listing().order_by("-published_at", "-pk")[:NEWEST_ON_HOME],
        "kinds": [
            {"value": value, "label": label, "count": kind_counts.get(value, 0)}
            for value, label in SolutionKind.choices
        ],
        "service_classes": service_class_counts(published, top_level_only=True),
        "life_events": life_events,
    }
    return render(request, "solutions/home.html", context)


def solution_list(request):
    filterset = SolutionFilter(
        request.GET, queryset=Solution.objects.published().for_listing(), request=request
    )
    page = paginate(request, filterset.results())
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
    }
    return render(request, "solutions/solution_list.html", context)


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
