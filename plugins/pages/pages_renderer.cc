// PagesRenderer: planning and rendering the HTML pages of the site.
#include "plugins/pages/pages_renderer.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/permalink.h"
#include "plugins/pages/page_model.h"

namespace digestif::plugins::pages {
namespace {

int page_count(std::size_t items, int page_size) {
  return std::max(1, static_cast<int>((items + page_size - 1) / page_size));
}

const Value* find_tag(const Site& site, const std::string& slug) {
  const Value* tags = site.data.find("tags");
  if (tags == nullptr || !tags->is_array()) return nullptr;
  for (const Value& tag : tags->as_array())
    if (tag.get_string("slug") == slug) return &tag;
  return nullptr;
}

std::vector<const Document*> documents_of(const Site& site, const Value* tag) {
  std::vector<const Document*> documents;
  std::set<std::string> permalinks;
  if (tag != nullptr)
    for (const Value& permalink : tag->find("documents")->as_array())
      permalinks.insert(permalink.as_string());
  for (const Document* document : site.documents)
    if (tag == nullptr || permalinks.count(document->permalink) != 0) documents.push_back(document);
  return documents;
}

PlannedOutput list_output(const std::string& first_path, const std::string& kind, int page,
                          const std::string& slug = {}) {
  Value params = Value::object();
  params["kind"] = kind;
  params["page"] = page;
  params["slug"] = slug;
  std::string path = page <= 1 ? first_path : first_path + "page/" + std::to_string(page) + "/";
  return {path + "index.html", params};
}

Value archive_years(const Site& site) {
  std::map<int, std::map<unsigned, std::vector<const Document*>>, std::greater<>> by_month;
  for (const Document* document : site.documents) {
    std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(document->date)};
    by_month[int(ymd.year())][unsigned(ymd.month())].push_back(document);
  }
  Value years = Value::array();
  for (const auto& [year, months] : by_month) {
    Value year_value = Value::object();
    year_value["year"] = year;
    long count = 0;
    for (auto month = months.rbegin(); month != months.rend(); ++month) {
      Value month_value = Value::object();
      month_value["name"] = month_name(month->first);
      month_value["number"] = (month->first < 10 ? "0" : "") + std::to_string(month->first);
      month_value["count"] = static_cast<long>(month->second.size());
      month_value["entries"] = entries_value(month->second, 0, month->second.size(), site);
      count += static_cast<long>(month->second.size());
      year_value["months"].push_back(std::move(month_value));
    }
    year_value["count"] = count;
    years.push_back(std::move(year_value));
  }
  return years;
}

}  // namespace

PartInfo PagesRenderer::info() const {
  return {"pages",
          Stage::render,
          {"document.html", "site.tags", "site.document_tags"},
          {"output.pages"}};
}

Value PagesRenderer::base_context(const Site& site, const std::string& title,
                                  const std::string& url, const std::string& kind,
                                  const std::string& tag_slug) const {
  Value context = Value::object();
  context["site"] = site_value(site);
  context["page"] = page_value(site, title, url, kind, tag_slug);
  return context;
}

std::vector<OutputFile> PagesRenderer::render_document(const Document& document,
                                                       const Site& site) const {
  std::string kind = theme_->has_template(document.kind) ? document.kind : "digest";
  Value document_context = document_value(document, site);
  Value context = base_context(site, document_context.get_string("heading"),
                               document_context.get_string("url"), document.kind);
  context["page"]["description"] = document.description;
  context["document"] = std::move(document_context);
  return {{output_path_of(document.permalink), theme_->render_page(kind, std::move(context))}};
}

std::vector<PlannedOutput> PagesRenderer::plan(const Site& site) const {
  std::vector<PlannedOutput> outputs;
  int page_size = site.config.page_size;
  for (int page = 1; page <= page_count(site.documents.size(), page_size); ++page)
    outputs.push_back(list_output("", "home", page));
  const Value* tags = site.data.find("tags");
  for (const Value& tag : tags && tags->is_array() ? tags->as_array() : Value::Array{}) {
    std::string slug = tag.get_string("slug");
    int pages = page_count(static_cast<std::size_t>(tag.find("count")->as_int()), page_size);
    for (int page = 1; page <= pages; ++page)
      outputs.push_back(list_output("tags/" + slug + "/", "tag", page, slug));
  }
  outputs.push_back({"tags/index.html", Value::Object{{"kind", "tags"}}});
  outputs.push_back({"archive/index.html", Value::Object{{"kind", "archive"}}});
  outputs.push_back({"404.html", Value::Object{{"kind", "404"}}});
  return outputs;
}

std::string PagesRenderer::render(const PlannedOutput& output, const Site& site) const {
  std::string kind = output.params.get_string("kind");
  if (kind == "tags") return render_tag_index(site);
  if (kind == "archive") return render_archive(site);
  if (kind == "404") return render_not_found(site);
  return render_list(site, output.params);
}

std::string PagesRenderer::render_list(const Site& site, const Value& params) const {
  std::string slug = params.get_string("slug");
  const Value* tag = slug.empty() ? nullptr : find_tag(site, slug);
  int page = static_cast<int>(params.find("page")->as_int());
  std::string first_url = tag ? tag->get_string("url") : site.config.base_path();
  std::string title = tag ? "Tagged “" + tag->get_string("name") + "”" : "Home";
  if (page > 1) title += " (page " + std::to_string(page) + ")";
  Value context = base_context(site, title, page_url(first_url, page), tag ? "tag" : "home", slug);
  std::vector<const Document*> documents = documents_of(site, tag);
  std::size_t size = static_cast<std::size_t>(site.config.page_size);
  context["entries"] = entries_value(documents, (page - 1) * size, page * size, site);
  context["pagination"] =
      pagination_value(first_url, page, page_count(documents.size(), site.config.page_size));
  if (tag != nullptr) {
    context["tag"] = *tag;
    context["tag"]["feed_url"] = first_url + "feed.xml";
    context["tag"]["atom_url"] = first_url + "atom.xml";
  }
  return theme_->render_page(tag ? "tag" : "home", std::move(context));
}

std::string PagesRenderer::render_tag_index(const Site& site) const {
  Value context = base_context(site, "Tags", url_of(site, "/tags/"), "tags");
  const Value* tags = site.data.find("tags");
  context["tags"] = tags ? *tags : Value::array();
  return theme_->render_page("tags", std::move(context));
}

std::string PagesRenderer::render_archive(const Site& site) const {
  Value context = base_context(site, "Archive", url_of(site, "/archive/"), "archive");
  context["years"] = archive_years(site);
  return theme_->render_page("archive", std::move(context));
}

std::string PagesRenderer::render_not_found(const Site& site) const {
  Value context = base_context(site, "Page not found", url_of(site, "/404.html"), "404");
  return theme_->render_page("404", std::move(context));
}

}  // namespace digestif::plugins::pages
