"""Checker 'relaties': must I report this private relationship at work, and to whom?

One class per organisation, organised by question and outcome. Tests assert verdicts and the
paragraphs an outcome cites (anchors), never wording.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checkers.engine import holds
from tests.checkers.conftest import answer_combinations, TODAY, anchors, outcome, rules_for
from tests.conftest import DOCS

CHECKER = "relaties"
UT, PU, GU = "universiteit-twente", "provincie-utrecht", "gemeente-utrecht"


def ut(**answers: str) -> dict[str, Any]:
    return outcome(CHECKER, UT, answers)


def pu(**answers: str) -> dict[str, Any]:
    return outcome(CHECKER, PU, answers)


def gu(**answers: str) -> dict[str, Any]:
    return outcome(CHECKER, GU, answers)


def student(relatie="liefde", cvb="nee", student_rol="ja", risico="ja"):
    answers = dict(relatie=relatie, wie="student", cvb=cvb, risico=risico)
    if cvb == "nee":
        answers["student_rol"] = student_rol
    return ut(**answers)


def all_answer_sets(code: str):
    return answer_combinations(CHECKER, code)


class TestEveryCombination:
    @pytest.mark.parametrize("code", [UT, PU, GU])
    def test_every_combination_of_answers_reaches_an_outcome_from_a_rule_with_a_source(self, code):
        rules = rules_for(CHECKER, code)
        combos = all_answer_sets(code)
        assert len(combos) > 5
        for answers in combos:
            result = outcome(CHECKER, code, answers)
            assert result["status"] == "uitkomst", answers
            assert result["sources"], answers
            assert any(holds(rule, answers, rules, TODAY) for rule in rules.rules), \
                f"only the standaard outcome applies to {answers}"

    @pytest.mark.parametrize("code", [UT, PU, GU])
    def test_every_rule_is_reached_by_some_combination_of_answers(self, code):
        rules = rules_for(CHECKER, code)
        combos = all_answer_sets(code)
        for number, rule in enumerate(rules.rules, 1):
            assert any(holds(rule, answers, rules, TODAY) for answers in combos), f"regel {number}"


class TestUniversiteitTwente:
    def test_every_verdict_comes_with_next_steps(self):
        for result in (student(), student(risico="nee"), student(student_rol="nee", risico="weet-niet"),
                       ut(relatie="geen")):
            assert result["next_steps"], result["verdict"]

    def test_answers_that_are_not_an_object_are_invalid(self):
        assert outcome(CHECKER, UT, ["liefde"])["status"] == "ongeldig"


class TestGemeenteUtrecht:
    def test_a_relation_with_ones_manager_that_may_be_undesirable_is_discussed_under_the_nearest_rule(self):
        result = gu(wie="collega", hierarchie="ja", onwenselijk="ja", belang="nee")
        assert result["verdict"] == "bespreken"
        assert len(result["reasons"]) == 2
        assert anchors(result) == {"privesfeer.md#afspraak-8-2"}

def _example_checks() -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in sorted(DOCS.glob("*/voorbeelden/*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1])
        if isinstance(meta, dict) and isinstance(meta.get("check"), dict) and meta["check"].get("naam") == CHECKER:
            found.append((path, meta))
    return found


class TestPracticeExamples:
    def test_the_examples_about_relations_carry_a_check(self):
        ids = {meta["id"] for _, meta in _example_checks()}
        assert {"pu-privecontact-bij-aanbesteding", "gu-kennis-crimineel-circuit"} <= ids

    @pytest.mark.parametrize("path, meta", _example_checks(), ids=lambda v: v.stem if isinstance(v, Path) else "")
    def test_each_example_gets_the_verdict_its_own_answer_gives(self, path, meta):
        result = outcome(CHECKER, meta["organisatie"], meta["check"]["antwoorden"])
        assert result["status"] == "uitkomst"
        assert result["verdict"] == meta["check"]["verwacht"]
