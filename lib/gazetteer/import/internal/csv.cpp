// Plain CSV (RFC 4180) -> gazetteer entities.
//
// SYNTAX. UTF-8 (a leading byte-order mark is ignored), records end at "\n" or "\r\n",
// fields are separated by ','. A field that starts with '"' (spaces before it are allowed)
// is quoted: it runs to the next lone '"', "" stands for one '"', and it may span lines (the
// line break is kept as "\n"); only spaces may follow the closing quote. Any other field
// runs to the next ',' and must not contain '"'. Empty lines are skipped.
//
// HEADER. The first record names the columns, in any order, case-insensitively:
//   name, kind          required
//   id                  [A-Za-z0-9._:-]+; derived when empty (below)
//   aliases             '|'-separated
//   country             ISO 3166-1 alpha-2 (upper-cased): the affiliated country, or for a
//                       row of kind country its own code (written as `code`)
//   role, role_of, title, from, to     one role: key, entity id it is held in, human title,
//                                      ISO dates (YYYY, YYYY-MM, YYYY-MM-DD), from <= to
//   wikidata            Q followed by digits
// An unknown or repeated column, or a missing name/kind, fails the whole file.
//
// ROWS. Values are trimmed and runs of white space inside them (line breaks of a quoted
// field included) become one space. kind is one of person, organization, country, location, group
// (any case). Rows with the same explicit id are one entity: the first row's name and kind
// stand (later rows must agree), aliases and roles accumulate — one row per role held.
// A row without id gets "<prefix>:<slug of the name>" (prefix person, org, country, place,
// group by kind; a country with a country code gets "country:<code>"), made unique in input
// order with -2, -3, ... after every explicit id is known, so derived ids never take an
// explicit one. The slug is ICU "Any-Latin; Latin-ASCII; Lower" with other characters
// turned into '-': "Джейхун Байрамов" -> person:dzejhun-bajramov.
//
// MALFORMED (file:line: what): a record whose field count differs from the header's, an
// unterminated quoted field (reported at the line of its opening quote; the lines after it
// are then read again as records), a stray quote, text after a closing quote, an empty name,
// an unknown kind, a bad id, country, date, date order or wikidata id, role columns without
// a role, rows of one id that disagree, invalid UTF-8.
#include "gazetteer/import/internal/formats.hpp"

#include "common/iso_date.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace actorgraph::gazetteer::import_internal {
namespace {

constexpr std::array<std::string_view, 11> kColumns = {"id",      "name",  "kind", "aliases", "country", "role",
                                                       "role_of", "title", "from", "to",      "wikidata"};
enum Column : std::size_t { kId, kName, kKind, kAliases, kCountry, kRole, kRoleOf, kTitle, kFrom, kTo, kWikidata };

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kKinds = {{
    {"person", "person"},
    {"organization", "org"},
    {"country", "country"},
    {"location", "place"},
    {"group", "group"},
}};

bool IsIdCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '-';
}

bool IsValidId(std::string_view id) { return !id.empty() && std::all_of(id.begin(), id.end(), IsIdCharacter); }

// `text` trimmed, with every run of spaces, tabs and line breaks inside it made one space
// (a quoted field may span lines; a name should not).
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : Trim(text)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct PhysicalLine {
  std::string text;
  std::size_t number = 0;
  bool bad = false;  // invalid UTF-8 (already reported)
};

struct Pending {
  Entity entity;
  bool explicit_id = false;
  std::string where;  // file:line of the first row
};

}  // namespace

struct CsvImporter::State {
  ImportContext* context = nullptr;
  std::vector<Pending> entities;
  std::unordered_map<std::string, std::size_t> by_id;  // explicit id -> index in entities
};

namespace {

class CsvReader {
 public:
  CsvReader(const std::string& path, ImportContext* context, CsvImporter::State* state)
      : path_(path), context_(context), state_(state) {}

  Status Run() {
    ACTORGRAPH_RETURN_IF_ERROR(reader_.Open(path_));
    std::vector<std::string> fields;
    std::size_t line = 0;
    bool got = false;
    ACTORGRAPH_RETURN_IF_ERROR(NextRecord(&fields, &line, &got));
    if (!got) {
      context_->Warn(fmt::format("{}: empty file, no header", path_));
      return reader_.status();
    }
    header_line_ = line;
    ACTORGRAPH_RETURN_IF_ERROR(ReadHeader(fields));
    in_header_ = false;
    std::size_t rows = 0;
    while (true) {
      ACTORGRAPH_RETURN_IF_ERROR(NextRecord(&fields, &line, &got));
      if (!got) break;
      ++rows;
      ACTORGRAPH_RETURN_IF_ERROR(HandleRow(fields, line));
    }
    ACTORGRAPH_RETURN_IF_ERROR(reader_.status());
    if (rows == 0) context_->Warn(fmt::format("{}: no rows after the header", path_));
    return Status::Ok();
  }

