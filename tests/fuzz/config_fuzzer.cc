// libFuzzer target: load_config (core/config.h) through a per-process temporary site.yaml.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"

namespace {

// load_config only reads from a path, so each input is written to one file per process
// (parallel fuzzers never share it). The path is never destroyed, so that the exit handler
// removing its folder can still use it.
const std::filesystem::path& config_file() {
  static const std::filesystem::path* const file = [] {
    std::string dir =
        (std::filesystem::temp_directory_path() / "digestif-config-fuzz-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) std::abort();
    auto* path = new std::filesystem::path(std::filesystem::path(dir) / "site.yaml");
    std::atexit([] { std::filesystem::remove_all(config_file().parent_path()); });
    return path;
  }();
  return *file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path& file = config_file();
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
  }
  digestif::DiagnosticSink sink;
  try {
    digestif::SiteConfig config = digestif::load_config(file, sink);
    // The derived values templates use must not crash on any accepted configuration.
    std::string base_path = config.base_path();
    if (base_path.empty() || base_path.front() != '/' || base_path.back() != '/') __builtin_trap();
    (void)config.absolute_url(base_path);
    (void)config.theme_dir();
    (void)config.output_path();
  } catch (const digestif::Error&) {
    // Bad input: the expected way to refuse it.
  }
  return 0;
}
