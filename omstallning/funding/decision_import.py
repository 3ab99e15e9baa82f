"""Import of earlier decisions from CSV (UTF-8, comma-separated, with a header row).

Idempotent by case_id: importing the same file again updates the decisions, never duplicates
them. Every bad row is reported with its line number and reason. By default a file with any
bad row imports nothing (the whole import is one transaction, and writing stops at the first
bad row while the rest is still checked, so every problem is reported at once); with
`skip_invalid` the good rows are imported and the bad ones reported.

Bytes that are not UTF-8 stop the whole import (even with `skip_invalid`), reported with the
line they are on and their place in the file.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.core.municipality_codes import is_municipality_code
from omstallning.core.organisation_numbers import normalise_organisation_number
from omstallning.core.sni import section_of

from .models import (
    CompanySize,
    Decision,
    EnvironmentalImpact,
    Gender,
    Outcome,
    Programme,
    YesNo,
    ownership_of,
)

COLUMNS = [
    "case_id",
    "programme",
    "decision_date",
    "decision",
    "org_number",
    "municipality_code",
    "sni_code",
    "company_size",
    "women_owner_share",
    "ceo_gender",
    "foreign_background",
    "applied_sek",
    "granted_sek",
    "env_impact",
]
BATCH = 5000
CASE_ID = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_./:-]{0,39}\Z")
ISO_DATE = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
SEK = re.compile(r"\A[0-9]{1,12}(?:\.0{1,2})?\Z")
UPDATED_FIELDS = [
    "source",
    "programme",
    "decided_on",
    "outcome",
    "amount_applied",
    "amount_granted",
    "organisation_number",
    "municipality_code",
    "sni_code",
    "sni_section",
    "company_size",
    "women_owner_share",
    "ownership",
    "ceo_gender",
    "foreign_background",
    "environmental_impact",
    "is_generated",
    "recorded_at",
]


class RowError(ValueError):
    pass


@dataclass(frozen=True)
class ImportReport:
    rows: int
    created: int
    updated: int
    invalid: int
    imported: bool


def _choice(value: str, choices, name: str, *, optional: bool) -> str:
    if value == "" and optional:
        return ""
    if value not in choices.values:
        allowed = "|".join(choices.values)
        raise RowError(
            _("%(column)s ska vara %(allowed)s%(empty)s, inte ”%(value)s”.")
            % {
                "column": name,
                "allowed": allowed,
                "empty": _(" eller tomt") if optional else "",
                "value": value[:40],
            }
        )
    return value


def _sek(value: str, name: str) -> Decimal:
    if not SEK.fullmatch(value):
        raise RowError(
            _(
                "%(column)s ska vara ett belopp i hela kronor, till exempel 250000, "
                "inte ”%(value)s”."
            )
            % {"column": name, "value": value[:40]}
        )
    return Decimal(value)


def parse_row(row: dict[str, str], programmes: dict[str, int], today: date) -> Decision:
    """One CSV row as an unsaved Decision, or RowError with the reason in Swedish."""
    if None in row:
        raise RowError(_("Raden har fler fält än rubrikraden."))
    if any(row.get(column) is None for column in COLUMNS):
        raise RowError(_("Raden har färre fält än rubrikraden."))
    values = {column: row[column].strip() for column in COLUMNS}
    case_id = values["case_id"]
    if not CASE_ID.fullmatch(case_id):
        raise RowError(
            _("case_id saknas eller är ogiltigt (högst 40 tecken: bokstäver, siffror, - _ . / :).")
        )
    programme_id = programmes.get(values["programme"].lower())
    if programme_id is None:
        raise RowError(
            _("Det finns inget program med koden ”%(code)s”.") % {"code": values["programme"][:40]}
        )
    try:
        if not ISO_DATE.fullmatch(values["decision_date"]):
            raise ValueError
        decided_on = date.fromisoformat(values["decision_date"])
    except ValueError:
        raise RowError(
            _("decision_date ska vara ett datum som ÅÅÅÅ-MM-DD, inte ”%(value)s”.")
            % {"value": values["decision_date"][:40]}
        ) from None
    if decided_on > today:
        raise RowError(_("decision_date ligger i framtiden."))
    outcome = _choice(values["decision"], Outcome, "decision", optional=False)
    try:
        organisation_number = normalise_organisation_number(values["org_number"])
    except ValidationError as error:
        raise RowError(f"org_number: {error.messages[0]}") from None
    if not is_municipality_code(values["municipality_code"]):
        raise RowError(_("municipality_code ska vara fyra siffror, till exempel 1980."))
    sni_section = section_of(values["sni_code"])
    if sni_section is None:
        raise RowError(_("sni_code ska vara en SNI 2007-kod med 2–5 siffror, till exempel 25110."))
    company_size = _choice(values["company_size"], CompanySize, "company_size", optional=False)
    share_text = values["women_owner_share"]
    women_owner_share = None
    if share_text:
        digits = share_text.isascii() and share_text.isdigit() and len(share_text) <= 3
        if not digits or int(share_text) > 100:
            raise RowError(_("women_owner_share ska vara ett heltal 0–100 eller tomt."))
        women_owner_share = int(share_text)
    applied = _sek(values["applied_sek"], "applied_sek")
    granted = _sek(values["granted_sek"] or "0", "granted_sek")
    if outcome == Outcome.REJECTED and granted:
        raise RowError(_("Ett avslag kan inte ha ett beviljat belopp (granted_sek ska vara 0)."))
    if outcome == Outcome.GRANTED and not granted:
        raise RowError(_("Ett beviljat stöd måste ha ett belopp i granted_sek."))
    if applied and granted > applied:
        raise RowError(_("granted_sek är större än applied_sek."))
    return Decision(
        case_id=case_id,
        source=Decision.Source.IMPORTED,
        programme_id=programme_id,
        decided_on=decided_on,
        outcome=outcome,
        amount_applied=applied,
        amount_granted=granted,
        organisation_number=organisation_number,
        municipality_code=values["municipality_code"],
        sni_code=values["sni_code"],
        sni_section=sni_section,
        company_size=company_size,
        women_owner_share=women_owner_share,
        ownership=ownership_of(women_owner_share),
        ceo_gender=_choice(values["ceo_gender"], Gender, "ceo_gender", optional=True),
        foreign_background=_choice(
            values["foreign_background"], YesNo, "foreign_background", optional=True
        ),
        environmental_impact=_choice(
            values["env_impact"], EnvironmentalImpact, "env_impact", optional=True
        ),
    )


def _programme_codes() -> dict[str, int]:
    codes = {}
    for pk, code, name in Programme.objects.values_list("pk", "code", "name"):
        codes[code.lower()] = pk
        codes.setdefault(name.lower(), pk)
    return codes


def utf8_lines(binary: BinaryIO) -> Iterator[str]:
    """The file's lines as text, split the way csv expects (as with newline=""), without a
    byte-order mark. Bytes that are not UTF-8 raise RowError naming their line."""
    # A strict decoder fails somewhere in its read-ahead buffer, which says nothing about the
    # line. Escaped, a bad byte stays in its own line as a lone surrogate, found when the line
    # is encoded back; the file is still read a buffer at a time.
    text = io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline="")
    offset = 0  # bytes of the file before this line
    try:
        for number, line in enumerate(text, start=1):
            try:
                offset += len(line.encode("utf-8"))
            except UnicodeEncodeError as error:
                raise RowError(
                    _(
                        "Rad %(line)s: filen är inte UTF-8 (ogiltig byte %(byte)s på position "
                        "%(position)s i filen, räknat från 0). Spara den som UTF-8 och försök igen."
                    )
                    % {
                        "line": number,
                        "byte": f"0x{ord(line[error.start]) - 0xDC00:02X}",
                        "position": offset + len(line[: error.start].encode("utf-8")),
                    }
                ) from None
            yield line.removeprefix("\ufeff") if number == 1 else line
    finally:
        # Otherwise the wrapper would close the caller's stream (standard in, say) when it is
        # collected; if the caller has closed it already there is nothing left to do.
        if not binary.closed:
            text.detach()


def _rows(source: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(source, strict=True)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in COLUMNS if column not in header]
    extra = [column for column in header if column not in COLUMNS]
    if missing or extra:
        raise RowError(
            _("Rubrikraden stämmer inte. Saknas: %(missing)s. Okända: %(extra)s.")
            % {"missing": ", ".join(missing) or "–", "extra": ", ".join(extra) or "–"}
        )
    reader.fieldnames = header
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise RowError(
                _("Rad %(line)s: filen går inte att läsa som CSV (%(error)s).")
                % {"line": reader.line_num, "error": error}
            ) from None
        yield reader.line_num, row


def decisions_import(
    source: Iterable[str],
    *,
    skip_invalid: bool = False,
    on_error: Callable[[int, str], None],
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read every row, write the good ones in batches (one transaction in all), and report
    each bad one through `on_error(line, reason)`. The file-level problems (header, and the
    encoding when `source` is `utf8_lines` of the file's bytes) raise RowError."""
    programmes = _programme_codes()
    today = timezone.localdate()
    seen: dict[str, int] = {}
    rows = created = updated = invalid = 0
    batch: list[Decision] = []
    batch_lines: list[int] = []

    def flush() -> None:
        nonlocal created, updated, invalid
        existing = dict(
            Decision.objects.filter(case_id__in=[d.case_id for d in batch]).values_list(
                "case_id", "source"
            )
        )
        writable = []
        for decision, line in zip(batch, batch_lines, strict=True):
            if existing.get(decision.case_id) == Decision.Source.HANDLED:
                invalid += 1
                on_error(line, _("Ärendet är handlagt på plattformen och skrivs inte över."))
            else:
                writable.append(decision)
        if invalid and not skip_invalid:
            batch.clear()
            batch_lines.clear()
            return
        now = timezone.now()
        for decision in writable:
            decision.recorded_at = now
        Decision.objects.bulk_create(
            writable,
            update_conflicts=True,
            unique_fields=["case_id"],
            update_fields=UPDATED_FIELDS,
        )
        updated += sum(1 for d in writable if d.case_id in existing)
        created += sum(1 for d in writable if d.case_id not in existing)
        batch.clear()
        batch_lines.clear()

    with transaction.atomic():
        for line, row in _rows(source):
            rows += 1
            try:
                decision = parse_row(row, programmes, today)
                earlier = seen.get(decision.case_id)
                if earlier is not None:
                    raise RowError(
                        _("case_id %(case)s finns redan på rad %(line)s.")
                        % {"case": decision.case_id, "line": earlier}
                    )
            except RowError as error:
                invalid += 1
                on_error(line, str(error))
                continue
            seen[decision.case_id] = line
            # After a bad row nothing will be kept, but flush() still checks the rest.
            batch.append(decision)
            batch_lines.append(line)
            if len(batch) >= BATCH:
                flush()
                if on_progress:
                    on_progress(rows)
        if batch:
            flush()
        imported = skip_invalid or not invalid
        if not imported:
            transaction.set_rollback(True)
    return ImportReport(
        rows=rows,
        created=created if imported else 0,
        updated=updated if imported else 0,
        invalid=invalid,
        imported=imported,
    )
