"""What a result page shows: levels, the change since last time, peers, evidence and suggestions.

Everything is computed in a fixed number of queries whatever the number of dimensions. Comparisons
use each organisation's latest submitted or published assessment and are aggregates only: a figure
drawn from fewer than MIN_GROUP organisations is never shown.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import Coalesce

from municipalities.models import population_in
from solutions.community.models import REUSE_STATUSES, Adoption, AdoptionStatus
from solutions.maturity.dimensions import LIFE_EVENT, SERVICE_CLASS, WEAK_AT_MOST, Dimension, all_dimensions
from solutions.maturity.models import Answer, Assessment
from solutions.models import Solution

MIN_GROUP = 5
SUGGESTIONS_PER_AREA = 5

# The chart's geometry (SVG user units).
LABEL_WIDTH = 260
BAR_WIDTH = 400
ROW_HEIGHT = 28


@dataclass
class Comparison:
    average: float | None
    organisations: int

    @property
    def shown(self) -> bool:
        return self.average is not None and self.organisations >= MIN_GROUP


@dataclass
class Row:
    dimension: Dimension
    level: int | None
    note: str = ""
    answered_by: object = None
    answered_at: object = None
    previous: int | None = None
    peers: Comparison = field(default_factory=lambda: Comparison(None, 0))
    region: Comparison = field(default_factory=lambda: Comparison(None, 0))
    evidence: int | None = None
    suggestions: list = field(default_factory=list)

    @property
    def change(self) -> int | None:
        if self.level is None or self.previous is None:
            return None
        return self.level - self.previous

    @property
    def is_weak(self) -> bool:
        return self.level is not None and self.level <= WEAK_AT_MOST

    @property
    def bar_width(self) -> float:
        return BAR_WIDTH * (self.level or 0) / 4

    @property
    def peer_x(self) -> float | None:
        return LABEL_WIDTH + BAR_WIDTH * self.peers.average / 4 if self.peers.shown else None


def previous_of(assessment):
    """The organisation's finished assessment before this one, if any."""
    finished = assessment.organisation.maturity_assessments.finished().exclude(pk=assessment.pk)
    if assessment.submitted_at:
        finished = finished.filter(
            Q(submitted_at__lt=assessment.submitted_at)
            | Q(submitted_at=assessment.submitted_at, pk__lt=assessment.pk)
        )
    return finished.order_by("-submitted_at", "-pk").first()


def _comparison(organisation, condition: Q) -> dict[str, Comparison]:
    latest = Assessment.objects.latest_finished_ids()
    rows = (
        Answer.objects.filter(condition, assessment__in=latest)
        .exclude(assessment__organisation=organisation)
        .values("dimension")
        .annotate(average=Avg("level"), organisations=Count("assessment__organisation", distinct=True))
    )
    return {row["dimension"]: Comparison(row["average"], row["organisations"]) for row in rows}


def peers_of(organisation) -> dict[str, Comparison]:
    """Averages among organisations of the same size class (none when the size is unknown)."""
    size = organisation.size_class
    if size is None:
        return {}
    return _comparison(organisation, Q(population_in([size], "assessment__organisation__population")))


def region_of(organisation) -> dict[str, Comparison]:
    if organisation.region_id is None:
        return {}
    return _comparison(organisation, Q(assessment__organisation__region_id=organisation.region_id))


def _group_code(prefix: str):
    """The top-level code of a solution's service class or life event (itself or its parent)."""
    return Coalesce(f"{prefix}__parent__code", f"{prefix}__code")


def evidence_for(organisation) -> dict[str, int]:
    """The organisation's adoptions in use per service class group and per life event."""
    in_use = Adoption.objects.filter(organisation=organisation, status=AdoptionStatus.IN_USE).exclude(
        solution__organisation=organisation
    )
    counts: dict[str, int] = {}
    for kind, prefix in ((SERVICE_CLASS, "solution__service_classes"), (LIFE_EVENT, "solution__life_events")):
        rows = (
            in_use.filter(**{f"{prefix}__isnull": False})
            .annotate(group=_group_code(prefix))
            .values("group")
            .annotate(n=Count("pk", distinct=True))
        )
        counts.update({f"{kind}:{row['group']}": row["n"] for row in rows})
    return counts


