"""Demo maturity assessments and roadmaps.

Fourteen organisations of different sizes assess themselves: six small and four medium-sized ones
in Lapland (so that the small ones can be compared with peers and the region, and the medium-sized
ones show "too few to compare"), plus larger towns elsewhere. Some assessed themselves twice, so the
change shows; one draft is in progress. A few organisations and the Lapland region keep roadmaps,
two small municipalities planning the same thing. Everything is keyed by municipality code and
written idempotently: running the demo again changes nothing twice. Missing organisations or
vocabularies are skipped quietly.
"""

import hashlib
from datetime import UTC, datetime

from django.db import transaction

from municipalities.models import Organisation, Region
from solutions.maturity.dimensions import all_dimensions
from solutions.maturity.models import Answer, Assessment, AssessmentState, RoadmapItem, RoadmapStatus
from solutions.models import LifeEvent, ServiceClass

# municipality code: (base level, rounds as (date, state), levels set on purpose). The levels set on
# purpose meet the demo's adoptions: Kuhmo and Kajaani (level 2 in families and having a child) use
# Sotkamo's early-education application, which Salla (level 1 there) is then shown; Salla and
# Sodankylä (level 2 in P25) use Kemijärvi's grant application, shown to Savukoski and Utsjoki.
ASSESSED = {
    # Small municipalities in Lapland
    "732": (
        1,
        [("2024-11-05", "published"), ("2025-11-12", "published")],
        {"sc:P3": 1, "le:KE1": 1, "sc:P25": 2},
    ),
    "854": (2, [("2025-10-20", "published")], {"sc:P3": 2, "le:KE1": 2}),
    "614": (1, [("2025-09-30", "published")], {"sc:P3": 2, "le:KE1": 2}),
    "742": (1, [("2025-10-02", "submitted")], {"sc:P3": 1, "sc:P25": 1}),
    "047": (2, [("2024-10-15", "published"), ("2025-10-14", "published")], {}),
    "890": (1, [("2025-11-03", "published")], {"le:KE1": 1, "sc:P25": 1}),
    # Medium-sized in Lapland and Kainuu
    "320": (2, [("2025-09-18", "published")], {"sc:P3": 2, "le:KE1": 2}),
    "758": (2, [("2025-10-08", "published")], {"sc:P25": 2}),
    "148": (2, [("2024-12-01", "published"), ("2025-11-20", "published")], {}),
    "261": (2, [("2025-11-01", "submitted")], {}),
    "290": (2, [("2024-11-25", "published"), ("2026-11-02", "draft")], {"sc:P3": 2, "le:KE1": 2}),
    # Larger towns
    "698": (3, [("2025-10-28", "published")], {}),
    "205": (3, [("2025-09-10", "published")], {"sc:P3": 2, "le:KE1": 2}),
    "743": (3, [("2025-11-15", "published")], {}),
}

NOTES = {
    "x:eservices": "Sähköinen asiointi on käytössä osassa palveluja.",
    "x:leadership": "Digitalisaatiolle on nimetty vastuuhenkilö, budjetti tehdään vuosittain.",
}

