#!/usr/bin/python3
# End-to-end checker for a generated digestif site: valid HTML, working links, valid feeds, consistent tags, complete sitemap.
"""Check a generated digestif site directory.

Usage: check_site.py SITE_DIR --base-url URL [--expect FILE]

Prints one line per failure and exits 1 when any check fails; prints "N checks passed" otherwise.
Uses only the standard library, feedparser and html5lib.
"""

import argparse
import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import html5lib
from html5lib import constants as html5lib_constants

FEED_NAMES = ("feed.xml", "atom.xml", "feed.json")
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
JSON_FEED_ITEM_FIELDS = ("id", "url", "title", "content_html", "date_published")
ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IGNORED_SCHEMES = ("mailto", "tel", "data")
SVG_NS = "http://www.w3.org/2000/svg"
CHART_SVG = re.compile(r'<svg [^>]*class="chart [^"]*".*?</svg>', re.S)


# ---------------------------------------------------------------------------
# Result bookkeeping


class Results:
    """Counts passed checks and collects one message per failed check."""

    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, condition, message):
        """Records a check: passes when condition is true, else records message."""
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
        return bool(condition)

    def fail(self, message):
        """Records a failed check."""
        self.check(False, message)


# ---------------------------------------------------------------------------
# The site: files, URL mapping and parsed pages


@dataclass
class Page:
    """What the checks need from one parsed HTML file."""

    url: str  # site path including base path, e.g. "/blog/2025/03/11/x/"
    errors: list = field(default_factory=list)  # html5lib parse errors, as strings
    ids: set = field(default_factory=set)
    refs: list = field(default_factory=list)  # (element tag, attribute value) for href/src
    alternates: list = field(default_factory=list)  # (type, href) of <link rel="alternate">
    tag_links: list = field(default_factory=list)  # href of rel="tag" links
    entry_links: list = field(default_factory=list)  # href of a.entry-title links
    next_links: list = field(default_factory=list)  # href of rel="next" links
    charts: list = field(default_factory=list)  # raw markup of each <svg class="chart ...">


class Site:
    """A generated site directory served at base_url."""

    def __init__(self, root, base_url):
        self.root = Path(root)
        if not base_url.endswith("/"):
            base_url += "/"
        parts = urlsplit(base_url)
        self.base_url = base_url
        self.scheme = parts.scheme
        self.host = parts.netloc.lower()
        self.base_path = parts.path or "/"
        self._pages = {}

    # -- URL <-> file mapping --

    def url_for_file(self, path):
        """Site path (with base path) at which a file under root is served."""
        rel = path.relative_to(self.root).as_posix()
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return self.base_path + rel

    def absolute(self, site_path):
        """Absolute URL of a site path."""
        return f"{self.scheme}://{self.host}{site_path}"

    def resolve(self, ref, page_url):
        """Classifies a reference found on page_url.

        Returns (kind, site_path, fragment), kind being "internal", "external",
        "ignored", "fragment" (same page) or "outside" (same host, outside the base path).
        """
        ref = ref.strip()
        if not ref:
            return "fragment", page_url, ""
        if ref.startswith("#"):
            return "fragment", page_url, unquote(ref[1:])
        parts = urlsplit(ref)
        if parts.scheme and parts.scheme.lower() in IGNORED_SCHEMES:
            return "ignored", None, None
        absolute = urlsplit(urljoin(self.absolute(page_url), ref))
        if absolute.scheme not in ("http", "https"):
            return "ignored", None, None
        if absolute.netloc.lower() != self.host:
            return "external", None, None
        path = absolute.path or "/"
        if not path.startswith(self.base_path):
            return "outside", path, absolute.fragment
        return "internal", path, unquote(absolute.fragment)

    def file_for(self, site_path):
        """File under root that serves a site path (which must start with the base path)."""
        rel = unquote(site_path[len(self.base_path):])
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        candidate = self.root / rel
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate

    def exists(self, site_path):
        """Whether a site path is served by a file under root."""
        return site_path.startswith(self.base_path) and self.file_for(site_path).is_file()

    def site_path_of_absolute(self, url):
        """Site path of an absolute URL under base_url, or None when it is not one."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != self.host:
            return None
        path = parts.path or "/"
        return path if path.startswith(self.base_path) else None

    def expected_path(self, path):
        """Site path of a path given relative to the site root ("/" is the base path)."""
        return self.base_path + path.lstrip("/")

    # -- files --

    def html_files(self):
        """Every *.html file, sorted."""
        return sorted(self.root.rglob("*.html"))

    def feed_files(self):
        """Every feed file (feed.xml, atom.xml, feed.json), sorted."""
        return sorted(p for p in self.root.rglob("*") if p.name in FEED_NAMES and p.is_file())

    def page(self, path):
        """Parsed page for an HTML file (cached)."""
        if path not in self._pages:
            self._pages[path] = parse_page(path, self.url_for_file(path))
        return self._pages[path]

    def page_at(self, site_path):
        """Parsed page served at a site path, or None when there is no such HTML file."""
        if not self.exists(site_path):
            return None
        path = self.file_for(site_path)
        return self.page(path) if path.suffix == ".html" else None

    def rel(self, path):
        """Path of a file relative to root, for messages."""
        return path.relative_to(self.root).as_posix()


def parse_page(path, url):
    """Parses an HTML file with html5lib and extracts ids, references and marked-up links."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    with open(path, "rb") as f:
        raw = f.read()
    tree = parser.parse(raw)
    page = Page(url=url)
    page.charts = CHART_SVG.findall(raw.decode("utf-8", errors="replace"))
    for (line, col), code, datavars in parser.errors:
        text = html5lib_constants.E.get(code, code)
        try:
            text = text % datavars
        except (TypeError, KeyError, ValueError):
            pass
        page.errors.append(f"line {line}:{col}: {text}")
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue  # comments
        tag = el.tag.rsplit("}", 1)[-1]
        for attr in ("id", "name") if tag == "a" else ("id",):
            if el.get(attr):
                page.ids.add(el.get(attr))
        for attr in ("href", "src"):
            if el.get(attr) is not None:
                page.refs.append((tag, el.get(attr)))
        rel = (el.get("rel") or "").lower().split()
        href = el.get("href")
        if href is None:
            continue
        if tag == "link" and "alternate" in rel:
            page.alternates.append(((el.get("type") or "").strip().lower(), href))
        if tag == "a" and "tag" in rel:
            page.tag_links.append(href)
        if tag == "a" and "entry-title" in (el.get("class") or "").split():
            page.entry_links.append(href)
        if tag in ("a", "link") and "next" in rel:
            page.next_links.append(href)
    return page


