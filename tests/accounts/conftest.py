import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

PASSWORD = "salasana-testi-123"  # what tests.factories.UserFactory sets


def english_url(name, *args):
    """The English address of a page, for tests that assert English text.

    Explicit, because reverse() follows the active language, and every request a test makes leaves
    its own language active (Finnish by default)."""
    with translation.override("en"):
        return reverse(name, args=args)


def finnish(message):
    """What a Finnish page shows for an English message, for tests where the Finnish page is the point."""
    with translation.override("fi"):
        return gettext(message)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The resend limit lives in the cache; one test's sends must not hold back the next test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def send_mail_now(django_capture_on_commit_callbacks):
    """Run the action and send its mail at once, as the commit would."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run
