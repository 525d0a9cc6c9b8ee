"""The pages as people use them: privacy, answering together, submitting, publishing, printing,
roadmaps and the national view, with pinned query counts on the lists."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from solutions.community.models import Adoption, AdoptionStatus
from solutions.maturity.models import AssessmentState, RoadmapItem
from solutions.maturity.services import assessments
from solutions.maturity.services.assessments import Given
from tests import factories
from tests.maturity.conftest import draft, finished

pytestmark = pytest.mark.usefixtures("vocabulary")


def _result_url(assessment):
    return reverse("maturity:assessment", args=[assessment.organisation.slug, assessment.pk])


@pytest.mark.parametrize("state", [AssessmentState.DRAFT, AssessmentState.SUBMITTED])
def test_an_unpublished_result_is_hidden_from_outsiders(
    state, organisation, member, outsider_admin, coordinator, client_for
):
    assessment = (
        draft(organisation) if state == AssessmentState.DRAFT else finished(organisation, {}, state=state)
    )
    for user in (None, outsider_admin, coordinator):
        assert client_for(user).get(_result_url(assessment)).status_code == 404
    assert client_for(member).get(_result_url(assessment)).status_code == 200
    # The organisation's list shows outsiders nothing of it either.
    listing = client_for(outsider_admin).get(reverse("maturity:organisation", args=[organisation.slug]))
    assert f"/maturity/{assessment.pk}/" not in listing.content.decode()


def test_a_published_result_shows_chart_table_and_too_few_to_compare(organisation, client_for):
    assessment = finished(organisation, {"sc:P8": 1, "x:data": 3})
    response = client_for(None).get("/en" + _result_url(assessment)[3:])
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html
    assert html.count("too few to compare") == 4
    assert "<caption>Levels by area, with the comparisons</caption>" in html


def test_editors_answer_together_and_a_conflict_keeps_what_was_typed(
    organisation, editor, org_admin, client_for
):
    assessment = draft(organisation)
    url = reverse("maturity:answer", args=[organisation.slug, assessment.pk])
    page = client_for(editor).get(url)
    assert page.status_code == 200
    assert 'name="level_sc-P8"' in page.content.decode()
    # The admin answers P8 after the editor opened the form.
    assessments.save_answers(assessment=assessment, user=org_admin, given={"sc:P8": Given(3)})
    response = client_for(editor).post(
        url, {"level_sc-P8": "1", "seen_sc-P8": "0", "note_sc-P8": "Paperilla", "level_x-data": "2"}
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Joku muu muutti näitä vastauksia" in html
    assert 'name="level_sc-P8" value="1" id="id_level_sc-P8_2" checked' in html
    assert "Paperilla" in html
    assert dict(assessment.answers.values_list("dimension", "level")) == {"sc:P8": 3, "x:data": 2}
    # Saving again replaces the admin's answer knowingly.
    again = client_for(editor).post(
        url, {"level_sc-P8": "1", "seen_sc-P8": "1", "level_x-data": "2", "seen_x-data": "1"}
    )
    assert again.status_code == 302
    assert assessment.answers.get(dimension="sc:P8").level == 1


def test_members_cannot_answer(organisation, member, client_for):
    assessment = draft(organisation)
    url = reverse("maturity:answer", args=[organisation.slug, assessment.pk])
    assert client_for(member).post(url, {"level_sc-P8": "2"}).status_code == 403
    assert not assessment.answers.exists()


def test_submit_then_the_admin_publishes(organisation, editor, org_admin, client_for):
    assessment = draft(organisation, {"sc:P8": 2})
    submit_url = reverse("maturity:confirm_submit", args=[organisation.slug, assessment.pk])
    assert client_for(editor).get(submit_url).status_code == 200
    assert client_for(editor).post(submit_url).status_code == 302
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.SUBMITTED
    publish_url = reverse("maturity:publish", args=[organisation.slug, assessment.pk])
    assert client_for(editor).post(publish_url).status_code == 403
    result = client_for(org_admin).get(_result_url(assessment)).content.decode()
    assert publish_url in result
    assert client_for(org_admin).post(publish_url).status_code == 302
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.PUBLISHED
    assert client_for(None).get(_result_url(assessment)).status_code == 200


def test_the_weak_area_offers_we_use_this_to_members_and_ask_the_users_to_all(
    organisation, member, client_for, vocabulary
):
    solution = factories.SolutionFactory(title="Lupapiste")
    solution.service_classes.add(vocabulary["permits"])
    peer = factories.OrganisationFactory()
    finished(peer, {"sc:P8": 2})
    Adoption.objects.create(organisation=peer, solution=solution, status=AdoptionStatus.IN_USE)
    assessment = finished(organisation, {"sc:P8": 1})
    use_url = reverse("solutions:reuse:adoption", args=[solution.slug, organisation.slug])
    ask_url = reverse("solutions:reuse:ask", args=[solution.slug])
    as_member = client_for(member).get(_result_url(assessment)).content.decode()
    assert use_url in as_member
    assert ask_url in as_member
    as_visitor = client_for(None).get(_result_url(assessment)).content.decode()
    assert use_url not in as_visitor
    assert ask_url in as_visitor


def test_the_printable_page_has_the_figures_and_no_buttons(organisation, org_admin, client_for):
    assessment = finished(organisation, {"sc:P8": 1}, state=AssessmentState.SUBMITTED)
    html = (
        client_for(org_admin)
        .get(reverse("maturity:print", args=[organisation.slug, assessment.pk]))
        .content.decode()
    )
    assert 'class="maturity-print"' in html
    assert "<svg" in html
    assert "Rakentaminen" in html
    assert reverse("maturity:publish", args=[organisation.slug, assessment.pk]) not in html


def test_the_organisation_page_links_to_maturity_and_roadmap(organisation, client_for):
    html = client_for(None).get(organisation.get_absolute_url()).content.decode()
    assert reverse("maturity:organisation", args=[organisation.slug]) in html
    assert reverse("maturity:organisation_roadmap", args=[organisation.slug]) in html


def test_an_editor_adds_a_plan_and_bad_input_keeps_what_was_typed(
    organisation, editor, member, client_for, vocabulary
):
    url = reverse("maturity:organisation_roadmap", args=[organisation.slug])
    data = {
        "title": "Varhaiskasvatushaku verkkoon",
        "life_event": vocabulary["child"].pk,
        "service_class": vocabulary["families"].pk,
        "year": "1800",
        "status": "planned",
        "budget_class": "small",
    }
    bad = client_for(editor).post(url, data)
    assert bad.status_code == 400
    assert 'value="Varhaiskasvatushaku verkkoon"' in bad.content.decode()
    assert client_for(member).post(url, {**data, "year": "2026"}).status_code == 403
    assert client_for(editor).post(url, {**data, "year": "2026"}).status_code == 302
    page = client_for(None).get(url).content.decode()
    assert "Varhaiskasvatushaku verkkoon" in page
    assert "/roadmaps/items/" not in page


def test_a_stale_edit_of_a_plan_shows_both_versions(organisation, editor, org_admin, client_for, vocabulary):
    item = RoadmapItem.objects.create(
        organisation=organisation, life_event=vocabulary["child"], title="Haku", year=2026
    )
    url = reverse("maturity:edit_item", args=[item.pk])
    base = {
        "life_event": vocabulary["child"].pk,
        "year": "2026",
        "status": "planned",
        "budget_class": "unknown",
    }
    assert (
        client_for(org_admin).post(url, {**base, "title": "Haku verkkoon", "version": "1"}).status_code == 302
    )
    stale = client_for(editor).post(url, {**base, "title": "Sähköinen haku", "version": "1"})
    html = stale.content.decode()
    assert stale.status_code == 409
    assert 'value="Sähköinen haku"' in html
    assert "Haku verkkoon" in html
    item.refresh_from_db()
    assert item.title == "Haku verkkoon"


def _plans(count, vocabulary, region):
    for _index in range(count):
        organisation = factories.OrganisationFactory(region=region)
        RoadmapItem.objects.create(
            organisation=organisation,
            life_event=vocabulary["child"],
            service_class=vocabulary["families"],
            title="Haku",
            year=2026,
        )
        solution = factories.SolutionFactory()
        solution.life_events.add(vocabulary["child"])
        Adoption.objects.create(organisation=organisation, solution=solution, status=AdoptionStatus.IN_USE)


@pytest.mark.parametrize("page", ["national", "life_event", "region"])
def test_roadmap_lists_take_the_same_queries_for_two_and_many(
    page, vocabulary, client_for, django_assert_num_queries
):
    region = factories.RegionFactory()
    RoadmapItem.objects.create(
        region=region, life_event=vocabulary["child"], title="Maakunnan haku", year=2027
    )
    url = {
        "national": reverse("maturity:national"),
        "life_event": reverse("maturity:life_event", args=["KE1"]),
        "region": reverse("maturity:region_roadmap", args=[region.code]),
    }[page]
    client = client_for(None)
    _plans(2, vocabulary, region)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _plans(8, vocabulary, region)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    if page != "national":
        assert html.count(">Haku<") == 10
        assert "Maakunnan haku" in html


def test_an_answer_left_as_it_was_shown_does_not_undo_a_newer_one(
    organisation, editor, org_admin, client_for
):
    assessment = draft(organisation)
    assessments.save_answers(assessment=assessment, user=org_admin, given={"sc:P8": Given(2)})
    url = reverse("maturity:answer", args=[organisation.slug, assessment.pk])
    form = client_for(editor).get(url).context["form"]
    shown = {name: form[name].value() for name in ("level_sc-P8", "seen_sc-P8", "shown_sc-P8")}
    # The admin raises P8 to 3 while the editor answers another area only.
    assessments.save_answers(assessment=assessment, user=org_admin, given={"sc:P8": Given(3, seen_version=1)})
    response = client_for(editor).post(url, {**shown, "level_x-data": "2"})
    assert response.status_code == 302
    assert dict(assessment.answers.values_list("dimension", "level")) == {"sc:P8": 3, "x:data": 2}


def test_an_organisations_roadmap_names_others_planning_the_same(
    organisation, other_organisation, vocabulary, client_for, django_assert_num_queries
):
    permits, building = vocabulary["permits"], vocabulary["building"]
    RoadmapItem.objects.create(
        organisation=organisation,
        life_event=vocabulary["home"],
        service_class=permits,
        title="Lupa verkkoon",
        year=2026,
    )
    RoadmapItem.objects.create(
        organisation=other_organisation,
        life_event=vocabulary["home"],
        service_class=building,
        title="Luvat",
        year=2027,
    )
    RoadmapItem.objects.create(
        organisation=other_organisation,
        life_event=vocabulary["home"],
        service_class=vocabulary["families"],
        title="Muu",
        year=2027,
    )
    RoadmapItem.objects.create(
        region=organisation.region, life_event=vocabulary["child"], title="Eri asia", year=2027
    )
    url = reverse("maturity:organisation_roadmap", args=[organisation.slug])
    client = client_for(None)
    html = client.get(url).content.decode()
    assert 'Myös suunnitteilla: <a href="/fi/organisations/salla/roadmap/">Salla</a> (2027)' in html
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _index in range(5):
        RoadmapItem.objects.create(
            organisation=factories.OrganisationFactory(),
            life_event=vocabulary["home"],
            title="Luvat",
            year=2028,
        )
    with django_assert_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count("(2028)") == 5


def test_the_index_lists_each_organisations_latest_published_assessment(organisation, client_for):
    older = finished(organisation, {"sc:P8": 1}, when=timezone.now() - timedelta(days=300))
    newer = finished(organisation, {"sc:P8": 2}, when=timezone.now() - timedelta(days=10))
    finished(organisation, {"sc:P8": 3}, state=AssessmentState.SUBMITTED)
    html = client_for(None).get(reverse("maturity:index")).content.decode()
    assert _result_url(newer) in html
    assert _result_url(older) not in html
