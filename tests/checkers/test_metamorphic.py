"""Consistency over the whole answer space (metamorphic tests), for every rule file.

- Each rule file marks which answers add risk (`risico` on a question; for an amount: "hoger").
  Turning a risk answer on never yields a less serious verdict. A case whose verdict is
  'onduidelijk' (or marked ambiguous) is no baseline: the code gives no verdict there to weaken.
- No outcome text names an amount other than the limits that applied (on the evaluation date and
  on every announced date) or the fixed amounts of the rules that applied.
- Every outcome that sends the reader to someone cites a source, as a link to a paragraph.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal
from typing import Any

import pytest

from checkers import CHECKERS, evaluate
from checkers.model import AllOf, AnyOf, Compare, Not, RuleSet
from checkers.rules import amounts_in, parse_rules
from tests.checkers.conftest import TODAY, amount_classes, rules_for, walk
from tests.conftest import DOCS

RULE_FILES = sorted((p.parent.parent.name, p.stem) for p in DOCS.glob("*/regels/*.toml"))
IDS = [f"{code}-{checker}" for code, checker in RULE_FILES]
SENDS_TO_SOMEONE = re.compile(r"leidinggevende|vertrouwenspersoon|adviespunt|meldpunt|secretariaat|commissie|"
                              r"\bIRM\b|Huis voor Klokkenluiders|ombuds|HR\b|bureau|integriteitscoördinator|"
                              r"contactpersoon", re.I)


@functools.cache
def space(code: str, checker: str, day: dt.date = TODAY) -> tuple[dict[str, Any], ...]:
    return tuple(walk(rules_for(checker, code), {}, day))


def riskier(rules: RuleSet, question, value: Any) -> list[Any]:
    """The answers to `question` that add risk compared with `value`. `risico` with one answer: that
    answer is riskier than every other; with several: a chain from less to more risk, and only
    the answers in it are compared (kinds of situation are not all comparable)."""
    if question.kind == "bedrag":
        return [a for a in amount_classes(rules) if Decimal(a.replace(",", ".")) > Decimal(str(value).replace(",", "."))]
    if len(question.risk) == 1:
        return [] if value in question.risk else list(question.risk)
    if value in question.risk:
        return list(question.risk[question.risk.index(value) + 1:])
    return []


def baseline(result: dict[str, Any]) -> bool:
    return result["verdict"] != "onduidelijk" and not result["ambiguous"]


def weaker_verdicts(rules: RuleSet, answer_space: tuple[dict[str, Any], ...]) -> list[str]:
    checker = rules.checker
    problems = []
    for answers in answer_space:
        before = evaluate(checker, rules, answers, TODAY)
        if not baseline(before):
            continue
        for question in rules.questions:
            if not question.risk or question.id not in answers:
                continue
            for value in riskier(rules, question, answers[question.id]):
                for after_answers in walk(rules, {**answers, question.id: value}, TODAY):
                    after = evaluate(checker, rules, after_answers, TODAY)
                    if rules.severity(after["verdict"]) < rules.severity(before["verdict"]):
                        problems.append(f"{answers} -> {question.id}={value}: {before['verdict']} -> "
                                        f"{after['verdict']}")
    return problems


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=IDS)
def test_a_riskier_answer_never_gives_a_less_serious_verdict(code, checker):
    rules = rules_for(checker, code)
    assert weaker_verdicts(rules, space(code, checker)) == []


def test_the_metamorphic_test_can_fail():
    """A rule file in which more risk gives less: the test above reports it (fixture, not a live file)."""
    text = """
check = "geschenken"
titel = "Test"
pagina = "../geschenken.md"
[[vragen]]
id = "huisadres"
vraag = "Op je huisadres?"
type = "janee"
risico = "ja"
[[regels]]
als = { huisadres = "nee" }
uitkomst = "mag-niet"
reden = "Niet thuis: niet aannemen."
bron = ["../geschenken.md#afspraak-2-5b"]
[standaard]
uitkomst = "mag"
reden = "Mag."
bron = ["../geschenken.md#afspraak-2-5"]
"""
    rules = parse_rules("test/regels/geschenken.toml", text, CHECKERS["geschenken"])
    problems = weaker_verdicts(rules, tuple(walk(rules, {}, TODAY)))
    assert problems == ["{'huisadres': 'nee'} -> huisadres=ja: mag-niet -> mag"]


def fixed_amounts(condition) -> set[Decimal]:
    if isinstance(condition, Compare):
        return {condition.operand.number} if condition.operand.number is not None else set()
    if isinstance(condition, (AllOf, AnyOf)):
        return set().union(*(fixed_amounts(p) for p in condition.parts))
    if isinstance(condition, Not):
        return fixed_amounts(condition.part)
    return set()


def outcome_texts(result: dict[str, Any]) -> list[str]:
    return [result["verdict_label"], result["explanation"], *(r["text"] for r in result["reasons"]),
            *(r["text"] for r in result["other_reasons"]), *result["next_steps"]]


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=IDS)
def test_no_outcome_names_an_amount_that_did_not_apply(code, checker):
    rules = rules_for(checker, code)
    days = {TODAY} | {v.start for limit in rules.limits.values() for v in limit.values if v.start}
    allowed_fixed = set().union(*(fixed_amounts(r.condition) for r in rules.rules))
    for day in sorted(days):
        for answers in (space(code, checker, day) if day == TODAY else tuple(walk(rules, {}, day))):
            result = evaluate(checker, rules, answers, day)
            applied = {Decimal(str(used["value"])) for used in result["limits"]}
            named = set().union(*(amounts_in(text) for text in outcome_texts(result)))
            assert named <= applied | allowed_fixed, (day, answers, named)


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=IDS)
def test_every_outcome_that_sends_you_to_someone_cites_a_source(code, checker):
    rules = rules_for(checker, code)
    for answers in space(code, checker):
        result = evaluate(checker, rules, answers, TODAY)
        texts = [r["text"] for r in result["reasons"]] + result["next_steps"]
        if any(SENDS_TO_SOMEONE.search(text) for text in texts):
            assert result["sources"], answers
            assert all(s["anchor"] and "#" in s["href"] for s in result["sources"]), answers
            for reason in result["reasons"]:
                assert reason["sources"], (answers, reason["text"])
