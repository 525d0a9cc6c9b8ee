"""Public pages about the organisations and regions that publish in the catalogue."""

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from kuntajako.pagination import paginate
from municipalities.filters import OrganisationFilter
from municipalities.forms import JoinForm
from municipalities.models import Organisation, Region

ORGANISATIONS_PER_PAGE = 50
# The catalogue app above this one adds the `solutions` relation to organisations. Counting through
# it by name keeps this app free of imports from above; the pages' solution lists come from the
# catalogue's own template tags (`organisation_solutions`, `region_solutions`).
PUBLISHED = Q(solutions__moderation_state="published")


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
    context = {
        "organisation": organisation,
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
            filter=Q(organisations__solutions__moderation_state="published"),
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
    context = {"region": region, "organisations": organisations}
    return render(request, "municipalities/region_detail.html", context)
