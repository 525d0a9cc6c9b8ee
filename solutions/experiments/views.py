"""Pages of calls, experiments and savings. Every change is made by the services; these views read
input through forms, call one service and show what it says."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuntajako.pagination import paginate
from municipalities import permissions
from municipalities.models import MembershipRole, Organisation
from solutions.community.models import Adoption
from solutions.experiments import charts, forms
from solutions.experiments.models import Call, Experiment, ReviewState
from solutions.experiments.services import calls as call_service
from solutions.experiments.services import experiments as service
from solutions.experiments.services import savings
from solutions.models import ModerationDecision, ServiceClass, Solution
from solutions.services.publishing import WorkflowError

EXPERIMENTS_PER_PAGE = 30


def _login_first(request):
    return redirect_to_login(request.get_full_path())


def filtered_experiments(request):
    """Published experiments matching the filter form (call, region, service class, status)."""
    form = forms.ExperimentFilterForm(request.GET or None)
    experiments = Experiment.objects.published().for_listing()
    if form.is_valid():
        data = form.cleaned_data
        if data["call"]:
            experiments = experiments.filter(call=data["call"])
        if data["region"]:
            experiments = experiments.filter(organisation__region=data["region"])
        if data["service_class"]:
            code = data["service_class"].code
            experiments = experiments.filter(
                pk__in=Experiment.objects.filter(service_classes__code=code).values("pk")
                | Experiment.objects.filter(service_classes__parent__code=code).values("pk")
            )
        if data["status"]:
            experiments = experiments.filter(status=data["status"])
    return form, experiments.order_by("-published_at", "-pk")


def index(request):
    """Open and closed calls, and the experiments list with its filters."""
    form, experiments = filtered_experiments(request)
    page = paginate(request, experiments, EXPERIMENTS_PER_PAGE)
    all_calls = list(Call.objects.for_listing())
    context = {
        "form": form,
        "page": page,
        "open_calls": [call for call in all_calls if call.is_open],
        "closed_calls": [call for call in all_calls if not call.is_open],
        "may_open_call": permissions.may(request.user, "open_call"),
        "feed_query": request.GET.urlencode(),
    }
    return render(request, "experiments/index.html", context)


def open_call(request):
    if not request.user.is_authenticated:
        return _login_first(request)
    permissions.require(request.user, "open_call")
    form = forms.CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = call_service.open_call(request.user, form.cleaned_data)
        messages.success(request, _("The call is open."))
        return redirect(call)
    return render(request, "experiments/call_form.html", {"form": form}, status=400 if form.errors else 200)


def call_detail(request, slug):
    call = get_object_or_404(Call.objects.for_listing(), slug=slug)
    experiments = call.experiments.visible_to(request.user).for_listing().order_by("-submitted_at", "-pk")
    context = {
        "call": call,
        "experiments": list(experiments),
        "may_submit": permissions.may(request.user, "submit_experiments", call),
    }
    return render(request, "experiments/call_detail.html", context)


def submit(request, slug):
    if not request.user.is_authenticated:
        return _login_first(request)
    call = get_object_or_404(Call, slug=slug)
    permissions.require(request.user, "submit_experiments", call)
    organisations = Organisation.objects.filter(
        pk__in=permissions.organisations_with_role(request.user, MembershipRole.EDITOR)
    ).order_by("name_fi")
    form = forms.ExperimentForm(request.POST or None, organisations=organisations, call=call)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            experiment = service.submit(call, data["organisation"], request.user, data)
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The experiment was sent for review. A coordinator publishes it."))
            return redirect(experiment)
    context = {"call": call, "form": form}
    return render(request, "experiments/experiment_form.html", context, status=400 if form.errors else 200)


def _experiment(request, slug):
    experiment = get_object_or_404(
        Experiment.objects.select_related("organisation__region", "call", "solution").prefetch_related(
            "partners", Prefetch("service_classes", queryset=ServiceClass.objects.select_related("parent"))
        ),
        slug=slug,
    )
    permissions.require(request.user, "view_experiment", experiment, hide=True)
    return experiment


def experiment_detail(request, slug, *, forms_in=None, status=200):
    experiment = _experiment(request, slug)
    version = {"version": experiment.version}
    context = {
        "experiment": experiment,
        "may_run": permissions.may(request.user, "run_experiment", experiment),
        "may_review": experiment.review_state == ReviewState.SUBMITTED
        and permissions.may(request.user, "review_experiment", experiment),
        # Several forms on one page: each has its own prefix, so their fields' ids differ.
        "start_form": forms.VersionForm(initial=version, prefix="start"),
        "stop_form": forms.StopForm(initial=version, prefix="stop"),
        "finish_form": forms.FinishForm(initial=version, prefix="finish"),
        "solution_form": forms.MakeSolutionForm(prefix="solution"),
        "review_form": forms.ReviewForm(prefix="review"),
        "decisions": [],
        **(forms_in or {}),
    }
    # The review history: for the organisation's members and the coordinators, as for solutions.
    if permissions.role_in(
        request.user, experiment.organisation_id
    ) is not None or permissions.is_coordinator(request.user):
        context["decisions"] = list(
            ModerationDecision.objects.filter(
                content_type__app_label="experiments",
                content_type__model="experiment",
                object_id=experiment.pk,
            ).select_related("decided_by")
        )
    return render(request, "experiments/experiment_detail.html", context, status=status)


def _act(request, slug, form_class, name, action, success):
    if not request.user.is_authenticated:
        return _login_first(request)
    experiment = _experiment(request, slug)
    form = form_class(request.POST, prefix=name.removesuffix("_form"))
    if form.is_valid():
        try:
            action(experiment, form.cleaned_data)
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, success)
            return redirect(experiment)
    return experiment_detail(request, slug, forms_in={name: form}, status=400)


@require_POST
def start(request, slug):
    def action(experiment, data):
        service.start(experiment, request.user, expected_version=data["version"])

    return _act(request, slug, forms.VersionForm, "start_form", action, _("The experiment is running."))


@require_POST
def stop(request, slug):
    def action(experiment, data):
        service.stop(experiment, request.user, data["lesson"], expected_version=data["version"])

    return _act(request, slug, forms.StopForm, "stop_form", action, _("The experiment was stopped."))


@require_POST
def finish(request, slug):
    def action(experiment, data):
        service.finish(experiment, request.user, data, expected_version=data["version"])

    return _act(request, slug, forms.FinishForm, "finish_form", action, _("The experiment is finished."))


@require_POST
def make_solution(request, slug):
    created = {}

    def action(experiment, data):
        url = request.build_absolute_uri(experiment.get_absolute_url())
        created["solution"] = service.make_solution(
            experiment, request.user, data["kind"], experiment_url=url
        )

    response = _act(
        request,
        slug,
        forms.MakeSolutionForm,
        "solution_form",
        action,
        _("A draft solution was made of the experiment. Complete it and send it for review."),
    )
    if "solution" in created:
        return redirect("solutions:solution_detail", slug=created["solution"].slug)
    return response


@require_POST
def review(request, slug):
    def action(experiment, data):
        decide = service.approve if data["decision"] == forms.ReviewForm.APPROVE else service.reject
        decide(experiment, request.user, data["reason"])

    return _act(request, slug, forms.ReviewForm, "review_form", action, _("Decision recorded."))


def savings_page(request):
    """Savings per year for the nation or the chosen slice, by the chosen grouping, with the
    measured saving potential per service class."""
    form = forms.SavingsFilterForm(request.GET or None)
    filters, by = {}, "service_class"
    if form.is_valid():
        data = form.cleaned_data
        by = data["by"] or by
        filters = {name: data[name] for name in ("region", "service_class", "organisation") if data[name]}
    found = savings.entries(**filters)
    result = savings.totals(found, by=by)
    context = {
        "form": form,
        "by": by,
        "by_label": dict(forms.SavingsFilterForm.BY)[by],
        "by_heading": forms.SavingsFilterForm.HEADINGS[by],
        "result": result,
        "chart": charts.savings_bars(result["per_year"]),
        "potential": savings.potential() if not filters else [],
    }
    return render(request, "experiments/savings.html", context)


def solution_savings(request, slug):
    solution = get_object_or_404(Solution.objects.published(), slug=slug)
    result = savings.totals(savings.entries(solution=solution), by="organisation")
    context = {
        "solution": solution,
        "result": result,
        "chart": charts.savings_bars(result["per_year"]),
        "experiments": list(solution.experiments.published().select_related("organisation")),
        # The adoptions whose savings the user may describe (method, period, currency).
        "describable": list(
            Adoption.objects.filter(
                solution=solution,
                organisation_id__in=permissions.organisations_with_role(request.user, MembershipRole.EDITOR),
            ).select_related("organisation")
        ),
    }
    return render(request, "experiments/solution_savings.html", context)


def adoption_saving(request, pk):
    """Say how an adoption's savings were reached: method, period and currency."""
    if not request.user.is_authenticated:
        return _login_first(request)
    adoption = get_object_or_404(Adoption.objects.select_related("organisation", "solution"), pk=pk)
    permissions.require(request.user, "describe_saving", adoption)
    details = getattr(adoption, "saving_details", None)
    initial = (
        {
            "method": details.method,
            "period_start": details.period_start,
            "period_end": details.period_end,
            "currency": details.currency,
        }
        if details
        else {"method": "estimated", "currency": "EUR", "period_start": adoption.since}
    )
    form = forms.AdoptionSavingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            savings.describe_adoption_saving(adoption, request.user, **form.cleaned_data)
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("experiments:savings_solution", slug=adoption.solution.slug)
    context = {"adoption": adoption, "form": form}
    return render(request, "experiments/adoption_saving.html", context, status=400 if form.errors else 200)
