"""Import of earlier decisions from CSV: the command, the import function and the row parser."""

import csv
import io
import tracemalloc
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from omstallning.accounts.tests.factories import UserFactory
from omstallning.core.organisation_numbers import with_check_digit
from omstallning.funding.decision_import import (
    COLUMNS,
    ImportReport,
    RowError,
    parse_row,
    utf8_lines,
)
from omstallning.funding.models import Decision, Outcome, Ownership
from omstallning.funding.services import DECISIONS_IMPORTED, decisions_import

from .factories import DecisionFactory, ProgrammeFactory

ORG_NUMBER = with_check_digit("556036079")  # 556036-0793
OTHER_ORG_NUMBER = with_check_digit("212000135")  # 212000-1355


@pytest.fixture
def programme(site):
    return ProgrammeFactory(code=f"imp-{uuid.uuid4().hex[:12]}")


@pytest.fixture
def case_prefix():
    """A prefix no other decision in the database has, so every test counts its own rows."""
    return f"T{uuid.uuid4().hex[:10]}"


def good_row(programme, case_id, /, **changes) -> dict[str, str]:
    row = {
        "case_id": case_id,
        "programme": programme.code,
        "decision_date": "2023-05-10",
        "decision": "granted",
        "org_number": ORG_NUMBER,
        "municipality_code": "1980",
        "sni_code": "25110",
        "company_size": "small",
        "women_owner_share": "60",
        "ceo_gender": "woman",
        "foreign_background": "no",
        "applied_sek": "200000",
        "granted_sek": "150000",
        "env_impact": "positive",
    }
    row.update(changes)
    return row


