import pytest
from django.utils import translation

from municipalities.models import MembershipRole
from solutions.initiatives.services import initiatives
from tests.conftest import member_of


@pytest.fixture(autouse=True)
def english_pages():
    """URLs reversed in the tests point at the English pages, whose texts the tests read."""
    with translation.override("en"):
        yield


@pytest.fixture
def salla_editor(other_organisation):
    return member_of(other_organisation, MembershipRole.EDITOR, display_name="Seppo Sallasta")


@pytest.fixture
def salla_member(other_organisation):
    return member_of(other_organisation, MembershipRole.MEMBER, display_name="Sanna Sallasta")


@pytest.fixture
def initiative(editor, organisation):
    """Kuhmo's initiative, gathering partners; Kuhmo is its only (confirmed) partner."""
    return initiatives.propose(
        organisation,
        editor,
        {
            "title": "Online booking of school premises",
            "problem": "Associations book **school gyms** by phone.",
            "licence": "EUPL-1.2",
            "budget_class": "medium",
        },
    )


@pytest.fixture
def commitment():
    return {"people": True, "piloting": True, "commitment": "Two developers for six months."}
