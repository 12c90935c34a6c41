#!/usr/bin/env python3
"""End-to-end tests of `histlint lsp`: drives the real binary over stdio (and TCP) as an editor
would, including bad input. Usage: lsp_e2e.py [path/to/histlint]. Exits non-zero on failure."""

import json
import os
import queue
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = (sys.argv[1] if len(sys.argv) > 1 else
          os.environ.get("HISTLINT_BIN", os.path.join(HERE, "..", "..", "build", "histlint")))
TIMEOUT = float(os.environ.get("HISTLINT_E2E_TIMEOUT", "20"))


def frame(message):
    body = json.dumps(message).encode() if not isinstance(message, bytes) else message
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    """A minimal LSP client around one `histlint lsp` child process."""

    def __init__(self, *args, cwd=None):
        self.proc = subprocess.Popen([BINARY, "lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.backlog = []
        self.stderr = []
        self.next_id = 1
        threading.Thread(target=self._read_stdout, args=(self.proc.stdout,), daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self, stream):
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode(errors="replace").rstrip("\n"))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_raw(frame(message))

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def request(self, method, params=None, id=None):
        if id is None:
            id = self.next_id
            self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": id, "method": method, "params": params or {}})
        return id

    def wait_for(self, predicate, what, timeout=TIMEOUT):
        for i, message in enumerate(self.backlog):
            if predicate(message):
                return self.backlog.pop(i)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                message = self.messages.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if message is None:
                raise AssertionError("server closed its output while waiting for " + what)
            if predicate(message):
                return message
            self.backlog.append(message)
        raise AssertionError("timed out waiting for " + what)

    def response(self, id, timeout=TIMEOUT):
        return self.wait_for(lambda m: "method" not in m and m.get("id") == id,
                             "response %r" % (id,), timeout)

    def call(self, method, params=None):
        response = self.response(self.request(method, params))
        assert "error" not in response, response
        return response["result"]

    def diagnostics(self, uri, version=None, timeout=TIMEOUT):
        return self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and
            m["params"]["uri"] == uri and (version is None or m["params"].get("version") == version),
            "diagnostics of %s v%s" % (uri, version), timeout)["params"]

    def initialize(self, encodings=None, root=None, options=None, extra_capabilities=None):
        capabilities = {"textDocument": {"publishDiagnostics": {"relatedInformation": True},
                                         "hover": {"contentFormat": ["markdown", "plaintext"]}}}
        for section, values in (extra_capabilities or {}).items():
            capabilities.setdefault(section, {}).update(values)
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        params = {"processId": os.getpid(), "capabilities": capabilities,
                  "rootUri": "file://" + root if root else None}
        if options is not None:
            params["initializationOptions"] = options
        result = self.call("initialize", params)
        self.notify("initialized")
        return result

    def open(self, uri, text, language="markdown", version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def stop(self, timeout=TIMEOUT):
        """shutdown + exit; returns the exit code."""
        assert self.call("shutdown") is None
        self.notify("exit")
        return self.wait_exit(timeout)

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("server did not exit within %ss" % timeout)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def codes(diagnostics):
    return [d["code"] for d in diagnostics["diagnostics"]]


def find(diagnostics, code):
    found = [d for d in diagnostics["diagnostics"] if d["code"] == code]
    assert found, "no %s diagnostic in %s" % (code, diagnostics)
    return found[0]


TESTS = []


def test(function):
    TESTS.append(function)
    return function


# A line with an emoji (2 UTF-16 units, 4 UTF-8 bytes) before an impossible date.
IMPOSSIBLE = "# Notes\n\nThe 😀 meeting of 31 June 1920 was cancelled.\n"


@test
def full_session():
    client = Client()
    try:
        result = client.initialize()
        capabilities = result["capabilities"]
        assert capabilities["positionEncoding"] == "utf-16", capabilities
        assert capabilities["textDocumentSync"]["change"] == 2
        assert capabilities["hoverProvider"] is True
        assert result["serverInfo"]["name"] == "histlint"

        uri = "file:///tmp/histlint-e2e/notes.md"
        client.open(uri, IMPOSSIBLE)
        published = client.diagnostics(uri, 1)
        diagnostic = find(published, "date/impossible-date")
        assert diagnostic["source"] == "histlint"
        assert diagnostic["range"]["start"]["line"] == 2, diagnostic
        column = "The 😀 meeting of ".encode("utf-16-le").__len__() // 2
        assert diagnostic["range"]["start"]["character"] == column, diagnostic
        assert diagnostic["severity"] in (1, 2), diagnostic
        assert "31 June" in diagnostic["message"] or "June" in diagnostic["message"], diagnostic

        # Incremental edit: 31 -> 30 (the 3 of "31" stays), across the emoji's surrogate pair.
        one = column + 1
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 2, "character": one},
                                          "end": {"line": 2, "character": one + 1}}, "text": "0"}]})
        published = client.diagnostics(uri, 2)
        assert "date/impossible-date" not in codes(published), published

        # Two changes in one notification, the second against the text the first left.
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [
                {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 7}},
                 "text": "# Diary"},
                {"range": {"start": {"line": 2, "character": one},
                           "end": {"line": 2, "character": one + 1}}, "text": "1"}]})
        published = client.diagnostics(uri, 3)
        assert find(published, "date/impossible-date")["range"]["start"]["character"] == column

        hover = client.call("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": 2, "character": column}})
        assert hover is None or hover["contents"]["kind"] in ("markdown", "plaintext"), hover

        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert client.diagnostics(uri)["diagnostics"] == []
        assert client.stop() == 0
    finally:
        client.kill()