def csv_text(rows, header=COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_csv(tmp_path, rows, name="beslut.csv", header=COLUMNS) -> str:
    path = tmp_path / name
    path.write_text(csv_text(rows, header), encoding="utf-8")
    return str(path)


def run_import(path, *args):
    """The command's stdout and stderr; CommandError propagates."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_decisions", path, *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def run_failing_import(path, *args):
    """The CommandError's message and the stderr of an import that must fail."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_decisions", path, *args, stdout=stdout, stderr=stderr)
    return str(error.value), stderr.getvalue()


def stored(prefix):
    return Decision.objects.filter(case_id__startswith=prefix)


# --- A good file, and importing it again -------------------------------------------------


def test_a_good_file_imports_every_row(tmp_path, programme, case_prefix):
    path = write_csv(
        tmp_path,
        [
            good_row(programme, f"{case_prefix}-1"),
            good_row(
                programme,
                f"{case_prefix}-2",
                decision="rejected",
                granted_sek="0",
                org_number=OTHER_ORG_NUMBER.replace("-", ""),
                decision_date="2022-12-31",
                municipality_code="1984",
                sni_code="47",
                company_size="micro",
                women_owner_share="",
                ceo_gender="",
                foreign_background="",
                env_impact="",
            ),
        ],
    )

    stdout, stderr = run_import(path)

    assert stderr == ""
    assert "2 rader lästa: 2 nya beslut, 0 uppdaterade, 0 felaktiga" in stdout
    first = Decision.objects.get(case_id=f"{case_prefix}-1")
    assert first.source == Decision.Source.IMPORTED
    assert first.programme == programme
    assert first.decided_on == date(2023, 5, 10)
    assert first.outcome == Outcome.GRANTED
    assert first.amount_applied == Decimal(200_000)
    assert first.amount_granted == Decimal(150_000)
    assert first.organisation_number == "556036-0793"
    assert (first.municipality_code, first.sni_code, first.sni_section) == ("1980", "25110", "C")
    assert (first.company_size, first.ceo_gender, first.foreign_background) == (
        "small",
        "woman",
        "no",
    )
    assert first.environmental_impact == "positive"
    assert first.application is None
    second = Decision.objects.get(case_id=f"{case_prefix}-2")
    assert second.outcome == Outcome.REJECTED
    assert second.amount_granted == 0
    assert second.organisation_number == "212000-1355"
    assert second.sni_section == "G"
    assert second.women_owner_share is None
    assert (second.ceo_gender, second.foreign_background, second.environmental_impact) == (
        "",
        "",
        "",
    )


def test_importing_again_updates_and_never_duplicates(tmp_path, programme, case_prefix):
    ids = [f"{case_prefix}-{n}" for n in range(1, 4)]
    first = write_csv(tmp_path, [good_row(programme, case_id) for case_id in ids], "first.csv")
    stdout, _ = run_import(first)
    assert "3 rader lästa: 3 nya beslut, 0 uppdaterade" in stdout

    changed = [
        good_row(programme, ids[0]),
        good_row(programme, ids[1], granted_sek="120000"),
        good_row(programme, ids[2]),
        good_row(programme, f"{case_prefix}-4"),
    ]
    stdout, stderr = run_import(write_csv(tmp_path, changed, "second.csv"))

    assert stderr == ""
    assert "4 rader lästa: 1 nya beslut, 3 uppdaterade, 0 felaktiga" in stdout
    for case_id in [*ids, f"{case_prefix}-4"]:
        assert Decision.objects.filter(case_id=case_id).count() == 1
    assert stored(case_prefix).count() == 4
    assert Decision.objects.get(case_id=ids[1]).amount_granted == Decimal(120_000)
    assert Decision.objects.get(case_id=ids[0]).amount_granted == Decimal(150_000)

    # The same file a third time changes nothing but is still counted as updates.
    stdout, _ = run_import(write_csv(tmp_path, changed, "second.csv"))
    assert "4 rader lästa: 0 nya beslut, 4 uppdaterade" in stdout
    assert stored(case_prefix).count() == 4


def test_a_file_saved_with_a_byte_order_mark_imports(tmp_path, programme, case_prefix):
    path = tmp_path / "excel.csv"
    path.write_text(csv_text([good_row(programme, f"{case_prefix}-1")]), encoding="utf-8-sig")

    stdout, _ = run_import(str(path))

    assert "1 nya beslut" in stdout
    assert stored(case_prefix).count() == 1


def test_the_import_function_reports_what_it_did(programme, case_prefix):
    errors = []
    text = csv_text(
        [good_row(programme, f"{case_prefix}-1"), good_row(programme, f"{case_prefix}-2")]
    )

    report = decisions_import(user=None, rows_or_file=io.StringIO(text), on_error=errors.append)

    assert report == ImportReport(rows=2, created=2, updated=0, invalid=0, imported=True)
    assert errors == []
    again = decisions_import(user=None, rows_or_file=io.StringIO(text), on_error=errors.append)
    assert again == ImportReport(rows=2, created=0, updated=2, invalid=0, imported=True)
    assert stored(case_prefix).count() == 2


# --- Bad rows ------------------------------------------------------------------------------

TOMORROW = "tomorrow"  # replaced by the date after today when the test runs

BAD_VALUES = [
    ("case_id", "", "case_id saknas eller är ogiltigt"),
    ("case_id", "med mellanslag", "case_id saknas eller är ogiltigt"),
    ("case_id", "X" * 41, "case_id saknas eller är ogiltigt"),
    ("programme", "finns-inte", "Det finns inget program med koden ”finns-inte”"),
    ("programme", "", "Det finns inget program med koden"),
    ("decision_date", "2023/05/10", "decision_date ska vara ett datum som ÅÅÅÅ-MM-DD"),
    ("decision_date", "10-05-2023", "decision_date ska vara ett datum som ÅÅÅÅ-MM-DD"),
    ("decision_date", "2023-02-30", "decision_date ska vara ett datum som ÅÅÅÅ-MM-DD"),
    ("decision_date", "20230510", "decision_date ska vara ett datum som ÅÅÅÅ-MM-DD"),
    ("decision_date", "", "decision_date ska vara ett datum som ÅÅÅÅ-MM-DD"),
    ("decision_date", TOMORROW, "decision_date ligger i framtiden"),
    ("decision", "approved", "decision ska vara granted|rejected, inte ”approved”"),
    ("decision", "", "decision ska vara granted|rejected"),
    ("org_number", "556036-0794", "org_number: Organisationsnumret stämmer inte: kontrollsiffran"),
    ("org_number", "55603-6079", "org_number: Organisationsnumret skrivs som 10 siffror"),
    ("org_number", "", "org_number: Organisationsnumret skrivs som 10 siffror"),
    ("municipality_code", "198", "municipality_code ska vara fyra siffror"),
    ("municipality_code", "19800", "municipality_code ska vara fyra siffror"),
    ("municipality_code", "abcd", "municipality_code ska vara fyra siffror"),
    ("municipality_code", "", "municipality_code ska vara fyra siffror"),
    ("sni_code", "abc", "sni_code ska vara en SNI 2007-kod"),
    ("sni_code", "2", "sni_code ska vara en SNI 2007-kod"),
    ("sni_code", "251100", "sni_code ska vara en SNI 2007-kod"),
    ("sni_code", "04000", "sni_code ska vara en SNI 2007-kod"),  # division 04 is unused
    ("sni_code", "", "sni_code ska vara en SNI 2007-kod"),
    ("company_size", "huge", "company_size ska vara micro|small|medium|large, inte ”huge”"),
    ("company_size", "", "company_size ska vara micro|small|medium|large"),
    ("women_owner_share", "101", "women_owner_share ska vara ett heltal 0–100 eller tomt"),
    ("women_owner_share", "abc", "women_owner_share ska vara ett heltal 0–100 eller tomt"),
    ("women_owner_share", "-1", "women_owner_share ska vara ett heltal 0–100 eller tomt"),
    ("women_owner_share", "50.5", "women_owner_share ska vara ett heltal 0–100 eller tomt"),
    ("women_owner_share", "٥٠", "women_owner_share ska vara ett heltal 0–100 eller tomt"),
    ("ceo_gender", "kvinna", "ceo_gender ska vara woman|man|other eller tomt, inte ”kvinna”"),
    ("foreign_background", "ja", "foreign_background ska vara yes|no eller tomt, inte ”ja”"),
    ("env_impact", "bra", "env_impact ska vara positive|neutral|negative eller tomt"),
    ("applied_sek", "200000.50", "applied_sek ska vara ett belopp i hela kronor"),
    ("applied_sek", "200 000,50", "applied_sek ska vara ett belopp i hela kronor"),
    ("applied_sek", "20 00 00", "applied_sek ska vara ett belopp i hela kronor"),
    ("applied_sek", "-200000", "applied_sek ska vara ett belopp i hela kronor"),
    ("applied_sek", "2e5", "applied_sek ska vara ett belopp i hela kronor"),
    ("applied_sek", "", "applied_sek ska vara ett belopp i hela kronor"),
    ("granted_sek", "150000.5", "granted_sek ska vara ett belopp i hela kronor"),
    ("granted_sek", "150 000 kr", "granted_sek ska vara ett belopp i hela kronor"),
    ("granted_sek", "0", "Ett beviljat stöd måste ha ett belopp i granted_sek"),
    ("granted_sek", "", "Ett beviljat stöd måste ha ett belopp i granted_sek"),
    ("granted_sek", "200001", "granted_sek är större än applied_sek"),
]


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    BAD_VALUES,
    ids=[f"{column}={value!r}"[:50] for column, value, _ in BAD_VALUES],
)
def test_a_bad_value_is_reported_with_its_line_and_nothing_is_imported(
    tmp_path, programme, case_prefix, column, value, reason
):
    if value == TOMORROW:
        value = (timezone.localdate() + timedelta(days=1)).isoformat()
    rows = [
        good_row(programme, f"{case_prefix}-1"),
        good_row(programme, f"{case_prefix}-2", **{column: value}),
        good_row(programme, f"{case_prefix}-3"),
    ]
    path = write_csv(tmp_path, rows)

    message, stderr = run_failing_import(path)

    assert len(stderr.splitlines()) == 1, "only the bad row is reported"
    assert stderr.startswith("Rad 3: ")
    assert reason in stderr
    assert "1 av 3 rader är felaktiga. Inget importerades." in message
    assert not stored(case_prefix).exists()


