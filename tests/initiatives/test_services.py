"""The life of an initiative through its services: joining, confirming, the states, delivering as a
co-published solution, the exchange balance, the discussion's rate limit and who is told what."""

import pytest
from django.core.exceptions import PermissionDenied

from municipalities.accounts.export import export_user_data
from solutions.community.reuse.panels import organisation_panel
from solutions.community.services.discussion import RateLimited
from solutions.initiatives.models import InitiativeStatus, Partner, PartnerState
from solutions.initiatives.services import discussion, initiatives, partners
from solutions.initiatives.services.initiatives import InitiativeError, StaleInitiative
from solutions.models import ItemKind, ItemState, ModerationItem, ModerationState
from solutions.notifications.models import Notification, Subscription
from solutions.services import publishing
from tests import factories
from tests.checks import committed


def titles(user):
    """The notifications of `user` as the site shows them in the active language (English here)."""
    return [notification.display_title for notification in Notification.objects.filter(recipient=user)]


def jointly_developed(organisation):
    rows = organisation_panel(organisation)["balance"]["sources"]
    return next(count for key, _label, count in rows if key == "jointly_developed")


@pytest.fixture
def with_salla(initiative, other_organisation, outsider_admin, commitment):
    """Salla's admin offered and so confirmed Salla's part at once."""
    partners.join(initiative, other_organisation, outsider_admin, commitment)
    return initiative


def test_the_proposer_is_the_first_confirmed_partner(initiative, organisation, editor):
    assert initiative.status == InitiativeStatus.GATHERING
    proposer = initiative.partners.get()
    assert (proposer.organisation, proposer.state, proposer.confirmed_by) == (
        organisation,
        PartnerState.CONFIRMED,
        editor,
    )


def test_an_editors_offer_waits_for_the_admin_of_its_own_organisation(
    initiative, other_organisation, salla_editor, outsider_admin, org_admin, commitment
):
    partner = partners.join(initiative, other_organisation, salla_editor, commitment)
    assert partner.state == PartnerState.PENDING
    assert other_organisation.pk not in initiative.confirmed_organisation_ids
    with pytest.raises(PermissionDenied):
        partners.confirm(partner, org_admin)  # the proposer's admin does not commit Salla
    second_click = Partner.objects.get(pk=partner.pk)
    partners.confirm(partner, outsider_admin)
    partner.refresh_from_db()
    assert (partner.state, partner.confirmed_by) == (PartnerState.CONFIRMED, outsider_admin)
    assert other_organisation.pk in initiative.confirmed_organisation_ids
    with pytest.raises(InitiativeError, match="no longer waiting"):
        partners.confirm(second_click, outsider_admin)


def test_an_offer_needs_a_commitment_and_is_made_once(
    initiative, other_organisation, outsider_admin, commitment
):
    with pytest.raises(InitiativeError, match="at least one thing"):
        partners.join(initiative, other_organisation, outsider_admin, {"commitment": "We like it."})
    partners.join(initiative, other_organisation, outsider_admin, commitment)
    with pytest.raises(InitiativeError, match="already a partner"):
        partners.join(initiative, other_organisation, outsider_admin, commitment)
    assert initiative.partners.filter(organisation=other_organisation).count() == 1


def test_agreeing_needs_a_second_confirmed_partner(
    initiative, editor, other_organisation, salla_editor, commitment
):
    partners.join(initiative, other_organisation, salla_editor, commitment)  # pending only
    with pytest.raises(InitiativeError, match="At least one other organisation"):
        initiatives.agree(initiative, editor)
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.GATHERING


def test_two_people_acting_on_the_same_page_get_one_change_and_a_message(with_salla, editor, org_admin):
    opened_at = with_salla.version
    initiatives.agree(with_salla, editor, expected_version=opened_at)
    with pytest.raises(StaleInitiative):
        initiatives.close(with_salla, org_admin, "Not needed after all.", expected_version=opened_at)
    with_salla.refresh_from_db()
    assert (with_salla.status, with_salla.closed_reason) == (InitiativeStatus.AGREED, "")


def test_closing_needs_a_reason_and_lapses_waiting_offers(
    initiative, editor, other_organisation, salla_editor, commitment
):
    pending = partners.join(initiative, other_organisation, salla_editor, commitment)
    with pytest.raises(InitiativeError, match="reason"):
        initiatives.close(initiative, editor, "  ")
    initiatives.close(initiative, editor, "The national service covers this.")
    initiative.refresh_from_db()
    pending.refresh_from_db()
    assert initiative.status == InitiativeStatus.CLOSED
    assert pending.state == PartnerState.WITHDRAWN
    with pytest.raises(PermissionDenied):
        initiatives.agree(initiative, editor)


