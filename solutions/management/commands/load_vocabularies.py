"""Load the Suomi.fi PTV service classes and life events shipped in solutions/data/ptv/.

Entries are matched by code and updated in place; a parent is always saved before its children.
The position of an entry is its row in the national list, so the catalogue shows the classes in
the official order. Entries that are in the database but not in the files are left alone: a
coordinator may have added them, and solutions may be classified under them.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from solutions.models import LifeEvent, ServiceClass

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "ptv"
SERVICE_CLASSES_CSV = DATA_DIR / "service_classes.csv"
LIFE_EVENTS_CSV = DATA_DIR / "life_events.csv"

NAME_FIELDS = ("name_fi", "name_sv", "name_en", "uri")
DESCRIPTION_FIELDS = ("description_fi", "description_sv", "description_en")


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    not_in_source: int = 0

    def __str__(self):
        text = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        if self.not_in_source:
            text += f", {self.not_in_source} in the database but not in the source list (kept)"
        return text


def read_rows(path: Path, fields: tuple[str, ...]) -> list[dict]:
    required = {"code", "parent_code", *fields}
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = required - set(reader.fieldnames or ())
            if missing:
                raise CommandError(f"{path.name} lacks the columns {', '.join(sorted(missing))}.")
            rows = [
                {name: (row[name] or "").strip() for name in ("code", "parent_code", *fields)}
                | {"position": position}
                for position, row in enumerate(reader, start=1)
            ]
    except FileNotFoundError as exc:
        raise CommandError(f"Data file not found: {path}") from exc
    codes = [row["code"] for row in rows]
    if len(codes) != len(set(codes)):
        raise CommandError(f"{path.name} lists a code twice.")
    return rows


def parents_first(rows: list[dict]) -> list[dict]:
    by_code = {row["code"]: row for row in rows}

    def depth(row, seen=()):
        parent = by_code.get(row["parent_code"])
        if parent is None:
            return 0
        if row["code"] in seen:
            raise CommandError(f"The parents of {row['code']} form a loop.")
        return 1 + depth(parent, (*seen, row["code"]))

    return sorted(rows, key=lambda row: (depth(row), row["position"]))


def load_vocabulary(model, rows: list[dict], fields: tuple[str, ...]) -> Tally:
    tally = Tally()
    existing = {entry.code: entry for entry in model.objects.all()}
    for row in parents_first(rows):
        parent = None
        if row["parent_code"]:
            parent = existing.get(row["parent_code"])
            if parent is None:
                raise CommandError(f"{row['code']}: unknown parent {row['parent_code']!r}.")
        values = {name: row[name] for name in fields} | {
            "position": row["position"],
            "parent_id": parent.pk if parent else None,
        }
        entry = existing.get(row["code"])
        if entry is None:
            existing[row["code"]] = model.objects.create(code=row["code"], **values)
            tally.created += 1
            continue
        changed = [name for name, value in values.items() if getattr(entry, name) != value]
        if changed:
            for name in changed:
                setattr(entry, name, values[name])
            entry.save(update_fields=changed)
            tally.updated += 1
        else:
            tally.unchanged += 1
    tally.not_in_source = len(existing.keys() - {row["code"] for row in rows})
    return tally


class Command(BaseCommand):
    help = "Load or update the Suomi.fi PTV service classes and life events."

    def handle(self, *args, **options):
        service_class_fields = NAME_FIELDS + DESCRIPTION_FIELDS
        service_classes = read_rows(SERVICE_CLASSES_CSV, service_class_fields)
        life_events = read_rows(LIFE_EVENTS_CSV, NAME_FIELDS)
        with transaction.atomic():
            service_tally = load_vocabulary(ServiceClass, service_classes, service_class_fields)
            life_event_tally = load_vocabulary(LifeEvent, life_events, NAME_FIELDS)
        self.stdout.write(f"Service classes: {service_tally}.")
        self.stdout.write(f"Life events: {life_event_tally}.")
