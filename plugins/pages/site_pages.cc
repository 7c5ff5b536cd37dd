// SitePagesRenderer: planning and rendering the site's own pages.
#include "plugins/pages/site_pages.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

#include "core/document_groups.h"
#include "core/fingerprint.h"
#include "core/parallel_map.h"
#include "core/permalink.h"
#include "plugins/pages/analysis_links.h"
#include "plugins/pages/page_model.h"

namespace digestif::plugins::pages {
namespace {

int page_count(std::size_t items, int page_size) {
  return std::max(1, static_cast<int>((items + page_size - 1) / page_size));
}

PlannedOutput list_output(const std::string& first_path, int page, Value params) {
  params["page"] = page;
  std::string path = page <= 1 ? first_path : first_path + "page/" + std::to_string(page) + "/";
  return {path + "index.html", std::move(params)};
}

/// The documents by year, then month, newest first, as the archive shows them.
Value archive_years(const std::vector<const Document*>& documents, const Site& site) {
  std::map<int, std::map<unsigned, std::vector<const Document*>>, std::greater<>> by_month;
  for (const Document* document : documents) {
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
      Value& entries = month_value["entries"] = Value::array();
      for (const Document* document : month->second) entries.push_back(entry_link(*document, site));
      count += static_cast<long>(month->second.size());
      year_value["months"].push_back(std::move(month_value));
    }
    year_value["count"] = count;
    years.push_back(std::move(year_value));
  }
  return years;
}

}  // namespace

PartInfo SitePagesRenderer::info() const {
  PartInfo info{"site_pages", Stage::render, {"site.document_tags"}, {"output.site_pages"}};
  for (const GroupKind& kind : kGroupKinds)
    info.wants.push_back("site." + std::string(kind.product));
  for (const char* product :
       {"site.threads", "site.thread_count", "site.trends", "site.charts", "site.review_mentions"})
    info.wants.push_back(product);
  return info;
}

void SitePagesRenderer::show_entries(Page& page, const Site& site) const {
  std::string_view key = page.by_month ? "years" : "entries";
  if (page.context.find(key) != nullptr) return;
  page.context[key] =
      page.by_month ? archive_years(page.entries, site) : entries_of(page.entries, site);
}

Value SitePagesRenderer::entries_of(const std::vector<const Document*>& documents,
                                    const Site& site) const {
  const PlannedInputs* planned = planned_for(site);
  if (planned == nullptr) return entries_value(documents, 0, documents.size(), site);
  Value entries = Value::array();
  for (const Document* document : documents)
    entries.push_back(
        document->fingerprint.empty()
            ? entry_value(*document, site)
            : entries_.entry(*document, site, listed_inputs(*document, site).entry, planned->site));
  return entries;
}

PreparedOutput SitePagesRenderer::prepared(std::string path, Page page, const Site& site) const {
  bool known = std::all_of(page.entries.begin(), page.entries.end(),
                           [](const Document* d) { return !d->fingerprint.empty(); });
  // Entries without a fingerprint, or the archive's (a link to each document, which changes far
  // less often than the documents): hash what they show.
  if (!known || page.by_month) {
    show_entries(page, site);
    page.entries.clear();
  }
  Fingerprint fingerprint;
  fingerprint.add(page.template_name).add(page.context);
  for (const Document* entry : page.entries) fingerprint.add(listed_inputs(*entry, site).entry);
  return {std::move(path), fingerprint.hex(),
          [this, &site, page = std::move(page)]() mutable { return rendered(page, site); }};
}

std::string SitePagesRenderer::rendered(Page& page, const Site& site) const {
  show_entries(page, site);
  // A build that is the first of its process lists most entries a few times at most, and would
  // hold the data of every entry to its end (tens of megabytes at 10,000 documents); a process
  // that builds again renders the same few hundred pages at each edit.
  return theme_->render_page(page.template_name, std::move(page.context), site.build > 1);
}

