"""Asking peers: the ask form with its preview, answers that link solutions, accepting, the list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from municipalities.models import OrganisationKind
from solutions.community.models import Answer, HelpRequest, PostState
from tests import factories
from tests.checks import validate_html
from tests.discussion.helpers import PERSONAS, minutes_ago, new_member, trust

pytestmark = pytest.mark.django_db

ASK = {
    "title": "Miten varaatte koulujen tiloja verkossa?",
    "question": "Meillä varaukset tehdään **sähköpostilla**.",
}


def ask_help(organisation, author=None, **fields):
    author = author or trust(new_member(organisation))
    fields.setdefault("title", "Miten hoidatte kirjaston varaukset?")
    fields.setdefault("question", "Etsimme järjestelmää.")
    fields.setdefault("state", PostState.PUBLISHED)
    return HelpRequest.objects.create(author=author, organisation=organisation, **fields)


def answer_to(help_request, author, body="Käytämme avointa järjestelmää.", **fields):
    fields.setdefault("state", PostState.PUBLISHED)
    organisation = fields.pop("organisation", None) or author.memberships.first().organisation
    return Answer.objects.create(
        help_request=help_request, author=author, organisation=organisation, body=body, **fields
    )


class TestAsking:
    @pytest.mark.parametrize("persona", PERSONAS)
    def test_who_may_ask(self, request, client_for, persona):
        user = request.getfixturevalue(persona)
        if user.memberships.exists():
            trust(user)
        organisation = user.memberships.first().organisation if user.memberships.exists() else None
        response = client_for(user).post(
            reverse("solutions:help:ask"),
            {**ASK, "action": "publish", "organisation": getattr(organisation, "pk", "")},
        )
        if persona == "unverified":
            assert response.status_code == 403
            assert not HelpRequest.objects.exists()
        else:
            assert response.status_code == 302
            assert HelpRequest.objects.get().organisation == organisation

    def test_visitor_logs_in_first(self, client):
        assert client.get(reverse("solutions:help:ask")).status_code == 302

    def test_preview_shows_the_rendered_question_and_what_may_already_help(
        self, client_for, trusted, organisation
    ):
        factories.SolutionFactory(title="Koulujen tilavaraus verkossa", slug="tilavaraus")
        solved = ask_help(organisation, title="Tilojen varaus kouluissa")
        solved.accepted_answer = answer_to(solved, trusted)
        solved.save()
        response = client_for(trusted).post(
            reverse("solutions:help:ask"), {**ASK, "organisation": organisation.pk}
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert "<strong>sähköpostilla</strong>" in page
        assert "Koulujen tilavaraus verkossa" in page
        assert "Tilojen varaus kouluissa" in page
        assert 'value="publish"' in page
        assert ASK["title"] in page  # The form is still filled in.
        assert HelpRequest.objects.count() == 1  # Only the solved one; nothing published yet.

    def test_publishing_saves_tags_and_service_class(self, client_for, trusted, organisation):
        service_class = factories.ServiceClassFactory()
        response = client_for(trusted).post(
            reverse("solutions:help:ask"),
            {
                **ASK,
                "action": "publish",
                "organisation": organisation.pk,
                "tags": "tilavaraus, koulut",
                "service_class": service_class.pk,
            },
        )
        help_request = HelpRequest.objects.get()
        assert response["Location"] == help_request.get_absolute_url()
        assert sorted(help_request.tags.names()) == ["koulut", "tilavaraus"]
        assert help_request.service_class == service_class

    def test_asking_for_someone_elses_organisation_is_refused(self, client_for, trusted, other_organisation):
        response = client_for(trusted).post(
            reverse("solutions:help:ask"), {**ASK, "action": "publish", "organisation": other_organisation.pk}
        )
        assert response.status_code == 400
        assert not HelpRequest.objects.exists()

    def test_three_requests_an_hour(self, client_for, trusted, organisation):
        for number in range(3):
            ask_help(organisation, trusted, title=f"Kysymys {number}")
        response = client_for(trusted).post(
            reverse("solutions:help:ask"), {**ASK, "action": "publish", "organisation": organisation.pk}
        )
        assert response.status_code == 429
        assert ASK["title"] in response.content.decode()
        HelpRequest.objects.update(created_at=minutes_ago(61))
        response = client_for(trusted).post(
            reverse("solutions:help:ask"), {**ASK, "action": "publish", "organisation": organisation.pk}
        )
        assert response.status_code == 302

    def test_first_request_of_a_new_account_waits(self, client, client_for, organisation):
        newcomer = new_member(organisation)
        client_for(newcomer).post(
            reverse("solutions:help:ask"), {**ASK, "action": "publish", "organisation": organisation.pk}
        )
        help_request = HelpRequest.objects.get()
        assert help_request.state == PostState.HELD
        assert client.get(help_request.get_absolute_url()).status_code == 404
        assert (
            "Waiting for moderation"
            in client_for(newcomer).get(help_request.get_absolute_url()).content.decode()
        )
        assert ASK["title"] not in client.get(reverse("solutions:help:list")).content.decode()


def test_suggestions_fragment(client, organisation):
    factories.SolutionFactory(title="Kirjaston tilavarausjärjestelmä", slug="kirjasto")
    factories.SolutionFactory(title="Luonnos", slug="luonnos", moderation_state="draft", published_at=None)
    response = client.get(reverse("solutions:help:suggest"), {"title": "kirjaston tilavaraus luonnos"})
    page = response.content.decode()
    assert "Kirjaston tilavarausjärjestelmä" in page
    assert "Luonnos" not in page
    assert "<html" not in page
    assert (
        "Nothing matching"
        in client.get(reverse("solutions:help:suggest"), {"title": "xyzzyq"}).content.decode()
    )


class TestAnswering:
    @pytest.mark.parametrize("persona", PERSONAS)
    def test_who_may_answer(self, request, client_for, other_organisation, persona):
        help_request = ask_help(other_organisation)
        user = request.getfixturevalue(persona)
        organisation = user.memberships.first().organisation if user.memberships.exists() else None
        response = client_for(user).post(
            reverse("solutions:help:answer", args=[help_request.pk]),
            {"body": "Meillä on tähän ratkaisu.", "organisation": getattr(organisation, "pk", "")},
        )
        if persona == "unverified":
            assert response.status_code == 403
        else:
            assert response.status_code == 302
            assert Answer.objects.get().author == user

    def test_the_asker_does_not_answer_their_own_request(self, client_for, trusted, organisation):
        help_request = ask_help(organisation, trusted)
        response = client_for(trusted).post(
            reverse("solutions:help:answer", args=[help_request.pk]),
            {"body": "Itse", "organisation": organisation.pk},
        )
        assert response.status_code == 403

    def test_answer_errors_keep_the_text(self, client_for, outsider_admin, organisation):
        help_request = ask_help(organisation)
        response = client_for(outsider_admin).post(
            reverse("solutions:help:answer", args=[help_request.pk]),
            {
                "body": "Tämä jää",
                "solutions": ["999999"],
                "organisation": outsider_admin.memberships.get().organisation_id,
            },
        )
        assert response.status_code == 400
        assert "Tämä jää" in response.content.decode()

    def test_answer_rate_limit(self, client_for, outsider_admin, organisation):
        trust(outsider_admin)
        help_request = ask_help(organisation)
        for _ in range(10):
            answer_to(help_request, outsider_admin)
        response = client_for(outsider_admin).post(
            reverse("solutions:help:answer", args=[help_request.pk]),
            {"body": "Yksi liikaa", "organisation": outsider_admin.memberships.get().organisation_id},
        )
        assert response.status_code == 429
        assert "Yksi liikaa" in response.content.decode()


def test_answered_with_a_solution_suggested_and_accepted(
    client, client_for, member, editor, outsider_admin, organisation
):
    trust(outsider_admin)
    help_request = ask_help(organisation, trust(member))
    linked = factories.SolutionFactory(title="Sallan tilavaraus", slug="sallan-tilavaraus")
    helper = client_for(outsider_admin)
    helper.post(
        reverse("solutions:help:answer", args=[help_request.pk]),
        {"body": "Ensimmäinen vastaus.", "organisation": outsider_admin.memberships.get().organisation_id},
    )
    helper.post(
        reverse("solutions:help:answer", args=[help_request.pk]),
        {
            "body": "Katso tämä ratkaisu.",
            "solutions": [linked.pk],
            "organisation": outsider_admin.memberships.get().organisation_id,
        },
    )
    best = Answer.objects.get(body="Katso tämä ratkaisu.")
    solution_page = client.get(linked.get_absolute_url()).content.decode()
    assert "Suggested in answers" in solution_page
    assert help_request.title in solution_page

    accept_url = reverse("solutions:help:accept", args=[help_request.pk])
    assert helper.post(accept_url, {"answer": best.pk}).status_code == 403
    assert (
        client_for(editor).post(accept_url, {"answer": best.pk}).status_code == 302
    )  # A colleague of the asker.
    help_request.refresh_from_db()
    assert help_request.accepted_answer == best
    page = client.get(help_request.get_absolute_url()).content.decode()
    assert "Solved" in page
    assert page.index("Katso tämä ratkaisu.") < page.index("Ensimmäinen vastaus.")
    listing = client.get(reverse("solutions:help:list"), {"status": "solved"}).content.decode()
    assert help_request.title in listing


@pytest.mark.parametrize("persona", ["unverified", "outsider_admin", "coordinator"])
def test_only_the_asking_organisation_accepts(request, client_for, organisation, persona):
    help_request = ask_help(organisation)
    answer = answer_to(help_request, trust(new_member(factories.OrganisationFactory())))
    user = request.getfixturevalue(persona)
    response = client_for(user).post(
        reverse("solutions:help:accept", args=[help_request.pk]), {"answer": answer.pk}
    )
    assert response.status_code == 403
    help_request.refresh_from_db()
    assert help_request.accepted_answer is None


class TestList:
    @pytest.fixture
    def requests(self, other_organisation):
        small = factories.OrganisationFactory(name_fi="Pelkosenniemi", population=900)
        city = factories.OrganisationFactory(name_fi="Tampere", population=250_000)
        answerer = trust(new_member(other_organisation))
        service_class = factories.ServiceClassFactory(code="P1")
        unanswered = ask_help(small, title="Pieni kysyy", service_class=service_class)
        unanswered.tags.add("kirjasto")
        answered = ask_help(city, title="Iso kysyy")
        answer_to(answered, answerer)
        solved = ask_help(city, title="Ratkaistu kysymys")
        solved.accepted_answer = answer_to(solved, answerer)
        solved.save()
        return {"small": small, "city": city, "service_class": service_class}

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({}, ["Iso kysyy", "Pieni kysyy", "Ratkaistu kysymys"]),
            ({"status": "open"}, ["Iso kysyy", "Pieni kysyy"]),
            ({"status": "unanswered"}, ["Pieni kysyy"]),
            ({"status": "solved"}, ["Ratkaistu kysymys"]),
            ({"tag": "kirjasto"}, ["Pieni kysyy"]),
            ({"service_class": "P1"}, ["Pieni kysyy"]),
            ({"size": "small"}, ["Pieni kysyy"]),
            ({"size": "city"}, ["Iso kysyy", "Ratkaistu kysymys"]),
        ],
    )
    def test_filters(self, client, requests, params, expected):
        page = client.get(reverse("solutions:help:list"), params).content.decode()
        shown = sorted(title for title in ["Iso kysyy", "Pieni kysyy", "Ratkaistu kysymys"] if title in page)
        assert shown == expected

    def test_region_filter(self, client, requests):
        region = requests["small"].region
        page = client.get(reverse("solutions:help:list"), {"region": region.code}).content.decode()
        assert "Pieni kysyy" in page
        assert "Iso kysyy" not in page

    def test_query_count_does_not_grow(self, client, requests, organisation):
        def queries():
            with CaptureQueriesContext(connection) as context:
                assert client.get(reverse("solutions:help:list")).status_code == 200
            return len(context)

        small = queries()
        for number in range(15):
            ask_help(organisation, title=f"Lisäkysymys {number}").tags.add(f"aihe{number}")
        assert queries() == small


def test_home_shows_unanswered_requests_of_small_municipalities_first(client):
    populations = [40_000, 1_200, 9_000, 600, 150_000, 3_000]
    for population in populations:
        organisation = factories.OrganisationFactory(population=population, name_fi=f"Kunta {population}")
        ask_help(organisation, title=f"Kysymys {population}")
    coordinating = factories.OrganisationFactory(
        kind=OrganisationKind.COORDINATOR, population=None, code=None
    )
    ask_help(coordinating, title="Kysymys koordinaattorilta")
    page = client.get(reverse("solutions:home")).content.decode()
    positions = [page.find(f"Kysymys {population}") for population in sorted(populations)]
    assert -1 not in positions[:5]
    assert positions[:5] == sorted(positions[:5])
    assert "Kysymys 150000" not in page  # Five at most.


def test_pages_are_valid_html(client, client_for, trusted, outsider_admin, organisation):
    trust(outsider_admin)
    help_request = ask_help(
        organisation, trusted, question="# Otsikko\n\nTeksti ja [linkki](https://example.fi)."
    )
    help_request.tags.add("kirjasto")
    answer = answer_to(help_request, outsider_admin)
    answer.solutions.add(factories.SolutionFactory())
    ask_page = client_for(trusted).post(
        reverse("solutions:help:ask"), {**ASK, "organisation": organisation.pk}
    )
    documents = {
        "list": client.get(reverse("solutions:help:list")).content.decode(),
        "detail as asker": client_for(trusted).get(help_request.get_absolute_url()).content.decode(),
        "detail as answerer": client_for(outsider_admin)
        .get(help_request.get_absolute_url())
        .content.decode(),
        "detail as visitor": client.get(help_request.get_absolute_url()).content.decode(),
        "ask": client_for(trusted).get(reverse("solutions:help:ask")).content.decode(),
        "preview": ask_page.content.decode(),
        "home": client.get(reverse("solutions:home")).content.decode(),
    }
    assert validate_html(documents) == []