@test
def utf8_and_utf32_positions():
    for encoding, column in (("utf-8", len("The 😀 meeting of ".encode())),
                             ("utf-32", len("The 😀 meeting of "))):
        client = Client()
        try:
            result = client.initialize(encodings=[encoding, "utf-16"])
            assert result["capabilities"]["positionEncoding"] == encoding
            uri = "file:///tmp/histlint-e2e/enc.md"
            client.open(uri, IMPOSSIBLE)
            diagnostic = find(client.diagnostics(uri, 1), "date/impossible-date")
            assert diagnostic["range"]["start"]["character"] == column, (encoding, diagnostic)
            assert client.stop() == 0
        finally:
            client.kill()


@test
def crlf_and_plain_text():
    client = Client()
    try:
        client.initialize()
        uri = "file:///tmp/histlint-e2e/crlf.txt"
        client.open(uri, "First line.\r\nSecond line.\r\nOn 31 June 1920 it rained.\r\n",
                    language="plaintext")
        diagnostic = find(client.diagnostics(uri, 1), "date/impossible-date")
        assert diagnostic["range"]["start"] == {"line": 2, "character": 3}, diagnostic
        assert client.stop() == 0
    finally:
        client.kill()


@test
def reversed_range():
    client = Client()
    try:
        client.initialize()
        uri = "file:///tmp/histlint-e2e/range.md"
        client.open(uri, "He lived 1940–1879 in Paris. The war of 1914–18 ended.\n")
        published = client.diagnostics(uri, 1)
        diagnostic = find(published, "date/reversed-range")
        assert diagnostic["range"]["start"] == {"line": 0, "character": 9}, diagnostic
        assert codes(published).count("date/reversed-range") == 1, published
        actions = client.call("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}})
        assert actions, "no quick fix for the reversed range"
        for action in actions:
            assert action["kind"] == "quickfix", action
            edits = sorted(action["edit"]["changes"][uri],
                           key=lambda e: e["range"]["start"]["character"])
            assert [e["newText"] for e in edits] == ["1879", "1940"], edits
        assert client.call("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [], "only": ["refactor"]}}) == []
        assert client.stop() == 0
    finally:
        client.kill()


@test
def lifecycle_errors():
    client = Client()
    try:
        response = client.response(client.request("textDocument/hover", {}, id="early"))
        assert response["error"]["code"] == -32002 and response["id"] == "early", response
        client.initialize()
        response = client.response(client.request("initialize", {"capabilities": {}}))
        assert response["error"]["code"] == -32600, response
        response = client.response(client.request("no/such/method", {}, id="x-1"))
        assert response["error"]["code"] == -32601 and response["id"] == "x-1", response
        response = client.response(client.request("$/unknownRequest", {}))
        assert response["error"]["code"] == -32601, response
        client.notify("$/setTrace", {"value": "off"})
        client.notify("some/unknownNotification", {})
        response = client.response(client.request("textDocument/hover", {"textDocument": {}}))
        assert response["error"]["code"] == -32602, response
        response = client.response(client.request(
            "textDocument/hover", {"textDocument": {"uri": "file:///x.md"},
                                   "position": {"line": -1, "character": 0}}))
        assert response["error"]["code"] == -32602, response
        assert client.call("shutdown") is None
        response = client.response(client.request("textDocument/hover", {}))
        assert response["error"]["code"] == -32600, response
        client.notify("exit")
        assert client.wait_exit() == 0
    finally:
        client.kill()


@test
def exit_without_shutdown_is_1():
    client = Client()
    try:
        client.initialize()
        client.notify("exit")
        assert client.wait_exit() == 1
    finally:
        client.kill()


@test
def end_of_input_exits_cleanly():
    client = Client()
    try:
        client.initialize()
        client.proc.stdin.close()
        assert client.wait_exit() == 1  # the client vanished without shutdown
    finally:
        client.kill()
    client = Client()
    try:
        client.initialize()
        assert client.call("shutdown") is None
        client.proc.stdin.close()
        assert client.wait_exit() == 0
    finally:
        client.kill()
    # Nothing at all on standard input.
    proc = subprocess.run([BINARY, "lsp"], stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=TIMEOUT)
    assert proc.returncode == 1 and proc.stdout == b"", proc


@test
def malformed_messages():
    client = Client()
    try:
        client.initialize()
        # The id precedes the fault: the request is answered.
        client.send_raw(frame(b'{"jsonrpc": "2.0", "id": 1, "method": '))
        assert client.response(1)["error"]["code"] == -32700
        client.send_raw(frame(b'{"jsonrpc": "2.0", "method": '))
        response = client.wait_for(lambda m: m.get("error", {}).get("code") == -32700, "-32700")
        assert response["id"] is None
        client.wait_for(lambda m: m.get("method") == "window/showMessage", "showMessage")
        client.send_raw(frame(b'{"id": 77, "method": "shutdown"}'))
        response = client.response(77)
        assert response["error"]["code"] == -32600, response
        client.send_raw(frame(b'[1, 2]'))
        client.wait_for(lambda m: m.get("error", {}).get("code") == -32600 and m["id"] is None,
                        "-32600 for a batch")
        # Framing: bad length, missing length, binary garbage, a header claiming 100 MB.
        client.send_raw(b"Content-Length: abc\r\n\r\n{}")
        client.send_raw(b"Content-Type: text/plain\r\n\r\n{}")
        client.send_raw(bytes(range(256)) * 40)
        client.send_raw(b"Content-Length: 100000000\r\n\r\n{\"jsonrpc\": \"2.0\"")
        response = client.response(client.request("textDocument/hover", {
            "textDocument": {"uri": "file:///not-open.md"}, "position": {"line": 0, "character": 0}}))
        assert response["error"]["code"] == -32602, response
        uri = "file:///tmp/histlint-e2e/after-garbage.md"
        client.open(uri, IMPOSSIBLE)
        assert "date/impossible-date" in codes(client.diagnostics(uri, 1))
        assert client.stop() == 0
        log = "\n".join(client.stderr)
        assert "bad Content-Length" in log and "exceeds the limit" in log, log
    finally:
        client.kill()


@test
def numbers_out_of_range_deep_nesting_and_surrogates_are_answered():
    # Each of these aborted or crashed the server.
    deep = b"[" * 60000 + b"]" * 60000
    client = Client()
    try:
        client.send_raw(frame(b'{"jsonrpc":"2.0","id":"i","method":"initialize","params":'
                              b'{"capabilities":{},"initializationOptions":' + deep + b'}}'))
        assert client.response("i")["error"]["code"] == -32700
        client.initialize()
        client.send_raw(frame(b"1e400"))
        client.wait_for(lambda m: m.get("error", {}).get("code") == -32700 and m["id"] is None,
                        "-32700 for 1e400")
        bad_params = [b'{"textDocument":' + deep + b'}',
                      b'{"textDocument":{"uri":"file:///a.md"},"position":' + deep + b'}',
                      b'{"textDocument":{"uri":"file:///a.md"},"position":{"line":1e400}}',
                      b'{"textDocument":{"uri":"file:///a.md","text":"\\ud800"}}']
        for number, params in enumerate(bad_params):
            client.send_raw(frame(b'{"jsonrpc":"2.0","id":%d,"method":"textDocument/hover",'
                                  b'"params":%s}' % (100 + number, params)))
            assert client.response(100 + number)["error"]["code"] == -32700
        client.send_raw(frame(b'{"jsonrpc":"2.0","id":' + deep + b',"method":"shutdown"}'))
        client.send_raw(frame(b'{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration",'
                              b'"params":{"settings":' + deep + b'}}'))
        assert client.stop() == 0
    finally:
        client.kill()


@test
def a_client_that_stops_reading_ends_the_server_without_sigpipe():
    proc = subprocess.Popen([BINARY, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        proc.stdout.close()
        try:
            proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                    "params": {"capabilities": {}}}))
            proc.stdin.flush()
        except BrokenPipeError:
            pass
        proc.wait(timeout=TIMEOUT)
        assert proc.returncode == 1, proc.returncode  # not -SIGPIPE
        assert b"the client closed the connection" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@test
def invalid_utf8_document():
    client = Client()
    try:
        client.initialize()
        uri = "file:///tmp/histlint-e2e/bad-utf8.md"
        text = b"Bad \xff\xfe bytes. The 31 June 1920 meeting.\n"
        body = (b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":'
                b'{"uri":"' + uri.encode() + b'","languageId":"markdown","version":1,"text":"' +
                text.replace(b"\n", b"\\n") + b'"}}}')
        client.send_raw(frame(body))
        published = client.diagnostics(uri, 1)
        assert "date/impossible-date" in codes(published), published
        assert any("invalid UTF-8" in line for line in client.stderr)
        assert client.stop() == 0
    finally:
        client.kill()


@test
def bad_edits_drop_only_their_document():
    client = Client()
    try:
        client.initialize()
        good, bad = "file:///tmp/histlint-e2e/good.md", "file:///tmp/histlint-e2e/bad.md"
        client.open(good, IMPOSSIBLE)
        client.open(bad, IMPOSSIBLE)
        client.diagnostics(good, 1)
        client.diagnostics(bad, 1)
        # Changes for a document that is not open: logged, ignored.
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": "file:///nowhere.md", "version": 2},
            "contentChanges": [{"text": "x"}]})
        # A range past the last line.
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": bad, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 40, "character": 0},
                                          "end": {"line": 41, "character": 0}}, "text": "x"}]})
        message = client.wait_for(lambda m: m.get("method") == "window/showMessage", "showMessage")
        assert bad in message["params"]["message"], message
        assert client.diagnostics(bad)["diagnostics"] == []
        # A column past the end of a line is clamped (LSP), not an error.
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": good, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 500},
                                          "end": {"line": 0, "character": 900}}, "text": "!"}]})
        assert "date/impossible-date" in codes(client.diagnostics(good, 2))
        response = client.response(client.request("textDocument/hover", {
            "textDocument": {"uri": bad}, "position": {"line": 0, "character": 0}}))
        assert response["error"]["code"] == -32602, response
        # Out-of-range positions in requests: null, not an error.
        assert client.call("textDocument/hover", {"textDocument": {"uri": good},
                                                  "position": {"line": 999, "character": 5}}) is None
        assert client.stop() == 0
    finally:
        client.kill()


