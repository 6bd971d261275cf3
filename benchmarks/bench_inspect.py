"""Attachment inspection: big files in bounded memory, and many files in parallel.

Run: ``python -m benchmarks.bench_inspect [--quick]``. Every file is generated into a temporary
folder at run time and deleted afterwards. Figures printed:

1. a 2 GB MP4-like file (ftyp, a 2 GB mdat, then the moov header at the end, so the parser must
   skip the whole media payload) and a 500-page PDF with a text layer: wall time and the worker's
   peak resident memory (``ru_maxrss`` read inside the worker), against the idle worker's peak
   measured in the same run (target: under 300 MB);
2. 200 mixed attachments (JPEG, PNG, PDF, DOCX, ZIP, TXT, WAV, MP3) inspected one by one in one
   worker and in parallel on all available cores: throughput and the ratio.
"""

from __future__ import annotations

import argparse
import io
import resource
import struct
import sys
import tempfile
import time
import wave
import zipfile
from pathlib import Path

import docx
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from editor_app.validation.files import inspect_many
from editor_app.validation.files.formats import AttachmentLimits
from editor_app.validation.isolation import Job, WorkerPool, available_cores

MB = 1024 * 1024


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def make_big_mp4(path: Path, size: int) -> Path:
    """ftyp, a ``size``-byte mdat (written sparse: its bytes are never read), then moov."""
    mvhd = _box(b"mvhd", b"\0" * 12 + struct.pack(">II", 1000, 3_600_000) + b"\0" * 80)
    hdlr = _box(b"hdlr", b"\0" * 8 + b"vide" + b"\0" * 13)
    stsd = _box(b"stsd", b"\0" * 4 + struct.pack(">I", 1) + _box(b"avc1", b"\0" * 78))
    moov = _box(b"moov", mvhd + _box(b"trak", _box(b"mdia", hdlr + _box(
        b"minf", _box(b"stbl", stsd)))))
    with open(path, "wb") as out:
        out.write(_box(b"ftyp", b"isom\0\0\2\0isomavc1"))
        out.write(struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 16 + size))
        out.seek(size, 1)
        out.write(moov)
    return path


def make_pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for number in range(pages):
        page = writer.add_blank_page(595, 842)
        lines = " ".join(f"(Bao cao tong ket cong tac nam 2024 trang {number} dong {i}) "
                         "Tj 0 -14 Td" for i in range(40))
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 11 Tf 60 800 Td {lines} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    with open(path, "wb") as out:
        writer.write(out)
    return path


def measure_one(path: Path) -> tuple[float, float, float]:
    """(seconds, worker peak MB, idle worker peak MB) for one file in a fresh worker."""
    limits = AttachmentLimits(max_bytes={"mp4": 8 * 1024 * MB, "pdf": 1024 * MB})
    with WorkerPool(1) as pool:
        idle = pool.run(Job("resource:getrusage", (resource.RUSAGE_SELF,))).ru_maxrss / 1024
        started = time.perf_counter()
        findings = pool.run(Job("editor_app.validation.files:inspect_here",
                                (str(path), limits), timeout=3600))
        elapsed = time.perf_counter() - started
        peak = pool.run(Job("resource:getrusage", (resource.RUSAGE_SELF,))).ru_maxrss / 1024
    codes = sorted({f.code for f in findings})
    print(f"    findings: {', '.join(codes)}")
    return elapsed, peak, idle


def make_mixed(folder: Path, count: int) -> list[Path]:
    """``count`` small attachments of eight kinds, as a unit's folder would hold."""
    makers = [_jpg, _png, _pdf_small, _docx, _zip, _txt, _wav, _mp3]
    return [makers[i % len(makers)](folder / f"f{i:03d}", i) for i in range(count)]


def _jpg(base: Path, i: int) -> Path:
    path = base.with_suffix(".jpg")
    Image.new("RGB", (800, 600), (i % 255, 80, 160)).save(path, quality=85)
    return path