def test_today_is_not_in_the_future(tmp_path, programme, case_prefix):
    today = timezone.localdate().isoformat()
    path = write_csv(tmp_path, [good_row(programme, f"{case_prefix}-1", decision_date=today)])

    stdout, _ = run_import(path)

    assert "1 nya beslut" in stdout


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"decision": "rejected", "granted_sek": "1000"},
            "Ett avslag kan inte ha ett beviljat belopp (granted_sek ska vara 0).",
        ),
        (
            {"applied_sek": "100000", "granted_sek": "100001"},
            "granted_sek är större än applied_sek.",
        ),
    ],
)
def test_amounts_that_contradict_the_decision_are_reported(
    tmp_path, programme, case_prefix, changes, reason
):
    path = write_csv(tmp_path, [good_row(programme, f"{case_prefix}-1", **changes)])

    _, stderr = run_failing_import(path)

    assert stderr.strip() == f"Rad 2: {reason}"
    assert not stored(case_prefix).exists()


def test_amounts_may_be_written_with_zero_oere_and_a_rejection_without_granted(
    tmp_path, programme, case_prefix
):
    rows = [
        good_row(programme, f"{case_prefix}-1", applied_sek="200000.00", granted_sek="150000.0"),
        good_row(programme, f"{case_prefix}-2", decision="rejected", granted_sek=""),
    ]

    run_import(write_csv(tmp_path, rows))

    assert Decision.objects.get(case_id=f"{case_prefix}-1").amount_granted == Decimal(150_000)
    assert Decision.objects.get(case_id=f"{case_prefix}-2").amount_granted == 0


