"""Scenario files: `docs/<organisatie>/regels/<check>.scenarios.yml`, cases an editor writes without Python.

Each case gives answers and what the check must say: the verdict (or 'onvolledig' / 'ongeldig'),
and optionally the cited sources, the ambiguity flag, the verdicts of the other applying rules,
the questions shown, the next question and the questions with an error. A case taken from the
code's own text quotes it (`tekst`) and names where it stands (`bron`).

YAML, beside the rule file: `exclude_docs: *.yml` keeps it out of the site and the rule loader only
reads `*.toml`. Every problem is reported at once, in Dutch, naming the file and the case.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_scripts.agreements import agreement_anchors
from checkers import CHECKERS, schema
from checkers.rules import RuleError
from tests.checkers.conftest import rules_for

SUFFIX = ".scenarios.yml"
STATUSES = ("onvolledig", "ongeldig")
KEYS = {
    "naam": "de naam van het geval, als zin",
    "antwoorden": "de antwoorden per vraag-id",
    "verwacht": "de uitkomst",
    "bronnen": "alle bronnen die de uitkomst noemt",
    "onduidelijk": "ja/nee: de uitkomst zegt dat de code onduidelijk is",
    "ook": "de uitkomsten van de andere regels die ook gelden",
    "vragen": "de vragen die het formulier toont",
    "volgende_vraag": "de vraag die nog open staat",
    "fouten": "de vragen met een ongeldig antwoord",
    "datum": "de dag waarop de check rekent",
    "tekst": "de zin uit de code waar het geval vandaan komt",
    "bron": "waar die zin staat",
    "wacht_op": "het onderdeel van de check dat nog ontbreekt",
    "waarom": "waarom het geval nog niet slaagt",
}
ANCHOR_ATTRIBUTE = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}")
ID_ATTRIBUTE = re.compile(r'\bid="([\w-]+)"')
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.M)


@dataclass(frozen=True)
class Scenario:
    path: str                       # 'gemeente-utrecht/regels/geschenken.scenarios.yml'
    code: str
    checker: str
    naam: str
    antwoorden: dict[str, Any]
    verwacht: str
    bronnen: frozenset[str] | None = None
    onduidelijk: bool | None = None
    ook: frozenset[str] | None = None
    vragen: tuple[str, ...] | None = None
    volgende_vraag: str | None = None
    fouten: frozenset[str] | None = None
    datum: dt.date | None = None
    tekst: str | None = None
    bron: str | None = None
    wacht_op: str | None = None
    waarom: str | None = None

    @property
    def id(self) -> str:
        return f"{self.path}::{self.naam}"


@dataclass
class ScenarioFile:
    path: str
    scenarios: list[Scenario] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def scenario_files(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.glob(f"*/regels/*{SUFFIX}"))


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key written twice in one block (YAML itself keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"de sleutel '{key}' staat twee keer in één blok",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def _front_matter(text: str) -> dict[str, Any]:
    parts = text.split("---", 2)
    meta = yaml.safe_load(parts[1]) if text.startswith("---") and len(parts) == 3 else None
    return meta if isinstance(meta, dict) else {}


@functools.lru_cache(maxsize=None)
def page_anchors(docs_dir: Path, doc: str) -> frozenset[str] | None:
    """The anchors a page will have: agreements ([[2.5a]]), {#id} attributes, id="...", headings, and
    the practice examples the build places on it (#voorbeeld-<id>, by shared theme)."""
    path = docs_dir / doc
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    headings = {re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", h.lower()).strip()) for h in HEADING.findall(text)}
    themes = set(_front_matter(text).get("themas") or [])
    examples = set()
    for example in sorted((path.parent / "voorbeelden").glob("*.md")) if themes else []:
        meta = _front_matter(example.read_text(encoding="utf-8"))
        if themes & set(meta.get("themas") or []):
            examples.add(f"voorbeeld-{meta.get('id', example.stem)}")
    return frozenset(set(agreement_anchors(text)) | set(ANCHOR_ATTRIBUTE.findall(text)) | set(ID_ATTRIBUTE.findall(text))
                     | headings | examples)


def _options(question: dict[str, Any]) -> list[str] | None:
    """The allowed answers of a question as `schema()` describes it, or None for an amount.
    (Read tolerantly: the schema may name its keys in Dutch or English.)"""
    kind = question.get("type", question.get("kind"))
    if kind in ("bedrag", "amount"):
        return None
    options = question.get("opties", question.get("options")) or []
    return [o.get("waarde", o.get("value")) for o in options] or ["ja", "nee"]


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1)
    return f" Bedoel je '{close[0]}'?" if close else ""


def load_scenario_file(docs_dir: Path, path: Path) -> ScenarioFile:
    rel = path.relative_to(docs_dir).as_posix()
    result = ScenarioFile(rel)
    code, checker = path.parent.parent.name, path.name.removesuffix(SUFFIX)
    if checker not in CHECKERS:
        result.errors.append(f"{rel}: onbekende check '{checker}'. Een scenariobestand heet naar zijn check: "
                             f"{', '.join(c + SUFFIX for c in CHECKERS)}.")
        return result
    try:
        rules = rules_for(checker, code)
    except RuleError as error:
        result.errors.append(f"{rel}: er is geen bruikbaar regelbestand {code}/regels/{checker}.toml ({error.message}).")
        return result
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = f" (regel {mark.line + 1})" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        result.errors.append(f"{rel}{line}: het bestand is geen geldige YAML: {problem}. Let op inspringen, een "
                             "dubbele punt in een tekst (zet de tekst dan tussen aanhalingstekens) en haakjes.")
        return result
    if not isinstance(data, dict) or set(data) != {"scenarios"} or not isinstance(data["scenarios"], list):
        result.errors.append(f"{rel}: het bestand moet één lijst 'scenarios:' hebben, met per geval een blok dat "
                             "begint met '- naam: ...'.")
        return result
    questions = {q["id"]: q for q in schema(checker, rules)["questions"]}
    verdicts = list(schema(checker, rules)["verdicts"])
    context = _Context(rel, code, checker, questions, verdicts, docs_dir)
    names: set[str] = set()
    for number, raw in enumerate(data["scenarios"], 1):
        case, errors = context.read(number, raw)
        if case and case.naam in names:
            errors.append(f"{rel}, geval '{case.naam}': deze naam staat al eerder in het bestand. Geef elk geval een "
                          "eigen naam.")
        result.errors.extend(errors)
        if case and not errors:
            names.add(case.naam)
            result.scenarios.append(case)
    return result


@dataclass
class _Context:
    rel: str
    code: str
    checker: str
    questions: dict[str, dict[str, Any]]
    verdicts: list[str]
    docs_dir: Path

    def read(self, number: int, raw: Any) -> tuple[Scenario | None, list[str]]:
        if not isinstance(raw, dict):
            return None, [f"{self.rel}, geval {number}: elk geval is een blok met 'naam:', 'antwoorden:' en 'verwacht:'."]
        naam = raw.get("naam")
        where = f"{self.rel}, geval '{naam}'" if isinstance(naam, str) and naam.strip() else f"{self.rel}, geval {number}"
        errors: list[str] = []

        def error(message: str) -> None:
            errors.append(f"{where}: {message}")

        for key in raw:
            if key not in KEYS:
                error(f"onbekende sleutel '{key}'.{_suggest(key, list(KEYS))} Toegestaan: {', '.join(KEYS)}.")
        if not isinstance(naam, str) or not naam.strip():
            error("geef het geval een 'naam': een zin die zegt wat er gebeurt, zoals 'Geld neem je nooit aan'.")
        fouten = self._question_list(raw.get("fouten"), "fouten", error) or []
        antwoorden = raw.get("antwoorden", {})
        if not isinstance(antwoorden, dict):
            error("'antwoorden' is een blok met per vraag-id een antwoord, zoals { soort: geschenk, waarde: \"25\" }.")
            antwoorden = {}
        answers = {}
        for qid, value in antwoorden.items():
            answers[qid] = self._answer(qid, value, qid in fouten, error)
        outcomes = self.verdicts + list(STATUSES)
        verwacht = raw.get("verwacht")
        if verwacht not in outcomes:
            error(f"'verwacht' moet een van {', '.join(outcomes)} zijn (gevonden: {verwacht!r}).{_suggest(verwacht, outcomes)}")
        ook = raw.get("ook")
        if ook is not None:
            if not isinstance(ook, list) or any(v not in self.verdicts for v in ook):
                error(f"'ook' is een lijst uitkomsten uit {', '.join(self.verdicts)} (gevonden: {ook!r}).")
        bronnen = raw.get("bronnen")
        if bronnen is not None:
            if not isinstance(bronnen, list):
                error("'bronnen' is een lijst zoals [geschenken.md#afspraak-2-5a, inleiding.md#voetnoot-geschenken].")
                bronnen = None
            else:
                for source in bronnen:
                    self._check_link(source, "bronnen", error)
        bron = raw.get("bron")
        if bron is not None:
            self._check_link(bron, "bron", error)
        if (raw.get("tekst") is None) != (bron is None):
            error("een geval uit de tekst van de code heeft zowel 'tekst' (de zin) als 'bron' (pagina.md#anker).")
        for key in ("tekst", "waarom", "wacht_op", "volgende_vraag"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                error(f"'{key}' is een tekst.")
        if raw.get("wacht_op") is not None and not raw.get("waarom"):
            error("zeg bij 'wacht_op' ook 'waarom' het geval nog niet slaagt.")
        if raw.get("onduidelijk") is not None and not isinstance(raw["onduidelijk"], bool):
            error("'onduidelijk' is true of false.")
        vragen = self._question_list(raw.get("vragen"), "vragen", error)
        if raw.get("volgende_vraag") is not None and raw["volgende_vraag"] not in self.questions:
            error(f"'volgende_vraag': de vraag '{raw['volgende_vraag']}' bestaat niet in {self.checker}.toml."
                  f"{_suggest(raw['volgende_vraag'], list(self.questions))}")
        datum = raw.get("datum")
        if isinstance(datum, str):
            try:
                datum = dt.date.fromisoformat(datum)
            except ValueError:
                datum = False
        if datum is False or (datum is not None and not isinstance(datum, dt.date)):
            error("'datum' schrijf je als 2027-03-01 (jaar-maand-dag).")
        if errors:
            return (Scenario(self.rel, self.code, self.checker, naam, {}, "") if isinstance(naam, str) else None), errors
        return Scenario(
            path=self.rel, code=self.code, checker=self.checker, naam=naam.strip(), antwoorden=answers,
            verwacht=verwacht, bronnen=frozenset(bronnen) if bronnen is not None else None,
            onduidelijk=raw.get("onduidelijk"), ook=frozenset(ook) if ook is not None else None,
            vragen=tuple(vragen) if vragen is not None else None, volgende_vraag=raw.get("volgende_vraag"),
            fouten=frozenset(fouten) if "fouten" in raw else None, datum=datum, tekst=raw.get("tekst"),
            bron=bron, wacht_op=raw.get("wacht_op"), waarom=raw.get("waarom")), []

    def _question_list(self, value: Any, key: str, error) -> list[str] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            error(f"'{key}' is een lijst vraag-id's, zoals [soort, waarde].")
            return None
        for qid in value:
            if qid not in self.questions:
                error(f"'{key}': de vraag '{qid}' bestaat niet in {self.checker}.toml.{_suggest(qid, list(self.questions))}")
        return value

    def _answer(self, qid: Any, value: Any, invalid_on_purpose: bool, error) -> Any:
        if qid not in self.questions:
            error(f"de vraag '{qid}' bestaat niet in {self.code}/regels/{self.checker}.toml.{_suggest(qid, list(self.questions))}"
                  f" De vragen zijn: {', '.join(self.questions)}.")
            return value
        if invalid_on_purpose:          # listed under 'fouten': the case tests that the check refuses it
            return value
        options = _options(self.questions[qid])
        if options is None:
            if isinstance(value, bool) or isinstance(value, float):
                error(f"het bedrag bij '{qid}' schrijf je tussen aanhalingstekens met een komma, zoals \"49,99\".")
            elif isinstance(value, int):
                return str(value)
            elif not isinstance(value, str):
                error(f"het bedrag bij '{qid}' schrijf je als \"25\" of \"49,99\".")
            return value
        if isinstance(value, bool):         # YAML reads yes/no/true/false as a truth value
            error(f"schrijf bij '{qid}' ja of nee (gevonden: {value!r}).")
        elif value not in options:
            error(f"'{value}' is geen antwoord op de vraag '{qid}'.{_suggest(value, options)} Kies uit: "
                  f"{', '.join(map(str, options))}.")
        return value

    def _check_link(self, link: Any, key: str, error) -> None:
        if not isinstance(link, str) or "#" not in link:
            error(f"'{key}' is een link naar een alinea zoals geschenken.md#afspraak-2-5a (gevonden: {link!r}).")
            return
        doc, anchor = link.split("#", 1)
        present = page_anchors(self.docs_dir, f"{self.code}/{doc}")
        if present is None:
            error(f"'{key}': de pagina {self.code}/{doc} bestaat niet. Schrijf het pad vanaf de map van de organisatie.")
        elif anchor not in present:
            error(f"'{key}': het anker '#{anchor}' staat niet op {self.code}/{doc}.{_suggest(anchor, sorted(present))}")
