"""The recipes of docs/publishing.md, run for real: the nginx example config served by a real
nginx on loopback (the portal public, the team site behind basic auth), and the CI workflow
example parsed as YAML with its gangway lines run against the example portal."""

from __future__ import annotations

import base64
import os
import re
import shlex
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from conftest import BINARY, REPO, free_port, require_tool

EXAMPLES = REPO / "docs" / "examples"
TODAY_EPOCH = "1795953600"  # 2026-11-29 12:00 UTC


def _fetch(url: str, user: str | None = None, password: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url)
    if user is not None:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _copy_site(dest: Path) -> Path:
    """The example portal's own files (not the rest of the repository), as a site of its own."""
    dest.mkdir(parents=True)
    shutil.copy(REPO / "gangway.yml", dest / "gangway.yml")
    shutil.copytree(REPO / "content", dest / "content")
    shutil.copytree(REPO / "templates", dest / "templates")
    return dest


def _gangway(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=TODAY_EPOCH, NO_COLOR="1")
    return subprocess.run([str(BINARY), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The example portal built, copied as the recipe says, and served by nginx with the example config."""
    nginx = require_tool("nginx", "/usr/sbin/nginx")
    require_tool("openssl")
    work = tmp_path_factory.mktemp("publish")
    site = _copy_site(work / "site")
    built = _gangway(["build", "--quiet"], site)
    assert built.returncode == 0, built.stderr
    srv = work / "srv" / "onboarding"
    srv.mkdir(parents=True)
    # The recipe's copy step: the output folders, whole.
    for name in ("public", "team"):
        if (site / name).is_dir():
            subprocess.run(["cp", "-R", str(site / name), str(srv / name)], check=True)
    password = "correct horse"
    hashed = subprocess.run(["openssl", "passwd", "-apr1", password], capture_output=True, text=True, check=True).stdout.strip()
    htpasswd = work / "team.htpasswd"
    htpasswd.write_text(f"priya:{hashed}\n")

    port = free_port()
    server = (EXAMPLES / "nginx.conf").read_text()
    assert "listen 80;" in server and "/srv/onboarding/" in server and "/etc/nginx/gangway-team.htpasswd" in server
    server = (server.replace("listen 80;", f"listen 127.0.0.1:{port};")
              .replace("/srv/onboarding/", f"{srv}/")
              .replace("/etc/nginx/gangway-team.htpasswd", str(htpasswd)))
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
{server}
}}
""")
    proc = subprocess.Popen([nginx, "-p", str(work), "-c", str(conf)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    origin = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        if proc.poll() is not None:
            log = work / "logs" / "error.log"
            pytest.fail(f"nginx exited {proc.returncode}: {proc.stdout.read().decode(errors='replace')}\n"
                        f"{log.read_text() if log.exists() else ''}")
        try:
            with urllib.request.urlopen(f"{origin}/", timeout=2):
                break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("nginx did not answer within 15 s")
            time.sleep(0.1)
    yield {"origin": origin, "srv": srv, "password": password}
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_the_portal_is_public(published):
    origin, public = published["origin"], published["srv"] / "public"
    for rel in ["", "guides/accuro/", "clinics/lakeshore/", "clinics/lakeshore/status.json", "assets/style.css", "sitemap.xml"]:
        status, _, body = _fetch(f"{origin}/{rel}")
        assert status == 200, rel
        want = public / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
        assert body == want.read_bytes(), rel
    status, _, body = _fetch(f"{origin}/no/such/page")
    assert status == 404 and b"not found" in body.lower()


def test_the_team_site_needs_the_login(published):
    origin, team = published["origin"], published["srv"] / "team"
    for rel in ["team/", "team/index.html", "team/status.json", "team/no-such-file"]:
        status, headers, _ = _fetch(f"{origin}/{rel}")
        assert status == 401, f"{rel} served without a login: {status}"
        assert 'Basic realm="Onboarding team"' in headers.get("WWW-Authenticate", "")
        assert _fetch(f"{origin}/{rel}", "priya", "wrong")[0] == 401, rel
    status, _, body = _fetch(f"{origin}/team/", "priya", published["password"])
    assert team.is_dir(), "the example site has dashboard: true, so the build writes team/"
    assert status == 200
    assert body == (team / "index.html").read_bytes()
    assert _fetch(f"{origin}/team/status.json", "priya", published["password"])[0] == 200


def _workflow() -> dict:
    return yaml.safe_load((EXAMPLES / "github-actions.yml").read_text())


def test_the_ci_workflow_checks_then_builds():
    workflow = _workflow()
    assert workflow["name"] and (True in workflow or "on" in workflow), "a workflow needs a trigger"
    trigger = workflow.get("on", workflow.get(True))
    assert "push" in trigger
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = [line.strip() for s in steps for line in s.get("run", "").splitlines() if line.strip()]
    gangway = [r for r in runs if r.startswith("gangway ")]
    assert gangway == ["gangway check --format github", "gangway build"], gangway
    assert any("scripts/install" in r for r in runs[: runs.index(gangway[0])]), "gangway is installed before it runs"


def test_the_ci_workflows_gangway_lines_run_on_the_example_portal(tmp_path):
    site = _copy_site(tmp_path / "site")
    steps = [s for job in _workflow()["jobs"].values() for s in job["steps"]]
    lines = [line.strip() for s in steps for line in s.get("run", "").splitlines() if line.strip().startswith("gangway ")]
    for line in lines:
        args = shlex.split(line)[1:]
        run = _gangway(args, site)
        assert run.returncode == 0, f"{line}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
        if "--format" in args and "github" in args:
            assert all(l.startswith(("::warning ", "::error ")) for l in run.stdout.splitlines()), run.stdout
    assert (site / "public" / "index.html").is_file()

    # A broken case file fails the check step with a GitHub annotation at its line.
    (site / "content" / "clinics" / "broken.yml").write_text("clinic: Broken\nguide: accuro\nsteps:\n  sign-contact:\n    status: todo\n")
    check = _gangway(shlex.split(lines[0])[1:], site)
    assert check.returncode == 1
    assert re.search(r"^::error file=content/clinics/broken\.yml,line=4,col=3::unknown step 'sign-contact'", check.stdout, re.M), check.stdout
