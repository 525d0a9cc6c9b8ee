"""Uploaded attachments: what we accept, how we name it, and how it is served back.

The type of an upload is read from its content, never from its name or the browser's claim: magic
bytes for PDF, PNG and JPEG; the `mimetype` entry (ODF) or `[Content_Types].xml` (Office Open XML)
inside a zip; and the root element of XML parsed with defusedxml (no DTDs, entities or external
references) for BPMN 2.0 and SVG. The stored name is a slug of the uploader's name with the extension
of the detected type, so a file called `report.pdf.html` that is really a PNG is stored as
`report-pdf.png`.

Serving: every attachment is downloaded through `download`, which answers only to people who may
view the solution (a file that an edit still waiting for review adds, only to those who may see the
edit: the "download_attachment" permission) and sends `X-Content-Type-Options: nosniff` and
`Content-Security-Policy: sandbox; default-src 'none'`, so no uploaded file ever runs as a page of
this site. The file is streamed from the storage (the local folder or the object store) in chunks,
never handed out as an address of the store: a signed URL would be a bearer token that outlives the
permission check, and the store's own response headers would decide how a browser treats the file.
SVG may carry scripts; it is not sanitised but always sent as a download
(`Content-Disposition: attachment`), which is the safe choice: the file stays exactly what the
publisher uploaded and a browser never renders it in our origin. Only PNG and JPEG, which cannot
carry active content, are shown inline.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from municipalities.permissions import may
from solutions.models import Attachment

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_STEM_LENGTH = 80
# Zip members we read to tell the format; larger ones would only be a zip bomb.
MAX_ZIP_MEMBER_BYTES = 1024 * 1024

BPMN_DEFINITIONS = "{http://www.omg.org/spec/BPMN/20100524/MODEL}definitions"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    inline: bool = False


PDF = FileType("application/pdf", "pdf")
PNG = FileType("image/png", "png", inline=True)
JPEG = FileType("image/jpeg", "jpg", inline=True)
SVG = FileType("image/svg+xml", "svg")
BPMN = FileType("application/bpmn+xml", "bpmn")
ODT = FileType("application/vnd.oasis.opendocument.text", "odt")
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")

ALLOWED = {file_type.content_type: file_type for file_type in (PDF, PNG, JPEG, SVG, BPMN, ODT, DOCX, XLSX)}
ALLOWED_NAMES = "PDF, ODT, DOCX, XLSX, BPMN, PNG, JPEG, SVG"


def validate_upload(uploaded_file) -> tuple[str, str]:
    """(content type, safe file name) of an acceptable upload; ValidationError otherwise."""
    size = uploaded_file.size
    if size is None or size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(limit)s is allowed."),
            code="too_large",
            params={"limit": filesizeformat(MAX_UPLOAD_BYTES)},
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    file_type = detect(uploaded_file)
    if file_type is None:
        raise ValidationError(
            _("This kind of file is not accepted. Allowed file types: %(types)s."),
            code="file_type",
            params={"types": ALLOWED_NAMES},
        )
    return file_type.content_type, safe_name(uploaded_file.name, file_type)


def safe_name(original: str | None, file_type: FileType) -> str:
    stem = PurePath(original or "").name
    # Every extension goes, not only the last: "report.pdf.html" keeps "report-pdf" as its stem.
    stem = slugify(stem.rsplit(".", 1)[0].replace(".", " "))[:MAX_STEM_LENGTH].strip("-_")
    return f"{stem or 'attachment'}.{file_type.extension}"


def detect(uploaded_file) -> FileType | None:
    """The allowed type the content really is, or None."""
    uploaded_file.seek(0)
    head = uploaded_file.read(8)
    uploaded_file.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(b"PK\x03\x04"):
            return _detect_zip(uploaded_file)
        return _detect_xml(uploaded_file)
    finally:
        uploaded_file.seek(0)


def _detect_zip(uploaded_file) -> FileType | None:
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = _read_member(archive, "mimetype")
                if mimetype is not None and mimetype.strip() == ODT.content_type.encode():
                    return ODT
                return None
            if "[Content_Types].xml" in names:
                data = _read_member(archive, "[Content_Types].xml")
                return None if data is None else _detect_office_open_xml(data)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return None
    return None


def _read_member(archive, name) -> bytes | None:
    if archive.getinfo(name).file_size > MAX_ZIP_MEMBER_BYTES:
        return None
    return archive.read(name)


def _detect_office_open_xml(data: bytes) -> FileType | None:
    root = _parse_xml(data)
    if root is None:
        return None
    content_types = {element.get("ContentType") for element in root.iter() if element.get("ContentType")}
    # Only the plain document types: macro-enabled ones (.docm, .xlsm) declare another main part.
    if DOCX_MAIN in content_types:
        return DOCX
    if XLSX_MAIN in content_types:
        return XLSX
    return None


def _detect_xml(uploaded_file) -> FileType | None:
    root = _parse_xml(uploaded_file.read())
    if root is None:
        return None
    if root.tag == BPMN_DEFINITIONS:
        return BPMN
    if root.tag == SVG_ROOT:
        return SVG
    return None


def _parse_xml(data: bytes):
    try:
        return SafeElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (SafeElementTree.ParseError, DefusedXmlException, ValueError, UnicodeError):
        return None


def prepare_upload(uploaded_file):
    """Validate `uploaded_file` and rename it safely; returns (file, content type) ready to store.

    Usage: `file, content_type = prepare_upload(form.cleaned_data["file"])`, then
    `Attachment(solution=..., title=..., file=file, content_type=content_type, size=file.size)`.
    """
    content_type, name = validate_upload(uploaded_file)
    uploaded_file.name = name
    return uploaded_file, content_type


def download(request, pk):
    """An attachment of a solution the user may view, served so that it can never run as our page."""
    attachment = get_object_or_404(Attachment.objects.select_related("solution"), pk=pk)
    if not may(request.user, "download_attachment", attachment):
        raise Http404
    file_type = ALLOWED.get((attachment.content_type or "").split(";")[0].strip().lower())
    if file_type is None and PurePath(attachment.file.name).suffix.lower() == ".bpmn":
        file_type = BPMN
    content_type = file_type.content_type if file_type else "application/octet-stream"
    if not attachment.file:
        raise Http404
    try:
        handle, size = attachment.file.storage.stream(attachment.file.name)
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=not (file_type and file_type.inline),
        filename=PurePath(attachment.file.name).name,
        content_type=content_type,
    )
    if size is not None:
        # An object store's body cannot tell its length; the store said it.
        response["Content-Length"] = str(size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if not attachment.solution.is_published or attachment.revision_id is not None:
        response["Cache-Control"] = "private, no-store"
    return response
