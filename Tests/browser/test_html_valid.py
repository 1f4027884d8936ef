"""The Nu HTML Checker (vnu.jar): no error on any HTML page or stylesheet of either site."""

import json
import subprocess


def test_nu_checker_finds_no_errors(sites, vnu_jar):
    files = []
    for s in sites.values():
        files += [str(p) for p in s.html_pages()]
        files += [str(p) for p in sorted(s.root.rglob("*.css"))]
    assert len(files) > 10
    run = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", "--also-check-css",
         "--exit-zero-always", *files],
        capture_output=True, text=True, timeout=300)
    report = json.loads(run.stderr or run.stdout or '{"messages": []}')
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")
              or m.get("subType") == "fatal"]
    lines = [f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m.get('message')} [{m.get('extract', '').strip()[:80]}]"
             for m in errors]
    assert not errors, f"{len(errors)} Nu checker errors:\n" + "\n".join(lines)
