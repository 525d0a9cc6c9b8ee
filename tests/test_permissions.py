"""The permission rules, role by role: the allowed path and the forbidden one."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory

from municipalities import permissions
from municipalities.models import MembershipState
from solutions.models import ModerationState, Solution
from tests import factories

PERSONAS = ["visitor", "unverified", "member", "editor", "org_admin", "outsider_admin", "coordinator"]


@pytest.fixture
def people(request, db):
    found = {"visitor": AnonymousUser()}
    for name in PERSONAS[1:]:
        found[name] = request.getfixturevalue(name)
    return found


@pytest.fixture
def draft(organisation):
    return factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.DRAFT, published_at=None
    )


def allowed(people, action, obj=None):
    return {name for name, user in people.items() if permissions.may(user, action, obj)}


def test_manage_members_admin_of_that_organisation_and_coordinator(people, organisation):
    assert allowed(people, "manage_members", organisation) == {"org_admin", "coordinator"}


def test_view_people_members_of_any_role_and_coordinator(people, organisation):
    assert allowed(people, "view_people", organisation) == {"member", "editor", "org_admin", "coordinator"}


def test_edit_organisation_only_coordinator(people, organisation):
    assert allowed(people, "edit_organisation", organisation) == {"coordinator"}


def test_edit_and_create_solution_editor_and_admin_of_the_publisher(people, organisation, solution):
    assert allowed(people, "edit_solution", solution) == {"editor", "org_admin"}
    assert allowed(people, "create_solution", organisation) == {"editor", "org_admin"}


def test_moderate_only_coordinator(people):
    assert allowed(people, "moderate") == {"coordinator"}


def test_participate_verified_members(people):
    assert allowed(people, "participate") == {
        "member",
        "editor",
        "org_admin",
        "outsider_admin",
        "coordinator",
    }


def test_published_solution_visible_to_all_draft_only_to_own_organisation_and_coordinator(
    people, solution, draft
):
    assert allowed(people, "view_solution", solution) == set(PERSONAS)
    assert allowed(people, "view_solution", draft) == {"member", "editor", "org_admin", "coordinator"}


def test_visible_solutions_queryset_agrees_with_the_rule(people, solution, draft):
    for name, user in people.items():
        visible = set(Solution.objects.visible_to(user))
        expected = {s for s in (solution, draft) if permissions.may(user, "view_solution", s)}
        assert visible == expected, name


def test_pending_membership_gives_no_rights(organisation, solution):
    user = factories.UserFactory(email_confirmed_at="2026-01-01T00:00:00Z")
    factories.MembershipFactory(
        user=user, organisation=organisation, role="admin", state=MembershipState.PENDING
    )
    assert not permissions.may(user, "manage_members", organisation)
    assert not permissions.may(user, "edit_solution", solution)


def test_unconfirmed_address_gives_no_rights_even_with_a_membership(organisation):
    user = factories.UserFactory(email_confirmed_at=None)
    factories.MembershipFactory(user=user, organisation=organisation, role="admin")
    assert not permissions.may(user, "manage_members", organisation)


def test_coordinator_role_outside_the_coordinating_organisation_is_not_a_coordinator(organisation):
    user = factories.UserFactory(email_confirmed_at="2026-01-01T00:00:00Z")
    factories.MembershipFactory(user=user, organisation=organisation, role="coordinator")
    assert not permissions.may(user, "moderate")


def test_request_membership_only_verified_and_not_already_in(people, organisation):
    assert allowed(people, "request_membership", organisation) == {"outsider_admin", "coordinator"}


def test_require_raises_403_or_hides_with_404(member, other_organisation):
    with pytest.raises(PermissionDenied):
        permissions.require(member, "manage_members", other_organisation)
    with pytest.raises(Http404):
        permissions.require(member, "manage_members", other_organisation, hide=True)


def test_roles_are_read_once_per_user_object(member, organisation, django_assert_num_queries):
    with django_assert_num_queries(1):
        for _ in range(3):
            permissions.may(member, "view_people", organisation)


def test_template_tag_asks_the_same_rule(org_admin, member, organisation):
    template = Template('{% load permissions %}{% may "manage_members" org as ok %}{{ ok }}')
    for user, expected in [(org_admin, "True"), (member, "False")]:
        request = RequestFactory().get("/")
        request.user = user
        assert template.render(Context({"request": request, "org": organisation})) == expected


def test_unknown_action_is_an_error(member):
    with pytest.raises(ValueError, match="Unknown permission"):
        permissions.may(member, "fly")


def test_follow_any_user_with_a_confirmed_address(people):
    assert allowed(people, "follow") == {"member", "editor", "org_admin", "outsider_admin", "coordinator"}


def test_import_publiccode_and_manage_harvest_editor_and_admin_of_that_organisation(people, organisation):
    assert allowed(people, "import_publiccode", organisation) == {"editor", "org_admin"}
    assert allowed(people, "manage_harvest", organisation) == {"editor", "org_admin"}


def test_read_harvest_now_editor_admin_and_coordinator(people, organisation):
    assert allowed(people, "read_harvest_now", organisation) == {"editor", "org_admin", "coordinator"}


def test_mark_trusted_publisher_only_coordinator(people, organisation):
    assert allowed(people, "mark_trusted_publisher", organisation) == {"coordinator"}


def test_publish_trusted_editors_of_a_trusted_organisation_only(people, organisation, solution):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from solutions.models import ItemKind, ModerationItem
    from solutions.opencode.models import TrustedPublisher

    item = ModerationItem.objects.create(
        content_type=ContentType.objects.get_for_model(solution),
        object_id=solution.pk,
        kind=ItemKind.SUBMISSION,
        organisation=organisation,
        submitted_at=timezone.now(),
    )
    assert allowed(people, "publish_trusted", item) == set()
    TrustedPublisher.objects.create(organisation=organisation)
    organisation.refresh_from_db()
    item = ModerationItem.objects.select_related("organisation").get(pk=item.pk)
    assert allowed(people, "publish_trusted", item) == {"editor", "org_admin"}
