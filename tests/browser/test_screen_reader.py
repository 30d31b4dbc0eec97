"""What a screen-reader user hears, through one full journey per checker, in Chromium: the question and
its hint, an error at an amount, the outcome announced once through the live region, then its
heading, sources and next steps. Two listeners: @guidepup/virtual-screen-reader (npm, a test tool
only, run inside the real page) and Chromium's accessibility tree (Playwright's aria snapshot).
The assertions are on roles, names and text a reader hears, not on the form's markup."""
from __future__ import annotations

import re

import pytest

from build_scripts.checker_embed import UI_TEXT
from checkers import evaluate
from tests.browser.test_checkers import open_checker, rules
from tests.browser.test_engines import CHECKERS, first_option_path, outcome_heading, question_views
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
SCREEN_READER = ROOT / "node_modules" / "@guidepup" / "virtual-screen-reader" / "lib" / "esm" / "index.browser.js"
BAD_AMOUNT = "-5"


def load_screen_reader(page) -> None:
    """The package's browser build (an ES module) as a plain script, evaluated like axe-core (a11y.py):
    through the DevTools protocol, so the page's policy stays in force for its own scripts."""
    source = SCREEN_READER.read_text(encoding="utf-8")
    source, exported = re.subn(r"export\{([\w$]+) as Virtual,([\w$]+) as virtual\};",
                               r"window.__screenReader = \2;", source)
    assert exported == 1, "the screen reader's browser build changed shape"
    page.evaluate(source)


# Live regions as ARIA defines them (aria-relevant "additions text"): one announcement per batch of
# added nodes or changed text. The virtual screen reader also speaks an atomic region again for every
# attribute change on it (here three data-* attributes), which screen readers do not; it is not counted.
LISTEN = """(checker) => {
  const region = document.querySelector(`section.cw-check[data-checker='${checker}'] [aria-live]`);
  window.__announced = [];
  new MutationObserver((records) => {
    if (records.some((r) => (r.type === "childList" && r.addedNodes.length) || r.type === "characterData"))
      window.__announced.push(region.textContent.replace(/\\s+/g, " ").trim());
  }).observe(region, { childList: true, characterData: true, subtree: true });
}"""


def heard_until(page, expected: str, limit: int = 80) -> list[str]:
    """Move the virtual screen reader on until it says something containing `expected`."""
    return page.evaluate("""async ([expected, limit]) => {
      const reader = window.__screenReader;
      const said = [];
      for (let i = 0; i < limit; i++) {
        await reader.next();
        const phrase = await reader.lastSpokenPhrase();
        said.push(phrase);
        if (phrase.includes(expected)) break;
      }
      return said;
    }""", [expected, limit])


def question(code: str, checker: str, text: str) -> dict:
    return next(q for q in question_views(rules(code, checker)).values() if q["vraag"] == text)


def answer(page, step) -> None:
    if step.option is None:
        page.get_by_label(step.question, exact=True).fill("10")
    else:
        page.get_by_role("group", name=step.question, exact=True).get_by_label(step.option, exact=True).check()


