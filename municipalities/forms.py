"""Forms of the membership pages and of the organisation editor."""

import re

from django import forms
from django.forms import inlineformset_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from municipalities.models import EmailDomain, Organisation
from municipalities.services.membership import MESSAGE_MAX_LENGTH

# Labels of at most 63 letters, digits and inner hyphens, at least one dot, no trailing dot.
DOMAIN_PATTERN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the admins (optional)"),
        help_text=_("For example your unit and job title, so the admins know who you are."),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    ACCEPT = "accept"
    DECLINE = "decline"

    decision = forms.ChoiceField(choices=[(ACCEPT, _("Accept")), (DECLINE, _("Decline"))])
    message = forms.CharField(
        label=_("Message to the person (optional)"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"))
    # The role the admin saw, so a change someone else made meanwhile is not silently overwritten.
    current_role = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(
        label=capfirst(Organisation._meta.get_field("website").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Organisation
        fields = [
            "name_fi",
            "name_sv",
            "name_en",
            "kind",
            "region",
            "population",
            "language_status",
            "website",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class EmailDomainForm(forms.ModelForm):
    class Meta:
        model = EmailDomain
        fields = ["domain"]
        help_texts = {
            "domain": _(
                "People who confirm an address on this domain become members at once. Only the "
                "exact domain counts: hel.fi does not cover edu.hel.fi."
            )
        }

    def clean_domain(self):
        domain = self.cleaned_data["domain"].strip().lower().lstrip("@")
        if not DOMAIN_PATTERN.match(domain):
            raise forms.ValidationError(
                _("Enter a domain such as hel.fi, without the @ sign or anything before it."),
                code="invalid",
            )
        clash = EmailDomain.objects.select_related("organisation").filter(domain=domain)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        owner = clash.first()
        if owner is not None:
            raise forms.ValidationError(
                _("The domain %(domain)s already belongs to %(organisation)s."),
                code="unique",
                params={"domain": domain, "organisation": owner.organisation.name},
            )
        return domain


class BaseEmailDomainFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields and form.instance.pk:
            # Each row's checkbox names its domain, so a screen reader does not hear "Delete" five times.
            form.fields["DELETE"].label = _("Remove %(domain)s") % {"domain": form.instance.domain}

    def validate_unique(self):
        # Instead of Django's general "duplicate data" message, name the domain beside its field.
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or (self.can_delete and self._should_delete_form(form)):
                continue
            domain = form.cleaned_data.get("domain")
            if not domain:
                continue
            if domain in seen:
                form.add_error("domain", _("The domain %(domain)s is listed twice.") % {"domain": domain})
            seen.add(domain)


EmailDomainFormSet = inlineformset_factory(
    Organisation,
    EmailDomain,
    form=EmailDomainForm,
    formset=BaseEmailDomainFormSet,
    extra=2,
    can_delete=True,
)
