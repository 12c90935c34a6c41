#!/usr/bin/env python3
"""End-to-end tests of the timeline: `histlint report` (the HTML page, checked with html-validate
from npm when it is installed) and the `histlint/timeline` LSP request.
Usage: timeline_e2e.py [path/to/histlint]. Exits non-zero on failure."""

import html.parser
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lsp_e2e import BINARY, Client  # noqa: E402

SHARED = os.path.join(HERE, "..", "..", "..", "shared")

# One event given two dates, and an age the knowledge base contradicts (Marx was born in 1818).
PLANTED = ("# Notes on the League\n\n"
           "Karl Marx was expelled from the League in 1852 after a long quarrel.\n\n"
           "In 1860, at the age of 50, Marx finished a long draft in London.\n\n"
           "Marx was expelled from the League in 1854.\n")


class Page(html.parser.HTMLParser):
    """Every element with an id, and the conflict lines, of a report."""

    def __init__(self):
        super().__init__()
        self.by_id = {}
        self.links = []
        self.external = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        attrs["tag"] = tag
        if "id" in attrs:
            self.by_id[attrs["id"]] = attrs
        if "conflict-link" in attrs.get("class", ""):
            self.links.append(attrs)
        for name in ("src", "href"):
            if re.match(r"(https?:)?//", attrs.get(name) or ""):
                self.external.append((tag, attrs[name]))


