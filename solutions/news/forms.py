"""Forms for writing news, blog posts and events, and for the coordinator's decision."""

import datetime
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities import permissions
from municipalities.models import MembershipRole, Organisation
from solutions.models import ServiceClass
from solutions.news.models import TIME_ZONES, PostKind

MAX_BODY = 20000


class ServiceClassesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.parent.name} › {obj.name}" if obj.parent_id else obj.name


def writing_for(user) -> list:
    """The organisations `user` may write for: where they edit, and the coordinating organisation."""
    ids = [
        org
        for org, role in permissions.roles(user).items()
        if role in (MembershipRole.EDITOR, MembershipRole.ADMIN, MembershipRole.COORDINATOR)
    ]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name_fi", "pk"))


class EntryForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), max_length=300, help_text=_("One or two sentences shown in lists and feeds.")
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_BODY,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown: *emphasis*, lists, links, tables. Add images as files below the text."),
    )
    service_classes = ServiceClassesField(
        label=_("Service classes"),
        queryset=ServiceClass.objects.select_related("parent").order_by(
            "parent__position", "position", "code"
        ),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Optional. Followers of these topics are told. Hold Ctrl (or Cmd) to choose several."),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, user=None, creating=False, **kwargs):
        super().__init__(*args, **kwargs)
        if creating:
            organisations = writing_for(user)
            field = forms.ModelChoiceField(
                label=_("Published by"),
                queryset=Organisation.objects.filter(pk__in=[org.pk for org in organisations]),
                empty_label=None,
            )
            field.choices = [(org.pk, org.name) for org in organisations]
            self.fields["organisation"] = field
            self.organisation_choices = organisations


class PostForm(EntryForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=PostKind.choices, widget=forms.RadioSelect)
    field_order = ["kind", "title", "summary", "body", "service_classes", "organisation"]

    def data_for_service(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ("kind", "title", "summary", "body", "service_classes")
        }


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class EventForm(EntryForm):
    start_date = forms.DateField(label=_("Start date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput())
    end_date = forms.DateField(
        label=_("End date"), required=False, widget=DateInput(), help_text=_("Leave empty for the same day.")
    )
    end_time = forms.TimeField(label=_("End time"), widget=TimeInput())
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONES, initial="Europe/Helsinki")
    place = forms.CharField(
        label=_("Place"), max_length=300, required=False, help_text=_("Address and room, if the event meets.")
    )
    online_url = forms.URLField(
        label=_("Online link"), max_length=500, required=False, assume_scheme="https",
        help_text=_("Where to join online, if it is online."),
    )  # fmt: skip
    registration_url = forms.URLField(
        label=_("Registration link"), max_length=500, required=False, assume_scheme="https"
    )
    field_order = [
        "title", "summary", "start_date", "start_time", "end_date", "end_time", "time_zone", "place",
        "online_url", "registration_url", "body", "service_classes", "organisation",
    ]  # fmt: skip

    def __init__(self, *args, instance=None, **kwargs):
        if instance is not None and "initial" not in kwargs:
            start, end = instance.local_start, instance.local_end
            kwargs["initial"] = {
                "title": instance.title,
                "summary": instance.summary,
                "body": instance.body,
                "service_classes": list(instance.service_classes.all()),
                "start_date": start.date(),
                "start_time": start.time().replace(second=0, microsecond=0),
                "end_date": end.date(),
                "end_time": end.time().replace(second=0, microsecond=0),
                "time_zone": instance.time_zone,
                "place": instance.place,
                "online_url": instance.online_url,
                "registration_url": instance.registration_url,
                "version": instance.version,
            }
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Give the place, the online link, or both."))
        zone_name = data.get("time_zone")
        if data.get("start_date") and data.get("start_time") and data.get("end_time") and zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            starts = datetime.datetime.combine(data["start_date"], data["start_time"], tzinfo=zone)
            ends = datetime.datetime.combine(
                data.get("end_date") or data["start_date"], data["end_time"], tzinfo=zone
            )
            if ends <= starts:
                self.add_error("end_time", _("The event must end after it starts."))
            data["starts_at"], data["ends_at"] = starts, ends
        return data

    def data_for_service(self) -> dict:
        names = ("title", "summary", "body", "service_classes", "starts_at", "ends_at", "time_zone", "place")
        data = {name: self.cleaned_data[name] for name in names}
        data["online_url"] = self.cleaned_data["online_url"]
        data["registration_url"] = self.cleaned_data["registration_url"]
        return data


def post_initial(post) -> dict:
    return {
        "kind": post.kind,
        "title": post.title,
        "summary": post.summary,
        "body": post.body,
        "service_classes": list(post.service_classes.all()),
        "version": post.version,
    }


class AttachmentForm(forms.Form):
    title = forms.CharField(
        label=_("Description"),
        max_length=200,
        help_text=_("For an image, what it shows: it is read to people who cannot see it."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "At most 20 MB. PNG and JPEG images are shown on the page; other files are offered for download."
        ),
    )


class DecisionForm(forms.Form):
    APPROVE = "approve"
    REJECT = "reject"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Publish")), (REJECT, _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when rejecting: the organisation sees it."),
    )
