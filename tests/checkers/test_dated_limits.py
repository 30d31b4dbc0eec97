"""Limits that hold from a date: the engine applies the value of the day it is asked about, every
text of the outcome names that value (never the old one), says since when and by which text it
holds, announces a later change, and the command line takes the day with --datum.

No real code has a dated change yet, so these tests use a fixture: a copy of Gemeente Utrecht's gift
rules with one announced change (tests/checkers/fixtures/geschenken-gedateerd.toml), never the live file."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from build_scripts.checker_embed import rules_as_text
from checkers import CHECKERS, evaluate, evaluate_json, to_json
from checkers.rules import RuleError, amounts_in, load_rules, parse_rules
from tests.conftest import ROOT

RULES = "gemeente-utrecht/regels/geschenken.toml"
FIXTURE = Path(__file__).parent / "fixtures" / "geschenken-gedateerd.toml"
DATED_LINES = re.compile(r"^maximale_waarde = \[\n.*?^\]\n", re.M | re.S)
BOUNDARY = dt.date(2027, 1, 1)
BEFORE = BOUNDARY - dt.timedelta(days=1)
PLAIN_GIFT = {"soort": "geschenk", "huisadres": "nee", "onderhandeling": "nee", "tegenprestatie": "nee",
              "aanleiding": "ja"}
GIFT_OF_60 = {**PLAIN_GIFT, "waarde": "60"}


def fixture_text(limits: str | None = None) -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    return text if limits is None else DATED_LINES.sub(f"maximale_waarde = {limits}\n", text, count=1)


@pytest.fixture
def dated_docs(tmp_path: Path) -> Path:
    target = tmp_path / "docs" / RULES
    target.parent.mkdir(parents=True)
    target.write_text(fixture_text(), encoding="utf-8")
    return tmp_path / "docs"


def outcome_on(docs: Path, day: dt.date, answers: dict = GIFT_OF_60) -> dict:
    rules = load_rules(docs, "gemeente-utrecht", "geschenken", CHECKERS["geschenken"])
    return evaluate("geschenken", rules, answers, day)


def every_text(result: dict) -> list[str]:
    return [result["verdict_label"], result["explanation"], *(r["text"] for r in result["reasons"]),
            *(r["text"] for r in result["other_reasons"]), *result["next_steps"]]


def test_before_the_boundary_the_old_limit_applies(dated_docs):
    result = outcome_on(dated_docs, BEFORE)
    assert result["verdict"] == "mag-niet"
    [used] = result["limits"]
    assert used["name"] == "maximale_waarde" and used["value"] == 50 and used["from"] is None
    assert used["source"]["anchor"] == "afspraak-2-5a"
    assert "zoals die in de code staat, volgens Afspraak 2.5a." in used["text"]
    assert ("Vanaf 1 januari 2027 geldt maximale waarde € 75, volgens Besluit grens geschenken 2027."
            in used["text"])


def test_on_and_after_the_boundary_the_new_limit_applies(dated_docs):
    for day in (BOUNDARY, BOUNDARY + dt.timedelta(days=400)):
        result = outcome_on(dated_docs, day)
        assert result["verdict"] == "mag-melden", day
        [used] = result["limits"]
        assert used["value"] == 75 and used["from"] == BOUNDARY and used["upcoming"] == []
        assert ("Uitgerekend met maximale waarde € 75: geldt vanaf 1 januari 2027, volgens Besluit grens "
                "geschenken 2027.") == used["text"]


@pytest.mark.parametrize("amount, day, verdict, named", [
    ("80", BEFORE, "mag-niet", {Decimal(50)}),
    ("80", BOUNDARY, "mag-niet", {Decimal(75)}),
    ("75", BEFORE, "mag-niet", {Decimal(50)}),
    ("75", BOUNDARY, "onduidelijk", {Decimal(75)}),
    ("50", BEFORE, "onduidelijk", {Decimal(50)}),
    ("50", BOUNDARY, "mag-melden", set()),
])
def test_every_text_of_the_outcome_names_the_limit_of_that_day(dated_docs, amount, day, verdict, named):
    """The issue's case: a gift of EUR 80 refused 'because it is more than 50' next to 'limit EUR 75'."""
    result = outcome_on(dated_docs, day, {**PLAIN_GIFT, "waarde": amount})
    assert result["verdict"] == verdict
    found = set().union(*(amounts_in(text) for text in every_text(result)))
    assert found == named, every_text(result)
    [used] = result["limits"]
    assert used["value"] == (50 if day < BOUNDARY else 75)