# (owner: municipality code or "region:19", life event, service class, title, year, quarter, status, budget)
ROADMAP = [
    ("732", "KE1", "P3.4", "Sähköinen varhaiskasvatushaku", 2026, 2, RoadmapStatus.PLANNED, "small"),
    (
        "732",
        "KE10",
        "P11",
        "Kotihoidon asiakaspalaute verkkoon",
        2027,
        None,
        RoadmapStatus.PLANNED,
        "unknown",
    ),
    ("854", "KE1", "P3.4", "Varhaiskasvatuksen haku verkkoon", 2026, 3, RoadmapStatus.PLANNED, "small"),
    ("854", "KE6", "P8.3", "Sähköinen rakennuslupa Lupapisteessä", 2025, 4, RoadmapStatus.DONE, "small"),
    ("320", "KE4", "P1", "Muuttajan palvelut yhdelle sivulle", 2026, 1, RoadmapStatus.IN_PROGRESS, "small"),
    ("320", "KE6", "P8.3", "Rakennusvalvonnan sähköinen arkisto", 2026, 4, RoadmapStatus.PLANNED, "medium"),
    (
        "698",
        "KE3",
        "P4",
        "Opiskelijan asuntohaku ja kirjastokortti samalla kertaa",
        2027,
        1,
        RoadmapStatus.PLANNED,
        "medium",
    ),
    (
        "698",
        "KE1",
        "P3.4",
        "Varhaiskasvatuksen sijoituspäätösten automatisointi",
        2026,
        1,
        RoadmapStatus.IN_PROGRESS,
        "large",
    ),
    ("205", "KE13", "P11", "Omaishoidon tuen hakemus verkkoon", 2026, 2, RoadmapStatus.PLANNED, "medium"),
    (
        "region:19",
        "KE8",
        "P14",
        "Lapin yhteinen työllisyyspalvelujen asiointikanava",
        2026,
        3,
        RoadmapStatus.IN_PROGRESS,
        "very_large",
    ),
    (
        "region:19",
        "KE1",
        "P3",
        "Lapin kuntien yhteinen varhaiskasvatuksen hakupalvelu",
        2027,
        None,
        RoadmapStatus.PLANNED,
        "large",
    ),
]


def _level(code: str, key: str, base: int) -> int:
    """A steady, varied level around the organisation's base: the same every time the demo runs."""
    digest = hashlib.sha256(f"{code}:{key}".encode()).digest()[0]
    return max(0, min(4, base + (digest % 3) - 1))


def _when(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


@transaction.atomic
def seed_maturity() -> str:
    organisations = Organisation.objects.in_bulk(
        [*ASSESSED, *(code for code, *_rest in ROADMAP)], field_name="code"
    )
    dimensions = all_dimensions()
    assessments = 0
    for code, (base, rounds, fixed) in ASSESSED.items():
        organisation = organisations.get(code)
        if organisation is None or organisation.maturity_assessments.exists():
            continue
        for round_number, (day, state) in enumerate(rounds):
            moment = _when(day)
            finished = state != AssessmentState.DRAFT
            assessment = Assessment.objects.create(
                organisation=organisation,
                state=state,
                submitted_at=moment if finished else None,
                published_at=moment if state == AssessmentState.PUBLISHED else None,
            )
            Assessment.objects.filter(pk=assessment.pk).update(created_at=moment)
            # An earlier round stood one step lower here and there: the change since then shows.
            lower = len(rounds) - 1 - round_number
            answers = []
            for dimension in dimensions:
                if state == AssessmentState.DRAFT and dimension.kind == "le":
                    continue  # The draft is half-way: life events not answered yet.
                level = fixed.get(dimension.key, _level(code, dimension.key, base))
                if lower and _level(code, dimension.key + "previous", 1) == 0:
                    level = max(0, level - 1)
                answers.append(
                    Answer(
                        assessment=assessment,
                        dimension=dimension.key,
                        level=level,
                        note=NOTES.get(dimension.key, ""),
                        answered_at=moment,
                    )
                )
            Answer.objects.bulk_create(answers)
            assessments += 1
    plans = _seed_roadmaps(organisations)
    return f"{assessments} assessments, {plans} roadmap items"


def _seed_roadmaps(organisations) -> int:
    life_events = LifeEvent.objects.in_bulk(field_name="code")
    service_classes = ServiceClass.objects.in_bulk(field_name="code")
    created = 0
    for owner, event, service_class, title, year, quarter, status, budget in ROADMAP:
        if owner.startswith("region:"):
            region = Region.objects.filter(code=owner.split(":")[1]).first()
            target = {"region": region, "organisation": None}
        else:
            target = {"organisation": organisations.get(owner), "region": None}
        if not any(target.values()) or event not in life_events:
            continue
        _item, was_created = RoadmapItem.objects.get_or_create(
            **target,
            title=title,
            defaults={
                "life_event": life_events[event],
                "service_class": service_classes.get(service_class),
                "year": year,
                "quarter": quarter,
                "status": status,
                "budget_class": budget,
            },
        )
        created += was_created
    return created
