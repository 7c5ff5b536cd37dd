// DiagnosticSink: counting and printing diagnostics under a lock.
#include "core/diagnostic_sink.h"

namespace digestif {
namespace {

thread_local std::vector<Diagnostic>* captured = nullptr;

}  // namespace

DiagnosticCapture::DiagnosticCapture(std::vector<Diagnostic>& into) : outer_(captured) {
  captured = &into;
}

DiagnosticCapture::~DiagnosticCapture() { captured = outer_; }

void DiagnosticSink::report(Diagnostic diagnostic) {
  if (captured != nullptr) captured->push_back(diagnostic);
  std::lock_guard lock(mutex_);
  if (diagnostic.severity == Severity::warning)
    ++warnings_;
  else
    ++errors_;
  if (printer_) printer_(diagnostic);
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::warn(std::string file, int line, std::string message) {
  report(Diagnostic{Severity::warning, std::move(file), line, std::move(message)});
}

int DiagnosticSink::warnings() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

int DiagnosticSink::errors() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

std::vector<Diagnostic> DiagnosticSink::all() const {
  std::lock_guard lock(mutex_);
  return diagnostics_;
}

void DiagnosticSink::note(std::string text) {
  std::lock_guard lock(mutex_);
  notes_.push_back(std::move(text));
}

std::vector<std::string> DiagnosticSink::notes() const {
  std::lock_guard lock(mutex_);
  return notes_;
}

}  // namespace digestif
