"""Walk the whole answer space of every checker of every code in ONE project tree; print JSON.

    python build_scripts/answer_walk.py <tree> '<json: {"amounts": [...], "dates": [...]}>'

Run as a file in a subprocess with the tree's own `checkers` package first on sys.path, so the
verdicts are those of that tree's checker code (make verschil compares two versions). It uses only
the checkers' documented boundary: CHECKERS, evaluate(checker, rules, answers, today) with its
`onvolledig`/`next_question` status, load_rules, and the TOML rule files and example front matter.
Standard library plus PyYAML (already needed by the build).
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

MAX_PATHS = 20000      # a guard against a runaway rule file; the real codes have a few hundred


def _choices(question: dict, amounts: list[str]) -> list[str]:
    kind = question.get("type")
    if kind == "bedrag":
        return amounts
    if kind == "janee":
        return ["ja", "nee"]
    return [str(o["waarde"]) if isinstance(o, dict) else str(o) for o in question.get("opties", [])]


def _summary(result: dict) -> dict:
    if result.get("status") != "uitkomst":
        return {"verdict": f"({result.get('status')})", "reasons": [str(result.get("message", ""))], "sources": []}
    return {"verdict": result["verdict"],
            "reasons": [r.get("text", "") for r in result.get("reasons", [])],
            "sources": [s.get("href", "") for s in result.get("sources", [])]}


def _questions(rules) -> dict[str, dict]:
    """The rule set's questions in the rule files' own form, from either version of the checkers: the
    parsed TOML (a dict, before the typed rule model) or the typed model (checkers.model.RuleSet)."""
    if isinstance(rules, dict):
        return {q["id"]: q for q in rules.get("vragen", [])}
    return {q.id: {"id": q.id, "type": q.kind, "opties": [{"waarde": o.value} for o in q.options]}
            for q in rules.questions}


def walk(checkers, rules, checker: str, amounts: list[str], day: dt.date) -> dict[str, dict]:
    questions = _questions(rules)
    paths: dict[str, dict] = {}

    def visit(answers: dict[str, str]) -> None:
        if len(paths) >= MAX_PATHS:
            return
        result = checkers.evaluate(checker, rules, answers, day)
        following = result.get("next_question") if result.get("status") == "onvolledig" else None
        if following and following in questions and following not in answers:
            for choice in _choices(questions[following], amounts):
                visit({**answers, following: choice})
            return
        key = ", ".join(f"{q}={a}" for q, a in answers.items()) or "(geen vragen)"
        paths[key] = _summary(result)
    visit({})
    return paths


def examples(docs: Path) -> dict[str, dict]:
    import yaml
    found = {}
    for path in sorted(docs.glob("*/voorbeelden/*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        try:
            meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        except yaml.YAMLError:
            continue
        if isinstance(meta, dict):
            found[f"{path.parent.parent.name}/{path.stem}"] = {"title": meta.get("title"), "check": meta.get("check")}
    return found


def main(tree: Path, options: dict) -> dict:
    sys.path.insert(0, str(tree))
    import checkers                                   # the tree's own version
    from checkers.rules import load_rules
    docs = tree / "docs"
    out: dict = {"checks": {}, "examples": examples(docs), "errors": {}}
    for path in sorted(docs.glob("*/regels/*.toml")):
        code, checker = path.parent.parent.name, path.stem
        if checker not in checkers.CHECKERS:
            continue
        key = f"{code}/{checker}"
        try:
            rules = load_rules(docs, code, checker, checkers.CHECKERS[checker])
            out["checks"][key] = {day: walk(checkers, rules, checker, options["amounts"], dt.date.fromisoformat(day))
                                  for day in options["dates"]}
        except Exception as error:    # noqa: BLE001 - a broken rule file is reported, not a crash
            out["errors"][key] = str(error)
    for key, example in out["examples"].items():
        check = example.get("check")
        if isinstance(check, dict) and f"{key.split('/')[0]}/{check.get('naam')}" in out["checks"]:
            code = key.split("/")[0]
            try:
                rules = load_rules(docs, code, check["naam"], checkers.CHECKERS[check["naam"]])
                example["outcome"] = _summary(checkers.evaluate(check["naam"], rules, check.get("antwoorden") or {},
                                                                dt.date.fromisoformat(options["dates"][0])))
            except Exception as error:    # noqa: BLE001
                example["outcome"] = {"verdict": "(fout)", "reasons": [str(error)], "sources": []}
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]).resolve(), json.loads(sys.argv[2])), ensure_ascii=False, default=str))