# ---------------------------------------------------------------------------
# Feed helpers


def feed_links(site, path):
    """Raw link URLs a feed file declares (channel/entry links, self links, JSON Feed urls)."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        links = [data.get(k) for k in ("home_page_url", "feed_url")]
        links += [item.get("url") for item in data.get("items", []) if isinstance(item, dict)]
        return [link for link in links if link]
    links = []
    for el in ET.parse(path).iter():
        local = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if local == "link":
            if el.get("href") is not None:
                links.append(el.get("href"))  # Atom link (also atom:link in RSS)
            elif el.text and el.text.strip():
                links.append(el.text.strip())  # RSS link
        elif local == "guid" and el.get("isPermaLink", "true").lower() != "false" and el.text:
            links.append(el.text.strip())
    return links


def feed_item_urls(path):
    """Absolute URLs of the items of a feed, in feed order."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return [item.get("url", "") for item in data.get("items", []) if isinstance(item, dict)]
    return [entry.get("link", "") for entry in feedparser.parse(str(path)).entries]


def valid_rfc3339(text):
    """Whether text is an RFC 3339 date-time."""
    if not isinstance(text, str) or "T" not in text:
        return False
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------
# Checks, one function each


def check_html_valid(site, results):
    """1. Every *.html file parses with html5lib without errors."""
    files = site.html_files()
    results.check(files, "site: no *.html files found")
    for path in files:
        page = site.page(path)
        if not page.errors:
            results.check(True, "")
        for error in page.errors:
            results.fail(f"{site.rel(path)}: HTML parse error at {error}")


def check_reference(site, results, where, page_url, ref, target_page=None):
    """Checks one reference from page_url: internal targets exist, fragments exist."""
    kind, site_path, fragment = site.resolve(ref, page_url)
    if kind in ("external", "ignored"):
        return
    if kind == "outside":
        results.fail(f"{where}: link {ref!r} points outside the base path {site.base_path}")
        return
    if kind == "fragment":
        if fragment:
            results.check(target_page is not None and fragment in target_page.ids,
                          f"{where}: link {ref!r}: no element with id {fragment!r} on the page")
        return
    if not results.check(site.exists(site_path), f"{where}: broken link {ref!r} (no file for {site_path})"):
        return
    if fragment:
        target = site.page_at(site_path)
        if target is not None:
            results.check(fragment in target.ids, f"{where}: link {ref!r}: no element with id {fragment!r} in {site_path}")


