"""`editor-app profiles` and `editor-app deadline`, in-process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from editor_app.cli import main


def test_deadline_acceptance_example(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["deadline", "--profile", "cao-bang", "--kind", "legal-document",
                 "--from", "2026-02-13"])
    assert code == 0
    assert capsys.readouterr().out == "2026-02-24\n"


def test_deadline_defaults_to_national(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--kind", "legal-document-related", "--from", "2026-02-13"]) == 0
    assert capsys.readouterr().out.strip() == "2026-03-06"


def test_deadline_explain_lists_the_skipped_days(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--profile", "cao-bang", "--kind", "legal-document",
                 "--from", "2026-02-13", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "004 Điều 8.1.c" in out and "Lunar New Year" in out


def test_unknown_profile_exits_2_with_the_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--profile", "ha-noi", "--kind", "qa-answer",
                 "--from", "2026-02-13"]) == 2
    err = capsys.readouterr().err
    assert "ha-noi" in err and "cao-bang" in err and "son-la" in err


def test_unknown_kind_exits_2_with_the_valid_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--profile", "cao-bang", "--kind", "legal-document-related",
                 "--from", "2026-02-13"]) == 2
    err = capsys.readouterr().err
    assert "science-announcement" in err and "consultation-feedback" in err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["deadline", "--kind", "qa-answer", "--from", "13/02/2026"])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_profiles_lists_all_six(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "national", "cao-bang", "hau-giang", "kien-giang", "son-la", "tra-vinh"]


def test_profiles_json_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "--json", "--show", "kien-giang"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {p["id"] for p in document["profiles"]} >= {"kien-giang", "national"}
    assert document["deadlines"]["legal-document-related"]["reference"] == "000 Điều 16.1.c"
    assert main(["profiles", "--show", "nowhere"]) == 2


def test_real_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "deadline", "--profile", "cao-bang",
         "--kind", "legal-document", "--from", "2026-02-13"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert (result.returncode, result.stdout) == (0, "2026-02-24\n"), result.stderr
