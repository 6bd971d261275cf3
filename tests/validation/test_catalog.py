"""docs/findings.md lists every finding code the app can emit, and is current."""

import re
from pathlib import Path

from editor_app.validation.catalog import load_all_codes, render_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "findings.md"


def test_every_code_is_well_formed() -> None:
    codes = load_all_codes()
    assert len(codes) > 20
    for name, spec in codes.items():
        area, _, rest = name.partition(".")
        assert area and rest and name == name.lower(), name
        assert spec.template_vi.strip() and spec.template_en.strip(), name
        words = re.sub(r"\{[^}]*\}|[\W\d_]", "", spec.template_en)
        if words:  # a template made only of placeholders is the same in both languages
            assert spec.template_vi != spec.template_en, f"{name}: Vietnamese message missing"


def test_findings_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/findings.md is stale: run python -m editor_app.validation.catalog > docs/findings.md"
    )
