// Gold chunks from a UD dependency tree (TAGGER.md, "Chunks", is the prose version).
//
// Base NP: a nominal head -- NOUN, PROPN or PRON, or NUM not attached as nummod -- unless it
// is itself a modifier of another nominal (deprel compound, flat, fixed, goeswith; PRON as
// nmod:poss or det). Its members are the words whose path up the tree reaches the head
// through modifier relations only: det*, amod, compound*, nummod, flat*, fixed, goeswith,
// nmod:poss of a non-head (possessive pronoun), the possessive case marker ('s, '),
// punct, and -- below a modifier, not on the head itself -- advmod, conj and cc ("very
// big", "black and white"). The chunk is the contiguous run of members around the head,
// without punctuation at its edges. A possessor noun is a head of its own, so "the
// president 's" and "wife" are two chunks, as in CoNLL-2000.
//
// VP: an anchor -- VERB, or AUX that is not an auxiliary (copula, main-verb "do") -- with
// the contiguous words on its left that depend on the same predicate (the verb, or for a
// copula the word it links) as aux, aux:pass, advmod (adverbs, "not") or infinitival "to"
// (mark, PART). An auxiliary left apart from its verb ("Has he met ...") is a VP alone.
// NP membership wins over VP (a participle as amod stays inside its NP).
#include "tagger/internal/corpus.hpp"

namespace actorgraph::tagger::internal {
namespace {

std::string_view Base(std::string_view rel) { return rel.substr(0, rel.find(':')); }

bool IsNpHead(const Sentence& s, int i) {
  const Word& w = s.words[i];
  std::string_view base = Base(w.deprel);
  bool nominal = w.upos == Upos::kNoun || w.upos == Upos::kPropn || w.upos == Upos::kPron ||
                 (w.upos == Upos::kNum && base != "nummod");
  if (!nominal) return false;
  if (base == "compound" || base == "flat" || base == "fixed" || base == "goeswith") return false;
  if (w.upos == Upos::kPron && (w.deprel == "nmod:poss" || base == "det")) return false;
  return true;
}

bool IsPossessiveMarker(const Word& w) {
  return w.form == "'s" || w.form == "'" || w.form == "\u2019s" || w.form == "\u2019" || w.form == "s";
}

// Whether the edge from word x to its head keeps x inside a base NP.
bool ModifierEdge(const Sentence& s, int x) {
  const Word& w = s.words[x];
  std::string_view base = Base(w.deprel);
  int h = w.head - 1;
  bool head_is_np_head = h >= 0 && IsNpHead(s, h);
  if (base == "det" || base == "amod" || base == "compound" || base == "nummod" || base == "flat" || base == "fixed" ||
      base == "goeswith" || base == "punct")
    return w.deprel != "compound:prt";
  if (w.deprel == "nmod:poss") return !IsNpHead(s, x);
  if (base == "case") return IsPossessiveMarker(w);
  if (base == "advmod" || base == "conj" || base == "cc") return !head_is_np_head;
  return false;
}

// The NP head whose chunk word d belongs to, or -1.
int NpOwner(const Sentence& s, int d) {
  int x = d;
  for (std::size_t guard = 0; guard <= s.words.size(); ++guard) {
    if (x != d && IsNpHead(s, x)) return x;
    if (!ModifierEdge(s, x)) return -1;
    x = s.words[x].head - 1;
    if (x < 0) return -1;
  }
  return -1;
}

void MarkNps(const Sentence& s, std::vector<int>* owner, std::vector<Chunk>* out) {
  const int n = static_cast<int>(s.words.size());
  for (int i = 0; i < n; ++i) (*owner)[i] = IsNpHead(s, i) ? i : NpOwner(s, i);
  for (int h = 0; h < n; ++h) {
    if ((*owner)[h] != h) continue;
    int b = h, e = h;
    while (b > 0 && (*owner)[b - 1] == h) --b;
    while (e + 1 < n && (*owner)[e + 1] == h) ++e;
    while (b < h && s.words[b].upos == Upos::kPunct) ++b;
    while (e > h && s.words[e].upos == Upos::kPunct) --e;
    for (int i = b; i <= e; ++i) (*out)[i] = i == b ? Chunk::kBeginNp : Chunk::kInsideNp;
  }
}

bool VpModifier(const Word& q, int predicate) {
  if (q.head - 1 != predicate) return false;
  std::string_view base = Base(q.deprel);
  if (base == "aux") return q.upos == Upos::kAux;
  if (base == "advmod") return q.upos == Upos::kAdv || q.upos == Upos::kPart;
  return q.deprel == "mark" && q.upos == Upos::kPart;
}

void MarkVps(const Sentence& s, std::vector<Chunk>* out) {
  const int n = static_cast<int>(s.words.size());
  for (int a = 0; a < n; ++a) {
    const Word& w = s.words[a];
    bool anchor = w.upos == Upos::kVerb || (w.upos == Upos::kAux && Base(w.deprel) != "aux");
    if (!anchor || (*out)[a] != Chunk::kO) continue;
    int predicate = w.upos == Upos::kAux && w.deprel == "cop" ? w.head - 1 : a;
    int b = a;
    while (b > 0 && (*out)[b - 1] == Chunk::kO && VpModifier(s.words[b - 1], predicate)) --b;
    while (b < a && s.words[b].upos != Upos::kAux && s.words[b].upos != Upos::kAdv && s.words[b].upos != Upos::kPart)
      ++b;
    for (int i = b; i <= a; ++i) (*out)[i] = i == b ? Chunk::kBeginVp : Chunk::kInsideVp;
  }
  for (int a = 0; a < n; ++a)
    if (s.words[a].upos == Upos::kAux && (*out)[a] == Chunk::kO) (*out)[a] = Chunk::kBeginVp;
}

}  // namespace

std::vector<Chunk> DeriveChunks(const Sentence& s) {
  std::vector<Chunk> out(s.words.size(), Chunk::kO);
  std::vector<int> owner(s.words.size(), -1);
  MarkNps(s, &owner, &out);
  MarkVps(s, &out);
  return out;
}

}  // namespace actorgraph::tagger::internal
