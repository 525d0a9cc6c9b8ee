"""One scene for the page-level checks: a small municipality in Lapland with a published assessment,
five peers, a weak area with a peer solution, roadmaps of the municipality and the region."""

from django.utils import timezone

from municipalities.models import MembershipRole, MembershipState, OrganisationKind
from solutions.community.models import Adoption, AdoptionStatus
from solutions.maturity.models import AssessmentState, RoadmapItem
from tests import factories
from tests.maturity.conftest import draft, finished


def build_scene(vocabulary):
    lappi = factories.RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")
    salla = factories.OrganisationFactory(
        name_fi="Salla", name_sv="Salla", slug="salla", region=lappi, population=3_300
    )
    council = factories.OrganisationFactory(
        name_fi="Lapin liitto",
        slug="lapin-liitto",
        code=None,
        kind=OrganisationKind.REGIONAL_COUNCIL,
        region=lappi,
    )
    solution = factories.SolutionFactory(title="Lupapiste", slug="lupapiste")
    solution.service_classes.add(vocabulary["permits"])
    solution.life_events.add(vocabulary["home"])
    for index in range(5):
        peer = factories.OrganisationFactory(region=lappi, population=2_000 + index * 500)
        finished(peer, {"sc:P8": 2, "sc:P3": 2, "le:KE1": 3, "x:data": 2})
        Adoption.objects.create(organisation=peer, solution=solution, status=AdoptionStatus.IN_USE)
    finished(salla, {"sc:P8": 0, "sc:P3": 2, "x:data": 1}, when=timezone.now() - timezone.timedelta(days=365))
    result = finished(salla, {"sc:P8": 1, "sc:P3": 2, "le:KE1": 3, "x:data": 2, "x:skills": 1})
    submitted = finished(salla, {"sc:P8": 2}, state=AssessmentState.SUBMITTED)
    open_draft = draft(
        factories.OrganisationFactory(name_fi="Pello", slug="pello", region=lappi), {"x:data": 1}
    )
    RoadmapItem.objects.create(
        organisation=salla,
        life_event=vocabulary["child"],
        service_class=vocabulary["families"],
        title="Haku verkkoon",
        year=2026,
    )
    RoadmapItem.objects.create(
        region=lappi, life_event=vocabulary["home"], title="Yhteinen lupapalvelu", year=2027, quarter=2
    )
    editor = factories.UserFactory(display_name="Eero Sallasta", email_confirmed_at=timezone.now())
    factories.MembershipFactory(
        user=editor, organisation=salla, role=MembershipRole.EDITOR, state=MembershipState.ACTIVE
    )
    admin = factories.UserFactory(display_name="Aino Sallasta", email_confirmed_at=timezone.now())
    factories.MembershipFactory(
        user=admin, organisation=salla, role=MembershipRole.ADMIN, state=MembershipState.ACTIVE
    )
    pello_editor = factories.UserFactory(display_name="Pekka Pellosta", email_confirmed_at=timezone.now())
    factories.MembershipFactory(
        user=pello_editor,
        organisation=open_draft.organisation,
        role=MembershipRole.EDITOR,
        state=MembershipState.ACTIVE,
    )
    item = RoadmapItem.objects.get(title="Haku verkkoon")
    return {
        "region": lappi,
        "salla": salla,
        "council": council,
        "result": result,
        "submitted": submitted,
        "draft": open_draft,
        "editor": editor,
        "admin": admin,
        "pello_editor": pello_editor,
        "item": item,
    }
