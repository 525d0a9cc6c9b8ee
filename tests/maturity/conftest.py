"""A small maturity model (two service class groups, two life events, the cross-cutting areas) and
helpers that give organisations finished assessments."""

import pytest
from django.utils import timezone

from solutions.maturity.models import Answer, Assessment, AssessmentState
from tests import factories


@pytest.fixture
def vocabulary(db):
    building = factories.ServiceClassFactory(
        code="P8", name_fi="Rakentaminen", name_sv="Byggande", name_en="Building"
    )
    permits = factories.ServiceClassFactory(
        code="P8.3", parent=building, name_fi="Rakennusluvat", name_sv="Bygglov", name_en="Building permits"
    )
    families = factories.ServiceClassFactory(
        code="P3", name_fi="Perheiden palvelut", name_sv="Familjetjänster", name_en="Services for families"
    )
    child = factories.LifeEventFactory(
        code="KE1", name_fi="Lapsen saaminen", name_sv="Att få barn", name_en="Having a child"
    )
    home = factories.LifeEventFactory(
        code="KE6", name_fi="Talon rakentaminen", name_sv="Att bygga ett hus", name_en="Building a home"
    )
    return {"building": building, "permits": permits, "families": families, "child": child, "home": home}


def finished(organisation, levels: dict, *, state=AssessmentState.PUBLISHED, when=None):
    """A submitted or published assessment with the given {dimension key: level}."""
    when = when or timezone.now()
    assessment = Assessment.objects.create(
        organisation=organisation,
        state=state,
        submitted_at=when,
        published_at=when if state == AssessmentState.PUBLISHED else None,
    )
    Answer.objects.bulk_create(
        Answer(assessment=assessment, dimension=key, level=level, answered_at=when)
        for key, level in levels.items()
    )
    return assessment


def draft(organisation, levels: dict | None = None):
    assessment = Assessment.objects.create(organisation=organisation)
    Answer.objects.bulk_create(
        Answer(assessment=assessment, dimension=key, level=level, answered_at=timezone.now())
        for key, level in (levels or {}).items()
    )
    return assessment
