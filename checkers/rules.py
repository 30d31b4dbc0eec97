"""Load, check and resolve a checker's rule data: `docs/<organisatie>/regels/<check>.toml`.

TOML, because it is in the standard library (tomllib) of both CPython and Pyodide, allows
comments for editors, and has real dates for limits that hold from a given day.
Sources (`bron`) are resolved here from Markdown paths to links into the site.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import tomllib
from pathlib import Path
from typing import Any

QUESTION_TYPES = {"keuze", "janee", "bedrag"}
OPERATORS = {"meer_dan", "minder_dan", "gelijk_aan", "minstens", "hoogstens"}
TOP_KEYS = {"check", "titel", "inleiding", "pagina", "grenzen", "vragen", "regels", "standaard", "vervolg",
            "uitkomsten"}


class RuleError(ValueError):
    """A Dutch message for the editor: the rule file, the key, what to do."""

    def __init__(self, path: str, message: str, key: str | None = None, line: int | None = None):
        self.path, self.key, self.message, self.line = path, key, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}{f' [{key}]' if key else ''}: {message}")


def rule_files(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.glob("*/regels/*.toml"))


def load_rules(docs_dir: Path, code: str, checker: str, verdicts: dict[str, str]) -> dict[str, Any]:
    path = docs_dir / code / "regels" / f"{checker}.toml"
    if not path.is_file():
        raise RuleError(f"{code}/regels/{checker}.toml", f"de organisatie '{code}' heeft geen check '{checker}'.")
    return parse_rules(path.relative_to(docs_dir).as_posix(), path.read_text(encoding="utf-8"), verdicts)


def parse_rules(rel_path: str, text: str, verdicts: dict[str, str]) -> dict[str, Any]:
    """Parse and check one rule file; sources become {'href': site link, 'label': text, 'doc': md path}."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        position = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", str(error))
        line = int(position.group(1)) if position and position.group(1) else \
            (text.count("\n") + 1 if position else None)
        problem = str(error)[:position.start()].strip() if position else str(error)
        raise RuleError(rel_path, f"het bestand is geen geldige TOML ({problem}). Controleer op deze regel "
                                  "aanhalingstekens, vierkante haken en '=' tekens.", line=line) from None
    code, _, name = rel_path.split("/", 2)
    checker = name.removesuffix(".toml")
    _check(rel_path, data, checker, verdicts)
    base = posixpath.dirname(rel_path)
    for rule in data["regels"] + [data["standaard"]]:
        rule["bron"] = [resolve_source(rel_path, base, source) for source in rule["bron"]]
    data["code"] = code
    data["pagina_url"] = doc_to_url(posixpath.normpath(posixpath.join(base, data["pagina"])))
    return data


def doc_to_url(doc: str) -> str:
    """'gemeente-utrecht/geschenken.md' -> 'gemeente-utrecht/geschenken/' (MkDocs directory URLs)."""
    page = doc.removesuffix(".md")
    return page.removesuffix("index") if page.endswith("index") else page + "/"


def resolve_source(rel_path: str, base: str, source: Any) -> dict[str, str]:
    if isinstance(source, str):
        source = {"link": source}
    if not isinstance(source, dict) or not isinstance(source.get("link"), str) or "#" not in source["link"]:
        raise RuleError(rel_path, f"een bron moet een link naar een alinea zijn, zoals "
                                  f"\"../geschenken.md#afspraak-2-5a\" (gevonden: {source!r}).", key="bron")
    doc, anchor = source["link"].split("#", 1)
    doc = posixpath.normpath(posixpath.join(base, doc))
    label = source.get("tekst") or _label_for(anchor)
    if not label:
        raise RuleError(rel_path, f"geef de bron '{source['link']}' een 'tekst', bijvoorbeeld "
                                  "{ link = \"...\", tekst = \"Hulp: de vertrouwenspersoon\" }.", key="bron")
    return {"href": f"{doc_to_url(doc)}#{anchor}", "label": label, "doc": doc, "anchor": anchor}


