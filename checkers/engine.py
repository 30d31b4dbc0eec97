"""Evaluate a checker's rule data against answers. JSON types in, JSON types out.

Rule data (see rules.py) holds the questions, dated limits, rules and wording of one
organisation's checker; this module only knows how to apply them:

- a question is shown when its `toon_als` condition holds for the answers so far;
- every rule whose `als` condition holds contributes its reason and sources;
- the verdict is the most serious one among those rules (the checker module orders them),
  or the `standaard` outcome when no rule applies.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .amounts import AmountError, dutch_amount, parse_amount
from .dutch_dates import dutch_date

OPERATORS = {
    "meer_dan": lambda a, b: a > b,
    "minder_dan": lambda a, b: a < b,
    "gelijk_aan": lambda a, b: a == b,
    "minstens": lambda a, b: a >= b,
    "hoogstens": lambda a, b: a <= b,
}
YES_NO = ("ja", "nee")
MAX_TEXT = 200


def entry_start(entry: dict[str, Any]) -> dt.date:
    """When a limit's entry starts to hold: a TOML date, an ISO string (rules sent as JSON), or no
    `vanaf` at all for the value the code has held from the start (its date is not known)."""
    start = entry.get("vanaf")
    if start is None:
        return dt.date.min
    return start if isinstance(start, dt.date) else dt.date.fromisoformat(start)


def limit_entry(rules: dict[str, Any], name: str, today: dt.date) -> dict[str, Any]:
    """The entry of a dated limit that holds on `today`: the latest one whose `vanaf` is not after today
    (before the first date, the earliest entry)."""
    entries = sorted(rules["grenzen"][name], key=entry_start)
    valid = [e for e in entries if entry_start(e) <= today] or entries[:1]
    return valid[-1]


def limit(rules: dict[str, Any], name: str, today: dt.date) -> Decimal:
    """The value of a dated limit on `today`."""
    return Decimal(str(limit_entry(rules, name, today)["waarde"]))


def limits_used(rules: dict[str, Any], names: set[str], today: dt.date) -> list[dict[str, Any]]:
    """For each limit the answers were compared with: the version that applied and any later change,
    with a Dutch sentence for the outcome ("volgens de regel die geldt vanaf 1 januari 2027")."""
    used = []
    for name in sorted(names):
        entry = limit_entry(rules, name, today)
        label = name.replace("_", " ")
        start = entry_start(entry)
        since = f"volgens de regel die geldt vanaf {dutch_date(start)}" if start != dt.date.min \
            else "volgens de regel zoals die in de code staat"
        text = f"Uitgerekend {since}: {label} € {dutch_amount(entry['waarde'])}."
        later = sorted((e for e in rules["grenzen"][name] if entry_start(e) > today), key=entry_start)
        text += "".join(f" Vanaf {dutch_date(entry_start(e))} geldt een nieuwe regel: {label} € {dutch_amount(e['waarde'])}."
                        for e in later)
        used.append({"name": name, "value": entry["waarde"], "from": None if start == dt.date.min else start,
                     "upcoming": [{"from": entry_start(e), "value": e["waarde"]} for e in later], "text": text})
    return used


def holds(condition: dict[str, Any], values: dict[str, Any], rules: dict[str, Any], today: dt.date,
          used: set[str] | None = None) -> bool:
    """Whether every clause of a condition holds for the (validated) answer values.
    The names of the limits an answer was compared with are added to `used`."""
    for question, expected in condition.items():
        if question not in values:
            return False
        actual = values[question]
        if isinstance(expected, list):
            if actual not in expected:
                return False
        elif isinstance(expected, dict):
            for operator, operand in expected.items():
                if isinstance(operand, str) and used is not None and isinstance(actual, Decimal):
                    used.add(operand)
                bound = limit(rules, operand, today) if isinstance(operand, str) else Decimal(str(operand))
                if not isinstance(actual, Decimal) or not OPERATORS[operator](actual, bound):
                    return False
        elif actual != expected:
            return False
    return True


def _validate(question: dict[str, Any], raw: Any) -> Any:
    """The answer as a value, or raise ValueError with a Dutch message."""
    kind = question["type"]
    if kind == "bedrag":
        try:
            return parse_amount(raw)
        except AmountError as error:
            raise ValueError(str(error)) from None
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise ValueError("Kies een van de mogelijkheden.")
    allowed = YES_NO if kind == "janee" else [o["waarde"] for o in question["opties"]]
    if raw not in allowed:
        raise ValueError("Kies een van de mogelijkheden.")
    return raw


def read_answers(rules: dict[str, Any], answers: Any, today: dt.date) -> tuple[list[str], dict[str, Any], dict[str, str]]:
    """Walk the questions in order: which are shown, their valid values, and Dutch errors."""
    if not isinstance(answers, dict):
        answers = {}
    visible, values, errors = [], {}, {}
    for question in rules["vragen"]:
        qid = question["id"]
        if "toon_als" in question and not holds(question["toon_als"], values, rules, today):
            continue
        visible.append(qid)
        if qid not in answers or answers[qid] in (None, ""):
            if question["type"] == "bedrag" and answers.get(qid) == "":
                errors[qid] = "Vul een bedrag in, bijvoorbeeld 25 of 49,99."
            continue
        try:
            values[qid] = _validate(question, answers[qid])
        except ValueError as error:
            errors[qid] = str(error)
    return visible, values, errors


def evaluate(verdicts: dict[str, str], rules: dict[str, Any], answers: Any,
             today: dt.date | None = None) -> dict[str, Any]:
    """The outcome for these answers: status 'uitkomst', 'onvolledig' (questions left) or 'ongeldig'."""
    today = today or dt.date.today()
    visible, values, errors = read_answers(rules, answers, today)
    unknown = sorted(set(answers) - {q["id"] for q in rules["vragen"]}) if isinstance(answers, dict) else []
    result: dict[str, Any] = {"checker": rules["check"], "code": rules["code"], "visible": visible,
                              "errors": errors, "unknown": unknown}
    missing = [q for q in visible if q not in values and q not in errors]
    if errors or not isinstance(answers, dict):
        return {**result, "status": "ongeldig", "missing": missing,
                "message": "Niet alle antwoorden zijn geldig. Bekijk de meldingen bij de vragen."}
    if missing:
        return {**result, "status": "onvolledig", "missing": missing, "next_question": missing[0]}
    used: set[str] = set()
    applying = [rule for rule in rules["regels"] if holds(rule["als"], values, rules, today, used)]
    order = list(verdicts)
    decisive = sorted(applying, key=lambda r: order.index(r["uitkomst"]))
    verdict = decisive[0]["uitkomst"] if decisive else rules["standaard"]["uitkomst"]
    reasons = [r for r in decisive if r["uitkomst"] == verdict] or [rules["standaard"]]
    also = [r for r in decisive if r["uitkomst"] != verdict]
    sources = list({s["href"]: s for r in reasons for s in r["bron"]}.values())
    return {
        **result,
        "status": "uitkomst",
        "missing": [],
        "verdict": verdict,
        "verdict_label": rules.get("uitkomsten", {}).get(verdict, verdicts[verdict]),
        "ambiguous": any(r.get("onduidelijk", False) for r in reasons) or verdict == "onduidelijk",
        "explanation": " ".join(r["reden"] for r in reasons),
        "reasons": [_reason(r) for r in reasons],
        "other_reasons": [_reason(r) for r in also],
        "next_steps": rules.get("vervolg", {}).get(verdict, []),
        "sources": sources,
        "today": today,
        "limits": limits_used(rules, used, today),
    }


def _reason(rule: dict[str, Any]) -> dict[str, Any]:
    return {"text": rule["reden"], "verdict": rule["uitkomst"], "sources": rule["bron"]}


def schema(verdicts: dict[str, str], rules: dict[str, Any]) -> dict[str, Any]:
    """The questions and possible verdicts, as the form and the command line show them."""
    return {
        "checker": rules["check"],
        "code": rules["code"],
        "title": rules["titel"],
        "intro": rules.get("inleiding", ""),
        "questions": [{k: v for k, v in q.items()} for q in rules["vragen"]],
        "verdicts": {v: rules.get("uitkomsten", {}).get(v, label) for v, label in verdicts.items()},
    }
