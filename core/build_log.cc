// BuildLog: a line-based file, one record per line, fields separated by tabs.
#include "core/build_log.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/output_writer.h"

namespace digestif {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMagic = "digestif-build-log";

std::string escape(const std::string& field) {
  std::string out;
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
  return out;
}

std::string unescape(const std::string& field) {
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

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    fields.push_back(unescape(line.substr(start, tab - start)));
    start = tab + 1;
  }
  fields.push_back(unescape(line.substr(start)));
  return fields;
}

/// Adds one record to `log`; false for a line this format does not have.
bool read_record(const std::vector<std::string>& f, BuildLog& log) {
  if (f[0] == "input" && f.size() == 3) return log.inputs.emplace(f[1], f[2]), true;
  if (f[0] == "output" && f.size() == 4) {
    log.outputs.emplace(f[1], f[2]);
    if (!f[3].empty()) log.fingerprints.emplace(f[1], f[3]);
    return true;
  }
  if (f[0] == "render" && f.size() >= 4) {
    RenderRecord& record = log.renders[f[1] + "\t" + f[2]];
    record.key = f[3];
    record.paths.assign(f.begin() + 4, f.end());
    return true;
  }
  if (f[0] == "due" && f.size() == 2) return log.due = std::stoll(f[1]), true;
  if (f[0] == "documents" && f.size() == 2) return log.documents = std::stoul(f[1]), true;
  if (f[0] == "diagnostic" && f.size() == 5) {
    Severity severity = f[1] == "warning" ? Severity::warning : Severity::error;
    log.diagnostics.push_back({severity, f[2], std::stoi(f[3]), f[4]});
    return true;
  }
  return false;
}

}  // namespace

std::optional<BuildLog> load_build_log(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line) ||
      line != std::string(kMagic) + " " + std::to_string(BuildLog::kFormat))
    return std::nullopt;
  BuildLog log;
  try {
    while (std::getline(in, line))
      if (!read_record(split_fields(line), log)) return std::nullopt;
  } catch (const std::exception&) {  // a number that does not parse: a damaged log
    return std::nullopt;
  }
  return log;
}

void save_build_log(const fs::path& file, const BuildLog& log) {
  std::ostringstream out;
  out << kMagic << " " << BuildLog::kFormat << "\n";
  for (const auto& [name, version] : log.inputs)
    out << "input\t" << escape(name) << "\t" << escape(version) << "\n";
  for (const auto& [path, version] : log.outputs) {
    auto fingerprint = log.fingerprints.find(path);
    out << "output\t" << escape(path) << "\t" << escape(version) << "\t"
        << (fingerprint == log.fingerprints.end() ? "" : escape(fingerprint->second)) << "\n";
  }
  for (const auto& [name, record] : log.renders) {
    out << "render\t" << escape(name.substr(0, name.find('\t'))) << "\t"
        << escape(name.substr(name.find('\t') + 1)) << "\t" << escape(record.key);
    for (const std::string& path : record.paths) out << "\t" << escape(path);
    out << "\n";
  }
  for (const Diagnostic& d : log.diagnostics)
    out << "diagnostic\t" << (d.severity == Severity::warning ? "warning" : "error") << "\t"
        << escape(d.file) << "\t" << d.line << "\t" << escape(d.message) << "\n";
  out << "due\t" << log.due << "\n";
  out << "documents\t" << log.documents << "\n";
  write_file_atomically(file, out.str());
}

std::string file_version(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "";
  return std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec);
}

}  // namespace digestif
