// SharedLibrary: a library opened under its soname on first use, and its functions looked up by
// name, so a command that fetches nothing does not load it and what it needs.
#pragma once

#include <string>

namespace digestif::plugins::http_fetch {

class SharedLibrary {
 public:
  /// Opens `soname`, which Debian's `package` installs, needed to `purpose` ("fetch over
  /// HTTP"); throws Error saying so when it cannot. It stays open until the process ends.
  SharedLibrary(std::string soname, std::string package, std::string purpose);

  /// Sets `function` to the library's function `name`; throws Error when it has none.
  template <typename Function>
  void bind(const char* name, Function& function) const {
    function = reinterpret_cast<Function>(symbol(name));
  }

 private:
  void* symbol(const char* name) const;

  std::string soname_, package_, purpose_;
  void* handle_ = nullptr;
};

}  // namespace digestif::plugins::http_fetch
