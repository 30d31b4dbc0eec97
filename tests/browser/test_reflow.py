"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide, and in a 1280-pixel window at 200% zoom, content
and checkers stay usable without scrolling sideways.

Zoom in a browser makes CSS pixels bigger: a 1280-pixel window at 200% lays the page out in a
640-CSS-pixel viewport with two device pixels per CSS pixel. That is what the second viewport
emulates (device_scale_factor only sharpens, it does not zoom, so the width is halved as well).
Data tables and code may scroll inside their own box, which WCAG allows; the page itself never.
Each page and checker state is also saved as a screenshot, and the screenshot is checked.
"""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.browser.a11y import open_question, renders, wait_for_render
from tests.browser.test_checkers import open_checker, wait_for_verdict

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "1280px-200pct": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}
CONTENT_PAGES = [
    "",                                       # home page with the organisations
    "gemeente-utrecht/",                      # a code's overview, with its table
    "universiteit-twente/meldplicht/",        # agreements, a table, a checker
    "universiteit-twente/meldroute/",         # flow diagram (SVG)
    "universiteit-maastricht/cijfers/",       # chart (SVG) with its table
    "codes-naast-elkaar/",                    # the comparison: the widest table
    "gemeente-utrecht/voorbeelden/gu-flessen-wijn/",   # a practice example
    "toegankelijkheid/",
]

# Everything that sticks out to the right of the viewport, unless it sits inside a box that scrolls
# sideways on its own and holds a table or code (allowed by WCAG 1.4.10) that a keyboard can reach.
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const page = document.scrollingElement;
    const scrollsOnItsOwn = (el) => {
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
            const overflow = getComputedStyle(box).overflowX;
            if ((overflow === "auto" || overflow === "scroll") && box.getBoundingClientRect().right <= width + 1)
                // a keyboard user scrolls the box by focusing something in it
                return box.querySelector("table, pre") && (box.tabIndex >= 0 || box.querySelector("a[href], button, input"))
                    ? "table" : "other";
        }
        return null;
    };
    const out = [];
    for (const el of document.body.querySelectorAll("*")) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const contained = scrollsOnItsOwn(el);
        if (contained === "table") continue;
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(rect.right)}`
                 + (contained ? " (in a scrolling box without a table)" : ""));
    }
    return { scrollWidth: page.scrollWidth, clientWidth: page.clientWidth, width, sticking: out.slice(0, 10) };
}"""


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module", params=list(VIEWPORTS), ids=list(VIEWPORTS))
def narrow(request, browser):
    context = browser.new_context(locale="nl-NL", service_workers="block", **VIEWPORTS[request.param])
    page = context.new_page()
    yield request.param, page
    context.close()


def check_reflow(page, name: str, shots: Path, section: str | None = None) -> list[str]:
    """Nothing sticks out of the viewport; the screenshots are as wide as the window (the checker's no wider)."""
    problems = []
    found = page.evaluate(OVERFLOW)
    if found["scrollWidth"] > found["clientWidth"]:
        problems.append(f"{name}: the page scrolls sideways ({found['scrollWidth']} > {found['clientWidth']} CSS px)")
    problems += [f"{name}: {item}" for item in found["sticking"]]
    scale = page.evaluate("() => window.devicePixelRatio")
    shot = shots / f"{name}.png"
    page.screenshot(path=shot)
    width, height = png_size(shot)
    if width != round(found["width"] * scale) or height < 100:
        problems.append(f"{name}: screenshot {width}x{height}, expected {round(found['width'] * scale)} wide")
    if section:     # the checker on its own: never wider than the window
        shot = shots / f"{name}-check.png"
        page.locator(section).screenshot(path=shot)
        width, _ = png_size(shot)
        if width > round(found["width"] * scale):
            problems.append(f"{name}: the checker is {width} device pixels wide, wider than the window")
    return problems


def test_content_pages_reflow(narrow, site_url, tmp_path):
    label, page = narrow
    problems = []
    for path in CONTENT_PAGES:
        page.goto(site_url + path)
        problems += check_reflow(page, f"{label}-{path.strip('/').replace('/', '-') or 'home'}", tmp_path)
    assert not problems, "\n".join(problems)


CHECKER = "section[data-checker=geschenken]"


def test_checker_reflows_in_every_state(narrow, site_url, tmp_path):
    label, page = narrow
    checker = "geschenken"
    section = open_checker(page, site_url, "gemeente-utrecht", checker)
    page.wait_for_selector(f"section[data-checker={checker}][data-outcome=onvolledig]")
    problems = check_reflow(page, f"{label}-check-eerste-vraag", tmp_path, CHECKER)
    before = renders(page, checker)
    section.locator("input[value=geschenk]").check()
    wait_for_render(page, checker, before)
    amount = section.locator(".cw-vraag[data-vraag=waarde] input.cw-bedrag")
    amount.fill("-5")
    section.locator(".cw-vraag[data-vraag=waarde] .cw-fout").wait_for(state="visible")
    problems += check_reflow(page, f"{label}-check-ongeldig", tmp_path, CHECKER)
    amount.fill("20")
    for _ in range(10):
        question = open_question(page, checker)
        if not question:
            break
        before = renders(page, checker)
        section.locator(f".cw-vraag[data-vraag={question['id']}] input[value=nee]").check()
        wait_for_render(page, checker, before)
    assert wait_for_verdict(page, checker)
    problems += check_reflow(page, f"{label}-check-uitkomst", tmp_path, CHECKER)
    assert not problems, "\n".join(problems)
