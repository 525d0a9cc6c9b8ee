"""The editor as a guided flow: the kind first, then only that kind's steps, a summary to check, files
added on the way — and nothing typed lost on any step, error or upload."""

import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from solutions.editor import steps as flow
from solutions.editor.forms import SolutionForm
from solutions.models import Attachment, ModerationItem, ModerationState, Solution, SolutionKind
from tests import factories
from tests.safety.files import HTML, PDF

pytestmark = pytest.mark.django_db


def new_url():
    return reverse("solutions:editor:create")  # in the test's language (English)


def edit_url(solution):
    return reverse("solutions:editor:edit", args=[solution.slug])


class Controls(HTMLParser):
    """The controls of the editor's form: what a person can fill in, and what only travels along."""

    def __init__(self, html):
        super().__init__()
        self.controls = []
        self.data = {}  # what the browser would send, without any button
        self.inside = False
        self.select = self.textarea = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == "solution-form"
        elif not self.inside:
            return
        elif tag in ("input", "select", "textarea", "button"):
            self.controls.append((tag, attrs))
        if tag == "input" and "name" in attrs and attrs.get("type") not in ("file", "submit"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data.setdefault(attrs["name"], []).append(attrs.get("value", ""))
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.setdefault(self.select, []).append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = attrs.get("name")
            self.data.setdefault(self.textarea, []).append("")

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            if self.textarea and self.data[self.textarea][-1].startswith("\n"):
                self.data[self.textarea][-1] = self.data[self.textarea][-1][1:]
            self.textarea = None

    def visible(self):
        """Names of the fields shown to fill in (not hidden inputs, not buttons)."""
        return {
            attrs["name"]
            for tag, attrs in self.controls
            if tag != "button" and attrs.get("type") != "hidden" and "name" in attrs
        }

    def hidden(self, name):
        return [
            attrs.get("value", "")
            for tag, attrs in self.controls
            if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name") == name
        ]

    def buttons(self, name):
        return [
            attrs.get("value")
            for tag, attrs in self.controls
            if tag == "button" and attrs.get("name") == name
        ]


def controls(response):
    return Controls(response.content.decode())


def carried(response):
    """The form's data as the browser would send it next: every hidden and shown value, unescaped."""
    return {name: list(values) for name, values in controls(response).data.items()}


def step_post(client, url, previous, step, **typed):
    """Send a step like a browser: what the page holds, what was typed on it, and the button."""
    data = carried(previous)
    data["step"] = step
    for key, value in typed.items():
        data[key] = value
    return client.post(url, data)


BASICS = {"title": "Kyytipalvelu", "summary": "Asukkaat tilaavat kyydin verkossa.", "description": "Kuvaus."}


def start(client, organisation, kind="software"):
    """Through the kind step to the basic facts, as a new editor would."""
    first = client.get(new_url())
    return step_post(client, new_url(), first, "kind", kind=kind, action="next")


# The kind first


def test_the_new_solution_page_asks_only_for_the_kind(client_for, editor):
    response = client_for(editor).get(new_url())
    html = response.content.decode()
    page = controls(response)
    assert page.visible() == {"kind"}
    assert "What kind of solution is it?" in html
    assert "Step 1 of 8" in html  # the kind adds its own steps once chosen
    assert "A program or service with source code that others can run." in html


def test_going_on_without_a_kind_says_so(client_for, editor):
    client = client_for(editor)
    response = step_post(client, new_url(), client.get(new_url()), "kind", action="next")
    assert response.status_code == 400
    assert controls(response).visible() == {"kind"}
    html = response.content.decode()
    assert "Kind: This field is required." in html
    assert "Title" not in html.split('id="error-summary"')[1].split("</div>")[0]  # a later step's


def test_jumping_ahead_before_choosing_a_kind_asks_for_it(client_for, editor):
    client = client_for(editor)
    response = step_post(client, new_url(), client.get(new_url()), "kind", goto="contacts")
    assert response.status_code == 400
    assert controls(response).visible() == {"kind"}
    assert "Kind: This field is required." in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "own", "others"),
    [
        ("software", {"repository_url", "licence"}, {"api_base_url", "connected_systems", "context"}),
        ("api", {"api_specification_url", "api_base_url"}, {"repository_url", "licence", "context"}),
        ("integration", {"connected_systems"}, {"repository_url", "api_base_url", "context"}),
        ("experience", {"context", "results", "lessons_learned"}, {"repository_url", "connected_systems"}),
        ("process", set(), {"repository_url", "api_base_url", "connected_systems", "context"}),
        ("procurement", {"licence"}, {"repository_url", "api_base_url", "connected_systems", "context"}),
    ],
)
def test_a_kind_gets_its_own_fields_and_no_others(client_for, editor, organisation, kind, own, others):
    client = client_for(editor)
    basics = start(client, organisation, kind)
    assert basics.status_code == 200
    assert controls(basics).visible() == {"organisation", "title", "summary", "description"}
    # On the page with every step of the kind (where a failed save lands), too.
    everything = step_post(
        client, new_url(), basics, "basics", organisation=str(organisation.pk), action="save"
    )
    shown = controls(everything).visible()
    assert own <= shown
    assert not (others & shown)


