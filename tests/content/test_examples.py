"""Practice examples are first-class: id, theme, situation and answer, own page, in both indexes."""
from __future__ import annotations

from pathlib import Path

from build_scripts.content_model import read_pages, read_themes
from build_scripts.published import read_record
from tests.conftest import DOCS, ORGANISATIONS
from tests.site_html import parse

PAGES, _ = read_pages(DOCS)
EXAMPLES = [p for p in PAGES.values() if p.kind == "voorbeeld"]
SNAPSHOT = Path(__file__).with_name("example_ids.txt")


def test_every_example_belongs_to_an_organisation_in_docs():
    assert EXAMPLES
    assert {e.organisation for e in EXAMPLES} <= set(ORGANISATIONS)


def test_every_example_has_id_theme_situation_and_answer():
    themes = read_themes(DOCS)
    for example in EXAMPLES:
        situation, answer = example.example_parts()
        assert example.meta["id"] == Path(example.src_path).stem, example.src_path
        assert example.meta["themas"][0] in themes, example.src_path
        assert len(situation) > 40 and len(answer) > 20, example.src_path


def test_example_ids_are_unique():
    ids = [e.meta["id"] for e in EXAMPLES]
    assert len(ids) == len(set(ids))


def test_published_example_ids_never_disappear(built_site):
    """The build records new ids and fails when a recorded one is gone (test_published_records.py)."""
    recorded, current = set(read_record(SNAPSHOT)), {e.meta["id"] for e in EXAMPLES}
    assert recorded <= current, f"example ids are permanent links; these disappeared: {sorted(recorded - current)}"
    assert current <= recorded, f"the build did not record these example ids: {sorted(current - recorded)}"


def test_every_example_is_on_its_theme_page_and_has_its_own_page(built_site):
    for example in EXAMPLES:
        own = built_site / example.src_path[:-3] / "index.html"
        assert own.is_file(), example.src_path
        assert "Wat kun je doen?" in parse(own).content_text
        theme_pages = [p for p in PAGES.values() if p.kind == "thema" and p.organisation == example.organisation
                       and example.meta["themas"][0] in p.meta["themas"] and "codewijzer: voorbeelden" in p.body]
        assert theme_pages, f"{example.src_path}: no theme page shows this example"
        for theme_page in theme_pages:
            built = built_site / theme_page.src_path[:-3] / "index.html"
            assert f'id="voorbeeld-{example.meta["id"]}"' in built.read_text(encoding="utf-8"), \
                f"{example.meta['id']} missing on {theme_page.src_path}"


def test_index_lists_every_example_by_each_theme_and_by_organisation(built_site):
    index = built_site / "voorbeelden" / "index.html"
    links = parse(index).links
    for example in EXAMPLES:
        target = "../" + example.src_path[:-3] + "/"
        assert links.count(target) == len(example.meta["themas"]) + 1, \
            f"{example.meta['id']} should be listed once per theme and once under its organisation"


def test_index_anchors_are_stable_keys(built_site):
    """Links into the index use ids, slugs and theme keys, never titles that editors may change."""
    ids = parse(built_site / "voorbeelden" / "index.html").ids
    assert len(ids) == len(set(ids)), "duplicate anchors in the example index"
    for example in EXAMPLES:
        assert f"voorbeeld-{example.meta['id']}" in ids
        assert all(f"thema-{theme}" in ids for theme in example.meta["themas"])
        assert f"organisatie-{example.organisation}" in ids


def test_an_example_is_found_under_the_same_permanent_address_everywhere(built_site):
    """The example page, its place on theme pages and its index entry all derive from the id alone."""
    for example in EXAMPLES:
        example_id = example.meta["id"]
        assert example.src_path == f"{example.organisation}/voorbeelden/{example_id}.md"
        own = (built_site / example.organisation / "voorbeelden" / example_id / "index.html").read_text(encoding="utf-8")
        assert f'#voorbeeld-{example_id}"' in own, f"{example_id}: its page does not link to its place on the theme page"