@pytest.mark.parametrize("code, checker", CHECKERS)
def test_a_screen_reader_user_hears_the_whole_journey(page, site_url, code, checker):
    section = open_checker(page, site_url, code, checker)
    load_screen_reader(page)
    page.evaluate(LISTEN, checker)
    page.evaluate("(checker) => window.__screenReader.start({ container: "
                  "document.querySelector(`section.cw-check[data-checker='${checker}']`) })", checker)
    steps, result = first_option_path(code, checker)

    first = question(code, checker, steps[0].question)
    said = heard_until(page, first["vraag"])
    kind = "group" if first["type"] != "bedrag" else "textbox"
    assert said[-1].startswith(f"{kind}, {first['vraag']}"), said[-6:]
    if first.get("hulp"):
        assert first["hulp"] in said[-1], f"the hint is not read with the question: {said[-1]!r}"

    answers = {}
    for step in steps:
        asked = question(code, checker, step.question)
        if asked["type"] == "bedrag":                 # a wrong amount first: its message is read with the field
            page.get_by_label(step.question, exact=True).fill(BAD_AMOUNT)
            message = evaluate(checker, rules(code, checker), {**answers, asked["id"]: BAD_AMOUNT})["errors"][asked["id"]]
            error = section.get_by_text(message, exact=True)
            error.wait_for(state="visible")
            field = page.get_by_label(step.question, exact=True)
            assert field.get_attribute("aria-invalid") == "true"
            page.evaluate("() => window.__screenReader.clearSpokenPhraseLog()")
            page.evaluate("() => window.__screenReader.stop()")
            page.evaluate("(checker) => window.__screenReader.start({ container: "
                          "document.querySelector(`section.cw-check[data-checker='${checker}']`) })", checker)
            heard = heard_until(page, f"textbox, {step.question}", limit=120)
            assert message in heard[-1] and "invalid" in heard[-1], heard[-1]
        answer(page, step)
        answers[asked["id"]] = step.value

    heading = outcome_heading(result)
    outcome = section.locator("[aria-live]")
    page.wait_for_function("([checker, heading]) => document.querySelector(`section.cw-check[data-checker='${checker}']"
                           " [aria-live]`).textContent.includes(heading)", arg=[checker, heading])
    page.wait_for_timeout(500)                        # a late second announcement would have come by now
    announced = page.evaluate("() => window.__announced")
    assert [text for text in announced if heading in text] and \
        len([text for text in announced if heading in text]) == 1, announced
    assert announced[-1].startswith(heading), "the last announcement is the outcome"
    log = page.evaluate("() => window.__screenReader.spokenPhraseLog()")
    assert any(phrase.startswith(f"polite: {heading}") for phrase in log), "the screen reader was not told"

    # Then the reader reads on from the outcome: heading, reasons, next steps, sources.
    said = heard_until(page, f"heading, {heading}, level 3", limit=400)
    # A heading with an abbreviation in it is read in parts; its last phrase names the whole heading.
    assert said[-1] in (f"heading, {heading}, level 3", f"end of heading, {heading}, level 3"), said[-4:]
    # Reasons, next steps and how to reach the roles come before "Waar staat dit?"; the sources after it.
    said = heard_until(page, f"heading, {UI_TEXT['bronnen']}, level 4", limit=300)
    assert said[-1].endswith(f"heading, {UI_TEXT['bronnen']}, level 4"), said[-4:]
    # An abbreviation (<abbr>) is read as phrases of its own, sometimes twice: compare the words heard in
    # order, with a word repeated at once counted once.
    def words(text: str) -> str:
        tokens = re.sub(r"\W+", " ", text).split()
        return " ".join(t for i, t in enumerate(tokens) if i == 0 or t != tokens[i - 1])
    # The virtual screen reader speaks an abbreviation (<abbr>) in phrases of its own, with its
    # explanation: each stretch of the step between abbreviations must be heard, in words.
    abbreviations = set(page.eval_on_selector_all("section.cw-check abbr", "els => els.map((e) => e.textContent)"))
    heard_words = f" {words(' '.join(said))} "
    for next_step in result["next_steps"]:
        stretches = re.split("|".join(rf"\b{re.escape(a)}\b" for a in abbreviations) or "$^", next_step)
        for stretch in filter(str.strip, map(words, stretches)):
            assert f" {stretch} " in heard_words, (next_step, stretch, said)
    said = heard_until(page, "end of region", limit=200)
    for source in result["sources"]:
        assert f"link, {source['label']}" in said, said
    page.evaluate("() => window.__screenReader.stop()")

    # Chromium's own accessibility tree of the outcome region.
    tree = outcome.aria_snapshot()
    assert f'heading "{heading}" [level=3]' in tree, tree
    assert f'heading "{UI_TEXT["bronnen"]}" [level=4]' in tree
    for source in result["sources"]:
        assert f'link "{source["label"]}"' in tree
    for next_step in result["next_steps"]:
        assert next_step in tree
