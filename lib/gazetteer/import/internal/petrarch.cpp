// TABARI/PETRARCH actor (and agent) dictionaries -> gazetteer entities.
//
// GRAMMAR (what this reader accepts; learnt from the Phoenix and PETR.Validate files of
// openeventdata/petrarch2 and from PETRARCH's own reader)
//
//   Comments, removed before anything else:
//     '#' to the end of the line (anywhere: "ZIMBABWE [ZBW]#jw 9/30/91");
//     "<!--" to the next "-->", possibly lines later;
//     any other "<!" (e.g. "<! -- NEW ACTORS -->") to "-->" on the same line or the line end.
//     A "<!--" still open at the end of the file is malformed.
//   A line that is empty after that is a separator. Then, by its first character:
//
//   name line   PHRASE [ '{' PLURAL? '}' ] ( '[' CODE ']' )*
//               starts an actor block. PHRASE is words joined by '_' or spaces; a trailing
//               '_' (TABARI's "whole word" mark) is dropped. "VLADIMIR_PUTIN_" is "Vladimir
//               Putin". PLURAL (agent files) is an extra form, kept as an alias. Inline codes
//               apply to the block like code lines.
//   synonym     '+' PHRASE                      an alias of the current block.
//   code line   ('[' CODE ']')+  (indented or not) codes of the current block.
//   subst. set  '!' NAME '!' '=' WORD (',' WORD)*   (agent files) defines !NAME! (NAME is
//               letters); a PHRASE containing !NAME! stands for one phrase per WORD
//               ("CONGRESS!PERSON!" -> CONGRESSMAN, CONGRESSMEN, ...). Other '!'s are text.
//
//   CODE      ::= ID [ DATES ]            whitespace allowed around '<', '>' and '-'
//   ID        ::= '---'                   TABARI's null code: no role is recorded
//               | ['~'] PART ('/' PART)* ['~']    PART = letters and digits, upper-cased;
//                                         a '~' marks an agent code ("[~GOV]", "[NGO~]");
//                                         "A/B" gives one role per part
//   DATES     ::= '>' DATE                role from DATE on
//               | '<' DATE                role until DATE
//               | DATE '-' DATE           role from the first to the second DATE
//               | DATE                    from DATE on (what PETRARCH does with a bare date)
//   DATE      ::= YYMMDD | YYYYMMDD       a valid calendar date; YY 00-30 is 20YY, 31-99
//                                         19YY (TABARI's rule). Other lengths are malformed.
//
// BLOCKS. A block is a name line with the synonyms and code lines after it. One deliberate
// reading beyond PETRARCH: a name line that directly follows a block which has no codes yet
// (no separator or comment line between) continues that block as an alias. The Phoenix files
// list name variants that way ("LEONID_BREZHNEV_" / "LEONID_ILYICH_BREZHNEV" / ... then the
// codes), and TABARI gave a code-less entry the codes of the entry after it; PETRARCH instead
// leaves every line but the last without codes.
//
// AGENTS. A block with a '~' code is an agent (a role noun such as MINISTER [~GOV]), not an
// actor. Agents are skipped with one warning per file, or, with
// ImportOptions::petrarch_agents, become `group` entities "petrarch:agent:<slug>" whose role
// is the code as written ("~GOV"). Plurals are not generated (only an explicit {PLURAL}).
//
// ENTITIES. One per actor block: id "petrarch:<slug of the name>" (-2, -3, ... for repeats,
// in input order), name and aliases prettified, roles {"role": CODE, "of": "", "title": "",
// "from", "to"} in file order (identical ones once), source "petrarch:<file>:<line>". The
// kind is decided from the codes, in this order:
//   country       a code without an end date is a country code: three letters that are an
//                 ISO 3166-1 alpha-3 or CAMEO country code ([RUS], [ARM >911221]), or six
//                 letters country + ISO alpha-3 of a dependent territory ([GBRGIB]; AUT, IND
//                 and MUS are excluded as they double as CAMEO sector/religion codes).
//                 `alpha3` is that code, `code` its ISO alpha-2 where one exists (SUN has
//                 none), `country` the parent's alpha-2 for a territory; a block whose codes
//                 all have end dates is a country when one of them is a three-letter country
//                 code ([CSK 19181001-19930101]: a state that no longer exists);
//   person        the name line's comment names the generated leader lists ("CountryInfo",
//                 "IGOrulers"); or a code's last three letters are ELI (CAMEO "elite", given
//                 only to individuals); or a code has dates and the name has no institution
//                 word (ARMY, COUNCIL, PARTY, MINISTRY, ...);
//   organization  everything else (ministries, parties, armed groups, IGOs, NGOs, firms).
// `country` of a person or organization: the ISO alpha-2 of the first code (open-ended ones
// first) that starts with a country code, or, for multinationals (MNC...), whose second
// three letters are one.
//
// MALFORMED (file:line: what): a bad or empty code, a bad date, a range ending before it
// starts, unbalanced brackets or braces, text after the codes, a synonym or code line before
// any name, an undefined !NAME!, invalid UTF-8, an unterminated "<!--". With skip_bad_rows
// the offending line is dropped; a dropped name line that starts a block takes the whole
// block (its synonyms and code lines) with it.
#include "gazetteer/import/internal/formats.hpp"

