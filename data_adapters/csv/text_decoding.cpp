#include "data_adapters/csv/text_decoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "engine/core/error.hpp"
#include "engine/core/utf8.hpp"

namespace abt::csv {
namespace {

/// "PATH:LINE: ... column C" for the byte at `offset` of `bytes`.
[[noreturn]] void refuse(const std::string& bytes, size_t offset, const std::string& path) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02x",
                offset < bytes.size() ? static_cast<unsigned char>(bytes[offset]) : 0);
  throw DataError(path + ":" + std::to_string(line) +
                  ": expected UTF-8 or GB18030 (GBK) text, got the byte " + byte + " at column " +
                  std::to_string(offset - line_start + 1));
}

/// Closes the conversion descriptor on every path out.
class Converter {
 public:
  Converter() : cd_(::iconv_open("UTF-8", "GB18030")) {}
  ~Converter() {
    if (ok()) ::iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

}  // namespace

DecodedText decode_text(std::string bytes, const std::string& path) {
  DecodedText out;
  const size_t bad = first_invalid_utf8(bytes);
  if (bad == bytes.size()) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
    out.text = std::move(bytes);
    return out;
  }
  const Converter converter;
  if (!converter.ok())
    throw DataError(
        path + ": is not UTF-8, and GB18030 decoding is not available (iconv: " + std::strerror(errno) + ")");
  // GB18030 needs at most 4 bytes per character, UTF-8 at most 4 per character: 2x is ample, and
  // E2BIG grows the buffer anyway.
  std::string text(bytes.size() * 2 + 16, '\0');
  char* in = bytes.data();
  size_t in_left = bytes.size();
  char* outp = text.data();
  size_t out_left = text.size();
  while (in_left > 0) {
    if (::iconv(converter.get(), &in, &in_left, &outp, &out_left) != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      const size_t used = static_cast<size_t>(outp - text.data());
      text.resize(text.size() * 2);
      outp = text.data() + used;
      out_left = text.size() - used;
      continue;
    }
    refuse(bytes, static_cast<size_t>(in - bytes.data()), path);  // EILSEQ or EINVAL (truncated sequence)
  }
  text.resize(static_cast<size_t>(outp - text.data()));
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // GB18030's byte order mark, now UTF-8
  out.text = std::move(text);
  out.from_gb18030 = true;
  return out;
}

}  // namespace abt::csv
