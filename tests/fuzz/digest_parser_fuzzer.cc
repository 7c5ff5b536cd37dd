// libFuzzer target: extract_threads (digest_analysis/digest_parser.h), documented to never throw.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "plugins/digest_analysis/digest_parser.h"

namespace da = digestif::plugins::digest_analysis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  // No try/catch: the header promises no exception for bad input, so any escaping one
  // (digestif::Error included) is reported by libFuzzer as a crash.
  da::DigestExtraction extraction = da::extract_threads(body, "fuzz.md", 1);
  for (const da::Thread& thread : extraction.threads) {
    if (thread.line < 1) __builtin_trap();
    (void)da::find_flairs(thread.title);
    (void)da::reddit_post_id(thread.url);
  }
  (void)da::find_flairs(body.substr(0, 4096));
  (void)da::reddit_post_id(body.substr(0, 4096));
  return 0;
}
