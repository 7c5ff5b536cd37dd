// Notice detector: recognizing the short notices a digest pipeline writes instead of a digest.
#include "plugins/digest_format/notice_detector.h"

#include <cctype>

#include "plugins/digest_format/text_lines.h"

namespace digestif::plugins::digest_format {
namespace {

constexpr int kMaxNoticeLines = 3;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

NoticeKind kind_of(std::string_view line) {
  std::string text = lower(line);
  if (text.find("analysis skipped") != std::string::npos) return NoticeKind::skipped;
  for (std::string_view phrase : {"very quiet", "no posts", "no new posts"})
    if (text.find(phrase) != std::string::npos) return NoticeKind::quiet;
  return NoticeKind::none;
}

/// The first sentence of a line: up to and with its first ". ", or the whole line.
std::string first_sentence(std::string_view line) {
  std::size_t end = line.find(". ");
  return std::string(end == std::string_view::npos ? line : line.substr(0, end + 1));
}

}  // namespace

Notice detect_notice(const std::vector<std::string_view>& lines) {
  Notice notice;
  int content_lines = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty() || is_lone_fence(line)) continue;
    if (++content_lines > kMaxNoticeLines) return {};
    if (content_lines > 1) continue;
    notice = {kind_of(line), first_sentence(line), static_cast<int>(i) + 1};
  }
  return notice.kind == NoticeKind::none ? Notice{} : notice;
}

}  // namespace digestif::plugins::digest_format
