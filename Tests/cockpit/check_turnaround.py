#!/usr/bin/env python3
"""An independent recomputation of the team site's figures (turnaround, funnel, time to complete,
and each clinic's dates in status.csv), written from SPEC.md
("Team site") alone, without Gangway's code: reads a site's guides and case files with PyYAML
and compares what it finds with Gangway's turnaround.csv, read with Python's csv module.

    check_turnaround.py SITE TURNAROUND.CSV --today YYYY-MM-DD [--status-csv F --steps-csv F --status-json F]
                        [--reports-html team/reports/index.html]

With the optional files it also checks that status.csv and steps.csv (RFC 4180, parsed by the
csv module) say what status.json says, and that the reports page's funnel tables and median
time to complete match the recomputation. Exits 0 when everything matches, 1 with each difference."""
import argparse
import csv
import datetime as dt
import glob
import json
import math
import os
import re
import sys

import yaml


def day(v):
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("\n---", 1)[0][4:]) or {}


def guides(site):
    out = {}
    for folder in sorted(glob.glob(os.path.join(site, "content", "guides", "*"))):
        name = os.path.basename(folder)
        steps = []
        for path in sorted(glob.glob(os.path.join(folder, "*.md"))):
            base = os.path.basename(path)
            if base == "guide.md":
                continue
            fm = front_matter(path)
            sid = fm.get("id") or base[:-3].split("-", 1)[1]
            steps.append({"id": sid, "wait_days": fm.get("wait_days")})
        out[name] = steps
    return out


def records(case):
    steps = case.get("steps") or {}
    out = {}
    for sid, rec in steps.items():
        if isinstance(rec, str):
            rec = {"status": rec}
        out[sid] = rec
    return out


def nearest_rank(values, num, den):
    s = sorted(values)
    rank = max(1, math.ceil(num * len(s) / den))
    return s[rank - 1]


def clinic_figures(steps, recs, today):
    """days_overdue, days_in_step, last_activity, earliest_finish and the current step, from SPEC.md."""
    dates = [day(r.get(k)) for r in recs.values() for k in ("started", "since", "done") if r.get(k) is not None]
    last_activity = max(dates) if dates else None
    expected, overdue = {}, []
    previous = None
    for step in steps:
        r = recs.get(step["id"], {})
        status = r.get("status", "todo")
        if status == "waiting":
            since = day(r.get("since")) or previous
            if since is not None and step["wait_days"] is not None:
                expected[step["id"]] = since + dt.timedelta(days=step["wait_days"])
                if today > expected[step["id"]]:
                    overdue.append(expected[step["id"]])
        step["_since"] = (day(r.get("since")) or previous) if status == "waiting" else None
        step["_previous_done"] = previous
        if status == "done" and r.get("done") is not None:
            previous = day(r["done"])
    current = next((i for i, st in enumerate(steps) if recs.get(st["id"], {}).get("status", "todo") not in ("done", "skipped")), None)
    out = {"days_overdue": str((today - min(overdue)).days) if overdue else "", "last_activity": last_activity.isoformat() if last_activity else "",
           "current_step": steps[current]["id"] if current is not None else "", "days_in_step": "", "earliest_finish": ""}
    if current is not None:
        st = steps[current]
        r = recs.get(st["id"], {})
        start = st["_since"] or day(r.get("started")) or st["_previous_done"]
        if start is not None:
            out["days_in_step"] = str((today - start).days)
        base = today
        if r.get("status") == "waiting" and st["id"] in expected and expected[st["id"]] > today:
            base = expected[st["id"]]
        later = sum(s2["wait_days"] or 0 for s2 in steps[current + 1:]
                    if recs.get(s2["id"], {}).get("status", "todo") not in ("done", "skipped"))
        out["earliest_finish"] = (base + dt.timedelta(days=later)).isoformat()
    return out


