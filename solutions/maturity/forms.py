import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _

from solutions.maturity.dimensions import KIND_NAMES, LEVEL_NAMES, LEVELS
from solutions.maturity.models import RoadmapItem
from solutions.maturity.services.assessments import Given
from solutions.models import LifeEvent, ServiceClass

NOT_ASSESSED = ""


def field_name(key: str) -> str:
    return key.replace(":", "-")


def fingerprint(level, note: str) -> str:
    """A short digest of an answer as shown, to tell later whether the person changed it."""
    shown = "" if level is None else str(level)
    return hashlib.sha256(f"{shown}|{note.strip()}".encode()).hexdigest()[:16]


class AnswersForm(forms.Form):
    """One level (or "not assessed"), a note and the version seen for every dimension."""

    def __init__(self, *args, dimensions, answers, **kwargs):
        initial = {}
        for key, answer in answers.items():
            name = field_name(key)
            initial[f"level_{name}"] = str(answer.level)
            initial[f"note_{name}"] = answer.note
            initial[f"seen_{name}"] = answer.version
            initial[f"shown_{name}"] = fingerprint(answer.level, answer.note)
        super().__init__(*args, initial=initial, **kwargs)
        self.dimensions = dimensions
        self.answers = answers
        choices = [
            (NOT_ASSESSED, _("Not assessed")),
            *((str(level), f"{level} – {LEVEL_NAMES[level]}") for level in LEVELS),
        ]
        for dimension in dimensions:
            name = field_name(dimension.key)
            self.fields[f"level_{name}"] = forms.ChoiceField(
                label=dimension.name, choices=choices, required=False, widget=forms.RadioSelect
            )
            self.fields[f"note_{name}"] = forms.CharField(
                label=_("Note (what it rests on)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"seen_{name}"] = forms.IntegerField(
                required=False, min_value=0, initial=0, widget=forms.HiddenInput
            )
            self.fields[f"shown_{name}"] = forms.CharField(
                required=False, max_length=16, initial=fingerprint(None, ""), widget=forms.HiddenInput
            )

    def groups(self):
        """[(kind name, [(dimension, level field, note field, seen field, stored answer)])]"""
        grouped = {}
        for dimension in self.dimensions:
            name = field_name(dimension.key)
            grouped.setdefault(dimension.kind, []).append(
                (
                    dimension,
                    self[f"level_{name}"],
                    self[f"note_{name}"],
                    self[f"seen_{name}"],
                    self.answers.get(dimension.key),
                )
            )
        return [(KIND_NAMES[kind], kind, rows) for kind, rows in grouped.items()]

    def given(self) -> dict[str, Given]:
        data = self.cleaned_data
        result = {}
        for dimension in self.dimensions:
            name = field_name(dimension.key)
            level = data.get(f"level_{name}")
            level = int(level) if level not in (None, NOT_ASSESSED) else None
            note = (data.get(f"note_{name}") or "").strip()
            result[dimension.key] = Given(
                level=level,
                note=note,
                seen_version=data.get(f"seen_{name}") or 0,
                untouched=data.get(f"shown_{name}") == fingerprint(level, note),
            )
        return result


class RoadmapItemForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, initial=1)

    class Meta:
        model = RoadmapItem
        fields = [
            "title",
            "life_event",
            "service_class",
            "description",
            "year",
            "quarter",
            "status",
            "budget_class",
        ]
        labels = {"title": _("What is planned")}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["life_event"].queryset = LifeEvent.objects.filter(parent__isnull=True)
        self.fields["service_class"].queryset = ServiceClass.objects.select_related("parent")
        self.fields["service_class"].label_from_instance = lambda sc: (
            f"{sc.parent.name} › {sc.name}" if sc.parent_id else sc.name
        )
        self.fields["quarter"].help_text = _("1–4, or empty when only the year is known.")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