@test
def cancel_request_answers_32800():
    client = Client("--debounce", "5000")
    try:
        client.initialize()
        uri = "file:///tmp/histlint-e2e/cancel.md"
        client.open(uri, IMPOSSIBLE)
        client.diagnostics(uri, 1)
        change = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": IMPOSSIBLE}]}}
        hover = {"jsonrpc": "2.0", "id": "h1", "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 2, "character": 5}}}
        cancel = {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": "h1"}}
        client.send_raw(frame(change) + frame(hover) + frame(cancel))
        response = client.response("h1")
        assert response["error"]["code"] == -32800, response
        # Exactly one response: nothing more for h1 arrives.
        client.diagnostics(uri, 2)
        time.sleep(0.3)
        while not client.messages.empty():
            client.backlog.append(client.messages.get())
        assert not [m for m in client.backlog if m.get("id") == "h1"], client.backlog
        # A request that waits for an analysis is answered once it is ready.
        client.send_raw(frame(dict(change, params=dict(change["params"], textDocument={
            "uri": uri, "version": 3}))) + frame(dict(hover, id="h2")))
        response = client.response("h2")
        assert "error" not in response, response
        assert client.stop() == 0
    finally:
        client.kill()


@test
def huge_single_line_document():
    """A 50 MB document on one line: the other documents go on being checked meanwhile, positions
    far along the line are right, and exit is not held up by a long analysis."""
    client = Client()
    try:
        client.initialize()
        small = "file:///tmp/histlint-e2e/small.md"
        huge = "file:///tmp/histlint-e2e/huge.txt"
        sentence = "The archive was catalogued in 1931 by the staff of the library. "
        text = sentence * (50 * 1024 * 1024 // len(sentence)) + "It closed on 31 June 1920."
        started = time.time()
        client.open(huge, text, language="plaintext")
        client.open(small, IMPOSSIBLE)
        assert "date/impossible-date" in codes(client.diagnostics(small, 1, timeout=3 * TIMEOUT))
        assert client.call("textDocument/hover", {"textDocument": {"uri": small},
                                                  "position": {"line": 2, "character": 5}}) is None
        waited = float(os.environ.get("HISTLINT_E2E_HUGE_WAIT", "0"))
        if waited:
            published = client.diagnostics(huge, 1, timeout=waited)
            diagnostic = find(published, "date/impossible-date")
            assert diagnostic["range"]["start"] == {
                "line": 0, "character": len(text) - len("31 June 1920.")}, diagnostic
            print("    (50 MB document: diagnostics after %.1f s)" % (time.time() - started))
        stopping = time.time()
        assert client.stop() == 0
        assert time.time() - stopping < TIMEOUT
    finally:
        client.kill()


@test
def people_features():
    with tempfile.TemporaryDirectory() as root:
        client = Client()
        try:
            capabilities = client.initialize(root=root)["capabilities"]
            for name in ("definitionProvider", "referencesProvider", "documentSymbolProvider",
                         "workspaceSymbolProvider"):
                assert capabilities.get(name) is True, (name, capabilities)
            first = "file://" + os.path.join(root, "first.md")
            second = "file://" + os.path.join(root, "second.md")
            client.open(first, "Leon Trotsky reached Mexico in 1937. Trotsky was killed in 1940.\n")
            client.open(second, "Later, Trotsky's archive went to Harvard.\n")
            client.diagnostics(first, 1)
            client.diagnostics(second, 1)
            at = {"textDocument": {"uri": first}, "position": {"line": 0, "character": 40}}
            hover = client.call("textDocument/hover", at)
            assert hover and "1879" in hover["contents"]["value"], hover
            assert hover["range"]["start"] == {"line": 0, "character": 37}, hover
            definition = client.call("textDocument/definition", at)
            assert definition["uri"].endswith("people.json"), definition
            references = client.call("textDocument/references",
                                     dict(at, context={"includeDeclaration": False}))
            uris = sorted(r["uri"] for r in references)
            assert uris == [first, first, second], references
            symbols = client.call("textDocument/documentSymbol", {"textDocument": {"uri": first}})
            assert [s["name"] for s in symbols] == ["Leon Trotsky"], symbols
            found = client.call("workspace/symbol", {"query": "trotsky"})
            assert found and found[0]["name"] == "Leon Trotsky", found[:3]

            # A workspace knowledge base, picked up when it appears and when it changes.
            os.mkdir(os.path.join(root, ".histlint"))
            kb_path = os.path.join(root, ".histlint", "people.json")

            def write_kb(description):
                with open(kb_path, "w") as f:
                    json.dump({"version": 1, "people": [{
                        "id": "ada-quill", "name": "Ada Quill", "sex": "female",
                        "birth": {"date": "1801-02-03"}, "death": {"date": "1870-04-05"},
                        "description": description}]}, f)
                client.notify("workspace/didChangeWatchedFiles",
                              {"changes": [{"uri": "file://" + kb_path, "type": 1}]})

            write_kb("Fictional archivist of the test suite.")
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": first, "version": 2},
                "contentChanges": [{"text": "Ada Quill kept the papers until 1860.\n"}]})
            client.diagnostics(first, 2)
            hover = client.call("textDocument/hover", {"textDocument": {"uri": first},
                                                       "position": {"line": 0, "character": 2}})
            assert hover and "Fictional archivist" in hover["contents"]["value"], hover
            time.sleep(0.05)
            write_kb("Renamed archivist of the test suite.")
            client.diagnostics(first, 2)
            hover = client.call("textDocument/hover", {"textDocument": {"uri": first},
                                                       "position": {"line": 0, "character": 2}})
            assert hover and "Renamed archivist" in hover["contents"]["value"], hover
            assert client.stop() == 0
        finally:
            client.kill()


def settle(client, uri, predicate, what):
    """The diagnostics of `uri` once a publication satisfies `predicate` (earlier ones skipped):
    a document is re-published when another open document changes its findings."""
    deadline = time.time() + TIMEOUT
    while True:
        published = client.diagnostics(uri, timeout=max(0.1, deadline - time.time()))
        if predicate(published):
            return published
        if time.time() > deadline:
            raise AssertionError("%s: never %s; last %s" % (uri, what, published))


@test
def conflicting_dates_across_open_documents():
    with tempfile.TemporaryDirectory() as root:
        client = Client()
        try:
            client.initialize(root=root)
            first = "file://" + os.path.join(root, "chapter-1.md")
            second = "file://" + os.path.join(root, "chapter-2.md")
            unrelated = "file://" + os.path.join(root, "notes.md")
            client.open(first, "# One\n\nTrotsky was expelled from the party in 1927.\n")
            client.open(second, "# Two\n\nIn 1929 Trotsky was expelled from the party.\n")
            client.open(unrelated, "# Notes\n\nLenin reached Petrograd in April 1917.\n")
            has_conflict = lambda p: "date/conflicting-dates" in codes(p)
            in_first = find(settle(client, first, has_conflict, "flagged"),
                            "date/conflicting-dates")
            in_second = find(settle(client, second, has_conflict, "flagged"),
                             "date/conflicting-dates")
            assert "chapter-2.md dates it to 1929" in in_first["message"], in_first
            assert "chapter-1.md dates it to 1927" in in_second["message"], in_second
            related = in_first["relatedInformation"][0]["location"]
            assert related["uri"] == second, related
            assert related["range"]["start"]["line"] == 2, related
            related = in_second["relatedInformation"][0]["location"]
            assert related["uri"] == first and related["range"]["start"]["line"] == 2, related

            # The editor's text counts, not the file on disk (there is none): fixing the second
            # chapter clears the first.
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": second, "version": 2},
                "contentChanges": [{"text": "# Two\n\nIn 1927 Trotsky was expelled from the party.\n"}]})
            settle(client, second, lambda p: not has_conflict(p), "cleared")
            settle(client, first, lambda p: not has_conflict(p), "cleared")

            # Contradicting it again, then closing the contradicting document.
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": second, "version": 3},
                "contentChanges": [{"text": "Trotsky was expelled from the party in 1928.\n"}]})
            settle(client, first, has_conflict, "flagged again")
            client.notify("textDocument/didClose", {"textDocument": {"uri": second}})
            settle(client, first, lambda p: not has_conflict(p), "cleared after the close")
            for message in client.backlog:
                if message.get("method") == "textDocument/publishDiagnostics" and \
                        message["params"]["uri"] == unrelated:
                    assert codes(message["params"]) == [], message
            assert client.stop() == 0
        finally:
            client.kill()


