"""The storage settings fail at start-up, naming the variable, rather than at the first upload."""

import secrets

from tests.test_deployment import PRODUCTION_ENV, manage

ENV = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)}


def test_the_object_store_needs_a_bucket():
    result = manage("check", env={**ENV, "ATTACHMENT_STORAGE": "s3"})
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME must be set when ATTACHMENT_STORAGE is s3" in result.stderr


def test_an_unknown_storage_is_named():
    result = manage("check", env={**ENV, "ATTACHMENT_STORAGE": "minio"})
    assert result.returncode != 0
    assert "ATTACHMENT_STORAGE must be one of ['local', 's3'], not 'minio'" in result.stderr


def test_an_unknown_addressing_style_is_named():
    environment = {**ENV, "ATTACHMENT_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "liitteet"}
    result = manage("check", env={**environment, "AWS_S3_ADDRESSING_STYLE": "dns"})
    assert result.returncode != 0
    assert "AWS_S3_ADDRESSING_STYLE must be one of" in result.stderr


def test_the_object_store_starts_with_a_bucket_alone():
    environment = {**ENV, "ATTACHMENT_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "liitteet"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=environment)
    assert result.returncode == 0, result.stderr
