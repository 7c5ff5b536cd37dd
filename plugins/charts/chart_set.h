// Chart set: the three charts of a set of digests (the whole site, or one tag), as template data.
#pragma once

#include "core/value.h"
#include "plugins/charts/chart_series.h"

namespace digestif::plugins::charts {

/// {has_charts (some document has threads), top_scores, emotions, flairs}; each chart is
/// {title, description, svg (inline SVG markup, "" without data), has_svg, note (what to show
/// instead: "No data for this chart.")}. `scope` names the set in the descriptions ("the
/// site", "tag “ai”").
Value chart_set(const FactsList& documents, const std::string& scope);

}  // namespace digestif::plugins::charts
