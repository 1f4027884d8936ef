"""Links: a linkchecker crawl (anchors included) finds nothing broken, and no page ever asks
another host for anything (no CDN, no web font, no tracker)."""

import csv
import io
import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from conftest import require_tool


def crawl(linkchecker: str, start_urls: list[str], workdir) -> subprocess.Popen:
    rc = workdir / "linkcheckerrc"
    rc.write_text("[AnchorCheck]\n")
    rc.chmod(0o644)
    workdir.chmod(0o755)  # linkchecker drops root privileges to 'nobody' before reading it
    return subprocess.Popen(
        [linkchecker, "-f", str(rc), "--no-status", "-v", "-o", "csv", "--threads", "4", *start_urls],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def problems(csv_text: str) -> tuple[int, list[str]]:
    rows = [line for line in csv_text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";")
    checked, bad = 0, []
    for row in reader:
        checked += 1
        if row["valid"] != "True" or row["warningstring"]:
            bad.append(f"{row['urlname']} (on {row['parentname']}): {row['result']} {row['warningstring']}".strip())
    return checked, bad


def test_linkchecker_finds_no_broken_link(sites, nginx_site, tmp_path):
    linkchecker = require_tool("linkchecker")
    targets = {name: s for name, s in sites.items()}
    targets["nginx /portal/"] = nginx_site.site
    runs = {}
    for name, s in targets.items():
        work = tmp_path / re.sub(r"\W+", "-", name)
        work.mkdir()
        runs[name] = (s, crawl(linkchecker, [s.url(s.rel(p)) for p in s.html_pages()], work))
    report = []
    for name, (s, proc) in runs.items():
        out, err = proc.communicate(timeout=300)
        checked, bad = problems(out)
        pages = len(s.html_pages())
        assert checked >= pages, f"{name}: linkchecker checked {checked} URLs for {pages} pages:\n{err}"
        report += [f"{name}: {b}" for b in bad]
        assert proc.returncode in (0, 1), f"{name}: linkchecker exited {proc.returncode}:\n{err}"
    assert not report, "broken links:\n" + "\n".join(report)


class _Refs(HTMLParser):
    ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset", "imagesrcset"}

    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in self.ATTRS and value is not None:
                if name.endswith("srcset"):
                    self.refs += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
                else:
                    self.refs.append(value)
            if name == "style" and value:
                self.refs += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)


def external(ref: str, base_url: str) -> bool:
    if ref.startswith(("mailto:", "#")) or ref.startswith(base_url):
        return False
    parts = urlsplit(ref)
    return bool(parts.scheme or parts.netloc)  # http(s)://, //host, data:, javascript:, …


def test_pages_request_nothing_from_other_hosts(site):
    """Every src/href/url() in the theme's output is relative, to base_url, or mailto:.

    Links inside authored Markdown (a guide pointing at the vendor's web site) are content,
    not requests, so only resource-loading references are checked there; everything the
    theme itself renders (head, header, footer, nav, badges) is checked in full."""
    bad = []
    for path in site.html_pages():
        html = path.read_text(encoding="utf-8")
        parser = _Refs()
        parser.feed(html)
        prose_links = set(re.findall(r'<div class="prose">.*?</div>', html, re.S))
        prose_hrefs = set()
        for block in prose_links:
            prose_hrefs |= set(re.findall(r'<a href="([^"]*)"', block))
        for ref in parser.refs:
            if ref in prose_hrefs:
                continue
            if external(ref, site.base_url):
                bad.append(f"{site.rel(path)}: {ref}")
        # Resources (not navigation) must never be external, wherever they appear.
        for ref in re.findall(r'<(?:img|script|link|iframe|source|video|audio|embed|object)\b[^>]*?\s(?:src|href|data)="([^"]+)"', html):
            if external(ref, site.base_url):
                bad.append(f"{site.rel(path)}: resource {ref}")
    for css in site.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            if external(ref, site.base_url):
                bad.append(f"{site.rel(css)}: {ref}")
        assert "@font-face" not in text, "the theme uses system fonts only"
    assert not bad, "references to other hosts:\n" + "\n".join(bad)


def test_browser_loads_nothing_from_other_hosts(site, driver):
    """What Chromium actually fetched for each page kind stayed on the site's own origin."""
    scheme_host = "{0.scheme}://{0.netloc}".format(urlsplit(site.base_url))
    foreign = []
    for kind in ["home", "guide", "clinic", "dashboard", "reports", "filter", "page", "404"]:
        for rel in site.pages_of_kind(kind)[:2]:
            driver.get(site.url(rel))
            names = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)")
            foreign += [f"{rel}: {n}" for n in names if not n.startswith(scheme_host)]
    assert not foreign, "requests to other origins:\n" + "\n".join(foreign)


def test_every_fragment_names_an_element(site):
    """linkchecker does not check links to an anchor of the same page (#id), so this does, and
    every relative link with a fragment too, against the built files."""
    ids = {}
    for path in site.html_pages():
        ids[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
    bad, checked = [], 0
    for path in site.html_pages():
        for href in re.findall(r'\shref="([^"]*#[^"]*)"', path.read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:", "mailto:")) and not href.startswith(site.base_url):
                continue
            target, _, fragment = href.partition("#")
            if target.startswith(site.base_url):
                page = site.root / target[len(site.base_url):]
            else:
                page = (path.parent / target).resolve() if target else path
            if page.is_dir():
                page = page / "index.html"
            checked += 1
            if fragment and fragment not in ids.get(page, set()):
                bad.append(f"{site.rel(path)}: {href}")
    assert checked > 0
    assert not bad, "fragments that name no element:\n" + "\n".join(bad)
