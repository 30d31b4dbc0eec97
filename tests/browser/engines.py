"""Firefox and WebKit for the engine smoke set (test_engines.py, ADR 0018), behind one small interface.

Firefox: Playwright, with Debian's Firefox ESR over WebDriver BiDi where it is installed
(Playwright 1.64.1, channel "moz-firefox"), else Playwright's own Firefox (the GitHub workflow).
WebKit: Selenium driving Debian's WebKitWebDriver (MiniBrowser, WebKitGTK) under an Xvfb display
this module starts, else Playwright's own WebKit (the GitHub workflow).

A tab speaks in what a reader sees: a question's text and an option's label, not the form's markup.
"""
from __future__ import annotations

import functools
import glob
import os
import shutil
import subprocess
import time
import warnings

FIREFOX_ESR = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = next(iter(sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))), None)
DEBIAN_PACKAGES = {"firefox": "firefox-esr", "webkit": "webkit2gtk-driver xvfb"}
TIMEOUT = 90.0

# What a page reports besides the console: uncaught errors, rejected promises, policy violations.
# Playwright adds it before the page's scripts; WebDriver can only add it once the page has loaded.
WATCH_PAGE = """(() => {
  if (window.__cwReports) return;
  const reports = window.__cwReports = [];
  for (const type of ["error", "warn"]) {
    const original = console[type].bind(console);
    console[type] = (...parts) => { reports.push([type, parts.map(String).join(" ")]); original(...parts); };
  }
  addEventListener("error", (e) => reports.push(["error", String(e.message)]));
  addEventListener("unhandledrejection", (e) => reports.push(["error", String(e.reason)]));
  document.addEventListener("securitypolicyviolation",
    (e) => reports.push(["csp", e.violatedDirective + " " + e.blockedURI]));
})();"""

# The question's group (fieldset named by its legend) or text field (named by its label), found by
# the question's text; then the option by its label. Returns the input to operate.
FIND_INPUT = """([question, option]) => {
  const same = (node, text) => node && node.textContent.replace(/\\s+/g, " ").trim() === text;
  const shown = (input) => (input && !input.disabled && !input.closest("[hidden]") ? input : null);
  const legend = [...document.querySelectorAll("fieldset > legend")].find((l) => same(l, question));
  if (legend) {
    const label = [...legend.parentElement.querySelectorAll("label")].find((l) => same(l, option));
    return shown(label && label.control);
  }
  const label = [...document.querySelectorAll("label")].find((l) => same(l, question));
  return shown(label && label.control);
}"""


