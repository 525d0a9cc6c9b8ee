"""Following in a real browser: a member follows a solution, someone comments, and the member reads
the notification in the header and on the page and gets it by e-mail; new pages under axe-core."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from municipalities.models import MembershipRole
from solutions.notifications.models import Subscription
from tests import factories
from tests.conftest import member_of
from tests.discussion.helpers import trust


@pytest.fixture
def people(transactional_db):
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo", population=8_000)
    salla = factories.OrganisationFactory(name_fi="Salla", slug="salla", population=3_300)
    return {
        "follower": member_of(
            salla, MembershipRole.MEMBER, display_name="Fredrik Seuraaja", preferred_language="en"
        ),
        "commenter": trust(member_of(kuhmo, MembershipRole.MEMBER, display_name="Maija Jäsen")),
        "solution": factories.SolutionFactory(
            organisation=kuhmo, title="Kirjaston tilavaraus", slug="tilavaraus"
        ),
    }


def log_in(page, live_server, user):
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_follow_a_solution_and_hear_of_a_comment(page, live_server, people, assert_accessible):
    follower, solution = people["follower"], people["solution"]
    mail.outbox.clear()
    log_in(page, live_server, follower)
    page.goto(f"/en/solutions/{solution.slug}/")
    page.get_by_role("button", name="Follow “Kirjaston tilavaraus”").click()
    page.get_by_role("button", name="Stop following “Kirjaston tilavaraus”").wait_for()
    assert Subscription.objects.filter(user=follower, solution=solution).exists()
    assert_accessible(page)

    page.get_by_role("link", name="What I follow").click()
    page.get_by_role("link", name="Kirjaston tilavaraus").wait_for()
    assert_accessible(page)

    log_in(page, live_server, people["commenter"])
    page.goto(f"/en/solutions/{solution.slug}/")
    page.get_by_label("Comment", exact=True).fill("Otimme tämän käyttöön, kiitos!")
    page.get_by_role("button", name="Send comment").click()
    page.wait_for_selector("article.comment")

    assert [message.to for message in mail.outbox] == [[follower.email]]
    message = mail.outbox[0]
    assert message.subject == "New comment on “Kirjaston tilavaraus”"
    assert "Otimme tämän käyttöön, kiitos!" in message.body

    log_in(page, live_server, follower)
    page.goto("/en/")
    header_link = page.locator(".account-menu").get_by_role("link", name=re.compile("^Notifications"))
    assert header_link.inner_text().split() == ["Notifications", "1", "unread"]
    header_link.click()
    page.get_by_role("heading", name="Notifications", level=1).wait_for()
    expect(page.get_by_role("link", name="New comment on “Kirjaston tilavaraus”")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Mark as read")).click()
    expect(page.locator(".account-menu")).not_to_contain_text("unread")

    page.goto("/en/notifications/settings/")
    page.get_by_label("Once a day, all new notifications in one e-mail").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your choice is saved.").wait_for()
    assert_accessible(page)

    unsubscribe = re.search(r"https?://\S+/unsubscribe/\S+/", message.body).group(0)
    page.context.clear_cookies()
    page.goto(unsubscribe.replace(settings.SITE_URL, live_server.url))
    assert_accessible(page)
    page.get_by_role("button", name="Stop notification e-mails").click()
    page.get_by_text("You will no longer get notification e-mails.").wait_for()
    assert_accessible(page)
