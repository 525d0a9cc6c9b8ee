"""Fill the catalogue with demo content: real municipal open-source projects and written examples."""

from django.core.management.base import BaseCommand

from solutions.demo.discussion import seed_discussion
from solutions.demo.initiatives import seed_initiatives
from solutions.demo.reuse import seed_reuse
from solutions.demo.seeding import seed
from solutions.demo.tag_names import seed_tag_names
from solutions.experiments.demo import seed_experiments
from solutions.maturity.demo import seed_maturity
from solutions.models import SolutionKind
from solutions.news.demo import seed_news
from solutions.people.demo import seed_people


class Command(BaseCommand):
    help = (
        "Create or update the demo solutions (published, by slug, so running it again changes nothing "
        "twice). Loads municipalities and vocabularies first if they are missing."
    )

    def handle(self, *args, **options):
        result = seed(stdout=self.stdout)
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        kinds = ", ".join(
            f"{SolutionKind(kind).label}: {count}" for kind, count in sorted(result.kinds.items())
        )
        languages = ", ".join(f"{language}: {count}" for language, count in sorted(result.languages.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {result.created} solutions created, {result.updated} updated, "
                f"published by {len(result.organisations)} organisations."
            )
        )
        self.stdout.write(f"  by kind: {kinds}")
        self.stdout.write(f"  by language: {languages}")
        self.stdout.write(f"  attachment files written: {result.attachments_written}")
        self.stdout.write(f"  tag names: {seed_tag_names()}")
        self.stdout.write(f"  adoptions created: {seed_reuse()}")
        self.stdout.write(f"  discussion: {seed_discussion()}")
        self.stdout.write(f"  maturity: {seed_maturity()}")
        self.stdout.write(f"  experiments: {seed_experiments()}")
        self.stdout.write(f"  people network: {seed_people()}")
        self.stdout.write(f"  news and events: {seed_news()}")
        self.stdout.write(f"  development initiatives: {seed_initiatives()}")
