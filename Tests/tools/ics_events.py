"""Parses calendar feeds with the icalendar package (PyPI) and prints their events as JSON, so
the Swift tests can check Gangway's feeds with a real iCalendar parser.

usage: python3 Tests/tools/ics_events.py FILE.ics...
Prints one JSON object per file: {"name": X-WR-CALNAME, "events": [{uid, summary, description,
start, end, all_day, url, stamp}]}. Exits 2 when icalendar is missing, 1 when a file does not parse.
"""

import json
import sys

try:
    import icalendar
except ImportError:
    print("the Python package icalendar is missing: run scripts/install-test-deps", file=sys.stderr)
    sys.exit(2)

import datetime


def main() -> int:
    out = []
    for path in sys.argv[1:]:
        raw = open(path, "rb").read()
        cal = icalendar.Calendar.from_ical(raw)
        assert cal.name == "VCALENDAR", cal.name
        events = []
        for ev in cal.walk("VEVENT"):
            start = ev.decoded("DTSTART")
            end = ev.decoded("DTEND")
            events.append({
                "uid": str(ev["UID"]),
                "summary": str(ev["SUMMARY"]),
                "description": str(ev.get("DESCRIPTION", "")),
                "start": start.isoformat(),
                "end": end.isoformat(),
                "all_day": not isinstance(start, datetime.datetime) and not isinstance(end, datetime.datetime),
                "url": str(ev.get("URL", "")),
                "stamp": ev.decoded("DTSTAMP").isoformat(),
            })
        out.append({
            "name": str(cal.get("X-WR-CALNAME", "")),
            "version": str(cal.get("VERSION", "")),
            "prodid": str(cal.get("PRODID", "")),
            "events": events,
        })
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
