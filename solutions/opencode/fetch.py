"""Reading a file from someone else's server without letting them point us at our own network.

The usual server-side request forgery defences: HTTPS only; the host name is resolved once and every
address it resolves to must be public (not private, loopback, link-local, multicast, reserved or
unspecified, also inside IPv4-mapped IPv6), and the connection goes to that checked address, so a
second DNS answer cannot swap it; redirects are followed by hand, at most MAX_REDIRECTS, each target
checked the same way; the body is read up to MAX_BYTES and the whole reading has a time limit.

`settings.OPENCODE_FETCH_ALLOW_LOOPBACK_HTTP` lets plain http:// to 127.0.0.1 through, for the test
suite's local server only; it is not read from the environment.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024
MAX_REDIRECTS = 3
TIMEOUT = 10
USER_AGENT = "Kuntajako-publiccode-harvester/1"


class FetchError(Exception):
    """The file could not be read; the message says why, for the organisation's status page."""


def _allow_loopback() -> bool:
    return bool(getattr(settings, "OPENCODE_FETCH_ALLOW_LOOPBACK_HTTP", False))


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local or ip.is_loopback)


def check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, address to connect to) for an allowed URL; FetchError otherwise."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.username or parts.password:
        raise FetchError(_("Addresses with a user name or password are not read."))
    loopback_test = _allow_loopback() and parts.scheme == "http" and host == "127.0.0.1"
    if parts.scheme != "https" and not loopback_test:
        raise FetchError(_("Only https:// addresses are read."))
    if not host:
        raise FetchError(_("The address has no host name."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(_("The address has an invalid port.")) from error
    if loopback_test:
        return parts.scheme, host, port, host
    try:
        answers = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(_("The host name %(host)s could not be resolved.") % {"host": host}) from error
    addresses = [answer[4][0] for answer in answers]
    if not addresses or not all(_public(address) for address in addresses):
        raise FetchError(
            _("The host %(host)s resolves to a private or local address; it is not read.") % {"host": host}
        )
    return parts.scheme, host, port, addresses[0]


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a checked address, with the certificate checked for the host name."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> bytes:
    """The body of `url`, following at most MAX_REDIRECTS checked redirects."""
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, address = check_url(url)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(_("Reading the file took too long."))
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address, remaining)
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(_("A redirect without a target."))
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(_("The server answered %(status)s.") % {"status": response.status})
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(_("The file is larger than 1 MB."))
            body = b""
            while len(body) <= max_bytes:
                if time.monotonic() > deadline:
                    raise FetchError(_("Reading the file took too long."))
                chunk = response.read(65536)
                if not chunk:
                    return body
                body += chunk
            raise FetchError(_("The file is larger than 1 MB."))
        except (OSError, http.client.HTTPException) as error:
            if isinstance(error, TimeoutError | socket.timeout):
                raise FetchError(_("Reading the file took too long.")) from error
            raise FetchError(_("The server could not be reached: %(error)s") % {"error": error}) from error
        finally:
            connection.close()
    raise FetchError(_("Too many redirects."))


def raw_file_url(url: str) -> str:
    """The address of the publiccode.yml file for a repository address of a common forge, or the
    address itself when it already names a .yml file; FetchError when it cannot be derived."""
    url = url.strip()
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.lower().endswith((".yml", ".yaml")):
        return url
    if path.endswith(".git"):
        path = path[:-4]
    segments = [segment for segment in path.split("/") if segment]
    host = (parts.hostname or "").lower()
    if host in ("github.com", "www.github.com") and len(segments) == 2:
        return f"https://raw.githubusercontent.com/{segments[0]}/{segments[1]}/HEAD/publiccode.yml"
    if host == "bitbucket.org" and len(segments) == 2:
        return f"https://bitbucket.org/{segments[0]}/{segments[1]}/raw/HEAD/publiccode.yml"
    if (host == "gitlab.com" or host.startswith("gitlab.")) and len(segments) >= 2:
        return f"https://{parts.netloc}/{'/'.join(segments)}/-/raw/HEAD/publiccode.yml"
    message = _("The address of the publiccode.yml file cannot be derived from this address.")
    advice = _("Give the address of the file itself.")
    raise FetchError(f"{message} {advice}")
