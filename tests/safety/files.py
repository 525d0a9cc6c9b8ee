"""Small real files of every accepted type, and impostors, built in memory."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
BPMN = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d1" targetNamespace="x">'
    b'<process id="p1" name="Tilavaraus"><startEvent id="s"/></process></definitions>'
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PLAIN_XML = b'<?xml version="1.0"?><note><to>Kuhmo</to></note>'
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</definitions>'
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&xxe;</definitions>'
)


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _content_types(main: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/main.xml" ContentType="{main}"/></Types>'
    ).encode()


ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
ODS = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
DOCX_MEMBERS = {
    "[Content_Types].xml": _content_types(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
    "word/document.xml": b"<w/>",
}
DOCX = zipped(DOCX_MEMBERS)
XLSX = zipped(
    {
        "[Content_Types].xml": _content_types(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        ),
        "xl/workbook.xml": b"<w/>",
    }
)
DOCM = zipped(
    {
        "[Content_Types].xml": _content_types("application/vnd.ms-word.document.macroEnabled.main+xml"),
        "word/document.xml": b"<w/>",
    }
)
PLAIN_ZIP = zipped({"readme.txt": b"hello"})


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


MEGABYTE = 1024 * 1024


def _deflate(head: bytes, zero_megabytes: int) -> bytes:
    """`head` and then `zero_megabytes` MB of zeros, raw-deflated in steps so the test never holds them."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    parts = [compressor.compress(head)]
    chunk = bytes(MEGABYTE)
    parts += [compressor.compress(chunk) for _ in range(zero_megabytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


def _with_raw_entry(archive: bytes, name: str, compressed: bytes, crc: int, declared_size: int) -> bytes:
    """`archive` (a zip) with one more deflated entry whose bytes and declared size are given as they are."""
    end_at = archive.rindex(b"PK\x05\x06")
    *_, count, directory_size, directory_offset, _ = struct.unpack("<4s4H2LH", archive[end_at : end_at + 22])
    entries = archive[:directory_offset]
    directory = archive[directory_offset : directory_offset + directory_size]
    encoded = name.encode()
    sizes = (crc, len(compressed), declared_size, len(encoded))
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, *sizes, 0)
    central = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, *sizes, 0, 0, 0, 0, 0, len(entries)
    )
    entries += local + encoded + compressed
    directory += central + encoded
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count + 1, count + 1, len(directory), len(entries), 0)
    return entries + directory + end


def lying_zip_bomb(zero_megabytes: int = 512) -> bytes:
    """A DOCX whose `[Content_Types].xml` declares the size and CRC of a real one but inflates to that
    XML followed by `zero_megabytes` MB of zeros. A reader that trusts the declared size accepts it as
    a document, after inflating all of it into memory at once."""
    head = DOCX_MEMBERS["[Content_Types].xml"]
    bomb = _deflate(head, zero_megabytes)
    return _with_raw_entry(
        zipped({"word/document.xml": b"<w/>"}), "[Content_Types].xml", bomb, zlib.crc32(head), len(head)
    )


def honest_zip_bomb(zero_megabytes: int = 256) -> bytes:
    """A real DOCX with one more entry of zeros whose declared size and CRC are true."""
    crc = 0
    chunk = bytes(MEGABYTE)
    for _ in range(zero_megabytes):
        crc = zlib.crc32(chunk, crc)
    return _with_raw_entry(
        DOCX, "word/media/zeros.bin", _deflate(b"", zero_megabytes), crc, zero_megabytes * MEGABYTE
    )


def docx_with_entries(extra_entries: int) -> bytes:
    """A real DOCX with `extra_entries` more tiny parts."""
    return zipped({**DOCX_MEMBERS, **{f"word/part{index}.xml": b"<w/>" for index in range(extra_entries)}})
