"""The catalog of every finding code the app can emit, rendered as docs/findings.md.

Codes are declared next to the checks that raise them; importing every module under
editor_app.validation registers them all, so the catalog can never miss one.
``python -m editor_app.validation.catalog > docs/findings.md`` regenerates the page; a test fails
when the committed page is stale.
"""

from __future__ import annotations

import importlib
import pkgutil

import editor_app.validation as validation_package
from editor_app.validation.findings import REGISTRY, FindingCode

_HEADER = """# Finding codes

Every check reports findings with a stable code, a severity (error blocks submission, warning
asks, info tells), a message in Vietnamese and English and, where one is safe, an automatic fix.
This page is generated from the code by `python -m editor_app.validation.catalog`; do not edit it
by hand.
Message fields in braces are filled in per finding.
"""


def load_all_codes() -> dict[str, FindingCode]:
    """Import every validation module so each declared code is registered."""
    prefix = validation_package.__name__ + "."
    for module in pkgutil.walk_packages(validation_package.__path__, prefix):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return dict(sorted(REGISTRY.items()))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    codes = load_all_codes()
    lines = [_HEADER]
    for area in sorted({code.split(".", 1)[0] for code in codes}):
        lines += [f"## {area}", "",
                  "| code | severity | message (vi) | message (en) | fix | rule |",
                  "|---|---|---|---|---|---|"]
        for name, spec in codes.items():
            if name.split(".", 1)[0] != area:
                continue
            lines.append(
                f"| `{name}` | {spec.severity} | {_cell(spec.template_vi)} | "
                f"{_cell(spec.template_en)} | {spec.fix or ''} | {_cell(spec.reference)} |"
            )
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_markdown(), end="")
