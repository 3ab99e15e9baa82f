"""python manage.py import_decisions FILE.csv [--skip-invalid]"""

import sys
import time
from functools import partial

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from omstallning.core.csv_import import RowError
from omstallning.funding.decision_import import COLUMNS
from omstallning.funding.services import decisions_import


class Command(BaseCommand):
    help = (
        "Importerar tidigare beslut om stöd från en CSV-fil (UTF-8, komma-, semikolon- eller "
        "tabbseparerad, rubrikrad "
        f"med kolumnerna {', '.join(COLUMNS)}). Samma case_id uppdateras, dubbleras aldrig."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV-filen, eller - för standard in."))
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help=_("Importera de giltiga raderna även om några rader är felaktiga."),
        )

    def handle(self, *args, file: str, skip_invalid: bool, **options):
        started = time.monotonic()

        def on_error(error: RowError) -> None:
            self.stderr.write(str(error))

        def on_progress(rows: int) -> None:
            if rows % 100_000 < 5000 and options["verbosity"] > 1:
                self.stdout.write(_("%(rows)s rader lästa …") % {"rows": rows})

        # Whoever runs the command acts as the system: the log shows the import as the
        # system's, and no account's permission is asked (services.decisions_import).
        run = partial(
            decisions_import,
            user=None,
            skip_invalid=skip_invalid,
            on_error=on_error,
            on_progress=on_progress,
        )
        try:
            # Bytes, decoded by core.csv_import, so that bad UTF-8 is reported by its line.
            if file == "-":
                report = run(rows_or_file=sys.stdin.buffer)
            else:
                with open(file, "rb") as source:
                    report = run(rows_or_file=source)
        except FileNotFoundError:
            raise CommandError(_("Filen finns inte: %(file)s") % {"file": file}) from None
        except RowError as error:
            raise CommandError(str(error)) from None
        seconds = time.monotonic() - started
        if not report.imported:
            raise CommandError(
                _(
                    "%(invalid)s av %(rows)s rader är felaktiga. Inget importerades. "
                    "Rätta raderna, eller kör igen med --skip-invalid för att importera de giltiga."
                )
                % {"invalid": report.invalid, "rows": report.rows}
            )
        self.stdout.write(
            _(
                "%(rows)s rader lästa: %(created)s nya beslut, %(updated)s uppdaterade, "
                "%(invalid)s felaktiga hoppades över (%(seconds).1f s, %(rate).0f rader/s)."
            )
            % {
                "rows": report.rows,
                "created": report.created,
                "updated": report.updated,
                "invalid": report.invalid,
                "seconds": seconds,
                "rate": report.rows / seconds if seconds else 0,
            }
        )