def eventually(query, check, what):
    """Repeats `query` until `check` holds on its result: the workspace index builds in the
    background."""
    deadline = time.time() + TIMEOUT
    while True:
        result = query()
        if check(result):
            return result
        if time.time() > deadline:
            raise AssertionError("never %s: %s" % (what, result))
        time.sleep(0.1)


@test
def references_and_counts_reach_unopened_workspace_files():
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "archive", "letters"))
        os.makedirs(os.path.join(root, "node_modules", "x"))
        letter = os.path.join(root, "archive", "letters", "1937.md")
        with open(letter, "w") as f:
            f.write("# Letters\n\nA note from Coyoacán.\nLeon Trotsky wrote it. Trotsky signed.\n")
        with open(os.path.join(root, "node_modules", "x", "readme.md"), "w") as f:
            f.write("Leon Trotsky in a dependency.\n")
        with open(os.path.join(root, "archive", "data.json"), "w") as f:
            f.write('{"name": "Leon Trotsky"}\n')
        client = Client()
        try:
            client.initialize(root=root)
            first = "file://" + os.path.join(root, "first.md")
            client.open(first, "Leon Trotsky reached Mexico in 1937.\n")
            client.diagnostics(first, 1)
            at = {"textDocument": {"uri": first}, "position": {"line": 0, "character": 6},
                  "context": {"includeDeclaration": False}}
            letter_uri = "file://" + letter
            references = eventually(
                lambda: client.call("textDocument/references", at),
                lambda refs: any(r["uri"] == letter_uri for r in refs), "indexed the letter")
            in_letter = sorted((r["range"]["start"]["line"], r["range"]["start"]["character"])
                               for r in references if r["uri"] == letter_uri)
            assert in_letter == [(3, 0), (3, 23)], references
            assert all(r["uri"] in (first, letter_uri) for r in references), references
            hover = client.call("textDocument/hover", at)
            assert "2 times in other workspace documents" in hover["contents"]["value"], hover

            # Once open, the editor's text counts instead of the file.
            client.open(letter_uri, "Nothing about anyone.\n")
            client.diagnostics(letter_uri, 1)
            references = client.call("textDocument/references", at)
            assert [r["uri"] for r in references] == [first], references
            client.notify("textDocument/didClose", {"textDocument": {"uri": letter_uri}})
            eventually(lambda: client.call("textDocument/references", at),
                       lambda refs: len(refs) == 3, "the file back in the index after the close")

            # A file that changes on disk, reported by the client's watcher.
            with open(letter, "w") as f:
                f.write("Trotsky, Trotsky and Trotsky.\n")
            client.notify("workspace/didChangeWatchedFiles",
                          {"changes": [{"uri": letter_uri, "type": 2}]})
            eventually(lambda: client.call("textDocument/references", at),
                       lambda refs: len(refs) == 4, "the changed file re-indexed")
            assert client.stop() == 0
        finally:
            client.kill()


