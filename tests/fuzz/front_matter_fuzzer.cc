// libFuzzer target: split_front_matter (core/front_matter.h) on any bytes; Error is a rejection.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostic.h"
#include "core/front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    digestif::FrontMatter front = digestif::split_front_matter(text, "fuzz.md");
    // The body is a view into the input, after the front matter.
    if (front.body.data() < text.data() ||
        front.body.data() + front.body.size() > text.data() + text.size())
      __builtin_trap();
    if (front.body_line < 1) __builtin_trap();
    for (const auto& [key, line] : front.key_lines)
      if (front.line_of(key) != line || line < 1) __builtin_trap();
  } catch (const digestif::Error&) {
    // Bad input: the expected way to refuse it.
  }
  return 0;
}
