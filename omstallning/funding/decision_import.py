"""Import of earlier decisions from CSV (UTF-8, comma-, semicolon- or tab-separated, with a
header row), read by core.csv_import and checked a row at a time by DecisionRowForm. The use
case, with its permission and log entry, is services.decisions_import.

Idempotent by case_id: importing the same file again updates the decisions, never duplicates
them. Every bad row is reported with its line number and reason. By default a file with any
bad row imports nothing (the whole import is one transaction, and writing stops at the first
bad row while the rest is still checked, so every problem is reported at once); with
`skip_invalid` the good rows are imported and the bad ones reported.

Bytes that are not UTF-8 stop the whole import (even with `skip_invalid`), reported with the
line they are on and their place in the file.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.core.csv_import import (
    Cell,
    RowError,
    RowForm,
    parse_number,
    read_rows,
    row_cells,
    text_lines,
    utf8_lines,
)
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
)

__all__ = ["COLUMNS", "ImportReport", "RowError", "parse_row", "run", "utf8_lines"]

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
MAX_SEK = Decimal(10) ** 12
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
    "ceo_gender",
    "foreign_background",
    "environmental_impact",
    "is_generated",
    "recorded_at",
]


@dataclass(frozen=True)
class ImportReport:
    rows: int
    created: int
    updated: int
    invalid: int
    imported: bool
    # Decisions created and updated per programme (pk), for the log.
    by_programme: dict[int, tuple[int, int]] = field(default_factory=dict, compare=False)


@cache
def _values(choices) -> tuple[str, ...]:
    # Choices.values builds its list on every call, which a million rows notice.
    return tuple(choices.values)


def _choice(value: str, choices, name: str, *, optional: bool) -> str:
    if value == "" and optional:
        return ""
    if value not in _values(choices):
        allowed = "|".join(_values(choices))
        raise ValidationError(
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
    """Whole kronor, as `parse_number` reads them ("250 000", "250000,00")."""
    try:
        amount = parse_number(value)
    except RowError:
        amount = None
    if (
        amount is None
        or amount.is_signed()
        or amount != amount.to_integral()
        or (amount >= MAX_SEK)
    ):
        raise ValidationError(
            _(
                "%(column)s ska vara ett belopp i hela kronor, till exempel 250000, "
                "inte ”%(value)s”."
            )
            % {"column": name, "value": value[:40]}
        )
    return amount.quantize(Decimal(1))


class DecisionRowForm(RowForm):
    """One row of the register. The fields are the file's columns, checked in their order;
    the amounts against the decision last."""

    case_id = Cell()
    programme = Cell()
    decision_date = Cell()
    decision = Cell()
    org_number = Cell()
    municipality_code = Cell()
    sni_code = Cell()
    company_size = Cell()
    women_owner_share = Cell()
    ceo_gender = Cell()
    foreign_background = Cell()
    applied_sek = Cell()
    granted_sek = Cell()
    env_impact = Cell()

    def __init__(self, data: dict[str, str], *, programmes: dict[str, int], today: date):
        super().__init__(data)
        self.programmes = programmes
        self.today = today

    def clean_case_id(self) -> str:
        case_id = self.cleaned_data["case_id"]
        if not CASE_ID.fullmatch(case_id):
            raise ValidationError(
                _(
                    "case_id saknas eller är ogiltigt (högst 40 tecken: bokstäver, siffror, "
                    "- _ . / :)."
                )
            )
        return case_id

    def clean_programme(self) -> int:
        code = self.cleaned_data["programme"]
        programme_id = self.programmes.get(code.lower())
        if programme_id is None:
            raise ValidationError(
                _("Det finns inget program med koden ”%(code)s”.") % {"code": code[:40]}
            )
        return programme_id

    def clean_decision_date(self) -> date:
        text = self.cleaned_data["decision_date"]
        try:
            if not ISO_DATE.fullmatch(text):
                raise ValueError
            decided_on = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                _("decision_date ska vara ett datum som ÅÅÅÅ-MM-DD, inte ”%(value)s”.")
                % {"value": text[:40]}
            ) from None
        if decided_on > self.today:
            raise ValidationError(_("decision_date ligger i framtiden."))
        return decided_on

    def clean_decision(self) -> str:
        return _choice(self.cleaned_data["decision"], Outcome, "decision", optional=False)

    def clean_org_number(self) -> str:
        try:
            return normalise_organisation_number(self.cleaned_data["org_number"])
        except ValidationError as error:
            raise ValidationError(f"org_number: {error.messages[0]}") from None

    def clean_municipality_code(self) -> str:
        code = self.cleaned_data["municipality_code"]
        if not is_municipality_code(code):
            raise ValidationError(_("municipality_code ska vara fyra siffror, till exempel 1980."))
        return code

    def clean_sni_code(self) -> str:
        code = self.cleaned_data["sni_code"]
        self.sni_section = section_of(code)
        if self.sni_section is None:
            raise ValidationError(
                _("sni_code ska vara en SNI 2007-kod med 2–5 siffror, till exempel 25110.")
            )
        return code

    def clean_company_size(self) -> str:
        return _choice(
            self.cleaned_data["company_size"], CompanySize, "company_size", optional=False
        )

    def clean_women_owner_share(self) -> int | None:
        text = self.cleaned_data["women_owner_share"]
        if not text:
            return None
        try:
            share = parse_number(text)
        except RowError:
            share = None
        if share is None or share.is_signed() or share != share.to_integral() or share > 100:
            raise ValidationError(_("women_owner_share ska vara ett heltal 0–100 eller tomt."))
        return int(share)

    def clean_ceo_gender(self) -> str:
        return _choice(self.cleaned_data["ceo_gender"], Gender, "ceo_gender", optional=True)

    def clean_foreign_background(self) -> str:
        value = self.cleaned_data["foreign_background"]
        return _choice(value, YesNo, "foreign_background", optional=True)

    def clean_applied_sek(self) -> Decimal:
        return _sek(self.cleaned_data["applied_sek"], "applied_sek")

    def clean_granted_sek(self) -> Decimal:
        return _sek(self.cleaned_data["granted_sek"] or "0", "granted_sek")

    def clean_env_impact(self) -> str:
        value = self.cleaned_data["env_impact"]
        return _choice(value, EnvironmentalImpact, "env_impact", optional=True)

    def clean(self) -> dict:
        data = super().clean() or {}
        outcome, applied, granted = (
            data.get("decision"),
            data.get("applied_sek"),
            data.get("granted_sek"),
        )
        if outcome is None or applied is None or granted is None:
            return data
        if outcome == Outcome.REJECTED and granted:
            raise ValidationError(
                _("Ett avslag kan inte ha ett beviljat belopp (granted_sek ska vara 0).")
            )
        if outcome == Outcome.GRANTED and not granted:
            raise ValidationError(_("Ett beviljat stöd måste ha ett belopp i granted_sek."))
        if applied and granted > applied:
            raise ValidationError(_("granted_sek är större än applied_sek."))
        return data

    def to_decision(self) -> Decision:
        data = self.cleaned_data
        return Decision(
            case_id=data["case_id"],
            source=Decision.Source.IMPORTED,
            programme_id=data["programme"],
            decided_on=data["decision_date"],
            outcome=data["decision"],
            amount_applied=data["applied_sek"],
            amount_granted=data["granted_sek"],
            organisation_number=data["org_number"],
            municipality_code=data["municipality_code"],
            sni_code=data["sni_code"],
            sni_section=self.sni_section,
            company_size=data["company_size"],
            women_owner_share=data["women_owner_share"],
            ceo_gender=data["ceo_gender"],
            foreign_background=data["foreign_background"],
            environmental_impact=data["env_impact"],
        )


def parse_row(row: dict, programmes: dict[str, int], today: date) -> Decision:
    """One CSV row as an unsaved Decision, or RowError with the reason in Swedish."""
    form = DecisionRowForm(row_cells(row, COLUMNS), programmes=programmes, today=today)
    error = form.row_error()
    if error is not None:
        raise error
    return form.to_decision()


def _programme_codes() -> dict[str, int]:
    codes = {}
    for pk, code, name in Programme.objects.values_list("pk", "code", "name"):
        codes[code.lower()] = pk
        codes.setdefault(name.lower(), pk)
    return codes


class _BatchWriter:
    """Writes the parsed decisions in batches and counts what became of them. A decision
    handled on the platform is never overwritten: it is reported as a bad row."""

    def __init__(self, *, skip_invalid: bool, on_error: Callable[[RowError], None]) -> None:
        self.skip_invalid, self.on_error = skip_invalid, on_error
        self.created = self.updated = self.invalid = 0
        self.by_programme: Counter[tuple[int, bool]] = Counter()
        self.batch: list[tuple[Decision, int]] = []

    def add(self, decision: Decision, line: int) -> bool:
        """Queue a decision; True when a full batch was written."""
        self.batch.append((decision, line))
        if len(self.batch) < BATCH:
            return False
        self.flush()
        return True

    def refuse(self, error: RowError) -> None:
        self.invalid += 1
        self.on_error(error)

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        existing = dict(
            Decision.objects.filter(case_id__in=[d.case_id for d, _line in batch]).values_list(
                "case_id", "source"
            )
        )
        writable = []
        for decision, line in batch:
            if existing.get(decision.case_id) == Decision.Source.HANDLED:
                self.refuse(
                    RowError(
                        _("Ärendet är handlagt på plattformen och skrivs inte över."),
                        line=line,
                        column="case_id",
                    )
                )
            else:
                writable.append(decision)
        # After a bad row nothing will be kept, but the rest is still checked.
        if self.invalid and not self.skip_invalid:
            return
        now = timezone.now()
        for decision in writable:
            decision.recorded_at = now
        Decision.objects.bulk_create(
            writable, update_conflicts=True, unique_fields=["case_id"], update_fields=UPDATED_FIELDS
        )
        for decision in writable:
            known = decision.case_id in existing
            self.by_programme[decision.programme_id, known] += 1
            self.updated += known
            self.created += not known

    def report(self, rows: int, imported: bool) -> ImportReport:
        programmes = sorted({pk for pk, _updated in self.by_programme}) if imported else []
        return ImportReport(
            rows=rows,
            created=self.created if imported else 0,
            updated=self.updated if imported else 0,
            invalid=self.invalid,
            imported=imported,
            by_programme={
                pk: (self.by_programme[pk, False], self.by_programme[pk, True]) for pk in programmes
            },
        )


def run(
    source: bytes | str | BinaryIO | Iterable[str],
    *,
    skip_invalid: bool = False,
    on_error: Callable[[RowError], None],
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read every row, write the good ones in batches (one transaction in all), and report
    each bad one, with its line, through `on_error`. The file-level problems (header, the
    encoding, text that is not CSV) raise RowError. Called by services.decisions_import,
    which checks the permission and writes the log."""
    programmes = _programme_codes()
    today = timezone.localdate()
    seen: dict[str, int] = {}
    rows = 0
    writer = _BatchWriter(skip_invalid=skip_invalid, on_error=on_error)
    with transaction.atomic():
        for line, row in read_rows(text_lines(source), columns=COLUMNS):
            rows += 1
            try:
                decision = parse_row(row, programmes, today)
                earlier = seen.get(decision.case_id)
                if earlier is not None:
                    raise RowError(
                        _("case_id %(case)s finns redan på rad %(line)s.")
                        % {"case": decision.case_id, "line": earlier},
                        column="case_id",
                    )
            except RowError as error:
                writer.refuse(error.at(line))
                continue
            seen[decision.case_id] = line
            if writer.add(decision, line) and on_progress:
                on_progress(rows)
        if writer.batch:
            writer.flush()
        imported = skip_invalid or not writer.invalid
        if not imported:
            transaction.set_rollback(True)
    return writer.report(rows, imported)