def test_the_progress_lists_the_steps_of_the_kind(client_for, editor, organisation):
    client = client_for(editor)
    html = start(client, organisation, "api").content.decode()
    assert "Step 2 of 9" in html
    assert '<span aria-current="step">Basic facts</span>' in html
    assert ">API</button>" in html
    assert "Code and licence" not in html
    html = start(client, organisation, "process").content.decode()
    assert "Step 2 of 8" in html


# Moving through the steps


def walk_to_check(client, organisation):
    """A whole walk from the kind to the summary, typing on every step; returns the last page."""
    page = start(client, organisation)
    page = step_post(
        client, new_url(), page, "basics", organisation=str(organisation.pk), action="next", **BASICS
    )
    assert "Code and licence" in page.content.decode()
    page = step_post(
        client,
        new_url(),
        page,
        "software",
        repository_url="https://github.com/kuhmo/kyyti",
        licence="EUPL-1.2",
        action="next",
    )
    page = step_post(
        client, new_url(), page, "links", documentation_url="https://kuhmo.fi/kyyti", action="next"
    )
    page = step_post(
        client,
        new_url(),
        page,
        "classification",
        tags="kyyti, liikenne",
        lifecycle="pilot",
        language="fi",
        action="next",
    )
    partner = factories.OrganisationFactory(name_fi="Sotkamo")
    page = step_post(client, new_url(), page, "reuse", partners=[str(partner.pk)], action="next")
    page = step_post(
        client,
        new_url(),
        page,
        "contacts",
        **{"contacts-0-name": "Eero Editori", "contacts-0-email": "eero@kuhmo.fi"},
        action="next",
    )
    return step_post(client, new_url(), page, "attachments", action="next")


def test_the_last_step_shows_everything_to_check_and_sends_it(client_for, editor, organisation):
    client = client_for(editor)
    check = walk_to_check(client, organisation)
    html = check.content.decode()
    assert check.status_code == 200
    assert "Check what you wrote" in html
    for shown in (
        "Kyytipalvelu",
        "https://github.com/kuhmo/kyyti",
        "EUPL-1.2",
        "kyyti, liikenne",
        "Pilot",
        "Sotkamo",
        "Eero Editori, eero@kuhmo.fi",
    ):
        assert shown in html
    assert "Change: Code and licence" in html
    assert not Solution.objects.exists()  # nothing saved while moving between steps

    sent = step_post(client, new_url(), check, "check", action="submit")
    solution = Solution.objects.get()
    assert sent["Location"] == edit_url(solution)
    assert solution.moderation_state == ModerationState.SUBMITTED
    assert (solution.repository_url, solution.licence, solution.lifecycle) == (
        "https://github.com/kuhmo/kyyti",
        "EUPL-1.2",
        "pilot",
    )
    assert [p.name_fi for p in solution.partners.all()] == ["Sotkamo"]
    assert solution.contacts.get().email == "eero@kuhmo.fi"
    # The same summary sent again (a double click) does not make a second solution.
    step_post(client, new_url(), check, "check", action="submit")
    assert Solution.objects.count() == 1
    assert ModerationItem.objects.open().count() == 1


def test_going_back_keeps_what_was_typed_on_every_step(client_for, editor, organisation):
    client = client_for(editor)
    check = walk_to_check(client, organisation)
    basics = step_post(client, new_url(), check, "check", goto="basics")
    assert 'value="Kyytipalvelu"' in basics.content.decode()
    assert controls(basics).hidden("repository_url") == ["https://github.com/kuhmo/kyyti"]
    assert controls(basics).hidden("contacts-0-email") == ["eero@kuhmo.fi"]
    # Moving back shows no errors of steps not yet done.
    kind = step_post(client, new_url(), basics, "basics", title="", action="back")
    assert "This field is required." not in kind.content.decode()
    assert controls(kind).hidden("title") == [""]


