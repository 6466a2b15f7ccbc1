"""A page image set upright before OCR: its orientation (Tesseract's OSD) and its skew.

Not a reader (``_ocr_page`` uses it). A page scanned sideways or upside down reads as noise
with a low confidence, so the orientation is asked of Tesseract's orientation model
(``osd.traineddata``, Debian's ``tesseract-ocr-osd``) only for such a page, at 150 dpi where
it answers best and fast (measured: README "Scanned documents"). The skew is the angle at
which the page's ink, summed along rows, gives the sharpest profile (text lines and rules
level): searched on a reduced copy, so it costs little.
"""

from __future__ import annotations

import re

import numpy as np
import pytesseract
from PIL import Image

# OSD reads a page reduced to this resolution (at 100 dpi it misread pages that 150 read right).
OSD_DPI = 150
# Tesseract's orientation confidence from which a page is turned (upright pages measured 7-25).
MIN_OSD_CONFIDENCE = 5.0
# Skews searched, in degrees, and the step of the coarse and the fine search.
MAX_SKEW = 4.0
SKEW_STEPS = (0.25, 0.05)
# A skew below this is left alone; one below LEVEL_ALWAYS too, unless the page has ruled tables
# (Tesseract reads a small skew as well, and turning resamples the letters: measured, README).
MIN_SKEW = 0.15
LEVEL_ALWAYS = 1.5
# An angle levels the page only if its profile is this much sharper than the page's as it is.
CLEARLY_SHARPER = 1.02
# The skew is measured on the ink reduced by this factor in each direction.
SKEW_REDUCTION = 4


def orientation(image: Image.Image, dpi: float) -> int:
    """Degrees to turn the page clockwise to set it upright (0, 90, 180, 270); 0 when Tesseract's
    orientation model is unsure, absent or finds too little text."""
    scale = min(OSD_DPI / dpi, 1.0)
    small = image.resize((max(round(image.width * scale), 1), max(round(image.height * scale), 1)))
    try:
        answer = pytesseract.image_to_osd(small, config="--psm 0")
    except (pytesseract.TesseractError, OSError):  # no osd.traineddata, or too few characters
        return 0
    rotate = re.search(r"Rotate:\s*(\d+)", answer)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", answer)
    if not rotate or not confidence or float(confidence[1]) < MIN_OSD_CONFIDENCE:
        return 0
    return int(rotate[1]) % 360


def turn(image: Image.Image, clockwise: int) -> Image.Image:
    return image.rotate(-clockwise, expand=True) if clockwise else image


def _profile_sharpness(ink: Image.Image, angle: float) -> float:
    rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float32).sum(axis=1)
    return float(np.square(np.diff(rows)).sum())


def skew(dark: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise as ``Image.rotate`` turns) that levels the page;
    0 when no angle gives a profile clearly sharper than the page as it is (no lines to level)."""
    height, width = (s - s % SKEW_REDUCTION for s in dark.shape)
    blocks = dark[:height, :width].reshape(height // SKEW_REDUCTION, SKEW_REDUCTION, width // SKEW_REDUCTION, -1)
    ink = Image.fromarray((blocks.any(axis=(1, 3)) * 255).astype(np.uint8))
    as_it_is = _profile_sharpness(ink, 0.0)
    best, sharpest = 0.0, as_it_is
    span = MAX_SKEW
    for step in SKEW_STEPS:
        for angle in np.arange(best - span, best + span + step / 2, step):
            if (sharpness := _profile_sharpness(ink, float(angle))) > sharpest:
                best, sharpest = float(angle), sharpness
        span = step
    return round(best, 2) if sharpest > as_it_is * CLEARLY_SHARPER else 0.0


def level(image: Image.Image, angle: float) -> Image.Image:
    """The page turned by ``angle`` degrees, the corners filled white; unchanged for a small skew."""
    if abs(angle) < MIN_SKEW:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
