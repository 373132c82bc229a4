// CoNLL-U reading and the derivation of gold chunks from dependency trees.
#include "tagger/internal/corpus.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace actorgraph::tagger::internal {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t b = 0;
  while (true) {
    std::size_t t = line.find('\t', b);
    cols.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
    if (t == std::string_view::npos) break;
    b = t + 1;
  }
  return cols;
}

int ParseInt(std::string_view s) {
  int v = -1;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() ? v : -1;
}

// A surface token: a multiword token's line or a word not inside one.
struct Surface {
  std::string form;
  int first = 0, last = 0;  // 0-based word indices, inclusive
  bool space_after = true;
};

// Gives every word its span in the text; when the forms do not match the text, rebuilds
// the text from the forms.
void PlaceWords(Sentence* s, const std::vector<Surface>& surfaces) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::size_t pos = 0;
    bool ok = true;
    for (const Surface& sf : surfaces) {
      while (pos < s->text.size() && (s->text[pos] == ' ' || s->text[pos] == '\t')) ++pos;
      if (s->text.compare(pos, sf.form.size(), sf.form) != 0) {
        ok = false;
        break;
      }
      std::string spelled;
      for (int w = sf.first; w <= sf.last; ++w) spelled += s->words[w].form;
      std::uint32_t at = static_cast<std::uint32_t>(pos);
      for (int w = sf.first; w <= sf.last; ++w) {
        Word& word = s->words[w];
        std::uint32_t len = static_cast<std::uint32_t>(word.form.size());
        if (spelled == sf.form) {
          word.start = at, word.end = at + len;
          at += len;
        } else {
          word.start = static_cast<std::uint32_t>(pos), word.end = static_cast<std::uint32_t>(pos + sf.form.size());
        }
      }
      pos += sf.form.size();
    }
    if (ok) return;
    s->text.clear();
    for (const Surface& sf : surfaces) s->text += sf.form + (sf.space_after ? " " : "");
    while (!s->text.empty() && s->text.back() == ' ') s->text.pop_back();
    s->text_rebuilt = true;
  }
}

struct Reader {
  const std::string& path;
  const std::set<std::string>* docs;
  std::vector<Sentence>* out;
  Sentence cur;
  std::vector<Surface> surfaces;
  int mwt_last = -1;  // 1-based id of the last word of the open multiword token

  void Finish() {
    std::string doc = cur.doc;  // before the move below empties it
    if (!cur.words.empty() && (docs == nullptr || docs->count(cur.doc) != 0)) {
      PlaceWords(&cur, surfaces);
      out->push_back(std::move(cur));
    }
    cur = Sentence();
    cur.doc = doc;
    surfaces.clear();
    mwt_last = -1;
  }

  Status Line(std::string_view line, std::size_t number) {
    if (line.empty()) {
      Finish();
      return Status::Ok();
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc id = ")) cur.doc = std::string(line.substr(14));
      if (line.starts_with("# text = ")) cur.text = std::string(line.substr(9));
      return Status::Ok();
    }
    auto cols = SplitTabs(line);
    auto bad = [&](const char* what) {
      return Status::BadInput(path + ": line " + std::to_string(number) + ": " + what);
    };
    if (cols.size() != 10) return bad("expected 10 tab-separated columns");
    bool space_after = cols[9].find("SpaceAfter=No") == std::string_view::npos;
    std::size_t dash = cols[0].find('-');
    if (cols[0].find('.') != std::string_view::npos) return Status::Ok();
    if (dash != std::string_view::npos) {
      int a = ParseInt(cols[0].substr(0, dash)), b = ParseInt(cols[0].substr(dash + 1));
      if (a != static_cast<int>(cur.words.size()) + 1 || b < a) return bad("bad multiword token range");
      surfaces.push_back({std::string(cols[1]), a - 1, b - 1, space_after});
      mwt_last = b;
      return Status::Ok();
    }
    int id = ParseInt(cols[0]);
    if (id != static_cast<int>(cur.words.size()) + 1) return bad("word ids out of order");
    Word w;
    w.form = cols[1], w.lemma = cols[2], w.xpos = cols[4], w.deprel = cols[7];
    if (!ParseUpos(cols[3], &w.upos)) return bad("unknown UPOS");
    w.head = ParseInt(cols[6]);
    if (w.head < 0) return bad("bad head");
    cur.words.push_back(std::move(w));
    if (id > mwt_last) surfaces.push_back({std::string(cols[1]), id - 1, id - 1, space_after});
    return Status::Ok();
  }
};

}  // namespace

Status ReadConllu(const std::string& path, const std::set<std::string>* docs, std::vector<Sentence>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open");
  Reader reader{path, docs, out, {}, {}, -1};
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ACTORGRAPH_RETURN_IF_ERROR(reader.Line(line, number));
  }
  reader.Finish();
  return Status::Ok();
}

Status ReadOpenDocs(const std::string& genres_tsv, std::set<std::string>* docs) {
  std::ifstream in(genres_tsv, std::ios::binary);
  if (!in) return Status::Io(genres_tsv + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    auto cols = SplitTabs(line);
    if (cols.size() >= 7 && cols.back() == "open") docs->insert(std::string(cols[0]));
  }
  if (docs->empty()) return Status::BadInput(genres_tsv + ": no document of class \"open\"");
  return Status::Ok();
}

std::vector<Token> WordTokens(const Sentence& s) {
  std::vector<Token> t;
  t.reserve(s.words.size());
  for (const Word& w : s.words) t.push_back({w.start, w.end});
  return t;
}

}  // namespace actorgraph::tagger::internal
