"""End-to-end: an external plugin loaded from site.yaml by path, and each way loading fails."""
import json
import math
import os
import re
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from site_fixture import SiteFixture  # noqa: E402

DIGESTIF, SOURCE = sys.argv[1], sys.argv[2]
WORD_COUNT, NO_ENTRY_POINT, WRONG_ABI, REGISTERS_NOTHING = sys.argv[3:7]

DIGEST = "content/digests/2025-03-11-machinelearning.md"


def count_words(text):
    """The example plugin's rule: whitespace-separated tokens holding a letter or a digit."""
    return sum(1 for token in text.split() if re.search(r"[0-9A-Za-z\u0080-\U0010ffff]", token))


class ExternalPluginTest(unittest.TestCase):
    def setUp(self):
        self.site = SiteFixture(DIGESTIF, SOURCE)
        self.library = self.site.path("plugins", "build", "libword_count.so")
        os.makedirs(os.path.dirname(self.library))
        shutil.copy(WORD_COUNT, self.library)

    def tearDown(self):
        self.site.cleanup()

    def add_plugin(self, name, options):
        """Lists the plugin first under `plugins:`; returns the site.yaml line of its entry."""
        lines = self.site.read("site.yaml").splitlines()
        at = lines.index("plugins:") + 1
        entry = ["  %s:" % name] + ["    %s: %s" % (key, value) for key, value in options.items()]
        self.site.write("site.yaml", "\n".join(lines[:at] + entry + lines[at:]) + "\n")
        return at + 1

    def assert_one_error(self, line, name, pattern):
        code, out, err = self.site.run("build")
        self.assertEqual(code, 1, out + err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertRegex(err, r"^site\.yaml:%d: error: plugin \"%s\": %s" % (line, name, pattern))
        code, _, err = self.site.run("plugins")
        self.assertEqual(code, 1)
        self.assertRegex(err, r"site\.yaml:%d: error: plugin \"%s\": " % (line, name))

    def test_builds_word_counts_of_every_document(self):
        self.add_plugin("word_count", {"path": "plugins/build/libword_count.so",
                                       "words_per_minute": 100})
        code, out, err = self.site.run("build")
        self.assertEqual(code, 0, out + err)
        self.assertNotIn("word_count", err)
        counts = json.loads(self.site.read("site/word-counts.json"))
        documents = int(re.search(r"(\d+) documents", out).group(1))
        self.assertEqual(len(counts["documents"]), documents)
        self.assertEqual(counts["total_words"], sum(d["word_count"] for d in counts["documents"]))
        for document in counts["documents"]:
            page = self.site.path("site", document["permalink"].strip("/"), "index.html")
            self.assertTrue(os.path.exists(page), document["permalink"])
            self.assertTrue(document["url"].startswith("https://example.org/"))
            self.assertEqual(document["reading_minutes"],
                             max(1, math.ceil(document["word_count"] / 100)))
        digest = next(d for d in counts["documents"]
                      if d["permalink"] == "/2025/03/11/machinelearning/")
        body = self.site.read(DIGEST).split("\n---", 1)[1]
        expected = count_words(body)
        self.assertGreater(expected, 100)
        self.assertLessEqual(abs(digest["word_count"] - expected), expected * 0.05,
                             (digest["word_count"], expected))

    def test_plugins_command_lists_it_with_its_path_and_parts(self):
        self.add_plugin("word_count", {"path": "plugins/build/libword_count.so"})
        code, out, err = self.site.run("plugins")
        self.assertEqual(code, 0, err)
        self.assertRegex(out, r"word_count - .*\(external: .*plugins/build/libword_count\.so\)")
        self.assertIn("word_count: word_count [analyze] needs document; "
                      "produces document.words, document.minutes_to_read", out)
        self.assertIn("word_count: word_counts_json [render] needs document.words, "
                      "document.minutes_to_read; produces output.word_counts", out)

    def test_unknown_option_warns_at_its_line(self):
        line = self.add_plugin("word_count", {"path": "plugins/build/libword_count.so",
                                              "colour": "red"})
        code, _, err = self.site.run("build")
        self.assertEqual(code, 0, err)
        self.assertIn('site.yaml:%d: warning: plugin "word_count" has no option "colour"' % line,
                      err)
        self.assertNotIn('"path"', err)

    def test_same_output_file_names_both_plugins(self):
        line = self.add_plugin("word_count", {"path": "plugins/build/libword_count.so",
                                              "output": "sitemap.xml"})
        code, _, err = self.site.run("build")
        self.assertEqual(code, 1)
        self.assertIn("written twice in one build", err)
        self.assertIn("sitemap/sitemap", err)
        self.assertIn("word_count/word_counts_json (site.yaml:%d)" % line, err)

    def test_wrong_path_is_one_error_at_the_entry(self):
        line = self.add_plugin("word_count", {"path": "plugins/nowhere/libword_count.so"})
        self.assert_one_error(line, "word_count",
                              r"no plugin library at .*plugins/nowhere/libword_count\.so")

    def test_library_without_entry_point_is_refused(self):
        line = self.add_plugin("no_entry", {"path": json.dumps(NO_ENTRY_POINT)})
        self.assert_one_error(line, "no_entry", r".* has no digestif_plugin_info\(\) entry point")

    def test_wrong_abi_version_is_refused(self):
        line = self.add_plugin("wrong_abi", {"path": json.dumps(WRONG_ABI)})
        self.assert_one_error(line, "wrong_abi", r".* is built for plugin ABI version \d+, "
                                                 r"this digestif has version \d+")

    def test_library_registering_nothing_is_refused(self):
        line = self.add_plugin("registers_nothing", {"path": json.dumps(REGISTERS_NOTHING)})
        self.assert_one_error(line, "registers_nothing", r".* registers 0 plugins")

    def test_entry_named_otherwise_is_refused(self):
        line = self.add_plugin("words", {"path": "plugins/build/libword_count.so"})
        self.assert_one_error(line, "words", r".* holds the plugin \"word_count\"")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
