"""A real S3-compatible server on loopback (moto's standalone server), a fresh bucket per test, and
the site's attachments stored in it.

moto is a development requirement; without it the object-store tests are skipped, the rest run.
"""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.utils import timezone

from solutions.models import ModerationState
from tests import factories

REGION = "eu-north-1"
ACCESS_KEY = "kuntajako-test"
SECRET_KEY = "kuntajako-test-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answers(url: str, process: subprocess.Popen, what: str) -> None:
    for _attempt in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped at start-up (exit code {process.returncode})")
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 (a loopback address we chose)
            return
        except urllib.error.HTTPError:
            return  # It answers, if only to say no.
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer at {url}")


@pytest.fixture(scope="session")
def s3_endpoint():
    pytest.importorskip("moto.server", reason="moto[server] (requirements-dev.txt) is the test S3 server")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(url, process, "The S3 test server")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


class Bucket:
    """The test's bucket, seen from outside the site."""

    def __init__(self, endpoint, name):
        self.endpoint = endpoint
        self.name = name
        self.client = s3_client(endpoint)

    def stored_keys(self) -> list[str]:
        response = self.client.list_objects_v2(Bucket=self.name)
        return sorted(entry["Key"] for entry in response.get("Contents", ()))

    def read(self, key) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def storage_options(self) -> dict:
        return {
            "bucket_name": self.name,
            "endpoint_url": self.endpoint,
            "region_name": REGION,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "addressing_style": "path",
        }

    def environment(self) -> dict[str, str]:
        """The variables that configure an application server for this bucket."""
        return {
            "ATTACHMENT_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": self.name,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_S3_ADDRESSING_STYLE": "path",
        }


def make_bucket(endpoint) -> Bucket:
    bucket = Bucket(endpoint, f"kuntajako-{uuid.uuid4().hex[:16]}")
    bucket.client.create_bucket(Bucket=bucket.name, CreateBucketConfiguration={"LocationConstraint": REGION})
    return bucket


def remove_bucket(bucket: Bucket) -> None:
    for key in bucket.stored_keys():
        bucket.client.delete_object(Bucket=bucket.name, Key=key)
    bucket.client.delete_bucket(Bucket=bucket.name)


@pytest.fixture
def bucket(s3_endpoint):
    bucket = make_bucket(s3_endpoint)
    yield bucket
    remove_bucket(bucket)


@pytest.fixture
def object_storage(settings, bucket, tmp_path):
    """Attachments go to `bucket`; MEDIA_ROOT is an empty folder that must stay empty."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "kuntajako.storage.ObjectStorage", "OPTIONS": bucket.storage_options()},
    }
    return bucket


@pytest.fixture
def local_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "kuntajako.storage.LocalStorage"}}
    return settings.MEDIA_ROOT


@pytest.fixture
def draft(organisation, editor):
    return factories.SolutionFactory(
        organisation=organisation,
        title="Tilavarausjärjestelmä",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
        created_by=editor,
    )


@pytest.fixture
def published(organisation):
    return factories.SolutionFactory(
        organisation=organisation,
        title="Koulukuljetusten reititys",
        moderation_state=ModerationState.PUBLISHED,
        published_at=timezone.now(),
    )
