#!/usr/bin/env python3
"""Reads the calendar feeds of a real build with the icalendar package (PyPI) and checks them
against status.json, from SPEC.md alone: each clinic's feed (PORTAL/clinics/<folder>/calendar.ics)
has one all-day event per waiting step's expected-by date and per done step's done date, each
with the clinic's own page as URL; the team's feed (TEAM/calendar.ics) has every clinic's events.
No feed holds an email address or a phone number.

    check_calendars.py PORTAL TEAM BASE_URL

Exits 0 when everything matches, 1 with each difference, 2 when icalendar is missing."""
import datetime as dt
import glob
import json
import os
import re
import sys

try:
    import icalendar
except ImportError:
    print("the Python package icalendar is missing: run scripts/install-test-deps", file=sys.stderr)
    sys.exit(2)

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")
PHONE = re.compile(r"\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}|\+\d[\d\s().\-]{6,}\d|\d{7,}")


def events(path):
    raw = open(path, "rb").read()
    problems = []
    if raw.count(b"\r\n") != raw.count(b"\n"):
        problems.append(f"{path}: a line does not end with CRLF")
    if any(len(line) > 75 for line in raw.split(b"\r\n")):
        problems.append(f"{path}: a line is longer than 75 octets")
    cal = icalendar.Calendar.from_ical(raw)
    out = {}
    for ev in cal.walk("VEVENT"):
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if isinstance(start, dt.datetime) or end != start + dt.timedelta(days=1):
            problems.append(f"{path}: {ev['UID']} is not one all-day event")
        for key in ("SUMMARY", "DESCRIPTION"):
            text = str(ev.get(key, ""))
            if EMAIL.search(text) or PHONE.search(text):
                problems.append(f"{path}: {ev['UID']} {key} holds a contact: {text!r}")
        uid = str(ev["UID"])
        if uid in out:
            problems.append(f"{path}: UID {uid} is used twice")
        out[uid] = (start.isoformat(), str(ev.get("URL")))
    name = str(cal.get("X-WR-CALNAME", ""))
    if EMAIL.search(name) or PHONE.search(name):
        problems.append(f"{path}: the calendar's name holds a contact")
    return out, problems


def wanted(status, url):
    """The events SPEC.md asks for, by (slug, step, kind): date and URL."""
    out = {}
    for st in status["steps"]:
        if st["status"] == "waiting" and st["expected_by"]:
            out[(status["slug"], st["id"], "expected")] = (st["expected_by"], url)
        if st["status"] == "done" and st["done"]:
            out[(status["slug"], st["id"], "done")] = (st["done"], url)
    return out


def main():
    portal, team, base_url = sys.argv[1], sys.argv[2], sys.argv[3]
    problems = []
    everything = {}
    feeds = 0
    for status_path in sorted(glob.glob(os.path.join(portal, "clinics", "*", "status.json"))):
        folder = os.path.basename(os.path.dirname(status_path))
        status = json.load(open(status_path, encoding="utf-8"))
        url = f"{base_url}clinics/{folder}/"
        want = wanted(status, url)
        everything.update(want)
        got, p = events(os.path.join(portal, "clinics", folder, "calendar.ics"))
        problems += p
        feeds += 1
        got_set = sorted(got.values())
        want_set = sorted(want.values())
        if got_set != want_set:
            problems.append(f"{folder}: events {got_set}, status.json asks for {want_set}")
        for uid in got:
            if not uid.startswith(status["slug"] + "-"):
                problems.append(f"{folder}: event {uid} is not this clinic's")
    got, p = events(os.path.join(team, "calendar.ics"))
    problems += p
    if sorted(got.values()) != sorted(everything.values()):
        problems.append(f"team calendar has {len(got)} events, the clinics' feeds {len(everything)}")
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"calendars match: {feeds} clinic feeds, {len(everything)} events, team feed alike")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
