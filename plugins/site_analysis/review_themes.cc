// Review themes: a line scan for `##` headings and for links followed by an upvote note.
#include "plugins/site_analysis/review_themes.h"

#include <cctype>
#include <map>
#include <set>

#include "core/slug.h"
#include "plugins/site_analysis/reddit_post_id.h"

namespace digestif::plugins::site_analysis {
namespace {

constexpr std::size_t npos = std::string_view::npos;
/// Longest link text and URL looked at, so a hostile line of "](" costs linear time.
constexpr std::size_t kMaxLinkText = 1000, kMaxUrl = 2048;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t skip_spaces(std::string_view s, std::size_t at) {
  while (at < s.size() && is_space(s[at])) ++at;
  return at;
}

/// The title of an ATX level-2 heading line ("## Title ##"), or nothing.
std::optional<std::string> heading_title(std::string_view line) {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
  line.remove_prefix(indent);
  if (line.substr(0, 2) != "##" || (line.size() > 2 && !is_space(line[2]))) return std::nullopt;
  std::string_view title = trim(line.substr(2));
  std::size_t end = title.size();
  while (end > 0 && title[end - 1] == '#') --end;
  if (end < title.size() && (end == 0 || is_space(title[end - 1])))
    title = trim(title.substr(0, end));
  if (title.empty()) return std::nullopt;
  return std::string(title);
}

/// A fence line (``` or ~~~) opens or closes a code block.
bool is_fence(std::string_view line) {
  line = trim(line);
  return line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~";
}

/// Index of the '[' that opens the link text ending at `close` (the ']'), or npos.
std::size_t link_text_start(std::string_view line, std::size_t close) {
  int depth = 0;
  std::size_t stop = close > kMaxLinkText ? close - kMaxLinkText : 0;
  for (std::size_t i = close + 1; i-- > stop;) {
    if (line[i] == ']') ++depth;
    if (line[i] == '[' && --depth == 0) return i;
  }
  return npos;
}

/// Index of the ')' that ends the link destination opened at `open` (the '('), or npos.
std::size_t link_url_end(std::string_view line, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < line.size() && i - open < kMaxUrl; ++i) {
    if (line[i] == '(') ++depth;
    if (line[i] == ')' && --depth == 0) return i;
    if (is_space(line[i])) return npos;
  }
  return npos;
}

/// The ids given so far, and for each base id the next suffix to try (so n repeats cost n).
struct AnchorNames {
  std::set<std::string> used;
  std::map<std::string, int> next_suffix;

  std::string unique(const std::string& slug) {
    std::string anchor = "theme-" + (slug.empty() ? std::string("untitled") : slug);
    std::string name = anchor;
    int& n = next_suffix.try_emplace(anchor, 2).first->second;
    while (used.count(name) != 0) name = anchor + "-" + std::to_string(n++);
    used.insert(name);
    return name;
  }
};

/// Every "[text](url) (N upvotes ...)" of one line.
void read_links(std::string_view line, int line_number, std::vector<ReviewPostLink>& posts) {
  for (std::size_t at = line.find("]("); at != npos; at = line.find("](", at + 1)) {
    std::size_t start = link_text_start(line, at), end = link_url_end(line, at + 1);
    if (start == npos || end == npos) continue;
    std::size_t consumed = 0;
    auto note = read_upvote_note(line.substr(end + 1), consumed);
    if (!note) continue;
    ReviewPostLink post;
    post.title = std::string(trim(line.substr(start + 1, at - start - 1)));
    post.url = std::string(trim(line.substr(at + 2, end - at - 2)));
    post.post_id = reddit_post_id(post.url);
    post.upvotes = note->upvotes;
    post.author = note->author;
    post.line = line_number;
    posts.push_back(std::move(post));
    at = end;
  }
}

}  // namespace

std::optional<UpvoteNote> read_upvote_note(std::string_view text, std::size_t& consumed) {
  std::size_t at = skip_spaces(text, 0);
  if (at >= text.size() || text[at] != '(') return std::nullopt;
  at = skip_spaces(text, at + 1);
  long upvotes = 0;
  std::size_t digits = 0;
  for (; at < text.size() && (is_digit(text[at]) || (text[at] == ',' && digits > 0)); ++at) {
    if (text[at] == ',') continue;
    if (upvotes > 100000000) return std::nullopt;
    upvotes = upvotes * 10 + (text[at] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  at = skip_spaces(text, at);
  std::string_view rest = text.substr(at);
  std::size_t word = rest.substr(0, 7) == "upvotes" ? 7 : rest.substr(0, 6) == "upvote" ? 6 : 0;
  if (word == 0) return std::nullopt;
  at = skip_spaces(text, at + word);
  UpvoteNote note{upvotes, {}};
  if (at < text.size() && text[at] == ',') {
    at = skip_spaces(text, at + 1);
    if (text.substr(at, 2) != "by") return std::nullopt;
    at = skip_spaces(text, at + 2);
    if (text.substr(at, 1) == "/") ++at;
    if (text.substr(at, 2) == "u/") at += 2;
    std::size_t name = at;
    while (at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) ||
                                text[at] == '_' || text[at] == '-'))
      ++at;
    note.author = std::string(text.substr(name, at - name));
    at = skip_spaces(text, at);
  }
  if (at >= text.size() || text[at] != ')') return std::nullopt;
  consumed = at + 1;
  return note;
}

ReviewOutline review_outline(std::string_view markdown) {
  ReviewOutline outline;
  AnchorNames names;
  bool in_code = false;
  int line_number = 0;
  for (std::size_t start = 0; start <= markdown.size();) {
    std::size_t end = markdown.find('\n', start);
    std::string_view line = markdown.substr(start, end == npos ? npos : end - start);
    start = end == npos ? markdown.size() + 1 : end + 1;
    ++line_number;
    if (is_fence(line)) in_code = !in_code;
    if (in_code || is_fence(line)) continue;
    if (auto title = heading_title(line)) {
      ReviewTheme& theme = outline.themes.emplace_back();
      theme.title = *title;
      theme.slug = slugify(theme.title);
      theme.anchor = names.unique(theme.slug);
      continue;
    }
    std::vector<ReviewPostLink> found;
    read_links(line, line_number, found);
    for (ReviewPostLink& post : found) {
      if (!outline.themes.empty()) {
        post.theme = outline.themes.back().title;
        post.theme_anchor = outline.themes.back().anchor;
        outline.themes.back().posts.push_back(post);
      }
      outline.posts.push_back(std::move(post));
    }
  }
  return outline;
}

}  // namespace digestif::plugins::site_analysis
