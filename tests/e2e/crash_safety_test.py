"""End-to-end: builds of the corpus site killed with SIGKILL at random moments lose nothing.

After every kill, each file of site/ is whole: the bytes of the site before the build or of the
site it was building (digestif's hidden .NAME.digestif-tmp-* files aside, which the next build
sweeps). Then a build that runs to its end gives the same bytes as a clean build. Usage:
crash_safety_test.py DIGESTIF REPO.
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_fixture import corpus_dir, file_tree as tree, make_corpus_project  # noqa: E402

DIGESTIF, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
KILLS = 20
TEMP_MARKER = ".digestif-tmp-"


@unittest.skipUnless(corpus_dir(SOURCE), "the corpus (../shared/corpus) is absent")
class CrashSafetyTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="digestif-crash-")
        self.config = make_corpus_project(SOURCE, self.root, own_theme=True)
        self.layout = os.path.join(self.root, "themes", "default", "templates", "layout.mustache")
        with open(self.layout, encoding="utf-8") as f:
            self.original_layout = f.read()

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def set_version(self, version):
        """Every HTML page differs between versions 0 and 1 (a comment in the layout)."""
        with open(self.layout, "w", encoding="utf-8") as f:
            f.write(self.original_layout + "<!-- version %d -->\n" % version)

    def build(self, out):
        started = time.monotonic()
        subprocess.run([DIGESTIF, "build", "-q", "--config", self.config, "--out", out],
                       cwd=self.root, capture_output=True, timeout=600)
        return time.monotonic() - started

    def reference(self, version):
        self.set_version(version)
        out = os.path.join(self.root, "reference-%d" % version)
        seconds = self.build(out)
        return tree(out), seconds

    def killed_build(self, out, after):
        process = subprocess.Popen([DIGESTIF, "build", "-q", "--config", self.config, "--out", out],
                                   cwd=self.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(after)
        process.send_signal(signal.SIGKILL)
        process.wait()

    def assert_whole(self, site, references):
        for path, data in tree(site).items():
            if TEMP_MARKER in os.path.basename(path):
                continue
            if path.startswith(".digestif-"):
                continue  # digestif's own records
            self.assertTrue(any(ref.get(path) == data for ref in references),
                            "%s is neither the old nor the new version" % path)

    def test_killed_builds_leave_whole_files_and_the_next_build_is_exact(self):
        references = [self.reference(0), self.reference(1)]
        longest = max(seconds for _, seconds in references)
        site = os.path.join(self.root, "site")
        rng = random.Random(20261122)
        for kill in range(KILLS):
            self.set_version(kill % 2)
            self.killed_build(site, rng.uniform(0, longest * 1.1))
            self.assert_whole(site, [tree for tree, _ in references])
        self.set_version(1)
        self.build(site)
        self.assertEqual(tree(site), references[1][0], "a finished build equals a clean build")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
