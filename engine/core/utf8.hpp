#pragma once
// UTF-8 checks for text that reaches JSON output (names, paths, --set values): nlohmann::json refuses to
// serialise invalid UTF-8, so every reader checks (or decodes, data_adapters/csv/text_decoding.hpp) text
// where it enters.
#include <cstddef>
#include <string>
#include <string_view>

namespace abt {

/// Byte offset of the first invalid UTF-8 sequence of `text` (overlong forms, surrogates and code points
/// above U+10FFFF are invalid), or text.size() when it is all valid.
size_t first_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) {
  return first_invalid_utf8(text) == text.size();
}

/// `text` with every invalid sequence replaced by U+FFFD, for messages and descriptive fields.
std::string utf8_for_display(std::string_view text);

}  // namespace abt
