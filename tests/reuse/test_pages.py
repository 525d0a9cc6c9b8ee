"""Reuse on the pages: the solution page's groups, cards, sorting, the "like mine" filter, the
organisation's balance, fixed query counts and valid HTML."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from municipalities.accounts.export import export_user_data
from municipalities.models import MembershipRole
from solutions.community.models import AdoptionEvent, AdoptionStatus, Referent, ReferentMessage
from tests import factories
from tests.checks import validate_html
from tests.conftest import member_of

LIST = "/en/solutions/"


@pytest.fixture
def regions():
    return {
        "kainuu": factories.RegionFactory(code="18", name_en="Kainuu", name_fi="Kainuu"),
        "lappi": factories.RegionFactory(code="19", name_en="Lapland", name_fi="Lappi"),
    }


@pytest.fixture
def users_of_solution(solution, adopt, make_organisation, regions):
    """Organisations in two regions using `solution` in every status."""
    orgs = {
        "Suomussalmi": make_organisation("Suomussalmi", regions["kainuu"], 7_600),
        "Puolanka": make_organisation("Puolanka", regions["kainuu"], 2_500),
        "Rovaniemi": make_organisation("Rovaniemi", regions["lappi"], 65_000),
        "Kemijärvi": make_organisation("Kemijärvi", regions["lappi"], 7_000),
        "Sotkamo": make_organisation("Sotkamo", regions["kainuu"], 10_000),
        "Posio": make_organisation("Posio", regions["lappi"], 3_000),
    }
    adopt(orgs["Suomussalmi"], solution, since=date(2024, 5, 2), experience="Toimii hyvin.",
          savings_euros_per_year=Decimal("5000"), savings_hours_per_year=120)  # fmt: skip
    adopt(orgs["Rovaniemi"], solution, savings_euros_per_year=Decimal("20000"))
    adopt(orgs["Puolanka"], solution, status=AdoptionStatus.PILOTING)
    adopt(orgs["Kemijärvi"], solution, status=AdoptionStatus.INTERESTED)
    adopt(orgs["Sotkamo"], solution, status=AdoptionStatus.STOPPED, experience="Liian raskas meille.")
    return orgs


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_solution_page_groups_by_status_then_region(client, solution, users_of_solution):
    page = text_of(client.get(solution.get_absolute_url()).content.decode())
    order = [
        "In use (2)", "Kainuu", "Suomussalmi", "since", "Toimii hyvin.", "5,000 € a year",
        "120 working hours a year", "Lapland", "Rovaniemi", "20,000 € a year",
        "Piloting (1)", "Kainuu", "Puolanka",
        "Interested (1)", "Lapland", "Kemijärvi",
        "1 organisation has stopped using it", "Sotkamo", "Liian raskas meille.",
    ]  # fmt: skip
    position = 0
    for text in order:
        found = page.find(text, position)
        assert found >= 0, f"{text!r} not found after position {position}"
        position = found + len(text)
    assert "Posio" not in page
    assert 'datetime="2024-05-02"' in client.get(solution.get_absolute_url()).content.decode()


def test_solution_page_without_users(client, solution):
    page = client.get(solution.get_absolute_url()).content.decode()
    assert "No other organisation has said it uses this solution yet." in page


def test_members_get_the_we_use_this_link_and_the_publisher_does_not(
    client_for, solution, salla_member, member
):
    mark_url = reverse("solutions:reuse:adoption", args=[solution.slug, "salla"])
    assert mark_url in client_for(salla_member).get(solution.get_absolute_url()).content.decode()
    publisher_page = client_for(member).get(solution.get_absolute_url()).content.decode()
    assert "/use/" not in publisher_page
    assert "Volunteer as a contact person of Kuhmo" in publisher_page


def test_cards_show_the_reuse_count(client, solution, users_of_solution):
    page = text_of(client.get(LIST).content.decode())
    # In use and piloting count; interested and stopped do not.
    assert "Used by 3 other organisations" in page


def test_sort_by_most_reused(client, organisation, adopt, make_organisation):
    little, much, none = (
        factories.SolutionFactory(organisation=organisation, title=title)
        for title in ("Vähän käytetty", "Paljon käytetty", "Käyttämätön")
    )
    users = [make_organisation(f"Käyttäjä {index}") for index in range(3)]
    for user in users:
        adopt(user, much)
    adopt(users[0], little, status=AdoptionStatus.PILOTING)
    adopt(users[1], little, status=AdoptionStatus.INTERESTED)
    adopt(users[2], none, status=AdoptionStatus.STOPPED)
    page = client.get(LIST, {"sort": "reuse"}).content.decode()
    titles = re.findall(r'class="card-title"[^>]*><a [^>]*>([^<]+)</a>', page)
    assert titles == ["Paljon käytetty", "Vähän käytetty", "Käyttämätön"]
    assert "Most reused" in page


def test_relevance_rewards_reuse(client, organisation, adopt, make_organisation):
    plain = factories.SolutionFactory(
        organisation=organisation, title="Lumiaura A", summary="Aurausreitit kartalla."
    )
    reused = factories.SolutionFactory(
        organisation=organisation, title="Lumiaura B", summary="Aurausreitit kartalla."
    )
    for index in range(3):
        adopt(make_organisation(f"Käyttäjä {index}"), reused)
    page = client.get(LIST, {"q": "aurausreitit"}).content.decode()
    titles = re.findall(r'class="card-title"[^>]*><a [^>]*>(.+?)</a>', page)
    assert [re.sub("<[^>]+>", "", title) for title in titles] == [reused.title, plain.title]


@pytest.fixture
def like_mine_catalogue(organisation, adopt, make_organisation, regions):
    in_kainuu = factories.SolutionFactory(organisation=organisation, title="Kainuussa käytössä")
    big_city = factories.SolutionFactory(organisation=organisation, title="Suurkaupungissa käytössä")
    only_interest = factories.SolutionFactory(organisation=organisation, title="Vain kiinnostusta")
    adopt(make_organisation("Paltamo", regions["kainuu"], 3_200), in_kainuu)
    adopt(make_organisation("Oulu", regions["lappi"], 215_000), big_city, status=AdoptionStatus.PILOTING)
    adopt(
        make_organisation("Hyrynsalmi", regions["kainuu"], 2_100),
        only_interest,
        status=AdoptionStatus.INTERESTED,
    )
    return in_kainuu, big_city, only_interest


def card_titles(response):
    return re.findall(r'class="card-title"[^>]*><a [^>]*>([^<]+)</a>', response.content.decode())


def test_visitor_filters_by_region_of_users(client, like_mine_catalogue):
    assert card_titles(client.get(LIST, {"used_in_region": "18"})) == ["Kainuussa käytössä"]


def test_visitor_filters_by_size_of_users(client, like_mine_catalogue):
    assert card_titles(client.get(LIST, {"used_by_size": "city"})) == ["Suurkaupungissa käytössä"]
    assert card_titles(client.get(LIST, {"used_by_size": "small"})) == ["Kainuussa käytössä"]
    assert card_titles(client.get(LIST, {"used_by_size": "huge"})) == []


def test_visitor_sees_every_region_and_size_as_options(client, like_mine_catalogue):
    page = client.get(LIST).content.decode()
    assert 'name="used_in_region" value="18"' in page
    assert 'name="used_in_region" value="19"' in page
    assert 'name="used_by_size" value="city"' in page


def test_member_options_refer_to_their_organisation(
    client_for, like_mine_catalogue, regions, make_organisation
):
    kajaani = make_organisation("Kajaani", regions["kainuu"], 4_500)
    user = member_of(kajaani, MembershipRole.MEMBER)
    page = text_of(client_for(user).get(LIST).content.decode())
    assert "Kainuu (region of Kajaani)" in page
    assert "Under 5,000 inhabitants (like Kajaani)" in page
    assert "Lapland" not in page
    assert "Over 100,000 inhabitants" not in page


def test_organisation_page_shows_the_balance(
    client, solution, organisation, users_of_solution, adopt, make_organisation
):
    # Kuhmo (the publisher of `solution`) also uses two solutions of others and reports savings on one.
    other = make_organisation("Kajaani")
    used = factories.SolutionFactory(organisation=other, title="Kajaanin ratkaisu")
    tried = factories.SolutionFactory(organisation=other, title="Kajaanin kokeilu")
    adopt(organisation, used, savings_euros_per_year=Decimal("1500.40"), savings_hours_per_year=40)
    adopt(organisation, tried, status=AdoptionStatus.PILOTING)
    page = text_of(client.get(organisation.get_absolute_url()).content.decode())
    assert "Organisations using its solutions 3" in page  # Suomussalmi, Rovaniemi, Puolanka
    assert "Solutions of others it uses 2" in page
    assert "Savings reported by the users of its solutions 25,000 € a year, 120 working hours a year" in page
    assert "Savings it reports from solutions of others 1,500 € a year, 40 working hours a year" in page
    assert f"{solution.title} : used by 3 organisations, 1 interested" in page
    assert "Kajaanin kokeilu" in page


def test_a_users_page_shows_what_it_uses(client, solution, users_of_solution):
    page = text_of(client.get(users_of_solution["Suomussalmi"].get_absolute_url()).content.decode())
    assert "Solutions of others it uses 1" in page
    assert f"In use {solution.title} (Kuhmo)" in page


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_adoptions(solution, n, make_organisation, regions, start=0):
    from solutions.community.models import Adoption

    statuses = AdoptionStatus.values
    for index in range(start, start + n):
        region = regions["kainuu"] if index % 2 else regions["lappi"]
        organisation = make_organisation(f"Kunta {index}", region, 1_000 + index * 5_000)
        Adoption.objects.create(
            organisation=organisation, solution=solution, status=statuses[index % 4], experience="Hyvä."
        )
        if index % 3 == 0 and statuses[index % 4] == AdoptionStatus.IN_USE:
            user = member_of(organisation, MembershipRole.MEMBER)
            Referent.objects.create(user=user, organisation=organisation, solution=solution)


@pytest.mark.parametrize("persona", [None, "salla_member"])
def test_query_counts_do_not_grow_with_adoptions(
    request, client_for, solution, organisation, make_organisation, regions, persona
):
    client = client_for(request.getfixturevalue(persona) if persona else None)
    urls = [
        solution.get_absolute_url(),
        LIST,
        LIST + "?sort=reuse&used_in_region=18&used_by_size=small",
        organisation.get_absolute_url(),
    ]
    add_adoptions(solution, 5, make_organisation, regions)
    small = [count_queries(client, url) for url in urls]
    add_adoptions(solution, 45, make_organisation, regions, start=5)
    assert solution.adoptions.count() == 50
    large = [count_queries(client, url) for url in urls]
    assert small == large


def test_data_export_holds_reuse(
    client_for, salla_member, other_organisation, solution, django_capture_on_commit_callbacks
):
    client = client_for(salla_member)
    client.post(
        reverse("solutions:reuse:adoption", args=[solution.slug, "salla"]),
        {"status": "in_use", "since": "", "experience": "", "note": "Otettiin käyttöön"},
    )
    client.post(reverse("solutions:reuse:referent", args=[solution.slug, "salla"]), {"action": "volunteer"})
    ReferentMessage.objects.create(sender=salla_member, solution=solution, subject="Aihe", body="Viesti")
    section = export_user_data(salla_member)["reuse"]
    assert section["adoption_changes"][0]["note"] == "Otettiin käyttöön"
    assert section["contact_person_for"][0]["solution"] == solution.title
    assert section["messages_to_contact_persons"][0]["message"] == "Viesti"
    assert AdoptionEvent.objects.count() == 1


def test_pages_are_valid_html(
    client_for, salla_member, solution, other_organisation, organisation, users_of_solution
):
    Referent.objects.create(user=salla_member, organisation=other_organisation, solution=solution)
    asker_org = factories.OrganisationFactory(name_fi="Kemi")
    asker = member_of(asker_org, MembershipRole.MEMBER)
    member_client = client_for(salla_member)
    adoption_url = reverse("solutions:reuse:adoption", args=[solution.slug, "salla"])
    documents = {
        "solution page, visitor": client_for(None).get(solution.get_absolute_url()),
        "solution page, member": member_client.get(solution.get_absolute_url()),
        "organisation page": client_for(None).get(organisation.get_absolute_url()),
        "user organisation page": client_for(None).get(users_of_solution["Suomussalmi"].get_absolute_url()),
        "adoption form": member_client.get(adoption_url),
        "adoption form with errors": member_client.post(
            adoption_url, {"status": "in_use", "savings_euros_per_year": "-1"}
        ),
        "ask form": client_for(asker).get(reverse("solutions:reuse:ask", args=[solution.slug])),
        "ask form with errors": client_for(asker).post(
            reverse("solutions:reuse:ask", args=[solution.slug]), {}
        ),
        "list sorted by reuse": client_for(salla_member).get(LIST + "?sort=reuse&used_in_region=18"),
    }
    assert validate_html({name: response.content.decode() for name, response in documents.items()}) == []
