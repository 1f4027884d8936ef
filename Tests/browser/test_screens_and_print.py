"""What people see: a clinic page at phone and desktop widths and on paper, kept as artefacts
in artifacts/; no page scrolls sideways at 320 px; a five-step clinic prints on at most two
sheets of A4 or Letter, without the site navigation."""

import base64
import json
import re
import shutil
import subprocess

import pytest

from conftest import clear_viewport, require_tool, set_color_scheme, set_viewport

PAPER = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}


def five_step_clinics(site) -> list[str]:
    return [rel for rel, st in site.clinic_status().items() if st["progress"]["total"] == 5]


def showcase_clinic(site) -> str:
    """The clinic whose page the screenshots show: a five-step one that is mid-way."""
    statuses = site.clinic_status()
    candidates = five_step_clinics(site) or list(statuses)
    assert candidates, f"{site.name} has no clinic"
    for preferred in ("overdue", "waiting", "blocked", "in-progress"):
        for rel in candidates:
            if statuses[rel]["state"] == preferred:
                return rel
    return candidates[0]


def screenshot(driver, path, width: int, full: bool = True) -> None:
    set_viewport(driver, width, 800)
    if not full:  # what a phone shows before any scrolling
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        path.write_bytes(base64.b64decode(shot["data"]))
        return
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    set_viewport(driver, width, min(height, 12000))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))


def print_pdf(driver, path, paper: str) -> None:
    width, height = PAPER[paper]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": width, "paperHeight": height, "marginTop": 0.5, "marginBottom": 0.5,
        "marginLeft": 0.5, "marginRight": 0.5, "printBackground": False, "preferCSSPageSize": False})
    path.write_bytes(base64.b64decode(pdf["data"]))


def pdf_pages(path) -> int:
    pdfinfo = require_tool("pdfinfo")
    out = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_clinic_screenshots(sites, driver, artifacts, scheme):
    s = sites["example"]
    rel = showcase_clinic(s)
    set_color_scheme(driver, scheme)
    try:
        driver.get(s.url(rel))
        for width in (375, 1280):
            out = artifacts / f"clinic-{width}-{scheme}.png"
            screenshot(driver, out, width)
            assert out.stat().st_size > 10_000
        screenshot(driver, artifacts / f"clinic-375-{scheme}-first-screen.png", 375, full=False)
    finally:
        clear_viewport(driver)
        set_color_scheme(driver, "light")


def test_other_page_screenshots(sites, driver, artifacts):
    """Phone and desktop pictures of every other page kind, for people to judge the design."""
    s = sites["example"]
    try:
        for kind in ("home", "dashboard", "reports", "guide", "page", "404"):
            driver.get(s.url(s.pages_of_kind(kind)[0]))
            for width in (375, 1280):
                screenshot(driver, artifacts / f"{kind}-{width}.png", width)
    finally:
        clear_viewport(driver)


def test_no_page_scrolls_sideways_at_320px(site, driver):
    wide = []
    try:
        set_viewport(driver, 320, 640)
        for path in site.html_pages():
            rel = site.rel(path)
            driver.get(site.url(rel))
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            if scroll > 320:
                culprits = driver.execute_script("""
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.table-scroll'))
                      .slice(0, 5).map(e => e.tagName + '.' + e.className);""")
                wide.append(f"{rel}: {scroll}px wide ({culprits})")
    finally:
        clear_viewport(driver)
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("paper", list(PAPER))
def test_five_step_clinic_prints_on_two_sheets(sites, driver, artifacts, paper):
    s = sites["example"]
    clinics = five_step_clinics(s)
    assert clinics, "the example portal needs a five-step clinic"
    showcase = showcase_clinic(s)
    too_long = []
    for rel in clinics:
        driver.get(s.url(rel))
        slug = rel.split("/")[1]
        out = artifacts / f"clinic-{slug}-{paper}.pdf"
        print_pdf(driver, out, paper)
        pages = pdf_pages(out)
        if pages > 2:
            too_long.append(f"{rel}: {pages} pages on {paper}")
        if rel == showcase:
            shutil.copy(out, artifacts / f"clinic-print-{paper}.pdf")
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-png", "-r", "60", str(out), str(artifacts / f"clinic-print-{paper}")],
                               check=True)
    assert not too_long, "\n".join(too_long)


