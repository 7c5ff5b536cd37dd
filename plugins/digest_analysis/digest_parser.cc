// Digest parser: line-by-line, linear-time extraction of ranked threads and their detail blocks.
#include "plugins/digest_analysis/digest_parser.h"

#include <algorithm>
#include <cstddef>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace digestif::plugins::digest_analysis {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------------
// Text helpers

/// The lines of a body, kept as offsets: text(i) is line i without its line end.
class Lines {
 public:
  Lines(std::string_view body, int first_line) : body_(body), first_line_(first_line) {
    starts_.push_back(0);
    for (std::size_t at = body.find('\n'); at != npos; at = body.find('\n', at + 1)) {
      starts_.push_back(at + 1);
    }
  }
  std::size_t size() const { return starts_.size(); }
  int number(std::size_t i) const { return first_line_ + static_cast<int>(i); }
  std::string_view text(std::size_t i) const {
    std::size_t end = i + 1 < starts_.size() ? starts_[i + 1] - 1 : body_.size();
    std::string_view line = body_.substr(starts_[i], end - starts_[i]);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

 private:
  std::string_view body_;
  int first_line_ = 1;
  std::vector<std::size_t> starts_;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

/// Columns of leading white space, a tab counting 4.
int indentation(std::string_view s) {
  int columns = 0;
  for (char c : s) {
    if (c == ' ')
      ++columns;
    else if (c == '\t')
      columns += 4;
    else
      break;
  }
  return columns;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != lower(prefix[i])) return false;
  }
  return true;
}

/// Case-insensitive find of an ASCII needle.
std::size_t ifind(std::string_view s, std::string_view needle, std::size_t from = 0) {
  if (needle.empty() || s.size() < needle.size()) return npos;
  for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (lower(s[i]) == lower(needle[0]) && istarts_with(s.substr(i), needle)) return i;
  }
  return npos;
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool has_alnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return is_alnum(c); });
}

// ---------------------------------------------------------------------------------------------
// Scores: "(Score: N)", "- Score: N", "Score: N"

struct ScoreMatch {
  long value = 0;
  std::size_t begin = 0;  // span to cut from a title, wrapping "(...)" or "- " included
  std::size_t end = 0;
};

/// Parses the "Score: N" whose "score" word starts at `at`, or nothing.
std::optional<ScoreMatch> score_at(std::string_view s, std::size_t at) {
  if (at > 0 && (is_alnum(s[at - 1]) || s[at - 1] == '_')) return std::nullopt;
  std::size_t i = at + 5;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || s[i] != ':') return std::nullopt;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  bool negative = i < s.size() && s[i] == '-';
  if (negative) ++i;
  long value = 0;
  std::size_t digits = 0;
  for (; i < s.size() && (is_digit(s[i]) || (s[i] == ',' && digits > 0)) && digits < 15; ++i) {
    if (s[i] == ',') continue;
    value = value * 10 + (s[i] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return ScoreMatch{negative ? -value : value, at, i};
}

/// Widens a score span over a wrapping "(...)" or a leading "- ".
void widen_score(std::string_view s, ScoreMatch& m) {
  std::size_t b = m.begin;
  while (b > 0 && s[b - 1] == ' ') --b;
  std::size_t e = m.end;
  while (e < s.size() && s[e] == ' ') ++e;
  if (b > 0 && s[b - 1] == '(' && e < s.size() && s[e] == ')') {
    m.begin = b - 1;
    m.end = e + 1;
  } else if (b > 0 && (s[b - 1] == '-' || s[b - 1] == '|')) {
    m.begin = b - 1;
  }
}

/// The last score written in s.
std::optional<ScoreMatch> find_score(std::string_view s) {
  std::optional<ScoreMatch> last;
  for (std::size_t at = ifind(s, "score"); at != npos; at = ifind(s, "score", at + 5)) {
    if (auto m = score_at(s, at)) last = m;
  }
  if (last) widen_score(s, *last);
  return last;
}

// ---------------------------------------------------------------------------------------------
// URLs

bool looks_like_url(std::string_view u) {
  if (u.empty()) return false;
  if (istarts_with(u, "http://") || istarts_with(u, "https://") || istarts_with(u, "www.")) {
    return true;
  }
  if (u.front() == '/' || istarts_with(u, "r/")) return true;
  if (u.find("://") != npos) return true;
  return u.find(' ') == npos && u.find('.') != npos && u.find('/') != npos;
}

std::string absolute_url(std::string_view u) {
  if (istarts_with(u, "//")) return "https:" + std::string(u);
  if (!u.empty() && u.front() == '/') return "https://www.reddit.com" + std::string(u);
  if (istarts_with(u, "r/") || istarts_with(u, "u/")) {
    return "https://www.reddit.com/" + std::string(u);
  }
  if (istarts_with(u, "www.")) return "https://" + std::string(u);
  if (istarts_with(u, "://")) return "https" + std::string(u);
  return std::string(u);
}

std::string_view url_host(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::string_view rest = scheme == npos ? url : url.substr(scheme + 3);
  return rest.substr(0, std::min(rest.find('/'), rest.size()));
}

std::string leading_id(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && n < 16 && is_alnum(s[n])) ++n;
  return lowercase(s.substr(0, n));
}

