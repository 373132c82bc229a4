// Per-format escaping of sanitised text (see export/internal/writers.hpp).
#include "export/internal/writers.hpp"

#include "common/json_writer.hpp"

namespace actorgraph::exports::internal {

void AppendXmlText(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;  // keeps "]]>" out of character data
      case '\r':
        out += "&#13;";
        break;  // a literal CR would be read back as LF
      default:
        out += c;
    }
  }
}

void AppendXmlAttribute(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      // Attribute-value normalisation turns literal whitespace characters into spaces.
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
}

void AppendDotString(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  out += '"';
}

void AppendJsonString(std::string& out, std::string_view text) {
  json::AppendString(out, text, {.escape_line_separators = true});
}

void AppendCsvField(std::string& out, std::string_view text) {
  const bool outer_space =
      !text.empty() && (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' || text.back() == '\t');
  if (!outer_space && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace actorgraph::exports::internal
