// Filename facts: parsing "YYYY-MM-DD_<subreddit>" stems and naming subreddits.
#include "plugins/digest_format/filename_facts.h"

#include <array>
#include <cctype>
#include <utility>

namespace digestif::plugins::digest_format {
namespace {

/// Display names of the subreddits the digests cover, as their own digests write them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kKnownSubreddits = {{
    {"claudeai", "ClaudeAI"},
    {"dataengineering", "Data Engineering"},
    {"datascience", "Data Science"},
    {"localllama", "LocalLLaMA"},
    {"machinelearning", "Machine Learning"},
    {"openai", "OpenAI"},
    {"singularity", "Singularity"},
    {"stablediffusion", "Stable Diffusion"},
}};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

FilenameFacts filename_facts(std::string_view stem) {
  FilenameFacts facts;
  if (stem.size() < 10) return facts;
  facts.date = parse_date(stem.substr(0, 10));
  if (!facts.date || stem.size() < 12 || (stem[10] != '_' && stem[10] != '-')) return facts;
  std::string_view rest = stem.substr(11);
  for (char c : rest)
    if (!is_name_char(c)) return facts;
  facts.subreddit = lower(rest);
  return facts;
}

std::string subreddit_title(std::string_view subreddit) {
  for (const auto& [name, display] : kKnownSubreddits)
    if (name == subreddit) return std::string(display) + " Subreddit";
  std::string title(subreddit);
  if (!title.empty())
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title + " Subreddit";
}

}  // namespace digestif::plugins::digest_format
