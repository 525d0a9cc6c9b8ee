"""What the reuse sections of the solution page and the organisation page show.

Each panel costs a fixed number of queries, however many organisations use the solution: the
adoptions come in one query with their organisations and regions, and are grouped in Python.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from municipalities.models import Organisation
from municipalities.permissions import may, roles
from solutions.community.models import Adoption, AdoptionStatus, Referent
from solutions.community.models.reuse import REUSE_STATUSES

# Apps above the community add lines to an organisation's exchange balance (initiatives' jointly
# developed solutions, experiments' measured savings): each source is a callable(organisation)
# returning (key, label, number) rows at a fixed number of queries, registered from AppConfig.ready().
BALANCE_SOURCES: list = []


def register_balance_source(source) -> None:
    """Add `source(organisation)`'s (key, label, number) rows to the balance on organisation pages."""
    if source not in BALANCE_SOURCES:
        BALANCE_SOURCES.append(source)


# The order of the groups on the solution page; stopped ones are listed apart.
GROUP_ORDER = (AdoptionStatus.IN_USE, AdoptionStatus.PILOTING, AdoptionStatus.INTERESTED)


@dataclass
class RegionGroup:
    name: str
    adoptions: list = field(default_factory=list)


@dataclass
class StatusGroup:
    status: str
    label: str
    count: int
    regions: list[RegionGroup]


def _by_region(adoptions) -> list[RegionGroup]:
    groups: dict[str, RegionGroup] = {}
    for adoption in adoptions:
        region = adoption.organisation.region
        name = region.name if region else _("No region")
        groups.setdefault(name, RegionGroup(name)).adoptions.append(adoption)
    for group in groups.values():
        group.adoptions.sort(key=lambda adoption: adoption.organisation.name.lower())
    return sorted(groups.values(), key=lambda group: group.name.lower())


def _sum(values):
    present = [value for value in values if value is not None]
    return sum(present, type(present[0])(0)) if present else None


def solution_panel(solution, user) -> dict:
    adoptions = list(
        Adoption.objects.filter(solution=solution)
        .exclude(organisation_id=solution.organisation_id)
        .select_related("organisation__region")
    )
    referents = list(
        Referent.objects.active().filter(solution=solution).values_list("user_id", "organisation_id")
    )
    groups = []
    for status in GROUP_ORDER:
        members = [adoption for adoption in adoptions if adoption.status == status]
        if members:
            groups.append(
                StatusGroup(status, AdoptionStatus(status).label, len(members), _by_region(members))
            )
    stopped = [adoption for adoption in adoptions if adoption.status == AdoptionStatus.STOPPED]
    context = {
        "solution": solution,
        "groups": groups,
        "stopped": _by_region(stopped),
        "stopped_count": len(stopped),
        "referent_count": len(referents),
        "reuse_count": sum(1 for adoption in adoptions if adoption.status in REUSE_STATUSES),
        "own": [],
        "may_ask": False,
    }
    if not user.is_authenticated or not roles(user):
        return context
    by_organisation = {adoption.organisation_id: adoption for adoption in adoptions}
    my_referent_orgs = {org for user_id, org in referents if user_id == user.pk}
    own = []
    for organisation in Organisation.objects.filter(pk__in=list(roles(user))).order_by("name_fi"):
        adoption = by_organisation.get(organisation.pk) or Adoption(
            organisation=organisation, solution=solution
        )
        candidate = Referent(organisation=organisation, solution=solution)
        own.append(
            {
                "organisation": organisation,
                "adoption": adoption if adoption.pk else None,
                "may_mark": may(user, "mark_adoption", adoption),
                "is_referent": organisation.pk in my_referent_orgs,
                "may_volunteer": organisation.pk not in my_referent_orgs
                and may(user, "volunteer_as_referent", candidate),
            }
        )
    context["own"] = own
    reachable = [org for user_id, org in referents if user_id != user.pk and org not in roles(user)]
    context["reachable_referents"] = len(reachable)
    context["may_ask"] = bool(reachable) and may(user, "ask_referents", solution)
    return context


def organisation_panel(organisation) -> dict:
    """What the organisation shares, what it uses, and the balance of the two."""
    of_its_solutions = list(
        Adoption.objects.of_published()
        .filter(solution__organisation=organisation)
        .exclude(organisation=organisation)
        .select_related("solution")
        .order_by("solution__title", "solution_id")
    )
    its_own = list(
        Adoption.objects.of_published()
        .filter(organisation=organisation)
        .exclude(solution__organisation=organisation)
        .select_related("solution__organisation")
        .order_by("solution__title")
    )
    shared: dict[int, dict] = {}
    for adoption in of_its_solutions:
        row = shared.setdefault(
            adoption.solution_id, {"solution": adoption.solution, "users": 0, "interested": 0}
        )
        if adoption.status in REUSE_STATUSES:
            row["users"] += 1
        elif adoption.status == AdoptionStatus.INTERESTED:
            row["interested"] += 1
    shared_rows = sorted(
        (row for row in shared.values() if row["users"] or row["interested"]),
        key=lambda row: (-row["users"], -row["interested"], row["solution"].title.lower()),
    )
    counted_users = [adoption for adoption in of_its_solutions if adoption.status in REUSE_STATUSES]
    counted_own = [adoption for adoption in its_own if adoption.status in REUSE_STATUSES]
    used = [
        {"status": status, "label": AdoptionStatus(status).label, "adoptions": members}
        for status in (*GROUP_ORDER, AdoptionStatus.STOPPED)
        if (members := [adoption for adoption in its_own if adoption.status == status])
    ]
    balance = {
        "organisations_using_its_solutions": len({adoption.organisation_id for adoption in counted_users}),
        "solutions_of_others_used": len(counted_own),
        "savings_reported_by_users": {
            "euros": _sum(adoption.savings_euros_per_year for adoption in counted_users),
            "hours": _sum(adoption.savings_hours_per_year for adoption in counted_users),
        },
        "savings_it_reports": {
            "euros": _sum(adoption.savings_euros_per_year for adoption in counted_own),
            "hours": _sum(adoption.savings_hours_per_year for adoption in counted_own),
        },
        "sources": [row for source in BALANCE_SOURCES for row in source(organisation)],
    }
    return {
        "organisation": organisation,
        "shared": shared_rows,
        "used": used,
        "balance": balance,
        "has_reuse": bool(shared_rows or used),
    }
