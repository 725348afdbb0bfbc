"""Draw the report's figures as PNG files from numbers computed in calibration.py.

Figures are built on matplotlib's object interface with the Agg canvas, never pyplot: no
global figure state, no display, and the same pixels on any machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from popliteal.evaluation.calibration import Confusion, ReliabilityBin, expected_calibration_error

DPI = 110
CELL_INCHES = 0.34
SMALL_MATRIX = 8  # up to this many labels, every cell is written, zeros included
PNG_METADATA = {"Software": None}  # no version stamp, so a rerun gives the same file


def _save(figure: Figure, path: Path) -> Path:
    FigureCanvasAgg(figure)
    figure.savefig(path, format="png", dpi=DPI, metadata=PNG_METADATA)
    return path


def reliability_diagram(bins: Sequence[ReliabilityBin], path: Path) -> Path:
    """Bars of share correct per bin, the bin's mean stated probability as a dot, and n above."""
    figure = Figure(figsize=(6.4, 5.2), layout="constrained")
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    filled = [(b, b.mean_stated, b.share_correct) for b in bins
              if b.mean_stated is not None and b.share_correct is not None]
    axes.bar([b.lower for b, _, _ in filled], [correct for _, _, correct in filled],
             width=[b.upper - b.lower for b, _, _ in filled], align="edge", color="#9ecae1",
             edgecolor="#3182bd", label="share whose top-1 was right")
    axes.plot([stated for _, stated, _ in filled], [correct for _, _, correct in filled], "o",
              color="#08519c", label="mean stated probability in the bin")
    for b, _, correct in filled:
        axes.annotate(f"n={b.count}", ((b.lower + b.upper) / 2, correct), xytext=(0, 3),
                      textcoords="offset points", ha="center", fontsize=8)
    axes.set(xlim=(0, 1), ylim=(0, 1.08), xlabel="stated probability of the top-1 condition",
             ylabel="share of vignettes whose top-1 was acceptable",
             title=f"Reliability (ECE {expected_calibration_error(bins):.3f})")
    figure.legend(loc="outside lower center", ncols=2, fontsize=8)
    return _save(figure, path)


def confusion_heat_map(matrix: Confusion, path: Path, *, title: str, gold_label: str,
                       given_label: str) -> Path:
    """One cell per (gold, given) pair with its count; a large matrix leaves zeros blank to stay legible."""
    side = len(matrix.labels)
    width = max(4.8, 2.6 + CELL_INCHES * side)
    figure = Figure(figsize=(width + 1.0, width), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(title)
    if not matrix.labels:  # a run of no vignettes still gets a page, with nothing to count
        axes.text(0.5, 0.5, "no vignettes", ha="center", va="center")
        axes.set_axis_off()
        return _save(figure, path)
    peak = max((max(row) for row in matrix.counts), default=0)
    image = axes.imshow(matrix.counts, cmap="Blues", vmin=0, vmax=max(peak, 1))
    bar = figure.colorbar(image, ax=axes, shrink=0.6, label="vignettes")
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    many = side > SMALL_MATRIX
    _label_axes(axes, matrix.labels, gold_label, given_label, many=many)
    _write_counts(axes, matrix, peak, many=many)
    return _save(figure, path)


def _write_counts(axes: Axes, matrix: Confusion, peak: int, *, many: bool) -> None:
    """White on the dark cells, black on the light ones, so every count stays readable."""
    for row, counts in enumerate(matrix.counts):
        for column, count in enumerate(counts):
            if count or not many:
                axes.text(column, row, str(count), ha="center", va="center",
                          fontsize=7 if many else 10, color="white" if count > peak / 2 else "black")


def _label_axes(axes: Axes, labels: Sequence[str], gold_label: str, given_label: str, *,
                many: bool) -> None:
    ticks = list(range(len(labels)))
    if many:
        axes.set_xticks(ticks, labels, rotation=90, fontsize=7)
    else:
        axes.set_xticks(ticks, labels, rotation=35, ha="right", rotation_mode="anchor", fontsize=9)
    axes.set_yticks(ticks, labels, fontsize=7 if many else 9)
    axes.set_xlabel(given_label)
    axes.set_ylabel(gold_label)
