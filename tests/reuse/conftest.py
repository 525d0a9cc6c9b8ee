import pytest
from django.utils import translation

from municipalities.models import MembershipRole
from solutions.community.models import Adoption, AdoptionStatus
from tests import factories
from tests.conftest import member_of


@pytest.fixture(autouse=True)
def english_pages():
    """URLs reversed in the tests point at the English pages, whose texts the tests read."""
    with translation.override("en"):
        yield


@pytest.fixture
def salla_member(other_organisation):
    """A plain member of Salla, an organisation that does not publish `solution`."""
    return member_of(other_organisation, MembershipRole.MEMBER, display_name="Sanna Sallasta")


@pytest.fixture
def adopt():
    """Record that `organisation` uses `solution` (directly, without the form)."""

    def make(organisation, solution, status=AdoptionStatus.IN_USE, **fields):
        return Adoption.objects.create(organisation=organisation, solution=solution, status=status, **fields)

    return make


@pytest.fixture
def make_organisation(db):
    def make(name, region=None, population=12_000, **fields):
        region = region or factories.RegionFactory()
        return factories.OrganisationFactory(name_fi=name, region=region, population=population, **fields)

    return make
