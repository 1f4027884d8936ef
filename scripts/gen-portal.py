#!/usr/bin/env python3
"""Generates a large portal for benchmarks: the example portal's config and guides,
plus N case files cycling through every clinic state. Deterministic for a given N.

    scripts/gen-portal.py N DEST
"""
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PATTERNS = [
    # (guide, steps yaml)
    ("accuro", """  check-existing-access: {status: done, done: 2026-10-01}
  request-contract: {status: done, started: 2026-10-02, done: 2026-10-03}
  sign-contract: {status: waiting, since: 2026-11-24, note: Contract sent to the signatory}
"""),
    ("accuro", """  check-existing-access: {status: done, done: 2026-09-01}
  request-contract: {status: done, done: 2026-09-03}
  sign-contract: {status: done, done: 2026-09-09}
  retrieve-password: {status: waiting, since: 2026-10-01}
"""),
    ("accuro", """  check-existing-access: {status: done, done: 2026-11-01}
  request-contract: {status: blocked, note: Waiting for the office name from the clinic}
"""),
    ("accuro", ""),
    ("accuro", """  check-existing-access: {status: done, done: 2026-08-01}
  request-contract: {status: done, done: 2026-08-02}
  sign-contract: {status: done, done: 2026-08-05}
  retrieve-password: {status: done, done: 2026-08-30}
  complete-integration: {status: done, done: 2026-09-02}
"""),
    ("accuro", """  check-existing-access: {status: in-progress, started: 2026-11-20}
"""),
]


def main():
    n, dest = int(sys.argv[1]), sys.argv[2]
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(os.path.join(dest, "content", "clinics"))
    shutil.copy(os.path.join(ROOT, "gangway.yml"), dest)
    shutil.copytree(os.path.join(ROOT, "content", "guides"), os.path.join(dest, "content", "guides"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(dest, "templates"))
    for i in range(n):
        guide, steps = PATTERNS[i % len(PATTERNS)]
        slug = f"clinic-{i:05d}"
        body = f"""clinic: Clinic {i:05d} Family Health Team
guide: {guide}
office_name: Clinic {i:05d} FHT
region: Ontario
ocean_contact: {{name: Priya Raman, email: priya@ocean.example}}
signatory: {{name: Dr. Amara Singh {i}, title: Lead physician, email: asingh{i}@clinic{i}.example, phone: 416-555-0100}}
providers:
  - {{name: Dr. Amara Singh {i}, email: asingh{i}@clinic{i}.example}}
  - {{name: Dr. Tom Okafor {i}, email: tokafor{i}@clinic{i}.example, role: physician}}
existing_cds_link: false
notes: |
  Generated clinic number **{i}**. Call before noon.
steps:
{steps}"""
        with open(os.path.join(dest, "content", "clinics", slug + ".yml"), "w") as f:
            f.write(body)


if __name__ == "__main__":
    main()
