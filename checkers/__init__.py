"""Codewijzer's checkers: pure Python (standard library only), the same in CPython and Pyodide.

The public API:

    evaluate(checker, rules, answers, today=None) -> outcome (JSON types)
    schema(checker, rules, today=None) -> questions and verdicts for the form (JSON types)
    evaluate_json(request) -> outcome as a JSON string (the one call the browser's worker makes)

`rules` is the parsed rule set of one organisation's checker (checkers.rules.load_rules, a
model.RuleSet). `today` defaults to the evaluation date (checkers.dates: CODEWIJZER_DATUM or today).
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from . import contacts, engine, geschenken, meldroute, nevenwerkzaamheden, relaties
from .model import RuleSet

# Each checker's standard vocabulary of verdicts, most serious first. Titles live in the rule files.
CHECKERS = {
    "geschenken": geschenken.VERDICTS,
    "relaties": relaties.VERDICTS,
    "nevenwerkzaamheden": nevenwerkzaamheden.VERDICTS,
    "meldroute": meldroute.VERDICTS,
}


def evaluate(checker: str, rules: RuleSet, answers: Any, today: dt.date | None = None) -> dict[str, Any]:
    if rules.checker != checker:
        raise ValueError(f"rules of {rules.checker}, not {checker}")
    return engine.evaluate(rules, answers, today)


def schema(checker: str, rules: RuleSet, today: dt.date | None = None) -> dict[str, Any]:
    if rules.checker != checker:
        raise ValueError(f"rules of {rules.checker}, not {checker}")
    return engine.schema(rules, today)


def to_json(value: Any) -> str:
    def default(obj: Any) -> Any:
        if isinstance(obj, Decimal):
            return str(obj)
        if isinstance(obj, dt.date):
            return obj.isoformat()
        raise TypeError(type(obj).__name__)
    if isinstance(value, RuleSet):      # a NamedTuple would otherwise be written as a plain JSON array
        value = value.to_wire()
    return json.dumps(value, ensure_ascii=False, default=default)


_rules_by_key: dict[str, RuleSet] = {}
_context_by_key: dict[str, dict[str, Any]] = {}


def evaluate_json(request: str) -> str:
    """{'checker', 'rules' (RuleSet.to_wire()) and 'context'? or 'rules_key', 'answers', 'today'?: 'YYYY-MM-DD'}
    -> outcome JSON.

    The page sends a checker's rules once with a `rules_key`, then only the key: parsing the rules
    on every answer would cost more than evaluating them.
    Never raises: a malformed request yields status 'fout' with a Dutch message.
    """
    try:
        data = json.loads(request)
        today = dt.date.fromisoformat(data["today"]) if data.get("today") else None
        if "rules" in data:
            rules = RuleSet.from_wire(data["rules"])
            context = data.get("context")
            if data.get("rules_key"):
                _rules_by_key[data["rules_key"]] = rules
                _context_by_key[data["rules_key"]] = context
        else:
            rules = _rules_by_key[data["rules_key"]]
            context = _context_by_key.get(data["rules_key"])
        # The organisation's context (contact points, glossary) travels with the rules: Python picks the
        # contacts and abbreviations the outcome names (contacts.with_context).
        return to_json(contacts.with_context(evaluate(data["checker"], rules, data.get("answers"), today), context))
    except Exception:   # the page must always get an answer it can show
        return to_json({"status": "fout", "message": "Er ging iets mis bij het uitrekenen. Probeer het opnieuw "
                                                     "of lees de regels hieronder."})
