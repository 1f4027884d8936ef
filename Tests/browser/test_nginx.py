"""The example portal served by a real nginx under a sub-path (/portal/), with the site's
404.html as nginx's error page: pages, assets and the 404 page all work there."""

import re
import urllib.error
import urllib.request
from urllib.parse import urljoin


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def stylesheet_hrefs(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def test_every_page_and_asset_is_served(nginx_site):
    s = nginx_site.site
    files = [p for p in s.root.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(files) > 10
    for path in files:
        status, ctype, body = fetch(s.url(s.rel(path)))
        assert status == 200, f"{s.rel(path)}: {status}"
        assert body == path.read_bytes()
        if path.suffix == ".css":
            assert ctype.startswith("text/css"), ctype
        if path.suffix == ".html":
            assert ctype.startswith("text/html"), ctype


def test_folder_urls_serve_their_index(nginx_site):
    s = nginx_site.site
    for rel in ["", "team/", *(r.removesuffix("index.html") for r in s.pages_of_kind("clinic"))]:
        status, _, body = fetch(s.url(rel))
        assert status == 200, rel
        html = body.decode()
        for href in stylesheet_hrefs(html):
            css_status, ctype, _ = fetch(urljoin(s.url(rel), href))
            assert css_status == 200 and ctype.startswith("text/css"), (rel, href, css_status)


def test_missing_url_gets_the_styled_404_page(nginx_site):
    s = nginx_site.site
    for missing in ["no-such-page", "clinics/no-such-clinic/", "guides/accuro/deeper/still/missing.html"]:
        url = s.url(missing)
        status, ctype, body = fetch(url)
        assert status == 404, (url, status)
        html = body.decode()
        assert "<h1>" in html and "not found" in html.lower()
        hrefs = stylesheet_hrefs(html)
        assert hrefs, "the 404 page links its stylesheet"
        for href in hrefs:
            css_url = urljoin(url, href)
            assert css_url.startswith(s.base_url), css_url
            css_status, ctype, _ = fetch(css_url)
            assert css_status == 200 and ctype.startswith("text/css"), (css_url, css_status)
        for href in re.findall(r'<a [^>]*href="([^"#]+)"', html):
            if href.startswith("mailto:"):
                continue
            link = urljoin(url, href)
            assert fetch(link)[0] == 200, f"404 page link {href} -> {link}"


def test_404_page_renders_styled_in_chromium(nginx_site, driver):
    s = nginx_site.site
    driver.get(s.url("a/missing/page/"))
    assert "not found" in driver.find_element("tag name", "h1").text.lower()
    assert driver.execute_script(
        "return [...document.styleSheets].some(s => s.href && s.href.endsWith('/portal/assets/style.css') && s.cssRules.length > 10)")
