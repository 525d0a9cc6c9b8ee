"""Following things: who may, the buttons on the pages, "What I follow", and the data export."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from municipalities.accounts.export import export_user_data
from solutions.notifications.models import Subscription
from tests import factories
from tests.checks import validate_html


def follow_url(kind, key):
    return reverse("solutions:follows:follow", args=[kind, key])


@pytest.fixture
def targets(solution, organisation, help_request, service_class):
    tag = Tag.objects.create(name="kyyditys", slug="kyyditys")
    return {
        "solution": (solution.slug, solution),
        "organisation": (organisation.slug, organisation),
        "tag": (tag.slug, tag),
        "service-class": (service_class.code, service_class),
        "help-request": (str(help_request.pk), help_request),
    }


KINDS = ["solution", "organisation", "tag", "service-class", "help-request"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_visitor_is_sent_to_log_in(client, targets, kind):
    response = client.post(follow_url(kind, targets[kind][0]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_an_unconfirmed_account_may_not_follow(client_for, unverified, targets, kind):
    response = client_for(unverified).post(follow_url(kind, targets[kind][0]))
    assert response.status_code == 403
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("persona", ["member", "editor", "outsider_admin", "coordinator"])
def test_people_follow_and_unfollow(request, client_for, targets, kind, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    key, target = targets[kind]
    client.post(follow_url(kind, key))
    client.post(follow_url(kind, key))  # a double click follows once
    assert [s.target for s in Subscription.objects.filter(user=user)] == [target]
    client.post(follow_url(kind, key), {"action": "unfollow"})
    assert not Subscription.objects.filter(user=user).exists()


def test_following_a_get_changes_nothing(client_for, member, solution):
    assert client_for(member).get(follow_url("solution", solution.slug)).status_code == 405
    assert not Subscription.objects.exists()


def test_unknown_or_unpublished_things_cannot_be_followed(client_for, member, organisation):
    draft = factories.SolutionFactory(organisation=factories.OrganisationFactory(), moderation_state="draft")
    client = client_for(member)
    assert client.post(follow_url("solution", draft.slug)).status_code == 404
    assert client.post(follow_url("tag", "no-such-tag")).status_code == 404
    assert client.post(follow_url("user", "1")).status_code == 404
    assert not Subscription.objects.exists()


def test_follow_redirects_back_only_to_this_site(client_for, member, solution):
    client = client_for(member)
    response = client.post(follow_url("solution", solution.slug), {"next": "https://evil.example/"})
    assert response["Location"] == solution.get_absolute_url()
    response = client.post(follow_url("solution", solution.slug), {"next": "/en/solutions/?tag=x"})
    assert response["Location"] == "/en/solutions/?tag=x"


def test_the_button_says_what_the_person_can_do(client, client_for, member, solution):
    page = solution.get_absolute_url()
    assert "Log in to follow" in client.get(page).content.decode()
    html = client_for(member).get(page).content.decode()
    assert ">Follow<" in html
    client_for(member).post(follow_url("solution", solution.slug))
    html = client_for(member).get(page).content.decode()
    assert "Stop following" in html


def test_buttons_on_organisation_help_request_and_a_list_filtered_by_one_tag(
    client_for, member, organisation, help_request, service_class
):
    factories.SolutionFactory(organisation=organisation, tags=["kyyditys", "liikenne"])
    client = client_for(member)
    assert "Follow" in client.get(organisation.get_absolute_url()).content.decode()
    assert "Follow" in client.get(help_request.get_absolute_url()).content.decode()
    listing = reverse("solutions:solution_list")
    one_tag = client.get(listing + "?tag=kyyditys").content.decode()
    assert follow_url("tag", "kyyditys") in one_tag
    one_class = client.get(listing + "?service_class=P27").content.decode()
    assert follow_url("service-class", "P27") in one_class
    two_tags = client.get(listing + "?tag=kyyditys&tag=liikenne").content.decode()
    assert "/following/tag/" not in two_tags
    assert "/following/" not in client.get(listing).content.decode().replace(
        reverse("solutions:follows:following"), ""
    )


def test_what_i_follow_lists_follows_with_unfollow_buttons(client_for, member, targets):
    client = client_for(member)
    for kind in KINDS:
        client.post(follow_url(kind, targets[kind][0]))
    html = client.get(reverse("solutions:follows:following")).content.decode()
    for kind in KINDS:
        assert follow_url(kind, targets[kind][0]) in html
    assert html.count("Stop following") == 5
    for name in ("Kuhmo", "kyyditys", "Transport"):
        assert name in html


def test_what_i_follow_needs_login(client):
    response = client.get(reverse("solutions:follows:following"))
    assert response.status_code == 302


def test_the_data_export_includes_follows(client_for, member, targets):
    client = client_for(member)
    client.post(follow_url("solution", targets["solution"][0]))
    client.post(follow_url("tag", "kyyditys"))
    document = export_user_data(member)
    assert sorted((row["kind"], row["target"]) for row in document["follows"]) == [
        ("solution", targets["solution"][1].title),
        ("tag", "kyyditys"),
    ]
    assert document["notification_settings"] == {"email": "immediately"}


def test_follow_pages_are_valid_html(
    client, client_for, member, targets, solution, organisation, help_request
):
    client_m = client_for(member)
    client_m.post(follow_url("solution", solution.slug))
    client_m.post(follow_url("organisation", organisation.slug))
    factories.SolutionFactory(organisation=organisation, tags=["kyyditys"])
    pages = {
        "what I follow": client_m.get(reverse("solutions:follows:following")),
        "solution, following": client_m.get(solution.get_absolute_url()),
        "solution, visitor": client.get(solution.get_absolute_url()),
        "organisation": client_m.get(organisation.get_absolute_url()),
        "help request": client_m.get(help_request.get_absolute_url()),
        "list by tag": client_m.get(reverse("solutions:solution_list") + "?tag=kyyditys"),
    }
    assert all(response.status_code == 200 for response in pages.values())
    assert validate_html({name: response.content.decode() for name, response in pages.items()}) == []
