// markdown plugin registration; options: unsafe_html (default false), smart (default false).
#include "plugins/markdown/markdown_plugin.h"

#include "plugins/markdown/markdown_analyzer.h"

namespace digestif::plugins::markdown {

Plugin plugin() {
  return {"markdown", "renders markdown to HTML with cmark-gfm (tables, strikethrough, autolinks)",
          [](PluginSetup& setup) {
            const PluginContext& context = setup.context();
            context.check_options({"unsafe_html", "smart"});
            MarkdownOptions options{context.option_bool("unsafe_html", false),
                                    context.option_bool("smart", false)};
            setup.add(std::make_unique<MarkdownAnalyzer>(options));
          }};
}

}  // namespace digestif::plugins::markdown
