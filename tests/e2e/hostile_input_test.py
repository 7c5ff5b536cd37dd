"""End-to-end: hostile and broken input gets one clear diagnostic, never a crash, a hang, an
injected script or a file outside the output folder. Usage: hostile_input_test.py DIGESTIF REPO.
"""
import os
import re
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ElementTree

import html5lib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_fixture import SiteFixture  # noqa: E402

DIGESTIF, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
DIAGNOSTIC = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+): (?P<severity>warning|error): (?P<message>.+)$", re.M)
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"


def digest(front_matter, body="# Overall Ranking and Top Discussions\n1.  [A thread](https://www.reddit.com/r/test/comments/abc123/a/) (Score: 5)\n    *   A blurb.\n"):
    return "---\n" + front_matter + "---\n\n" + body


def executable_bits(html):
    """Scripts, on* attributes and javascript:/data: links in an HTML document or fragment."""
    found = []
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for element in tree.iter():
        if element.tag in ("script", "iframe", "object", "embed"):
            found.append("<%s>" % element.tag)
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append("%s=" % name)
            if name.lower() in ("href", "src", "action", "formaction") and \
                    re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                found.append("%s=%s" % (name, value[:30]))
    return found


class HostileInputTest(unittest.TestCase):
    def setUp(self):
        self.site = SiteFixture(DIGESTIF, SOURCE)

    def tearDown(self):
        self.site.cleanup()

    def build(self, *args):
        code, out, err = self.site.run("build", *args)
        return code, out + err, DIAGNOSTIC.findall(out + err)

    def diagnostics_for(self, output, name):
        return [m for m in DIAGNOSTIC.finditer(output) if m.group("file").endswith(name)]

    def assert_one_diagnostic(self, output, name, severity, pattern, line=None):
        found = self.diagnostics_for(output, name)
        self.assertEqual(len(found), 1, output)
        self.assertEqual(found[0].group("severity"), severity, output)
        self.assertRegex(found[0].group("message"), pattern)
        if line is not None:
            self.assertEqual(int(found[0].group("line")), line, output)

    def page(self, path):
        return os.path.exists(self.site.path("site", path, "index.html"))

    # Front matter

    def test_missing_and_unparseable_dates_are_errors_at_their_line(self):
        self.site.write("content/digests/nodate.md", digest('title: "No date"\n'))
        self.site.write("content/digests/2025-04-02-baddate.md", digest('title: "Bad"\ndate: "2025-13-45"\n'))
        code, out, _ = self.build()
        self.assertEqual(code, 1)
        self.assert_one_diagnostic(out, "nodate.md", "error", r"date")
        self.assert_one_diagnostic(out, "2025-04-02-baddate.md", "error", r"date .*2025-13-45.* YYYY-MM-DD", line=3)
        self.assertTrue(self.page("2025/03/11/machinelearning"), "the rest still builds")

    def test_future_documents_wait_for_future(self):
        self.site.write("content/digests/2999-01-01-later.md", digest('title: "Later"\ndate: "2999-01-01"\n'))
        code, out, _ = self.build()
        self.assertEqual(code, 0, out)
        self.assert_one_diagnostic(out, "2999-01-01-later.md", "warning", r"future.*--future")
        self.assertFalse(self.page("2999/01/01/later"))
        code, out, _ = self.build("--future")
        self.assertEqual(code, 0, out)
        self.assertTrue(self.page("2999/01/01/later"))

    def test_wrong_types_and_duplicate_keys_are_errors_at_their_line(self):
        self.site.write("content/digests/2025-04-03-title.md", digest('date: "2025-04-03"\ntitle: [a, b]\n'))
        self.site.write("content/digests/2025-04-04-tags.md", digest('title: "T"\ndate: "2025-04-04"\ntags: {a: 1}\n'))
        self.site.write("content/digests/2025-04-05-dup.md", digest('title: "T"\ndate: "2025-04-05"\ntitle: "again"\n'))
        code, out, _ = self.build()
        self.assertEqual(code, 1)
        self.assert_one_diagnostic(out, "2025-04-03-title.md", "error", r"title", line=3)
        self.assert_one_diagnostic(out, "2025-04-04-tags.md", "error", r"tags", line=4)
        self.assert_one_diagnostic(out, "2025-04-05-dup.md", "error", r"duplicate key", line=4)

    def test_front_matter_that_never_closes_is_one_error(self):
        self.site.write("content/digests/2025-04-06-open.md", '---\ntitle: "Open"\ndate: "2025-04-06"\n\nbody\n')
        code, out, _ = self.build()
        self.assertEqual(code, 1)
        self.assert_one_diagnostic(out, "2025-04-06-open.md", "error", r"never closes|close")

    # Bytes

    def test_invalid_utf8_bom_crlf_and_nul_are_repaired(self):
        good = digest('title: "Bytes"\ndate: "2025-04-07"\n', "Caf\xe9 body\n").encode("utf-8")
        self.site.write("content/digests/2025-04-07-invalid.md", good.replace("\xe9".encode(), b"\xff"))
        self.site.write("content/digests/2025-04-08-bom.md", b"\xef\xbb\xbf" + good.replace(b"04-07", b"04-08"))
        self.site.write("content/digests/2025-04-09-crlf.md", good.replace(b"04-07", b"04-09").replace(b"\n", b"\r\n"))
        self.site.write("content/digests/2025-04-10-nul.md", good.replace(b"04-07", b"04-10").replace(b"body", b"bo\x00dy"))
        code, out, _ = self.build()
        self.assertEqual(code, 0, out)
        self.assert_one_diagnostic(out, "2025-04-07-invalid.md", "warning", r"UTF-8")
        self.assertEqual(self.diagnostics_for(out, "2025-04-08-bom.md"), [])
        self.assertEqual(self.diagnostics_for(out, "2025-04-09-crlf.md"), [])
        self.assert_one_diagnostic(out, "2025-04-10-nul.md", "warning", r"NUL")
        for day in ("07/invalid", "08/bom", "09/crlf", "10/nul"):
            self.assertTrue(self.page("2025/04/" + day), day)
        self.assertIn("Café body", self.site.read("site/2025/04/09/crlf/index.html"))

    def test_empty_and_binary_files_are_one_error_each(self):
        self.site.write("content/digests/2025-04-11-empty.md", "")
        self.site.write("content/digests/picture.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
        code, out, _ = self.build()
        self.assertEqual(code, 1)
        self.assert_one_diagnostic(out, "2025-04-11-empty.md", "error", r"empty")
        self.assert_one_diagnostic(out, "picture.png", "error", r"binary")
        self.assertTrue(self.page("2025/03/11/machinelearning"))

    def test_huge_file_long_line_and_deep_nesting_build_in_bounded_time(self):
        paragraph = "A line of a very large digest, with **bold** and a link https://example.org/x.\n\n"
        self.site.write("content/digests/2025-04-12-huge.md",
                        digest('title: "Huge"\ndate: "2025-04-12"\n', paragraph * (50 * 1024 * 1024 // len(paragraph))))
        self.site.write("content/digests/2025-04-13-line.md",
                        digest('title: "Line"\ndate: "2025-04-13"\n', "word " * (2 * 1024 * 1024) + "\n"))
        self.site.write("content/digests/2025-04-14-lists.md",
                        digest('title: "Lists"\ndate: "2025-04-14"\n', "".join("  " * i + "- item\n" for i in range(10000))))
        self.site.write("content/digests/2025-04-15-quotes.md",
                        digest('title: "Quotes"\ndate: "2025-04-15"\n', ">" * 10000 + " deep\n"))
        code, out, _ = self.build()
        self.assertEqual(code, 0, out[-2000:])
        for day in ("12/huge", "13/line", "14/lists", "15/quotes"):
            self.assertTrue(self.page("2025/04/" + day), day)
        feed = self.site.read("site/feed.xml")
        self.assertLess(len(feed), 5 * 1024 * 1024, "a huge document does not make the feed huge")

    # Names

    def test_odd_tags_stay_inside_the_output_folder_as_valid_urls(self):
        tags = '["", "..", "a/b", "CON", "🙂", "機械学習", "../../etc", "C++"]'
        self.site.write("content/digests/2025-04-16-tags.md", digest('title: "Tags"\ndate: "2025-04-16"\ntags: %s\n' % tags))
        code, out, _ = self.build()
        self.assertEqual(code, 0, out)
        site = os.path.realpath(self.site.path("site"))
        for top, _, names in os.walk(site):
            for name in names:
                self.assertTrue(os.path.realpath(os.path.join(top, name)).startswith(site + os.sep))
        tag_dirs = sorted(os.listdir(self.site.path("site", "tags")))
        for expected in ("a-b", "con", "🙂", "機械学習", "etc", "c"):
            self.assertIn(expected, tag_dirs)
        page = self.site.read("site/2025/04/16/tags/index.html")
        for href in re.findall(r'rel="tag" href="([^"]+)"', page):
            self.assertRegex(href, r"^/tags/[A-Za-z0-9%\-]+/$")
        self.assertFalse(os.path.exists(os.path.join(self.site.root, "etc")))

    def test_punctuation_only_title_takes_its_slug_from_the_file_name(self):
        self.site.write("content/digests/2025-04-17-bang.md", digest('title: "!!!"\ndate: "2025-04-17"\n'))
        self.site.write("content/digests/2025-04-18-!!!.md", digest('title: "?!"\ndate: "2025-04-18"\n'))
        code, out, _ = self.build()
        self.assertTrue(self.page("2025/04/17/bang"))
        self.assert_one_diagnostic(out, "2025-04-18-!!!.md", "error", r"slug")

    # Injection

    def test_scripts_and_dangerous_links_never_reach_pages_or_feeds(self):
        evil = '<script>alert(1)</script><img src=x onerror=alert(2)>'
        front = ('title: "%s"\ndate: "2025-04-19"\ndescription: "<script>alert(3)</script>"\n'
                 'tags: ["<script>x</script>", "javascript:alert(1)"]\n') % evil.replace('"', '\\"')
        body = ("# Overall Ranking and Top Discussions\n"
                "1.  [<script>alert(4)</script>](javascript:alert(5)) (Score: 5)\n    *   <b onmouseover=alert(6)>x</b>\n\n"
                + evil + "\n\n[click](javascript:alert(7)) [data](data:text/html;base64,PHNjcmlwdD4=) "
                "![img](javascript:alert(8))\n")
        self.site.write("content/digests/2025-04-19-evil.md", "---\n" + front + "---\n\n" + body)
        review = self.site.read("content/reviews/2025-12-27-machinelearning-year-in-review.md")
        review = review.replace("Comment: One hell of a year huh.", "Comment: " + evil + " [x](javascript:alert(9))")
        self.site.write("content/reviews/2025-12-27-machinelearning-year-in-review.md", review)
        code, out, _ = self.build()
        self.assertEqual(code, 0, out)
        for top, _, names in os.walk(self.site.path("site")):
            for name in names:
                path = os.path.join(top, name)
                if name.endswith(".html"):
                    with open(path, encoding="utf-8") as f:
                        self.assertEqual(executable_bits(f.read()), [], path)
                if name in ("feed.xml",):
                    for item in ElementTree.parse(path).getroot().iter("item"):
                        for part in (item.findtext(CONTENT_NS) or "", item.findtext("description") or ""):
                            self.assertEqual(executable_bits(part), [], path)

    # Themes and configuration

    def test_template_syntax_error_names_file_and_line(self):
        self.site.write("themes/default/templates/archive.mustache", "<h1>Archive</h1>\n{{#years}}\nno end\n")
        code, out, _ = self.build()
        self.assertEqual(code, 1)
        self.assertRegex(out, r"archive\.mustache:2: error: template error: Unclosed section")

    def test_unknown_theme_and_output_over_the_project_are_refused(self):
        config = self.site.read("site.yaml")
        self.site.write("site.yaml", config.replace("theme: default", "theme: nosuch"))
        code, out, _ = self.build()
        self.assertEqual(code, 1)
        self.assertRegex(out, r"themes/nosuch: error: theme not found")
        self.site.write("site.yaml", config)
        code, out, _ = self.build("--out", "..")
        self.assertEqual(code, 1)
        self.assertIn("would hold the whole project", out)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
