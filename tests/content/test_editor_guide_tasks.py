"""The editors' guide, executed: every task of docs/handleiding/ is done exactly as the guide writes it
(its commands, its code blocks, its file names) in a temporary git clone, one step per task; then the
build and the content and checker tests run in that clone and must all pass, with the recording files
(tests/content/*.txt) only appended to by the build, never edited by hand.

To follow a new task of the guide: write a step function that reads its page with `guide()` and does
what it says, and add it to TASKS. The steps read the guide at run time, so when the guide's example
changes, the test does what the new text says.

Slow (a clone, builds and the content and checker tests in it, also on the day the guide's new limit takes
effect): about 10 minutes on a loaded machine.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from build_scripts.open_items import find
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

GUIDE = ROOT / "docs" / "handleiding"
RECORDS = ["anchors.txt", "example_ids.txt", "workshop_sets.txt"]
MAKE = ["make", "-s", "-o", ".venv/.installed", "-o", "node_modules/.installed"]   # the clone shares .venv
FENCE = re.compile(r"^(```+|~~~+)\s*([\w-]*)")
DOCS_PATH = re.compile(r"`(docs/[\w./-]+\.(?:md|toml|yml|txt))`")
FILLED = "Ingevuld door de redacteur, met de tekst zoals die in de gedragscode van de organisatie staat."


@dataclass
class Block:
    """A fenced code block of the guide, with the last `docs/...` file named in the text before it."""
    language: str
    text: str
    path: str | None


@dataclass
class Page:
    name: str
    text: str
    blocks: list[Block] = field(default_factory=list)

    def first(self, language: str, containing: str = "") -> Block:
        found = [b for b in self.blocks if b.language == language and containing in b.text]
        assert found, f"handleiding/{self.name}.md has no {language} block with {containing!r}: update the step"
        return found[0]


def guide(name: str) -> Page:
    """A page of the guide, with its code blocks (the editor copies these)."""
    text = (GUIDE / f"{name}.md").read_text(encoding="utf-8")
    page, lines, path, inside, language, current = Page(name, text), text.splitlines(), None, None, "", []
    for line in lines:
        fence = FENCE.match(line.strip())
        if inside is None and fence:
            inside, language, current = fence.group(1), fence.group(2), []
        elif inside is not None and line.strip() == inside:
            page.blocks.append(Block(language, "\n".join(current) + "\n", path))
            inside = None
        elif inside is not None:
            current.append(line)
        else:
            named = DOCS_PATH.findall(line)
            path = named[-1] if named else path
    return page


@functools.cache
def change_day() -> dt.date:
    """The day the guide's example of a new limit takes effect (grens-wijzigen: `vanaf = ...`)."""
    dated = guide("grens-wijzigen").first("toml", "vanaf =").text
    return dt.date.fromisoformat(re.search(r"vanaf = (\d{4}-\d\d-\d\d)", dated).group(1))


