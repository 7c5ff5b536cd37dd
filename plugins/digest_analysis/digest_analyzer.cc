// DigestAnalyzer: from extracted threads to template-ready data.
#include "plugins/digest_analysis/digest_analyzer.h"

#include "core/document_groups.h"
#include "core/slug.h"
#include "core/url.h"
#include "plugins/digest_analysis/digest_parser.h"
#include "plugins/digest_analysis/subreddit_sections.h"

namespace digestif::plugins::digest_analysis {
namespace {

std::string flair_name(const std::string& code) {
  if (code == "D") return "Discussion";
  if (code == "R") return "Research";
  if (code == "P") return "Project";
  if (code == "N") return "News";
  return code;
}

Value flairs_value(const std::vector<std::string>& flairs) {
  Value list = Value::array();
  for (const std::string& code : flairs) {
    Value flair = Value::object();
    flair.as_object().reserve(3);
    flair["code"] = code;
    flair["name"] = flair_name(code);
    flair["class"] = "flair-" + slugify(code);
    list.push_back(std::move(flair));
  }
  return list;
}

/// The title without its leading flair tags ("[D] Math in ML Papers" -> "Math in ML Papers").
std::string title_plain(const Thread& thread) {
  std::string title = thread.title;
  for (const std::string& code : thread.flairs) {
    std::string tag = "[" + code + "]";
    if (title.rfind(tag, 0) == 0) title = title.substr(tag.size());
    while (!title.empty() && title.front() == ' ') title.erase(title.begin());
  }
  return title.empty() ? thread.title : title;
}

Value thread_value(const Thread& thread) {
  Value value = Value::object();
  value.as_object().reserve(18);  // the emotion analyzer adds two keys
  value["rank"] = thread.rank;
  value["title"] = thread.title;
  value["title_plain"] = title_plain(thread);
  value["url"] = thread.url;
  value["has_url"] = !thread.url.empty();
  value["post_id"] = thread.post_id;
  value["has_score"] = thread.score.has_value();
  value["score"] = thread.score ? Value(*thread.score) : Value();
  value["has_flairs"] = !thread.flairs.empty();
  value["flairs"] = flairs_value(thread.flairs);
  value["blurb"] = thread.blurb;
  value["summary"] = thread.summary;
  value["emotion"] = thread.emotion;
  value["has_points_of_view"] = !thread.points_of_view.empty();
  value["points_of_view"] = Value::array();
  for (const std::string& point : thread.points_of_view) value["points_of_view"].push_back(point);
  value["has_detail"] = thread.has_detail;
  return value;
}

/// What a list entry shows of a digest's best-ranked thread: a small member, so listing a digest
/// does not decode all its threads.
Value top_thread_value(const Thread& thread) {
  return Value::Object{{"title", thread.title},
                       {"url", thread.url},
                       {"has_url", !thread.url.empty()},
                       {"score", thread.score ? Value(*thread.score) : Value()},
                       {"has_score", thread.score.has_value()}};
}

/// "MachineLearning" from a URL of the form .../r/<name>/..., or "".
std::string subreddit_in(const std::string& url) {
  auto start = url.find("/r/");
  if (start == std::string::npos) return {};
  auto end = url.find('/', start + 3);
  return url.substr(start + 3, end == std::string::npos ? end : end - start - 3);
}

/// The subreddit of the first thread link that names one.
std::string subreddit_of(const std::vector<Thread>& threads) {
  for (const Thread& thread : threads)
    if (std::string name = subreddit_in(thread.url); !name.empty()) return name;
  return {};
}

/// {name: "r/MachineLearning", url} of the digest's section page.
Value section_value(const std::string& subreddit, const SiteConfig& config) {
  Value section = Value::object();
  section["name"] = "r/" + subreddit;
  section["url"] = config.url_of("/" + std::string(group_kind("sections").folder) +
                                 section_slug(subreddit) + "/");
  return section;
}

}  // namespace

void DigestAnalyzer::drop_unsafe_links(std::vector<Thread>& threads,
                                       const std::string& file) const {
  for (Thread& thread : threads) {
    if (thread.url.empty() || is_web_url(thread.url)) continue;
    context_.sink().warn(
        file, thread.line,
        "thread link \"" + thread.url.substr(0, 60) + "\" is not an http(s) URL; it is left out");
    thread.url.clear();
  }
}

std::string DigestAnalyzer::heading_of(const Document& document,
                                       const std::string& subreddit) const {
  std::string heading = subreddit.empty() ? "{title}, {date}" : heading_format_;
  for (auto [key, value] : {std::pair<std::string, std::string>{"{subreddit}", subreddit},
                            {"{date}", format_display_date(document.date)},
                            {"{iso_date}", format_iso_date(document.date)},
                            {"{title}", document.title}})
    for (auto at = heading.find(key); at != std::string::npos;
         at = heading.find(key, at + value.size()))
      heading.replace(at, key.size(), value);
  return heading;
}

PartInfo DigestAnalyzer::info() const {
  return {"digest_analysis",
          Stage::analyze,
          {"document"},
          {"document.threads", "document.thread_count", "document.top_thread", "document.subreddit",
           "document.heading", "document.section"}};
}

void DigestAnalyzer::analyze(Document& document) const {
  std::string subreddit;
  if (document.kind == "digest") subreddit = analyze_digest(document);
  if (const Value* post = document.data.find("post"); post != nullptr)
    subreddit = subreddit_in(post->get_string("url"));
  if (subreddit.empty()) subreddit = document.front_matter.get_string("subreddit");
  document.data["subreddit"] = subreddit;
  if (!subreddit.empty()) document.data["section"] = section_value(subreddit, context_.config());
}

std::string DigestAnalyzer::analyze_digest(Document& document) const {
  DigestExtraction extraction = extract_threads(document.body, document.source, document.body_line);
  for (Diagnostic& warning : extraction.warnings) context_.sink().report(std::move(warning));
  drop_unsafe_links(extraction.threads, document.source);
  Value threads = Value::array();
  for (const Thread& thread : extraction.threads) threads.push_back(thread_value(thread));
  document.data["threads"] = std::move(threads);
  document.data["thread_count"] = static_cast<long>(extraction.threads.size());
  if (!extraction.threads.empty())
    document.data["top_thread"] = top_thread_value(extraction.threads.front());
  std::string subreddit = subreddit_of(extraction.threads);
  if (subreddit.empty()) subreddit = document.front_matter.get_string("subreddit");
  document.data["heading"] = heading_of(document, subreddit);
  return subreddit;
}

}  // namespace digestif::plugins::digest_analysis
