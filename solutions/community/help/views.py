"""Views of the help requests: the list, asking (with a preview), answering and accepting."""

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kuntajako.pagination import paginate
from municipalities.models import population_in
from municipalities.permissions import is_coordinator, may, require
from solutions.community.discussion.views import _login_first
from solutions.community.help.forms import AnswerForm, HelpRequestFilterForm, HelpRequestForm
from solutions.community.help.suggest import suggestions
from solutions.community.models import Answer, HelpRequest, PostState
from solutions.community.services import discussion, help
from solutions.markdown import render_markdown
from solutions.models import Solution

PAGE_SIZE = 20


def _filtered(form, queryset):
    if not form.is_valid():
        return queryset
    data = form.cleaned_data
    status = data.get("status")
    if status == "open":
        queryset = queryset.open()
    elif status == "unanswered":
        queryset = queryset.unanswered()
    elif status == "solved":
        queryset = queryset.solved()
    if data.get("tag"):
        queryset = queryset.filter(tags__slug=data["tag"])
    if service_class := data.get("service_class"):
        queryset = queryset.filter(Q(service_class=service_class) | Q(service_class__parent=service_class))
    if region := data.get("region"):
        queryset = queryset.filter(organisation__region=region)
    if size := data.get("size"):
        queryset = queryset.filter(population_in([size], "organisation__population"))
    return queryset


@require_GET
def help_list(request):
    form = HelpRequestFilterForm(request.GET or None)
    queryset = (
        HelpRequest.objects.published()
        .for_listing()
        .annotate(answer_count=Count("answers", filter=Q(answers__state=PostState.PUBLISHED)))
        .order_by("-created_at", "-pk")
    )
    page = paginate(request, _filtered(form, queryset), per_page=PAGE_SIZE)
    context = {"form": form, "page": page, "can_ask": may(request.user, "ask_help")}
    return render(request, "solutions/help/help_list.html", context)


def _visible_request(request, pk):
    help_request = get_object_or_404(
        HelpRequest.objects.select_related(
            "organisation", "author", "service_class__parent"
        ).prefetch_related("tags"),
        pk=pk,
    )
    user = request.user
    if help_request.is_held and not (help_request.author_id == user.pk or is_coordinator(user)):
        raise Http404
    return help_request


def _answers(help_request, user):
    answers = list(
        help_request.answers.shown_to(user)
        .select_related("author", "organisation")
        .prefetch_related(
            Prefetch(
                "solutions",
                queryset=Solution.objects.published().select_related("organisation").order_by("title"),
            )
        )
        .order_by("created_at", "pk")
    )
    # The accepted answer first, the others in the order they came.
    answers.sort(key=lambda answer: answer.pk != help_request.accepted_answer_id)
    return answers


def _detail(request, help_request, answer_form=None, status=200):
    user = request.user
    can_answer = may(user, "answer", help_request)
    if answer_form is None and can_answer:
        answer_form = AnswerForm(user=user, auto_id="answer-%s")
    context = {
        "help_request": help_request,
        "answers": _answers(help_request, user),
        "answer_form": answer_form,
        "can_answer": can_answer,
        "can_accept": may(user, "accept_answer", help_request),
    }
    return render(request, "solutions/help/help_detail.html", context, status=status)


@require_GET
def help_detail(request, pk):
    return _detail(request, _visible_request(request, pk))


@require_http_methods(["GET", "POST"])
def ask(request):
    if response := _login_first(request):
        return response
    require(request.user, "ask_help")
    form = HelpRequestForm(request.POST or None, user=request.user)
    context = {"form": form, "preview": None, "suggested": None}
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            require(request.user, "ask_help", data["organisation"])
            if request.POST.get("action") != "publish":
                context["preview"] = mark_safe(render_markdown(data["question"]))  # noqa: S308 -- nh3 cleaned it
                context["suggested"] = suggestions(data["title"])
                status = 200
            else:
                help_request = HelpRequest(
                    author=request.user,
                    organisation=data["organisation"],
                    title=data["title"],
                    question=data["question"],
                    service_class=data["service_class"],
                )
                try:
                    held = discussion.save_post(
                        help_request, after_save=lambda post: post.tags.set(data["tags"])
                    )
                except discussion.RateLimited as limited:
                    form.add_error(None, limited.message)
                    status = 429
                else:
                    if held:
                        messages.info(request, discussion.HELD_MESSAGE)
                    return redirect(help_request)
    return render(request, "solutions/help/ask.html", context, status=status)


@require_GET
def suggest(request):
    """The suggestions beside the ask form, as an HTML fragment for help-suggest.js."""
    title = request.GET.get("title", "")[:200]
    return render(request, "solutions/help/_suggestions.html", {"suggested": suggestions(title)})


@require_POST
def answer(request, pk):
    help_request = _visible_request(request, pk)
    if response := _login_first(request):
        return response
    require(request.user, "answer", help_request)
    form = AnswerForm(request.POST, user=request.user, auto_id="answer-%s")
    if not form.is_valid():
        return _detail(request, help_request, form, status=400)
    new = Answer(
        help_request=help_request,
        author=request.user,
        organisation=form.cleaned_data["organisation"],
        body=form.cleaned_data["body"],
    )
    try:
        held = discussion.save_post(
            new, after_save=lambda post: post.solutions.set(form.cleaned_data["solutions"])
        )
    except discussion.RateLimited as limited:
        form.add_error(None, limited.message)
        return _detail(request, help_request, form, status=429)
    if held:
        messages.info(request, discussion.HELD_MESSAGE)
    return redirect(new.get_absolute_url())


@require_POST
def accept(request, pk):
    help_request = _visible_request(request, pk)
    if response := _login_first(request):
        return response
    require(request.user, "accept_answer", help_request)
    accepted = get_object_or_404(
        help_request.answers.published(),
        pk=request.POST.get("answer") if request.POST.get("answer", "").isdigit() else 0,
    )
    help.accept_answer(request.user, help_request, accepted)
    return redirect(accepted.get_absolute_url())
