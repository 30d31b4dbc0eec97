"""Amounts as Dutch people type them parse; everything else gets a Dutch message, never a number."""
from decimal import Decimal

import pytest

from checkers.amounts import AmountError, parse_amount


@pytest.mark.parametrize("text, value", [
    ("€ 49,99", "49.99"), ("49,99", "49.99"), ("1.000", "1000"), ("1.000,50", "1000.50"), ("50", "50"),
    ("€50", "50"), ("50 euro", "50"), ("  50  ", "50"), ("€ 50,-", "50"), ("0", "0"), ("12.345.678", None),
    (25, "25"), (49.99, "49.99"),
])
def test_dutch_amounts_parse(text, value):
    if value is None:
        with pytest.raises(AmountError):
            parse_amount(text)
    else:
        assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text, fragment", [
    ("-5", "negatief"), ("€ -5", "negatief"), (-5, "negatief"), ("abc", "geen bedrag"), ("", "Vul een bedrag in"),
    ("   ", "Vul een bedrag in"), ("49.99", "komma"), ("1,000.50", "geen bedrag"), ("NaN", "geen bedrag"),
    (float("nan"), "gewoon bedrag"), (float("inf"), "gewoon bedrag"), ("inf", "geen bedrag"),
    ("1e9", "geen bedrag"), ("10000000", "onwaarschijnlijk"), ("9" * 400, "geen bedrag"), ("٥٠", "geen bedrag"),
    ("５０", "geen bedrag"), (True, "bedrag"), (None, "bedrag"), ([50], "bedrag"), ("50,999", "geen bedrag"),
    ("1.00", "komma"), ("1.0000", "geen bedrag"),
])
def test_bad_amounts_get_a_dutch_message(text, fragment):
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert fragment in str(caught.value)
