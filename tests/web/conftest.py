import pytest
from django.utils import timezone

from municipalities.models import OrganisationKind
from solutions.models import Lifecycle, SolutionKind
from tests import factories


@pytest.fixture
def make_catalogue(db):
    """`n` published solutions spread over organisations, regions, tags and vocabularies."""

    def make(n):
        regions = [factories.RegionFactory(code=code) for code in ("01", "02", "19")]
        organisations = [
            factories.OrganisationFactory(region=regions[index % 3], population=3_000 + index * 40_000)
            for index in range(4)
        ]
        parent = factories.ServiceClassFactory(code="P1", name_fi="Asuminen", name_en="Housing")
        child = factories.ServiceClassFactory(code="P1.1", parent=parent, name_fi="Vuokra-asuminen")
        event = factories.LifeEventFactory(code="KE1", name_fi="Muuttaminen", name_en="Moving")
        kinds = SolutionKind.values
        solutions = []
        for index in range(n):
            solution = factories.SolutionFactory(
                organisation=organisations[index % 4],
                kind=kinds[index % len(kinds)],
                lifecycle=Lifecycle.values[index % 4],
                tags=["avoin data", f"aihe {index % 3}"],
                published_at=timezone.now() - timezone.timedelta(days=index),
            )
            solution.service_classes.add(child if index % 2 else parent)
            solution.life_events.add(event)
            solution.partners.add(organisations[(index + 1) % 4])
            solutions.append(solution)
        factories.OrganisationFactory(kind=OrganisationKind.WELLBEING_COUNTY, code=None, region=regions[0])
        return solutions

    return make
