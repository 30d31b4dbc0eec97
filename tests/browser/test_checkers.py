"""Checkers in headless Chromium: same verdicts as the command line (under the CSP), back/change and
start again, examples, saving. Hostile input, faults and out-of-order answers: test_robustness.py;
privacy across the site: test_privacy.py."""
from __future__ import annotations

import re

from collections import defaultdict

import pytest

from build_scripts.content_model import read_pages
from checkers import CHECKERS, evaluate
from checkers.rules import load_rules
from tests.browser.conftest import dedicated_worker
from tests.conftest import DOCS

pytestmark = pytest.mark.browser
READY_TIMEOUT = 90_000
RULE_FILES = sorted((p.parent.parent.name, p.stem) for p in DOCS.glob("*/regels/*.toml"))
PAGES, _ = read_pages(DOCS)
EXAMPLES = [p for p in PAGES.values() if p.kind == "voorbeeld" and "check" in p.meta]


def rules(code: str, checker: str):
    return load_rules(DOCS, code, checker, CHECKERS[checker])


def page_url(code: str, checker: str) -> str:
    return rules(code, checker).page_url


def open_checker(page, site_url: str, code: str, checker: str, fragment: str = ""):
    page.goto(f"{site_url}{page_url(code, checker)}{fragment}")
    section = page.locator(f"section.cw-check[data-checker='{checker}']")
    page.wait_for_selector(f"section.cw-check[data-checker='{checker}'][data-state='ready']", timeout=READY_TIMEOUT)
    return section


def wait_for_verdict(page, checker: str) -> str:
    selector = f"section.cw-check[data-checker='{checker}'] .cw-check-uitkomst[data-verdict]:not([data-verdict=''])"
    page.wait_for_selector(selector, timeout=10_000)
    return page.get_attribute(selector, "data-verdict")


def test_every_example_reaches_the_command_line_verdict_in_the_page(page, site_url):
    by_page = defaultdict(list)
    for example in EXAMPLES:
        by_page[(example.organisation, example.meta["check"]["naam"])].append(example)
    assert by_page, "no practice example carries a check"
    for (code, checker), examples in by_page.items():
        open_checker(page, site_url, code, checker)
        for example in examples:
            expected = evaluate(checker, rules(code, checker), example.meta["check"]["antwoorden"])["verdict"]
            page.evaluate("id => { location.hash = 'check=' + id; }", example.meta["id"])
            page.wait_for_function("([c, v]) => document.querySelector(`section[data-checker=${c}] .cw-check-uitkomst`)"
                                   "?.dataset.verdict === v", arg=[checker, expected], timeout=10_000)
            assert wait_for_verdict(page, checker) == expected, f"docs/{example.src_path}"


def answer_first_options(page, checker: str) -> dict:
    """Answer every visible question with its first option (amounts: 10) until there is an outcome."""
    answers = {}
    section = f"section.cw-check[data-checker='{checker}']"
    for _ in range(40):
        if page.get_attribute(f"{section} .cw-check-uitkomst", "data-verdict"):
            return answers
        open_question = page.evaluate(f"""() => [...document.querySelectorAll("{section} .cw-vraag:not([hidden])")]
            .map(q => ({{id: q.dataset.vraag, radio: !!q.querySelector('input[type=radio]'),
                        answered: !!q.querySelector('input:checked') || !!q.querySelector('.cw-bedrag')?.value}}))
            .find(q => !q.answered)""")
        assert open_question, "no open question and no outcome"
        field = page.locator(f"{section} .cw-vraag[data-vraag='{open_question['id']}']")
        if open_question["radio"]:
            field.locator("input[type=radio]").first.check()
            answers[open_question["id"]] = field.locator("input[type=radio]").first.get_attribute("value")
        else:
            field.locator("input.cw-bedrag").fill("10")
            answers[open_question["id"]] = "10"
        page.wait_for_timeout(50)
    raise AssertionError("the checker never reached an outcome")


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=[f"{c}-{k}" for c, k in RULE_FILES])
def test_every_checker_answers_like_the_command_line(page, site_url, code, checker):
    """...under the policy as meta tag and header, without a violation (nginx: test_deploy_nginx.py)."""
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    open_checker(page, site_url, code, checker)
    answers = answer_first_options(page, checker)
    expected = evaluate(checker, rules(code, checker), answers)
    assert expected["status"] == "uitkomst"
    assert wait_for_verdict(page, checker) == expected["verdict"]
    assert page.evaluate("window.__violations") == []
    links = page.eval_on_selector_all(f"section[data-checker={checker}] .cw-bronnen a", "els => els.map(e => e.href)")
    assert links and all(link.startswith("http://127.0.0.1") and "#" in link for link in links)


