import pytest

from municipalities.models import OrganisationKind
from solutions.demo.initiatives import PEOPLE, seed_initiatives
from solutions.initiatives.models import Initiative, InitiativeStatus, PartnerState
from solutions.models import ModerationState
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_has_an_initiative_in_every_state_and_is_made_once():
    for _local, _name, ref, _role in PEOPLE:
        if ref.isdigit():
            factories.OrganisationFactory(code=ref, slug=f"kunta-{ref}")
    factories.OrganisationFactory(slug="kuntaliitto", code=None, kind=OrganisationKind.COORDINATOR)
    factories.SolutionFactory(slug="kauhava-tilavarauksen-prosessi")
    seed_initiatives()

    assert set(Initiative.objects.values_list("status", flat=True)) == set(InitiativeStatus.values)
    gathering = Initiative.objects.get(status=InitiativeStatus.GATHERING)
    assert set(gathering.partners.values_list("state", flat=True)) == {
        PartnerState.CONFIRMED,
        PartnerState.PENDING,
    }
    assert gathering.linked_solutions.filter(kind="procurement").exists()
    delivered = Initiative.objects.get(status=InitiativeStatus.DELIVERED)
    assert delivered.solution.moderation_state == ModerationState.PUBLISHED
    assert delivered.solution.partners.count() == 1
    assert Initiative.objects.get(status=InitiativeStatus.CLOSED).closed_reason

    seed_initiatives()
    assert Initiative.objects.count() == len(InitiativeStatus.values)
