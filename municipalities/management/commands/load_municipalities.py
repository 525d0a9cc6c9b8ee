"""Load the official regions and municipalities shipped in municipalities/data/.

Rows are matched by their Statistics Finland code and updated in place, so the command can be run
after every update of the data files. A municipality keeps its slug once it has one, because
links to it are out in the world. Municipalities that no longer exist (after a merger) are removed
only when nothing refers to them; otherwise they stay and the summary says so.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.text import slugify

from municipalities.models import LanguageStatus, Organisation, OrganisationKind, Region

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
MUNICIPALITIES_CSV = DATA_DIR / "municipalities_fi_2025.csv"
REGIONS_CSV = DATA_DIR / "regions_fi_2025.csv"

REGION_FIELDS = ("name_fi", "name_sv", "name_en")
MUNICIPALITY_FIELDS = ("name_fi", "name_sv", "name_en", "region", "language_status", "population", "kind")


def read_csv(path: Path, required: set[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = required - set(reader.fieldnames or ())
            if missing:
                raise CommandError(f"{path.name} lacks the columns {', '.join(sorted(missing))}.")
            return [{key: (value or "").strip() for key, value in row.items()} for row in reader]
    except FileNotFoundError as exc:
        raise CommandError(f"Data file not found: {path}") from exc


def read_regions(path: Path = REGIONS_CSV) -> list[dict]:
    return [
        {"code": row["code"], "name_fi": row["name_fi"], "name_sv": row["name_sv"], "name_en": row["name_en"]}
        for row in read_csv(path, {"code", "name_fi", "name_sv", "name_en"})
    ]


def read_municipalities(path: Path = MUNICIPALITIES_CSV) -> list[dict]:
    required = {"code", "name_fi", "name_sv", "name_en", "region_code", "language_status", "population_2020"}
    rows = []
    for row in read_csv(path, required):
        if row["language_status"] not in LanguageStatus.values:
            raise CommandError(
                f"Municipality {row['code']}: unknown language status {row['language_status']!r}."
            )
        rows.append(
            {
                "code": row["code"],
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "region_code": row["region_code"],
                "language_status": row["language_status"],
                "population": int(row["population_2020"]) if row["population_2020"] else None,
            }
        )
    return rows


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def apply(obj, values: dict, fields: tuple[str, ...]) -> list[str]:
    """Set the differing fields on obj and return their names."""
    changed = []
    for name in fields:
        if getattr(obj, name) != values[name]:
            setattr(obj, name, values[name])
            changed.append(name)
    return changed


def unique_slug(name: str, code: str, taken: set[str]) -> str:
    base = slugify(name)[:110] or code
    # The code makes a clash impossible and does not depend on load order, so the slug is stable.
    return base if base not in taken else f"{base}-{code}"


def load_regions(rows: list[dict]) -> tuple[dict[str, Region], Tally]:
    tally = Tally()
    existing = {region.code: region for region in Region.objects.all()}
    for row in rows:
        region = existing.get(row["code"])
        if region is None:
            existing[row["code"]] = Region.objects.create(**row)
            tally.created += 1
        elif changed := apply(region, row, REGION_FIELDS):
            region.save(update_fields=changed)
            tally.updated += 1
        else:
            tally.unchanged += 1
    return existing, tally


def load_municipality_rows(rows: list[dict], regions: dict[str, Region]) -> Tally:
    tally = Tally()
    by_code = {org.code: org for org in Organisation.objects.filter(code__isnull=False)}
    # A municipality entered by hand before the first load (no code yet) is adopted, not duplicated.
    uncoded = {
        org.slug: org
        for org in Organisation.objects.filter(code__isnull=True, kind=OrganisationKind.MUNICIPALITY)
    }
    taken = set(Organisation.objects.values_list("slug", flat=True))
    for row in rows:
        region = regions.get(row["region_code"])
        if region is None:
            raise CommandError(f"Municipality {row['code']}: unknown region {row['region_code']!r}.")
        values = {**row, "region": region, "kind": OrganisationKind.MUNICIPALITY}
        org = by_code.get(row["code"]) or uncoded.pop(slugify(row["name_fi"]), None)
        if org is None:
            slug = unique_slug(row["name_fi"], row["code"], taken)
            taken.add(slug)
            Organisation.objects.create(
                slug=slug, code=row["code"], **{name: values[name] for name in MUNICIPALITY_FIELDS}
            )
            tally.created += 1
            continue
        changed = apply(org, values, MUNICIPALITY_FIELDS)
        if org.code != row["code"]:
            org.code = row["code"]
            changed.append("code")
        if changed:
            org.save(update_fields=[*changed, "updated_at"])
            tally.updated += 1
        else:
            tally.unchanged += 1

    current_codes = {row["code"] for row in rows}
    stale = Organisation.objects.municipalities().filter(code__isnull=False).exclude(code__in=current_codes)
    for org in stale:
        in_use = org.solutions.exists() or org.partner_solutions.exists() or org.memberships.exists()
        if not in_use:
            try:
                with transaction.atomic():
                    org.delete()
                tally.notes.append(f"removed {org.code} {org.name_fi}, which is no longer a municipality")
                continue
            except (ProtectedError, RestrictedError):
                pass
        tally.notes.append(
            f"kept {org.code} {org.name_fi}: no longer a municipality, but content refers to it"
        )
    return tally


class Command(BaseCommand):
    help = "Load or update the official regions and municipalities (Statistics Finland, 2025)."

    def handle(self, *args, **options):
        region_rows = read_regions()
        municipality_rows = read_municipalities()
        with transaction.atomic():
            regions, region_tally = load_regions(region_rows)
            municipality_tally = load_municipality_rows(municipality_rows, regions)
        self.stdout.write(f"Regions: {region_tally}.")
        self.stdout.write(f"Municipalities: {municipality_tally}.")
        for note in municipality_tally.notes:
            self.stdout.write(f"  {note}")
