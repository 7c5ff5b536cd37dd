// Tests of the pieces of `digestif serve` that need no socket: safe paths, content types,
// ETags, the error overlay, the live-reload injection and event stream.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/serve/content_type.h"
#include "cli/serve/error_overlay.h"
#include "cli/serve/etag.h"
#include "cli/serve/live_reload.h"
#include "cli/serve/safe_path.h"

namespace digestif::cli {
namespace {

namespace fs = std::filesystem;

/// A served folder with a page, and a secret beside it.
struct ServedFolder {
  ServedFolder() {
    base = fs::temp_directory_path() / ("digestif-safe-path-" + std::to_string(::getpid()));
    fs::create_directories(base / "root" / "css");
    std::ofstream(base / "root" / "css" / "style.css") << "body{}";
    std::ofstream(base / "secret.txt") << "secret";
    root = fs::canonical(base / "root");
  }
  ~ServedFolder() { fs::remove_all(base); }
  fs::path base;
  fs::path root;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_safe_path)

BOOST_AUTO_TEST_CASE(paths_inside_resolve_to_their_file) {
  ServedFolder folder;
  ResolvedPath resolved = resolve_in_root(folder.root, "/css/style.css");
  BOOST_TEST((resolved.verdict == PathVerdict::inside));
  BOOST_TEST(resolved.file == folder.root / "css" / "style.css");
  BOOST_TEST(resolve_in_root(folder.root, "/").file == folder.root);
  BOOST_TEST(resolve_in_root(folder.root, "//css//style.css").file ==
             folder.root / "css" / "style.css");
  BOOST_TEST((resolve_in_root(folder.root, "/missing/page/").verdict == PathVerdict::inside));
}

BOOST_AUTO_TEST_CASE(dot_segments_backslashes_and_control_characters_are_malformed) {
  ServedFolder folder;
  for (const char* path :
       {"/../secret.txt", "/css/../../secret.txt", "/./css/style.css", "/..", "css/style.css", "",
        "/..\\secret.txt", "/css\\..\\..", "/a\nb", "/\x7f"}) {
    BOOST_TEST_CONTEXT(path) {
      BOOST_TEST((resolve_in_root(folder.root, path).verdict == PathVerdict::malformed));
    }
  }
  std::string with_nul = std::string("/css") + '\0' + "/style.css";
  BOOST_TEST((resolve_in_root(folder.root, with_nul).verdict == PathVerdict::malformed));
}

BOOST_AUTO_TEST_CASE(symlinks_that_leave_the_root_are_outside) {
  ServedFolder folder;
  fs::create_symlink(folder.base / "secret.txt", folder.root / "leak.txt");
  fs::create_directory_symlink(folder.base, folder.root / "up");
  fs::create_directory_symlink(folder.root / "css", folder.root / "styles");
  BOOST_TEST((resolve_in_root(folder.root, "/leak.txt").verdict == PathVerdict::outside));
  BOOST_TEST((resolve_in_root(folder.root, "/up/secret.txt").verdict == PathVerdict::outside));
  BOOST_TEST((resolve_in_root(folder.root, "/up/").verdict == PathVerdict::outside));
  ResolvedPath inside = resolve_in_root(folder.root, "/styles/style.css");
  BOOST_TEST((inside.verdict == PathVerdict::inside));
  BOOST_TEST(inside.file == folder.root / "css" / "style.css");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(serve_responses)

BOOST_AUTO_TEST_CASE(content_types_by_extension) {
  BOOST_TEST(content_type_of("a/index.html") == "text/html; charset=utf-8");
  BOOST_TEST(content_type_of("style.CSS") == "text/css; charset=utf-8");
  BOOST_TEST(content_type_of("feed.xml") == "application/xml; charset=utf-8");
  BOOST_TEST(content_type_of("feed.json") == "application/json");
  BOOST_TEST(content_type_of("x.woff2") == "font/woff2");
  BOOST_TEST(content_type_of("x.webp") == "image/webp");
  BOOST_TEST(content_type_of("README") == "application/octet-stream");
  BOOST_TEST(is_html("404.html"));
  BOOST_TEST(!is_html("feed.xml"));
}

BOOST_AUTO_TEST_CASE(etags_follow_the_bytes_and_if_none_match_lists) {
  std::string etag = etag_of("body{}");
  BOOST_TEST(etag == etag_of("body{}"));
  BOOST_TEST(etag != etag_of("body{ }"));
  BOOST_TEST(etag.front() == '"');
  BOOST_TEST(if_none_match_matches(etag, etag));
  BOOST_TEST(if_none_match_matches("\"x\", W/" + etag, etag));
  BOOST_TEST(if_none_match_matches("*", etag));
  BOOST_TEST(!if_none_match_matches("\"x\"", etag));
  BOOST_TEST(!if_none_match_matches("", etag));
}

BOOST_AUTO_TEST_CASE(overlay_escapes_and_locates_each_error) {
  BOOST_TEST(error_overlay_html({}).empty());
  Diagnostic error{Severity::error, "content/a.md", 4, "invalid date \"<img src=x>\" & more"};
  std::string html = error_overlay_html({error});
  BOOST_TEST(html.find("content/a.md:4: error: invalid date &quot;&lt;img src=x&gt;&quot; "
                       "&amp; more") != std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  BOOST_TEST(html.find("(1 error)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(injection_goes_before_the_last_body_end) {
  BOOST_TEST(inject_before_body_end("<p>a</p></BODY></html>", "<s>") ==
             "<p>a</p><s></BODY></html>");
  BOOST_TEST(inject_before_body_end("<p></body></p></body>", "<s>") == "<p></body></p><s></body>");
  BOOST_TEST(inject_before_body_end("no body", "<s>") == "no body<s>");
  BOOST_TEST(live_reload_script().find(live_reload_path) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(event_stream_sends_new_events_in_order_and_ends_on_close) {
  LiveReload live_reload;
  live_reload.publish("reload");
  std::uint64_t seen = live_reload.last_event();
  BOOST_TEST(live_reload.next_events(seen, 10).rfind(":", 0) == 0);  // heartbeat, nothing new
  live_reload.publish("css");
  live_reload.publish("reload");
  BOOST_TEST(live_reload.next_events(seen, 10) ==
             "event: css\ndata: 2\n\nevent: reload\ndata: 3\n\n");
  std::thread closer([&] { live_reload.close(); });
  BOOST_TEST(live_reload.next_events(seen, 60000) == "");
  closer.join();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::cli
