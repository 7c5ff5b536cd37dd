"""End-to-end: builds the sample site and checks it as a reader and a feed reader would."""
import os
import re
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from site_fixture import SiteFixture  # noqa: E402

DIGESTIF, SOURCE = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))


def check_site(site_dir, base_url, expect=True):
    """Runs check_site.py; returns (exit code, output)."""
    args = ["/usr/bin/python3", os.path.join(HERE, "check_site.py"), site_dir, "--base-url", base_url]
    if expect:
        args += ["--expect", os.path.join(HERE, "sample_site_expectations.json")]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


class SampleSiteTest(unittest.TestCase):
    def setUp(self):
        self.site = SiteFixture(DIGESTIF, SOURCE)

    def tearDown(self):
        self.site.cleanup()

    def build(self, *args):
        code, out, err = self.site.run("build", *args)
        self.assertEqual(code, 0, out + err)
        return out, err

    def test_sample_site_passes_every_site_check(self):
        out, _ = self.build()
        self.assertIn("5 documents", out)
        code, report = check_site(self.site.path("site"), "https://example.org/")
        self.assertEqual(code, 0, report)

    def test_site_under_a_base_path_has_working_links(self):
        config = self.site.read("site.yaml").replace("https://example.org/", "https://example.org/blog/")
        self.site.write("site.yaml", config)
        self.build()
        index = self.site.read("site/index.html")
        self.assertIn('href="/blog/css/style.css"', index)
        code, report = check_site(self.site.path("site"), "https://example.org/blog/")
        self.assertEqual(code, 0, report)

    def test_small_pages_paginate_home_and_tags_with_working_links(self):
        self.site.write("site.yaml", self.site.read("site.yaml").replace("page_size: 10", "page_size: 2"))
        self.build()
        for page in ("site/page/2/index.html", "site/page/3/index.html", "site/tags/ai/page/2/index.html"):
            self.assertTrue(os.path.exists(self.site.path(page)), page)
        self.assertFalse(os.path.exists(self.site.path("site/page/4/index.html")))
        self.assertIn('rel="next" href="/page/2/"', self.site.read("site/index.html"))
        code, report = check_site(self.site.path("site"), "https://example.org/")
        self.assertEqual(code, 0, report)

    def test_digest_page_shows_threads_from_extracted_data(self):
        self.build()
        page = self.site.read("site/2025/03/11/machinelearning/index.html")
        self.assertEqual(page.count('<li class="thread"'), 7)
        self.assertIn("How does L1 regularization perform feature selection?", page)
        self.assertIn("r/MachineLearning, 11 March 2025", page)
        self.assertIn("if you don’t have a specific focus area", page, "mojibake repaired")

    def test_site_analysis_shows_related_threads_page_and_emotions(self):
        self.build()
        digest = self.site.read("site/2025/03/11/machinelearning/index.html")
        self.assertIn('<aside class="related"', digest)
        related = digest.split('<aside class="related"', 1)[1]
        self.assertRegex(related, r'href="/20\d\d/\d\d/\d\d/machinelearning[^"]*/"')
        self.assertIn('class="emotion emotion-', digest)
        self.assertIn('class="emotion-mix"', digest)
        self.assertIn("min read", digest)
        self.assertIn('href="/threads/#t-1j8gvlh"', digest)
        self.assertIn('href="/threads/">Threads</a>', self.site.read("site/index.html"))
        threads = self.site.read("site/threads/index.html")
        self.assertIn('id="t-1j8gvlh"', threads)
        entry = threads.split('id="t-1j8gvlh"', 1)[1].split('class="catalog-thread"', 1)[0]
        self.assertIn("How does L1 regularization perform feature selection?", entry)
        self.assertIn('href="/2025/03/11/machinelearning/#thread-1"', entry)
        self.assertIn("r/MachineLearning, 11 March 2025", entry)

    def test_review_page_shows_body_and_comments(self):
        self.build()
        page = self.site.read("site/2025/12/27/machinelearning-year-in-review/index.html")
        self.assertIn("Open-Source Parity and Training Efficiency", page)
        self.assertIn("SlayahhEUW", page)
        self.assertIn("One hell of a year huh.", page)

    def test_review_has_a_table_of_themes_and_links_its_posts_to_threads(self):
        self.build()
        review_url = "/2025/12/27/machinelearning-year-in-review/"
        page = self.site.read("site" + review_url + "index.html")
        toc = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
        self.assertEqual(toc.count("<li>"), 22)
        self.assertIn('<a href="#theme-open-source-parity-and-training-efficiency">Open-Source Parity', toc)
        self.assertIn('<h3 id="theme-open-source-parity-and-training-efficiency">', page)
        self.assertIn('<h3 id="theme-vision-transformers-vs-cnns">Vision Transformers vs. CNNs</h3>', page)
        posts = page.split('id="review-posts"', 1)[1]
        self.assertEqual(posts.count("<tr>"), 76, "a header row and 75 posts")
        self.assertIn("75 posts; 1 appeared in a digest.", posts)
        # The one post of the review that a sample digest (2025-06-06) also lists.
        row = posts.split('href="/threads/#t-1l4rpe2"', 1)[0].rsplit("<tr>", 1)[1]
        self.assertIn("LLMs can be converted to locally linear systems", row)
        self.assertIn("u/jamesvoltage", row)
        self.assertIn(">239<", row)
        threads = self.site.read("site/threads/index.html")
        entry = threads.split('id="t-1l4rpe2"', 1)[1].split('class="catalog-thread"', 1)[0]
        self.assertIn('href="%s#theme-interpretability-and-understanding"' % review_url, entry)
        self.assertIn('href="/2025/06/06/machinelearning/#thread-', entry)

    def test_trends_page_lists_months_with_top_threads_rising_terms_and_charts(self):
        self.build()
        self.assertIn('href="/trends/">Trends</a>', self.site.read("site/index.html"))
        page = self.site.read("site/trends/index.html")
        months = re.findall(r'<article class="trend-month" id="month-(\d{4}-\d\d)">\s*<h3>([^<]+)</h3>', page)
        self.assertEqual(months, [("2025-09", "September 2025"), ("2025-06", "June 2025"),
                                  ("2025-03", "March 2025"), ("2025-01", "January 2025")])
        blocks = page.split('<article class="trend-month"')[1:]
        for block in blocks:
            self.assertIn('<ol class="top-threads">', block)
            self.assertRegex(block, r'class="top-thread-digest" href="/2025/\d\d/\d\d/machinelearning/#thread-\d+"')
        self.assertIn("How does L1 regularization perform feature selection?", blocks[2])
        for block in blocks[:3]:
            self.assertIn('<ul class="rising-terms"', block)
            self.assertRegex(block, r'<span class="term">[^<]+</span> <span class="rise"[^>]*>\+\d+</span>')
        self.assertIn("The first month: nothing to compare with.", blocks[3])
        self.assertIn('<article class="trend-year" id="year-2025">', page)
        charts = re.findall(r'<svg [^>]*class="chart [^"]*".*?</svg>', page, re.S)
        self.assertEqual(len(charts), 3)
        svgs = [ET.fromstring(chart) for chart in charts]
        ns = "{http://www.w3.org/2000/svg}"
        self.assertEqual(svgs[0].find(ns + "title").text, "Top score per digest")
        self.assertEqual(len(svgs[0].findall(ns + "rect")), 4, "one bar per digest")
        self.assertEqual(svgs[1].find(ns + "title").text, "Emotion mix per month")
        self.assertEqual(len(svgs[2].findall(ns + "rect")), len(svgs[2].findall(ns + "text")) // 2)

    def test_tag_pages_show_charts_of_their_digests(self):
        self.build()
        page = self.site.read("site/tags/ai/index.html")
        charts = [ET.fromstring(c) for c in re.findall(r'<svg [^>]*class="chart [^"]*".*?</svg>', page, re.S)]
        self.assertEqual(len(charts), 3)
        ns = "{http://www.w3.org/2000/svg}"
        self.assertEqual(len(charts[0].findall(ns + "rect")), 3, "the tag's three digests")
        self.assertIn("tag “AI”", charts[0].find(ns + "desc").text)
        self.assertNotIn('class="chart ', self.site.read("site/tags/year-in-review/index.html"))

    def test_rebuild_writes_nothing_and_gives_the_same_bytes(self):
        self.build()
        first = self.site.site_files()
        out, _ = self.build()
        self.assertIn("nothing changed since the last build", out)
        self.assertEqual(first, self.site.site_files())
        # Without the build log every page is rendered again: none has other bytes.
        os.remove(self.site.path(".digestif/build.log"))
        out, _ = self.build()
        self.assertIn(" 0 pages written", out)
        self.assertEqual(first, self.site.site_files())

    def test_removed_document_loses_its_page_and_nothing_else(self):
        self.site.write("site/keep-me.txt", "not digestif's")
        self.build()
        os.remove(self.site.path("content/digests/2025-06-06-machinelearning.md"))
        out, _ = self.build()
        self.assertIn("4 documents", out)
        self.assertFalse(os.path.exists(self.site.path("site/2025/06/06/machinelearning/index.html")))
        self.assertFalse(os.path.exists(self.site.path("site/2025/06")), "empty folders are removed")
        self.assertFalse(os.path.exists(self.site.path("site/tags/llms/index.html")))
        self.assertTrue(os.path.exists(self.site.path("site/keep-me.txt")))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
