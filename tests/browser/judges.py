"""The judges of a page's quality, for browser tests: the Nu Html Checker (errors) and
axe-core (WCAG 2.1 A/AA violations), from npm (package.json; `npm ci`), vnu with Java.

Without them a test calling ``require_judges()`` skips and says so; in CI (.ci/run) it fails.
"""

import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from tests.browser.conftest import unavailable

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def require_judges():
    missing = [str(p.relative_to(settings.BASE_DIR)) for p in (VNU, AXE) if not p.exists()]
    if missing:
        unavailable(f"{', '.join(missing)} missing: run `npm ci` (make install does)")
    if not shutil.which("java"):
        unavailable("java missing: the Nu Html Checker needs a Java runtime")


def axe_violations(page) -> list[dict]:
    """axe's violations on the page now open (opened with ``bypass_csp=True``: axe is an
    inline script, which the site's CSP rightly refuses), each rule with a few targets."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"rule": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def vnu_errors(files) -> list[dict]:
    """The Nu Html Checker's errors for all files, in one run (the JVM starts once)."""
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [
        {"page": Path(m.get("url", "")).stem, "line": m.get("lastLine"), "message": m["message"]}
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
