// OutputWriter: path checks, atomic writes, manifest and stale-file removal.
#include "core/output_writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/diagnostic.h"
#include "core/file_write.h"

namespace digestif {
namespace fs = std::filesystem;
namespace {

constexpr const char* kManifest = ".digestif-manifest";
constexpr const char* kJournal = ".digestif-journal";
constexpr const char* kTempMarker = ".digestif-tmp-";
/// Present while a build writes: a build that finds it knows the last one stopped midway.
constexpr const char* kBuilding = ".digestif-building";

/// The whole content of a file, or nothing when it cannot be read.
std::string read_if_there(const fs::path& file) {
  try {
    return fs::exists(file) ? read_file(file) : std::string();
  } catch (const Error&) {
    return {};
  }
}

/// Removes temporary files a killed build left (only names digestif makes).
void sweep_temp_files(const fs::path& root) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) &&
        it->path().filename().string().find(kTempMarker) != std::string::npos)
      fs::remove(it->path(), ec);
}

/// What is at a path an output is to be written to.
enum class Found { nothing, other_bytes, same_bytes };

/// Reads the open file from its start to its end into `bytes`, sized by fstat() with a byte to
/// spare (the read that finds the end needs room), then grown or cut to what there is: a file
/// may change while it is read, or tell no size. False when it cannot be read (a folder).
bool read_whole(int fd, std::string& bytes) {
  struct stat info {};
  bool sized = ::fstat(fd, &info) == 0 && info.st_size > 0;
  bytes.resize(sized ? static_cast<std::size_t>(info.st_size) + 1 : 4096);
  std::size_t got = 0;
  while (true) {
    if (got == bytes.size()) bytes.resize(bytes.size() * 2);
    ssize_t done = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (done < 0 && errno == EINTR) continue;
    if (done < 0) return false;
    if (done == 0) break;
    got += static_cast<std::size_t>(done);
  }
  bytes.resize(got);
  return true;
}

Found found_at(const fs::path& path, std::string_view bytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return Found::nothing;
  if (static_cast<std::size_t>(info.st_size) != bytes.size()) return Found::other_bytes;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Found::other_bytes;
  thread_local std::string held;  // a page's worth, read for each page rendered again
  bool same = read_whole(fd, held) && held == bytes;
  ::close(fd);
  return same ? Found::same_bytes : Found::other_bytes;
}

std::string temp_name(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  static const pid_t pid = ::getpid();  // a system call each time otherwise
  std::ostringstream name;
  name << "." << path.filename().string() << kTempMarker << pid << "-" << counter++;
  return (path.parent_path() / name.str()).string();
}

/// Puts `temp` in the place of `path` at once. A file already there is swapped with it and then
/// deleted: renaming over it would have ext4 write the new file's blocks out first
/// (auto_da_alloc), 10% of the cost of a replaced page.
bool replace_file(const std::string& temp, const fs::path& path) {
  auto exchange = [&] {
    return ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0;
  };
  if (!exchange()) return ::rename(temp.c_str(), path.c_str()) == 0;  // a new file, or no swaps
  if (::unlink(temp.c_str()) == 0) return true;                       // what was at `path`
  exchange();  // a folder was at `path`: it goes back, as a rename would have refused
  return false;
}

void remove_empty_parents(fs::path dir, const fs::path& root) {
  std::error_code ec;
  while (dir != root && dir.string().size() > root.string().size() && fs::is_empty(dir, ec) &&
         !ec) {
    fs::remove(dir, ec);
    dir = dir.parent_path();
  }
}

}  // namespace

std::string read_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  std::string bytes;
  bool read = fd >= 0 && read_whole(fd, bytes);
  if (fd >= 0) ::close(fd);
  if (!read)
    throw Error(path.string(), 0, "cannot read the file; check that it exists and is readable");
  return bytes;
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  write_file_atomically(path, {bytes});
}

void write_file_atomically(const fs::path& path, std::initializer_list<std::string_view> pieces) {
  fs::create_directories(path.parent_path());
  std::string temp = temp_name(path);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    throw Error(path.string(), 0, "cannot create the file; check the folder's permissions");
  if (!write_pieces(fd, pieces)) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw Error(path.string(), 0, "cannot write the file; is the disk full?");
  }
  ::close(fd);
  if (!replace_file(temp, path)) {
    ::unlink(temp.c_str());
    throw Error(path.string(), 0, "cannot replace the file; check the folder's permissions");
  }
}