def test_a_mistake_keeps_the_step_and_what_was_typed(client_for, editor, organisation):
    client = client_for(editor)
    page = start(client, organisation)
    page = step_post(
        client, new_url(), page, "basics", organisation=str(organisation.pk), action="next", **BASICS
    )
    wrong = step_post(
        client, new_url(), page, "software", repository_url="ei osoite", licence="EUPL-1.2", action="next"
    )
    html = wrong.content.decode()
    assert wrong.status_code == 400
    assert "Enter a valid URL." in html
    assert 'value="ei osoite"' in html
    assert controls(wrong).visible() == {"repository_url", "licence"}
    assert controls(wrong).hidden("title") == ["Kyytipalvelu"]


def test_the_summary_points_to_the_step_of_each_mistake(client_for, editor, organisation):
    client = client_for(editor)
    page = start(client, organisation)
    check = step_post(client, new_url(), page, "basics", organisation=str(organisation.pk), goto="check")
    html = check.content.decode()
    assert "Please correct the following" in html
    assert 'name="goto" value="basics" class="link-button">Title: This field is required.' in html
    sent = step_post(client, new_url(), check, "check", action="submit")
    assert sent.status_code == 400
    assert not Solution.objects.exists()


def test_changing_the_kind_keeps_the_facts_of_the_first_one(client_for, editor, organisation, draft):
    draft.kind = SolutionKind.SOFTWARE
    draft.repository_url = "https://github.com/kuhmo/tilat"
    draft.save()
    client = client_for(editor)
    kind_page = client.get(edit_url(draft) + "?step=kind")
    assert controls(kind_page).visible() == {"kind"}
    api = step_post(client, edit_url(draft), kind_page, "kind", kind="api", action="next")
    assert "repository_url" not in controls(api).visible()
    assert controls(api).hidden("repository_url") == ["https://github.com/kuhmo/tilat"]
    saved = step_post(client, edit_url(draft), api, "basics", action="save")
    assert saved.status_code == 302
    draft.refresh_from_db()
    assert (draft.kind, draft.repository_url) == ("api", "https://github.com/kuhmo/tilat")


def test_a_bad_address_of_another_kind_does_not_block_saving(client_for, editor, organisation, draft):
    client = client_for(editor)
    page = client.get(edit_url(draft) + "?step=basics")
    data = carried(page)
    data.update(
        step="basics", kind="process", api_base_url="kirjoitettu ennen", action="save", title="T", summary="S"
    )
    assert client.post(edit_url(draft), data).status_code == 302


# Attachments in the flow


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.usefixtures("_media")
def test_a_file_added_to_a_new_solution_saves_it_as_a_draft_first(client_for, editor, organisation):
    client = client_for(editor)
    page = start(client, organisation, "process")
    page = step_post(
        client, new_url(), page, "basics", organisation=str(organisation.pk), action="next", **BASICS
    )
    page = step_post(client, new_url(), page, "links", goto="attachments")
    assert {"attachment-title", "attachment-file"} <= controls(page).visible()
    upload = SimpleUploadedFile("kuvaus.pdf", PDF, content_type="application/pdf")
    sent = step_post(
        client,
        new_url(),
        page,
        "attachments",
        action="upload",
        **{"attachment-title": "Prosessi", "attachment-file": upload},
    )
    solution = Solution.objects.get()
    assert sent["Location"] == edit_url(solution) + "?step=attachments"
    assert solution.moderation_state == ModerationState.DRAFT
    assert Attachment.objects.get().solution == solution
    back = client.get(sent["Location"])
    assert "Prosessi" in back.content.decode()
    assert "The draft was saved so that the file could be attached to it." in back.content.decode()


