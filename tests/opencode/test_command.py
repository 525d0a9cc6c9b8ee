"""`manage.py publiccode validate FILE...`: a verdict per file, the messages, and the exit status."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.opencode.conftest import FILES


def run(*names):
    out = StringIO()
    call_command("publiccode", "validate", *[str(FILES / name) for name in names], stdout=out)
    return out.getvalue()


def test_valid_files_and_files_with_warnings_exit_0():
    out = run("valid-minimal.publiccode.yml", "warnings.publiccode.yml")
    assert "valid-minimal.publiccode.yml: valid (0 errors, 0 warnings)" in out
    assert "warnings.publiccode.yml: valid (0 errors, 5 warnings)" in out
    assert "warnings.publiccode.yml:21:3 warning: legal.authorsFile: deprecated key" in out


def test_one_invalid_file_makes_the_exit_status_1_and_every_file_is_still_reported():
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "publiccode",
            "validate",
            str(FILES / "invalid.publiccode.yml"),
            str(FILES / "valid-full.publiccode.yml"),
            stdout=out,
        )
    assert raised.value.returncode == 1
    text = out.getvalue()
    assert "invalid.publiccode.yml: INVALID (17 errors, 0 warnings)" in text
    assert "invalid.publiccode.yml:10:1 error: favouriteColour: unknown key" in text
    assert "valid-full.publiccode.yml: valid" in text


def test_missing_file_is_reported_not_raised(tmp_path):
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("publiccode", "validate", str(tmp_path / "nothing.yml"), stdout=out)
    assert "nothing.yml: cannot be read" in out.getvalue()


def test_network_checks_are_optional_and_warn(local_server, tmp_path, minimal_text):
    local_server.files["/repo"] = (200, {}, b"ok")
    text = minimal_text.replace(
        'url: "https://git.example.org/kuhmo/paivakotihaku.git"', f'url: "{local_server.url("/repo")}"'
    ).replace("platforms:", f'landingURL: "{local_server.url("/gone")}"\nplatforms:')
    path = tmp_path / "publiccode.yml"
    path.write_text(text, encoding="utf-8")
    offline = StringIO()
    call_command("publiccode", "validate", str(path), stdout=offline)
    assert local_server.requests == []
    online = StringIO()
    call_command("publiccode", "validate", "--network", str(path), stdout=online)
    assert "valid (0 errors, 1 warnings)" in online.getvalue()
    assert "warning: landingURL:" in online.getvalue()
    assert "404" in online.getvalue()
    assert local_server.requests == ["/repo", "/gone"]
