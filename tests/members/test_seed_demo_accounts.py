"""seed_demo_accounts: every role to try in the demo, never outside it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from municipalities.models import (
    Membership,
    MembershipRole,
    MembershipState,
    Organisation,
    OrganisationKind,
    User,
)
from municipalities.services import membership as workflow
from solutions.demo.management.commands.seed_demo_accounts import DEMO_PASSWORD
from tests import factories


@pytest.fixture
def municipalities(db):
    return {
        code: factories.OrganisationFactory(code=code, name_fi=name, slug=name.lower())
        for code, name in [("091", "Helsinki"), ("290", "Kuhmo"), ("148", "Inari")]
    }


def seed():
    out = StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo_accounts", stdout=out)
    return out.getvalue()


def test_refused_without_debug(municipalities):
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="only runs with DEBUG=true"):
        call_command("seed_demo_accounts", stdout=StringIO())
    assert not User.objects.exists()


def test_every_role_in_every_organisation_and_the_list_is_printed(municipalities):
    output = seed()
    assert DEMO_PASSWORD in output
    for short, organisation in [("helsinki", "091"), ("kuhmo", "290"), ("inari", "148")]:
        for word, role in [("admin", "admin"), ("editor", "editor"), ("member", "member")]:
            email = f"{word}.{short}@demo.kuntajako.example"
            assert email in output
            membership = Membership.objects.get(user__email=email)
            assert (membership.organisation.code, membership.role, membership.state) == (
                organisation,
                role,
                MembershipState.ACTIVE,
            )
    coordinating = Organisation.objects.get(slug="kuntaliitto")
    assert coordinating.kind == OrganisationKind.COORDINATOR
    assert coordinating.memberships.get().role == MembershipRole.COORDINATOR
    assert User.objects.get(email="unconfirmed@demo.kuntajako.example").email_confirmed_at is None
    assert Membership.objects.get(user__email="pending.kuhmo@demo.kuntajako.example").state == "pending"
    assert all(user.email.endswith(".example") for user in User.objects.all())


def test_running_twice_changes_nothing(municipalities):
    seed()
    counts = (User.objects.count(), Membership.objects.count(), Organisation.objects.count())
    seed()
    assert (User.objects.count(), Membership.objects.count(), Organisation.objects.count()) == counts


def test_the_shared_password_logs_in(municipalities):
    seed()
    assert Client().login(email="admin.kuhmo@demo.kuntajako.example", password=DEMO_PASSWORD)


def test_an_existing_coordinating_organisation_is_used(municipalities, coordinating_organisation):
    seed()
    assert Organisation.objects.filter(kind=OrganisationKind.COORDINATOR).count() == 1


def test_signing_up_on_the_demo_domain_of_helsinki_grants_membership(municipalities):
    seed()
    user = factories.UserFactory(email="uusi@demo-hel.example", email_confirmed_at=timezone.now())
    membership = workflow.request_membership(user, municipalities["091"])
    assert membership.state == MembershipState.ACTIVE


def test_the_demo_editors_leave_work_for_the_demo_coordinator(municipalities):
    from solutions.models import ItemKind, ModerationItem, ModerationState, Solution

    factories.SolutionFactory(organisation=municipalities["091"], title="Kaupunkipyörät")
    seed()
    seed()  # a second run adds nothing
    assert (
        Solution.objects.filter(organisation__code="290", moderation_state=ModerationState.DRAFT).count() == 1
    )
    open_items = ModerationItem.objects.filter(state="open")
    assert sorted(open_items.values_list("kind", flat=True)) == sorted(
        [ItemKind.SUBMISSION, ItemKind.REVISION]
    )
    assert Solution.objects.get(title="Kaupunkipyörät").moderation_state == ModerationState.PUBLISHED
