"""The trimmed ICU data library of the Linux bundle (installer/icu_trim.py).

Real data and real Qt: the package is PySide6's own libicudata, trimmed and assembled with the C
compiler, then loaded by the real PySide6 in a subprocess (LD_LIBRARY_PATH is searched before
Qt's $ORIGIN run path), where Vietnamese collation must still put "đ" after "d".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from packaging_support import load_installer_module

icu_trim = load_installer_module("icu_trim")
QT_LIB = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
SHIPPED = sorted(QT_LIB.glob("libicudata.so.*"))
needs_icu = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not SHIPPED or shutil.which("cc") is None,
    reason="PySide6 bundles ICU on Linux only; assembling needs a C compiler")
PROBE = """
from PySide6.QtCore import QCollator, QLocale
vi, en = QCollator(QLocale("vi_VN")), QCollator(QLocale("en_US"))
print(vi.compare("đa", "dz"), en.compare("đa", "dz"), QLocale("vi").toUpper("đà nẵng"), sep="|")
"""


def _qt_with(library_dir: Path) -> list[str]:
    env = {**os.environ, "LD_LIBRARY_PATH": str(library_dir)}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                            text=True, timeout=60, check=True)
    return result.stdout.strip().split("|")


@pytest.mark.parametrize("name, kept", [
    ("icudt73l/coll/vi.res", True), ("icudt73l/coll/root.res", True),
    ("icudt73l/coll/ucadata.icu", True), ("icudt73l/zone/vi.res", True),
    ("icudt73l/en_001.res", True), ("icudt73l/pool.res", True), ("icudt73l/nfkc.nrm", True),
    ("icudt73l/supplementalData.res", True), ("icudt73l/zoneinfo64.res", True),
    ("icudt73l/coll/zh.res", False), ("icudt73l/fr_CA.res", False),
    ("icudt73l/coll/es__TRADITIONAL.res", False), ("icudt73l/ibm-1390_P110-2003.cnv", False),
    ("icudt73l/brkitr/cjdict.dict", False), ("icudt73l/translit/root.res", False),
])
def test_which_items_stay(name, kept):
    assert icu_trim.wanted(name) is kept


def test_a_package_reads_back_as_written():
    header = b"\x20\x00\xda\x27" + b"\x14\x00\x00\x00\x00\x00\x02\x00CmnD" + b"\x01\0\0\0" * 4
    items = [("p/a.res", b"abc"), ("p/b.icu", b"\x01" * 33), ("p/c", b"")]
    package = icu_trim.write_items(header, items)
    assert icu_trim.read_items(package) == (header, [
        ("p/a.res", b"abc" + b"\0" * 13), ("p/b.icu", b"\x01" * 33 + b"\0" * 15), ("p/c", b"")])


def test_not_a_library_or_package_is_refused():
    with pytest.raises(ValueError):
        icu_trim.extract_package(b"MZ not an ELF file")
    with pytest.raises(ValueError):
        icu_trim.read_items(b"\x20\x00\x00\x00" + b"\0" * 60)


@needs_icu
def test_the_trimmed_library_keeps_vietnamese_for_qt(tmp_path):
    source = SHIPPED[0]
    out = tmp_path / source.name
    before, after = icu_trim.trim_library(source, out)
    assert after < before / 4
    _symbol, package = icu_trim.extract_package(out.read_bytes())
    names = {name for name, _data in icu_trim.read_items(package)[1]}
    assert any(n.endswith("/coll/vi.res") for n in names)
    assert not any(n.endswith(".cnv") for n in names)
    vi, en, upper = _qt_with(tmp_path)
    assert int(vi) > 0 and int(en) < 0 and upper == "ĐÀ NẴNG"


@needs_icu
def test_without_the_vietnamese_collation_qt_sorts_like_english(tmp_path):
    """The probe above can fail: the same library minus coll/vi.res sorts đ as a d."""
    source = SHIPPED[0]
    icu_trim.trim_library(source, tmp_path / source.name,
                          keep=lambda n: icu_trim.wanted(n) and not n.endswith("/coll/vi.res"))
    vi, _en, _upper = _qt_with(tmp_path)
    assert int(vi) < 0