/// Lowercase, without scheme, "www." and trailing slashes: equal for the same page.
std::string url_key(std::string_view url) {
  std::string key = lowercase(url);
  std::size_t scheme = key.find("://");
  if (scheme != npos) key.erase(0, scheme + 3);
  if (key.rfind("www.", 0) == 0 || key.rfind("old.", 0) == 0) key.erase(0, 4);
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

/// The title slug of a ".../comments/<id>/<slug>/" URL, letters and digits only.
std::string url_slug(std::string_view url) {
  std::size_t at = ifind(url, "/comments/");
  if (at == npos) return "";
  std::string_view rest = url.substr(at + 10);
  std::size_t slash = rest.find('/');
  if (slash == npos) return "";
  rest = rest.substr(slash + 1);
  std::string slug;
  for (char c : rest.substr(0, std::min(rest.find('/'), rest.size()))) {
    if (is_alnum(c)) slug += lower(c);
  }
  return slug;
}

// ---------------------------------------------------------------------------------------------
// Tags and title keys

/// The flair letter of a tag's content, or 0. Words count only among the leading tags.
char flair_of(std::string_view content, bool leading) {
  std::string word = lowercase(trim(content));
  if (word == "d" || (leading && word == "discussion")) return 'D';
  if (word == "r" || (leading && word == "research")) return 'R';
  if (word == "p" || (leading && word == "project")) return 'P';
  if (word == "n" || (leading && word == "news")) return 'N';
  return 0;
}

/// Calls on_flair(begin, end, letter) for each flair tag "[X]" of a title, left to right; tags
/// hold at most 12 characters and must not be glued to a letter or digit after them.
template <class OnFlair>
void for_each_flair(std::string_view title, OnFlair&& on_flair) {
  bool leading = true;  // only tags and spaces so far
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title[i] != '[') {
      if (!is_space(title[i])) leading = false;
      continue;
    }
    std::size_t close = title.substr(0, std::min(title.size(), i + 14)).find_first_of("[]", i + 1);
    if (close == npos || title[close] != ']') {
      leading = false;
      continue;
    }
    bool glued = close + 1 < title.size() && is_alnum(title[close + 1]);
    char flair = glued ? 0 : flair_of(title.substr(i + 1, close - i - 1), leading);
    if (flair) on_flair(i, close + 1, flair);
    if (glued) leading = false;
    i = close;
  }
}

/// Lowercase letters and digits of a title (other bytes of UTF-8 kept), flair tags and score
/// left out: equal for the ranking and the detail spelling of one title.
std::string title_key(std::string_view title) {
  if (auto score = find_score(title)) title = title.substr(0, score->begin);
  std::string key;
  std::size_t next = 0;
  auto add_up_to = [&](std::size_t end) {
    for (std::size_t i = next; i < end; ++i) {
      if (is_alnum(title[i]) || static_cast<unsigned char>(title[i]) >= 0x80)
        key += lower(title[i]);
    }
  };
  for_each_flair(title, [&](std::size_t begin, std::size_t end, char) {
    add_up_to(begin);
    next = end;
  });
  add_up_to(title.size());
  return key;
}

