"""Uploaded files are reached only through the checked download view, never by their storage path."""

import importlib

import pytest
from django.urls import clear_url_caches

import kuntajako.urls
from tests.safety import files


@pytest.fixture
def urls_built_in_debug(settings, tmp_path):
    """The root URLconf as it is built when the demo runs with DEBUG on, over a media folder."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    importlib.reload(kuntajako.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(kuntajako.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_there_is_no_media_route_even_in_debug(client, tmp_path, urls_built_in_debug):
    (tmp_path / "attachments").mkdir()
    (tmp_path / "attachments" / "luonnos.pdf").write_bytes(files.PDF)
    (tmp_path / "attachments" / "kuva.svg").write_bytes(files.SVG_WITH_SCRIPT)
    for path in ("/media/attachments/luonnos.pdf", "/media/attachments/kuva.svg"):
        response = client.get(path)
        assert response.status_code == 404
        assert files.PDF not in response.content
