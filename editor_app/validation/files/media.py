"""Audio and video: a valid container, duration and codecs from the headers, never a decode.

MP3, WMA/WMV (ASF) and WAV go through mutagen. MP4 and AVI are walked box by box / chunk by
chunk with seeks, so the multi-gigabyte media data is skipped, not read: a 4 GB video costs a
few kilobytes of reading.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any, BinaryIO

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.findings import Finding

MAX_MOOV = 64 * 1024 * 1024
MAX_BOXES = 100_000


class ContainerError(ValueError):
    """The container's structure is broken; the message says where."""


def inspect_media(source: Source, format_id: str) -> list[Finding]:
    if format_id == "mp4":
        duration, codecs = mp4_info(source.path)
    elif format_id == "avi":
        duration, codecs = avi_info(source.path)
    else:
        duration, codecs = _mutagen_info(source.path, format_id)
    facts = f"{_clock(duration)}" + (f", {', '.join(codecs)}" if codecs else "")
    return [codes.SUMMARY.at(source.at(), label=format_id.upper(), facts=facts,
                             data={"format": format_id, "duration": round(duration, 3),
                                   "codecs": codecs})]


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _mutagen_info(path: Path, format_id: str) -> tuple[float, list[str]]:
    info: Any
    if format_id == "mp3":
        from mutagen.mp3 import MP3
        info = MP3(path).info
        return float(info.length), [f"MPEG layer {info.layer}", f"{info.bitrate // 1000} kbps"]
    if format_id == "wav":
        from mutagen.wave import WAVE
        info = WAVE(path).info
        return float(info.length), [f"PCM {info.sample_rate} Hz", f"{info.channels} ch"]
    from mutagen.asf import ASF
    asf: Any = ASF(path).info
    codec = str(getattr(asf, "codec_name", "") or "")
    return float(asf.length), [codec] if codec else []


def _boxes(handle: BinaryIO, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, payload offset, payload size) of the ISO-BMFF boxes between start and end."""
    boxes: list[tuple[bytes, int, int]] = []
    offset = start
    while offset + 8 <= end:
        if len(boxes) >= MAX_BOXES:
            raise ContainerError("too many boxes")
        handle.seek(offset)
        size, kind = struct.unpack(">I4s", handle.read(8))
        header = 8
        if size == 1:
            raw = handle.read(8)
            if len(raw) < 8:
                raise ContainerError("truncated box header")
            size, header = struct.unpack(">Q", raw)[0], 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            raise ContainerError(f"box {kind!r} at {offset} overruns the file")
        boxes.append((kind, offset + header, size - header))
        offset += size
    return boxes


def mp4_info(path: Path) -> tuple[float, list[str]]:
    with open(path, "rb") as handle:
        end = handle.seek(0, 2)
        top = _boxes(handle, 0, end)
        kinds = [kind for kind, _, _ in top]
        if not kinds or kinds[0] != b"ftyp":
            raise ContainerError("no ftyp box at the start")
        if b"moov" not in kinds:
            raise ContainerError("no moov box (movie header)")
        _, start, size = top[kinds.index(b"moov")]
        if size > MAX_MOOV:
            raise ContainerError("moov box larger than 64 MB")
        handle.seek(start)
        moov = handle.read(size)
    return _moov_info(moov)


def _moov_info(moov: bytes) -> tuple[float, list[str]]:
    import io

    stream = io.BytesIO(moov)
    duration, codecs = 0.0, []
    for kind, start, size in _boxes(stream, 0, len(moov)):
        if kind == b"mvhd":
            duration = _mvhd_duration(moov[start:start + size])
        elif kind == b"trak":
            codec = _trak_codec(moov[start:start + size])
            if codec:
                codecs.append(codec)
    return duration, codecs


def _mvhd_duration(payload: bytes) -> float:
    if payload[:1] == b"\x01":
        scale, duration = struct.unpack_from(">IQ", payload, 20)
    else:
        scale, duration = struct.unpack_from(">II", payload, 12)
    return duration / scale if scale else 0.0


def _trak_codec(trak: bytes) -> str:
    """The sample entry fourcc (avc1, hvc1, mp4a …) of a track: trak/mdia/minf/stbl/stsd."""
    import io

    data = trak
    for wanted in (b"mdia", b"minf", b"stbl", b"stsd"):
        found = [(s, n) for k, s, n in _boxes(io.BytesIO(data), 0, len(data)) if k == wanted]
        if not found:
            return ""
        start, size = found[0]
        data = data[start:start + size]
    return data[12:16].decode("latin-1").strip() if len(data) >= 16 else ""


def avi_info(path: Path) -> tuple[float, list[str]]:
    """Duration from the main AVI header, codecs from each stream header (RIFF 'AVI ')."""
    with open(path, "rb") as handle:
        head = handle.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"AVI ":
            raise ContainerError("not a RIFF AVI file")
        handle.seek(12)
        hdrl = handle.read(8)
        if hdrl[:4] != b"LIST":
            raise ContainerError("no header list")
        size = struct.unpack("<I", hdrl[4:8])[0]
        if size > MAX_MOOV:
            raise ContainerError("header list larger than 64 MB")
        data = handle.read(size)
    if data[:4] != b"hdrl" or b"avih" not in data[:16]:
        raise ContainerError("no main AVI header")
    micro, _, _, _, frames = struct.unpack_from("<IIIII", data, 12)
    codecs: list[str] = []
    index = data.find(b"strh")
    while index >= 0 and len(codecs) < 8:
        fcc_type, handler = data[index + 8:index + 12], data[index + 12:index + 16]
        codecs.append(f"{fcc_type.decode('latin-1')}:{handler.decode('latin-1').strip(chr(0))}")
        index = data.find(b"strh", index + 4)
    return frames * micro / 1_000_000, codecs
