// Plain text for feeds: UTF-8 checking, HTML tag stripping, entity decoding and excerpts.
#include "plugins/feeds/feed_text.h"

#include <array>
#include <cstdlib>
#include <utility>

#include "core/utf8.h"

namespace digestif::plugins::feeds {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026

bool xml_allowed(char32_t code) {
  if (code < 0x20) return code == '\t' || code == '\n' || code == '\r';
  return code != 0xFFFE && code != 0xFFFF;
}

/// An ASCII byte XML allows as it is.
bool is_plain_xml(unsigned char c) {
  return (c >= 0x20 && c < 0x80) || c == '\t' || c == '\n' || c == '\r';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Whether `text` starts at `i` with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (lower(text[i + k]) != prefix[k]) return false;
  return true;
}

/// Lower-cased name of the tag opening at html[i] ('<'), without a leading '/'.
std::string tag_name(std::string_view html, std::size_t i) {
  std::size_t k = i + 1;
  if (k < html.size() && html[k] == '/') ++k;
  std::string name;
  while (k < html.size() && !is_space(html[k]) && html[k] != '>' && html[k] != '/')
    name += lower(html[k++]);
  return name;
}

/// Index just past the '>' closing the tag opening at html[i], skipping quoted attributes.
std::size_t tag_end(std::string_view html, std::size_t i) {
  char quote = 0;
  for (std::size_t k = i + 1; k < html.size(); ++k) {
    if (quote != 0) {
      if (html[k] == quote) quote = 0;
    } else if (html[k] == '"' || html[k] == '\'') {
      quote = html[k];
    } else if (html[k] == '>') {
      return k + 1;
    }
  }
  return html.size();
}

/// Index just past `closing` (e.g. "</script") and its '>', searching from `from`.
std::size_t skip_past(std::string_view html, std::size_t from, std::string_view closing) {
  for (std::size_t k = from; k < html.size(); ++k)
    if (starts_with_nocase(html, k, closing)) return tag_end(html, k);
  return html.size();
}

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kBlocks = {
      "p",   "br",    "div",     "li",      "ul", "ol", "h1", "h2",
      "h3",  "h4",    "h5",      "h6",      "tr", "td", "th", "blockquote",
      "pre", "table", "section", "article", "hr", "dd", "dt", "figcaption"};
  for (std::string_view block : kBlocks)
    if (name == block) return true;
  return false;
}

/// Skips the markup at html[i] ('<'); returns the next index and whether it separates words.
std::pair<std::size_t, bool> skip_markup(std::string_view html, std::size_t i) {
  if (html.substr(i, 4) == "<!--") {
    std::size_t end = html.find("-->", i + 4);
    return {end == std::string_view::npos ? html.size() : end + 3, false};
  }
  std::string name = tag_name(html, i);
  bool closing = i + 1 < html.size() && html[i + 1] == '/';
  if (!closing && (name == "script" || name == "style"))
    return {skip_past(html, tag_end(html, i), "</" + name), true};
  return {tag_end(html, i), is_block(name)};
}

/// The character an entity names, or 0 when unknown.
char32_t entity_code(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, char32_t>, 8> kNamed = {
      {{"amp", '&'},
       {"lt", '<'},
       {"gt", '>'},
       {"quot", '"'},
       {"apos", '\''},
       {"nbsp", ' '},
       {"mdash", 0x2014},
       {"ndash", 0x2013}}};
  if (name.size() > 1 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 7) return 0;
    char* end = nullptr;
    unsigned long code = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    return *end == '\0' ? static_cast<char32_t>(code) : 0;
  }
  for (const auto& [entity, code] : kNamed)
    if (name == entity) return code;
  return 0;
}

/// Decodes the entity at html[i] ('&') into `out`; returns the next index.
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  std::size_t semicolon = html.find(';', i + 1);
  if (semicolon == std::string_view::npos || semicolon - i > 10) {
    out += '&';
    return i + 1;
  }
  char32_t code = entity_code(html.substr(i + 1, semicolon - i - 1));
  if (code == 0) {
    out += '&';
    return i + 1;
  }
  append_utf8(out, code);
  return semicolon + 1;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t plain = i;  // a run of ASCII that XML allows is copied at once
    while (plain < text.size() && is_plain_xml(static_cast<unsigned char>(text[plain]))) ++plain;
    out.append(text.substr(i, plain - i));
    if ((i = plain) == text.size()) break;
    char32_t code = 0;
    std::size_t length = decode_utf8(text, i, code);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (xml_allowed(code)) out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string html_to_text(std::string_view html) {
  std::string text;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      auto [next, separates] = skip_markup(html, i);
      if (separates) text += ' ';
      i = next;
    } else if (html[i] == '&') {
      i = decode_entity(html, i, text);
    } else {
      text += html[i++];
    }
  }
  return collapse_spaces(text);
}

std::string truncate_text(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut == 0) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + std::string(kEllipsis);
}

}  // namespace digestif::plugins::feeds
