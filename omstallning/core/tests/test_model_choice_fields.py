"""A chosen id that no column could hold is "not one of the choices", never a database error
(SQLite cannot bind a number beyond 64 bits, and Django's fields would pass it on)."""

import pytest
from django import forms
from hypothesis import example, given
from hypothesis import strategies as st

from omstallning.core.forms import ModelChoiceField, ModelMultipleChoiceField
from omstallning.core.models import Municipality

from .factories import MunicipalityFactory


class ChoiceForm(forms.Form):
    one = ModelChoiceField(queryset=Municipality.objects.all(), required=False)
    many = ModelMultipleChoiceField(queryset=Municipality.objects.all(), required=False)


@pytest.mark.parametrize("value", [str(2**63), "9" * 40, str(2**64 + 5)])
def test_a_number_too_large_for_an_id_is_refused_as_a_choice(db, value):
    form = ChoiceForm({"one": value, "many": [value]})

    assert not form.is_valid()
    assert form.errors["one"] == [
        "Välj ett giltigt alternativ. Det valet finns inte bland tillgängliga alternativ."
    ]
    assert form.errors["many"] == [f"“{value}” är inte ett giltigt värde."]


def test_a_real_id_is_still_chosen(db):
    municipality = MunicipalityFactory()

    form = ChoiceForm({"one": str(municipality.pk), "many": [str(municipality.pk)]})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["one"] == municipality
    assert list(form.cleaned_data["many"]) == [municipality]


@given(values=st.lists(st.one_of(st.integers(), st.text(max_size=30)), max_size=4))
@example(values=[2**63 - 1])
@example(values=[-(2**63) - 1])
def test_any_value_is_a_choice_or_a_form_error(db, values):
    form = ChoiceForm({"one": str(values[0]) if values else "", "many": [str(v) for v in values]})

    form.is_valid()  # never raises
