"""Load, check and parse a checker's rule data, `docs/<organisatie>/regels/<check>.toml`, into the
typed model (model.py).

TOML, because it is in the standard library (tomllib) of both CPython and Pyodide, allows
comments for editors, and has real dates for limits that hold from a given day.
Every problem in a file is reported at once (RuleErrors), each in Dutch with the key it is about.
Sources (`bron`) are resolved here from Markdown paths to links into the site.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from .model import (OPERATORS, PLACEHOLDER, YES_NO_TEXT, AllOf, AnswerIs, AnyOf, Compare, Condition, Limit, NextStep,
                    LimitValue, Not, Operand, Option, Outcome, Question, Rule, RuleSet, Source)

QUESTION_TYPES = {"keuze", "janee", "bedrag"}
TOP_KEYS = {"check", "titel", "inleiding", "pagina", "grenzen", "vragen", "regels", "standaard", "vervolg",
            "uitkomsten"}
QUESTION_KEYS = {"id", "vraag", "hulp", "type", "opties", "toon_als", "risico"}
RULE_KEYS = {"als", "uitkomst", "reden", "bron", "onduidelijk", "kop"}
CONDITION_WORDS = {"of", "niet", "som"}          # reserved in a condition; never a question id
# An amount written in a text: '50 euro', '€ 50', '€50,-', 'EUR 49,99'.
AMOUNT_IN_TEXT = re.compile(r"(?:€|\bEUR\b)\s*(\d[\d.]*(?:,\d{1,2})?)|\b(\d[\d.]*(?:,\d{1,2})?)\s*(?:euro\b|€)",
                            re.I)


class RuleError(ValueError):
    """A Dutch message for the editor: the rule file, the key, what to do."""

    def __init__(self, path: str, message: str, key: str | None = None, line: int | None = None):
        self.path, self.key, self.message, self.line = path, key, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}{f' [{key}]' if key else ''}: {message}")


class RuleErrors(RuleError):
    """Every problem of one rule file; behaves as its first problem for callers that want one."""

    def __init__(self, errors: list[RuleError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.message, first.key, first.line)
        self.args = ("\n".join(str(e) for e in errors),)


def rule_files(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.glob("*/regels/*.toml"))


def load_rules(docs_dir: Path, code: str, checker: str, verdicts: dict[str, str]) -> RuleSet:
    path = docs_dir / code / "regels" / f"{checker}.toml"
    if not path.is_file():
        raise RuleError(f"{code}/regels/{checker}.toml", f"de organisatie '{code}' heeft geen check '{checker}'.")
    return parse_rules(path.relative_to(docs_dir).as_posix(), path.read_text(encoding="utf-8"), verdicts)


# Usual slips in TOML, recognised on the line tomllib stops at, with the Dutch fix.
TOML_HINTS = [
    (re.compile(r"=\s*-?\d+,\d"), "Een bedrag schrijf je met een punt voor de centen, zonder aanhalingstekens: "
                                  "waarde = 49.99 (niet 49,99)."),
    (re.compile(r"=\s*\d{1,2}[-/]\d{1,2}[-/]\d{4}"), "Een datum schrijf je als jaar-maand-dag zonder "
                                                     "aanhalingstekens: vanaf = 2027-01-01."),
    (re.compile(r"=\s*\d{1,2}\s+[a-z]+\s+\d{4}", re.I), "Een datum schrijf je als jaar-maand-dag zonder "
                                                         "aanhalingstekens: vanaf = 2027-01-01."),
    (re.compile(r"=\s*[A-Za-zÀ-ÿ]"), "Zet tekst tussen aanhalingstekens: reden = \"Geld neem je nooit aan.\""),
]


def toml_error(rel_path: str, text: str, error: tomllib.TOMLDecodeError) -> RuleError:
    position = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", str(error))
    line = int(position.group(1)) if position and position.group(1) else \
        (text.count("\n") + 1 if position else None)
    problem = str(error)[:position.start()].strip() if position else str(error)
    source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    if problem.startswith("Cannot overwrite a value") or problem.startswith("Cannot declare"):
        return RuleError(rel_path, "deze sleutel staat er twee keer. Elke sleutel mag maar één keer voorkomen "
                                   "in een blok; haal een van de twee weg.", line=line)
    hint = next((h for pattern, h in TOML_HINTS if pattern.search(source_line)), None)
    return RuleError(rel_path, f"het bestand is geen geldige TOML ({problem}). "
                     + (hint or "Controleer op deze regel aanhalingstekens, vierkante haken en '=' tekens."), line=line)


def parse_rules(rel_path: str, text: str, verdicts: dict[str, str]) -> RuleSet:
    """Parse and check one rule file. Raises RuleErrors with every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleErrors([toml_error(rel_path, text, error)]) from None
    return _Parser(rel_path, verdicts).parse(data)