 private:
  // A malformed record: fatal while reading the header, a skippable row after it.
  Status BadRecord(std::size_t line, const std::string& what) {
    std::string message = fmt::format("{}:{}: {}", path_, line, what);
    if (in_header_) return Status::BadInput(std::move(message));
    return context_->BadRow(std::move(message));
  }

  Status NextLine(PhysicalLine* out, bool* got) {
    *got = true;
    if (!pushed_back_.empty()) {
      *out = std::move(pushed_back_.front());
      pushed_back_.pop_front();
      return Status::Ok();
    }
    std::string_view text;
    if (!reader_.Next(&text)) {
      *got = false;
      return reader_.status();
    }
    out->number = reader_.line_number();
    if (in_header_) {
      // The header is not a row that could be skipped.
      std::string message = InvalidUtf8Message(path_, reader_, text);
      if (!message.empty()) return Status::BadInput(std::move(message));
    }
    ACTORGRAPH_RETURN_IF_ERROR(context_->CheckUtf8(path_, reader_, text, &out->bad));
    if (out->number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    out->text.assign(text);
    return Status::Ok();
  }

  // Reads the next well-formed record into *fields (its first line in *line); *got is false
  // at the end of the input. Malformed records are reported and passed over.
  Status NextRecord(std::vector<std::string>* fields, std::size_t* line, bool* got) {
    while (true) {
      PhysicalLine first;
      ACTORGRAPH_RETURN_IF_ERROR(NextLine(&first, got));
      if (!*got) return Status::Ok();
      if (first.bad || first.text.empty()) continue;
      *line = first.number;
      bool ok = false;
      ACTORGRAPH_RETURN_IF_ERROR(ParseRecord(std::move(first), fields, &ok));
      if (ok) return Status::Ok();
    }
  }

  Status ParseRecord(PhysicalLine first, std::vector<std::string>* fields, bool* ok) {
    *ok = false;
    fields->clear();
    std::deque<PhysicalLine> continuation;  // lines a quoted field spilled onto (stable addresses)
    const PhysicalLine* current = &first;
    std::size_t i = 0;
    std::string field;
    while (true) {
      const std::string& text = current->text;
      // Start of a field: skip spaces to see whether it is quoted.
      std::size_t j = i;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
      if (j < text.size() && text[j] == '"') {
        const std::size_t quote_line = current->number;
        const std::size_t quote_column = j + 1;
        std::size_t k = j + 1;
        const PhysicalLine* at = current;
        while (true) {
          const std::string& t = at->text;
          if (k >= t.size()) {
            // The field continues on the next line.
            PhysicalLine next;
            bool got = false;
            ACTORGRAPH_RETURN_IF_ERROR(NextLine(&next, &got));
            if (!got) {
              // Read the lines after the opening one again as records of their own.
              for (auto it = continuation.rbegin(); it != continuation.rend(); ++it) {
                pushed_back_.push_front(std::move(*it));
              }
              return BadRecord(quote_line, fmt::format("unterminated quoted field (the quote at column {} "
                                                       "never closes)",
                                                       quote_column));
            }
            if (next.bad) return Status::Ok();  // reported; the record is dropped
            field.push_back('\n');
            continuation.push_back(std::move(next));
            at = &continuation.back();
            k = 0;
            continue;
          }
          if (t[k] == '"') {
            if (k + 1 < t.size() && t[k + 1] == '"') {
              field.push_back('"');
              k += 2;
              continue;
            }
            ++k;  // closing quote
            break;
          }
          field.push_back(t[k]);
          ++k;
        }
        current = at;
        const std::string& rest = current->text;
        while (k < rest.size() && (rest[k] == ' ' || rest[k] == '\t')) ++k;
        if (k < rest.size() && rest[k] != ',') {
          return BadRecord(current->number, fmt::format("unexpected text after the closing quote at column {}", k + 1));
        }
        fields->push_back(std::move(field));
        field.clear();
        if (k >= rest.size()) break;
        i = k + 1;
        continue;
      }
      const std::size_t comma = text.find(',', i);
      const std::size_t end = comma == std::string::npos ? text.size() : comma;
      const std::size_t quote = text.find('"', i);
      if (quote != std::string::npos && quote < end) {
        return BadRecord(current->number, fmt::format("stray quote at column {} in an unquoted field (quote the "
                                                      "field and double the quotes inside it)",
                                                      quote + 1));
      }
      fields->emplace_back(text.substr(i, end - i));
      if (comma == std::string::npos) break;
      i = comma + 1;
    }
    *ok = true;
    return Status::Ok();
  }

  Status ReadHeader(const std::vector<std::string>& fields) {
    columns_.assign(fields.size(), kColumns.size());
    std::array<bool, kColumns.size()> present{};
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string name = ascii::Lower(Trim(fields[i]));
      const auto it = std::find(kColumns.begin(), kColumns.end(), name);
      if (it == kColumns.end()) {
        return Status::BadInput(
            fmt::format("{}:{}: unknown column '{}' (known: id, name, kind, aliases, country, role, "
                        "role_of, title, from, to, wikidata)",
                        path_, header_line_, Excerpt(Trim(fields[i]))));
      }
      const auto index = static_cast<std::size_t>(it - kColumns.begin());
      if (present[index]) {
        return Status::BadInput(fmt::format("{}:{}: column '{}' appears twice", path_, header_line_, name));
      }
      present[index] = true;
      columns_[i] = index;
    }
    if (!present[kName] || !present[kKind]) {
      return Status::BadInput(fmt::format("{}:{}: the header must name the columns, with 'name' and 'kind' among them",
                                          path_, header_line_));
    }
    return Status::Ok();
  }

