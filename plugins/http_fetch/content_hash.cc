// SHA-256 through OpenSSL's EVP interface, of libcrypto opened on first use (linked, it would load
// with every command).
#include "plugins/http_fetch/content_hash.h"

#include <openssl/evp.h>

#include "plugins/http_fetch/shared_library.h"

namespace digestif::plugins::http_fetch {
namespace {

struct Crypto {
  decltype(&::EVP_Digest) digest;
  decltype(&::EVP_sha256) sha256;
};

Crypto open_crypto() {
  SharedLibrary library(DIGESTIF_LIBCRYPTO, "libssl3", "check fetched content");
  Crypto crypto;
  library.bind("EVP_Digest", crypto.digest);
  library.bind("EVP_sha256", crypto.sha256);
  return crypto;
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  static const Crypto crypto = open_crypto();  // once; tried again after a throw
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  crypto.digest(bytes.data(), bytes.size(), digest, &size, crypto.sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string text = "sha256:";
  for (unsigned int i = 0; i < size; ++i) {
    text += kHex[digest[i] >> 4];
    text += kHex[digest[i] & 15];
  }
  return text;
}

}  // namespace digestif::plugins::http_fetch
