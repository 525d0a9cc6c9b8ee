"""The colour system in static/css/site.css: every pair of text and background colours the pages
use has a contrast of at least 4.5:1 (WCAG 2.2 AA for text), and the focus ring and the borders of
controls at least 3:1 against what surrounds them."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"


def tokens():
    root = re.search(r":root\s*\{(.*?)\}", CSS.read_text(), re.S).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root))


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


WHITE = "#ffffff"
TEXT_PAIRS = [
    ("text", WHITE),
    ("text", "background-soft"),
    ("text", "accent-light"),
    ("text", "focus"),  # a focused link: dark text on the yellow focus colour
    ("muted", WHITE),
    ("muted", "background-soft"),
    ("accent", WHITE),  # links
    ("accent", "background-soft"),  # links in the footer, the navigation and the facts box
    ("accent", "accent-light"),  # links in the solution page's summary
    ("accent-dark", "accent-light"),  # badges
    (WHITE, "accent"),  # buttons
    (WHITE, "accent-dark"),  # buttons, hovered
    ("error", WHITE),
    ("error", "error-light"),
]
NON_TEXT_PAIRS = [("border-strong", WHITE), ("focus", "text"), ("accent", WHITE)]


def colour(name):
    return name if name.startswith("#") else tokens()[name]


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_colours_have_enough_contrast(foreground, background):
    assert contrast(colour(foreground), colour(background)) >= 4.5


@pytest.mark.parametrize(("foreground", "background"), NON_TEXT_PAIRS)
def test_focus_ring_and_control_borders_stand_out(foreground, background):
    assert contrast(colour(foreground), colour(background)) >= 3


def test_the_contrast_formula_knows_black_and_white():
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#777777", WHITE) == pytest.approx(4.48, abs=0.01)
