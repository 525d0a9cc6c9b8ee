"""Pages of the maturity self-assessment and the roadmaps. Views are thin: services change state."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from municipalities.models import Organisation, Region
from municipalities.permissions import may, require, roles
from solutions.community.models import REUSE_STATUSES, Adoption
from solutions.maturity.dimensions import LEVEL_DESCRIPTIONS, LEVEL_NAMES, all_dimensions
from solutions.maturity.forms import AnswersForm, RoadmapItemForm, field_name, fingerprint
from solutions.maturity.models import Assessment, RoadmapItem
from solutions.maturity.results import result_for
from solutions.maturity.services import assessments as assessing
from solutions.maturity.services import roadmaps as planning
from solutions.models import LifeEvent, Solution

member_required = login_required(login_url="accounts:login")


def _levels():
    return [
        {"level": level, "name": LEVEL_NAMES[level], "description": LEVEL_DESCRIPTIONS[level]}
        for level in LEVEL_NAMES
    ]


def index(request):
    published = (
        Assessment.objects.latest_published()
        .select_related("organisation", "organisation__region")
        .order_by("organisation__name_fi")
    )
    own = Organisation.objects.filter(pk__in=list(roles(request.user))).order_by("name_fi")
    return render(request, "maturity/index.html", {"levels": _levels(), "published": published, "own": own})


def _organisation(slug):
    return get_object_or_404(Organisation.objects.select_related("region"), slug=slug)


def organisation(request, slug):
    organisation = _organisation(slug)
    is_member = organisation.pk in roles(request.user)
    visible = organisation.maturity_assessments.all()
    if not is_member:
        visible = visible.published()
    return render(
        request,
        "maturity/organisation.html",
        {
            "organisation": organisation,
            "assessments": visible.select_related("submitted_by", "published_by"),
            "is_member": is_member,
            "may_start": may(request.user, "start_assessment", organisation),
        },
    )


@require_POST
@member_required
def start(request, slug):
    organisation = _organisation(slug)
    draft = assessing.start(organisation=organisation, user=request.user)
    return redirect("maturity:answer", organisation.slug, draft.pk)


def _assessment(request, slug, pk):
    assessment = get_object_or_404(
        Assessment.objects.select_related("organisation", "organisation__region"),
        organisation__slug=slug,
        pk=pk,
    )
    require(request.user, "view_assessment", assessment, hide=True)
    return assessment


@member_required
def answer(request, slug, pk):
    assessment = _assessment(request, slug, pk)
    if not assessment.is_draft:
        return redirect(assessment)
    require(request.user, "answer_assessment", assessment)
    dimensions = all_dimensions()
    stored = {answer.dimension: answer for answer in assessment.answers.select_related("answered_by")}
    form = AnswersForm(request.POST or None, dimensions=dimensions, answers=stored)
    conflicts = []
    if request.method == "POST" and form.is_valid():
        conflicts = assessing.save_answers(assessment=assessment, user=request.user, given=form.given())
        if not conflicts:
            messages.success(request, _("Your answers are saved in the draft."))
            if request.POST.get("then") == "submit":
                return redirect("maturity:confirm_submit", assessment.organisation.slug, assessment.pk)
            return redirect("maturity:answer", assessment.organisation.slug, assessment.pk)
        # Keep what this person typed, and let a second save overwrite on purpose.
        data = request.POST.copy()
        for conflict in conflicts:
            data[f"seen_{field_name(conflict.dimension)}"] = conflict.version
            data[f"shown_{field_name(conflict.dimension)}"] = fingerprint(conflict.level, conflict.note)
        stored = {answer.dimension: answer for answer in assessment.answers.select_related("answered_by")}
        form = AnswersForm(data, dimensions=dimensions, answers=stored)
        form.is_valid()
    context = {
        "assessment": assessment,
        "organisation": assessment.organisation,
        "form": form,
        "levels": _levels(),
        "conflicts": [(conflict, _dimension_name(dimensions, conflict.dimension)) for conflict in conflicts],
    }
    return render(
        request, "maturity/answer.html", context, status=409 if conflicts else (400 if form.errors else 200)
    )


def _dimension_name(dimensions, key):
    return next((dimension.name for dimension in dimensions if dimension.key == key), key)


@member_required
def confirm_submit(request, slug, pk):
    assessment = _assessment(request, slug, pk)
    require(request.user, "answer_assessment", assessment)
    if request.method == "POST":
        try:
            assessing.submit(assessment=assessment, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("maturity:answer", assessment.organisation.slug, assessment.pk)
        messages.success(
            request,
            _("The assessment is submitted. Only your organisation sees it until its admin publishes it."),
        )
        return redirect(assessment)
    answered = assessment.answers.count()
    return render(
        request,
        "maturity/confirm_submit.html",
        {
            "assessment": assessment,
            "organisation": assessment.organisation,
            "answered": answered,
            "total": len(all_dimensions()),
        },
    )


@require_POST
@member_required
def publish(request, slug, pk):
    assessment = _assessment(request, slug, pk)
    assessing.publish(assessment=assessment, user=request.user)
    messages.success(request, _("The assessment is published: everyone can now see it."))
    return redirect(assessment)


def assessment(request, slug, pk, printable=False):
    assessment = _assessment(request, slug, pk)
    result = result_for(assessment, with_suggestions=not printable)
    context = {
        "assessment": assessment,
        "organisation": assessment.organisation,
        "result": result,
        "levels": _levels(),
        "may_answer": may(request.user, "answer_assessment", assessment),
        "may_publish": may(request.user, "publish_assessment", assessment),
        "own_organisation": assessment.organisation_id in roles(request.user),
        "printable": printable,
    }
    return render(request, "maturity/print.html" if printable else "maturity/assessment.html", context)


def assessment_print(request, slug, pk):
    return assessment(request, slug, pk, printable=True)


# Roadmaps


def _items_by_life_event(items):
    grouped = {}
    for item in items:
        grouped.setdefault(item.life_event, []).append(item)
    return list(grouped.items())


def _add_item(request, owner, form, back):
    require(request.user, "edit_roadmap", owner)
    if form.is_valid():
        planning.add_item(owner=owner, user=request.user, data=form.cleaned_data)
        messages.success(request, _("The plan is added to the roadmap."))
        return redirect(back)
    return None


def organisation_roadmap(request, slug):
    organisation = _organisation(slug)
    may_edit = may(request.user, "edit_roadmap", organisation)
    form = RoadmapItemForm(request.POST or None) if may_edit else None
    if request.method == "POST" and (response := _add_item(request, organisation, form, request.path)):
        return response
    items = list(
        organisation.roadmap_items.for_listing().order_by("life_event__position", "year", "quarter", "pk")
    )
    _mark_same_plans(items, exclude=Q(organisation=organisation))
    context = {
        "organisation": organisation,
        "groups": _items_by_life_event(items),
        "form": form,
        "may_edit": may_edit,
    }
    return render(
        request, "maturity/organisation_roadmap.html", context, status=400 if form and form.errors else 200
    )


def _mark_same_plans(items, exclude):
    """Give each item `same_plans`: what other organisations and regions plan for the same life event
    and service class group (or the same life event when the item names no service class)."""
    others = RoadmapItem.objects.filter(life_event__in={item.life_event_id for item in items}).exclude(
        exclude
    )
    others = list(others.for_listing().order_by("year", "quarter", "pk"))
    for item in items:
        item.same_plans = [
            other
            for other in others
            if other.life_event_id == item.life_event_id
            and (item.service_group_id is None or other.service_group_id in (None, item.service_group_id))
        ]


def region_roadmap(request, code):
    region = get_object_or_404(Region, code=code)
    may_edit = may(request.user, "edit_roadmap", region)
    form = RoadmapItemForm(request.POST or None) if may_edit else None
    if request.method == "POST" and (response := _add_item(request, region, form, request.path)):
        return response
    own = list(region.roadmap_items.for_listing().order_by("life_event__position", "year", "quarter", "pk"))
    _mark_same_plans(own, exclude=Q(region=region) | Q(organisation__region=region))
    rolled_up = (
        RoadmapItem.objects.filter(organisation__region=region)
        .for_listing()
        .order_by("life_event__position", "year", "quarter", "organisation__name_fi", "pk")
    )
    summary = (
        RoadmapItem.objects.filter(Q(organisation__region=region) | Q(region=region))
        .values(
            "life_event__code",
            "life_event__name_fi",
            "life_event__name_sv",
            "life_event__name_en",
            "life_event__position",
        )
        .annotate(
            items=Count("pk"),
            organisations=Count("organisation", distinct=True),
            planned=Count("pk", filter=Q(status="planned")),
            in_progress=Count("pk", filter=Q(status="in_progress")),
            done=Count("pk", filter=Q(status="done")),
        )
        .order_by("life_event__position")
    )
    context = {
        "region": region,
        "own_groups": _items_by_life_event(own),
        "rolled_up_groups": _items_by_life_event(rolled_up),
        "summary": [_localise_life_event(row) for row in summary],
        "form": form,
        "may_edit": may_edit,
    }
    return render(
        request, "maturity/region_roadmap.html", context, status=400 if form and form.errors else 200
    )


def _localise_life_event(row):
    event = LifeEvent(
        code=row["life_event__code"],
        name_fi=row["life_event__name_fi"],
        name_sv=row["life_event__name_sv"],
        name_en=row["life_event__name_en"],
    )
    return {**row, "life_event": event}


@member_required
def edit_item(request, pk):
    item = get_object_or_404(RoadmapItem.objects.for_listing(), pk=pk)
    owner = item.owner
    require(request.user, "edit_roadmap", owner)
    back = _roadmap_url(item)
    form = RoadmapItemForm(request.POST or None, instance=item)
    if request.method == "POST" and request.POST.get("remove"):
        planning.remove_item(item=item, user=request.user)
        messages.success(request, _("The plan is removed from the roadmap."))
        return redirect(back)
    if request.method == "POST" and form.is_valid():
        try:
            planning.update_item(
                item=item,
                user=request.user,
                data=form.cleaned_data,
                seen_version=form.cleaned_data["version"] or 0,
            )
        except planning.StaleEdit as stale:
            data = request.POST.copy()
            data["version"] = stale.current.version
            form = RoadmapItemForm(data, instance=RoadmapItem.objects.for_listing().get(pk=item.pk))
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else changed this plan while you were editing it. Their version is shown "
                    "below the form; what you typed is kept. Save again to replace their version with yours."
                ),
            )
            context = {"item": item, "current": stale.current, "form": form, "back": back}
            return render(request, "maturity/edit_item.html", context, status=409)
        messages.success(request, _("The plan is saved."))
        return redirect(back)
    return render(
        request,
        "maturity/edit_item.html",
        {"item": item, "form": form, "back": back},
        status=400 if form.errors else 200,
    )


def _roadmap_url(item):
    if item.organisation_id:
        return reverse("maturity:organisation_roadmap", args=[item.organisation.slug])
    return reverse("maturity:region_roadmap", args=[item.region.code])


def national(request):
    counts = dict(
        RoadmapItem.objects.values("life_event").annotate(n=Count("pk")).values_list("life_event", "n")
    )
    solution_counts = dict(
        Solution.objects.published()
        .filter(life_events__isnull=False)
        .annotate(group=_group())
        .values("group")
        .annotate(n=Count("pk", distinct=True))
        .values_list("group", "n")
    )
    events = [
        {"event": event, "plans": counts.get(event.pk, 0), "solutions": solution_counts.get(event.code, 0)}
        for event in LifeEvent.objects.filter(parent__isnull=True)
    ]
    return render(request, "maturity/national.html", {"events": events})


def _group():
    return Coalesce("life_events__parent__code", "life_events__code")


def life_event(request, code):
    event = get_object_or_404(LifeEvent, code=code, parent__isnull=True)
    items = (
        RoadmapItem.objects.filter(life_event=event)
        .for_listing()
        .order_by("year", "quarter", "organisation__name_fi", "region__name_fi", "pk")
    )
    solutions = list(
        Solution.objects.published()
        .filter(Q(life_events=event) | Q(life_events__parent=event))
        .distinct()
        .for_listing()
        .order_by("-reuse_count", "title")
    )
    users = {}
    for solution_id, name_fi, name_sv, slug in (
        Adoption.objects.filter(solution__in=[s.pk for s in solutions], status__in=REUSE_STATUSES)
        .order_by("organisation__name_fi")
        .values_list("solution_id", "organisation__name_fi", "organisation__name_sv", "organisation__slug")
    ):
        users.setdefault(solution_id, []).append(Organisation(name_fi=name_fi, name_sv=name_sv, slug=slug))
    for solution in solutions:
        solution.users = users.get(solution.pk, [])
    return render(
        request,
        "maturity/life_event.html",
        {"event": event, "items": items, "solutions": solutions},
    )
