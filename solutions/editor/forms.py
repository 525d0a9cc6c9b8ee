"""The editor's form: every fact of a solution, turned into the workflow's content dict.

The form is not a ModelForm on purpose: an edit of a published solution must not touch the solution,
so the form only validates and produces `to_data()`, which the workflow either writes (drafts) or
stores in a revision (published solutions).
"""

import copy
import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.attachments import prepare_upload
from solutions.editor import steps as flow
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
        widget=forms.SelectMultiple(attrs={"size": 6, "data-combobox": ""}),
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
        # Addresses are typed in text boxes: an address typed wrong is shown back as typed, and an
        # <input type="url"> may not hold a value that is not an address.
        for name in URL_FIELDS:
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "url", "spellcheck": "false"})
        for name, form_field in flow.extra_form_fields().items():
            self.fields.setdefault(name, copy.deepcopy(form_field))
        if solution is not None:
            self.fields["partners"].queryset = self.fields["partners"].queryset.exclude(
                pk=solution.organisation_id
            )
        self.contacts = ContactFormSet(
            *args[:1], prefix="contacts", initial=self.initial.get("contacts") or None
        )

    # The guided flow

    def kind_value(self) -> str:
        value = self["kind"].value() or ""
        return value if value in dict(self.fields["kind"].choices) else ""

    def flow_steps(self) -> list[flow.Step]:
        kind = self.kind_value()
        # Before the kind is chosen, the steps every kind has; the kind then adds its own.
        return flow.steps_for(kind) if kind else [step for step in flow.STEPS if step.kinds is None]

    def visible_names(self, step_key: str) -> set[str]:
        """Names of the fields shown on a step (or on every step of the kind, for `ALL`)."""
        if step_key == flow.ALL:
            return {name for step in self.flow_steps() if step.key != flow.KIND for name in step.fields}
        return next((set(step.fields) for step in flow.STEPS if step.key == step_key), set())

    def hidden_inputs(self, step_key: str) -> list[tuple[str, str]]:
        """(name, value) of every value of the steps not shown, exactly as typed or saved."""
        visible = self.visible_names(step_key)
        pairs = []
        for name in self.fields:
            if name in visible or name in ("creation_key", "version"):
                continue
            pairs += [(self[name].html_name, value) for value in _raw_values(self[name])]
        if "contacts" not in visible:
            for bound in self.contacts.management_form:
                pairs += [(bound.html_name, value) for value in _raw_values(bound)]
            for contact in self.contacts.forms:
                for bound in contact:
                    pairs += [(bound.html_name, value) for value in _raw_values(bound)]
        return pairs

    def step_errors(self, step_key: str) -> bool:
        names = self.visible_names(step_key)
        if "contacts" in names and self.contacts.total_error_count():
            return True
        return any(name in self.errors for name in names)

    def first_step_with_errors(self) -> str | None:
        for step in self.flow_steps():
            if self.step_errors(step.key):
                return step.key
        return None

    def summary_rows(self) -> list[dict]:
        """The steps of the kind with their values as readers will see them, for the last step."""
        rows_by_step = []
        for step in self.flow_steps():
            if step.key in (flow.KIND, flow.ATTACHMENTS, flow.CHECK):
                continue
            rows = []
            for name in step.fields:
                if name == "contacts":
                    people = [
                        ", ".join(filter(None, (c["name"].value(), c["role"].value(), c["email"].value())))
                        for c in self.contacts.forms
                    ]
                    rows.append((_("Contacts"), [person for person in people if person]))
                elif name in self.fields:
                    rows.append((self.fields[name].label, self._display(name)))
            rows_by_step.append({"step": step, "rows": rows})
        return rows_by_step

    def _display(self, name) -> list[str]:
        values = [value for value in _raw_values(self[name]) if value]
        if name == "partners":
            by_pk = dict(
                Organisation.objects.filter(pk__in=[v for v in values if v.isdigit()]).values_list(
                    "pk", "name_fi"
                )
            )
            return [by_pk[int(v)] for v in values if v.isdigit() and int(v) in by_pk]
        choices = getattr(self.fields[name], "choices", None)
        if choices is not None and name != "organisation":
            labels = {str(code): label for code, label in _flat(choices)}
            return [str(labels.get(value, value)) for value in values]
        if name == "organisation":
            chosen = self.fields[name].queryset.filter(pk__in=[v for v in values if v.isdigit()])
            return [str(org) for org in chosen]
        return values

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

    def _post_clean(self):
        # A fact of another kind (typed before the kind was changed) is not shown, so it cannot be
        # corrected: an invalid one is left out instead of blocking the save.
        super()._post_clean()
        kind = self.kind_value()
        if not kind:
            return
        shown = {name for step in flow.steps_for(kind) for name in step.fields}
        for name in list(self.errors):
            if (
                name in self.fields
                and name not in shown
                and name != "kind"
                and not self.fields[name].required
            ):
                del self.errors[name]
                self.cleaned_data[name] = self.fields[name].to_python(None) if name != "successor" else None

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


def _raw_values(bound) -> list[str]:
    value = bound.value()
    if value is None:
        return []
    values = value if isinstance(value, list | tuple) else [value]
    result = []
    for item in values:
        item = bound.field.prepare_value(item) if hasattr(item, "pk") else item
        if item is not None:
            result.append(str(item))
    return result


def _flat(choices):
    for code, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat(label)
        else:
            yield code, label


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
