#!/usr/bin/env python3
"""End-to-end tests of `histlint check`: the real binary on the fixtures in tests/fixtures/check.

usage: check_e2e.py BINARY [--update] [-k SUBSTRING]

Compares every output format with the golden files in tests/e2e/check_golden, checks every exit
code, configuration errors, suppressions, baselines, standard input, unreadable and non-UTF-8
files, a 50 MB single-line file, --jobs ordering, and validates SARIF against the official
SARIF 2.1.0 schema with ajv (installed from npm into tests/e2e/check_sarif/node_modules; the
SARIF validation is skipped, loudly, only when npm cannot be reached).

--update rewrites the golden files from the binary's current output: review the diff by eye
before committing it. -k runs only the cases whose name contains SUBSTRING.
Prints one line per case and a final "N passed, N failed" line; exits 1 when any case failed.
"""
import difflib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(REPO, "tests", "fixtures", "check")
GOLDEN = os.path.join(HERE, "check_golden")
SARIF_TOOL = os.path.join(HERE, "check_sarif")
SARIF_SCHEMA = os.path.join(os.path.dirname(REPO), "shared", "schemas", "sarif-schema-2.1.0.json")

BINARY = None
UPDATE = False
results = {"passed": 0, "failed": 0, "skipped": 0}
CASES = []


class Failure(Exception):
    pass


def case(fn):
    CASES.append(fn)
    return fn


def run(args, cwd=FIXTURES, stdin=b"", timeout=120):
    proc = subprocess.run([BINARY] + args, cwd=cwd, input=stdin, capture_output=True,
                          timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def expect(condition, message):
    if not condition:
        raise Failure(message)


def expect_code(code, expected, err=""):
    expect(code == expected, f"exit code {code}, expected {expected}; stderr: {err.strip()[:500]}")


def golden(name, actual):
    """Compares text with tests/e2e/check_golden/NAME (JSON compared as data)."""
    path = os.path.join(GOLDEN, name)
    if UPDATE:
        os.makedirs(GOLDEN, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(actual)
        return
    expect(os.path.exists(path), f"missing golden file {path}; run with --update")
    with open(path, encoding="utf-8", newline="") as f:
        expected = f.read()
    if name.endswith((".json", ".sarif", ".rdjson")):
        same = json.loads(expected) == json.loads(actual)
    elif name.endswith(".jsonl"):
        same = [json.loads(l) for l in expected.splitlines()] == [json.loads(l) for l in actual.splitlines()]
    else:
        same = expected == actual
    if not same:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "golden/" + name, "actual", n=2))
        raise Failure(f"output differs from golden {name}:\n{diff[:4000]}")


def expected_walk(root, excluded=(), prefix=""):
    """The files a folder walk checks by default, in the order histlint lists them."""
    paths = []
    for name in sorted(os.listdir(os.path.join(root, prefix))):
        relative = prefix + name
        full = os.path.join(root, relative)
        if os.path.isdir(full):
            if not name.startswith(".") and name != "node_modules" and relative not in excluded:
                paths += expected_walk(root, excluded, relative + "/")
        elif name.endswith((".md", ".markdown", ".txt")):
            paths.append(relative)
    return paths


def findings(report_json):
    return {f["path"]: [(d["rule"], d["severity"]) for d in f["diagnostics"]]
            for f in json.loads(report_json)["files"]}


# --------------------------------------------------------------------------------------------
# Formats against golden files. The fixtures are run from their folder, so paths are relative.

@case
def json_format_on_the_fixture_folder():
    code, out, err = run(["check", "--format", "json", "."])
    expect_code(code, 1, err)
    report = json.loads(out)
    paths = [f["path"] for f in report["files"]]
    expect(paths == expected_walk(FIXTURES, excluded={"strict/drafts"}),
           f"each folder's entries in sorted order, depth first: {paths}")
    expect("clean.md" in paths, "clean.md is listed although it has no findings")
    expect("notes.rst" not in paths, ".rst is not checked by default")
    expect("strict/drafts/draft.md" not in paths, "the strict folder's exclude is honoured")
    expect(".histlint.json" not in paths, "configuration files are not prose")
    golden("all.json", out)


