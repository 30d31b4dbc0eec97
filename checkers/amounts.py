"""Parse an amount in euros as Dutch people type it: '€ 49,99', '49,99', '1.000', '1.000,50', '50'.

Anything else gets a Dutch message. A dot followed by other than three digits ('49.99') is
refused rather than guessed: guessing wrong could turn 'niet toegestaan' into 'mag'.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

MAX_AMOUNT = Decimal("1000000")
MAX_LENGTH = 40
# ASCII digits only: str.isdigit() and int() also accept Arabic-Indic and other digits.
DUTCH_AMOUNT = re.compile(r"^(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<frac>[0-9]{1,2}))?$")


class AmountError(ValueError):
    """A Dutch message for the person who typed the amount."""


def parse_amount(value: object) -> Decimal:
    if isinstance(value, bool):
        raise AmountError("Vul een bedrag in euro's in, bijvoorbeeld 25 of 49,99.")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise AmountError("Vul een gewoon bedrag in euro's in, bijvoorbeeld 25 of 49,99.")
        amount = Decimal(str(value))
    elif isinstance(value, str):
        amount = _parse_text(value)
    else:
        raise AmountError("Vul een bedrag in euro's in, bijvoorbeeld 25 of 49,99.")
    if amount < 0:
        raise AmountError("Een bedrag kan niet negatief zijn. Vul de geschatte waarde in, bijvoorbeeld 25.")
    if amount > MAX_AMOUNT:
        raise AmountError("Dit bedrag is onwaarschijnlijk hoog. Vul de geschatte waarde in euro's in, "
                          "bijvoorbeeld 250 of 1.000.")
    return amount


def _parse_text(text: str) -> Decimal:
    if len(text) > MAX_LENGTH:
        raise AmountError("Dat is geen bedrag. Vul alleen het bedrag in, bijvoorbeeld 49,99.")
    cleaned = text.strip().replace("\u00a0", " ")
    cleaned = re.sub(r"^(€|eur|euro)\s*", "", cleaned, flags=re.I)
    cleaned = re.sub(r"\s*(€|eur|euro)$", "", cleaned, flags=re.I)
    cleaned = re.sub(r",-{1,2}$", "", cleaned).strip()       # '€ 50,-'
    if not cleaned:
        raise AmountError("Vul een bedrag in, bijvoorbeeld 25 of 49,99.")
    if cleaned.startswith("-"):
        raise AmountError("Een bedrag kan niet negatief zijn. Vul de geschatte waarde in, bijvoorbeeld 25.")
    match = DUTCH_AMOUNT.match(cleaned)
    if not match:
        if re.fullmatch(r"[0-9]+\.[0-9]{1,2}", cleaned):
            raise AmountError("Gebruik een komma voor centen, bijvoorbeeld 49,99.")
        raise AmountError("Dat is geen bedrag. Gebruik cijfers, eventueel met een komma voor centen, "
                          "bijvoorbeeld 49,99 of 1.000.")
    whole = match.group("int").replace(".", "")
    frac = match.group("frac") or "0"
    return Decimal(f"{int(whole)}.{frac}")


def dutch_amount(value: object) -> str:
    """A limit as Dutch people write it: 50, 1.000, 49,99."""
    amount = Decimal(str(value))
    whole, _, cents = f"{amount:.2f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".")
    return text if cents == "00" else f"{text},{cents}"