@pytest.mark.usefixtures("_media")
def test_a_file_added_to_a_draft_keeps_the_unsaved_text(client_for, editor, draft):
    client = client_for(editor)
    page = client.get(edit_url(draft) + "?step=attachments")
    data = carried(page)
    data.update(title=["Uusi otsikko, ei vielä tallennettu"], action="upload")
    data["attachment-title"] = "Prosessi"
    data["attachment-file"] = SimpleUploadedFile("kuvaus.pdf", PDF, content_type="application/pdf")
    response = client.post(edit_url(draft), data)
    assert response.status_code == 200
    assert Attachment.objects.get().title == "Prosessi"
    assert controls(response).hidden("title") == ["Uusi otsikko, ei vielä tallennettu"]
    draft.refresh_from_db()
    assert draft.title == "Tilavarausjärjestelmä"
    # Removing it from the same step.
    pk = str(Attachment.objects.get().pk)
    assert controls(response).buttons("remove_attachment") == [pk]
    data = carried(response)
    data["remove_attachment"] = pk
    removed = client.post(edit_url(draft), data)
    assert not Attachment.objects.exists()
    assert controls(removed).hidden("title") == ["Uusi otsikko, ei vielä tallennettu"]


@pytest.mark.usefixtures("_media")
def test_a_refused_file_keeps_everything_typed(client_for, editor, organisation):
    client = client_for(editor)
    page = start(client, organisation, "process")
    page = step_post(
        client, new_url(), page, "basics", organisation=str(organisation.pk), goto="attachments", **BASICS
    )
    upload = SimpleUploadedFile("kuvaus.pdf", HTML, content_type="application/pdf")
    refused = step_post(
        client,
        new_url(),
        page,
        "attachments",
        action="upload",
        **{"attachment-title": "Prosessi", "attachment-file": upload},
    )
    assert refused.status_code == 400
    assert "not accepted" in refused.content.decode()
    assert 'value="Prosessi"' in refused.content.decode()
    assert controls(refused).hidden("title") == ["Kyytipalvelu"]
    assert not Solution.objects.exists()


# Who may walk it


@pytest.mark.parametrize(("name", "status"), [("member", 403), ("outsider_admin", 404)])
def test_only_the_organisations_editors_walk_the_flow(request, client_for, draft, name, status):
    client = client_for(request.getfixturevalue(name))
    response = client.post(edit_url(draft), {"step": "kind", "kind": "api", "action": "next"})
    assert response.status_code == status
    if name == "member":
        assert client.post(new_url(), {"step": "kind", "kind": "api", "action": "next"}).status_code == 403


def test_visitors_are_sent_to_log_in_from_any_step(client, draft):
    response = client.post(new_url(), {"step": "kind", "kind": "api", "action": "next"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# A kind declared by another part of the catalogue


def test_a_new_kind_needs_only_a_declaration(monkeypatch):
    monkeypatch.setattr(flow, "STEPS", list(flow.STEPS))
    flow.register_step(
        flow.Step(
            "procurement",
            "Hankinta",
            ("procurement_notes",),
            kinds=frozenset({"procurement"}),
            form_fields={"procurement_notes": forms.CharField(label="Hankinnan tiedot", required=False)},
        ),
        after="basics",
    )
    keys = [step.key for step in flow.steps_for("procurement")]
    assert keys[:3] == ["kind", "basics", "procurement"]
    assert "software" not in keys
    assert keys[-2:] == ["attachments", "check"]
    assert "procurement" not in [step.key for step in flow.steps_for("software")]
    assert "procurement_notes" in SolutionForm().fields


def test_the_long_pickers_are_marked_for_the_searchable_box(client_for, editor, draft):
    html = client_for(editor).get(edit_url(draft)).content.decode()
    assert re.search(r'<select name="partners"[^>]* data-combobox', html)
    assert 'id="field-service_classes" data-combobox' in html
    assert "js/combobox.js" in html


@pytest.mark.usefixtures("_media")
def test_every_step_is_valid_html(client_for, editor, organisation, draft):
    from tests.checks import validate_html

    factories.ServiceClassFactory(code="P1", name_fi="Asuminen")
    client = client_for(editor)
    basics = start(client, organisation)
    Attachment.objects.create(
        solution=draft,
        title="Prosessi",
        file=SimpleUploadedFile("kuvaus.pdf", PDF),
        content_type="application/pdf",
        size=len(PDF),
    )
    pages = {
        "kind": client.get(new_url()),
        "basics": basics,
        "software with an error": step_post(
            client, new_url(), basics, "software", repository_url="x", action="next"
        ),
        "check with errors": step_post(client, new_url(), basics, "basics", goto="check"),
        "classification": client.get(edit_url(draft) + "?step=classification"),
        "attachments": client.get(edit_url(draft) + "?step=attachments"),
        "check": client.get(edit_url(draft) + "?step=check"),
    }
    assert validate_html({name: response.content.decode() for name, response in pages.items()}) == []
