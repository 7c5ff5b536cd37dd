"""Test HTTP server for the fetch tests: serves a folder on 127.0.0.1 and misbehaves on demand.

Usage: fetch_server.py FOLDER [CERT KEY]. Prints the port it listens on, then serves until
killed; with a certificate and its key, it serves HTTPS.

  /<file>                 the file, with ETag and Last-Modified; 304 for If-None-Match /
                          If-Modified-Since that match
  /status/404             404
  /flaky/<file>           500 on the first request, then the file
  /always500/<file>       always 500
  /limited/<file>         429 with "Retry-After: 1" on the first request, then the file
  /redirect/<file>        302 to /<file>
  /loop/a, /loop/b        302 to each other, forever
  /to-file                302 to file:///etc/passwd
  /slow/<file>            the headers, then the body a byte every 0.5 s
  /pause/<file>           the file after 0.3 s (counts the requests in flight at once)
  /big/<n>                200 with n bytes, Content-Length given
  /big-chunked/<n>        200 with n bytes, chunked (no length known in advance)
  /_stats                 JSON: requests per path, answers per path, user agents, times
  /_reset                 forgets the statistics
"""
import email.utils
import hashlib
import json
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.abspath(sys.argv[1])
LOCK = threading.Lock()
STATS = {"requests": {}, "answers": {}, "times": {}, "user_agents": [], "in_flight": [0],
         "max_in_flight": [0]}


def record(path, status, agent):
    with LOCK:
        STATS["requests"][path] = STATS["requests"].get(path, 0) + 1
        STATS["answers"].setdefault(path, []).append(status)
        STATS["times"].setdefault(path, []).append(time.monotonic())
        STATS["user_agents"].append(agent)


def count(path):
    with LOCK:
        return STATS["requests"].get(path, 0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None):
        record(self.path, status, self.headers.get("User-Agent", ""))
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def file_path(self, relative):
        full = os.path.normpath(os.path.join(ROOT, relative.lstrip("/")))
        return full if full.startswith(ROOT + os.sep) and os.path.isfile(full) else None

    def serve_file(self, relative):
        full = self.file_path(relative)
        if full is None:
            return self.send(404, b"not found\n")
        with open(full, "rb") as f:
            body = f.read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        mtime = int(os.path.getmtime(full))
        modified = email.utils.formatdate(mtime, usegmt=True)
        headers = {"ETag": etag, "Last-Modified": modified}
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        if match is not None:
            if match == etag:
                return self.send(304, b"", headers)
        elif since is not None:
            parsed = email.utils.parsedate_to_datetime(since)
            if parsed is not None and mtime <= parsed.timestamp():
                return self.send(304, b"", headers)
        return self.send(200, body, headers)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/_stats":
            with LOCK:
                body = json.dumps(STATS).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return self.wfile.write(body)
        if path == "/_reset":
            with LOCK:
                for value in STATS.values():
                    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], int):
                        value[0] = 0
                    else:
                        value.clear()
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/status/404":
            return self.send(404, b"not found\n")
        if path.startswith("/flaky/"):
            if count(self.path) == 0:
                return self.send(500, b"oops\n")
            return self.serve_file(path[len("/flaky"):])
        if path.startswith("/always500/"):
            return self.send(500, b"down\n")
        if path.startswith("/limited/"):
            if count(self.path) == 0:
                return self.send(429, b"slow down\n", {"Retry-After": "1"})
            return self.serve_file(path[len("/limited"):])
        if path.startswith("/redirect/"):
            return self.send(302, b"", {"Location": path[len("/redirect"):]})
        if path == "/loop/a":
            return self.send(302, b"", {"Location": "/loop/b"})
        if path == "/loop/b":
            return self.send(302, b"", {"Location": "/loop/a"})
        if path == "/to-file":
            return self.send(302, b"", {"Location": "file:///etc/passwd"})
        if path.startswith("/pause/"):
            return self.pause(path[len("/pause"):])
        if path.startswith("/slow/"):
            return self.slow(path[len("/slow"):])
        if path.startswith("/big/"):
            return self.send(200, b"x" * int(path[len("/big/"):]))
        if path.startswith("/big-chunked/"):
            return self.chunked(int(path[len("/big-chunked/"):]))
        return self.serve_file(path)

    def pause(self, relative):
        with LOCK:
            STATS["in_flight"][0] += 1
            STATS["max_in_flight"][0] = max(STATS["max_in_flight"][0], STATS["in_flight"][0])
        time.sleep(0.3)
        with LOCK:
            STATS["in_flight"][0] -= 1
        return self.serve_file(relative)

    def slow(self, relative):
        full = self.file_path(relative)
        with open(full, "rb") as f:
            body = f.read()
        record(self.path, 200, self.headers.get("User-Agent", ""))
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(min(len(body), 20)):  # at most 10 s, then the client is long gone
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass
        self.close_connection = True

    def chunked(self, size):
        record(self.path, 200, self.headers.get("User-Agent", ""))
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            block = b"y" * 16384
            sent = 0
            while sent < size:
                part = block[:min(len(block), size - sent)]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                sent += len(part)
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that hangs up (a body over its limit, a timeout) is expected here."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    if len(sys.argv) == 4:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