def run(clone: Path, command: list[str], timeout: int = 1800, day: dt.date | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS", "PYTEST", "CODEWIJZER"))}
    env["NO_MKDOCS_2_WARNING"] = "1"
    # The guide's own way to look at another day. Its story is told before its new limit takes effect
    # ("Tot 1 januari 2027 is dat 50 euro"), so every step runs on the day before, whatever today is.
    env["CODEWIJZER_DATUM"] = (day or change_day() - dt.timedelta(days=1)).isoformat()
    return subprocess.run(command, cwd=clone, capture_output=True, text=True, env=env, timeout=timeout)


def pytest_in_clone(clone: Path, *args: str, day: dt.date | None = None) -> subprocess.CompletedProcess:
    return run(clone, [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], timeout=3600, day=day)


def run_guide_command(clone: Path, line: str) -> subprocess.CompletedProcess:
    """A `make ...` line from the guide, as the editor types it (without re-installing .venv)."""
    words = line.split()
    assert words[0] == "make", line
    return run(clone, [*MAKE, *words[1:]])


# --- one step per task of the guide -----------------------------------------------------------------

def new_organisation(clone: Path) -> str:
    page = guide("nieuwe-organisatie")
    command = page.first("sh", "make new-code").text.strip()
    result = run_guide_command(clone, command)
    assert result.returncode == 0, result.stderr
    slug = re.search(r"NAAM=([\w-]+)", command).group(1)
    docs = clone / "docs"
    new_files = [p.relative_to(docs).as_posix() for p in [*(docs / slug).rglob("*.*"), docs / "bronnen" / f"{slug}.txt"]]
    items = find(docs, new_files)
    assert items, "the skeleton has no open items"
    # The guide's table "Vul het in: de open punten", one rule per kind of open item.
    assert "vervang de hele tekst na `TODO:`" in page.text and "schrijf dan `null`" in page.text
    assert "haal de regel `nog_aan_te_vullen: true` weg" in page.text
    assert "ten minste een link, e-mailadres of telefoonnummer" in page.text
    for rel in {item.path for item in items}:
        path = docs / rel
        text = re.sub(r"TODO:[^\"\n]*", FILLED, path.read_text(encoding="utf-8"))
        text = re.sub(r"(:\s*)nog niet gecontroleerd(\s*#.*)?$", r"\1null", text, flags=re.M)
        text = re.sub(r"^(\s*)email: null", rf"\1email: integriteit@{slug}.nl", text, flags=re.M)
        text = re.sub(r"^\s*nog_aan_te_vullen:\s*true\s*\n", "", text, flags=re.M)
        path.write_text(text, encoding="utf-8")
    assert not find(docs, new_files), "open items left after following the guide"
    intranet = page.first("sh", "make build CODE=").text.strip()
    result = run_guide_command(clone, intranet)
    assert result.returncode == 0, f"{intranet}:\n{result.stderr}"
    assert (clone / "site" / slug / "index.html").is_file() and not (clone / "site" / "handleiding").exists()
    return f"{command}; {len(items)} open items filled in; {intranet}"


def change_agreement_text(clone: Path) -> str:
    page = guide("tekst-wijzigen")
    block = page.first("markdown", "[[")
    number = re.search(r"\[\[([\w.]+)\]\]", block.text).group(0)
    target = clone / re.search(r"`(docs/[\w/-]+\.md)`", page.text).group(1)
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if number in line)
    prefix = lines[at][:lines[at].index(number) + len(number)]
    lines[at] = f"{prefix} {block.text.split(number, 1)[1].strip()} (tekst aangepast)\n"
    target.write_text("".join(lines), encoding="utf-8")
    return f"{target.relative_to(clone)}: {number} changed"


def add_example(clone: Path) -> str:
    block = guide("voorbeeld-toevoegen").first("markdown", "soort: voorbeeld")
    assert block.path and "/voorbeelden/" in block.path, block.path
    target = clone / block.path
    assert not target.exists(), f"{block.path} exists already: the guide's example should be new"
    target.write_text(block.text, encoding="utf-8")
    return f"{block.path} written"


def change_limit(clone: Path) -> str:
    page = guide("grens-wijzigen")
    current, dated = page.first("toml", "[grenzen]"), page.first("toml", "vanaf =")
    target = clone / current.path
    text = target.read_text(encoding="utf-8")
    old = next(line for line in current.text.splitlines() if line.startswith("maximale_waarde"))
    assert old in text, f"{current.path} no longer has {old!r}: update the guide"
    target.write_text(text.replace(old, dated.text.strip()), encoding="utf-8")
    # "Let op bij een nieuw bedrag", 3 and 4: the build names the examples, the tests the scenario cases.
    prepared = run(clone, [sys.executable, "-m", "build_scripts.prepare"])     # the build's first stage warns
    warned = [line for line in prepared.stderr.splitlines() if line.startswith("LET OP")]
    assert not warned, f"examples to give verwacht_vanaf (not automated here): {warned}"
    assert "datum: " in page.first("yaml", "- naam:").text
    tests = pytest_in_clone(clone, "tests/checkers/test_scenarios.py", "-k", "announced")
    named = re.findall(r"^([\w/.-]+\.scenarios\.yml), geval '(.+?)': vanaf .*?Zet er dan 'datum: ([\d-]+)' bij",
                       tests.stdout, re.S | re.M)
    dated_cases = pin_scenario_cases(clone, named)
    again = pytest_in_clone(clone, "tests/checkers/test_scenarios.py", "-k", "announced")
    assert again.returncode == 0, again.stdout[-3000:]
    return f"{current.path}: {' '.join(dated.text.split())}; {dated_cases} scenario cases dated"