def doc_to_url(doc: str) -> str:
    """'gemeente-utrecht/geschenken.md' -> 'gemeente-utrecht/geschenken/' (MkDocs directory URLs)."""
    page = doc.removesuffix(".md")
    return page.removesuffix("index") if page.endswith("index") else page + "/"


def _label_for(anchor: str) -> str | None:
    match = re.fullmatch(r"(afspraak|artikel)-([a-z0-9-]+)", anchor)
    if not match:
        return None
    return f"{match.group(1).capitalize()} {match.group(2).replace('-', '.')}"


def amounts_in(text: str) -> set[Decimal]:
    """The amounts a text names literally ('meer dan 50 euro' -> {50})."""
    found = set()
    for match in AMOUNT_IN_TEXT.finditer(text):
        digits = (match.group(1) or match.group(2)).rstrip(".")
        try:
            found.add(Decimal(digits.replace(".", "").replace(",", ".")))
        except ArithmeticError:
            continue
    return found


class _Skip(Exception):
    """This part is too broken to check further; its problem is already recorded."""


class _Parser:
    def __init__(self, path: str, verdicts: dict[str, str]):
        self.path, self.verdicts = path, verdicts
        self.base = posixpath.dirname(path)
        self.errors: list[RuleError] = []
        self.limits: dict[str, Limit] = {}
        self.questions: dict[str, Question] = {}

    def fail(self, message: str, key: str | None = None) -> None:
        self.errors.append(RuleError(self.path, message, key))

    def skip(self, message: str, key: str | None = None):
        self.fail(message, key)
        raise _Skip

    def parse(self, data: dict[str, Any]) -> RuleSet:
        code, _, name = self.path.split("/", 2)
        checker = name.removesuffix(".toml")
        for key in data:
            if key not in TOP_KEYS:
                self.fail(f"onbekende sleutel '{key}'. Toegestaan: {', '.join(sorted(TOP_KEYS))}.", key)
        if data.get("check") != checker:
            self.fail(f"'check' moet \"{checker}\" zijn, de naam van het bestand.", "check")
        for key in ("titel", "pagina"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                self.fail(f"'{key}' ontbreekt.", key)
        limits = data.get("grenzen", {})
        if isinstance(limits, dict):
            for limit_name, entries in limits.items():
                self._guard(self._limit, limit_name, entries)
        else:
            self.fail("[grenzen] is een tabel met per grens een lijst, zoals maximale_waarde = [ { waarde = 50 } ].",
                      "grenzen")
        outcomes = self._guard(self._outcomes, data.get("uitkomsten") or {}, data.get("vervolg") or {}) or ()
        self.outcome_keys = [o.key for o in outcomes] or list(self.verdicts)     # most serious first
        questions = data.get("vragen")
        if not isinstance(questions, list) or not questions:
            self.fail("er zijn geen [[vragen]].", "vragen")
            questions = []
        for question in questions:
            self._guard(self._question, question)
        outcomes = self._guard(self._step_conditions, outcomes) or ()
        rules = []
        raw_rules = data.get("regels")
        if not isinstance(raw_rules, list) or not raw_rules:
            self.fail("er zijn geen [[regels]].", "regels")
            raw_rules = []
        for number, rule in enumerate(raw_rules, 1):
            rules.append(self._guard(self._rule, rule, f"regels[{number}]", True))
        default = None
        if not isinstance(data.get("standaard"), dict):
            self.fail("[standaard] ontbreekt: de uitkomst als geen regel van toepassing is.", "standaard")
        else:
            default = self._guard(self._rule, data["standaard"], "standaard", False)
        for key in ("titel", "inleiding"):
            if isinstance(data.get(key), str):
                self._check_text(data[key], set(), key)
        if self.errors:
            raise RuleErrors(self.errors)
        return RuleSet(checker=checker, code=code, title=data["titel"], intro=data.get("inleiding", ""),
                       page=data["pagina"],
                       page_url=doc_to_url(posixpath.normpath(posixpath.join(self.base, data["pagina"]))),
                       limits=self.limits, questions=tuple(self.questions.values()), rules=tuple(rules),
                       default=default, outcomes=outcomes)

    def _guard(self, method, *args):
        try:
            return method(*args)
        except _Skip:
            return None
        except (TypeError, AttributeError, KeyError, ValueError):   # a shape the checks did not foresee
            self.fail("dit deel heeft een onverwachte vorm. Vergelijk het met een bestaand regelbestand en met "
                      "checkers/README.md.", None)
            return None

    # --- limits ---

    def _limit(self, name: str, entries: Any) -> None:
        """A limit is a list of values, each from a date (`vanaf`) with its source (`bron`); the value the
        code has held from the start may leave out `vanaf` when the code does not say since when."""
        where = f"grenzen.{name}"
        example = ("[ { waarde = 50, bron = \"../geschenken.md#afspraak-2-5a\" }, "
                   "{ vanaf = 2027-01-01, waarde = 75, bron = \"...\" } ]")
        if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
            self.skip(f"grens '{name}' moet een lijst zijn als {example}.", where)
        values = []
        for entry in entries:
            unknown = set(entry) - {"vanaf", "waarde", "bron"}
            if unknown:
                self.fail(f"grens '{name}': onbekende sleutel '{sorted(unknown)[0]}'. Een waarde heeft alleen "
                          "'vanaf' (datum), 'waarde' (bedrag) en 'bron' (de tekst waarop hij rust).", where)
            amount = entry.get("waarde")
            if not isinstance(amount, (int, float)) or isinstance(amount, bool):
                self.fail(f"grens '{name}': elke waarde heeft een 'waarde', een getal zonder aanhalingstekens "
                          f"(centen met een punt: 49.99), zoals {example}.", where)
                continue
            start = entry.get("vanaf")
            if start is not None and (not isinstance(start, dt.date) or isinstance(start, dt.datetime)):
                self.fail(f"grens '{name}': 'vanaf' moet een datum zijn als 2027-01-01, zonder aanhalingstekens "
                          f"(gevonden: {start!r}).", where)
                continue
            source = None
            if "bron" in entry:
                source = self._source(entry["bron"], where)
            elif start is not None:
                self.fail(f"grens '{name}': de waarde vanaf {start.isoformat()} heeft geen 'bron'. Noem de tekst "
                          "waarin de nieuwe waarde staat, bijvoorbeeld bron = \"../geschenken.md#afspraak-2-5a\".",
                          where)
            values.append(LimitValue(Decimal(str(amount)), start, source))
        starts = [v.start for v in values]
        if starts.count(None) > 1:
            self.fail(f"grens '{name}': alleen de oorspronkelijke waarde mag zonder 'vanaf'; geef elke latere "
                      "wijziging de datum waarop hij ingaat.", where)
        dated = [s for s in starts if s is not None]
        if len(dated) != len(set(dated)):
            self.fail(f"grens '{name}': twee waarden beginnen op dezelfde datum. Laat er één staan.", where)
        self.limits[name] = Limit(name, tuple(sorted(values, key=lambda v: v.starts)))

    # --- sources ---

    def _source(self, source: Any, where: str) -> Source | None:
        if isinstance(source, str):
            source = {"link": source}
        if not isinstance(source, dict) or not isinstance(source.get("link"), str) or "#" not in source["link"]:
            self.fail(f"een bron moet een link naar een alinea zijn, zoals \"../geschenken.md#afspraak-2-5a\" "
                      f"(gevonden: {source!r}).", where if where.startswith("grenzen") else "bron")
            return None
        doc, anchor = source["link"].split("#", 1)
        doc = posixpath.normpath(posixpath.join(self.base, doc))
        label = source.get("tekst") or _label_for(anchor)
        if not label:
            self.fail(f"geef de bron '{source['link']}' een 'tekst', bijvoorbeeld "
                      "{ link = \"...\", tekst = \"Hulp: de vertrouwenspersoon\" }.", "bron")
            return None
        return Source(f"{doc_to_url(doc)}#{anchor}", label, doc, anchor)

    # --- outcomes ---

    def _outcomes(self, labels: Any, steps: Any) -> tuple[Outcome, ...]:
        """The checker's vocabulary, with this code's own labels, and outcomes of the code's own placed by
        `ernstiger_dan` (directly more serious than that outcome) or at the end (least serious)."""
        if not isinstance(labels, dict):
            self.skip("[uitkomsten] is een tabel, zoals advies = \"Vraag eerst advies\".", "uitkomsten")
        if not isinstance(steps, dict):
            self.skip("[vervolg] is een tabel met per uitkomst een lijst stappen.", "vervolg")
        order = list(self.verdicts)
        texts = dict(self.verdicts)
        own_steps: dict[str, list[str]] = {}
        own: set[str] = set()
        for key, value in labels.items():
            if isinstance(value, str):
                if key not in self.verdicts:
                    self.fail(f"[uitkomsten]: onbekende uitkomst '{key}'. Een eigen uitkomst is een tabel "
                              f"[uitkomsten.{key}] met 'tekst' en 'ernstiger_dan'.", "uitkomsten")
                    continue
                texts[key] = value
                continue
            if not isinstance(value, dict) or not isinstance(value.get("tekst"), str) or \
                    set(value) - {"tekst", "ernstiger_dan", "vervolg"}:
                self.fail(f"[uitkomsten.{key}]: een eigen uitkomst heeft 'tekst', 'ernstiger_dan' (een andere "
                          "uitkomst) en eventueel 'vervolg' (een lijst stappen).", "uitkomsten")
                continue
            if not re.fullmatch(r"[a-z][a-z0-9-]*", key):
                self.fail(f"[uitkomsten]: de naam '{key}' mag alleen kleine letters, cijfers en '-' hebben.",
                          "uitkomsten")
                continue
            texts[key] = value["tekst"]
            if key not in self.verdicts:
                own.add(key)
                above = value.get("ernstiger_dan")
                if above not in order:
                    self.fail(f"[uitkomsten.{key}]: 'ernstiger_dan' moet een uitkomst zijn die al bestaat "
                              f"({', '.join(order)}).", "uitkomsten")
                    continue
                order.insert(order.index(above), key)
            if "vervolg" in value:
                own_steps[key] = value["vervolg"]
        all_steps = {**steps, **own_steps}
        for key, list_ in all_steps.items():
            if key not in order or not isinstance(list_, list) or not all(
                    isinstance(s, str) or (isinstance(s, dict) and set(s) == {"tekst", "als"}
                                           and isinstance(s["tekst"], str)) for s in list_):
                self.fail(f"[vervolg]: '{key}' moet een uitkomst zijn ({', '.join(order)}) met een lijst stappen: "
                          "tekst, of { tekst = \"...\", als = { vraag = \"antwoord\" } } voor een stap die alleen "
                          "bij die antwoorden past.", "vervolg")
                all_steps[key] = []
                continue
            for step in list_:
                self._check_text(step if isinstance(step, str) else step["tekst"], set(), "vervolg")
        for key, text in texts.items():
            self._check_text(text, set(), "uitkomsten")
        # Conditions of steps are read once the questions are known (parse: _step_conditions).
        return tuple(Outcome(key, texts[key], tuple(NextStep(s) if isinstance(s, str) else NextStep(s["tekst"], s["als"])
                                                    for s in all_steps.get(key, [])), key in own) for key in order)

    def _step_conditions(self, outcomes: tuple[Outcome, ...]) -> tuple[Outcome, ...]:
        return tuple(o._replace(next_steps=tuple(
            step._replace(condition=self._condition(step.condition, f"vervolg.{o.key}.als"))
            if isinstance(step.condition, dict) else step for step in o.next_steps)) for o in outcomes)

    # --- questions ---

    def _question(self, question: Any) -> None:
        if not isinstance(question, dict):
            self.skip("elke vraag is een blok [[vragen]] met id, vraag en type.", "vragen")
        qid = question.get("id")
        where = f"vragen.{qid}"
        if not isinstance(qid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", qid) or qid in self.questions \
                or qid in CONDITION_WORDS:
            self.skip(f"elke vraag heeft een uniek 'id' van kleine letters, niet 'of', 'niet' of 'som' "
                      f"(gevonden: {qid!r}).", "vragen.id")
        for key in set(question) - QUESTION_KEYS:
            self.fail(f"onbekende sleutel '{key}' bij een vraag. Toegestaan: {', '.join(sorted(QUESTION_KEYS))}.",
                      where)
        text = question.get("vraag")
        if not isinstance(text, str):
            self.fail("de vraag heeft geen tekst ('vraag').", where)
            text = ""
        kind = question.get("type")
        if kind not in QUESTION_TYPES:
            self.skip(f"'type' moet een van {sorted(QUESTION_TYPES)} zijn.", where)
        options: tuple[Option, ...] = ()
        if kind == "keuze":
            raw = question.get("opties")
            if not isinstance(raw, list) or len(raw) < 2 or not all(
                    isinstance(o, dict) and isinstance(o.get("waarde"), str) and isinstance(o.get("tekst"), str)
                    for o in raw):
                self.skip("een keuzevraag heeft minstens twee [[vragen.opties]] met 'waarde' en 'tekst'.", where)
            options = tuple(Option(o["waarde"], o["tekst"]) for o in raw)
        elif kind == "janee":
            options = tuple(Option(v, t) for v, t in YES_NO_TEXT)
        show_if = None
        if "toon_als" in question:
            show_if = self._condition(question["toon_als"], f"{where}.toon_als")
        risk = question.get("risico", [])
        risk = (risk,) if isinstance(risk, str) else tuple(risk) if isinstance(risk, list) else None
        allowed = ("hoger",) if kind == "bedrag" else tuple(o.value for o in options)
        if risk is None or not all(r in allowed for r in risk):
            self.fail(f"'risico' noemt de antwoorden die het risico groter maken: "
                      f"{' of '.join(repr(a) for a in allowed)}.", where)
            risk = ()
        hint = question.get("hulp", "")
        for part in [text, hint, *(o.text for o in options)]:
            self._check_text(part, set(), where)
        self.questions[qid] = Question(qid, text, kind, hint if isinstance(hint, str) else "", options, show_if, risk)

    # --- rules ---

    def _rule(self, rule: Any, where: str, needs_condition: bool) -> Rule:
        if not isinstance(rule, dict):
            self.skip("elke regel is een blok [[regels]] met als, uitkomst, reden en bron.", where)
        for key in set(rule) - RULE_KEYS - ({"als"} if not needs_condition else set()):
            self.fail(f"onbekende sleutel '{key}' in een regel. Toegestaan: {', '.join(sorted(RULE_KEYS))}.", where)
        if rule.get("uitkomst") not in self.outcome_keys:
            self.fail(f"'uitkomst' moet een van {', '.join(self.outcome_keys)} zijn "
                      f"(gevonden: {rule.get('uitkomst')!r}).", where)
        reason = rule.get("reden")
        if not isinstance(reason, str) or not reason.strip():
            self.fail("elke regel legt in 'reden' uit waarom deze uitkomst geldt.", where)
            reason = ""
        raw_sources = rule.get("bron")
        if not isinstance(raw_sources, list) or not raw_sources:
            self.fail("elke regel noemt in 'bron' de alinea('s) waarop hij rust, bijvoorbeeld "
                      "bron = [\"../geschenken.md#afspraak-2-5a\"].", where)
            raw_sources = []
        sources = tuple(s for s in (self._source(s, where) for s in raw_sources) if s)
        condition = None
        if needs_condition:
            if not isinstance(rule.get("als"), dict) or not rule["als"]:
                self.skip("een regel heeft een voorwaarde 'als', bijvoorbeeld als = { soort = \"geld\" }.", where)
            condition = self._condition(rule["als"], f"{where}.als")
        numbers = self._fixed_amounts(condition)
        self._check_text(reason, numbers, f"{where}.reden")
        heading = rule.get("kop", "")
        if not isinstance(heading, str):
            self.fail("'kop' is de tekst boven de uitkomst: wat de lezer moet doen en bij wie, bijvoorbeeld "
                      "kop = \"Meld deze relatie bij je leidinggevende\".", where)
            heading = ""
        self._check_text(heading, numbers, f"{where}.kop")
        return Rule(condition, rule.get("uitkomst", ""), reason, sources, bool(rule.get("onduidelijk", False)),
                    heading)

    def _check_text(self, text: str, numbers: set[Decimal], where: str) -> None:
        """A text names no amount its rule does not compare with as a fixed number, and every placeholder is a
        limit: an amount that may change belongs in a placeholder such as {maximale_waarde}."""
        for name in PLACEHOLDER.findall(text):
            if name not in self.limits:
                known = ", ".join(f"{{{n}}}" for n in self.limits)
                self.fail(f"de tekst gebruikt {{{name}}}, maar er is geen grens '{name}' onder [grenzen]. "
                          + (f"Gebruik een van deze: {known}." if known else "Zet de grens onder [grenzen]."), where)
        for amount in amounts_in(text) - numbers:
            names = ", ".join(f"{{{n}}}" for n in self.limits) or "{naam_van_de_grens}"
            self.fail(f"de tekst noemt het bedrag {amount} euro letterlijk, maar de regel vergelijkt niet met dat "
                      f"vaste bedrag. Gebruik de grens als plaatshouder ({names}): dan klopt de tekst ook als "
                      "de grens verandert. Vergelijkt de regel bewust met een vast bedrag, zet dat bedrag dan "
                      "in 'als', bijvoorbeeld waarde = { gelijk_aan = 50 }.", where)

    def _fixed_amounts(self, condition: Condition | None) -> set[Decimal]:
        if isinstance(condition, Compare):
            return {condition.operand.number} if condition.operand.number is not None else set()
        if isinstance(condition, (AllOf, AnyOf)):
            return set().union(*(self._fixed_amounts(p) for p in condition.parts))
        if isinstance(condition, Not):
            return self._fixed_amounts(condition.part)
        return set()

    # --- conditions ---

    def _condition(self, condition: Any, where: str) -> Condition:
        """{ vraag = "antwoord" } | { vraag = ["a", "b"] } | { bedrag = { meer_dan = 50 | "grens" |
        { antwoord = "vraag" } | { som = ["a", "b"] } } } | { of = [ {...}, {...} ] } | { niet = {...} } |
        { som = { vragen = ["a", "b"], meer_dan = ... } }; all clauses of a table must hold."""
        if not isinstance(condition, dict) or not condition:
            self.skip("een voorwaarde is een tabel als { vraag = \"antwoord\" }.", where)
        parts: list[Condition] = []
        for key, expected in condition.items():
            if key == "of":
                if not isinstance(expected, list) or len(expected) < 2:
                    self.skip("'of' is een lijst van minstens twee voorwaarden: of = [ { a = \"ja\" }, { b = \"ja\" } ].",
                              where)
                parts.append(AnyOf(tuple(self._condition(part, f"{where}.of") for part in expected)))
            elif key == "niet":
                parts.append(Not(self._condition(expected, f"{where}.niet")))
            elif key == "som":
                if not isinstance(expected, dict) or not isinstance(expected.get("vragen"), list):
                    self.skip("'som' telt bedragen op: som = { vragen = [\"waarde\", \"eerder\"], meer_dan = 150 }.",
                              where)
                names = tuple(expected["vragen"])
                for qid in names:
                    self._amount_question(qid, where)
                parts += self._comparisons(names, {k: v for k, v in expected.items() if k != "vragen"}, where)
            else:
                question = self.questions.get(key)
                if question is None:
                    self.skip(f"de voorwaarde noemt vraag '{key}', maar die bestaat niet (of komt pas later).", where)
                if isinstance(expected, dict):
                    self._amount_question(key, where)
                    parts += self._comparisons((key,), expected, where)
                else:
                    allowed = [o.value for o in question.options]
                    values = expected if isinstance(expected, list) else [expected]
                    for value in values:
                        if value not in allowed:
                            self.fail(f"'{value}' is geen antwoord op vraag '{key}' (kan zijn: {', '.join(allowed)}).",
                                      where)
                    parts.append(AnswerIs(key, tuple(str(v) for v in values)))
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def _amount_question(self, qid: str, where: str) -> None:
        question = self.questions.get(qid)
        if question is None:
            self.skip(f"de voorwaarde noemt vraag '{qid}', maar die bestaat niet (of komt pas later).", where)
        if question.kind != "bedrag":
            self.skip(f"vergelijkingen ({', '.join(sorted(OPERATORS))}) kunnen alleen bij een bedrag; "
                      f"'{qid}' is geen bedragvraag.", where)

    def _comparisons(self, answers: tuple[str, ...], expected: dict[str, Any], where: str) -> list[Condition]:
        if not expected:
            self.skip(f"zeg hoe het bedrag wordt vergeleken, bijvoorbeeld {{ meer_dan = 50 }}.", where)
        parts = []
        for operator, raw in expected.items():
            if operator not in OPERATORS:
                self.skip(f"onbekende vergelijking '{operator}'. Gebruik: {', '.join(sorted(OPERATORS))}.", where)
            if isinstance(raw, bool):
                self.skip(f"'{operator}' vergelijkt met een getal, een grens of een antwoord.", where)
            if isinstance(raw, (int, float)):
                operand = Operand(number=Decimal(str(raw)))
            elif isinstance(raw, str):
                if raw not in self.limits:
                    self.skip(f"de grens '{raw}' staat niet onder [grenzen].", where)
                operand = Operand(limit=raw)
            elif isinstance(raw, dict) and set(raw) in ({"antwoord"}, {"som"}):
                names = (raw["antwoord"],) if "antwoord" in raw else tuple(raw["som"])
                for qid in names:
                    self._amount_question(qid, where)
                operand = Operand(answers=names)
            else:
                self.skip(f"'{operator}' vergelijkt met een getal (50), een grens (\"maximale_waarde\"), een ander "
                          "antwoord ({ antwoord = \"vraag\" }) of een som ({ som = [\"a\", \"b\"] }).", where)
            parts.append(Compare(answers, operator, operand))
        return parts
