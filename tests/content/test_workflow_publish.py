"""The published site keeps one Python across pages: GitHub Pages gets a build made with its own
address (SITE_URL fills the sitemap, which Material's instant navigation needs), while the tests and
the preview artifact use the address-less build that `make test` made."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
MAIN_ONLY = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def test_pages_gets_a_build_with_its_address_after_the_tests_and_the_preview():
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))["jobs"]["test"]["steps"]
    names = [step.get("uses", step.get("run", "")) for step in steps]
    index = {key: next(i for i, name in enumerate(names) if str(name).startswith(key))
             for key in ("make test", "actions/configure-pages", "make build SITE_URL=", "actions/upload-pages-artifact")}
    index["actions/upload-artifact"] = next(i for i, step in enumerate(steps)    # the preview, not another upload
                                            if (step.get("with") or {}).get("name") == "codewijzer-site-preview")
    assert index["make test"] < index["actions/upload-artifact"] < index["make build SITE_URL="] \
        < index["actions/upload-pages-artifact"]
    assert index["actions/configure-pages"] < index["make build SITE_URL="]
    pages, build = steps[index["actions/configure-pages"]], steps[index["make build SITE_URL="]]
    assert build["run"] == "make build SITE_URL=${{ steps.pages.outputs.base_url }}/" and pages["id"] == "pages"
    assert pages["if"] == build["if"] == steps[index["actions/upload-pages-artifact"]]["if"] == MAIN_ONLY
