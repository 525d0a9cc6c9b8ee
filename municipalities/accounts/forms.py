from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordResetForm,
)
from django.utils.translation import gettext_lazy as _

from kuntajako.mail import send_templated_mail
from municipalities.models import User


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
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail address already exists. Log in, or reset your password."),
                code="duplicate_email",
            )
        return email


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
    """Sends the reset link through the site's mail, in the recipient's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        send_templated_mail(
            context["user"], "account_password_reset", {"uid": context["uid"], "token": context["token"]}
        )


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
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is wrong."), code="password_incorrect")
        return password