def suggestions_for(organisation, weak: dict[str, int]) -> dict[str, list]:
    """For each weak dimension (key -> level), the published solutions that organisations one level
    higher there publish or use in it, the most used first: [(solution, organisations), …]."""
    keyed = {key: level for key, level in weak.items() if key.split(":")[0] in (SERVICE_CLASS, LIFE_EVENT)}
    if not keyed:
        return {}
    condition = Q()
    for key, level in keyed.items():
        condition |= Q(dimension=key, level=level + 1)
    higher = defaultdict(set)
    for dimension, organisation_id in (
        Answer.objects.filter(condition, assessment__in=Assessment.objects.latest_finished_ids())
        .exclude(assessment__organisation=organisation)
        .values_list("dimension", "assessment__organisation")
    ):
        higher[dimension].add(organisation_id)
    every = set().union(*higher.values()) if higher else set()
    if not every:
        return {}
    users = defaultdict(set)  # (dimension key, solution id) -> organisations
    published = Solution.objects.published()
    for kind, path in ((SERVICE_CLASS, "service_classes"), (LIFE_EVENT, "life_events")):
        used = (
            Adoption.objects.filter(status__in=REUSE_STATUSES, organisation__in=every, solution__in=published)
            .exclude(organisation=F("solution__organisation"))
            .annotate(group=_group_code(f"solution__{path}"))
            .values_list("group", "solution_id", "organisation_id")
        )
        own = (
            published.filter(organisation__in=every)
            .annotate(group=_group_code(path))
            .values_list("group", "pk", "organisation_id")
        )
        for group, solution_id, organisation_id in [*used, *own]:
            key = f"{kind}:{group}"
            if group and organisation_id in higher.get(key, ()):
                users[key, solution_id].add(organisation_id)
    # Solutions the organisation already uses or publishes are not suggested to it.
    known = set(Adoption.objects.filter(organisation=organisation).values_list("solution_id", flat=True))
    known |= set(published.filter(organisation=organisation).values_list("pk", flat=True))
    solutions = Solution.objects.for_listing().in_bulk({solution_id for _key, solution_id in users} - known)
    found = defaultdict(list)
    for (key, solution_id), organisations in users.items():
        if solution_id in solutions:
            found[key].append((solutions[solution_id], len(organisations)))
    return {
        key: sorted(items, key=lambda item: (-item[1], item[0].title))[:SUGGESTIONS_PER_AREA]
        for key, items in found.items()
    }


def result_for(assessment, *, with_suggestions: bool = True) -> dict:
    organisation = assessment.organisation
    answers = {answer.dimension: answer for answer in assessment.answers.select_related("answered_by")}
    previous = previous_of(assessment)
    previous_levels = dict(previous.answers.values_list("dimension", "level")) if previous else {}
    peers, region, evidence = peers_of(organisation), region_of(organisation), evidence_for(organisation)
    rows = []
    for dimension in all_dimensions():
        answer = answers.get(dimension.key)
        rows.append(
            Row(
                dimension=dimension,
                level=answer.level if answer else None,
                note=answer.note if answer else "",
                answered_by=answer.answered_by if answer else None,
                answered_at=answer.answered_at if answer else None,
                previous=previous_levels.get(dimension.key),
                peers=peers.get(dimension.key, Comparison(None, 0)),
                region=region.get(dimension.key, Comparison(None, 0)),
                evidence=evidence.get(dimension.key, 0) if dimension.kind != "x" else None,
            )
        )
    if with_suggestions:
        found = suggestions_for(organisation, {row.dimension.key: row.level for row in rows if row.is_weak})
        for row in rows:
            row.suggestions = found.get(row.dimension.key, [])
    answered = [row for row in rows if row.level is not None]
    for index, row in enumerate(answered):
        row.y = index * ROW_HEIGHT
    return {
        "rows": rows,
        "answered": answered,
        "weak": [row for row in answered if row.is_weak],
        "weak_without_suggestions": [row for row in answered if row.is_weak and not row.suggestions],
        "previous": previous,
        "chart": {
            "label_width": LABEL_WIDTH,
            "bar_width": BAR_WIDTH,
            "row_height": ROW_HEIGHT,
            "width": LABEL_WIDTH + BAR_WIDTH + 40,
            "height": max(len(answered), 1) * ROW_HEIGHT + 30,
            "ticks": [{"level": level, "x": LABEL_WIDTH + BAR_WIDTH * level / 4} for level in range(5)],
            "axis_y": len(answered) * ROW_HEIGHT,
        },
        "min_group": MIN_GROUP,
    }
