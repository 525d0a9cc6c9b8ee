"""Known cross-site scripting payloads in every field people write never become executable markup.

Each payload goes into every user-written field of a solution (and its contacts, tags, attachment
titles, its organisation's name and the submitter's display name), and every page that shows those
fields is parsed: no script carrying the payload, no event handler attribute, no javascript: (or
data:/vbscript:) address, and none of the elements that run code (iframe, object, embed, svg, math,
base, style) may appear, whatever the page.
"""

import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from solutions.attachments import validate_upload
from solutions.models import (
    Attachment,
    Contact,
    ItemKind,
    ModerationItem,
    ModerationState,
    Revision,
    Solution,
)
from solutions.services.publishing import solution_data
from tests import factories
from tests.safety import files

PAYLOADS = [
    '<script>alert("xss1")</script>',
    '"><img src=x onerror=alert("xss2")>',
    "'><svg onload=alert('xss3')>",
    "javascript:alert('xss4')",
    "[klikkaa](javascript:alert('xss5'))",
    "![kuva](x\" onerror=\"alert('xss6'))",
    "<a href=\"jav&#x09;ascript:alert('xss7')\">linkki</a>",
    "<iframe src=\"javascript:alert('xss8')\"></iframe>",
    "\u202e<script>alert('xss9')</script>",
    "\uff1cscript\uff1ealert('xss10')\uff1c/script\uff1e",
    "<a href=\"JaVaScRiPt:alert('xss11')\">x</a>",
    "[x](&#106;avascript:alert('xss12'))",
    "<details open ontoggle=alert('xss13')>",
    "<style>@import 'xss14.css';</style><math><mtext><img src=x onerror=alert('xss15')>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzMTYnKTwvc2NyaXB0Pg==">xss16</a>',
    "<<script>script>alert('xss17')<</script>/script>",
    '<object data="javascript:alert(\'xss18\')"></object><embed src="xss18.swf">',
    '<base href="https://evil.example/xss19/">'
    '<form action="javascript:alert(1)"><button>xss19</button></form>',
    "`<img src=x onerror=alert('xss20')>`",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('xss21')>\">",
]
DANGEROUS_ELEMENTS = {
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "base",
    "style",
    "frame",
    "frameset",
    "applet",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
    "srcset",
}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]+")


def _own_drawing(tag, attrs) -> bool:
    """The site's own inline SVG (the wordmark, kind icons, charts): out of the keyboard's way and
    either hidden from screen readers or an image with a label. None of the payloads looks like
    that, and event handlers on it are still reported below."""
    return (
        tag == "svg"
        and attrs.get("focusable") == "false"
        and (attrs.get("aria-hidden") == "true" or attrs.get("role") == "img")
    )


class Findings(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_ELEMENTS and not _own_drawing(tag, dict(attrs)):
            self.problems.append(f"<{tag}> element")
        if tag == "script":
            self.in_script = True
            if not dict(attrs).get("src", "").startswith("/static/"):
                self.problems.append("script not from our static files")
        if tag == "img" and dict(attrs).get("src") in ("x", "", None):
            self.problems.append(f"<img {attrs}>")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"{name} attribute on <{tag}>")
            if name.lower() in URL_ATTRIBUTES and value:
                address = _INVISIBLE.sub("", value).lower()
                if address.startswith(BAD_SCHEMES):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
            if tag == "meta" and name == "http-equiv" and value.lower() == "refresh":
                self.problems.append("meta refresh")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append(f"inline script: {data[:60]!r}")


def problems_in(content: bytes) -> list[str]:
    parser = Findings()
    parser.feed(content.decode())
    parser.close()
    return parser.problems


def fit(text: str, limit: int) -> str:
    return text[:limit]


