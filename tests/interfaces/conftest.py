import pytest
from django.core.cache import cache
from django.test import Client

from municipalities.models import MembershipRole
from solutions.interfaces.models import Scope
from solutions.interfaces.services import tokens
from solutions.models import ModerationState
from tests import factories
from tests.conftest import member_of


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return Client()


@pytest.fixture
def catalogue(organisation, other_organisation):
    """Published solutions of two organisations, and some that must never appear."""
    published = [
        factories.SolutionFactory(organisation=organisation, title="Tilavarausjärjestelmä", kind="software"),
        factories.SolutionFactory(organisation=other_organisation, title="Kirjaston rajapinta", kind="api"),
    ]
    hidden = [
        factories.SolutionFactory(
            organisation=organisation, title=f"Piilossa {state}", moderation_state=state, published_at=None
        )
        for state in (
            ModerationState.DRAFT,
            ModerationState.SUBMITTED,
            ModerationState.CHANGES_REQUESTED,
            ModerationState.REJECTED,
        )
    ]
    return published, hidden


@pytest.fixture
def make_token():
    def make(user, organisation, scopes=(Scope.READ, Scope.WRITE_DRAFTS, Scope.SUBMIT), name="Julkaisu"):
        token, secret = tokens.create_token(organisation, user, name=name, scopes=list(scopes))
        return token, secret

    return make


@pytest.fixture
def admin_token(org_admin, organisation, make_token):
    return make_token(org_admin, organisation)


@pytest.fixture
def token_client(admin_token):
    _token, secret = admin_token
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.fixture
def second_admin(organisation):
    return member_of(organisation, MembershipRole.ADMIN, display_name="Toinen Ylläpitäjä")
