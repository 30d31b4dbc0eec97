"""The site built with Zensical, the Material team's successor (adr/0015).

Zensical is not in the pinned environment (requirements.lock); until `import zensical` works this test
is skipped and says why. With it installed (pip install zensical, 0.0.73 measured on 2026-12-02) it
shows, in one run, how far the site gets on Zensical: it builds, has every organisation's pages, and
our own Markdown extension's output (agreement anchors) is in them. adr/0015 lists what each stage
still needs there; measured today, the strict build stops on 382 missing agreement anchors."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from tests.conftest import ORGANISATIONS, copy_project

if importlib.util.find_spec("zensical") is None:
    pytest.skip("Zensical is not installed: it is not in requirements.lock. To try it: pip install zensical "
                "in a separate venv with the lock, then run this test there. See adr/0015 for what the build "
                "still needs on Zensical.", allow_module_level=True)


def test_the_site_builds_with_zensical(tmp_path):
    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--config-file", "mkdocs.yml"],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "CODEWIJZER_CODE": ""})
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"
    site = project / "site"
    for org in ORGANISATIONS:
        assert (site / org / "index.html").is_file(), f"no pages for {org}"
    page = (site / "gemeente-utrecht" / "geschenken" / "index.html").read_text(encoding="utf-8")
    assert 'id="afspraak-' in page, ("agreement anchors missing: Zensical did not run build_scripts/md_extension.py "
                                     "(registered by hooks.py, which Zensical ignores); see adr/0015")
