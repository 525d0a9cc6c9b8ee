"""Contact persons: volunteering, asking the users through the site, addresses never shown."""

import pytest
from django.urls import reverse

from municipalities.models import MembershipRole
from solutions.community.models import AdoptionStatus, Referent, ReferentMessage
from solutions.community.services.reuse import MESSAGES_PER_DAY
from tests.conftest import member_of


def referent_url(solution, organisation):
    return reverse("solutions:reuse:referent", args=[solution.slug, organisation.slug])


def ask_url(solution):
    return reverse("solutions:reuse:ask", args=[solution.slug])


@pytest.fixture
def kemi(make_organisation):
    return make_organisation("Kemi", population=20_500)


@pytest.fixture
def asker(kemi):
    return member_of(kemi, MembershipRole.MEMBER, display_name="Kalle Kemistä", email="kalle@kemi.example")


@pytest.fixture
def referents(solution, organisation, other_organisation, adopt, editor, salla_member):
    """A contact person at the publisher (Kuhmo) and one at a user (Salla), with addresses to look for."""
    adopt(other_organisation, solution, status=AdoptionStatus.IN_USE)
    editor.email = "piilo.kuhmo@kuhmo.example"
    editor.save()
    salla_member.email = "piilo.salla@salla.example"
    salla_member.preferred_language = "sv"
    salla_member.save()
    return [
        Referent.objects.create(user=editor, organisation=organisation, solution=solution),
        Referent.objects.create(user=salla_member, organisation=other_organisation, solution=solution),
    ]


@pytest.mark.parametrize(
    ("persona", "target", "status", "allowed"),
    [
        ("member", "organisation", None, True),  # the publisher's own people
        ("salla_member", "other_organisation", AdoptionStatus.IN_USE, True),
        ("salla_member", "other_organisation", AdoptionStatus.PILOTING, True),
        ("salla_member", "other_organisation", AdoptionStatus.INTERESTED, False),
        ("salla_member", "other_organisation", None, False),
        ("member", "other_organisation", AdoptionStatus.IN_USE, False),  # not a member of Salla
        ("unverified", "other_organisation", AdoptionStatus.IN_USE, False),
        ("coordinator", "other_organisation", AdoptionStatus.IN_USE, False),
    ],
)
def test_who_may_volunteer(request, client_for, solution, adopt, persona, target, status, allowed):
    user = request.getfixturevalue(persona)
    organisation = request.getfixturevalue(target)
    if status:
        adopt(request.getfixturevalue("other_organisation"), solution, status=status)
    response = client_for(user).post(referent_url(solution, organisation), {"action": "volunteer"})
    assert response.status_code == (302 if allowed else 403)
    assert Referent.objects.filter(user=user, solution=solution).exists() == allowed


def test_visitor_cannot_volunteer(client_for, solution, organisation):
    response = client_for(None).post(referent_url(solution, organisation), {"action": "volunteer"})
    assert response.status_code == 302
    assert not Referent.objects.exists()


def test_volunteering_needs_post(client_for, member, solution, organisation):
    assert client_for(member).get(referent_url(solution, organisation)).status_code == 405


def test_a_contact_person_can_stop(client_for, member, solution, organisation):
    client = client_for(member)
    client.post(referent_url(solution, organisation), {"action": "volunteer"})
    client.post(referent_url(solution, organisation), {"action": "volunteer"})
    assert Referent.objects.filter(user=member).count() == 1
    client.post(referent_url(solution, organisation), {"action": "stop"})
    assert not Referent.objects.filter(user=member).exists()


def test_the_solution_page_counts_contact_persons(client_for, solution, referents):
    page = client_for(None).get(solution.get_absolute_url()).content.decode()
    assert "2 contact persons willing to help" in page
    assert ask_url(solution) in page


def test_contact_persons_who_left_the_organisation_are_not_counted(client_for, solution, referents):
    referents[1].user.memberships.all().delete()
    page = client_for(None).get(solution.get_absolute_url()).content.decode()
    assert "1 contact person willing to help" in page


