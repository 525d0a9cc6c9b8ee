"""Views of the discussion: comment, reply, edit, delete, report, and the coordinators' decisions.

Every change is a POST checked against municipalities.permissions; the state changes themselves
live in solutions.community.services.moderation and .posting.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from municipalities.permissions import require
from solutions.community.discussion.forms import CommentForm, EditCommentForm, ReasonForm
from solutions.community.models import Answer, Comment, HelpRequest, PostState, Report
from solutions.community.services import discussion, moderation
from solutions.models import ItemKind, ModerationItem, Solution

# URL names of the things people can report or a coordinator can hide.
POST_KINDS = {"comment": Comment, "answer": Answer, "help-request": HelpRequest}
POST_KIND_NAMES = {model: name for name, model in POST_KINDS.items()}


def _login_first(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _post(kind, pk):
    model = POST_KINDS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model.objects.select_related("organisation", "author"), pk=pk)


def _next_url(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


def queue_url(fallback):
    try:
        return reverse("solutions:moderation_queue")
    except NoReverseMatch:
        return fallback


@require_http_methods(["GET", "POST"])
def add_comment(request, slug):
    solution = get_object_or_404(Solution.objects.published().select_related("organisation"), slug=slug)
    if response := _login_first(request):
        return response
    require(request.user, "comment", solution)
    form = CommentForm(request.POST or None, user=request.user, solution=solution)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            comment = Comment(
                solution=solution,
                parent=form.cleaned_data["parent"],
                author=request.user,
                organisation=form.cleaned_data["organisation"],
                body=form.cleaned_data["body"],
            )
            try:
                held = discussion.save_post(comment)
            except discussion.RateLimited as limited:
                form.add_error(None, limited.message)
                status = 429
            else:
                if held:
                    messages.info(request, discussion.HELD_MESSAGE)
                return redirect(comment.get_absolute_url())
    context = {"solution": solution, "form": form}
    return render(request, "solutions/discussion/comment_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def edit_comment(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("solution"), pk=pk)
    if response := _login_first(request):
        return response
    require(request.user, "edit_comment", comment)
    form = EditCommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        comment = discussion.edit_comment(request.user, comment, form.cleaned_data["body"])
        if comment.state == PostState.HELD:
            messages.info(request, discussion.HELD_AGAIN_MESSAGE)
        return redirect(comment.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(
        request, "solutions/discussion/comment_edit.html", {"comment": comment, "form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
def delete_comment(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("solution"), pk=pk)
    if response := _login_first(request):
        return response
    require(request.user, "delete_comment", comment)
    if request.method == "POST":
        discussion.delete_comment(request.user, comment)
        return redirect(comment.get_absolute_url())
    return render(request, "solutions/discussion/comment_delete.html", {"comment": comment})


@require_http_methods(["GET", "POST"])
def report(request, kind, pk):
    post = _post(kind, pk)
    if response := _login_first(request):
        return response
    require(request.user, "report", post)
    form = ReasonForm(
        request.POST or None,
        label=_("Why should a moderator look at this?"),
        help_text=_("For example: personal data, abuse, advertising or spam."),
    )
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            moderation.report(post, request.user, form.cleaned_data["reason"])
        except moderation.ReportLimited as limited:
            form.add_error(None, limited.message)
            status = 429
        else:
            return render(request, "solutions/discussion/report_done.html", {"post": post})
    return render(
        request, "solutions/discussion/report.html", {"post": post, "form": form, "kind": kind}, status=status
    )


def _decision_page(request, template, context, status=200):
    return render(request, f"solutions/discussion/{template}", context, status=status)


@require_http_methods(["GET", "POST"])
def hide(request, kind, pk):
    post = _post(kind, pk)
    if response := _login_first(request):
        return response
    require(request.user, "hide", post)
    form = ReasonForm(
        request.POST or None,
        label=_("Reason for removing"),
        help_text=_("Kept in the moderation log."),
    )
    context = {"post": post, "form": form, "kind": kind, "next": _next_url(request, "")}
    if request.method == "POST" and form.is_valid():
        try:
            moderation.hide(post, request.user, form.cleaned_data["reason"])
        except moderation.AlreadyDecided as error:
            return _decision_page(request, "already_decided.html", {**context, "error": error}, status=409)
        return redirect(_next_url(request, post.get_absolute_url()))
    status = 400 if request.method == "POST" else 200
    return _decision_page(request, "hide.html", context, status=status)


def _item(pk, kind):
    return get_object_or_404(ModerationItem.objects.select_related("content_type"), pk=pk, kind=kind)


@require_http_methods(["POST"])
def dismiss_reports(request, pk):
    item = _item(pk, ItemKind.REPORT)
    if response := _login_first(request):
        return response
    require(request.user, "hide", item.target)
    form = ReasonForm(request.POST, required=False)
    form.is_valid()
    try:
        post = moderation.dismiss_reports(item, request.user, form.cleaned_data.get("reason", ""))
    except moderation.AlreadyDecided as error:
        return _decision_page(
            request, "already_decided.html", {"post": item.target, "error": error}, status=409
        )
    return redirect(_next_url(request, queue_url(post.get_absolute_url())))


@require_http_methods(["POST"])
def approve_held(request, pk):
    item = _item(pk, ItemKind.HELD_POST)
    if response := _login_first(request):
        return response
    require(request.user, "hide", item.target)
    try:
        post = moderation.approve_held(item, request.user)
    except moderation.AlreadyDecided as error:
        return _decision_page(
            request, "already_decided.html", {"post": item.target, "error": error}, status=409
        )
    return redirect(_next_url(request, queue_url(post.get_absolute_url())))


@require_http_methods(["GET", "POST"])
def reject_held(request, pk):
    item = _item(pk, ItemKind.HELD_POST)
    if response := _login_first(request):
        return response
    post = item.target
    require(request.user, "hide", post)
    form = ReasonForm(request.POST or None, label=_("Reason for not publishing"))
    context = {"post": post, "form": form, "item": item, "next": _next_url(request, "")}
    if request.method == "POST" and form.is_valid():
        try:
            moderation.reject_held(item, request.user, form.cleaned_data["reason"])
        except moderation.AlreadyDecided as error:
            return _decision_page(request, "already_decided.html", {**context, "error": error}, status=409)
        return redirect(_next_url(request, queue_url(post.get_absolute_url())))
    status = 400 if request.method == "POST" else 200
    return _decision_page(request, "reject_held.html", context, status=status)


@require_http_methods(["GET"])
def moderation_item(request, pk):
    """A reported or held post with the reports about it and the coordinator's choices."""
    item = get_object_or_404(
        ModerationItem.objects.select_related("content_type", "decided_by"),
        pk=pk,
        kind__in=[ItemKind.REPORT, ItemKind.HELD_POST],
    )
    if response := _login_first(request):
        return response
    require(request.user, "moderate")
    post = item.target
    if post is None:
        raise Http404
    reports = Report.objects.filter(content_type=item.content_type, object_id=item.object_id).select_related(
        "reporter"
    )
    context = {
        "item": item,
        "post": post,
        "kind": POST_KIND_NAMES[type(post)],
        "reports": reports,
        "hide_form": ReasonForm(label=_("Reason for removing"), auto_id="hide-%s"),
        "dismiss_form": ReasonForm(required=False, label=_("Note (optional)"), auto_id="dismiss-%s"),
        "reject_form": ReasonForm(label=_("Reason for not publishing"), auto_id="reject-%s"),
        "queue": queue_url(""),
    }
    return render(request, "solutions/discussion/moderation_item.html", context)
