"""The fetcher's defences against server-side request forgery, and raw file addresses of forges."""

import socket

import pytest

from solutions.opencode import fetch


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/publiccode.yml",
        "ftp://example.org/publiccode.yml",
        "file:///etc/passwd",
        "https://user:secret@example.org/publiccode.yml",
        "https://127.0.0.1/publiccode.yml",
        "https://10.1.2.3/publiccode.yml",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/publiccode.yml",
        "https://[::ffff:127.0.0.1]/publiccode.yml",
        "https://0.0.0.0/publiccode.yml",
        "https://224.0.0.1/publiccode.yml",
    ],
)
def test_refused_addresses(url):
    with pytest.raises(fetch.FetchError):
        fetch.check_url(url)


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.5", 443))],
    )
    with pytest.raises(fetch.FetchError, match="private or local"):
        fetch.check_url("https://intranet.example.org/publiccode.yml")


def test_a_public_address_is_pinned(monkeypatch):
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 443))],
    )
    assert fetch.check_url("https://example.org/publiccode.yml") == (
        "https",
        "example.org",
        443,
        "93.184.215.14",
    )


def test_loopback_http_needs_the_test_only_setting(settings):
    settings.OPENCODE_FETCH_ALLOW_LOOPBACK_HTTP = False
    with pytest.raises(fetch.FetchError):
        fetch.check_url("http://127.0.0.1:8000/publiccode.yml")
    settings.OPENCODE_FETCH_ALLOW_LOOPBACK_HTTP = True
    assert fetch.check_url("http://127.0.0.1:8000/publiccode.yml")[3] == "127.0.0.1"
    with pytest.raises(fetch.FetchError):
        fetch.check_url("http://localhost:8000/publiccode.yml")


def test_redirect_to_a_private_address_is_refused_on_the_way(local_server):
    local_server.files["/moved"] = (302, {"Location": "https://10.0.0.1/publiccode.yml"}, b"")
    with pytest.raises(fetch.FetchError, match="private or local|resolves"):
        fetch.fetch(local_server.url("/moved"))


def test_redirects_are_followed_up_to_the_limit(local_server):
    local_server.files["/file.yml"] = (200, {}, b"name: x\n")
    local_server.files["/a"] = (301, {"Location": "/file.yml"}, b"")
    assert fetch.fetch(local_server.url("/a")) == b"name: x\n"
    for n in range(5):
        local_server.files[f"/loop{n}"] = (302, {"Location": f"/loop{n + 1}"}, b"")
    with pytest.raises(fetch.FetchError, match="Too many redirects"):
        fetch.fetch(local_server.url("/loop0"))


def test_size_limit_and_error_status(local_server):
    local_server.files["/big.yml"] = (200, {}, b"x" * (fetch.MAX_BYTES + 10))
    local_server.files["/gone.yml"] = (410, {}, b"")
    with pytest.raises(fetch.FetchError, match="larger than 1 MB"):
        fetch.fetch(local_server.url("/big.yml"))
    with pytest.raises(fetch.FetchError, match="410"):
        fetch.fetch(local_server.url("/gone.yml"))


@pytest.mark.parametrize(
    ("url", "raw"),
    [
        (
            "https://gitlab.example.org/kuhmo/sub/app/",
            "https://gitlab.example.org/kuhmo/sub/app/-/raw/HEAD/publiccode.yml",
        ),
        (
            "https://gitlab.example.org/kuhmo/app.git",
            "https://gitlab.example.org/kuhmo/app/-/raw/HEAD/publiccode.yml",
        ),
        ("https://files.example.org/app/publiccode.yml", "https://files.example.org/app/publiccode.yml"),
        ("https://files.example.org/app/publiccode.yaml", "https://files.example.org/app/publiccode.yaml"),
    ],
)
def test_raw_file_address_of_common_forges(url, raw):
    assert fetch.raw_file_url(url) == raw


def test_unknown_forge_asks_for_the_file_address():
    with pytest.raises(fetch.FetchError):
        fetch.raw_file_url("https://git.example.org/kuhmo/app")
