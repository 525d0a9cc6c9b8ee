"""The pages of the people network: the directory, a person's profile, one's own profile, writing to
a person, and the people of a topic. Every page is for signed-in members and coordinators only."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from taggit.models import Tag

from kuntajako.pagination import paginate
from municipalities.models import Membership, MembershipState, Organisation
from municipalities.permissions import may, require, roles
from solutions.community.models import HelpRequest, PostState, Referent
from solutions.community.reuse.views import limit_message
from solutions.models import ServiceClass, Solution
from solutions.people.forms import ContactForm, DirectoryFilterForm, ProfileForm
from solutions.people.models import Profile
from solutions.people.services import contact as contacting
from solutions.people.services import profiles

member_required = login_required(login_url="accounts:login")
PAGE_SIZE = 20
CONTRIBUTIONS_SHOWN = 20


def _directory_access(request):
    require(request.user, "view_people_directory")


def _member_of(**membership):
    return Exists(
        Membership.objects.filter(user=OuterRef("user"), state=MembershipState.ACTIVE, **membership)
    )


def _in_service_class(service_class) -> Q:
    return Q(service_classes=service_class) | Q(service_classes__parent=service_class)


def _filtered(form, queryset):
    if not form.is_valid():
        return queryset
    data = form.cleaned_data
    if topic := data.get("topic"):
        queryset = queryset.filter(pk__in=Profile.objects.filter(_in_service_class(topic)).values("pk"))
    if data.get("tag"):
        queryset = queryset.filter(tags__slug=data["tag"])
    if data.get("language"):
        queryset = queryset.filter(languages__code=data["language"])
    if organisation := data.get("organisation"):
        queryset = queryset.filter(_member_of(organisation=organisation))
    if region := data.get("region"):
        queryset = queryset.filter(_member_of(organisation__region=region))
    return queryset


@require_GET
@member_required
def directory(request):
    _directory_access(request)
    form = DirectoryFilterForm(request.GET or None)
    queryset = Profile.objects.listed().for_listing().order_by("user__display_name", "pk")
    page = paginate(request, _filtered(form, queryset), per_page=PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "own_profile": Profile.objects.filter(user=request.user).first(),
        "may_join": may(request.user, "join_people_directory"),
        "topics": list(ServiceClass.objects.filter(parent__isnull=True).order_by("position", "code")),
    }
    return render(request, "people/directory.html", context)


def _listed_profile(request, pk):
    profile = get_object_or_404(Profile.objects.listed().for_listing(), pk=pk)
    require(request.user, "view_person", profile, hide=True)
    return profile


@require_GET
@member_required
def profile(request, pk):
    _directory_access(request)
    person = _listed_profile(request, pk)
    user = person.user
    referent_of = set(Referent.objects.active().filter(user=user).values_list("solution_id", flat=True))
    solutions = list(
        Solution.objects.published()
        .filter(Q(created_by=user) | Q(pk__in=referent_of))
        .for_listing()
        .order_by("title")[:CONTRIBUTIONS_SHOWN]
    )
    for solution in solutions:
        solution.person_is_publisher = solution.created_by_id == user.pk
        solution.person_is_referent = solution.pk in referent_of
    answered = list(
        HelpRequest.objects.published()
        .filter(accepted_answer__author=user, accepted_answer__state=PostState.PUBLISHED)
        .select_related("service_class")
        .order_by("-solved_at", "-pk")[:CONTRIBUTIONS_SHOWN]
    )
    context = {
        "person": person,
        "solutions": solutions,
        "answered": answered,
        "is_own": user.pk == request.user.pk,
        "may_contact": may(request.user, "contact_person", person),
    }
    return render(request, "people/profile.html", context)


@require_http_methods(["GET", "POST"])
@member_required
def my_profile(request):
    require(request.user, "join_people_directory")
    existing = (
        Profile.objects.filter(user=request.user)
        .prefetch_related("service_classes", "tags", "languages")
        .first()
    )
    status = 200
    stale = None
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                saved = profiles.save_profile(
                    request.user, form.cleaned_data, expected_version=form.cleaned_data.get("version")
                )
            except profiles.StaleProfile as error:
                # Keep what they typed, take the new version so a second save goes through knowingly.
                stale = error.message
                data = request.POST.copy()
                data["version"] = error.current.version
                form = ProfileForm(data)
                form.is_valid()
                status = 409
            else:
                if existing is None:
                    messages.success(request, _("You are now listed in the people network."))
                else:
                    messages.success(request, _("Your profile was saved."))
                return redirect(saved.get_absolute_url())
        else:
            status = 400
    else:
        form = ProfileForm(initial=ProfileForm.initial_from(existing))
    context = {"form": form, "existing": existing, "stale": stale}
    return render(request, "people/profile_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@member_required
def leave(request):
    existing = Profile.objects.filter(user=request.user).first()
    if existing is None:
        return redirect("people:directory")
    if request.method == "POST":
        profiles.leave(request.user)
        messages.success(
            request,
            _("You have left the people network. Your profile was deleted and no longer shows anywhere."),
        )
        return redirect("people:directory")
    return render(request, "people/leave.html", {"existing": existing})


@require_http_methods(["GET", "POST"])
@member_required
def contact(request, pk):
    _directory_access(request)
    person = _listed_profile(request, pk)
    require(request.user, "contact_person", person)
    organisations = list(Organisation.objects.filter(pk__in=list(roles(request.user))).order_by("name_fi"))
    left = contacting.messages_left_today(request.user)
    form = ContactForm(request.POST or None, organisations=organisations)
    status = 200
    if request.method == "POST":
        if left <= 0:
            form.add_error(None, limit_message())
        elif form.is_valid():
            try:
                contacting.contact(
                    sender=request.user,
                    organisation=form.cleaned_data["organisation"],
                    profile=person,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["message"],
                )
            except contacting.RateLimited:
                form.add_error(None, limit_message())
            else:
                messages.success(
                    request,
                    _("Your message was sent to %(name)s. Replies come to your e-mail.")
                    % {"name": person.user.public_name},
                )
                return redirect(person.get_absolute_url())
        status = 429 if left <= 0 else 400
    context = {"person": person, "form": form, "messages_left": left}
    return render(request, "people/contact.html", context, status=status)


def _topic_page(request, *, name, profile_filter: Q, solution_filter: Q, help_filter: Q, kind: str):
    """The people of one topic: who lists it, who is behind its solutions, who answered its help
    requests (only people listed in the directory appear), in a fixed number of queries."""
    listed = Profile.objects.listed()
    on_topic = list(
        listed.filter(pk__in=Profile.objects.filter(profile_filter).values("pk"))
        .for_listing()
        .order_by("user__display_name", "pk")
    )
    listed_users = listed.values("user_id")
    topic_solutions = Solution.objects.published().filter(
        pk__in=Solution.objects.filter(solution_filter).values("pk")
    )
    behind = defaultdict(dict)
    for user_id, pk, title, slug in topic_solutions.filter(created_by__in=listed_users).values_list(
        "created_by_id", "pk", "title", "slug"
    ):
        behind[user_id][pk] = (title, slug)
    for user_id, pk, title, slug in (
        Referent.objects.active()
        .filter(solution__in=topic_solutions, user__in=listed_users)
        .values_list("user_id", "solution_id", "solution__title", "solution__slug")
    ):
        behind[user_id][pk] = (title, slug)
    answers = defaultdict(list)
    for request_ in (
        HelpRequest.objects.published()
        .filter(pk__in=HelpRequest.objects.filter(help_filter).values("pk"))
        .filter(accepted_answer__state=PostState.PUBLISHED, accepted_answer__author__in=listed_users)
        .select_related("accepted_answer")
        .order_by("-solved_at", "-pk")
    ):
        answers[request_.accepted_answer.author_id].append(request_)
    others = {
        person.user_id: person for person in listed.filter(user__in=set(behind) | set(answers)).for_listing()
    }
    behind_rows = [
        (others[user_id], sorted(items.items(), key=lambda item: item[1][0]))
        for user_id, items in behind.items()
        if user_id in others
    ]
    answer_rows = [(others[user_id], items) for user_id, items in answers.items() if user_id in others]
    context = {
        "topic_name": name,
        "topic_kind": kind,
        "on_topic": on_topic,
        "behind": sorted(behind_rows, key=lambda row: row[0].user.public_name),
        "answers": sorted(answer_rows, key=lambda row: row[0].user.public_name),
    }
    return render(request, "people/topic.html", context)


@require_GET
@member_required
def service_class_topic(request, code):
    _directory_access(request)
    service_class = get_object_or_404(ServiceClass, code=code)
    in_class = Q(service_classes=service_class) | Q(service_classes__parent=service_class)
    return _topic_page(
        request,
        name=service_class.name,
        kind="service_class",
        profile_filter=in_class,
        solution_filter=in_class,
        help_filter=Q(service_class=service_class) | Q(service_class__parent=service_class),
    )


@require_GET
@member_required
def tag_topic(request, slug):
    _directory_access(request)
    tag = get_object_or_404(Tag, slug=slug)
    return _topic_page(
        request,
        name=tag.name,
        kind="tag",
        profile_filter=Q(tags__slug=slug),
        solution_filter=Q(tags__slug=slug),
        help_filter=Q(tags__slug=slug),
    )
