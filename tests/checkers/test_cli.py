"""The command line: list, schema and evaluate as JSON; invalid answers exit 2 with a Dutch message."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

ANSWERS = {"soort": "geld"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkers", *args], cwd=ROOT, capture_output=True, text=True)


def test_list_names_every_rule_file():
    result = run("list")
    assert result.returncode == 0
    found = {(c["checker"], c["code"]) for c in json.loads(result.stdout)}
    expected = {(p.stem, p.parent.parent.name) for p in (ROOT / "docs").glob("*/regels/*.toml")}
    assert found == expected and ("geschenken", "gemeente-utrecht") in found


def test_schema_gives_the_questions():
    result = run("schema", "geschenken", "--code", "gemeente-utrecht")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["questions"][0]["id"] == "soort" and "mag-niet" in schema["verdicts"]


def test_evaluate_gives_verdict_and_sources():
    result = run("evaluate", "geschenken", "--code", "gemeente-utrecht", "--answers", json.dumps(ANSWERS))
    assert result.returncode == 0, result.stdout
    outcome = json.loads(result.stdout)
    assert outcome["verdict"] == "mag-niet"
    assert any(s["href"] == "gemeente-utrecht/geschenken/#afspraak-2-4" for s in outcome["sources"])


def test_invalid_answers_exit_2_with_a_dutch_message():
    for answers in ['{"soort": "auto"}', "{kapot", "[1, 2]", '{"soort": "geschenk", "waarde": "-5"}',
                    '{"soort": "geld", "bestaat_niet": "x"}']:
        result = run("evaluate", "geschenken", "--code", "gemeente-utrecht", "--answers", answers)
        assert result.returncode == 2, answers
        message = json.loads(result.stdout)
        assert message["status"] == "ongeldig" and message["message"]
        assert "Traceback" not in result.stdout + result.stderr


def test_unknown_organisation_exits_2():
    result = run("evaluate", "geschenken", "--code", "bestaat-niet", "--answers", "{}")
    assert result.returncode == 2 and "bestaat-niet" in json.loads(result.stdout)["message"]


def test_the_worker_call_takes_and_returns_json():
    """evaluate_json is what the browser calls: rules as JSON (dates as strings), never an exception."""
    from checkers import evaluate_json, to_json
    from tests.checkers.conftest import rules_for
    rules = json.loads(to_json(rules_for("geschenken", "gemeente-utrecht")))
    request = {"checker": "geschenken", "rules": rules, "today": "2026-11-22",
               "answers": {"soort": "geschenk", "waarde": "50,01", "huisadres": "nee", "onderhandeling": "nee",
                           "tegenprestatie": "nee", "aanleiding": "ja"}}
    outcome = json.loads(evaluate_json(json.dumps(request)))
    assert outcome["verdict"] == "mag-niet" and outcome["explanation"]
    assert json.loads(evaluate_json("{kapot"))["status"] == "fout"
    assert json.loads(evaluate_json(json.dumps({"checker": "bestaat-niet", "rules": {}})))["status"] == "fout"


def test_the_worker_call_remembers_rules_by_key():
    from checkers import evaluate_json, to_json
    from tests.checkers.conftest import rules_for
    rules = json.loads(to_json(rules_for("geschenken", "gemeente-utrecht")))
    first = {"checker": "geschenken", "rules": rules, "rules_key": "gu/geschenken", "answers": {"soort": "geld"}}
    assert json.loads(evaluate_json(json.dumps(first)))["verdict"] == "mag-niet"
    again = {"checker": "geschenken", "rules_key": "gu/geschenken", "answers": {"soort": "geld"}}
    assert json.loads(evaluate_json(json.dumps(again)))["verdict"] == "mag-niet"
    unknown = {"checker": "geschenken", "rules_key": "onbekend", "answers": {}}
    assert json.loads(evaluate_json(json.dumps(unknown)))["status"] == "fout"