PlannedInputs::Listed SitePagesRenderer::listed_inputs(const Document& document,
                                                       const Site& site) const {
  if (const PlannedInputs* planned = planned_for(site))
    if (std::size_t at = site.position_of(document.permalink);
        at < planned->documents.size() && site.documents[at] == &document)
      return planned->documents[at];
  return {entry_inputs(document, site), link_inputs(document)};
}

PlannedInputs::Group SitePagesRenderer::group_of(const Site& site, const std::string& product,
                                                 const std::string& slug) const {
  const PlannedInputs* planned = planned_for(site);
  if (planned == nullptr) return {find_group(site, product, slug)};
  auto kind = planned->groups.find(product);
  if (kind == planned->groups.end()) return {};
  auto group = kind->second.find(slug);
  return group != kind->second.end() ? group->second : PlannedInputs::Group{};
}

const PlannedInputs* SitePagesRenderer::planned_for(const Site& site) const {
  return &site == planned_site_ && site.build == planned_build_ ? &planned_ : nullptr;
}

std::vector<PlannedOutput> SitePagesRenderer::plan(const Site& site) const {
  planned_site_ = nullptr;
  planned_.documents.clear();
  plan_documents(site);
  plan_group_positions(site);
  planned_.site = site_inputs(site);
  planned_site_ = &site;
  planned_build_ = site.build;
  std::vector<PlannedOutput> outputs;
  for (int page = 1; page <= page_count(site.documents.size(), site.config.page_size); ++page)
    outputs.push_back(list_output("", page, Value::Object{{"kind", "home"}}));
  plan_groups(site, outputs);
  if (site.data.find("threads") != nullptr && theme_->has_template("threads"))
    outputs.push_back({"threads/index.html", Value::Object{{"kind", "threads"}}});
  if (site.data.find("trends") != nullptr && theme_->has_template("trends"))
    outputs.push_back({"trends/index.html", Value::Object{{"kind", "trends"}}});
  outputs.push_back({"archive/index.html", Value::Object{{"kind", "archive"}}});
  outputs.push_back({"404.html", Value::Object{{"kind", "404"}}});
  return outputs;
}

void SitePagesRenderer::plan_documents(const Site& site) const {
  const Value* document_tags = site.data.find("document_tags");
  using Own = PlannedInputs::Own;
  std::vector<std::optional<Own>> made(site.documents.size());  // those not in planned_.own
  std::vector<PlannedInputs::Listed> listed =
      in_parallel<PlannedInputs::Listed>(site.documents.size(), [&](std::size_t i) {
        const Document& document = *site.documents[i];
        std::size_t last = document.fingerprint.empty()
                               ? KeyPositions::npos
                               : planned_.own_by_fingerprint.find(document.fingerprint);
        const Own& own =
            last != KeyPositions::npos
                ? planned_.own[last]
                : made[i].emplace(Own{link_inputs(document), own_entry_inputs(document)});
        return PlannedInputs::Listed{entry_inputs(document, own.own, document_tags), own.link};
      });
  if (planned_.own.size() > 2 * site.documents.size()) {  // mostly gone
    planned_.own.clear();
    planned_.own_by_fingerprint = KeyPositions();
  }
  bool again = std::exchange(planned_before_, true);  // `digestif build` plans once
  planned_.documents = std::move(listed);
  if (again)
    for (std::size_t i = 0; i < made.size(); ++i)
      if (made[i] && !site.documents[i]->fingerprint.empty())
        if (planned_.own_by_fingerprint.emplace(site.documents[i]->fingerprint, planned_.own.size())
                .second)
          planned_.own.push_back(*made[i]);
}

