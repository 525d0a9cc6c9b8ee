"""The result: comparisons only from five organisations on, the change, evidence and suggestions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from solutions.community.models import Adoption, AdoptionStatus
from solutions.maturity.models import AssessmentState
from solutions.maturity.results import result_for
from tests import factories
from tests.maturity.conftest import draft, finished

pytestmark = pytest.mark.usefixtures("vocabulary")


def _row(result, key):
    return next(row for row in result["rows"] if row.dimension.key == key)


def _peers(region, count, level, population=8_000, **kwargs):
    organisations = factories.OrganisationFactory.create_batch(count, region=region, population=population)
    for organisation in organisations:
        finished(organisation, {"sc:P8": level}, **kwargs)
    return organisations


def test_four_peers_are_too_few_to_compare(organisation):
    _peers(organisation.region, 4, 3)
    row = _row(result_for(finished(organisation, {"sc:P8": 1})), "sc:P8")
    assert not row.peers.shown
    assert not row.region.shown


def test_five_peers_give_an_average_of_their_latest_assessments(organisation):
    peers = _peers(factories.RegionFactory(), 4, 3)
    # The fifth peer's older assessment (level 0) does not count, only its latest (level 4).
    fifth = factories.OrganisationFactory(population=9_000)
    finished(fifth, {"sc:P8": 0}, when=timezone.now() - timedelta(days=400))
    finished(fifth, {"sc:P8": 4}, state=AssessmentState.SUBMITTED)
    # Drafts, other size classes and the organisation itself never count.
    draft(factories.OrganisationFactory(population=8_500), {"sc:P8": 0})
    finished(factories.OrganisationFactory(population=300_000), {"sc:P8": 0})
    row = _row(result_for(finished(organisation, {"sc:P8": 1})), "sc:P8")
    assert row.peers.shown
    assert row.peers.organisations == 5
    assert row.peers.average == pytest.approx((4 * 3 + 4) / 5)
    assert len(peers) == 4


def test_the_region_is_compared_whatever_the_size(organisation):
    for population in (1_000, 3_000, 30_000, 150_000, 9_000):
        finished(
            factories.OrganisationFactory(region=organisation.region, population=population), {"x:data": 2}
        )
    row = _row(result_for(finished(organisation, {"x:data": 1})), "x:data")
    assert row.region.shown
    assert row.region.average == 2
    assert not row.peers.shown


def test_the_change_since_the_previous_assessment(organisation):
    finished(organisation, {"sc:P8": 1, "x:skills": 3}, when=timezone.now() - timedelta(days=365))
    result = result_for(finished(organisation, {"sc:P8": 3, "x:skills": 2, "le:KE1": 1}))
    assert (_row(result, "sc:P8").previous, _row(result, "sc:P8").change) == (1, 2)
    assert _row(result, "x:skills").change == -1
    assert _row(result, "le:KE1").change is None


def test_evidence_counts_solutions_of_others_in_use_per_group(organisation, vocabulary):
    in_use = factories.SolutionFactory()
    in_use.service_classes.add(vocabulary["permits"])
    interested = factories.SolutionFactory()
    interested.service_classes.add(vocabulary["permits"])
    Adoption.objects.create(organisation=organisation, solution=in_use, status=AdoptionStatus.IN_USE)
    Adoption.objects.create(organisation=organisation, solution=interested, status=AdoptionStatus.INTERESTED)
    result = result_for(finished(organisation, {"sc:P8": 2, "sc:P3": 2}))
    assert _row(result, "sc:P8").evidence == 1
    assert _row(result, "sc:P3").evidence == 0


def test_weak_areas_suggest_what_organisations_one_level_higher_use(organisation, vocabulary):
    used_one_higher = factories.SolutionFactory(title="Lupapiste")
    used_one_higher.service_classes.add(vocabulary["permits"])
    used_much_higher = factories.SolutionFactory(title="Tekoälylupa")
    used_much_higher.service_classes.add(vocabulary["permits"])
    already_ours = factories.SolutionFactory(title="Oma lupa")
    already_ours.service_classes.add(vocabulary["permits"])
    one_higher = factories.OrganisationFactory()
    finished(one_higher, {"sc:P8": 2})
    much_higher = factories.OrganisationFactory()
    finished(much_higher, {"sc:P8": 4})
    Adoption.objects.create(organisation=one_higher, solution=used_one_higher, status=AdoptionStatus.IN_USE)
    Adoption.objects.create(organisation=one_higher, solution=already_ours, status=AdoptionStatus.IN_USE)
    Adoption.objects.create(organisation=much_higher, solution=used_much_higher, status=AdoptionStatus.IN_USE)
    Adoption.objects.create(organisation=organisation, solution=already_ours, status=AdoptionStatus.IN_USE)
    result = result_for(finished(organisation, {"sc:P8": 1, "sc:P3": 3}))
    row = _row(result, "sc:P8")
    assert row.is_weak
    assert [(solution.title, users) for solution, users in row.suggestions] == [("Lupapiste", 1)]
    assert not _row(result, "sc:P3").is_weak


def test_the_result_takes_the_same_queries_however_many_peers_and_weak_areas(
    organisation, vocabulary, django_assert_num_queries
):
    def scene(peers):
        for _index in range(peers):
            peer = factories.OrganisationFactory(region=organisation.region)
            finished(peer, {"sc:P8": 2, "sc:P3": 1, "le:KE1": 2})
            solution = factories.SolutionFactory()
            solution.service_classes.add(vocabulary["permits"])
            solution.life_events.add(vocabulary["child"])
            Adoption.objects.create(organisation=peer, solution=solution, status=AdoptionStatus.IN_USE)

    scene(2)
    few = finished(organisation, {"sc:P8": 1, "sc:P3": 0, "le:KE1": 1})
    with django_assert_num_queries(17) as captured:
        result_for(few)
    scene(6)
    with django_assert_num_queries(len(captured.captured_queries)):
        result = result_for(few)
    assert len(_row(result, "sc:P8").suggestions) == 5
