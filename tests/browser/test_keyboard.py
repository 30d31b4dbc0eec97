"""Keyboard only (Tab, Shift+Tab, Space, arrow keys, Enter), from the top of the page to an outcome
in every checker: every control is reachable, focus is always visible, and it goes where the reader
needs to be (the question to answer or correct, the outcome); the outcome region is a polite live
region and an error message is tied to its field."""
from __future__ import annotations

import pytest

from checkers import evaluate
from tests.browser.a11y import has_amount_question, renders, wait_for_render
from tests.browser.test_checkers import RULE_FILES, open_checker, rules, wait_for_verdict

pytestmark = pytest.mark.browser

# What has focus, and whether the reader can see it (an outline or a box-shadow ring).
FOCUS = """(checker) => {
    const el = document.activeElement;
    const section = document.querySelector(`section[data-checker=${checker}]`);
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const question = el.closest(".cw-vraag");
    return {
        key: el.type === "radio" ? `radio:${el.name}` : `${el.tagName.toLowerCase()}:${el.id || ""}:${el.getAttribute("href") || ""}:${el.textContent.trim()}`,
        describe: el.outerHTML.slice(0, 160),
        inSection: section.contains(el),
        visible: el !== document.body && ring,
        kind: el.type === "radio" ? "radio" : el.classList.contains("cw-bedrag") ? "amount"
            : el.type === "submit" ? "submit" : el.tagName.toLowerCase(),
        question: question ? question.dataset.vraag : null,
        answered: question ? !!question.querySelector("input:checked") || !!question.querySelector(".cw-bedrag")?.value : null,
        checkedIndex: question ? [...question.querySelectorAll("input[type=radio]")].findIndex((i) => i.checked) : -1,
        focusedIndex: question ? [...question.querySelectorAll("input[type=radio]")].indexOf(el) : -1,
        options: question ? question.querySelectorAll("input[type=radio]").length : 0,
    };
}"""

# Every control a keyboard user must be able to reach in the checker as it now stands.
CONTROLS = """(checker) => [...document.querySelectorAll(`section[data-checker=${checker}] :is(a[href], button, input)`)]
    .filter((el) => el.offsetParent !== null)
    .map((el) => el.type === "radio" ? `radio:${el.name}` : `${el.tagName.toLowerCase()}:${el.id || ""}:${el.getAttribute("href") || ""}:${el.textContent.trim()}`)"""

ANSWERS = """(checker) => Object.fromEntries([...document.querySelectorAll(`section[data-checker=${checker}] .cw-vraag:not([hidden])`)]
    .map((q) => [q.dataset.vraag, q.querySelector("input:checked")?.value ?? q.querySelector(".cw-bedrag")?.value])
    .filter(([, value]) => value))"""


def focus(page, checker: str) -> dict:
    return page.evaluate(FOCUS, checker)


def tab_into_checker(page, checker: str) -> tuple[dict, list[str]]:
    """Tab from the top of the page to the checker's first control; every stop on the way shows its focus."""
    page.keyboard.press("Tab")             # from the start of the document: the first Tab lands on the skip link
    first = focus(page, checker)
    assert "md-skip" in first["describe"], f"the first Tab reaches the skip link, not {first['describe']}"
    unseen = []
    for _ in range(300):
        state = focus(page, checker)
        if not state["visible"]:
            unseen.append(state["describe"])
        if state["inSection"]:
            return state, unseen
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached the checker")


