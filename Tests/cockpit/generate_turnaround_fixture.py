#!/usr/bin/env python3
"""Writes the turnaround fixture once: a site of 44 clinics on 2 guides, with realistic dates
(some waits over the stated wait, some under, some still waiting, some with no `since`, some
skipped steps, complete clinics), all on or before 2026-11-29, the fixture's today.

    python3 Tests/cockpit/generate_turnaround_fixture.py

The output is committed under Tests/GangwayCoreTests/Fixtures/cockpit/turnaround; run this
again only to change the fixture on purpose (it rewrites every file, deterministically)."""
import datetime as dt
import json
import os
import random
import shutil

ROOT = os.path.join(os.path.dirname(__file__), "..", "GangwayCoreTests", "Fixtures", "cockpit", "turnaround")
TODAY = dt.date(2026, 11, 29)

GUIDES = {
    "accuro": ("Connecting Accuro to Ocean", "QHR", [
        ("check-existing-access", "Check for an existing Ocean link", "clinic", None, None),
        ("request-contract", "Ask QHR for an API contract", "clinic", None, None),
        ("sign-contract", "Sign the contract", "clinic", 7, "vendor"),
        ("retrieve-password", "Get the account details and password", "clinic", 28, "vendor"),
        ("complete-integration", "Finish the Ocean integration", "clinic", 5, "ocean"),
    ]),
    "oscar-pro": ("Connecting OSCAR Pro to Ocean", "WELL Health", [
        ("check-existing-access", "Check for an existing Ocean link", "clinic", None, None),
        ("request-integration", "Ask WELL Health to enable the integration", "clinic", None, None),
        ("vendor-setup", "WELL Health sets up the connection", "vendor", 14, None),
        ("complete-integration", "Finish the Ocean integration", "clinic", 10, "ocean"),
    ]),
}

NAMES = ["Lakeshore", "Maplewood", "Trillium", "Cedar Ridge", "Harbourview", "Pinecrest", "Riverside", "Georgian Bay",
         "Algonquin", "Bayfield", "Birchwood", "Bluewater", "Brookside", "Caledon", "Eastgate", "Elmvale", "Fairview",
         "Glenhaven", "Greenbank", "Hillcrest", "Ironwood", "Juniper", "Kingsway", "Lynwood", "Meadowbrook", "Northgate",
         "Oakridge", "Parkdale", "Queensway", "Redwood", "Silverbirch", "Stonebridge", "Sunnyside", "Thornhill",
         "Upper Canada", "Valleyview", "Westdale", "Willowdale", "Windermere", "Yorkville", "Zephyr", "Amberley",
         "Beaumont", "Clearwater"]
REGIONS = ["Ontario", "Manitoba", "Nova Scotia", "Alberta", "British Columbia"]


def iso(d):
    return d.isoformat()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def guides():
    for name, (title, vendor, steps) in GUIDES.items():
        base = os.path.join(ROOT, "content", "guides", name)
        write(os.path.join(base, "guide.md"), f"---\ntitle: {title}\nvendor: {vendor}\n---\n\nThe steps to connect.\n")
        for n, (sid, stitle, owner, wait, wait_on) in enumerate(steps, 1):
            fm = [f"id: {sid}", f"title: {stitle}", f"owner: {owner}"]
            if wait is not None:
                fm.append(f"wait_days: {wait}")
            if wait_on:
                fm.append(f"wait_on: {wait_on}")
            write(os.path.join(base, f"{n:02d}-{sid}.md"), "---\n" + "\n".join(fm) + "\n---\n\nWhat to do.\n")


