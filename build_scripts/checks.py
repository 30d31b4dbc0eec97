"""The checkers in the build: load every rule file, tie it to its page, and run every practice
example through its checker so an example that no longer matches the rules fails the build."""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import json

from checkers import CHECKERS, evaluate, to_json
from checkers.dates import DateError, evaluation_date
from checkers.dutch_dates import dutch_date
from checkers.rules import RuleError, RuleErrors, load_rules, rule_files

from .content_model import ContentError
from .markdown_blocks import placeholders
from .site_index import SiteIndex



def load_checks(docs_dir: Path) -> tuple[dict[tuple[str, str], Any], list[ContentError]]:
    try:
        evaluation_date()
    except DateError as error:          # not an editor's file: stop at once, in Dutch, without a traceback
        raise SystemExit(f"De bouw stopt: {error}") from None
    checks, errors = {}, []
    for path in rule_files(docs_dir):
        org, checker = path.parent.parent.name, path.stem
        rel = path.relative_to(docs_dir).as_posix()
        if checker not in CHECKERS:
            errors.append(ContentError(rel, f"onbekende check '{checker}'. Een regelbestand heet naar zijn check: "
                                            f"{', '.join(f'{c}.toml' for c in CHECKERS)}. Hernoem het bestand."))
            continue
        try:
            checks[(org, checker)] = load_rules(docs_dir, org, checker, CHECKERS[checker])
        except RuleErrors as found:           # every problem of the file at once
            errors += [ContentError(e.path, e.message, key=e.key, line=e.line or _line_of(path, e.key))
                       for e in found.errors]
        except RuleError as error:
            errors.append(ContentError(error.path, error.message, key=error.key,
                                       line=error.line or _line_of(path, error.key)))
        except UnicodeDecodeError:
            errors.append(ContentError(rel, "het bestand is niet opgeslagen als UTF-8. Sla het op als UTF-8 "
                                            "(in de meeste editors: Opslaan als, codering UTF-8)."))
        except (TypeError, AttributeError, KeyError, ValueError):   # a shape the checks above did not foresee
            errors.append(ContentError(rel, "het regelbestand heeft een onverwachte vorm. Vergelijk het met een "
                                            "bestaand regelbestand en met checkers/README.md."))
    return checks, errors


def _line_of(path: Path, key: str | None) -> int | None:
    """The line of a rule file that a RuleError key points at (tomllib gives no positions).

    'regels[2]...' is the second [[regels]] header, 'vragen.<id>' the line with that id,
    'grenzen.<naam>' the limit's line, a top-level key its 'key =' line or [table] header."""
    if not key:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    rule = re.match(r"regels\[(\d+)\]", key)
    question = re.match(r"vragen\.([a-z][a-z0-9_]*)", key)
    head = key.split(".")[0]
    if rule:
        headers = [n for n, line in enumerate(lines, 1) if line.strip() == "[[regels]]"]
        if int(rule.group(1)) > len(headers):
            return None
        header = headers[int(rule.group(1)) - 1]
        field = re.fullmatch(r"regels\[\d+\]\.(reden|bron|uitkomst)", key)    # a text: its own line
        if field:
            for number in range(header, len(lines) + 1):
                if number > header and lines[number - 1].strip().startswith("[["):
                    break
                if re.match(rf"\s*{field.group(1)}\s*=", lines[number - 1]):
                    return number
        return header
    patterns = ([rf'^\s*id\s*=\s*"{question.group(1)}"'] if question else []) + \
        ([rf"^\s*{re.escape(key.split('.', 1)[1])}\s*="] if head == "grenzen" and "." in key else []) + \
        [rf"^\s*{re.escape(head)}\s*=", rf"^\s*\[+{re.escape(head)}\]+", re.escape(head)]
    for pattern in patterns:
        for number, line in enumerate(lines, 1):
            if re.search(pattern, line) and not line.lstrip().startswith("#"):
                return number
    return None


def check_wiring(site: SiteIndex, docs_dir: Path) -> list[ContentError]:
    """Every checker is placed on its page, every placeholder has rules, every example still matches."""
    errors = []
    for (org, checker), rules in site.checks.items():
        page_path = site.check_page(org, checker)
        page = site.pages.get(page_path)
        if page is None:
            rel = f"{org}/regels/{checker}.toml"
            errors.append(ContentError(rel, f"'pagina' verwijst naar {page_path}, maar die pagina bestaat niet. "
                                       "Zet in 'pagina' het pad vanaf de map regels/ naar de pagina met de check, "
                                       "zoals \"../geschenken.md\".", key="pagina",
                                       line=_line_of(docs_dir / rel, "pagina")))
        elif f"check-{checker}" not in {name for name, _ in placeholders(page.body)}:
            errors.append(ContentError(page_path, f"zet de regel <!-- codewijzer: check-{checker} --> op deze pagina: "
                                       f"daar komt de check uit {org}/regels/{checker}.toml.", line=page.body_start_line))
    for page in site.pages.values():
        for placeholder, line in placeholders(page.body):
            name = placeholder.removeprefix("check-")
            if placeholder.startswith("check-") and (page.organisation, name) not in site.checks:
                line = page.body_start_line + line
                errors.append(ContentError(page.src_path, f"er is geen regelbestand {page.organisation}/regels/"
                                           f"{name}.toml voor <!-- codewijzer: check-{name} -->. Controleer de "
                                           f"naam ({', '.join(CHECKERS)}) of haal de regel weg.", line=line))
    for example in site.examples():
        errors += _check_example(example, site)
    if not errors:
        for warning in future_changes(site):
            print(f"LET OP - {warning}", file=sys.stderr)     # a warning, not a failure (and not MkDocs' strict)
    return errors


