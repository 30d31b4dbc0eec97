"""The built site: one section per organisation, Dutch everywhere, the pages the issue asks for."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile

from tests.conftest import DOCS, ORGANISATIONS, ROOT, build_site
from tests.site_html import html_pages, parse


def test_every_organisation_has_its_section_with_a_stable_slug(built_site):
    for org in ORGANISATIONS:
        assert (built_site / org / "index.html").is_file(), org


def test_start_page_offers_every_organisation_and_their_help(built_site):
    links = parse(built_site / "index.html").links
    for org in ORGANISATIONS:
        assert f"{org}/" in links, f"start page does not link to {org}"
        assert any(link.startswith(f"{org}/") and link != f"{org}/" for link in links), f"no help link for {org}"


def test_site_pages_exist(built_site):
    for page in ["codes-naast-elkaar", "voorbeelden", "toegankelijkheid", "privacy", "bronnen"]:
        assert (built_site / page / "index.html").is_file(), page


def test_every_page_is_dutch(built_site):
    for path in html_pages(built_site):
        assert '<html lang="nl"' in path.read_text(encoding="utf-8"), path


def test_search_is_dutch(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert (built_site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js").is_file()


def test_overview_states_version_date_audience_and_source(built_site):
    for org in ORGANISATIONS:
        text = parse(built_site / org / "index.html").content_text
        for label in ["Versie", "Geldend vanaf", "Voor wie", "Bron"]:
            assert label in text, f"{org} overview lacks '{label}'"
        links = parse(built_site / org / "index.html").links
        assert any(re.search(r"bronnen/[\w.-]+\.txt$", link) for link in links), org


def test_flow_pages_have_a_diagram_with_a_text_alternative(built_site):
    flows = [p for p in html_pages(built_site) if 'class="cw-stroomschema"' in p.read_text(encoding="utf-8")]
    sources = [p for org in ORGANISATIONS for p in (DOCS / org).rglob("*.md")
               if "```stroomschema" in p.read_text(encoding="utf-8")]
    assert sources, "no flow in any code"
    for source in sources:        # every flow an editor wrote is drawn on its page
        rel = source.relative_to(DOCS).with_suffix("")
        built = built_site / (rel.parent if rel.name == "index" else rel) / "index.html"
        assert 'class="cw-stroomschema"' in built.read_text(encoding="utf-8"), source
    for path in flows:
        html = path.read_text(encoding="utf-8")
        assert re.search(r'<svg class="cw-stroomschema-svg"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', html)
        assert "De stappen als tekst" in html and "<ol>" in html, path


def test_maastricht_figures_are_a_chart_with_its_table(built_site):
    pages = [p for p in (built_site / "universiteit-maastricht").rglob("index.html")
             if 'class="cw-grafiek"' in p.read_text(encoding="utf-8")]
    assert pages, "no chart on the Maastricht pages"
    text = " ".join(parse(p).content_text for p in pages)
    for figure in ["112", "99"]:
        assert figure in text
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert html.count('class="cw-grafiek-svg"') == html.count('class="cw-grafiek-tabel"')


def test_footnotes_are_real_footnotes(built_site):
    html = "".join(p.read_text(encoding="utf-8") for p in (built_site / "universiteit-twente").rglob("index.html"))
    assert html.count('class="footnote-ref"') >= 5
    assert html.count('class="footnote-backref"') >= 5


def test_trusted_person_mentions_link_to_who_that_is(built_site):
    linked = set()
    for org in ORGANISATIONS:
        pages = list((built_site / org).rglob("index.html"))
        if any('class="cw-vertrouwenspersoon"' in p.read_text(encoding="utf-8") for p in pages):
            linked.add(org)
        for path in pages:
            text = re.sub(r"<(a|h[1-6]|svg|script|title|figcaption|code)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
            body = text.split('<article', 1)[-1].split("</article>", 1)[0]
            assert not re.search(r"(?<![\w-])[Vv]ertrouwensperso(on|nen)(?![\w-])", re.sub(r"<[^>]+>", "", body)), \
                f"{path}: a mention of the vertrouwenspersoon is not a link"
    assert linked, "no code links a mention of the vertrouwenspersoon"


def test_theme_pages_link_to_help_and_reporting(built_site):
    from build_scripts.content_model import read_pages
    from tests.conftest import DOCS
    pages, _ = read_pages(DOCS)
    for source in pages.values():
        if source.kind == "thema":
            url = source.src_path[:-3] + "/" if not source.src_path.endswith("index.md") else source.src_path[:-8]
            page = parse(built_site / url / "index.html")
            assert 'id="zie-ook"' in (built_site / url / "index.html").read_text(encoding="utf-8"), source.src_path
            assert any(link.startswith("../") for link in page.links), source.src_path


def test_theme_pages_link_to_the_same_subject_elsewhere(built_site):
    links = parse(built_site / "gemeente-utrecht" / "geschenken" / "index.html").links
    assert "../../provincie-utrecht/geschenken-en-uitnodigingen/" in links
    assert "../../codes-naast-elkaar/" in links


def test_a_site_url_fills_the_sitemap_and_links_stay_relative(tmp_path):
    """With SITE_URL the sitemap lists every page (Material navigates instantly only to those); the
    pages' own links stay relative, so the same files still work from any folder."""
    site = tmp_path / "site"
    result = build_site(ROOT, site, site_url="https://intranet.example.nl/code/")
    assert result.returncode == 0, result.stderr
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://intranet.example.nl/code/gemeente-utrecht/geschenken/</loc>" in sitemap
    page = (site / "gemeente-utrecht" / "geschenken" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a [^>]*href="https://intranet', page) == []


def test_the_checkers_reach_the_browser_as_bytecode_of_pyodide_s_python(built_site):
    """The served wheel holds every checker module as .pyc only (hash-based, unchecked, as the standard
    library): the browser then runs no Python compiler for them. Its name says which Python reads it, its
    RECORD matches its files."""
    python = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())["info"]["python"]
    tag = "cp" + "".join(python.split(".")[:2])
    [wheel] = (built_site / "assets" / "checkers").glob("*.whl")
    assert re.fullmatch(rf"codewijzer_checkers-0\.1\.0\+[0-9a-f]{{12}}-{tag}-none-any\.whl", wheel.name), wheel.name
    with zipfile.ZipFile(wheel) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    modules = {name for name in files if name.startswith("checkers/")}
    sources = {f"checkers/{p.stem}.pyc" for p in (ROOT / "checkers").glob("*.py") if p.name != "__main__.py"}
    assert modules == sources
    for name in modules:
        flags = int.from_bytes(files[name][4:8], "little")
        assert flags == 0b01, f"{name}: not hash-based and unchecked"
    [record] = [name for name in files if name.endswith(".dist-info/RECORD")]
    listed = {}
    for line in files[record].decode().splitlines():
        name, digest, size = line.rsplit(",", 2)
        listed[name] = (digest, size)
    for name, data in files.items():
        if name != record:
            expected = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert listed[name] == (expected, str(len(data))), name
    assert f"Tag: {tag}-none-any" in files[record.replace("RECORD", "WHEEL")].decode()
