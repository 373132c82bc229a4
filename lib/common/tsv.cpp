#include "common/tsv.hpp"

#include "common/utf8.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace actorgraph::tsv {

Status Read(const std::string& path, const std::vector<std::string>& expected, std::vector<Row>* rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string content = ss.str();
  if (const auto bad = utf8::FirstInvalid(content)) {
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(content.begin(), content.begin() + static_cast<long>(*bad), '\n'));
    return Status::BadInput(fmt::format("{}:{}: invalid UTF-8 (byte {} of the file)", path, line, *bad));
  }
  rows->clear();
  std::istringstream lines(content);
  std::string line;
  std::size_t line_no = 0, columns = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (columns == 0) {
      if (fields.size() < expected.size() || !std::equal(expected.begin(), expected.end(), fields.begin())) {
        return Status::BadInput(
            fmt::format("{}:{}: header must name the columns {}", path, line_no, fmt::join(expected, ", ")));
      }
      columns = fields.size();
      continue;
    }
    if (fields.size() > columns) {
      return Status::BadInput(
          fmt::format("{}:{}: {} fields, but the header has {} columns", path, line_no, fields.size(), columns));
    }
    fields.resize(columns);
    rows->push_back({line_no, std::move(fields)});
  }
  if (columns == 0) return Status::BadInput(fmt::format("{}:1: no header line", path));
  return Status::Ok();
}

}  // namespace actorgraph::tsv
