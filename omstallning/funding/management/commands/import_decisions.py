"""python manage.py import_decisions FILE.csv [--skip-invalid]"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from omstallning.funding.decision_import import COLUMNS, RowError, decisions_import, utf8_lines


class Command(BaseCommand):
    help = (
        "Importerar tidigare beslut om stöd från en CSV-fil (UTF-8, kommaseparerad, rubrikrad "
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

        def on_error(line: int, reason: str) -> None:
            self.stderr.write(_("Rad %(line)s: %(reason)s") % {"line": line, "reason": reason})

        def on_progress(rows: int) -> None:
            if rows % 100_000 < 5000 and options["verbosity"] > 1:
                self.stdout.write(_("%(rows)s rader lästa …") % {"rows": rows})

        try:
            # Bytes, decoded by utf8_lines, so that bad UTF-8 is reported by its line.
            if file == "-":
                report = decisions_import(
                    utf8_lines(sys.stdin.buffer),
                    skip_invalid=skip_invalid,
                    on_error=on_error,
                    on_progress=on_progress,
                )
            else:
                with open(file, "rb") as source:
                    report = decisions_import(
                        utf8_lines(source),
                        skip_invalid=skip_invalid,
                        on_error=on_error,
                        on_progress=on_progress,
                    )
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
