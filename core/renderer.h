// Renderer: the render stage, from documents and site data to output files.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/fingerprint.h"
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

/// An output whose bytes are made on demand. `fingerprint` sums up everything they are made
/// from (a Fingerprint of the template context, say); the build calls `render` only when the
/// last build wrote `path` from another fingerprint or the file changed since. An empty
/// fingerprint means "unknown": always rendered.
struct PreparedOutput {
  std::string path;
  std::string fingerprint;
  std::function<std::string()> render;
};

/// Site-wide outputs are planned once, then each rendered in its own task; per-document outputs
/// are rendered as soon as that document, the products the renderer needs and its plan() for
/// the site are ready (what plan() computes once may serve every document).
/// The build calls the prepare functions; by default they wrap the render functions with no
/// fingerprint. A renderer that can tell what an output depends on cheaply overrides them.
class Renderer : public Part {
 public:
  virtual bool renders_documents() const { return false; }
  virtual std::vector<OutputFile> render_document(const Document&, const Site&) const { return {}; }
  virtual std::vector<PlannedOutput> plan(const Site&) const { return {}; }
  virtual std::string render(const PlannedOutput&, const Site&) const { return {}; }

  virtual std::vector<PreparedOutput> prepare_document(const Document& document,
                                                       const Site& site) const {
    std::vector<PreparedOutput> prepared;
    for (OutputFile& file : render_document(document, site))
      prepared.push_back(
          {std::move(file.path), {}, [bytes = std::move(file.bytes)] { return bytes; }});
    return prepared;
  }
  virtual PreparedOutput prepare(const PlannedOutput& output, const Site& site) const {
    return {output.path, {}, [this, &output, &site] { return render(output, site); }};
  }
  /// Adds to `fingerprint` what a document's outputs show of another published document (its
  /// title, say), reading only what the analyze stage made; false when that cannot be told.
  /// When it can, the build keeps a document's outputs without calling prepare_document() if
  /// the document, the site products this renderer needs or wants, the setup, and this
  /// fingerprint of every published document (in site order) are as in the last build. Called
  /// for several documents at once, from several threads.
  virtual bool fingerprint_listed(const Document& other, Fingerprint& fingerprint) const {
    (void)other;
    (void)fingerprint;
    return false;
  }
  /// Adds to `fingerprint` what the outputs plan() chooses show of a published document, reading
  /// only what the analyze stage made; false when that cannot be told. When it can, the build
  /// neither calls plan() nor prepares its outputs, and keeps the outputs the last plan made, if
  /// the site products this renderer needs or wants, the setup, and this fingerprint of every
  /// published document (in site order) are as in the last build and those outputs are as it
  /// left them. Then prepare_document() is called without plan() for this site. Called for
  /// several documents at once, from several threads.
  virtual bool fingerprint_planned(const Document& document, Fingerprint& fingerprint) const {
    (void)document;
    (void)fingerprint;
    return false;
  }
};

}  // namespace digestif