def test_amounts_may_be_written_as_swedish_excel_writes_them(tmp_path, programme, case_prefix):
    """The shared number parser (core.csv_import.parse_number): thousands grouped by a space
    or a no-break space, a decimal comma with zero öre."""
    rows = [
        good_row(programme, f"{case_prefix}-1", applied_sek="200 000", granted_sek="150\u00a0000"),
        good_row(programme, f"{case_prefix}-2", applied_sek="200000,00", granted_sek="1 000,0"),
    ]

    run_import(write_csv(tmp_path, rows))

    first, second = (Decision.objects.get(case_id=f"{case_prefix}-{n}") for n in (1, 2))
    assert (first.amount_applied, first.amount_granted) == (Decimal(200_000), Decimal(150_000))
    assert (second.amount_applied, second.amount_granted) == (Decimal(200_000), Decimal(1000))


def test_a_semicolon_file_from_swedish_excel_imports(tmp_path, programme, case_prefix):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerow(good_row(programme, f"{case_prefix}-1", applied_sek="200 000"))
    path = tmp_path / "excel.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")

    stdout, stderr = run_import(str(path))

    assert stderr == ""
    assert "1 nya beslut" in stdout
    assert stored(case_prefix).get().amount_applied == Decimal(200_000)


def test_the_import_is_logged_on_each_programme_it_wrote_to(tmp_path, programme, case_prefix):
    other = ProgrammeFactory(code=f"imp-{uuid.uuid4().hex[:12]}")
    run_import(write_csv(tmp_path, [good_row(programme, f"{case_prefix}-1")], "first.csv"))
    rows = [
        good_row(programme, f"{case_prefix}-1"),
        good_row(programme, f"{case_prefix}-2"),
        good_row(other, f"{case_prefix}-3"),
    ]

    run_import(write_csv(tmp_path, rows, "second.csv"))

    entries = ModelLogEntry.objects.filter(action=DECISIONS_IMPORTED).order_by("pk")
    mine = [e for e in entries if e.object_id in {str(programme.pk), str(other.pk)}]
    assert [(e.object_id, e.user, e.data) for e in mine] == [
        (str(programme.pk), None, {"created": 1, "updated": 0, "rows": 1, "invalid": 0}),
        (str(programme.pk), None, {"created": 1, "updated": 1, "rows": 3, "invalid": 0}),
        (str(other.pk), None, {"created": 1, "updated": 0, "rows": 3, "invalid": 0}),
    ]
    assert mine[1].message == "1 nya och 1 uppdaterade beslut importerades från en fil."


def test_a_failed_import_is_not_logged(tmp_path, programme, case_prefix):
    rows = [good_row(programme, f"{case_prefix}-1", decision="maybe")]

    run_failing_import(write_csv(tmp_path, rows))

    assert not ModelLogEntry.objects.filter(
        action=DECISIONS_IMPORTED, object_id=str(programme.pk)
    ).exists()


def test_a_person_without_the_permission_may_not_import(programme, case_prefix):
    text = csv_text([good_row(programme, f"{case_prefix}-1")])

    with pytest.raises(PermissionDenied):
        decisions_import(user=UserFactory(), rows_or_file=text, on_error=print)

    assert not stored(case_prefix).exists()


def test_a_case_id_twice_in_the_file_is_reported_with_both_lines(tmp_path, programme, case_prefix):
    rows = [
        good_row(programme, f"{case_prefix}-1"),
        good_row(programme, f"{case_prefix}-2"),
        good_row(programme, f"{case_prefix}-1", granted_sek="1000"),
    ]

    _, stderr = run_failing_import(write_csv(tmp_path, rows))

    assert stderr.strip() == f"Rad 4: case_id {case_prefix}-1 finns redan på rad 2."
    assert not stored(case_prefix).exists()


