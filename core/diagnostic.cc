// Formatting of diagnostics and construction of Error.
#include "core/diagnostic.h"

namespace digestif {

std::string Diagnostic::format() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
  }
  if (severity == Severity::warning)
    out += "warning: ";
  else
    out += "error: ";
  out += message;
  return out;
}

Error::Error(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.format()), diagnostic_(std::move(diagnostic)) {}

Error::Error(std::string file, int line, std::string message)
    : Error(Diagnostic{Severity::error, std::move(file), line, std::move(message)}) {}

}  // namespace digestif
