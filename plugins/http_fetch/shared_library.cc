// SharedLibrary: dlopen() and dlsym(), with what to install when they fail.
#include "plugins/http_fetch/shared_library.h"

#include <dlfcn.h>

#include "core/diagnostic.h"

namespace digestif::plugins::http_fetch {

SharedLibrary::SharedLibrary(std::string soname, std::string package, std::string purpose)
    : soname_(std::move(soname)), package_(std::move(package)), purpose_(std::move(purpose)) {
  handle_ = ::dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr)
    throw Error("", 0,
                "cannot load " + soname_ + " (" + ::dlerror() + "); install " + package_ + " to " +
                    purpose_);
}

void* SharedLibrary::symbol(const char* name) const {
  void* function = ::dlsym(handle_, name);
  if (function == nullptr)
    throw Error("", 0,
                soname_ + " has no " + name + "; install the " + package_ +
                    " of this Debian release to " + purpose_);
  return function;
}

}  // namespace digestif::plugins::http_fetch
