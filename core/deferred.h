// Deferred: a value that may be decoded only when it is first read (a restored document's HTML
// and analysis data, which most builds never read).
#pragma once

#include <functional>
#include <memory>
#include <utility>

#include "core/once.h"

namespace digestif {

/// Holds a T, or a way to make it: then the first get() makes it, once, even when several
/// threads read at once. Copies share what is made. Writing through edit() or assignment makes
/// this copy hold its own value.
template <typename T>
class Deferred {
 public:
  using Make = std::function<T()>;

  Deferred() = default;
  Deferred(T value) : own_(std::move(value)) {}  // NOLINT: a Deferred is written like a T
  Deferred& operator=(T value) {
    own_ = std::move(value);
    later_.reset();
    return *this;
  }

  /// Nothing made yet: `make` runs on the first read (and again after it throws).
  static Deferred later(Make make) {
    Deferred deferred;
    deferred.later_ = std::make_shared<Later>();
    deferred.later_->make = std::move(make);
    return deferred;
  }

  const T& get() const {
    if (!later_) return own_;
    Later& later = *later_;
    later.once.call([&later] {
      later.value = later.make();
      later.make = nullptr;
    });
    return later.value;
  }
  operator const T&() const { return get(); }  // NOLINT: reads like a T

  /// The value, to change: from here on this copy holds its own.
  T& edit() {
    if (later_) {
      own_ = later_.use_count() == 1 ? std::move(const_cast<T&>(get())) : get();
      later_.reset();
    }
    return own_;
  }

  friend bool operator==(const Deferred& a, const Deferred& b) { return a.get() == b.get(); }

 private:
  struct Later {
    Once once;
    Make make;
    T value{};
  };

  T own_{};
  std::shared_ptr<Later> later_;
};

}  // namespace digestif
