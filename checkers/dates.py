"""The evaluation date: the day dated limits are applied for, the same for build, tests and CLI.

Today, unless CODEWIJZER_DATUM=JJJJ-MM-DD says otherwise (to see the site, the tests and the
command line as they will be on the day a limit changes)."""
from __future__ import annotations

import datetime as dt
import os

VARIABLE = "CODEWIJZER_DATUM"


class DateError(ValueError):
    """A Dutch message about a CODEWIJZER_DATUM that is not a date."""


def evaluation_date() -> dt.date:
    text = os.environ.get(VARIABLE, "").strip()
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DateError(f"{VARIABLE}={text[:40]!r} is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld "
                        f"{VARIABLE}=2027-03-01.") from None


def is_set() -> bool:
    return bool(os.environ.get(VARIABLE, "").strip())
