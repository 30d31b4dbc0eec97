"""Every practice example that carries a `check:` block runs through its checker."""
from __future__ import annotations

import pytest

from build_scripts.content_model import read_pages
from tests.checkers.conftest import outcome
from tests.conftest import DOCS

PAGES, _ = read_pages(DOCS)
EXAMPLES = [p for p in PAGES.values() if p.kind == "voorbeeld" and "check" in p.meta]


def test_there_are_examples_with_checks():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.meta["id"] for e in EXAMPLES])
def test_example_reaches_its_expected_verdict(example):
    check = example.meta["check"]
    result = outcome(check["naam"], example.organisation, check["antwoorden"])
    where = f"docs/{example.src_path} (voorbeeld {example.meta['id']})"
    assert result["status"] == "uitkomst", f"{where}: {result.get('errors') or result.get('missing')}"
    assert not result["unknown"], f"{where}: unknown questions {result['unknown']}"
    assert result["verdict"] == check["verwacht"], \
        f"{where}: expected {check['verwacht']}, the checker says {result['verdict']}"
