"""Command line for editors, trainers and tests.

    python -m checkers list
    python -m checkers schema <checker> --code <organisatie>
    python -m checkers evaluate <checker> --code <organisatie> --answers '<json>'

Output is JSON. Invalid or incomplete answers: exit status 2 and a Dutch message in JSON.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from . import CHECKERS, evaluate, schema, to_json
from .dates import DateError, evaluation_date
from .rules import RuleError, load_rules, rule_files

DOCS = Path(__file__).resolve().parent.parent / "docs"


# argparse speaks English; the messages a caller meets most, in Dutch.
ARGPARSE_DUTCH = [
    (r"the following arguments are required: (.*)", r"dit ontbreekt: \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"\1: onbekende keuze \2 (kies uit \3)"),
    (r"unrecognized arguments: (.*)", r"onbekend: \1"),
    (r"argument (\S+): expected one argument", r"\1: hier hoort een waarde bij"),
    (r"argument (\S+): (.*)", r"\1: \2"),
]


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):
        for pattern, dutch in ARGPARSE_DUTCH:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, dutch, message)
                break
        print(to_json({"status": "ongeldig", "message": f"De opdracht klopt niet: {message}. "
                                                       "Zie: python -m checkers --help"}))
        raise SystemExit(2)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-01.") from None


def main(argv: list[str] | None = None) -> int:
    parser = DutchArgumentParser(prog="python -m checkers", description="Codewijzer-checks")
    parser.add_argument("--docs", type=Path, default=DOCS, help="de map met de inhoud (standaard: docs/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="alle checks per organisatie")
    for name in ("schema", "evaluate"):
        sub = commands.add_parser(name)
        sub.add_argument("checker", choices=sorted(CHECKERS))
        sub.add_argument("--code", required=True, help="de organisatie, bijvoorbeeld gemeente-utrecht")
        if name == "evaluate":
            sub.add_argument("--answers", required=True, help="de antwoorden als JSON-object")
        sub.add_argument("--datum", type=iso_date, help="peildatum JJJJ-MM-DD (standaard: CODEWIJZER_DATUM of "
                                                    "vandaag); grenzen met een 'vanaf' gelden volgens deze datum")
    args = parser.parse_args(argv)

    if args.command == "list":
        found = []
        for path in rule_files(args.docs):
            if path.stem in CHECKERS:
                try:
                    title = load_rules(args.docs, path.parent.parent.name, path.stem, CHECKERS[path.stem]).title
                except RuleError:
                    title = None      # the build reports the problem; the list still names the file
                found.append({"checker": path.stem, "code": path.parent.parent.name, "title": title})
        print(to_json(found))
        return 0
    try:
        rules = load_rules(args.docs, args.code, args.checker, CHECKERS[args.checker])
    except RuleError as error:
        return _fail(str(error))
    try:
        day = args.datum or evaluation_date()
    except DateError as error:
        return _fail(str(error))
    if args.command == "schema":
        print(to_json(schema(args.checker, rules, day)))
        return 0
    try:
        answers = json.loads(args.answers)
    except (ValueError, RecursionError):   # also too deeply nested, or a number of thousands of digits
        return _fail("De antwoorden zijn geen geldige JSON, bijvoorbeeld '{\"soort\": \"geschenk\"}'.")
    if not isinstance(answers, dict):
        return _fail("De antwoorden moeten een JSON-object zijn, bijvoorbeeld '{\"soort\": \"geschenk\"}'.")
    outcome = evaluate(args.checker, rules, answers, day)
    if outcome["status"] != "uitkomst" or outcome["unknown"]:
        problems = dict(outcome["errors"])
        problems.update({q: "Deze vraag is nog niet beantwoord." for q in outcome.get("missing", [])})
        problems.update({_short(q): "Deze vraag bestaat niet in deze check." for q in outcome["unknown"]})
        print(to_json({"status": "ongeldig", "message": "De antwoorden zijn niet compleet of niet geldig.",
                       "errors": problems}))
        return 2
    print(to_json(outcome))
    return 0


def _short(name: str) -> str:
    """An unknown question name as given, but never pages of it."""
    return name if len(name) <= 40 else name[:40] + "…"


def _fail(message: str) -> int:
    print(to_json({"status": "ongeldig", "message": message}))
    return 2


if __name__ == "__main__":
    sys.exit(main())
