"""Coordinators manage organisations, solutions and vocabularies in the Django admin, in Finnish."""

import pytest
from django.urls import reverse

from tests import factories

ADMIN_PAGES = [
    "admin:municipalities_organisation_changelist",
    "admin:municipalities_region_changelist",
    "admin:municipalities_user_changelist",
    "admin:municipalities_membership_changelist",
    "admin:solutions_solution_changelist",
    "admin:solutions_serviceclass_changelist",
    "admin:solutions_lifeevent_changelist",
    "admin:solutions_moderationdecision_changelist",
    "admin:solutions_moderationitem_changelist",
    "admin:solutions_revision_changelist",
    "admin:community_adoption_changelist",
    "admin:community_referent_changelist",
    "admin:community_comment_changelist",
    "admin:community_helprequest_changelist",
    "admin:community_answer_changelist",
    "admin:opencode_harvestsource_changelist",
    "admin:opencode_harvestlog_changelist",
    "admin:initiatives_initiative_changelist",
    "admin:solutions_solution_add",
    "admin:municipalities_organisation_add",
    "admin:pages_page_changelist",
]


@pytest.fixture
def coordinator_client(client, db):
    user = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_pages_open_in_finnish(coordinator_client, solution, name):
    response = coordinator_client.get(reverse(name))
    assert response.status_code == 200
    assert 'lang="fi"' in response.content.decode()


def test_admin_edit_page_of_a_solution(coordinator_client, solution):
    response = coordinator_client.get(reverse("admin:solutions_solution_change", args=[solution.pk]))
    assert response.status_code == 200
    assert solution.title in response.content.decode()


def test_visitor_and_ordinary_user_are_kept_out_of_admin(client, db):
    url = reverse("admin:solutions_solution_changelist")
    assert client.get(url).status_code == 302
    client.force_login(factories.UserFactory())
    response = client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_decision_log_cannot_be_written_through_the_admin(coordinator_client):
    # Decisions are made in the moderation queue, which locks the item and logs who decided.
    assert coordinator_client.get(reverse("admin:solutions_moderationdecision_add")).status_code == 403
    assert coordinator_client.get(reverse("admin:solutions_moderationitem_add")).status_code == 403
