"""Dates as Dutch readers write them: '1 januari 2027'."""
from __future__ import annotations

import datetime as dt

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def dutch_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
