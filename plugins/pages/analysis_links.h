// Analysis links: page data that joins the site analysis products (reviews, trends, charts)
// with the threads page.
#pragma once

#include <string>

#include "core/site.h"

namespace digestif::plugins::pages {

/// "/threads/#ANCHOR" when the threads page lists the catalog entry of rank `rank` (at most
/// kThreadsPageLimit), else "".
std::string threads_page_url(const Site& site, const std::string& anchor, const Value* rank);

/// For a review (data["review"]): puts ids on the `<h2>` of `html` that start its themes and
/// adds to `value` toc (each theme: title, anchor, url "#anchor", has_anchor, post_count,
/// posts), has_toc, review_posts (every linked post: title, url, has_url, upvotes,
/// has_upvotes, author, has_author, theme, theme_anchor, has_threads_page, threads_page_url),
/// has_review_posts, review_post_count, review_linked_count (posts with a threads page entry).
void add_review_outline(Value& value, std::string& html, const Document& document,
                        const Site& site);

/// site.data["trends"] with each top thread given has_threads_page and threads_page_url; an
/// empty trends value (has_months false) when no plugin made it.
Value trends_value(const Site& site);

/// site.data["charts"][group] ("site"), or [group][key] ("tags", a tag slug): a chart set (see
/// plugins/charts/chart_set.h); {has_charts: false} when there is none.
Value charts_value(const Site& site, const std::string& group, const std::string& key = {});

/// A threads page entry with reviews (from site.review_mentions: title, url, theme, theme_url)
/// and has_reviews.
void add_review_mentions(Value& entry, const Site& site);

}  // namespace digestif::plugins::pages