def test_rows_with_too_many_or_too_few_fields_are_reported(tmp_path, programme, case_prefix):
    good = csv_text([good_row(programme, f"{case_prefix}-1")])
    header, line = good.splitlines()
    too_many = csv_text([good_row(programme, f"{case_prefix}-2")]).splitlines()[1] + ",extra"
    too_few = line.replace(f"{case_prefix}-1", f"{case_prefix}-3").rsplit(",", 1)[0]
    path = tmp_path / "fields.csv"
    path.write_text("\n".join([header, line, too_many, too_few]) + "\n", encoding="utf-8")

    message, stderr = run_failing_import(str(path))

    assert stderr.splitlines() == [
        "Rad 3: Raden har fler fält än rubrikraden.",
        "Rad 4: Raden har färre fält än rubrikraden.",
    ]
    assert "2 av 3 rader är felaktiga" in message
    assert not stored(case_prefix).exists()


def test_every_bad_row_is_listed_at_once(tmp_path, programme, case_prefix):
    rows = [
        good_row(programme, f"{case_prefix}-1"),
        good_row(programme, f"{case_prefix}-2", company_size="huge"),
        good_row(programme, f"{case_prefix}-3"),
        good_row(programme, f"{case_prefix}-4", municipality_code="12"),
        good_row(programme, f"{case_prefix}-5", women_owner_share="101"),
        good_row(programme, f"{case_prefix}-6"),
    ]

    message, stderr = run_failing_import(write_csv(tmp_path, rows))

    lines = stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["Rad 3", "Rad 5", "Rad 6"]
    assert "company_size" in lines[0]
    assert "municipality_code" in lines[1]
    assert "women_owner_share" in lines[2]
    assert "3 av 6 rader är felaktiga. Inget importerades." in message
    assert "--skip-invalid" in message
    assert not stored(case_prefix).exists()


def test_a_bad_row_imports_nothing_even_of_rows_already_in_the_database(
    tmp_path, programme, case_prefix
):
    run_import(write_csv(tmp_path, [good_row(programme, f"{case_prefix}-1")], "first.csv"))
    rows = [
        good_row(programme, f"{case_prefix}-1", granted_sek="1000"),
        good_row(programme, f"{case_prefix}-2", decision="maybe"),
    ]

    run_failing_import(write_csv(tmp_path, rows, "second.csv"))

    assert Decision.objects.get(case_id=f"{case_prefix}-1").amount_granted == Decimal(150_000)
    assert stored(case_prefix).count() == 1


def test_skip_invalid_imports_the_good_rows_and_reports_the_bad(tmp_path, programme, case_prefix):
    rows = [
        good_row(programme, f"{case_prefix}-1"),
        good_row(programme, f"{case_prefix}-2", decision_date="2023-13-01"),
        good_row(programme, f"{case_prefix}-3"),
        good_row(programme, f"{case_prefix}-4", programme="finns-inte"),
    ]

    stdout, stderr = run_import(write_csv(tmp_path, rows), "--skip-invalid")

    assert [line.split(":")[0] for line in stderr.splitlines()] == ["Rad 3", "Rad 5"]
    assert "4 rader lästa: 2 nya beslut, 0 uppdaterade, 2 felaktiga hoppades över" in stdout
    assert set(stored(case_prefix).values_list("case_id", flat=True)) == {
        f"{case_prefix}-1",
        f"{case_prefix}-3",
    }


def test_skip_invalid_through_the_import_function(programme, case_prefix):
    errors = []
    text = csv_text(
        [
            good_row(programme, f"{case_prefix}-1", sni_code="x"),
            good_row(programme, f"{case_prefix}-2"),
        ]
    )

    report = decisions_import(
        user=None, rows_or_file=io.StringIO(text), skip_invalid=True, on_error=errors.append
    )

    assert report == ImportReport(rows=2, created=1, updated=0, invalid=1, imported=True)
    assert [error.line for error in errors] == [2]
    assert errors[0].column == "sni_code"
    assert "sni_code" in errors[0].message
    assert list(stored(case_prefix).values_list("case_id", flat=True)) == [f"{case_prefix}-2"]


def test_without_skip_invalid_the_import_function_keeps_nothing(programme, case_prefix):
    errors = []
    text = csv_text(
        [
            good_row(programme, f"{case_prefix}-1"),
            good_row(programme, f"{case_prefix}-2", ceo_gender="x"),
        ]
    )

    report = decisions_import(user=None, rows_or_file=io.StringIO(text), on_error=errors.append)

    assert report == ImportReport(rows=2, created=0, updated=0, invalid=1, imported=False)
    assert [error.line for error in errors] == [3]
    assert not stored(case_prefix).exists()


# --- Problems with the whole file ---------------------------------------------------------