void SitePagesRenderer::plan_group_positions(const Site& site) const {
  planned_.groups.clear();
  std::vector<std::pair<std::uint64_t, const Value*>> groups;  // with the key of their positions
  for (const GroupKind& kind : kGroupKinds)
    for (const Value& group : groups_of(site, kind.product))
      groups.emplace_back(Fingerprint()
                              .add(static_cast<std::int64_t>(site.order))
                              .add(static_cast<std::int64_t>(Fingerprint::of(group)))
                              .value(),
                          &group);
  if (site.order == 0 || planned_.positions.size() > 2 * groups.size()) planned_.positions.clear();
  std::vector<const std::pair<std::uint64_t, const Value*>*> missing;
  for (const auto& group : groups)
    if (planned_.positions.count(group.first) == 0) missing.push_back(&group);
  std::vector<std::vector<std::size_t>> found = in_parallel<std::vector<std::size_t>>(
      missing.size(), [&](std::size_t i) { return listed_positions(site, *missing[i]->second); },
      1);
  for (std::size_t i = 0; i < missing.size(); ++i)
    planned_.positions.emplace(missing[i]->first, std::move(found[i]));
  std::size_t next = 0;
  for (const GroupKind& kind : kGroupKinds)
    for (const Value& group : groups_of(site, kind.product)) {
      const std::vector<std::size_t>& positions = planned_.positions.at(groups[next++].first);
      if (const Value* slug = group.find("slug"); slug != nullptr && slug->is_string())
        planned_.groups[kind.product].emplace(slug->as_string(),
                                              PlannedInputs::Group{&group, &positions});
    }
}

void SitePagesRenderer::plan_groups(const Site& site, std::vector<PlannedOutput>& outputs) const {
  for (const GroupKind& kind : kGroupKinds) {
    if (site.data.find(kind.product) == nullptr) continue;  // no plugin makes this kind
    for (const Value& group : groups_of(site, kind.product)) {
      Value params = Value::Object{{"kind", "group"},
                                   {"product", std::string(kind.product)},
                                   {"slug", group.get_string("slug")}};
      int pages = page_count(static_cast<std::size_t>(group.find("count")->as_int()),
                             site.config.page_size);
      for (int page = 1; page <= pages; ++page)
        outputs.push_back(list_output(group.get_string("path"), page, params));
    }
    if (theme_->has_template(std::string(kind.product)))
      outputs.push_back(
          {std::string(kind.folder) + "index.html",
           Value::Object{{"kind", "group_index"}, {"product", std::string(kind.product)}}});
  }
}

SitePagesRenderer::Page SitePagesRenderer::site_page(const PlannedOutput& output,
                                                     const Site& site) const {
  std::string kind = output.params.get_string("kind");
  if (kind == "home")
    return home_page(site, static_cast<int>(output.params.find("page")->as_int()));
  if (kind == "group") return group_page(site, output.params);
  if (kind == "group_index") return group_index_page(site, output.params.get_string("product"));
  if (kind == "archive") return archive_page(site);
  if (kind == "threads") return threads_page(site);
  if (kind == "trends") return trends_page(site);
  return not_found_page(site);
}

PreparedOutput SitePagesRenderer::prepare(const PlannedOutput& output, const Site& site) const {
  if (std::optional<std::string> inputs = list_inputs(output, site))
    return {output.path, std::move(*inputs), [this, &output, &site] {
              Page page = site_page(output, site);
              return rendered(page, site);
            }};
  return prepared(output.path, site_page(output, site), site);
}

