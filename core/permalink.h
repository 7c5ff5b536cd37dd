// Permalinks: the stable URL of each document, from its slug, date and the site's pattern.
#pragma once

#include <string>

#include "core/document.h"

namespace digestif {

/// The slug of a document: front matter "slug" if given, else its source name without a
/// leading "YYYY-MM-DD-" date, else its title; always through slugify(). Throws Error when
/// nothing usable is left (e.g. a title that is only punctuation and no source name).
std::string document_slug(const Document& document);

/// Expands :year :month :day :slug :kind in `pattern` ("/:year/:month/:day/:slug/"); the result
/// starts and ends with '/'.
std::string expand_permalink(const std::string& pattern, const Document& document);

/// The output file of a root-relative URL: "/a/b/" -> "a/b/index.html", "/x.xml" -> "x.xml".
std::string output_path_of(const std::string& permalink);

}  // namespace digestif