def check_links(site, results):
    """2. Every internal link or asset (HTML href/src, absolute feed links) resolves to a file."""
    for path in site.html_files():
        page = site.page(path)
        for tag, ref in page.refs:
            check_reference(site, results, site.rel(path), page.url, ref, target_page=page)
    for path in site.feed_files():
        try:
            links = feed_links(site, path)
        except (ET.ParseError, json.JSONDecodeError, UnicodeDecodeError) as e:
            results.fail(f"{site.rel(path)}: cannot read links: {e}")
            continue
        for link in links:
            parts = urlsplit(link)
            if not results.check(parts.scheme in ("http", "https") and parts.netloc,
                                 f"{site.rel(path)}: feed link {link!r} is not an absolute URL"):
                continue
            if parts.netloc.lower() != site.host:
                continue
            results.check(parts.path.startswith(site.base_path),
                          f"{site.rel(path)}: feed link {link!r} is not under {site.base_url}")
            if parts.path.startswith(site.base_path):
                results.check(site.exists(parts.path), f"{site.rel(path)}: broken feed link {link!r}")


def check_xml_feed(site, results, path):
    """Checks an RSS/Atom feed: parses cleanly, has entries with title, link, id and date."""
    name = site.rel(path)
    parsed = feedparser.parse(str(path))
    if not results.check(not parsed.bozo, f"{name}: feed does not parse cleanly: {parsed.get('bozo_exception')}"):
        return
    version = parsed.get("version", "")
    expected = "rss" if path.name == "feed.xml" else "atom"
    results.check(version.startswith(expected), f"{name}: expected an {expected.upper()} feed, got {version or 'unknown'!r}")
    results.check(parsed.feed.get("title"), f"{name}: feed has no title")
    results.check(len(parsed.entries) >= 1, f"{name}: feed has no entries")
    for i, entry in enumerate(parsed.entries, 1):
        label = f"{name}: entry {i} ({entry.get('title', '?')!r})"
        results.check(entry.get("title"), f"{label} has no title")
        results.check(entry.get("link"), f"{label} has no link")
        results.check(entry.get("id"), f"{label} has no id/guid")
        results.check(entry.get("published_parsed"), f"{label} has no (parsable) published date")


