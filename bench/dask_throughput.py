#!/usr/bin/env python3
"""Throughput of the Dask driver (contrib/dask) against one plain `histlint check`.

usage: dask_throughput.py BINARY [--documents N] [--page-bytes B]

Generates an archive of N pages of about B bytes with the planted conflicts of
tests/contrib/dask_test.py, then prints: `check --jobs 1` and `check` on all cores; the driver
with 1 and 2 local workers (wall time, MB/s, overhead against `check --jobs 1`); the claims
output per MB of text; and the shuffle volume (every claim line sent to the driver).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "contrib"))

from dask_test import generate_archive, run_driver  # noqa: E402


def timed(command, cwd):
    started = time.monotonic()
    proc = subprocess.run(command, cwd=cwd, capture_output=True)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return time.monotonic() - started, proc.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--documents", type=int, default=4000)
    parser.add_argument("--page-bytes", type=int, default=2000)
    options = parser.parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        print(f"SKIP: the distributed package cannot be imported ({e})")
        return 0
    binary = os.path.abspath(options.binary)
    with tempfile.TemporaryDirectory(prefix="histlint-dask-bench-") as root:
        generate_archive(root, options.documents, page_bytes=options.page_bytes)
        megabytes = sum(os.path.getsize(os.path.join(folder, name))
                        for folder, _, names in os.walk(root) for name in names) / 1e6
        print(f"archive: {options.documents} pages, {megabytes:.2f} MB")
        one_core, _ = timed([binary, "check", "--jobs", "1", "--format", "jsonl", "."], root)
        all_cores, _ = timed([binary, "check", "--format", "jsonl", "."], root)
        _, claims = timed([binary, "claims", "--format", "jsonl", "."], root)
        print(f"check --jobs 1: {one_core:.1f} s, {megabytes / one_core:.2f} MB/s")
        print(f"check, {os.cpu_count()} jobs: {all_cores:.1f} s, {megabytes / all_cores:.2f} MB/s")
        print(f"claims: {len(claims) / megabytes / 1e3:.0f} KB per MB of text; shuffle volume "
              f"{len(claims) / 1e6:.2f} MB for {megabytes:.2f} MB of text")
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                started = time.monotonic()
                run_driver(client, binary, root, "jsonl", 4 << 20)
                wall = time.monotonic() - started
            print(f"driver, {workers} worker(s), 4 MB batches: {wall:.1f} s, "
                  f"{megabytes / wall:.2f} MB/s, {wall / one_core:.2f}x check --jobs 1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
