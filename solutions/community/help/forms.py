"""Forms of the help requests: asking, answering, and filtering the list."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from municipalities.models import Region, SizeClass
from solutions.community.discussion.forms import OrganisationChoiceMixin
from solutions.models import ServiceClass, Solution


class ServiceClassChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.parent.name} › {obj.name}" if obj.parent_id else obj.name


class HelpRequestForm(OrganisationChoiceMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("Your question in one sentence, for example “How do you book school premises online?”"),
    )
    question = forms.CharField(
        label=_("Question"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What you need, what you have tried, and what your organisation uses now. Markdown."),
    )
    tags = TagField(label=_("Tags"), required=False, help_text=_("Separate with commas."))
    service_class = ServiceClassChoiceField(
        label=_("Service class"),
        queryset=ServiceClass.objects.select_related("parent").order_by(
            "parent__position", "position", "code"
        ),
        required=False,
        empty_label=_("(none)"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_organisation_field(user)
        self.fields["organisation"].label = _("Asking for")
        self.order_fields(["title", "question", "tags", "service_class", "organisation"])


class SolutionsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.organisation.name})"


class AnswerForm(OrganisationChoiceMixin, forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown."),
    )
    solutions = SolutionsChoiceField(
        label=_("Solutions in the catalogue that help"),
        queryset=Solution.objects.published().select_related("organisation").order_by("title"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8, "data-combobox": ""}),
        help_text=_("Optional. Hold Ctrl (or Cmd) to choose several."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_organisation_field(user)


class HelpRequestFilterForm(forms.Form):
    STATUS_CHOICES = [
        ("", _("All")),
        ("open", _("Open")),
        ("unanswered", _("Unanswered")),
        ("solved", _("Solved")),
    ]
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    tag = forms.SlugField(label=_("Tag"), required=False)
    service_class = forms.ModelChoiceField(
        label=_("Service class"),
        queryset=ServiceClass.objects.filter(parent__isnull=True).order_by("position", "code"),
        to_field_name="code",
        required=False,
        empty_label=_("All"),
    )
    region = forms.ModelChoiceField(
        label=_("Region of the asking organisation"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("All"),
    )
    size = forms.ChoiceField(
        label=_("Size of the asking organisation"),
        choices=[("", _("All")), *SizeClass.choices],
        required=False,
    )
