"""Pages of news, blog posts and events: lists, pages, calendars, writing and the review.

Views validate input and call solutions.news.services.publishing; they write no state themselves.
"""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kuntajako.pagination import paginate
from municipalities import permissions
from solutions.attachments import ALLOWED
from solutions.markdown import render_markdown
from solutions.models import ModerationItem, ServiceClass
from solutions.news import ical
from solutions.news.forms import AttachmentForm, DecisionForm, EventForm, PostForm, post_initial, writing_for
from solutions.news.models import QUEUE_KIND, Attachment, Event, Post, PostKind
from solutions.news.services import publishing

PAGE_SIZE = 20
MODELS = {"post": Post, "event": Event}
ITEMS_IN_CALENDAR = 200


def _visible(request, model, slug):
    item = get_object_or_404(model.objects.select_related("organisation", "author"), slug=slug)
    permissions.require(request.user, "view_news", item, hide=True)
    return item


def _topic(request):
    code = request.GET.get("topic", "")
    if not code:
        return None
    return ServiceClass.objects.filter(code=code).first()


def _in_topic(queryset, topic):
    if topic is None:
        return queryset
    return queryset.filter(Q(service_classes=topic) | Q(service_classes__parent=topic)).distinct()


# Reading


@require_GET
def post_list(request):
    kind = request.GET.get("kind", "")
    posts = Post.objects.published().for_listing().order_by("-published_at", "-pk")
    if kind in PostKind.values:
        posts = posts.filter(kind=kind)
    else:
        kind = ""
    context = {
        "page": paginate(request, posts, per_page=PAGE_SIZE),
        "kind": kind,
        "kinds": PostKind.choices,
        "can_write": permissions.may(request.user, "write_news"),
    }
    return render(request, "news/post_list.html", context)


def _detail_context(request, item):
    attachments = list(item.attachments.all())
    return {
        "body": render_markdown(item.body),
        "images": [attachment for attachment in attachments if attachment.is_image],
        "files": [attachment for attachment in attachments if not attachment.is_image],
        "service_classes": list(item.service_classes.all()),
        "can_edit": permissions.may(request.user, "edit_news", item),
    }


@require_GET
def post_detail(request, slug):
    post = _visible(request, Post, slug)
    return render(request, "news/post_detail.html", {"post": post, **_detail_context(request, post)})


@require_GET
def event_list(request):
    past = request.GET.get("when") == "past"
    topic = _topic(request)
    events = Event.objects.published().for_listing()
    events = events.past() if past else events.upcoming()
    context = {
        "page": paginate(request, _in_topic(events, topic), per_page=PAGE_SIZE),
        "past": past,
        "topic": topic,
        "can_write": permissions.may(request.user, "write_news"),
    }
    return render(request, "news/event_list.html", context)


@require_GET
def event_detail(request, slug):
    event = _visible(request, Event, slug)
    context = {
        "event": event,
        **_detail_context(request, event),
        "can_add_material": permissions.may(request.user, "add_event_material", event),
    }
    return render(request, "news/event_detail.html", context)


def _calendar_response(request, events, name, filename):
    body = ical.calendar(
        events,
        name=name,
        url_of=lambda event: request.build_absolute_uri(event.get_absolute_url()),
        host=request.get_host().split(":")[0],
    )
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().for_listing(), slug=slug)
    return _calendar_response(request, [event], event.title, f"{event.slug[:60]}.ics")


@require_GET
def events_ics(request):
    topic = _topic(request)
    events = _in_topic(Event.objects.published().for_listing().upcoming(), topic)[:ITEMS_IN_CALENDAR]
    name = _("Kuntajako events")
    if topic is not None:
        name = f"{name}: {topic.name}"
    return _calendar_response(request, events, name, "kuntajako-events.ics")


