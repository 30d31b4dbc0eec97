"""One smoke set in Firefox and in WebKit (markers `firefox`, `webkit`; drivers: engines.py, ADR 0018):
every checker reaches ready and the command line's verdict along one answer path, with its sources,
under the development server and under deploy/nginx.conf with its policy header, without a console
error; a missing wasm shows the Dutch message and the rules; an outcome prints; a WebKit session that
dies is replaced (ADR 0018, amendment)."""
from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import threading
import glob
import signal
import time
import unicodedata
from dataclasses import dataclass
from http.server import ThreadingHTTPServer

import pytest

from build_scripts.checker_embed import UI_TEXT
from checkers import evaluate
from checkers.dates import evaluation_date
from tests.browser.engines import (DEBIAN_PACKAGES, FIREFOX_ESR, MINIBROWSER, PlaywrightTab, SeleniumTab, Xvfb,
                                   WebKitBrowser, could_install, debian_engine_available,
                                   once_more_after_a_webkit_crash, playwright_engine_available)
from tests.browser.conftest import serve_directory
from tests.browser.test_checkers import RULE_FILES, page_url, rules

ENGINES = [pytest.param("firefox", marks=pytest.mark.firefox), pytest.param("webkit", marks=pytest.mark.webkit)]
CHECKERS = [pytest.param(code, checker, id=f"{code}-{checker}") for code, checker in RULE_FILES]
STATE = """(checker) => {
  const section = document.querySelector(`section.cw-check[data-checker='${checker}']`);
  return section && ["ready", "error"].includes(section.dataset.state) ? section.dataset.state : null;
}"""
# What the checker's live region says once it holds an outcome, and the outcome's links.
OUTCOME = """([checker, heading]) => {
  const live = document.querySelector(`section.cw-check[data-checker='${checker}'] [aria-live]`);
  const said = live ? live.textContent.replace(/\\s+/g, " ") : "";
  if (!said.includes(heading)) return null;
  return { said, links: [...live.querySelectorAll("a")].map((a) => [a.textContent.trim(), a.href]) };
}"""


def missing(engine: str):
    if could_install(engine):
        pytest.fail(f"{DEBIAN_PACKAGES[engine]} is missing although `make engines` could install it: run `make test`")
    pytest.skip(f"LET OP: {engine} ontbreekt (installeer {DEBIAN_PACKAGES[engine]}, of Playwright's eigen {engine}, "
                f"of draai `make test` als root): de site is NIET in {engine} getest")


@pytest.fixture(scope="session")
def firefox(playwright):
    if debian_engine_available("firefox"):
        browser = playwright.firefox.launch(channel="moz-firefox", executable_path=FIREFOX_ESR)
        driver = "firefox-esr"
    elif playwright_engine_available(playwright, "firefox"):
        browser, driver = playwright.firefox.launch(), "playwright"
    else:
        missing("firefox")
    yield lambda: PlaywrightTab(browser, "firefox", driver)
    browser.close()


@pytest.fixture(scope="session")
def webkit(playwright):
    if debian_engine_available("webkit"):
        webkit_browser = WebKitBrowser()
        yield webkit_browser.tab
        webkit_browser.stop()
    elif playwright_engine_available(playwright, "webkit"):
        browser = playwright.webkit.launch()
        yield lambda: PlaywrightTab(browser, "webkit", "playwright")
        browser.close()
    else:
        missing("webkit")


@pytest.fixture
def tab(request, engine):
    opened = request.getfixturevalue(engine)()
    yield opened
    opened.close()


@dataclass
class Step:
    question: str
    option: str | None      # None: an amount, typed
    value: str = ""         # the answer as the command line takes it


def question_views(rule_set) -> dict[str, dict]:
    """Each question as the reader sees it (texts filled in for the evaluation date), by id."""
    today = evaluation_date()
    return {q.id: {"id": q.id, "vraag": rule_set.fill(q.text, today), "type": q.kind,
                   "hulp": rule_set.fill(q.hint, today) if q.hint else "",
                   "opties": [{"waarde": o.value, "tekst": rule_set.fill(o.text, today)} for o in q.options]}
            for q in rule_set.questions}


