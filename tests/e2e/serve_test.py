"""End-to-end: `digestif serve` as a browser and an attacker meet it: pages, types, caching,
live rebuilds, the error overlay, refused paths and requests, the port and Ctrl-C."""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from serve_fixture import ServeProcess, write_atomically  # noqa: E402
from site_fixture import SiteFixture, assert_same_site  # noqa: E402

DIGESTIF, SOURCE = sys.argv[1], sys.argv[2]

DIGEST = "content/digests/2025-03-11-machinelearning.md"
DIGEST_PAGE = "/2025/03/11/machinelearning/"
REMOVED_DIGEST = "content/digests/2025-01-30-machinelearning.md"
REMOVED_PAGE = "/2025/01/30/machinelearning/"
SCRIPT_MARK = b"data-digestif-live-reload"
OVERLAY_MARK = b"digestif-error-overlay"
SECRET = "digestif-serve-secret-3f9a1c"
EDIT_DEADLINE = 1.0  # seconds from saving a file to seeing it served

BROKEN_YAML = """---
title: "Broken <b>bold</b>"
date: "2025-03-11"
tags: [unclosed
---

# Overall Ranking and Top Discussions
"""

# Files of every type the server must label, placed in the theme's static folder.
ASSETS = {
    "static/img/dot.png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "static/img/dot.jpg": (b"\xff\xd8\xff\xe0", "image/jpeg"),
    "static/img/dot.gif": (b"GIF89a", "image/gif"),
    "static/img/dot.webp": (b"RIFF\x00\x00\x00\x00WEBP", "image/webp"),
    "static/img/logo.svg": (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
    "static/fonts/body.woff2": (b"wOF2", "font/woff2"),
    "static/favicon.ico": (b"\x00\x00\x01\x00", "image/x-icon"),
    "static/js/site.js": (b"console.log('hi');", "text/javascript"),
}


def content_type(headers):
    return headers.get("content-type", "").split(";")[0].strip()


def status_of(raw):
    """The status code of a raw HTTP response (0 when there is none)."""
    parts = raw.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and raw.startswith(b"HTTP/1.") else 0


def make_site():
    site = SiteFixture(DIGESTIF, SOURCE)
    for relative, (data, _) in ASSETS.items():
        site.write(os.path.join("themes", "default", relative), data)
    site.write("secret.txt", SECRET + "\n")
    return site


class ServedSiteTest(unittest.TestCase):
    """Read-only checks on one server."""

    @classmethod
    def setUpClass(cls):
        cls.site = make_site()
        cls.server = ServeProcess(cls.site, "--port", "0")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.site.cleanup()

    def assertNothingLeaks(self, body):
        self.assertNotIn(SECRET.encode(), body)
        self.assertNotIn(b"root:x:0:0", body)
        self.assertNotIn(b"base_url", body)  # site.yaml

    def test_prints_a_local_url(self):
        self.assertRegex(self.server.url, r"^http://127\.0\.0\.1:\d+/$")
        self.assertNotEqual(self.server.port, 0)

    def test_pages_feeds_and_assets_have_their_types_and_bodies(self):
        expected = {
            "/": ("text/html", b"<html"),
            DIGEST_PAGE: ("text/html", b"L1 regularization"),
            "/2025/12/27/machinelearning-year-in-review/": ("text/html", b"<html"),
            "/tags/": ("text/html", b"<html"),
            "/css/style.css": ("text/css", b"{"),
            "/feed.xml": ("application/xml", b"<rss"),
            "/atom.xml": ("application/xml", b"<feed"),
            "/feed.json": ("application/json", b'"items"'),
            "/sitemap.xml": ("application/xml", b"<urlset"),
        }
        for path, (kind, needle) in expected.items():
            with self.subTest(path=path):
                status, headers, body = self.server.request(path)
                self.assertEqual(status, 200)
                self.assertEqual(content_type(headers), kind)
                self.assertIn(needle, body)
                self.assertIn("etag", headers)
        for relative, (data, kind) in ASSETS.items():
            path = "/" + relative.split("/", 1)[1]
            with self.subTest(path=path):
                status, headers, body = self.server.request(path)
                self.assertEqual(status, 200)
                self.assertEqual(content_type(headers), kind)
                self.assertEqual(body, data)

    def test_links_and_feeds_point_at_the_preview_server(self):
        _, _, body = self.server.request("/feed.xml")
        self.assertIn(self.server.url.encode(), body)
        self.assertNotIn(b"https://example.org/", body)

    def test_reload_script_only_in_served_html(self):
        _, _, home = self.server.request("/")
        self.assertEqual(home.count(SCRIPT_MARK), 1)
        self.assertLess(home.index(SCRIPT_MARK), home.rindex(b"</body>"))
        _, _, css = self.server.request("/css/style.css")
        self.assertNotIn(SCRIPT_MARK, css)
        _, _, feed = self.server.request("/feed.xml")
        self.assertNotIn(SCRIPT_MARK, feed)
        with open(self.site.path(".digestif", "serve", "index.html"), "rb") as f:
            self.assertNotIn(SCRIPT_MARK, f.read())
        code, out, err = self.site.run("build")
        self.assertEqual(code, 0, out + err)
        for path, data in self.site.site_files().items():
            self.assertNotIn(SCRIPT_MARK, data, path)
        self.assertTrue(os.path.exists(self.site.path("site", "index.html")))

    def test_head_is_get_without_a_body(self):
        _, get_headers, get_body = self.server.request("/")
        status, headers, body = self.server.request("/", method="HEAD")
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertEqual(int(headers["content-length"]), len(get_body))
        self.assertEqual(headers["etag"], get_headers["etag"])

    def test_other_methods_get_405_with_allow(self):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            with self.subTest(method=method):
                status, headers, _ = self.server.request("/", method=method)
                self.assertEqual(status, 405)
                self.assertEqual(headers.get("allow"), "GET, HEAD")
        for method in (b"TRACE", b"CONNECT", b"BREW", b"PROPFIND"):
            with self.subTest(method=method):
                raw = self.server.raw(method + b" / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                self.assertEqual(status_of(raw), 405)
                self.assertIn(b"\r\nAllow: GET, HEAD\r\n", raw)
        raw = self.server.raw(b"garbage\r\n\r\n")
        self.assertEqual(status_of(raw), 400)

    def test_etag_gives_304(self):
        status, headers, _ = self.server.request("/css/style.css")
        self.assertEqual(status, 200)
        status, _, body = self.server.request("/css/style.css",
                                              headers={"If-None-Match": headers["etag"]})
        self.assertEqual(status, 304)
        self.assertEqual(body, b"")
        status, _, _ = self.server.request("/css/style.css", headers={"If-None-Match": '"0"'})
        self.assertEqual(status, 200)

    def test_folder_redirects_to_its_slash_and_serves_index(self):
        status, headers, _ = self.server.request(DIGEST_PAGE.rstrip("/"))
        self.assertEqual(status, 301)
        self.assertEqual(headers["location"], DIGEST_PAGE)
        status, headers, _ = self.server.request("/tags?page=2")
        self.assertEqual(status, 301)
        self.assertEqual(headers["location"], "/tags/?page=2")
        status, _, body = self.server.request(DIGEST_PAGE)
        self.assertEqual(status, 200)
        with open(self.site.path(".digestif", "serve", DIGEST_PAGE.strip("/"), "index.html"),
                  "rb") as f:
            self.assertEqual(body.replace(body[body.index(b"<script data-digestif"):
                                               body.index(b"</script>") + 10], b""), f.read())

    def test_missing_page_is_the_themes_404_with_status_404(self):
        status, headers, body = self.server.request("/no/such/page/")
        self.assertEqual(status, 404)
        self.assertEqual(content_type(headers), "text/html")
        with open(self.site.path(".digestif", "serve", "404.html"), "rb") as f:
            theme_page = f.read()
        self.assertIn(theme_page[:200], body)
        self.assertIn(SCRIPT_MARK, body)
        status, _, body = self.server.request("/.digestif-manifest")
        self.assertEqual(status, 404)  # the output writer's records are not part of the site
        self.assertNotIn(b"index.html", body)

    def test_traversal_in_every_spelling_serves_nothing_outside(self):
        serve_dir = self.site.path(".digestif", "serve")
        os.symlink(self.site.root, os.path.join(serve_dir, "escape"))
        os.symlink(self.site.path("secret.txt"), os.path.join(serve_dir, "leak.txt"))
        targets = [
            "/../secret.txt", "/../../secret.txt", "/css/../../../secret.txt",
            "/%2e%2e/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt", "/.%2e/.%2e/secret.txt",
            "/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt", "/css%2f..%2f..%2f..%2fsecret.txt",
            "/..\\..\\secret.txt", "/%5c..%5c..%5csecret.txt", "/css/..%5c..%5c..%5csecret.txt",
            "//etc/passwd", "/%2fetc%2fpasswd", "/../../../../../../etc/passwd",
            "/%252e%252e/%252e%252e/secret.txt", "/..%00/secret.txt", "/%00",
            "http://127.0.0.1/../../secret.txt", "/escape/secret.txt", "/escape/site.yaml",
            "/leak.txt", "/escape/", "/./../secret.txt",
        ]
        for target in targets:
            with self.subTest(target=target):
                raw = self.server.raw(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                       % target).encode())
                self.assertIn(status_of(raw), (400, 403, 404))
                self.assertNothingLeaks(raw)

    def test_oversized_uri_and_headers_are_refused(self):
        status, _, body = self.server.request("/" + "a" * 9000)
        self.assertEqual(status, 414)
        self.assertNothingLeaks(body)
        status, _, _ = self.server.request("/", headers={"X-Big": "b" * 9000})
        self.assertEqual(status, 431)
        many = {"X-Header-%d" % i: "v" * 1000 for i in range(40)}
        status, _, _ = self.server.request("/", headers=many)
        self.assertEqual(status, 431)
        status, _, _ = self.server.request("/", headers={"X-Fine": "f" * 2000})
        self.assertEqual(status, 200)  # a sane header is no problem


class BasePathTest(unittest.TestCase):
    """A site.yaml whose base_url has a path: the site is served under it."""

    def test_site_is_served_under_the_base_path(self):
        site = make_site()
        try:
            text = site.read("site.yaml").replace('base_url: "https://example.org/"',
                                                  'base_url: "https://example.org/blog/"')
            site.write("site.yaml", text)
            server = ServeProcess(site, "--port", "0")
            try:
                self.assertRegex(server.url, r"^http://127\.0\.0\.1:\d+/blog/$")
                status, _, body = server.request("/blog/")
                self.assertEqual(status, 200)
                self.assertIn(b'href="/blog/css/style.css"', body)
                self.assertEqual(server.request("/blog/css/style.css")[0], 200)
                status, headers, _ = server.request("/blog")
                self.assertEqual((status, headers.get("location")), (301, "/blog/"))
                self.assertEqual(server.request("/css/style.css")[0], 404)
                self.assertEqual(server.request("/blog/../secret.txt")[0], 400)
            finally:
                server.close()
        finally:
            site.cleanup()


class LiveRebuildTest(unittest.TestCase):
    """A server per test: edits, breaks and fixes files."""

    def setUp(self):
        self.site = make_site()
        self.server = ServeProcess(self.site, "--port", "0")

    def tearDown(self):
        self.server.close()
        self.site.cleanup()

    def open_events(self):
        sock = socket.create_connection((self.server.host, self.server.port), timeout=10)
        sock.sendall(b"GET /__digestif/live-reload HTTP/1.1\r\nHost: x\r\n\r\n")
        received = b""
        while b"digestif live reload" not in received:
            received += sock.recv(4096)
        self.assertIn(b"text/event-stream", received)
        return sock

    def wait_for_event(self, sock, name):
        received = b""
        deadline = time.monotonic() + 10
        while b"event: " + name not in received and time.monotonic() < deadline:
            received += sock.recv(4096)
        return received

    def test_an_edit_is_served_within_a_second_and_tabs_are_told(self):
        events = self.open_events()
        text = self.site.read(DIGEST).replace("Math in ML Papers", "Math in ML Papers, edited live")
        write_atomically(self.site.path(DIGEST), text)
        _, seen = self.server.poll(DIGEST_PAGE, lambda s, h, b: b"edited live" in b, EDIT_DEADLINE)
        self.assertTrue(seen, "the edited text was not served within %.1f s" % EDIT_DEADLINE)
        self.assertIn(b"event: reload", self.wait_for_event(events, b"reload"))
        events.close()
        line = self.server.wait_for_line(lambda line: "changed:" in line, 10)
        self.assertRegex(line, r"content/digests/2025-03-11-machinelearning\.md changed: "
                               r"\d+ pages rendered \([1-9]\d* changed\) in \d+ ms")

    def test_rebuilds_after_edits_equal_a_clean_build(self):
        """Text, tags, a new digest, a removed one: the served folder holds what a clean build
        with the preview's base URL writes (the documents of earlier builds were reused from
        memory, and only the changed files looked at again)."""
        text = self.site.read(DIGEST).replace("Math in ML Papers", "Math, rebuilt", 1)
        write_atomically(self.site.path(DIGEST), text)
        _, seen = self.server.poll(DIGEST_PAGE, lambda s, h, b: b"Math, rebuilt" in b, 10)
        self.assertTrue(seen)
        tags = next(line for line in text.splitlines() if line.startswith("tags:"))
        write_atomically(self.site.path(DIGEST), text.replace(tags, 'tags: ["served-tag"]', 1))
        _, seen = self.server.poll("/tags/served-tag/", lambda s, h, b: s == 200, 10)
        self.assertTrue(seen)  # served once that rebuild is done (requests wait for builds)
        added = text.replace('date: "2025-03-11"', 'date: "2025-03-12"', 1)
        write_atomically(self.site.path("content", "digests", "2025-03-12-machinelearning.md"),
                         added.replace("Math, rebuilt", "A digest added while serving", 1))
        _, seen = self.server.poll("/2025/03/12/machinelearning/", lambda s, h, b: s == 200, 10)
        self.assertTrue(seen)
        os.remove(self.site.path(REMOVED_DIGEST))
        _, seen = self.server.poll(REMOVED_PAGE, lambda s, h, b: s == 404, 10)
        self.assertTrue(seen)
        fresh = SiteFixture(DIGESTIF, self.site.root)
        try:
            config = fresh.read("site.yaml")
            fresh.write("site.yaml", config.replace('base_url: "https://example.org/"',
                                                    'base_url: "%s"' % self.server.url, 1))
            code, _, err = fresh.run("build", "--out", "clean")
            self.assertEqual(code, 0, err)
            clean = fresh.site_files("clean")
        finally:
            fresh.cleanup()
        assert_same_site(self, self.site.site_files(os.path.join(".digestif", "serve")), clean)

    def test_a_template_edited_between_content_edits_is_used(self):
        """Content edits reuse site.yaml and the plugins as last enabled; any other change has
        them read again."""
        text = self.site.read(DIGEST).replace("Math in ML Papers", "Math, first edit", 1)
        write_atomically(self.site.path(DIGEST), text)
        _, seen = self.server.poll(DIGEST_PAGE, lambda s, h, b: b"Math, first edit" in b, 10)
        self.assertTrue(seen)
        template = os.path.join("themes", "default", "templates", "digest.mustache")
        write_atomically(self.site.path(template),
                         self.site.read(template) + "<!-- template edited live -->\n")
        _, seen = self.server.poll(DIGEST_PAGE, lambda s, h, b: b"template edited live" in b, 10)
        self.assertTrue(seen, "the edited template was not used")
        write_atomically(self.site.path(DIGEST), text.replace("Math, first edit", "Math, again"))
        (_, _, body), seen = self.server.poll(DIGEST_PAGE, lambda s, h, b: b"Math, again" in b, 10)
        self.assertTrue(seen)
        self.assertIn(b"template edited live", body)

    def test_a_burst_of_saves_is_one_rebuild(self):
        before = len([line for line in self.server.out if "changed:" in line])
        original = self.site.read(DIGEST)
        for i in range(5):
            with open(self.site.path(DIGEST), "w", encoding="utf-8") as f:
                f.write(original.replace("Math in ML Papers", "Math %d" % i, 1))
            time.sleep(0.01)
        _, seen = self.server.poll(DIGEST_PAGE, lambda s, h, b: b"Math 4" in b, 10)
        self.assertTrue(seen)
        time.sleep(0.5)  # a second rebuild would have printed by now
        lines = [line for line in self.server.out if "changed:" in line]
        self.assertEqual(len(lines) - before, 1, "".join(lines))

    def test_a_stylesheet_edit_refreshes_styles_only(self):
        events = self.open_events()
        css = self.site.path("themes", "default", "static", "css", "style.css")
        with open(css, "a", encoding="utf-8") as f:
            f.write("\n.live-edit { color: red; }\n")
        received = self.wait_for_event(events, b"css")
        self.assertIn(b"event: css", received)
        self.assertNotIn(b"event: reload", received)
        events.close()
        _, seen = self.server.poll("/css/style.css", lambda s, h, b: b".live-edit" in b, 10)
        self.assertTrue(seen)

    def test_a_build_error_shows_an_overlay_until_fixed(self):
        original = self.site.read(DIGEST)
        write_atomically(self.site.path(DIGEST), BROKEN_YAML)
        (status, _, body), seen = self.server.poll("/", lambda s, h, b: OVERLAY_MARK in b, 10)
        self.assertTrue(seen, body[-2000:])
        overlay = body[body.index(OVERLAY_MARK):]
        self.assertRegex(overlay, rb"content/digests/2025-03-11-machinelearning\.md:[45]: "
                                  rb"error: invalid YAML")
        self.assertNotIn(b"<b>bold</b>", overlay)
        self.assertEqual(status, 200)  # the rest of the site still builds and is served
        status, _, body = self.server.request(DIGEST_PAGE)
        self.assertEqual(status, 404)  # the broken digest has no page
        self.assertIn(OVERLAY_MARK, body)
        self.server.wait_for_line(lambda line: "2025-03-11-machinelearning.md:" in line
                                  and "error:" in line, 10)
        write_atomically(self.site.path(DIGEST), original)
        (status, _, body), seen = self.server.poll(
            DIGEST_PAGE, lambda s, h, b: s == 200 and OVERLAY_MARK not in b, 10)
        self.assertTrue(seen, body[-2000:])
        _, _, home = self.server.request("/")
        self.assertNotIn(OVERLAY_MARK, home)

    def test_an_error_message_is_html_escaped(self):
        text = self.site.read(DIGEST).replace('date: "2025-03-11"',
                                              'date: "<img src=x onerror=alert(1)>"')
        write_atomically(self.site.path(DIGEST), text)
        (_, _, body), seen = self.server.poll("/", lambda s, h, b: OVERLAY_MARK in b, 10)
        self.assertTrue(seen)
        overlay = body[body.index(OVERLAY_MARK):]
        self.assertIn(b"&lt;img src=x onerror=alert(1)&gt;", overlay)
        self.assertNotIn(b"<img src=x", overlay)

    def test_a_broken_site_yaml_keeps_the_last_site_under_an_overlay(self):
        original = self.site.read("site.yaml")
        write_atomically(self.site.path("site.yaml"), original + "page_size: [unclosed\n")
        (status, _, body), seen = self.server.poll("/", lambda s, h, b: OVERLAY_MARK in b, 10)
        self.assertTrue(seen)
        self.assertEqual(status, 200)
        self.assertIn(b"L1 regularization", self.server.request(DIGEST_PAGE)[2])
        self.assertRegex(body[body.index(OVERLAY_MARK):], rb"site\.yaml:\d+: error: ")
        write_atomically(self.site.path("site.yaml"), original.replace("ML Digest", "ML Weekly"))
        (_, _, body), seen = self.server.poll(
            "/", lambda s, h, b: OVERLAY_MARK not in b and b"ML Weekly" in b, 10)
        self.assertTrue(seen, body[-1500:])

    def test_new_subfolders_are_watched(self):
        folder = self.site.path("content", "digests", "2026")
        os.makedirs(folder)
        time.sleep(0.3)  # the watch on the new folder is added when its creation is seen
        text = self.site.read(DIGEST).replace('date: "2025-03-11"', 'date: "2025-03-12"')
        text = text.replace("Math in ML Papers", "From a new folder")
        with open(os.path.join(folder, "2025-03-12-machinelearning.md"), "w",
                  encoding="utf-8") as f:
            f.write(text)
        _, seen = self.server.poll("/2025/03/12/machinelearning/",
                                   lambda s, h, b: s == 200 and b"From a new folder" in b, 10)
        self.assertTrue(seen)

    def test_serving_leaves_the_build_log_of_digestif_build_alone(self):
        """serve keeps its own log (.digestif/serve.log, written when it stops) and site analyses:
        a build after serving looks only at what changed, not at every page as if the output
        were new, and restores the analyses the edit does not concern."""
        code, _, err = self.site.run("build")
        self.assertEqual(code, 0, err)
        text = self.site.read(DIGEST).replace("Math in ML Papers", "Math, served then built", 1)
        write_atomically(self.site.path(DIGEST), text)
        _, seen = self.server.poll(DIGEST_PAGE, lambda s, h, b: b"served then built" in b, 10)
        self.assertTrue(seen)
        self.assertEqual(self.server.stop(signal.SIGINT), 0)
        self.assertTrue(os.path.exists(self.site.path(".digestif", "serve.log")))
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        reasons = [line for line in out.splitlines() if line.startswith("explain: ")]
        self.assertIn("explain: %s changed" % DIGEST, reasons)
        self.assertFalse([r for r in reasons if "output folder" in r or "base url" in r], out)
        kept = [r for r in reasons if r.startswith("explain: site analysis kept")]
        self.assertTrue(kept and "tags" in kept[0].split(": ")[-1].split(", "), out)

    def test_stopping_saves_the_site_analyses_it_ran(self):
        """A rebuild keeps the site analyzers' runs in memory; serve writes them to
        .digestif/site/ when it stops, for the next start."""
        text = self.site.read(DIGEST)
        tags = next(line for line in text.splitlines() if line.startswith("tags:"))
        write_atomically(self.site.path(DIGEST), text.replace(tags, 'tags: ["kept-at-stop"]', 1))
        _, seen = self.server.poll("/tags/kept-at-stop/", lambda s, h, b: s == 200, 10)
        self.assertTrue(seen)
        self.assertEqual(self.server.stop(signal.SIGINT), 0)
        folder = self.site.path(".digestif", "site")
        saved = []  # tags.<setup>.products: serve's, and digestif build's if any
        for name in os.listdir(folder):
            if name.startswith("tags.") and name.endswith(".products"):
                with open(os.path.join(folder, name), "rb") as f:
                    saved.append(f.read())
        self.assertTrue([data for data in saved if b"kept-at-stop" in data], saved)

    def test_timings_print_each_builds_phases(self):
        other = ServeProcess(self.site, "--port", "0", "--timings")
        try:
            other.wait_for_output("timings: run tasks", 20)
            text = self.site.read(DIGEST).replace("Math in ML Papers", "Math, timed", 1)
            write_atomically(self.site.path(DIGEST), text)
            other.wait_for_line(lambda line: "changed:" in line, 10)
            line = other.wait_for_line(lambda line: line.startswith("timings: check inputs"), 10)
            self.assertRegex(line, r"^timings: check inputs +\d+\.\d{3} s wall")
            self.assertEqual(other.stop(), 0)
        finally:
            other.close()

    def test_sigint_and_sigterm_stop_cleanly(self):
        self.assertEqual(self.server.stop(signal.SIGINT), 0)
        other = ServeProcess(self.site, "--port", "0")
        try:
            self.assertEqual(other.stop(signal.SIGTERM), 0)
        finally:
            other.close()

    def test_binding_beyond_loopback_warns(self):
        other = ServeProcess(self.site, "--port", "0", "--bind", "0.0.0.0")
        try:
            self.assertRegex(other.url, r"^http://127\.0\.0\.1:\d+/$")
            status, _, _ = other.request("/")
            self.assertEqual(status, 200)
            other.wait_for_output("warning: listening on 0.0.0.0", 10)
            self.assertEqual(other.stop(), 0)
        finally:
            other.close()
        self.assertNotIn("warning: listening", "".join(self.server.err))

    def test_help_lists_the_options(self):
        code, out, _ = self.site.run("serve", "--help")
        self.assertEqual(code, 0)
        for option in ("--port", "--bind", "--drafts", "--future", "--open", "--config",
                       "--timings"):
            self.assertIn(option, out)
        code, out, _ = self.site.run("--help")
        self.assertIn("serve", out)

    def test_a_port_in_use_is_one_clear_error(self):
        second = ServeProcess(self.site, "--port", str(self.server.port), wait=False)
        try:
            message = ("error: port %d is in use; stop the other server or pass --port 0 for a "
                       "free port" % self.server.port)
            second.wait_for_output(message + "\n", 60)
            self.assertEqual(second.process.wait(timeout=60), 1)
        finally:
            second.close()
        status, _, _ = self.server.request("/")
        self.assertEqual(status, 200)  # the first one still serves

    def test_an_executable_without_its_http_module_says_what_to_do(self):
        alone = tempfile.mkdtemp(prefix="digestif-alone-")
        try:
            copy = os.path.join(alone, "digestif")
            shutil.copy(DIGESTIF, copy)
            done = subprocess.run([copy, "serve", "--port", "0"], cwd=self.site.root,
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 1)
            module = os.path.join(alone, "digestif-http-server.so")
            self.assertRegex(done.stderr,
                             r"^error: cannot load the preview server's %s: .+; keep the "
                             r"digestif-http-server.so built with this digestif beside its "
                             r"executable\n$" % re.escape(module))
        finally:
            shutil.rmtree(alone)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