def test_a_wrong_header_is_a_clear_error(tmp_path, programme, case_prefix):
    header = [column for column in COLUMNS if column != "env_impact"] + ["kommun"]
    row = good_row(programme, f"{case_prefix}-1")
    del row["env_impact"]
    row["kommun"] = "Västerås"

    message, stderr = run_failing_import(write_csv(tmp_path, [row], header=header))

    assert "Rubrikraden stämmer inte. Saknas: env_impact. Okända: kommun." in message
    assert stderr == ""
    assert not stored(case_prefix).exists()


def test_an_empty_file_is_a_wrong_header(tmp_path, site):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")

    message, _ = run_failing_import(str(path))

    assert "Rubrikraden stämmer inte" in message


def not_utf8(line: int, byte: str, position: int) -> str:
    return (
        f"Rad {line}: filen är inte UTF-8 (ogiltig byte {byte} på position {position} i filen, "
        "räknat från 0). Spara den som UTF-8 och försök igen."
    )


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path, programme, case_prefix):
    text = csv_text(
        [
            good_row(programme, f"{case_prefix}-1"),
            good_row(programme, f"{case_prefix}-2", case_id=f"{case_prefix}-Göteborg"),
        ]
    )
    path = tmp_path / "latin1.csv"
    path.write_bytes(text.encode("latin-1"))

    message, _ = run_failing_import(str(path))

    assert message == not_utf8(3, "0xF6", text.index("ö"))  # ASCII before it: chars are bytes
    assert not stored(case_prefix).exists()


@pytest.mark.parametrize("args", [(), ("--skip-invalid",)])
def test_bad_utf8_deep_in_a_large_file_names_its_line_and_place_and_imports_nothing(
    tmp_path, site, case_prefix, args
):
    """The review's case: 10 000 rows, `\\xff\\xfe` in the 9 999th (line 10 000, as the header is
    line 1). Every row has å and ö, so a place counted in characters would be wrong; the first
    batch of 5 000 is already written when the bad line is reached, and is rolled back."""
    programme = ProgrammeFactory(
        code=f"imp-{uuid.uuid4().hex[:12]}", name=f"Investeringsstöd för småföretag {case_prefix}"
    )
    rows = [good_row(programme, f"{case_prefix}-{n}") for n in range(1, 10_001)]
    for row in rows:
        row["programme"] = programme.name
    lines = csv_text(rows).encode().splitlines(keepends=True)
    assert len(lines) == 10_001
    case_id = f"{case_prefix}-9999".encode()
    assert lines[9_999].startswith(case_id + b",")
    lines[9_999] = lines[9_999].replace(case_id, case_id + b"\xff\xfe", 1)
    path = tmp_path / "stor.csv"
    path.write_bytes(b"".join(lines))

    message, stderr = run_failing_import(str(path), *args)

    position = sum(len(line) for line in lines[:9_999]) + len(case_id)
    assert path.read_bytes()[position : position + 2] == b"\xff\xfe"
    assert position > 1_000_000
    assert message == not_utf8(10_000, "0xFF", position)
    assert stderr == ""
    assert not stored(case_prefix).exists()


def test_a_byte_order_mark_is_counted_in_the_place_of_a_bad_byte(tmp_path, programme, case_prefix):
    data = "\ufeff".encode() + csv_text([good_row(programme, f"{case_prefix}-1")]).encode()
    data += b"\xff" + csv_text([good_row(programme, f"{case_prefix}-2")]).encode().split(b"\n")[1]
    path = tmp_path / "bom.csv"
    path.write_bytes(data)

    message, _ = run_failing_import(str(path))

    assert data.startswith(b"\xef\xbb\xbf")
    assert message == not_utf8(3, "0xFF", data.index(b"\xff"))
    assert not stored(case_prefix).exists()


def test_a_bad_byte_in_the_header_is_reported_on_line_1(tmp_path, site):
    header = ",".join(COLUMNS).replace("programme", "progr\xe4mme")
    path = tmp_path / "rubrik.csv"
    path.write_bytes(header.encode("latin-1") + b"\n")

    message, stderr = run_failing_import(str(path))

    assert message == not_utf8(1, "0xE4", header.index("ä"))
    assert stderr == ""


def test_a_file_that_ends_inside_a_character_is_reported_on_its_last_line(
    tmp_path, programme, case_prefix
):
    data = csv_text([good_row(programme, f"{case_prefix}-1")]).encode().rstrip(b"\n")
    data += "ö".encode()[:1]  # the first of the two bytes of ö, then the end of the file
    path = tmp_path / "avbruten.csv"
    path.write_bytes(data)

    message, _ = run_failing_import(str(path))

    assert message == not_utf8(2, "0xC3", len(data) - 1)
    assert not stored(case_prefix).exists()