@test
def a_person_only_the_text_knows_goes_into_the_people_file():
    with tempfile.TemporaryDirectory() as root:
        client = Client()
        try:
            capabilities = client.initialize(root=root)["capabilities"]
            assert "refactor" in capabilities["codeActionProvider"]["codeActionKinds"]
            command = "histlint.addPersonToPeopleFile"
            assert command in capabilities["executeCommandProvider"]["commands"], capabilities
            uri = "file://" + os.path.join(root, "letters.md")
            client.open(uri, "Nadia Orlova was born in Kazan on 2 March 1879.\n\n"
                             "Orlova, a teacher of music, died in 1931. Orlova taught in 1905.\n")
            client.diagnostics(uri, 1)
            # Another chapter that introduces her too: its mentions are counted on the card.
            other = "file://" + os.path.join(root, "school.md")
            client.open(other, "The school hired Nadia Orlova (1879–1931) in 1903.\n")
            client.diagnostics(other, 1)
            at = {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 45}}
            card = client.call("textDocument/hover", at)["contents"]["value"]
            for expected in ("**Nadia Orlova** · 1879–1931", "*From the text:* a teacher of music",
                             "**Born** 2 March 1879, Kazan", "**First mention** line 1",
                             "Mentioned 3 times in this document · once in other workspace"):
                assert expected in card, (expected, card)

            def actions(position, only=None):
                context = {"diagnostics": []}
                if only is not None:
                    context["only"] = only
                return client.call("textDocument/codeAction", {
                    "textDocument": {"uri": uri}, "range": {"start": position, "end": position},
                    "context": context})

            offered = [a for a in actions(at["position"]) if a.get("command", {}).get("command")]
            assert [a["title"] for a in offered] == [
                "Add Nadia Orlova to the project's people file"], offered
            assert offered[0]["kind"] == "refactor", offered
            assert not [a for a in actions(at["position"], ["quickfix"]) if "command" in a]
            # Not on a place: "Kazan" is no one.
            assert not [a for a in actions({"line": 0, "character": 27}) if "command" in a]

            result = client.call("workspace/executeCommand", offered[0]["command"])
            assert result["id"] == "nadia-orlova", result
            kb_path = os.path.join(root, ".histlint", "people.json")
            with open(kb_path) as f:
                written = json.load(f)
            assert written["version"] == 1, written
            assert written["people"] == [{
                "id": "nadia-orlova", "name": "Nadia Orlova",
                "birth": {"date": "1879-03-02", "precision": "day", "place": "Kazan"},
                "death": {"date": "1931", "precision": "year"},
                "description": "a teacher of music", "source": "text"}], written
            assert not [n for n in os.listdir(os.path.join(root, ".histlint")) if "partial" in n]
            client.wait_for(lambda m: m.get("method") == "window/showMessage" and
                            "Added Nadia Orlova" in m["params"]["message"], "the confirmation")
            # The next analysis reads the new entry: the card is the knowledge base's now.
            card = eventually(lambda: client.call("textDocument/hover", at)["contents"]["value"],
                              lambda value: "From the text" not in value,
                              "shown the knowledge-base card")
            assert "**Nadia Orlova** · 1879–1931" in card and "a teacher of music" in card, card
            assert "Mentioned 3 times in this document" in card, card
            assert not [a for a in actions(at["position"]) if "command" in a]
            assert client.stop() == 0
        finally:
            client.kill()


