"""Events as iCalendar (RFC 5545), written by hand: one event, or a calendar of upcoming events.

What calendar programs trip on, and what this writes accordingly:
- lines end in CRLF and are folded so that no line is longer than 75 octets (counted in UTF-8, never
  cutting a character in two); a continuation line starts with one space (section 3.1);
- TEXT values escape backslash, semicolon, comma and line breaks (section 3.3.11);
- DTSTART and DTEND are given in UTC ("Z"), so no VTIMEZONE is needed and every program places the
  event at the same instant; the event's own zone travels in the description's time line;
- every VEVENT has a UID that stays the same across edits, and a DTSTAMP (section 3.6.1).
"""

from datetime import UTC

from django.utils import timezone

PRODID = "-//Kuntajako//News and events//FI"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """The content line folded into pieces of at most 75 octets, joined with CRLF and a space."""
    pieces = []
    current = b""
    limit = MAX_OCTETS
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            pieces.append(current)
            current = b""
            limit = MAX_OCTETS - 1  # the leading space of a continuation line counts
        current += encoded
    pieces.append(current)
    return "\r\n ".join(piece.decode("utf-8") for piece in pieces)


def utc(value) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event, *, url: str, host: str, now) -> list[str]:
    location = ", ".join(part for part in (event.place, event.online_url) if part)
    # ORGANIZER would need an e-mail address (a CAL-ADDRESS); the organiser is named in the text.
    description = "\n\n".join(part for part in (event.organisation.name, event.summary, event.body) if part)
    if event.registration_url:
        description += f"\n\n{event.registration_url}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:news-event-{event.pk}@{host}",
        f"DTSTAMP:{utc(now)}",
        f"DTSTART:{utc(event.starts_at)}",
        f"DTEND:{utc(event.ends_at)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if event.updated_at:
        lines.append(f"LAST-MODIFIED:{utc(event.updated_at)}")
    classes = [service_class.name for service_class in event.service_classes.all()]
    if classes:
        lines.append("CATEGORIES:" + ",".join(escape_text(name) for name in classes))
    lines.append("END:VEVENT")
    return lines


def calendar(events, *, name: str, url_of, host: str, now=None) -> str:
    """A VCALENDAR holding `events`; `url_of(event)` gives each one's absolute address."""
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += _event_lines(event, url=url_of(event), host=host, now=now)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
