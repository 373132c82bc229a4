// actorgraph — the small tab-separated lexicon files of data/lexicons/.
//
// Format: UTF-8; lines starting with '#' and blank lines are comments; the first other line
// is a header naming the columns; each further line has exactly that many tab-separated
// fields (trailing empty fields may be left out).
#pragma once

#include "common/status.hpp"

#include <string>
#include <vector>

namespace actorgraph::tsv {

struct Row {
  std::size_t line = 0;             // 1-based line number in the file
  std::vector<std::string> fields;  // as many as the header has columns
};

// Reads `path`, checks that the header has the `expected` columns (in that order; more are
// allowed) and returns the rows. Errors: kIo when unreadable; kBadInput "file:line: ..."
// for invalid UTF-8, a wrong header or a row with too many fields.
Status Read(const std::string& path, const std::vector<std::string>& expected, std::vector<Row>* rows);

}  // namespace actorgraph::tsv
