from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from municipalities.models import Organisation, Region
from solutions.community.reuse.forms import AskReferentsForm
from solutions.models import ServiceClass
from solutions.people.models import Language


def top_service_classes():
    return ServiceClass.objects.filter(parent__isnull=True).order_by("position", "code")


class ProfileForm(forms.Form):
    title = forms.CharField(
        label=_("Job title"),
        max_length=120,
        required=False,
        help_text=_("For example: digital services manager."),
    )
    bio = forms.CharField(
        label=_("About me"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "A few sentences on what you know and what you can help others with. At most 1000 characters."
        ),
    )
    service_classes = forms.ModelMultipleChoiceField(
        label=_("Topics (service classes)"),
        queryset=top_service_classes(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = TagField(
        label=_("Keywords"),
        required=False,
        help_text=_("Separate with commas, for example: room booking, open data, accessibility."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I can help in"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The queryset is evaluated per form, so vocabulary loaded after start-up shows up.
        self.fields["service_classes"].queryset = top_service_classes()

    @staticmethod
    def initial_from(profile) -> dict:
        if profile is None:
            return {}
        return {
            "title": profile.title,
            "bio": profile.bio,
            "service_classes": list(profile.service_classes.all()),
            "tags": ", ".join(sorted(tag.name for tag in profile.tags.all())),
            "languages": [language.code for language in profile.languages.all()],
            "version": profile.version,
        }


class DirectoryFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=top_service_classes(),
        to_field_name="code",
        required=False,
        empty_label=_("All"),
    )
    tag = forms.SlugField(label=_("Keyword"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *Language.choices], required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name_fi"),
        to_field_name="slug",
        required=False,
        empty_label=_("All"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("All"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = top_service_classes()


class ContactForm(AskReferentsForm):
    """The form members use to write to referents, worded for one person."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = _(
            "The person receives this by e-mail with your name and organisation, and can reply to your "
            "e-mail address. Their address is not shown to you."
        )
