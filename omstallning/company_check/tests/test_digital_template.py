"""EFRAG's VSME Digital Template: the sample company's workbook is read with every value of
every named range, and written back into the blank template so that every range holds the same
values again."""

import pytest

from omstallning.company_check.digital_template import DATA, read_values, write_values

SAMPLE = DATA / "VSME-Digital-Template-Sample-1.3.0.xlsx"


@pytest.fixture(scope="module")
def sample() -> dict:
    return read_values(SAMPLE)


def test_the_sample_companys_values_are_read_by_concept_name(sample):
    entered = {name: rows for name, rows in sample.items() if any(any(r) for r in rows)}

    assert len(sample) > 800
    assert len(entered) > 100
    assert any(value is not None for row in sample["TotalEnergyConsumption"] for value in row)


def test_every_value_of_every_named_range_survives_the_round_trip(sample):
    again = read_values(write_values(sample))

    assert again.keys() == sample.keys()
    changed = [name for name in sample if again[name] != sample[name]]
    assert changed == []


def test_names_the_template_lacks_are_ignored_and_formulas_are_kept():
    blank = read_values(DATA / "VSME-Digital-Template-1.3.0.xlsx")

    again = read_values(write_values({"NoSuchConcept": [[1]]}))

    assert again == blank
