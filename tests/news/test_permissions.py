"""Who may do what with news and events: every persona, the forbidden paths and the allowed ones."""

import pytest

from municipalities.permissions import may

pytestmark = pytest.mark.django_db

PERSONAS = ["visitor", "unverified", "member", "editor", "org_admin", "outsider_admin", "coordinator"]


@pytest.fixture
def people(request):
    return {name: None if name == "visitor" else request.getfixturevalue(name) for name in PERSONAS}


def allowed(people, action, obj):
    return {name for name, user in people.items() if may(user, action, obj)}


def test_editors_and_admins_of_the_organisation_and_coordinators_write(people, organisation):
    assert allowed(people, "write_news", organisation) == {"editor", "org_admin", "coordinator"}
    # The "write" page: anyone who edits somewhere.
    assert allowed(people, "write_news", None) == {"editor", "org_admin", "outsider_admin", "coordinator"}


def test_a_draft_is_seen_by_its_organisation_and_the_coordinators_only(people, draft_post):
    assert allowed(people, "view_news", draft_post) == {"member", "editor", "org_admin", "coordinator"}


def test_a_published_item_is_public(people, published_post):
    assert allowed(people, "view_news", published_post) == set(PERSONAS)


def test_drafts_are_edited_and_submitted_by_the_organisations_editors(people, draft_post):
    assert allowed(people, "edit_news", draft_post) == {"editor", "org_admin", "coordinator"}
    assert allowed(people, "submit_news", draft_post) == {"editor", "org_admin", "coordinator"}


def test_a_submitted_or_published_text_changes_only_by_a_coordinator(people, submitted_post):
    assert allowed(people, "edit_news", submitted_post) == {"coordinator"}
    assert allowed(people, "submit_news", submitted_post) == set()


def test_only_coordinators_publish(people, draft_post):
    assert allowed(people, "publish_news", draft_post) == {"coordinator"}


def test_editors_add_material_to_their_published_events(people, published_event, draft_event):
    assert allowed(people, "add_event_material", published_event) == {"editor", "org_admin", "coordinator"}
    assert allowed(people, "add_event_material", draft_event) == {"editor", "org_admin", "coordinator"}
