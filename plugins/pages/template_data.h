// Conversion of Value trees into kainjow Mustache data.
#pragma once

#include <functional>
#include <kainjow/mustache.hpp>
#include <optional>

#include "core/value.h"

namespace digestif::plugins::pages {

/// The data a list item is given instead of its conversion, or nullopt (see SharedTemplateData).
using ItemData = std::function<std::optional<kainjow::mustache::data>(const Value& item)>;

/// Objects and arrays map to Mustache objects and lists, booleans to booleans, numbers and
/// strings to strings, null to false (so a missing value hides its section). `item`, when given,
/// is asked first for each item of a list.
kainjow::mustache::data to_template_data(const Value& value, const ItemData& item = {});

}  // namespace digestif::plugins::pages
