// MarkdownConverter: one cmark-gfm parser per call, extensions attached by name.
#include "plugins/markdown/markdown_converter.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>

#include "plugins/markdown/inline_table_guard.h"

namespace digestif::plugins::markdown {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using Parser = std::unique_ptr<cmark_parser, ParserDeleter>;

Parser new_parser(int options) {
  Parser parser(cmark_parser_new(options));
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  return parser;
}

/// Registers the extensions, then parses once alone: true when later parses may run at once.
bool parse_in_parallel() {
  static const bool parallel = [] {
    cmark_gfm_core_extensions_ensure_registered();
    Parser parser = new_parser(CMARK_OPT_DEFAULT);
    cmark_parser_feed(parser.get(), "www.example.org", 15);
    cmark_node_free(cmark_parser_finish(parser.get()));
    return special_characters_guarded();
  }();
  return parallel;
}

}  // namespace

MarkdownConverter::MarkdownConverter(MarkdownOptions options)
    : cmark_options_(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 |
                     (options.unsafe_html ? CMARK_OPT_UNSAFE : 0) |
                     (options.smart ? CMARK_OPT_SMART : 0)) {
  parse_in_parallel();
}

std::string MarkdownConverter::to_html(std::string_view markdown) const {
  Parser parser = new_parser(cmark_options_);
  std::unique_ptr<cmark_node, NodeDeleter> document;
  {
    // Without the guard of inline_table_guard.cc, two parses at once lose autolinks.
    static std::mutex parse_mutex;
    std::unique_lock lock(parse_mutex, std::defer_lock);
    if (!parse_in_parallel()) lock.lock();
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    document.reset(cmark_parser_finish(parser.get()));
  }
  char* html = cmark_render_html(document.get(), cmark_options_,
                                 cmark_parser_get_syntax_extensions(parser.get()));
  std::string result(html);
  cmark_get_default_mem_allocator()->free(html);
  return result;
}

}  // namespace digestif::plugins::markdown
