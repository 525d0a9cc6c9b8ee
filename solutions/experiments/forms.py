from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation, Region
from solutions.experiments.models import Call, Experiment, ExperimentStatus, SavingMethod
from solutions.models import ServiceClass, SolutionKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = ["title", "theme", "service_classes", "life_events", "deadline", "support_offered"]
        widgets = {
            "theme": forms.Textarea(attrs={"rows": 5}),
            "support_offered": forms.Textarea(attrs={"rows": 4}),
            "deadline": DATE,
            "service_classes": forms.SelectMultiple(attrs={"size": 8}),
            "life_events": forms.SelectMultiple(attrs={"size": 8}),
        }

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class ExperimentForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )

    class Meta:
        model = Experiment
        fields = [
            "title",
            "hypothesis",
            "service_changed",
            "service_classes",
            "measure",
            "unit",
            "baseline",
            "target",
            "period_start",
            "period_end",
            "partners",
        ]
        widgets = {
            "hypothesis": forms.Textarea(attrs={"rows": 4}),
            "period_start": DATE,
            "period_end": DATE,
            "service_classes": forms.SelectMultiple(attrs={"size": 8}),
            "partners": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "baseline": _("The measure today, before the experiment, in the unit above."),
            "target": _("The measure you aim at by the end, in the same unit."),
            "partners": _("Other organisations taking part, if any."),
        }

    def __init__(self, *args, organisations, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["partners"].queryset = Organisation.objects.order_by("name_fi")
        self.fields["service_classes"].queryset = ServiceClass.objects.select_related("parent")
        if call is not None and not self.is_bound:
            self.initial.setdefault(
                "service_classes", list(call.service_classes.values_list("pk", flat=True))
            )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must end on or after the day it starts."))
        return cleaned


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class StopForm(VersionForm):
    lesson = forms.CharField(
        label=_("What was learned"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why it stopped and what others should know before trying the same."),
    )


class FinishForm(VersionForm):
    measured_result = forms.DecimalField(
        label=_("Measured result"),
        max_digits=14,
        decimal_places=2,
        help_text=_("In the unit of the baseline."),
    )
    result_summary = forms.CharField(
        label=_("What the experiment showed"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    lesson = forms.CharField(
        label=_("What was learned"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    savings_euros_per_year = forms.DecimalField(
        label=_("Measured savings in euros a year"),
        required=False,
        min_value=0,
        max_digits=11,
        decimal_places=2,
    )
    savings_hours_per_year = forms.IntegerField(
        label=_("Measured working hours saved a year"), required=False, min_value=0, max_value=10_000_000
    )


class MakeSolutionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Publish it in the catalogue as"),
        widget=forms.RadioSelect,
        choices=[
            (SolutionKind.EXPERIENCE, SolutionKind.EXPERIENCE.label),
            (SolutionKind.PRACTICE, SolutionKind.PRACTICE.label),
            (SolutionKind.PROCESS, SolutionKind.PROCESS.label),
            (SolutionKind.SOFTWARE, SolutionKind.SOFTWARE.label),
        ],
        initial=SolutionKind.EXPERIENCE,
    )


class ReviewForm(forms.Form):
    APPROVE = "approve"
    REJECT = "reject"
    decision = forms.ChoiceField(
        label=_("What do you decide?"),
        widget=forms.RadioSelect,
        choices=[(APPROVE, _("Approve and publish")), (REJECT, _("Reject"))],
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you reject. The organisation sees it."),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["reason"] = (cleaned.get("reason") or "").strip()
        if cleaned.get("decision") == self.REJECT and not cleaned["reason"]:
            self.add_error("reason", _("Write the reason: the organisation sees it with the decision."))
        return cleaned


class ExperimentFilterForm(forms.Form):
    call = forms.ModelChoiceField(
        label=_("Call"),
        required=False,
        queryset=Call.objects.all(),
        to_field_name="slug",
        empty_label=_("All calls"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("All regions"),
    )
    service_class = forms.ModelChoiceField(
        label=_("Service class"),
        required=False,
        queryset=ServiceClass.objects.filter(parent__isnull=True),
        to_field_name="code",
        empty_label=_("All service classes"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *ExperimentStatus.choices]
    )


class SavingsFilterForm(forms.Form):
    BY = [
        ("service_class", _("Service class")),
        ("region", _("Region")),
        ("organisation", _("Organisation")),
        ("solution", _("Solution")),
    ]
    # Whole headings, not a name slotted into a sentence: they translate better.
    HEADINGS = {
        "service_class": _("Savings by service class"),
        "region": _("Savings by region"),
        "organisation": _("Savings by organisation"),
        "solution": _("Savings by solution"),
    }
    by = forms.ChoiceField(label=_("Totals by"), required=False, choices=BY)
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("All regions"),
    )
    service_class = forms.ModelChoiceField(
        label=_("Service class"),
        required=False,
        queryset=ServiceClass.objects.filter(parent__isnull=True),
        to_field_name="code",
        empty_label=_("All service classes"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.order_by("name_fi"),
        to_field_name="slug",
        empty_label=_("All organisations"),
    )


class AdoptionSavingForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How the saving was reached"), choices=SavingMethod.choices, widget=forms.RadioSelect
    )
    period_start = forms.DateField(label=_("Period start"), required=False, widget=DATE)
    period_end = forms.DateField(label=_("Period end"), required=False, widget=DATE)
    currency = forms.RegexField(
        label=_("Currency"),
        regex=r"^[A-Za-z]{3}$",
        initial="EUR",
        max_length=3,
        help_text=_("Three letters, e.g. EUR."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must end on or after the day it starts."))
        return cleaned
