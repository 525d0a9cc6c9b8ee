"""The project's settings serving one "hello world" view: the baseline of tests/benchmarks/throughput.py
(same server, settings and middleware as the catalogue's pages)."""

from kuntajako.settings import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.hello_urls"
