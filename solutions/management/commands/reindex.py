"""Rebuild the search index and its vocabulary from the solutions, with a progress bar.

Run it after loading rows that bypass signals (bulk inserts, raw SQL, a restored dump), or after a
change of the analysis (solutions/search/analysis.py). Creates the index first if it is missing.
"""

import sys
import time

from django.core.management.base import BaseCommand

from solutions.search import index
from solutions.search.analysis import voikko_available


class Command(BaseCommand):
    help = "Rebuild the search index of solutions (both databases) with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        started = time.perf_counter()
        verbosity = options["verbosity"]
        if not voikko_available():
            self.stderr.write("Voikko is not installed: Finnish words are stemmed with Snowball only.")
        if index.ensure_schema(using=database):
            self.stdout.write("Created the search index.")
        interactive = verbosity > 0 and sys.stdout.isatty()

        def progress(done, total):
            if verbosity == 0:
                return
            width = 30
            filled = width * done // max(total, 1)
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}"
            if interactive:
                self.stdout.write("\r" + line, ending="")
                self.stdout.flush()
            elif done == total or done % 10_000 < index.BATCH:
                self.stdout.write(line)

        count = index.rebuild(using=database, progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(f"Indexed {count:,} solutions in {time.perf_counter() - started:.1f} s.")
