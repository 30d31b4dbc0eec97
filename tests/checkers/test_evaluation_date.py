"""One evaluation date for build, tests and command line (CODEWIJZER_DATUM), and practice examples
checked on every announced date: a warning before the day a limit changes, an expectation per date
so the check stays green on that day. On the fixture copy of a rule file, never the live one."""
from __future__ import annotations

import datetime as dt

import pytest

from build_scripts import checks
from build_scripts.checker_embed import rules_as_text
from build_scripts.content_model import parse_page
from build_scripts.site_index import SiteIndex
from checkers import CHECKERS
from checkers.dates import DateError, evaluation_date
from checkers.rules import parse_rules
from tests.checkers.test_dated_limits import FIXTURE, RULES

EXAMPLE = """---
title: Een fles wijn van 60 euro
description: Test.
soort: voorbeeld
organisatie: gemeente-utrecht
id: gu-test-wijn
themas: [geschenken]
check:
  naam: geschenken
  antwoorden: { soort: geschenk, waarde: "60", huisadres: nee, onderhandeling: nee, tegenprestatie: nee, aanleiding: ja }
  verwacht: mag-niet
{extra}---

Situatie.

## Wat kun je doen?

Antwoord.
"""


def site(extra: str = "") -> SiteIndex:
    page = parse_page("gemeente-utrecht/voorbeelden/gu-test-wijn.md", EXAMPLE.replace("{extra}", extra))
    rules = parse_rules(RULES, FIXTURE.read_text(encoding="utf-8"), CHECKERS["geschenken"])
    return SiteIndex({page.src_path: page}, {}, {("gemeente-utrecht", "geschenken"): rules}, "test.whl")


def test_the_evaluation_date_comes_from_codewijzer_datum(monkeypatch):
    monkeypatch.setenv("CODEWIJZER_DATUM", "2027-03-01")
    assert evaluation_date() == dt.date(2027, 3, 1)
    monkeypatch.setenv("CODEWIJZER_DATUM", "1 maart 2027")
    with pytest.raises(DateError, match="CODEWIJZER_DATUM=2027-03-01"):
        evaluation_date()
    monkeypatch.delenv("CODEWIJZER_DATUM")
    assert evaluation_date() == dt.date.today()


def test_the_rules_list_follows_the_evaluation_date(monkeypatch):
    rules = parse_rules(RULES, FIXTURE.read_text(encoding="utf-8"), CHECKERS["geschenken"])
    monkeypatch.setenv("CODEWIJZER_DATUM", "2026-12-01")
    assert "meer dan € 50 (vanaf 1 januari 2027: € 75)" in rules_as_text("geschenken", rules, "gemeente-utrecht/geschenken.md")
    monkeypatch.setenv("CODEWIJZER_DATUM", "2027-03-01")
    assert "meer dan € 75" in rules_as_text("geschenken", rules, "gemeente-utrecht/geschenken.md")


def test_before_the_day_the_build_warns_which_example_will_change(monkeypatch):
    monkeypatch.setenv("CODEWIJZER_DATUM", "2026-12-01")
    [example] = site().examples()
    assert checks._check_example(example, site()) == []
    [warning] = checks.future_changes(site())
    assert warning.startswith("docs/gemeente-utrecht/voorbeelden/gu-test-wijn.md: vanaf 1 januari 2027")
    assert "'mag-melden' in plaats van 'mag-niet'" in warning and "verwacht_vanaf: { 2027-01-01: mag-melden }" in warning


def test_an_expectation_per_date_keeps_the_check_green_on_the_day(monkeypatch):
    dated = site("  verwacht_vanaf: { 2027-01-01: mag-melden }\n")
    for day in ("2026-12-01", "2027-01-01", "2027-03-01"):
        monkeypatch.setenv("CODEWIJZER_DATUM", day)
        [example] = dated.examples()
        assert checks._check_example(example, dated) == [], day
        assert checks.future_changes(dated) == [], day


def test_without_it_the_check_fails_on_the_day(monkeypatch):
    monkeypatch.setenv("CODEWIJZER_DATUM", "2027-01-01")
    [example] = site().examples()
    [error] = checks._check_example(example, site())
    assert "verwacht de uitkomst 'mag-niet', maar de check geeft nu 'mag-melden'" in error.message


def test_an_expectation_that_is_no_outcome_says_so(monkeypatch):
    monkeypatch.setenv("CODEWIJZER_DATUM", "2026-12-01")
    broken = site("  verwacht_vanaf: { 2027-01-01: mag-meldn }\n")
    [example] = broken.examples()
    [error] = checks._check_example(example, broken)
    assert "'mag-meldn' is geen uitkomst van de check 'geschenken'. Kies uit: mag-niet" in error.message


def test_a_build_with_a_malformed_date_stops_in_dutch(monkeypatch, tmp_path):
    monkeypatch.setenv("CODEWIJZER_DATUM", "2027-13-01")
    with pytest.raises(SystemExit, match="De bouw stopt: CODEWIJZER_DATUM='2027-13-01' is geen datum"):
        checks.load_checks(tmp_path)