def parse(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    page.feed(text)
    assert not page.external, page.external[:5]
    assert "url(http" not in text and "@import" not in text
    return page, text


def report(*args):
    return subprocess.run([BINARY, "report", *args], capture_output=True, text=True, timeout=300)


def validate(path):
    """Runs html-validate on the page; False (with a message) when it is not installed."""
    validator = shutil.which("html-validate")
    if not validator:
        print("SKIP timeline HTML5 validation: html-validate is not installed "
              "(npm install -g html-validate)")
        return False
    done = subprocess.run([validator, path], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    return True


def mark_x(mark):
    return float(re.match(r"translate\(([-0-9.]+),", mark["transform"]).group(1))


TESTS = []


def test(function):
    TESTS.append(function)
    return function


@test
def planted_conflict_is_joined_and_age_drawn():
    with tempfile.TemporaryDirectory() as root:
        with open(os.path.join(root, "league.md"), "w") as f:
            f.write(PLANTED)
        out = os.path.join(root, "timeline.html")
        done = report("-o", out, os.path.join(root, "league.md"))
        assert done.returncode == 0, done.stderr
        assert sorted(os.listdir(root)) == ["league.md", "timeline.html"]  # nothing partial left
        page, text = parse(out)
        assert len(page.links) == 1, page.links
        link = page.links[0]
        a, b = page.by_id.get(link["data-a"]), page.by_id.get(link["data-b"])
        assert a and b, link
        assert "finding" in a["class"] and "conflict-other" in b["class"], (a, b)
        # Joined: the line runs from one mark to the other.
        assert abs(float(link["x1"]) - mark_x(a)) < 0.2 and abs(float(link["x2"]) - mark_x(b)) < 0.2
        assert a["data-day"] != b["data-day"]
        # Each links to its finding in the list, which holds the sentence.
        target = page.by_id[a["href"][1:]]
        assert target["tag"] == "li" and page.by_id[b["href"][1:]] is target
        assert "conflicting-dates" in a["aria-label"] and "1854" in a["aria-label"]
        ages = [m for m in page.by_id.values() if "age" in m.get("class", "").split()]
        assert len(ages) == 1 and "Age 50 claimed for Karl Marx" in ages[0]["aria-label"], ages
        assert 'role="group"' in text and "<desc id=" in text
        validate(out)


def write_files(folder, texts):
    os.makedirs(folder, exist_ok=True)
    for name, text in texts.items():
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)


def cross_file_links(page):
    """The lines joining marks of two files, as (mark, mark) by the years they are at."""
    pairs = {}
    for link in page.links:
        if "across" not in link["class"]:
            continue
        a, b = page.by_id.get(link["data-a"]), page.by_id.get(link["data-b"])
        assert a and b, link
        assert abs(float(link["x1"]) - mark_x(a)) < 0.2, link
        assert abs(float(link["x2"]) - mark_x(b)) < 0.2, link
        # Both marks lie on the axis of the folder whose files conflict.
        assert a["id"].split("-")[0] == b["id"].split("-")[0] == link["data-a"].split("-")[0]
        pairs[(a["aria-label"][:4], b["aria-label"][:4])] = (a, b)
    return pairs


@test
def conflict_between_two_files_of_a_folder_is_joined():
    with tempfile.TemporaryDirectory() as root:
        folder = os.path.join(root, "notes")
        write_files(folder, {
            "first.md": "# First\n\nKarl Marx was expelled from the League in 1852.\n",
            "second.md": "# Second\n\nKarl Marx was expelled from the League in 1854.\n"})
        # A file of another folder is drawn on another axis: no line reaches it.
        write_files(os.path.join(root, "elsewhere"), {
            "fourth.md": "# Fourth\n\nKarl Marx was expelled from the League in 1856.\n"})
        out = os.path.join(root, "timeline.html")
        done = report("-o", out, folder, os.path.join(root, "elsewhere"))
        assert done.returncode == 0, done.stderr
        page, _ = parse(out)
        pairs = cross_file_links(page)
        assert sorted(pairs) == [("1852", "1854")], sorted(pairs)
        # Each file reports its side: two findings, each mark linking to its own in the list.
        a, b = pairs[("1852", "1854")]
        assert "finding" in a["class"] and "finding" in b["class"], (a, b)
        first, second = page.by_id[a["href"][1:]], page.by_id[b["href"][1:]]
        assert first is not second and first["tag"] == second["tag"] == "li"
        assert "second.md" in a["aria-label"] and "first.md" in b["aria-label"], (a, b)
        validate(out)

        # When the other file's finding is silenced, its date is a ring linking to this finding.
        silent = os.path.join(root, "silent")
        write_files(silent, {
            "first.md": "# First\n\n<!-- histlint-disable-next-line date/conflicting-dates -->\n"
                        "Karl Marx was expelled from the League in 1852.\n",
            "second.md": "# Second\n\nKarl Marx was expelled from the League in 1854.\n"})
        done = report("-o", out, silent)
        assert done.returncode == 0, done.stderr
        page, _ = parse(out)
        pairs = cross_file_links(page)
        assert sorted(pairs) == [("1854", "1852")], sorted(pairs)
        mark, ring = pairs[("1854", "1852")]
        assert "finding" in mark["class"] and "conflict-other" in ring["class"], (mark, ring)
        assert mark["href"] == ring["href"] and "first.md" in ring["aria-label"], ring
        validate(out)


@test
def seeds_report_is_valid_html5():
    seeds = os.path.join(SHARED, "seeds")
    if not os.path.isdir(seeds):
        print("SKIP timeline report of the seeds: %s is absent" % seeds)
        return
    with tempfile.TemporaryDirectory() as root:
        out = os.path.join(root, "seeds.html")
        done = report("--format", "html", "-o", out, seeds)
        assert done.returncode == 0, done.stderr
        page, _ = parse(out)
        assert any(k.endswith("-f0") for k in page.by_id), "no finding marks"
        validate(out)


PEOPLE = ["Leon Trotsky", "Vladimir Lenin", "Karl Marx", "Frida Kahlo", "Joseph Stalin",
          "Friedrich Engels", "Natalia Sedova", "Diego Rivera"]
PLACES = ["Paris", "Vienna", "Geneva", "Kazan", "Odessa", "Lyon", "Turin", "Riga"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def generated_text(rng):
    lines = ["# Chapter %d" % rng.randrange(1, 99), ""]
    for _ in range(rng.randrange(4, 12)):
        who, where = rng.choice(PEOPLE), rng.choice(PLACES)
        year = rng.randrange(1840, 1960)
        lines.append(rng.choice([
            "In %s %d %s wrote a letter from %s." % (rng.choice(MONTHS), year, who, where),
            "%s travelled to %s on %d %s %d." % (who, where, rng.randrange(1, 28),
                                                 rng.choice(MONTHS), year),
            "The meeting in %s, in %d, drew a small crowd." % (where, year),
            "At the age of %d, %s visited %s in %d." % (rng.randrange(10, 70), who, where, year),
        ]))
        lines.append("")
    return "\n".join(lines)


@test
def thousand_files_report():
    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as root:
        folder = os.path.join(root, "archive")
        for i in range(1000):
            sub = os.path.join(folder, "part%d" % (i % 4))
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, "ch%04d.md" % i), "w") as f:
                f.write(PLANTED if i == 500 else generated_text(rng))
        out = os.path.join(root, "archive.html")
        started = time.time()
        done = report("-o", out, folder)
        print("  1,000 files in %.1f s, %d bytes" % (time.time() - started, os.path.getsize(out)))
        assert done.returncode == 0, done.stderr
        page, text = parse(out)
        assert text.count('<section class="timeline"') == 4  # one axis per folder
        assert len(page.links) == 1, len(page.links)
        validate(out)