def first_option_path(code: str, checker: str) -> tuple[list[Step], dict]:
    """The command line's walk: answer each next question with its first option (an amount: 10)."""
    rule_data = rules(code, checker)
    questions = question_views(rule_data)
    answers, steps = {}, []
    for _ in range(40):
        result = evaluate(checker, rule_data, answers)
        if result["status"] == "uitkomst":
            return steps, result
        question = questions[result["next_question"]]
        if question["type"] == "bedrag":
            answers[question["id"]], option = "10", None
        elif question["type"] == "janee":
            answers[question["id"]], option = "ja", UI_TEXT["ja"]
        else:
            answers[question["id"]], option = question["opties"][0]["waarde"], question["opties"][0]["tekst"]
        steps.append(Step(question["vraag"], option, answers[question["id"]]))
    raise AssertionError(f"{code}/{checker}: no outcome along the first options")


def open_checker(tab, url: str, checker: str) -> None:
    tab.goto(url)
    state = tab.wait(STATE, checker)
    assert state == "ready", f"{tab.engine}: the checker did not start ({tab.reports()})"


def walk(tab, steps: list[Step]) -> None:
    for step in steps:
        if step.option is None:
            tab.fill(step.question, "10")
        else:
            tab.choose(step.question, step.option)


def outcome_heading(result: dict) -> str:
    """The outcome's heading: what to do and to whom (Python's 'heading': the rule's kop, or the label)."""
    return result.get("heading") or result["verdict_label"]


@pytest.mark.parametrize("server", ["site_url", "nginx_url"])
@pytest.mark.parametrize("code, checker", CHECKERS)
@pytest.mark.parametrize("engine", ENGINES)
@once_more_after_a_webkit_crash
def test_every_checker_gives_the_command_line_verdict_with_its_sources(request, tab, server, code, checker):
    """Under the development server and under nginx, both with the policy as header and meta tag."""
    base = request.getfixturevalue(server)
    open_checker(tab, base + page_url(code, checker), checker)
    policy = tab.run("() => fetch(location.href).then((r) => r.headers.get('content-security-policy'))")
    assert policy and "frame-ancestors 'none'" in policy and "script-src" in policy
    steps, result = first_option_path(code, checker)
    walk(tab, steps)
    shown = tab.wait(OUTCOME, [checker, outcome_heading(result)], timeout=20)
    for step in result["next_steps"]:
        assert step in shown["said"]
    links = dict(shown["links"])
    for source in result["sources"]:
        assert links.get(source["label"]) == base + source["href"], (source, shown["links"])
    assert tab.errors() == []


def descendants(pid: int, name: str) -> list[int]:
    """The processes below process `pid` whose command line holds `name`."""
    children: dict[int, list[int]] = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = open(stat).read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            todo.append(child)
            try:
                if name in open(f"/proc/{child}/cmdline").read():
                    found.append(child)
            except OSError:
                pass
    return found


@pytest.mark.webkit
def test_a_webkit_session_that_dies_is_replaced_and_the_test_run_once_more(webkit, site_url):
    """The browser under the WebKit session killed in the middle of a test (in CI the session died when
    WebKit's web process crashed): the test runs once more in a new session with a warning; a session that
    dies twice fails the test."""
    from selenium.common.exceptions import WebDriverException
    tab = webkit()
    if not isinstance(tab, SeleniumTab):
        pytest.skip("Playwright's own WebKit: no WebDriver session to lose")
    attempts = []

    @once_more_after_a_webkit_crash
    def read_title(tab, crashes: int):
        attempts.append(tab.session.session_id)
        tab.goto(site_url)
        if len(attempts) <= crashes:
            for pid in descendants(tab.session.service.process.pid, "MiniBrowser"):
                os.kill(pid, signal.SIGKILL)
        return tab.wait("() => document.title")

    with pytest.warns(UserWarning, match="WebKit's session died in read_title"):
        assert "Codewijzer" in read_title(tab=tab, crashes=1)
    assert len(attempts) == 2 and attempts[0] != attempts[1]
    attempts.clear()
    with pytest.warns(UserWarning), pytest.raises(WebDriverException):
        read_title(tab=tab, crashes=2)
    assert len(attempts) == 2
    after = webkit()                                  # the next test's tab: in a new session
    after.goto(site_url)
    assert "Codewijzer" in after.wait("() => document.title")
    after.close()


