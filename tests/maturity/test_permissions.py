"""Who may see, answer and publish an assessment, and who may edit which roadmap: every persona."""

import pytest
from django.contrib.auth.models import AnonymousUser

from municipalities.models import MembershipRole, OrganisationKind
from municipalities.permissions import may
from solutions.maturity.models import AssessmentState
from tests import factories
from tests.conftest import member_of
from tests.maturity.conftest import draft, finished

PERSONAS = ["visitor", "unverified", "member", "editor", "org_admin", "outsider_admin", "coordinator"]


@pytest.fixture
def people(unverified, member, editor, org_admin, outsider_admin, coordinator):
    return {
        "visitor": None,
        "unverified": unverified,
        "member": member,
        "editor": editor,
        "org_admin": org_admin,
        "outsider_admin": outsider_admin,
        "coordinator": coordinator,
    }


def allowed(people, action, obj):
    return {name for name, user in people.items() if may(user or AnonymousUser(), action, obj)}


def test_a_draft_or_submitted_assessment_is_seen_by_the_organisation_only(people, organisation):
    assert allowed(people, "view_assessment", draft(organisation)) == {"member", "editor", "org_admin"}
    submitted = finished(organisation, {}, state=AssessmentState.SUBMITTED)
    assert allowed(people, "view_assessment", submitted) == {"member", "editor", "org_admin"}


def test_a_published_assessment_is_seen_by_everyone(people, organisation):
    assert allowed(people, "view_assessment", finished(organisation, {})) == set(PERSONAS)


def test_editors_and_admins_start_and_answer_a_draft(people, organisation):
    assert allowed(people, "start_assessment", organisation) == {"editor", "org_admin"}
    assert allowed(people, "answer_assessment", draft(organisation)) == {"editor", "org_admin"}


def test_nobody_answers_a_submitted_assessment(people, organisation):
    assert (
        allowed(people, "answer_assessment", finished(organisation, {}, state=AssessmentState.SUBMITTED))
        == set()
    )


def test_only_the_admin_publishes_and_only_a_submitted_assessment(people, organisation):
    assert allowed(
        people, "publish_assessment", finished(organisation, {}, state=AssessmentState.SUBMITTED)
    ) == {"org_admin"}
    assert allowed(people, "publish_assessment", draft(organisation)) == set()
    assert allowed(people, "publish_assessment", finished(organisation, {})) == set()


def test_an_organisations_roadmap_is_edited_by_its_editors_and_admins(people, organisation):
    assert allowed(people, "edit_roadmap", organisation) == {"editor", "org_admin"}


def test_a_regions_roadmap_is_edited_by_its_regional_council_and_coordinators(people, organisation):
    region = organisation.region
    council = factories.OrganisationFactory(kind=OrganisationKind.REGIONAL_COUNCIL, region=region, code=None)
    other_council = factories.OrganisationFactory(kind=OrganisationKind.REGIONAL_COUNCIL, code=None)
    people["council_editor"] = member_of(council, MembershipRole.EDITOR)
    people["council_member"] = member_of(council, MembershipRole.MEMBER)
    people["other_council_admin"] = member_of(other_council, MembershipRole.ADMIN)
    assert allowed(people, "edit_roadmap", region) == {"council_editor", "coordinator"}
