"""axe-core in headless Chromium: no WCAG 2.2 AA (or best-practice) violation on any page of
either site, in the light and the dark colour scheme."""

import json

import pytest

from conftest import set_color_scheme

KINDS = ["home", "guide", "clinic", "dashboard", "reports", "filter", "page", "404"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done(JSON.stringify({version: axe.version, violations: r.violations})))
  .catch(e => done(JSON.stringify({error: String(e)})));
"""


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"      {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_axe_has_no_violations(site, driver, axe_source, kind, scheme):
    pages = site.pages_of_kind(kind)
    if kind in ("dashboard", "reports", "filter") and not site.config["dashboard"]:
        pytest.fail(f"{site.name} has no dashboard; the browser tests expect one to check")
    assert pages, f"{site.name} has no {kind} page to check"
    set_color_scheme(driver, scheme)
    failures = []
    for rel in pages:
        driver.get(site.url(rel))
        assert driver.execute_script(
            "return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
        assert driver.execute_script(
            "return [...document.styleSheets].some(s => s.href && s.href.endsWith('assets/style.css'))"), \
            f"{rel}: the stylesheet did not load"
        driver.execute_script(axe_source)
        result = json.loads(driver.execute_async_script(RUN_AXE, TAGS))
        assert "error" not in result, result
        if result["violations"]:
            failures.append(f"{rel} ({scheme}, axe {result['version']}):\n{describe(result['violations'])}")
    set_color_scheme(driver, "light")
    assert not failures, "\n".join(failures)