def check_json_feed(site, results, path):
    """Checks a JSON Feed 1.1: version, and items with id, url, title, content_html, date_published."""
    name = site.rel(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        results.fail(f"{name}: not valid JSON: {e}")
        return
    if not results.check(isinstance(data, dict), f"{name}: top level is not an object"):
        return
    results.check(data.get("version") == JSON_FEED_VERSION, f"{name}: version is {data.get('version')!r}, not {JSON_FEED_VERSION!r}")
    results.check(data.get("title"), f"{name}: feed has no title")
    items = data.get("items")
    if not results.check(isinstance(items, list) and items, f"{name}: feed has no items"):
        return
    for i, item in enumerate(items, 1):
        if not results.check(isinstance(item, dict), f"{name}: item {i} is not an object"):
            continue
        for key in JSON_FEED_ITEM_FIELDS:
            results.check(isinstance(item.get(key), str) and item.get(key), f"{name}: item {i} has no {key}")
        if item.get("date_published"):
            results.check(valid_rfc3339(item["date_published"]),
                          f"{name}: item {i} date_published {item['date_published']!r} is not RFC 3339")


def check_feeds(site, results):
    """3. Every feed is valid, and every HTML page links an RSS feed in its <head>."""
    feeds = site.feed_files()
    results.check(any(p.name == "feed.xml" for p in feeds), "site: no feed.xml found")
    for path in feeds:
        if path.suffix == ".json":
            check_json_feed(site, results, path)
        else:
            check_xml_feed(site, results, path)
    for path in site.html_files():
        page = site.page(path)
        results.check(any(t == "application/rss+xml" for t, _ in page.alternates),
                      f"{site.rel(path)}: no <link rel=\"alternate\" type=\"application/rss+xml\">")


def collect_tags(site):
    """Maps every document page (a.entry-title target or page with rel="tag" links) to the tag pages it links."""
    doc_tags = {}  # document site path -> set of tag site paths
    documents = set()
    for path in site.html_files():
        page = site.page(path)
        for ref in page.entry_links:
            kind, target, _ = site.resolve(ref, page.url)
            if kind == "internal":
                documents.add(target)
        tags = set()
        for ref in page.tag_links:
            kind, target, _ = site.resolve(ref, page.url)
            if kind == "internal":
                tags.add(target)
        if tags:
            documents.add(page.url)
            doc_tags[page.url] = tags
    for doc in documents:
        doc_tags.setdefault(doc, set())
    return doc_tags


def sibling_tag_pages(site, tags):
    """Tag URLs plus every other NAME/ page beside them (so that tag pages no document links are found)."""
    found = set(tags)
    for tag in tags:
        if not (tag.endswith("/") and site.exists(tag)):
            continue
        parent = site.file_for(tag).parent.parent
        if parent == site.root:
            continue  # tags live at the top level: their siblings are not all tags
        for index in parent.glob("*/index.html"):
            found.add(site.url_for_file(index))
    return found


def tag_pages(site, tag_url):
    """Every page of a tag: its first page, pages reached by rel="next", and TAG/page/N/ pages."""
    found, queue = [], [tag_url]
    while queue:
        url = queue.pop(0)
        if url in found or not site.exists(url):
            continue
        found.append(url)
        page = site.page_at(url)
        if page is None:
            continue
        for ref in page.next_links:
            kind, target, _ = site.resolve(ref, url)
            if kind == "internal":
                queue.append(target)
    page_dir = site.file_for(tag_url).parent / "page"
    if tag_url.endswith("/") and page_dir.is_dir():
        for index in sorted(page_dir.glob("*/index.html")):
            url = site.url_for_file(index)
            if url not in found:
                found.append(url)
    return found


def tag_listing(site, tag_url):
    """Documents listed (a.entry-title) on all pages of a tag, in page order, without duplicates."""
    listed = []
    for url in tag_pages(site, tag_url):
        page = site.page_at(url)
        for ref in page.entry_links if page else []:
            kind, target, _ = site.resolve(ref, url)
            if kind == "internal" and target not in listed:
                listed.append(target)
    return listed


def tag_feed_files(site, tag_url):
    """Feed files a tag page announces (rel="alternate" links under the tag's own URL)."""
    page = site.page_at(tag_url)
    files = []
    for _, ref in page.alternates if page else []:
        kind, target, _ = site.resolve(ref, tag_url)
        if kind == "internal" and target.startswith(tag_url) and target != tag_url and site.exists(target):
            files.append(site.file_for(target))
    return files


def check_tags(site, results):
    """4. A document carries tag T iff T's pages list it; each tag feed holds exactly T's documents."""
    doc_tags = collect_tags(site)
    all_tags = sorted(sibling_tag_pages(site, set().union(*doc_tags.values()) if doc_tags else set()))
    listings = {}
    for tag in all_tags:
        if not results.check(site.exists(tag), f"tag {tag}: tag page does not exist"):
            continue
        listed = tag_listing(site, tag)
        listings[tag] = listed
        for doc in listed:
            results.check(tag in doc_tags.get(doc, set()),
                          f"tag {tag}: lists {doc}, which has no rel=\"tag\" link to it")
        for doc, tags in sorted(doc_tags.items()):
            if tag in tags:
                results.check(doc in listed, f"tag {tag}: {doc} carries the tag but no page of the tag lists it")
        for feed in tag_feed_files(site, tag):
            try:
                items = [site.site_path_of_absolute(u) or u for u in feed_item_urls(feed)]
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                results.fail(f"{site.rel(feed)}: cannot read items: {e}")
                continue
            extra = [u for u in items if u not in listed]
            results.check(not extra, f"{site.rel(feed)}: items not listed on tag {tag}: {', '.join(extra)}")
            missing = [u for u in listed if u not in items]
            truncated = len(items) < len(listed)
            results.check(not missing or truncated,
                          f"{site.rel(feed)}: documents of tag {tag} missing from its feed: {', '.join(missing)}")
            if truncated:
                results.check(set(items) == set(listed[: len(items)]),
                              f"{site.rel(feed)}: truncated tag feed does not hold the newest {len(items)} documents of {tag}")
    return doc_tags, listings


def sitemap_locs(site, path, seen=None):
    """Every <loc> of a sitemap (following sitemap indexes under base_url)."""
    seen = seen if seen is not None else set()
    if path in seen:
        return []
    seen.add(path)
    root = ET.parse(path).getroot()
    locs = [el.text.strip() for el in root.iter(f"{{{SITEMAP_NS}}}loc") if el.text]
    if root.tag == f"{{{SITEMAP_NS}}}sitemapindex":
        pages = []
        for loc in locs:
            sub = site.site_path_of_absolute(loc)
            if sub and site.exists(sub):
                pages += sitemap_locs(site, site.file_for(sub), seen)
        return pages
    return locs


def check_sitemap(site, results, documents):
    """5. sitemap.xml lists every document page, with absolute URLs that resolve."""
    path = site.root / "sitemap.xml"
    if not results.check(path.is_file(), "sitemap.xml: missing"):
        return
    try:
        locs = sitemap_locs(site, path)
    except ET.ParseError as e:
        results.fail(f"sitemap.xml: not well-formed XML: {e}")
        return
    results.check(locs, "sitemap.xml: no <loc> entries (or wrong namespace)")
    listed = set()
    for loc in locs:
        site_path = site.site_path_of_absolute(loc)
        if not results.check(site_path, f"sitemap.xml: {loc!r} is not an absolute URL under {site.base_url}"):
            continue
        results.check(site.exists(site_path), f"sitemap.xml: {loc!r} does not resolve to a file")
        listed.add(site_path)
    for doc in sorted(documents):
        results.check(doc in listed, f"sitemap.xml: document {doc} is not listed")


def check_expectations(site, results, expect_file, listings):
    """--expect: required pages exist, tags list exactly the given documents, feeds have n items."""
    try:
        expect = json.loads(Path(expect_file).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        results.fail(f"{expect_file}: cannot read expectations: {e}")
        return
    for path in expect.get("pages", []):
        results.check(site.exists(site.expected_path(path)), f"expect: page {path} does not exist")
    by_slug = {}
    for tag in listings:
        by_slug.setdefault(tag.rstrip("/").rsplit("/", 1)[-1], tag)
    for slug, docs in sorted(expect.get("tags", {}).items()):
        tag = by_slug.get(slug)
        if not results.check(tag, f"expect: no tag with slug {slug!r} (no rel=\"tag\" link to it)"):
            continue
        want = {site.expected_path(d) for d in docs}
        have = set(listings[tag])
        results.check(want == have, f"expect: tag {slug!r} lists {sorted(have)}, expected {sorted(want)}")
    for feed, count in sorted(expect.get("feed_items", {}).items()):
        site_path = site.expected_path(feed)
        if not results.check(site.exists(site_path), f"expect: feed {feed} does not exist"):
            continue
        try:
            n = len(feed_item_urls(site.file_for(site_path)))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            results.fail(f"expect: feed {feed} cannot be read: {e}")
            continue
        results.check(n == count, f"expect: feed {feed} has {n} items, expected {count}")


def check_charts(site, results):
    """Every inline chart (<svg class="chart ...">) is well-formed XML with a title, a
    description and at least one mark; returns {site path: number of charts}."""
    counts = {}
    for path in site.html_files():
        page = site.page(path)
        counts[page.url] = len(page.charts)
        for markup in page.charts:
            where = f"{site.rel(path)}: chart"
            try:
                svg = ET.fromstring(markup)
            except ET.ParseError as e:
                results.fail(f"{where} is not well-formed XML: {e}")
                continue
            title = svg.find(f"{{{SVG_NS}}}title")
            desc = svg.find(f"{{{SVG_NS}}}desc")
            results.check(title is not None and (title.text or "").strip(), f"{where} has no <title>")
            results.check(desc is not None and (desc.text or "").strip(), f"{where} has no <desc>")
            results.check(svg.find(f"{{{SVG_NS}}}rect") is not None, f"{where} draws nothing")
    return counts


def check_chart_expectations(site, results, expect_file, charts):
    """--expect "charts": {page: number of inline charts on it}."""
    try:
        expect = json.loads(Path(expect_file).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return  # check_expectations reported it
    for path, count in sorted(expect.get("charts", {}).items()):
        have = charts.get(site.expected_path(path))
        results.check(have == count, f"expect: page {path} has {have} charts, expected {count}")


# ---------------------------------------------------------------------------


def main(argv=None):
    """Runs every check and reports."""
    parser = argparse.ArgumentParser(description="Check a generated digestif site.")
    parser.add_argument("site_dir", help="directory holding the generated site")
    parser.add_argument("--base-url", required=True, help="URL the site is served at, e.g. https://example.org/blog/")
    parser.add_argument("--expect", metavar="FILE", help="JSON file of extra expectations (pages, tags, feed_items, charts)")
    args = parser.parse_args(argv)

    if not Path(args.site_dir).is_dir():
        print(f"{args.site_dir}: not a directory")
        return 2
    site = Site(args.site_dir, args.base_url)
    results = Results()
    check_html_valid(site, results)
    check_links(site, results)
    check_feeds(site, results)
    doc_tags, listings = check_tags(site, results)
    check_sitemap(site, results, doc_tags.keys())
    charts = check_charts(site, results)
    if args.expect:
        check_expectations(site, results, args.expect, listings)
        check_chart_expectations(site, results, args.expect, charts)

    for message in results.failures:
        print(message)
    if results.failures:
        print(f"{len(results.failures)} checks failed, {results.passed} passed", file=sys.stderr)
        return 1
    print(f"{results.passed} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