@test
def a_configuration_that_names_no_people_file_comes_to_name_the_new_one():
    with tempfile.TemporaryDirectory() as root:
        project = os.path.join(root, "book")
        os.mkdir(project)
        config_path = os.path.join(project, ".histlint.json")
        with open(config_path, "w") as f:
            json.dump({"rules": {"date/age-mismatch": "error"}}, f)
        client = Client()
        try:
            client.initialize(root=root)
            uri = "file://" + os.path.join(project, "chapter.md")
            client.open(uri, "Marta Kovalenko (4 May 1821 – 1881), a seamstress from Tver, "
                             "kept the ledgers.\n")
            client.diagnostics(uri, 1)
            position = {"line": 0, "character": 3}
            actions = client.call("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": {"start": position, "end": position},
                "context": {"diagnostics": [], "only": ["refactor"]}})
            assert [a["title"] for a in actions] == [
                "Add Marta Kovalenko to the project's people file"], actions
            client.call("workspace/executeCommand", actions[0]["command"])
            with open(os.path.join(project, ".histlint", "people.json")) as f:
                entry = json.load(f)["people"][0]
            assert entry["birth"] == {"date": "1821-05-04", "precision": "day"}, entry
            assert entry["description"] == "a seamstress from Tver", entry
            with open(config_path) as f:
                config = json.load(f)
            assert config == {"rules": {"date/age-mismatch": "error"},
                              "knowledgeBase": [".histlint/people.json"]}, config
            at = {"textDocument": {"uri": uri}, "position": position}
            eventually(lambda: client.call("textDocument/hover", at)["contents"]["value"],
                       lambda value: "From the text" not in value, "shown the knowledge-base card")
            # Running the command again (a stale action) adds nobody: the person is known now.
            client.call("workspace/executeCommand", actions[0]["command"])
            client.wait_for(lambda m: m.get("method") == "window/showMessage" and
                            "found nobody to add" in m["params"]["message"], "the refusal")
            with open(os.path.join(project, ".histlint", "people.json")) as f:
                assert len(json.load(f)["people"]) == 1
            assert client.stop() == 0
        finally:
            client.kill()


