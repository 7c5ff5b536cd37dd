// Review parser: line-based reading of a Reddit post dump (header, content, top comments).
#include "plugins/review_format/review_parser.h"

#include <charconv>
#include <cstddef>
#include <optional>

namespace digestif::plugins::review_format {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view skip_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

/// The lines of a text without their line ends (LF or CRLF).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == npos ? npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == npos) break;
    start = end + 1;
  }
  return lines;
}

/// The value of a "Key: value" line, or nothing when the line has another key.
std::optional<std::string_view> field_value(std::string_view line, std::string_view key) {
  if (line.substr(0, key.size()) != key) return std::nullopt;
  std::string_view rest = line.substr(key.size());
  if (rest.empty() || rest.front() != ':') return std::nullopt;
  return trim(rest.substr(1));
}

/// "Top N comments:" (N digits), the line that ends the post content.
bool is_comments_heading(std::string_view line) {
  line = trim(line);
  if (line.substr(0, 4) != "Top ") return false;
  std::size_t i = 4;
  while (i < line.size() && is_digit(line[i])) ++i;
  return i > 4 && line.substr(i) == " comments:";
}

/// "Comment K:" (K digits), the line that starts a comment block.
bool is_comment_start(std::string_view line) {
  line = trim(line);
  if (line.substr(0, 8) != "Comment ") return false;
  std::size_t i = 8;
  while (i < line.size() && is_digit(line[i])) ++i;
  return i > 8 && line.substr(i) == ":";
}

std::optional<std::int64_t> parse_integer(std::string_view s) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

/// Unix seconds, "1766851467" or "1766851467.0" (the fraction is dropped).
std::optional<std::int64_t> parse_seconds(std::string_view s) {
  std::size_t dot = s.find('.');
  if (dot != npos) {
    std::string_view fraction = s.substr(dot + 1);
    for (char c : fraction) {
      if (!is_digit(c)) return std::nullopt;
    }
    s = s.substr(0, dot);
  }
  return parse_integer(s);
}

