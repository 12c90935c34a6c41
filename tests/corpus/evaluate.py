#!/usr/bin/env python3
"""Precision and recall of histlint on a labelled corpus.

usage: evaluate.py LABELS.json DOCS_DIR --bin PATH [--family F] [--min-precision P]
                   [--min-recall R] [--verbose]

LABELS uses the schema of shared/acceptance/seeds-labels.json ("doc", "family", "expect",
"text" as a string, a list of strings or null for the whole document) plus an optional "rule"
naming the exact rule id expected. Per family and per rule it reports:
  recall    = flag labels hit by a finding of that family (and rule, when given) / flag labels
  precision = findings that overlap some flag label of their family / all findings
Findings on clean labels are listed as false alarms. Exits 1 when a minimum is not met.
"""
import argparse, json, os, subprocess, sys
from collections import defaultdict


def spans_of(raw, label):
    texts = label["text"] if isinstance(label["text"], list) else [label["text"]]
    spans = []
    for t in texts:
        if t is None:
            spans.append((0, len(raw)))
            continue
        b = t.encode("utf-8")
        i = raw.find(b)
        if i < 0:
            raise SystemExit(f"label text not found in {label['doc']}: {t!r}")
        spans.append((i, i + len(b)))
    return spans


def overlaps(d, spans):
    return any(d["offset"] < e and d["offset"] + max(d.get("length", 0), 1) > s for s, e in spans)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("docs")
    ap.add_argument("--bin", required=True)
    ap.add_argument("--family")
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    labels = json.load(open(args.labels, encoding="utf-8"))
    if args.family:
        labels = [l for l in labels if l["family"] == args.family]
    names = sorted({l["doc"] for l in labels})
    run = subprocess.run([args.bin, "check", "--format", "json"] +
                         [os.path.join(args.docs, n) for n in names], capture_output=True,
                         timeout=300)
    if run.returncode not in (0, 1):
        print(f"histlint check exited {run.returncode}: {run.stderr.decode(errors='replace')[:400]}")
        return 1
    report = json.loads(run.stdout)
    findings = {os.path.basename(f["path"]): f["diagnostics"] for f in report["files"]}
    raws = {n: open(os.path.join(args.docs, n), "rb").read() for n in names}

    families = sorted({l["family"] for l in labels})
    flagged = defaultdict(lambda: [0, 0])   # family or rule -> [hit, total]
    matched = defaultdict(lambda: [0, 0])   # family or rule -> [true findings, all findings]
    problems = []
    for fam in families:
        fam_labels = [l for l in labels if l["family"] == fam]
        for l in fam_labels:
            spans = spans_of(raws[l["doc"]], l)
            ds = [d for d in findings.get(l["doc"], []) if d["rule"].split("/")[0] == fam
                  and (l.get("rule") is None or d["rule"] == l["rule"]) and overlaps(d, spans)]
            if l["expect"] == "flag":
                for key in {fam, l.get("rule") or fam}:
                    flagged[key][1] += 1
                    flagged[key][0] += bool(ds)
                if not ds:
                    problems.append(f"  missed: {l['doc']} {l.get('rule') or fam}: {str(l['text'])[:70]!r}")
            elif ds:
                problems.append(f"  false alarm on clean text: {l['doc']} {ds[0]['rule']}: "
                                f"{ds[0]['message'][:90]}")
        for doc in sorted({l["doc"] for l in fam_labels}):
            flag_spans = [s for l in fam_labels if l["doc"] == doc and l["expect"] == "flag"
                          for s in spans_of(raws[doc], l)]
            for d in findings.get(doc, []):
                if d["rule"].split("/")[0] != fam:
                    continue
                ok = overlaps(d, flag_spans)
                for key in {fam, d["rule"]}:
                    matched[key][1] += 1
                    matched[key][0] += ok
                if not ok:
                    text = raws[doc][d["offset"]:d["offset"] + d["length"]].decode(errors="replace")
                    problems.append(f"  unlabelled finding: {doc} {d['rule']}: {text[:60]!r}")

    failed = False
    for key in sorted(set(flagged) | set(matched)):
        hit, total = flagged[key]
        good, found = matched[key]
        recall = hit / total if total else 1.0
        precision = good / found if found else 1.0
        print(f"{key:32s} recall {hit}/{total} = {recall:.2f}   precision {good}/{found} = "
              f"{precision:.2f}")
        if "/" not in key and (recall < args.min_recall or precision < args.min_precision):
            failed = True
    if args.verbose or failed:
        print("\n".join(problems))
    print(f"{'FAILED' if failed else 'ok'}: minimum precision {args.min_precision}, "
          f"minimum recall {args.min_recall}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
