// actorgraph — a view of one tagged sentence for the event steps: words with their tags,
// lemmas, chunks and mentions, and the clause scans that find a trigger's arguments.
#pragma once

#include "analysis/analysis.hpp"
#include "events/events.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::events::internal {

using tagger::Chunk;
using tagger::Upos;

class SentenceView {
 public:
  SentenceView(analysis::Document& d, std::uint32_t sentence);

  analysis::Document& doc() const { return d_; }
  std::uint32_t sentence() const { return sentence_; }
  std::uint32_t first() const { return first_; }  // words [first, end)
  std::uint32_t end() const { return end_; }
  bool tagged() const { return end_ > first_; }

  std::string_view Text(std::uint32_t w) const;
  // The lemma in lower case (ASCII letters folded).
  const std::string& Lemma(std::uint32_t w) const { return lower_[w - first_]; }
  Upos Pos(std::uint32_t w) const { return d_.upos[w]; }
  Chunk ChunkOf(std::uint32_t w) const { return d_.chunks[w]; }
  std::int32_t MentionOf(std::uint32_t w) const { return d_.word_mention[w]; }
  bool Capitalised(std::uint32_t w) const;
  // Whether words a and b belong to one mention.
  bool SameMention(std::uint32_t a, std::uint32_t b) const;
  bool IsVerb(std::uint32_t w) const { return Pos(w) == Upos::kVerb || Pos(w) == Upos::kAux; }
  bool InNp(std::uint32_t w) const { return ChunkOf(w) == Chunk::kBeginNp || ChunkOf(w) == Chunk::kInsideNp; }
  bool InVp(std::uint32_t w) const { return ChunkOf(w) == Chunk::kBeginVp || ChunkOf(w) == Chunk::kInsideVp; }
  bool Is(std::uint32_t w, std::string_view lemma) const { return w >= first_ && w < end_ && Lemma(w) == lemma; }
  bool Possessive(std::uint32_t w) const { return Pos(w) == Upos::kPart && (Lemma(w) == "'s" || Lemma(w) == "'"); }

  // The chunk of the same kind around w: [*b, *e).
  void NpAround(std::uint32_t w, std::uint32_t* b, std::uint32_t* e) const;
  void VpAround(std::uint32_t w, std::uint32_t* b, std::uint32_t* e) const;

 private:
  analysis::Document& d_;
  std::uint32_t sentence_;
  std::uint32_t first_ = 0, end_ = 0;
  std::vector<std::string> lower_;
};

// Fills d.word_mention for the words of every tagged sentence.
void MapWordsToMentions(analysis::Document& d);

// The arguments and clause of a trigger.
struct ClauseScan {
  std::uint32_t trigger = 0;  // the trigger's head word
  std::vector<analysis::FrameArg> args;
  std::uint32_t clause_first = 0, clause_end = 0;  // words
  bool separately = false;
  bool passive = false;                     // the trigger's verb group is passive: a "by" phrase names the subject
  std::uint32_t governing_vp = UINT32_MAX;  // a light verb's or a coordinated verb's group start
  // The direct object: whether there is one, and whether it names someone (a person, a
  // reference, a country); whether a with/between/to phrase named someone.
  bool object_seen = false, object_named = false, phrase_named = false;
};

// The subject side of a verb group starting at word `vp_start`.
void ScanSubject(const SentenceView& s, const Cues& cues, std::uint32_t vp_start, int depth, ClauseScan* out);
// The object side after word `from` (one past the trigger's group).
// For a noun trigger (`nominal`), "of" opens an argument too: "a meeting of A with B".
void ScanObjects(const SentenceView& s, const Cues& cues, std::uint32_t from, bool direct_object, ClauseScan* out,
                 bool nominal = false);
// Whether the NP [b, e) refers back to people ("they", "the two leaders") or names a title
// alone ("the Secretary"); fills `arg` when it does.
bool ReferenceNp(const SentenceView& s, const Cues& cues, std::uint32_t b, std::uint32_t e, analysis::FrameArg* arg);

}  // namespace actorgraph::events::internal
