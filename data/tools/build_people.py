#!/usr/bin/env python3
"""Builds data/people.json from the compact source files data/tools/people_*.txt.

Source format (one person per block, blank lines between blocks):

    @id Display Name | sex | birth | death | Wikidata id
    = One-line description in our own words.
    a Alias; Alias; ...            aliases (birth names, pseudonyms, native script, misspellings)
    s Short; Short                 names that stand alone (overrides the derived surname)
    g Given; Given                 given names usable once the person is named (overrides)
    x Shared; Shared               names shared with namesakes ("Henry II"): linked only where
                                   the text settles which holder is meant
    r Title 1917-1918              a role with its years ("1917-", "1917", "1917-1918")
    e 1937-01-09 What happened @ Place
    w Wikipedia title              when it differs from the display name

A date is "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "Gregorian/Julian" gives a Gregorian date with its Old
Style form ("1879-11-07/1879-10-26"); a leading "j" marks a date stated in the Julian calendar
("j1642-12-25"). A place follows " @ ". Empty fields are unknown: leave a field out rather than guess.

Usage: build_people.py [OUT]   (default: data/people.json next to this folder)
"""
import calendar
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ROLE_YEARS = re.compile(r"\s+(\d{4})(?:-(\d{4})?)?$")


def fail(where, message):
    sys.exit(f"{where}: {message}")


def check_date(where, text, julian=False):
    m = DATE.match(text)
    if not m:
        fail(where, f"bad date {text!r}")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        fail(where, f"bad month in {text!r}")
    if day:
        last = calendar.monthrange(year, int(month))[1]
        if julian and int(month) == 2 and year % 4 == 0:
            last = 29
        if not 1 <= int(day) <= last:
            fail(where, f"no such day {text!r}")
    return text


def parse_life(where, field):
    field = field.strip()
    if not field:
        return None
    date_text, _, place = field.partition(" @ ")
    date_text = date_text.strip()
    out = {}
    if date_text.startswith("j"):
        out["date"] = check_date(where, date_text[1:], julian=True)
        out["calendar"] = "julian"
    elif "/" in date_text:
        greg, old = date_text.split("/")
        out["date"] = check_date(where, greg)
        out["julian"] = check_date(where, old, julian=True)
    elif date_text:
        out["date"] = check_date(where, date_text)
    else:
        fail(where, "a place needs a date")
    if place.strip():
        out["place"] = place.strip()
    return out


def year_of(life):
    return int(life["date"][:5].rstrip("-")) if life else None


def parse_block(path, line_no, lines):
    where = f"{path}:{line_no}"
    head = lines[0]
    if not head.startswith("@"):
        fail(where, "a block starts with '@id Name | sex | birth | death | Q-id'")
    parts = [p.strip() for p in head[1:].split("|")]
    while len(parts) < 5:
        parts.append("")
    ident, _, name = parts[0].partition(" ")
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", ident):
        fail(where, f"bad id {ident!r}")
    person = {"id": ident, "name": name.strip()}
    sex = {"m": "male", "f": "female", "": None}.get(parts[1])
    if parts[1] not in ("m", "f", ""):
        fail(where, f"sex must be m or f, not {parts[1]!r}")
    birth = parse_life(where, parts[2])
    death = parse_life(where, parts[3])
    if birth and death and year_of(death) < year_of(birth):
        fail(where, "death before birth")
    qid = parts[4]
    if qid and not re.match(r"^Q\d+$", qid):
        fail(where, f"bad Wikidata id {qid!r}")
    for line in lines[1:]:
        tag, _, rest = line.partition(" ")
        rest = rest.strip()
        if tag == "=":
            person["description"] = rest
        elif tag in ("a", "s", "g", "x"):
            key = {"a": "aliases", "s": "short", "g": "given", "x": "ambiguous"}[tag]
            person.setdefault(key, []).extend(x.strip() for x in rest.split(";") if x.strip())
        elif tag == "r":
            m = ROLE_YEARS.search(rest)
            role = {"title": rest[: m.start()].strip() if m else rest}
            if m:
                role["from"] = m.group(1)
                if m.group(2):
                    role["to"] = m.group(2)
                elif not rest.endswith("-"):
                    role["to"] = m.group(1)
            person.setdefault("roles", []).append(role)
        elif tag == "e":
            date_text, _, what = rest.partition(" ")
            what, _, place = what.partition(" @ ")
            event = {"what": what.strip(), "date": check_date(where, date_text)}
            if place.strip():
                event["place"] = place.strip()
            person.setdefault("events", []).append(event)
        elif tag == "w":
            person["wikipedia"] = rest
        else:
            fail(where, f"unknown line tag {tag!r}")
    if sex:
        person["sex"] = sex
    if birth:
        person["birth"] = birth
    if death:
        person["death"] = death
    if qid:
        person["wikidata"] = qid
    if not person.get("description"):
        fail(where, f"{ident}: a description is required")
    order = ["id", "name", "aliases", "short", "given", "ambiguous", "sex", "birth", "death", "description",
             "roles", "events", "wikidata", "wikipedia"]
    return {k: person[k] for k in order if k in person}


def read_sources():
    people = []
    for path in sorted(glob.glob(os.path.join(HERE, "people_*.txt"))):
        rel = os.path.relpath(path, os.path.dirname(HERE))
        block, start = [], 0
        with open(path, encoding="utf-8") as f:
            for no, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if line.startswith("#"):
                    continue
                if not line.strip():
                    if block:
                        people.append(parse_block(rel, start, block))
                        block = []
                    continue
                if not block:
                    start = no
                block.append(line.strip())
        if block:
            people.append(parse_block(rel, start, block))
    seen = {}
    for p in people:
        if p["id"] in seen:
            sys.exit(f"duplicate id {p['id']}")
        seen[p["id"]] = p
    qids = {}
    for p in people:
        if "wikidata" in p:
            if p["wikidata"] in qids:
                sys.exit(f"duplicate Wikidata id {p['wikidata']} ({p['id']}, {qids[p['wikidata']]})")
            qids[p["wikidata"]] = p["id"]
    return people


def write(people, out):
    # One entry per block of lines, so that go-to-definition lands on a readable entry.
    with open(out, "w", encoding="utf-8") as f:
        f.write('{\n  "$schema": "people.schema.json",\n  "version": 1,\n  "people": [\n')
        for i, p in enumerate(people):
            fields = [f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in p.items()]
            f.write("  {\n" + ",\n".join(fields) + "\n  }" + ("," if i + 1 < len(people) else "") + "\n")
        f.write("  ]\n}\n")


def validate(out):
    # The schema check needs the jsonschema package; the loader in C++ checks the rest anyway.
    try:
        import jsonschema
    except ImportError:
        return
    with open(os.path.join(os.path.dirname(HERE), "people.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(out, encoding="utf-8") as f:
        jsonschema.validate(json.load(f), schema)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(HERE), "people.json")
    people = read_sources()
    write(people, out)
    validate(out)
    print(f"{len(people)} people -> {out}")


if __name__ == "__main__":
    main()
