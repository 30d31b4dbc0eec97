"""Every case of every scenario file (docs/<organisatie>/regels/<check>.scenarios.yml) runs through its check.

A test id is the file and the case's name, so a failure says which case of which file broke and how.
A case with `wacht_op` describes advice of the code the check cannot give yet: it is expected to
fail (strict), so the day the check learns it, the test says to remove `wacht_op`.

A case without `datum` must also hold on every day a limit change is announced for (`vanaf` in the
rule file's future): otherwise CI would turn red on that day, with nobody changing anything. So the
pull request that announces the change says which cases the new limit changes, and how to date them.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from checkers import CHECKERS, evaluate
from checkers.dutch_dates import dutch_date
from checkers.model import RuleSet
from checkers.rules import parse_rules, rule_files
from tests.checkers.conftest import TODAY, anchors, outcome, rules_for
from tests.checkers.scenario_files import SUFFIX, Scenario, load_scenario_file, scenario_files
from tests.conftest import DOCS



def as_param(case: Scenario):
    """A case as a test: named by file and case; `wacht_op` makes it a strict expected failure."""
    marks = [pytest.mark.xfail(strict=True, reason=f"wacht op {case.wacht_op}: {case.waarom}")] if case.wacht_op else []
    return pytest.param(case, id=case.id, marks=marks)


FILES = [load_scenario_file(DOCS, path) for path in scenario_files(DOCS)]
CASES = [as_param(case) for file in FILES for case in file.scenarios]


def test_every_check_of_every_code_has_a_scenario_file():
    rule_paths = {p.relative_to(DOCS).as_posix().removesuffix(".toml") for p in rule_files(DOCS)
                  if p.stem in CHECKERS}
    scenario_paths = {f.path.removesuffix(SUFFIX) for f in FILES}
    assert sorted(rule_paths - scenario_paths) == []


@pytest.mark.parametrize("file", FILES, ids=[f.path for f in FILES])
def test_scenario_file_is_valid(file):
    if file.errors:
        pytest.fail("\n".join(file.errors), pytrace=False)
    assert file.scenarios, f"{file.path}: het bestand heeft geen scenario's"


def differences(case: Scenario, result: dict) -> list[str]:
    """What the check says that the case does not expect, in Dutch."""
    found = []
    if case.verwacht in ("onvolledig", "ongeldig") or result["status"] != "uitkomst":
        if result["status"] != case.verwacht:
            detail = result.get("errors") or result.get("missing") or result.get("verdict")
            found.append(f"verwacht '{case.verwacht}', de check geeft status '{result['status']}' ({detail})")
    elif result["verdict"] != case.verwacht:
        found.append(f"verwacht '{case.verwacht}', de check geeft '{result['verdict']}': "
                     f"{result['explanation']}")
    if case.bronnen is not None and result["status"] == "uitkomst" and anchors(result) != case.bronnen:
        found.append(f"bronnen: verwacht {sorted(case.bronnen)}, de check noemt {sorted(anchors(result))}")
    if case.onduidelijk is not None and result.get("ambiguous") != case.onduidelijk:
        found.append(f"onduidelijk: verwacht {case.onduidelijk}, de check zegt {result.get('ambiguous')}")
    if case.ook is not None:
        other = {r["verdict"] for r in result.get("other_reasons", [])}
        if other != case.ook:
            found.append(f"ook: verwacht {sorted(case.ook)}, de andere regels geven {sorted(other)}")
    if case.vragen is not None and tuple(result["visible"]) != case.vragen:
        found.append(f"vragen: verwacht {list(case.vragen)}, het formulier toont {result['visible']}")
    if case.volgende_vraag is not None and result.get("next_question") != case.volgende_vraag:
        found.append(f"volgende_vraag: verwacht {case.volgende_vraag}, de check vraagt {result.get('next_question')}")
    if case.fouten is not None and set(result.get("errors") or {}) != case.fouten:
        found.append(f"fouten: verwacht bij {sorted(case.fouten)}, de check meldt {sorted(result.get('errors') or {})}")
    return found


@pytest.mark.parametrize("case", CASES)
def test_scenario(case: Scenario):
    result = outcome(case.checker, case.code, case.antwoorden, case.datum or TODAY)
    problems = differences(case, result)
    if problems:
        pytest.fail(f"{case.path}, geval '{case.naam}':\n  " + "\n  ".join(problems), pytrace=False)


def problems_on_announced_days(case: Scenario, rules: RuleSet, today: dt.date = TODAY) -> list[str]:
    """What an undated case would no longer hold on each announced day, with what to do, in Dutch."""
    if case.datum or case.wacht_op:
        return []
    found = []
    for day in rules.announced_days(today):
        problems = differences(case, evaluate(case.checker, rules, case.antwoorden, day))
        if problems:
            before = (day - dt.timedelta(days=1)).isoformat()
            found.append(f"vanaf {dutch_date(day)} geldt een aangekondigde nieuwe grens, en dan klopt dit geval niet "
                         "meer:\n    " + "\n    ".join(problems) + "\n  Gaat het geval over de grens van nu? Zet er "
                         f"dan 'datum: {before}' bij. Voor de nieuwe grens schrijf je een nieuw geval met "
                         f"'datum: {day.isoformat()}'.")
    return found


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for file in FILES for case in file.scenarios])
def test_scenario_holds_on_every_announced_day(case: Scenario):     # a wacht_op case is skipped inside
    problems = problems_on_announced_days(case, rules_for(case.checker, case.code))
    if problems:
        pytest.fail(f"{case.path}, geval '{case.naam}': " + "\n  ".join(problems), pytrace=False)


def test_a_case_that_an_announced_limit_changes_is_named_before_that_day():
    """On a copy of Gemeente Utrecht's gift rules with a raise from 50 to 75 euro on 1 January 2027
    (tests/checkers/fixtures/geschenken-gedateerd.toml), never on the live rule file."""
    fixture = Path(__file__).parent / "fixtures" / "geschenken-gedateerd.toml"
    rules = parse_rules("gemeente-utrecht/regels/geschenken.toml", fixture.read_text(encoding="utf-8"),
                        CHECKERS["geschenken"])
    gift = {"soort": "geschenk", "huisadres": "nee", "onderhandeling": "nee", "tegenprestatie": "nee",
            "aanleiding": "ja", "waarde": "60"}
    case = Scenario("gemeente-utrecht/regels/geschenken.scenarios.yml", "gemeente-utrecht", "geschenken",
                    "Een geschenk van 60 euro neem je niet aan", gift, "mag-niet")
    before = dt.date(2026, 12, 1)
    problems = problems_on_announced_days(case, rules, before)
    assert len(problems) == 1 and "vanaf 1 januari 2027" in problems[0], problems
    assert "'datum: 2026-12-31'" in problems[0] and "'datum: 2027-01-01'" in problems[0]
    dated = dataclasses.replace(case, datum=dt.date(2026, 12, 31))
    assert problems_on_announced_days(dated, rules, before) == []          # dated: it speaks of the old limit
    assert problems_on_announced_days(case, rules, dt.date(2027, 1, 2)) == []   # nothing announced any more


# --- the file format itself: mistakes an editor can make get a Dutch message naming file and case ---

GOOD_CASE = """\
scenarios:
  - naam: Geld neem je nooit aan
    antwoorden: { soort: geld }
    verwacht: mag-niet
    bronnen: [geschenken.md#afspraak-2-4]
"""


def write_case(tmp_path: Path, text: str, name: str = "geschenken") -> Path:
    """A scenario file for Gemeente Utrecht's gift check, in a copy of docs/ (rule file and pages from the real docs)."""
    docs = tmp_path / "docs"
    folder = docs / "gemeente-utrecht" / "regels"
    folder.mkdir(parents=True)
    for page in ("geschenken.md", "inleiding.md"):
        (docs / "gemeente-utrecht" / page).write_text((DOCS / "gemeente-utrecht" / page).read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    path = folder / f"{name}{SUFFIX}"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str, name: str = "geschenken") -> str:
    path = write_case(tmp_path, text, name)
    return "\n".join(load_scenario_file(path.parents[2], path).errors)


def test_a_good_file_has_no_errors_and_one_case(tmp_path):
    path = write_case(tmp_path, GOOD_CASE)
    loaded = load_scenario_file(path.parents[2], path)
    assert loaded.errors == []
    assert [c.naam for c in loaded.scenarios] == ["Geld neem je nooit aan"]
    assert loaded.scenarios[0].id == "gemeente-utrecht/regels/geschenken.scenarios.yml::Geld neem je nooit aan"


@pytest.mark.parametrize("change, message", [
    (("verwacht: mag-niet", "verwacht: magniet"), "'verwacht' moet een van"),
    (("verwacht: mag-niet", "verwacht: magniet"), "Bedoel je 'mag-niet'?"),
    (("soort: geld", "soort: geldd"), "'geldd' is geen antwoord op de vraag 'soort'"),
    (("soort: geld", "sort: geld"), "de vraag 'sort' bestaat niet"),
    (("    verwacht", "    verwachting: x\n    verwacht"), "onbekende sleutel 'verwachting'"),
    (("afspraak-2-4", "afspraak-9-9"), "het anker '#afspraak-9-9' staat niet op gemeente-utrecht/geschenken.md"),
    (("geschenken.md#", "cadeaus.md#"), "de pagina gemeente-utrecht/cadeaus.md bestaat niet"),
    (("    verwacht", "    verwacht: mag\n    verwacht"), "de sleutel 'verwacht' staat twee keer"),
    (("{ soort: geld }", "{ soort: geld"), "geen geldige YAML"),
    (("    bronnen", "    wacht_op: of-voorwaarden\n    bronnen"), "zeg bij 'wacht_op' ook 'waarom'"),
    (("    bronnen", "    tekst: Geld neem je nooit aan.\n    bronnen"), "zowel 'tekst'"),
    (("    bronnen", "    datum: 1-3-2027\n    bronnen"), "'datum' schrijf je als 2027-03-01"),
    (("{ soort: geld }", "{ soort: geschenk, waarde: 49.99 }"), "tussen aanhalingstekens met een komma"),
])
def test_a_mistake_gets_a_dutch_message_naming_file_and_case(tmp_path, change, message):
    text = errors_of(tmp_path, GOOD_CASE.replace(*change))
    assert message in text
    assert text.startswith("gemeente-utrecht/regels/geschenken.scenarios.yml")
    if "YAML" not in message and "twee keer" not in message:
        assert "geval 'Geld neem je nooit aan'" in text


def test_every_mistake_of_a_file_is_reported_at_once(tmp_path):
    text = errors_of(tmp_path, GOOD_CASE.replace("soort: geld", "sort: geld").replace("mag-niet", "nee") +
                     GOOD_CASE.split("\n", 1)[1].replace("Geld neem je nooit aan", "Tweede geval")
                     .replace("afspraak-2-4", "afspraak-0"))
    assert "de vraag 'sort' bestaat niet" in text
    assert "'verwacht' moet een van" in text
    assert "geval 'Tweede geval': 'bronnen': het anker '#afspraak-0'" in text


def test_two_cases_with_the_same_name_are_refused(tmp_path):
    assert "deze naam staat al eerder" in errors_of(tmp_path, GOOD_CASE + GOOD_CASE.split("\n", 1)[1])


def test_a_scenario_file_for_an_unknown_check_is_refused(tmp_path):
    assert "onbekende check 'cadeaus'" in errors_of(tmp_path, GOOD_CASE, name="cadeaus")


def test_an_answer_listed_under_fouten_may_be_invalid_on_purpose(tmp_path):
    path = write_case(tmp_path, GOOD_CASE.replace("soort: geld", "soort: auto").replace("verwacht: mag-niet",
                      "verwacht: ongeldig\n    fouten: [soort]").replace("    bronnen: [geschenken.md#afspraak-2-4]\n", ""))
    loaded = load_scenario_file(path.parents[2], path)
    assert loaded.errors == []
    case = loaded.scenarios[0]
    assert differences(case, outcome(case.checker, case.code, case.antwoorden, TODAY)) == []


def test_a_wrong_expectation_is_reported_with_what_the_check_says():
    case = Scenario("x.scenarios.yml", "gemeente-utrecht", "geschenken", "Geld", {"soort": "geld"}, "mag",
                    bronnen=frozenset({"geschenken.md#afspraak-2-5"}))
    problems = differences(case, outcome("geschenken", "gemeente-utrecht", {"soort": "geld"}))
    assert problems[0].startswith("verwacht 'mag', de check geeft 'mag-niet'")
    assert "bronnen: verwacht ['geschenken.md#afspraak-2-5'], de check noemt ['geschenken.md#afspraak-2-4']" in problems[1]


def test_the_example_in_the_editors_guide_is_a_valid_passing_scenario(tmp_path):
    guide = (DOCS / "handleiding" / "scenario-toevoegen.md").read_text(encoding="utf-8")
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = write_case(tmp_path, example)
    loaded = load_scenario_file(path.parents[2], path)
    assert loaded.errors == []
    case = loaded.scenarios[0]
    assert differences(case, outcome(case.checker, case.code, case.antwoorden, TODAY)) == []
    assert "pytest tests/checkers/test_scenarios.py" in guide


def test_a_case_waiting_for_a_feature_is_a_strict_expected_failure(tmp_path):
    path = write_case(tmp_path, GOOD_CASE.replace("verwacht: mag-niet", "verwacht: onduidelijk\n    wacht_op: of-voorwaarden"
                                                  "\n    waarom: de check kan 'of' nog niet uitdrukken"))
    case = load_scenario_file(path.parents[2], path).scenarios[0]
    mark = as_param(case).marks[0]
    assert mark.name == "xfail" and mark.kwargs["strict"] is True
    assert "wacht op of-voorwaarden" in mark.kwargs["reason"]
    assert differences(case, outcome(case.checker, case.code, case.antwoorden, TODAY)) != []


def test_an_editor_adds_a_wrong_case_and_the_documented_command_names_file_and_case(tmp_path):
    """The editor's journey in a copy of the project: append a case to a real file, run the command
    the guide gives, read which file and case failed and what the check says instead."""
    import shutil
    import subprocess
    import sys

    from tests.conftest import ROOT
    clone = tmp_path / "clone"
    for name in ["docs", "checkers", "build_scripts", "tests"]:
        shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns("browser", "__pycache__"))
    path = clone / "docs" / "gemeente-utrecht" / "regels" / f"geschenken{SUFFIX}"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - naam: Een briefje van tien euro mag ik houden\n"
                    "    antwoorden: { soort: geld }\n    verwacht: mag\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "tests/checkers/test_scenarios.py", "-q", "-p",
                          "no:cacheprovider", "-k", "briefje and not announced"], cwd=clone, capture_output=True, text=True)
    assert run.returncode == 1, run.stdout + run.stderr
    assert ("gemeente-utrecht/regels/geschenken.scenarios.yml, geval 'Een briefje van tien euro mag ik houden':\n"
            "  verwacht 'mag', de check geeft 'mag-niet'") in run.stdout
    assert "1 failed" in run.stdout and "Traceback" not in run.stdout
