"""Write the demo content into the database, updating in place by slug so reruns never duplicate.

Each entry in ``projects.PROJECTS`` and ``written.WRITTEN`` is a dict of Solution fields plus:
``org`` and ``partners`` (a three-digit municipality code or the slug of an organisation in
``organisations.EXTRA_ORGANISATIONS``), ``description`` as a list of Markdown paragraphs, ``tags``,
``service_classes`` and ``life_events`` (PTV codes), ``contacts`` as (name, role, e-mail) and
``attachments`` as (title, file name in ``files/``), and ``successor`` as a slug.
Publication dates are derived from each slug and a fixed base date, so every run gives the same
dates and the catalogue still looks like it grew over two years.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from municipalities.models import Organisation, Region
from solutions.demo.organisations import EXTRA_ORGANISATIONS
from solutions.demo.projects import PROJECTS
from solutions.demo.written import WRITTEN
from solutions.models import Attachment, Contact, LifeEvent, ModerationState, ServiceClass, Solution
from solutions.search import get_backend

FILES_DIR = Path(__file__).resolve().parent / "files"
BASE_DATE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
SPREAD_DAYS = 720

CONTENT_TYPES = {".bpmn": "application/bpmn+xml", ".xml": "application/xml", ".pdf": "application/pdf"}

# Keys of an entry that are not plain Solution fields.
_SPECIAL = {
    "org",
    "partners",
    "description",
    "tags",
    "service_classes",
    "life_events",
    "contacts",
    "attachments",
    "successor",
}


@dataclass
class SeedResult:
    created: int = 0
    updated: int = 0
    organisations: set = field(default_factory=set)
    kinds: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    attachments_written: int = 0
    warnings: list = field(default_factory=list)


def all_entries() -> list[dict]:
    return [*PROJECTS, *WRITTEN]


def published_at_for(slug: str) -> datetime:
    digest = int(hashlib.sha256(slug.encode()).hexdigest()[:12], 16)
    days = digest % SPREAD_DAYS
    minutes = (digest // SPREAD_DAYS) % (9 * 60)
    return BASE_DATE - timedelta(days=days, minutes=minutes)


def _organisation_refs(entries) -> set[str]:
    refs = set()
    for entry in entries:
        refs.add(entry["org"])
        refs.update(entry.get("partners", ()))
    return refs


def _is_code(ref: str) -> bool:
    return len(ref) == 3 and ref.isdigit()


def _ensure_reference_data(entries, stdout) -> None:
    codes = {ref for ref in _organisation_refs(entries) if _is_code(ref)}
    found = set(Organisation.objects.filter(code__in=codes).values_list("code", flat=True))
    if found != codes:
        call_command("load_municipalities", stdout=stdout)
    if not ServiceClass.objects.exists() or not LifeEvent.objects.exists():
        call_command("load_vocabularies", stdout=stdout)


def _ensure_extra_organisations() -> None:
    for spec in EXTRA_ORGANISATIONS:
        values = {key: value for key, value in spec.items() if key not in ("slug", "region")}
        values["region"] = Region.objects.filter(code=spec["region"]).first()
        Organisation.objects.update_or_create(slug=spec["slug"], defaults=values)


def _organisation_map(entries) -> dict[str, Organisation]:
    refs = _organisation_refs(entries)
    codes = {ref for ref in refs if _is_code(ref)}
    slugs = refs - codes
    by_ref = {org.code: org for org in Organisation.objects.filter(code__in=codes)}
    by_ref.update({org.slug: org for org in Organisation.objects.filter(slug__in=slugs)})
    missing = sorted(refs - by_ref.keys())
    if missing:
        raise CommandError(
            f"Organisations not found: {', '.join(missing)}. Run load_municipalities before seed_demo."
        )
    return by_ref


def _vocabulary(model, codes, slug, result: SeedResult):
    found = list(model.objects.filter(code__in=codes))
    missing = set(codes) - {item.code for item in found}
    if missing:
        result.warnings.append(f"{slug}: no {model._meta.verbose_name} {', '.join(sorted(missing))}")
    return found


def _save_attachments(solution: Solution, specs, result: SeedResult) -> None:
    wanted = {title for title, _filename in specs}
    for stale in solution.attachments.exclude(title__in=wanted):
        stale.file.delete(save=False)
        stale.delete()
    for title, filename in specs:
        data = (FILES_DIR / filename).read_bytes()
        existing = solution.attachments.filter(title=title).first()
        if existing and existing.size == len(data) and existing.file.storage.exists(existing.file.name):
            continue
        if existing:
            existing.file.delete(save=False)
            existing.delete()
        attachment = Attachment(
            solution=solution,
            title=title,
            content_type=CONTENT_TYPES.get(Path(filename).suffix, "application/octet-stream"),
            size=len(data),
        )
        attachment.file.save(filename, ContentFile(data), save=True)
        result.attachments_written += 1


def _save_entry(entry: dict, organisations, result: SeedResult) -> Solution:
    slug = entry["slug"]
    values = {key: value for key, value in entry.items() if key not in _SPECIAL and key != "slug"}
    values["description"] = "\n\n".join(entry.get("description", ()))
    values["organisation"] = organisations[entry["org"]]
    values["moderation_state"] = ModerationState.PUBLISHED
    values["published_at"] = published_at_for(slug)

    solution = Solution.objects.filter(slug=slug).first()
    if solution is None:
        solution = Solution(slug=slug)
        result.created += 1
    else:
        result.updated += 1
    for key, value in values.items():
        setattr(solution, key, value)
    solution.full_clean(exclude=["successor"])
    solution.save()

    solution.partners.set([organisations[ref] for ref in entry.get("partners", ())])
    solution.tags.set(entry.get("tags", []))
    solution.service_classes.set(_vocabulary(ServiceClass, entry.get("service_classes", []), slug, result))
    solution.life_events.set(_vocabulary(LifeEvent, entry.get("life_events", []), slug, result))

    solution.contacts.all().delete()
    Contact.objects.bulk_create(
        Contact(solution=solution, name=name, role=role, email=email, position=position)
        for position, (name, role, email) in enumerate(entry.get("contacts", ()))
    )
    _save_attachments(solution, entry.get("attachments", ()), result)

    result.organisations.add(solution.organisation_id)
    result.kinds[solution.kind] += 1
    result.languages[solution.language] += 1
    return solution


def seed(entries=None, stdout=None) -> SeedResult:
    """Create or update every entry; `stdout` receives the reference-data loaders' output."""
    entries = all_entries() if entries is None else entries
    result = SeedResult()
    _ensure_reference_data(entries, stdout)
    with transaction.atomic():
        _ensure_extra_organisations()
        organisations = _organisation_map(entries)
        saved = {entry["slug"]: _save_entry(entry, organisations, result) for entry in entries}
        for entry in entries:
            solution = saved[entry["slug"]]
            successor = saved.get(entry.get("successor")) if entry.get("successor") else None
            if solution.successor_id != (successor.pk if successor else None):
                solution.successor = successor
                solution.save(update_fields=["successor", "updated_at"])
    get_backend().reindex([solution.pk for solution in saved.values()])
    return result