std::optional<std::string> SitePagesRenderer::list_inputs(const PlannedOutput& output,
                                                          const Site& site) const {
  std::string kind = output.params.get_string("kind");
  Fingerprint fingerprint;
  const PlannedInputs* planned = planned_for(site);
  fingerprint.add(kind).add(planned != nullptr ? planned->site : site_inputs(site));
  if (kind == "archive") {
    for (std::size_t at = 0; at < site.documents.size(); ++at)
      fingerprint.add(listed_at(at, site).link);
    return fingerprint.hex();
  }
  std::vector<std::size_t> shown;  // positions in site.documents
  if (kind == "home") {
    int page = static_cast<int>(output.params.find("page")->as_int());
    fingerprint.add(page).add(static_cast<std::int64_t>(site.documents.size()));
    std::size_t first = std::min(first_on_page(site, page), site.documents.size());
    for (std::size_t at = first; at < site.documents.size() && shown.size() < page_size(site); ++at)
      shown.push_back(at);
  } else if (kind == "group") {
    std::string product = output.params.get_string("product");
    std::string slug = output.params.get_string("slug");
    auto [group, positions] = group_of(site, product, slug);
    if (group == nullptr) return std::nullopt;  // prepared as before, which reports it
    int page = static_cast<int>(output.params.find("page")->as_int());
    fingerprint.add(output.params);
    for (const auto& [key, member] : group->as_object())  // group_summary(), without a copy
      if (key != "documents" && (page == 1 || key != "count"))
        fingerprint.add(std::string_view(key)).add(member);
    fingerprint.add(page_count(document_count(*group), site.config.page_size));
    if (page == 1) fingerprint.add(charts_value(site, product, slug));
    shown = positions != nullptr
                ? page_of(*positions, first_on_page(site, page), site)
                : positions_in(site, *group, first_on_page(site, page), page_size(site));
  } else {
    return std::nullopt;
  }
  for (std::size_t at : shown) {
    if (site.documents[at]->fingerprint.empty()) return std::nullopt;
    fingerprint.add(listed_at(at, site).entry);
  }
  return fingerprint.hex();
}

PlannedInputs::Listed SitePagesRenderer::listed_at(std::size_t at, const Site& site) const {
  const PlannedInputs* planned = planned_for(site);
  if (planned != nullptr && at < planned->documents.size()) return planned->documents[at];
  return listed_inputs(*site.documents[at], site);
}

std::vector<std::size_t> SitePagesRenderer::page_of(const std::vector<std::size_t>& positions,
                                                    std::size_t first, const Site& site) {
  std::vector<std::size_t> shown;  // as positions_in(): from `first` on, skipping any not found
  for (std::size_t i = first; i < positions.size() && shown.size() < page_size(site); ++i)
    if (positions[i] < site.documents.size()) shown.push_back(positions[i]);
  return shown;
}

std::size_t SitePagesRenderer::page_size(const Site& site) {
  return static_cast<std::size_t>(site.config.page_size);
}

std::string SitePagesRenderer::render(const PlannedOutput& output, const Site& site) const {
  return prepare(output, site).render();
}

SitePagesRenderer::Page SitePagesRenderer::list_page(const Site& site, std::string template_name,
                                                     std::vector<const Document*> shown,
                                                     std::size_t total,
                                                     const std::string& first_url, int page,
                                                     Value context) const {
  context["pagination"] =
      pagination_value(first_url, page, page_count(total, site.config.page_size));
  return {std::move(template_name), std::move(context), std::move(shown)};
}

std::size_t SitePagesRenderer::first_on_page(const Site& site, int page) const {
  return static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(site.config.page_size);
}

SitePagesRenderer::Page SitePagesRenderer::home_page(const Site& site, int page) const {
  std::string first_url = site.config.base_path();
  std::string title = page > 1 ? "Home (page " + std::to_string(page) + ")" : "Home";
  Value context = base_context(site, title, page_url(first_url, page), "home");
  return list_page(site, "home", home_entries(site, page), site.documents.size(), first_url, page,
                   std::move(context));
}

std::vector<const Document*> SitePagesRenderer::home_entries(const Site& site, int page) const {
  std::size_t first = std::min(first_on_page(site, page), site.documents.size());
  std::size_t last =
      std::min(first + static_cast<std::size_t>(site.config.page_size), site.documents.size());
  return {site.documents.begin() + static_cast<long>(first),
          site.documents.begin() + static_cast<long>(last)};
}