@pytest.mark.parametrize("persona", [None, "member", "salla_member", "asker", "coordinator"])
def test_contact_persons_addresses_are_never_shown(
    request, client_for, solution, organisation, other_organisation, referents, persona
):
    user = request.getfixturevalue(persona) if persona else None
    client = client_for(user)
    urls = [
        solution.get_absolute_url(),
        organisation.get_absolute_url(),
        other_organisation.get_absolute_url(),
        reverse("solutions:solution_list"),
    ]
    if persona == "asker":
        urls.append(ask_url(solution))
    for url in urls:
        page = client.get(url).content.decode()
        for referent in referents:
            assert referent.user.email not in page, url


def test_asking_mails_every_contact_person_with_a_reply_address(
    client_for, asker, kemi, solution, referents, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(asker).post(
            ask_url(solution),
            {"organisation": kemi.pk, "subject": "Lisenssikulut", "message": "Paljonko maksoi?"},
        )
    assert response.status_code == 302
    assert sorted(address for mail in mailoutbox for address in mail.to) == sorted(
        referent.user.email for referent in referents
    )
    for mail in mailoutbox:
        assert mail.extra_headers["Reply-To"] == "kalle@kemi.example"
        assert "Lisenssikulut" in mail.subject
        assert "Paljonko maksoi?" in mail.body
        assert "Kalle Kemistä" in mail.body
        assert "Kemi" in mail.body
        # One referent never learns another's address.
        assert len(mail.to) == 1
    logged = ReferentMessage.objects.get()
    assert (logged.sender, logged.organisation, logged.recipient_count) == (asker, kemi, 2)


def test_mail_is_written_in_each_contact_persons_language(
    client_for, asker, kemi, solution, referents, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    from kuntajako import mail

    languages = {}
    original = mail.render_mail

    def spy(name, context, language):
        languages[context["recipient"].email] = language
        return original(name, context, language)

    monkeypatch.setattr(mail, "render_mail", spy)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(asker).post(
            ask_url(solution), {"organisation": kemi.pk, "subject": "Kysymys", "message": "Hei"}
        )
    assert languages == {"piilo.kuhmo@kuhmo.example": "fi", "piilo.salla@salla.example": "sv"}


def test_colleagues_are_not_mailed(
    client_for,
    salla_member,
    other_organisation,
    solution,
    referents,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    # A Salla member asking reaches Kuhmo's contact person, not their own colleague (here: themself).
    with django_capture_on_commit_callbacks(execute=True):
        client_for(salla_member).post(
            ask_url(solution), {"organisation": other_organisation.pk, "subject": "Kysymys", "message": "Hei"}
        )
    assert [mail.to for mail in mailoutbox] == [["piilo.kuhmo@kuhmo.example"]]


@pytest.mark.parametrize(
    ("persona", "expected"), [(None, 302), ("unverified", 403), ("member", 403), ("org_admin", 403)]
)
def test_who_may_not_ask(request, client_for, solution, referents, persona, expected, mailoutbox):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).post(ask_url(solution), {"subject": "Hei", "message": "Hei"})
    assert response.status_code == expected
    assert not ReferentMessage.objects.exists()
    assert not mailoutbox


def test_rate_limit(
    client_for, asker, kemi, solution, referents, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(asker)
    data = {"organisation": kemi.pk, "subject": "Kysymys", "message": "Hei"}
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(MESSAGES_PER_DAY):
            assert client.post(ask_url(solution), data).status_code == 302
    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(solution), data)
    assert response.status_code == 429
    assert "Please try again tomorrow" in response.content.decode()
    assert len(mailoutbox) == sent
    assert ReferentMessage.objects.filter(sender=asker).count() == MESSAGES_PER_DAY


def test_the_form_keeps_typed_input_on_error(client_for, asker, kemi, solution, referents):
    response = client_for(asker).post(
        ask_url(solution), {"organisation": kemi.pk, "subject": "", "message": "Oma teksti"}
    )
    assert response.status_code == 400
    assert "Oma teksti" in response.content.decode()
