"""Codewijzer's checkers: pure Python (standard library only), the same in CPython and Pyodide.

The public API is JSON types in, JSON types out:

    evaluate(checker, rules, answers) -> outcome
    schema(checker, rules) -> questions and verdicts
    evaluate_json(request) -> outcome as a JSON string (the one call the browser's worker makes)

`rules` is the resolved rule data of one organisation (checkers.rules.load_rules).
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from . import engine, geschenken, meldroute, nevenwerkzaamheden, relaties

CHECKERS = {
    "geschenken": geschenken.VERDICTS,
    "relaties": relaties.VERDICTS,
    "nevenwerkzaamheden": nevenwerkzaamheden.VERDICTS,
    "meldroute": meldroute.VERDICTS,
}
TITLES = {
    "geschenken": "Mag ik dit geschenk of deze uitnodiging aannemen?",
    "relaties": "Moet ik deze relatie melden, en bij wie?",
    "nevenwerkzaamheden": "Moet ik deze nevenwerkzaamheid of dit belang melden?",
    "meldroute": "Waar kan ik terecht?",
}


def evaluate(checker: str, rules: dict[str, Any], answers: Any, today: dt.date | None = None) -> dict[str, Any]:
    return engine.evaluate(CHECKERS[checker], rules, answers, today)


def schema(checker: str, rules: dict[str, Any]) -> dict[str, Any]:
    return engine.schema(CHECKERS[checker], rules)


def to_json(value: Any) -> str:
    def default(obj: Any) -> Any:
        if isinstance(obj, Decimal):
            return str(obj)
        if isinstance(obj, dt.date):
            return obj.isoformat()
        raise TypeError(type(obj).__name__)
    return json.dumps(value, ensure_ascii=False, default=default)


_rules_by_key: dict[str, dict[str, Any]] = {}


def evaluate_json(request: str) -> str:
    """{'checker', 'rules' or 'rules_key', 'answers', 'today'?: 'YYYY-MM-DD'} -> outcome JSON.

    The page sends a checker's rules once with a `rules_key`, then only the key: parsing the rules
    on every answer would cost more than evaluating them.
    Never raises: a malformed request yields status 'fout' with a Dutch message.
    """
    try:
        data = json.loads(request)
        today = dt.date.fromisoformat(data["today"]) if data.get("today") else None
        if "rules" in data and data.get("rules_key"):
            _rules_by_key[data["rules_key"]] = data["rules"]
        rules = data["rules"] if "rules" in data else _rules_by_key[data["rules_key"]]
        return to_json(evaluate(data["checker"], rules, data.get("answers"), today))
    except Exception:   # the page must always get an answer it can show
        return to_json({"status": "fout", "message": "Er ging iets mis bij het uitrekenen. Probeer het opnieuw "
                                                     "of lees de regels hieronder."})
