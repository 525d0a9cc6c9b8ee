import pytest
from django.db import connection
from django.utils import timezone, translation

from solutions.models import ModerationState
from tests import factories


@pytest.fixture(autouse=True)
def _english():
    # Pages are asserted by their English text; reverse() then gives the /en/ addresses.
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _postgres_only(request):
    # The database in use is known only once Django is set up, so the skip happens at run time.
    if request.node.get_closest_marker("postgres_only"):
        request.getfixturevalue("transactional_db")
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL")


@pytest.fixture
def draft(organisation, editor):
    return factories.SolutionFactory(
        organisation=organisation,
        title="Tilavarausjärjestelmä",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
        created_by=editor,
    )


@pytest.fixture
def published(organisation):
    return factories.SolutionFactory(
        organisation=organisation,
        title="Koulukuljetusten reititys",
        summary="Reitit lasketaan kerran päivässä.",
        moderation_state=ModerationState.PUBLISHED,
        published_at=timezone.now(),
    )
