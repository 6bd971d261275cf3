"""A broken profile file is refused with a message that names the file and the key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from editor_app.core.profiles import ProfileError, load_profile_file, profiles_dir

MINIMAL_CHILD = """
schema = 1
extends = "national"
id = "test-province"
province = "Thử"
portal_name = "Cổng thử"
portal_url = "https://thu.gov.vn"
citation = "Theo Cổng thử"
"""


def write(tmp_path: Path, text: str, name: str = "test-province.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_child_inherits_everything(tmp_path: Path) -> None:
    profile = load_profile_file(write(tmp_path, MINIMAL_CHILD))
    assert profile.id == "test-province"
    assert profile.deadlines["legal-document"].working_days == 2
    assert len(profile.categories) == 14


def test_one_field_can_be_tightened(tmp_path: Path) -> None:
    text = MINIMAL_CHILD + """
[categories.news.fields.event_date]
required = true
reference = "Điều 1"
"""
    profile = load_profile_file(write(tmp_path, text))
    spec = profile.categories["news"].field("event_date")
    assert spec.required and spec.type == "date" and spec.label_vi == "Ngày diễn ra sự kiện"


@pytest.mark.parametrize(("addition", "expected"), [
    ('[categories.news.fields.title]\ntype = "txt"\nlabel_vi = "a"\nlabel_en = "b"\n',
     "categories.news.fields.title.type"),
    ('[categories.news]\nrequried = true\n', "requried"),
    ('[attachments]\nallowed = ["exe"]\n', "attachments.allowed.0"),
    ('[categories.qa]\ndeadline_kind = "no-such-kind"\n', "no deadline rule 'no-such-kind'"),
    ('[categories.news.fields.x]\ntype = "text"\nlabel_vi = "a"\nlabel_en = "b"\n'
     'required = true\n', "a required field cites its article"),
    ('[categories.news.fields.x]\ntype = "choice"\nlabel_vi = "a"\nlabel_en = "b"\n',
     "a choice field needs choices"),
    ('[categories.news.fields.x]\ntype = "text"\nlabel_vi = "a"\nlabel_en = "b"\n'
     'pattern = "(["\n', "categories.news.fields.x.pattern"),
    ('[categories.news]\nreference = ""\n', "every category cites its article"),
    ('makeup_workdays = [2026-03-11]\n', "not a Saturday or Sunday: 2026-03-11"),
    ('[attachments.max_bytes]\nexe = 1\n', "unknown formats exe"),
    ('tone_style = "modern"\n', "tone_style"),
])
def test_schema_errors_name_the_key(tmp_path: Path, addition: str, expected: str) -> None:
    # Top-level keys must come before the tables: insert them right after the header block.
    text = MINIMAL_CHILD + addition if addition.startswith("[") else (
        addition + MINIMAL_CHILD)
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, text))
    message = str(caught.value)
    assert message.startswith("test-province.toml: ")
    assert expected in message


def test_a_shared_kind_the_profile_lacks_leaves_the_category_without_deadline(
        tmp_path: Path) -> None:
    text = MINIMAL_CHILD + '[deadlines.qa-answer]\nworking_days = 15\nevent = "receipt"\n' \
        'reference = "Điều 9"\n'
    profile = load_profile_file(write(tmp_path, text))
    assert set(profile.deadlines) == {"qa-answer"}
    assert profile.categories["legal-document"].deadline_kind is None
    assert profile.categories["qa"].deadline_kind == "qa-answer"


def test_missing_category_is_reported(tmp_path: Path) -> None:
    national = (profiles_dir() / "national.toml").read_text(encoding="utf-8")
    start = national.index("[categories.english]")
    with pytest.raises(ProfileError, match="categories: missing english"):
        load_profile_file(write(tmp_path, national[:start], "national-copy.toml"))


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile_file(write(tmp_path, 'id = "x\n'))
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile_file(_binary(tmp_path))
    with pytest.raises(ProfileError, match="no such profile file"):
        load_profile_file(tmp_path / "absent.toml")
    with pytest.raises(ProfileError, match="schema: version 2"):
        load_profile_file(write(tmp_path, MINIMAL_CHILD.replace("schema = 1", "schema = 2")))


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    return path


def test_extends_cycles_and_bad_parents(tmp_path: Path) -> None:
    write(tmp_path, 'extends = "b"\n', "a.toml")
    write(tmp_path, 'extends = "a"\n', "b.toml")
    with pytest.raises(ProfileError, match="cycle"):
        load_profile_file(tmp_path / "a.toml")
    with pytest.raises(ProfileError, match="expected a profile id"):
        load_profile_file(write(tmp_path, 'extends = "../etc"\n', "c.toml"))
    with pytest.raises(ProfileError, match="no such profile file"):
        load_profile_file(write(tmp_path, 'extends = "nowhere"\n', "d.toml"))


def test_shipped_files_are_plain_toml() -> None:
    for path in profiles_dir().glob("*.toml"):
        with path.open("rb") as handle:
            assert tomllib.load(handle)["id"] == path.stem


def test_the_documented_example_loads(tmp_path: Path) -> None:
    docs = (profiles_dir().parent.parent / "docs" / "profiles.md").read_text(encoding="utf-8")
    section = docs[docs.index("## Annotated example"):]
    example = section[section.index("```toml") + len("```toml"): section.index("```\n", 10)]
    profile = load_profile_file(write(tmp_path, example, "ca-mau.toml"))
    assert profile.id == "ca-mau" and profile.extra_days_off[0].isoformat() == "2026-05-19"
    assert profile.attachments.limit_for("pdf") == 20971520
    assert profile.attachments.limit_for("wav") == 52428800  # "default"
    assert profile.attachments.limit_for("mp4") == 524288000  # inherited, tables merge
    assert profile.authority_codes["SNN"] == "Sở Nông nghiệp và Môi trường"
    assert profile.categories["legal-document"].field("number").required
    # The example replaces [deadlines] whole: only its own kind remains.
    assert set(profile.deadlines) == {"legal-document"}
    # The legal-document category narrows the formats and raises one size, for itself only.
    legal = profile.attachments_for("legal-document")
    assert legal.allowed == ("pdf", "docx") and legal.limit_for("pdf") == 31457280
    assert legal.limit_for("docx") == profile.attachments.limit_for("docx")
    assert legal.reference == "Điều 11.4"
    assert profile.attachments_for("news") == profile.attachments
    assert profile.attachments_for(None) == profile.attachments


CATEGORY_RULES = MINIMAL_CHILD + """
[attachments]
allowed = ["pdf", "jpg", "png"]
[categories.news.attachments]
allowed = ["jpg", "pdf"]
reference = "Điều 9"
[categories.news.attachments.max_bytes]
jpg = 1000
default = 5000
"""


def test_category_rules_lie_over_the_profile(tmp_path: Path) -> None:
    profile = load_profile_file(write(tmp_path, CATEGORY_RULES))
    news = profile.attachments_for("news")
    assert news.allowed == ("jpg", "pdf")  # the category's order, within the profile's list
    assert news.limit_for("jpg") == 1000
    assert news.limit_for("pdf") == profile.attachments.limit_for("pdf")  # the profile named it
    assert news.limit_for("wav") == 5000  # named by neither: the category's default
    assert profile.attachments_for("english").allowed == ("pdf", "jpg", "png")


@pytest.mark.parametrize(("rules", "expected"), [
    ('allowed = ["pdf", "mp4"]\nreference = "Điều 9"', "not allowed by the profile: mp4"),
    ('reference = "Điều 9"\nmax_bytes = { exe = 10 }', "max_bytes: unknown formats exe"),
    ('reference = "Điều 9"\nmax_bytes = { pdf = 0 }', "sizes are positive"),
    ('allowed = ["pdf"]', "attachments.reference"),
    ('allowed = ["pdf"]\nreference = "Điều 9"\nalowed = ["jpg"]', "alowed"),
])
def test_bad_category_rules_are_refused(tmp_path: Path, rules: str, expected: str) -> None:
    text = MINIMAL_CHILD + '[attachments]\nallowed = ["pdf", "jpg"]\n' \
        + "[categories.news.attachments]\n" + rules + "\n"
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, text))
    assert expected in str(caught.value)
    assert "categories.news.attachments" in str(caught.value)
