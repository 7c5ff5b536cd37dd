// The served site: the folder `digestif serve` builds into, its lock and the last build's errors.
#pragma once

#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace digestif::cli {

/// Requests read under read_lock(); a build writes under write_lock(), so no request ever sees
/// a half-built site.
class ServedSite {
 public:
  /// Creates the folder when missing; `base_path` is where the site lives in URLs ("/" or
  /// "/blog/").
  ServedSite(const std::filesystem::path& folder, std::string base_path);

  const std::filesystem::path& folder() const { return folder_; }
  const std::string& base_path() const { return base_path_; }
  /// Holds the site for writing; new readers wait behind a waiting writer, so a steady stream
  /// of requests cannot put a rebuild off forever.
  class WriteLock {
   public:
    explicit WriteLock(ServedSite& site) : gate_(site.gate_), lock_(site.mutex_) {}
    void unlock() {
      lock_.unlock();
      gate_.unlock();
    }

   private:
    std::unique_lock<std::mutex> gate_;
    std::unique_lock<std::shared_mutex> lock_;
  };

  /// Never take it twice on one thread (a waiting writer would block the second).
  std::shared_lock<std::shared_mutex> read_lock() const {
    std::lock_guard gate(gate_);
    return std::shared_lock(mutex_);
  }
  WriteLock write_lock() { return WriteLock(*this); }

  /// The errors of the last build (call under write_lock) and the overlay they make.
  void set_errors(std::vector<Diagnostic> errors);
  /// Call under read_lock: the HTML added to every page (empty when the build succeeded).
  const std::string& overlay_html() const { return overlay_html_; }

 private:
  std::filesystem::path folder_;  // canonical
  std::string base_path_;
  mutable std::mutex gate_;  // taken by a writer before mutex_, and briefly by each reader
  mutable std::shared_mutex mutex_;
  std::string overlay_html_;
};

}  // namespace digestif::cli