/// Joins lines [begin, end) with '\n', blank lines at both ends left out. first is set to the
/// index of the first line kept.
std::string join_trimmed(const std::vector<std::string_view>& lines, std::size_t begin,
                         std::size_t end, std::size_t& first) {
  while (begin < end && trim(lines[begin]).empty()) ++begin;
  while (end > begin && trim(lines[end - 1]).empty()) --end;
  first = begin;
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) out += '\n';
    out += lines[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/// Reads the lines of one file, tracking the file line number of each index.
struct Reader {
  Reader(const std::string& file_name, std::string_view text)
      : file(file_name), lines(split_lines(text)) {}

  const std::string& file;
  std::vector<std::string_view> lines;
  std::size_t first = 0;  // index of the first non-blank line

  int line_number(std::size_t index) const { return static_cast<int>(index) + 1; }

  [[noreturn]] void fail(std::size_t index, const std::string& message) const {
    throw digestif::Error(file, line_number(index), message);
  }
};

/// Index of the first line at or after `from` (and before `end`) with the given key, or npos.
std::size_t find_field(const Reader& r, std::string_view key, std::size_t from, std::size_t end) {
  for (std::size_t i = from; i < end; ++i) {
    if (field_value(r.lines[i], key)) return i;
  }
  return npos;
}

std::string_view required_text(const Reader& r, std::string_view key, std::size_t from,
                               std::size_t end, std::size_t report_at, bool allow_empty) {
  std::size_t at = find_field(r, key, from, end);
  if (at == npos) {
    r.fail(report_at, "the review has no '" + std::string(key) + ":' line; add one to the " +
                          "header before 'Post Content:'");
  }
  std::string_view value = *field_value(r.lines[at], key);
  if (value.empty() && !allow_empty) {
    r.fail(at, "'" + std::string(key) + ":' is empty; write its value after the colon");
  }
  return value;
}

std::int64_t required_number(const Reader& r, std::string_view key, std::size_t from,
                             std::size_t end, std::size_t report_at, bool seconds) {
  std::string_view text = required_text(r, key, from, end, report_at, true);
  std::size_t at = find_field(r, key, from, end);
  auto value = seconds ? parse_seconds(text) : parse_integer(text);
  if (!value) {
    r.fail(at, "'" + std::string(key) + ":' value '" + std::string(text.substr(0, 40)) +
                   "' is not " + (seconds ? "a time in unix seconds" : "a whole number") +
                   "; write digits only" + (seconds ? " (e.g. 1766851467)" : ""));
  }
  return *value;
}

void read_header(const Reader& r, std::size_t content_at, ReviewPost& post) {
  std::size_t b = r.first;
  post.title = required_text(r, "Post Title", b, content_at, content_at, false);
  post.author = required_text(r, "Author", b, content_at, content_at, true);
  post.url = required_text(r, "URL", b, content_at, content_at, false);
  post.score = static_cast<long>(required_number(r, "Score", b, content_at, content_at, false));
  std::int64_t count = required_number(r, "Number of comments", b, content_at, content_at, false);
  if (count < 0 || count > 100000000) {
    r.fail(find_field(r, "Number of comments", b, content_at),
           "'Number of comments:' is out of range; write the post's comment count");
  }
  post.comment_count = static_cast<int>(count);
  post.created_utc = required_number(r, "Created UTC", b, content_at, content_at, true);
}

/// Comment K: starts a block only when its fields follow (a comment may quote "Comment 2:").
bool starts_comment_block(const Reader& r, std::size_t i) {
  if (!is_comment_start(r.lines[i])) return false;
  for (std::size_t j = i + 1; j < r.lines.size(); ++j) {
    if (trim(r.lines[j]).empty()) continue;
    return field_value(r.lines[j], "Author").has_value();
  }
  return false;
}

/// Reads the block [start, end): "Comment K:", its fields, then "Comment:" and the text.
ReviewComment read_comment(const Reader& r, std::size_t start, std::size_t end) {
  std::size_t text_at = find_field(r, "Comment", start + 1, end);
  if (text_at == npos) {
    r.fail(start, "comment block has no 'Comment:' line; add it before the comment's text");
  }
  ReviewComment comment;
  comment.line = r.line_number(start);
  comment.author = required_text(r, "Author", start + 1, text_at, start, true);
  comment.score = static_cast<long>(required_number(r, "Score", start + 1, text_at, start, false));
  comment.created_utc = required_number(r, "Created UTC", start + 1, text_at, start, true);
  std::vector<std::string_view> body(r.lines.begin() + static_cast<long>(text_at),
                                     r.lines.begin() + static_cast<long>(end));
  body[0] = *field_value(body[0], "Comment");
  std::size_t first = 0;
  comment.markdown = join_trimmed(body, 0, body.size(), first);
  return comment;
}

void read_comments(const Reader& r, std::size_t from, ReviewPost& post) {
  std::vector<std::size_t> starts;
  for (std::size_t i = from; i < r.lines.size(); ++i) {
    if (starts_comment_block(r, i)) starts.push_back(i);
  }
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] : r.lines.size();
    post.comments.push_back(read_comment(r, starts[k], end));
  }
}

void read_content(const Reader& r, std::size_t content_at, std::size_t comments_at,
                  ReviewPost& post) {
  std::vector<std::string_view> lines(r.lines.begin() + static_cast<long>(content_at),
                                      r.lines.begin() + static_cast<long>(comments_at));
  lines[0] = *field_value(lines[0], "Post Content");
  std::size_t first = 0;
  post.content_markdown = join_trimmed(lines, 0, lines.size(), first);
  post.content_line = r.line_number(content_at + first);
}

}  // namespace

bool looks_like_review(std::string_view text) {
  text = skip_bom(text);
  std::size_t i = 0;
  while (i < text.size() && (is_space(text[i]) || text[i] == '\n')) ++i;
  return text.substr(i, 11) == "Post Title:";
}

ReviewPost parse_review(std::string_view text, const std::string& file) {
  Reader r(file, skip_bom(text));
  while (r.first < r.lines.size() && trim(r.lines[r.first]).empty()) ++r.first;
  if (r.first == r.lines.size() || !field_value(r.lines[r.first], "Post Title")) {
    r.fail(r.first == r.lines.size() ? 0 : r.first,
           "a review must start with 'Post Title:'; check that this file is a review dump");
  }
  std::size_t content_at = find_field(r, "Post Content", r.first, r.lines.size());
  if (content_at == npos) {
    r.fail(r.lines.size() - 1,
           "the review has no 'Post Content:' line; add it before the post's "
           "text");
  }
  ReviewPost post;
  read_header(r, content_at, post);
  std::size_t comments_at = content_at + 1;
  while (comments_at < r.lines.size() && !is_comments_heading(r.lines[comments_at])) ++comments_at;
  read_content(r, content_at, comments_at, post);
  if (comments_at < r.lines.size()) read_comments(r, comments_at + 1, post);
  return post;
}

}  // namespace digestif::plugins::review_format