std::vector<const Document*> SitePagesRenderer::group_entries(const Site& site, const Value& group,
                                                              int page) const {
  return documents_in(site, group, first_on_page(site, page), page_size(site));
}

SitePagesRenderer::Page SitePagesRenderer::group_page(const Site& site, const Value& params) const {
  const GroupKind& kind = group_kind(params.get_string("product"));
  const Value* group = group_of(site, std::string(kind.product), params.get_string("slug")).value;
  if (group == nullptr)
    throw Error("", 0, "pages: group " + params.get_string("slug") + " vanished");
  std::string singular(kind.singular);
  int page = static_cast<int>(params.find("page")->as_int());
  std::string first_url = group->get_string("url");
  std::string title =
      group->get_string("name") + (page > 1 ? " (page " + std::to_string(page) + ")" : "");
  Value context =
      base_context(site, title, page_url(first_url, page), singular, group->get_string("path"));
  context[singular] = group_summary(*group);
  context[singular]["feed_url"] = first_url + "feed.xml";
  context[singular]["atom_url"] = first_url + "atom.xml";
  context["has_charts"] = false;
  if (page > 1) {
    // Later pages show what they list, not the group's count: a document added to the group
    // changes only the pages it shifts, not every page of the group.
    context[singular].as_object().erase("count");
  } else {  // the first page also shows the group's charts
    Value charts = charts_value(site, std::string(kind.product), group->get_string("slug"));
    context["has_charts"] = charts.find("has_charts")->as_bool();
    context["charts"] = std::move(charts);
  }
  return list_page(site, theme_->has_template(singular) ? singular : "tag",
                   group_entries(site, *group, page), document_count(*group), first_url, page,
                   std::move(context));
}

SitePagesRenderer::Page SitePagesRenderer::group_index_page(const Site& site,
                                                            const std::string& product) const {
  const GroupKind& kind = group_kind(product);
  std::string title(kind.product);
  title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  Value context = base_context(site, title, url_of(site, "/" + std::string(kind.folder)), product);
  context[product] = Value::array();
  for (const Value& group : groups_of(site, product))
    context[product].push_back(group_summary(group));
  return {product, std::move(context)};
}

SitePagesRenderer::Page SitePagesRenderer::archive_page(const Site& site) const {
  Value context = base_context(site, "Archive", url_of(site, "/archive/"), "archive");
  return {"archive", std::move(context), {site.documents.begin(), site.documents.end()}, true};
}

SitePagesRenderer::Page SitePagesRenderer::threads_page(const Site& site) const {
  Value context = base_context(site, "Threads", url_of(site, "/threads/"), "threads");
  const Value* threads = site.data.find("threads");
  const Value::Array none;
  const Value::Array& all = threads && threads->is_array() ? threads->as_array() : none;
  const Value* count = site.data.find("thread_count");
  long total = count != nullptr && count->is_int() ? static_cast<long>(count->as_int())
                                                   : static_cast<long>(all.size());
  Value::Array shown(all.begin(),
                     all.begin() + std::min(static_cast<long>(all.size()), kThreadsPageLimit));
  for (Value& entry : shown) add_review_mentions(entry, site);
  auto shown_count = static_cast<long>(shown.size());
  context["threads"] = Value(std::move(shown));
  context["thread_total"] = total;
  context["thread_shown"] = shown_count;
  context["is_capped"] = total > shown_count;
  return {"threads", std::move(context)};
}

SitePagesRenderer::Page SitePagesRenderer::trends_page(const Site& site) const {
  Value context = base_context(site, "Trends", url_of(site, "/trends/"), "trends");
  context["trends"] = trends_value(site);
  context["charts"] = charts_value(site, "site");
  return {"trends", std::move(context)};
}

SitePagesRenderer::Page SitePagesRenderer::not_found_page(const Site& site) const {
  Value context = base_context(site, "Page not found", url_of(site, "/404.html"), "404");
  return {"404", std::move(context)};
}

}  // namespace digestif::plugins::pages
