#!/usr/bin/env python3
"""Figures of the timeline (issue 18): `histlint report` time for 1,000 generated files, HTML
bytes per finding, and the latency of the `histlint/timeline` request on a 1 MB document (first
answer after the analysis, then warm answers to the same version).
Usage: bench/timeline_bench.py [path/to/histlint]. Prints figures; asserts nothing."""

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))
from lsp_e2e import BINARY, Client  # noqa: E402
from timeline_e2e import generated_text  # noqa: E402


def report_figures(root):
    rng = random.Random(7)
    folder = os.path.join(root, "archive")
    for i in range(1000):
        sub = os.path.join(folder, "part%d" % (i % 4))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "ch%04d.md" % i), "w") as f:
            f.write(generated_text(rng))
    size = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(folder) for n in ns)
    out = os.path.join(root, "archive.html")
    started = time.perf_counter()
    done = subprocess.run([BINARY, "report", "-o", out, folder], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8") as f:
        page = f.read()
    findings = page.count('<li id="')
    print("report, 1,000 files (%.1f MB): %.2f s" % (size / 1e6, elapsed))
    print("report page: %d bytes, %d findings, %d marks, %.0f bytes per finding (page / findings)"
          % (len(page), findings, page.count('class="mark '), len(page) / max(findings, 1)))


def latency_figures():
    rng = random.Random(11)
    parts, total = [], 0
    while total < 1_000_000:
        text = generated_text(rng)
        parts.append(text)
        total += len(text) + 1
    document = "\n".join(parts)
    with tempfile.TemporaryDirectory() as root:
        client = Client()
        try:
            client.initialize(root=root)
            uri = "file://" + os.path.join(root, "big.md")
            client.open(uri, document)
            client.diagnostics(uri, 1, timeout=120)
            times = []
            for _ in range(11):
                started = time.perf_counter()
                timeline = client.call("histlint/timeline", {"textDocument": {"uri": uri}})
                times.append((time.perf_counter() - started) * 1000)
            print("histlint/timeline on a %.2f MB document (%d dates, %d findings, %d people): "
                  "first %.1f ms, median of the next 10 %.1f ms (round trip, JSON included)"
                  % (len(document.encode()) / 1e6, len(timeline["events"]["first"]),
                     len(timeline["findings"]["rule"]), len(timeline["people"]), times[0],
                     statistics.median(times[1:])))
            client.stop()
        finally:
            client.kill()


def main():
    with tempfile.TemporaryDirectory() as root:
        report_figures(root)
    latency_figures()


if __name__ == "__main__":
    main()
