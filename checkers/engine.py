"""Evaluate a checker's rules (model.RuleSet) against answers. JSON types in, JSON types out.

- a question is shown when its `toon_als` condition holds for the answers so far;
- every rule whose `als` condition holds contributes its reason and sources;
- the verdict is the most serious one among those rules (the order of the rule set's outcomes),
  or the default outcome when no rule applies;
- texts are filled in for the evaluation date: {maximale_waarde} becomes '€ 50'.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .amounts import AmountError, parse_amount
from .dates import evaluation_date
from .model import Question, Rule, RuleSet

MAX_TEXT = 200


def _validate(question: Question, raw: Any) -> Any:
    """The answer as a value, or raise ValueError with a Dutch message."""
    if question.kind == "bedrag":
        try:
            return parse_amount(raw)
        except AmountError as error:
            raise ValueError(str(error)) from None
    if not isinstance(raw, str) or len(raw) > MAX_TEXT or raw not in {o.value for o in question.options}:
        raise ValueError("Kies een van de mogelijkheden.")
    return raw


def read_answers(rules: RuleSet, answers: Any, today: dt.date) -> tuple[list[str], dict[str, Any], dict[str, str]]:
    """Walk the questions in order: which are shown, their valid values, and Dutch errors.
    Answers to questions that are not shown are ignored (the page sends every answer it holds)."""
    if not isinstance(answers, dict):
        answers = {}
    visible: list[str] = []
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    pending: set[str] = set()
    for question in rules.questions:
        if question.show_if and not question.show_if.holds(values, pending, rules, today):
            continue
        visible.append(question.id)
        raw = answers.get(question.id)
        if raw is None or raw == "":
            pending.add(question.id)
            if question.kind == "bedrag" and raw == "":
                errors[question.id] = "Vul een bedrag in, bijvoorbeeld 25 of 49,99."
            continue
        try:
            values[question.id] = _validate(question, raw)
        except ValueError as error:
            errors[question.id] = str(error)
            pending.add(question.id)
    return visible, values, errors


def holds(rule: Rule, values: dict[str, Any], rules: RuleSet, today: dt.date, used: set[str] | None = None) -> bool:
    return bool(rule.condition and rule.condition.holds(values, set(), rules, today, used))


def evaluate(rules: RuleSet, answers: Any, today: dt.date | None = None) -> dict[str, Any]:
    """The outcome for these answers: status 'uitkomst', 'onvolledig' (questions left) or 'ongeldig'."""
    today = today or evaluation_date()
    visible, values, errors = read_answers(rules, answers, today)
    known = {q.id for q in rules.questions}
    unknown = sorted(set(answers) - known) if isinstance(answers, dict) else []
    result: dict[str, Any] = {"checker": rules.checker, "code": rules.code, "visible": visible,
                              "errors": errors, "unknown": unknown}
    missing = [q for q in visible if q not in values and q not in errors]
    if errors or not isinstance(answers, dict):
        return {**result, "status": "ongeldig", "missing": missing,
                "message": "Niet alle antwoorden zijn geldig. Bekijk de meldingen bij de vragen."}
    if missing:
        return {**result, "status": "onvolledig", "missing": missing, "next_question": missing[0]}
    used: set[str] = set()
    applying = [rule for rule in rules.rules if holds(rule, values, rules, today, used)]
    decisive = sorted(applying, key=lambda r: -rules.severity(r.outcome))
    verdict = decisive[0].outcome if decisive else rules.default.outcome
    reasons = [r for r in decisive if r.outcome == verdict] or [rules.default]
    also = [r for r in decisive if r.outcome != verdict]
    sources = list({s.href: s.to_wire() for r in reasons for s in r.sources}.values())
    outcome = rules.outcome(verdict)
    return {
        **result,
        "status": "uitkomst",
        "missing": [],
        "verdict": verdict,
        "verdict_label": rules.fill(outcome.label, today),
        # The outcome's heading says what to do and to whom: the deciding rule's own 'kop', else the label.
        "heading": rules.fill(next((r.heading for r in reasons if r.heading), outcome.label), today),
        "ambiguous": any(r.ambiguous for r in reasons) or verdict == "onduidelijk",
        "explanation": " ".join(rules.fill(r.reason, today) for r in reasons),
        "reasons": [_reason(rules, r, today) for r in reasons],
        "other_reasons": [_reason(rules, r, today) for r in also],
        "next_steps": [rules.fill(step.text, today) for step in outcome.next_steps
                       if step.condition is None or step.condition.holds(values, set(), rules, today)],
        "sources": sources,
        "today": today,
        "limits": limits_used(rules, used, today),
    }


def limits_used(rules: RuleSet, names: set[str], today: dt.date) -> list[dict[str, Any]]:
    """For each limit the answers were compared with: the value that applied, since when and by which text,
    and any later change, with a Dutch sentence for the outcome."""
    used = []
    for name in sorted(names):
        limit = rules.limits[name]
        current = limit.at(today)
        used.append({"name": name, "value": _number(current.value), "from": current.start,
                     "source": current.source.to_wire() if current.source else None,
                     "upcoming": [{"from": v.start, "value": _number(v.value),
                                   "source": v.source.to_wire() if v.source else None} for v in limit.later(today)],
                     "text": rules.limit_text(name, today)})
    return used


def _number(value: Decimal) -> int | float:
    """A limit as a JSON number, as the outcome has always given it (50, 49.99)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _reason(rules: RuleSet, rule: Rule, today: dt.date) -> dict[str, Any]:
    return {"text": rules.fill(rule.reason, today), "verdict": rule.outcome,
            "sources": [s.to_wire() for s in rule.sources]}


SCHEMA_VERSION = 2


def schema(rules: RuleSet, today: dt.date | None = None) -> dict[str, Any]:
    """What the form shows, in English keys (the page reads no editor key): the questions with their
    options, and the possible outcomes most serious first. Texts filled in for `today`."""
    today = today or evaluation_date()
    return {
        "version": SCHEMA_VERSION,
        "checker": rules.checker,
        "code": rules.code,
        "title": rules.fill(rules.title, today),
        "intro": rules.fill(rules.intro, today),
        "questions": [{"id": q.id, "text": rules.fill(q.text, today), "hint": rules.fill(q.hint, today),
                       "kind": {"bedrag": "amount", "janee": "choice", "keuze": "choice"}[q.kind],
                       "options": [{"value": o.value, "text": rules.fill(o.text, today)} for o in q.options]}
                      for q in rules.questions],
        "verdicts": {o.key: rules.fill(o.label, today) for o in rules.outcomes},
        "visible": read_answers(rules, {}, today)[0],     # shown before any answer (and before Python runs)
    }