def press_and_wait(page, checker: str, key: str) -> None:
    before = renders(page, checker)
    page.keyboard.press(key)
    wait_for_render(page, checker, before)


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=[f"{c}-{k}" for c, k in RULE_FILES])
def test_keyboard_only_to_an_outcome(page, site_url, code, checker):
    section = open_checker(page, site_url, code, checker)
    page.wait_for_selector(f"section[data-checker={checker}][data-outcome=onvolledig]")
    state, unseen = tab_into_checker(page, checker)
    assert state["kind"] == "radio" and state["focusedIndex"] == 0, "the first control of the checker is its first option"
    reached = set()
    arrows_tried = False
    for _ in range(200):
        state = focus(page, checker)
        if not state["visible"]:
            unseen.append(state["describe"])
        reached.add(state["key"])
        if section.get_attribute("data-outcome") == "uitkomst":
            break
        if state["kind"] == "radio" and not state["answered"]:
            press_and_wait(page, checker, "Space")
            assert focus(page, checker)["checkedIndex"] == 0, "Space chooses the focused option"
            if not arrows_tried and state["options"] > 1:    # arrows move through the group, choosing as they go
                press_and_wait(page, checker, "ArrowDown")
                assert focus(page, checker)["checkedIndex"] == focus(page, checker)["focusedIndex"] == 1
                press_and_wait(page, checker, "ArrowUp")
                assert focus(page, checker)["checkedIndex"] == focus(page, checker)["focusedIndex"] == 0
                arrows_tried = True
            continue                                         # an outcome may have appeared
        if state["kind"] == "amount" and not state["answered"]:
            for key in "10":                                 # one answer from the worker per keystroke
                press_and_wait(page, checker, key)
            continue
        page.keyboard.press("Tab")
    else:
        raise AssertionError("the keyboard run never reached an outcome")

    answers = page.evaluate(ANSWERS, checker)
    assert wait_for_verdict(page, checker) == evaluate(checker, rules(code, checker), answers)["verdict"]
    assert section.locator(".cw-check-uitkomst").get_attribute("aria-live") == "polite"
    assert not state["inSection"] or state["kind"] in ("radio", "amount"), "focus stays where the answer was given"

    # From the last answer, Tab reaches "Naar de uitkomst"; Enter takes focus to the outcome's heading.
    page.keyboard.press("Tab")
    state = focus(page, checker)
    assert state["kind"] == "submit" and state["visible"]
    reached.add(state["key"])
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('cw-verdict')")
    state = focus(page, checker)
    assert state["visible"], "the focused outcome heading shows its focus"

    # On through the outcome, its links and buttons and "Opnieuw beginnen" until focus leaves the checker.
    for _ in range(200):
        page.keyboard.press("Tab")
        state = focus(page, checker)
        if not state["inSection"]:
            break
        if not state["visible"]:
            unseen.append(state["describe"])
        reached.add(state["key"])
    # Shift+Tab comes back into the checker, to its last control.
    page.keyboard.press("Shift+Tab")
    assert focus(page, checker)["key"].startswith("button:") and focus(page, checker)["inSection"]

    missing = set(page.evaluate(CONTROLS, checker)) - reached
    assert not missing, f"not reachable with Tab: {sorted(missing)}"
    assert not unseen, "focus not visible on:\n" + "\n".join(unseen)


def follow_error_summary(page) -> None:
    """The focused error summary's first link, followed with the keyboard."""
    page.wait_for_function("() => document.activeElement.classList.contains('cw-foutoverzicht')")
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "alert"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.cw-foutoverzicht') !== null")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("code", ["gemeente-utrecht", "provincie-utrecht"])
def test_keyboard_focus_goes_to_the_question_to_answer_or_correct(page, site_url, code):
    checker = "geschenken"
    assert has_amount_question(rules(code, checker))
    section = open_checker(page, site_url, code, checker)
    page.wait_for_selector(f"section[data-checker={checker}][data-outcome=onvolledig]")
    tab_into_checker(page, checker)

    # Nothing answered yet: "Naar de uitkomst" focuses the error summary (GOV.UK), whose first link
    # brings focus to the open question.
    page.keyboard.press("Tab")
    assert focus(page, checker)["kind"] == "submit"
    page.keyboard.press("Enter")
    follow_error_summary(page)
    page.wait_for_function("() => document.activeElement.type === 'radio'")
    assert focus(page, checker)["question"] == "soort"

    press_and_wait(page, checker, "Space")                    # the first option reveals the amount question
    page.keyboard.press("Tab")
    assert focus(page, checker)["kind"] == "amount", "the next question follows the answered one"
    for key in "-5":
        press_and_wait(page, checker, key)
    amount = section.locator(".cw-vraag[data-vraag=waarde] input.cw-bedrag")
    error = section.locator(".cw-vraag[data-vraag=waarde] .cw-fout")
    error.wait_for(state="visible")
    assert focus(page, checker)["kind"] == "amount", "typing keeps the focus in the field"
    assert error.get_attribute("id") in amount.get_attribute("aria-describedby").split()
    assert amount.get_attribute("aria-invalid") == "true"
    assert "negatief" in error.inner_text()

    # Enter in the field, or "Naar de uitkomst" from elsewhere: the error summary, and from its first link
    # the field with the error.
    page.keyboard.press("Tab")
    for _ in range(20):
        if focus(page, checker)["kind"] == "submit":
            break
        page.keyboard.press("Tab")
    assert focus(page, checker)["kind"] == "submit"
    page.keyboard.press("Enter")
    follow_error_summary(page)
    page.wait_for_function("() => document.activeElement.classList.contains('cw-bedrag')")
    assert focus(page, checker)["visible"]

    # Correcting it with the keyboard removes the message and its tie to the field.
    page.keyboard.press("Control+A")
    for key in "10":
        press_and_wait(page, checker, key)
    error.wait_for(state="hidden")
    assert amount.get_attribute("aria-invalid") is None
