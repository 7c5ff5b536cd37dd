"""End-to-end: the command line as a user meets it: help, version, exit codes, error lines."""
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from site_fixture import SiteFixture  # noqa: E402

DIGESTIF, SOURCE = sys.argv[1], sys.argv[2]

BROKEN_YAML = """---
title: "Broken"
date: "2025-04-01"
tags: [unclosed
---

# Overall Ranking and Top Discussions
"""


class CliTest(unittest.TestCase):
    def setUp(self):
        self.site = SiteFixture(DIGESTIF, SOURCE)

    def tearDown(self):
        self.site.cleanup()

    def test_help_lists_the_commands(self):
        code, out, _ = self.site.run("--help")
        self.assertEqual(code, 0)
        for command in ("build", "version", "plugins"):
            self.assertIn(command, out)
        code, out, _ = self.site.run("build", "--help")
        self.assertEqual(code, 0)
        for option in ("--config", "--out", "--strict", "--drafts", "--quiet", "--verbose"):
            self.assertIn(option, out)

    def test_version_prints_the_version(self):
        code, out, _ = self.site.run("version")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^digestif \d+\.\d+\.\d+")

    def test_timings_name_the_phases_and_the_parts_that_ran(self):
        code, out, _ = self.site.run("build", "--timings")
        self.assertEqual(code, 0)
        for phase in ("check inputs", "run tasks", "finish"):
            self.assertRegex(out, r"timings: %s +\d+\.\d+ s wall" % phase)
        # One markdown task per document (5 in the sample site), one per site analyzer.
        self.assertRegex(out, r"timings: markdown +\d+\.\d+ s in 5 tasks")
        self.assertRegex(out, r"timings: related +\d+\.\d+ s in 1 tasks")
        code, out, _ = self.site.run("build", "--timings")
        self.assertNotIn("markdown", out)  # nothing changed: no task ran

    def test_a_build_that_fetches_nothing_loads_no_http_or_tls_library(self):
        # libcurl, libcrypto and cpp-httplib (with the TLS and compression libraries it needs)
        # are opened when a command uses them: loaded at start, they cost every command 10 ms.
        done = subprocess.run([DIGESTIF, "build"], cwd=self.site.root, capture_output=True,
                              text=True, timeout=120, env=dict(os.environ, LD_DEBUG="files"))
        self.assertEqual(done.returncode, 0, done.stderr)
        loaded = re.findall(r"file=(\S+)", done.stderr)
        self.assertIn("libstdc++.so.6", loaded)  # the dynamic loader did report what it loaded
        for library in ("libcurl", "libcrypto", "libssl", "libcpp-httplib", "libbrotli"):
            self.assertEqual([name for name in loaded if name.startswith(library)], [])

    def test_unknown_command_fails(self):
        code, _, err = self.site.run("frobnicate")
        self.assertNotEqual(code, 0)
        self.assertIn("frobnicate", err)

    def test_missing_config_is_one_clear_line(self):
        os.remove(self.site.path("site.yaml"))
        code, _, err = self.site.run("build")
        self.assertEqual(code, 1)
        self.assertRegex(err, r"site\.yaml: error: cannot read the site configuration")

    def test_broken_front_matter_names_file_and_line_and_the_rest_builds(self):
        self.site.write("content/digests/2025-04-01-broken.md", BROKEN_YAML)
        code, out, err = self.site.run("build")
        self.assertEqual(code, 1)
        self.assertRegex(err, r"content/digests/2025-04-01-broken\.md:[45]: error: invalid YAML")
        self.assertIn("5 documents", out)
        self.assertTrue(os.path.exists(self.site.path("site/2025/03/11/machinelearning/index.html")))

    def test_unknown_config_key_warns_with_its_line_and_strict_fails(self):
        self.site.write("site.yaml", self.site.read("site.yaml") + "colour: blue\n")
        code, _, err = self.site.run("build")
        self.assertEqual(code, 0)
        self.assertRegex(err, r"site\.yaml:\d+: warning: unknown key \"colour\"")
        code, _, _ = self.site.run("build", "--strict")
        self.assertEqual(code, 1)

    def test_wrong_config_type_is_an_error_with_its_line(self):
        self.site.write("site.yaml", self.site.read("site.yaml") + "page_size: many\n")
        code, _, err = self.site.run("build")
        self.assertEqual(code, 1)
        self.assertRegex(err, r"site\.yaml:\d+: error: \"page_size\" must be a whole number")

    def test_duplicate_permalink_names_both_files(self):
        text = self.site.read("content/digests/2025-03-11-machinelearning.md")
        self.site.write("content/digests/copy/2025-03-11-machinelearning.md", text)
        code, _, err = self.site.run("build")
        self.assertEqual(code, 1)
        self.assertIn("/2025/03/11/machinelearning/ is also the one of", err)
        self.assertIn("content/digests/copy/2025-03-11-machinelearning.md", err)

    def test_output_folder_over_content_is_refused(self):
        code, _, err = self.site.run("build", "--out", "content")
        self.assertEqual(code, 1)
        self.assertIn("inside the content folder", err)
        code, _, err = self.site.run("build", "--out", ".")
        self.assertEqual(code, 1)
        self.assertIn("would hold the whole project", err)

    def test_drafts_are_published_only_with_drafts(self):
        text = self.site.read("content/digests/2025-03-11-machinelearning.md")
        self.site.write("content/digests/2025-03-12-draft.md", text.replace('date: "2025-03-11"', 'date: "2025-03-12"\ndraft: true'))
        self.site.run("build")
        self.assertFalse(os.path.exists(self.site.path("site/2025/03/12/draft/index.html")))
        code, _, _ = self.site.run("build", "--drafts")
        self.assertEqual(code, 0)
        self.assertTrue(os.path.exists(self.site.path("site/2025/03/12/draft/index.html")))

    def test_missing_partial_stops_the_build_with_file_and_line(self):
        layout = self.site.read("themes/default/templates/home.mustache")
        self.site.write("themes/default/templates/home.mustache", layout + "\n{{> nowhere}}\n")
        code, _, err = self.site.run("build")
        self.assertEqual(code, 1)
        self.assertRegex(err, r"home\.mustache:\d+: error: partial \"nowhere\" not found")
        self.assertFalse(os.path.exists(self.site.path("site/index.html")))

    def test_clean_removes_only_what_digestif_wrote(self):
        self.site.write("site/notes.txt", "mine")
        code, _, _ = self.site.run("build")
        self.assertEqual(code, 0)
        code, out, _ = self.site.run("clean")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"removed \d+ files")
        left = sorted(self.site.site_files())
        self.assertEqual(left, ["notes.txt"])
        self.assertTrue(os.path.exists(self.site.path("content/digests/2025-03-11-machinelearning.md")))

    def test_plugins_lists_stages_needs_and_products(self):
        code, out, _ = self.site.run("plugins")
        self.assertEqual(code, 0, out)
        self.assertIn("digest_analysis: digest_analysis [analyze]", out)
        self.assertIn("produces document.threads", out)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
