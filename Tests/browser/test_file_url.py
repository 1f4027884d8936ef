"""The built folder works from a file:// URL: a clinic page loads its stylesheet, and every
link on it leads to a file that exists (and an anchor that exists)."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit


def test_clinic_page_works_from_file_url(site, driver):
    s = site
    rel = s.pages_of_kind("clinic")[0]
    page = s.root / rel
    driver.get(page.as_uri())
    styled = driver.execute_script("""
        const b = getComputedStyle(document.body);
        return {font: b.fontFamily, margin: b.marginTop, bg: b.backgroundColor};""")
    assert "system-ui" in styled["font"], styled          # the default would be a serif font
    assert styled["margin"] == "0px", styled               # the default body margin is 8px
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]"
        ".map(e => e.href || e.src)")
    checked = 0
    for href in hrefs:
        if not href.startswith("file://"):
            assert href.startswith(("mailto:", "http://127.0.0.1", "https://")), href
            continue
        parts = urlsplit(href)
        target = Path(unquote(parts.path))
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), f"{rel}: {href} does not lead to a file"
        if parts.fragment:
            assert re.search(rf'id="{re.escape(parts.fragment)}"', target.read_text(encoding="utf-8")), href
        checked += 1
    assert checked >= 5, hrefs