@pytest.fixture
def payload_world(db, settings, tmp_path, coordinator):
    """Everything a payload can reach, written by an organisation that uses the payload as its name."""
    settings.MEDIA_ROOT = tmp_path

    def build(payload):
        region = factories.RegionFactory(code="19")
        organisation = factories.OrganisationFactory(
            name_fi=fit(payload, 200), name_sv=fit(payload, 200), name_en=fit(payload, 200), region=region
        )
        submitter = factories.UserFactory(display_name=fit(payload, 150), email_confirmed_at=timezone.now())
        text = {
            "title": fit(f"Ratkaisu {payload}", 200),
            "summary": fit(payload, 300),
            "description": f"Kuvaus {payload}\n\n{payload}",
            "context": payload,
            "results": payload,
            "lessons_learned": payload,
            "connected_systems": payload,
            "replaces": fit(payload, 300),
            "adoption_conditions": payload,
            "licence": fit(payload, 64),
        }
        published = factories.SolutionFactory(organisation=organisation, slug="julkaistu", **text)
        submitted = factories.SolutionFactory(
            organisation=organisation,
            slug="odottaa",
            moderation_state=ModerationState.SUBMITTED,
            published_at=None,
            **text,
        )
        for solution in (published, submitted):
            Contact.objects.create(solution=solution, name=fit(payload, 150), role=fit(payload, 150))
            solution.tags.add(fit(payload, 100), "avoin data")
            _, stored_name = validate_upload(files.upload(f"{payload}.pdf", files.PDF))
            attachment = Attachment(
                solution=solution, title=fit(payload, 200), content_type="application/pdf"
            )
            attachment.file.save(stored_name, ContentFile(files.PDF), save=True)
        now = timezone.now()
        submission = ModerationItem.objects.create(
            content_type=ContentType.objects.get_for_model(Solution),
            object_id=submitted.pk,
            kind=ItemKind.SUBMISSION,
            organisation=organisation,
            submitted_by=submitter,
            submitted_at=now,
        )
        data = solution_data(published)
        data.update(
            {name: f"{value} muutos {payload}"[:200] for name, value in text.items() if name != "licence"}
        )
        data["tags"] = [fit(f"uusi {payload}", 100)]
        data["contacts"] = [{"name": fit(f"Uusi {payload}", 150), "role": "", "email": ""}]
        revision = Revision.objects.create(solution=published, data=data, created_by=submitter)
        revision_item = ModerationItem.objects.create(
            content_type=ContentType.objects.get_for_model(Revision),
            object_id=revision.pk,
            kind=ItemKind.REVISION,
            organisation=organisation,
            submitted_by=submitter,
            submitted_at=now,
        )
        return organisation, published, submission, revision_item

    return build


@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"payload{n + 1}" for n in range(len(PAYLOADS))])
def test_no_payload_becomes_executable_on_any_page(payload, payload_world, client, client_for, coordinator):
    organisation, published, submission, revision_item = payload_world(payload)
    public = {
        "detail": published.get_absolute_url(),
        "list": "/fi/solutions/",
        "search for the payload": f"/fi/solutions/?q={quote(payload)}",
        "search for a word of it": "/fi/solutions/?q=alert",
        "search for the title": "/fi/solutions/?q=Ratkaisu",
        "home": "/fi/",
        "organisation": organisation.get_absolute_url(),
        "organisation list": "/fi/organisations/",
        "region": organisation.region.get_absolute_url(),
        "feed": "/fi/feeds/solutions/",
        "organisation feed": f"/fi/feeds/organisations/{organisation.slug}/",
        "sitemap": "/sitemap.xml",
    }
    coordinators = {
        "queue": "/fi/moderation/",
        "review of a submission": f"/fi/moderation/{submission.pk}/",
        "review of a revision": f"/fi/moderation/{revision_item.pk}/",
        "history": f"/fi/solutions/{published.slug}/history/",
    }
    found, shown = {}, set()
    marker = re.search(r"xss\d+", payload).group().encode()
    staff = client_for(coordinator)
    for pages, as_client in ((public, client), (coordinators, staff)):
        for name, url in pages.items():
            response = as_client.get(url)
            assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
            content = b"".join(response.streaming_content) if response.streaming else response.content
            if problems := problems_in(content):
                found[name] = problems
            if marker in content:
                shown.add(name)
    assert found == {}
    # The payload did reach the pages as text; otherwise the check above proves nothing.
    assert {
        "detail",
        "organisation",
        "feed",
        "queue",
        "review of a submission",
        "review of a revision",
    } <= shown


def test_the_search_highlight_finds_the_payload_and_escapes_it(payload_world, client):
    payload_world(PAYLOADS[0])
    response = client.get("/fi/solutions/?q=alert")
    assert (response.context["page"].paginator.count, problems_in(response.content)) == (1, [])


def test_the_detector_notices_executable_markup():
    # The checks above are only worth something if they fail on the real thing.
    samples = [
        b"<script>alert(1)</script>",
        b'<img src=x onerror="alert(1)">',
        b'<a href=" jav&#x09;ascript:alert(1)">x</a>',
        b"<svg><circle/></svg>",
        b'<a href="data:text/html,x">x</a>',
    ]
    assert [bool(problems_in(sample)) for sample in samples] == [True] * len(samples)


def test_the_detector_accepts_an_ordinary_page():
    html = b'<p><a href="/fi/">Etusivu</a> <script src="/static/js/site.js" defer></script></p>'
    assert problems_in(html) == []