@case
def json_offsets_are_utf8_bytes_and_ranges_utf16():
    code, out, err = run(["check", "--format", "json", "unicode.md"])
    expect_code(code, 1, err)
    raw = open(os.path.join(FIXTURES, "unicode.md"), "rb").read()
    diagnostics = json.loads(out)["files"][0]["diagnostics"]
    expect(diagnostics, "unicode.md has a finding")
    for d in diagnostics:
        flagged = raw[d["offset"]:d["offset"] + d["length"]].decode("utf-8")
        line = raw.split(b"\r\n")[d["range"]["start"]["line"]].decode("utf-8")
        utf16 = line.encode("utf-16-le")
        start = d["range"]["start"]["character"] * 2
        end = d["range"]["end"]["character"] * 2
        expect(utf16[start:end].decode("utf-16-le") == flagged,
               f"range {d['range']} does not cover {flagged!r} in UTF-16 units")
    golden("unicode.json", out)


@case
def text_format():
    code, out, err = run(["check", "dates.md", "plain.txt", "nested", "clean.md"])
    expect_code(code, 1, err)
    for line in out.splitlines():
        parts = line.split(":", 4)
        expect(len(parts) == 5 and parts[1].isdigit() and parts[2].isdigit(),
               f"not path:line:col: severity: message [rule]: {line!r}")
        expect(line.endswith("]"), f"no [rule] at the end: {line!r}")
    expect(err.splitlines()[-1].startswith("Found "), f"summary on stderr: {err[-300:]!r}")
    golden("text.txt", out)


@case
def jsonl_format():
    code, out, err = run(["check", "--format", "jsonl", "dates.md", "clean.md", "unicode.md"])
    expect_code(code, 1, err)
    keys = ["path", "rule", "severity", "message", "offset", "length", "range", "related"]
    for line in out.splitlines():
        expect(list(json.loads(line).keys()) == keys, f"jsonl fields: {line[:200]}")
    golden("dates.jsonl", out)


@case
def github_format():
    code, out, err = run(["check", "--format", "github", "dates.md", "plain.txt", "unicode.md"])
    expect_code(code, 1, err)
    for line in out.splitlines():
        expect(line.startswith(("::error file=", "::warning file=", "::notice file=")), line)
        expect(",line=" in line and ",col=" in line and ",endLine=" in line and ",endColumn=" in line
               and ",title=" in line, line)
    golden("dates.github", out)


@case
def rdjson_format():
    code, out, err = run(["check", "--format", "rdjson", "dates.md", "unicode.md"])
    expect_code(code, 1, err)
    doc = json.loads(out)
    expect(doc["source"]["name"] == "histlint", "rdjson source")
    golden("dates.rdjson", out)


@case
def sarif_format_matches_golden():
    code, out, err = run(["check", "--format", "sarif", "dates.md", "spam.md", "unicode.md"])
    expect_code(code, 1, err)
    doc = json.loads(out)
    run_ = doc["runs"][0]
    expect(run_["columnKind"] == "utf16CodeUnits", "columnKind")
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for result in run_["results"]:
        expect(rules[result["ruleIndex"]] == result["ruleId"], "ruleIndex points at the rule")
        expect(result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%",
               "repo-relative URI")
        expect("histlintText/v1" in result["partialFingerprints"], "partialFingerprints")
    # The catalogue and version change as rules land; the golden file holds the results.
    run_["tool"]["driver"]["rules"] = "(the rule catalogue)"
    run_["tool"]["driver"]["version"] = run_["tool"]["driver"]["semanticVersion"] = "(version)"
    run_["originalUriBaseIds"] = "(the fixture folder)"
    golden("dates.sarif", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def ensure_ajv():
    """Installs ajv into tests/e2e/check_sarif/node_modules; False when npm is unreachable."""
    if os.path.isdir(os.path.join(SARIF_TOOL, "node_modules", "ajv-draft-04")):
        return True
    if not shutil.which("npm") or not shutil.which("node"):
        return False
    proc = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=SARIF_TOOL,
                          capture_output=True, timeout=300)
    return proc.returncode == 0