void write_file_in_place(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {  // a new folder
    fs::create_directories(path.parent_path());
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  }
  if (fd < 0)
    throw Error(path.string(), 0, "cannot create the file; check the folder's permissions");
  bool written = write_all(fd, bytes) && ::ftruncate(fd, static_cast<off_t>(bytes.size())) == 0;
  ::close(fd);
  if (!written) throw Error(path.string(), 0, "cannot write the file; is the disk full?");
}

OutputWriter::OutputWriter(fs::path root, Replace replace, SpareFiles* spares)
    : root_(std::move(root)), replace_(replace), spares_(spares) {
  fs::create_directories(root_);
  load_previous();
  // Temporary files exist only when a build stopped midway; walking a large output tree for
  // them on every build would cost more than the rest of a build that changes one page.
  if (fs::exists(root_ / kBuilding)) sweep_temp_files(root_);
  std::ofstream(root_ / kBuilding) << "a digestif build is writing this folder\n";
}

OutputWriter::~OutputWriter() {
  if (journal_ != nullptr) std::fclose(journal_);
}

void OutputWriter::check(std::string_view relative) const {
  bool bad = relative.empty() || relative.front() == '/' || relative.back() == '/' ||
             relative.find('\\') != std::string_view::npos ||
             relative.find("//") != std::string_view::npos;
  for (std::size_t start = 0; !bad && start <= relative.size();) {
    std::size_t end = std::min(relative.find('/', start), relative.size());
    std::string_view part = relative.substr(start, end - start);
    bad = part == ".." || part == "." || part == kManifest || part == kJournal || part == kBuilding;
    start = end + 1;
  }
  if (bad)
    throw Error(std::string(relative), 0,
                "refusing to write an output outside the output folder; fix the slug or path");
}

fs::path OutputWriter::checked_path(std::string_view relative) const {
  check(relative);
  return root_ / relative;
}

void OutputWriter::load_previous() {
  // What earlier builds wrote: the manifest plus the journal a killed build left behind.
  previous_bytes_ = read_if_there(root_ / kManifest);
  if (previous_bytes_.empty() || previous_bytes_.back() != '\n') previous_bytes_ += '\n';
  previous_bytes_ += read_if_there(root_ / kJournal);
  std::string_view bytes = previous_bytes_;
  previous_.reserve(static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')));
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = std::min(bytes.find('\n', start), bytes.size());
    std::string_view path = bytes.substr(start, end - start);
    if (!path.empty() && previous_.emplace(path, previous_paths_.size()).second)
      previous_paths_.push_back(path);
    start = end + 1;
  }
  previous_claims_ = std::make_unique<std::atomic<const std::string*>[]>(previous_paths_.size());
}

const std::string* OutputWriter::producer_name(std::string_view producer) {
  auto find = [&]() -> const std::string* {
    for (const ProducerName* name = producer_names_.load(std::memory_order_acquire);
         name != nullptr; name = name->next)
      if (name->text == producer) return &name->text;
    return nullptr;
  };
  if (const std::string* found = find()) return found;
  std::lock_guard lock(producer_names_mutex_);
  if (const std::string* found = find()) return found;
  const ProducerName& made = owned_producer_names_.emplace_back(
      ProducerName{std::string(producer), producer_names_.load(std::memory_order_relaxed)});
  producer_names_.store(&made, std::memory_order_release);
  return &made.text;
}

namespace {

Error written_twice(std::string_view path, const std::string& first, std::string_view second) {
  return Error(std::string(path), 0,
               "written twice in one build, by " + first + " and by " + std::string(second) +
                   "; give them different permalinks");
}

}  // namespace

void OutputWriter::claim(std::string_view relative, std::string_view producer) {
  const std::string* name = producer_name(producer);
  if (std::size_t previous = previous_.find(relative); previous != KeyPositions::npos) {
    const std::string* first = nullptr;
    if (!previous_claims_[previous].compare_exchange_strong(first, name))
      throw written_twice(relative, *first, producer);
    ++claimed_previous_;
    return;
  }
  Claims& claims = claims_[shard_of(relative)];
  {
    std::lock_guard lock(claims.mutex);
    auto it = claims.producers.find(relative);
    if (it != claims.producers.end()) throw written_twice(relative, *it->second, producer);
    claims.producers.emplace(claims.new_paths.emplace_back(relative), name);
  }
  std::lock_guard lock(mutex_);
  if (journal_ == nullptr) journal_ = std::fopen((root_ / kJournal).c_str(), "a");
  if (journal_ == nullptr)
    throw Error((root_ / kJournal).string(), 0,
                "cannot record the build's outputs; check the folder's permissions");
  std::fprintf(journal_, "%.*s\n", static_cast<int>(relative.size()), relative.data());
  std::fflush(journal_);
}

