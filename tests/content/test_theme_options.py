"""docs/themas.yml: a theme is 'key: Name' or a table with 'naam' and 'snel_weg'; mistakes get a Dutch message."""
from __future__ import annotations

import pytest

from build_scripts.content_model import ContentError, read_theme_entries, read_themes
from tests.conftest import DOCS


def write(tmp_path, text: str):
    (tmp_path / "themas.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_both_forms_give_labels_and_options(tmp_path):
    docs = write(tmp_path, "geschenken: Geschenken\nomgangsvormen:\n  naam: Omgangsvormen\n  snel_weg: true\n")
    assert read_themes(docs) == {"geschenken": "Geschenken", "omgangsvormen": "Omgangsvormen"}
    assert read_theme_entries(docs)["omgangsvormen"]["snel_weg"] is True
    assert read_themes(DOCS)["omgangsvormen"] == "Omgangsvormen en ongewenst gedrag"


@pytest.mark.parametrize("text", ["omgangsvormen:\n  snel_weg: true\n",
                                  "omgangsvormen:\n  naam: X\n  snel_weg: ja graag\n",
                                  "omgangsvormen:\n  naam: X\n  snelweg: true\n", "omgangsvormen: [1, 2]\n"])
def test_mistakes_name_the_theme_in_dutch(tmp_path, text):
    with pytest.raises(ContentError) as error:
        read_theme_entries(write(tmp_path, text))
    assert "omgangsvormen" in str(error.value) and "snel_weg" in str(error.value)
