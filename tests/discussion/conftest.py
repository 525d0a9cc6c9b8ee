import pytest
from django.utils import translation

from tests.discussion.helpers import trust


@pytest.fixture(autouse=True)
def in_english():
    """Pages in English (/en/ addresses), so tests read the interface's own words."""
    with translation.override("en"):
        yield


@pytest.fixture
def trusted(member):
    """`member`, whose posts no longer wait for moderation."""
    return trust(member)
