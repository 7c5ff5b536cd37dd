// MarkdownConverter: one cmark-gfm parser per call, extensions attached by name.
#include "plugins/markdown/markdown_converter.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>

namespace digestif::plugins::markdown {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

}  // namespace

MarkdownConverter::MarkdownConverter(MarkdownOptions options)
    : cmark_options_(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 |
                     (options.unsafe_html ? CMARK_OPT_UNSAFE : 0) |
                     (options.smart ? CMARK_OPT_SMART : 0)) {
  register_extensions_once();
}

std::string MarkdownConverter::to_html(std::string_view markdown) const {
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(cmark_options_));
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  std::unique_ptr<cmark_node, NodeDeleter> document;
  {
    // cmark-gfm 0.29 keeps the extensions' special inline characters in a process-wide table
    // that every parse sets and clears: two parses at once lose autolinks at random. Parsing
    // is serialized; rendering the tree, about half the work, runs in parallel.
    static std::mutex parse_mutex;
    std::lock_guard lock(parse_mutex);
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
