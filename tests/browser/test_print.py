"""Printing, as Chromium prints to PDF: content only (no menu, search, buttons), links with their full
address, workshop answers on paper, the hand-out's answers on their own page, a checker's outcome."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.browser.test_checkers import answer_first_options, open_checker, wait_for_verdict

pytestmark = pytest.mark.browser
# What the site's chrome and controls say; none of it belongs on paper.
NEVER_ON_PAPER = ["Zoeken", "Voor trainers", "Privacy", "Toegankelijkheid", "Naar boven", "Bewerk",
                  "Toon alle antwoorden", "Verberg alle antwoorden", "Hand-out afdrukken", "Opnieuw beginnen",
                  "Uitkomst afdrukken", "Uitkomst opslaan"]


def pdf_pages(page) -> list[str]:
    """The PDF Chromium prints, as text per page (ligatures unfolded, so 'ﬂessen' reads 'flessen')."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [unicodedata.normalize("NFKC", p.extract_text() or "") for p in reader.pages]


def squeeze(text: str) -> str:
    """Without white space: long addresses wrap over lines on paper."""
    return re.sub(r"\s+", "", text)


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_clean(text: str) -> None:
    for label in NEVER_ON_PAPER:
        assert label not in text, f"{label!r} is printed"


def test_a_theme_page_prints_its_content_and_link_addresses(page, site_url):
    page.goto(site_url + "gemeente-utrecht/geschenken/")
    text = "\n".join(pdf_pages(page))
    assert page.title().split(" - ")[0] in text
    assert "Twee flessen wijn zonder aanleiding" in text and "Wat kun je doen?" in text
    assert squeeze(f"({site_url}gemeente-utrecht/voorbeelden/gu-flessen-wijn/)") in squeeze(text)
    assert "Zie ook" not in text
    assert_clean(text)


def test_an_example_prints_with_its_permanent_address(page, site_url):
    page.goto(site_url + "gemeente-utrecht/voorbeelden/gu-flessen-wijn/")
    text = "\n".join(pdf_pages(page))
    assert "Twee flessen wijn zonder aanleiding" in text
    assert "zonder aankondiging en aanleiding" in flat(text) and "Wat kun je doen?" in text
    assert squeeze(f"{site_url}gemeente-utrecht/geschenken/#check=gu-flessen-wijn") in squeeze(text)
    assert squeeze(f"{site_url}gemeente-utrecht/geschenken/#voorbeeld-gu-flessen-wijn") in squeeze(text)
    assert_clean(text)


def test_a_workshop_set_prints_with_every_answer_revealed(page, site_url):
    page.goto(site_url + "workshop/gemeente-utrecht/geschenken/")
    page.wait_for_selector(".cw-antwoord-knop")
    assert page.eval_on_selector_all(".cw-antwoord", "els => els.every(e => e.hidden)")
    text = flat("\n".join(pdf_pages(page)))
    assert "Workshop: Geschenken en uitnodigingen" in text
    assert "het geschenk terug te sturen" in text, "a hidden answer must still be printed"
    assert text.count("Wat kun je doen?") >= 4
    assert squeeze(f"{site_url}gemeente-utrecht/voorbeelden/gu-flessen-wijn/") in squeeze(text)
    assert_clean(text)


def test_the_handout_prints_the_answers_on_their_own_pages(page, site_url):
    page.goto(site_url + "workshop/gemeente-utrecht/geschenken/hand-out/")
    page.wait_for_selector("button.cw-afdrukken:not([hidden])")
    pages = pdf_pages(page)
    answers_start = next(i for i, text in enumerate(pages) if re.search(r"^Antwoorden$", text, re.M))
    assert pages[answers_start].lstrip().startswith("Antwoorden"), "the answers start on a new page"
    before, after = flat(" ".join(pages[:answers_start])), flat(" ".join(pages[answers_start:]))
    assert before.count("Wat zou jij doen?") == 4 and "Twee flessen wijn" in before
    assert "het geschenk terug te sturen" in after and "het geschenk terug te sturen" not in before
    assert_clean(" ".join(pages))


def test_a_checker_outcome_prints_without_the_form_controls(page, site_url):
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    answers = answer_first_options(page, "geschenken")
    verdict_label = page.inner_text("section[data-checker=geschenken] .cw-verdict")
    chosen = section.locator(".cw-vraag:not([hidden]) input:checked").first.evaluate("i => i.labels[0].textContent")
    unchosen = section.locator(".cw-vraag:not([hidden]) input:not(:checked)").first.evaluate("i => i.labels[0].textContent")
    assert answers and wait_for_verdict(page, "geschenken")
    text = "\n".join(pdf_pages(page))
    assert flat(verdict_label) in flat(text)
    assert chosen in text, "the chosen answer is on paper"
    assert unchosen not in text, "options not chosen are form clutter"
    source = page.eval_on_selector("section[data-checker=geschenken] .cw-bronnen a", "a => a.href")
    assert source.startswith(site_url) and squeeze(source) in squeeze(text)
    assert "De regels van deze check op een rij" not in text, "the rules list is the fallback, not the outcome"
    assert_clean(text)


def test_the_outcome_print_button_prints_only_the_outcome(page, site_url):
    """The checker's own 'Uitkomst afdrukken' narrows the print to that checker (codewijzer.css)."""
    open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    answer_first_options(page, "geschenken")
    page.evaluate("() => { window.print = () => {}; }")      # keep the classes the button sets for printing
    page.get_by_role("button", name="Uitkomst afdrukken").click()
    text = "\n".join(pdf_pages(page))
    assert "Check:" in text and "Jouw antwoorden" in text
    # The answers, whose code and which version, and the day are on paper (issue #14, point 8).
    assert "Gemeente Utrecht" in text and "versie: niet vermeld in het document" in flat(text) and "Datum:" in text
    assert "Wijzig" not in text, "change links are for the screen"
    assert "Praktijkvoorbeelden" not in text and "Wat zijn de afspraken?" not in text
    assert_clean(text)