def guide_figures(site, today):
    """Per guide: clinics per current step, complete, and the median days to complete (nearest rank)."""
    gs = guides(site)
    out = {}
    for path in sorted(glob.glob(os.path.join(site, "content", "clinics", "*.yml"))):
        with open(path, encoding="utf-8") as f:
            case = yaml.safe_load(f)
        steps = [dict(s) for s in gs[case["guide"]]]
        recs = records(case)
        g = out.setdefault(case["guide"], {"funnel": {s["id"]: 0 for s in steps}, "complete": 0, "completion": []})
        fig = clinic_figures(steps, recs, today)
        if fig["current_step"]:
            g["funnel"][fig["current_step"]] += 1
        else:
            g["complete"] += 1
            dates = [day(r.get(k)) for r in recs.values() for k in ("started", "since", "done") if r.get(k) is not None]
            dones = [day(r["done"]) for r in recs.values() if r.get("done") is not None]
            if dones and dates:
                g["completion"].append((max(dones) - min(dates)).days)
        fig["slug"] = os.path.basename(path)[:-4]
        g.setdefault("clinics", []).append(fig)
    for g in out.values():
        g["median_days_to_complete"] = nearest_rank(g["completion"], 1, 2) if g["completion"] else None
    return out


def expected_rows(site, today):
    gs = guides(site)
    cases = []
    for path in sorted(glob.glob(os.path.join(site, "content", "clinics", "*.yml"))):
        with open(path, encoding="utf-8") as f:
            cases.append(yaml.safe_load(f))
    rows = []
    for name in sorted(gs):
        steps = gs[name]
        for i, step in enumerate(steps):
            if step["wait_days"] is None:
                continue
            waits, still = [], 0
            for case in cases:
                if case["guide"] != name:
                    continue
                recs = records(case)
                rec = recs.get(step["id"], {"status": "todo"})
                # The default start: the latest done date among earlier steps that are done.
                previous = None
                for earlier in steps[:i]:
                    r = recs.get(earlier["id"], {})
                    if r.get("status") == "done" and r.get("done") is not None:
                        previous = day(r["done"])
                start = day(rec.get("since")) or previous
                if rec.get("status") == "done" and rec.get("done") is not None and start is not None:
                    waits.append((day(rec["done"]) - start).days)
                elif rec.get("status") == "waiting":
                    still += 1
            n = len(waits)
            row = {"guide": name, "step": step["id"], "measured": str(n), "still_waiting": str(still)}
            if n:
                over = sum(1 for w in waits if w > step["wait_days"])
                hundredths = (over * 200 + n) // (2 * n)  # rounded half up, in whole hundredths
                row.update(median_days=str(nearest_rank(waits, 1, 2)), p90_days=str(nearest_rank(waits, 9, 10)),
                           longest_days=str(max(waits)), over_wait=f"{hundredths // 100}.{hundredths % 100:02d}")
            else:
                row.update(median_days="", p90_days="", longest_days="", over_wait="")
            rows.append(row)
    return rows


