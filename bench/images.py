"""Time and peak memory to accept one 24-megapixel JPEG and make its renditions.

Runs what the admin runs for one uploaded photo, without the database: the form
field's check (press.files.check_photo), then what Photo.save does
(prepare_photo: check, decode, re-encode; make_renditions: every width and format,
stored through Django's storage API into a temporary directory).

Each run is a fresh process, so peak memory (VmHWM) belongs to that run alone;
the baseline is the same process after imports and reading the upload.

    .venv/bin/python bench/images.py [--runs 3]

Prints a table and writes bench/results/images.json and images.md.
"""

import argparse
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def make_jpeg(path: Path) -> dict:
    """6000×4000 with photo-like detail (fractal, gradients, grain) at quality 92."""
    from PIL import Image, ImageChops, ImageFilter

    size = (6000, 4000)
    base = Image.effect_mandelbrot(size, (-2.2, -1.2, 1.0, 1.0), 80)
    red = base.filter(ImageFilter.GaussianBlur(3))
    green = Image.linear_gradient("L").resize(size)
    blue = ImageChops.invert(base).filter(ImageFilter.GaussianBlur(12))
    image = Image.merge("RGB", (red, green, blue))
    grain = Image.effect_noise(size, 24).convert("RGB")
    image = ImageChops.add(image, grain, scale=1.0, offset=-24)
    image.save(path, "JPEG", quality=92)
    return {"width": size[0], "height": size[1], "bytes": path.stat().st_size}


def peak_rss_kib() -> int:
    """This process's peak resident memory. VmHWM starts afresh at exec; ru_maxrss may
    carry the parent's peak on Linux, so it is only the fallback."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.test")
    import django

    django.setup()
    from django.core.files.storage import FileSystemStorage
    from django.core.files.uploadedfile import SimpleUploadedFile

    from press import files

    data = Path(path).read_bytes()
    upload = SimpleUploadedFile("photo.jpg", data, content_type="image/jpeg")
    baseline = peak_rss_kib()
    with tempfile.TemporaryDirectory() as media:
        storage = FileSystemStorage(location=media)
        t0 = time.perf_counter()
        files.check_photo(upload)  # the form field
        t1 = time.perf_counter()
        prepared = files.prepare_photo(upload)  # Photo.save: check, decode, re-encode
        name = storage.save(f"photos/x.{prepared.extension}", io.BytesIO(prepared.data))
        t2 = time.perf_counter()
        renditions = files.make_renditions(
            prepared.image, storage=storage, stem=name.rsplit(".", 1)[0]
        )
        t3 = time.perf_counter()
        stored = sum(os.path.getsize(os.path.join(media, r["name"])) for r in renditions)
    peak = peak_rss_kib()
    json.dump(
        {
            "check_s": t1 - t0,
            "reencode_s": t2 - t1,
            "renditions_s": t3 - t2,
            "total_s": t3 - t0,
            "baseline_rss_mib": baseline / 1024,
            "peak_rss_mib": peak / 1024,
            "added_peak_mib": (peak - baseline) / 1024,
            "stored_width": prepared.width,
            "stored_height": prepared.height,
            "stored_bytes": len(prepared.data),
            "renditions": len(renditions),
            "rendition_formats": sorted({r["format"] for r in renditions}),
            "rendition_bytes": stored,
        },
        sys.stdout,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return

    from PIL import __version__ as pillow_version
    from PIL import features

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "24mp.jpg"
        source = make_jpeg(path)
        runs = []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            runs.append(json.loads(out.stdout))

    def median(key):
        return statistics.median(r[key] for r in runs)

    result = {
        "what": "accept one 24-megapixel JPEG and make its renditions (bench/images.py)",
        "source": source,
        "runs": runs,
        "median": {
            k: round(median(k), 3)
            for k in (
                "check_s",
                "reencode_s",
                "renditions_s",
                "total_s",
                "peak_rss_mib",
                "added_peak_mib",
            )
        },
        "machine": {
            "python": platform.python_version(),
            "pillow": pillow_version,
            "avif": features.check("avif"),
            "cpu": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(),
        },
    }
    first = runs[0]
    lines = [
        "# Photo upload benchmark",
        "",
        f"One {source['width']}×{source['height']} JPEG ({source['bytes'] / 2**20:.1f} MiB),"
        f" {len(runs)} runs, each in a fresh process; medians.",
        "",
        "| step | seconds |",
        "|---|---|",
        f"| content check (form field, JPEG decoded at 1/8 scale) | {median('check_s'):.3f} |",
        f"| decode, orient, sRGB, re-encode to {first['stored_width']}×"
        f"{first['stored_height']} JPEG | {median('reencode_s'):.3f} |",
        f"| {first['renditions']} renditions ({', '.join(first['rendition_formats'])}) "
        f"| {median('renditions_s'):.3f} |",
        f"| **total** | **{median('total_s'):.3f}** |",
        "",
        f"Peak memory (peak RSS, VmHWM): {median('peak_rss_mib'):.0f} MiB,"
        f" {median('added_peak_mib'):.0f} MiB above the process after imports and reading"
        " the upload.",
        f"Stored: {first['stored_bytes'] / 1024:.0f} KiB image,"
        f" {first['rendition_bytes'] / 1024:.0f} KiB of renditions.",
        "",
        f"Python {result['machine']['python']}, Pillow {result['machine']['pillow']}"
        f" (AVIF: {result['machine']['avif']}), {result['machine']['cpus']} CPUs.",
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "images.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "images.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
