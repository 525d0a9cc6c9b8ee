"""Forms of the discussion: writing, editing and reporting comments, and moderation reasons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import MembershipState, Organisation
from solutions.community.models import Comment, PostState


def speaking_for(user):
    """The organisations `user` may speak for, first membership first."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__state=MembershipState.ACTIVE
    ).order_by("memberships__created_at", "memberships__pk")


class OrganisationChoiceMixin:
    """An "I speak for" choice, shown only to people who belong to several organisations."""

    def add_organisation_field(self, user, organisations=None):
        organisations = list(speaking_for(user) if organisations is None else organisations)
        field = forms.ModelChoiceField(
            label=_("I speak for"),
            queryset=Organisation.objects.filter(pk__in=[org.pk for org in organisations]),
            initial=organisations[0].pk if organisations else None,
            empty_label=None,
        )
        # Keep the membership order in the list, without another query.
        field.choices = [(org.pk, org.name) for org in organisations]
        if len(organisations) == 1:
            field.widget = forms.HiddenInput()
        self.fields["organisation"] = field
        self.organisation_choices = organisations


class CommentForm(OrganisationChoiceMixin, forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text. Line breaks are kept and addresses become links."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, user, solution, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.solution = solution
        self.add_organisation_field(user)

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a comment first."))
        return body

    def clean_parent(self):
        """A reply to a reply attaches to the top-level comment: threads are one level deep."""
        pk = self.cleaned_data.get("parent")
        if not pk:
            return None
        parent = (
            Comment.objects.shown_to(self.user)
            .filter(solution=self.solution, pk=pk)
            .exclude(state=PostState.HIDDEN)
            .select_related("parent")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(_("The comment you replied to is no longer available."))
        return parent.parent or parent


class EditCommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a comment first."))
        return body


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, required=True, label=None, help_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if label:
            self.fields["reason"].label = label
        if help_text:
            self.fields["reason"].help_text = help_text

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.fields["reason"].required and not reason:
            raise forms.ValidationError(_("Tell us the reason."))
        return reason
