#!/usr/bin/env python3
"""Parity of findings: `histlint check --format json` over the corpora, the examples and (when
../shared is here) the seeds and the real texts, compared with the findings recorded in tests/parity/golden/.

A restructuring must not change findings; a fix that does records the new findings with
--update and names the difference in its commit. Only rule, severity, span and a hash of the
message are recorded, so no text of the shared sets is copied into the project.

usage: parity.py BIN [--update]
"""
import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "tests", "parity", "golden")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def targets():
    corpus = os.path.join(ROOT, "tests", "corpus")
    for family in sorted(os.listdir(corpus)):
        if os.path.isdir(os.path.join(corpus, family)):
            yield "corpus-" + family, os.path.join("tests", "corpus", family)
    yield "examples", "examples"
    if os.path.isdir(os.path.join(SHARED, "seeds")):
        yield "seeds", os.path.join(SHARED, "seeds")
    realtext = os.path.join(SHARED, "realtext")
    if os.path.isdir(realtext):
        for kind in sorted(os.listdir(realtext)):
            if os.path.isdir(os.path.join(realtext, kind)):
                yield "realtext-" + kind, os.path.join(realtext, kind)


def portable(path):
    """A related file's path that is the same in every clone: relative to the repository or to
    the shared folder beside it."""
    if not path:
        return path
    full = os.path.abspath(os.path.join(ROOT, path))
    for base, prefix in ((ROOT, ""), (SHARED, "shared/")):
        if full.startswith(base + os.sep):
            return prefix + os.path.relpath(full, base)
    return os.path.basename(path)


def findings(binary, path):
    run = subprocess.run([binary, "check", "--format", "json", path],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"parity: {binary} check {path} exited {run.returncode}: {run.stderr.strip()}")
    rows = []
    for file in json.loads(run.stdout)["files"]:
        name = os.path.basename(file["path"])
        for d in file["diagnostics"]:
            related = [[portable(r.get("path", "")), r["offset"], r["length"]]
                       for r in d.get("related", [])]
            digest = hashlib.sha1(d["message"].encode()).hexdigest()[:12]
            rows.append([name, d["rule"], d["severity"], d["offset"], d["length"], digest,
                         related])
    return sorted(rows, key=lambda r: json.dumps(r))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, update = os.path.abspath(sys.argv[1]), "--update" in sys.argv[2:]
    os.makedirs(GOLDEN, exist_ok=True)
    changed = 0
    for name, path in targets():
        rows = findings(binary, path)
        golden_path = os.path.join(GOLDEN, name + ".json")
        if update:
            with open(golden_path, "w") as out:
                out.write("[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n")
            print(f"recorded {name}: {len(rows)} findings")
            continue
        if not os.path.exists(golden_path):
            print(f"SKIP {name}: no golden file")
            continue
        with open(golden_path) as f:
            golden = json.load(f)
        gone = [r for r in golden if r not in rows]
        new = [r for r in rows if r not in golden]
        print(f"{name}: {len(rows)} findings, {len(gone)} gone, {len(new)} new")
        for r in gone:
            print("  - " + json.dumps(r))
        for r in new:
            print("  + " + json.dumps(r))
        changed += len(gone) + len(new)
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
