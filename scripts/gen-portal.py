#!/usr/bin/env python3
"""Generates a large, realistic portal for benchmarks: the example portal's config, guides and
theme, plus N case files spread over the three guides and every clinic state, with one to six
providers, step notes, and notes of one to four Markdown paragraphs (lists, links, emphasis,
emails and phone numbers, as specialists write them). Deterministic for a given N.

    scripts/gen-portal.py N DEST

`clinics(n)` yields the same clinics as plain dicts, so scripts/bench-build can write the
equivalent Hugo site from them.
"""
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GUIDES = {
    "accuro": ["check-existing-access", "request-contract", "sign-contract", "retrieve-password", "complete-integration"],
    "oscar-pro": ["check-existing-access", "request-integration", "vendor-setup", "complete-integration"],
    "ps-suite": ["check-existing-access", "request-access", "vendor-enablement", "complete-integration"],
}
WAIT_STEP = {"accuro": 2, "oscar-pro": 2, "ps-suite": 2}  # the index of the vendor's step

FIRST = ["Amara", "Tom", "Lina", "Kevin", "Maya", "Ravi", "Hannah", "Fiona", "Peter", "Sofia", "Jonas", "Grace", "Omar", "Yuki", "Chloé", "Mateus"]
LAST = ["Singh", "Okafor", "Haddad", "Moreau", "Fontaine", "Patel", "Cho", "MacLeod", "Quinn", "Rossi", "Berg", "Nakamura", "Diallo", "Tremblay", "Novak", "Silva"]
PLACES = ["Lakeshore", "Maplewood", "Harbourview", "Cedar Ridge", "Pinecrest", "Riverside", "Trillium", "Georgian Bay", "Bayview", "Northgate"]
KINDS = ["Family Health Team", "Medical Clinic", "Community Health Centre", "Family Practice", "Medical Associates"]
REGIONS = ["Ontario", "Manitoba", "Nova Scotia", "British Columbia", "Alberta", "New Brunswick"]
SENTENCES = [
    "Kick-off call held with the office manager; the clinic is keen to start before the new year.",
    "The signatory asked for the contract to be sent to the clinic's general inbox instead.",
    "Two physicians joined in the autumn and must be added to the provider list.",
    "The EMR shows the office name in capitals, exactly as written above.",
    "Their IT contractor will be on site on Thursdays only.",
    "Ask for a call back when phoning support: the wait can be long.",
    "Follow up if nothing arrives within **two weeks** of the request.",
    "The clinic uses *eReferral* already and wants the same workflow for intake forms.",
]


def person(rng, i, k):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return first, last, f"{first[0].lower()}{last.lower()}{i}-{k}@clinic{i}.example"


def notes(rng, i, contact_email):
    paragraphs = []
    for p in range(rng.randint(1, 4)):
        kind = rng.randrange(4)
        if kind == 0:
            paragraphs.append(" ".join(rng.sample(SENTENCES, 3)))
        elif kind == 1:
            items = rng.sample(SENTENCES, 3)
            paragraphs.append("\n".join(f"- {s}" for s in items))
        elif kind == 2:
            paragraphs.append(f"Call the front desk at 416-555-{rng.randint(100, 999):04d} before noon, or write to "
                              f"[the clinic]({'mailto:' + contact_email}). Next review on 2026-12-{rng.randint(1, 28):02d}.")
        else:
            paragraphs.append(f"Clinic number **{i}**: see the [request form](https://forms.example.org/ocean/{i}) "
                              "and the checklist above. Updated by the onboarding team.")
    return "\n\n".join(paragraphs)


def steps(rng, guide, i):
    ids = GUIDES[guide]
    pattern = i % 6
    wait = WAIT_STEP[guide]
    out = {}
    if pattern == 0:  # waiting on the vendor, recent
        for k in range(wait):
            out[ids[k]] = {"status": "done", "done": f"2026-10-{k + 1:02d}"}
        out[ids[wait]] = {"status": "waiting", "since": "2026-11-24", "note": "Request sent to the vendor"}
    elif pattern == 1:  # overdue
        for k in range(wait + 1):
            out[ids[k]] = {"status": "done", "done": f"2026-09-{k * 3 + 1:02d}"}
        out[ids[wait + 1]] = {"status": "waiting", "since": "2026-10-01"}
    elif pattern == 2:  # blocked
        out[ids[0]] = {"status": "done", "done": "2026-11-01"}
        out[ids[1]] = {"status": "blocked", "note": "Waiting for the office name from the clinic"}
    elif pattern == 3:  # not started
        pass
    elif pattern == 4:  # complete
        for k, s in enumerate(ids):
            out[s] = {"status": "done", "done": f"2026-08-{k * 5 + 1:02d}"}
    else:  # in progress
        out[ids[0]] = {"status": "in-progress", "started": "2026-11-20", "note": "Looking for the CDS link in the EMR"}
    return out


def clinics(n):
    """The N clinics, as dicts with the case file's keys (slug added)."""
    for i in range(n):
        rng = random.Random(i)
        guide = list(GUIDES)[i % 3]
        place = rng.choice(PLACES)
        sig = person(rng, i, 0)
        providers = [person(rng, i, k + 1) for k in range(rng.randint(1, 6))]
        c = {
            "slug": f"clinic-{i:05d}",
            "clinic": f"{place} {rng.choice(KINDS)} {i:05d}",
            "guide": guide,
            "office_name": f"{place.upper()} {i:05d}",
            "region": rng.choice(REGIONS),
            "ocean_contact": {"name": "Priya Raman", "title": "Ocean representative", "email": "priya@ocean.example"},
            "signatory": {"name": f"Dr. {sig[0]} {sig[1]}", "title": "Lead physician", "email": sig[2],
                          "phone": f"416-555-{i % 10000:04d}"},
            "providers": [{"name": f"Dr. {f} {l}", "email": e, "role": "physician"} for f, l, e in providers],
            "existing_cds_link": False,
            "notes": notes(rng, i, sig[2]),
            "steps": steps(rng, guide, i),
        }
        yield c


def flow(value):
    """A YAML flow mapping of plain scalars, as people write them: {status: done, done: 2026-10-01}."""
    return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"


def case_file(c):
    lines = [f"clinic: {c['clinic']}", f"guide: {c['guide']}", f"office_name: {c['office_name']}", f"region: {c['region']}",
             f"ocean_contact: {flow(c['ocean_contact'])}", f"signatory: {flow(c['signatory'])}", "providers:"]
    lines += [f"  - {flow(p)}" for p in c["providers"]]
    lines.append(f"existing_cds_link: {'true' if c['existing_cds_link'] else 'false'}")
    lines.append("notes: |")
    lines += [f"  {l}" if l else "" for l in c["notes"].split("\n")]
    lines.append("steps:")
    lines += [f"  {k}: {flow(v)}" for k, v in c["steps"].items()]
    return "\n".join(lines) + "\n"


def main():
    n, dest = int(sys.argv[1]), sys.argv[2]
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(os.path.join(dest, "content", "clinics"))
    shutil.copy(os.path.join(ROOT, "gangway.yml"), dest)
    shutil.copytree(os.path.join(ROOT, "content", "guides"), os.path.join(dest, "content", "guides"))
    if os.path.isdir(os.path.join(ROOT, "content", "pages")):
        shutil.copytree(os.path.join(ROOT, "content", "pages"), os.path.join(dest, "content", "pages"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(dest, "templates"))
    for c in clinics(n):
        with open(os.path.join(dest, "content", "clinics", c["slug"] + ".yml"), "w") as f:
            f.write(case_file(c))


if __name__ == "__main__":
    main()
