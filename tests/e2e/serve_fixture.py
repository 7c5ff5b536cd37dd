"""Test helper: a running `digestif serve --port 0` on a SiteFixture, and HTTP requests to it."""
import http.client
import os
import queue
import signal
import socket
import subprocess
import threading
import time
import urllib.parse


class ServeProcess:
    """Starts `digestif serve` in the project folder and waits for the URL it prints."""

    def __init__(self, site, *args, wait=True):
        self.site = site
        self.process = subprocess.Popen([site.digestif, "serve", *args], cwd=site.root,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        self.lines = queue.Queue()  # (stream, line) as they come
        self.out = []
        self.err = []
        for stream, kept in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, kept), daemon=True).start()
        self.url = None
        if wait:
            line = self.wait_for_line(lambda line: "serving at " in line, 60)
            self.url = line.split("serving at ", 1)[1].split()[0]
            parsed = urllib.parse.urlsplit(self.url)
            self.host, self.port = parsed.hostname, parsed.port

    def _read(self, stream, kept):
        for line in stream:
            kept.append(line)
            self.lines.put(line)

    def wait_for_line(self, wanted, seconds):
        """The first line printed from now on (stdout or stderr) for which wanted(line) holds."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("digestif serve printed no expected line; out:\n%s\nerr:\n%s"
                                     % ("".join(self.out), "".join(self.err)))
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if wanted(line):
                return line

    def wait_for_output(self, text, seconds):
        """Waits until text appears anywhere in what the server printed so far (stdout or
        stderr, including lines wait_for_line went past)."""
        deadline = time.monotonic() + seconds
        while text not in "".join(self.out) + "".join(self.err):
            if time.monotonic() > deadline:
                raise AssertionError("digestif serve did not print %r; out:\n%s\nerr:\n%s"
                                     % (text, "".join(self.out), "".join(self.err)))
            time.sleep(0.02)

    def request(self, path, method="GET", headers=None):
        """(status, headers as a dict of lower-case names, body bytes); redirects not followed."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            body = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        finally:
            connection.close()

    def raw(self, data, read_seconds=10):
        """Sends bytes as they are on a fresh connection; returns the bytes of the first
        response (its head, then Content-Length bytes of body), or what came before the server
        closed the connection."""
        with socket.create_connection((self.host, self.port), timeout=read_seconds) as sock:
            sock.sendall(data)
            received = b""
            try:
                while b"\r\n\r\n" not in received:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return received
                    received += chunk
                head, body = received.split(b"\r\n\r\n", 1)
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(body) < length:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                return head + b"\r\n\r\n" + body
            except (socket.timeout, ConnectionResetError):
                return received

    def poll(self, path, predicate, seconds):
        """Requests path until predicate(status, headers, body) holds; returns the last answer
        and whether it held before the deadline."""
        deadline = time.monotonic() + seconds
        while True:
            answer = self.request(path)
            if predicate(*answer):
                return answer, True
            if time.monotonic() > deadline:
                return answer, False
            time.sleep(0.02)

    def stop(self, sig=signal.SIGINT, seconds=20):
        """Sends sig and returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError("digestif serve did not stop on signal %d" % sig)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()


def write_atomically(path, text):
    """Saves a file the way many editors do: a temporary file renamed over it."""
    temporary = os.path.join(os.path.dirname(path), ".%s.saving" % os.path.basename(path))
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)
