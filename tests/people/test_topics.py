"""Who is behind the work: a person's solutions and accepted answers, and the people of a topic."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from municipalities.models import MembershipRole
from solutions.community.models import Answer, HelpRequest, Referent
from solutions.models import ModerationState
from tests import factories
from tests.conftest import member_of


def accepted_answer(author, organisation, asker_organisation, **request_fields):
    asker = member_of(asker_organisation, MembershipRole.MEMBER)
    help_request = HelpRequest.objects.create(
        author=asker, organisation=asker_organisation, question="Miten?", **request_fields
    )
    answer = Answer.objects.create(
        author=author, organisation=organisation, help_request=help_request, body="Näin."
    )
    help_request.accepted_answer = answer
    help_request.solved_at = timezone.now()
    help_request.save()
    return help_request


@pytest.fixture
def work(expert, organisation, other_organisation, topic):
    """Eero published one solution on the topic, is the contact person of another, and answered."""
    user = expert.user
    published = factories.SolutionFactory(organisation=organisation, created_by=user, title="Salivaraus")
    published.service_classes.add(topic)
    referent_of = factories.SolutionFactory(organisation=organisation, title="Uimahalli", tags=["tilavaraus"])
    Referent.objects.create(user=user, organisation=organisation, solution=referent_of)
    factories.SolutionFactory(
        organisation=organisation,
        created_by=user,
        title="Luonnos",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
    )
    solved = accepted_answer(
        user, organisation, other_organisation, title="Vuorojen jako", service_class=topic
    )
    return published, referent_of, solved


def test_a_profile_shows_the_solutions_and_accepted_answers_behind_the_person(
    client_for, member, expert, work
):
    page = client_for(member).get(expert.get_absolute_url()).content.decode()
    assert "Salivaraus" in page
    assert "published it" in page
    assert "Uimahalli" in page
    assert "contact person" in page
    assert "Luonnos" not in page  # drafts are not shown
    assert "Vuorojen jako" in page
    assert "eero.salainen@kuhmo.example" not in page


def test_a_service_class_page_lists_the_people_of_the_topic(
    client_for, member, expert, work, topic, list_person
):
    listed_only = factories.UserFactory(display_name="Ei Listalla")
    factories.SolutionFactory(created_by=listed_only, title="Toisen ratkaisu").service_classes.add(topic)
    page = client_for(member).get(reverse("people:service_class_topic", args=[topic.code])).content.decode()
    assert "People: Sports" in page
    people_section, behind_section = page.split('id="topic-behind-title"')
    assert "Eero Editori" in people_section
    behind, answers = behind_section.split('id="topic-answers-title"')
    assert "Salivaraus" in behind
    assert "Uimahalli" not in behind
    assert "Vuorojen jako" in answers
    assert "Ei Listalla" not in page  # only people who listed themselves appear


def test_a_keyword_page_lists_the_people_behind_its_solutions(client_for, member, expert, work):
    page = client_for(member).get(reverse("people:tag_topic", args=["tilavaraus"])).content.decode()
    behind = page.split('id="topic-behind-title"')[1].split('id="topic-answers-title"')[0]
    assert "Uimahalli" in behind
    assert "Salivaraus" not in behind


def test_unknown_topics_are_not_found(client_for, member):
    assert client_for(member).get(reverse("people:service_class_topic", args=["X99"])).status_code == 404
    assert client_for(member).get(reverse("people:tag_topic", args=["ei-ole"])).status_code == 404


def _more_people(count, topic, other_organisation):
    for number in range(count):
        organisation = factories.OrganisationFactory()
        person = member_of(organisation, MembershipRole.EDITOR, display_name=f"Tekijä {number}")
        from solutions.people.services import profiles

        profiles.save_profile(
            person, {"service_classes": [topic], "tags": ["tilavaraus"], "languages": ["fi"]}
        )
        factories.SolutionFactory(organisation=organisation, created_by=person).service_classes.add(topic)
        accepted_answer(
            person, organisation, other_organisation, title=f"Kysymys {number}", service_class=topic
        )


@pytest.mark.parametrize("page", ["topic", "profile"])
def test_topic_and_profile_pages_run_the_same_queries_for_few_and_many(
    client_for, member, expert, work, topic, other_organisation, django_assert_num_queries, page
):
    url = (
        reverse("people:service_class_topic", args=[topic.code])
        if page == "topic"
        else expert.get_absolute_url()
    )
    client = client_for(member)
    _more_people(1, topic, other_organisation)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _more_people(6, topic, other_organisation)
    for number in range(6):  # and more of Eero's own work for his profile
        factories.SolutionFactory(created_by=expert.user, tags=["tilavaraus", f"t{number}"])
        accepted_answer(
            expert.user, expert.user.memberships.get().organisation, other_organisation, title=f"E{number}"
        )
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    if page == "topic":
        assert response.content.decode().count('class="card person-card"') == 8
