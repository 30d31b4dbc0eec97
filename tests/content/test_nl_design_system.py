"""The NL Design System form components are vendored from npm into the site, and only those."""
from __future__ import annotations

import json
import re
from pathlib import Path

from build_scripts.nl_design_system import COMPONENTS, NPM
from build_scripts.site_stylesheet import PARTS, TARGET
from tests.conftest import ROOT
from tests.site_html import html_pages


def test_the_components_are_pinned_and_eupl_licensed():
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for name in COMPONENTS:
        package = f"@utrecht/{name}-css"
        assert package in pins and pins[package][0].isdigit(), f"{package} is pinned to an exact version"
        meta = json.loads((NPM / f"{name}-css" / "package.json").read_text(encoding="utf-8"))
        assert meta["license"] == "EUPL-1.2" and meta["version"] == pins[package]


def test_the_built_site_carries_the_component_styles_and_links_them_on_every_page(built_site):
    css = (built_site / TARGET).read_text(encoding="utf-8")
    for selector in [".utrecht-form-fieldset", ".utrecht-form-field--radio", ".utrecht-radio-button--html-input",
                     ".utrecht-form-field-error-message", ".utrecht-textbox--html-input", ".utrecht-form-label"]:
        assert selector in css
    assert "EUPL-1.2" in css
    for page in html_pages(built_site):
        assert TARGET.as_posix().split("/")[-1] in page.read_text(encoding="utf-8"), page


def test_the_site_styles_are_one_stylesheet_in_cascade_order(built_site):
    """Five source files, one request: a page links Material's two stylesheets and the site's one."""
    css = (built_site / TARGET).read_text(encoding="utf-8")
    positions = [css.find(".utrecht-form-fieldset")] + [css.find(f"/* {part} */") for part in PARTS]
    assert -1 not in positions and positions == sorted(positions), "NL Design System first, then the parts in order"
    assert "@media print" in css and ".cw-dilemma" in css        # print and workshop styles came along
    for page in html_pages(built_site):
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.read_text(encoding="utf-8"))
        ours = [link for link in links if "/stylesheets/codewijzer" in link]
        assert len(ours) <= 2 and ours[0].endswith(TARGET.name), (page, links)   # (+ 'Snel weg' where shown)
        assert not any(link.split("/")[-1] in {Path(part).name for part in PARTS} for link in links), page


def test_the_checker_uses_the_component_class_names():
    script = (ROOT / "docs" / "assets" / "javascripts" / "codewijzer-check.js").read_text(encoding="utf-8")
    for name in ["utrecht-form-fieldset__legend", "utrecht-radio-button", "utrecht-form-field-error-message",
                 "utrecht-form-field-description", "utrecht-textbox", "utrecht-form-label"]:
        assert name in script


def test_axe_core_is_a_test_tool_and_not_shipped(built_site):
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["devDependencies"]["axe-core"][0].isdigit()
    assert not list(built_site.rglob("axe*.js"))
