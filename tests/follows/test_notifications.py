"""Who is told what: every event reaches the right people, never the person who acted, and e-mail
follows each person's choice (at once, daily digest, never) with a working unsubscribe link."""

import re

import pytest
from django.core import signing
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from municipalities.models import MembershipRole
from solutions.community.services.reuse import record_adoption
from solutions.models import ModerationState
from solutions.notifications.models import EmailChoice, Notification, Subscription
from solutions.notifications.services import notifications
from solutions.services import publishing as workflow
from tests import factories
from tests.checks import committed, validate_html
from tests.conftest import member_of
from tests.discussion.helpers import post_answer, post_comment


def choice(user):
    from municipalities.models import User

    return notifications.email_choice(User.objects.get(pk=user.pk))


def titles(user):
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def said_to(user, message, **params):
    """`message` as `user` reads it: notifications are written in each recipient's language."""
    with translation.override(user.preferred_language):
        return gettext(message) % params


def follow(user, **target):
    return Subscription.objects.create(user=user, **target)


# Events


def test_a_comment_tells_followers_and_the_organisations_editors_but_not_its_author(
    solution, follower, editor, org_admin, member, outsider_admin
):
    follow(follower, solution=solution)
    follow(outsider_admin, solution=solution)
    post_comment(solution, outsider_admin)
    for person in (follower, editor, org_admin):
        assert titles(person) == [said_to(person, "New comment on “%(title)s”", title=solution.title)]
    assert titles(follower) == [f"New comment on “{solution.title}”"]  # the follower reads English
    assert titles(outsider_admin) == []
    assert titles(member) == []  # a plain member of the organisation follows nothing


def test_a_held_comment_tells_nobody_until_it_is_approved(
    solution, follower, other_organisation, coordinator
):
    from solutions.community.models import Comment
    from solutions.community.services import moderation
    from solutions.community.services.discussion import save_post
    from solutions.models import ModerationItem

    follow(follower, solution=solution)
    newcomer = member_of(other_organisation, MembershipRole.MEMBER)
    comment = Comment(solution=solution, author=newcomer, organisation=other_organisation, body="Hei!")
    with committed():
        assert save_post(comment) is True
    assert titles(follower) == []
    item = ModerationItem.objects.get(object_id=comment.pk, kind="held_post")
    with committed():
        moderation.approve_held(item, coordinator)
    with committed():
        comment.save()  # saving again tells nobody twice
    assert len(titles(follower)) == 1


def test_an_answer_tells_the_asker_and_followers_but_not_its_author(
    help_request, member, follower, outsider_admin, other_organisation
):
    follow(follower, help_request=help_request)
    follow(outsider_admin, help_request=help_request)
    post_answer(help_request, outsider_admin, "Meillä on toimiva ratkaisu.", organisation=other_organisation)
    for person in (member, follower):
        assert titles(person) == [said_to(person, "New answer to “%(title)s”", title=help_request.title)]
    assert titles(outsider_admin) == []


def test_the_asker_cannot_answer_their_own_request_so_nobody_is_told(help_request, member, organisation):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        post_answer(help_request, member, "Lisätieto.", organisation=organisation)
    assert titles(member) == []


def test_a_new_user_of_a_solution_tells_its_organisations_editors(
    solution, editor, org_admin, member, outsider_admin, other_organisation
):
    data = {"status": "interested"}
    with committed():
        record_adoption(organisation=other_organisation, solution=solution, user=outsider_admin, data=data)
    assert titles(editor) == []  # interest is not use
    with committed():
        record_adoption(
            organisation=other_organisation,
            solution=solution,
            user=outsider_admin,
            data={"status": "piloting"},
        )
    piloting = "%(organisation)s is piloting “%(title)s”"
    assert titles(editor) == [said_to(editor, piloting, organisation="Salla", title=solution.title)]
    with committed():
        record_adoption(
            organisation=other_organisation,
            solution=solution,
            user=outsider_admin,
            data={"status": "piloting", "experience": "Sujuu."},
            note="Päivitys",
        )
    assert len(titles(editor)) == 1  # a note without a change of status is not news
    with committed():
        record_adoption(
            organisation=other_organisation, solution=solution, user=outsider_admin, data={"status": "in_use"}
        )
    uses = "%(organisation)s uses “%(title)s”"
    assert titles(org_admin)[0] == said_to(org_admin, uses, organisation="Salla", title=solution.title)
    assert titles(member) == []
    assert titles(outsider_admin) == []


