// Diagnostics: a problem found in the input, located at file:line, and the Error that carries one.
#pragma once

#include <stdexcept>
#include <string>

namespace digestif {

enum class Severity { warning, error };

/// One problem the user must read: where it is, what is wrong and what to do.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;  ///< path as the user wrote it; empty when no file is involved
  int line = 0;      ///< 1-based; 0 when the problem concerns the whole file
  std::string message;

  /// "file:line: warning: message" (ninja style); the line is left out when 0.
  std::string format() const;
};

/// The exception every part of digestif throws for bad input; the builder catches it per step.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic diagnostic);
  Error(std::string file, int line, std::string message);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

}  // namespace digestif