@case
def sarif_validates_against_the_official_schema():
    if not ensure_ajv():
        print("  SKIPPED LOUDLY: npm could not install ajv; SARIF output NOT validated against the schema")
        return "skip"
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name, args in [("fixtures", ["."]), ("clean", ["clean.md"]),
                           ("problems", ["clean.md", "does-not-exist.md"])]:
            path = os.path.join(tmp, name + ".sarif")
            code, _, err = run(["check", "--format", "sarif", "--output", path] + args)
            expect(code in (0, 1, 2), f"sarif run {name} crashed: {err}")
            files.append(path)
        examples = os.path.join(tmp, "examples.sarif")
        run(["check", "-f", "sarif", "-o", examples, "examples"], cwd=REPO)
        files.append(examples)
        proc = subprocess.run(["node", os.path.join(SARIF_TOOL, "validate.js"), SARIF_SCHEMA] + files,
                              capture_output=True, text=True, timeout=120)
        expect(proc.returncode == 0, f"SARIF does not validate:\n{proc.stdout}{proc.stderr}")
        # The validator itself must be able to fail: a result without a message is invalid.
        broken = json.load(open(files[0]))
        broken["runs"][0]["results"] = [{"ruleId": "x/y"}]
        broken_path = os.path.join(tmp, "broken.sarif")
        json.dump(broken, open(broken_path, "w"))
        proc = subprocess.run(["node", os.path.join(SARIF_TOOL, "validate.js"), SARIF_SCHEMA, broken_path],
                              capture_output=True, text=True, timeout=120)
        expect(proc.returncode == 1, "the validator accepted an invalid SARIF file")