def test_back_change_and_start_again(page, site_url):
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    section.locator("input[value='geld']").check()
    assert wait_for_verdict(page, "geschenken") == "mag-niet"
    section.locator("input[value='geschenk']").check()          # go back and change the first answer
    page.wait_for_selector("section[data-checker=geschenken] .cw-vraag[data-vraag=waarde]:not([hidden])")
    page.wait_for_function("() => document.querySelector('section[data-checker=geschenken] .cw-check-uitkomst')"
                           ".dataset.verdict === ''")
    section.locator("input.cw-bedrag").fill("20")
    for question in ["huisadres", "onderhandeling", "tegenprestatie"]:
        section.locator(f".cw-vraag[data-vraag={question}] input[value=nee]").check()
    section.locator(".cw-vraag[data-vraag=aanleiding] input[value=ja]").check()
    assert wait_for_verdict(page, "geschenken") == "mag-melden"
    section.locator(".cw-check-opnieuw button").click()
    page.wait_for_function("() => document.querySelector('section[data-checker=geschenken] .cw-check-uitkomst')"
                           ".dataset.verdict === ''")
    visible = section.locator(".cw-vraag:not([hidden])")
    assert visible.count() == 1 and section.locator("input:checked").count() == 0


def test_an_invalid_amount_gets_a_message_next_to_the_field(page, site_url):
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    section.locator("input[value='geschenk']").check()
    amount = section.locator("input.cw-bedrag")
    amount.fill("-5")
    error = section.locator(".cw-vraag[data-vraag=waarde] .cw-fout")
    error.wait_for(state="visible")
    assert "negatief" in error.inner_text()
    assert amount.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in amount.get_attribute("aria-describedby")
    assert page.get_attribute("section[data-checker=geschenken] .cw-check-uitkomst", "data-verdict") in ("", None)


def test_try_in_checker_opens_the_checker_with_the_example_filled_in(page, site_url):
    page.goto(f"{site_url}gemeente-utrecht/voorbeelden/gu-flessen-wijn/")
    page.get_by_role("link", name="Probeer in de check").click()
    page.wait_for_url("**/gemeente-utrecht/geschenken/#check=gu-flessen-wijn")
    page.wait_for_selector("section[data-checker=geschenken][data-state='ready']", timeout=READY_TIMEOUT)
    assert wait_for_verdict(page, "geschenken") == "bespreken"


def test_instant_navigation_keeps_one_python_for_all_checkers(page, instant_site_url):
    site_url = instant_site_url
    dedicated_worker(page)           # so that Playwright lists it in page.workers
    open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    page.wait_for_load_state("networkidle")                                # Material has read the sitemap
    page.evaluate("() => { window.__samePage = true; }")
    page.locator("nav.md-nav a[href$='/privesfeer/']").first.click()     # Material loads it without a reload
    page.wait_for_selector("section[data-checker=relaties][data-state='ready']", timeout=READY_TIMEOUT)
    assert page.evaluate("() => window.__samePage === true"), "this was a full page load, not instant navigation"
    assert [w.url for w in page.workers].count(f"{site_url}assets/javascripts/codewijzer-worker.js") == 1


def test_the_outcome_can_be_saved_as_a_file(page, site_url):
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    section.locator("input[value='geld']").check()
    assert wait_for_verdict(page, "geschenken") == "mag-niet"
    with page.expect_download() as download:
        section.get_by_role("button", name="Uitkomst opslaan als bestand").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert "Nee, dit neem je niet aan" in text and "#afspraak-2-4" in text and "Geld" in text
    # Whose code, which version, which day (issue #14, point 8).
    assert "Gemeente Utrecht" in text and "(versie: niet vermeld in het document)" in text
    assert re.search(r"Datum: \d{1,2} [a-z]+ 20\d\d", text)


def test_outcome_buttons_appear_only_with_an_outcome(page, site_url):
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    save = section.get_by_role("button", name="Uitkomst opslaan als bestand")
    assert not save.is_visible()
    section.locator("input[value='geld']").check()
    wait_for_verdict(page, "geschenken")
    assert save.is_visible()


