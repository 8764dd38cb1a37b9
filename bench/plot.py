"""Plots of the results in bench/results/: the publish storm over time, and us against a peer.

    python3 -m venv /work/venvs/plot && /work/venvs/plot/bin/pip install -r bench/requirements.txt
    /work/venvs/plot/bin/python bench/plot.py

Needs only matplotlib and the JSON files (not Django, not our venv), so that it runs anywhere
the results are. Writes, from what is there:

- publish-storm.png, from publish-storm-before.json, publish-storm-after.json and the
  newest round's publish-storm-round<N>*.json: requests/s over each run, per second where
  the run recorded it (``per_second``, bench/publish_storm.py, with the pages rendered in
  that second) and per slice otherwise, with the publications marked and each slice's p99;
- peer.png, from peer.json (bench/peer.py): requests/s and one request's p50, ours and the
  peer's side by side for each page, with the ratio ours / peer written above;
- scale.png, from scale-<N>.json (bench/scale.py): p50 and p99 of each page against the
  number of releases.
"""

import argparse
import json
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server

import matplotlib.pyplot as plt  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
COLOURS = {"before": "tab:red", "after": "tab:blue", "ours": "tab:blue", "peer": "tab:gray"}


def load(path: Path):
    return json.loads(path.read_text()) if path.exists() else None


def storm_series(report) -> tuple[list[float], list[float], str]:
    """(seconds, requests/s, what one point is): per second if recorded, else per slice."""
    if report.get("per_second"):
        seconds = report["per_second"]
        return [s["at_s"] + 0.5 for s in seconds], [s["requests"] for s in seconds], "per second"
    x, y = [], []
    for s in report["slices"]:  # a step for each slice, from its start to its end
        x += [s["from_s"], s["to_s"]]
        y += [s["requests_per_s"]] * 2
    return x, y, f"mean of each {report['slice']} s slice"


def storm_runs(results: Path) -> list[tuple[str, dict]]:
    """(label, report) of the first before and after, then the runs of the newest round
    (labels "round<N>…" with the highest N; every run if none is so named): a panel for each
    run ever recorded made the figure too tall to read."""
    found = {p.stem.removeprefix("publish-storm-"): p for p in results.glob("publish-storm-*.json")}
    rounds = {label: int(m[1]) for label in found if (m := re.match(r"round(\d+)", label))}
    newest = max(rounds.values(), default=None)
    chosen = [
        label
        for label in found
        if label in ("before", "after") or newest is None or rounds.get(label) == newest
    ]
    order = sorted(
        chosen,
        key=lambda label: ({"before": 0, "after": 1}.get(label, 2), "before" not in label, label),
    )
    return [(label, load(found[label])) for label in order]