@test
def report_usage_errors():
    done = report("--format", "pdf", "x.md")
    assert done.returncode == 2 and "html" in done.stderr, done.stderr
    done = report()
    assert done.returncode == 2 and "no PATH" in done.stderr, done.stderr
    done = report("--help")
    assert done.returncode == 0 and "Usage: histlint report" in done.stdout
    with tempfile.TemporaryDirectory() as root:
        missing = os.path.join(root, "missing.md")
        done = report("-o", os.path.join(root, "out.html"), missing)
        assert done.returncode == 2 and "missing.md" in done.stderr, done.stderr
        assert os.path.exists(os.path.join(root, "out.html"))  # the other files are still drawn


@test
def lsp_timeline_request():
    with tempfile.TemporaryDirectory() as root:
        client = Client()
        try:
            client.initialize(root=root)
            uri = "file://" + os.path.join(root, "league.md")
            client.open(uri, PLANTED)
            client.diagnostics(uri, 1)
            timeline = client.call("histlint/timeline", {"textDocument": {"uri": uri}})
            assert timeline["uri"] == uri and timeline["version"] == 1, timeline.keys()
            assert "html" not in timeline
            assert [p["name"] for p in timeline["people"]] == ["Karl Marx"], timeline["people"]
            assert timeline["people"][0]["born"]["date"] == "1818-05-05"
            events, findings = timeline["events"], timeline["findings"]
            values = events["value"]
            assert values == ["1852", "1860", "1854"], values
            assert len(events["first"]) == len(events["startLine"]) == 3, events
            assert len(timeline["conflicts"]) >= 1, timeline["conflicts"]
            conflict = timeline["conflicts"][-1]
            i = conflict["finding"]
            assert findings["rule"][i] == "date/conflicting-dates", findings
            assert {values[conflict["event"]], values[conflict["other"]]} == {"1852", "1854"}
            assert findings["event"][i] == conflict["event"]
            # LSP positions of the flagged claim and of its sentence (line 6, 0-based).
            assert findings["startLine"][i] == 6 and findings["startCharacter"][i] == 9, findings
            sentence = findings["sentence"][i]
            assert timeline["sentences"]["startLine"][sentence] == 6
            assert timeline["sentences"]["startCharacter"][sentence] == 0
            assert timeline["sentences"]["endCharacter"][sentence] == len(
                "Marx was expelled from the League in 1854.")
            age = timeline["ages"][0]
            assert age["age"] == 50 and age["date"] == "1868-05-05", age
            assert findings["rule"][age["finding"]] == "date/age-mismatch"

            # Columns count UTF-16 units: the emoji takes two.
            emoji = "file://" + os.path.join(root, "emoji.md")
            client.open(emoji, "Intro.\n\nThe \U0001F600 meeting of 3 May 1920 was held.\n")
            client.diagnostics(emoji, 1)
            events = client.call("histlint/timeline", {"textDocument": {"uri": emoji}})["events"]
            assert events["value"] == ["1920-05-03"], events
            assert (events["startLine"][0], events["startCharacter"][0]) == (2, 18), events
            assert (events["endLine"][0], events["endCharacter"][0]) == (2, 28), events

            with_page = client.call("histlint/timeline",
                                    {"textDocument": {"uri": uri}, "html": True})
            assert with_page["html"].startswith("<!DOCTYPE html>")
            assert 'class="conflict-link"' in with_page["html"]

            closed = "file://" + os.path.join(root, "closed.md")
            reply = client.response(client.request("histlint/timeline",
                                                   {"textDocument": {"uri": closed}}))
            assert "error" in reply, reply
            assert client.stop() == 0
        finally:
            client.kill()


def main():
    if not os.access(BINARY, os.X_OK):
        print("histlint binary not found at %s" % BINARY)
        return 2
    passed = failed = 0
    for function in TESTS:
        started = time.time()
        try:
            function()
            passed += 1
            print("PASS %s (%.1f s)" % (function.__name__, time.time() - started))
        except Exception:  # report every failure, then go on with the next test
            failed += 1
            print("FAIL %s" % function.__name__)
            traceback.print_exc()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