#include "common/iso_date.hpp"
#include "common/utf8.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace actorgraph::gazetteer::import_internal {
namespace {

constexpr std::size_t kMaxExpansions = 256;  // substitution sets multiply; stop runaway ones

struct Code {
  std::string id;  // as written, upper-cased: "RUSGOV", "~GOV", "ELR/GAL", "---"
  std::string from;
  std::string to;
  bool agent = false;
};

struct Block {
  std::size_t line = 0;
  std::string comment;               // the '#' comment of the name line
  std::vector<std::string> phrases;  // raw; the first is the name
  std::vector<Code> codes;
  bool separated = false;  // a separator line came after the block's last line
  bool continuable() const { return codes.empty() && !separated; }
};

// Whether `phrase` has at least one letter or digit besides '_' and punctuation.
bool HasWordCharacter(std::string_view phrase) {
  std::size_t pos = 0;
  while (pos < phrase.size()) {
    const char32_t cp = utf8::Next(phrase, pos);
    if (u_isalnum(static_cast<UChar32>(cp))) return true;
  }
  return false;
}

bool IsCodePart(std::string_view part) {
  if (part.empty()) return false;
  return std::all_of(part.begin(), part.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// Parses the text between '[' and ']'. On failure returns false with *error set.
bool ParseCode(std::string_view text, Code* code, std::string* error) {
  text = Trim(text);
  if (text.empty()) {
    *error = "empty code '[]'";
    return false;
  }
  std::size_t id_end = 0;
  while (id_end < text.size() && text[id_end] != ' ' && text[id_end] != '\t' && text[id_end] != '<' &&
         text[id_end] != '>') {
    ++id_end;
  }
  std::string_view id = text.substr(0, id_end);
  std::string_view dates = Trim(text.substr(id_end));
  if (id != "---") {
    std::string_view core = id;
    if (!core.empty() && core.front() == '~') {
      code->agent = true;
      core.remove_prefix(1);
    } else if (!core.empty() && core.back() == '~') {
      code->agent = true;
      core.remove_suffix(1);
    }
    bool ok = !core.empty();
    while (ok && !core.empty()) {
      const std::size_t slash = core.find('/');
      ok = IsCodePart(core.substr(0, slash));
      core = slash == std::string_view::npos ? std::string_view{} : core.substr(slash + 1);
      if (slash != std::string_view::npos && core.empty()) ok = false;
    }
    if (!ok) {
      *error = fmt::format("bad code '{}' (expected letters and digits, e.g. [RUSGOV])", Excerpt(id));
      return false;
    }
  }
  code->id = ascii::Upper(id);
  if (dates.empty()) return true;

  auto parse_date = [&](std::string_view digits, std::string* out) {
    const auto date = PetrarchDate(Trim(digits));
    if (!date) {
      *error = fmt::format("bad date '{}' in [{}] (expected YYMMDD or YYYYMMDD)", Excerpt(Trim(digits)), Excerpt(text));
      return false;
    }
    *out = *date;
    return true;
  };
  if (dates.front() == '>') return parse_date(dates.substr(1), &code->from);
  if (dates.front() == '<') return parse_date(dates.substr(1), &code->to);
  const std::size_t dash = dates.find('-');
  if (dash == std::string_view::npos) return parse_date(dates, &code->from);
  if (!parse_date(dates.substr(0, dash), &code->from)) return false;
  if (!parse_date(dates.substr(dash + 1), &code->to)) return false;
  if (code->from > code->to) {
    *error = fmt::format("date range in [{}] ends before it starts", Excerpt(text));
    return false;
  }
  return true;
}

// Words that mark a name as an institution rather than a person (upper case).
bool IsInstitutionWord(std::string_view word) {
  static constexpr std::array<std::string_view, 80> kWords = {
      "ACADEMY",    "ADMINISTRATION", "AGENCY",      "ALLIANCE",     "ARMY",         "ASSEMBLY",    "ASSOCIATION",
      "AUTHORITY",  "BANK",           "BATTALION",   "BRIGADE",      "BRIGADES",     "BUREAU",      "CABINET",
      "CENTER",     "CENTRE",         "CHAMBER",     "COALITION",    "COMMAND",      "COMMISSION",  "COMMITTEE",
      "COMPANY",    "CONGRESS",       "CORPORATION", "CORPS",        "COUNCIL",      "COURT",       "DECLARATION",
      "DEPARTMENT", "DIRECTORATE",    "DIVISION",    "EMBASSY",      "FEDERATION",   "FORCE",       "FORCES",
      "FOUNDATION", "FRONT",          "FUND",        "GOVERNMENT",   "GROUP",        "GUARD",       "GUARDS",
      "HARAKAT",    "HIZB",           "INSTITUTE",   "JABHAT",       "JAISH",        "JAYSH",       "KATAIB",
      "LEAGUE",     "LIWA",           "LIWAA",       "MILITIA",      "MINISTRY",     "MISSION",     "MOVEMENT",
      "NETWORK",    "OBSERVATORY",    "OFFICE",      "ORGANISATION", "ORGANIZATION", "PALACE",      "PARLIAMENT",
      "PARTY",      "POLICE",         "REGIME",      "REPUBLIC",     "REPUBLICA",    "SECRETARIAT", "SERVICE",
      "SERVICES",   "SFSR",           "SOCIETY",     "SOVIET",       "STATE",        "TANK",        "TEAM",
      "TRIBUNAL",   "UNION",          "UNIVERSITY",
  };
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

bool HasInstitutionWord(std::string_view phrase) {
  const std::string upper = ascii::Upper(phrase);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= upper.size(); ++i) {
    if (i == upper.size() || upper[i] == '_' || upper[i] == ' ' || upper[i] == '-') {
      if (i > start && IsInstitutionWord(std::string_view(upper).substr(start, i - start))) {
        return true;
      }
      start = i + 1;
    }
  }
  return false;
}

// Alpha-3 codes that also serve as CAMEO sector or religion codes, so XXXAUT, XXXIND and
// XXXMUS are not read as dependent territories.
bool AmbiguousTerritory(std::string_view alpha3) { return alpha3 == "AUT" || alpha3 == "IND" || alpha3 == "MUS"; }

// The countries a code names: *own is the entity's own code when the code is a country or
// territory code (alpha-3 and alpha-2), *parent the alpha-2 of the country it belongs to.
struct CountryReading {
  bool is_country = false;
  std::string alpha3;
  std::string alpha2;
  std::string parent_alpha2;  // territories: the parent country
};

CountryReading ReadCountryCode(std::string_view id) {
  CountryReading r;
  bool known = false;
  if (id.size() == 3) {
    const std::string_view a2 = CameoCountryAlpha2(id, &known);
    if (known) {
      r.is_country = true;
      r.alpha3 = std::string(id);
      r.alpha2 = std::string(a2);
    }
  } else if (id.size() == 6) {
    const std::string_view parent = CameoCountryAlpha2(id.substr(0, 3), &known);
    const std::string_view territory = IsoAlpha2(id.substr(3, 3));
    if (known && !territory.empty() && !AmbiguousTerritory(id.substr(3, 3))) {
      r.is_country = true;
      r.alpha3 = std::string(id.substr(3, 3));
      r.alpha2 = std::string(territory);
      r.parent_alpha2 = std::string(parent);
    }
  }
  return r;
}

// Alpha-2 of the country a (non-country) code is affiliated with, or "".
std::string AffiliatedCountry(std::string_view id) {
  if (id.size() >= 3) {
    const std::string_view a2 = CameoCountryAlpha2(id.substr(0, 3));
    if (!a2.empty()) return std::string(a2);
  }
  if (id.size() >= 6 && id.substr(0, 3) == "MNC") return std::string(IsoAlpha2(id.substr(3, 3)));
  return {};
}

class PetrarchReader {
 public:
  PetrarchReader(const std::string& path, ImportContext* context)
      : path_(path), source_prefix_("petrarch:" + Basename(path) + ":"), context_(context) {}

  Status Run() {
    LineReader reader;
    ACTORGRAPH_RETURN_IF_ERROR(reader.Open(path_));
    std::string_view line;
    while (reader.Next(&line)) {
      line_ = reader.line_number();
      bool bad_utf8 = false;
      ACTORGRAPH_RETURN_IF_ERROR(context_->CheckUtf8(path_, reader, line, &bad_utf8));
      if (bad_utf8) {
        // Dropping a synonym, code or comment line loses only that line; anything else may
        // be a name line, and its block goes with it.
        const std::string_view t = Trim(line);
        const bool name_line =
            !in_xml_comment_ && !t.empty() && t.front() != '+' && t.front() != '[' && t.front() != '#';
        if (name_line) StartDiscarding();
        continue;
      }
      ACTORGRAPH_RETURN_IF_ERROR(HandleLine(line));
    }
    ACTORGRAPH_RETURN_IF_ERROR(reader.status());
    if (in_xml_comment_) {
      ACTORGRAPH_RETURN_IF_ERROR(context_->BadRow(fmt::format("{}:{}: unterminated '<!--' comment", path_, xml_line_)));
    }
    Finish();
    if (agents_skipped_ > 0) {
      context_->Warn(
          fmt::format("{}: {} agent entries (codes with '~') skipped: agents are role nouns, not actors "
                      "(import them with the agents option)",
                      path_, agents_skipped_));
    }
    if (emitted_ == 0) context_->Warn(fmt::format("{}: no entities", path_));
    return Status::Ok();
  }

 private:
  Status Bad(const std::string& what) { return context_->BadRow(fmt::format("{}:{}: {}", path_, line_, what)); }

  // Removes comments; *comment receives the text after '#'.
  std::string StripComments(std::string_view raw, std::string* comment) {
    std::string out;
    std::size_t i = 0;
    while (i < raw.size()) {
      if (in_xml_comment_) {
        const std::size_t end = raw.find("-->", i);
        if (end == std::string_view::npos) return out;
        in_xml_comment_ = false;
        i = end + 3;
        continue;
      }
      const std::size_t hash = raw.find('#', i);
      const std::size_t xml = raw.find("<!", i);
      if (hash == std::string_view::npos && xml == std::string_view::npos) {
        out.append(raw.substr(i));
        break;
      }
      if (hash < xml) {
        out.append(raw.substr(i, hash - i));
        *comment = std::string(Trim(raw.substr(hash + 1)));
        break;
      }
      out.append(raw.substr(i, xml - i));
      if (raw.substr(xml, 4) == "<!--") {
        in_xml_comment_ = true;
        xml_line_ = line_;
        i = xml + 4;
      } else {
        const std::size_t end = raw.find("-->", xml);
        if (end == std::string_view::npos) break;
        i = end + 3;
      }
    }
    return out;
  }

  Status HandleLine(std::string_view raw) {
    std::string comment;
    const std::string stripped = StripComments(raw, &comment);
    const std::string_view text = Trim(stripped);
    if (text.empty()) {
      if (block_) block_->separated = true;
      return Status::Ok();
    }
    if (text.front() == '[') return HandleCodeLine(text);
    if (text.front() == '+') return HandleSynonym(text.substr(1));
    if (text.front() == '!' && text.find('=') != std::string_view::npos) {
      return HandleSubstitutionSet(text);
    }
    return HandleNameLine(text, std::move(comment));
  }

  // Reads "[..] [..] ..." from `text`; false (with the error reported) when malformed.
  Status ParseCodes(std::string_view text, std::vector<Code>* codes, bool* ok) {
    *ok = false;
    while (!text.empty()) {
      if (text.front() != '[') {
        return Bad(fmt::format("unexpected text '{}' after the codes", Excerpt(text)));
      }
      const std::size_t close = text.find(']');
      const std::size_t reopen = text.find('[', 1);
      if (close == std::string_view::npos || (reopen != std::string_view::npos && reopen < close)) {
        return Bad(fmt::format("unbalanced '[' in '{}'", Excerpt(text)));
      }
      Code code;
      std::string error;
      if (!ParseCode(text.substr(1, close - 1), &code, &error)) return Bad(error);
      codes->push_back(std::move(code));
      text = Trim(text.substr(close + 1));
    }
    *ok = true;
    return Status::Ok();
  }

  Status HandleCodeLine(std::string_view text) {
    if (discarding_) {
      context_->CountSkipped(1);
      return Status::Ok();
    }
    if (!block_) return Bad("code line before any actor name");
    std::vector<Code> codes;
    bool ok = false;
    ACTORGRAPH_RETURN_IF_ERROR(ParseCodes(text, &codes, &ok));
    if (!ok) return Status::Ok();
    for (Code& c : codes) block_->codes.push_back(std::move(c));
    block_->separated = false;
    return Status::Ok();
  }

  Status HandleSynonym(std::string_view text) {
    if (discarding_) {
      context_->CountSkipped(1);
      return Status::Ok();
    }
    if (!block_) return Bad("synonym before any actor name");
    text = Trim(text);
    bool ok = false;
    std::vector<std::string> phrases;
    ACTORGRAPH_RETURN_IF_ERROR(CheckPhrase(text, "synonym", &phrases, &ok));
    if (!ok) return Status::Ok();
    for (std::string& p : phrases) block_->phrases.push_back(std::move(p));
    block_->separated = false;
    return Status::Ok();
  }

  Status HandleSubstitutionSet(std::string_view text) {
    if (block_) block_->separated = true;
    const std::size_t close = text.find('!', 1);
    const std::size_t eq = text.find('=');
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (close == std::string_view::npos || close == 1 || close > eq ||
        !std::all_of(text.begin() + 1, text.begin() + static_cast<std::ptrdiff_t>(close), letter) ||
        !Trim(text.substr(close + 1, eq - close - 1)).empty()) {
      return Bad(fmt::format("bad substitution set '{}' (expected !NAME! = WORD, WORD, ...)", Excerpt(text)));
    }
    std::vector<std::string> words;
    std::string_view list = text.substr(eq + 1);
    while (true) {
      const std::size_t comma = list.find(',');
      const std::string_view word = Trim(list.substr(0, comma));
      if (!word.empty()) words.emplace_back(word);
      if (comma == std::string_view::npos) break;
      list = list.substr(comma + 1);
    }
    if (words.empty()) return Bad(fmt::format("empty substitution set '{}'", Excerpt(text)));
    substitutions_[std::string(text.substr(0, close + 1))] = std::move(words);
    return Status::Ok();
  }

  // Expands the !NAME! markers of `phrase` into *out; false (with *error) on an undefined
  // one. A marker is '!', letters, '!'; any other '!' is text ("YAHOO!_INC_").
  bool Expand(const std::string& phrase, std::vector<std::string>* out, std::string* error) {
    std::size_t open = phrase.find('!');
    std::size_t close = std::string::npos;
    while (open != std::string::npos) {
      close = phrase.find('!', open + 1);
      if (close == std::string::npos) break;
      const bool letters =
          close > open + 1 && std::all_of(phrase.begin() + static_cast<std::ptrdiff_t>(open + 1),
                                          phrase.begin() + static_cast<std::ptrdiff_t>(close),
                                          [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
      if (letters) break;
      open = close;
      close = std::string::npos;
    }
    if (open == std::string::npos || close == std::string::npos) {
      if (out->size() < kMaxExpansions) out->push_back(phrase);
      return true;
    }
    const std::string marker = phrase.substr(open, close - open + 1);
    const auto it = substitutions_.find(marker);
    if (it == substitutions_.end()) {
      *error = fmt::format("undefined substitution marker {}", Excerpt(marker));
      return false;
    }
    for (const std::string& word : it->second) {
      if (!Expand(phrase.substr(0, open) + word + phrase.substr(close + 1), out, error)) {
        return false;
      }
    }
    return true;
  }

  // Validates a name or synonym phrase and expands its markers into *phrases.
  Status CheckPhrase(std::string_view phrase, std::string_view what, std::vector<std::string>* phrases, bool* ok) {
    *ok = false;
    const std::size_t stray = phrase.find_first_of("[]{}");
    if (stray != std::string_view::npos) {
      return Bad(fmt::format("unbalanced '{}' in {} '{}'", phrase[stray], what, Excerpt(phrase)));
    }
    if (!HasWordCharacter(phrase)) {
      return Bad(fmt::format("empty {}{}", what, phrase.empty() ? "" : fmt::format(" '{}'", Excerpt(phrase))));
    }
    std::string error;
    if (!Expand(std::string(phrase), phrases, &error)) return Bad(error);
    *ok = true;
    return Status::Ok();
  }

  Status HandleNameLine(std::string_view text, std::string comment) {
    std::size_t phrase_end = text.find_first_of("[{");
    if (phrase_end == std::string_view::npos) phrase_end = text.size();
    const std::string_view phrase = Trim(text.substr(0, phrase_end));
    std::string_view rest = text.substr(phrase_end);

    const bool continues = block_ && !discarding_ && block_->continuable();
    if (!continues) {
      Finish();
    }
    // A malformed line that starts a block drops the block; one that continues a block is
    // dropped alone.
    std::vector<std::string> phrases;
    bool ok = false;
    ACTORGRAPH_RETURN_IF_ERROR(CheckPhrase(phrase, "name", &phrases, &ok));
    if (ok && !rest.empty() && rest.front() == '{') {
      const std::size_t close = rest.find('}');
      if (close == std::string_view::npos) {
        ok = false;
        ACTORGRAPH_RETURN_IF_ERROR(Bad(fmt::format("unbalanced '{{' in '{}'", Excerpt(rest))));
      } else {
        const std::string_view plural = Trim(rest.substr(1, close - 1));
        if (!plural.empty()) {
          ok = false;
          ACTORGRAPH_RETURN_IF_ERROR(CheckPhrase(plural, "plural", &phrases, &ok));
        }
        rest = Trim(rest.substr(close + 1));
      }
    }
    std::vector<Code> codes;
    if (ok) ACTORGRAPH_RETURN_IF_ERROR(ParseCodes(rest, &codes, &ok));
    if (!ok) {
      if (!continues) StartDiscarding();
      return Status::Ok();
    }
    discarding_ = false;
    if (!continues) {
      block_ = Block{};
      block_->line = line_;
      block_->comment = std::move(comment);
    }
    for (std::string& p : phrases) block_->phrases.push_back(std::move(p));
    for (Code& c : codes) block_->codes.push_back(std::move(c));
    block_->separated = false;
    return Status::Ok();
  }

  void StartDiscarding() {
    block_.reset();
    discarding_ = true;
  }

  void Finish() {
    if (!block_) return;
    Block block = std::move(*block_);
    block_.reset();
    Emit(block);
  }

  void Emit(const Block& block) {
    const bool agent = std::any_of(block.codes.begin(), block.codes.end(), [](const Code& c) { return c.agent; });
    if (agent && !context_->options().petrarch_agents) {
      ++agents_skipped_;
      return;
    }
    Entity e;
    e.name = PrettifyPetrarchName(block.phrases.front());
    for (std::size_t i = 1; i < block.phrases.size(); ++i) {
      e.aliases.push_back(PrettifyPetrarchName(block.phrases[i]));
    }
    for (const Code& c : block.codes) {
      if (c.id == "---") continue;
      std::string_view parts = c.id;
      while (!parts.empty()) {
        const std::size_t slash = parts.find('/');
        Role role{std::string(parts.substr(0, slash)), "", "", c.from, c.to};
        if (c.agent && slash != std::string_view::npos) {
          // keep the agent mark on every part: "~A/B" -> "~A", "~B"
          if (c.id.front() == '~' && role.role.front() != '~') role.role = "~" + role.role;
          if (c.id.back() == '~' && role.role.back() != '~') role.role.push_back('~');
        }
        const bool seen = std::any_of(e.roles.begin(), e.roles.end(), [&](const Role& r) {
          return r.role == role.role && r.from == role.from && r.to == role.to;
        });
        if (!seen) e.roles.push_back(std::move(role));
        parts = slash == std::string_view::npos ? std::string_view{} : parts.substr(slash + 1);
      }
    }
    const std::string slug = context_->slugger().Slug(block.phrases.front());
    e.id =
        context_->UniqueId((agent ? "petrarch:agent:" : "petrarch:") + (slug.empty() ? std::string("unnamed") : slug));
    if (agent) {
      e.kind = "group";
    } else {
      Classify(block, &e);
    }
    e.source = source_prefix_ + std::to_string(block.line);
    context_->Emit(e);
    ++emitted_;
  }

  void Classify(const Block& block, Entity* e) {
    // Open-ended codes first: they say what the actor is now.
    std::vector<const Code*> ordered;
    for (const Code& c : block.codes) {
      if (c.id != "---" && c.to.empty()) ordered.push_back(&c);
    }
    const std::size_t open_count = ordered.size();
    for (const Code& c : block.codes) {
      if (c.id != "---" && !c.to.empty()) ordered.push_back(&c);
    }
    for (std::size_t i = 0; i < open_count; ++i) {
      const CountryReading r = ReadCountryCode(ordered[i]->id);
      if (r.is_country) {
        e->kind = "country";
        e->alpha3 = r.alpha3;
        e->code = r.alpha2;
        e->country = r.parent_alpha2;
        return;
      }
    }
    if (open_count == 0) {
      // Only dated codes: a state that no longer exists ([CSK 19181001-19930101]).
      for (const Code* c : ordered) {
        const CountryReading r = ReadCountryCode(c->id);
        if (r.is_country && c->id.size() == 3) {
          e->kind = "country";
          e->alpha3 = r.alpha3;
          e->code = r.alpha2;
          return;
        }
      }
    }
    const bool generated_person =
        block.comment.find("CountryInfo") != std::string::npos || block.comment.find("IGOrulers") != std::string::npos;
    const bool elite = std::any_of(ordered.begin(), ordered.end(), [](const Code* c) {
      return c->id.size() % 3 == 0 && c->id.size() >= 3 && c->id.ends_with("ELI");
    });
    const bool dated =
        std::any_of(ordered.begin(), ordered.end(), [](const Code* c) { return !c->from.empty() || !c->to.empty(); });
    const bool person = generated_person || elite || (dated && !HasInstitutionWord(block.phrases.front()));
    e->kind = person ? "person" : "organization";
    for (const Code* c : ordered) {
      std::string country = AffiliatedCountry(c->id);
      if (!country.empty()) {
        e->country = std::move(country);
        break;
      }
    }
  }

  const std::string& path_;
  const std::string source_prefix_;
  ImportContext* context_;
  std::size_t line_ = 0;
  bool in_xml_comment_ = false;
  std::size_t xml_line_ = 0;
  std::optional<Block> block_;
  bool discarding_ = false;  // the current block's head was malformed and skipped
  std::unordered_map<std::string, std::vector<std::string>> substitutions_;
  std::size_t agents_skipped_ = 0;
  std::size_t emitted_ = 0;
};

bool IsMinorWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 17> kMinor = {"of", "the", "and", "for", "in",  "on",  "at", "by", "to",
                                                              "de", "du",  "des", "da",  "dos", "das", "et", "und"};
  return std::find(kMinor.begin(), kMinor.end(), lower) != kMinor.end();
}

// Three or more capitals and no vowel (CNN, BBC, KGB): kept as written. Words with a digit
// too (G77). Abbreviations with a dot (ST., MR.) and Mrs are title-cased instead.
bool IsAsciiAcronym(std::string_view word) {
  std::size_t letters = 0;
  for (const char c : word) {
    if (c >= '0' && c <= '9') return true;
    if ((c >= 'a' && c <= 'z') || c == '.' || static_cast<unsigned char>(c) >= 0x80) return false;
    if (c >= 'A' && c <= 'Z') {
      if (std::string_view("AEIOUY").find(c) != std::string_view::npos) return false;
      ++letters;
    }
  }
  return letters >= 3 && word != "MRS";
}

}  // namespace

std::optional<std::string> PetrarchDate(std::string_view digits) {
  if (digits.size() != 6 && digits.size() != 8) return std::nullopt;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto number = [&](std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (digits[i] - '0');
    return v;
  };
  int year = 0;
  std::size_t pos = 0;
  if (digits.size() == 8) {
    year = number(0, 4);
    pos = 4;
  } else {
    year = number(0, 2);
    year += year <= 30 ? 2000 : 1900;
    pos = 2;
  }
  const int month = number(pos, 2);
  const int day = number(pos + 2, 2);
  if (!iso_date::IsValidDay(year, month, day)) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string PrettifyPetrarchName(std::string_view raw) {
  // Words: split on '_' and whitespace.
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= raw.size(); ++i) {
    if (i == raw.size() || raw[i] == '_' || raw[i] == ' ' || raw[i] == '\t') {
      if (i > start) words.push_back(raw.substr(start, i - start));
      start = i + 1;
    }
  }
  std::string out;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view word = words[w];
    if (w) out.push_back(' ');
    if (IsAsciiAcronym(word)) {
      out.append(word);
      continue;
    }
    const std::string lower = ascii::Lower(word);
    if (w > 0 && IsMinorWord(lower)) {
      out.append(lower);
      continue;
    }
    bool capitalise = true;
    std::size_t pos = 0;
    std::size_t index = 0;  // code points seen in this word
    while (pos < word.size()) {
      const char32_t cp = utf8::Next(word, pos);
      const auto c = static_cast<UChar32>(cp);
      if (u_isalpha(c)) {
        utf8::Append(out, static_cast<char32_t>(capitalise ? u_totitle(c) : u_tolower(c)));
        capitalise = false;
      } else {
        utf8::Append(out, cp);
        if (cp == '-' || cp == '(' || cp == '"' || cp == '/' || cp == '.' || cp == '`') {
          capitalise = true;
        } else if (cp == '\'') {
          capitalise = index <= 1;  // 'Aziz, O'Brien; but People's
        } else {
          capitalise = false;
        }
      }
      ++index;
    }
  }
  return out;
}

Status ImportPetrarchFile(const std::string& path, ImportContext* context) {
  PetrarchReader reader(path, context);
  return reader.Run();
}

}  // namespace actorgraph::gazetteer::import_internal
