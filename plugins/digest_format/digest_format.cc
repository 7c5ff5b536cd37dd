// DigestFormat: which files are digests, and reading them with their recovery warnings.
#include "plugins/digest_format/digest_format.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "plugins/digest_format/digest_reader.h"

namespace digestif::plugins::digest_format {
namespace {

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<long>(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

bool has_text_extension(std::string_view origin) {
  constexpr std::array<std::string_view, 3> kExtensions = {".md", ".markdown", ".txt"};
  return std::any_of(kExtensions.begin(), kExtensions.end(),
                     [&](std::string_view ext) { return ends_with_ignoring_case(origin, ext); });
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string_view without_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

}  // namespace

PartInfo DigestFormat::info() const { return {"digest_format", Stage::fetch, {}, {"document"}}; }

bool DigestFormat::accepts(const RawSource& raw) const {
  std::string_view text = without_bom(raw.bytes);
  if (text.starts_with("---")) return true;
  return has_text_extension(raw.origin) && !is_blank(text);
}

Document DigestFormat::parse(const RawSource& raw) const {
  Reading reading = read_digest(raw);
  for (Diagnostic& warning : reading.warnings) context_.sink().report(std::move(warning));
  return std::move(reading.document);
}

}  // namespace digestif::plugins::digest_format
