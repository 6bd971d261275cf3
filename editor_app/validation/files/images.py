"""Images (Pillow): the file really decodes, its size, GPS position, animation, PSD header.

Decoding is bounded: Pillow's decompression-bomb guard is turned into an error, JPEGs are decoded
at 1/8 scale (``draft``), which proves the entropy-coded data is whole at a fraction of the
memory, and very large PSD composites are opened (header, layers) but not decoded.
"""

from __future__ import annotations

import warnings
from typing import Any

from PIL import Image, ImageFile

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.findings import Finding

MAX_PIXELS = 180_000_000
FULL_DECODE_PIXELS = 40_000_000
GPS_IFD = 0x8825


def inspect_image(source: Source, format_id: str) -> list[Finding]:
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(source.path) as image:
            width, height = image.size
            findings = _size_findings(source, width, height)
            findings += _gps_findings(source, image)
            frames = getattr(image, "n_frames", 1) if format_id == "gif" else 1
            _decode(image, format_id, width * height)
            mode = image.mode
    if frames > 1:
        findings.append(codes.IMAGE_ANIMATED.at(source.at(), frames=frames))
    findings.append(codes.SUMMARY.at(
        source.at(), label=format_id.upper(), facts=f"{width}×{height} px, {mode}",
        data={"format": format_id, "width": width, "height": height}))
    return findings


def _decode(image: Image.Image, format_id: str, pixels: int) -> None:
    """Decode enough to prove the data is whole, without holding a full bitmap of a huge image."""
    if format_id == "jpg":
        image.draft("RGB", (max(1, image.size[0] // 8), max(1, image.size[1] // 8)))
        image.load()
    elif format_id == "psd" and pixels > FULL_DECODE_PIXELS:
        return
    elif pixels <= FULL_DECODE_PIXELS:
        image.load()
    else:
        image.verify()


def _size_findings(source: Source, width: int, height: int) -> list[Finding]:
    limits = source.limits
    if width < limits.min_image_width or height < limits.min_image_height:
        return [codes.IMAGE_TOO_SMALL.at(source.at(), width=width, height=height,
                                         min_width=limits.min_image_width,
                                         min_height=limits.min_image_height)]
    return []


def gps_position(image: Image.Image) -> tuple[float, float] | None:
    """Latitude and longitude in degrees from EXIF, or None when the photo has no position."""
    gps = image.getexif().get_ifd(GPS_IFD)
    if not gps or 2 not in gps or 4 not in gps:
        return None
    lat, lon = _degrees(gps[2]), _degrees(gps[4])
    if lat is None or lon is None:
        return None
    if str(gps.get(1, "N")).upper().startswith("S"):
        lat = -lat
    if str(gps.get(3, "E")).upper().startswith("W"):
        lon = -lon
    return lat, lon


def _degrees(value: Any) -> float | None:
    try:
        d, m, s = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return d + m / 60 + s / 3600


def _gps_findings(source: Source, image: Image.Image) -> list[Finding]:
    position = gps_position(image)
    if position is None:
        return []
    lat, lon = position
    return [codes.IMAGE_GPS.at(source.at(), lat=lat, lon=lon, data={"lat": lat, "lon": lon})]