/// ASCII letters and digits of a title, lowercase: comparable with a Reddit URL slug.
std::string ascii_key(std::string_view title) {
  std::string key;
  for (char c : title) {
    if (is_alnum(c)) key += lower(c);
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// One entry or header line: "[title](url) (Score: N)" and its broken variants

struct EntryText {
  std::string title;
  std::string url;
  std::optional<long> score;
  bool has_link = false;
  bool link_repaired = false;  // a bracket of the link markup was missing
};

/// Removes the '[' that no later ']' closes (the link opener and stray brackets).
std::string drop_unmatched_open_brackets(std::string_view s) {
  std::string out(s);
  std::size_t pending_closes = 0;
  for (std::size_t i = s.size(); i-- > 0;) {
    if (s[i] == ']') {
      ++pending_closes;
    } else if (s[i] == '[') {
      if (pending_closes > 0)
        --pending_closes;
      else
        out[i] = '\0';
    }
  }
  std::erase(out, '\0');
  return out;
}

/// Runs of white space as one space, none at the ends.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (!is_space(c))
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

/// A title without stray link brackets, backticks, bold markers and extra spaces.
std::string clean_title(std::string_view s) {
  std::string title = collapse_spaces(drop_unmatched_open_brackets(s));
  std::string_view t = title;
  while (!t.empty() && (t.back() == '`' || t.back() == ' ')) t.remove_suffix(1);
  while (!t.empty() && (t.front() == '`' || t.front() == ' ')) t.remove_prefix(1);
  if (t.size() >= 2 && t.substr(t.size() - 2) == "**") t.remove_suffix(2);
  if (t.size() >= 2 && t.substr(0, 2) == "**") t.remove_prefix(2);
  return std::string(trim(t));
}

struct UrlExtent {
  std::size_t end = 0;    // one past the URL
  std::size_t after = 0;  // start of what follows the link
  bool closed = false;    // a ')' closed the link
};

/// Extent of a link target starting at `start`: up to the ')' closing it, else to white space.
UrlExtent url_extent(std::string_view s, std::size_t start) {
  int depth = 0;
  std::size_t i = start;
  for (; i < s.size() && !is_space(s[i]); ++i) {
    if (s[i] == '(')
      ++depth;
    else if (s[i] == ')' && depth-- == 0)
      return {i, i + 1, true};
  }
  // Unbalanced "(" inside the URL: the first ')' closes the link.
  std::size_t close = s.substr(0, i).find(')', start);
  if (close != npos) return {close, close + 1, true};
  return {i, i, false};
}

struct LinkSpot {
  std::size_t text_end = npos;  // end of the link text (title part)
  std::size_t url_begin = npos;
  bool repaired = false;
};

/// Where the link target starts: "](", else "(http" / "(/r/" / "(www.", else a bare "://".
LinkSpot find_link(std::string_view s) {
  std::size_t p = s.find("](");
  if (p != npos) return {p, p + 2, false};
  for (std::string_view opener : {"(http", "(/r/", "(www."}) {
    std::size_t q = ifind(s, opener);
    if (q != npos) return {q, q + 1, true};
  }
  std::size_t r = s.find("://");
  if (r == npos) return {};
  std::size_t b = r;
  while (b > 0 && is_alpha(s[b - 1])) --b;
  return {b, b, true};
}

/// True when s ends with "[X" where X is a one-letter flair.
bool ends_with_open_flair(std::string_view s) {
  s = trim(s);
  return s.size() >= 2 && s[s.size() - 2] == '[' && flair_of(s.substr(s.size() - 1), false) != 0;
}

/// Parses the text of a ranking entry (after its marker) or of a detail header.
EntryText parse_entry_text(std::string_view text) {
  std::string_view s = trim(text);
  if (s.size() >= 2 && s.substr(0, 2) == "**") s.remove_prefix(2);
  while (!s.empty() && s.front() == '`') s.remove_prefix(1);
  EntryText out;
  LinkSpot spot = find_link(s);
  std::string_view segment = s;
  std::string rest;
  bool closed = false;
  if (spot.url_begin != npos) {
    UrlExtent extent = url_extent(s, spot.url_begin);
    std::string_view target = trim(s.substr(spot.url_begin, extent.end - spot.url_begin));
    segment = s.substr(0, spot.text_end);
    rest = std::string(s.substr(extent.after));
    closed = extent.closed;
    if (looks_like_url(target)) {
      out.url = absolute_url(target);
      out.has_link = true;
      out.link_repaired = spot.repaired || segment.find('[') == npos;
    } else {
      rest = std::string(target) + " " + rest;
    }
  }
  auto score = find_score(rest);
  auto inner = find_score(segment);
  out.score = score ? std::optional<long>(score->value)
                    : (inner ? std::optional<long>(inner->value) : std::nullopt);
  std::string title(inner ? segment.substr(0, inner->begin) : segment);
  if (ends_with_open_flair(title)) title += ']';  // "stage [P](url)": the tag became the link
  if (score) rest.erase(score->begin, score->end - score->begin);
  std::string suffix = clean_title(rest);
  if (has_alnum(suffix) && out.has_link && closed) title += " " + suffix;
  out.title = clean_title(title);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Line shapes

struct Marker {
  int indent = 0;
  bool bullet = false;
  int number = -1;           // the written rank, -1 when not numbered
  std::string_view content;  // after the markers
};

/// Skips "N." / "N)" and the spaces after it; returns false when s does not start so.
bool take_number(std::string_view& s, int& number) {
  std::size_t n = 0;
  while (n < s.size() && n < 6 && is_digit(s[n])) ++n;
  if (n == 0 || n >= s.size() || (s[n] != '.' && s[n] != ')')) return false;
  if (n + 1 < s.size() && !is_space(s[n + 1])) return false;
  number = std::stoi(std::string(s.substr(0, n)));
  s = trim(s.substr(n + 1));
  return true;
}

bool take_bullet(std::string_view& s) {
  if (s.size() < 2 || (s[0] != '*' && s[0] != '-' && s[0] != '+') || !is_space(s[1])) return false;
  s = trim(s.substr(1));
  return true;
}

Marker read_marker(std::string_view line) {
  Marker m;
  m.indent = indentation(line);
  std::string_view s = trim(line);
  m.bullet = take_bullet(s);
  take_number(s, m.number);
  m.content = s;
  return m;
}

bool is_heading(std::string_view line) { return !trim(line).empty() && trim(line)[0] == '#'; }

enum class Field { none, summary, emotion, points };

/// The detail field a line labels ("**Summary:** ...") and the text after the label.
std::pair<Field, std::string_view> field_label(std::string_view content) {
  std::string_view s = trim(content);
  bool bold = s.size() >= 2 && s.substr(0, 2) == "**";
  if (bold) s.remove_prefix(2);
  std::size_t end = s.find_first_of(":*");
  if (end == npos || end > 40) return {Field::none, {}};
  std::string label = lowercase(trim(s.substr(0, end)));
  Field field = Field::none;
  if (label == "summary")
    field = Field::summary;
  else if (label == "emotion" || label == "emotions")
    field = Field::emotion;
  else if (label.find("point of view") != npos || label.find("points of view") != npos) {
    field = Field::points;
  }
  if (field == Field::none || (!bold && s[end] != ':')) return {Field::none, {}};
  std::string_view value = s.substr(end);
  while (!value.empty() && (value.front() == ':' || value.front() == '*' || is_space(value[0]))) {
    value.remove_prefix(1);
  }
  return {field, value};
}

// ---------------------------------------------------------------------------------------------
// Extraction state

struct Entry {
  Thread thread;
  int section = 0;
  bool matched = false;
  std::string detail_title;  // title of the paired detail block
};

struct DetailBlock {
  EntryText head;
  std::string summary;
  std::string emotion;
  std::vector<std::string> points;
  Field field = Field::none;
  int line = 0;
  bool used = false;
};

enum class Mode { none, ranking, detail };

struct Extractor {
  Extractor(const std::string& file_name, const Lines& body_lines)
      : file(file_name), lines(body_lines) {}

  const std::string& file;
  const Lines& lines;
  Mode mode = Mode::none;
  std::vector<Entry> entries;
  std::vector<DetailBlock> details;
  int ranking_sections = 0;
  int current_entry = -1;  // index in entries, -1 when none
  int current_indent = 0;
  std::unordered_set<std::string> earlier_sections;  // url|title keys of earlier sections
  std::unordered_set<std::string> this_section;
  bool warned_repeat_section = false;
  std::vector<digestif::Diagnostic> warnings;

  void warn(int line, std::string message) {
    warnings.push_back({digestif::Severity::warning, file, line, std::move(message)});
  }
};

// ---------------------------------------------------------------------------------------------
// Ranking section

bool needs_continuation(std::string_view content) {
  if (content.find("](") != npos || ifind(content, "(http") != npos) return false;
  auto opens = std::count(content.begin(), content.end(), '[');
  return opens > std::count(content.begin(), content.end(), ']');
}

/// Joins a title that spans lines: following lines up to the one holding "](" (at most 5).
/// Returns the joined text and advances i, or returns the line alone.
std::string join_spanning_title(Extractor& x, std::size_t& i, std::string_view content) {
  if (!needs_continuation(content)) return std::string(content);
  std::string joined(content);
  for (std::size_t j = i + 1, taken = 0; j < x.lines.size() && taken < 5; ++j) {
    std::string_view next = x.lines.text(j);
    if (is_blank(next)) continue;
    Marker m = read_marker(next);
    if (is_heading(next) || m.number >= 0 || m.bullet) break;
    joined += " ";
    joined += trim(next);
    ++taken;
    if (next.find("](") != npos) {
      x.warn(x.lines.number(i), "title spans several lines; they were joined");
      i = j;
      return joined;
    }
  }
  return std::string(content);
}

bool is_entry_candidate(const Extractor& x, const Marker& m) {
  if (m.number >= 0) return x.current_entry < 0 || m.indent <= x.current_indent + 1;
  if (!m.bullet) return false;
  if (x.current_entry >= 0 && m.indent > x.current_indent) return false;
  return m.content.find("](") != npos || ifind(m.content, "(http") != npos ||
         find_score(m.content).has_value();
}

/// True when the entry repeats one of an earlier ranking section (a duplicated document).
bool repeats_earlier_section(Extractor& x, const Thread& t, int line) {
  std::string key = url_key(t.url) + "|" + title_key(t.title);
  x.this_section.insert(key);
  if (!x.earlier_sections.count(key)) return false;
  if (!x.warned_repeat_section) {
    x.warn(line, "ranking section repeats entries of an earlier one; the repeats are ignored");
    x.warned_repeat_section = true;
  }
  return true;
}

void warn_entry_oddities(Extractor& x, const EntryText& e, int line) {
  if (!e.has_link)
    x.warn(line, "ranking entry has no link; the URL comes from its detail block, if any");
  if (e.link_repaired) x.warn(line, "ranking entry link markup is broken; it was read leniently");
  if (!e.score) x.warn(line, "ranking entry has no score");
}

void add_entry(Extractor& x, const Marker& m, const EntryText& e, int line) {
  Thread t;
  t.rank = m.number > 0 ? m.number : static_cast<int>(x.entries.size()) + 1;
  t.title = e.title;
  t.url = e.url;
  t.post_id = reddit_post_id(e.url);
  t.score = e.score;
  t.flairs = find_flairs(e.title);
  t.line = line;
  x.current_indent = m.indent;
  if (repeats_earlier_section(x, t, line)) {
    x.current_entry = -1;
    return;
  }
  warn_entry_oddities(x, e, line);
  x.entries.push_back({std::move(t), x.ranking_sections, false, ""});
  x.current_entry = static_cast<int>(x.entries.size()) - 1;
}

void ranking_line(Extractor& x, std::size_t& i) {
  Marker m = read_marker(x.lines.text(i));
  if (!is_entry_candidate(x, m)) {
    if (m.bullet && x.current_entry >= 0 && x.entries[x.current_entry].thread.blurb.empty()) {
      x.entries[x.current_entry].thread.blurb = std::string(trim(m.content));
    }
    return;
  }
  std::string content = join_spanning_title(x, i, m.content);
  EntryText e = parse_entry_text(content);
  if (!e.has_link && !e.score) {
    x.warn(x.lines.number(i),
           "ranking line has neither link nor score; it is not read as a thread");
    x.current_entry = -1;
    x.current_indent = m.indent;
    return;
  }
  add_entry(x, m, e, x.lines.number(i));
}

// ---------------------------------------------------------------------------------------------
// Detail section

bool next_line_is_summary(const Extractor& x, std::size_t i) {
  for (std::size_t j = i + 1; j < x.lines.size(); ++j) {
    if (is_blank(x.lines.text(j))) continue;
    Marker m = read_marker(x.lines.text(j));
    return field_label(m.content).first == Field::summary;
  }
  return false;
}

/// The header text when line i (trimmed: s) starts a detail block: bold, scored, or followed by
/// a Summary. A leading "N. " is left out.
std::optional<std::string_view> detail_header(const Extractor& x, std::size_t i,
                                              std::string_view s) {
  int number = -1;
  std::string_view unnumbered = s;
  if (take_number(unnumbered, number) && !unnumbered.empty() &&
      (unnumbered.rfind("**", 0) == 0 || unnumbered[0] == '[')) {
    s = unnumbered;
  }
  if (s.rfind("**", 0) == 0 || find_score(s).has_value() || next_line_is_summary(x, i)) return s;
  return std::nullopt;
}

void append_text(std::string& to, std::string_view text) {
  if (text.empty()) return;
  if (!to.empty()) to += ' ';
  to += text;
}

/// A line inside a detail block that is neither a field label nor a header.
void detail_content(DetailBlock& block, bool bullet, std::string_view text) {
  bool to_points = block.field == Field::points || block.field == Field::emotion;
  if (bullet && to_points) {
    block.field = Field::points;
    block.points.emplace_back(text);
  } else if (block.field == Field::summary) {
    append_text(block.summary, text);
  } else if (block.field == Field::emotion) {
    append_text(block.emotion, text);
  } else if (block.field == Field::points && !block.points.empty()) {
    append_text(block.points.back(), text);
  }
}

void set_field(DetailBlock& block, Field field, std::string_view value) {
  block.field = field;
  if (field == Field::summary) append_text(block.summary, value);
  if (field == Field::emotion) append_text(block.emotion, value);
  if (field == Field::points && !value.empty()) block.points.emplace_back(value);
}

void detail_line(Extractor& x, std::size_t& i) {
  std::string_view text = x.lines.text(i);
  if (is_blank(text)) return;
  Marker m = read_marker(text);
  std::string_view content = m.bullet ? m.content : trim(text);
  auto [field, value] = field_label(content);
  DetailBlock* block = x.details.empty() ? nullptr : &x.details.back();
  if (field != Field::none) {
    if (block) set_field(*block, field, value);
    return;
  }
  auto header = m.bullet ? std::nullopt : detail_header(x, i, trim(text));
  if (header) {
    DetailBlock fresh;
    fresh.line = x.lines.number(i);
    fresh.head = parse_entry_text(join_spanning_title(x, i, *header));
    x.details.push_back(std::move(fresh));
    return;
  }
  if (block) detail_content(*block, m.bullet, trim(content));
}

// ---------------------------------------------------------------------------------------------
// Sections

void heading_line(Extractor& x, std::string_view text) {
  std::string heading = lowercase(text);
  if (heading.find("ranking") != npos) {
    if (x.ranking_sections > 0) {
      x.earlier_sections.insert(x.this_section.begin(), x.this_section.end());
      x.this_section.clear();
    }
    ++x.ranking_sections;
    x.mode = Mode::ranking;
    x.current_entry = -1;
  } else if (heading.find("detail") != npos) {
    x.mode = Mode::detail;
  }
}

void scan(Extractor& x) {
  for (std::size_t i = 0; i < x.lines.size(); ++i) {
    std::string_view text = x.lines.text(i);
    if (text.empty()) continue;
    if (is_heading(text))
      heading_line(x, text);
    else if (x.mode == Mode::ranking)
      ranking_line(x, i);
    else if (x.mode == Mode::detail)
      detail_line(x, i);
  }
}

// ---------------------------------------------------------------------------------------------
// Joining ranking entries and detail blocks

/// Ranking entries by one key, with a cursor past the ones already matched.
struct KeyIndex {
  std::unordered_map<std::string, std::pair<std::vector<std::size_t>, std::size_t>> by_key;

  void add(const std::string& key, std::size_t entry) {
    if (!key.empty()) by_key[key].first.push_back(entry);
  }
  /// The first entry under key that is not matched yet, preferring (among the next few) one
  /// with the given score; -1 when none.
  long take(const std::string& key, std::optional<long> score, const std::vector<Entry>& entries) {
    auto it = by_key.find(key);
    if (key.empty() || it == by_key.end()) return -1;
    auto& [list, cursor] = it->second;
    while (cursor < list.size() && entries[list[cursor]].matched) ++cursor;
    if (cursor == list.size()) return -1;
    for (std::size_t i = cursor; score && i < list.size() && i < cursor + 16; ++i) {
      const Entry& e = entries[list[i]];
      if (!e.matched && e.thread.score == score) return static_cast<long>(list[i]);
    }
    return static_cast<long>(list[cursor]);
  }
};

void apply_detail(Thread& t, const DetailBlock& d) {
  t.has_detail = true;
  t.summary = d.summary;
  t.emotion = d.emotion;
  t.points_of_view = d.points;
  if (t.url.empty() && !d.head.url.empty()) {
    t.url = d.head.url;
    t.post_id = reddit_post_id(d.head.url);
  }
  if (!t.score) t.score = d.head.score;
  if (t.title.empty()) {
    t.title = d.head.title;
    t.flairs = find_flairs(t.title);
  }
}

void pair_up(Extractor& x, std::size_t entry, DetailBlock& d) {
  x.entries[entry].matched = true;
  x.entries[entry].detail_title = d.head.title;
  d.used = true;
  apply_detail(x.entries[entry].thread, d);
}

using KeyOf = std::string (*)(std::string_view url, std::string_view title);

std::string pid_of(std::string_view url, std::string_view) { return reddit_post_id(url); }
std::string urlkey_of(std::string_view url, std::string_view) {
  return url.empty() ? "" : url_key(url);
}
std::string titlekey_of(std::string_view, std::string_view title) { return title_key(title); }

/// One join pass: every unused detail block takes the first unmatched entry with its key.
void join_by(Extractor& x, KeyOf key_of) {
  KeyIndex index;
  for (std::size_t e = 0; e < x.entries.size(); ++e) {
    index.add(key_of(x.entries[e].thread.url, x.entries[e].thread.title), e);
  }
  for (DetailBlock& d : x.details) {
    if (d.used) continue;
    long e = index.take(key_of(d.head.url, d.head.title), d.head.score, x.entries);
    if (e >= 0) pair_up(x, static_cast<std::size_t>(e), d);
  }
}

bool slug_matches(std::string_view url, std::string_view title) {
  std::string slug = url_slug(url);
  return slug.size() >= 8 && ascii_key(title).rfind(slug, 0) == 0;
}

/// Last pass: a Reddit URL slug of one side that begins the title of the other side.
void join_by_slug(Extractor& x) {
  std::vector<std::size_t> open_entries;
  for (std::size_t e = 0; e < x.entries.size(); ++e) {
    if (!x.entries[e].matched) open_entries.push_back(e);
  }
  std::size_t open_details = std::count_if(x.details.begin(), x.details.end(),
                                           [](const DetailBlock& d) { return !d.used; });
  if (open_entries.size() * open_details > 250000) return;  // keeps hostile inputs linear-ish
  for (DetailBlock& d : x.details) {
    for (std::size_t e : open_entries) {
      if (d.used || x.entries[e].matched) continue;
      const Thread& t = x.entries[e].thread;
      if (slug_matches(t.url, d.head.title) || slug_matches(d.head.url, t.title)) pair_up(x, e, d);
    }
  }
}

std::vector<std::string> keys_of(std::string_view url, std::string_view title) {
  std::vector<std::string> keys;
  char kind = 'a';
  for (KeyOf key_of : {pid_of, urlkey_of, titlekey_of}) {
    std::string key = key_of(url, title);
    if (!key.empty()) keys.push_back(kind + (":" + key));
    ++kind;
  }
  return keys;
}

Thread thread_of_detail(const DetailBlock& d, int rank) {
  Thread t;
  t.rank = rank;
  t.title = d.head.title;
  t.url = d.head.url;
  t.post_id = reddit_post_id(d.head.url);
  t.score = d.head.score;
  t.flairs = find_flairs(d.head.title);
  t.in_ranking = false;
  t.line = d.line;
  apply_detail(t, d);
  return t;
}

/// Unused detail blocks: repeats of a paired block are dropped, the others become threads.
void append_unlisted(Extractor& x, std::vector<Thread>& threads) {
  std::unordered_set<std::string> seen;
  for (const DetailBlock& d : x.details) {
    if (!d.used) continue;
    for (auto& key : keys_of(d.head.url, d.head.title)) seen.insert(key);
  }
  int rank = 0;
  for (const Thread& t : threads) rank = std::max(rank, t.rank);
  for (const DetailBlock& d : x.details) {
    if (d.used) continue;
    auto keys = keys_of(d.head.url, d.head.title);
    bool repeat = std::any_of(keys.begin(), keys.end(), [&](auto& k) { return seen.count(k); });
    for (auto& key : keys) seen.insert(key);
    if (repeat) {
      x.warn(d.line, "detail block repeats an earlier one; it is ignored");
      continue;
    }
    x.warn(d.line, "detail block has no entry in the ranking; it is listed after the ranking");
    threads.push_back(thread_of_detail(d, ++rank));
  }
}

/// Ranking titles shared by two entries or more ("openai subreddit") are placeholders: the
/// paired detail block's title replaces them.
void replace_placeholder_titles(Extractor& x) {
  std::unordered_map<std::string, int> uses;
  for (const Entry& e : x.entries) ++uses[title_key(e.thread.title)];
  for (Entry& e : x.entries) {
    std::string key = title_key(e.thread.title);
    if (!e.matched || uses[key] < 2 || title_key(e.detail_title).empty() ||
        title_key(e.detail_title) == key) {
      continue;
    }
    x.warn(e.thread.line, "ranking entry title '" + e.thread.title +
                              "' is a placeholder; the detail block's title is used");
    e.thread.title = e.detail_title;
    if (e.thread.flairs.empty()) e.thread.flairs = find_flairs(e.thread.title);
  }
}

std::vector<Thread> join(Extractor& x) {
  join_by(x, pid_of);
  join_by(x, urlkey_of);
  join_by(x, titlekey_of);
  join_by_slug(x);
  replace_placeholder_titles(x);
  std::vector<Thread> threads;
  for (Entry& e : x.entries) {
    if (!e.matched && !x.details.empty()) {
      x.warn(e.thread.line, "ranking entry has no detailed analysis");
    }
    threads.push_back(std::move(e.thread));
  }
  append_unlisted(x, threads);
  return threads;
}

}  // namespace

std::vector<std::string> find_flairs(std::string_view title) {
  std::vector<std::string> flairs;
  for_each_flair(title, [&](std::size_t, std::size_t, char letter) {
    std::string flair(1, letter);
    if (std::find(flairs.begin(), flairs.end(), flair) == flairs.end()) flairs.push_back(flair);
  });
  return flairs;
}

std::string reddit_post_id(std::string_view url) {
  std::size_t at = ifind(url, "/comments/");
  if (at != npos) return leading_id(url.substr(at + 10));
  std::string host = lowercase(url_host(url));
  std::size_t scheme = url.find("://");
  std::string_view path = url.substr(scheme == npos ? 0 : scheme + 3).substr(host.size());
  if (host == "redd.it" || host == "www.redd.it")
    return path.empty() ? "" : leading_id(path.substr(1));
  bool reddit = host == "reddit.com" || (host.size() > 11 && host.ends_with(".reddit.com"));
  if (reddit && istarts_with(path, "/gallery/")) return leading_id(path.substr(9));
  return "";
}

DigestExtraction extract_threads(std::string_view body, const std::string& file, int first_line) {
  Lines lines(body, first_line);
  Extractor x(file, lines);
  scan(x);
  DigestExtraction out;
  out.threads = join(x);
  out.warnings = std::move(x.warnings);
  return out;
}

}  // namespace digestif::plugins::digest_analysis
