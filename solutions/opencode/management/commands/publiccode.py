"""`manage.py publiccode validate FILE...`: check publiccode.yml files offline, as the import does."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from solutions.opencode.publiccode.network import check as check_addresses
from solutions.opencode.publiccode.validator import validate


class Command(BaseCommand):
    help = "Validate publiccode.yml files: exit 0 when every file is valid (warnings allowed), 1 otherwise."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        check = subcommands.add_parser("validate", help="validate files")
        check.add_argument("files", nargs="+", metavar="FILE")
        check.add_argument(
            "--network", action="store_true", help="also check that the addresses in valid files answer"
        )

    def handle(self, *args, subcommand, files, network=False, **options):
        all_valid = True
        for name in files:
            try:
                content = Path(name).read_bytes()
            except OSError as error:
                self.stdout.write(f"{name}: cannot be read ({error.strerror})")
                all_valid = False
                continue
            report = validate(content)
            if network and report.valid:
                report.messages.extend(check_addresses(report.document))
            all_valid &= report.valid
            verdict = "valid" if report.valid else "INVALID"
            counts = f"{len(report.errors)} errors, {len(report.warnings)} warnings"
            self.stdout.write(f"{name}: {verdict} ({counts})")
            for message in report.messages:
                self.stdout.write(f"  {name}:{message}")
        if not all_valid:
            raise CommandError("some files are not valid", returncode=1)
