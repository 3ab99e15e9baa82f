"""The VSME Basic module as data: B1 to B11 in order, each with its reportable concepts, and
those concepts are the names the Digital Template's named ranges carry."""

from omstallning.company_check.digital_template import BLANK_TEMPLATE, ranges_of, read_values
from omstallning.company_check.vsme_taxonomy import basic_module


def test_the_basic_module_has_b1_to_b11_with_their_concepts():
    disclosures = basic_module()

    assert [d.code for d in disclosures] == [f"B{n}" for n in range(1, 12)]
    b3 = disclosures[2]
    names = [concept.name for concept in b3.concepts]
    assert "Estimated Greenhouse Gas Emissions" in b3.title
    assert names.index("GrossScope1GreenhouseGasEmissions") < names.index(
        "GrossLocationBasedScope2GreenhouseGasEmissions"
    )
    scope1 = next(c for c in b3.concepts if c.name == "GrossScope1GreenhouseGasEmissions")
    assert (scope1.data_type, scope1.period_type, scope1.numeric) == (
        "dtr-types:ghgEmissionsItemType",
        "duration",
        True,
    )
    assert all(
        not c.name.endswith(("Axis", "Member", "Abstract")) for d in disclosures for c in d.concepts
    )


def test_the_energy_and_emission_concepts_have_named_ranges_in_the_template():
    ranges = read_values(BLANK_TEMPLATE).keys()
    b3 = basic_module()[2]

    missing = [c.name for c in b3.concepts if c.numeric and not ranges_of(c.name, ranges)]

    assert ranges_of("TotalEnergyConsumption", ranges) == ["TotalEnergyConsumption"]
    assert ranges_of("EnergyConsumptionFromFuels", ranges) == [
        "EnergyConsumptionFromFuels_NonRenewableEnergyMember",
        "EnergyConsumptionFromFuels_RenewableEnergyMember",
        "EnergyConsumptionFromFuels_TotalRenewableAndNonRenewableEnergyMember",
    ]
    assert missing == []
