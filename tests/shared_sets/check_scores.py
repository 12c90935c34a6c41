#!/usr/bin/env python3
"""Holds the figures reached on the shared sets: runs each scorer of ../shared/benchmarks and
../shared/realtext and fails when a figure falls below the minimum in minimums.json (or, for
"max_" entries, rises above it). Skips when ../shared is not here.

usage: check_scores.py BIN [--print]   (--print shows the figures without judging them)
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
BENCH = os.path.join(SHARED, "benchmarks")
REALTEXT = os.path.join(SHARED, "realtext")


def run(args):
    out = subprocess.run([sys.executable] + args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"scorer failed: {' '.join(args)}\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
    return out.stdout


def summary(text):
    lines = [l for l in text.splitlines() if l.startswith("SUMMARY")]
    if not lines:
        sys.exit("scorer printed no SUMMARY line")
    return lines[-1]


def number(pattern, line):
    m = re.search(pattern, line)
    if not m:
        sys.exit(f"no {pattern!r} in: {line}")
    return float(m.group(1))


def figures(binary):
    bin_args = ["--bin", binary]
    out = {}
    line = summary(run([os.path.join(BENCH, "score_timex.py"), os.path.join(BENCH, "timex", "timebank"),
                        "--via", "extract"] + bin_args))
    out["timex.relaxed_f1"] = number(r"relaxed P=\S+ R=\S+ F1=([\d.]+)", line)
    out["timex.strict_f1"] = number(r"strict P=\S+ R=\S+ F1=([\d.]+)", line)
    out["timex.value_accuracy"] = number(r"value-accuracy=([\d.]+)", line)
    line = summary(run([os.path.join(BENCH, "score_ocr.py"), os.path.join(BENCH, "ocr", "icdar2017-eng")]
                       + bin_args))
    out["ocr.precision"] = number(r"pooled P=([\d.]+)", line)
    out["ocr.f"] = number(r"pooled P=\S+ R=\S+ F=([\d.]+)", line)
    out["ocr.gold_clean"] = number(r"gold-clean=([\d.]+)", line)
    for unit in ("sentence", "statement"):
        line = summary(run([os.path.join(BENCH, "score_citation.py"),
                            os.path.join(BENCH, "citation", "dev.tsv"), "--unit", unit] + bin_args))
        out[f"citation.{unit}.precision"] = number(r"precision=([\d.]+)", line)
        out[f"citation.{unit}.f1"] = number(r"F1=([\d.]+)", line)
    for family in ("date", "source", "garble"):
        text = run([os.path.join(REALTEXT, "score.py"), "--bin", binary, family])
        line = text.strip().splitlines()[-1]
        out[f"realtext.{family}.max_false_still_flagged"] = number(r"\((\d+) false still flagged", line)
        out[f"realtext.{family}.max_new_unjudged"] = number(r"(\d+) new unjudged", line)
        out[f"realtext.{family}.misses_caught"] = number(r"misses caught (\d+)/", line)
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if not os.path.isdir(BENCH) or not os.path.isdir(REALTEXT):
        print("SKIP shared scores: ../shared is not here")
        return
    got = figures(os.path.abspath(sys.argv[1]))
    if "--print" in sys.argv[2:]:
        print(json.dumps(got, indent=2))
        return
    with open(os.path.join(HERE, "minimums.json")) as f:
        limits = json.load(f)
    failed = 0
    for key, limit in sorted(limits.items()):
        value = got[key]
        ceiling = key.split(".")[-1].startswith("max_")
        ok = value <= limit if ceiling else value >= limit
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {key} = {value:g} ({'at most' if ceiling else 'at least'} {limit:g})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
