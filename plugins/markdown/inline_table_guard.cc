// Inline table guard: replaces the cmark-gfm function that sets and clears the special inline
// characters of the attached extensions in a process-wide table.
//
// cmark-gfm 0.29 calls cmark_manage_extensions_special_characters(parser, 1) when a parse
// starts its inlines and (parser, 0) when it ends: two parses at once clear each other's
// characters and lose autolinks at random. digestif attaches the same extensions to every
// parser, so the characters only have to be set once. The library calls this exported function
// through its PLT, so the definition below, exported by the executable, replaces it: it sets
// the characters with the library's own function on the first call and never clears them.
#include "plugins/markdown/inline_table_guard.h"

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <dlfcn.h>

#include <atomic>
#include <mutex>

namespace {

using Manage = void (*)(cmark_parser*, int);
std::atomic<bool> replaced{false};

}  // namespace

extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  replaced = true;
  static std::once_flag once;
  if (add != 0)
    std::call_once(once, [parser] {
      auto library =
          reinterpret_cast<Manage>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
      if (library != nullptr) library(parser, 1);
    });
}

namespace digestif::plugins::markdown {

bool special_characters_guarded() { return replaced.load(); }

}  // namespace digestif::plugins::markdown
