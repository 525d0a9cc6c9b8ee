"""Forms of the initiatives: proposing, joining, acting on the status, writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities import permissions
from municipalities.models import MembershipRole, Organisation
from solutions.community.discussion.forms import OrganisationChoiceMixin
from solutions.community.help.forms import SolutionsChoiceField
from solutions.initiatives.models import BudgetClass
from solutions.models import LifeEvent, ServiceClass, Solution, SolutionKind


class InitiativeForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("The need in one sentence, for example “Online booking of school premises”."),
    )
    problem = forms.CharField(
        label=_("Development need"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What problem should be solved, for whom, and what exists already. Markdown."),
    )
    service_classes = forms.ModelMultipleChoiceField(
        label=_("Service classes"),
        queryset=ServiceClass.objects.select_related("parent").order_by(
            "parent__position", "position", "code"
        ),
        to_field_name="code",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Optional. Hold Ctrl (or Cmd) to choose several."),
    )
    life_events = forms.ModelMultipleChoiceField(
        label=_("Life events"),
        queryset=LifeEvent.objects.order_by("code"),
        to_field_name="code",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Optional. Hold Ctrl (or Cmd) to choose several."),
    )
    linked_solutions = SolutionsChoiceField(
        label=_("Existing solutions it builds on"),
        queryset=Solution.objects.published()
        .exclude(kind=SolutionKind.PROCUREMENT)
        .select_related("organisation")
        .order_by("title"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Optional. Hold Ctrl (or Cmd) to choose several."),
    )
    procurement_documents = SolutionsChoiceField(
        label=_("Procurement documents to reuse"),
        queryset=Solution.objects.published()
        .filter(kind=SolutionKind.PROCUREMENT)
        .select_related("organisation")
        .order_by("title"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
        help_text=_(
            "Tender specifications, contract templates and interoperability requirements in the catalogue."
        ),
    )
    licence = forms.CharField(
        label=_("Intended licence"),
        max_length=64,
        required=False,
        help_text=_("SPDX identifier, e.g. EUPL-1.2."),
    )
    budget_class = forms.ChoiceField(
        label=_("Rough budget"), choices=BudgetClass.choices, initial=BudgetClass.UNKNOWN
    )
    organisation = forms.ModelChoiceField(
        label=_("Proposed by"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ids = permissions.organisations_with_role(user, MembershipRole.EDITOR)
        ids += [org for org, role in permissions.roles(user).items() if role == MembershipRole.COORDINATOR]
        organisations = list(Organisation.objects.filter(pk__in=ids).order_by("name_fi"))
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.filter(pk__in=[org.pk for org in organisations])
        field.choices = [(org.pk, org.name) for org in organisations]
        if len(organisations) == 1:
            field.widget = forms.HiddenInput()
            field.initial = organisations[0].pk
        self.organisation_choices = organisations

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "problem": data["problem"],
            "licence": data["licence"],
            "budget_class": data["budget_class"],
            "service_classes": [c.code for c in data["service_classes"]],
            "life_events": [e.code for e in data["life_events"]],
            "linked_solutions": [s.pk for s in [*data["linked_solutions"], *data["procurement_documents"]]],
        }


class JoinForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    money = forms.BooleanField(label=_("Money"), required=False)
    money_euros = forms.IntegerField(
        label=_("Amount in euros"), required=False, min_value=0, max_value=100_000_000
    )
    people = forms.BooleanField(label=_("People (working time)"), required=False)
    piloting = forms.BooleanField(label=_("Piloting"), required=False)
    requirements = forms.BooleanField(label=_("Requirements and testing"), required=False)
    commitment = forms.CharField(
        label=_("The commitment in words"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.filter(pk__in=[org.pk for org in organisations])
        field.choices = [(org.pk, org.name) for org in organisations]

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("money", "people", "piloting", "requirements")):
            raise forms.ValidationError(_("Choose at least one thing your organisation commits to."))
        return data


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())


class CloseForm(StatusForm):
    reason = forms.CharField(
        label=_("Reason for closing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The partners and followers see it."),
    )


class DeliverForm(StatusForm):
    kind = forms.ChoiceField(label=_("Kind of the solution"), choices=SolutionKind.choices)
    summary = forms.CharField(
        label=_("Summary of the solution"), max_length=300, help_text=_("One or two sentences.")
    )


class WriteForm(OrganisationChoiceMixin, forms.Form):
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, user, organisations=None, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_organisation_field(user, organisations)
        if label:
            self.fields["body"].label = label
