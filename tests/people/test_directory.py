"""The directory list: its filters, and a fixed number of queries however many people it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from municipalities.models import MembershipRole
from tests import factories
from tests.conftest import member_of


@pytest.fixture
def lapland(db):
    return factories.RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")


@pytest.fixture
def people(list_person, topic, expert, lapland, other_organisation):
    """Eero (Kuhmo; topic, tilavaraus, fi+sv) and Sanna (Salla in Lapland; a sub-topic, en)."""
    other_organisation.region = lapland
    other_organisation.save()
    sub_topic = factories.ServiceClassFactory(code="P10.1", parent=topic, name_en="Sports halls")
    sanna = member_of(other_organisation, MembershipRole.MEMBER, display_name="Sanna Sallasta")
    list_person(sanna, service_classes=[sub_topic], tags=["avoin data"], languages=["en"])
    return expert, sanna


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("", ["Eero Editori", "Sanna Sallasta"], []),
        ("?topic=P10", ["Eero Editori", "Sanna Sallasta"], []),  # a class includes its sub-classes
        ("?tag=tilavaraus", ["Eero Editori"], ["Sanna Sallasta"]),
        ("?tag=avoin-data", ["Sanna Sallasta"], ["Eero Editori"]),
        ("?language=sv", ["Eero Editori"], ["Sanna Sallasta"]),
        ("?language=en", ["Sanna Sallasta"], ["Eero Editori"]),
        ("?organisation=salla", ["Sanna Sallasta"], ["Eero Editori"]),
        ("?organisation=kuhmo", ["Eero Editori"], ["Sanna Sallasta"]),
        ("?region=19", ["Sanna Sallasta"], ["Eero Editori"]),
        ("?language=de", [], ["Eero Editori", "Sanna Sallasta"]),
    ],
)
def test_filters(client_for, member, people, query, shown, hidden):
    response = client_for(member).get(reverse("people:directory") + query)
    assert response.status_code == 200
    results = (
        response.content.decode().split('id="people-results-title"')[1].split('id="people-topics-title"')[0]
    )
    for name in shown:
        assert name in results, (query, name)
    for name in hidden:
        assert name not in results, (query, name)


def test_a_card_shows_organisation_region_languages_and_topics_but_never_the_address(
    client_for, member, people
):
    page = client_for(member).get(reverse("people:directory")).content.decode()
    assert "Salla (Lapland)" in page
    assert "Languages: Finnish, Swedish" in page
    assert reverse("people:tag_topic", args=["tilavaraus"]) in page
    assert reverse("people:service_class_topic", args=["P10"]) in page
    assert "eero.salainen@kuhmo.example" not in page


def _listed_people(count, list_person, topic):
    for number in range(count):
        organisation = factories.OrganisationFactory()
        person = member_of(organisation, MembershipRole.MEMBER, display_name=f"Henkilö {number}")
        factories.MembershipFactory(user=person, organisation=factories.OrganisationFactory())
        list_person(
            person, service_classes=[topic], tags=[f"aihe {number}", "yhteinen"], languages=["fi", "sv"]
        )


def test_the_directory_runs_the_same_queries_for_two_people_and_for_many(
    client_for, member, list_person, topic, django_assert_num_queries
):
    client = client_for(member)
    url = reverse("people:directory")
    _listed_people(2, list_person, topic)
    client.get(url)  # warm the session and the per-request caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _listed_people(15, list_person, topic)
    with django_assert_num_queries(len(few)):
        page = client.get(url).content.decode()
    assert page.count('class="card person-card"') == 17
