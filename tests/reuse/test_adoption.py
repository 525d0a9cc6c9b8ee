"""Marking "we use this": who may, one record per organisation and solution, history, savings."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from solutions.community.models import Adoption, AdoptionEvent, AdoptionStatus, Referent
from solutions.models import ModerationState
from tests import factories


def adoption_url(solution, organisation):
    return reverse("solutions:reuse:adoption", args=[solution.slug, organisation.slug])


def form_data(**overrides):
    data = {
        "status": AdoptionStatus.IN_USE,
        "since": "2025-03-01",
        "experience": "Käyttöönotto kesti kaksi viikkoa.",
        "savings_euros_per_year": "12000",
        "savings_hours_per_year": "300",
        "note": "",
    }
    data.update(overrides)
    return data


# Salla (other_organisation) may mark the solution Kuhmo (organisation) publishes; Kuhmo's own people may
# not mark it for Kuhmo, and nobody may mark it for an organisation they do not belong to.
@pytest.mark.parametrize(
    ("persona", "target", "expected"),
    [
        (None, "other_organisation", 302),
        ("unverified", "other_organisation", 403),
        ("member", "other_organisation", 403),
        ("editor", "other_organisation", 403),
        ("org_admin", "other_organisation", 403),
        ("coordinator", "other_organisation", 403),
        ("member", "organisation", 403),
        ("org_admin", "organisation", 403),
        ("outsider_admin", "organisation", 403),
        ("outsider_admin", "other_organisation", 302),
        ("salla_member", "other_organisation", 302),
    ],
)
def test_who_may_mark_use(request, client_for, solution, persona, target, expected):
    user = request.getfixturevalue(persona) if persona else None
    organisation = request.getfixturevalue(target)
    response = client_for(user).post(adoption_url(solution, organisation), form_data())
    assert response.status_code == expected
    saved = Adoption.objects.filter(solution=solution, organisation=organisation).exists()
    assert saved == (expected == 302 and user is not None)


def test_visitor_is_sent_to_log_in(client_for, solution, other_organisation):
    response = client_for(None).get(adoption_url(solution, other_organisation))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_a_member_sees_the_form_with_the_current_values(
    client_for, salla_member, solution, other_organisation, adopt
):
    adopt(other_organisation, solution, status=AdoptionStatus.PILOTING, experience="Kokeilu alkoi syksyllä.")
    response = client_for(salla_member).get(adoption_url(solution, other_organisation))
    assert response.status_code == 200
    assert "Kokeilu alkoi syksyllä." in response.content.decode()


def test_unpublished_solutions_cannot_be_marked(client_for, salla_member, organisation, other_organisation):
    draft = factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.DRAFT, published_at=None
    )
    response = client_for(salla_member).post(adoption_url(draft, other_organisation), form_data())
    assert response.status_code == 404
    assert not Adoption.objects.exists()


def test_one_record_per_organisation_and_solution(
    client_for, salla_member, outsider_admin, solution, other_organisation
):
    client_for(salla_member).post(adoption_url(solution, other_organisation), form_data(status="piloting"))
    client_for(outsider_admin).post(adoption_url(solution, other_organisation), form_data(status="in_use"))
    adoption = Adoption.objects.get(solution=solution, organisation=other_organisation)
    assert adoption.status == AdoptionStatus.IN_USE
    assert adoption.updated_by == outsider_admin


def test_the_database_refuses_a_second_record(solution, other_organisation, adopt):
    adopt(other_organisation, solution)
    with pytest.raises(IntegrityError), transaction.atomic():
        adopt(other_organisation, solution, status=AdoptionStatus.INTERESTED)


def test_history_keeps_every_status_change(client_for, salla_member, solution, other_organisation):
    client = client_for(salla_member)
    url = adoption_url(solution, other_organisation)
    client.post(url, form_data(status="interested"))
    client.post(url, form_data(status="piloting", note="Kokeilu Kainuun kanssa"))
    client.post(url, form_data(status="piloting", experience="Korjattu teksti"))
    client.post(url, form_data(status="in_use"))
    events = list(AdoptionEvent.objects.filter(adoption__solution=solution).order_by("changed_at", "pk"))
    assert [event.status for event in events] == ["interested", "piloting", "in_use"]
    assert events[1].note == "Kokeilu Kainuun kanssa"
    assert {event.changed_by for event in events} == {salla_member}


def test_history_shows_on_the_form(client_for, salla_member, solution, other_organisation):
    client = client_for(salla_member)
    url = adoption_url(solution, other_organisation)
    client.post(url, form_data(status="interested", note="Selvitämme"))
    page = client.get(url).content.decode()
    assert "Selvitämme" in page


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("savings_euros_per_year", "-5"),
        ("savings_euros_per_year", "paljon"),
        ("savings_euros_per_year", "1000000000"),
        ("savings_hours_per_year", "-1"),
        ("savings_hours_per_year", "1.5"),
        ("savings_hours_per_year", "99999999"),
        ("status", "adopted"),
        ("since", (date.today() + timedelta(days=30)).isoformat()),
    ],
)
def test_invalid_values_are_refused_and_typed_input_kept(
    client_for, salla_member, solution, other_organisation, field, value
):
    data = form_data(**{field: value}, experience="Tämä teksti säilyy virheestä huolimatta.")
    response = client_for(salla_member).post(adoption_url(solution, other_organisation), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tämä teksti säilyy virheestä huolimatta." in page
    assert 'aria-invalid="true"' in page
    assert not Adoption.objects.exists()


def test_savings_are_optional(client_for, salla_member, solution, other_organisation):
    data = form_data(savings_euros_per_year="", savings_hours_per_year="", since="")
    response = client_for(salla_member).post(adoption_url(solution, other_organisation), data)
    assert response.status_code == 302
    adoption = Adoption.objects.get()
    assert (adoption.savings_euros_per_year, adoption.savings_hours_per_year, adoption.since) == (
        None,
        None,
        None,
    )


def test_stopping_ends_the_organisations_contact_persons(
    client_for, salla_member, solution, other_organisation, adopt
):
    adopt(other_organisation, solution)
    Referent.objects.create(user=salla_member, organisation=other_organisation, solution=solution)
    client_for(salla_member).post(adoption_url(solution, other_organisation), form_data(status="stopped"))
    assert not Referent.objects.filter(solution=solution).exists()


def test_the_status_choice_offers_only_real_statuses(client_for, salla_member, solution, other_organisation):
    html = client_for(salla_member).get(adoption_url(solution, other_organisation)).content.decode()
    assert 'name="status" value=""' not in html
    assert "---------" not in html
    assert 'name="status" value="in_use"' in html
