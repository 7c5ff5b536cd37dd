// DiagnosticSink: collects the warnings and errors of a build from every thread.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

#include "core/diagnostic.h"

namespace digestif {

/// Thread-safe collector; each diagnostic is also passed to the printer as it arrives. Notes
/// are kept for the summary.
class DiagnosticSink {
 public:
  using Printer = std::function<void(const Diagnostic&)>;
  explicit DiagnosticSink(Printer printer = {}) : printer_(std::move(printer)) {}

  void report(Diagnostic diagnostic);
  void warn(std::string file, int line, std::string message);
  int warnings() const;
  int errors() const;
  std::vector<Diagnostic> all() const;
  /// A line for the build summary that is no problem ("2 remote sources changed ...").
  void note(std::string text);
  std::vector<std::string> notes() const;

 private:
  mutable std::mutex mutex_;
  Printer printer_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::string> notes_;
  int warnings_ = 0;
  int errors_ = 0;
};

/// While alive, also copies into `into` what its thread reports to any DiagnosticSink: the
/// diagnostics of one document's parse and analysis, which the document cache repeats.
class DiagnosticCapture {
 public:
  explicit DiagnosticCapture(std::vector<Diagnostic>& into);
  ~DiagnosticCapture();
  DiagnosticCapture(const DiagnosticCapture&) = delete;
  DiagnosticCapture& operator=(const DiagnosticCapture&) = delete;

 private:
  std::vector<Diagnostic>* outer_;
};

}  // namespace digestif
