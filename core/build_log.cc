// BuildLog: a line-based file, one record per line, fields separated by tabs.
#include "core/build_log.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <deque>
#include <iterator>

#include "core/mapped_file.h"
#include "core/spare_file.h"

namespace digestif {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMagic = "digestif-build-log";

/// True when the field has a character that is escaped (a loop over the field: find_first_of()
/// searches the three characters for each of its characters).
bool has_escaped(std::string_view field) {
  return std::any_of(field.begin(), field.end(),
                     [](char c) { return c == '\\' || c == '\t' || c == '\n'; });
}

/// Appends the field with backslashes, tabs and newlines escaped.
void append_escaped(std::string& out, std::string_view field) {
  if (!has_escaped(field)) {
    out += field;
    return;
  }
  for (char c : field) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
}

std::string unescape(std::string_view field) {
  if (field.find('\\') == std::string_view::npos) return std::string(field);
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    char next = field[++i];
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
  }
  return out;
}

/// The tab-separated fields of a line: views of it, or of a string in `unescaped` for a field
/// with escapes to undo (rare: a path with a tab or a backslash).
void split_fields(std::string_view line, std::vector<std::string_view>& fields,
                  std::deque<std::string>& unescaped) {
  fields.clear();
  unescaped.clear();
  auto add = [&](std::string_view field) {
    if (field.find('\\') == std::string_view::npos)
      fields.push_back(field);
    else
      fields.push_back(unescaped.emplace_back(unescape(field)));  // a deque: views stay valid
  };
  std::size_t start = 0;
  for (std::size_t tab = line.find('\t'); tab != std::string_view::npos;
       tab = line.find('\t', start)) {
    add(line.substr(start, tab - start));
    start = tab + 1;
  }
  add(line.substr(start));
}

/// Adds `key` -> `value` to a map whose keys arrive in order, as save_build_log() writes them
/// (the hint is the place of an ordered map's next key).
template <typename Map, typename Value>
void add_in_order(Map& map, std::string_view key, Value value) {
  map.emplace_hint(map.end(), std::string(key), std::move(value));
}

/// The number in a field; throws std::invalid_argument or std::out_of_range when it is none.
long long number_in(std::string_view field) { return std::stoll(std::string(field)); }

/// Adds one record to `log`; false for a line this format does not have.
bool read_record(const std::vector<std::string_view>& f, BuildLog& log) {
  if (f[0] == "input" && f.size() == 3)
    return add_in_order(log.inputs, f[1], std::string(f[2])), true;
  if (f[0] == "output" && f.size() == 4) {
    if (!f[3].empty()) add_in_order(log.fingerprints, f[1], std::string(f[3]));
    add_in_order(log.outputs, f[1], std::string(f[2]));
    return true;
  }
  if (f[0] == "render" && f.size() >= 5) {
    RenderRecord record{std::string(f[3]), {f.begin() + 5, f.end()}, std::string(f[4])};
    std::string name;
    name.reserve(f[1].size() + 1 + f[2].size());
    name.append(f[1]).append("\t").append(f[2]);
    add_in_order(log.renders, name, std::move(record));
    return true;
  }
  if (f[0] == "own" && f.size() == 3)
    return add_in_order(log.own_entry_inputs, f[1], std::string(f[2])), true;
  if (f[0] == "due" && f.size() == 2) return log.due = number_in(f[1]), true;
  if (f[0] == "documents" && f.size() == 2)
    return log.documents = static_cast<std::size_t>(number_in(f[1])), true;
  if (f[0] == "diagnostic" && f.size() == 5) {
    Severity severity = f[1] == "warning" ? Severity::warning : Severity::error;
    log.diagnostics.push_back(
        {severity, std::string(f[2]), std::stoi(std::string(f[3])), std::string(f[4])});
    return true;
  }
  return false;
}