def test_print_is_a_paper_checklist(sites, driver):
    """In print: no site navigation or skip link, a box to tick per step, link URLs shown."""
    s = sites["example"]
    driver.get(s.url(showcase_clinic(s)))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        seen = driver.execute_script("""
            const shown = sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0);
            const boxes = shown('.checklist > li .box');
            const probe = document.createElement('a');
            probe.href = 'https://example.org/some/where';
            probe.textContent = 'a link';
            document.querySelector('main').appendChild(probe);
            const after = getComputedStyle(probe, '::after').content;
            probe.remove();
            return {nav: shown('header nav, .skip').length, steps: document.querySelectorAll('.checklist > li').length,
                    boxes: boxes.length, boxBorder: boxes.length && getComputedStyle(boxes[0]).borderTopStyle,
                    after: after, how: shown('details.how').length};""")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert seen["nav"] == 0, seen
    assert seen["steps"] >= 3 and seen["boxes"] == seen["steps"], seen
    assert seen["boxBorder"] == "solid", seen
    assert "https://example.org/some/where" in seen["after"], seen
    assert seen["how"] == 0, seen


def test_team_pages_print_their_figures(sites, driver):
    """In print: the reports keep every chart and table, the dashboard every row; filters and the
    site navigation go."""
    s = sites["example"]
    for rel in ("team/reports/index.html", "team/index.html"):
        driver.get(s.url(rel))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            seen = driver.execute_script("""
                const shown = sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0);
                return {nav: shown('header nav, .skip, .filters').length, charts: shown('figure.chart svg').length,
                        allCharts: document.querySelectorAll('figure.chart svg').length,
                        tables: shown('table').length, allTables: document.querySelectorAll('table').length,
                        rows: shown('table.clinics tbody tr').length, allRows: document.querySelectorAll('table.clinics tbody tr').length,
                        wide: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1};""")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        assert seen["nav"] == 0, (rel, seen)
        assert seen["tables"] == seen["allTables"] > 0, (rel, seen)
        assert seen["charts"] == seen["allCharts"], (rel, seen)
        assert seen["rows"] == seen["allRows"], (rel, seen)


def test_dashboard_filters_work_without_javascript(sites, driver):
    """Each filter link leads to a static page listing only the clinics it names (status.json says
    which), with the script off: the rows are in the HTML, not made by script."""
    s = sites["example"]
    statuses = {st["slug"]: st for st in json.loads((s.root / "team" / "status.json").read_text(encoding="utf-8"))}
    html = (s.root / "team" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="(by/([a-z-]+)/([a-z0-9-]+)/index.html)"', html)
    assert {d for _, d, _ in links} == {"guide", "region", "acts-next"}, links
    for href, dimension, value in links:
        page = (s.root / "team" / href).read_text(encoding="utf-8")
        rows = re.findall(r'<tr data-state="[^"]+" data-acts-next="([a-z]+)"', page)
        assert rows, href
        if dimension == "acts-next":
            want = [st for st in statuses.values() if (st["acts_next"] or "nobody") == value]
            assert set(rows) == {value if value != "nobody" else "none"}, href
            assert len(rows) == len(want), href
        if dimension == "guide":
            assert len(rows) == sum(1 for st in statuses.values() if st["guide"] == value), href
    driver.get(s.url("team/" + links[0][0]))
    assert driver.find_elements("css selector", "table.clinics tbody tr"), links[0][0]


def test_print_ticks_ready_items_and_leaves_missing_ones_to_fill(sites, driver):
    """In print, "What you need" is a list to tick: a ready item carries a tick in its box, a
    missing one an empty box to fill in by hand. Skipped steps carry no owner badge."""
    s = sites["example"]
    ready = missing = 0
    for rel in s.pages_of_kind("clinic"):
        driver.get(s.url(rel))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            seen = driver.execute_script("""
                const marks = sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e, '::before').content);
                return {ok: marks('.needs .need-ok'), missing: marks('.needs .need-missing'),
                        skippedOwners: document.querySelectorAll('.checklist > li[data-status="skipped"] .owner').length};""")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        assert all(m == '"\u2713"' for m in seen["ok"]), (rel, seen)
        assert all(m == '""' for m in seen["missing"]), (rel, seen)
        assert seen["skippedOwners"] == 0, (rel, seen)
        ready += len(seen["ok"])
        missing += len(seen["missing"])
    assert ready > 0 and missing > 0, "the example portal needs a clinic with ready and missing items"
