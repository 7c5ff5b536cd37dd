// RelatedRun: made into bytes by the memo's format (related_memo.h).
#include "plugins/site_analysis/related_run.h"

#include "plugins/site_analysis/related_memo.h"

namespace digestif::plugins::site_analysis {

std::string RelatedRun::bytes() const { return related_memo(*this); }

}  // namespace digestif::plugins::site_analysis