def clinic(rng, i, name, guide):
    steps = GUIDES[guide][2]
    slug = name.lower().replace(" ", "-")
    start = TODAY - dt.timedelta(days=rng.randint(15, 170))
    # How far this clinic got: 0..len(steps) finished steps; the rest todo, the next one maybe waiting.
    reach = rng.choice(range(len(steps) + 1))
    existing = guide == "accuro" and i % 11 == 3
    day = start
    records = []
    for n, (sid, _, _, wait, _) in enumerate(steps):
        rec = {}
        if existing and 1 <= n <= 3:
            records.append((sid, {"status": "skipped", "note": "Not needed: the clinic has a link"}))
            continue
        if n < reach:
            if wait is None:
                started = day + dt.timedelta(days=rng.randint(0, 3))
                done = started + dt.timedelta(days=rng.randint(0, 4))
                rec = {"status": "done", "started": iso(started), "done": iso(done)}
            else:
                # The wait: around the stated one, some well over it.
                gap = max(0, int(rng.gauss(wait, wait * 0.6)))
                if rng.random() < 0.2:
                    gap += wait
                since = day + dt.timedelta(days=rng.randint(0, 2))
                done = since + dt.timedelta(days=gap)
                if done > TODAY:
                    done = TODAY
                rec = {"status": "done", "done": iso(done)}
                if rng.random() < 0.6 or since != day:
                    rec["since"] = iso(since)  # else the wait starts at the previous step's done
                else:
                    since = day
            day = dt.date.fromisoformat(rec["done"])
        elif n == reach:
            if wait is not None and rng.random() < 0.8:
                since = day + dt.timedelta(days=rng.randint(0, 2))
                if since > TODAY:
                    since = TODAY
                rec = {"status": "waiting"}
                if rng.random() < 0.7:
                    rec["since"] = iso(since)
                rec["note"] = rng.choice(["Request sent", "Chased by email, no reply yet", "Vendor says: soon, maybe next week"])
            elif rng.random() < 0.5:
                rec = {"status": "in-progress", "started": iso(min(TODAY, day + dt.timedelta(days=1)))}
            elif rng.random() < 0.3:
                rec = {"status": "blocked", "note": "Waiting for the clinic to name a signatory"}
            else:
                rec = {"status": "todo"}
        else:
            rec = {"status": "todo"}
        records.append((sid, rec))
    lines = [f"clinic: {name} {'Family Health Team' if i % 2 else 'Medical Clinic'}", f"guide: {guide}",
             f"office_name: {name.upper()}", f"region: {REGIONS[i % len(REGIONS)]}",
             f"signatory: {{name: Dr. Signer {i}, email: signer{i}@{slug}.example}}",
             "providers:", f"  - {{name: Dr. Provider {i}, email: provider{i}@{slug}.example}}",
             f"ocean_contact: {{name: Priya Raman, email: priya@ocean.example}}",
             f"existing_cds_link: {'true' if existing else 'false'}", "steps:"]
    for sid, rec in records:
        rec = {k: (json.dumps(v) if k == "note" else v) for k, v in rec.items()}
        if i % 3 == 0:
            lines.append(f"  {sid}:")
            for k, v in rec.items():
                lines.append(f"    {k}: {v}")
        else:
            lines.append(f"  {sid}: {{" + ", ".join(f"{k}: {v}" for k, v in rec.items()) + "}")
    write(os.path.join(ROOT, "content", "clinics", slug + ".yml"), "\n".join(lines) + "\n")


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    write(os.path.join(ROOT, "gangway.yml"), "title: Turnaround Fixture\nbase_url: https://fixture.example/\ntimezone: America/Toronto\ndashboard: true\n")
    guides()
    rng = random.Random(14)
    for i, name in enumerate(NAMES):
        clinic(rng, i, name, "accuro" if i % 2 == 0 else "oscar-pro")
    # Waiting with no since and nothing done before it: still waiting, days unknown.
    write(os.path.join(ROOT, "content", "clinics", "nowhere.yml"),
          "clinic: Nowhere Clinic\nguide: accuro\nregion: Ontario\nexisting_cds_link: false\nsteps:\n"
          "  check-existing-access: {status: skipped, note: Checked by phone}\n"
          "  request-contract: {status: skipped, note: Sent by the previous owner}\n"
          "  sign-contract: waiting\n")


if __name__ == "__main__":
    main()
