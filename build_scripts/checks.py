"""The checkers in the build: load every rule file, tie it to its page, and run every practice
example through its checker so an example that no longer matches the rules fails the build."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import json

from checkers import CHECKERS, evaluate, to_json
from checkers.rules import RuleError, load_rules, rule_files

from .content_model import ContentError
from .site_index import SiteIndex

CHECK_PLACEHOLDER = re.compile(r"<!--\s*codewijzer:\s*check-(?P<name>[\w-]+)\s*-->")


def load_checks(docs_dir: Path) -> tuple[dict[tuple[str, str], dict[str, Any]], list[ContentError]]:
    checks, errors = {}, []
    for path in rule_files(docs_dir):
        org, checker = path.parent.parent.name, path.stem
        rel = path.relative_to(docs_dir).as_posix()
        if checker not in CHECKERS:
            errors.append(ContentError(rel, f"onbekende check '{checker}'. Een regelbestand heet naar zijn check: "
                                            f"{', '.join(f'{c}.toml' for c in CHECKERS)}."))
            continue
        try:
            checks[(org, checker)] = load_rules(docs_dir, org, checker, CHECKERS[checker])
        except RuleError as error:
            errors.append(ContentError(error.path, error.message, key=error.key,
                                       line=error.line or _line_of(path, error.key)))
    return checks, errors


def _line_of(path: Path, key: str | None) -> int | None:
    """The first line of a rule file that mentions the key's last part (TOML gives no positions)."""
    if not key:
        return None
    needle = re.sub(r"\[\d+\]$", "", key.split(".")[-1])
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    return None


def check_wiring(site: SiteIndex) -> list[ContentError]:
    """Every checker is placed on its page, every placeholder has rules, every example still matches."""
    errors = []
    for (org, checker), rules in site.checks.items():
        page_path = site.check_page(org, checker)
        page = site.pages.get(page_path)
        if page is None:
            errors.append(ContentError(f"{org}/regels/{checker}.toml", f"'pagina' verwijst naar {page_path}, "
                                       "maar die pagina bestaat niet.", key="pagina"))
        elif checker not in CHECK_PLACEHOLDER.findall(page.body):
            errors.append(ContentError(page_path, f"zet de regel <!-- codewijzer: check-{checker} --> op deze pagina: "
                                       f"daar komt de check uit {org}/regels/{checker}.toml.", line=page.body_start_line))
    for page in site.pages.values():
        for name in CHECK_PLACEHOLDER.findall(page.body):
            if (page.organisation, name) not in site.checks:
                errors.append(ContentError(page.src_path, f"er is geen regelbestand {page.organisation}/regels/"
                                           f"{name}.toml voor <!-- codewijzer: check-{name} -->."))
    for example in site.examples():
        errors += _check_example(example, site)
    return errors


def _check_example(example, site: SiteIndex) -> list[ContentError]:
    check = example.meta.get("check")
    if not check:
        return []
    line = example.line_of("check")
    key = (example.organisation, check["naam"])
    if key not in site.checks:
        return [ContentError(example.src_path, f"'{example.organisation}' heeft geen check '{check['naam']}'.",
                             line=line, key="check.naam")]
    result = evaluate(check["naam"], site.checks[key], check["antwoorden"])
    if result["status"] != "uitkomst":
        problems = {**result["errors"], **{q: "niet beantwoord" for q in result.get("missing", [])}}
        detail = "; ".join(f"{q}: {m}" for q, m in problems.items())
        return [ContentError(example.src_path, f"de antwoorden van dit voorbeeld passen niet (meer) bij de check "
                             f"'{check['naam']}': {detail}. Pas 'check.antwoorden' aan.", line=line,
                             key="check.antwoorden")]
    if result["unknown"]:
        return [ContentError(example.src_path, f"de check kent deze vragen niet: {', '.join(result['unknown'])}.",
                             line=line, key="check.antwoorden")]
    if result["verdict"] != check["verwacht"]:
        return [ContentError(example.src_path, f"dit voorbeeld verwacht de uitkomst '{check['verwacht']}', maar de "
                             f"check geeft nu '{result['verdict']}'. Klopt het voorbeeld nog met de regels? Pas dan "
                             "'check.verwacht' aan; anders is een regel veranderd die niet had mogen veranderen.",
                             line=line, key="check.verwacht")]
    return []


def sample_requests(site: SiteIndex) -> list[dict[str, Any]]:
    """Requests that exercise every checker (used to find the stdlib modules Python needs)."""
    requests = []
    for (org, checker), rules in sorted(site.checks.items()):
        plain = json.loads(to_json(rules))
        samples = [{}, *site.examples_with_check(org, checker).values()]
        samples += [{q["id"]: "€ 1.000,50"} for q in rules["vragen"] if q["type"] == "bedrag"]
        samples += [{q["id"]: "-5"} for q in rules["vragen"] if q["type"] == "bedrag"]
        requests += [{"checker": checker, "rules": plain, "answers": answers} for answers in samples]
    return requests
