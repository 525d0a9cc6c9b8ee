"""The shipped municipality data and its loader."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from municipalities.management.commands.load_municipalities import MUNICIPALITIES_CSV, REGIONS_CSV
from municipalities.models import Organisation, OrganisationKind, Region
from tests import factories

SHARED_DATA = Path(settings.BASE_DIR).parent / "shared" / "data"


def read(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row for row in csv.DictReader(f)}


def differences(label: str, shipped: dict, reference: dict, columns: list[str]) -> list[str]:
    found = [f"{label} {code}: missing from the shipped data" for code in sorted(reference.keys() - shipped)]
    found += [f"{label} {code}: not in the reference data" for code in sorted(shipped.keys() - reference)]
    for code in sorted(shipped.keys() & reference):
        for column in columns:
            if shipped[code].get(column) != reference[code].get(column):
                found.append(
                    f"{label} {code} {column}: shipped {shipped[code].get(column)!r}, "
                    f"reference {reference[code].get(column)!r}"
                )
    return found


@pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason=f"reference data folder {SHARED_DATA} is not present on this machine"
)
def test_shipped_data_matches_the_reference_data():
    reference_municipalities = read(SHARED_DATA / "municipalities_fi_2025.csv")
    population = {
        code: int(row["population_2020_12_31"])
        for code, row in read(SHARED_DATA / "municipalities_population_2020.csv").items()
    }
    # Pertunmaa merged into Mäntyharju in 2025; its inhabitants count for Mäntyharju.
    population["507"] += population.pop("588")
    for code, row in reference_municipalities.items():
        row["population_2020"] = str(population.get(code, "no population figure"))
    shipped_municipalities = read(MUNICIPALITIES_CSV)
    columns = list(next(iter(reference_municipalities.values())))

    reference_regions = read(SHARED_DATA / "regions_fi_2025.csv")
    shipped_regions = read(REGIONS_CSV)
    region_columns = list(next(iter(reference_regions.values())))

    problems = differences("municipality", shipped_municipalities, reference_municipalities, columns)
    problems += differences("region", shipped_regions, reference_regions, region_columns)
    problems += [
        f"population figure for {code} has no 2025 municipality"
        for code in sorted(population.keys() - reference_municipalities.keys())
    ]
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems)


def load() -> str:
    out = StringIO()
    call_command("load_municipalities", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(db):
    return load()


def test_loader_creates_every_municipality_and_region(loaded):
    assert Organisation.objects.municipalities().count() == 308
    assert Region.objects.count() == 19
    assert "Municipalities: 308 created, 0 updated, 0 unchanged." in loaded
    assert not Region.objects.filter(code="03").exists()
    assert sum(Organisation.objects.values_list("population", flat=True)) == 5_533_793


def test_second_run_changes_nothing(loaded):
    before = list(Organisation.objects.order_by("code").values())
    output = load()
    assert "Regions: 0 created, 0 updated, 19 unchanged." in output
    assert "Municipalities: 0 created, 0 updated, 308 unchanged." in output
    assert list(Organisation.objects.order_by("code").values()) == before


def test_rerun_corrects_a_changed_name_and_keeps_the_slug(loaded):
    Organisation.objects.filter(code="091").update(name_fi="Helsingi", population=1, slug="stadi")
    Region.objects.filter(code="01").update(name_sv="Nylandia")
    output = load()
    helsinki = Organisation.objects.get(code="091")
    assert (helsinki.name_fi, helsinki.population) == ("Helsinki", 656_920)
    # Links to an organisation page must keep working after a reload.
    assert helsinki.slug == "stadi"
    assert Region.objects.get(code="01").name_sv == "Nyland"
    assert "Municipalities: 0 created, 1 updated, 307 unchanged." in output
    assert "Regions: 0 created, 1 updated, 18 unchanged." in output


def test_spot_checks(loaded):
    helsinki = Organisation.objects.get(code="091")
    assert (helsinki.slug, helsinki.name_fi, helsinki.name_sv) == ("helsinki", "Helsinki", "Helsingfors")
    assert helsinki.region.code == "01"
    assert helsinki.region.name_sv == "Nyland"
    assert helsinki.language_status == "fi+sv"
    assert helsinki.kind == OrganisationKind.MUNICIPALITY

    mariehamn = Organisation.objects.get(code="478")
    assert mariehamn.slug == "maarianhamina-mariehamn"
    assert mariehamn.name_sv == "Mariehamn"
    assert (mariehamn.region.code, mariehamn.region.name_en) == ("21", "Åland")
    assert mariehamn.language_status == "sv"

    # 5,676 in Mäntyharju and 1,654 in Pertunmaa at the end of 2020.
    assert Organisation.objects.get(code="507").population == 7_330
    assert not Organisation.objects.filter(code="588").exists()
    assert Organisation.objects.get(slug="mantyharju").code == "507"


def test_slugs_are_unique_and_clashes_get_the_code(db):
    factories.OrganisationFactory(slug="espoo", code=None, kind=OrganisationKind.INHOUSE_COMPANY)
    load()
    assert Organisation.objects.get(code="049").slug == "espoo-049"
    slugs = list(Organisation.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 309


def test_a_municipality_entered_by_hand_is_adopted_not_duplicated(db):
    factories.OrganisationFactory(slug="tampere", name_fi="Tampere", code=None, population=None)
    load()
    tampere = Organisation.objects.get(slug="tampere")
    assert (tampere.code, tampere.name_sv, tampere.region.code) == ("837", "Tammerfors", "06")
    assert Organisation.objects.filter(name_fi="Tampere").count() == 1


def test_former_municipality_is_removed_only_when_nothing_refers_to_it(loaded):
    region = Region.objects.get(code="10")
    factories.OrganisationFactory(code="588", slug="pertunmaa", name_fi="Pertunmaa", region=region)
    valtimo = factories.OrganisationFactory(code="911", slug="valtimo", name_fi="Valtimo", region=region)
    factories.SolutionFactory(organisation=valtimo)

    output = load()

    assert not Organisation.objects.filter(code="588").exists()
    assert Organisation.objects.filter(code="911").exists()
    assert "removed 588 Pertunmaa" in output
    assert "kept 911 Valtimo" in output
