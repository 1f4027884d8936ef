"""Structure axe does not fully cover: lang from gangway.yml, exactly one h1, landmarks,
headings in order, the stable hooks for programs, visible focus, and pages that work
without JavaScript (the dashboard's filters included)."""

import json
import re

import pytest

from conftest import set_color_scheme


def headings(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def test_every_page_has_lang_one_h1_landmarks_and_ordered_headings(site):
    lang = site.config.get("language", "en")
    for path in site.html_pages():
        rel, html = site.rel(path), path.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html, rel
        levels = headings(html)
        assert levels.count(1) == 1 and levels[0] == 1, f"{rel}: headings {levels}"
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{rel}: heading h{before} is followed by h{after}"
        for landmark in ("<header", "<nav", "<main", "<footer"):
            assert landmark in html, f"{rel}: no {landmark}>"
        assert html.count("<main") == 1, rel


def test_clinic_pages_carry_the_stable_hooks(site):
    for rel, status in site.clinic_status().items():
        html = (site.root / rel).read_text(encoding="utf-8")
        assert f'data-clinic-state="{status["state"]}"' in html, rel
        assert f'data-progress="{status["progress"]["done"]}/{status["progress"]["total"]}"' in html, rel
        for step in status["steps"]:
            tag = re.search(rf'<[^>]*data-step="{re.escape(step["id"])}"[^>]*>', html).group(0)
            assert f'data-status="{step["status"]}"' in tag, (rel, tag)
            assert ('data-overdue="true"' in tag) == step["overdue"], (rel, tag)
        embedded = re.search(r'<script type="application/json" id="gangway-status">(.*?)</script>', html, re.S)
        assert json.loads(embedded.group(1)) == status, rel
        assert '<meta name="robots" content="noindex">' in html


def test_state_and_next_action_come_first_in_words(site, driver):
    """The first thing under the clinic's name says its state and the next action in words,
    and overdue or blocked steps say so in text, not only by colour."""
    for rel, status in site.clinic_status().items():
        driver.get(site.url(rel))
        text = driver.execute_script("""
            const h1 = document.querySelector('h1'), panel = document.querySelector('.status-panel');
            if (!panel || !(h1.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING)) return '';
            const between = [...document.querySelectorAll('main h2, main h3, main ol, main ul')]
              .filter(e => (h1.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)
                        && (e.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING) && !panel.contains(e));
            return between.length ? '' : panel.innerText;""")
        assert text, f"{rel}: the .status-panel does not directly follow the h1"
        label = {"complete": "Complete", "blocked": "Blocked", "overdue": "Overdue", "waiting": "Waiting",
                 "in-progress": "In progress", "not-started": "Not started"}[status["state"]]
        assert label.lower() in text.lower(), (rel, text)
        for step in status["steps"]:
            item = driver.find_element("css selector", f'[data-step="{step["id"]}"]').text.lower()
            if step["overdue"]:
                assert "overdue" in item, (rel, step["id"])
            if step["status"] == "blocked":
                assert "blocked" in item, (rel, step["id"])


def test_focus_is_visible(site, driver):
    """Tabbing to links shows an outline (or box-shadow) in both colour schemes."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for scheme in ("light", "dark"):
        set_color_scheme(driver, scheme)
        for kind in ("home", "clinic", "dashboard"):
            driver.get(site.url(site.pages_of_kind(kind)[0]))
            for _ in range(3):
                ActionChains(driver).send_keys(Keys.TAB).perform()
                style = driver.execute_script("""
                    const e = document.activeElement, s = getComputedStyle(e);
                    return {tag: e.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow};""")
                assert style["tag"] != "BODY", (kind, scheme)
                assert (style["outline"] != "none" and style["width"] >= 2) or style["shadow"] != "none", (kind, scheme, style)
    set_color_scheme(driver, "light")


def test_dashboard_filters_without_javascript(site, driver):
    """With JavaScript off, the dashboard's state links show that state's clinics only."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(site.url("team/index.html"))
        assert not driver.find_elements("css selector", ".finder"), "JavaScript was meant to be off"
        links = driver.find_elements("css selector", ".state-filter a[href^='#state-']")
        assert links, "the dashboard offers state filters"
        total_rows = len([r for r in driver.find_elements("css selector", "tbody tr") if r.is_displayed()])
        for href in [a.get_attribute("href") for a in links]:
            driver.get(href)
            state = href.rsplit("#state-", 1)[1]
            shown = [r for r in driver.find_elements("css selector", "tbody tr") if r.is_displayed()]
            assert shown, state
            assert all(r.get_attribute("data-state") == state for r in shown), state
            assert len(shown) < total_rows or len(links) == 1
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_dashboard_lists_the_most_urgent_first(site):
    html = (site.root / "team/index.html").read_text(encoding="utf-8")
    order = re.findall(r'<section id="state-([a-z-]+)"', html)
    urgency = ["blocked", "overdue", "waiting", "in-progress", "not-started", "complete"]
    assert order, "no state groups"
    assert order == [s for s in urgency if s in order], order
    links = re.findall(r'<a href="#state-([a-z-]+)"', html)
    assert links == order


def test_dashboard_script_adds_search_and_sorting(site, driver):
    driver.get(site.url("team/index.html"))
    rows = driver.find_elements("css selector", "tbody tr")
    names = [r.find_element("css selector", "th").text for r in rows]
    assert len(names) >= 2
    box = driver.find_element("id", "finder-input")
    box.send_keys(names[0][:6])
    shown = [r for r in driver.find_elements("css selector", "tbody tr") if r.is_displayed()]
    assert 1 <= len(shown) < len(rows) or len(set(n[:6] for n in names)) == 1
    assert all(names[0][:6].lower() in r.text.lower() for r in shown)
    assert "match" in driver.find_element("css selector", ".finder-count").text
    box.clear()
    box.send_keys(" ")  # an input event with an empty query shows everything again
    assert len([r for r in driver.find_elements("css selector", "tbody tr") if r.is_displayed()]) == len(rows)
    # Days in the current step (column 5) sorts by number; last activity (column 7) by ISO date.
    for column, number in ((5, True), (7, False)):
        button = driver.find_element("css selector", f"thead th:nth-child({column}) button.sort")
        button.click()
        th = driver.find_element("css selector", f"thead th:nth-child({column})")
        assert th.get_attribute("aria-sort") == "ascending"
        for table in driver.find_elements("css selector", "table.clinics"):
            cells = table.find_elements("css selector", f"tbody td:nth-of-type({column - 1})")
            keys = [int(td.get_attribute("data-sort")) if number else td.get_attribute("data-sort") for td in cells]
            assert keys == sorted(keys), (column, keys)
        button.click()
        assert th.get_attribute("aria-sort") == "descending"
