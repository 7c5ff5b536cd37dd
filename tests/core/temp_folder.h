// TempFolder: a fresh folder under the system temp folder for one test, removed with everything
// in it at the end.
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace digestif::testing {

struct TempFolder {
  std::filesystem::path path;
  explicit TempFolder(const std::string& name = "digestif-test")
      : path(std::filesystem::temp_directory_path() /
             (name + "-" + std::to_string(std::random_device()()))) {
    std::filesystem::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

}  // namespace digestif::testing
