"""End-to-end: the benchmark corpus generator is deterministic and digestif builds its output.

Usage: bench_corpus_test.py DIGESTIF REPO. Generates a small corpus with bench/generate_corpus.py
and builds it with `digestif build --strict`: no warning, no error, every digest on its page
with all its threads, every tag with a page and a feed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

DIGESTIF, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
GENERATOR = os.path.join(SOURCE, "bench", "generate_corpus.py")
COUNT = 30


def generate(outdir, count=COUNT, seed=1):
    done = subprocess.run(["/usr/bin/python3", GENERATOR, str(count), outdir, "--seed", str(seed)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def digest_files(outdir):
    folder = os.path.join(outdir, "content", "digests")
    return {name: open(os.path.join(folder, name), "rb").read()
            for name in sorted(os.listdir(folder))}


class BenchCorpusTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="digestif-bench-test-")
        self.addCleanup(shutil.rmtree, self.root, True)

    def test_same_seed_gives_same_bytes_and_another_seed_differs(self):
        first, again, other = (os.path.join(self.root, n) for n in ("a", "b", "c"))
        self.assertIn("%d digests" % COUNT, generate(first))
        generate(again)
        generate(other, seed=2)
        self.assertEqual(len(digest_files(first)), COUNT)
        self.assertEqual(digest_files(first), digest_files(again))
        self.assertNotEqual(digest_files(first), digest_files(other))

    def test_digestif_builds_it_strictly_with_every_thread_and_tag(self):
        project = os.path.join(self.root, "p")
        generate(project)
        done = subprocess.run([DIGESTIF, "build", "--strict", "--config", "site.yaml"],
                              cwd=project, capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertRegex(done.stdout + done.stderr, r"%d documents, .* 0 warnings, 0 errors" % COUNT)
        public = os.path.join(project, "public")
        tags = set()
        for name, data in digest_files(project).items():
            text = data.decode("utf-8")
            tags.update(re.findall(r'"([^"]+)"', re.search(r"(?m)^tags: (.*)$", text).group(1)))
            date, slug = name[:10], name[11:-3]
            page = os.path.join(public, *date.split("-"), slug, "index.html")
            with open(page, encoding="utf-8") as f:
                html = f.read()
            ranked = len(re.findall(r"(?m)^\d+\.\s+\[", text))
            self.assertGreaterEqual(ranked, 6, name)
            self.assertEqual(html.count('class="thread"'), ranked, name)
        tag_folders = [d for d in os.listdir(os.path.join(public, "tags"))
                       if os.path.isdir(os.path.join(public, "tags", d))]
        self.assertEqual(len(tag_folders), len(tags))
        for folder in tag_folders:
            self.assertTrue(os.path.exists(os.path.join(public, "tags", folder, "feed.xml")))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
