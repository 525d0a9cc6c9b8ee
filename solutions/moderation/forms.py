"""Forms of the moderation queue: its filters and the coordinator's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.models import ItemKind
from solutions.moderation import registry

APPROVE = "approve"
REQUEST_CHANGES = "request_changes"
REJECT = "reject"
NEEDS_REASON = (REQUEST_CHANGES, REJECT)

# Ready reasons a coordinator picks and edits: (key, short label, full text sent to the organisation).
CANNED_REASONS = [
    (
        "description",
        _("Description too thin"),
        _(
            "The description does not yet tell what the solution does, who uses it and what it needs. "
            "Please add a few sentences so that another municipality can judge whether it suits them."
        ),
    ),
    (
        "contact",
        _("No contact"),
        _("Please add at least one person or team that other organisations can contact about this."),
    ),
    (
        "licence",
        _("Licence unclear"),
        _(
            "Please state the licence with its SPDX identifier (for example MIT or EUPL-1.2), or say "
            "that the solution is not open source."
        ),
    ),
    (
        "duplicate",
        _("Duplicate"),
        _(
            "The catalogue already has this solution. Please edit the existing entry or add your "
            "organisation as a partner instead."
        ),
    ),
    (
        "personal_data",
        _("Personal data"),
        _("The text contains personal data that must not be published. Please remove it and submit again."),
    ),
    (
        "out_of_scope",
        _("Not a shared solution"),
        _(
            "This is not a digital solution, practice or experience of a public organisation that "
            "others could reuse, so it does not belong in the catalogue."
        ),
    ),
]
CANNED_TEXT = {key: text for key, _label, text in CANNED_REASONS}


class QueueFilterForm(forms.Form):
    MINE = "mine"
    UNCLAIMED = "unclaimed"

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=lambda: [("", _("All kinds")), *ItemKind.choices, *registry.extra_kinds()],
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("All organisations"),
        to_field_name="slug",
    )
    claimed = forms.ChoiceField(
        label=_("Reviewer"),
        required=False,
        choices=[("", _("Anyone or no one")), (MINE, _("Claimed by me")), (UNCLAIMED, _("Unclaimed"))],
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("What do you decide?"),
        widget=forms.RadioSelect,
        choices=[
            (APPROVE, _("Approve and publish")),
            (REQUEST_CHANGES, _("Request changes")),
            (REJECT, _("Reject")),
        ],
    )
    canned_reason = forms.ChoiceField(
        label=_("Ready reason"),
        required=False,
        choices=[("", _("Write your own")), *((key, label) for key, label, _text in CANNED_REASONS)],
        help_text=_("Picking one fills in the reason below, which you can edit."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Required when you request changes or reject. The organisation sees it and gets it by e-mail."
        ),
    )

    def __init__(self, *args, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kind == ItemKind.REVISION:
            # A revision is approved or rejected; the reason of a rejection says what to change.
            self.fields["decision"].choices = [
                (APPROVE, _("Approve and publish the edit")),
                (REJECT, _("Reject the edit (the published text stays)")),
            ]

    def clean(self):
        cleaned = super().clean()
        reason = (cleaned.get("reason") or "").strip()
        # Without JavaScript the ready reason cannot fill the text box, so an empty box takes it.
        if not reason and cleaned.get("canned_reason"):
            reason = str(CANNED_TEXT[cleaned["canned_reason"]])
        cleaned["reason"] = reason
        if cleaned.get("decision") in NEEDS_REASON and not reason:
            self.add_error("reason", _("Write the reason, or pick a ready one: the organisation sees it."))
        return cleaned

    def canned_texts(self):
        return [(key, str(text)) for key, text in CANNED_TEXT.items()]
