#!/usr/bin/env python3
"""Checks an archive with histlint on a Dask cluster; the report equals one `histlint check` run.

usage: histlint_dask.py [--scheduler tcp://HOST:PORT] [--format jsonl|sarif] [--bin PATH]
                        [--batch-size 64M] [--workers N] -o OUT PATH...

PATH is a file, a folder (walked as `histlint check` walks it: sorted, hidden folders skipped,
.md, .markdown and .txt files), a glob, @LIST (a file naming one path a line) or, when fsspec is
installed, a URL such as s3://bucket/archive/ (its files are copied to the worker that checks them).

Map: the files are cut into batches of about --batch-size bytes; each batch runs
`histlint check --format FORMAT --jobs 1` and `histlint claims` in one worker process.
Shuffle: the claims are grouped by event key; a key dated two or more ways is contested.
Reduce: the files stating a contested event are checked again with `histlint check --claims`,
given the claims of every file stating one of those events in archive order, and their findings
replace those of the map. Other findings are the map's, unchanged.

Without --scheduler, a LocalCluster runs one single-threaded worker process per core. Failed
batches are retried; a worker that dies loses only the batches it was running, which Dask runs
again. Progress goes to standard error. The report is written to a temporary file, then renamed.
Exit status as `histlint check`: 0, 1 when a finding is a warning or an error, 2 when a file
could not be checked (the others are still reported).
"""
import argparse
import contextlib
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

CHECKED_SUFFIXES = (".md", ".markdown", ".txt")
SEVERE = {"error", "warning"}


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if text and text[-1] in units:
        return int(text[:-1]) * units[text[-1]]
    return int(text)


# --------------------------------------------------------------------------------------------
# Input: the files in the order one `histlint check PATH...` reports them.