@case
def configuration_schema_accepts_good_and_rejects_bad_files():
    if not ensure_ajv():
        print("  SKIPPED LOUDLY: npm could not install ajv; data/histlint.schema.json NOT validated")
        return "skip"
    schema = os.path.join(REPO, "data", "histlint.schema.json")
    validator = os.path.join(SARIF_TOOL, "validate.js")
    good = [os.path.join(FIXTURES, ".histlint.json"), os.path.join(FIXTURES, "strict", ".histlint.json")]
    proc = subprocess.run(["node", validator, schema] + good, capture_output=True, text=True, timeout=120)
    expect(proc.returncode == 0, f"good configurations rejected:\n{proc.stdout}{proc.stderr}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, config in (("key", {"rulez": {}}), ("severity", {"rules": {"date/*": "loud"}}),
                             ("date", {"documentDate": "1 May 2024"}), ("scope", {"citationScope": "page"})):
            path = os.path.join(tmp, name + ".json")
            json.dump(config, open(path, "w"))
            proc = subprocess.run(["node", validator, schema, path], capture_output=True, text=True, timeout=120)
            expect(proc.returncode == 1, f"the schema accepts a bad {name}: {config}")
            code, _, err = run(["check", "--config", path, "clean.md"])
            expect_code(code, 2, err)  # and so does histlint itself refuse it


@case
def sarif_fingerprints_survive_unrelated_edits():
    with tempfile.TemporaryDirectory() as tmp:
        original = open(os.path.join(FIXTURES, "dates.md"), encoding="utf-8").read()
        path = os.path.join(tmp, "doc.md")
        open(path, "w", encoding="utf-8").write(original)
        _, before, _ = run(["check", "-f", "sarif", "doc.md"], cwd=tmp)
        open(path, "w", encoding="utf-8").write("# New title\n\nAn added paragraph.\n\n" + original)
        _, after, _ = run(["check", "-f", "sarif", "doc.md"], cwd=tmp)
        prints = lambda out: [r["partialFingerprints"] for r in json.loads(out)["runs"][0]["results"]]
        lines = lambda out: [r["locations"][0]["physicalLocation"]["region"]["startLine"]
                             for r in json.loads(out)["runs"][0]["results"]]
        expect(prints(before) and prints(before) == prints(after), "fingerprints changed with an unrelated edit")
        expect(lines(before) != lines(after), "the edit did move the findings")


# --------------------------------------------------------------------------------------------
# Exit codes.

@case
def exit_0_for_a_clean_file():
    code, out, err = run(["check", "--format", "json", "clean.md"])
    expect_code(code, 0, err)
    expect(json.loads(out) == {"version": 1, "files": [{"path": "clean.md", "diagnostics": []}]}, out)


@case
def exit_1_for_findings_and_fail_on():
    code, _, err = run(["check", "spam.md"])
    expect_code(code, 1, err)
    code, _, err = run(["check", "--fail-on", "error", "spam.md"])  # warnings only
    expect_code(code, 0, err)
    code, _, err = run(["check", "--fail-on", "error", "strict/essay.md"])  # date/* raised to error
    expect_code(code, 1, err)
    code, _, err = run(["check", "--fail-on", "none", "dates.md"])
    expect_code(code, 0, err)


@case
def extract_prints_timex_values_with_utf8_byte_offsets():
    with tempfile.TemporaryDirectory() as tmp:
        text = "Zoë arrived on 2 July 1923. The next day she left; yesterday it rained.\n"
        path = os.path.join(tmp, "note.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        code, out, err = run(["extract", "--format", "json", "--document-date", "1990-03-01", path])
        expect_code(code, 0, err)
        report = json.loads(out)
        expect(report["version"] == 1 and len(report["files"]) == 1, f"one file: {out[:300]}")
        data = text.encode("utf-8")
        got = [(data[d["offset"]:d["offset"] + d["length"]].decode("utf-8"), d["value"])
               for d in report["files"][0]["dates"]]
        want = [("2 July 1923", "1923-07-02"), ("The next day", "1923-07-03"),
                ("yesterday", "1990-02-28")]
        expect(got == want, f"dates {got}, expected {want}")
        expect(isinstance(report["files"][0]["people"], list), "a people list")


@case
def exit_2_for_usage_errors():
    for args in (["check", "--format", "yaml", "."], ["check", "--no-such-option"], ["check", "--jobs"],
                 ["frobnicate"], ["explain", "date/no-such-rule"], ["explain"], []):
        code, out, err = run(args)
        expect_code(code, 2, err)
        expect(err.strip(), f"{args}: an error message on stderr")


@case
def exit_2_for_a_missing_path_while_other_files_are_reported():
    code, out, err = run(["check", "--format", "json", "dates.md", "no-such-file.md", "clean.md"])
    expect_code(code, 2, err)
    expect("no-such-file.md: no such file or folder" in err, err)
    expect([f["path"] for f in json.loads(out)["files"]] == ["dates.md", "clean.md"], out)


@case
def exit_2_for_an_unreadable_file():
    with tempfile.TemporaryDirectory() as tmp:
        if os.geteuid() != 0:
            path = os.path.join(tmp, "locked.md")
            open(path, "w").write("Text.\n")
            os.chmod(path, 0)
        else:  # root reads any file; the kernel refuses reads of this one at offset 0
            path = "/proc/self/mem"
        good = os.path.join(FIXTURES, "clean.md")
        code, out, err = run(["check", "--format", "json", path, good])
        expect_code(code, 2, err)
        expect(f"{path}: cannot read" in err, err)
        expect([f["path"] for f in json.loads(out)["files"]] == [good], out)


@case
def exit_2_for_non_utf8_and_binary_files():
    with tempfile.TemporaryDirectory() as tmp:
        open(os.path.join(tmp, "latin1.md"), "wb").write("Caf\xe9 in 31 June 1920.\n".encode("latin-1"))
        open(os.path.join(tmp, "image.md"), "wb").write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        open(os.path.join(tmp, "good.md"), "wb").write(b"Dated 31 June 1920.\n")
        code, out, err = run(["check", "--format", "json", "."], cwd=tmp)
        expect_code(code, 2, err)
        expect("latin1.md: not UTF-8 text (invalid byte 0xE9 at line 1, byte 4" in err, err)
        expect("image.md: not UTF-8 text" in err or "image.md: not text" in err, err)
        report = json.loads(out)
        expect([f["path"] for f in report["files"]] == ["good.md"], out)
        expect(report["files"][0]["diagnostics"], "the good file is still checked")


@case
def exit_2_for_a_broken_configuration_naming_file_and_line():
    with tempfile.TemporaryDirectory() as tmp:
        open(os.path.join(tmp, ".histlint.json"), "w").write('{\n  "rules": {\n    "date/*": "loud"\n  }\n}\n')
        open(os.path.join(tmp, "a.md"), "w").write("Text.\n")
        code, out, err = run(["check", "a.md"], cwd=tmp)
        expect_code(code, 2, err)
        expect(".histlint.json:3:15: error: the setting for \"date/*\" must be" in err, err)
        code, out, err = run(["config", "--print", "a.md"], cwd=tmp)
        expect_code(code, 2, err)
        expect(".histlint.json:3:15: error:" in err, err)


@case
def exit_2_for_numbers_out_of_range_and_deep_nesting_in_configuration_and_people_files():
    # These aborted (uncaught out_of_range) or overflowed the stack.
    deep = "[" * 20000 + "]" * 20000
    cases = [  # (people.json or None, .histlint.json, expected error)
        (None, '{"thresholds": {"x": 1e400}}',
         ".histlint.json:1:22: error: invalid JSON: number out of range at /thresholds/x: 1e400"),
        (None, '{"include": ' + deep + '}',
         ".histlint.json:1:524: error: invalid JSON: nested deeper than 512 levels"),
        ('{"people": [{"id": "a", "born": 1e400}]}', '{"knowledgeBase": ["people.json"]}',
         "people.json:1: number out of range at /people/0/born: 1e400"),
    ]
    for people, config, message in cases:
        with tempfile.TemporaryDirectory() as tmp:
            if people is not None:
                open(os.path.join(tmp, "people.json"), "w").write(people)
            open(os.path.join(tmp, ".histlint.json"), "w").write(config)
            open(os.path.join(tmp, "a.md"), "w").write("Text.\n")
            code, out, err = run(["check", "a.md"], cwd=tmp)
            expect_code(code, 2, err)
            expect(message in err, err)


# --------------------------------------------------------------------------------------------
# Inputs.

@case
def standard_input():
    text = open(os.path.join(FIXTURES, "dates.md"), "rb").read()
    code, out, err = run(["check", "--format", "json", "-"], stdin=text)
    expect_code(code, 1, err)
    from_file = json.loads(run(["check", "--format", "json", "dates.md"])[1])["files"][0]["diagnostics"]
    report = json.loads(out)
    expect(report["files"][0]["path"] == "<stdin>", out[:200])
    expect(report["files"][0]["diagnostics"] == [dict(d, related=[dict(r, path="<stdin>") for r in d["related"]])
                                                 for d in from_file], "stdin gives the file's findings")
    code, out, err = run(["check", "--format", "json", "--stdin-filename", "strict/essay.md", "-"],
                         stdin=open(os.path.join(FIXTURES, "strict", "essay.md"), "rb").read())
    expect(findings(out) == findings(run(["check", "--format", "json", "strict/essay.md"])[1]),
           "--stdin-filename selects the configuration")
    code, out, err = run(["check", "-"], stdin=bytes(range(256)) * 64)
    expect_code(code, 2, err)
    expect("<stdin>: not UTF-8 text" in err, err)


@case
def a_50_mb_single_line_file():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "huge.md")
        sentence = b"In 1905 the printers of St. Petersburg struck for a shorter day and were fined. "
        with open(path, "wb") as f:
            f.write(sentence * (50 * 1024 * 1024 // len(sentence)))
            f.write(b"The last letter is dated 31 June 1920.")
        size = os.path.getsize(path)
        start = time.monotonic()
        code, out, err = run(["check", "--format", "json", path], timeout=600)
        elapsed = time.monotonic() - start
        expect(code in (0, 1), f"exit {code}: {err[:300]}")
        report = json.loads(out)
        expect(report["files"][0]["path"] == path, "the file is listed")
        print(f"  {size / 1e6:.0f} MB single line checked in {elapsed:.1f} s "
              f"({size / 1e6 / elapsed:.1f} MB/s), {len(report['files'][0]['diagnostics'])} findings")


@case
def parallel_jobs_keep_a_stable_order():
    outputs = {run(["check", "--format", "json", "--jobs", str(j), "."])[1] for j in (1, 2, 4, 16)}
    expect(len(outputs) == 1, "output differs between --jobs values")


@case
def folders_walk_recursively_in_sorted_order():
    code, out, err = run(["check", "--format", "json", "."])
    paths = [f["path"] for f in json.loads(out)["files"]]
    expect("nested/chapter.markdown" in paths, "nested .markdown file found")
    expect(len(paths) == len(set(paths)), "no file twice")
    code, out2, err = run(["check", "--format", "json", ".", "dates.md", "./dates.md"])
    expect([f["path"] for f in json.loads(out2)["files"]] == paths, "a file named twice is checked once")


@case
def one_event_dated_differently_in_two_files():
    with tempfile.TemporaryDirectory() as root:
        files = {"chapter-1.md": "# One\n\nTrotsky was expelled from the party in 1927.\n",
                 "chapter-2.md": "# Two\n\nIn 1929 Trotsky was expelled from the party.\n",
                 "notes.md": "# Notes\n\nLenin reached Petrograd in April 1917.\n"}
        for name, text in files.items():
            with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                f.write(text)
        code, out, err = run(["check", "--format", "json", "--jobs", "2", "."], cwd=root)
        expect_code(code, 1, err)
        report = {f["path"]: f["diagnostics"] for f in json.loads(out)["files"]}
        expect(report["notes.md"] == [], f"notes.md clean: {report['notes.md']}")
        for name, other, year in (("chapter-1.md", "chapter-2.md", "1929"),
                                  ("chapter-2.md", "chapter-1.md", "1927")):
            found = [d for d in report[name] if d["rule"] == "date/conflicting-dates"]
            expect(len(found) == 1, f"{name}: one conflicting-dates finding, got {report[name]}")
            expect(f"but {other} dates it to {year}." in found[0]["message"], found[0]["message"])
            related = found[0]["related"][0]
            flagged = files[other].encode()[related["offset"]:related["offset"] + related["length"]]
            expect(related["path"] == other and year.encode() in flagged, f"related {related}")
        # Checked on its own, a file has nothing to contradict.
        code, out, err = run(["check", "--format", "json", "chapter-1.md"], cwd=root)
        expect_code(code, 0, err)
        # Independent texts, by the configuration: compared with nothing.
        with open(os.path.join(root, ".histlint.json"), "w") as f:
            json.dump({"thresholds": {"date/conflicting-dates.across-documents": 0}}, f)
        code, out, err = run(["check", "--format", "json", "."], cwd=root)
        expect_code(code, 0, err)
        # The server finds the same when both files are open (tests/e2e/lsp_e2e.py).


@case
def check_with_the_claims_of_other_files_matches_one_run():
    with tempfile.TemporaryDirectory() as root:
        files = {"a.md": "# A\n\nTrotsky was expelled from the party in 1927.\n",
                 "b.md": "# B\n\nIn 1929 Trotsky was expelled from the party.\n",
                 "c.md": "# C\n\nLenin reached Petrograd in April 1917.\n"}
        for name, text in files.items():
            with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                f.write(text)
        code, together, err = run(["check", "--format", "jsonl", "a.md", "b.md", "c.md"], cwd=root)
        expect_code(code, 1, err)
        code, claims, err = run(["claims", "--format", "jsonl", "b.md", "c.md"], cwd=root)
        expect_code(code, 0, err)
        lines = [json.loads(line) for line in claims.splitlines()]
        expect([c["path"] for c in lines] == ["b.md", "c.md"], f"one claim per file: {lines}")
        expect(lines[0]["date"]["text"] == "1929" and lines[0]["date"]["precision"] == "year", lines[0])
        with open(os.path.join(root, "claims.jsonl"), "w", encoding="utf-8") as f:
            f.write(claims)
        code, reduced, err = run(["check", "--format", "jsonl", "--claims", "claims.jsonl", "a.md"], cwd=root)
        expect_code(code, 1, err)
        of_a = [line for line in together.splitlines() if json.loads(line)["path"] == "a.md"]
        expect(len(of_a) == 1 and reduced.splitlines() == of_a, f"{reduced!r} != {of_a!r}")


# --------------------------------------------------------------------------------------------
# Configuration, suppressions, baselines.

@case
def folder_configuration_applies():
    code, out, err = run(["check", "--format", "json", "strict"])
    expect_code(code, 1, err)
    found = findings(out)
    expect(list(found) == ["strict/essay.md"], f"drafts excluded: {list(found)}")
    rules = found["strict/essay.md"]
    expect(all(sev == "error" for rule, sev in rules if rule.startswith("date/")), rules)
    expect(not any(rule == "date/reversed-range" for rule, _ in rules), "date/reversed-range is off")
    expect(not any(rule.startswith("garble/") for rule, _ in rules), "garble is off")
    golden("strict.json", out)


@case
def explicit_config_overrides_discovery():
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "quiet.json")
        open(config, "w").write('{"rules": {"*": "off"}}')
        code, out, err = run(["check", "--format", "json", "--config", config, "dates.md"])
        expect_code(code, 0, err)
        expect(findings(out) == {"dates.md": []}, out)


@case
def config_print_shows_the_effective_configuration():
    code, out, err = run(["config", "--print", "strict/essay.md"])
    expect_code(code, 0, err)
    config = json.loads(out)
    expect(config["configFile"] == os.path.join(FIXTURES, "strict", ".histlint.json"), out)
    expect(config["rules"] == {"date/*": "error", "date/reversed-range": "off", "garble": "off"}, out)
    expect(config["effectiveRules"].get("date/reversed-range") == "off", out)
    expect(all(v == "off" for k, v in config["effectiveRules"].items() if k.startswith("garble/")), out)
    config["configFile"] = config["root"] = "(fixtures)"
    golden("config-print.json", json.dumps(config, indent=2) + "\n")


@case
def suppressions_and_unused_disables():
    code, out, err = run(["check", "--format", "json", "suppressed.md"])
    expect_code(code, 1, err)
    plain = json.loads(out)["files"][0]["diagnostics"]
    expect([d["range"]["start"]["line"] for d in plain] == [9], f"only line 10 is reported: {plain}")
    code, out, err = run(["check", "--format", "json", "--report-unused-disables", "suppressed.md"])
    with_unused = json.loads(out)["files"][0]["diagnostics"]
    unused = [d for d in with_unused if d["rule"] == "histlint/unused-disable"]
    expect([d["range"]["start"]["line"] for d in unused] == [11], f"the spam suppression is unused: {unused}")
    golden("suppressed.json", out)


@case
def baseline_reports_only_new_findings():
    with tempfile.TemporaryDirectory() as tmp:
        doc = os.path.join(tmp, "doc.md")
        shutil.copy(os.path.join(FIXTURES, "dates.md"), doc)
        baseline = os.path.join(tmp, "baseline.json")
        code, out, err = run(["check", "--write-baseline", baseline, "doc.md"], cwd=tmp)
        expect_code(code, 0, err)
        entries = json.load(open(baseline))["findings"]
        expect(entries and all(e["path"] == "doc.md" for e in entries), entries)
        code, out, err = run(["check", "--baseline", baseline, "doc.md"], cwd=tmp)
        expect_code(code, 0, err)
        expect(out == "", out)
        expect(f"{len(entries)} more in the baseline" in err, err)
        with open(doc, "a", encoding="utf-8") as f:
            f.write("\nA new error crept in: 31 April 1930.\n")
        code, out, err = run(["check", "--format", "json", "--baseline", baseline, "doc.md"], cwd=tmp)
        expect_code(code, 1, err)
        new = json.loads(out)["files"][0]["diagnostics"]
        flagged = open(doc, "rb").read()[new[0]["offset"]:][:new[0]["length"]] if new else b""
        expect(len(new) == 1 and b"31 April 1930" in flagged, new)
        code, out, err = run(["check", "--baseline", os.path.join(tmp, "missing.json"), "doc.md"], cwd=tmp)
        expect_code(code, 2, err)


# --------------------------------------------------------------------------------------------
# The other subcommands.

@case
def version_help_rules_explain():
    code, out, err = run(["--version"])
    expect_code(code, 0, err)
    expect(out.startswith("histlint ") and out.strip().split()[-1][0].isdigit(), out)
    code, out, err = run(["--help"])
    expect_code(code, 0, err)
    for command in ("check", "lsp", "rules", "explain", "config"):
        expect(f"histlint {command}" in out, f"--help mentions {command}")
    code, out, err = run(["check", "--help"])
    expect_code(code, 0, err)
    expect("--format" in out and "Exit status" in out, out)
    code, out, err = run(["rules"])
    expect_code(code, 0, err)
    ids = [line.split()[0] for line in out.splitlines()]
    expect("date/impossible-date" in ids and "date/reversed-range" in ids, f"rules lists: {ids}")
    code, listed, err = run(["rules", "--format", "json"])
    expect([r["id"] for r in json.loads(listed)] == ids, "json and text list the same rules")
    code, out, err = run(["explain", "date/impossible-date"])
    expect_code(code, 0, err)
    expect(out.startswith("date/impossible-date"), out[:100])
    expect("Example:" in out and "histlint reports:" in out, out)
    code, out, err = run(["explain", "date/impossible-dat"])
    expect_code(code, 2, err)
    expect('did you mean "date/impossible-date"?' in err, err)
    code, out, err = run(["explain", "date"])
    expect_code(code, 0, err)
    expect("date/impossible-date" in out, out)


def main():
    global BINARY, UPDATE
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        print(__doc__)
        return 2
    BINARY = os.path.abspath(args[0])
    UPDATE = "--update" in args
    only = args[args.index("-k") + 1] if "-k" in args else None
    for fn in CASES:
        if only and only not in fn.__name__:
            continue
        try:
            outcome = fn()
        except Failure as e:
            results["failed"] += 1
            print(f"FAIL {fn.__name__}: {e}")
            continue
        except Exception as e:  # a crash in one case must not hide the others' results
            results["failed"] += 1
            print(f"FAIL {fn.__name__}: {type(e).__name__}: {e}")
            continue
        if outcome == "skip":
            results["skipped"] += 1
            print(f"skip {fn.__name__}")
        else:
            results["passed"] += 1
            print(f"ok   {fn.__name__}")
    if UPDATE:
        print(f"golden files rewritten in {GOLDEN}: review them before committing")
    print(f"{results['passed']} passed, {results['failed']} failed, {results['skipped']} skipped")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