def serve_linked_copy(built_site, folder, change) -> tuple[ThreadingHTTPServer, str]:
    """The built site as links in `folder`, after change(folder), served with the development server."""
    root = folder / "site"
    shutil.copytree(built_site, root, copy_function=os.symlink)
    change(root)
    return serve_directory(root)


def remove_wasm(root) -> None:
    for wasm in (root / "assets" / "pyodide").glob("pyodide.asm.wasm*"):
        wasm.unlink()


@pytest.fixture(scope="module")
def site_without_wasm(built_site, tmp_path_factory):
    server, url = serve_linked_copy(built_site, tmp_path_factory.mktemp("without-wasm"), remove_wasm)
    yield url
    server.shutdown()


RULES_SHOWN = """(checker) => {
  const section = document.querySelector(`section.cw-check[data-checker='${checker}']`);
  const rules = document.getElementById(`check-${checker}-regels`).querySelector("details");
  return { status: section.textContent.replace(/\\s+/g, " "), open: rules.open,
           visible: rules.getBoundingClientRect().height > 0, items: rules.querySelectorAll("li").length,
           links: [...rules.querySelectorAll("a")].map((a) => a.getAttribute("href")),
           inputs: section.querySelectorAll("input").length };
}"""


@pytest.mark.parametrize("engine", ENGINES)
@once_more_after_a_webkit_crash
def test_a_missing_wasm_shows_the_dutch_message_and_the_rules(tab, site_without_wasm):
    open_url = site_without_wasm + page_url("gemeente-utrecht", "geschenken")
    tab.goto(open_url)
    assert tab.wait(STATE, "geschenken") == "error"
    shown = tab.run(RULES_SHOWN, "geschenken")
    assert UI_TEXT["fout"] in shown["status"]
    assert shown["open"] and shown["visible"] and shown["items"] >= 5 and shown["inputs"] == 0
    assert any(link.endswith("#afspraak-2-5a") for link in shown["links"])
    if isinstance(tab, PlaywrightTab):      # WebDriver attaches after the load: the MiniBrowser test below
        warnings = [text for kind, text in tab.reports() if kind in ("warn", "warning")]
        assert any("could not start" in text for text in warnings), tab.reports()