@test
def configuration_files_and_settings():
    with tempfile.TemporaryDirectory() as root:
        with open(os.path.join(root, ".histlint.json"), "w") as f:
            json.dump({"rules": {"date/impossible-date": "error"}}, f)
        uri = "file://" + os.path.join(root, "a.md")
        client = Client()
        try:
            client.initialize(root=root)
            client.open(uri, IMPOSSIBLE)
            assert find(client.diagnostics(uri, 1), "date/impossible-date")["severity"] == 1
            # Editor settings override the file.
            client.notify("workspace/didChangeConfiguration",
                          {"settings": {"histlint": {"rules": {"date/impossible-date": "off"}}}})
            published = client.diagnostics(uri, 1)
            assert "date/impossible-date" not in codes(published), published
            client.notify("workspace/didChangeConfiguration",
                          {"settings": {"histlint": {"rules": {}}}})
            assert "date/impossible-date" in codes(client.diagnostics(uri, 1))
            # A broken configuration file: shown to the user, named, and the server goes on.
            time.sleep(0.05)
            with open(os.path.join(root, ".histlint.json"), "w") as f:
                f.write('{\n  "rulez": {}\n}\n')
            client.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": "file://" + os.path.join(root, ".histlint.json"), "type": 2}]})
            message = client.wait_for(lambda m: m.get("method") == "window/showMessage",
                                      "a configuration error")
            assert ".histlint.json" in message["params"]["message"], message
            assert "rulez" in message["params"]["message"], message
            assert "date/impossible-date" in codes(client.diagnostics(uri, 1))
            # Bad editor settings: an error message, previous settings kept.
            client.notify("workspace/didChangeConfiguration",
                          {"settings": {"histlint": {"rules": {"date/impossible-date": "loud"}}}})
            client.wait_for(lambda m: m.get("method") == "window/showMessage", "a settings error")
            assert client.stop() == 0
        finally:
            client.kill()


# One sentence for each kind of inlay hint: an age the person's dates give (Trotsky's, from the
# bundled knowledge base), a day marked Old Style, and relative dates counted from a stated day.
HINTED = ("# Hints\n\n"
          "Trotsky was assassinated in Mexico at the age of 60.\n\n"
          "The rising began on 25 October 1917 O.S. in the capital.\n\n"
          "Lincoln was shot on 14 April 1865. He died the next morning, and two days later "
          "the 😀 train left.\n")