def test_an_editor_who_marks_use_elsewhere_is_not_told_of_their_own_mark(solution, organisation):
    both = member_of(organisation, MembershipRole.EDITOR)
    elsewhere = factories.OrganisationFactory(name_fi="Suomussalmi")
    factories.MembershipFactory(user=both, organisation=elsewhere, role=MembershipRole.MEMBER)
    with committed():
        record_adoption(organisation=elsewhere, solution=solution, user=both, data={"status": "in_use"})
    assert titles(both) == []


@pytest.fixture
def submitted(organisation, editor, service_class):
    draft = factories.SolutionFactory(
        organisation=organisation,
        title="Kutsuliikenne",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
        tags=["kyyditys"],
    )
    draft.service_classes.add(factories.ServiceClassFactory(code="P27.1", parent=service_class))
    with committed():
        return workflow.submit(draft, editor)


def test_a_new_solution_tells_followers_of_its_tag_class_and_organisation(
    submitted, follower, coordinator, editor, organisation, service_class, outsider_admin
):
    from taggit.models import Tag

    tag = Tag.objects.get(slug="kyyditys")
    follow(follower, tag=tag)
    follow(outsider_admin, service_class=service_class)  # the main class covers its subclasses
    follow(coordinator, organisation=organisation)
    follow(editor, tag=tag)
    bystander = member_of(factories.OrganisationFactory(), MembershipRole.MEMBER)
    with committed():
        workflow.approve(submitted, coordinator)
    for person in (follower, outsider_admin):
        assert titles(person) == [said_to(person, "New solution: “%(title)s”", title="Kutsuliikenne")]
    assert titles(coordinator) == []  # who approved it
    [decision] = titles(editor)  # the decision (in the editor's Finnish), not a second notification
    assert "Kutsuliikenne" in decision
    assert titles(bystander) == []


def test_changes_requested_tell_followers_nothing(submitted, follower, coordinator):
    from taggit.models import Tag

    follow(follower, tag=Tag.objects.get(slug="kyyditys"))
    with committed():
        workflow.request_changes(submitted, coordinator, "Lisää kuvaus.")
    assert titles(follower) == []


