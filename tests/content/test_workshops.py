"""Workshop pages for trainers: one set per organisation and theme, with stable URLs, every example
as a dilemma with its answer and links, a hand-out, out of search, and the overview in the menu."""
from __future__ import annotations

import json
import re
from pathlib import Path

from build_scripts.content_model import read_pages, read_themes
from build_scripts.published import read_record
from build_scripts.site_index import SiteIndex
from build_scripts.workshops import workshop_sets
from tests.conftest import DOCS
from tests.site_html import parse

PAGES, _ = read_pages(DOCS)
SITE = SiteIndex(PAGES, read_themes(DOCS))
SETS = workshop_sets(SITE)
EXAMPLES = [p for p in PAGES.values() if p.kind == "voorbeeld"]
SNAPSHOT = Path(__file__).with_name("workshop_sets.txt")


def built(site: Path, src_path: str) -> Path:
    return site / src_path.removesuffix(".md") / "index.html"


def test_every_example_is_in_the_set_of_each_of_its_themes():
    members = {(w.organisation, w.theme): {e.meta["id"] for e in w.examples} for w in SETS}
    for example in EXAMPLES:
        for theme in example.meta["themas"]:
            assert example.meta["id"] in members[(example.organisation, theme)], example.src_path
    assert sum(len(ids) for ids in members.values()) == sum(len(e.meta["themas"]) for e in EXAMPLES)


def test_a_set_starts_with_the_examples_whose_main_theme_it_is():
    for workshop in SETS:
        main = [e.meta["themas"][0] == workshop.theme for e in workshop.examples]
        assert main == sorted(main, reverse=True), workshop.src_path


def test_published_workshop_links_never_disappear(built_site):
    """The build records new sets and fails when a recorded one is gone (test_published_records.py)."""
    recorded, current = set(read_record(SNAPSHOT)), {f"{w.organisation}/{w.theme}" for w in SETS}
    assert recorded <= current, f"trainers share these workshop links; they disappeared: {sorted(recorded - current)}"
    assert current <= recorded, f"the build did not record these workshop sets: {sorted(current - recorded)}"


def test_workshop_urls_are_built_from_stable_keys_only():
    for workshop in SETS:
        assert workshop.src_path == f"workshop/{workshop.organisation}/{workshop.theme}.md"
        assert workshop.handout_path == f"workshop/{workshop.organisation}/{workshop.theme}/hand-out.md"
        assert workshop.theme in SITE.themes and workshop.organisation in SITE.organisations()


def test_each_dilemma_has_its_situation_answer_and_links(built_site):
    for workshop in SETS:
        html = built(built_site, workshop.src_path).read_text(encoding="utf-8")
        page = parse(built(built_site, workshop.src_path))
        assert page.ids.count("voorbeeld-" + workshop.examples[0].meta["id"]) == 1
        for example in workshop.examples:
            example_id = example.meta["id"]
            answer = re.search(rf'<div class="cw-antwoord" id="antwoord-{example_id}">(.*?)</div>', html, re.S)
            assert answer, f"{workshop.src_path}: no answer block for {example_id}"
            first_answer_words = " ".join(example.example_parts()[1].split()[:6])
            assert first_answer_words in " ".join(re.sub(r"<[^>]+>", "", answer.group(1)).split())
            assert f"../../../{example.src_path.removesuffix('.md')}/" in page.links, f"{example_id}: no permalink"
            checker_links = [link for link in page.links if link.endswith(f"#check={example_id}")]
            assert bool(checker_links) == ("check" in example.meta), f"{example_id}: checker link"


def test_checker_links_lead_to_the_page_with_that_checker(built_site):
    for workshop in SETS:
        for link in parse(built(built_site, workshop.src_path)).links:
            if "#check=" in link:
                target = (built(built_site, workshop.src_path).parent / link.split("#")[0] / "index.html").resolve()
                assert 'class="cw-check"' in target.read_text(encoding="utf-8"), link


def test_the_handout_has_every_dilemma_with_room_for_notes_and_the_answers_at_the_end(built_site):
    for workshop in SETS:
        html = built(built_site, workshop.handout_path).read_text(encoding="utf-8")
        answers_at = html.index('id="antwoorden"')
        assert html.count('class="cw-aantekeningen"') == len(workshop.examples)
        assert html.rindex('class="cw-aantekeningen"') < answers_at
        for example in workshop.examples:
            assert html.index(f'id="dilemma-{example.meta["id"]}"') < answers_at
            assert html.index(f'id="antwoord-{example.meta["id"]}"') > answers_at


def test_workshop_pages_load_their_script_and_no_other_page_does(built_site):
    generated = {built(built_site, path) for w in SETS for path in (w.src_path, w.handout_path)}
    for path in built_site.rglob("*.html"):
        scripts = [src for tag, _, src in parse(path).resources if tag == "script"]
        loads = any(src.endswith("assets/javascripts/codewijzer-workshop.js") for src in scripts)
        assert loads == (path in generated), path
        if loads:
            script = next(s for s in scripts if s.endswith("codewijzer-workshop.js"))
            assert (path.parent / script).resolve().is_file(), f"{path}: {script} does not resolve"


def test_workshop_pages_are_not_in_search_but_the_overview_is(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "workshop/" in locations
    assert not [loc for loc in locations if loc.startswith("workshop/") and loc != "workshop/"]


def test_the_overview_is_in_the_trainers_section_and_lists_every_set(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Voor trainers" in home and 'href="workshop/"' in home
    links = parse(built_site / "workshop" / "index.html").links
    for workshop in SETS:
        url = workshop.src_path.removeprefix("workshop/").removesuffix(".md") + "/"
        assert url in links and url + "hand-out/" in links, url


def test_workshop_pages_are_not_in_see_also(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        see_also = html.partition('id="zie-ook"')[2].partition("</ul>")[0]
        assert "workshop/" not in see_also, path