# Printing: the journey is a practice example opened in the checker ("Probeer in de check"), then the
# outcome's own print button. What proves it prints, per driver (ADR 0018):
# - Firefox ESR (WebDriver BiDi): Firefox's print engine writes the PDF (page.pdf), read back as text;
# - Debian's WebKitGTK: WebKitGTK's print path answers the button's window.print() with a PDF
#   (webkit_print.py; WebDriver has no print command there);
# - Playwright's own Firefox and WebKit (the GitHub workflow): no PDF; the page under print media, as
#   the reader's print preview lays it out (innerText leaves out what print CSS hides).
PRINT_EXAMPLE = ("gemeente-utrecht", "geschenken", "gu-flessen-wijn")
# Playwright 1.64.1 sends page.pdf's size to BiDi's browsingContext.print in inches where BiDi reads
# centimetres: these numbers give A4 (21 x 29.7 cm), which the test checks on the PDF itself.
A4_OVER_BIDI = {"width": f"{21 * 2.54}cm", "height": f"{29.7 * 2.54}cm"}
A4_POINTS = (595.3, 841.9)
WEBKIT_PRINT = os.path.join(os.path.dirname(__file__), "webkit_print.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    size = tuple(float(n) for n in reader.pages[0].mediabox[2:])
    assert all(abs(a - b) < 2 for a, b in zip(size, A4_POINTS)), f"printed on {size} points, not A4"
    return "\n".join(unicodedata.normalize("NFKC", page.extract_text() or "") for page in reader.pages)


def webkitgtk_can_print() -> bool:
    probe = "import gi; gi.require_version('WebKit2', '4.1'); from gi.repository import WebKit2"
    return os.access(SYSTEM_PYTHON, os.X_OK) and subprocess.run([SYSTEM_PYTHON, "-c", probe],
                                                                capture_output=True).returncode == 0


def print_with_webkitgtk(url: str, checker: str, heading: str, display: str, output) -> str:
    if not webkitgtk_can_print():
        if could_install("webkit"):
            pytest.fail("gir1.2-webkit2-4.1 is missing although `make engines` could install it: run `make test`")
        pytest.skip("LET OP: gir1.2-webkit2-4.1 ontbreekt: afdrukken is NIET in WebKit getest")
    ready = (f"(document.querySelector(\"section.cw-check[data-checker='{checker}'] [aria-live]\")"
             f"?.textContent || '').includes({heading!r})")
    done = subprocess.run([SYSTEM_PYTHON, WEBKIT_PRINT, url, ready, UI_TEXT["afdrukken"], str(output)],
                          env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "CONSOLE ERROR" not in done.stdout and "CONSOLE JS ERROR" not in done.stdout, done.stdout
    return pdf_text(output.read_bytes())


def print_with_playwright(tab, url: str, checker: str, heading: str) -> str:
    page = tab.page
    page.goto(url)
    tab.wait(OUTCOME, [checker, heading], timeout=90)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name=UI_TEXT["afdrukken"]).click()
    assert page.evaluate("() => window.__printed") == 1, "the button did not print"
    if tab.driver == "firefox-esr":
        return pdf_text(page.pdf(**A4_OVER_BIDI))
    page.emulate_media(media="print")
    assert page.evaluate("() => matchMedia('print').matches"), "print media is not emulated"
    return page.evaluate("() => document.body.innerText")


@pytest.mark.parametrize("engine", ENGINES)
def test_an_outcome_prints(tab, site_url, tmp_path):
    from tests.browser.test_checkers import EXAMPLES
    from tests.browser.test_print import NEVER_ON_PAPER, flat, squeeze
    code, checker, example_id = PRINT_EXAMPLE
    example = next(e for e in EXAMPLES if e.meta["id"] == example_id)
    result = evaluate(checker, rules(code, checker), example.meta["check"]["antwoorden"])
    heading = outcome_heading(result)
    url = f"{site_url}{page_url(code, checker)}#check={example_id}"
    if isinstance(tab, SeleniumTab):
        text = print_with_webkitgtk(url, checker, heading, tab.display, tmp_path / "uitkomst.pdf")
    else:
        text = print_with_playwright(tab, url, checker, heading)
        assert tab.errors() == []
    assert flat(heading) in flat(text)
    for step in result["next_steps"]:
        assert flat(step) in flat(text)
    if not (isinstance(tab, PlaywrightTab) and tab.driver == "playwright"):     # the address is print CSS content
        for source in result["sources"]:
            assert squeeze(site_url + source["href"]) in squeeze(text)
    assert "Praktijkvoorbeelden" not in text, "the button prints the outcome only"
    for label in NEVER_ON_PAPER:
        assert label not in text, f"{label!r} is printed"


# The console in WebKitGTK: WebDriver does not pass it on, MiniBrowser run by itself writes it to
# the terminal. A page from the test (not part of the site) opens each checker page in a window of its own,
# answers along the first options as a reader would (a click, typing), and logs when the outcome is there.
# (Its script is a file of its own: the development server sends the site's policy for every file.)
HARNESS = """const FIND_INPUT = %(find)s;
const plan = %(plan)s;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(test, seconds) {
  for (let i = 0; i < seconds * 10; i++) { const value = test(); if (value) return value; await pause(100); }
  return null;
}
(async () => {
  for (const item of plan) {
    const child = window.open(item.url, "_blank");
    const state = await until(() => ["ready", "error"].find((settled) => settled === child.document
      ?.querySelector(`section.cw-check[data-checker='${item.checker}']`)?.dataset.state), 90);
    let done = state === item.state;
    let why = `state ${state}`;
    for (const step of item.steps) {
      const input = await until(() => FIND_INPUT.call(child, [step.question, step.option ?? ""]), 20);
      if (!input) { done = false; why = `no field for ${step.question} ${step.option}`; break; }
      if (step.option === null) {
        input.value = "10";
        input.dispatchEvent(new child.Event("input", { bubbles: true }));
      } else input.click();
    }
    if (item.heading) done = done && !!(await until(() => child.document.querySelector(
      `section.cw-check[data-checker='${item.checker}'] [aria-live]`)?.textContent.includes(item.heading), 20));
    console.log(`CW-DONE ${item.checker} ${done ? "ok" : "failed: " + why}`);
    await pause(500);               // late messages of this page still land before it closes
    child.close();
  }
  console.log("CW-ALL-DONE");
})();
"""


def minibrowser_console(built_site, folder, plan: list[dict], change=lambda root: None) -> list[str]:
    """Run the plan in MiniBrowser on its own X display; its console lines (stdout)."""
    from tests.browser.engines import FIND_INPUT
    import json

    def add_harness(root):
        change(root)
        find = FIND_INPUT.replace("document.", "this.document.")
        (root / "harness.html").write_text('<!doctype html><title>harness</title><script src="harness.js"></script>')
        (root / "harness.js").write_text(HARNESS % {"find": f"function ([question, option]) {{ return ({find})"
                                                      f"([question, option]); }}", "plan": json.dumps(plan)})
    server, url = serve_linked_copy(built_site, folder, add_harness)
    display = Xvfb()
    # A terminal, not a pipe: MiniBrowser then writes each line at once instead of holding a buffer
    # until it exits. (The console lines go to stderr, whatever the setting's name says.)
    terminal, terminal_end = pty.openpty()
    browser = subprocess.Popen([MINIBROWSER, "--enable-write-console-messages-to-stdout=true",
                                "--javascript-can-open-windows-automatically=true", url + "harness.html"],
                               stdout=terminal_end, stderr=terminal_end, stdin=subprocess.DEVNULL,
                               env={**os.environ, "DISPLAY": display.display})
    os.close(terminal_end)
    output = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(terminal, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.append(chunk.decode("utf-8", "replace"))
    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 60 + 20 * len(plan)
    try:
        while "CW-ALL-DONE" not in "".join(output) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        browser.terminate()
        browser.wait(timeout=10)
        os.close(terminal)
        display.stop()
        server.shutdown()
    lines = "".join(output).splitlines()
    assert any("CW-ALL-DONE" in line for line in lines), f"the harness did not finish: {lines}"
    return lines


@pytest.fixture
def minibrowser():
    if not debian_engine_available("webkit"):
        pytest.skip("MiniBrowser (webkit2gtk-driver) ontbreekt; Playwright's WebKit geeft de console zelf door")


@pytest.mark.webkit
def test_no_console_errors_in_webkitgtk_on_any_checker(minibrowser, built_site, tmp_path):
    plan = []
    for code, checker in RULE_FILES:
        steps, result = first_option_path(code, checker)
        plan.append({"url": page_url(code, checker), "checker": checker, "state": "ready",
                     "steps": [step.__dict__ for step in steps], "heading": outcome_heading(result)})
    lines = minibrowser_console(built_site, tmp_path, plan)
    assert [line.split("CW-DONE", 1)[1].split() for line in lines if "CW-DONE " in line] == \
        [[checker, "ok"] for _, checker in RULE_FILES], lines
    assert [line for line in lines if "CONSOLE ERROR" in line or "CONSOLE JS ERROR" in line] == []


@pytest.mark.webkit
def test_a_failed_start_in_webkitgtk_warns_with_its_cause(minibrowser, built_site, tmp_path):
    plan = [{"url": page_url("gemeente-utrecht", "geschenken"), "checker": "geschenken", "state": "error",
             "steps": [], "heading": ""}]
    lines = minibrowser_console(built_site, tmp_path, plan, change=remove_wasm)
    assert any("CW-DONE geschenken ok" in line for line in lines), lines
    warnings = [line for line in lines if "CONSOLE WARN" in line and "could not start" in line]
    assert warnings and len(warnings[0].split("could not start:", 1)[1].strip()) > 5, lines