def _png(base: Path, i: int) -> Path:
    path = base.with_suffix(".png")
    Image.new("RGB", (640, 480), (20, i % 255, 90)).save(path)
    return path


def _pdf_small(base: Path, i: int) -> Path:
    return make_pdf(base.with_suffix(".pdf"), 3)


def _docx(base: Path, i: int) -> Path:
    document = docx.Document()
    for n in range(30):
        document.add_paragraph(f"Đoạn {n}: Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết.")
    path = base.with_suffix(".docx")
    document.save(str(path))
    return path


def _zip(base: Path, i: int) -> Path:
    path = base.with_suffix(".zip")
    buffer = io.BytesIO()
    Image.new("RGB", (200, 150), (1, 2, 3)).save(buffer, format="PNG")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("anh.png", buffer.getvalue())
        archive.writestr("ghi-chu.txt", "Ghi chú cuộc họp".encode())
    return path


def _txt(base: Path, i: int) -> Path:
    path = base.with_suffix(".txt")
    path.write_text("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.\n" * 200,
                    "utf-8")
    return path


def _wav(base: Path, i: int) -> Path:
    path = base.with_suffix(".wav")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 16000)
    return path


def _mp3(base: Path, i: int) -> Path:
    path = base.with_suffix(".mp3")
    path.write_bytes((b"\xff\xfb\x90\x64" + bytes(413)) * 200)
    return path


def throughput(paths: list[Path], workers: int) -> float:
    with WorkerPool(workers) as pool:
        pool.map([Job("math:sqrt", (1.0,))] * workers)  # start and warm every worker first
        started = time.perf_counter()
        results = inspect_many(paths, pool=pool)
        elapsed = time.perf_counter() - started
    failed = sum(1 for r in results if any(f.code == "file.uninspectable" for f in r))
    if failed:
        print(f"    warning: {failed} files could not be inspected")
    return len(paths) / elapsed


def cpu_control(workers: int) -> float:
    """Seconds for eight identical CPU-bound jobs: how much parallelism the machine gives now."""
    jobs = [Job("hashlib:pbkdf2_hmac", ("sha256", b"x", b"salt", 200_000))] * 8
    with WorkerPool(workers, warm=()) as pool:
        pool.map([Job("math:sqrt", (1.0,))] * workers)
        started = time.perf_counter()
        pool.map(jobs)
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller files (smoke run)")
    args = parser.parse_args(argv)
    big, pages, count = (200 * MB, 50, 40) if args.quick else (2048 * MB, 500, 200)
    with tempfile.TemporaryDirectory(prefix="bench-inspect-") as folder:
        root = Path(folder)
        print(f"1. large files (peak memory target < 300 MB; cores available: {available_cores()})")
        for label, path in (
                (f"MP4 {big // MB} MB", make_big_mp4(root / "big.mp4", big)),
                (f"PDF {pages} pages", make_pdf(root / "long.pdf", pages))):
            size = path.stat().st_size / MB
            elapsed, peak, idle = measure_one(path)
            print(f"  {label} ({size:.0f} MB on disk): {elapsed:.2f} s, worker peak {peak:.0f} MB "
                  f"(idle worker {idle:.0f} MB, ratio {peak / idle:.2f}x)")
        mixed = root / "mixed"
        mixed.mkdir()
        paths = make_mixed(mixed, count)
        print(f"2. {count} mixed attachments")
        serial = throughput(paths, 1)
        parallel = throughput(paths, available_cores())
        print(f"  one by one: {serial:.1f} files/s")
        print(f"  parallel on {available_cores()} workers: {parallel:.1f} files/s "
              f"(ratio {parallel / serial:.2f}x)")
        control = cpu_control(1) / cpu_control(available_cores())
        print(f"  control, pure CPU jobs in the same pools: ratio {control:.2f}x "
              "(what the machine allows right now; ~cores when it is idle)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
