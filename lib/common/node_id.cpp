#include "common/node_id.hpp"

namespace actorgraph::node_id {

bool IsValid(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id) {
    if (!IsIdByte(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsPlain(std::string_view id) { return IsValid(id) && id.find("__") == std::string_view::npos; }

std::string FromString(std::string_view raw) {
  if (IsPlain(raw)) return std::string(raw);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(raw.size() + 8);
  for (const char ch : raw) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsIdByte(c) && c != '_') {
      out += ch;
    } else {
      out += "__";
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  if (out.empty()) out = "__";
  return out;
}

}  // namespace actorgraph::node_id
