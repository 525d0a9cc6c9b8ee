"""Following things, reading notifications and choosing how they are mailed.

Every change is a POST. Following needs a confirmed account; unsubscribing needs only the signed
token from an e-mail, so it works without logging in, and its POST accepts no CSRF token because
mail programs send the RFC 8058 one-click request without any cookie.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kuntajako.pagination import paginate
from municipalities import permissions
from solutions.notifications.follows.targets import address_of, resolve, target_url
from solutions.notifications.models import EmailChoice, Notification, Subscription
from solutions.notifications.models.follow import TARGET_FIELDS
from solutions.notifications.services import follows
from solutions.notifications.services import notifications as notify

NOTIFICATIONS_PER_PAGE = 30


def _back(request, fallback: str):
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(next_url)
    return HttpResponseRedirect(fallback)


# Following


@login_required
@require_POST
def follow(request, kind, key):
    target = resolve(request.user, kind, key)
    if not permissions.may(request.user, "follow"):
        raise PermissionDenied(_("Confirm your e-mail address before following anything."))
    if request.POST.get("action") == "unfollow":
        follows.unfollow(request.user, target)
        messages.success(request, _("You no longer follow “%(name)s”.") % {"name": target})
    else:
        follows.follow(request.user, target)
        messages.success(
            request,
            _("You follow “%(name)s”. New events appear in your notifications.") % {"name": target},
        )
    return _back(request, target_url(target))


@login_required
def following(request):
    subscriptions = Subscription.objects.filter(user=request.user).select_related(*TARGET_FIELDS)
    groups = {field: [] for field in TARGET_FIELDS}
    for subscription in subscriptions:
        target = subscription.target
        kind, key = address_of(target)
        groups[subscription.field].append(
            {"target": target, "kind": kind, "key": key, "url": target_url(target)}
        )
    headings = {
        "solution": gettext_lazy("Solutions"),
        "organisation": gettext_lazy("Organisations"),
        "tag": gettext_lazy("Tags"),
        "service_class": gettext_lazy("Service classes"),
        "help_request": gettext_lazy("Help requests"),
        "initiative": gettext_lazy("Development initiatives"),
    }
    sections = [
        {"field": field, "heading": headings[field], "items": items}
        for field, items in groups.items()
        if items
    ]
    return render(request, "solutions/follows/following.html", {"sections": sections})


# Notifications


@login_required
def notifications(request):
    own = Notification.objects.filter(recipient=request.user)
    if request.method == "POST":
        follows.mark_read(request.user)
        messages.success(request, _("All notifications are marked as read."))
        return HttpResponseRedirect(request.path)
    page = paginate(request, own, per_page=NOTIFICATIONS_PER_PAGE)
    unread_count = own.unread().count()
    # The header shows the same number; counting once is enough.
    request.notification_unread_count = unread_count
    return render(
        request, "solutions/follows/notifications.html", {"page": page, "unread_count": unread_count}
    )


@login_required
@require_POST
def mark_read(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    follows.mark_read(request.user, notification)
    return _back(request, reverse("solutions:follows:notifications"))


class PreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label=gettext_lazy("Send notifications by e-mail"),
        choices=EmailChoice.choices,
        widget=forms.RadioSelect,
    )


@login_required
def notification_settings(request):
    form = PreferenceForm(request.POST or None, initial={"email": notify.email_choice(request.user)})
    if request.method == "POST" and form.is_valid():
        notify.set_email_choice(request.user, form.cleaned_data["email"])
        messages.success(request, _("Your choice is saved."))
        return redirect("solutions:follows:settings")
    status = 400 if form.errors else 200
    return render(request, "solutions/follows/settings.html", {"form": form}, status=status)


@csrf_exempt
def unsubscribe(request, token):
    user = notify.user_for_token(token)
    if user is None:
        return render(request, "solutions/follows/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        notify.set_email_choice(user, EmailChoice.NEVER)
        return render(request, "solutions/follows/unsubscribe.html", {"done": True})
    return render(request, "solutions/follows/unsubscribe.html", {"token": token})