def test_moderation_decisions_follow_the_editors_email_choice(
    submitted, editor, org_admin, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    notifications.set_email_choice(org_admin, EmailChoice.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(submitted, coordinator, "Lisää kuvaus.")
    assert len(titles(editor)) == 1
    assert len(titles(org_admin)) == 1
    assert [mail.to for mail in mailoutbox] == [[editor.email]]
    assert "Lisää kuvaus." in mailoutbox[0].body
    assert "unsubscribe" in mailoutbox[0].body


def test_a_deleted_or_inactive_account_is_told_nothing(solution, follower, outsider_admin):
    follow(follower, solution=solution)
    follower.deleted_at = timezone.now()
    follower.save()
    post_comment(solution, outsider_admin)
    assert titles(follower) == []


# E-mail choices


@pytest.fixture
def followed(solution, follower):
    follow(follower, solution=solution)
    return solution


def test_at_once_mails_each_notification_with_one_click_unsubscribe(
    followed, follower, outsider_admin, django_capture_on_commit_callbacks, mailoutbox
):
    post_comment(followed, outsider_admin, body="Toimiiko tämä Lapissa?")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [follower.email]
    assert mail.subject == f"New comment on “{followed.title}”"
    assert "Toimiiko tämä Lapissa?" in mail.body
    unsubscribe = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in mail.body
    assert "/en/notifications/unsubscribe/" in unsubscribe


def test_mail_is_in_the_recipients_language(
    followed, follower, outsider_admin, django_capture_on_commit_callbacks, mailoutbox
):
    follower.preferred_language = "fi"
    follower.save()
    post_comment(followed, outsider_admin)
    assert "/fi/notifications/unsubscribe/" in mailoutbox[0].extra_headers["List-Unsubscribe"]


def test_daily_digest_waits_for_send_digests_then_mails_once(
    followed, follower, outsider_admin, django_capture_on_commit_callbacks, mailoutbox
):
    notifications.set_email_choice(follower, EmailChoice.DAILY)
    post_comment(followed, outsider_admin, body="Ensimmäinen")
    post_comment(followed, outsider_admin, body="Toinen")
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mailoutbox) == 1
    digest = mailoutbox[0]
    assert digest.to == [follower.email]
    assert digest.subject == "2 new notifications in Kuntajako"
    assert "Ensimmäinen" in digest.body
    assert "Toinen" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.send_digests() == 0  # running it again mails nothing
    assert len(mailoutbox) == 1


def test_digest_of_someone_who_chose_never_in_between_is_not_mailed(
    followed, follower, outsider_admin, django_capture_on_commit_callbacks, mailoutbox
):
    notifications.set_email_choice(follower, EmailChoice.DAILY)
    post_comment(followed, outsider_admin)
    notifications.set_email_choice(follower, EmailChoice.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.send_digests() == 0
    assert mailoutbox == []


def test_never_mails_nothing_but_the_site_still_shows_it(
    followed, follower, outsider_admin, django_capture_on_commit_callbacks, mailoutbox
):
    notifications.set_email_choice(follower, EmailChoice.NEVER)
    post_comment(followed, outsider_admin)
    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_digests()
    assert mailoutbox == []
    assert len(titles(follower)) == 1


def test_the_settings_page_saves_the_choice(client_for, follower):
    client = client_for(follower)
    url = reverse("solutions:follows:settings")
    assert re.search(r'value="immediately"[^>]* checked', client.get(url).content.decode())
    assert client.post(url, {"email": "daily"}).status_code == 302
    assert choice(follower) == EmailChoice.DAILY
    assert client.post(url, {"email": "hourly"}).status_code == 400
    assert choice(follower) == EmailChoice.DAILY


# Unsubscribing


def test_unsubscribe_link_asks_first_then_stops_mail_without_login(client, follower):
    url = reverse("solutions:follows:unsubscribe", args=[notifications.unsubscribe_token(follower)])
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop all notification e-mails to this account?" in page.content.decode()
    assert choice(follower) == EmailChoice.IMMEDIATELY  # a GET changes nothing
    assert client.post(url).status_code == 200
    assert choice(follower) == EmailChoice.NEVER


def test_one_click_post_from_a_mail_program_needs_no_csrf_token(follower):
    client = Client(enforce_csrf_checks=True)
    url = reverse("solutions:follows:unsubscribe", args=[notifications.unsubscribe_token(follower)])
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert choice(follower) == EmailChoice.NEVER


def test_a_tampered_or_foreign_token_does_nothing(client, follower, member):
    token = notifications.unsubscribe_token(follower)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    other_salt = signing.dumps(follower.pk)  # signed, but for something else
    for bad in (tampered, other_salt, "x"):
        response = client.post(reverse("solutions:follows:unsubscribe", args=[bad]))
        assert response.status_code == 400
    assert choice(follower) == EmailChoice.IMMEDIATELY
    assert notifications.user_for_token(notifications.unsubscribe_token(member)) == member


# In the site


def make_notifications(user, n):
    Notification.objects.bulk_create(
        Notification(recipient=user, kind="comment", title=f"Ilmoitus {i}", url="/en/") for i in range(n)
    )


def notification_queries(queries):
    return [q["sql"] for q in queries if "notifications_notification" in q["sql"]]


def test_the_header_counts_unread_in_one_query_and_visitors_in_none(client, client_for, follower, solution):
    make_notifications(follower, 3)
    with CaptureQueriesContext(connection) as queries:
        html = client_for(follower).get(solution.get_absolute_url()).content.decode()
    assert '3<span class="visually-hidden"> unread</span>' in html
    assert len(notification_queries(queries)) == 1
    with CaptureQueriesContext(connection) as queries:
        client.get(solution.get_absolute_url())
    assert notification_queries(queries) == []


def test_notifications_page_newest_first_marks_one_and_all_read(client_for, follower, member):
    make_notifications(follower, 3)
    make_notifications(member, 1)
    client = client_for(follower)
    page = reverse("solutions:follows:notifications")
    html = client.get(page).content.decode()
    assert html.index("Ilmoitus 2") < html.index("Ilmoitus 0")
    assert "3 unread notifications" in html
    first = Notification.objects.filter(recipient=follower).order_by("pk").first()
    client.post(reverse("solutions:follows:mark_read", args=[first.pk]), {"next": page})
    assert Notification.objects.unread_count(follower) == 2
    someone_elses = Notification.objects.get(recipient=member)
    assert client.post(reverse("solutions:follows:mark_read", args=[someone_elses.pk])).status_code == 404
    client.post(page)
    assert Notification.objects.unread_count(follower) == 0
    assert Notification.objects.unread_count(member) == 1


def test_notifications_page_query_count_does_not_grow(client_for, follower):
    client = client_for(follower)
    page = reverse("solutions:follows:notifications")
    make_notifications(follower, 5)
    with CaptureQueriesContext(connection) as five:
        assert client.get(page).content.decode().count('/en/">Ilmoitus') == 5
    make_notifications(follower, 45)
    with CaptureQueriesContext(connection) as fifty:
        response = client.get(page)
    assert response.content.decode().count('/en/">Ilmoitus') == 30  # the first page of 50
    assert len(fifty) == len(five)


def test_notification_pages_are_valid_html(client, client_for, follower, followed, outsider_admin):
    post_comment(followed, outsider_admin)
    make_notifications(follower, 40)
    client_f = client_for(follower)
    token = notifications.unsubscribe_token(follower)
    unsubscribe = reverse("solutions:follows:unsubscribe", args=[token])
    pages = {
        "notifications": client_f.get(reverse("solutions:follows:notifications")),
        "notifications page 2": client_f.get(reverse("solutions:follows:notifications") + "?page=2"),
        "settings": client_f.get(reverse("solutions:follows:settings")),
        "settings invalid": client_f.post(reverse("solutions:follows:settings"), {"email": "x"}),
        "unsubscribe": client.get(unsubscribe),
        "unsubscribed": client.post(unsubscribe),
        "unsubscribe invalid": client.get(reverse("solutions:follows:unsubscribe", args=["x"])),
    }
    assert validate_html({name: response.content.decode() for name, response in pages.items()}) == []


# The moderation queue: coordinators hear of every new item


@pytest.fixture
def second_coordinator(coordinating_organisation):
    return member_of(
        coordinating_organisation,
        MembershipRole.COORDINATOR,
        display_name="Ville Valvoja",
        preferred_language="sv",
    )


def test_a_submission_tells_every_coordinator_in_their_language_and_no_one_else(
    coordinator, second_coordinator, editor, org_admin, member, outsider_admin, submitted
):
    for person in (coordinator, second_coordinator):
        [notification] = Notification.objects.filter(recipient=person)
        assert notification.title == said_to(person, "Waiting for review: “%(title)s”", title="Kutsuliikenne")
        with translation.override(person.preferred_language):
            assert notification.url == reverse("solutions:moderation_review", args=[submitted.pk])
    assert [titles(person) for person in (editor, org_admin, member, outsider_admin)] == [[], [], [], []]


def test_a_superuser_who_is_not_a_coordinator_is_not_told(organisation, editor):
    admin = factories.UserFactory(is_superuser=True, is_staff=True, email_confirmed_at=timezone.now())
    draft = factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.DRAFT, published_at=None
    )
    with committed():
        workflow.submit(draft, editor)
    assert titles(admin) == []


def test_an_edit_tells_coordinators_once_while_it_waits(solution, editor, coordinator):
    data = workflow.solution_data(solution)
    with committed():
        workflow.propose_revision(solution, editor, {**data, "summary": "Uusi tiivistelmä."})
    with committed():
        workflow.propose_revision(solution, editor, {**data, "summary": "Vielä uudempi tiivistelmä."})
    assert titles(coordinator) == [
        said_to(coordinator, "Edit waiting for review: “%(title)s”", title=solution.title)
    ]


def test_a_report_tells_the_other_coordinators_once_per_open_item(
    solution, member, outsider_admin, coordinator, second_coordinator
):
    from solutions.community.services.moderation import report

    comment = post_comment(solution, member, body="Katsokaa halvat kellot!")
    with committed():
        report(comment, coordinator, "Mainos")
    with committed():
        report(comment, outsider_admin, "Roskapostia")  # joins the open item: nobody is told twice
    assert titles(coordinator) == []  # who reported it
    [notification] = Notification.objects.filter(recipient=second_coordinator)
    assert notification.title == said_to(
        second_coordinator, "Reported post on “%(title)s”", title=solution.title
    )
    assert notification.text == "Katsokaa halvat kellot!"


def test_a_held_first_post_tells_coordinators(solution, other_organisation, coordinator):
    from solutions.community.models import Comment
    from solutions.community.services.discussion import save_post

    newcomer = member_of(other_organisation, MembershipRole.MEMBER)
    comment = Comment(solution=solution, author=newcomer, organisation=other_organisation, body="Hei kaikki!")
    with committed():
        assert save_post(comment) is True
    assert titles(coordinator) == [
        said_to(coordinator, "First post of a new account waits on “%(title)s”", title=solution.title)
    ]


def test_queue_mail_follows_each_coordinators_choice(
    organisation, editor, coordinator, second_coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    notifications.set_email_choice(second_coordinator, EmailChoice.DAILY)
    draft = factories.SolutionFactory(
        organisation=organisation,
        title="Kutsuliikenne",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
    )
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(draft, editor)
    assert [mail.to for mail in mailoutbox] == [[coordinator.email]]
    assert "Kutsuliikenne" in mailoutbox[0].subject
    assert "unsubscribe" in mailoutbox[0].body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [mail.to for mail in mailoutbox] == [[second_coordinator.email]]


def test_the_moderation_link_counts_waiting_items_for_coordinators_only(
    client_for, coordinator, editor, submitted
):
    html = client_for(coordinator).get(reverse("solutions:home")).content.decode()
    assert '1<span class="visually-hidden"> waiting</span>' in html
    assert "waiting</span>" not in client_for(editor).get(reverse("solutions:home")).content.decode()
    with committed():
        workflow.approve(submitted, coordinator)
    html = client_for(coordinator).get(reverse("solutions:home")).content.decode()
    assert "waiting</span>" not in html


def test_a_notification_reads_in_the_language_of_the_page(client_for, editor, coordinator, organisation):
    """Stored for a Finnish reader, shown in English on the English page, with an English link."""
    editor.preferred_language = "fi"
    editor.save()
    draft = factories.SolutionFactory(
        organisation=organisation,
        title="Kutsuliikenne",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
    )
    with committed():
        workflow.request_changes(workflow.submit(draft, editor), coordinator, "Tarkenna.")
    client = client_for(editor)
    english = client.get("/en/notifications/").content.decode()
    finnish = client.get("/fi/notifications/").content.decode()
    assert "Changes requested to “Kutsuliikenne”" in english
    assert f'href="/en/our-solutions/{draft.slug}/"' in english
    with translation.override("fi"):
        assert gettext("Changes requested to “%(title)s”") % {"title": "Kutsuliikenne"} in finnish
