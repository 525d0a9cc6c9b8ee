"""The shipped PTV vocabularies and their loader."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from solutions.management.commands.load_vocabularies import LIFE_EVENTS_CSV, SERVICE_CLASSES_CSV
from solutions.models import LifeEvent, ServiceClass
from tests import factories

SHARED_PTV = Path(settings.BASE_DIR).parent / "shared" / "data" / "ptv"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.skipif(
    not SHARED_PTV.is_dir(), reason=f"reference data folder {SHARED_PTV} is not present on this machine"
)
@pytest.mark.parametrize("shipped", [SERVICE_CLASSES_CSV, LIFE_EVENTS_CSV], ids=lambda path: path.name)
def test_shipped_vocabulary_matches_the_reference_data(shipped):
    reference = read(SHARED_PTV / shipped.name)
    ours = read(shipped)
    problems = []
    if [row["code"] for row in ours] != [row["code"] for row in reference]:
        problems.append(f"the codes or their order differ: {len(ours)} shipped, {len(reference)} reference")
    reference_by_code = {row["code"]: row for row in reference}
    for row in ours:
        other = reference_by_code.get(row["code"])
        if other is None:
            continue
        problems += [
            f"{row['code']} {column}: shipped {row.get(column)!r}, reference {other[column]!r}"
            for column in other
            if row.get(column) != other[column]
        ]
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems)


def load() -> str:
    out = StringIO()
    call_command("load_vocabularies", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(db):
    return load()


def test_loader_creates_both_vocabularies(loaded):
    assert ServiceClass.objects.count() == 228
    assert ServiceClass.objects.filter(parent=None).count() == 28
    assert LifeEvent.objects.count() == 19
    assert "Service classes: 228 created, 0 updated, 0 unchanged." in loaded
    assert "Life events: 19 created, 0 updated, 0 unchanged." in loaded


def test_hierarchy_and_official_order(loaded):
    housing = ServiceClass.objects.get(code="P1")
    assert housing.parent is None
    assert ServiceClass.objects.get(code="P1.1").parent == housing
    assert set(housing.children.values_list("code", flat=True)) == {
        code for code in ServiceClass.objects.values_list("code", flat=True) if code.startswith("P1.")
    }
    # Every subclass sits under the main class its code names.
    for sub in ServiceClass.objects.exclude(parent=None).select_related("parent"):
        assert sub.parent.code == sub.code.split(".")[0]
        assert sub.parent.parent_id is None
    adoption = LifeEvent.objects.get(code="KE1.1")
    assert adoption.parent.code == "KE1"
    assert LifeEvent.objects.get(code="KE4").children.count() == 4
    # Ordering follows the national list, so P2 comes before P10 although it sorts after it as text.
    main_codes = list(ServiceClass.objects.filter(parent=None).values_list("code", flat=True))
    assert main_codes[:3] == ["P1", "P2", "P3"]
    assert main_codes[-1] == "P28"


def test_names_and_descriptions_in_three_languages(loaded):
    housing = ServiceClass.objects.get(code="P1")
    assert (housing.name_fi, housing.name_sv, housing.name_en) == ("Asuminen", "Boende", "Housing")
    assert housing.description_sv.startswith("Denna servicegrupp")
    assert housing.uri == "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P1"
    with translation.override("sv"):
        assert LifeEvent.objects.get(code="KE1").name == "Att få barn"
    with translation.override("en"):
        assert LifeEvent.objects.get(code="KE1").name == "Having a child"
    assert not ServiceClass.objects.filter(name_fi="").exists()
    assert not ServiceClass.objects.filter(name_sv="").exists()
    assert not ServiceClass.objects.filter(name_en="").exists()


def test_second_run_changes_nothing(loaded):
    before = (
        list(ServiceClass.objects.order_by("code").values()),
        list(LifeEvent.objects.order_by("code").values()),
    )
    output = load()
    after = (
        list(ServiceClass.objects.order_by("code").values()),
        list(LifeEvent.objects.order_by("code").values()),
    )
    assert after == before
    assert "Service classes: 0 created, 0 updated, 228 unchanged." in output
    assert "Life events: 0 created, 0 updated, 19 unchanged." in output


def test_rerun_repairs_changes_and_keeps_local_entries(loaded):
    ServiceClass.objects.filter(code="P1").update(name_en="Living")
    ServiceClass.objects.filter(code="P2.1").update(parent=ServiceClass.objects.get(code="P1"), position=999)
    local = factories.LifeEventFactory(code="KE99", name_fi="Paikallinen tapahtuma")
    solution = factories.SolutionFactory()
    solution.life_events.add(local)

    output = load()

    assert ServiceClass.objects.get(code="P1").name_en == "Housing"
    moved_back = ServiceClass.objects.get(code="P2.1")
    assert moved_back.parent.code == "P2"
    assert moved_back.position != 999
    assert LifeEvent.objects.filter(code="KE99").exists()
    assert "Service classes: 0 created, 2 updated, 226 unchanged." in output
    assert "1 in the database but not in the source list (kept)" in output
