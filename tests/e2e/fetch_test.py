"""End-to-end: remote sources fetched from a real HTTP server on 127.0.0.1 (fetch_server.py).

Checks what a user sees: pages built from fetched digests, indexes and a Reddit post, the error
and warning lines, exit codes, --offline without a server, the cache (cold: 200s, warm: 304s and
the same pages), the fetch lock and the "changed since the last build" summary line.
Prints the cold and warm figures of fetching a remote index of 20 corpus digests.
"""
import glob
import hashlib
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from site_fixture import SiteFixture, corpus_dir  # noqa: E402

DIGESTIF, SOURCE = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fetch_fixtures")
REDDIT_PATH = "/r/LocalLLaMA/comments/1q2w3e4/rlocalllama_2025_a_year_in_review/"
REDDIT_NAME = "rlocalllama_2025_a_year_in_review"
DIGESTS = sorted(os.listdir(os.path.join(SOURCE, "content", "digests")))

# Small limits keep the failing cases short: every wait of these tests is bounded by them.
FAST = {"user_agent": "digestif-test/1", "max_age": 0, "connect_timeout": 5, "timeout": 10,
        "retry_wait": 2, "retries": 2, "max_body": 200000, "per_host": 2}


class Server:
    """fetch_server.py serving `folder` on a free port of 127.0.0.1."""

    def __init__(self, folder, tls=()):
        self.process = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "fetch_server.py"),
                                         folder, *tls], stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())
        self.base = "%s://127.0.0.1:%d" % ("https" if tls else "http", self.port)

    def url(self, path):
        return self.base + path

    def get(self, path):
        with urllib.request.urlopen(self.url(path), timeout=10) as answer:
            return answer.read()

    def stats(self):
        return json.loads(self.get("/_stats"))

    def reset(self):
        self.get("/_reset")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()


def served_folder():
    """A temp folder with the sample digests, two indexes of them and the Reddit post JSON."""
    folder = tempfile.mkdtemp(prefix="digestif-fetch-served-")
    os.makedirs(os.path.join(folder, "docs"))
    for name in DIGESTS:
        shutil.copy(os.path.join(SOURCE, "content", "digests", name), os.path.join(folder, "docs"))
    with open(os.path.join(folder, "index.json"), "w") as f:
        json.dump(["docs/" + name for name in DIGESTS], f)
    post = os.path.join(folder, REDDIT_PATH.strip("/").rsplit("/", 1)[0])
    os.makedirs(post)
    shutil.copy(os.path.join(FIXTURES, "reddit", REDDIT_NAME + ".json"), post)
    corpus = corpus_dir(SOURCE)
    if corpus:
        names = sorted(os.listdir(os.path.join(corpus, "digests")))[:20]
        os.makedirs(os.path.join(folder, "corpus"))
        for name in names:
            shutil.copy(os.path.join(corpus, "digests", name), os.path.join(folder, "corpus"))
        with open(os.path.join(folder, "corpus", "index.json"), "w") as f:
            json.dump(names, f)
    return folder


def sha256_of(path):
    with open(path, "rb") as f:
        return "sha256:" + hashlib.sha256(f.read()).hexdigest()


class FetchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = served_folder()
        with open(os.path.join(cls.folder, "index.txt"), "w") as f:
            f.write("# the sample digests\n")
        cls.server = Server(cls.folder)
        with open(os.path.join(cls.folder, "index.txt"), "a") as f:
            for name in DIGESTS:
                f.write(cls.server.url("/docs/" + name) + "\n")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def setUp(self):
        self.server.reset()
        self.sites = []

    def tearDown(self):
        for site in self.sites:
            site.cleanup()

    # -- helpers ---------------------------------------------------------------------------

    def site(self, sources, http=None, reddit=None):
        """A project whose site.yaml lists `sources` (URLs given as server paths start with /)."""
        site = SiteFixture(DIGESTIF, SOURCE)
        self.sites.append(site)
        entries = [self.server.url(s) if s.startswith("/") else s for s in sources]
        config = {"title": "Fetch test", "base_url": "https://example.org/", "output": "site",
                  "sources": entries,
                  "plugins": {"http_source": dict(FAST, **(http or {})),
                              "reddit_source": dict({"hosts": ["127.0.0.1"], "comments": 3},
                                                    **(reddit or {}))}}
        site.write("site.yaml", json.dumps(config, indent=1) + "\n")
        return site

    def page(self, site, relative):
        with open(site.path("site", relative), encoding="utf-8") as f:
            return f.read()

    def answers(self):
        return self.server.stats()["answers"]

    def lock(self, site):
        with open(site.path(".digestif", "fetch.lock"), encoding="utf-8") as f:
            return json.load(f)

    # -- fetching documents and indexes ---------------------------------------------------

    def test_json_index_cold_then_warm_cache_same_pages(self):
        site = self.site(["/index.json"])
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertIn("4 documents", out)
        page = self.page(site, "2025/03/11/machinelearning/index.html")
        self.assertIn("How does L1 regularization perform feature selection?", page)
        cold = self.answers()
        self.assertEqual(cold["/index.json"], [200])
        for name in DIGESTS:
            self.assertEqual(cold["/docs/" + name], [200])
        self.assertIn("digestif: http_source: 5 of 5 remote sources changed since the last build: "
                      + self.server.url("/docs/" + DIGESTS[0]), out)
        before = site.site_files()

        self.server.reset()
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        warm = self.answers()
        self.assertEqual(sorted(warm), sorted(cold))
        self.assertTrue(all(codes == [304] for codes in warm.values()), warm)
        self.assertIn("digestif: http_source: 0 of 5 remote sources changed since the last build\n",
                      out)
        self.assertEqual(site.site_files(), before)

    def test_lock_file_records_what_the_build_used(self):
        site = self.site(["/index.json"])
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        lock = self.lock(site)
        self.assertEqual(lock["version"], 1)
        urls = [entry["url"] for entry in lock["sources"]]
        self.assertEqual(urls, sorted(urls))
        expected = [self.server.url("/index.json")] + [self.server.url("/docs/" + n) for n in DIGESTS]
        self.assertEqual(sorted(urls), sorted(expected))
        served = {self.server.url("/index.json"): os.path.join(self.folder, "index.json")}
        for name in DIGESTS:
            served[self.server.url("/docs/" + name)] = os.path.join(self.folder, "docs", name)
        for entry in lock["sources"]:
            path = served[entry["url"]]
            self.assertEqual(entry["plugin"], "http_source")
            self.assertEqual(entry["hash"], sha256_of(path))
            self.assertEqual(entry["etag"], '"' + sha256_of(path)[7:23] + '"')
            self.assertRegex(entry["last_modified"], r"^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$")
            self.assertLess(abs(entry["fetched"] - time.time()), 600)
        # Everything lives at the site root, nothing in the output folder, no temp files left.
        self.assertFalse(os.path.exists(site.path("site", ".digestif")))
        known = ("cache", "fetch.lock", "build.log", "documents", "site")
        leftovers = [n for n in os.listdir(site.path(".digestif")) if n not in known]
        self.assertEqual(leftovers, [])
        self.assertEqual(len(os.listdir(site.path(".digestif", "cache"))), 2 * 5)

    def test_plain_index_and_user_agent(self):
        site = self.site(["/index.txt"])
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertIn("4 documents", out)
        stats = self.server.stats()
        self.assertEqual(set(stats["user_agents"]), {"digestif-test/1"})
        self.assertEqual(stats["answers"]["/index.txt"], [200])

    def test_local_and_remote_sources_together(self):
        site = self.site(["content", "/docs/" + DIGESTS[0]])
        os.remove(site.path("content", "digests", DIGESTS[0]))
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertIn("5 documents", out)
        self.assertIn("1 of 1 remote sources changed", out)

    def test_changed_since_last_build_names_the_changed_source(self):
        folder = os.path.join(self.folder, "changing")
        os.makedirs(folder, exist_ok=True)
        for name in DIGESTS[:2]:
            shutil.copy(os.path.join(self.folder, "docs", name), folder)
        with open(os.path.join(folder, "index.json"), "w") as f:
            json.dump(DIGESTS[:2], f)
        site = self.site(["/changing/index.json"])
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        changed = os.path.join(folder, DIGESTS[1])
        with open(changed, "a") as f:
            f.write("\nA paragraph added upstream after the first build.\n")
        os.utime(changed, (time.time() + 5, time.time() + 5))
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertIn("digestif: http_source: 1 of 3 remote sources changed since the last build: "
                      + self.server.url("/changing/" + DIGESTS[1]) + "\n", out)
        pages = glob.glob(site.path("site", "2025", "*", "*", "*", "index.html"))
        texts = []
        for page in pages:
            with open(page, encoding="utf-8") as f:
                texts.append(f.read())
        self.assertTrue(any("A paragraph added upstream" in text for text in texts))

    def test_a_fresh_cache_is_used_without_asking(self):
        site = self.site(["/index.json"], http={"max_age": 3600})
        self.assertEqual(site.run("build")[0], 0)
        self.server.reset()
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertEqual(self.answers(), {})
        self.assertIn("4 documents", out)

    # -- --offline ---------------------------------------------------------------------------

    def test_offline_builds_from_the_cache_with_no_server(self):
        folder = served_folder()
        own = Server(folder)
        try:
            site = self.site([own.url("/index.json"), own.url(REDDIT_PATH)])
            code, out, online_err = site.run("build")
            self.assertEqual(code, 0, out + online_err)
            before = site.site_files()
        finally:
            own.stop()
            shutil.rmtree(folder, ignore_errors=True)
        code, out, err = site.run("build", "--offline")
        self.assertEqual(code, 0, out + err)
        self.assertEqual(err, online_err)  # the same content warnings, nothing about fetching
        self.assertIn("5 documents", out)
        self.assertEqual(site.site_files(), before)
        self.assertIn("digestif: http_source: 0 of 5 remote sources changed", out)
        self.assertIn("digestif: reddit_source: 0 of 1 remote sources changed", out)

    def test_offline_opens_no_connection_and_needs_the_cache(self):
        site = self.site(["content", "/index.json"])
        code, out, err = site.run("build", "--offline")
        self.assertEqual(code, 1)
        self.assertIn(self.server.url("/index.json") + ": error: not in the fetch cache, and "
                      "--offline opens no connection; build once without --offline\n", err)
        self.assertIn("5 documents", out)  # the local content still builds
        self.assertEqual(self.answers(), {})

    # -- failures ------------------------------------------------------------------------------

    def test_a_failed_fetch_with_a_cached_copy_warns_and_uses_it(self):
        folder = os.path.join(self.folder, "vanishing")
        os.makedirs(folder, exist_ok=True)
        shutil.copy(os.path.join(self.folder, "docs", DIGESTS[0]), folder)
        site = self.site(["/vanishing/" + DIGESTS[0]])
        self.assertEqual(site.run("build")[0], 0)
        os.remove(os.path.join(folder, DIGESTS[0]))
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertRegex(err, re.escape(self.server.url("/vanishing/" + DIGESTS[0])) +
                         r": warning: cannot fetch: HTTP 404; using the cached copy of "
                         r"\d{4}-\d\d-\d\d \d\d:\d\d UTC\n")
        self.assertIn("1 documents", out)
        self.assertIn("1 warnings", out)

    def test_each_failure_is_one_error_line_and_the_rest_builds(self):
        bad = {
            "/status/404": "cannot fetch: HTTP 404",
            "/always500/docs/" + DIGESTS[0]: "cannot fetch: HTTP 500 after 3 attempts",
            "/loop/a": "cannot fetch: more than 5 redirects",
            "/to-file": "cannot fetch: not http or https (only those are fetched, also on redirect)",
            "/big/300000": "cannot fetch: the body is larger than 200000 bytes, see option \"max_body\"",
            "/big-chunked/300000":
                "cannot fetch: the body is larger than 200000 bytes, see option \"max_body\"",
        }
        site = self.site(["content"] + list(bad) + ["ftp://127.0.0.1/x.md"], http={"retry_wait": 0.2})
        code, out, err = site.run("build")
        self.assertEqual(code, 1)
        for path, problem in bad.items():
            self.assertIn(self.server.url(path) + ": error: " + problem +
                          "; check the URL and the server, or remove it from \"sources\"\n", err)
        self.assertRegex(err, r"site\.yaml:\d+: error: no enabled source plugin reads "
                              r"\"ftp://127\.0\.0\.1/x\.md\"; check the folder or URL, or enable "
                              r"the plugin for it\n")
        errors = [line for line in err.splitlines() if ": error: " in line]
        self.assertEqual(len(errors), len(bad) + 1, err)
        self.assertIn("5 documents", out)
        self.assertTrue(os.path.exists(site.path("site/2025/03/11/machinelearning/index.html")))
        self.assertEqual(self.answers()["/always500/docs/" + DIGESTS[0]], [500, 500, 500])
        self.assertEqual(self.answers()["/status/404"], [404])  # a 404 is not tried again

    def test_an_index_entry_of_another_scheme_is_an_error_and_the_others_build(self):
        os.makedirs(os.path.join(self.folder, "mixed"), exist_ok=True)
        with open(os.path.join(self.folder, "mixed", "index.json"), "w") as f:
            json.dump(["../docs/" + DIGESTS[0], "file:///etc/passwd"], f)
        site = self.site(["/mixed/index.json"])
        code, out, err = site.run("build")
        self.assertEqual(code, 1)
        self.assertIn(self.server.url("/mixed/index.json") + ": error: index entry 2: "
                      "\"file:///etc/passwd\" is not an http or https URL; fix the index\n", err)
        self.assertIn("1 documents", out)

    def test_a_slow_body_times_out(self):
        site = self.site(["content", "/slow/docs/" + DIGESTS[0]], http={"timeout": 1})
        code, out, err = site.run("build")
        self.assertEqual(code, 1)
        self.assertIn(self.server.url("/slow/docs/" + DIGESTS[0]) +
                      ": error: cannot fetch: timed out after 1 s, see option \"timeout\"", err)
        self.assertIn("5 documents", out)

    def test_500_then_200_and_429_with_retry_after_are_tried_again(self):
        site = self.site(["/flaky/docs/" + DIGESTS[0], "/limited/docs/" + DIGESTS[1],
                          "/redirect/docs/" + DIGESTS[2]])
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertIn("3 documents", out)
        stats = self.server.stats()
        self.assertEqual(stats["answers"]["/flaky/docs/" + DIGESTS[0]], [500, 200])
        self.assertEqual(stats["answers"]["/limited/docs/" + DIGESTS[1]], [429, 200])
        self.assertEqual(stats["answers"]["/redirect/docs/" + DIGESTS[2]], [302])
        # Retry-After: 1 is honoured (the backoff alone would wait 0.5 s).
        first, second = stats["times"]["/limited/docs/" + DIGESTS[1]]
        self.assertGreaterEqual(second - first, 0.9)

    def test_requests_run_at_once_up_to_the_per_host_cap(self):
        paths = ["/pause/docs/" + name for name in DIGESTS]
        site = self.site(paths, http={"per_host": 2})
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertIn("4 documents", out)
        stats = self.server.stats()
        self.assertEqual(sorted(stats["answers"]), sorted(paths))
        self.assertEqual(stats["max_in_flight"], [2])  # at once, and never more than the cap

    # -- Reddit -----------------------------------------------------------------------------

    def reddit_page(self, site):
        pages = glob.glob(site.path("site", "2025", "12", "27", "*", "index.html"))
        self.assertEqual(len(pages), 1, pages)
        with open(pages[0], encoding="utf-8") as f:
            return pages[0], f.read()

    def test_a_reddit_post_is_a_review_page_like_the_file_review(self):
        site = self.site([REDDIT_PATH])
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertIn("1 documents", out)
        self.assertEqual(self.answers()[REDDIT_PATH.rstrip("/") + ".json"], [200])
        path, html = self.reddit_page(site)
        self.assertIn("r/LocalLLaMA 2025 &amp; a year in review", html)
        self.assertIn("Plenty is missing &amp; that says where the talk happened.", html)
        order = [html.find(name) for name in ("tokens_per_watt", "gpu_poor_and_proud",
                                              "mmap_enjoyer")]
        self.assertTrue(all(i > 0 for i in order) and order == sorted(order), order)
        for absent in ("late_to_the_thread", "quant_queen", "[deleted]", "n2more"):
            self.assertNotIn(absent, html)
        self.assertIn("Top 3 comments:", html)  # the post's own line, shown as written

        # The same post as a review file gives the same page.
        other = self.site(["content"])
        shutil.rmtree(other.path("content"))
        with open(os.path.join(FIXTURES, "reddit", REDDIT_NAME + ".txt"), encoding="utf-8") as f:
            text = f.read().replace("{post_url}", self.server.url(REDDIT_PATH))
        other.write("content/" + REDDIT_NAME + ".txt", text)
        code, out, err = other.run("build")
        self.assertEqual(code, 0, out + err)
        other_path, other_html = self.reddit_page(other)
        self.assertEqual(os.path.relpath(other_path, other.path("site")),
                         os.path.relpath(path, site.path("site")))
        self.assertEqual(other_html, html)

    def test_reddit_comments_option_per_entry_and_default_user_agent(self):
        site = self.site([], http={"user_agent": "unused"})
        config = json.loads(site.read("site.yaml"))
        config["sources"] = [{"url": self.server.url(REDDIT_PATH), "comments": 1, "coments": 2}]
        del config["plugins"]["http_source"]
        site.write("site.yaml", json.dumps(config))
        code, out, err = site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertRegex(err, r"site\.yaml:\d+: warning: reddit_source has no source option "
                              r"\"coments\"; it is ignored\n")
        _, html = self.reddit_page(site)
        self.assertIn("tokens_per_watt", html)
        self.assertNotIn("gpu_poor_and_proud", html)
        agents = set(self.server.stats()["user_agents"])
        self.assertEqual(len(agents), 1)
        self.assertRegex(agents.pop(), r"^digestif/\d+\.\d+\.\d+ \(\+https://")

    def test_a_reddit_url_that_is_no_post_json_is_an_error(self):
        path = "/r/LocalLLaMA/comments/zzz/docs_not_a_post/"
        os.makedirs(os.path.join(self.folder, path.strip("/").rsplit("/", 1)[0]), exist_ok=True)
        with open(os.path.join(self.folder, path.strip("/") + ".json"), "w") as f:
            f.write('{"error": 404}')
        site = self.site(["content", path])
        code, out, err = site.run("build")
        self.assertEqual(code, 1)
        self.assertIn(self.server.url(path) + ": error: the answer is not a Reddit post (a list of "
                      "two Listings); check that the URL is a post's\n", err)
        self.assertIn("5 documents", out)

    def test_tls_is_verified(self):
        """An HTTPS server whose certificate no authority signed is refused, not trusted."""
        folder = tempfile.mkdtemp(prefix="digestif-tls-")
        cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True)
        server = Server(self.folder, (cert, key))
        try:
            url = server.url("/docs/" + DIGESTS[0])
            site = self.site(["content", url])
            code, out, err = site.run("build")
            self.assertEqual(code, 1, out + err)
            self.assertRegex(err, re.escape(url) + r": error: cannot fetch: .*certificate")
            self.assertIn("5 documents", out)
            # The server did answer over TLS: a client that trusts the certificate gets the file.
            context = ssl.create_default_context(cafile=cert)
            with urllib.request.urlopen(url, context=context, timeout=10) as answer:
                self.assertEqual(answer.status, 200)
        finally:
            server.stop()
            shutil.rmtree(folder, ignore_errors=True)

    # -- the measurement of the report ----------------------------------------------------------

    @unittest.skipUnless(corpus_dir(SOURCE), "corpus not found beside the repository; skipped")
    def test_cold_and_warm_fetch_of_an_index_of_20_corpus_digests(self):
        site = self.site(["/corpus/index.json"])
        figures = []
        for label in ("cold", "warm"):
            self.server.reset()
            start = time.monotonic()
            code, out, err = site.run("build", "--quiet")
            seconds = time.monotonic() - start
            self.assertEqual(code, 0, out + err)
            answers = self.answers()
            self.assertEqual(len(answers), 21)
            codes = sorted(c for codes in answers.values() for c in codes)
            self.assertEqual(codes, [200] * 21 if label == "cold" else [304] * 21)
            figures.append("%s: %d requests (%s), build %.2f s" % (
                label, len(codes), "200" if label == "cold" else "304", seconds))
            if label == "cold":
                before = site.site_files()
        self.assertEqual(site.site_files(), before)
        print("\nfetch of an index of 20 corpus digests: " + "; ".join(figures))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
