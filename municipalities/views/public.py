"""Public pages about the organisations and regions that publish in the catalogue."""

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from municipalities.filters import OrganisationFilter
from municipalities.forms import JoinForm
from municipalities.models import Organisation, Region
from solutions.models import ModerationState, Solution
from solutions.views import paginate

ORGANISATIONS_PER_PAGE = 50
PARTNER_SOLUTIONS_SHOWN = 20
PUBLISHED = Q(solutions__moderation_state=ModerationState.PUBLISHED)


def localized_name_order(prefix=""):
    """Order by the name in the active language, falling back to the Finnish name."""
    lang = (get_language() or "fi")[:2]
    name = Coalesce(NullIf(F(f"{prefix}name_{lang}"), Value("")), F(f"{prefix}name_fi"))
    return Lower(name).asc()


def organisation_list(request):
    organisations = (
        Organisation.objects.select_related("region")
        .annotate(solution_count=Count("solutions", filter=PUBLISHED))
        .order_by(localized_name_order(), "pk")
    )
    filterset = OrganisationFilter(request.GET, queryset=organisations, request=request)
    page = paginate(request, filterset.qs, ORGANISATIONS_PER_PAGE)
    return render(request, "municipalities/organisation_list.html", {"filterset": filterset, "page": page})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("region"), slug=slug)
    return organisation_page(request, organisation)


def organisation_page(request, organisation, join_form=None, status=200):
    """The organisation page; the join view renders it again with the typed message on errors."""
    solutions = organisation.solutions.published().for_listing().order_by("-published_at", "-pk")
    partner_solutions = (
        Solution.objects.published()
        .for_listing()
        .filter(partners=organisation)
        .order_by("-published_at", "-pk")
    )
    context = {
        "organisation": organisation,
        "page": paginate(request, solutions),
        "partner_solutions": partner_solutions[:PARTNER_SOLUTIONS_SHOWN],
        "my_membership": own_membership(request.user, organisation),
        "join_form": join_form or JoinForm(),
    }
    return render(request, "municipalities/organisation_detail.html", context, status=status)


def own_membership(user, organisation):
    """The visitor's own membership or request in the organisation, if any (no query for visitors)."""
    if not user.is_authenticated:
        return None
    return user.memberships.filter(organisation=organisation).first()


def region_list(request):
    regions = Region.objects.annotate(
        organisation_count=Count("organisations", distinct=True),
        solution_count=Count(
            "organisations__solutions",
            filter=Q(organisations__solutions__moderation_state=ModerationState.PUBLISHED),
            distinct=True,
        ),
    ).order_by(localized_name_order())
    return render(request, "municipalities/region_list.html", {"regions": regions})


def region_detail(request, code):
    region = get_object_or_404(Region, code=code)
    organisations = (
        region.organisations.annotate(solution_count=Count("solutions", filter=PUBLISHED))
        .select_related("region")
        .order_by(localized_name_order(), "pk")
    )
    solutions = (
        Solution.objects.published()
        .for_listing()
        .filter(organisation__region=region)
        .order_by("-published_at", "-pk")
    )
    context = {"region": region, "organisations": organisations, "page": paginate(request, solutions)}
    return render(request, "municipalities/region_detail.html", context)