def _expectations(check: dict[str, Any], outcomes: list[str]) -> tuple[dict[dt.date, str], str | None]:
    """An example's expected outcome per date: 'verwacht' from the start, 'verwacht_vanaf' from a date."""
    by_date: dict[dt.date, str] = {dt.date.min: check["verwacht"]}
    later = check.get("verwacht_vanaf") or {}
    if not isinstance(later, dict):
        return {}, ("'verwacht_vanaf' is een lijst van datum en uitkomst, zoals verwacht_vanaf: "
                    "{ 2027-01-01: mag-melden }.")
    for day, outcome in later.items():
        try:
            day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        except ValueError:
            return {}, f"'{day}' bij verwacht_vanaf is geen datum; schrijf jaar-maand-dag, zoals 2027-01-01."
        by_date[day] = outcome
    for outcome in by_date.values():
        if outcome not in outcomes:
            return {}, (f"'{outcome}' is geen uitkomst van de check '{check['naam']}'. Kies uit: "
                        f"{', '.join(outcomes)}.")
    return by_date, None


def _expected_on(by_date: dict[dt.date, str], day: dt.date) -> str:
    return by_date[max(d for d in by_date if d <= day)]


def future_changes(site: SiteIndex) -> list[str]:
    """Before an announced limit change takes effect: which practice example will then give another
    outcome than it expects for that day, so editors can add 'verwacht_vanaf' in time."""
    today = evaluation_date()
    warnings = []
    for example in site.examples():
        check = example.meta.get("check")
        key = (example.organisation, check["naam"]) if check else None
        if key not in site.checks:
            continue
        rules = site.checks[key]
        expected_by_date, problem = _expectations(check, [o.key for o in rules.outcomes])
        if problem:
            continue
        for day in rules.announced_days(today):
            result = evaluate(check["naam"], rules, check["antwoorden"], day)
            expected = _expected_on(expected_by_date, day)
            if result.get("verdict") and result["verdict"] != expected:
                warnings.append(f"docs/{example.src_path}: vanaf {dutch_date(day)} verandert een grens. Dit voorbeeld "
                                f"geeft dan de uitkomst '{result['verdict']}' in plaats van '{expected}'. Klopt dat, "
                                f"zet dan bij check: verwacht_vanaf: {{ {day.isoformat()}: {result['verdict']} }}.")
    return warnings


def _check_example(example, site: SiteIndex) -> list[ContentError]:
    check = example.meta.get("check")
    if not check:
        return []
    def line_of(part: str) -> int:
        return example.key_lines.get(f"check.{part}", example.line_of("check"))

    line = line_of("naam")
    key = (example.organisation, check["naam"])
    if key not in site.checks:
        known = ", ".join(c for o, c in sorted(site.checks) if o == example.organisation) or "geen"
        return [ContentError(example.src_path, f"'{example.organisation}' heeft geen check '{check['naam']}'. "
                             f"Kies uit: {known}, of haal 'check' weg.",
                             line=line, key="check.naam")]
    rules = site.checks[key]
    outcomes = [o.key for o in rules.outcomes]
    expected_by_date, problem = _expectations(check, outcomes)
    if problem:
        return [ContentError(example.src_path, problem, line=line_of("verwacht"), key="check.verwacht")]
    today = evaluation_date()
    expected = _expected_on(expected_by_date, today)
    result = evaluate(check["naam"], rules, check["antwoorden"], today)
    if result["status"] != "uitkomst":
        problems = {**result["errors"], **{q: "niet beantwoord" for q in result.get("missing", [])}}
        detail = "; ".join(f"{q}: {m}" for q, m in problems.items())
        return [ContentError(example.src_path, f"de antwoorden van dit voorbeeld passen niet (meer) bij de check "
                             f"'{check['naam']}': {detail}. Pas 'check.antwoorden' aan.", line=line_of("antwoorden"),
                             key="check.antwoorden")]
    if result["unknown"]:
        return [ContentError(example.src_path, f"de check kent deze vragen niet: {', '.join(result['unknown'])}. "
                             "Haal ze weg uit 'check.antwoorden' of controleer de schrijfwijze.",
                             line=line_of("antwoorden"), key="check.antwoorden")]
    if result["verdict"] != expected:
        return [ContentError(example.src_path, f"dit voorbeeld verwacht de uitkomst '{expected}', maar de "
                             f"check geeft nu '{result['verdict']}'. Klopt het voorbeeld nog met de regels? Pas dan "
                             "'check.verwacht' aan; anders is een regel veranderd die niet had mogen veranderen.",
                             line=line_of("verwacht"), key="check.verwacht")]
    return []


def sample_requests(site: SiteIndex) -> list[dict[str, Any]]:
    """Requests that exercise every checker (used to find the stdlib modules Python needs)."""
    requests = []
    for (org, checker), rules in sorted(site.checks.items()):
        plain = rules.to_wire()
        samples = [{}, *site.examples_with_check(org, checker).values()]
        samples += [{q.id: "€ 1.000,50"} for q in rules.questions if q.kind == "bedrag"]
        samples += [{q.id: "-5"} for q in rules.questions if q.kind == "bedrag"]
        requests += [{"checker": checker, "rules": plain, "answers": answers} for answers in samples]
    return requests
