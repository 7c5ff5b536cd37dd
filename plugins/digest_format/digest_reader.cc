// Digest reader: the recovery rules, applied in order, each leaving one warning or one error.
#include "plugins/digest_format/digest_reader.h"

#include "plugins/digest_format/body_repairs.h"
#include "plugins/digest_format/digest_fields.h"
#include "plugins/digest_format/filename_facts.h"
#include "plugins/digest_format/front_matter_locator.h"
#include "plugins/digest_format/front_matter_reader.h"
#include "plugins/digest_format/indentation.h"
#include "plugins/digest_format/notice_detector.h"
#include "plugins/digest_format/preamble.h"
#include "plugins/digest_format/text_lines.h"

namespace digestif::plugins::digest_format {
namespace {

constexpr const char* kAddFrontMatter =
    "add a front matter: \"---\", title, date, description and tags lines, \"---\"";

class DigestReader {
 public:
  explicit DigestReader(const RawSource& raw)
      : raw_(raw), file_(raw.origin), facts_(filename_facts(raw.stem)) {}

  Reading read() {
    Dedented dedented = dedent_document(raw_.bytes);
    if (dedented.indent > 0) warn_indent(dedented.indent);
    std::vector<std::string_view> lines = split_lines(dedented.text);
    FrontMatterSpot spot = locate_front_matter(lines);
    if (spot.kind == FrontMatterKind::none)
      read_without_front_matter(dedented.text, lines);
    else
      read_with_front_matter(dedented.text, lines, spot);
    if (reading_.document.front_matter.find("subreddit") == nullptr && !facts_.subreddit.empty())
      reading_.document.front_matter["subreddit"] = facts_.subreddit;
    return std::move(reading_);
  }

 private:
  void warn(int line, std::string message) {
    reading_.warnings.push_back({Severity::warning, file_, line, std::move(message)});
  }

  void warn_indent(int indent) {
    warn(1, "the whole document is indented by " + std::to_string(indent) +
                " spaces, which would make it a code block; it is read without them; remove "
                "the indentation");
  }

  void warn_preamble(const std::vector<std::string_view>& lines, const FrontMatterSpot& spot) {
    std::vector<std::string> kinds = classify_preamble(lines, spot.open);
    if (kinds.empty()) return;
    bool one = spot.open == 1;
    std::string range = one ? "line 1" : "lines 1-" + std::to_string(spot.open);
    warn(1, range + " before the front matter (" + join_kinds(kinds) + (one ? ") is" : ") are") +
                " not part of the digest and left out; delete " + (one ? "it" : "them"));
  }

  void warn_kind(const FrontMatterSpot& spot) {
    int line = static_cast<int>(spot.open) + 1;
    if (spot.kind == FrontMatterKind::tilde)
      warn(line, "the front matter is fenced with \"~~~\"; it is read as YAML; use \"---\" lines");
    if (spot.kind == FrontMatterKind::json)
      warn(line,
           "the front matter is JSON; it is read as such; write it as YAML between "
           "\"---\" lines");
  }

  void read_with_front_matter(std::string_view text, const std::vector<std::string_view>& lines,
                              const FrontMatterSpot& spot) {
    warn_preamble(lines, spot);
    warn_kind(spot);
    FrontMatter fm = read_front_matter(text, lines, spot, file_);
    Document& document = reading_.document;
    document.title = text_field(fm, file_, "title");
    if (document.title.empty())
      throw Error(file_, fm.line, "the front matter has no \"title\"; add title: \"...\"");
    document.description = text_field(fm, file_, "description");
    document.date = date_field(fm, file_, facts_.date);
    document.tags = tags_field(fm, file_);
    document.draft = draft_field(fm, file_);
    set_body(fm.body, fm.body_line);
    document.front_matter = std::move(fm.data);
  }

  void read_without_front_matter(std::string_view text,
                                 const std::vector<std::string_view>& lines) {
    Notice notice = detect_notice(lines);
    if (notice.kind == NoticeKind::skipped)
      throw Error(file_, notice.line,
                  "the file is only a notice (\"" + notice.text +
                      "\"), not a digest; it is left out of the site; replace it with the "
                      "day's digest or delete it");
    if (is_raw_data_only(lines))
      throw Error(file_, 1,
                  "the file holds only raw data (" +
                      join_kinds(classify_preamble(lines, lines.size())) +
                      ") and no digest; it is left out of the site; generate the digest from "
                      "it or move it out of the content folder");
    if (!facts_.complete())
      throw Error(file_, 1,
                  std::string("no front matter, and the file name does not give the date and "
                              "subreddit (YYYY-MM-DD_<subreddit>.md); ") +
                      kAddFrontMatter);
    if (notice.kind == NoticeKind::quiet) return read_quiet_notice(notice);
    fill_from_file_name("Analysis of top discussions and trends in the " + facts_.subreddit +
                        " subreddit");
    set_body(text, 1);
    warn(1, "no front matter; the title \"" + reading_.document.title +
                "\", the date and the subreddit come from the file name; " + kAddFrontMatter);
  }

  void read_quiet_notice(const Notice& notice) {
    fill_from_file_name("It was very quiet in the " + facts_.subreddit + " subreddit today.");
    reading_.document.body =
        "It was very quiet in this subreddit today: there are no "
        "discussions to summarize.\n";
    reading_.document.body_line = notice.line;
    warn(notice.line, "the file is only a notice (\"" + notice.text +
                          "\"), not a digest; it is published as a short page saying the day "
                          "was quiet; delete the file to leave the day out");
  }

  void fill_from_file_name(std::string description) {
    Document& document = reading_.document;
    document.title = subreddit_title(facts_.subreddit);
    document.date = *facts_.date;
    document.description = std::move(description);
    document.tags = {facts_.subreddit};
  }

  void set_body(std::string_view body, int first_line) {
    RepairedBody repaired = repair_body(body, first_line, file_);
    reading_.document.body = std::move(repaired.text);
    reading_.document.body_line = repaired.first_line;
    for (Diagnostic& warning : repaired.warnings) reading_.warnings.push_back(std::move(warning));
  }

  const RawSource& raw_;
  std::string file_;
  FilenameFacts facts_;
  Reading reading_;
};

}  // namespace

Reading read_digest(const RawSource& raw) {
  Reading reading = DigestReader(raw).read();
  reading.document.kind = "digest";
  return reading;
}

}  // namespace digestif::plugins::digest_format
