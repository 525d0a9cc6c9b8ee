"""The initiative pages as people use them, without JavaScript: list, proposing with a check for
similar ones, joining and confirming, the status buttons, writing, following; query counts pinned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from solutions.initiatives.models import Initiative, InitiativeStatus, PartnerState
from solutions.initiatives.services import discussion, initiatives, partners
from solutions.models import ModerationItem, SolutionKind
from solutions.notifications.models import Subscription
from solutions.services import publishing
from tests import factories


def page_of(response):
    return response.content.decode()


def test_the_list_shows_status_and_partners_in_a_fixed_number_of_queries(client, organisation, editor):
    def propose(n):
        return initiatives.propose(organisation, editor, {"title": f"Tarve {n}", "problem": "Ongelma."})

    for n in range(2):
        propose(n)

    def queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("initiatives:list"))
        assert response.status_code == 200
        return len(context), page_of(response)

    few, page = queries()
    assert "Tarve 0" in page
    assert "Gathering partners" in page
    assert "1 partner" in page
    for n in range(2, 12):
        propose(n)
    many, page = queries()
    assert many == few
    assert "Tarve 11" in page


def test_the_list_filters_by_status(client, initiative, editor, organisation):
    other = initiatives.propose(organisation, editor, {"title": "Closed need", "problem": "x"})
    initiatives.close(other, editor, "Done elsewhere.")
    page = page_of(client.get(reverse("initiatives:list"), {"status": "closed"}))
    assert "Closed need" in page
    assert initiative.title not in page


def test_proposing_without_script_checks_for_similar_first(client_for, editor, initiative, organisation):
    factories.SolutionFactory(
        organisation=organisation, title="Koulujen tilavaraus", summary="Varaa koulun tilat"
    )
    client = client_for(editor)
    data = {
        "title": "Online booking of school premises for sports clubs",
        "problem": "Clubs phone the schools.",
        "budget_class": "small",
        "organisation": organisation.pk,
        "action": "check",
    }
    response = client.post(reverse("initiatives:propose"), data)
    page = page_of(response)
    assert response.status_code == 200
    assert "Similar initiatives and solutions" in page
    assert initiative.get_absolute_url() in page
    assert Initiative.objects.count() == 1  # nothing saved by checking

    response = client.post(reverse("initiatives:propose"), {**data, "action": "propose"})
    created = Initiative.objects.exclude(pk=initiative.pk).get()
    assert response.status_code == 302
    assert response["Location"] == created.get_absolute_url()
    assert created.organisation == organisation
    assert created.budget_class == "small"


def test_the_suggestions_fragment_for_the_script(client, initiative):
    page = page_of(client.get(reverse("initiatives:suggest"), {"title": "booking school premises"}))
    assert initiative.title in page


def test_a_bad_proposal_keeps_what_was_typed(client_for, editor, organisation):
    response = client_for(editor).post(
        reverse("initiatives:propose"),
        {"title": "Kirjaston aukioloajat", "problem": "", "budget_class": "small", "action": "propose"},
    )
    assert response.status_code == 400
    page = page_of(response)
    assert 'value="Kirjaston aukioloajat"' in page
    assert "This field is required." in page
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("member", 403), ("outsider_admin", 200), ("coordinator", 200)]
)
def test_who_may_open_the_proposal_form(client_for, request, persona, status):
    user = request.getfixturevalue(persona)
    assert client_for(user).get(reverse("initiatives:propose")).status_code == status


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("initiatives:propose"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_joining_and_confirming_through_the_page(
    client_for, initiative, other_organisation, salla_editor, outsider_admin
):
    url = initiative.get_absolute_url()
    page = page_of(client_for(salla_editor).get(url))
    assert "Join as a partner" in page
    response = client_for(salla_editor).post(
        reverse("initiatives:join", args=[initiative.slug]),
        {"organisation": other_organisation.pk, "piloting": "on", "commitment": "We pilot in two schools."},
    )
    assert response.status_code == 302
    partner = initiative.partners.get(organisation=other_organisation)
    assert partner.state == PartnerState.PENDING

    page = page_of(client_for(salla_editor).get(url))
    assert "Waiting for the organisation&#x27;s admin" in page
    assert "Confirm the commitment" not in page
    page = page_of(client_for(outsider_admin).get(url))
    assert "Confirm the commitment" in page
    client_for(outsider_admin).post(
        reverse("initiatives:confirm_partner", args=[initiative.slug, partner.pk])
    )
    partner.refresh_from_db()
    assert partner.state == PartnerState.CONFIRMED


def test_an_offer_without_a_commitment_is_refused_and_keeps_the_text(
    client_for, initiative, other_organisation, salla_editor
):
    response = client_for(salla_editor).post(
        reverse("initiatives:join", args=[initiative.slug]),
        {"organisation": other_organisation.pk, "commitment": "Kiinnostaa kovasti"},
    )
    assert response.status_code == 400
    page = page_of(response)
    assert "Choose at least one thing your organisation commits to." in page
    assert "Kiinnostaa kovasti" in page


def test_a_member_cannot_join_or_move_the_status(
    client_for, initiative, salla_member, member, other_organisation
):
    join = client_for(salla_member).post(
        reverse("initiatives:join", args=[initiative.slug]),
        {"organisation": other_organisation.pk, "people": "on"},
    )
    assert join.status_code == 403
    status = client_for(member).post(
        reverse("initiatives:status", args=[initiative.slug, "close"]), {"version": 1, "reason": "x"}
    )
    assert status.status_code == 403
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.GATHERING


def test_closing_without_a_reason_says_so(client_for, initiative, editor):
    response = client_for(editor).post(
        reverse("initiatives:status", args=[initiative.slug, "close"]),
        {"version": initiative.version, "reason": ""},
    )
    assert response.status_code == 400
    assert "Reason for closing: This field is required." in page_of(response)


def test_a_second_click_on_an_old_page_gets_a_message_not_a_second_change(
    client_for, initiative, editor, org_admin, other_organisation, outsider_admin, commitment
):
    partners.join(initiative, other_organisation, outsider_admin, commitment)
    initiative.refresh_from_db()
    opened_at = initiative.version
    url = reverse("initiatives:status", args=[initiative.slug, "agree"])
    assert client_for(editor).post(url, {"version": opened_at}).status_code == 302
    response = client_for(org_admin).post(
        reverse("initiatives:status", args=[initiative.slug, "close"]),
        {"version": opened_at, "reason": "Old page"},
    )
    assert response.status_code == 409
    assert "Someone else changed this initiative" in page_of(response)
    assert "Old page" in page_of(response)  # the reason typed is kept
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.AGREED
    # The page now carries the current version: closing after reading it works.
    assert f'name="version" value="{initiative.version}"' in page_of(response)
    again = client_for(org_admin).post(
        reverse("initiatives:status", args=[initiative.slug, "close"]),
        {"version": initiative.version, "reason": "Old page"},
    )
    assert again.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.CLOSED


def test_delivering_through_the_page(
    client_for, initiative, editor, other_organisation, outsider_admin, commitment
):
    partners.join(initiative, other_organisation, outsider_admin, commitment)
    initiatives.agree(initiative, editor)
    initiatives.start_development(initiative, editor)
    response = client_for(editor).post(
        reverse("initiatives:status", args=[initiative.slug, "deliver"]),
        {"version": initiative.version, "kind": SolutionKind.SOFTWARE, "summary": "Book school gyms online."},
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    page = page_of(client_for(editor).get(initiative.get_absolute_url()))
    assert "Delivered as the solution" in page
    assert initiative.solution.get_absolute_url() in page


def test_the_partners_discussion_is_for_the_partners_only(
    client_for, initiative, member, organisation, outsider_admin, coordinator
):
    discussion.post_message(initiative, member, organisation, "Budget talk among us", partners_only=True)
    discussion.post_message(initiative, member, organisation, "Welcome, everyone")
    for user in (None, outsider_admin):
        page = page_of(client_for(user).get(initiative.get_absolute_url()))
        assert "Welcome, everyone" in page
        assert "Budget talk among us" not in page
    for user in (member, coordinator):
        assert "Budget talk among us" in page_of(client_for(user).get(initiative.get_absolute_url()))
    response = client_for(outsider_admin).post(
        reverse("initiatives:write", args=[initiative.slug, "partners"]),
        {"body": "Let me in", "organisation": outsider_admin.memberships.get().organisation_id},
    )
    assert response.status_code == 403


def test_writing_in_the_public_discussion_and_an_update(
    client_for, initiative, member, outsider_admin, organisation
):
    response = client_for(outsider_admin).post(
        reverse("initiatives:write", args=[initiative.slug, "everyone"]),
        {"body": "Salla is interested", "organisation": outsider_admin.memberships.get().organisation_id},
    )
    assert response.status_code == 302
    response = client_for(member).post(
        reverse("initiatives:write", args=[initiative.slug, "update"]),
        {"body": "Workshop **held**", "organisation": organisation.pk},
    )
    assert response.status_code == 302
    page = page_of(client_for(None).get(initiative.get_absolute_url()))
    assert "Salla is interested" in page
    assert "<strong>held</strong>" in page


def test_the_detail_page_costs_the_same_for_few_and_many_partners_and_messages(
    client_for, initiative, member, organisation, commitment
):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client_for(member).get(initiative.get_absolute_url()).status_code == 200
        return len(context)

    def add_partner(n):
        other = factories.OrganisationFactory(name_fi=f"Kunta {n}", slug=f"kunta-{n}")
        admin = factories.UserFactory(email_confirmed_at=member.email_confirmed_at)
        factories.MembershipFactory(user=admin, organisation=other, role="admin", state="active")
        partners.join(initiative, other, admin, commitment)
        discussion.post_message(initiative, admin, other, f"Hello from {n}")
        discussion.post_update(initiative, member, organisation, f"Update {n}")

    add_partner(0)
    few = queries()
    for n in range(1, 6):
        add_partner(n)
    assert queries() == few


def test_following_an_initiative(client_for, initiative, outsider_admin):
    client = client_for(outsider_admin)
    assert "Follow" in page_of(client.get(initiative.get_absolute_url()))
    client.post(
        reverse("solutions:follows:follow", args=["initiative", initiative.slug]), {"action": "follow"}
    )
    assert Subscription.objects.filter(user=outsider_admin, initiative=initiative).exists()
    page = page_of(client.get(reverse("solutions:follows:following")))
    assert "Development initiatives" in page
    assert initiative.title in page


def test_procurement_documents_are_a_kind_of_their_own_and_linkable(client_for, client, editor, organisation):
    document = factories.SolutionFactory(
        organisation=organisation,
        title="Tarjouspyyntöpohja: tilavarausjärjestelmä",
        kind=SolutionKind.PROCUREMENT,
    )
    listed = page_of(client.get(reverse("solutions:solution_list"), {"kind": "procurement"}))
    assert document.title in listed
    assert "Procurement document" in listed
    form = page_of(client_for(editor).get(reverse("initiatives:propose")))
    assert "Procurement documents to reuse" in form
    assert document.title in form
    response = client_for(editor).post(
        reverse("initiatives:propose"),
        {
            "title": "Tilavaraus",
            "problem": "x",
            "budget_class": "unknown",
            "organisation": organisation.pk,
            "procurement_documents": [document.pk],
            "action": "propose",
        },
    )
    created = Initiative.objects.get()
    assert response.status_code == 302
    assert list(created.linked_solutions.all()) == [document]
    assert document.title in page_of(client.get(created.get_absolute_url()))


def test_the_admin_shows_an_initiative_but_changes_nothing(client_for, initiative):
    superuser = factories.UserFactory(is_staff=True, is_superuser=True)
    client = client_for(superuser)
    url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"title": "Changed", "status": "closed"})
    initiative.refresh_from_db()
    assert initiative.title == "Online booking of school premises"
    assert initiative.status == InitiativeStatus.GATHERING


def test_both_partners_pages_count_the_jointly_developed_solution(
    client, initiative, editor, coordinator, organisation, other_organisation, outsider_admin, commitment
):
    partners.join(initiative, other_organisation, outsider_admin, commitment)
    initiatives.agree(initiative, editor)
    initiatives.start_development(initiative, editor)
    solution = initiatives.deliver(initiative, editor, {"kind": "software", "summary": "Book gyms online."})
    publishing.approve(ModerationItem.objects.get(object_id=solution.pk, kind="submission"), coordinator)
    for target in (organisation, other_organisation):
        page = page_of(client.get(target.get_absolute_url()))
        assert "<dt>Solutions developed together in initiatives</dt><dd>1</dd>" in page
