"""A clinic page stays lean: HTML + CSS + JS under 30 KB before compression, no framework."""

import re
from pathlib import Path
from urllib.parse import urlsplit

LIMIT = 30 * 1024


def page_weight(site, rel: str) -> tuple[int, dict]:
    page = site.root / rel
    html = page.read_text(encoding="utf-8")
    parts = {rel: page.stat().st_size}
    refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
    for ref in refs:
        path = urlsplit(ref).path
        if ref.startswith(site.base_url):
            target = site.root / ref[len(site.base_url):]
        else:
            target = (page.parent / path).resolve()
        assert target.is_file(), ref
        parts[Path(target).name] = target.stat().st_size
        if target.suffix == ".css":
            for imported in re.findall(r"@import\s+(?:url\()?['\"]?([^'\")]+)", target.read_text(encoding="utf-8")):
                extra = (target.parent / imported).resolve()
                parts[extra.name] = extra.stat().st_size
    return sum(parts.values()), parts


def test_clinic_pages_weigh_under_30kb(site):
    heavy = []
    clinics = site.pages_of_kind("clinic")
    assert clinics
    for rel in clinics:
        total, parts = page_weight(site, rel)
        if total >= LIMIT:
            heavy.append(f"{rel}: {total} bytes {parts}")
    assert not heavy, "\n".join(heavy)
