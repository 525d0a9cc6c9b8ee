import pytest
from django.utils import timezone, translation

from municipalities.models import EmailDomain, MembershipState
from tests import factories


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the language of the source strings."""
    with translation.override("en"):
        yield


@pytest.fixture
def requester(db):
    """A verified person with no tie to `organisation` yet, whose address is on no known domain."""
    return factories.UserFactory(
        email="pekka.pyytaja@gmail.example", display_name="Pekka Pyytäjä", email_confirmed_at=timezone.now()
    )


@pytest.fixture
def pending_request(organisation, requester):
    return factories.MembershipFactory(
        user=requester,
        organisation=organisation,
        state=MembershipState.PENDING,
        request_message="Työskentelen Kuhmon digitiimissä.",
    )


@pytest.fixture
def kuhmo_domain(organisation):
    return EmailDomain.objects.create(organisation=organisation, domain="kuhmo.example")


PERSONAS = ["visitor", "unverified", "member", "editor", "org_admin", "outsider_admin", "coordinator"]


@pytest.fixture
def persona(request):
    """The user of a persona name (None for the visitor), for tests parametrized over PERSONAS."""

    def get(name):
        return None if name == "visitor" else request.getfixturevalue(name)

    return get
