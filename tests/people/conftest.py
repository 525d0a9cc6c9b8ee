import pytest
from django.db import connection
from django.utils import timezone, translation

from municipalities.models import MembershipRole
from solutions.people.services import profiles
from tests import factories
from tests.conftest import member_of


@pytest.fixture(autouse=True)
def english_pages():
    """URLs reversed in the tests point at the English pages, whose texts the tests read."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _postgres_only(request):
    # Row locks need PostgreSQL; the database in use is known only once Django is set up.
    if request.node.get_closest_marker("postgres_only"):
        request.getfixturevalue("transactional_db")
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL")


@pytest.fixture
def outsider(db):
    """Signed in with a confirmed address, but a member of no organisation."""
    return factories.UserFactory(email_confirmed_at=timezone.now(), display_name="Ulla Ulkona")


@pytest.fixture
def salla_member(other_organisation):
    return member_of(other_organisation, MembershipRole.MEMBER, display_name="Sanna Sallasta")


@pytest.fixture
def topic(db):
    return factories.ServiceClassFactory(code="P10", name_fi="Liikunta", name_sv="Motion", name_en="Sports")


@pytest.fixture
def list_person():
    """Put `user` in the directory through the service, as the form does."""

    def make(user, **data):
        data.setdefault("title", "")
        data.setdefault("bio", "")
        return profiles.save_profile(user, data)

    return make


@pytest.fixture
def expert(editor, list_person, topic):
    """Eero, an editor of Kuhmo, listed with a topic, a keyword and two languages."""
    editor.email = "eero.salainen@kuhmo.example"
    editor.save()
    return list_person(
        editor,
        title="Liikuntapalveluiden kehittäjä",
        bio="Tunnen tilavarausjärjestelmät.",
        service_classes=[topic],
        tags=["tilavaraus"],
        languages=["fi", "sv"],
    )
