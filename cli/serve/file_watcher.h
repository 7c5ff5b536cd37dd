// The file watcher: inotify watches on folder trees and single files, reporting what changed.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace digestif::cli {

/// Reports each created, written, moved or deleted file (editor swap and backup files and
/// hidden files left out). When the kernel drops events, reports every watched tree's folder.
/// Watches added while run() runs take effect at once.
class FileWatcher {
 public:
  using Callback = std::function<void(const std::filesystem::path&)>;
  /// Throws std::system_error when inotify is unavailable.
  explicit FileWatcher(Callback on_change);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  /// Watches `folder` and every folder under it, including ones created later.
  void watch_tree(const std::filesystem::path& folder);
  /// Watches one file (through its folder, so replacing the file by a rename is seen).
  void watch_file(const std::filesystem::path& file);
  /// Reads events and calls the callback until stop().
  void run();
  void stop();

 private:
  struct Watch {
    std::filesystem::path folder;
    bool tree = false;            ///< report everything and follow new subfolders
    std::set<std::string> names;  ///< when not a tree: the file names to report
  };
  int add_watch(const std::filesystem::path& folder);
  void add_tree(const std::filesystem::path& folder);
  void handle_events(const char* buffer, long length);

  Callback on_change_;
  int inotify_ = -1;
  int wake_ = -1;  // an eventfd that stop() signals
  std::mutex mutex_;
  std::map<int, Watch> watches_;  // by watch descriptor
};

}  // namespace digestif::cli