def walk(folder, out):
    """As histlint walks a folder: entries sorted by name, hidden folders, node_modules and
    symlinked folders skipped, files with the default extensions."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        out.append(folder)  # histlint reports the folder it cannot read
        return
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if not (name.startswith(".") or name == "node_modules" or os.path.islink(path)):
                walk(path, out)
        elif os.path.isfile(path) and name.endswith(CHECKED_SUFFIXES):
            out.append(path)


def is_url(path):
    return "://" in path and not path.startswith("file://")


def expand_inputs(paths):
    """[(display path, size in bytes, URL or None)], without repeats. Missing paths are kept:
    histlint reports them, so they are not lost from the report."""
    files = []
    for arg in paths:
        if arg.startswith("@"):
            with open(arg[1:], encoding="utf-8") as listing:
                files.extend(expand_inputs([line.rstrip("\n") for line in listing if line.strip()]))
            continue
        if is_url(arg):
            files.extend(expand_url(arg))
            continue
        if os.path.isdir(arg):
            found = []
            walk(arg, found)
        elif any(c in arg for c in "*?[") and not os.path.exists(arg):
            found = sorted(glob.glob(arg, recursive=True))
        else:
            found = [arg]
        for path in found:
            try:
                size = os.path.getsize(path)
            except OSError:
                size = 0
            files.append((os.path.normpath(path), size, None))
    seen = set()
    unique = []
    for entry in files:
        if entry[0] not in seen:
            seen.add(entry[0])
            unique.append(entry)
    return unique


def expand_url(url):
    import fsspec  # only for URLs

    fs, _, roots = fsspec.get_fs_token_paths(url)
    found = []
    for root in roots:
        if fs.isdir(root):
            found.extend(p for p in sorted(fs.find(root)) if p.endswith(CHECKED_SUFFIXES))
        else:
            found.append(root)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return [(path, fs.size(path), f"{protocol}://{path}") for path in found]


def batches_of(files, batch_bytes):
    batch, size = [], 0
    for entry in files:
        if batch and size + entry[1] > batch_bytes:
            yield batch
            batch, size = [], 0
        batch.append(entry)
        size += entry[1]
    if batch:
        yield batch


# --------------------------------------------------------------------------------------------
# Worker side: one histlint process per batch.

@contextlib.contextmanager
def local_copies(files, cwd):
    """The working folder and paths to run histlint with: the files themselves, or for URLs
    copies under a temporary folder at their display paths (so they are reported as such)."""
    if not any(url for _, _, url in files):
        yield cwd, [display for display, _, _ in files]
        return
    import fsspec

    with tempfile.TemporaryDirectory(prefix="histlint-dask-") as root:
        for display, _, url in files:
            target = os.path.join(root, display.lstrip("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with fsspec.open(url, "rb") as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy)
        yield root, [display.lstrip("/") for display, _, _ in files]


def run_histlint(binary, cwd, args):
    """Standard output and the problems histlint reported; raises when histlint failed for
    another reason than a file it could not check (a crash is retried by Dask)."""
    proc = subprocess.run([binary] + args, cwd=cwd, capture_output=True)
    if proc.returncode not in (0, 1, 2):
        raise RuntimeError(f"histlint {args[0]} exited with {proc.returncode}: "
                           f"{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    problems = [line[len("histlint: "):] for line in proc.stderr.decode("utf-8", "replace").splitlines()
                if line.startswith("histlint: ")]
    return proc.stdout.decode("utf-8"), problems


def check_files(binary, folder, paths, fmt, claims_text=None):
    """Runs `histlint check` on the files: ((findings by file key, SARIF run or None), problems)."""
    args = ["check", "--format", fmt, "--jobs", "1", "--fail-on", "none", "--quiet"]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as claims:
        if claims_text is not None:
            claims.write(claims_text)
            claims.flush()
            args += ["--claims", claims.name]
        out, problems = run_histlint(binary, folder, args + ["--"] + paths)
    return parse_report(out, fmt), problems


def parse_report(out, fmt):
    findings = {}
    if fmt == "jsonl":
        for line in out.splitlines():
            findings.setdefault(json.loads(line)["path"], []).append(line)
        return findings, None
    run = json.loads(out)["runs"][0]
    for result in run.pop("results"):
        key = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        findings.setdefault(key, []).append(result)
    return findings, run


def map_batch(binary, cwd, files, fmt):
    with local_copies(files, cwd) as (folder, paths):
        (findings, sarif_run), problems = check_files(binary, folder, paths, fmt)
        claims, _ = run_histlint(binary, folder, ["claims", "--format", "jsonl"] + paths)
    return {"findings": findings, "sarif_run": sarif_run, "problems": problems, "claims": claims}


def reduce_batch(binary, cwd, files, fmt, claims_text):
    with local_copies(files, cwd) as (folder, paths):
        (findings, _), problems = check_files(binary, folder, paths, fmt, claims_text)
    return {"findings": findings, "problems": problems}


# --------------------------------------------------------------------------------------------
# Driver.

def sarif_key(display, base):
    """The artifact URI histlint's SARIF gives a path (server/report_sarif.cpp): relative to the
    working folder, percent-encoded but for letters, digits and / - . _ ~."""
    if display.startswith("/"):
        if not display.startswith(base + "/"):
            return "file://" + urllib.parse.quote(display, safe="/-._~")
        display = display[len(base) + 1:]
    return urllib.parse.quote(display, safe="/-._~")


def contested_keys(claims_by_file):
    """Event keys given two or more distinct dates across the archive."""
    dates = {}
    for lines in claims_by_file.values():
        for claim in lines:
            date = claim["date"]
            dates.setdefault(claim["key"], set()).add((date["first"], date["last"], date["precision"]))
    return {key for key, seen in dates.items() if len(seen) > 1}


class Progress:
    def __init__(self, total_files, total_bytes):
        self.total_files, self.total_bytes = total_files, total_bytes
        self.files = self.bytes = 0
        self.start = time.monotonic()

    def batch_done(self, files):
        self.files += len(files)
        self.bytes += sum(size for _, size, _ in files)
        elapsed = max(time.monotonic() - self.start, 1e-6)
        print(f"histlint-dask: checked {self.files} of {self.total_files} files, "
              f"{self.bytes / elapsed / 1e6:.2f} MB/s", file=sys.stderr, flush=True)


def gather_as_completed(client, futures, on_result):
    from distributed import as_completed

    for future, result in as_completed(futures, with_results=True):
        on_result(futures[future], result)
        future.release()


def run(client, args):
    binary = os.path.abspath(args.bin) if os.sep in args.bin else shutil.which(args.bin) or args.bin
    cwd = os.getcwd()
    files = expand_inputs(args.paths)
    batches = list(batches_of(files, args.batch_size))
    progress = Progress(len(files), sum(size for _, size, _ in files))
    print(f"histlint-dask: {len(files)} files, {progress.total_bytes / 1e6:.1f} MB "
          f"in {len(batches)} batches", file=sys.stderr, flush=True)

    # Map: findings and claims per batch.
    futures = {client.submit(map_batch, binary, cwd, batch, args.format, retries=args.retries,
                             pure=False): index
               for index, batch in enumerate(batches)}
    mapped = [None] * len(batches)

    def map_done(index, result):
        mapped[index] = result
        progress.batch_done(batches[index])

    gather_as_completed(client, futures, map_done)

    # Shuffle: claims by file and the events dated more than one way.
    claims_by_file = {}
    claim_lines = {}
    for result in mapped:
        for line in result["claims"].splitlines():
            claim = json.loads(line)
            claims_by_file.setdefault(claim["path"], []).append(claim)
            claim_lines.setdefault(claim["path"], []).append(line)
    contested = contested_keys(claims_by_file)
    affected = [entry for entry in files
                if any(c["key"] in contested for c in claims_by_file.get(local_display(entry), []))]
    print(f"histlint-dask: {len(contested)} events dated more than one way, "
          f"{len(affected)} files to compare again", file=sys.stderr, flush=True)

    # Reduce: the affected files with the claims of every file stating one of their events.
    order = [local_display(entry) for entry in files]
    reduce_futures = {}
    # Each reduce batch carries the claims of its events: few large batches, one per worker at
    # least, rather than many that each repeat those claims.
    workers = max(1, len(client.scheduler_info()["workers"]))
    affected_bytes = sum(size for _, size, _ in affected)
    reduce_batch_bytes = max(args.batch_size, -(-affected_bytes // workers))
    for index, batch in enumerate(batches_of(affected, reduce_batch_bytes)):
        keys = {c["key"] for entry in batch for c in claims_by_file[local_display(entry)]} & contested
        context = "".join(
            "\n".join(claim_lines[path]) + "\n" for path in order
            if any(c["key"] in keys for c in claims_by_file.get(path, [])))
        # The claims go to the workers once, ahead of the task, not inside its message.
        future = client.submit(reduce_batch, binary, cwd, batch, args.format,
                               client.scatter(context, hash=False), retries=args.retries,
                               pure=False)
        reduce_futures[future] = index
    compared = {}
    reduce_problems = []

    def reduce_done(_, result):
        compared.update(result["findings"])
        reduce_problems.extend(result["problems"])

    gather_as_completed(client, reduce_futures, reduce_done)
    affected_displays = {local_display(entry) for entry in affected}

    problems = [p for result in mapped for p in result["problems"]] + reduce_problems
    report = []
    for batch, result in zip(batches, mapped):
        for entry in batch:
            display = local_display(entry)
            key = display if args.format == "jsonl" else sarif_key(display, cwd)
            source = compared if display in affected_displays else result["findings"]
            report.extend(source.get(key, []))
    for problem in problems:
        print(f"histlint: {problem}", file=sys.stderr)
    write_atomically(args.output, render(report, mapped, args.format))
    severe = any((json.loads(entry)["severity"] if args.format == "jsonl" else entry["level"])
                 in SEVERE for entry in report)
    elapsed = time.monotonic() - progress.start
    print(f"histlint-dask: {len(report)} findings in {len(files)} files in {elapsed:.1f} s "
          f"({progress.total_bytes / elapsed / 1e6:.2f} MB/s); wrote {args.output}",
          file=sys.stderr)
    return 2 if problems else 1 if severe else 0


def local_display(entry):
    """The path histlint reports a file under: URLs' copies are checked relative to their folder."""
    display, _, url = entry
    return display.lstrip("/") if url else display


