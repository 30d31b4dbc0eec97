"""`make verschil BASIS=<git ref>`: what the work tree changes in the checkers' verdicts, in Dutch.

The rule files and the checker code of BASIS are taken with `git archive` into a temporary folder;
each tree's answer space is walked by build_scripts/answer_walk.py in its own subprocess with that
tree's `checkers` package, so the comparison also holds when the checker code itself changed.
The report (Markdown) lists the changed limits, the answer paths whose verdict, reasons or sources
changed (and from which date), the changed practice examples, or says that nothing changed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WALKER = Path(__file__).with_name("answer_walk.py")
MAX_ROWS = 40      # per check; the rest is counted


class DiffError(RuntimeError):
    """A Dutch message for the person who runs make verschil."""


def export_tree(project: Path, ref: str, target: Path) -> str:
    """The checkers and docs of `ref` in `target`; returns the short commit id."""
    commit = subprocess.run(["git", "rev-parse", "--short", f"{ref}^{{commit}}"], cwd=project,
                            capture_output=True, text=True)
    if commit.returncode != 0:
        raise DiffError(f"BASIS={ref} is geen commit, branch of tag in deze repository. Gebruik bijvoorbeeld "
                        "make verschil BASIS=origin/main of BASIS=HEAD.")
    archive = subprocess.run(["git", "archive", "--format=tar", ref, "checkers", "docs"], cwd=project,
                             capture_output=True)
    if archive.returncode != 0:
        raise DiffError(f"BASIS={ref}: de mappen checkers/ en docs/ konden niet uit git worden gehaald: "
                        f"{archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return commit.stdout.strip()


def limits(tree: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Raw [grenzen] per code/checker from the TOML files (the editors' own format)."""
    found = {}
    for path in sorted((tree / "docs").glob("*/regels/*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        grenzen = data.get("grenzen") if isinstance(data.get("grenzen"), dict) else {}
        found[f"{path.parent.parent.name}/{path.stem}"] = {
            name: [v for v in (values if isinstance(values, list) else [values]) if isinstance(v, dict)]
            for name, values in grenzen.items()}
    return found


def amount_classes(*limit_sets: dict) -> list[str]:
    """Zero, small, large, and just under, at and just over every limit value of either tree."""
    values = {Decimal("0"), Decimal("1"), Decimal("1000")}
    for found in limit_sets:
        for per_check in found.values():
            for versions in per_check.values():
                for version in versions:
                    try:
                        bound = Decimal(str(version.get("waarde")))
                    except ArithmeticError:
                        continue
                    values |= {bound - Decimal("0.01"), bound, bound + Decimal("0.01")}
    return [str(v).replace(".", ",") for v in sorted(v for v in values if v >= 0)]


def dates(today: dt.date, *limit_sets: dict) -> list[str]:
    """Today and every later date from which a limit changes, in either tree."""
    later = {v["vanaf"] for found in limit_sets for per_check in found.values() for versions in per_check.values()
             for v in versions if isinstance(v.get("vanaf"), dt.date) and v["vanaf"] > today}
    return [d.isoformat() for d in [today, *sorted(later)]]


def walk(tree: Path, options: dict) -> dict:
    result = subprocess.run([sys.executable, str(WALKER), str(tree), json.dumps(options)], cwd=tree,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise DiffError(f"de checks in {tree} konden niet worden doorgelopen:\n{result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout)


# --- the report -------------------------------------------------------------------------------------

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def dutch(day: str | dt.date | None) -> str:
    if day is None:
        return "altijd (geen datum)"
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _limit_text(versions: list[dict]) -> str:
    if not versions:
        return "geen"
    return "; ".join(f"€ {v.get('waarde')}" + (f" vanaf {dutch(v['vanaf'])}" if v.get("vanaf") else "")
                     for v in versions)


def _cell(text: str) -> str:
    return " ".join(str(text).replace("|", "\\|").split())


def _outcome(summary: dict | None) -> str:
    if summary is None:
        return "(dit pad bestaat hier niet)"
    reasons = " ".join(summary.get("reasons", []))
    sources = ", ".join(summary.get("sources", []))
    return _cell(f"**{summary['verdict']}**: {reasons[:300]}{'…' if len(reasons) > 300 else ''} Bronnen: {sources or '-'}")


def _what_changed(was: dict | None, becomes: dict | None) -> str:
    if was is None or becomes is None or was["verdict"] != becomes["verdict"]:
        return "uitkomst"
    return "reden" if was["reasons"] != becomes["reasons"] else "bronnen"


def limit_changes(before: dict, after: dict) -> list[str]:
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key, {}), after.get(key, {})
        for name in sorted(set(old) | set(new)):
            if old.get(name) != new.get(name):
                added = [v for v in new.get(name, []) if v not in old.get(name, [])]
                since = ", ".join(dutch(v.get("vanaf")) for v in added if v.get("vanaf"))
                when = f" Nieuw vanaf {since}." if since else ""
                lines.append(f"- `{key}` grens `{name}`: was {_limit_text(old.get(name, []))}; "
                             f"wordt {_limit_text(new.get(name, []))}.{when}")
    return lines


def path_changes(before: dict, after: dict, days: list[str]) -> tuple[list[str], int, int]:
    """Markdown per check, the number of changed paths, and the number of paths compared."""
    out, changed_total, compared = [], 0, 0
    for key in sorted(set(before["checks"]) | set(after["checks"])):
        old, new = before["checks"].get(key), after["checks"].get(key)
        if old is None or new is None:
            side = new or old
            count = len(next(iter(side.values()), {}))
            out += [f"### `{key}`", "", f"{'Nieuwe' if old is None else 'Verwijderde'} check met {count} "
                                          "antwoordpaden.", ""]
            changed_total += count
            continue
        rows, differ = [], 0     # (order, row): changed verdicts first
        paths = sorted(set().union(*(set(old.get(d, {})) | set(new.get(d, {})) for d in days)))
        compared += len(paths)
        for path in paths:
            changed_on = [d for d in days if old.get(d, {}).get(path) != new.get(d, {}).get(path)]
            if not changed_on:
                continue
            differ += 1
            first = changed_on[0]
            when = "nu" if first == days[0] and len(changed_on) == len(days) else \
                ", ".join(("nu" if d == days[0] else f"vanaf {dutch(d)}") for d in changed_on)
            was, becomes = old.get(first, {}).get(path), new.get(first, {}).get(path)
            what = _what_changed(was, becomes)
            rows.append((("uitkomst", "reden", "bronnen").index(what) if what in ("uitkomst", "reden", "bronnen") else 0,
                         f"| {_cell(path)} | {what} | {when} | {_outcome(was)} | {_outcome(becomes)} |"))
        if differ:
            changed_total += differ
            verdicts = sum(order == 0 for order, _ in rows)
            shown = [row for _, row in sorted(rows, key=lambda r: r[0])[:MAX_ROWS]]
            out += [f"### `{key}`", "", f"{differ} van de {len(paths)} antwoordpaden veranderen, {verdicts} daarvan "
                                        "van uitkomst.", "",
                    "| Antwoorden | Wat verandert | Wanneer | Was | Wordt |", "| --- | --- | --- | --- | --- |", *shown]
            if differ > len(shown):
                out.append(f"\nEn nog {differ - len(shown)} antwoordpaden (alleen de eerste {MAX_ROWS} staan hier).")
            out.append("")
    return out, changed_total, compared


def example_changes(before: dict, after: dict) -> list[str]:
    lines = []
    old, new = before["examples"], after["examples"]
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a is None:
            lines.append(f"- `{key}` is nieuw: {b.get('title')}.")
        elif b is None:
            lines.append(f"- `{key}` is verwijderd (het adres voorbeelden/{key.split('/')[1]}/ was gepubliceerd).")
        elif a.get("check") != b.get("check"):
            lines.append(f"- `{key}`: de check bij het voorbeeld veranderde (antwoorden of verwachte uitkomst).")
        elif (a.get("outcome") or {}).get("verdict") != (b.get("outcome") or {}).get("verdict"):
            lines.append(f"- `{key}`: de uitkomst veranderde van {(a.get('outcome') or {}).get('verdict')} in "
                         f"{(b.get('outcome') or {}).get('verdict')}.")
        elif a.get("title") != b.get("title"):
            lines.append(f"- `{key}`: de titel veranderde in \"{b.get('title')}\".")
    return lines


def report(ref: str, commit: str, before: dict, after: dict, limits_before: dict, limits_after: dict,
           days: list[str]) -> str:
    limit_lines = limit_changes(limits_before, limits_after)
    paths, changed, compared = path_changes(before, after, days)
    examples = example_changes(before, after)
    errors = [f"- `{k}` (werkmap): {v}" for k, v in after.get("errors", {}).items()] + \
             [f"- `{k}` ({ref}): {v}" for k, v in before.get("errors", {}).items()]
    head = ["# Wat verandert er aan de uitkomsten van de checks?", "",
            f"Vergeleken: `{ref}` ({commit}) met deze wijziging. Peildata: vandaag ({dutch(days[0])})"
            + "".join(f", {dutch(d)}" for d in days[1:]) + ". Elk antwoordpad van elke check van elke code is "
            "doorgelopen; bedragen net onder, op en net boven elke grens.", ""]
    if not (limit_lines or changed or examples or errors):
        return "\n".join(head + [f"**Geen verschil.** Alle {compared} antwoordpaden van {len(after['checks'])} "
                                 "checks geven dezelfde uitkomst, redenen en bronnen; geen praktijkvoorbeeld en "
                                 "geen grens veranderde.", ""])
    body = [f"**{changed} antwoordpaden veranderen**, {len(limit_lines)} grenzen en {len(examples)} "
            "praktijkvoorbeelden.", ""]
    if errors:
        body += ["## Regelbestanden met een fout", "", *errors, ""]
    body += ["## Grenzen", "", *(limit_lines or ["Geen grens veranderde."]), ""]
    body += ["## Antwoordpaden", "", *(paths or ["Geen antwoordpad veranderde.", ""])]
    body += ["## Praktijkvoorbeelden", "", *(examples or ["Geen praktijkvoorbeeld veranderde."]), ""]
    return "\n".join(head + body)


def compare(project: Path, ref: str, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    with tempfile.TemporaryDirectory(prefix="codewijzer-basis-") as tmp:
        base = Path(tmp)
        commit = export_tree(project, ref, base)
        limits_before, limits_after = limits(base), limits(project)
        options = {"amounts": amount_classes(limits_before, limits_after),
                   "dates": dates(today, limits_before, limits_after)}
        before, after = walk(base, options), walk(project, options)
    return report(ref, commit, before, after, limits_before, limits_after, options["dates"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make verschil BASIS=", description="Wat verandert er aan de uitkomsten?")
    parser.add_argument("--basis", default="HEAD", help="de git-versie om mee te vergelijken, bijvoorbeeld origin/main")
    parser.add_argument("--uit", type=Path, default=None, help="schrijf het verslag naar dit bestand")
    parser.add_argument("--project", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--datum", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        text = compare(args.project.resolve(), args.basis.strip() or "HEAD", args.datum)
    except DiffError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2
    if args.uit:
        args.uit.write_text(text, encoding="utf-8")
        print(f"Verslag geschreven naar {args.uit}.")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
