// actorgraph — the event annotators and the merging helpers they share (private to the
// events stage).
#pragma once

#include "analysis/analysis.hpp"
#include "events/events.hpp"

#include <memory>
#include <vector>

namespace actorgraph::events::internal {

// Within a class, the more specific type names the merged event.
int TypeRank(const std::string& type);
// Adds `p` to `into`'s participants, or merges it into the one with its entity id (the
// higher-ranked role, the first title and country, the higher confidence, either side).
void AddParticipant(Event* into, const Participant& p);
// Sorts participants and evidence, drops repeated evidence, and assigns the id.
void Canonicalize(Event* e);

// Calls fn(sentence index, first token, end token, first mention, end mention) for each
// sentence with tokens: the mentions of a sentence are those that start before its end and
// after the previous sentence's.
template <class Fn>
void ForEachSentence(const analysis::Document& d, Fn fn) {
  const auto n = static_cast<std::uint32_t>(d.tokens.size());
  std::uint32_t tok = 0;
  std::uint32_t mention = 0;
  for (std::uint32_t s = 0; s < d.sentences.size(); ++s) {
    const std::uint32_t first = tok;
    while (tok < n && d.tokens[tok].start < d.sentences[s].end) ++tok;
    if (first == tok) continue;
    const std::uint32_t mention_first = mention;
    while (mention < d.mentions.size() && d.mentions[mention].start < d.sentences[s].end) ++mention;
    fn(s, first, tok, mention_first, mention);
  }
}

// The speaker labels of a transcript, in text order: a line that starts with a person and a
// title, then a colon ("President of Russia Vladimir Putin: Mr Aliyev, Mr Pashinyan," or
// "ANTHONY ALBANESE, PRIME MINISTER:"). Linear in the text.
struct SpeakerLabel {
  std::uint32_t colon = 0;            // byte offset
  std::uint32_t speaker = 0;          // mention
  std::vector<std::uint32_t> hailed;  // people named between the colon and the first sentence end
};
std::vector<SpeakerLabel> FindSpeakerLabels(const analysis::Document& d);

std::unique_ptr<analysis::Annotator> MakeCandidatesStep(const Triggers& triggers, const Cues& cues,
                                                        const tagger::Model& model, const EventOptions& options);
std::unique_ptr<analysis::Annotator> MakeTriggersStep(const Triggers& triggers);
std::unique_ptr<analysis::Annotator> MakeArgumentsStep(const Triggers& triggers, const Cues& cues);
std::unique_ptr<analysis::Annotator> MakeStatusStep(const Cues& cues);
std::unique_ptr<analysis::Annotator> MakeCoreferenceStep(const Triggers& triggers, const gazetteer::Gazetteer& gaz,
                                                         const EventOptions& options);
std::unique_ptr<analysis::Annotator> MakeDatesStep();
std::unique_ptr<analysis::Annotator> MakeAttributesStep(const gazetteer::Gazetteer& gaz);
std::unique_ptr<analysis::Annotator> MakeAssemblyStep(const Triggers& triggers, const EventOptions& options);

}  // namespace actorgraph::events::internal
