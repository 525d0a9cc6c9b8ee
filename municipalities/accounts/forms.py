from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordChangeForm,
    PasswordResetForm,
)
from django.utils.translation import gettext_lazy as _

from kuntajako import ratelimit
from municipalities.models import User
from municipalities.services import accounts as actions

# Wrong passwords typed by a logged-in person (changing the password, deleting the account) before
# those forms stop checking for a while: someone at an unlocked computer cannot guess the password.
PASSWORD_CHECKS = 5
PASSWORD_CHECK_WINDOW = 15 * 60
TOO_MANY_PASSWORD_CHECKS = _("Too many wrong passwords. Wait 15 minutes and try again.")


def check_password_throttled(user, password) -> None:
    """Raise a ValidationError for a wrong password, and for any once too many were wrong lately."""
    if ratelimit.hits("password-check", user.pk, PASSWORD_CHECK_WINDOW) >= PASSWORD_CHECKS:
        raise forms.ValidationError(TOO_MANY_PASSWORD_CHECKS, code="too_many_attempts")
    if not user.check_password(password):
        ratelimit.allow("password-check", user.pk, limit=PASSWORD_CHECKS, window=PASSWORD_CHECK_WINDOW)
        raise forms.ValidationError(_("The password is wrong."), code="password_incorrect")


class SignUpForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "display_name", "preferred_language")
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        help_texts = {
            "display_name": _("Shown beside what you write. Your e-mail address is never shown."),
            "preferred_language": _("The language of the pages and of the e-mails we send you."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        # Django's own help text is a <ul>; a plain sentence reads better next to the field.
        self.fields["password1"].help_text = " ".join(password_validation.password_validators_help_texts())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def _get_validation_exclusions(self):
        """An address in use is not an error here (neither the unique field nor the case-insensitive
        constraint): saying so would tell anyone who has an account. actions.sign_up mails the owner
        instead."""
        return super()._get_validation_exclusions() | {"email"}


class LoginForm(AuthenticationForm):
    """Django's login form with an e-mail field; it keeps the name "username" that django-axes reads."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = _("E-mail address")
        field.widget = forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
        self.error_messages["invalid_login"] = _("The e-mail address or the password is wrong.")

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class AccountPasswordResetForm(PasswordResetForm):
    """Hands the address to the worker, which mails a link in the owner's language if it has one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")

    def save(self, *args, **kwargs):
        actions.request_password_reset(self.cleaned_data["email"].strip().lower())


class AccountPasswordChangeForm(PasswordChangeForm):
    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        check_password_throttled(self.user, old_password)
        return old_password


class SettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("display_name", "preferred_language")
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "name"})}
        help_texts = {
            "display_name": _("Shown beside what you write. Your e-mail address is never shown."),
            "preferred_language": _("The language of the pages and of the e-mails we send you."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        check_password_throttled(self.user, password)
        return password
