from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solutions.community.models import Adoption


class AdoptionForm(forms.ModelForm):
    note = forms.CharField(
        label=_("Note on this change"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional, kept in the history: why the status changed."),
    )

    class Meta:
        model = Adoption
        fields = ["status", "since", "experience", "savings_euros_per_year", "savings_hours_per_year"]
        widgets = {
            "status": forms.RadioSelect,
            "since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "experience": forms.Textarea(attrs={"rows": 6}),
            "savings_euros_per_year": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
            "savings_hours_per_year": forms.NumberInput(attrs={"min": "0", "step": "1"}),
        }
        help_texts = {
            "since": _("When the status began, if you know it."),
            "savings_euros_per_year": _("Optional: what it saves your organisation, in euros a year."),
            "savings_hours_per_year": _("Optional: working hours it saves a year, as a whole number."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A status is required, so the radio buttons offer no empty "---------" choice.
        self.fields["status"].choices = [
            choice for choice in self.fields["status"].choices if choice[0] != ""
        ]

    def clean_since(self):
        since = self.cleaned_data.get("since")
        if since and since > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return since


class AskReferentsForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The contact persons receive this by e-mail with your name and organisation, and can reply "
            "to your e-mail address."
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["organisation"].choices = [(org.pk, org.name) for org in organisations]
        self.single_organisation = organisations[0] if len(organisations) == 1 else None
        if self.single_organisation:
            self.fields["organisation"].initial = organisations[0].pk
            self.fields["organisation"].widget = forms.HiddenInput()

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]
