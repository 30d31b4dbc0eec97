"""The bench's start paths rewrite the runtime the checker page starts its worker from (the <meta> in
<head>): if the pattern missed the tag, a start path would silently measure the default start."""
from __future__ import annotations

import html
import json

import pytest

from bench.network import RUNTIME_META, START_VARIANTS, start_variant


@pytest.mark.parametrize("variant", [v for v in START_VARIANTS if v != "default"])
def test_a_start_path_rewrites_the_runtime_the_page_starts_from(built_site, variant):
    page = (built_site / "gemeente-utrecht" / "geschenken" / "index.html").read_text(encoding="utf-8")
    rewritten = start_variant(page, variant)
    [runtime] = [json.loads(html.unescape(m.group(2))) for m in RUNTIME_META.finditer(rewritten)]
    assert runtime["start"] == {"snapshot-at-once": "snapshot", "source-stdlib": "normal"}[variant]
    if variant == "source-stdlib":
        assert runtime["stdlib"].endswith("python_stdlib-source.zip")
    assert start_variant(page, "default") == page
