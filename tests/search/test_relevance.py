"""Relevance of search, measured on a judged corpus (corpus.py) on whichever database is in use.

Queries go through the list view's filter set exactly as a visitor's search does (ranking, boosts
and tie-breaking included). success@3: the share of queries with a relevant solution among the first
three results.
"""

import pytest
from django.test import RequestFactory

from solutions.filters import SolutionFilter
from solutions.models import Solution
from tests.factories import OrganisationFactory
from tests.search import corpus

REQUIRED_SUCCESS_AT_3 = 0.95


@pytest.fixture
def judged(db):
    return corpus.load(OrganisationFactory)


def top(query, count=3):
    request = RequestFactory().get("/", {"q": query})
    filterset = SolutionFilter(
        request.GET, queryset=Solution.objects.published().for_listing(), request=request
    )
    # The depth the list page asks for: its first page.
    return list(filterset.results(upto=20).values_list("slug", flat=True)[:count])


def test_corpus_has_enough_judged_queries_of_every_kind():
    assert len(corpus.QUERIES) >= 40
    assert all(relevant for _, relevant in corpus.QUERIES)
    assert all(key in corpus.SOLUTIONS for _, relevant in corpus.QUERIES for key in relevant)


def test_success_at_3(judged):
    slugs = {key: solution.slug for key, solution in judged.items()}
    misses = []
    for query, relevant in corpus.QUERIES:
        found = top(query)
        if not {slugs[key] for key in relevant} & set(found):
            misses.append(f"{query!r}: wanted {relevant}, got {found}")
    success = 1 - len(misses) / len(corpus.QUERIES)
    assert success >= REQUIRED_SUCCESS_AT_3, f"success@3 {success:.2f}; missed:\n" + "\n".join(misses)


def test_a_compound_part_ranks_just_below_the_whole_word(judged):
    # "varaus" stands alone in two titles and is a part of the library's tilavarausjärjestelmä.
    assert set(top("varaus", 2)) == {judged["sports_booking"].slug, judged["meeting_rooms"].slug}
    assert top("varaus")[2] == judged["library_booking"].slug


def test_title_ranks_above_summary_and_description(judged):
    # "kotihoito" is in the title of one solution; "hoitajat" only in texts of others.
    assert top("kotihoidon", 1) == [judged["home_care"].slug]
    assert top("kalenteri", 1) == [judged["youth_calendar"].slug]


def test_retired_solutions_come_after_active_ones(judged):
    judged["sports_booking"].lifecycle = "retired"
    judged["sports_booking"].save()
    assert top("varaus") == [
        judged["meeting_rooms"].slug,
        judged["library_booking"].slug,
        judged["sports_booking"].slug,
    ]


def test_no_solution_with_every_word_shows_those_with_some(judged):
    # Nothing says "booking" in English; the library solution is classified "Library services".
    assert judged["library_booking"].slug in top("library booking")


def test_a_query_naming_a_service_class_finds_its_names_in_other_languages(judged):
    # "home care" is the English name of Kotihoito; the Finnish title says "Kotihoidon".
    assert top("home care", 1) == [judged["home_care"].slug]
    assert top("kollektivtrafik", 1) == [judged["journey_planner"].slug]
