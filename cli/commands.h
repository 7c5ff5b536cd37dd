// The commands of the digestif executable and the options they share.
#pragma once

#include <string>

namespace digestif::cli {

struct BuildArguments {
  std::string config = "site.yaml";
  std::string out;  ///< empty: the "output" of site.yaml
  bool strict = false;
  bool drafts = false;
  bool future = false;
  bool offline = false;
  bool quiet = false;
  bool verbose = false;
  bool explain = false;
  bool timings = false;
};

struct ServeArguments {
  std::string config = "site.yaml";
  int port = 1313;  ///< 0: any free port
  std::string bind = "127.0.0.1";
  bool drafts = false;
  bool future = false;
  bool open = false;     ///< open the site in the default browser
  bool timings = false;  ///< print each rebuild's phases and task times
};

/// `digestif build`: returns the process exit code.
int run_build(const BuildArguments& arguments);
/// `digestif clean`: removes the files digestif wrote into the output folder, and nothing else.
int run_clean(const BuildArguments& arguments);
/// `digestif serve`: builds, serves and rebuilds on changes until SIGINT or SIGTERM (exit 0).
int run_serve(const ServeArguments& arguments);
/// `digestif plugins`: lists the plugins, their parts, stages, needs and products.
int run_plugins(const std::string& config);

}  // namespace digestif::cli
