// The file watcher: inotify watches on folder trees and single files, reporting what changed.
#include "cli/serve/file_watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <system_error>
#include <vector>

namespace digestif::cli {
namespace {

constexpr std::uint32_t watched_events = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                         IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF;

/// Hidden files and the files editors write beside the one being saved.
bool is_noise(const std::string& name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return name.empty() || name.front() == '.' || name.front() == '#' || name == "4913" ||
         ends_with("~") || ends_with(".swp") || ends_with(".swx") || ends_with(".tmp");
}

}  // namespace

FileWatcher::FileWatcher(Callback on_change) : on_change_(std::move(on_change)) {
  inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
  wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
}

FileWatcher::~FileWatcher() {
  if (inotify_ >= 0) ::close(inotify_);
  if (wake_ >= 0) ::close(wake_);
}

int FileWatcher::add_watch(const std::filesystem::path& folder) {
  return inotify_add_watch(inotify_, folder.c_str(), watched_events | IN_ONLYDIR);
}

void FileWatcher::add_tree(const std::filesystem::path& folder) {
  int descriptor = add_watch(folder);
  if (descriptor < 0) return;  // gone already, or not a folder
  Watch& watch = watches_[descriptor];
  // Watched and walked already (each rebuild names its trees again): subfolders made since
  // came as events. Walking 10,000 files again delayed the browser's reload by 12 ms.
  if (watch.tree && watch.folder == folder) return;
  watch.folder = folder;
  watch.tree = true;
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_directory(error) && !it->is_symlink(error) &&
        !is_noise(it->path().filename().string()))
      add_tree(it->path());
  }
}

void FileWatcher::watch_tree(const std::filesystem::path& folder) {
  std::lock_guard lock(mutex_);
  add_tree(folder);
}

void FileWatcher::watch_file(const std::filesystem::path& file) {
  std::lock_guard lock(mutex_);
  std::filesystem::path folder = file.parent_path().empty() ? "." : file.parent_path();
  int descriptor = add_watch(folder);
  if (descriptor < 0) return;
  Watch& watch = watches_[descriptor];
  watch.folder = folder;
  watch.names.insert(file.filename().string());
}

void FileWatcher::handle_events(const char* buffer, long length) {
  std::vector<std::filesystem::path> changed;
  {
    std::lock_guard lock(mutex_);
    for (long offset = 0; offset < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
      offset += static_cast<long>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {  // events were lost: anything may have changed
        for (const auto& [descriptor, watch] : watches_)
          if (watch.tree) changed.push_back(watch.folder);
        continue;
      }
      auto found = watches_.find(event->wd);
      if (found == watches_.end()) continue;
      if (event->mask & IN_IGNORED) {
        watches_.erase(found);
        continue;
      }
      std::string name = event->len > 0 ? std::string(event->name) : std::string();
      const Watch& watch = found->second;
      if (event->mask & IN_DELETE_SELF) {
        if (watch.tree) changed.push_back(watch.folder);
        continue;
      }
      if (is_noise(name)) continue;
      if (!watch.tree && watch.names.count(name) == 0) continue;
      std::filesystem::path path = watch.folder / name;
      if (watch.tree && (event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)))
        add_tree(path);
      changed.push_back(path);
    }
  }
  for (const auto& path : changed) on_change_(path);
}

void FileWatcher::run() {
  alignas(inotify_event) char buffer[16384];
  pollfd descriptors[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
  while (true) {
    if (poll(descriptors, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (descriptors[1].revents != 0) return;
    long length = ::read(inotify_, buffer, sizeof buffer);
    if (length > 0) handle_events(buffer, length);
  }
}

void FileWatcher::stop() {
  std::uint64_t one = 1;
  [[maybe_unused]] auto written = ::write(wake_, &one, sizeof one);
}

}  // namespace digestif::cli