class HeldWorker:
    """The gift checker's page with its worker's script held back, so Python is still starting until
    release() (a dedicated worker: Playwright cannot route a shared worker's requests)."""

    def __init__(self, browser, site_url: str):
        self.context = dedicated_worker(browser.new_context(service_workers="block"))
        self.held = []
        self.context.route("**/codewijzer-worker.js", lambda route: self.held.append(route))
        self.page = self.context.new_page()
        self.page.goto(f"{site_url}{page_url('gemeente-utrecht', 'geschenken')}")
        self.section = self.page.locator("section[data-checker=geschenken]")

    def release(self) -> None:
        for _ in range(100):
            if self.held:
                break
            self.page.wait_for_timeout(50)
        for route in self.held:
            route.continue_()
        self.context.unroute("**/codewijzer-worker.js")


def test_questions_are_answerable_before_python_is_ready_and_kept(browser, site_url):
    """The form is drawn from the embedded schema at once; an answer given while Python still starts
    stays, the outcome area says it is loading, and the answer is evaluated once Python is ready."""
    held = HeldWorker(browser, site_url)
    page, section = held.page, held.section
    section.locator(".cw-vraag[data-vraag=soort] input[value=geld]").check()
    assert section.get_attribute("data-state") == "loading"
    assert "wordt nog geladen" in section.locator(".cw-check-uitkomst").inner_text()
    assert section.locator(".cw-check-uitkomst").get_attribute("aria-busy") == "true"
    page.wait_for_function("() => true")
    held.release()
    page.wait_for_selector("section[data-checker=geschenken][data-state='ready']", timeout=READY_TIMEOUT)
    assert wait_for_verdict(page, "geschenken") == "mag-niet"
    assert section.locator(".cw-vraag[data-vraag=soort] input[value=geld]").is_checked()
    held.context.close()


def test_naar_de_uitkomst_pressed_while_python_starts_is_done_once_it_is_ready(browser, site_url):
    """A reader who answers and presses "Naar de uitkomst" before Python is ready is taken to the outcome
    the moment it is (focus on the verdict, a history entry: Back returns to the questions)."""
    held = HeldWorker(browser, site_url)
    page, section = held.page, held.section
    section.locator(".cw-vraag[data-vraag=soort] input[value=geld]").check()
    section.get_by_role("button", name="Naar de uitkomst").click()
    assert section.get_attribute("data-state") == "loading"
    held.release()
    page.wait_for_function("() => document.activeElement.classList.contains('cw-verdict')", timeout=READY_TIMEOUT)
    assert wait_for_verdict(page, "geschenken") == "mag-niet"
    page.go_back()
    page.wait_for_function("() => document.activeElement.closest('.cw-vraag') !== null")
    assert section.locator(".cw-vraag[data-vraag=soort] input[value=geld]").is_checked()
    held.context.close()


def test_a_finger_on_an_option_asks_python_ahead_and_shows_nothing_until_the_tap(page, site_url):
    """Python is asked about an option on pointerdown (ADR 0023), but the outcome appears only once
    the tap has checked it; a finger that slides off answers nothing."""
    page.add_init_script("window.__codewijzerMeasure = true;")    # the page marks each question it sends
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    money = section.locator("input[value='geld']")
    label = section.locator(f"label[for='{money.get_attribute('id')}']")
    label.scroll_into_view_if_needed()
    sent = "() => performance.getEntriesByName('cw-sent').length"
    asked_before = page.evaluate(sent)
    box = label.bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_function(f"() => performance.getEntriesByName('cw-received').length > 0 && ({sent})() > {asked_before}")
    page.wait_for_timeout(300)
    assert not money.is_checked()
    assert section.locator(".cw-check-uitkomst").get_attribute("data-verdict") in (None, "")
    page.mouse.move(5, 5)                            # slides off: no click on the option
    page.mouse.up()
    page.wait_for_timeout(300)
    assert not money.is_checked()
    assert section.locator(".cw-check-uitkomst").get_attribute("data-verdict") in (None, "")
    expected = evaluate("geschenken", rules("gemeente-utrecht", "geschenken"), {"soort": "geld"})["verdict"]
    label.click()
    assert wait_for_verdict(page, "geschenken") == expected
