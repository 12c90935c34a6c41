#!/usr/bin/env python3
"""Writes a synthetic Wikidata JSON dump (one entity per line, inside [ ], gzip-compressed) for
the knowledge-base benchmarks: `histlint kb import-wikidata` throughput and peak memory, then the
binary base's load, lookup and hover times (bench/kb_bench.cpp).

Entities follow the shape of the real dump (labels/descriptions/aliases per language, claims
with mainsnak/datavalue/qualifiers/rank, sitelinks). Names are made of invented syllables, so no
real data is copied. Edge cases are mixed in at fixed rates: date precision 7-11, BCE dates,
Julian calendar model, labels missing or only in another language, several birth dates with
preferred/normal/deprecated ranks, deprecated statements, years of +-1e9, a 1 MB name and a
person with 100,000 aliases.

Usage: kb_dump_gen.py OUT.json.gz [ENTITIES]   (default 1,000,000; about 9 in 10 are people)
"""
import gzip
import json
import random
import sys

GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
JULIAN = "http://www.wikidata.org/entity/Q1985786"
SYLLABLES = ["ka", "ro", "mi", "tan", "vel", "sho", "dra", "lu", "ben", "ith", "or", "zam",
             "pe", "gol", "fri", "ast", "nu", "wer", "chi", "lor", "bra", "sed", "vin", "ko"]
PLACES = 2000
OCCUPATIONS = 300
OFFICES = 500
FIRST_PLACE = 10_000_000  # item numbers of the referenced items
FIRST_OCCUPATION = FIRST_PLACE + PLACES
FIRST_OFFICE = FIRST_OCCUPATION + OCCUPATIONS


def word(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def item_snak(prop, qid):
    return {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
            "datavalue": {"value": {"entity-type": "item", "numeric-id": qid, "id": f"Q{qid}"},
                          "type": "wikibase-entityid"}}


def time_snak(prop, year, month, day, precision, calendar=GREGORIAN):
    sign = "-" if year < 0 else "+"
    return {"snaktype": "value", "property": prop, "datatype": "time",
            "datavalue": {"value": {"time": f"{sign}{abs(year):04d}-{month:02d}-{day:02d}T00:00:00Z",
                                    "timezone": 0, "before": 0, "after": 0,
                                    "precision": precision, "calendarmodel": calendar},
                          "type": "time"}}


def statement(snak, rank="normal", qualifiers=None):
    out = {"mainsnak": snak, "type": "statement", "id": f"S{random.getrandbits(40):x}",
           "rank": rank}
    if qualifiers:
        out["qualifiers"] = qualifiers
    return out


def labels(values):
    return {lang: {"language": lang, "value": v} for lang, v in values.items()}


def referenced_item(qid, label):
    return {"type": "item", "id": f"Q{qid}", "labels": labels({"en": label}), "descriptions": {},
            "aliases": {}, "claims": {}, "sitelinks": {}}


def person(rng, qid, n):
    given, family = word(rng, rng.randint(1, 3)), word(rng, rng.randint(2, 3))
    name = f"{given} {family}"
    kind = n % 100
    label_values = {"en": name, "de": name, "ru": name.lower()}
    if kind == 1:
        label_values = {"fr": name}  # no English label: another language's is used
    elif kind == 2:
        label_values = {}  # no label at all: skipped
    elif n == 7:
        label_values = {"en": "Ka" * 500_000}  # a 1 MB name
    aliases = {"en": [{"language": "en", "value": f"{given[0]}. {family}"}]}
    if n == 11:
        aliases = {"en": [{"language": "en", "value": f"{word(rng, 2)} {i}"} for i in range(100_000)]}
    year = rng.randint(1500, 1990)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    precision = [11, 11, 11, 10, 9, 8, 7][n % 7]
    calendar = JULIAN if year < 1700 and n % 3 == 0 else GREGORIAN
    if kind == 3:
        year = -rng.randint(1, 500)  # BCE
        calendar = JULIAN
    births = [statement(time_snak("P569", year, month if precision >= 10 else 0,
                                  day if precision >= 11 else 0, precision, calendar),
                        "preferred" if kind == 4 else "normal")]
    if kind == 4:  # ranked alternatives: the preferred one must win
        births.append(statement(time_snak("P569", year + 1, 1, 1, 11)))
        births.append(statement(time_snak("P569", year - 1, 1, 1, 11), "deprecated"))
    if kind == 5:  # a year no life has
        births = [statement(time_snak("P569", 1_000_000_000, 1, 1, 9)),
                  statement(time_snak("P569", -1_000_000_000, 1, 1, 9))]
    claims = {
        "P31": [statement(item_snak("P31", 5))],
        "P21": [statement(item_snak("P21", 6581097 if n % 2 else 6581072))],
        "P569": births,
        "P19": [statement(item_snak("P19", FIRST_PLACE + rng.randrange(PLACES)))],
        "P106": [statement(item_snak("P106", FIRST_OCCUPATION + rng.randrange(OCCUPATIONS)))
                 for _ in range(rng.randint(1, 3))],
    }
    if kind != 6:
        death = year + rng.randint(20, 90)
        claims["P570"] = [statement(time_snak("P570", death, month, day, 11, calendar))]
        claims["P20"] = [statement(item_snak("P20", FIRST_PLACE + rng.randrange(PLACES)))]
    if kind == 7:  # a deprecated death date only: the person is treated as living
        claims["P570"] = [statement(time_snak("P570", year + 50, 1, 1, 11), "deprecated")]
    if n % 5 == 0:
        start = year + 30
        claims["P39"] = [statement(
            item_snak("P39", FIRST_OFFICE + rng.randrange(OFFICES)),
            qualifiers={"P580": [time_snak("P580", start, 1, 1, 9)],
                        "P582": [time_snak("P582", start + rng.randint(1, 10), 1, 1, 9)]})]
    sitelinks = {}
    if n % 4 == 0:
        sitelinks["enwiki"] = {"site": "enwiki", "title": name, "badges": []}
    return {"type": "item", "id": f"Q{qid}", "labels": labels(label_values),
            "descriptions": labels({"en": f"invented person number {n}"}),
            "aliases": aliases, "claims": claims, "sitelinks": sitelinks}


def main():
    out_path = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(15)
    random.seed(15)
    with gzip.open(out_path, "wt", compresslevel=1, encoding="utf-8") as out:
        out.write("[\n")
        written = 0
        pending = None  # the previous line: every entity line but the last ends with a comma

        def emit(entity):
            nonlocal written, pending
            if pending is not None:
                out.write(pending + ",\n")
            pending = json.dumps(entity, ensure_ascii=False, separators=(",", ":"))
            written += 1

        for i in range(PLACES):
            emit(referenced_item(FIRST_PLACE + i, f"{word(rng, 2)}grad"))
        for i in range(OCCUPATIONS):
            emit(referenced_item(FIRST_OCCUPATION + i, f"{word(rng, 2).lower()}smith"))
        for i in range(OFFICES):
            emit(referenced_item(FIRST_OFFICE + i, f"Minister of {word(rng, 2)}"))
        n = 0
        while written < total:
            if n % 10 == 9:  # a non-human item
                emit({"type": "item", "id": f"Q{20_000_000 + n}", "labels": labels({"en": word(rng, 3)}),
                      "claims": {"P31": [statement(item_snak("P31", 515))]}, "sitelinks": {}})
            else:
                emit(person(rng, 30_000_000 + n, n))
            n += 1
        out.write(pending + "\n]\n")
    print(f"wrote {out_path}: {written} entities", file=sys.stderr)


if __name__ == "__main__":
    main()