def pin_scenario_cases(clone: Path, named: list[tuple[str, str, str]]) -> int:
    """Give each named case (file, name, day) the `datum:` the test asked for, on the line after its `naam:`
    (as the guide shows)."""
    for file, name, day in named:
        path = clone / "docs" / file
        lines = path.read_text(encoding="utf-8").split("\n")
        at = next((i for i, line in enumerate(lines) if line.strip() in (f"- naam: {name}", f"- naam: '{name}'",
                                                                         f'- naam: "{name}"')), None)
        assert at is not None, f"{file}: no case named {name!r}"
        indent = " " * (len(lines[at]) - len(lines[at].lstrip()) + 2)
        lines.insert(at + 1, f"{indent}datum: {day}")
        path.write_text("\n".join(lines), encoding="utf-8")
    return len(named)


def add_theme(clone: Path) -> str:
    page = guide("thema-toevoegen")
    theme, themed_page = page.first("yaml"), page.first("markdown", "soort: thema")
    themes = clone / "docs" / "themas.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + theme.text, encoding="utf-8")
    placeholder = re.search(r"`(<!-- codewijzer: voorbeelden -->)`", page.text).group(1)
    assert "## Praktijkvoorbeelden" in themed_page.text
    (clone / themed_page.path).write_text(themed_page.text.rstrip("\n") + f"\n\n{placeholder}\n", encoding="utf-8")
    return f"docs/themas.yml: {theme.text.strip()}; {themed_page.path} written"


def add_rule(clone: Path) -> str:
    page = guide("regel-toevoegen")
    rule, labels = page.first("toml", "[[regels]]"), page.first("toml", "[uitkomsten]")
    target = clone / rule.path
    text = target.read_text(encoding="utf-8")
    assert "\n[standaard]" in text and "[uitkomsten]" not in text
    text = text.replace("\n[standaard]", f"\n{rule.text}\n[standaard]", 1) + "\n" + labels.text
    target.write_text(text, encoding="utf-8")
    return f"{rule.path}: a rule and [uitkomsten] added"


TASKS: list[tuple[str, Callable[[Path], str]]] = [
    ("nieuwe organisatie", new_organisation),
    ("tekst van een afspraak wijzigen", change_agreement_text),
    ("praktijkvoorbeeld toevoegen", add_example),
    ("grens wijzigen vanaf een datum", change_limit),
    ("thema toevoegen", add_theme),
    ("regel toevoegen", add_rule),
]


# --- the clone, the steps, and what must hold afterwards ---------------------------------------------

