"""The build's own seams: what relies on Material's markup fails loudly, page paths and relative URLs
come from one place, and the editor's Markdown is read by a parser (markdown-it-py), not by pattern."""
from __future__ import annotations

import pytest

from build_scripts import markdown_blocks, paths
from build_scripts.theme_contract import ThemeChanged, delay_search

MATERIAL_CONFIG = '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'


def test_the_search_delay_rewrites_materials_worker():
    page = delay_search(MATERIAL_CONFIG, "org/thema/")
    assert "workers/codewijzer-search.js?material=search.a7633da7.min.js" in page


def test_the_search_delay_fails_the_build_when_material_renames_its_worker():
    renamed = MATERIAL_CONFIG.replace("workers/search.a7633da7.min.js", "workers/find.0123.js")
    with pytest.raises(ThemeChanged, match="search worker"):
        delay_search(renamed, "org/thema/")


@pytest.mark.parametrize("src, url, root", [
    ("index.md", "", ""),
    ("org/index.md", "org/", "../"),
    ("org/geschenken.md", "org/geschenken/", "../../"),
    ("workshop/org/thema/hand-out.md", "workshop/org/thema/hand-out/", "../../../../"),
    ("org/myindex.md", "org/myindex/", "../../"),
])
def test_page_paths_and_the_way_to_the_root(src, url, root):
    assert paths.page_url(src) == url
    assert paths.to_root(src) == root


def test_relative_links_between_pages():
    assert paths.page_href("org/a.md", "org/b.md") == "../b/"
    assert paths.page_href("org/a.md", "org/a.md") == ""
    assert paths.page_href("index.md", "org/index.md") == "org/"
    assert paths.relative_url("assets/x.js", "org/a/") == "../../assets/x.js"
    assert paths.doc_link("org/voorbeelden/v.md", "org/hulp.md") == "../hulp.md"
    assert paths.resolve_doc("org/voorbeelden/v.md", "../hulp.md#x") == "org/hulp.md"


GUIDE = """# Titel

Zie [de hulp](hulp.md#vertrouwenspersoon) en `[niet dit](code.md)`.

!!! info "Let op"

    Ook [in een blok](blok.md) telt.

```markdown
[in een codeblok](nee.md)
<!-- codewijzer: voorbeelden -->
```

<!-- codewijzer: voorbeelden -->

[verwijzing]: <doel met spatie.md>
"""


def test_links_with_their_line_skip_code():
    assert markdown_blocks.links(GUIDE) == [("hulp.md#vertrouwenspersoon", 2), ("blok.md", 6),
                                            ("doel met spatie.md", 15)]


def test_fences_and_placeholders_with_their_line():
    fence, = markdown_blocks.fences(GUIDE)
    assert (fence.lang, fence.first, fence.last) == ("markdown", 8, 11)
    assert markdown_blocks.placeholders(GUIDE) == [("voorbeelden", 13)]
    assert markdown_blocks.heading_line(GUIDE) == 0


def test_the_prepare_stage_runs_without_an_engine(tmp_path):
    """Stage 1 on its own (as it would run before Zensical): Dutch message and exit 1 on a content error."""
    import subprocess
    import sys

    from tests.conftest import ROOT, copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "gemeente-utrecht" / "geschenken.md"
    page.write_text(page.read_text(encoding="utf-8").replace("soort: thema", "soort: themaa", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_scripts.prepare", "--docs", str(project / "docs")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "docs/gemeente-utrecht/geschenken.md:" in result.stderr and "[soort]" in result.stderr
