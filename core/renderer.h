// Renderer: the render stage, from documents and site data to output files.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/part.h"
#include "core/site.h"
#include "core/value.h"

namespace digestif {

/// A file to write, relative to the output folder, '/'-separated ("tags/ai/index.html").
struct OutputFile {
  std::string path;
  std::string bytes;
};

/// A site-wide output chosen by plan(); `params` tells render() what to put in it.
struct PlannedOutput {
  std::string path;
  Value params;
};

/// Per-document outputs are rendered as soon as that document and the products the renderer
/// needs are ready; site-wide outputs are planned once, then each rendered in its own task.
class Renderer : public Part {
 public:
  virtual bool renders_documents() const { return false; }
  virtual std::vector<OutputFile> render_document(const Document&, const Site&) const { return {}; }
  virtual std::vector<PlannedOutput> plan(const Site&) const { return {}; }
  virtual std::string render(const PlannedOutput&, const Site&) const { return {}; }
};

}  // namespace digestif