def inlay_hints(client, uri, last_line=100):
    return client.call("textDocument/inlayHint", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": last_line, "character": 0}}})


def labels_at(hints):
    return {(h["position"]["line"], h["position"]["character"]): h["label"] for h in hints}


@test
def inlay_hints_each_kind_and_switched_off():
    with tempfile.TemporaryDirectory() as root:
        uri = "file://" + os.path.join(root, "hints.md")
        client = Client()
        try:
            result = client.initialize(root=root)
            assert result["capabilities"]["inlayHintProvider"] is True, result
            client.open(uri, HINTED)
            client.diagnostics(uri, 1)
            hints = inlay_hints(client, uri)
            lines = HINTED.split("\n")
            age_end = lines[2].index("at the age of 60") + len("at the age of 60")
            old_style_end = lines[4].index("25 October 1917 O.S.") + len("25 October 1917 O.S.")
            morning_end = lines[6].index("the next morning") + len("the next morning")
            later_end = lines[6].index("two days later") + len("two days later")
            assert labels_at(hints) == {
                (2, age_end): "· 60 by his dates",
                (4, old_style_end): "· 7 Nov 1917 N.S.",
                (6, morning_end): "· 15 Apr 1865",
                (6, later_end): "· 17 Apr 1865",
            }, hints
            assert all(h["paddingLeft"] and h["tooltip"] for h in hints), hints
            # Only the hints of the range asked for.
            assert [h["label"] for h in inlay_hints(client, uri, last_line=3)] == \
                ["· 60 by his dates"]
            # Switched off in the editor's settings, then on again.
            client.notify("workspace/didChangeConfiguration",
                          {"settings": {"histlint": {"inlayHints": False}}})
            assert eventually(lambda: inlay_hints(client, uri), lambda h: h == [],
                              "no hints once switched off") == []
            client.notify("workspace/didChangeConfiguration",
                          {"settings": {"histlint": {"inlayHints": True}}})
            assert len(eventually(lambda: inlay_hints(client, uri), lambda h: len(h) == 4,
                                  "the hints back")) == 4
            # No progress token for a client that does not show progress.
            assert not [m for m in client.backlog
                        if m.get("method") == "window/workDoneProgress/create"]
            assert client.stop() == 0
        finally:
            client.kill()
        # Switched off in .histlint.json.
        with open(os.path.join(root, ".histlint.json"), "w") as f:
            json.dump({"inlayHints": False}, f)
        client = Client()
        try:
            client.initialize(root=root)
            client.open(uri, HINTED)
            client.diagnostics(uri, 1)
            assert inlay_hints(client, uri) == []
            assert client.stop() == 0
        finally:
            client.kill()


@test
def inlay_hints_in_utf16_positions():
    uri = "file:///tmp/histlint-e2e-hints-utf16.md"
    text = "😀😀 Lincoln was shot on 14 April 1865 and died the next morning.\n"
    client = Client()
    try:
        client.initialize()
        client.open(uri, text)
        client.diagnostics(uri, 1)
        end = text.index("the next morning") + len("the next morning")
        # Each emoji is one code point, two UTF-16 units.
        assert labels_at(inlay_hints(client, uri)) == {(0, end + 2): "· 15 Apr 1865"}
        assert client.stop() == 0
    finally:
        client.kill()


PULL_CAPABILITIES = {"textDocument": {"diagnostic": {"dynamicRegistration": False}},
                     "workspace": {"diagnostics": {"refreshSupport": True}}}


@test
def pull_diagnostics_full_then_unchanged():
    uri = "file:///tmp/histlint-e2e-pull.md"
    client = Client()
    try:
        result = client.initialize(extra_capabilities=PULL_CAPABILITIES)
        provider = result["capabilities"]["diagnosticProvider"]
        assert provider == {"interFileDependencies": True, "workspaceDiagnostics": False}, provider
        client.open(uri, IMPOSSIBLE)
        # Pulled before the analysis is done: answered when it is.
        first = client.call("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        assert first["kind"] == "full" and first["resultId"], first
        assert [d["code"] for d in first["items"]] == ["date/impossible-date"], first
        again = client.call("textDocument/diagnostic",
                            {"textDocument": {"uri": uri}, "previousResultId": first["resultId"]})
        assert again == {"kind": "unchanged", "resultId": first["resultId"]}, again
        # An edit that fixes the date: a full report, empty, with a new id.
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": IMPOSSIBLE.replace("31 June", "30 June")}]})
        fixed = client.call("textDocument/diagnostic",
                            {"textDocument": {"uri": uri}, "previousResultId": first["resultId"]})
        assert fixed["kind"] == "full" and fixed["items"] == [], fixed
        assert fixed["resultId"] != first["resultId"], fixed
        # A stale id from another state of the document gets the full report.
        stale = client.call("textDocument/diagnostic",
                            {"textDocument": {"uri": uri}, "previousResultId": "0"})
        assert stale["kind"] == "full", stale
        # Findings changed by something other than an edit (here the settings): the client is
        # asked to pull again, and the pull gets the new findings.
        client.notify("workspace/didChangeConfiguration",
                      {"settings": {"histlint": {"rules": {"date/impossible-date": "off"}}}})
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": IMPOSSIBLE}]})
        reopened = client.call("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        assert reopened["kind"] == "full" and reopened["items"] == [], reopened
        client.notify("workspace/didChangeConfiguration",
                      {"settings": {"histlint": {"rules": {}}}})
        refresh = client.wait_for(lambda m: m.get("method") == "workspace/diagnostic/refresh",
                                  "a diagnostic refresh")
        client.send({"jsonrpc": "2.0", "id": refresh["id"], "result": None})
        refreshed = client.call("textDocument/diagnostic", {
            "textDocument": {"uri": uri}, "previousResultId": reopened["resultId"]})
        assert [d["code"] for d in refreshed["items"]] == ["date/impossible-date"], refreshed
        # A document that is not open: an empty report, not an error.
        closed = client.call("textDocument/diagnostic",
                             {"textDocument": {"uri": "file:///tmp/histlint-e2e-never.md"}})
        assert closed == {"kind": "full", "items": []}, closed
        # A pulling client gets no pushed diagnostics: they would show twice.
        pushed = [m for m in client.backlog if m.get("method") == "textDocument/publishDiagnostics"]
        assert pushed == [], pushed
        assert client.stop() == 0
    finally:
        client.kill()


@test
def work_done_progress_for_workspace_indexing():
    with tempfile.TemporaryDirectory() as root:
        for i in range(5):
            with open(os.path.join(root, "chapter%d.md" % i), "w") as f:
                f.write("Trotsky wrote chapter %d in exile.\n" % i)
        client = Client()
        try:
            client.initialize(root=root,
                              extra_capabilities={"window": {"workDoneProgress": True}})
            create = client.wait_for(
                lambda m: m.get("method") == "window/workDoneProgress/create", "a progress token")
            token = create["params"]["token"]
            client.send({"jsonrpc": "2.0", "id": create["id"], "result": None})

            def progress(kind):
                return client.wait_for(
                    lambda m: m.get("method") == "$/progress" and
                    m["params"]["token"] == token and m["params"]["value"]["kind"] == kind,
                    "$/progress " + kind)["params"]["value"]

            begin = progress("begin")
            assert begin["title"] and 0 <= begin["percentage"] <= 100, begin
            end = progress("end")
            assert end["message"] == "indexed 5 files", end
            def with_token(m):
                return m.get("method") == "$/progress" and m["params"]["token"] == token

            # Between begin and end: reports only.
            reports = [m["params"]["value"] for m in client.backlog if with_token(m)]
            assert all(r["kind"] == "report" and 0 <= r["percentage"] <= 100 for r in reports), \
                reports
            client.backlog = [m for m in client.backlog if not with_token(m)]
            # Nothing with the token after its end.
            assert client.stop() == 0
            late = [m for m in client.backlog if with_token(m)]
            assert late == [], late
        finally:
            client.kill()


@test
def tcp_listen():
    proc = subprocess.run([BINARY, "lsp", "--listen", "8.8.8.8:7000"], capture_output=True,
                          timeout=TIMEOUT)
    assert proc.returncode == 2 and b"--allow-remote" in proc.stderr, proc
    proc = subprocess.run([BINARY, "lsp", "--listen", "nonsense"], capture_output=True,
                          timeout=TIMEOUT)
    assert proc.returncode == 2, proc

    server = subprocess.Popen([BINARY, "lsp", "--listen", "127.0.0.1:0"], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        port = None
        deadline = time.time() + TIMEOUT
        while port is None and time.time() < deadline:
            line = server.stderr.readline().decode()
            match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
            if match:
                port = int(match.group(1))
        assert port, "no 'listening on' line"
        # A process that connects and leaves without initializing does not end the server, nor
        # does one that sends something else first.
        socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT).close()
        probe = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        probe.sendall(b"GET / HTTP/1.0\r\n\r\n")
        probe.close()
        sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        stream = sock.makefile("rwb")

        def call(message):
            stream.write(frame(message))
            stream.flush()

        def read():
            length = None
            while True:
                line = stream.readline().strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            return json.loads(stream.read(length))

        call({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        assert read()["result"]["capabilities"]["positionEncoding"] == "utf-16"
        call({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        assert read() == {"jsonrpc": "2.0", "id": 2, "result": None}
        call({"jsonrpc": "2.0", "method": "exit"})
        assert server.wait(timeout=TIMEOUT) == 0
        sock.close()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def main():
    if not os.access(BINARY, os.X_OK):
        print("histlint binary not found at %s" % BINARY)
        return 2
    only = os.environ.get("HISTLINT_E2E_ONLY")
    passed = failed = 0
    for function in TESTS:
        if only and function.__name__ != only:
            continue
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
