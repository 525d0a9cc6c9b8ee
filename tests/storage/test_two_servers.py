"""Two application servers, as behind a load balancer: a file uploaded through one is downloaded
through the other. Each is a gunicorn process with its own empty MEDIA_ROOT; they share only the
database and the bucket, as separate machines would."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from solutions.models import Attachment
from tests.safety.files import PDF
from tests.storage.conftest import free_port, wait_until_answers

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


class AppServer:
    def __init__(self, url, media_root):
        self.url = url
        self.media_root = media_root

    def stored_files(self):
        return [path for path in self.media_root.rglob("*") if path.is_file()]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def app_servers(transactional_db, bucket, tmp_path):
    servers, processes = [], []
    try:
        for name in ("a", "b"):
            media_root = tmp_path / f"media-{name}"
            media_root.mkdir()
            port = free_port()
            environment = {
                **os.environ,
                **bucket.environment(),
                "DJANGO_SETTINGS_MODULE": "kuntajako.test_settings",
                "DATABASE_URL": database_url(),
                "CONN_MAX_AGE": "0",
                "MEDIA_ROOT": str(media_root),
                "ALLOWED_HOSTS": "127.0.0.1",
            }
            processes.append(
                subprocess.Popen(  # noqa: S603
                    [sys.executable, "-m", "gunicorn", "kuntajako.wsgi", "--bind", f"127.0.0.1:{port}"],
                    cwd=Path(settings.BASE_DIR),
                    env=environment,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            servers.append(AppServer(f"http://127.0.0.1:{port}", media_root))
        for server, process in zip(servers, processes, strict=True):
            wait_until_answers(f"{server.url}/robots.txt", process, "An application server")
        yield servers
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def session_of(user) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}


def upload_through(server, cookies, solution):
    """Upload a PDF through the editor's form, as a browser would: the page first, then the form."""
    page_url = server.url + reverse("solutions:editor:attachments", args=[solution.slug])
    page = requests.get(page_url, cookies=cookies, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return requests.post(
        page_url,
        data={"csrfmiddlewaretoken": token, "title": "Prosessikuvaus"},
        files={"file": ("Prosessikuvaus.pdf", PDF, "application/pdf")},
        cookies={**cookies, settings.CSRF_COOKIE_NAME: page.cookies[settings.CSRF_COOKIE_NAME]},
        allow_redirects=False,
        timeout=30,
    )


def test_a_file_uploaded_through_one_server_is_downloaded_through_the_other(
    app_servers, bucket, editor, draft
):
    first, second = app_servers
    cookies = session_of(editor)
    assert upload_through(first, cookies, draft).status_code == 302
    attachment = Attachment.objects.get()
    download_path = reverse("solutions:attachment_download", args=[attachment.pk])

    download = requests.get(second.url + download_path, cookies=cookies, timeout=30)
    anonymous = requests.get(second.url + download_path, timeout=30)

    assert (download.status_code, download.content, download.headers["Content-Security-Policy"]) == (
        200,
        PDF,
        "sandbox; default-src 'none'",
    )
    assert anonymous.status_code == 404
    assert bucket.stored_keys() == [attachment.file.name]
    assert first.stored_files() == second.stored_files() == []
