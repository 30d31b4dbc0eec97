"""The command line against at least 50 hostile answers per checker: exit status 2, a Dutch message,
never a verdict, never a traceback. (The page gets the same corpus: tests/browser/test_hostile_input.py.)"""
from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys

import pytest

from checkers.__main__ import main
from tests.checkers.hostile_answers import hostile_answers
from tests.conftest import DOCS, ROOT

RULE_FILES = sorted((p.parent.parent.name, p.stem) for p in DOCS.glob("*/regels/*.toml"))
DUTCH = re.compile(r"\b(de|het|een|is|niet|vul|kies|bijvoorbeeld|vraag|bedrag|antwoorden)\b", re.I)
ENGLISH = re.compile(r"Traceback|Error|Exception|invalid|expected|line \d+ column", re.I)


def run_cli(checker: str, code: str, answers: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(["evaluate", checker, "--code", code, "--answers", answers, "--datum", "2026-11-22"])
        except SystemExit as stop:          # argparse
            status = stop.code
    return status, out.getvalue(), err.getvalue()


def assert_dutch_refusal(status: int, stdout: str, stderr: str, label: str) -> None:
    assert status == 2, f"{label}: exit {status}, {stdout[:300]}"
    assert "Traceback" not in stdout + stderr, label
    message = json.loads(stdout)
    assert message["status"] == "ongeldig" and "verdict" not in message, label
    texts = [message["message"], *message.get("errors", {}).values()]
    for text in texts:
        assert DUTCH.search(text) and not ENGLISH.search(text), f"{label}: not a Dutch message: {text!r}"
    assert len(stdout) < 5_000, f"{label}: the message repeats the input"


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=[f"{c}-{k}" for c, k in RULE_FILES])
def test_hostile_answers_get_a_dutch_message_and_no_verdict(code, checker):
    corpus = list(hostile_answers(checker, code))
    assert len(corpus) >= 50
    for label, answers in corpus:
        assert_dutch_refusal(*run_cli(checker, code, answers), label)


def test_the_real_command_line_never_prints_a_traceback():
    """A few of the worst through a real process: argv, JSON, exit status and encoding end to end."""
    for answers in ["[" * 20_000 + "]" * 20_000, '{"soort": "geschenk", "waarde": "٤٥"}', '{"soort": 1e400}',
                    '{"soort": "geschenk", "waarde": ' + "1" * 5_000 + "}"]:
        result = subprocess.run([sys.executable, "-m", "checkers", "evaluate", "geschenken", "--code",
                                 "gemeente-utrecht", "--answers", answers], cwd=ROOT, capture_output=True, text=True)
        assert_dutch_refusal(result.returncode, result.stdout, result.stderr, answers[:30])


@pytest.mark.parametrize("argv", [
    ["evaluate", "bestaat-niet", "--code", "gemeente-utrecht", "--answers", "{}"],
    ["evaluate", "geschenken", "--answers", "{}"],
    ["evaluate", "geschenken", "--code", "gemeente-utrecht"],
    ["evaluate", "geschenken", "--code", "gemeente-utrecht", "--answers", "{}", "--datum", "2026-13-45"],
    ["evaluate", "geschenken", "--code", "gemeente-utrecht", "--answers", "{}", "--datum", "<script>"],
    ["evaluate", "geschenken", "--code", "gemeente-utrecht", "--answers", "{}", "--extra"],
    ["evaluate", "geschenken", "--code", "gemeente-utrecht", "--answers"],
    ["evaluate", "geschenken", "--code", "../../etc", "--answers", "{}"],
    ["bestaat-niet"], [],
], ids=lambda argv: " ".join(argv)[:40] or "leeg")
def test_a_wrong_command_gets_a_dutch_message(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as stop:
            status = stop.code
    assert status == 2 and err.getvalue() == ""
    message = json.loads(out.getvalue())["message"]
    assert DUTCH.search(message) and not re.search(r"required|invalid|choose|unrecognized|expected", message), message