/// Appends a record: its fields, tab-separated, escaped.
void append_record(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += '\t';
    first = false;
    append_escaped(out, field);
  }
  out += '\n';
}

}  // namespace

std::optional<BuildLog> load_build_log(const fs::path& file) {
  std::optional<MappedFile> mapped = MappedFile::open(file);
  if (!mapped) return std::nullopt;
  std::string_view text = mapped->bytes();
  std::string magic = std::string(kMagic) + " " + std::to_string(BuildLog::kFormat) + "\n";
  if (text.substr(0, magic.size()) != magic) return std::nullopt;
  text.remove_prefix(magic.size());
  BuildLog log;
  std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  log.outputs.reserve(lines / 2);  // an output or a render each, roughly
  log.fingerprints.reserve(lines / 2);
  log.renders.reserve(lines / 2);
  std::vector<std::string_view> fields;
  std::deque<std::string> unescaped;
  try {
    while (!text.empty()) {
      std::size_t end = text.find('\n');
      if (end == std::string_view::npos) return std::nullopt;  // cut short
      split_fields(text.substr(0, end), fields, unescaped);
      if (!read_record(fields, log)) return std::nullopt;
      text.remove_prefix(end + 1);
    }
  } catch (const std::exception&) {  // a number that does not parse: a damaged log
    return std::nullopt;
  }
  return log;
}

void save_build_log(const fs::path& file, const BuildLog& log) {
  std::string out = std::string(kMagic) + " " + std::to_string(BuildLog::kFormat) + "\n";
  out.reserve(log.outputs.size() * 160 + log.inputs.size() * 80 + log.renders.size() * 160);
  for (const auto& [name, version] : log.inputs) append_record(out, {"input", name, version});
  for (const auto& [path, version] : log.outputs) {
    auto fingerprint = log.fingerprints.find(path);
    append_record(out, {"output", path, version,
                        fingerprint == log.fingerprints.end() ? "" : fingerprint->second});
  }
  for (const auto& [name, record] : log.renders) {
    std::string_view both = name;
    std::size_t tab = both.find('\t');
    append_record(out,
                  {"render", both.substr(0, tab), both.substr(tab + 1), record.key, record.own});
    out.pop_back();  // the paths follow on the same line
    for (const std::string& path : record.paths) {
      out += '\t';
      append_escaped(out, path);
    }
    out += '\n';
  }
  for (const auto& [renderer, inputs] : log.own_entry_inputs)
    append_record(out, {"own", renderer, inputs});
  for (const Diagnostic& d : log.diagnostics)
    append_record(out, {"diagnostic", d.severity == Severity::warning ? "warning" : "error", d.file,
                        std::to_string(d.line), d.message});
  append_record(out, {"due", std::to_string(log.due)});
  append_record(out, {"documents", std::to_string(log.documents)});
  std::string_view bytes = out;
  replace_through_spare(file, {&bytes, 1});
}

namespace {

/// "size:seconds.nanoseconds" of what stat() or fstat() told, made in one string (25,000 times
/// in a build of 10,000 documents).
std::string version_of(const struct stat& info) {
  std::string version;
  version.reserve(48);
  auto append = [&version](long long number) {
    char digits[24];
    version.append(digits, std::to_chars(digits, std::end(digits), number).ptr);
  };
  append(info.st_size);
  version += ':';
  append(info.st_mtim.tv_sec);
  version += '.';
  append(info.st_mtim.tv_nsec);
  return version;
}

}  // namespace

std::string file_version(const char* path) {
  struct stat info {};
  return ::stat(path, &info) == 0 ? version_of(info) : "";
}

std::string file_version(int folder_fd, const char* relative) {
  struct stat info {};
  return ::fstatat(folder_fd, relative, &info, 0) == 0 ? version_of(info) : "";
}

std::string file_version(int fd) {
  struct stat info {};
  return fd >= 0 && ::fstat(fd, &info) == 0 ? version_of(info) : "";
}

}  // namespace digestif
