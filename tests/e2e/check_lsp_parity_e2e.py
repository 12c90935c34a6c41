#!/usr/bin/env python3
"""The same text and configuration give the same findings in `histlint check` and `histlint lsp`.

usage: check_lsp_parity_e2e.py BINARY

For each workspace (the check fixtures, whose strict/ folder has its own .histlint.json, and a
workspace whose .histlint.json changes severities, turns rules off, sets thresholds, the
document date, the citation scope and reportUnusedDisables), runs `histlint check --format json`
over the folder, opens every checked file in one `histlint lsp` session, and compares each
file's diagnostics: rule, severity, message, range (UTF-16) and related evidence.
Prints one line per workspace and a final "N passed, N failed" line.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsp_e2e  # noqa: E402  (the LSP engineer's client: one LSP client for all e2e tests)

REPO = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(REPO, "tests", "fixtures", "check")
SEVERITY = {"error": 1, "warning": 2, "info": 3, "hint": 4}

# A configuration that exercises every key the server and the CLI must both honour.
TUNED_CONFIG = {
    "rules": {"*": "info", "date/impossible-date": "error", "garble/spam": "off",
              "source": "hint"},
    "thresholds": {"garble/spun-text.threshold": 3},
    "documentDate": "1950-01-01",
    "citationScope": "paragraph",
    "reportUnusedDisables": True,
}


def check_findings(binary, root):
    proc = subprocess.run([binary, "check", "--format", "json", "--fail-on", "none", "."], cwd=root,
                          capture_output=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f"check exited {proc.returncode}: {proc.stderr.decode()[:500]}")
    found = {}
    for file in json.loads(proc.stdout)["files"]:
        found[file["path"]] = sorted(
            (d["rule"], SEVERITY[d["severity"]], d["message"],
             (d["range"]["start"]["line"], d["range"]["start"]["character"],
              d["range"]["end"]["line"], d["range"]["end"]["character"]),
             len(d["related"]))
            for d in file["diagnostics"])
    return found


def server_findings(root, paths):
    client = lsp_e2e.Client(cwd=root)
    found = {}
    try:
        client.initialize(root=root)
        for path in paths:
            uri = "file://" + os.path.join(root, path)
            text = open(os.path.join(root, path), encoding="utf-8").read()
            language = "plaintext" if path.endswith(".txt") else "markdown"
            client.open(uri, text, language=language)
            published = client.diagnostics(uri, 1, timeout=120)
            found[path] = sorted(
                (d["code"], d["severity"], d["message"],
                 (d["range"]["start"]["line"], d["range"]["start"]["character"],
                  d["range"]["end"]["line"], d["range"]["end"]["character"]),
                 len(d.get("relatedInformation", [])))
                for d in published["diagnostics"])
        exit_code = client.stop()
        if exit_code != 0:
            raise AssertionError(f"histlint lsp exited {exit_code}")
    finally:
        client.kill()
    return found


def compare(binary, root):
    expected = check_findings(binary, root)
    actual = server_findings(root, list(expected))
    problems = []
    for path in expected:
        if expected[path] != actual.get(path):
            only_check = [f for f in expected[path] if f not in actual.get(path, [])]
            only_server = [f for f in actual.get(path, []) if f not in expected[path]]
            problems.append(f"{path}: only in check {only_check}; only in the server {only_server}")
    if not any(expected.values()):
        problems.append("no findings at all: the comparison proves nothing")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    lsp_e2e.BINARY = binary
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        tuned = os.path.join(tmp, "tuned")
        shutil.copytree(FIXTURES, tuned)
        with open(os.path.join(tuned, ".histlint.json"), "w") as f:
            json.dump(TUNED_CONFIG, f)
        for name, root in (("fixtures", FIXTURES), ("tuned-config", tuned)):
            try:
                problems = compare(binary, root)
            except (AssertionError, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
                problems = [f"{type(e).__name__}: {e}"]
            if problems:
                failed += 1
                print(f"FAIL {name}:")
                for problem in problems:
                    print(f"    {problem[:2000]}")
            else:
                passed += 1
                print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
