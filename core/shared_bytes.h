// SharedBytes: a view of bytes with what keeps them where they are (a mapped file, a string).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace digestif {

/// Bytes that stay where they are while their owner lives.
struct SharedBytes {
  std::string_view view;
  std::shared_ptr<const void> owner;
  /// `text`, moved into a string that the result owns.
  static SharedBytes of(std::string text) {
    auto owned = std::make_shared<const std::string>(std::move(text));
    return {*owned, owned};
  }
};

}  // namespace digestif
