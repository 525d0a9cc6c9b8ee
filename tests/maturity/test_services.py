"""Starting, answering, submitting and publishing an assessment; adding and editing roadmap items."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kuntajako.events.models import Event
from municipalities.accounts.export import export_user_data
from solutions.maturity.models import Assessment, AssessmentState, RoadmapItem, RoadmapStatus
from solutions.maturity.services import assessments, roadmaps
from solutions.maturity.services.assessments import Given
from tests import factories
from tests.maturity.conftest import finished

pytestmark = pytest.mark.usefixtures("vocabulary")


def test_a_new_draft_starts_from_the_last_assessment_and_there_is_only_one(organisation, editor, org_admin):
    finished(organisation, {"sc:P8": 2, "x:data": 1})
    first = assessments.start(organisation=organisation, user=editor)
    again = assessments.start(organisation=organisation, user=org_admin)
    assert first.pk == again.pk
    assert dict(first.answers.values_list("dimension", "level")) == {"sc:P8": 2, "x:data": 1}
    assert Event.objects.filter(name="maturity.assessment_started").count() == 1


def test_members_and_outsiders_cannot_start(organisation, member, outsider_admin):
    for user in (member, outsider_admin):
        with pytest.raises(PermissionDenied):
            assessments.start(organisation=organisation, user=user)
    assert not Assessment.objects.exists()


def test_two_editors_contribute_and_each_answer_keeps_its_author(organisation, editor, org_admin):
    draft = assessments.start(organisation=organisation, user=editor)
    assessments.save_answers(assessment=draft, user=editor, given={"sc:P8": Given(3, "Lupapiste käytössä")})
    assessments.save_answers(assessment=draft, user=org_admin, given={"x:leadership": Given(2)})
    answers = {answer.dimension: answer for answer in draft.answers.all()}
    assert (answers["sc:P8"].level, answers["sc:P8"].answered_by) == (3, editor)
    assert (answers["x:leadership"].level, answers["x:leadership"].answered_by) == (2, org_admin)


def test_a_later_save_does_not_overwrite_an_answer_changed_meanwhile(organisation, editor, org_admin):
    draft = assessments.start(organisation=organisation, user=editor)
    # Both load the form while P8 is unanswered; the admin saves first.
    assessments.save_answers(assessment=draft, user=org_admin, given={"sc:P8": Given(3)})
    conflicts = assessments.save_answers(
        assessment=draft, user=editor, given={"sc:P8": Given(1, seen_version=0), "le:KE1": Given(2)}
    )
    assert [conflict.dimension for conflict in conflicts] == ["sc:P8"]
    assert dict(draft.answers.values_list("dimension", "level")) == {"sc:P8": 3, "le:KE1": 2}
    # Having seen the admin's answer (version 1), the editor may replace it on purpose.
    assert not assessments.save_answers(
        assessment=draft, user=editor, given={"sc:P8": Given(1, seen_version=1)}
    )
    assert draft.answers.get(dimension="sc:P8").level == 1


def test_unknown_dimensions_and_levels_are_refused(organisation, editor):
    draft = assessments.start(organisation=organisation, user=editor)
    for given in ({"sc:P99": Given(2)}, {"sc:P8": Given(5)}, {"sc:P8.3": Given(2)}):
        with pytest.raises(ValidationError):
            assessments.save_answers(assessment=draft, user=editor, given=given)
    assert not draft.answers.exists()


def test_submit_dates_and_freezes_then_only_the_admin_publishes(organisation, editor, org_admin):
    draft = assessments.start(organisation=organisation, user=editor)
    with pytest.raises(ValidationError):
        assessments.submit(assessment=draft, user=editor)
    assessments.save_answers(assessment=draft, user=editor, given={"sc:P8": Given(2)})
    submitted = assessments.submit(assessment=draft, user=editor)
    assert submitted.state == AssessmentState.SUBMITTED
    assert submitted.submitted_at is not None
    assert submitted.submitted_by == editor
    with pytest.raises(PermissionDenied):
        assessments.save_answers(assessment=submitted, user=editor, given={"sc:P8": Given(4, seen_version=1)})
    with pytest.raises(PermissionDenied):
        assessments.publish(assessment=submitted, user=editor)
    published = assessments.publish(assessment=submitted, user=org_admin)
    assert published.state == AssessmentState.PUBLISHED
    assert published.published_by == org_admin
    assert Event.objects.filter(name="maturity.assessment_published", object_id=published.pk).exists()


def _data(vocabulary, **extra):
    return {
        "life_event": vocabulary["child"],
        "service_class": vocabulary["families"],
        "title": "Varhaiskasvatushaku verkkoon",
        "description": "",
        "year": 2026,
        "quarter": 2,
        "status": RoadmapStatus.PLANNED,
        "budget_class": "small",
        **extra,
    }


def test_roadmap_items_are_added_edited_and_a_stale_edit_is_refused(
    organisation, editor, org_admin, vocabulary
):
    item = roadmaps.add_item(owner=organisation, user=editor, data=_data(vocabulary))
    roadmaps.update_item(
        item=item, user=org_admin, data=_data(vocabulary, status="in_progress"), seen_version=1
    )
    with pytest.raises(roadmaps.StaleEdit) as stale:
        roadmaps.update_item(item=item, user=editor, data=_data(vocabulary, year=2030), seen_version=1)
    assert stale.value.current.status == "in_progress"
    item.refresh_from_db()
    assert (item.year, item.status, item.version) == (2026, "in_progress", 2)


def test_outsiders_cannot_touch_a_roadmap(organisation, editor, outsider_admin, member, vocabulary):
    with pytest.raises(PermissionDenied):
        roadmaps.add_item(owner=organisation, user=member, data=_data(vocabulary))
    item = roadmaps.add_item(owner=organisation, user=editor, data=_data(vocabulary))
    with pytest.raises(PermissionDenied):
        roadmaps.remove_item(item=item, user=outsider_admin)
    roadmaps.remove_item(item=item, user=editor)
    assert not RoadmapItem.objects.exists()


def test_a_region_roadmap_item_belongs_to_the_region(organisation, coordinator, vocabulary):
    item = roadmaps.add_item(owner=organisation.region, user=coordinator, data=_data(vocabulary))
    assert (item.region, item.organisation) == (organisation.region, None)


def test_the_admin_shows_assessments_and_plans_but_changes_nothing(
    organisation, editor, client_for, vocabulary
):
    superuser = factories.UserFactory(is_staff=True, is_superuser=True, email_confirmed_at=timezone.now())
    assessment = finished(organisation, {"sc:P8": 2})
    item = roadmaps.add_item(owner=organisation, user=editor, data=_data(vocabulary))
    client = client_for(superuser)
    for url in (
        "/admin/maturity/assessment/",
        f"/admin/maturity/assessment/{assessment.pk}/change/",
        f"/admin/maturity/roadmapitem/{item.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url
    client.post(f"/admin/maturity/roadmapitem/{item.pk}/change/", {"title": "Muutettu", "year": 2030})
    item.refresh_from_db()
    assert item.title == "Varhaiskasvatushaku verkkoon"
    assert client.get("/admin/maturity/assessment/add/").status_code == 403


def test_a_persons_answers_and_plans_are_in_their_data_export(organisation, editor, vocabulary):
    draft = assessments.start(organisation=organisation, user=editor)
    assessments.save_answers(assessment=draft, user=editor, given={"sc:P8": Given(3, "Lupapiste")})
    roadmaps.add_item(owner=organisation, user=editor, data=_data(vocabulary))
    document = export_user_data(editor)
    assert [
        (answer["dimension"], answer["level"], answer["note"]) for answer in document["maturity_answers"]
    ] == [("sc:P8", 3, "Lupapiste")]
    assert [item["title"] for item in document["roadmap_items"]] == ["Varhaiskasvatushaku verkkoon"]