@require_GET
def attachment(request, pk):
    """A file of a post or an event, served so that it can never run as a page of this site."""
    attachment = get_object_or_404(Attachment.objects.select_related("post", "event"), pk=pk)
    parent = attachment.parent
    if not permissions.may(request.user, "view_news", parent) or not attachment.file:
        raise Http404
    file_type = ALLOWED.get(attachment.content_type)
    try:
        handle, size = attachment.file.storage.stream(attachment.file.name)
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=not (file_type and file_type.inline),
        filename=PurePath(attachment.file.name).name,
        content_type=file_type.content_type if file_type else "application/octet-stream",
    )
    if size is not None:
        response["Content-Length"] = str(size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if not parent.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


# Writing


@login_required
@require_GET
def mine(request):
    """Every item of the organisations the user writes for, whatever its state."""
    permissions.require(request.user, "write_news")
    organisations = [org.pk for org in writing_for(request.user)]
    context = {
        "posts": Post.objects.of_organisations(organisations)
        .select_related("organisation")
        .order_by("-updated_at"),
        "events": Event.objects.of_organisations(organisations)
        .select_related("organisation")
        .order_by("-starts_at"),
    }
    return render(request, "news/mine.html", context)


def _create(request, model, form_class):
    permissions.require(request.user, "write_news")
    form = form_class(request.POST or None, user=request.user, creating=True)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            item = publishing.create(model, organisation, request.user, form.data_for_service())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Draft saved. Add files if you like, then submit it for review."))
            return redirect(item.get_edit_url())
    status = 400 if form.errors else 200
    return render(
        request, "news/edit.html", {"form": form, "model_name": model.__name__.lower()}, status=status
    )


@login_required
def post_new(request):
    return _create(request, Post, PostForm)


@login_required
def event_new(request):
    return _create(request, Event, EventForm)


def _item_form(model, item, data=None):
    if model is Post:
        return PostForm(data, initial=None if data else post_initial(item))
    return EventForm(data, instance=None if data else item)


def _edit_page(request, item, *, form=None, attachment_form=None, status=200):
    model = type(item)
    context = {
        "form": form or _item_form(model, item),
        "item": item,
        "model_name": model.__name__.lower(),
        "can_edit": permissions.may(request.user, "edit_news", item),
        "can_submit": permissions.may(request.user, "submit_news", item),
        "can_publish": permissions.may(request.user, "publish_news", item),
        "can_add_files": permissions.may(
            request.user, "add_event_material" if model is Event else "edit_news", item
        ),
        "attachment_form": attachment_form or AttachmentForm(prefix="file"),
        "attachments": list(item.attachments.all()),
        "decisions": list(publishing.decisions(item)[:10]),
    }
    return render(request, "news/edit.html", context, status=status)


def _edit(request, model, slug):
    item = get_object_or_404(model.objects.select_related("organisation"), slug=slug)
    permissions.require(request.user, "view_news", item, hide=True)
    if request.method != "POST":
        return _edit_page(request, item)
    permissions.require(request.user, "edit_news", item)
    form = _item_form(model, item, request.POST)
    if not form.is_valid():
        return _edit_page(request, item, form=form, status=400)
    try:
        item = publishing.save(
            item, request.user, form.data_for_service(), expected_version=form.cleaned_data["version"]
        )
    except publishing.WorkflowError as error:
        # A stale version or an item submitted meanwhile: the text typed stays in the form.
        form.add_error(None, error.message)
        return _edit_page(request, item, form=form, status=409)
    except ValidationError as error:
        form.add_error(None, error)
        return _edit_page(request, item, form=form, status=400)
    messages.success(request, _("Saved."))
    return redirect(item.get_edit_url())


@login_required
def post_edit(request, slug):
    return _edit(request, Post, slug)


@login_required
def event_edit(request, slug):
    return _edit(request, Event, slug)


def _item_for_action(request, model_name, slug):
    model = MODELS.get(model_name)
    if model is None:
        raise Http404
    item = get_object_or_404(model.objects.select_related("organisation"), slug=slug)
    permissions.require(request.user, "view_news", item, hide=True)
    return item


@login_required
@require_POST
def submit(request, model_name, slug):
    item = _item_for_action(request, model_name, slug)
    try:
        item = publishing.submit(item, request.user)
    except publishing.WorkflowError as error:
        messages.error(request, error.message)
    else:
        if item.is_published:
            messages.success(request, _("Published."))
            return redirect(item.get_absolute_url())
        messages.success(request, _("Sent for review. It is published when a coordinator approves it."))
    return redirect(item.get_edit_url())


@login_required
@require_POST
def attachment_add(request, model_name, slug):
    item = _item_for_action(request, model_name, slug)
    form = AttachmentForm(request.POST, request.FILES, prefix="file")
    if form.is_valid():
        try:
            publishing.add_attachment(
                item, request.user, title=form.cleaned_data["title"], file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        except publishing.WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("File added."))
            return redirect(item.get_edit_url())
    return _edit_page(request, item, attachment_form=form, status=400)


@login_required
@require_POST
def attachment_remove(request, model_name, slug, pk):
    item = _item_for_action(request, model_name, slug)
    try:
        title = publishing.remove_attachment(item, request.user, pk)
    except publishing.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Removed “%(title)s”.") % {"title": title})
    return redirect(item.get_edit_url())


# Review


def review(request, pk):
    """A queued post or event as it will appear, and the coordinator's decision."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permissions.require(request.user, "moderate")
    queue_item = get_object_or_404(
        ModerationItem.objects.select_related("organisation", "submitted_by", "claimed_by", "decided_by"),
        pk=pk,
        kind=QUEUE_KIND,
    )
    target = queue_item.target
    if target is None:
        raise Http404
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            decide = (
                publishing.approve
                if form.cleaned_data["decision"] == DecisionForm.APPROVE
                else publishing.reject
            )
            try:
                decide(queue_item, request.user, form.cleaned_data["reason"])
            except publishing.AlreadyDecided as error:
                messages.error(request, error.message)
                return redirect("news:review", pk=queue_item.pk)
            except publishing.WorkflowError as error:
                form.add_error(None, error.message)
                status = 409
            else:
                messages.success(request, _("Decision recorded: “%(title)s”.") % {"title": target.title})
                return redirect("solutions:moderation_queue")
        else:
            status = 400
    context = {
        "queue_item": queue_item,
        "item": target,
        "is_event": isinstance(target, Event),
        "form": form,
        "decidable": queue_item.is_open and permissions.may(request.user, "publish_news", queue_item),
        "decisions": list(publishing.decisions(target)[:10]),
        **_detail_context(request, target),
        "now": timezone.now(),
    }
    return render(request, "news/review.html", context, status=status)
