"""Limits that hold from a date: the engine applies the version of the day it is asked about, says
which version it used, announces a later change, and the command line takes the day with --datum.

These tests use a copy of Gemeente Utrecht's gift rules (tests/checkers/fixtures/, never the live
file, which editors change) in a temporary docs folder with one announced change (fixture `dated_docs`)."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.checker_embed import rules_as_text
from checkers import CHECKERS, evaluate, evaluate_json, to_json
from checkers.rules import RuleError, load_rules, parse_rules
from tests.conftest import ROOT

RULES = "gemeente-utrecht/regels/geschenken.toml"
ORIGINAL = "maximale_waarde = [ { waarde = 50 } ]"
DATED = "maximale_waarde = [ { waarde = 50 }, { vanaf = 2027-01-01, waarde = 75 } ]"
BOUNDARY = dt.date(2027, 1, 1)
GIFT_OF_60 = {"soort": "geschenk", "waarde": "60", "huisadres": "nee", "onderhandeling": "nee",
              "tegenprestatie": "nee", "aanleiding": "ja"}


FIXTURE = Path(__file__).parent / "fixtures" / "gemeente-utrecht-geschenken.toml"


def dated_rules_text() -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    assert ORIGINAL in text, "the fixture expects Gemeente Utrecht's gift limit without a date"
    return text.replace(ORIGINAL, DATED)


@pytest.fixture
def dated_docs(tmp_path: Path) -> Path:
    target = tmp_path / "docs" / RULES
    target.parent.mkdir(parents=True)
    target.write_text(dated_rules_text(), encoding="utf-8")
    return tmp_path / "docs"


def outcome_on(docs: Path, day: dt.date) -> dict:
    rules = load_rules(docs, "gemeente-utrecht", "geschenken", CHECKERS["geschenken"])
    return evaluate("geschenken", rules, GIFT_OF_60, day)


def test_before_the_boundary_the_old_limit_applies(dated_docs):
    result = outcome_on(dated_docs, BOUNDARY - dt.timedelta(days=1))
    assert result["verdict"] == "mag-niet"
    [used] = result["limits"]
    assert used["name"] == "maximale_waarde" and used["value"] == 50 and used["from"] is None
    assert "zoals die in de code staat" in used["text"]
    assert "Vanaf 1 januari 2027 geldt een nieuwe regel: maximale waarde € 75." in used["text"]


def test_on_and_after_the_boundary_the_new_limit_applies(dated_docs):
    for day in (BOUNDARY, BOUNDARY + dt.timedelta(days=400)):
        result = outcome_on(dated_docs, day)
        assert result["verdict"] != "mag-niet", day
        [used] = result["limits"]
        assert used["value"] == 75 and used["from"] == BOUNDARY and used["upcoming"] == []
        assert "volgens de regel die geldt vanaf 1 januari 2027: maximale waarde € 75." in used["text"]


def test_an_outcome_without_an_amount_names_no_limit(dated_docs):
    rules = load_rules(dated_docs, "gemeente-utrecht", "geschenken", CHECKERS["geschenken"])
    assert evaluate("geschenken", rules, {"soort": "geld"}, BOUNDARY)["limits"] == []


def test_the_worker_call_uses_the_date_the_page_sends(dated_docs):
    rules = json.loads(to_json(load_rules(dated_docs, "gemeente-utrecht", "geschenken", CHECKERS["geschenken"])))
    for today, verdict in (("2026-12-31", "mag-niet"), ("2027-01-01", "mag-melden")):
        request = {"checker": "geschenken", "rules": rules, "answers": GIFT_OF_60, "today": today}
        result = json.loads(evaluate_json(json.dumps(request)))
        assert (result["verdict"], result["today"]) == (verdict, today)


def run_cli(docs: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkers", "--docs", str(docs), "evaluate", "geschenken",
                           "--code", "gemeente-utrecht", "--answers", json.dumps(GIFT_OF_60), *extra],
                          cwd=ROOT, capture_output=True, text=True)


def test_the_command_line_applies_the_limit_of_the_given_day(dated_docs):
    before = json.loads(run_cli(dated_docs, "--datum", "2026-12-31").stdout)
    after = json.loads(run_cli(dated_docs, "--datum", "2027-01-01").stdout)
    assert before["verdict"] == "mag-niet" and before["limits"][0]["value"] == 50
    assert after["verdict"] == "mag-melden" and after["limits"][0]["from"] == "2027-01-01"


def test_the_command_line_refuses_a_malformed_day(dated_docs):
    result = run_cli(dated_docs, "--datum", "1-1-2027")
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr
    assert json.loads(result.stdout)["status"] == "ongeldig" and "geen datum" in json.loads(result.stdout)["message"]


def test_the_rules_list_shows_the_limit_of_today_and_the_announced_change():
    rules = parse_rules(RULES, dated_rules_text(), CHECKERS["geschenken"])
    before = rules_as_text("geschenken", rules, "gemeente-utrecht/geschenken.md", dt.date(2026, 12, 31))
    after = rules_as_text("geschenken", rules, "gemeente-utrecht/geschenken.md", BOUNDARY)
    assert "meer dan € 50 (vanaf 1 januari 2027: € 75)" in before
    assert "meer dan € 75" in after and "€ 50" not in after


@pytest.mark.parametrize("limits, fragment", [
    ("[ { waarde = 50 }, { waarde = 75 } ]", "alleen de oorspronkelijke waarde mag zonder 'vanaf'"),
    ("[ { vanaf = 2027-01-01, waarde = 50 }, { vanaf = 2027-01-01, waarde = 75 } ]", "dezelfde datum"),
    ('[ { vanaf = "1 januari 2027", waarde = 75 } ]', "'vanaf' moet een datum zijn"),
    ('[ { vanaf = 2027-01-01, waarde = "75" } ]', "elke regel heeft een 'waarde'"),
    ("[ { vanaf = 2027-01-01, bedrag = 75 } ]", "onbekende sleutel 'bedrag'"),
    ("[]", "moet een lijst zijn"),
])
def test_a_malformed_dated_limit_gets_a_dutch_message(limits, fragment):
    text = dated_rules_text().replace(DATED, f"maximale_waarde = {limits}")
    with pytest.raises(RuleError) as caught:
        parse_rules(RULES, text, CHECKERS["geschenken"])
    assert caught.value.key == "grenzen.maximale_waarde" and fragment in caught.value.message
