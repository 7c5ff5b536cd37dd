// Inline table guard: lets cmark-gfm parse on several threads at once.
#pragma once

namespace digestif::plugins::markdown {

/// True once a parse went through the replacement of the library's function (see
/// inline_table_guard.cc): from then on parses may run in parallel. False when the replacement
/// does not take effect (a cmark-gfm built differently): then callers must serialize parsing.
/// The first parse sets the characters of its extensions for the whole process, so every
/// parser must attach the same extensions.
bool special_characters_guarded();

}  // namespace digestif::plugins::markdown
