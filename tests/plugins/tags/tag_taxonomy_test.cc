// Tests of the tags plugin's TagTaxonomy: one slug per tag, aliases and display names.
#include "plugins/tags/tag_taxonomy.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>

namespace digestif::plugins::tags {
namespace {

const std::map<std::string, std::string> kNoAliases;

}  // namespace

BOOST_AUTO_TEST_SUITE(tag_taxonomy)

BOOST_AUTO_TEST_CASE(spellings_of_a_tag_share_its_slug) {
  TagTaxonomy taxonomy(kNoAliases);
  BOOST_TEST(taxonomy.slug_of("Machine Learning") == "machine-learning");
  BOOST_TEST(taxonomy.slug_of("machine learning") == "machine-learning");
  BOOST_TEST(taxonomy.slug_of("machine-learning") == "machine-learning");
  BOOST_TEST(taxonomy.slug_of("  MACHINE_LEARNING ") == "machine-learning");
}

BOOST_AUTO_TEST_CASE(words_written_together_are_a_separate_tag) {
  TagTaxonomy taxonomy(kNoAliases);
  BOOST_TEST(taxonomy.slug_of("machinelearning") == "machinelearning");
  BOOST_TEST(taxonomy.slug_of("MachineLearning") == "machinelearning");
}

BOOST_AUTO_TEST_CASE(tag_without_letters_has_an_empty_slug) {
  TagTaxonomy taxonomy(kNoAliases);
  BOOST_TEST(taxonomy.slug_of("!!!") == "");
  BOOST_TEST(taxonomy.slug_of("") == "");
}

BOOST_AUTO_TEST_CASE(aliases_map_a_tag_to_another) {
  TagTaxonomy taxonomy({{"ml", "machine-learning"}, {"MachineLearning", "Machine Learning"}});
  BOOST_TEST(taxonomy.slug_of("ML") == "machine-learning");
  BOOST_TEST(taxonomy.slug_of("ml") == "machine-learning");
  BOOST_TEST(taxonomy.slug_of("machinelearning") == "machine-learning");
  BOOST_TEST(taxonomy.slug_of("Machine Learning") == "machine-learning");
  BOOST_TEST(taxonomy.slug_of("deep learning") == "deep-learning");
}

BOOST_AUTO_TEST_CASE(display_name_is_the_most_common_spelling) {
  TagTaxonomy taxonomy(kNoAliases);
  taxonomy.count_spelling("machine learning");
  taxonomy.count_spelling("Machine Learning");
  taxonomy.count_spelling("Machine Learning");
  taxonomy.count_spelling("machine-learning");
  BOOST_TEST(taxonomy.name_of("machine-learning") == "Machine Learning");
}

BOOST_AUTO_TEST_CASE(ties_go_to_the_alphabetically_first_spelling) {
  TagTaxonomy taxonomy(kNoAliases);
  taxonomy.count_spelling("machine learning");
  taxonomy.count_spelling("Machine Learning");
  BOOST_TEST(taxonomy.name_of("machine-learning") == "Machine Learning");
  TagTaxonomy other(kNoAliases);
  other.count_spelling("b-tag");
  other.count_spelling("B Tag");
  BOOST_TEST(other.name_of("b-tag") == "B Tag");
}

BOOST_AUTO_TEST_CASE(unseen_slug_is_shown_as_itself) {
  TagTaxonomy taxonomy(kNoAliases);
  BOOST_TEST(taxonomy.name_of("never-used") == "never-used");
}

BOOST_AUTO_TEST_CASE(an_alias_spelling_never_becomes_the_display_name) {
  TagTaxonomy taxonomy(std::map<std::string, std::string>{{"ml", "machine-learning"}});
  taxonomy.count_spelling("ML");
  taxonomy.count_spelling("ML");
  taxonomy.count_spelling("ML");
  taxonomy.count_spelling("Machine Learning");
  BOOST_TEST(taxonomy.name_of("machine-learning") == "Machine Learning");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::tags
