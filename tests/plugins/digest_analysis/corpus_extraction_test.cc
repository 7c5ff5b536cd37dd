// Corpus test: thread extraction over the real digest sample against its reference extraction.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "plugins/digest_analysis/digest_parser.h"

namespace {

namespace fs = std::filesystem;
using digestif::plugins::digest_analysis::extract_threads;
using digestif::plugins::digest_analysis::Thread;

const fs::path kCorpus = DIGESTIF_CORPUS_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// The body after a leading "---" ... "---" front matter, and the file line it starts at.
std::pair<std::string_view, int> strip_front_matter(std::string_view text) {
  if (text.rfind("---\n", 0) != 0) return {text, 1};
  std::size_t end = text.find("\n---\n", 3);
  if (end == std::string_view::npos) return {text, 1};
  std::string_view head = text.substr(0, end + 5);
  return {text.substr(head.size()),
          1 + static_cast<int>(std::count(head.begin(), head.end(), '\n'))};
}

struct Reference {
  std::string url;
  std::optional<long> score;
  std::vector<std::string> flairs;
  std::string title;
};

std::vector<Reference> read_reference(const fs::path& path) {
  std::ifstream in(path);
  nlohmann::json json = nlohmann::json::parse(in);
  std::vector<Reference> threads;
  for (const auto& t : json.at("threads")) {
    Reference r;
    if (!t.at("url").is_null()) r.url = t.at("url").get<std::string>();
    if (!t.at("score").is_null()) r.score = t.at("score").get<long>();
    r.flairs = t.at("flair").get<std::vector<std::string>>();
    r.title = t.at("title").get<std::string>();
    threads.push_back(std::move(r));
  }
  return threads;
}

/// Reference threads found among the extracted ones (same url, score and flairs; each extracted
/// thread counts once). Misses are appended to `misses`.
int count_found(const std::vector<Reference>& reference, const std::vector<Thread>& threads,
                const std::string& name, std::vector<std::string>& misses) {
  std::vector<bool> used(threads.size(), false);
  int found = 0;
  for (const Reference& r : reference) {
    bool hit = false;
    for (std::size_t i = 0; i < threads.size() && !hit; ++i) {
      const Thread& t = threads[i];
      hit = !used[i] && t.url == r.url && t.score == r.score && t.flairs == r.flairs;
      if (hit) used[i] = true;
    }
    if (hit)
      ++found;
    else
      misses.push_back(name + ": " + r.title + " <" + r.url + ">");
  }
  return found;
}

struct CorpusPresent {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result present = fs::is_directory(kCorpus / "digests");
    present.message() << "corpus folder " << kCorpus.string() << " is absent; test skipped";
    return present;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus_extraction)

BOOST_AUTO_TEST_CASE(reference_threads_are_found,
                     *boost::unit_test::precondition(CorpusPresent())) {
  int total = 0;
  int found = 0;
  int files = 0;
  std::vector<std::string> misses;
  for (const auto& entry : fs::directory_iterator(kCorpus / "digests")) {
    if (entry.path().extension() != ".md") continue;
    fs::path expected = kCorpus / "expected" / (entry.path().stem().string() + ".json");
    if (!fs::exists(expected)) continue;
    std::string text = read_file(entry.path());
    auto [body, first_line] = strip_front_matter(text);
    auto extraction = extract_threads(body, entry.path().string(), first_line);
    std::vector<Reference> reference = read_reference(expected);
    total += static_cast<int>(reference.size());
    found += count_found(reference, extraction.threads, entry.path().filename().string(), misses);
    ++files;
  }
  for (const std::string& miss : misses) BOOST_TEST_MESSAGE("miss: " << miss);
  double ratio = total == 0 ? 0.0 : static_cast<double>(found) / total;
  BOOST_TEST_MESSAGE("corpus: " << files << " files, " << found << "/" << total
                                << " reference threads found (" << 100.0 * ratio << "%)");
  BOOST_TEST(files > 0);
  BOOST_TEST(ratio >= 0.99);
}

BOOST_AUTO_TEST_SUITE_END()