def reports_from_html(path):
    """Per guide section of the reports page: the funnel table's rows (data-step, clinics), the
    complete row, and the median days to complete as the page states it."""
    html = open(path, encoding="utf-8").read()
    out = {}
    for m in re.finditer(r'<section class="report" id="guide-([^"]+)"(.*?)</section>', html, re.S):
        name, body = m.group(1), m.group(2)
        funnel_at = body.index('id="guide-%s-funnel"' % name)
        rows = dict(re.findall(r'<tr data-step="([^"]+)"><th scope="row">[^<]*</th><td>(\d+)</td></tr>', body[funnel_at:]))
        complete = int(rows.pop("complete", -1))
        median = re.search(r"median time to complete: (\d+) days", body)
        out[name] = {"funnel": {k: int(v) for k, v in rows.items()}, "complete": complete,
                     "median_days_to_complete": int(median.group(1)) if median else None}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("turnaround")
    ap.add_argument("--today", required=True)
    ap.add_argument("--status-csv")
    ap.add_argument("--steps-csv")
    ap.add_argument("--status-json")
    ap.add_argument("--report-json", help="Gangway's funnel and time to complete, per guide")
    ap.add_argument("--reports-html", help="the team site's reports/index.html: its funnel tables and time to complete")
    args = ap.parse_args()
    problems = []

    header = ["guide", "step", "measured", "median_days", "p90_days", "longest_days", "over_wait", "still_waiting"]
    raw = open(args.turnaround, "rb").read()
    if raw.count(b"\r\n") != raw.count(b"\n") or not raw.endswith(b"\r\n"):
        problems.append("turnaround.csv does not end every row with CRLF")
    with open(args.turnaround, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != header:
            problems.append(f"turnaround.csv header is {reader.fieldnames}, not {header}")
        got = list(reader)
    want = expected_rows(args.site, dt.date.fromisoformat(args.today))
    if len(got) != len(want):
        problems.append(f"turnaround.csv has {len(got)} rows; the recomputation has {len(want)}")
    for g, w in zip(got, want):
        for key in header:
            if g.get(key) != w[key]:
                problems.append(f"{w['guide']}/{w['step']}: {key} is {g.get(key)!r} in turnaround.csv, {w[key]!r} recomputed")
    measured = sum(int(w["measured"]) for w in want)

    if args.status_json:
        statuses = json.load(open(args.status_json, encoding="utf-8"))
        by_slug = {s["slug"]: s for s in statuses}
        with open(args.status_csv, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        if [r["slug"] for r in rows] != [s["slug"] for s in statuses]:
            problems.append("status.csv does not list the clinics of status.json, in order")
        for r in rows:
            s = by_slug.get(r["slug"])
            if s is None:
                continue
            for key, value in [("clinic", s["clinic"]), ("guide", s["guide"]), ("state", s["state"]),
                               ("progress_done", str(s["progress"]["done"])), ("progress_total", str(s["progress"]["total"])),
                               ("current_step", s["current_step"] or ""), ("overdue", "true" if s["overdue"] else "false"),
                               ("today", s["today"])]:
                if r[key] != value:
                    problems.append(f"status.csv {r['slug']}: {key} is {r[key]!r}, status.json says {value!r}")
            if "@" in ",".join(r.values()):
                problems.append(f"status.csv {r['slug']}: holds an email address")
        with open(args.steps_csv, newline="", encoding="utf-8") as f:
            steps = list(csv.DictReader(f))
        flat = [(s["slug"], st) for s in statuses for st in s["steps"]]
        if len(steps) != len(flat):
            problems.append(f"steps.csv has {len(steps)} rows; status.json has {len(flat)} steps")
        for r, (slug, st) in zip(steps, flat):
            for key, value in [("slug", slug), ("step", st["id"]), ("title", st["title"]), ("owner", st["owner"]),
                               ("status", st["status"]), ("started", st["started"] or ""), ("done", st["done"] or ""),
                               ("since", st["since"] or ""), ("expected_by", st["expected_by"] or ""),
                               ("overdue", "true" if st["overdue"] else "false"), ("note", st["note"] or "")]:
                if r[key] != value:
                    problems.append(f"steps.csv {slug}/{st['id']}: {key} is {r[key]!r}, status.json says {value!r}")

    today = dt.date.fromisoformat(args.today)
    figures = guide_figures(args.site, today)
    if args.report_json:
        report = json.load(open(args.report_json, encoding="utf-8"))
        for name, g in sorted(figures.items()):
            r = report.get(name, {})
            for key, value in [("funnel", g["funnel"]), ("complete", g["complete"]), ("median_days_to_complete", g["median_days_to_complete"])]:
                if r.get(key) != value:
                    problems.append(f"{name}: {key} is {r.get(key)!r} from Gangway, {value!r} recomputed")
    if args.reports_html:
        for name, r in sorted(reports_from_html(args.reports_html).items()):
            g = figures.get(name)
            if g is None:
                problems.append(f"reports page has a guide {name!r} with no clinics recomputed")
                continue
            for key, value in [("funnel", g["funnel"]), ("complete", g["complete"]), ("median_days_to_complete", g["median_days_to_complete"])]:
                if r.get(key) != value:
                    problems.append(f"reports page {name}: {key} is {r.get(key)!r}, {value!r} recomputed")
        if set(reports_from_html(args.reports_html)) != set(figures):
            problems.append(f"reports page guides {sorted(reports_from_html(args.reports_html))}, recomputed {sorted(figures)}")
    if args.status_csv:
        with open(args.status_csv, newline="", encoding="utf-8") as f:
            rows = {r["slug"]: r for r in csv.DictReader(f)}
        for g in figures.values():
            for fig in g["clinics"]:
                row = rows.get(fig["slug"])
                if row is None:
                    problems.append(f"status.csv has no row for {fig['slug']}")
                    continue
                for key in ("current_step", "days_overdue", "days_in_step", "last_activity", "earliest_finish"):
                    if row[key] != fig[key]:
                        problems.append(f"status.csv {fig['slug']}: {key} is {row[key]!r}, {fig[key]!r} recomputed")

    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        clinics = sum(len(g["clinics"]) for g in figures.values())
        print(f"turnaround.csv matches: {len(want)} steps, {measured} waits measured; {clinics} clinics' figures checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
