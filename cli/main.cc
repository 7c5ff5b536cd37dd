// digestif's entry point: parses the command line and runs one command.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/allocator_tuning.h"
#include "cli/commands.h"

namespace {

void add_build_command(CLI::App& app, digestif::cli::BuildArguments& arguments) {
  CLI::App* build =
      app.add_subcommand("build", "Build the site into the output folder (default: site/)");
  build->add_option("--config", arguments.config, "Site configuration file")->capture_default_str();
  build->add_option("--out", arguments.out, "Output folder (overrides \"output\" in site.yaml)");
  build->add_flag("--strict", arguments.strict, "Fail (exit 1) on any warning as well as errors");
  build->add_flag("--drafts", arguments.drafts, "Publish documents marked draft: true");
  build->add_flag("--future", arguments.future, "Publish documents dated in the future");
  build->add_flag("--explain", arguments.explain,
                  "Say why the build ran (what changed since the last one) and which files "
                  "it rewrote");
  build->add_flag("--timings", arguments.timings,
                  "Print how long each phase took and the time spent in each kind of task "
                  "(parse, each analyzer, each renderer), slowest first");
  build->add_flag("--offline", arguments.offline,
                  "Build remote sources from the fetch cache alone; open no connection");
  auto* quiet = build->add_flag("-q,--quiet", arguments.quiet, "Print errors only");
  build->add_flag("-v,--verbose", arguments.verbose, "Print more about the build")->excludes(quiet);
}

void add_serve_command(CLI::App& app, digestif::cli::ServeArguments& arguments) {
  CLI::App* serve = app.add_subcommand(
      "serve",
      "Build and serve the site at http://127.0.0.1:1313/, rebuild on changes and reload the "
      "open tabs (builds into .digestif/serve/, never the output folder)");
  serve->add_option("--config", arguments.config, "Site configuration file")->capture_default_str();
  serve->add_option("--port", arguments.port, "Port to listen on (0: any free port)")
      ->capture_default_str();
  serve
      ->add_option("--bind", arguments.bind,
                   "Address to listen on (other than 127.0.0.1: "
                   "anyone who can reach it can read the site)")
      ->capture_default_str();
  serve->add_flag("--drafts", arguments.drafts, "Publish documents marked draft: true");
  serve->add_flag("--future", arguments.future, "Publish documents dated in the future");
  serve->add_flag("--open", arguments.open, "Open the site in the default browser");
  serve->add_flag("--timings", arguments.timings,
                  "After each build, print how long each phase took and the time spent in each "
                  "kind of task, slowest first");
}

bool is_command(const CLI::App& app, const std::string& name) {
  try {
    return app.get_subcommand(name) != nullptr;
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  digestif::cli::tune_allocator();
  CLI::App app{"digestif " DIGESTIF_VERSION
               ": a static site generator for dated digests and yearly reviews.\n"
               "Turns content/ into a themed website with tag pages and RSS, Atom and JSON feeds.",
               "digestif"};
  app.require_subcommand(1);
  app.footer("Run `digestif COMMAND --help` for a command's options. Docs: README.md, docs/.");
  digestif::cli::BuildArguments build_arguments;
  add_build_command(app, build_arguments);
  digestif::cli::BuildArguments clean_arguments;
  CLI::App* clean = app.add_subcommand(
      "clean", "Remove the files digestif wrote into the output folder (and nothing else)");
  clean->add_option("--config", clean_arguments.config, "Site configuration file")
      ->capture_default_str();
  clean->add_option("--out", clean_arguments.out,
                    "Output folder (overrides \"output\" in site.yaml)");
  digestif::cli::ServeArguments serve_arguments;
  add_serve_command(app, serve_arguments);
  app.add_subcommand("version", "Print the version");
  std::string plugins_config = "site.yaml";
  app.add_subcommand("plugins", "List the plugins and what each part needs and produces")
      ->add_option("--config", plugins_config, "Site configuration file")
      ->capture_default_str();
  if (argc > 1 && argv[1][0] != '-' && !is_command(app, argv[1])) {
    std::cerr << "digestif: unknown command \"" << argv[1]
              << "\"; run `digestif --help` for the commands\n";
    return 2;
  }
  CLI11_PARSE(app, argc, argv);
  if (app.got_subcommand("build")) return digestif::cli::run_build(build_arguments);
  if (app.got_subcommand("clean")) return digestif::cli::run_clean(clean_arguments);
  if (app.got_subcommand("serve")) return digestif::cli::run_serve(serve_arguments);
  if (app.got_subcommand("plugins")) return digestif::cli::run_plugins(plugins_config);
  std::cout << "digestif " DIGESTIF_VERSION "\n";
  return 0;
}
