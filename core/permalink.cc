// Slugs and permalinks of documents.
#include "core/permalink.h"

#include <cctype>
#include <cstdio>

#include "core/diagnostic.h"
#include "core/slug.h"

namespace digestif {
namespace {

std::string strip_date_prefix(const std::string& stem) {
  bool dated =
      stem.size() > 11 && stem[4] == '-' && stem[7] == '-' && (stem[10] == '-' || stem[10] == '_');
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    dated = dated && std::isdigit(static_cast<unsigned char>(stem[i]));
  return dated ? stem.substr(11) : stem;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
}

std::string two_digits(unsigned n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02u", n % 100);
  return buffer;
}

}  // namespace

std::string document_slug(const Document& document) {
  std::string slug = slugify(document.front_matter.get_string("slug"));
  if (slug.empty()) slug = slugify(strip_date_prefix(document.source_stem));
  if (slug.empty()) slug = slugify(document.title);
  if (slug.empty())
    throw Error(document.source, 1,
                "cannot make a URL slug from the file name or title; add \"slug: some-name\" to "
                "the front matter");
  return slug;
}

std::string expand_permalink(const std::string& pattern, const Document& document) {
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(document.date)};
  std::string url = pattern;
  replace_all(url, ":year", std::to_string(int(ymd.year())));
  replace_all(url, ":month", two_digits(unsigned(ymd.month())));
  replace_all(url, ":day", two_digits(unsigned(ymd.day())));
  replace_all(url, ":kind", slugify(document.kind));
  replace_all(url, ":slug", document.slug);
  if (url.empty() || url.front() != '/') url.insert(url.begin(), '/');
  if (url.back() != '/' && url.find('.', url.rfind('/')) == std::string::npos) url += '/';
  return url;
}

std::string output_path_of(const std::string& permalink) {
  std::string path = permalink.substr(permalink.find_first_not_of('/') == std::string::npos
                                          ? permalink.size()
                                          : permalink.find_first_not_of('/'));
  if (path.empty() || path.back() == '/') path += "index.html";
  return path;
}

}  // namespace digestif