std::size_t OutputWriter::claimed_count() const {
  std::size_t count = claimed_previous_;
  for (const Claims& claims : claims_) {
    std::lock_guard lock(claims.mutex);
    count += claims.producers.size();
  }
  return count;
}

void OutputWriter::write(std::string_view relative, std::string_view bytes,
                         std::string_view producer) {
  fs::path path = checked_path(relative);
  claim(relative, producer);
  Found found = found_at(path, bytes);
  bool unchanged = found == Found::same_bytes;
  if (!unchanged && replace_ == Replace::in_place)
    write_file_in_place(path, bytes);
  else if (!unchanged &&
           !(found == Found::other_bytes && spares_ != nullptr && spares_->replace(path, {bytes})))
    write_file_atomically(path, bytes);
  ++(unchanged ? unchanged_ : written_);
  if (unchanged) return;
  std::lock_guard lock(mutex_);
  changed_.emplace_back(relative);
}

void OutputWriter::keep(std::string_view relative, std::string_view producer) {
  check(relative);
  claim(relative, producer);
  ++unchanged_;
  ++kept_;
}

std::vector<std::string_view> OutputWriter::outputs() const {
  std::vector<std::string_view> paths;
  paths.reserve(claimed_count());
  for (std::size_t i = 0; i < previous_paths_.size(); ++i)
    if (previous_claims_[i].load() != nullptr) paths.push_back(previous_paths_[i]);
  for (const Claims& claims : claims_) {
    std::lock_guard lock(claims.mutex);
    for (const auto& [path, producer] : claims.producers) paths.emplace_back(path);
  }
  return paths;
}

std::vector<std::string> OutputWriter::changed() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> paths = changed_;
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::string_view> OutputWriter::unclaimed() const {
  std::vector<std::string_view> paths;
  if (claimed_previous_ == previous_paths_.size()) return paths;  // every one claimed again
  for (std::size_t i = 0; i < previous_paths_.size(); ++i)
    if (previous_claims_[i].load() == nullptr) paths.push_back(previous_paths_[i]);
  return paths;
}

void OutputWriter::remove_stale() {
  for (std::string_view old : unclaimed()) {
    fs::path path;
    try {
      path = checked_path(old);
    } catch (const Error&) {
      continue;  // a tampered manifest never makes us delete outside the root
    }
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(path, ec)) && fs::remove(path, ec)) ++removed_;
    remove_empty_parents(path.parent_path(), root_);
  }
}

void OutputWriter::finish() {
  std::lock_guard lock(mutex_);
  remove_stale();
  std::error_code ec;
  if (!same_outputs_as_manifest()) write_manifest();
  if (journal_ != nullptr) std::fclose(journal_);
  journal_ = nullptr;
  fs::remove(root_ / kJournal, ec);
  fs::remove(root_ / kBuilding, ec);
}

bool OutputWriter::same_paths_as_before() const {
  // The same count, all of them earlier outputs: the same paths.
  return claimed_count() == previous_paths_.size() && claimed_previous_ == previous_paths_.size();
}

bool OutputWriter::same_outputs_as_manifest() const {
  return journal_ == nullptr && same_paths_as_before() && !fs::exists(root_ / kJournal);
}

void OutputWriter::write_manifest() const {
  std::vector<std::string_view> paths = outputs();
  std::sort(paths.begin(), paths.end());
  std::string manifest;
  for (std::string_view path : paths) (manifest += path) += '\n';
  write_file_atomically(root_ / kManifest, manifest);
}

std::size_t OutputWriter::remove_all(const fs::path& root) {
  if (!fs::is_directory(root)) return 0;
  std::size_t removed = 0;
  {
    OutputWriter writer(root);  // reads the records and sweeps temp files
    writer.remove_stale();      // nothing written: everything recorded is stale
    removed = writer.removed_;
  }
  std::error_code ec;
  fs::remove(root / kManifest, ec);
  fs::remove(root / kJournal, ec);
  fs::remove(root / kBuilding, ec);
  return removed;
}

std::size_t OutputWriter::written() const { return written_; }

std::size_t OutputWriter::unchanged() const { return unchanged_; }

std::size_t OutputWriter::kept() const { return kept_; }

}  // namespace digestif