def render(report, mapped, fmt):
    if fmt == "jsonl":
        return "".join(line + "\n" for line in report)
    # One run as histlint writes it: the tool and base from a batch, every batch's notifications.
    run = next(result["sarif_run"] for result in mapped if result["sarif_run"])
    notifications = [n for result in mapped for n in
                     result["sarif_run"]["invocations"][0].get("toolExecutionNotifications", [])]
    invocation = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run["invocations"] = [invocation]
    ordered = {key: run[key] for key in ("tool", "invocations", "originalUriBaseIds")}
    ordered["results"] = report
    ordered["columnKind"] = run["columnKind"]
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
             "runs": [ordered]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def write_atomically(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".histlint-dask-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def main_parser():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scheduler", help="tcp://HOST:PORT of a running dask scheduler")
    parser.add_argument("--format", choices=("jsonl", "sarif"), default="jsonl")
    parser.add_argument("--bin", default="histlint", help="the histlint binary on the workers")
    parser.add_argument("--batch-size", type=parse_size, default=64 << 20,
                        help="bytes of text per batch (K, M, G suffixes; default 64M)")
    parser.add_argument("--workers", type=int, default=os.cpu_count(),
                        help="worker processes of the local cluster (default: one per core)")
    parser.add_argument("--retries", type=int, default=3, help="retries of a failed batch")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def main(argv=None):
    args = main_parser().parse_args(argv)

    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    with contextlib.suppress(Exception):
        if client.dashboard_link:
            print(f"histlint-dask: dashboard {client.dashboard_link}", file=sys.stderr, flush=True)
    try:
        return run(client, args)
    finally:
        client.close()
        if cluster:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
