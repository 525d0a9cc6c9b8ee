"""The solution list: search, facets with counts, sorting, pagination and a helpful empty result."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from municipalities.models import Organisation
from solutions.filters import SolutionFilter
from solutions.models import ModerationState, Solution, SolutionKind
from tests.factories import (
    LifeEventFactory,
    OrganisationFactory,
    RegionFactory,
    ServiceClassFactory,
    SolutionFactory,
)


def titles(response):
    return [solution.title for solution in response.context["page"].object_list]


def facet(response, name):
    found = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in found.options}


@pytest.fixture
def catalogue(db):
    lapland = RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")
    uusimaa = RegionFactory(code="01", name_fi="Uusimaa", name_sv="Nyland", name_en="Uusimaa")
    inari = OrganisationFactory(name_fi="Inari", slug="inari", region=lapland, population=6_800)
    espoo = OrganisationFactory(name_fi="Espoo", slug="espoo", region=uusimaa, population=305_000)
    housing = ServiceClassFactory(code="P1", name_fi="Asuminen", name_en="Housing")
    renting = ServiceClassFactory(code="P1.1", name_fi="Vuokra-asuminen", name_en="Renting", parent=housing)
    moving = LifeEventFactory(code="KE1", name_fi="Muuttaminen", name_en="Moving")
    now = timezone.now()
    booking = SolutionFactory(
        title="Kirjaston tilavaraus",
        kind=SolutionKind.SOFTWARE,
        organisation=inari,
        tags=["kirjasto"],
        published_at=now - timezone.timedelta(days=3),
        licence="EUPL-1.2",
    )
    api = SolutionFactory(
        title="Asuntojen rajapinta",
        kind=SolutionKind.API,
        organisation=espoo,
        tags=["asuminen", "data"],
        published_at=now - timezone.timedelta(days=1),
        licence="MIT",
    )
    process = SolutionFactory(
        title="Muuttoilmoituksen prosessi",
        kind=SolutionKind.PROCESS,
        organisation=espoo,
        tags=["data"],
        published_at=now - timezone.timedelta(days=2),
        licence="",
    )
    api.service_classes.add(renting)
    process.service_classes.add(housing, renting)
    process.life_events.add(moving)
    SolutionFactory(
        title="Luonnos", moderation_state=ModerationState.DRAFT, published_at=None, organisation=espoo
    )
    return {"booking": booking, "api": api, "process": process}


def test_lists_only_published_solutions_newest_first(client, catalogue):
    response = client.get("/fi/solutions/")
    assert titles(response) == ["Asuntojen rajapinta", "Muuttoilmoituksen prosessi", "Kirjaston tilavaraus"]
    assert "Luonnos" not in response.content.decode()
    assert "3 solutions" in response.content.decode() or "3 ratkaisua" in response.content.decode()


def test_kind_facet_counts_and_filters(client, catalogue):
    response = client.get("/fi/solutions/?kind=api&kind=process")
    assert sorted(titles(response)) == ["Asuntojen rajapinta", "Muuttoilmoituksen prosessi"]
    # The counts of a facet ignore its own selection: they tell what ticking another box adds.
    assert facet(response, "kind") == {"software": 1, "api": 1, "process": 1}
    assert facet(response, "organisation") == {"espoo": 2}
    html = response.content.decode()
    assert re.search(r'name="kind" value="api"[^>]*checked', html)
    assert not re.search(r'name="kind" value="software"[^>]*checked', html)


def test_facets_narrow_each_other(client, catalogue):
    response = client.get("/fi/solutions/?region=01&tag=data&licence=MIT")
    assert titles(response) == ["Asuntojen rajapinta"]
    assert facet(response, "region") == {"01": 1}
    assert facet(response, "licence") == {"MIT": 1}
    assert facet(response, "tag") == {"asuminen": 1, "data": 1}


def test_service_class_counts_a_solution_under_its_class_and_the_parent(client, catalogue):
    response = client.get("/fi/solutions/")
    # The process is in both P1 and P1.1 but counts once under P1.
    assert facet(response, "service_class") == {"P1": 2, "P1.1": 2}
    filtered = client.get("/fi/solutions/?service_class=P1")
    assert sorted(titles(filtered)) == ["Asuntojen rajapinta", "Muuttoilmoituksen prosessi"]


def test_class_tag_and_event_counts_follow_every_change(client, catalogue):
    from django.core.cache import cache

    from solutions.models import ServiceClass, Solution

    booking = Solution.objects.get(title="Kirjaston tilavaraus")
    libraries = ServiceClassFactory(code="P25", name_fi="Kirjastopalvelut")
    booking.service_classes.add(ServiceClass.objects.get(code="P1.1"))
    booking.tags.add("tilavaraus")
    booking.life_events.add(*catalogue_events())
    cache.clear()
    response = client.get("/fi/solutions/")
    assert facet(response, "service_class") == {"P1": 3, "P1.1": 3}
    assert facet(response, "tag")["tilavaraus"] == 1
    assert facet(response, "life_event") == {"KE1": 2}

    # The subclass moves under another parent; a tag and an event are taken off.
    renting = ServiceClass.objects.get(code="P1.1")
    renting.parent = libraries
    renting.save()
    booking.tags.remove("tilavaraus")
    booking.life_events.clear()
    cache.clear()
    response = client.get("/fi/solutions/")
    assert facet(response, "service_class") == {"P1": 1, "P1.1": 3, "P25": 3}
    assert "tilavaraus" not in facet(response, "tag")
    assert facet(response, "life_event") == {"KE1": 1}


def catalogue_events():
    from solutions.models import LifeEvent

    return list(LifeEvent.objects.filter(code="KE1"))


def test_life_event_and_size_facets(client, catalogue):
    response = client.get("/en/solutions/?life_event=KE1")
    assert titles(response) == ["Muuttoilmoituksen prosessi"]
    assert "Moving" in response.content.decode()
    sized = client.get("/fi/solutions/?size=medium")
    assert titles(sized) == ["Kirjaston tilavaraus"]
    assert facet(sized, "size") == {"medium": 1, "city": 2}


def test_vocabulary_names_follow_the_interface_language(client, catalogue):
    assert "Housing" in client.get("/en/solutions/").content.decode()
    assert "Asuminen" in client.get("/fi/solutions/").content.decode()


def test_search_ranks_and_highlights(client, catalogue):
    response = client.get("/fi/solutions/?q=kirjasto")
    assert titles(response) == ["Kirjaston tilavaraus"]
    assert "<mark>" in response.content.decode()
    assert response.context["sort"] == "relevance"


def test_sort_by_title_and_the_active_sort_is_marked(client, catalogue):
    response = client.get("/fi/solutions/?sort=title")
    assert titles(response) == ["Asuntojen rajapinta", "Kirjaston tilavaraus", "Muuttoilmoituksen prosessi"]
    assert re.search(r'href="\?sort=title"[^>]*aria-current="true"', response.content.decode())


def test_relevance_sort_is_offered_only_with_search_words(client, catalogue):
    assert "sort=relevance" not in client.get("/fi/solutions/").content.decode()
    assert "sort=relevance" in client.get("/fi/solutions/?q=data").content.decode()


@override_settings(SOLUTIONS_PAGE_SIZE=2)
def test_pagination_keeps_the_filters(client, catalogue):
    SolutionFactory(title="Neljäs", kind=SolutionKind.API, organisation=catalogue["api"].organisation)
    SolutionFactory(title="Viides", kind=SolutionKind.API, organisation=catalogue["api"].organisation)
    response = client.get("/fi/solutions/?kind=api&sort=title")
    html = response.content.decode()
    assert response.context["page"].paginator.count == 3
    assert 'href="?kind=api&amp;sort=title&amp;page=2"' in html
    assert 'aria-label="' in html.split('class="pagination"', 1)[1][:40]
    second = client.get("/fi/solutions/?kind=api&sort=title&page=2")
    assert titles(second) == ["Viides"]


def test_empty_result_says_what_was_searched_and_how_to_broaden(client, catalogue):
    response = client.get("/fi/solutions/?q=olematon&kind=api")
    html = response.content.decode()
    assert response.context["page"].paginator.count == 0
    assert "olematon" in html
    assert 'href="?q=olematon"' in html  # remove the kind filter
    assert 'href="/fi/solutions/"' in html  # browse everything


def test_remove_filter_links_drop_one_value_only(client, catalogue):
    html = client.get("/fi/solutions/?kind=api&kind=process&page=1").content.decode()
    assert 'href="?kind=process"' in html
    assert 'href="?kind=api"' in html


def test_unknown_values_and_page_numbers_do_not_break_the_page(client, catalogue):
    response = client.get("/fi/solutions/?kind=nonsense&sort=sideways&page=999")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_facet_groups_are_fieldsets_with_legends(client, catalogue):
    html = client.get("/fi/solutions/").content.decode()
    assert html.count('<fieldset class="facet">') == html.count("<legend>") >= 5
    assert '<details class="filters" open' in html


def test_a_bad_sort_value_keeps_the_search(client, catalogue):
    response = client.get("/fi/solutions/?q=kirjasto&sort=sideways")
    assert titles(response) == ["Kirjaston tilavaraus"]
    assert response.context["sort"] == "relevance"
    assert "<mark>" in response.content.decode()


def test_a_search_broader_than_the_cap_says_over_and_counts_its_first_matches(client, db, monkeypatch):
    from solutions import filters

    monkeypatch.setattr(filters, "MAX_COUNTED", 3)
    for number in range(5):
        SolutionFactory(title=f"Kirjaston palvelu {number}", kind=SolutionKind.API)
    response = client.get("/en/solutions/", {"q": "kirjasto"})
    assert "Over 3 solutions" in response.content.decode()
    kinds = {facet.name: facet for facet in response.context["facets"]}["kind"]
    # The facets count the matches read: the cap and one more, to know that there are more.
    assert [(option.value, option.count) for option in kinds.options] == [("api", 4)]
    # ...and the filters say so.
    assert "The numbers count the first 3 matches." in response.content.decode()
    assert (
        "The numbers count" not in client.get("/en/solutions/", {"q": "kirjasto palvelu 1"}).content.decode()
    )


def test_a_ticked_facet_of_a_broad_search_counts_the_same_first_matches(client, db, monkeypatch):
    # Its counts leave its own filter out, so they cover more matches than the results: at
    # 100,000 solutions every match of a broad search, until they too were capped.
    from solutions import filters

    monkeypatch.setattr(filters, "MAX_COUNTED", 3)
    for number in range(4):
        SolutionFactory(title=f"Kirjaston palvelu {number}", kind=SolutionKind.API)
    for number in range(4):
        SolutionFactory(title=f"Kirjaston ohjelma {number}", kind=SolutionKind.SOFTWARE)
    response = client.get("/en/solutions/", {"q": "kirjasto", "kind": "api"})
    kinds = {facet.name: facet for facet in response.context["facets"]}["kind"]
    counted = {option.value: option.count for option in kinds.options}
    assert "api" in counted  # the ticked value stays, with what was counted of it
    assert sum(counted.values()) == 4  # the cap and one more, as for the facets without a selection
    assert [option.value for option in kinds.options if option.selected] == ["api"]


@pytest.mark.parametrize(
    ("sort", "index"), [("reuse", "solution_state_reuse_idx"), ("title", "solution_state_title_idx")]
)
def test_a_list_in_another_order_is_read_in_that_order_from_an_index(rf, db, sort, index):
    # Sorting the whole catalogue for each page took 350 ms at 100,000 solutions; an index in the
    # list's order gives the first page at once. (The planner is told to avoid sorting, since a
    # table this small would be sorted whole.)
    if connection.vendor != "postgresql":
        pytest.skip("reads PostgreSQL's plan")
    SolutionFactory.create_batch(3)
    request = rf.get("/fi/solutions/", {"sort": sort})
    request.user = AnonymousUser()
    filterset = SolutionFilter(request.GET, queryset=Solution.objects.published(), request=request)
    sql, params = filterset.results()[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan
    assert "Sort" not in plan, plan


def test_a_renamed_publisher_is_named_anew_in_the_facets(client, catalogue):
    # The publishers' names are kept per catalogue version; renaming one makes a new version.
    def organisation_labels():
        response = client.get("/fi/solutions/", {"q": "kirjasto"})
        found = next(facet for facet in response.context["facets"] if facet.name == "organisation")
        return {option.value: option.label for option in found.options}

    assert organisation_labels()["inari"] == "Inari"
    inari = Organisation.objects.get(slug="inari")
    inari.name_fi = "Inarin kunta"
    inari.save()
    assert organisation_labels()["inari"] == "Inarin kunta"
