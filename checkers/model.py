"""The typed rule model: one organisation's checker, parsed once from its rule file (rules.py).

Immutable typed records (typing.NamedTuple: frozen, compared by value, and much lighter to import
and create than dataclasses, which pull inspect, ast and dis into Pyodide's start-up and snapshot)
with English names; the Dutch editor keys live only in rules.py (parsing the
TOML) and in the wire format below (`to_wire` / `from_wire`), which is what the page hands to the
worker. Engine, schema, command line, the no-JavaScript rules list and the browser form all read
this model, never the raw TOML.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, NamedTuple, Union

from .amounts import dutch_amount
from .dutch_dates import dutch_date

YES_NO_TEXT = (("ja", "Ja"), ("nee", "Nee"))
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class Source(NamedTuple):
    href: str        # site-relative link: 'gemeente-utrecht/geschenken/#afspraak-2-5a'
    label: str
    doc: str         # Markdown path: 'gemeente-utrecht/geschenken.md'
    anchor: str

    def to_wire(self) -> dict[str, str]:
        return {"href": self.href, "label": self.label, "doc": self.doc, "anchor": self.anchor}

    @classmethod
    def from_wire(cls, data: dict[str, str]) -> Source:
        return cls(data["href"], data["label"], data["doc"], data["anchor"])


class LimitValue(NamedTuple):
    value: Decimal
    start: dt.date | None          # None: the value the code has held from the start (date unknown)
    source: Source | None

    @property
    def starts(self) -> dt.date:
        return self.start or dt.date.min

    def to_wire(self) -> dict[str, Any]:
        return {"value": str(self.value), "from": self.start.isoformat() if self.start else None,
                "source": self.source.to_wire() if self.source else None}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> LimitValue:
        return cls(Decimal(data["value"]), dt.date.fromisoformat(data["from"]) if data["from"] else None,
                   Source.from_wire(data["source"]) if data["source"] else None)


class Limit(NamedTuple):
    name: str
    values: tuple[LimitValue, ...]      # sorted by start

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")

    def at(self, day: dt.date) -> LimitValue:
        """The value that holds on `day`: the latest whose start is not after it (before the first date,
        the earliest value)."""
        valid = [v for v in self.values if v.starts <= day] or list(self.values[:1])
        return valid[-1]

    def later(self, day: dt.date) -> tuple[LimitValue, ...]:
        """Changes announced after `day`."""
        return tuple(v for v in self.values if v.starts > day)

    def to_wire(self) -> dict[str, Any]:
        return {"name": self.name, "values": [v.to_wire() for v in self.values]}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Limit:
        return cls(data["name"], tuple(LimitValue.from_wire(v) for v in data["values"]))


class Option(NamedTuple):
    value: str
    text: str


class Question(NamedTuple):
    id: str
    text: str
    kind: str                          # keuze | janee | bedrag
    hint: str = ""
    options: tuple[Option, ...] = ()   # for janee: ja / nee
    show_if: Condition | None = None
    risk: tuple[str, ...] = ()         # answers that add risk; for an amount: ("hoger",)

    def to_wire(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "kind": self.kind, "hint": self.hint,
                "options": [[o.value, o.text] for o in self.options],
                "show_if": self.show_if.to_wire() if self.show_if else None, "risk": list(self.risk)}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Question:
        return cls(data["id"], data["text"], data["kind"], data["hint"], tuple(Option(v, t) for v, t in data["options"]),
                   condition_from_wire(data["show_if"]) if data["show_if"] else None, tuple(data["risk"]))


# --- Conditions -------------------------------------------------------------------------------
# Three-valued: True, False, or None when a question it needs is shown but not answered yet.

class Operand(NamedTuple):
    """What an amount is compared with: a number, a limit, another amount answer, or a sum of them."""
    number: Decimal | None = None
    limit: str | None = None
    answers: tuple[str, ...] = ()      # one: that answer; more: their sum

    def to_wire(self) -> dict[str, Any]:
        return {"number": None if self.number is None else str(self.number), "limit": self.limit,
                "answers": list(self.answers)}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Operand:
        return cls(None if data["number"] is None else Decimal(data["number"]), data["limit"], tuple(data["answers"]))


# Every condition has holds(values, pending, rules, day, used) -> True | False | None, questions() and
# to_wire().

class AnswerIs(NamedTuple):
    question: str
    values: tuple[str, ...]

    def holds(self, values, pending, rules, day, used=None):
        if self.question in pending:
            return None
        return values.get(self.question) in self.values

    def questions(self):
        return {self.question}

    def to_wire(self):
        return {"is": [self.question, list(self.values)]}


OPERATORS = {
    "meer_dan": lambda a, b: a > b,
    "minder_dan": lambda a, b: a < b,
    "gelijk_aan": lambda a, b: a == b,
    "minstens": lambda a, b: a >= b,
    "hoogstens": lambda a, b: a <= b,
}


class Compare(NamedTuple):
    answers: tuple[str, ...]       # one amount answer, or several summed
    operator: str                  # a key of OPERATORS
    operand: Operand

    def holds(self, values, pending, rules, day, used=None):
        needed = set(self.answers) | set(self.operand.answers)
        if needed & pending:
            return None
        if not all(isinstance(values.get(q), Decimal) for q in needed):
            return False
        left = sum((values[q] for q in self.answers), Decimal(0))
        if self.operand.limit:
            if used is not None:
                used.add(self.operand.limit)
            right = rules.limits[self.operand.limit].at(day).value
        elif self.operand.answers:
            right = sum((values[q] for q in self.operand.answers), Decimal(0))
        else:
            right = self.operand.number
        return OPERATORS[self.operator](left, right)

    def questions(self):
        return set(self.answers) | set(self.operand.answers)

    def to_wire(self):
        return {"compare": [list(self.answers), self.operator, self.operand.to_wire()]}


class AllOf(NamedTuple):
    parts: tuple[Condition, ...]

    def holds(self, values, pending, rules, day, used=None):
        results = [p.holds(values, pending, rules, day, used) for p in self.parts]
        return False if False in results else None if None in results else True

    def questions(self):
        return set().union(*(p.questions() for p in self.parts))

    def to_wire(self):
        return {"all": [p.to_wire() for p in self.parts]}


class AnyOf(NamedTuple):
    parts: tuple[Condition, ...]

    def holds(self, values, pending, rules, day, used=None):
        results = [p.holds(values, pending, rules, day, used) for p in self.parts]
        return True if True in results else None if None in results else False

    def questions(self):
        return set().union(*(p.questions() for p in self.parts))

    def to_wire(self):
        return {"any": [p.to_wire() for p in self.parts]}


class Not(NamedTuple):
    part: Condition

    def holds(self, values, pending, rules, day, used=None):
        result = self.part.holds(values, pending, rules, day, used)
        return None if result is None else not result

    def questions(self):
        return self.part.questions()

    def to_wire(self):
        return {"not": self.part.to_wire()}


Condition = Union[AnswerIs, Compare, AllOf, AnyOf, Not]


def condition_from_wire(data: dict[str, Any]) -> Condition:
    [(kind, body)] = data.items()
    if kind == "is":
        return AnswerIs(body[0], tuple(body[1]))
    if kind == "compare":
        return Compare(tuple(body[0]), body[1], Operand.from_wire(body[2]))
    if kind == "all":
        return AllOf(tuple(condition_from_wire(p) for p in body))
    if kind == "any":
        return AnyOf(tuple(condition_from_wire(p) for p in body))
    if kind == "not":
        return Not(condition_from_wire(body))
    raise ValueError(kind)


# --- Outcomes and rules ------------------------------------------------------------------------

class NextStep(NamedTuple):
    """A next step of an outcome, shown only when its condition holds for the answers (if it has one):
    no CvB procedure for someone who said they are not in the CvB."""
    text: str
    condition: Condition | None = None

    def to_wire(self) -> Any:
        return [self.text, self.condition.to_wire() if self.condition else None]

    @classmethod
    def from_wire(cls, data: Any) -> NextStep:
        return cls(data[0], condition_from_wire(data[1]) if data[1] else None)


class Outcome(NamedTuple):
    key: str
    label: str
    next_steps: tuple[NextStep, ...] = ()
    own: bool = False                  # defined by the organisation's rule file, not the checker's vocabulary

    def to_wire(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "next_steps": [s.to_wire() for s in self.next_steps],
                "own": self.own}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Outcome:
        return cls(data["key"], data["label"], tuple(NextStep.from_wire(s) for s in data["next_steps"]), data["own"])


class Rule(NamedTuple):
    condition: Condition | None        # None for the default rule
    outcome: str
    reason: str
    sources: tuple[Source, ...]
    ambiguous: bool = False
    heading: str = ""                  # what to do and to whom, when it says more than the outcome's label

    def to_wire(self) -> dict[str, Any]:
        return {"if": self.condition.to_wire() if self.condition else None, "outcome": self.outcome,
                "reason": self.reason, "sources": [s.to_wire() for s in self.sources], "ambiguous": self.ambiguous,
                "heading": self.heading}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Rule:
        return cls(condition_from_wire(data["if"]) if data["if"] else None, data["outcome"], data["reason"],
                   tuple(Source.from_wire(s) for s in data["sources"]), data["ambiguous"], data.get("heading", ""))


WIRE_VERSION = 3


class RuleSet(NamedTuple):
    checker: str
    code: str
    title: str
    intro: str
    page: str                          # as written: '../geschenken.md'
    page_url: str                      # 'gemeente-utrecht/geschenken/'
    limits: dict[str, Limit]
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    default: Rule
    outcomes: tuple[Outcome, ...]      # most serious first

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)

    def outcome(self, key: str) -> Outcome:
        return next(o for o in self.outcomes if o.key == key)

    def severity(self, key: str) -> int:
        """Higher is more serious."""
        return len(self.outcomes) - next(n for n, o in enumerate(self.outcomes) if o.key == key)

    def fill(self, text: str, day: dt.date) -> str:
        """Placeholders such as {maximale_waarde} as the amount that holds on `day`: '€ 50', '€ 49,99'."""
        def amount(match: re.Match) -> str:
            limit = self.limits.get(match.group(1))
            return f"€ {dutch_amount(limit.at(day).value)}" if limit else match.group(0)
        return PLACEHOLDER.sub(amount, text)

    def announced_days(self, day: dt.date) -> list[dt.date]:
        """The days after `day` on which an announced limit value takes effect."""
        return sorted({value.starts for limit in self.limits.values() for value in limit.later(day)})

    def limit_text(self, name: str, day: dt.date) -> str:
        """How a limit was applied, for the outcome: value, since when, by which text, and later changes."""
        limit = self.limits[name]
        current = limit.at(day)
        text = f"Uitgerekend met {limit.label} € {dutch_amount(current.value)}"
        if current.start:
            text += f": geldt vanaf {dutch_date(current.start)}"
        else:
            text += ": zoals die in de code staat"
        text += f", volgens {current.source.label}." if current.source else "."
        for change in limit.later(day):
            text += f" Vanaf {dutch_date(change.starts)} geldt {limit.label} € {dutch_amount(change.value)}"
            text += f", volgens {change.source.label}." if change.source else "."
        return text

    def to_wire(self) -> dict[str, Any]:
        """The explicit JSON form the page hands to the worker (from_wire reads it back)."""
        return {"version": WIRE_VERSION, "checker": self.checker, "code": self.code, "title": self.title,
                "intro": self.intro, "page": self.page, "page_url": self.page_url,
                "limits": [limit.to_wire() for limit in self.limits.values()],
                "questions": [q.to_wire() for q in self.questions], "rules": [r.to_wire() for r in self.rules],
                "default": self.default.to_wire(), "outcomes": [o.to_wire() for o in self.outcomes]}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> RuleSet:
        if data.get("version") != WIRE_VERSION:
            raise ValueError("rule data of another version")
        return cls(data["checker"], data["code"], data["title"], data["intro"], data["page"], data["page_url"],
                   {d["name"]: Limit.from_wire(d) for d in data["limits"]},
                   tuple(Question.from_wire(q) for q in data["questions"]),
                   tuple(Rule.from_wire(r) for r in data["rules"]), Rule.from_wire(data["default"]),
                   tuple(Outcome.from_wire(o) for o in data["outcomes"]))
