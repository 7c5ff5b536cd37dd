// Conversion of Value trees into kainjow Mustache data.
#pragma once

#include <kainjow/mustache.hpp>

#include "core/value.h"

namespace digestif::plugins::pages {

/// Objects and arrays map to Mustache objects and lists, booleans to booleans, numbers and
/// strings to strings, null to false (so a missing value hides its section).
kainjow::mustache::data to_template_data(const Value& value);

}  // namespace digestif::plugins::pages