def test_standard_in_is_read_as_utf8_and_bad_bytes_are_named_by_line(
    monkeypatch, programme, case_prefix
):
    good = "\ufeff" + csv_text([good_row(programme, f"{case_prefix}-1")])
    # Whatever the terminal's encoding, the bytes are read as UTF-8.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(good.encode()), "latin-1"))
    stdout, _ = run_import("-")
    assert "1 nya beslut" in stdout

    bad = csv_text([good_row(programme, f"{case_prefix}-2")]).encode() + b"\xfe\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(bad), "utf-8"))
    message, _ = run_failing_import("-")
    assert message == not_utf8(3, "0xFE", len(bad) - 2)
    assert stored(case_prefix).count() == 1


def test_utf8_lines_reads_as_it_goes_and_leaves_the_stream_open():
    """Line by line: the good lines come before the bad one is reached, old Mac line ends
    still count as lines (as csv's own newline="" reading), and the caller's stream stays
    open for the caller to close."""
    stream = io.BytesIO(b'\xef\xbb\xbfa,b\r\nc,"d\r\ne"\rf\xc3\xa5\n\xff')
    lines = utf8_lines(stream)

    assert [next(lines), next(lines), next(lines), next(lines)] == [
        "a,b\r\n",
        'c,"d\r\n',
        'e"\r',
        "få\n",
    ]
    with pytest.raises(
        RowError, match=r"Rad 5: filen är inte UTF-8 \(ogiltig byte 0xFF på position 21 "
    ) as error:
        next(lines)
    assert error.value.line == 5
    assert not stream.closed


def test_utf8_lines_holds_a_buffer_not_the_file():
    stream = io.BytesIO(("x" * 99 + "\n").encode() * 50_000)  # 5 MB

    tracemalloc.start()
    try:
        count = sum(1 for _line in utf8_lines(stream))
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 50_000
    assert peak < 256 * 1024


def test_a_missing_file_is_a_clear_error(tmp_path, site):
    missing = str(tmp_path / "finns-inte.csv")

    message, _ = run_failing_import(missing)

    assert message == f"Filen finns inte: {missing}"


# --- Decisions handled on the platform ------------------------------------------------------


def test_a_decision_handled_on_the_platform_is_not_overwritten(tmp_path, programme, case_prefix):
    handled = DecisionFactory(
        case_id=f"{case_prefix}-H", source=Decision.Source.HANDLED, programme=programme
    )
    rows = [
        good_row(programme, f"{case_prefix}-1"),
        good_row(programme, handled.case_id, granted_sek="1000", decision_date="2020-01-01"),
    ]

    message, stderr = run_failing_import(write_csv(tmp_path, rows))

    assert stderr.strip() == ("Rad 3: Ärendet är handlagt på plattformen och skrivs inte över.")
    assert "1 av 2 rader är felaktiga" in message
    handled.refresh_from_db()
    assert handled.source == Decision.Source.HANDLED
    assert handled.amount_granted == Decimal(80_000)
    assert handled.decided_on != date(2020, 1, 1)
    assert list(stored(case_prefix).values_list("case_id", flat=True)) == [handled.case_id]


def test_skip_invalid_leaves_a_handled_decision_alone_and_imports_the_rest(
    tmp_path, programme, case_prefix
):
    handled = DecisionFactory(
        case_id=f"{case_prefix}-H", source=Decision.Source.HANDLED, programme=programme
    )
    rows = [
        good_row(programme, handled.case_id, granted_sek="1000"),
        good_row(programme, f"{case_prefix}-1"),
    ]

    stdout, stderr = run_import(write_csv(tmp_path, rows), "--skip-invalid")

    assert stderr.startswith("Rad 2: Ärendet är handlagt på plattformen")
    assert "2 rader lästa: 1 nya beslut, 0 uppdaterade, 1 felaktiga" in stdout
    handled.refresh_from_db()
    assert (handled.source, handled.amount_granted) == (Decision.Source.HANDLED, Decimal(80_000))
    assert Decision.objects.filter(case_id=f"{case_prefix}-1").exists()


