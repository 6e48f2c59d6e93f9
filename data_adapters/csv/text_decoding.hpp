#pragma once
// Decoding the bytes of a text input (CSV files, qlib calendars and instrument lists) to UTF-8, which is
// what abt stores and writes (dataset headers and result.json are UTF-8 JSON). Contract:
//   - valid UTF-8 (with or without a byte order mark) is taken as it is;
//   - anything else is decoded as GB18030, the superset of GBK and GB2312 that Chinese vendor exports use
//     (e.g. a `name` column written by Excel on a Chinese Windows), with glibc's iconv; the result is UTF-8;
//   - bytes that are neither stop with DataError "PATH:LINE: expected UTF-8 or GB18030 (GBK) text, got the
//     byte 0xNN at column C".
// A GB18030 file is never mistaken for UTF-8 in practice (its two-byte sequences are invalid UTF-8 unless
// the file is ASCII, which both encodings agree on); a Latin-1 file is not supported and may decode as
// GB18030.
#include <string>

namespace abt::csv {

struct DecodedText {
  std::string text;           // UTF-8 (a leading byte order mark removed)
  bool from_gb18030 = false;  // true when the bytes were converted
};

/// Decodes `bytes` read from `path` (named in errors). Throws DataError.
DecodedText decode_text(std::string bytes, const std::string& path);

}  // namespace abt::csv
