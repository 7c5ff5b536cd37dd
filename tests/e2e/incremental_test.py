"""End-to-end: rebuilds after a change give the bytes of a clean build, and a build with
nothing changed does nothing (the build log and the document cache in .digestif/)."""
import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from site_fixture import SiteFixture, assert_same_site  # noqa: E402

DIGESTIF, SOURCE = sys.argv[1], sys.argv[2]
DIGEST = "content/digests/2025-03-11-machinelearning.md"


def mtimes(folder):
    stamps = {}
    for top, _, names in os.walk(folder):
        for name in names:
            full = os.path.join(top, name)
            stamps[os.path.relpath(full, folder)] = os.stat(full).st_mtime_ns
    return stamps


class IncrementalTest(unittest.TestCase):
    def setUp(self):
        self.site = SiteFixture(DIGESTIF, SOURCE)
        code, out, err = self.site.run("build")
        self.assertEqual(code, 0, err)

    def tearDown(self):
        self.site.cleanup()

    def assert_same_as_clean_build(self):
        """The incremental output equals, byte for byte, a clean build of a fresh copy of the
        project (no build log, no document cache)."""
        fresh = SiteFixture(DIGESTIF, self.site.root)
        try:
            code, _, err = fresh.run("build")
            self.assertEqual(code, 0, err)
            clean = fresh.site_files("site")
        finally:
            fresh.cleanup()
        assert_same_site(self, self.site.site_files("site"), clean)

    def reuse(self, out):
        """(documents from the cache, documents, outputs not rendered) as --explain tells."""
        cached = re.search(r"explain: (\d+) of (\d+) documents read from the document cache", out)
        kept = re.search(r"of which (\d+) not even rendered", out)
        self.assertTrue(cached and kept, out)
        return int(cached.group(1)), int(cached.group(2)), int(kept.group(1))

    def edit(self, old, new):
        text = self.site.read(DIGEST)
        self.assertIn(old, text)
        self.site.write(DIGEST, text.replace(old, new, 1))

    def test_nothing_changed_writes_nothing_and_says_so(self):
        before = mtimes(self.site.path("site"))
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("nothing changed since the last build", out)
        self.assertIn("explain: the inputs and outputs are as the last build left them", out)
        self.assertEqual(mtimes(self.site.path("site")), before)

    def test_warnings_are_repeated_when_nothing_changed(self):
        code, _, first = self.site.run("build", "--out", "other")
        self.assertEqual(code, 0)
        code, out, second = self.site.run("build", "--out", "other")
        self.assertIn("nothing changed", out)
        warnings = [line for line in first.splitlines() if ": warning: " in line]
        self.assertTrue(warnings, first)  # the seed's mojibake
        self.assertEqual([line for line in second.splitlines() if ": warning: " in line], warnings)

    def test_text_edit_rewrites_the_page_and_matches_a_clean_build(self):
        self.edit("Discussion about the intuitive explanation",
                  "A sentence added by the test. Discussion about the intuitive explanation")
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("explain: " + DIGEST + " changed", out)
        self.assertIn("explain: rewrote 2025/03/11/", out)
        page = self.site.read("site/2025/03/11/machinelearning/index.html")
        self.assertIn("A sentence added by the test.", page)
        cached, documents, kept = self.reuse(out)
        self.assertEqual(cached, documents - 1)  # only the edited digest is analyzed again
        self.assertGreater(kept, 0)  # pages that do not show the digest are not rendered
        self.assert_same_as_clean_build()

    def test_warnings_of_cached_documents_are_repeated(self):
        _, _, first = self.site.run("build", "--out", "other")
        self.edit("Discussion about the intuitive explanation", "Changed by the test.")
        code, out, second = self.site.run("build", "--out", "other", "--explain")
        self.assertEqual(code, 0, second)
        self.assertGreater(self.reuse(out)[0], 0)
        warnings = [line for line in first.splitlines() if ": warning: " in line]
        self.assertTrue(warnings, first)  # the seed's mojibake, in a digest not edited
        self.assertEqual([line for line in second.splitlines() if ": warning: " in line], warnings)

    def test_damaged_document_cache_means_analyzing_again(self):
        folder = self.site.path(".digestif/documents")
        packs = [name for name in os.listdir(folder) if name.endswith(".pack")]
        self.assertTrue(packs, os.listdir(folder))
        for name in packs:  # every record damaged past its first 200 bytes, the index intact
            path = os.path.join(folder, name)
            size = os.path.getsize(path)
            self.assertGreater(size, 200)
            with open(path, "r+b") as pack:
                pack.seek(200)
                pack.write(b"\xff" * (size - 200))
        self.edit("Discussion about the intuitive explanation", "Changed by the test.")
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertEqual(self.reuse(out)[0], 0)
        self.assert_same_as_clean_build()

    def test_tag_edit_updates_tag_pages_and_matches_a_clean_build(self):
        text = self.site.read(DIGEST)
        tags = re.search(r"^tags: .*$", text, re.M).group(0)
        self.site.write(DIGEST, text.replace(tags, 'tags: ["incremental-tag"]', 1))
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("explain: rewrote tags/incremental-tag/index.html", out)
        self.assertTrue(os.path.exists(self.site.path("site/tags/incremental-tag/feed.xml")))
        self.assert_same_as_clean_build()

    def kept_analysis(self, out):
        """The site analyzers --explain says were not run again."""
        found = re.search(r"explain: site analysis kept from the last build \(.*?\): (.*)$", out, re.M)
        return set(found.group(1).split(", ")) if found else set()

    def kept_plans(self, out):
        """The renderers --explain says were not even planned."""
        found = re.search(r"explain: site pages kept from the last build, not even planned "
                          r"\(.*?\): (.*)$", out, re.M)
        return set(found.group(1).split(", ")) if found else set()

    def test_each_field_site_analysis_reads_matches_a_clean_build(self):
        # Every field a site analyzer reads (scores, thread titles and links, emotion, summary,
        # date, title, tags) is edited in turn; each rebuild must equal a clean build.
        # (old text, new text, an analyzer that reads it and so must run again)
        edits = [("(Score: 30)", "(Score: 99)", "thread_catalog"),
                 ("Math in ML Papers", "Mathematics in ML Papers", "thread_catalog"),
                 ("1j8t7lc", "1j8t7ld", "review_mentions"),
                 ("tone is neutral, with", "tone is negative, with", "charts"),
                 ("The thread explores", "The thread carefully explores", "trends"),
                 ('date: "2025-03-11"', 'date: "2025-03-09"', "charts"),
                 ('title: "Machine Learning Subreddit"', 'title: "ML Subreddit"', "related"),
                 ('"reddit", "analysis"', '"reddit", "edited-tag"', "tags")]
        for old, new, reader in edits:
            with self.subTest(edit=new):
                text = self.site.read(DIGEST)
                self.assertIn(old, text)
                self.site.write(DIGEST, text.replace(old, new))
                code, out, err = self.site.run("build", "--explain")
                self.assertEqual(code, 0, err)
                self.assertNotIn(reader, self.kept_analysis(out))
                self.assert_same_as_clean_build()

    def test_edit_no_site_analysis_reads_keeps_it(self):
        self.edit("L1 approximates L0, which", "L1 closely approximates L0, which")
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("closely approximates", self.site.read("site/2025/03/11/machinelearning/index.html"))
        self.assertEqual(self.kept_analysis(out), {"charts", "related", "review_mentions",
                                                   "subreddit_sections", "tags", "thread_catalog",
                                                   "trends"})
        self.assertEqual(self.kept_plans(out), {"site_pages", "sitemap"})
        self.assert_same_as_clean_build()

    def test_description_edit_plans_the_pages_that_show_it_again(self):
        self.edit('description: "Analysis of top', 'description: "A new look at top')
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertNotIn("site_pages", self.kept_plans(out))
        self.assertIn("A new look at top", self.site.read("site/index.html"))
        self.assert_same_as_clean_build()

    def test_damaged_site_analysis_means_running_it_again(self):
        folder = self.site.path(".digestif/site")
        self.assertTrue([name for name in os.listdir(folder)
                         if name.startswith("related.") and name.endswith(".products")])
        for name in os.listdir(folder):
            with open(os.path.join(folder, name), "r+b") as saved:
                saved.seek(60)
                saved.write(b"\xff" * 40)
        self.edit("L1 approximates L0, which", "L1 closely approximates L0, which")
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertEqual(self.kept_analysis(out), set())
        self.assert_same_as_clean_build()

    def test_theme_change_rebuilds(self):
        template = "themes/default/templates/digest.mustache"
        self.site.write(template, self.site.read(template) + "<!-- theme edit -->\n")
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("explain: theme templates/digest.mustache changed", out)
        self.assertIn("<!-- theme edit -->", self.site.read("site/2025/03/11/machinelearning/index.html"))
        self.assertEqual(self.reuse(out)[2], 0)  # every page is rendered with the new theme
        self.assert_same_as_clean_build()

    def test_removed_output_is_written_again(self):
        os.remove(self.site.path("site/archive/index.html"))
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("output archive/index.html was changed or removed since the last build", out)
        self.assertTrue(os.path.exists(self.site.path("site/archive/index.html")))

    def test_output_removed_while_an_input_changed_is_written_again(self):
        # The outputs are looked at while the build runs: a page kept as the last build made it
        # must still be there.
        os.remove(self.site.path("site/archive/index.html"))
        self.edit("L1 approximates L0, which", "L1 closely approximates L0, which")
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn(f"explain: {DIGEST} changed", out)
        self.assertIn("output archive/index.html was changed or removed since the last build", out)
        self.assertTrue(os.path.exists(self.site.path("site/archive/index.html")))
        self.assert_same_as_clean_build()

    def test_options_are_part_of_the_state(self):
        code, out, err = self.site.run("build", "--drafts", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("explain: options changed", out)

    def test_strict_changes_the_exit_code_not_the_state(self):
        before = mtimes(self.site.path("site"))
        code, out, err = self.site.run("build", "--strict", "--explain")
        self.assertEqual(code, 1, err)  # the seed's mojibake warning, repeated
        self.assertIn("--strict: 1 warnings count as errors", err)
        self.assertIn("nothing changed since the last build", out)
        self.assertEqual(mtimes(self.site.path("site")), before)

    def test_damaged_log_means_a_full_build(self):
        self.site.write(".digestif/build.log", "not a build log\n")
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("explain: no build log yet", out)
        self.assert_same_as_clean_build()

    def test_new_content_file_is_built(self):
        time.sleep(0.01)
        text = self.site.read(DIGEST).replace('date: "2025-03-11"', 'date: "2025-03-12"')
        self.site.write("content/digests/2025-03-12-machinelearning.md", text)
        code, out, err = self.site.run("build", "--explain")
        self.assertEqual(code, 0, err)
        self.assertIn("content/digests/2025-03-12-machinelearning.md is new", out)
        self.assertTrue(os.path.exists(self.site.path("site/2025/03/12/machinelearning/index.html")))
        self.assert_same_as_clean_build()


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
