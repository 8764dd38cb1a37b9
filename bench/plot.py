"""p50 and p99 of each page against the number of releases, from bench/results/scale-*.json.

    python3.11 -m venv /work/venvs/volume
    /work/venvs/volume/bin/pip install -r bench/requirements.txt
    /work/venvs/volume/bin/python bench/plot.py

Writes bench/results/scale.png. Needs only matplotlib (bench/requirements.txt), not Django:
it reads the files bench/scale.py wrote.
"""

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: a file
import matplotlib.pyplot as plt  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def main():
    reports = sorted(
        (json.loads(path.read_text()) for path in RESULTS.glob("scale-*.json")),
        key=lambda r: r["releases"],
    )
    if not reports:
        raise SystemExit("No bench/results/scale-*.json: run bench/scale.py first.")
    names = [r["name"] for r in reports[0]["results"]]
    columns = 4
    rows = -(-len(names) // columns)
    figure, axes = plt.subplots(rows, columns, figsize=(4 * columns, 3.2 * rows), squeeze=False)
    counts = [r["releases"] for r in reports]
    for ax, name in zip(axes.flat, names, strict=False):
        found = [next((x for x in r["results"] if x["name"] == name), None) for r in reports]
        points = [(n, x) for n, x in zip(counts, found, strict=True) if x]
        xs = [n for n, _x in points]
        ax.plot(xs, [x["p50_ms"] for _n, x in points], "o-", label="p50")
        ax.plot(xs, [x["p99_ms"] for _n, x in points], "s--", label="p99")
        ax.set_title(name, fontsize=10)
        ax.set_xscale("log")
        ax.minorticks_off()  # only the measured counts on the axis
        ax.set_xticks(counts, [f"{n:,}" for n in counts], fontsize=7)
        ax.set_ylabel("ms")
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(names) :]:
        ax.axis("off")
    loads = ", ".join(f"{r['releases']:,}: load {r['loadavg']}" for r in reports)
    figure.suptitle(f"Uncached pages against releases (one connection; {loads})", fontsize=9)
    figure.tight_layout()
    figure.savefig(RESULTS / "scale.png", dpi=110)
    print(f"written: {RESULTS / 'scale.png'}")


if __name__ == "__main__":
    main()