@pytest.fixture(scope="module")
def guided(tmp_path_factory) -> dict:
    clone = tmp_path_factory.mktemp("guide") / "codewijzer"
    # The work tree as it is, uncommitted changes included: `git stash create` makes a commit of them
    # without touching the work tree; --shared lets the clone see that (unreferenced) commit.
    snapshot = subprocess.run(["git", "stash", "create"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    subprocess.run(["git", "clone", "-q", "--shared", str(ROOT), str(clone)], check=True, capture_output=True)
    if snapshot:
        subprocess.run(["git", "checkout", "-q", "--detach", snapshot], cwd=clone, check=True, capture_output=True)
    for shared in (".venv", "node_modules", ".cache"):
        if (ROOT / shared).exists():
            (clone / shared).symlink_to(ROOT / shared)
    for marker in (".venv/.installed", "node_modules/.installed"):   # newer than the clone's files: make
        if (ROOT / marker).exists():                                 # in the clone does not set up again
            os.utime(ROOT / marker)
    records_before = {name: (clone / "tests" / "content" / name).read_text(encoding="utf-8") for name in RECORDS}
    outcome: dict = {"clone": clone, "records_before": records_before, "steps": {}, "seconds": {}}
    for name, step in TASKS:
        started = time.monotonic()
        try:
            outcome["steps"][name] = ("ok", step(clone))
        except Exception as error:          # noqa: BLE001 - reported by the step's own test
            outcome["steps"][name] = ("fout", f"{type(error).__name__}: {error}")
        outcome["seconds"][name] = round(time.monotonic() - started, 1)
    started = time.monotonic()
    outcome["build"] = run(clone, [*MAKE, "build"])
    outcome["seconds"]["make build"] = round(time.monotonic() - started, 1)
    started = time.monotonic()
    outcome["tests"] = pytest_in_clone(clone, "tests/content", "tests/checkers",
                                     "--ignore=tests/content/test_editor_guide_tasks.py")
    outcome["seconds"]["content and checker tests"] = round(time.monotonic() - started, 1)
    # The day the guide's new limit takes effect: nothing changes in the repository, CI must stay green.
    day = change_day()
    started = time.monotonic()
    outcome["change_day"] = day
    outcome["build_on_change_day"] = run(clone, [*MAKE, "build"], day=day)
    outcome["tests_on_change_day"] = pytest_in_clone(clone, "tests/checkers", day=day)
    outcome["seconds"][f"build and checker tests on {day}"] = round(time.monotonic() - started, 1)
    summary = (outcome["tests"].stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"\nguide tasks in a clone, seconds: {outcome['seconds']}; tests in the clone: {summary}")
    return outcome


@pytest.mark.parametrize("task", [name for name, _ in TASKS])
def test_the_guide_task_can_be_done_as_written(guided, task):
    status, detail = guided["steps"][task]
    assert status == "ok", f"{task}: {detail}"


def test_the_build_passes_after_every_task(guided):
    assert guided["build"].returncode == 0, guided["build"].stderr[-4000:]


def test_the_content_and_checker_tests_pass_in_the_clone(guided):
    result = guided["tests"]
    assert result.returncode == 0, (result.stdout[-6000:] + result.stderr[-2000:])


def test_the_build_and_the_checker_tests_pass_on_the_day_the_new_limit_takes_effect(guided):
    build, tests = guided["build_on_change_day"], guided["tests_on_change_day"]
    assert build.returncode == 0, f"make build CODEWIJZER_DATUM={guided['change_day']}:\n{build.stderr[-4000:]}"
    assert tests.returncode == 0, tests.stdout[-6000:] + tests.stderr[-2000:]


def test_the_recording_files_were_only_appended_to_by_the_build(guided):
    clone = guided["clone"]
    for name in RECORDS:
        after = (clone / "tests" / "content" / name).read_text(encoding="utf-8")
        before = guided["records_before"][name]
        kept = [line for line in before.splitlines()[1:] if line]
        assert after.splitlines()[1:len(kept) + 1] == kept, f"{name}: recorded lines changed"
    anchors = (clone / "tests" / "content" / "anchors.txt").read_text(encoding="utf-8")
    example = guide("voorbeeld-toevoegen").first("markdown", "soort: voorbeeld").path
    example_id = Path(example).stem
    assert example_id in (clone / "tests" / "content" / "example_ids.txt").read_text(encoding="utf-8")
    assert f"#voorbeeld-{example_id}" in anchors
    theme_page = guide("thema-toevoegen").first("markdown", "soort: thema").path
    assert theme_page.removeprefix("docs/").removesuffix(".md") + "/#afspraak-" in anchors
