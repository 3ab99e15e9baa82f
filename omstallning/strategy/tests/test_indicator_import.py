"""Indicator values from CSV: row-level errors with line numbers, all or nothing."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from omstallning.accounts.roles import EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.strategy.models import IndicatorValue
from omstallning.strategy.services import indicator_values_import


def values(strategy, code):
    return dict(
        IndicatorValue.objects.filter(indicator__goal__focus_area__strategy=strategy,
                                      indicator__goal__code=code).values_list("year", "value")
    )  # fmt: skip


def test_a_good_file_saves_every_row(strategy, developer):
    data = (
        "\ufeffmål;indikator;år;värde;kommentar\n"
        "2.1;Sysselsättningsgrad, utrikes födda 20–64 år;2026;64,1;Preliminärt\n"
        "1.1;utsläpp från industrin;2025;1 010;Rättad\n"
    ).encode()

    result = indicator_values_import(strategy=strategy, user=developer, data=data)

    assert (result.saved, result.errors) == (2, [])
    assert values(strategy, "2.1")[2026] == Decimal("64.1")
    assert values(strategy, "1.1")[2025] == Decimal("1010")  # replaced, not duplicated
    logged = ModelLogEntry.objects.get(action="strategy.indicator_values_imported")
    assert (logged.object_id, logged.user, logged.data) == (
        str(strategy.pk),
        developer,
        {"rows": 2},
    )


def test_a_file_with_bad_rows_saves_nothing_and_says_where(strategy, developer):
    before = IndicatorValue.objects.count()
    data = (
        "mål,indikator,år,värde\n"
        '2.1,"Sysselsättningsgrad, utrikes födda 20–64 år",2026,64.1\n'
        "9.9,Finns inte,2026,1\n"
        '2.1,"Sysselsättningsgrad, utrikes födda 20–64 år",tjugo,1\n'
        '2.1,"Sysselsättningsgrad, utrikes födda 20–64 år",2027,mycket\n'
        '2.1,"Sysselsättningsgrad, utrikes födda 20–64 år",2026,65\n'
    ).encode()

    result = indicator_values_import(strategy=strategy, user=developer, data=data)

    assert result.saved == 0
    assert [(e.line, e.message.split(" ")[0]) for e in result.errors] == [
        (3, "Strategin"),
        (4, "Året"),
        (5, "Värdet"),
        (6, "Samma"),
    ]
    assert IndicatorValue.objects.count() == before


def test_wrong_columns_or_encoding(strategy, developer):
    wrong_header = indicator_values_import(strategy=strategy, user=developer, data=b"a,b\n1,2\n")
    latin1 = indicator_values_import(
        strategy=strategy, user=developer, data="mål,indikator,år,värde\n".encode("latin-1")
    )

    assert wrong_header.errors[0].message == (
        "Rubrikraden stämmer inte. Saknas: mål, indikator, år, värde."
    )
    assert "UTF-8" in latin1.errors[0].message


@example(data=b"\r\x00")
@example(data=b'2.1,"unterminated\n')
@example(data="2.1,Sysselsättningsgrad,2026,1,\x00x\n".encode())
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_file_gets_an_answer(strategy, developer, data):
    before = IndicatorValue.objects.count()

    result = indicator_values_import(
        strategy=strategy,
        user=developer,
        data=b"m\xc3\xa5l,indikator,\xc3\xa5r,v\xc3\xa4rde\n" + data,
    )

    # All or nothing: a file with errors saves no row.
    assert not (result.saved and result.errors)
    if result.errors:
        assert IndicatorValue.objects.count() == before
        assert all(error.message for error in result.errors)


def test_the_import_page(strategy, developer):
    staff = verified_client(developer)
    url = reverse("strategy_indicatorvalue:import")
    good = "mål,indikator,år,värde\n2.2,Andel företag med kvinna som vd,2026,30\n".encode()
    bad = "mål,indikator,år,värde\n2.2,Andel företag med kvinna som vd,2026,x\n".encode()

    failed = staff.post(url, {"strategy": strategy.pk, "file": SimpleUploadedFile("v.csv", bad)})
    saved = staff.post(url, {"strategy": strategy.pk, "file": SimpleUploadedFile("v.csv", good)})
    template = staff.get(reverse("strategy_indicatorvalue:template", args=[strategy.pk]))

    assert failed.status_code == 400 and "Värdet ”x” är inte ett tal." in failed.content.decode()
    assert saved.status_code == 302
    assert values(strategy, "2.2")[2026] == Decimal("30")
    assert "2.2,Andel företag med kvinna som vd" in template.content.decode()
    editor = verified_client(UserFactory(roles=[EDITOR]))
    assert_not_permitted(editor.get(url))
