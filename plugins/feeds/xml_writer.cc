// XML writing helpers: elements, text, CDATA and printing with tinyxml2.
#include "plugins/feeds/xml_writer.h"

#include "plugins/feeds/feed_text.h"

namespace digestif::plugins::feeds {

using tinyxml2::XMLElement;

XMLElement* add_element(XMLElement& parent, const char* name) {
  XMLElement* child = parent.GetDocument()->NewElement(name);
  parent.InsertEndChild(child);
  return child;
}

XMLElement* add_text(XMLElement& parent, const char* name, std::string_view text) {
  XMLElement* child = add_element(parent, name);
  child->SetText(xml_safe(text).c_str());
  return child;
}

XMLElement* add_html(XMLElement& parent, const char* name, std::string_view html) {
  std::string safe = xml_safe(html);
  XMLElement* child = add_element(parent, name);
  tinyxml2::XMLText* text = parent.GetDocument()->NewText(safe.c_str());
  text->SetCData(safe.find("]]>") == std::string::npos);
  child->InsertEndChild(text);
  return child;
}

void set_attribute(XMLElement& element, const char* name, std::string_view value) {
  element.SetAttribute(name, xml_safe(value).c_str());
}

XMLElement* start_document(tinyxml2::XMLDocument& document, const char* name) {
  document.InsertEndChild(document.NewDeclaration());
  XMLElement* root = document.NewElement(name);
  document.InsertEndChild(root);
  return root;
}

std::string print_xml(const tinyxml2::XMLDocument& document) {
  tinyxml2::XMLPrinter printer;
  document.Print(&printer);
  std::string text = printer.CStr();
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

}  // namespace digestif::plugins::feeds