def test_a_lower_limit_is_named_in_the_refusal(tmp_path):
    """Lowered to 40: a gift of EUR 45 is refused for being more than EUR 40, not 'more than 50'."""
    lowered = ('[ { waarde = 50, bron = "../geschenken.md#afspraak-2-5a" }, '
               '{ vanaf = 2027-01-01, waarde = 40, bron = "../geschenken.md#afspraak-2-5a" } ]')
    rules = parse_rules(RULES, fixture_text(lowered), CHECKERS["geschenken"])
    result = evaluate("geschenken", rules, {**PLAIN_GIFT, "waarde": "45"}, BOUNDARY)
    assert result["verdict"] == "mag-niet"
    assert "meer dan € 40 neem je niet aan" in result["explanation"]
    assert set().union(*(amounts_in(t) for t in every_text(result))) == {Decimal(40)}


def test_an_outcome_without_an_amount_names_no_limit(dated_docs):
    assert outcome_on(dated_docs, BOUNDARY, {"soort": "geld"})["limits"] == []


def test_the_worker_call_uses_the_date_the_page_sends(dated_docs):
    rules = json.loads(to_json(load_rules(dated_docs, "gemeente-utrecht", "geschenken", CHECKERS["geschenken"])))
    for today, verdict in (("2026-12-31", "mag-niet"), ("2027-01-01", "mag-melden")):
        request = {"checker": "geschenken", "rules": rules, "answers": GIFT_OF_60, "today": today}
        result = json.loads(evaluate_json(json.dumps(request)))
        assert (result["verdict"], result["today"]) == (verdict, today)


def run_cli(docs: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkers", "--docs", str(docs), "evaluate", "geschenken",
                           "--code", "gemeente-utrecht", "--answers", json.dumps(GIFT_OF_60), *extra],
                          cwd=ROOT, capture_output=True, text=True, env=env)


def test_the_command_line_applies_the_limit_of_the_given_day(dated_docs):
    before = json.loads(run_cli(dated_docs, "--datum", "2026-12-31").stdout)
    after = json.loads(run_cli(dated_docs, "--datum", "2027-01-01").stdout)
    assert before["verdict"] == "mag-niet" and before["limits"][0]["value"] == 50
    assert after["verdict"] == "mag-melden" and after["limits"][0]["from"] == "2027-01-01"


def test_the_command_line_takes_the_evaluation_date_from_the_environment(dated_docs):
    import os
    for day, verdict in (("2026-12-31", "mag-niet"), ("2027-03-01", "mag-melden")):
        result = run_cli(dated_docs, env={**os.environ, "CODEWIJZER_DATUM": day})
        assert json.loads(result.stdout)["verdict"] == verdict and json.loads(result.stdout)["today"] == day
    broken = run_cli(dated_docs, env={**os.environ, "CODEWIJZER_DATUM": "1-3-2027"})
    assert broken.returncode == 2 and "CODEWIJZER_DATUM" in json.loads(broken.stdout)["message"]


def test_the_command_line_refuses_a_malformed_day(dated_docs):
    result = run_cli(dated_docs, "--datum", "1-1-2027")
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr
    assert json.loads(result.stdout)["status"] == "ongeldig" and "geen datum" in json.loads(result.stdout)["message"]


def test_the_rules_list_shows_the_limit_of_today_and_the_announced_change():
    rules = parse_rules(RULES, fixture_text(), CHECKERS["geschenken"])
    before = rules_as_text("geschenken", rules, "gemeente-utrecht/geschenken.md", BEFORE)
    after = rules_as_text("geschenken", rules, "gemeente-utrecht/geschenken.md", BOUNDARY)
    assert "meer dan € 50 (vanaf 1 januari 2027: € 75)" in before
    assert "meer dan € 75" in after and "€ 50" not in after


@pytest.mark.parametrize("limits, fragment", [
    ("[ { waarde = 50 }, { waarde = 75 } ]", "alleen de oorspronkelijke waarde mag zonder 'vanaf'"),
    ('[ { vanaf = 2027-01-01, waarde = 50, bron = "../geschenken.md#afspraak-2-5a" }, '
     '{ vanaf = 2027-01-01, waarde = 75, bron = "../geschenken.md#afspraak-2-5a" } ]', "dezelfde datum"),
    ('[ { vanaf = "1 januari 2027", waarde = 75 } ]', "'vanaf' moet een datum zijn"),
    ('[ { vanaf = 2027-01-01, waarde = "75" } ]', "elke waarde heeft een 'waarde'"),
    ("[ { vanaf = 2027-01-01, bedrag = 75 } ]", "onbekende sleutel 'bedrag'"),
    ("[ { waarde = 50 }, { vanaf = 2027-01-01, waarde = 75 } ]", "heeft geen 'bron'"),
    ("[]", "moet een lijst zijn"),
])
def test_a_malformed_dated_limit_gets_a_dutch_message(limits, fragment):
    with pytest.raises(RuleError) as caught:
        parse_rules(RULES, fixture_text(limits), CHECKERS["geschenken"])
    messages = [(e.key, e.message) for e in caught.value.errors]
    assert any(key == "grenzen.maximale_waarde" and fragment in message for key, message in messages), messages