def test_delivering_makes_a_co_published_solution_that_waits_for_review_and_counts_for_every_partner(
    with_salla, editor, organisation, other_organisation, coordinator, make_third
):
    service_class = factories.ServiceClassFactory()
    with_salla.service_classes.add(service_class)
    initiatives.agree(with_salla, editor)
    initiatives.start_development(with_salla, editor)
    solution = initiatives.deliver(
        with_salla, editor, {"kind": "software", "summary": "Book school gyms online."}
    )

    with_salla.refresh_from_db()
    assert (with_salla.status, with_salla.solution) == (InitiativeStatus.DELIVERED, solution)
    assert solution.organisation == organisation
    assert set(solution.partners.all()) == {other_organisation}
    assert (solution.title, solution.licence) == ("Online booking of school premises", "EUPL-1.2")
    assert list(solution.service_classes.all()) == [service_class]
    assert solution.moderation_state == ModerationState.SUBMITTED
    item = ModerationItem.objects.get(kind=ItemKind.SUBMISSION, object_id=solution.pk)
    assert item.state == ItemState.OPEN

    # Not counted while it waits for review; counted for both partners, and only them, once published.
    assert jointly_developed(organisation) == 0
    publishing.approve(item, coordinator)
    assert jointly_developed(organisation) == 1
    assert jointly_developed(other_organisation) == 1
    assert jointly_developed(make_third) == 0


@pytest.fixture
def make_third(db):
    return factories.OrganisationFactory(name_fi="Suomussalmi", slug="suomussalmi")


def test_a_coordinator_manages_but_cannot_deliver_for_the_organisation(with_salla, coordinator, editor):
    initiatives.agree(with_salla, coordinator)
    initiatives.start_development(with_salla, coordinator)
    with pytest.raises(PermissionDenied):
        initiatives.deliver(with_salla, coordinator, {"kind": "software", "summary": "x"})


def test_messages_have_the_same_rate_limit_as_comments(initiative, member, organisation):
    for n in range(10):
        discussion.post_message(initiative, member, organisation, f"Message {n}")
    with pytest.raises(RateLimited, match="10 minutes"):
        discussion.post_message(initiative, member, organisation, "One too many")


def test_only_confirmed_partners_write_updates(
    initiative, outsider_admin, other_organisation, member, organisation
):
    with pytest.raises(PermissionDenied):
        discussion.post_update(initiative, outsider_admin, other_organisation, "We are in.")
    update = discussion.post_update(initiative, member, organisation, "Requirements workshop on Monday.")
    assert update.organisation == organisation


def test_followers_and_partners_hear_of_changes_but_not_of_the_partners_own_messages(
    with_salla, editor, outsider_admin, salla_member, member, organisation
):
    Subscription.objects.create(user=salla_member, initiative=with_salla)
    follower = factories.UserFactory(email_confirmed_at=editor.email_confirmed_at)
    Subscription.objects.create(user=follower, initiative=with_salla)
    with committed():
        initiatives.agree(with_salla, editor)
    assert titles(follower) == ["The partners agreed on “Online booking of school premises”"]
    assert "The partners agreed on “Online booking of school premises”" in titles(outsider_admin)
    assert titles(editor) == []  # who acted

    with committed():
        discussion.post_update(with_salla, member, organisation, "Requirements are ready.")
        discussion.post_message(with_salla, member, organisation, "Only for us.", partners_only=True)
    assert "New update on “Online booking of school premises”" in titles(follower)
    assert "New message on “Online booking of school premises”" not in titles(follower)
    assert "New message on “Online booking of school premises”" in titles(outsider_admin)


def test_an_offer_tells_the_admins_who_must_confirm_it(
    initiative, other_organisation, salla_editor, outsider_admin, commitment
):
    with committed():
        partners.join(initiative, other_organisation, salla_editor, commitment)
    assert titles(outsider_admin) == [
        "Confirm the commitment of Salla to “Online booking of school premises”"
    ]


def test_a_persons_data_export_holds_their_initiatives_and_what_they_wrote(
    initiative, editor, member, organisation
):
    discussion.post_update(initiative, member, organisation, "Oma katsaus")
    discussion.post_message(initiative, member, organisation, "Oma viesti", partners_only=True)
    document = export_user_data(member)
    assert [row["text"] for row in document["initiative_writing"]] == ["Oma katsaus", "Oma viesti"]
    assert document["initiatives_proposed"] == []
    assert [row["title"] for row in export_user_data(editor)["initiatives_proposed"]] == [initiative.title]
    assert export_user_data(editor)["initiative_writing"] == []


def test_a_new_initiative_tells_the_followers_of_its_organisation_and_service_class(
    organisation, editor, outsider_admin, salla_member
):
    service_class = factories.ServiceClassFactory()
    Subscription.objects.create(user=outsider_admin, organisation=organisation)
    Subscription.objects.create(user=salla_member, service_class=service_class)
    with committed():
        initiatives.propose(
            organisation,
            editor,
            {
                "title": "Kotihoidon reititys",
                "problem": "Reitit käsin.",
                "service_classes": [service_class.code],
            },
        )
    for follower in (outsider_admin, salla_member):
        assert titles(follower) == ["New development initiative: “Kotihoidon reititys”"]
    assert titles(editor) == []