  // The fields of a row by column (a column the header lacks is empty), spaces collapsed.
  using Values = std::array<std::string, kColumns.size()>;

  // Each step reads some columns of a row into the entity, or returns what is wrong with
  // them (the row is then refused, or skipped with skip_bad_rows, as BadRecord says).
  using Problem = std::optional<std::string>;

  Status HandleRow(const std::vector<std::string>& fields, std::size_t line) {
    if (fields.size() != columns_.size()) {
      return BadRecord(line, fmt::format("expected {} fields, found {}", columns_.size(), fields.size()));
    }
    Values values{};
    for (std::size_t i = 0; i < fields.size(); ++i) values[columns_[i]] = CollapseSpaces(fields[i]);
    Entity e;
    for (const auto step : {&CsvReader::ReadNameKindId, &CsvReader::ReadAliases, &CsvReader::ReadCountry,
                            &CsvReader::ReadRole, &CsvReader::ReadWikidata}) {
      if (Problem problem = (this->*step)(values, &e)) return BadRecord(line, *problem);
    }
    e.source = fmt::format("csv:{}:{}", Basename(path_), line);
    return Store(std::move(e), line);
  }

  Problem ReadNameKindId(const Values& v, Entity* e) {
    if (v[kName].empty()) return "empty name";
    e->name = v[kName];
    const std::string kind = ascii::Lower(v[kKind]);
    const auto kind_it = std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& k) { return k.first == kind; });
    if (kind_it == kKinds.end()) {
      return fmt::format("unknown kind '{}' (expected person, organization, country, location or group)",
                         Excerpt(v[kKind]));
    }
    e->kind = kind;
    if (!v[kId].empty() && !IsValidId(v[kId])) {
      return fmt::format("bad id '{}' (only letters, digits and . _ : - are allowed)", Excerpt(v[kId]));
    }
    e->id = v[kId];
    return std::nullopt;
  }

  // `aliases` is a '|'-separated list; empty items are dropped.
  Problem ReadAliases(const Values& v, Entity* e) {
    std::string_view aliases = v[kAliases];
    while (!aliases.empty()) {
      const std::size_t bar = aliases.find('|');
      const std::string_view alias = Trim(aliases.substr(0, bar));
      if (!alias.empty()) e->aliases.emplace_back(alias);
      aliases = bar == std::string_view::npos ? std::string_view{} : aliases.substr(bar + 1);
    }
    return std::nullopt;
  }

  Problem ReadCountry(const Values& v, Entity* e) {
    if (v[kCountry].empty()) return std::nullopt;
    const std::string_view c = v[kCountry];
    const auto letter = [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'); };
    if (c.size() != 2 || !letter(c[0]) || !letter(c[1])) {
      return fmt::format("bad country '{}' (expected an ISO 3166-1 alpha-2 code such as AZ)", Excerpt(c));
    }
    // A country's own code is its `code`; anything else is affiliated with `country`.
    (e->kind == "country" ? e->code : e->country) = ascii::Upper(c);
    return std::nullopt;
  }

  Problem ReadRole(const Values& v, Entity* e) {
    if (v[kRole].empty()) {
      for (const Column c : {kRoleOf, kTitle, kFrom, kTo}) {
        if (!v[c].empty()) return fmt::format("'{}' given without a role", kColumns[c]);
      }
      return std::nullopt;
    }
    Role role;
    role.role = v[kRole];
    if (!v[kRoleOf].empty() && !IsValidId(v[kRoleOf])) {
      return fmt::format("bad role_of '{}' (expected an entity id)", Excerpt(v[kRoleOf]));
    }
    role.of = v[kRoleOf];
    role.title = v[kTitle];
    for (const Column c : {kFrom, kTo}) {
      if (!v[c].empty() && !iso_date::IsValid(v[c])) {
        return fmt::format("bad date '{}' in column {} (expected YYYY, YYYY-MM or YYYY-MM-DD)", Excerpt(v[c]),
                           kColumns[c]);
      }
    }
    role.from = v[kFrom];
    role.to = v[kTo];
    if (!role.from.empty() && !role.to.empty() && iso_date::Earliest(role.from) > iso_date::Latest(role.to)) {
      return fmt::format("from {} is after to {}", role.from, role.to);
    }
    e->roles.push_back(std::move(role));
    return std::nullopt;
  }

  Problem ReadWikidata(const Values& v, Entity* e) {
    if (v[kWikidata].empty()) return std::nullopt;
    const std::string w = ascii::Upper(v[kWikidata]);
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool ok = w.size() >= 2 && w[0] == 'Q' && w[1] != '0' && std::all_of(w.begin() + 1, w.end(), digit);
    if (!ok) return fmt::format("bad wikidata id '{}' (expected Q and digits)", Excerpt(v[kWikidata]));
    e->wikidata = w;
    return std::nullopt;
  }

  // A row without an id waits for one (EmitAll); one with a new id is kept under it; one
  // whose id an earlier row gave is merged into that row's entity.
  Status Store(Entity e, std::size_t line) {
    if (e.id.empty()) {
      state_->entities.push_back(Pending{std::move(e), false, fmt::format("{}:{}", path_, line)});
      return Status::Ok();
    }
    const auto found = state_->by_id.find(e.id);
    if (found == state_->by_id.end()) {
      state_->by_id.emplace(e.id, state_->entities.size());
      state_->entities.push_back(Pending{std::move(e), true, fmt::format("{}:{}", path_, line)});
      return Status::Ok();
    }
    return Merge(&state_->entities[found->second], std::move(e), line);
  }

  Status Merge(Pending* into, Entity e, std::size_t line) {
    Entity& target = into->entity;
    if (target.kind != e.kind || target.name != e.name) {
      return BadRecord(line, fmt::format("id '{}' was given to '{}' ({}) at {}; rows sharing an "
                                         "id must have the same name and kind",
                                         e.id, Excerpt(target.name), target.kind, into->where));
    }
    for (const auto& [mine, theirs, what] :
         {std::tuple{&target.country, &e.country, "country"}, std::tuple{&target.code, &e.code, "country"},
          std::tuple{&target.wikidata, &e.wikidata, "wikidata"}}) {
      if (!mine->empty() && !theirs->empty() && *mine != *theirs) {
        return BadRecord(
            line, fmt::format("{} '{}' of id '{}' differs from '{}' at {}", what, *theirs, e.id, *mine, into->where));
      }
    }
    if (target.country.empty()) target.country = e.country;
    if (target.code.empty()) target.code = e.code;
    if (target.wikidata.empty()) target.wikidata = e.wikidata;
    for (std::string& alias : e.aliases) target.aliases.push_back(std::move(alias));
    for (Role& role : e.roles) {
      const bool seen = std::any_of(target.roles.begin(), target.roles.end(), [&](const Role& r) {
        return r.role == role.role && r.of == role.of && r.title == role.title && r.from == role.from &&
               r.to == role.to;
      });
      if (!seen) target.roles.push_back(std::move(role));
    }
    return Status::Ok();
  }

  const std::string& path_;
  ImportContext* context_;
  CsvImporter::State* state_;
  LineReader reader_;
  std::deque<PhysicalLine> pushed_back_;
  bool in_header_ = true;
  std::size_t header_line_ = 1;
  std::vector<std::size_t> columns_;  // field index -> Column
};

}  // namespace

CsvImporter::CsvImporter(ImportContext* context) : state_(std::make_unique<State>()) { state_->context = context; }
CsvImporter::~CsvImporter() = default;

Status CsvImporter::ReadFile(const std::string& path) {
  CsvReader reader(path, state_->context, state_.get());
  return reader.Run();
}

void CsvImporter::EmitAll() {
  ImportContext* context = state_->context;
  for (Pending& p : state_->entities) {
    if (p.explicit_id) context->ClaimId(p.entity.id);
  }
  for (Pending& p : state_->entities) {
    Entity& e = p.entity;
    if (!p.explicit_id) {
      const auto kind = std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& k) { return k.first == e.kind; });
      std::string base;
      if (e.kind == "country" && !e.code.empty()) {
        base = "country:" + e.code;
      } else {
        const std::string slug = context->slugger().Slug(e.name);
        base = fmt::format("{}:{}", kind->second, slug.empty() ? "unnamed" : slug);
      }
      e.id = context->UniqueId(base);
    }
    context->Emit(e);
  }
  state_->entities.clear();
  state_->by_id.clear();
}

}  // namespace actorgraph::gazetteer::import_internal
