"""The optional checks that need the network: do the addresses in a valid document answer?

Separate from the offline validator and never run by the import or by the tests' default settings;
`manage.py publiccode validate --network` asks for them. Each address is read through
solutions.opencode.fetch, with its defences against requests to private addresses; a failure is a
warning, since a server that is down today says nothing about the file.
"""

from solutions.opencode import fetch
from solutions.opencode.publiccode.validator import WARNING, Message

# Reading the start of a page is enough to know that it answers.
PROBE_BYTES = 256 * 1024


def _addresses(document: dict):
    for key in ("url", "landingURL", "roadmap", "logo"):
        value = document.get(key)
        if isinstance(value, str) and value.startswith(("https://", "http://")):
            yield key, value
    for language, description in (document.get("description") or {}).items():
        if isinstance(description, dict):
            for key in ("documentation", "apiDocumentation"):
                value = description.get(key)
                if isinstance(value, str):
                    yield f"description.{language}.{key}", value


def check(document: dict) -> list[Message]:
    messages = []
    for key, url in _addresses(document):
        try:
            fetch.fetch(url, max_bytes=PROBE_BYTES)
        except fetch.FetchError as error:
            if "larger than" in str(error):
                continue  # it answered; only its size is above the probe
            messages.append(Message(WARNING, key, 0, 0, f"{url} does not answer: {error}"))
    return messages
