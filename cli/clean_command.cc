// `digestif clean`: removes from the output folder exactly the files digestif wrote there.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/output_guard.h"
#include "core/output_writer.h"

namespace digestif::cli {

int run_clean(const BuildArguments& arguments) {
  DiagnosticSink sink([](const Diagnostic& d) { std::cerr << d.format() << "\n"; });
  try {
    SiteConfig config = load_config(arguments.config, sink);
    if (!arguments.out.empty()) config.output_dir = std::filesystem::absolute(arguments.out);
    check_output_folder(config);
    std::size_t removed = OutputWriter::remove_all(config.output_path());
    std::printf("digestif: removed %zu files digestif wrote in %s\n", removed,
                config.output_path().string().c_str());
  } catch (const Error& error) {
    sink.report(error.diagnostic());
  }
  return sink.errors() > 0 ? 1 : 0;
}

}  // namespace digestif::cli
