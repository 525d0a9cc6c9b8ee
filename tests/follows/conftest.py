import pytest
from django.utils import translation

from solutions.community.models import PostState
from solutions.community.models.help import HelpRequest
from tests import factories
from tests.conftest import member_of


@pytest.fixture(autouse=True)
def in_english():
    """Pages and notifications in English (/en/ addresses), so tests read the interface's own words."""
    with translation.override("en"):
        yield


@pytest.fixture
def follower(other_organisation):
    """A verified member of another organisation, who reads in English."""
    from municipalities.models import MembershipRole

    return member_of(
        other_organisation, MembershipRole.MEMBER, display_name="Fredrik Seuraaja", preferred_language="en"
    )


@pytest.fixture
def help_request(member, organisation):
    return HelpRequest.objects.create(
        author=member,
        organisation=organisation,
        title="Miten järjestämme kyydit?",
        question="Etsimme kutsuliikenteen ratkaisua.",
        state=PostState.PUBLISHED,
    )


@pytest.fixture
def service_class(db):
    return factories.ServiceClassFactory(
        code="P27", name_fi="Liikenne", name_sv="Trafik", name_en="Transport"
    )
