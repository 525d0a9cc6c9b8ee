"""Account pages: sign-up, confirming the address, login, settings, own data and deletion.

After login, sign-up and a language change the pages follow the person's preferred language: the
next page is the same page under their language prefix, and the language cookie remembers it.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from municipalities.accounts.export import export_user_data
from municipalities.accounts.forms import (
    AccountPasswordChangeForm,
    AccountPasswordResetForm,
    DeleteAccountForm,
    LoginForm,
    SettingsForm,
    SignUpForm,
)
from municipalities.accounts.tokens import read_confirmation_token
from municipalities.models import MembershipState
from municipalities.services import accounts as actions

LOGIN_URL = "accounts:login"
account_required = login_required(login_url=LOGIN_URL)


def in_language(url: str, language: str) -> str:
    """`url` (a path on this site) under `language`'s prefix, or unchanged if it has none."""
    path_language = translation.get_language_from_path(url.split("?")[0]) or translation.get_language()
    with translation.override(path_language):
        return translate_url(url, language)


def follow_language(response, language: str):
    """Remember `language` in the cookie that Django's own language switch sets."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def redirect_in_language(url: str, language: str):
    return follow_language(HttpResponseRedirect(in_language(url, language)), language)


def safe_next(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def signup(request):
    """The same answer whether the address is new or has an account (see actions.sign_up): a page
    that asks the person to read their mail, in the language they chose."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    next_url = safe_next(request, reverse("accounts:profile"))
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if form.is_valid():
            actions.sign_up(form)
            done = f"{reverse('accounts:signup_done')}?{urlencode({'next': next_url})}"
            return redirect_in_language(done, form.cleaned_data["preferred_language"])
    else:
        form = SignUpForm(initial={"preferred_language": translation.get_language()})
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})


def signup_done(request):
    next_url = safe_next(request, reverse("accounts:profile"))
    return render(request, "accounts/signup_done.html", {"next": next_url})


def confirm_email(request, token):
    """Show the link's state; confirming itself is a button, so mail scanners cannot use the link up."""
    confirmation = read_confirmation_token(token)
    if request.method == "POST" and confirmation.usable:
        joined = actions.confirm_email(confirmation.user)
        messages.success(request, _("Thank you, your e-mail address is confirmed."))
        if joined is not None:
            messages.success(
                request,
                _("Your address is on the e-mail domain of %(organisation)s, so you are now its member.")
                % {"organisation": joined.organisation.name},
            )
        if request.user.is_authenticated and request.user.pk == confirmation.user.pk:
            return redirect("accounts:profile")
        return redirect("accounts:confirm_email_done")
    status = 200 if confirmation.usable or confirmation.used else 400
    return render(
        request,
        "accounts/confirm_email.html",
        {"confirmation": confirmation, "token": token},
        status=status,
    )


def confirm_email_done(request):
    return render(request, "accounts/confirm_email_done.html")


@require_POST
def resend_confirmation(request):
    """A new confirmation link for the logged-in person, or for the owner of an expired link."""
    if request.user.is_authenticated:
        user = request.user
    else:
        user = read_confirmation_token(request.POST.get("token", "")).user
        if user is None:
            return redirect(f"{reverse(LOGIN_URL)}?next={reverse('accounts:profile')}")
    if user.email_confirmed_at:
        messages.info(request, _("Your e-mail address is already confirmed."))
        return redirect("accounts:profile" if request.user.is_authenticated else LOGIN_URL)
    sent = actions.resend_confirmation(user)
    return render(
        request,
        "accounts/confirmation_sent.html",
        {"sent": sent, "wait_seconds": actions.RESEND_INTERVAL_SECONDS},
        status=200 if sent else 429,
    )


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    next_page = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        user = form.get_user()
        login(self.request, user)
        return redirect_in_language(self.get_success_url(), user.preferred_language)


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("solutions:home")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    form_class = AccountPasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)


password_change = account_required(PasswordChangeView.as_view())


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset.html"
    form_class = AccountPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # The link reached the person through their mailbox, which is what a confirmation proves.
        actions.confirm_email(form.user)
        return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


@account_required
def profile(request):
    memberships = (
        request.user.memberships.filter(state__in=[MembershipState.ACTIVE, MembershipState.PENDING])
        .select_related("organisation")
        .order_by("organisation__name_fi")
    )
    return render(request, "accounts/profile.html", {"memberships": memberships})


@account_required
def account_settings(request):
    if request.method == "POST":
        form = SettingsForm(request.POST, instance=request.user)
        if form.is_valid():
            user = form.save()
            with translation.override(user.preferred_language):
                messages.success(request, _("Your settings are saved."))
            return redirect_in_language(request.path, user.preferred_language)
    else:
        form = SettingsForm(instance=request.user)
    return render(request, "accounts/settings.html", {"form": form})


@account_required
def export_data(request):
    response = JsonResponse(export_user_data(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="kuntajako-my-data.json"'
    return response


@account_required
def delete_account(request):
    if request.method == "POST":
        form = DeleteAccountForm(request.user, request.POST)
        if form.is_valid():
            user = request.user
            logout(request)
            actions.delete_account(user)
            return redirect("accounts:deleted")
    else:
        form = DeleteAccountForm(request.user)
    return render(request, "accounts/delete.html", {"form": form})


def account_deleted(request):
    return render(request, "accounts/deleted.html")
