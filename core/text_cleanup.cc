// clean_text: UTF-8 validation, line ends and Windows-1252 mojibake repair.
#include "core/text_cleanup.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "core/utf8.h"

namespace digestif {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

/// Windows-1252 bytes 0x80..0x9F as Unicode; 0 where the code page has no character.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// The Windows-1252 byte that shows as `cp`, if any.
std::optional<unsigned char> cp1252_byte(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xFF) return static_cast<unsigned char>(cp);
  for (std::size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == cp && cp != 0) return static_cast<unsigned char>(0x80 + i);
  return std::nullopt;
}

std::size_t sequence_length(unsigned char lead) {
  return (lead >= 0xC2 && lead <= 0xDF)   ? 2
         : (lead >= 0xE0 && lead <= 0xEF) ? 3
         : (lead >= 0xF0 && lead <= 0xF4) ? 4
                                          : 0;
}

/// If the characters at `at` are the Windows-1252 reading of one UTF-8 character, returns
/// that character's bytes and sets `consumed` to the input bytes it replaces.
std::optional<std::string> mojibake_at(std::string_view s, std::size_t at, std::size_t& consumed) {
  std::string bytes;
  std::size_t pos = at;
  std::size_t needed = 1;
  while (bytes.size() < needed) {
    char32_t cp = 0;
    std::size_t length = pos < s.size() ? decode_utf8(s, pos, cp) : 0;
    if (length < 2) return std::nullopt;
    auto byte = cp1252_byte(cp);
    if (!byte) return std::nullopt;
    if (bytes.empty())
      needed = sequence_length(*byte);
    else if ((*byte & 0xC0) != 0x80)
      return std::nullopt;
    if (needed == 0) return std::nullopt;
    bytes += static_cast<char>(*byte);
    pos += length;
  }
  char32_t repaired = 0;
  if (decode_utf8(bytes, 0, repaired) != bytes.size()) return std::nullopt;
  consumed = pos - at;
  return bytes;
}

class Cleaner {
 public:
  Cleaner(std::string_view bytes, const std::string& file) : in_(bytes), file_(file) {}

  CleanText run() {
    if (in_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
    while (at_ < in_.size()) step();
    return {std::move(out_), std::move(warnings_)};
  }

 private:
  void step() {
    unsigned char c = static_cast<unsigned char>(in_[at_]);
    if (c == '\r') {
      out_ += '\n';
      at_ += (at_ + 1 < in_.size() && in_[at_ + 1] == '\n') ? 2 : 1;
      ++line_;
      return;
    }
    if (c == 0) {
      note(nul_, "NUL bytes were replaced with U+FFFD; save the file as plain UTF-8 text");
      out_ += kReplacement;
      ++at_;
      return;
    }
    if (c < 0x80) {
      if (c == '\n') ++line_;
      out_ += static_cast<char>(c);
      ++at_;
      return;
    }
    std::size_t consumed = 0;
    if (auto repaired = mojibake_at(in_, at_, consumed)) {
      note(mojibake_,
           "mis-decoded characters (mojibake such as \"â€™\") were repaired; save the file as "
           "UTF-8 to silence this");
      out_ += *repaired;
      at_ += consumed;
      return;
    }
    char32_t cp = 0;
    std::size_t length = decode_utf8(in_, at_, cp);
    if (length == 0) {
      note(invalid_,
           "bytes that are not valid UTF-8 were replaced with U+FFFD; save the file as UTF-8");
      out_ += kReplacement;
      at_ += 1;
      return;
    }
    out_.append(in_.substr(at_, length));
    at_ += length;
  }

  void note(bool& done, const char* message) {
    if (done) return;
    done = true;
    warnings_.push_back({Severity::warning, file_, line_, message});
  }

  std::string_view in_;
  const std::string& file_;
  std::size_t at_ = 0;
  int line_ = 1;
  std::string out_;
  std::vector<Diagnostic> warnings_;
  bool mojibake_ = false;
  bool invalid_ = false;
  bool nul_ = false;
};

/// Known binary signatures, or NUL bytes in more than 10% of the first 8 KiB.
bool looks_binary(std::string_view bytes) {
  static constexpr std::string_view kMagic[] = {"\x89PNG",
                                                "GIF8",
                                                "\xFF\xD8\xFF",
                                                "%PDF-",
                                                std::string_view("PK\x03\x04", 4),
                                                "\x7F"
                                                "ELF"};
  for (std::string_view magic : kMagic)
    if (bytes.substr(0, magic.size()) == magic) return true;
  std::string_view head = bytes.substr(0, 8192);
  return std::count(head.begin(), head.end(), '\0') * 10 > static_cast<long>(head.size());
}

}  // namespace

CleanText clean_text(std::string_view bytes, const std::string& file) {
  if (looks_binary(bytes))
    throw Error(file, 1,
                "this looks like a binary file, not text; move it out of the content folder");
  return Cleaner(bytes, file).run();
}

}  // namespace digestif