def _label_for(anchor: str) -> str | None:
    match = re.fullmatch(r"(afspraak|artikel)-([a-z0-9-]+)", anchor)
    if not match:
        return None
    return f"{match.group(1).capitalize()} {match.group(2).replace('-', '.')}"


def _check(path: str, data: dict[str, Any], checker: str, verdicts: dict[str, str]) -> None:
    def fail(message: str, key: str | None = None) -> None:
        raise RuleError(path, message, key)

    for key in data:
        if key not in TOP_KEYS:
            fail(f"onbekende sleutel '{key}'. Toegestaan: {', '.join(sorted(TOP_KEYS))}.", key)
    if data.get("check") != checker:
        fail(f"'check' moet \"{checker}\" zijn, de naam van het bestand.", "check")
    for key in ("titel", "pagina"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            fail(f"'{key}' ontbreekt.", key)
    limits = data.setdefault("grenzen", {})
    for name, entries in limits.items():
        _check_limit(fail, name, entries)
    questions = data.get("vragen")
    if not isinstance(questions, list) or not questions:
        fail("er zijn geen [[vragen]].", "vragen")
    seen: dict[str, dict[str, Any]] = {}
    for question in questions:
        if not isinstance(question, dict):
            fail("elke vraag is een blok [[vragen]] met id, vraag en type.", "vragen")
        qid = question.get("id")
        where = f"vragen.{qid}"
        if not isinstance(qid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", qid) or qid in seen:
            fail(f"elke vraag heeft een uniek 'id' van kleine letters (gevonden: {qid!r}).", "vragen.id")
        if not isinstance(question.get("vraag"), str):
            fail("de vraag heeft geen tekst ('vraag').", where)
        if question.get("type") not in QUESTION_TYPES:
            fail(f"'type' moet een van {sorted(QUESTION_TYPES)} zijn.", where)
        if question["type"] == "keuze":
            options = question.get("opties")
            if not isinstance(options, list) or len(options) < 2 or not all(
                    isinstance(o, dict) and isinstance(o.get("waarde"), str) and isinstance(o.get("tekst"), str)
                    for o in options):
                fail("een keuzevraag heeft minstens twee [[vragen.opties]] met 'waarde' en 'tekst'.", where)
        if "toon_als" in question:
            _check_condition(fail, question["toon_als"], seen, limits, f"{where}.toon_als")
        seen[qid] = question
    for number, rule in enumerate(data.get("regels") or [], 1):
        where = f"regels[{number}]"
        if not isinstance(rule, dict):
            fail("elke regel is een blok [[regels]] met als, uitkomst, reden en bron.", where)
        _check_outcome(fail, rule, verdicts, where)
        if not isinstance(rule.get("als"), dict) or not rule["als"]:
            fail("een regel heeft een voorwaarde 'als', bijvoorbeeld als = { soort = \"geld\" }.", where)
        _check_condition(fail, rule["als"], seen, limits, f"{where}.als")
    if not data.get("regels"):
        fail("er zijn geen [[regels]].", "regels")
    if not isinstance(data.get("standaard"), dict):
        fail("[standaard] ontbreekt: de uitkomst als geen regel van toepassing is.", "standaard")
    _check_outcome(fail, data["standaard"], verdicts, "standaard")
    for verdict, steps in (data.get("vervolg") or {}).items():
        if verdict not in verdicts or not isinstance(steps, list) or not all(isinstance(s, str) for s in steps):
            fail(f"[vervolg]: '{verdict}' moet een uitkomst zijn ({', '.join(verdicts)}) met een lijst stappen.",
                 "vervolg")
    for verdict in data.get("uitkomsten") or {}:
        if verdict not in verdicts:
            fail(f"[uitkomsten]: onbekende uitkomst '{verdict}'.", "uitkomsten")


def _check_limit(fail, name: str, entries: Any) -> None:
    """A limit is a list of values, each from a date (`vanaf`); the value the code has held from
    the start may leave out `vanaf` when the code does not say since when."""
    where = f"grenzen.{name}"
    example = "[ { waarde = 50 }, { vanaf = 2027-01-01, waarde = 75 } ]"
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        fail(f"grens '{name}' moet een lijst zijn als {example}.", where)
    for entry in entries:
        unknown = set(entry) - {"vanaf", "waarde"}
        if unknown:
            fail(f"grens '{name}': onbekende sleutel '{sorted(unknown)[0]}'. Een regel heeft alleen 'vanaf' "
                 "(datum) en 'waarde' (bedrag).", where)
        if not isinstance(entry.get("waarde"), (int, float)) or isinstance(entry.get("waarde"), bool):
            fail(f"grens '{name}': elke regel heeft een 'waarde', een getal zonder aanhalingstekens, "
                 f"zoals {example}.", where)
        if "vanaf" in entry and (not isinstance(entry["vanaf"], dt.date) or isinstance(entry["vanaf"], dt.datetime)):
            fail(f"grens '{name}': 'vanaf' moet een datum zijn als 2027-01-01, zonder aanhalingstekens "
                 f"(gevonden: {entry['vanaf']!r}).", where)
    starts = [e.get("vanaf") for e in entries]
    if starts.count(None) > 1:
        fail(f"grens '{name}': alleen de oorspronkelijke waarde mag zonder 'vanaf'; geef elke latere "
             "wijziging de datum waarop hij ingaat.", where)
    dated = [s for s in starts if s is not None]
    if len(dated) != len(set(dated)):
        fail(f"grens '{name}': twee regels beginnen op dezelfde datum. Laat er één staan.", where)


def _check_outcome(fail, rule: dict[str, Any], verdicts: dict[str, str], where: str) -> None:
    if rule.get("uitkomst") not in verdicts:
        fail(f"'uitkomst' moet een van {', '.join(verdicts)} zijn (gevonden: {rule.get('uitkomst')!r}).", where)
    if not isinstance(rule.get("reden"), str) or not rule["reden"].strip():
        fail("elke regel legt in 'reden' uit waarom deze uitkomst geldt.", where)
    if not isinstance(rule.get("bron"), list) or not rule["bron"]:
        fail("elke regel noemt in 'bron' de alinea('s) waarop hij rust, bijvoorbeeld "
             "bron = [\"../geschenken.md#afspraak-2-5a\"].", where)


def _check_condition(fail, condition: Any, questions: dict[str, dict[str, Any]], limits: dict[str, Any],
                     where: str) -> None:
    if not isinstance(condition, dict):
        fail("een voorwaarde is een tabel als { vraag = \"antwoord\" }.", where)
    for qid, expected in condition.items():
        question = questions.get(qid)
        if question is None:
            fail(f"de voorwaarde noemt vraag '{qid}', maar die bestaat niet (of komt pas later).", where)
        if isinstance(expected, dict):
            if question["type"] != "bedrag":
                fail(f"vergelijkingen ({', '.join(sorted(OPERATORS))}) kunnen alleen bij een bedrag.", where)
            for operator, operand in expected.items():
                if operator not in OPERATORS:
                    fail(f"onbekende vergelijking '{operator}'. Gebruik: {', '.join(sorted(OPERATORS))}.", where)
                if isinstance(operand, str) and operand not in limits:
                    fail(f"de grens '{operand}' staat niet onder [grenzen].", where)
        else:
            allowed = ("ja", "nee") if question["type"] == "janee" else \
                [o["waarde"] for o in question.get("opties", [])]
            for value in expected if isinstance(expected, list) else [expected]:
                if value not in allowed:
                    fail(f"'{value}' is geen antwoord op vraag '{qid}' (kan zijn: {', '.join(allowed)}).", where)
