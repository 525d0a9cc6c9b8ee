from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD = 1024 * 1024


class ImportForm(forms.Form):
    """One of three sources: pasted text, an uploaded file, or a repository address."""

    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    text = forms.CharField(
        label=_("Paste the publiccode.yml"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false", "class": "code"}),
    )
    file = forms.FileField(label=_("or upload the file"), required=False)
    url = forms.URLField(
        label=_("or give the repository address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "A repository on GitHub, GitLab or Bitbucket, or the address of the publiccode.yml file."
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if not (data.get("text", "").strip() or data.get("file") or data.get("url")):
            raise forms.ValidationError(_("Paste the file, upload it or give the repository address."))
        return data


class HarvestSourceForm(forms.Form):
    url = forms.URLField(
        label=_("Repository or publiccode.yml address"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "A repository on GitHub, GitLab or Bitbucket, or the https:// address of the file itself."
        ),
    )
