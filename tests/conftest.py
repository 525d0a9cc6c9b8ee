"""Fixtures shared by the whole suite: a publishing organisation and the people around it.

The personas are the roles every permission test checks, allowed path and forbidden path alike:
visitor (no login), unverified (signed up, address not confirmed), member, editor and admin of
`organisation`, admin of another organisation (`outsider_admin`), and a coordinator.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation

from municipalities.models import MembershipRole, MembershipState, OrganisationKind
from tests import factories


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language. A request made through the test client leaves its
    language active in the thread, and a lazy string evaluated by the next test on the same worker
    would otherwise come out in whatever language ran last."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: cached pages of one test must not answer the next."""
    cache.clear()


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(name_fi="Kuhmo", name_sv="Kuhmo", slug="kuhmo", population=8_000)


@pytest.fixture
def other_organisation(db):
    return factories.OrganisationFactory(name_fi="Salla", name_sv="Salla", slug="salla", population=3_300)


@pytest.fixture
def coordinating_organisation(db):
    return factories.OrganisationFactory(
        name_fi="Kuntaliitto",
        slug="kuntaliitto",
        code=None,
        kind=OrganisationKind.COORDINATOR,
        population=None,
    )


@pytest.fixture
def solution(db, organisation):
    return factories.SolutionFactory(organisation=organisation)


def member_of(organisation, role, **user_fields):
    user = factories.UserFactory(email_confirmed_at=timezone.now(), **user_fields)
    factories.MembershipFactory(user=user, organisation=organisation, role=role, state=MembershipState.ACTIVE)
    return user


@pytest.fixture
def unverified(db):
    return factories.UserFactory(email_confirmed_at=None)


@pytest.fixture
def member(organisation):
    return member_of(organisation, MembershipRole.MEMBER, display_name="Maija Jäsen")


@pytest.fixture
def editor(organisation):
    return member_of(organisation, MembershipRole.EDITOR, display_name="Eero Editori")


@pytest.fixture
def org_admin(organisation):
    return member_of(organisation, MembershipRole.ADMIN, display_name="Aino Ylläpitäjä")


@pytest.fixture
def outsider_admin(other_organisation):
    return member_of(other_organisation, MembershipRole.ADMIN, display_name="Olli Ulkopuolinen")


@pytest.fixture
def coordinator(coordinating_organisation):
    return member_of(
        coordinating_organisation, MembershipRole.COORDINATOR, display_name="Kaisa Koordinaattori"
    )


@pytest.fixture
def client_for():
    """A test client logged in as `user` (or anonymous for None)."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