def plot_storm(runs, out: Path) -> None:
    figure, axes = plt.subplots(len(runs), 1, figsize=(10, 3.2 * len(runs)), sharex=True)
    axes = [axes] if len(runs) == 1 else axes
    for ax, (label, report) in zip(axes, runs, strict=True):
        x, y, kind = storm_series(report)
        colour = COLOURS.get(label, "tab:purple")
        ax.plot(x, y, color=colour, linewidth=1.5, label=f"requests/s ({kind})")
        if report.get("per_second"):
            rendered = ax.twinx()
            rendered.bar([s["at_s"] + 0.5 for s in report["per_second"]],
                         [s["rendered"] for s in report["per_second"]], width=0.8,
                         color="tab:olive", alpha=0.5, label="pages rendered (right)")  # fmt: skip
            rendered.set_ylabel("rendered", fontsize=8)
            rendered.set_ylim(0, max(10, 4 * max(s["rendered"] for s in report["per_second"])))
            rendered.legend(fontsize=8, loc="lower right")
        ax.axhline(
            report["steady_rps"], color="black", linestyle=":", linewidth=1,
            label=f"steady state {report['steady_rps']:,.0f}/s",
        )  # fmt: skip
        ax.axhline(0.8 * report["steady_rps"], color="tab:orange", linestyle="--", linewidth=1,
                   label="80 % of steady (issue #21)")  # fmt: skip
        for i, p in enumerate(report["published"]):
            ax.axvline(p["at_s"], color="tab:green", alpha=0.5,
                       label="a release published" if i == 0 else None)  # fmt: skip
        ax.set_title(
            f"{label}: {report['releases']:,} releases, {report['when']}, "
            f"load average {report['loadavg']}",
            fontsize=10,
        )
        ax.set_ylabel("requests/s")
        # Each slice's p99 written above it (red past the 50 ms).
        top = 1.2 * max([*y, report["steady_rps"]])
        ax.set_ylim(0, top)
        for s in report["slices"]:
            late = s["p99_ms"] > 50
            ax.text((s["from_s"] + s["to_s"]) / 2, 0.89 * top, f"{s['p99_ms']:.0f}",
                    ha="center", fontsize=7, color="tab:red" if late else "dimgray",
                    fontweight="bold" if late else "normal")  # fmt: skip
        ax.text(0, 0.99 * top, "p99 ms of each slice:", fontsize=7, va="top", color="dimgray")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="lower left")
    axes[-1].set_xlabel("seconds into the run")
    figure.suptitle(
        "Publishing during a traffic spike (bench/publish_storm.py; shared machine: compare "
        "the shape, not the heights)",
        fontsize=11,
    )
    figure.tight_layout(rect=(0, 0, 1, 0.98))  # the title above the first panel, not on it
    figure.savefig(out, dpi=100)
    plt.close(figure)


def plot_peer(report, out: Path) -> None:
    results = report["results"]
    pages = [r["page"] for r in results]
    figure, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    measures = [
        ("requests_per_s", "rps_ratio", f"requests/s at {report['connections']} connections"
         " (higher is better)"),
        ("single_p50_ms", "p50_ratio", "p50 ms, one request at a time (lower is better)"),
    ]  # fmt: skip
    width = 0.38
    for ax, (key, ratio, title) in zip(axes, measures, strict=True):
        positions = range(len(pages))
        for offset, side in ((-width / 2, "ours"), (width / 2, "peer")):
            ax.bar(
                [p + offset for p in positions], [r[side][key] for r in results], width,
                color=COLOURS[side], label="ours (page cache off)" if side == "ours"
                else "wagtail/bakerydemo",
            )  # fmt: skip
        for p, r in zip(positions, results, strict=True):
            top = max(r["ours"][key], r["peer"][key])
            label = "—" if r[ratio] is None else f"× {r[ratio]:.2f}"
            ax.annotate(label, (p, top), ha="center", va="bottom", fontsize=9,
                        xytext=(0, 3), textcoords="offset points")  # fmt: skip
        ax.set_xticks(list(positions), pages, rotation=15, fontsize=9)
        ax.set_title(title, fontsize=10)
        ax.margins(y=0.15)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=8)
    figure.suptitle(
        f"Ours ({report['ours_volume']:,} public releases) against wagtail/bakerydemo "
        f"({report['peer_volume']['live_pages']} pages), same gunicorn, {report['when']}; "
        "× ratio ours / peer",
        fontsize=11,
    )
    figure.tight_layout(rect=(0, 0, 1, 0.98))  # the title above the first panel, not on it
    figure.savefig(out, dpi=100)
    plt.close(figure)


def plot_scale(results: Path, out: Path) -> bool:
    """p50 and p99 of each page against the number of releases, from scale-*.json
    (bench/scale.py). False when there is none."""
    reports = sorted(
        (json.loads(path.read_text()) for path in results.glob("scale-*.json")),
        key=lambda r: r["releases"],
    )
    if not reports:
        return False
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
    figure.savefig(out, dpi=110)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    runs = storm_runs(args.results)
    if runs:
        plot_storm(runs, args.results / "publish-storm.png")
        print(args.results / "publish-storm.png")
    peer = load(args.results / "peer.json")
    if peer:
        plot_peer(peer, args.results / "peer.png")
        print(args.results / "peer.png")
    if plot_scale(args.results, args.results / "scale.png"):
        print(args.results / "scale.png")


if __name__ == "__main__":
    main()
