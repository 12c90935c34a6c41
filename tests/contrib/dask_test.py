#!/usr/bin/env python3
"""Tests of contrib/dask/histlint_dask.py on a generated archive with planted conflicts.

usage: dask_test.py BINARY [--documents N]

A LocalCluster of 2 worker processes must report exactly what one `histlint check` reports
over the same folder (JSONL and SARIF), also when a worker is killed while batches run.
Prints "SKIP dask: ..." and exits 0 when the distributed package cannot be imported.
"""
import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "contrib", "dask"))

# Once-only events, so any other date for one is a conflict, and moves, which may recur.
EVENTS = [("Karl Marx", "died in", 1883), ("Friedrich Engels", "was born in", 1820),
          ("Rosa Luxemburg", "was born in", 1871), ("Joseph Stalin", "was born in", 1878),
          ("Lenin", "died in", 1924), ("Trotsky", "settled in Mexico in", 1937),
          ("Trotsky", "was expelled from the party in", 1927)]
FILLER = ["The archive holds letters, minutes and pamphlets.",
          "Several pages are missing from the second volume.",
          "The correspondence was catalogued by the library staff.",
          "Its margins carry notes in two different hands."]


def generate_archive(root, documents, seed=17, page_bytes=0):
    """Writes `documents` Markdown files in folders of 100; about one in fifty dates an event
    wrongly, against the many files that date it right. Pages are small, or padded with filler
    paragraphs to about `page_bytes`. Returns the planted files."""
    rng = random.Random(seed)
    planted = []
    for i in range(documents):
        lines = [f"# Document {i}", ""] + rng.sample(FILLER, 2)
        while sum(len(line) + 2 for line in lines) < page_bytes:
            lines.append(" ".join(rng.choice(FILLER) for _ in range(4)))
        for person, verb, year in rng.sample(EVENTS, rng.randint(0, 2)):
            if rng.random() < 0.02:
                year += rng.randint(1, 3)
                planted.append(i)
            lines.append(f"{person} {verb} {year}.")
        folder = os.path.join(root, f"part-{i // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"doc-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(lines) + "\n")
    return planted


def check_in_one_run(binary, root, fmt):
    proc = subprocess.run([binary, "check", "--format", fmt, "--quiet", "."], cwd=root,
                          capture_output=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout.decode("utf-8")


def run_driver(client, binary, root, fmt, batch_size):
    import histlint_dask

    output = os.path.join(root, f"report.{fmt}")
    args = histlint_dask.main_parser().parse_args(
        ["--bin", binary, "--format", fmt, "--batch-size", str(batch_size), "-o", output, "."])
    cwd = os.getcwd()
    os.chdir(root)
    try:
        code = histlint_dask.run(client, args)
    finally:
        os.chdir(cwd)
    with open(output, encoding="utf-8") as f:
        report = f.read()
    os.unlink(output)
    return code, report


def expect_same(expected, actual, what):
    if expected != actual:
        import difflib

        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 "histlint check", what))[:40])
        raise AssertionError(f"{what} differs from one histlint check run:\n{diff}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--documents", type=int, default=2000)
    options = parser.parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        print(f"SKIP dask: the distributed package cannot be imported ({e})")
        return 0
    import histlint_dask

    binary = os.path.abspath(options.binary)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="histlint-dask-test-") as root, \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                         dashboard_address=None) as cluster, Client(cluster) as client:
        planted = generate_archive(root, options.documents)
        expected = check_in_one_run(binary, root, "jsonl")
        conflicts = [line for line in expected.splitlines() if "date/conflicting-dates" in line]
        assert planted and len(conflicts) > len(planted), (len(planted), len(conflicts))
        print(f"archive: {options.documents} documents, {len(planted)} planted wrong dates, "
              f"{len(conflicts)} conflicting-dates findings")

        # Batches of about 16 KB: dozens of them, so most conflicts cross batches.
        code, report = run_driver(client, binary, root, "jsonl", 16 << 10)
        expect_same(expected, report, "the Dask JSONL report")
        assert code == 1, code
        print(f"ok   jsonl report equals one run ({time.monotonic() - started:.0f} s)")

        code, report = run_driver(client, binary, root, "sarif", 64 << 10)
        expect_same(check_in_one_run(binary, root, "sarif"), report, "the Dask SARIF report")
        print(f"ok   sarif report equals one run ({time.monotonic() - started:.0f} s)")

        # Kill a worker once the first batch is in; Dask runs its batches again elsewhere.
        first_batch = threading.Event()
        killed = {}
        original = histlint_dask.Progress.batch_done

        def batch_done(progress, files):
            original(progress, files)
            first_batch.set()
            killed.setdefault("files_done_after_kill", progress.files) if "pid" in killed else None

        def kill_one_worker():
            first_batch.wait(timeout=300)
            pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed["pid"] = pid

        histlint_dask.Progress.batch_done = batch_done
        killer = threading.Thread(target=kill_one_worker)
        killer.start()
        try:
            code, report = run_driver(client, binary, root, "jsonl", 16 << 10)
        finally:
            histlint_dask.Progress.batch_done = original
            killer.join()
        assert "pid" in killed, "no worker was killed"
        assert killed.get("files_done_after_kill", options.documents) < options.documents, \
            f"the worker was killed after the map step: {killed}"
        expect_same(expected, report, "the report of a run that lost a worker")
        print(f"ok   a killed worker (pid {killed['pid']}) loses no finding "
              f"({time.monotonic() - started:.0f} s)")
    print(f"dask: 3 passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
