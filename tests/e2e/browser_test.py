"""End-to-end in a real browser: headless Chromium, driven over W3C WebDriver (chromedriver),
shows an edit made while the page is open, without the test navigating; a stylesheet edit
changes the styles without reloading the page. Skipped (exit 77) without chromium."""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from serve_fixture import ServeProcess, write_atomically  # noqa: E402
from site_fixture import SiteFixture  # noqa: E402

DIGESTIF, SOURCE = sys.argv[1], sys.argv[2]
SKIP = 77  # ctest SKIP_RETURN_CODE
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DIGEST = "content/digests/2025-03-11-machinelearning.md"
DIGEST_PAGE = "2025/03/11/machinelearning/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebDriver:
    """The few W3C WebDriver commands the test needs, over plain HTTP."""

    def __init__(self):
        self.port = free_port()
        self.profile = tempfile.mkdtemp(prefix="digestif-chromium-")
        self.process = subprocess.Popen([CHROMEDRIVER, "--port=%d" % self.port],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.call("GET", "/status")["ready"]:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if time.monotonic() > deadline:
                raise AssertionError("chromedriver did not start")
            time.sleep(0.1)
        options = {"binary": CHROMIUM,
                   "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-dev-shm-usage",
                            "--user-data-dir=" + self.profile]}
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})
        self.session = "/session/" + session["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=data,
                                         method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())["value"]

    def go(self, url):
        self.call("POST", self.session + "/url", {"url": url})

    def run(self, script):
        return self.call("POST", self.session + "/execute/sync", {"script": script, "args": []})

    def window(self):
        return self.call("GET", self.session + "/window")

    def wait_until(self, script, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.run(script):
                return True
            time.sleep(0.05)
        return False

    def quit(self):
        try:
            self.call("DELETE", self.session)
        finally:
            self.process.terminate()
            self.process.wait(timeout=20)
            shutil.rmtree(self.profile, ignore_errors=True)


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = WebDriver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def setUp(self):
        self.site = SiteFixture(DIGESTIF, SOURCE)
        self.server = ServeProcess(self.site, "--port", "0")

    def tearDown(self):
        self.server.close()
        self.site.cleanup()

    def open_page(self):
        self.driver.go(self.server.url + DIGEST_PAGE)
        # The injected script marks the page once its event stream is open.
        self.assertTrue(self.driver.wait_until(
            "return document.documentElement.dataset.digestifLiveReload === 'connected';", 10),
            "the live-reload event stream did not open")

    def test_an_edit_appears_in_the_open_page_by_itself(self):
        self.open_page()
        window = self.driver.window()
        url = self.driver.run("return location.href;")
        self.assertEqual(self.driver.run(
            "return performance.getEntriesByType('navigation')[0].type;"), "navigate")
        self.assertFalse(self.driver.run("return document.body.innerText.includes('Seen live');"))
        text = self.site.read(DIGEST).replace("Math in ML Papers", "Seen live in the browser")
        write_atomically(self.site.path(DIGEST), text)
        self.assertTrue(self.driver.wait_until(
            "return document.body.innerText.includes('Seen live in the browser');", 10),
            "the open page did not show the edit")
        # Same window and address; the page was reloaded by the live-reload script, the test
        # itself navigated nowhere.
        self.assertEqual(self.driver.window(), window)
        self.assertEqual(self.driver.run("return location.href;"), url)
        self.assertEqual(self.driver.run(
            "return performance.getEntriesByType('navigation')[0].type;"), "reload")

    def test_a_stylesheet_edit_restyles_without_reloading(self):
        self.open_page()
        self.driver.run("window.digestifMarker = 'same document';")
        before = self.driver.run("return getComputedStyle(document.body).outlineStyle;")
        self.assertNotEqual(before, "dotted")
        css = self.site.path("themes", "default", "static", "css", "style.css")
        with open(css, "a", encoding="utf-8") as f:
            f.write("\nbody { outline: 3px dotted rgb(255, 0, 0); }\n")
        self.assertTrue(self.driver.wait_until(
            "return getComputedStyle(document.body).outlineStyle === 'dotted';", 10),
            "the new stylesheet was not applied")
        self.assertEqual(self.driver.run("return window.digestifMarker;"), "same document")
        self.assertEqual(self.driver.run(
            "return performance.getEntriesByType('navigation')[0].type;"), "navigate")


if __name__ == "__main__":
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        print("SKIP: browser test needs chromium and chromedriver (Debian packages chromium and "
              "chromium-driver; scripts/install-deps installs them)")
        sys.exit(SKIP)
    result = unittest.main(argv=sys.argv[:1], verbosity=2, exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