class Tab:
    """One page in one engine. `run` takes the source of a JavaScript function of one argument."""
    engine: str
    driver: str

    def goto(self, url: str) -> None: raise NotImplementedError
    def run(self, function: str, arg=None): raise NotImplementedError
    def choose(self, question: str, option: str) -> None: raise NotImplementedError
    def fill(self, question: str, text: str) -> None: raise NotImplementedError
    def reports(self) -> list[tuple[str, str]]: raise NotImplementedError
    def close(self) -> None: raise NotImplementedError

    def wait(self, function: str, arg=None, timeout: float = TIMEOUT):
        """Poll until the function returns something truthy; return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(function, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.engine}: still waiting after {timeout:.0f} s for {function[:120]}")
            time.sleep(0.1)

    def errors(self) -> list[str]:
        return [f"{kind}: {text}" for kind, text in self.reports() if kind in ("error", "csp")]


class PlaywrightTab(Tab):
    def __init__(self, browser, engine: str, driver: str):
        self.engine, self.driver = engine, driver
        self.context = browser.new_context(locale="nl-NL", service_workers="block")
        self.context.add_init_script(WATCH_PAGE)
        self.page = self.context.new_page()
        self.console: list[tuple[str, str]] = []
        self.page.on("console", lambda m: self.console.append(("error" if m.type == "error" else m.type, m.text)))
        self.page.on("pageerror", lambda error: self.console.append(("error", str(error))))

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def run(self, function: str, arg=None):
        return self.page.evaluate(function, arg)

    def choose(self, question: str, option: str) -> None:
        self.page.get_by_role("group", name=question, exact=True).get_by_label(option, exact=True).check()

    def fill(self, question: str, text: str) -> None:
        self.page.get_by_label(question, exact=True).fill(text)

    def reports(self) -> list[tuple[str, str]]:
        in_page = self.page.evaluate("() => window.__cwReports || []")
        # The console events also carry what the workers log; the page's own list adds policy violations.
        return self.console + [(kind, text) for kind, text in in_page if kind == "csp"]

    def close(self) -> None:
        self.context.close()


class SeleniumTab(Tab):
    """A WebKitGTK page through WebDriver. One browser session serves every tab, one after another."""

    def __init__(self, browser: "WebKitBrowser"):
        self.engine, self.driver = "webkit", "selenium"
        self.browser, self.display = browser, browser.display.display

    @property
    def session(self):
        return self.browser.session

    def crashed(self) -> bool:
        """Whether the session has died (with WebKit's web process) rather than a page misbehaving."""
        return not session_alive(self.session)

    def renew(self) -> None:
        self.browser.new_session()

    def goto(self, url: str) -> None:
        self.session.get(url)
        self.session.execute_script(WATCH_PAGE)

    def run(self, function: str, arg=None):
        return self.session.execute_script(f"return ({function})(arguments[0]);", arg)

    def _input(self, question: str, option: str):
        return self.wait(FIND_INPUT, [question, option], timeout=20)

    def choose(self, question: str, option: str) -> None:
        element = self._input(question, option)
        element.click()
        assert element.is_selected(), f"webkit: {option!r} is not chosen"

    def fill(self, question: str, text: str) -> None:
        element = self._input(question, "")
        element.clear()
        element.send_keys(text)

    def reports(self) -> list[tuple[str, str]]:
        return [tuple(item) for item in self.session.execute_script("return window.__cwReports || []")]

    def close(self) -> None:
        if not self.crashed():
            self.session.get("about:blank")


class Xvfb:
    """A virtual X display on a free number (Xvfb picks it and tells it through -displayfd)."""

    def __init__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                                         "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def webkit_session(display: str):
    """A Selenium session with MiniBrowser (WebKitGTK) on `display`."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": display})
    session = webdriver.WebKitGTK(options=options, service=service)
    session.set_window_size(1280, 900)
    session.set_script_timeout(TIMEOUT)
    return session


class WebKitBrowser:
    """MiniBrowser on its own Xvfb display, one Selenium session for one tab after another.

    WebKitGTK's web process has died here now and then in the middle of a page (a CI run of 2026-12-03:
    "Could not parse script result", then every later command "invalid session id"). The session dies
    with it, so a dead session is replaced before the next tab: one crash fails one test, not the rest."""

    def __init__(self):
        self.display = Xvfb()
        self.session = webkit_session(self.display.display)

    def tab(self) -> SeleniumTab:
        if not session_alive(self.session):
            self.new_session()
        return SeleniumTab(self)

    def new_session(self) -> None:
        self._quit()
        self.session = webkit_session(self.display.display)

    def stop(self) -> None:
        self._quit()
        self.display.stop()

    def _quit(self) -> None:
        try:
            self.session.quit()
        except Exception:           # already gone with its web process
            pass


def once_more_after_a_webkit_crash(test):
    """A test whose WebKit session died under it (see WebKitBrowser) runs once more in a new session, with a
    warning in the test summary; a second death, and any failure of the page itself, fails the test."""
    @functools.wraps(test)
    def run(*args, tab, **kwargs):
        from selenium.common.exceptions import WebDriverException
        try:
            return test(*args, tab=tab, **kwargs)
        except WebDriverException as error:
            if not isinstance(tab, SeleniumTab) or not tab.crashed():
                raise
            warnings.warn(f"LET OP: WebKit's session died in {test.__name__} ({error.msg or type(error).__name__}); "
                          "run once more in a new session")
            tab.renew()
            return test(*args, tab=tab, **kwargs)
    return run


def session_alive(session) -> bool:
    from selenium.common.exceptions import WebDriverException
    try:
        return session.execute_script("return 1") == 1
    except WebDriverException:
        return False


def debian_engine_available(engine: str) -> bool:
    if engine == "firefox":
        return os.access(FIREFOX_ESR, os.X_OK)
    return os.access(WEBKIT_DRIVER, os.X_OK) and MINIBROWSER is not None and shutil.which("Xvfb") is not None


def playwright_engine_available(playwright, engine: str) -> bool:
    """Whether Playwright's own build of the engine is installed (`playwright install firefox webkit`)."""
    return os.path.exists(getattr(playwright, engine).executable_path)


def could_install(engine: str) -> bool:
    """`make test` installs the Debian packages when it runs as root on Debian."""
    return shutil.which("apt-get") is not None and os.geteuid() == 0
