"""axe-core (pinned in package.json) with the WCAG 2.0 and 2.1 A and AA rules: no violation on any
built page, nor on any checker in each of its states (first question, an invalid answer with its
message, an outcome)."""
from __future__ import annotations

import pytest

from tests.browser.a11y import (axe_violations, describe, has_amount_question, open_question, page_paths, renders,
                                wait_for_render)
from tests.browser.test_checkers import RULE_FILES, open_checker, rules, wait_for_verdict
from tests.conftest import DOCS, ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shared_page(browser):
    """One context and one tab for all pages: axe is injected once per document, the browser reused."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    page = context.new_page()
    yield page
    context.close()


def test_every_built_page_has_no_axe_violations(shared_page, site_url, built_site):
    paths = page_paths(built_site)
    sources = [p for p in DOCS.rglob("*.md")]
    workshops = [line for line in (ROOT / "tests" / "content" / "workshop_sets.txt").read_text().splitlines()
                 if line and not line.startswith("#")]
    # every Markdown page, the 404 page, and each generated workshop set with its hand-out
    assert len(paths) == len(sources) + 1 + 2 * len(workshops), "a built page is not checked"
    assert any(path.startswith("workshop/") and "hand-out" in path for path in paths)
    failures = []
    for path in paths:
        shared_page.goto(site_url + path)
        violations = axe_violations(shared_page)
        if violations:
            failures.append(describe(violations, "/" + path))
    assert not failures, "\n".join(failures)


def answer_until(page, checker: str, stop) -> None:
    """Answer each open question (first option; amounts 10) until stop(question) is true or an outcome shows."""
    section = page.locator(f"section.cw-check[data-checker='{checker}']")
    for _ in range(40):
        if section.get_attribute("data-outcome") == "uitkomst":
            return
        question = open_question(page, checker)
        assert question, "no open question and no outcome"
        if stop(question):
            return
        field = section.locator(f".cw-vraag[data-vraag='{question['id']}']")
        before = renders(page, checker)
        if question["amount"]:
            field.locator("input.cw-bedrag").fill("10")
        else:
            field.locator("input[type=radio]").first.check()
        wait_for_render(page, checker, before)
    raise AssertionError("the checker never reached an outcome")


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=[f"{c}-{k}" for c, k in RULE_FILES])
def test_every_checker_state_has_no_axe_violations(shared_page, site_url, code, checker):
    page = shared_page
    section = open_checker(page, site_url, code, checker)
    page.wait_for_selector(f"section[data-checker={checker}][data-outcome=onvolledig]")
    states = {"eerste vraag": axe_violations(page)}
    if has_amount_question(rules(code, checker)):
        answer_until(page, checker, lambda question: question["amount"])
        amount = section.locator(".cw-vraag:not([hidden]) input.cw-bedrag")
        amount.fill("-5")
        section.locator(".cw-vraag:not([hidden]) .cw-fout:not([hidden])").wait_for(state="visible")
        states["ongeldig antwoord"] = axe_violations(page)
        before = renders(page, checker)
        amount.fill("10")
        wait_for_render(page, checker, before)
    answer_until(page, checker, lambda question: False)
    wait_for_verdict(page, checker)
    states["uitkomst"] = axe_violations(page)
    outcome = section.locator(".cw-check-uitkomst").inner_text()
    assert "null" not in outcome and "undefined" not in outcome, "the outcome reads as text"
    failures = [describe(found, f"{code}/{checker}, {state}") for state, found in states.items() if found]
    assert not failures, "\n".join(failures)


def test_the_invalid_state_is_covered():
    """Only checkers that ask for an amount can get an invalid answer (the others offer fixed options)."""
    assert [pair for pair in RULE_FILES if has_amount_question(rules(*pair))]
