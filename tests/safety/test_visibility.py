"""Only published solutions are public: every other state stays out of every public page.

For each state a solution can be in before or after publication, a visitor and an admin of another
organisation find it in no list, search result, facet count, front-page count, organisation or region
page, sitemap or feed, and its address answers 404. Its own organisation's members and the
coordinators still reach it through the pages meant for them.
"""

import pytest
from defusedxml import ElementTree
from django.urls import reverse
from django.utils import timezone

from municipalities.permissions import may
from solutions.models import ModerationState, SolutionKind
from tests import factories

HIDDEN_STATES = [
    ModerationState.DRAFT,
    ModerationState.SUBMITTED,
    ModerationState.CHANGES_REQUESTED,
    ModerationState.REJECTED,
    ModerationState.ARCHIVED,
]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(params=HIDDEN_STATES)
def hidden(request, organisation):
    """A solution in a state that is not public, next to a published one of the same organisation."""
    state = request.param
    factories.SolutionFactory(
        organisation=organisation, title="Näkyvä kirjastopalvelu", slug="nakyva", kind=SolutionKind.SOFTWARE
    )
    was_published = state == ModerationState.ARCHIVED
    solution = factories.SolutionFactory(
        organisation=organisation,
        title="Piilotettu kirjastopalvelu",
        slug="piilotettu",
        kind=SolutionKind.EXPERIENCE,
        moderation_state=state,
        published_at=timezone.now() if was_published else None,
        tags=["salainen"],
    )
    life_event = factories.LifeEventFactory(code="KE9")
    solution.life_events.add(life_event)
    return solution


@pytest.fixture(params=["visitor", "outsider_admin"])
def outsider(request, client_for):
    user = None if request.param == "visitor" else request.getfixturevalue("outsider_admin")
    return client_for(user)


def titles(response):
    return [solution.title for solution in response.context["page"].object_list]


def test_not_in_the_list(hidden, outsider):
    assert titles(outsider.get("/fi/solutions/")) == ["Näkyvä kirjastopalvelu"]


def test_not_in_search_results(hidden, outsider):
    assert titles(outsider.get("/fi/solutions/", {"q": "kirjastopalvelu"})) == ["Näkyvä kirjastopalvelu"]


def test_not_found_by_its_own_tag(hidden, outsider):
    assert titles(outsider.get("/fi/solutions/", {"tag": "salainen"})) == []


def test_not_counted_in_facets(hidden, outsider):
    facets = {facet.name: facet for facet in outsider.get("/fi/solutions/").context["facets"]}
    kind_counts = {option.value: option.count for option in facets["kind"].options}
    assert kind_counts.get(SolutionKind.EXPERIENCE, 0) == 0


def test_not_counted_on_the_front_page(hidden, outsider):
    context = outsider.get("/fi/").context
    kinds = {kind["value"]: kind["count"] for kind in context["kinds"]}
    life_events = [event.code for event in context["life_events"]]
    assert (context["totals"]["solutions"], kinds[SolutionKind.EXPERIENCE], life_events) == (1, 0, [])


def test_not_among_the_newest_on_the_front_page(hidden, outsider):
    assert [s.title for s in outsider.get("/fi/").context["newest"]] == ["Näkyvä kirjastopalvelu"]


def test_not_on_the_organisation_page(hidden, outsider):
    response = outsider.get(hidden.organisation.get_absolute_url())
    assert titles(response) == ["Näkyvä kirjastopalvelu"]


def test_not_counted_in_the_organisation_list(hidden, outsider):
    page = outsider.get("/fi/organisations/").context["page"]
    counts = {organisation.slug: organisation.solution_count for organisation in page.object_list}
    assert counts["kuhmo"] == 1


def test_not_on_the_region_page_or_in_its_counts(hidden, outsider):
    response = outsider.get(hidden.organisation.region.get_absolute_url())
    counts = {
        organisation.slug: organisation.solution_count for organisation in response.context["organisations"]
    }
    assert (titles(response), counts["kuhmo"]) == (["Näkyvä kirjastopalvelu"], 1)


def test_not_counted_in_the_region_list(hidden, outsider):
    regions = outsider.get("/fi/regions/").context["regions"]
    assert {region.code: region.solution_count for region in regions}[hidden.organisation.region.code] == 1


def test_not_in_the_sitemap(hidden, outsider):
    root = ElementTree.fromstring(outsider.get("/sitemap.xml").content)
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]
    assert (
        [loc for loc in locations if "/piilotettu/" in loc],
        len([loc for loc in locations if "/nakyva/" in loc]),
    ) == (
        [],
        3,
    )


@pytest.mark.parametrize("feed", ["/fi/feeds/solutions/", "/fi/feeds/organisations/kuhmo/"])
def test_not_in_the_feeds(feed, hidden, outsider):
    root = ElementTree.fromstring(outsider.get(feed).content)
    assert [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")] == [
        "Näkyvä kirjastopalvelu"
    ]


def test_not_reachable_by_its_address_unless_archived(hidden, outsider):
    if hidden.moderation_state == ModerationState.ARCHIVED:
        pytest.skip("an archived page stays reachable; see the test below")
    assert outsider.get(hidden.get_absolute_url()).status_code == 404


def test_an_archived_page_is_reachable_and_says_it_is_archived(organisation, client):
    solution = factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.ARCHIVED, title="Arkistoitu palvelu"
    )
    response = client.get(solution.get_absolute_url())
    assert (response.status_code, "Arkistoitu" in response.content.decode()) == (200, True)


def test_its_history_is_hidden_from_outsiders(hidden, outsider_admin, client_for):
    url = reverse("solutions:solution_history", args=[hidden.slug])
    assert client_for(outsider_admin).get(url).status_code == 404


@pytest.mark.parametrize("persona", ["member", "editor", "coordinator"])
def test_its_organisation_and_the_coordinators_still_reach_it(persona, request, hidden, client_for):
    user = request.getfixturevalue(persona)
    url = reverse("solutions:solution_history", args=[hidden.slug])
    assert (may(user, "view_solution", hidden), client_for(user).get(url).status_code) == (True, 200)


def test_members_do_not_see_their_unpublished_solutions_in_public_lists(hidden, member, client_for):
    # The public pages show the public catalogue to everyone; members work on drafts in the editor.
    assert titles(client_for(member).get("/fi/solutions/")) == ["Näkyvä kirjastopalvelu"]
