"""Uploaded attachments: what we accept, how we name it, and how it is served back.

The type of an upload is read from its content, never from its name or the browser's claim: magic
bytes for PDF, PNG and JPEG; the `mimetype` entry (ODF) or `[Content_Types].xml` (Office Open XML)
inside a zip, whose every entry is inflated by our own bounded reader (`_ZipReader`: limits on
entries, total size and ratio, counted while reading); and the root element of XML parsed with
defusedxml (no DTDs, entities or external references) for BPMN 2.0 and SVG. The stored
name is a slug of the uploader's name with the extension of the detected type, so a file called
`report.pdf.html` that is really a PNG is stored as `report-pdf.png`.

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

import struct
import zipfile
import zlib
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
# Limits on a whole ZIP-based document (DOCX, XLSX, ODT), counted while inflating it, never taken
# from the sizes the archive declares: a real office document has tens to a few hundred entries,
# inflates to a few times its size, and never to more than a hundred megabytes.
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100
# Below this much output the ratio is not judged: a small run of blank cells compresses very well.
ZIP_RATIO_GRACE_BYTES = 1024 * 1024
ZIP_CHUNK_BYTES = 64 * 1024

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
        if _zip_entry_count(uploaded_file) > MAX_ZIP_ENTRIES:
            return None
        uploaded_file.seek(0)
        with zipfile.ZipFile(uploaded_file) as archive:
            members = _ZipReader(uploaded_file).read_all(
                archive.infolist(), keep={"mimetype", "[Content_Types].xml"}
            )
    except (ZipBombError, zipfile.BadZipFile, zlib.error, struct.error, OSError, ValueError):
        return None
    if "mimetype" in members:
        if members["mimetype"].strip() == ODT.content_type.encode():
            return ODT
        return None
    if "[Content_Types].xml" in members:
        return _detect_office_open_xml(members["[Content_Types].xml"])
    return None


class ZipBombError(ValueError):
    """The archive inflates to more than a document ever does, or lies about its contents."""


def _zip_entry_count(uploaded_file) -> int:
    """The entry count of the end-of-central-directory record, read before `zipfile` builds an object
    per entry. ZIP64 archives (over 65,535 entries or 4 GB) are never a document we accept."""
    uploaded_file.seek(0, 2)
    size = uploaded_file.tell()
    tail_length = min(size, 22 + 0xFFFF)
    uploaded_file.seek(size - tail_length)
    tail = uploaded_file.read(tail_length)
    position = tail.rfind(b"PK\x05\x06")
    if position < 0 or position + 22 > len(tail):
        raise zipfile.BadZipFile("no end of central directory")
    if b"PK\x06\x07" in tail[max(0, position - 20) : position]:
        raise ZipBombError("ZIP64")
    (entries,) = struct.unpack("<H", tail[position + 10 : position + 12])
    return entries


class _ZipReader:
    """Inflates every entry of a ZIP archive from its raw bytes, in small steps, counting what comes
    out. Python's `zipfile` stops at the size the archive declares but inflates a whole compressed
    entry in one call first, so a lying 1 MB entry costs gigabytes; here no step yields more than
    `ZIP_CHUNK_BYTES`, the declared sizes are only compared with the real ones, and the reading stops
    as soon as a limit is passed."""

    def __init__(self, handle):
        self.handle = handle
        self.total_out = 0
        self.total_in = 0

    def read_all(self, infos, keep) -> dict[str, bytes]:
        kept = {}
        for info in infos:
            data = self._inflate(info, keep_bytes=MAX_ZIP_MEMBER_BYTES if info.filename in keep else 0)
            if info.filename in keep:
                kept[info.filename] = data
        return kept

    def _inflate(self, info, keep_bytes: int) -> bytes:
        if info.flag_bits & 0x1:
            raise ZipBombError("encrypted entry")
        self.handle.seek(info.header_offset)
        header = self.handle.read(30)
        if len(header) != 30 or header[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile("bad local header")
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        self.handle.seek(info.header_offset + 30 + name_length + extra_length)
        if info.compress_type == zipfile.ZIP_STORED:
            decompressor = None
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
        else:
            raise ZipBombError("unsupported compression")
        compressed_left = info.compress_size
        entry_out = 0
        kept = bytearray()
        pending = b""
        while True:
            if not pending and compressed_left > 0:
                pending = self.handle.read(min(ZIP_CHUNK_BYTES, compressed_left))
                if not pending:
                    raise zipfile.BadZipFile("truncated entry")
                compressed_left -= len(pending)
                self.total_in += len(pending)
            if decompressor is None:
                output, pending = pending, b""
                finished = compressed_left <= 0
            else:
                output = decompressor.decompress(pending, ZIP_CHUNK_BYTES)
                pending = decompressor.unconsumed_tail
                finished = decompressor.eof
                if not finished and not output and not pending and compressed_left <= 0:
                    raise zipfile.BadZipFile("truncated entry")
            entry_out += len(output)
            self.total_out += len(output)
            if len(kept) < keep_bytes:
                kept += output[: keep_bytes - len(kept)]
            self._check_limits()
            if finished:
                break
        if entry_out != info.file_size:
            raise ZipBombError("declared size differs from the real one")
        if keep_bytes and entry_out > keep_bytes:
            raise ZipBombError("entry too large to read")
        return bytes(kept)

    def _check_limits(self):
        if self.total_out > MAX_ZIP_UNCOMPRESSED_BYTES:
            raise ZipBombError("too large uncompressed")
        if self.total_out > ZIP_RATIO_GRACE_BYTES and self.total_out > MAX_ZIP_RATIO * max(self.total_in, 1):
            raise ZipBombError("compression ratio too high")


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