def test_a_handled_case_after_a_bad_row_is_reported_too(tmp_path, programme, case_prefix):
    handled = DecisionFactory(
        case_id=f"{case_prefix}-H", source=Decision.Source.HANDLED, programme=programme
    )
    rows = [
        good_row(programme, f"{case_prefix}-1", company_size="huge"),
        good_row(programme, handled.case_id),
    ]

    _, stderr = run_failing_import(write_csv(tmp_path, rows))

    assert [line.split(":")[0] for line in stderr.splitlines()] == ["Rad 2", "Rad 3"]


# --- Ownership by the 40/60 convention ------------------------------------------------------


def test_ownership_is_stored_by_the_40_60_convention(tmp_path, programme, case_prefix):
    shares = {"60": Ownership.WOMEN, "40": Ownership.MEN, "50": Ownership.MIXED, "": "unknown"}
    rows = [
        good_row(programme, f"{case_prefix}-{n}", women_owner_share=share)
        for n, share in enumerate(shares)
    ]

    run_import(write_csv(tmp_path, rows))

    stored_shares = {
        share: Decision.objects.get(case_id=f"{case_prefix}-{n}") for n, share in enumerate(shares)
    }
    assert {share: d.ownership for share, d in stored_shares.items()} == {
        "60": "women",
        "40": "men",
        "50": "mixed",
        "": "unknown",
    }
    assert {share: d.women_owner_share for share, d in stored_shares.items()} == {
        "60": 60,
        "40": 40,
        "50": 50,
        "": None,
    }


def test_a_reimport_recomputes_the_ownership(tmp_path, programme, case_prefix):
    case_id = f"{case_prefix}-1"
    run_import(write_csv(tmp_path, [good_row(programme, case_id, women_owner_share="80")], "a.csv"))
    run_import(write_csv(tmp_path, [good_row(programme, case_id, women_owner_share="10")], "b.csv"))

    decision = Decision.objects.get(case_id=case_id)
    assert (decision.women_owner_share, decision.ownership) == (10, "men")


# --- The row parser on arbitrary input -----------------------------------------------------

PROGRAMMES = {"investeringsstod": 1}
TODAY = date(2025, 6, 1)


def parser_row(**changes) -> dict[str, str]:
    row = {
        "case_id": "A-1",
        "programme": "investeringsstod",
        "decision_date": "2024-05-10",
        "decision": "granted",
        "org_number": ORG_NUMBER,
        "municipality_code": "1980",
        "sni_code": "25110",
        "company_size": "small",
        "women_owner_share": "60",
        "ceo_gender": "woman",
        "foreign_background": "no",
        "applied_sek": "200000",
        "granted_sek": "150000",
        "env_impact": "",
    }
    row.update(changes)
    return row


def test_the_parser_accepts_the_good_row():
    decision = parse_row(parser_row(), PROGRAMMES, TODAY)

    assert isinstance(decision, Decision)
    assert decision.programme_id == 1
    assert decision.women_owner_share == 60


NUMBERISH = st.from_regex(r"[0-9 .,+\-eE]{0,14}", fullmatch=True)


@settings(max_examples=50, deadline=None)
@given(column=st.sampled_from(COLUMNS), value=st.one_of(st.text(), NUMBERISH))
def test_any_text_in_a_column_gives_a_decision_or_a_row_error(column, value):
    try:
        decision = parse_row(parser_row(**{column: value}), PROGRAMMES, TODAY)
    except RowError as error:
        assert str(error)
        return
    assert isinstance(decision, Decision)
    assert decision.amount_granted <= decision.amount_applied or decision.amount_applied == 0
    assert decision.outcome == Outcome.GRANTED or decision.amount_granted == 0
    assert decision.decided_on <= TODAY
    assert len(decision.municipality_code) == 4
    assert decision.women_owner_share is None or 0 <= decision.women_owner_share <= 100


@settings(max_examples=50, deadline=None)
@given(
    row=st.fixed_dictionaries(
        {column: st.one_of(st.just(value), st.text()) for column, value in parser_row().items()}
    )
)
def test_any_text_in_every_column_gives_a_decision_or_a_row_error(row):
    try:
        decision = parse_row(row, PROGRAMMES, TODAY)
    except RowError:
        return
    assert isinstance(decision, Decision)


def test_a_huge_number_as_women_owner_share_is_a_row_error():
    with pytest.raises(RowError):
        parse_row(parser_row(women_owner_share="1" * 5000), PROGRAMMES, TODAY)


def test_an_iso_week_date_is_not_a_yyyy_mm_dd_date():
    with pytest.raises(RowError):
        parse_row(parser_row(decision_date="2023-W19-3"), PROGRAMMES, TODAY)
