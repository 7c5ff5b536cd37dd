"""End-to-end: builds the real digest corpus as one site and checks it as a reader would.

Usage: corpus_site_test.py DIGESTIF REPO. The corpus lives at REPO/../shared/corpus; the test is
skipped when it is absent. Prints the figures of the build: files, pages, threads, warnings and
errors by class, build time.
"""
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_fixture import make_corpus_project  # noqa: E402

DIGESTIF, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(SOURCE, "..", "shared", "corpus"))
DIGESTS = os.path.join(CORPUS, "digests")
EXPECTED = os.path.join(CORPUS, "expected")
BASE_URL = "https://example.org/"
# Reference statuses of files the digest format leaves out with one error (docs/content-formats.md).
SKIPPED_STATUSES = {"skipped_harmful", "raw_data_only"}
DIAGNOSTIC = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<severity>warning|error): (?P<message>.*)$")
SUMMARY = re.compile(r"(?m)^digestif: .* in (?P<seconds>[\d.]+) s")


def corpus_files():
    return sorted(name for name in os.listdir(DIGESTS) if not name.startswith("."))


def reference_status(name):
    with open(os.path.join(EXPECTED, name[:-3] + ".json"), encoding="utf-8") as f:
        return json.load(f)["status"]


def page_path(site, name):
    """Where the page of a corpus file is: /YYYY/MM/DD/<subreddit>/ (date from the file name)."""
    stem = name[:-3]
    return os.path.join(site, *stem[:10].split("-"), stem[11:], "index.html")


def diagnostics(output):
    """Parsed diagnostic lines of a build's output."""
    found = []
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line)
        if match:
            found.append(match.groupdict())
    return found


def message_class(message):
    """A message without its particulars: quoted text, numbers and what follows the ';'."""
    text = message.split(";")[0]
    text = re.sub(r'"[^"]*"', '"…"', text)
    text = re.sub(r"'[^']*'", "'…'", text)
    text = re.sub(r"\([^()]*\)", "(…)", text.replace(' ("…")', ""))
    text = re.sub(r"\blines? \d+(-\d+)?", "line(s) N", text)
    text = re.sub(r" (is|are) not part", " not part", text)
    return re.sub(r"\d+", "N", text)


def tag_key(slug):
    """What a reader sees as the same tag: no separators, no plural 's'."""
    key = slug.replace("-", "")
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


@unittest.skipUnless(os.path.isdir(DIGESTS), "corpus not found at " + DIGESTS + "; skipped")
class CorpusSiteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="digestif-corpus-")
        cls.config = make_corpus_project(SOURCE, cls.root)
        cls.site = os.path.join(cls.root, "site")
        cls.code, cls.output = cls.build()
        cls.found = diagnostics(cls.output)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    @classmethod
    def build(cls, *args):
        done = subprocess.run([DIGESTIF, "build", "--config", cls.config, *args], cwd=cls.root,
                              capture_output=True, text=True, timeout=600)
        return done.returncode, done.stdout + done.stderr

    def diagnostics_of(self, name):
        return [d for d in self.found if os.path.basename(d["file"]) == name]

    def test_errors_are_exactly_the_skipped_files(self):
        skipped = {n for n in corpus_files() if reference_status(n) in SKIPPED_STATUSES}
        with_errors = {os.path.basename(d["file"]) for d in self.found if d["severity"] == "error"}
        self.assertEqual(with_errors, skipped, self.output)
        self.assertEqual(self.code, 1 if skipped else 0, self.output)

    def test_every_file_has_a_page_or_exactly_one_diagnostic(self):
        for name in corpus_files():
            with self.subTest(file=name):
                mine = self.diagnostics_of(name)
                if os.path.exists(page_path(self.site, name)):
                    self.assertFalse(any(d["severity"] == "error" for d in mine), mine)
                    continue
                self.assertEqual(len(mine), 1, mine)
                self.assertEqual(mine[0]["severity"], "error")
                self.assertGreaterEqual(int(mine[0]["line"]), 1)
                self.assertIn(";", mine[0]["message"], "says what the user can do")

    def test_strict_fails_on_any_diagnostic(self):
        code, output = self.build("--strict")
        self.assertNotEqual(code, 0, output)

    def test_the_site_passes_every_site_check(self):
        done = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "check_site.py"), self.site,
                               "--base-url", BASE_URL], capture_output=True, text=True, timeout=600)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

    def test_tag_index_has_no_near_duplicates(self):
        slugs = [s for s in os.listdir(os.path.join(self.site, "tags")) if not s.endswith(".html")]
        groups = collections.defaultdict(list)
        for slug in slugs:
            groups[tag_key(slug)].append(slug)
        duplicates = sorted(group for group in groups.values() if len(group) > 1)
        self.assertEqual(duplicates, [], "add tag_aliases to tests/sites/corpus/site.yaml")

    def test_zz_print_figures(self):
        files = corpus_files()
        pages = [n for n in files if os.path.exists(page_path(self.site, n))]
        threads = 0
        for name in pages:
            with open(page_path(self.site, name), encoding="utf-8") as f:
                threads += f.read().count('<li class="thread"')
        by_class = collections.Counter((d["severity"], message_class(d["message"])) for d in self.found)
        summary = SUMMARY.search(self.output)
        print(f"\ncorpus: {len(files)} files, {len(pages)} digest pages, {threads} threads extracted, "
              f"build time {summary['seconds'] if summary else '?'} s")
        for (severity, text), count in sorted(by_class.items(), key=lambda i: (i[0][0], -i[1])):
            print(f"  {count:4d} {severity}: {text}")
        self.assertEqual(len(pages) + len(self.found_errors()), len(files))

    def found_errors(self):
        return {d["file"] for d in self.found if d["severity"] == "error"}


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
