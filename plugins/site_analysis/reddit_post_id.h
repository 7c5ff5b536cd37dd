// Reddit post ids: the id a Reddit link names, whatever form the link takes.
#pragma once

#include <string>
#include <string_view>

namespace digestif::plugins::site_analysis {

/// The post id of a Reddit link, lowercased: ".../comments/<id>/..." (www., old., new. or no
/// subdomain, with or without a trailing slash), "https://redd.it/<id>" or
/// "reddit.com/gallery/<id>"; "" for any other URL. An id is a run of ASCII letters and digits.
std::string reddit_post_id(std::string_view url);

}  // namespace digestif::plugins::site_analysis
