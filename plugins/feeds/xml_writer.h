// XML writing helpers shared by the RSS and Atom writers (tinyxml2 does the escaping).
#pragma once

#include <tinyxml2.h>

#include <string>
#include <string_view>

namespace digestif::plugins::feeds {

/// Appends to `parent` a child `name` holding `text` (made XML-safe); returns the child.
tinyxml2::XMLElement* add_text(tinyxml2::XMLElement& parent, const char* name,
                               std::string_view text);

/// Appends to `parent` a child `name` holding `html` as CDATA, or as escaped text when the HTML
/// contains "]]>" (which would end a CDATA section); returns the child.
tinyxml2::XMLElement* add_html(tinyxml2::XMLElement& parent, const char* name,
                               std::string_view html);

/// Appends to `parent` an empty child `name`; returns it.
tinyxml2::XMLElement* add_element(tinyxml2::XMLElement& parent, const char* name);

/// Sets attribute `name` of `element` to `value` (made XML-safe).
void set_attribute(tinyxml2::XMLElement& element, const char* name, std::string_view value);

/// Starts `document` with the XML declaration and returns its new root element `name`.
tinyxml2::XMLElement* start_document(tinyxml2::XMLDocument& document, const char* name);

/// `document` as indented UTF-8 text ending with a newline.
std::string print_xml(const tinyxml2::XMLDocument& document);

}  // namespace digestif::plugins::feeds
