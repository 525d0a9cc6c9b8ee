"""The editor's form: every fact of a solution, turned into the workflow's content dict.

The form is not a ModelForm on purpose: an edit of a published solution must not touch the solution,
so the form only validates and produces `to_data()`, which the workflow either writes (drafts) or
stores in a revision (published solutions).
"""

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.attachments import prepare_upload
from solutions.licences import licence_choices
from solutions.models import ContentLanguage, Lifecycle, LifeEvent, ServiceClass, Solution, SolutionKind
from solutions.services.publishing import SCALAR_FIELDS

MAX_TAGS = 20
MAX_CONTACTS = 10
URL_FIELDS = [
    "repository_url",
    "api_specification_url",
    "api_base_url",
    "documentation_url",
    "demo_url",
    "website_url",
]

# Sections of the form page, in order; kind-specific sections say which kind they serve.
SECTIONS = [
    ("basics", _("Basic facts"), None, ["organisation", "title", "summary", "description", "kind"]),
    ("software", _("Software"), SolutionKind.SOFTWARE, ["repository_url", "licence"]),
    ("api", _("API"), SolutionKind.API, ["api_specification_url", "api_base_url"]),
    ("integration", _("Integration"), SolutionKind.INTEGRATION, ["connected_systems"]),
    (
        "experience",
        _("Good practice or experience report"),
        "practice experience",
        ["context", "results", "lessons_learned"],
    ),
    ("links", _("Links"), None, ["documentation_url", "demo_url", "website_url"]),
    ("classification", _("Classification"), None, ["tags", "lifecycle", "language"]),
    ("reuse", _("Reuse"), None, ["partners", "replaces", "adoption_conditions", "successor"]),
]


def _localized_name(obj):
    language = (get_language() or "fi")[:2]
    return getattr(obj, f"name_{language}", "") or obj.name_fi


def grouped_choices(model):
    """Two-level vocabulary as [(group code, group name, [(code, name), …])], in the official order."""
    items = list(model.objects.order_by("position", "code"))
    children: dict[int, list] = {}
    for item in items:
        if item.parent_id:
            children.setdefault(item.parent_id, []).append(item)
    groups = []
    for item in items:
        if item.parent_id is None:
            options = [(item.code, _localized_name(item))]
            options += [(child.code, _localized_name(child)) for child in children.get(item.pk, [])]
            groups.append((item.code, _localized_name(item), options))
    return groups


