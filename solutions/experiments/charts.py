"""A bar chart of savings per year, drawn as SVG on the server.

The page shows the same figures in a table beside it, so the chart is decoration for those who see
it: it carries a title and a short description, and the table is the accessible version.
"""

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 640
HEIGHT = 260
LEFT = 10
BOTTOM = 30
TOP = 16
GAP = 12


@dataclass
class Bar:
    label: str
    x: float
    width: float
    estimated_y: float
    estimated_height: float
    measured_y: float
    measured_height: float
    label_x: float


def savings_bars(per_year) -> dict:
    """Geometry of stacked bars (estimated below, measured above) for [(year, Cell), ...]."""
    if not per_year:
        return {"bars": [], "width": WIDTH, "height": HEIGHT}
    peak = max((cell.euros for _year, cell in per_year), default=Decimal(0)) or Decimal(1)
    plot_height = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - 2 * LEFT) / len(per_year)
    width = max(slot - GAP, 4)
    base = HEIGHT - BOTTOM
    bars = []
    for index, (year, cell) in enumerate(per_year):
        estimated = float(cell.estimated / peak) * plot_height
        measured = float(cell.measured / peak) * plot_height
        x = LEFT + index * slot + (slot - width) / 2
        bars.append(
            Bar(
                label=str(year),
                x=round(x, 1),
                width=round(width, 1),
                estimated_y=round(base - estimated, 1),
                estimated_height=round(estimated, 1),
                measured_y=round(base - estimated - measured, 1),
                measured_height=round(measured, 1),
                label_x=round(x + width / 2, 1),
            )
        )
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "baseline": base, "label_y": HEIGHT - 10}