class VocabularyField(forms.MultipleChoiceField):
    """Codes of a vocabulary, shown as checkboxes grouped under their top level."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(required=False, **kwargs)

    def load(self):
        self.groups = grouped_choices(self.model)
        self.choices = [option for _code, _name, options in self.groups for option in options]


class SolutionForm(forms.Form):
    # A new solution's form carries a key made when the form was opened: sending it twice (a double
    # click, a reload after a slow answer) finds the draft the first send created.
    creation_key = forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)
    organisation = forms.ModelChoiceField(
        label=_("Publishing organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        help_text=_("One or two sentences that tell what it is and whom it helps."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Markdown: # for headings, * for lists, [text](address) for links. Use Preview to see "
            "how it will look."
        ),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=SolutionKind.choices, widget=forms.RadioSelect)
    repository_url = forms.URLField(label=_("Source code repository"), required=False, assume_scheme="https")
    licence = forms.ChoiceField(label=_("Licence"), required=False, help_text=_("An SPDX licence."))
    api_specification_url = forms.URLField(
        label=_("API specification"),
        required=False,
        assume_scheme="https",
        help_text=_("Address of the OpenAPI or other machine-readable description."),
    )
    api_base_url = forms.URLField(label=_("API base address"), required=False, assume_scheme="https")
    connected_systems = forms.CharField(
        label=_("Connected systems"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the integration connects, for example the patient record and the SMS service."),
    )
    context = forms.CharField(
        label=_("Context"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Where and why this was done."),
    )
    results = forms.CharField(label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    lessons_learned = forms.CharField(
        label=_("Lessons learned"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    documentation_url = forms.URLField(label=_("Documentation"), required=False, assume_scheme="https")
    demo_url = forms.URLField(label=_("Demo"), required=False, assume_scheme="https")
    website_url = forms.URLField(label=_("Web site"), required=False, assume_scheme="https")
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separate tags with commas, for example: room booking, library, open data."),
    )
    lifecycle = forms.ChoiceField(
        label=_("Lifecycle"), choices=Lifecycle.choices, initial=Lifecycle.PRODUCTION
    )
    language = forms.ChoiceField(
        label=_("Language of the content"), choices=ContentLanguage.choices, initial=ContentLanguage.FINNISH
    )
    service_classes = VocabularyField(ServiceClass, label=_("Service classes"))
    life_events = VocabularyField(LifeEvent, label=_("Life events"))
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        required=False,
        queryset=Organisation.objects.order_by("name_fi"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Organisations that built or run this together with yours."),
    )
    replaces = forms.CharField(
        label=_("Replaces or is an alternative to"),
        required=False,
        max_length=300,
        help_text=_("Product names, so that a search for a product finds this alternative."),
    )
    adoption_conditions = forms.CharField(
        label=_("Conditions for adoption"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What an organisation needs to take this into use: skills, infrastructure, costs."),
    )
    successor = forms.CharField(
        label=_("Successor"),
        required=False,
        max_length=500,
        help_text=_(
            "If this has been superseded: the address or the short name of the published solution "
            "that replaces it."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations=None, solution: Solution | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.solution = solution
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        # An identifier outside the common list stays possible only if the solution already has it.
        current = solution.licence if solution is not None else ""
        self.fields["licence"].choices = licence_choices(current or self.initial.get("licence") or "")
        for name in ("service_classes", "life_events"):
            self.fields[name].load()
        if solution is not None:
            self.fields["partners"].queryset = self.fields["partners"].queryset.exclude(
                pk=solution.organisation_id
            )
        self.contacts = ContactFormSet(
            *args[:1], prefix="contacts", initial=self.initial.get("contacts") or None
        )

    # Sections and groups for the template

    def sections(self):
        for key, legend, kinds, names in SECTIONS:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                yield {"key": key, "legend": legend, "kinds": kinds, "fields": fields}

    def vocabulary(self, name):
        """[(group name, [(code, name, checked, id)], any checked)] for grouped checkboxes."""
        selected = set(self[name].value() or [])
        groups = []
        for code, group_name, options in self.fields[name].groups:
            rows = [(c, n, c in selected, f"id_{name}_{c.replace('.', '_')}") for c, n in options]
            groups.append((group_name, rows, any(row[2] for row in rows), code))
        return groups

    # Validation

    def clean_tags(self):
        names = []
        for raw in re.split(r"[,\n]", self.cleaned_data["tags"]):
            name = " ".join(raw.split())
            if name and name.lower() not in {n.lower() for n in names}:
                if len(name) > 100:
                    raise ValidationError(_("A tag can be at most 100 characters long."))
                names.append(name)
        if len(names) > MAX_TAGS:
            raise ValidationError(_("Use at most %(count)d tags.") % {"count": MAX_TAGS})
        return names

    def clean_successor(self):
        value = self.cleaned_data["successor"].strip()
        if not value:
            return None
        slug = value.rstrip("/").rsplit("/", 1)[-1]
        found = Solution.objects.published().filter(slug=slug).values_list("pk", flat=True).first()
        if found is None:
            raise ValidationError(_("No published solution has this address."))
        if self.solution is not None and found == self.solution.pk:
            raise ValidationError(_("A solution cannot succeed itself."))
        return found

    def is_valid(self):
        # Both always validate, so every error on the page is shown at once.
        form_valid = super().is_valid()
        return self.contacts.is_valid() and form_valid

    def to_data(self) -> dict:
        """The workflow's content dict of the valid form."""
        data = {name: self.cleaned_data.get(name) or "" for name in SCALAR_FIELDS}
        data["successor"] = self.cleaned_data.get("successor")
        data["partners"] = sorted(org.pk for org in self.cleaned_data.get("partners") or [])
        data["service_classes"] = sorted(self.cleaned_data.get("service_classes") or [])
        data["life_events"] = sorted(self.cleaned_data.get("life_events") or [])
        data["tags"] = self.cleaned_data.get("tags") or []
        data["contacts"] = self.contacts.to_data()
        return data

    @classmethod
    def initial_from(cls, data: dict, successor_slug: str = "") -> dict:
        """Initial values of the form for a content dict."""
        initial = dict(data)
        initial["tags"] = ", ".join(data.get("tags") or [])
        initial["successor"] = successor_slug
        return initial


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    role = forms.CharField(label=_("Role"), max_length=150, required=False)
    email = forms.CharField(label=_("E-mail address"), max_length=254, required=False)

    def clean(self):
        data = super().clean()
        if (data.get("role") or data.get("email")) and not data.get("name"):
            self.add_error("name", _("Give the name, or empty the whole row."))
        if data.get("email"):
            try:
                validate_email(data["email"])
            except ValidationError:
                self.add_error("email", _("Enter an e-mail address such as name@kunta.fi."))
        return data


class BaseContactFormSet(forms.BaseFormSet):
    def to_data(self):
        return [
            {key: form.cleaned_data.get(key, "") for key in ("name", "role", "email")}
            for form in self.forms
            if form.cleaned_data.get("name")
        ]


ContactFormSet = forms.formset_factory(
    ContactForm, formset=BaseContactFormSet, extra=2, max_num=MAX_CONTACTS, validate_max=True
)


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        file, content_type = prepare_upload(uploaded)
        self.content_type = content_type
        return file


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
