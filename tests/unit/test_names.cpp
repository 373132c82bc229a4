// The name tagger and the names step: the shipped model on sentences written for these tests,
// one row per phenomenon with positive controls, and the model file's checks.
#include "analysis/analysis.hpp"
#include "fixture_gazetteer.hpp"
#include "mentions/mentions.hpp"
#include "tagger/internal/names.hpp"
#include "tagger/names.hpp"
#include "test_support.hpp"

using actorgraph::analysis::Mention;
using actorgraph::analysis::MentionSource;
using actorgraph::gazetteer::Kind;
namespace ag = actorgraph;

namespace {

struct Fixture {
  ag::gazetteer::Gazetteer gaz = ag::testing::FixtureGazetteer();
  ag::mentions::Titles titles;
  ag::mentions::GivenNames given;
  ag::tagger::Model pos;
  ag::tagger::NameModel names;
  ag::analysis::Registry registry;
  ag::analysis::Resources resources;

  Fixture() {
    const auto dir = ag::testing::SourceDir() / "data";
    REQUIRE(titles.Load((dir / "lexicons/titles.tsv").string()).ok());
    REQUIRE(given.Load((dir / "lexicons/given-names.tsv").string()).ok());
    REQUIRE(ag::tagger::Model::Load((dir / "models/pos-en.agt").string(), &pos).ok());
    REQUIRE(ag::tagger::NameModel::Load((dir / "models/names-en.agn").string(), &names).ok());
    resources.PutBorrowed(std::string("gazetteer"), gaz);
    resources.PutBorrowed(std::string("titles"), titles);
    resources.PutBorrowed(std::string("given-names"), given);
    resources.PutBorrowed(std::string("pos-model"), pos);
    resources.PutBorrowed(std::string("names-model"), names);
    ag::analysis::RegisterTextSteps(registry);
    ag::mentions::RegisterSteps(registry);
  }
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

struct Result {
  ag::analysis::Document doc;
  const Mention* At(std::string_view surface) const {
    for (const auto& m : doc.mentions)
      if (doc.text().substr(m.start, m.end - m.start) == surface) return &m;
    return nullptr;
  }
  bool AnyOverlapping(std::uint32_t start, std::uint32_t end, MentionSource source) const {
    for (const auto& m : doc.mentions)
      if (m.start < end && start < m.end && m.resolved_by == source) return true;
    return false;
  }
};

Result Run(const std::string& text, bool with_names = true) {
  std::vector<std::string> steps = {"tokenize", "document-date"};
  for (const auto& s : ag::mentions::StepNames())
    if (with_names || s != "names") steps.push_back(s);
  std::unique_ptr<ag::analysis::Chain> chain;
  REQUIRE(ag::analysis::Chain::Make(Shared().registry, steps, Shared().resources, &chain).ok());
  Result r;
  ag::documents::Document d;
  d.id = "t";
  d.text = text;
  r.doc.Reset(std::move(d), "2021-02-16");
  chain->Run(r.doc);
  return r;
}

// Each (sentence, name): the name is a mention of that kind.
void ExpectKind(const std::vector<std::pair<std::string, std::string>>& rows, Kind kind) {
  for (const auto& [text, name] : rows) {
    INFO(text);
    const auto r = Run(text);
    const Mention* m = r.At(name);
    REQUIRE(m);
    CHECK(m->kind == kind);
  }
}

}  // namespace

TEST_CASE("names: an unlisted person after a title, and the surname later", "[names]") {
  const auto r = Run("Deputy Minister Halvard Brekke opened the meeting. Brekke said the plan was ready.");
  const Mention* full = r.At("Halvard Brekke");
  REQUIRE(full);
  CHECK(full->kind == Kind::kPerson);
  CHECK(full->entity_id == "discovered:halvard-brekke");
  const Mention* later = r.At("Brekke");
  REQUIRE(later);
  CHECK(later->entity_id == full->entity_id);
  CHECK(later->resolved_by == MentionSource::kSurname);
  CHECK_FALSE(r.At("Deputy Minister Halvard Brekke"));  // the title is not part of the name
}

TEST_CASE("names: an unlisted person no discovery rule sees comes from the model", "[names]") {
  const auto r = Run("The report was written by Halvard Brekke and published on Monday. Brekke thanked the board.");
  const Mention* m = r.At("Halvard Brekke");
  REQUIRE(m);
  CHECK(m->resolved_by == MentionSource::kModel);
  CHECK(m->confidence > 0.5);
  CHECK(m->confidence < 1.0);
  // Its type and the surname's link: the known miss below.
  // Control: without the step, no rule finds him.
  const auto base =
      Run("The report was written by Halvard Brekke and published on Monday. Brekke thanked the board.", false);
  CHECK_FALSE(base.At("Halvard Brekke"));
}

// Known misses of the BILOU model, kept visible: it chooses a name's type at its first word
// (greedy, B before the words that say the type), and types these two invented names wrongly
// ("Halvard Brekke" an organisation, "Vellmora County" a person); the BIO model had them right.
// BILOU is better on every test set (bench/RESULTS.md, 2026-12-07 names3).
TEST_CASE("names: the type of an unlisted person, and the surname's link", "[names][!mayfail]") {
  const auto r = Run("The report was written by Halvard Brekke and published on Monday. Brekke thanked the board.");
  const Mention* m = r.At("Halvard Brekke");
  REQUIRE(m);
  CHECK(m->kind == Kind::kPerson);
  const Mention* later = r.At("Brekke");
  REQUIRE(later);
  CHECK(later->entity_id == "discovered:halvard-brekke");
}

TEST_CASE("names: the type of an unlisted place", "[names][!mayfail]") {
  const auto r = Run("The river flooded parts of Vellmora County on Sunday.");
  const Mention* m = r.At("Vellmora County");
  REQUIRE(m);
  CHECK(m->kind == Kind::kLocation);
}

TEST_CASE("names: an organisation", "[names]") {
  const auto r = Run("Talks were held at the Kestrel Aviation Group offices.");
  const Mention* m = r.At("Kestrel Aviation Group");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  CHECK(m->resolved_by == MentionSource::kModel);
  CHECK(m->entity_id == "discovered:kestrel-aviation-group");
  // Known miss, kept visible: "Shares of Norvatek Industries fell" gives the place "Norvatek".
}

TEST_CASE("names: a place", "[names]") {
  const auto r = Run("The river flooded parts of Vellmora County on Sunday.");
  const Mention* m = r.At("Vellmora County");
  REQUIRE(m);
  CHECK(m->resolved_by == MentionSource::kModel);
  // Its type: the known miss above.
}

TEST_CASE("names: gazetteer matches win, unless the model is sure of a longer name", "[names]") {
  // Control: the country alone stays the gazetteer's.
  const auto alone = Run("Sergey Lavrov flew to Georgia on Monday.");
  const Mention* g = alone.At("Georgia");
  REQUIRE(g);
  CHECK(g->entity_id == "country:GE");
  const Mention* lavrov = alone.At("Sergey Lavrov");
  REQUIRE(lavrov);
  CHECK(lavrov->entity_id == "person:sergey-lavrov");
  CHECK(lavrov->resolved_by == MentionSource::kExact);
}

// The override the step implements: a model name at confidence >= 0.6 over gazetteer
// matches inside it (at the former 0.8 the shipped model did not reach it on this row, which
// was then allowed to fail).
TEST_CASE("names: a longer name the model is sure of wins over the gazetteer match inside it", "[names]") {
  // The fixture gazetteer lists Moscow and Sochi, not the university.
  const auto longer = Run("She studied physics at Moscow State University before moving to Sochi.");
  INFO(longer.doc.mentions.size());
  const Mention* msu = longer.At("Moscow State University");
  REQUIRE(msu);
  CHECK(msu->kind == Kind::kOrganization);
  CHECK(msu->resolved_by == MentionSource::kModel);
  CHECK_FALSE(longer.At("Moscow"));
  const Mention* sochi = longer.At("Sochi");
  REQUIRE(sochi);
  CHECK(sochi->entity_id == "place:sochi");
}

TEST_CASE("names: known people keep their gazetteer entities; sentences without candidates are left alone", "[names]") {
  const std::string text = "Ilham Aliyev met Nikol Pashinyan in Moscow. The talks lasted three hours.";
  const auto with = Run(text), without = Run(text, false);
  REQUIRE(with.doc.mentions.size() == without.doc.mentions.size());
  for (std::size_t i = 0; i < with.doc.mentions.size(); ++i) {
    CHECK(with.doc.mentions[i].entity_id == without.doc.mentions[i].entity_id);
    CHECK(with.doc.mentions[i].start == without.doc.mentions[i].start);
  }
}

TEST_CASE("names: the model file is checked on load", "[names]") {
  const std::string bytes = ag::testing::ReadFile(ag::testing::SourceDir() / "data/models/names-en.agn");
  ag::tagger::NameModel m;
  REQUIRE(ag::tagger::NameModel::FromBytes(bytes, "names-en.agn", &m).ok());
  CHECK_FALSE(m.empty());
  auto st = ag::tagger::NameModel::FromBytes(bytes.substr(0, bytes.size() - 100), "cut.agn", &m);
  CHECK(st.code() == ag::ErrorCode::kBadInput);
  CHECK(st.message().find("cut.agn: byte") != std::string::npos);
  CHECK(m.empty());
  std::string damaged = bytes;
  damaged[100] ^= 0x40;
  st = ag::tagger::NameModel::FromBytes(damaged, "bad.agn", &m);
  CHECK(st.code() == ag::ErrorCode::kBadInput);
  CHECK(st.message().find("checksum") != std::string::npos);
  CHECK(ag::tagger::NameModel::FromBytes("AGTAGGER" + bytes.substr(8), "pos.agn", &m).message().find("bad magic") !=
        std::string::npos);
  CHECK(ag::tagger::NameModel::Load("/nonexistent/names-en.agn", &m).code() == ag::ErrorCode::kIo);
}

TEST_CASE("names: training is deterministic and learns a tiny set", "[names]") {
  namespace tg = ag::tagger::internal;
  std::vector<tg::NameSentence> train;
  auto add = [&](const std::string& text, std::vector<std::uint8_t> labels) {
    tg::NameSentence s;
    s.text = text;
    std::vector<ag::tagger::Token> words;
    ag::tagger::Tokenize(text, 0, &words);
    REQUIRE(words.size() == labels.size());
    s.words = words;
    s.tag_classes.assign(words.size(), 0);
    s.hints.assign(words.size(), {});
    s.labels = std::move(labels);
    train.push_back(std::move(s));
  };
  for (int i = 0; i < 20; ++i) {
    add("Anna Berg visited Oslo .", {1, 2, 0, 5, 0});
    add("Acme Corp hired Tom Reed .", {3, 4, 0, 1, 2, 0});
    // A person at the start of a sentence too: BILOU's first word of a name decides its type.
    add("Tom Reed met Anna Berg .", {1, 2, 0, 1, 2, 0});
  }
  tg::NameTrainOptions o;
  o.prune = 0;
  std::string a, b, log;
  REQUIRE(tg::TrainNames(train, o, &a, &log).ok());
  REQUIRE(tg::TrainNames(train, o, &b, &log).ok());
  CHECK(a == b);
  ag::tagger::NameModel m;
  REQUIRE(ag::tagger::NameModel::FromBytes(a, "tiny", &m).ok());
  ag::tagger::NameTagger tagger(m);
  const std::string text = "Tom Reed visited Oslo .";
  std::vector<ag::tagger::Token> words;
  ag::tagger::Tokenize(text, 0, &words);
  std::vector<std::uint32_t> classes(words.size(), 0);
  std::vector<ag::tagger::NameHint> hints(words.size());
  std::vector<ag::tagger::NameSpan> spans;
  tagger.Tag(text, words, classes.data(), hints.data(), &spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].first == 0);
  CHECK(spans[0].end == 2);
  CHECK(spans[0].type == ag::tagger::NameType::kPerson);
  CHECK(spans[1].type == ag::tagger::NameType::kLocation);
}

TEST_CASE("names: an honorific is not part of the name, so the surname links to the full name", "[names]") {
  const auto r = Run("Deputy Minister Halvard Brekke opened the meeting. Mr Brekke said the plan was ready.");
  const Mention* full = r.At("Halvard Brekke");
  REQUIRE(full);
  const Mention* later = r.At("Brekke");
  REQUIRE(later);
  CHECK(later->entity_id == full->entity_id);
  CHECK(!r.At("Mr Brekke"));
  // The control: a name the text gives only with the honorific is still found, without it.
  const auto alone = Run("The meeting opened. Later, Mr Brekke said the plan was ready.");
  const Mention* m = alone.At("Brekke");
  REQUIRE(m);
  CHECK(m->is_person());
}

TEST_CASE("names: a Chinese family name alone is left to the surnames step ('Wang Lin' ... 'Wang')", "[names]") {
  const auto r = Run("Wang Lin arrived in Moscow. Later, Wang said the talks went well.");
  const Mention* m = r.At("Wang");
  REQUIRE(m);
  CHECK(m->entity_id == "person:wang-lin");
  CHECK(m->resolved_by == MentionSource::kSurname);
}

TEST_CASE("names: a period after an honorific or an initial ends no sentence", "[names]") {
  // "Mr." and "C." do not start a sentence, so the name after them is a candidate.
  const auto honorific = Run("The meeting opened. Later, Mr. Brekke said the plan was ready.");
  const Mention* m = honorific.At("Brekke");
  REQUIRE(m);
  CHECK(m->is_person());
  CHECK_FALSE(honorific.At("Mr. Brekke"));
  const auto initial = Run("The statement was read by Halvard C. Brekke on Monday.");
  CHECK(initial.At("Halvard C. Brekke"));
  // Control: a real sentence end still is one; the ordinary word after it is no name.
  const auto end = Run("The talks ended in the evening. Reporters waited outside.");
  CHECK_FALSE(end.At("Reporters"));
}

TEST_CASE("names: the rest of a hyphenated person's name is part of it, a trailing lower-case word not", "[names]") {
  const auto r = Run("The seat went to Lee Cheuk-yan of the Labour Party on Sunday.");
  const Mention* person = r.At("Lee Cheuk-yan");
  REQUIRE(person);
  CHECK(person->is_person());
  CHECK_FALSE(r.At("Lee Cheuk"));
  CHECK(r.At("Labour Party"));
  CHECK_FALSE(r.At("Labour Party on"));
  // Control: a place before a hyphen and a lower-case word does not take the word.
  const auto based = Run("A Vellmora-based group of engineers visited the site.");
  CHECK_FALSE(based.At("Vellmora-based"));
}

TEST_CASE("names: a model's person name goes on over particles ('al-', 'van der')", "[names]") {
  const auto r = Run("The talks were led by army chief Halvard Osk al-Brekke.");
  const Mention* al = r.At("Halvard Osk al-Brekke");
  REQUIRE(al);
  CHECK(al->is_person());
  CHECK(al->resolved_by == MentionSource::kModel);
  const auto v = Run("Moderator Karin Elise van der Moor opened the session.");
  const Mention* van = v.At("Karin Elise van der Moor");
  REQUIRE(van);
  CHECK(van->is_person());
  // Control: a particle-like word with no capitalised word after it is not taken.
  const auto de = Run("The talks were led by army chief Halvard Osk de facto, officials said.");
  CHECK_FALSE(de.At("Halvard Osk de"));
}

TEST_CASE("names: a word the tag dictionary never saw may be a name at a sentence's start", "[names]") {
  // Followed by a verb or a comma, it is a candidate.
  const auto verb = Run("The talks ended on Monday. Halvorsen will travel to Oslo next week.");
  const Mention* m = verb.At("Halvorsen");
  REQUIRE(m);
  CHECK(m->resolved_by == MentionSource::kModel);
  const auto comma = Run("The talks ended on Monday. Halvorsen, who led them, left early.");
  CHECK(comma.At("Halvorsen"));
  // Control: a known word there is not ("Reporters"), nor is an unknown one before a noun.
  const auto known = Run("The talks ended on Monday. Reporters will wait outside.");
  CHECK_FALSE(known.At("Reporters"));
}

TEST_CASE("names: the name after 'the city of' is a place, even a given name's", "[names]") {
  // Without the rule the model reads this "Ingrid" as a person.
  const auto r = Run("The talks were held in the small town of Ingrid, near the border.");
  const Mention* m = r.At("Ingrid");
  REQUIRE(m);
  CHECK(m->kind == Kind::kLocation);
  // The control: the same given name opening a person's name.
  const auto person = Run("Ingrid Lindqvist opened the talks near the border.");
  const Mention* p = person.At("Ingrid Lindqvist");
  REQUIRE(p);
  CHECK(p->is_person());
}

TEST_CASE("names: ordinary words capitalised together inside a sentence are looked at", "[names]") {
  // Without the rule no word of "Census Bureau" is a candidate: the tag dictionary knows both
  // as ordinary nouns.
  const auto r = Run("The figures were published by the Census Bureau on Monday.");
  const Mention* m = r.At("Census Bureau");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // The control: the same words in lower case, and one capitalised ordinary word alone, are no names.
  const auto lower = Run("The figures were published by the census bureau on Monday.");
  CHECK(lower.doc.mentions.empty());
  const auto alone = Run("The figures were published by the Bureau on Monday.");
  CHECK(alone.At("Bureau") == nullptr);
}

TEST_CASE("names: an ordinary capitalised word before an institution's word is looked at", "[names]") {
  // "Democratic" is an adjective to the tag dictionary and "Party" no name-like word: without
  // the rule neither is a candidate, and the name is found only beside another candidate.
  const auto r = Run("The motion was backed by the Democratic Party on Monday.");
  const Mention* m = r.At("Democratic Party");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // The control: the same words in lower case are no name.
  const auto lower = Run("The motion was backed by the democratic party on Monday.");
  CHECK(lower.doc.mentions.empty());
}

TEST_CASE("names: an unlisted acronym inside a sentence names an organisation", "[names]") {
  const auto r = Run("The plan helps farmers who work with USAID and AMEXCID in the south.");
  for (const std::string_view a : {"USAID", "AMEXCID"}) {
    INFO(a);
    const Mention* m = r.At(a);
    REQUIRE(m);
    CHECK(m->kind == Kind::kOrganization);
    CHECK(m->resolved_by == MentionSource::kModel);
    CHECK(m->confidence < 0.6);
  }
  // The controls: a protocol's acronym, a Roman numeral, one in a line of capitals, two
  // letters, and one the tag dictionary knows as an ordinary noun are no organisations.
  for (const std::string text :
       {"The plan helps farmers who work with HTTP in the south.",
        "The plan helps farmers who work with XIV in the south.", "THE PLAN HELPS FARMERS THAT WORK WITH AMEXCID.",
        "The plan helps farmers who work with AX in the south.",
        "The plan helps farmers who fly the STRV-135 in the south.",
        "The plan helps farmers who work with their CEO in the south."}) {
    INFO(text);
    const auto c = Run(text);
    for (const auto& m : c.doc.mentions) CHECK(m.kind != Kind::kOrganization);
  }
}

TEST_CASE("names: a word for a person before a name makes it a person's, whatever the model's type", "[names]") {
  // Without the rule the model reads ", Celandine," as a place set off by commas.
  const auto r = Run("Harrow met his wife, Celandine, while touring Spain in 1980.");
  const Mention* m = r.At("Celandine");
  REQUIRE(m);
  CHECK(m->is_person());
  // The control: a list after a country keeps the model's place.
  const auto c = Run("They visited Spain, Quentin and Prell.");
  const Mention* q = c.At("Quentin");
  REQUIRE(q);
  CHECK(q->kind == Kind::kLocation);
}

TEST_CASE("names: a lone unknown word before 'who' is a person, and a name before II or III a ruler", "[names]") {
  // The model leaves "Velmont" out; the rule takes it from "who".
  const auto r = Run("Velmont, who led the inquiry, spoke first.");
  const Mention* m = r.At("Velmont");
  REQUIRE(m);
  CHECK(m->is_person());
  CHECK(m->confidence == Approx(0.55));
  // The control: "which" says nothing of a person.
  const auto which = Run("Velmont, which led the market, rose.");
  CHECK(which.At("Velmont") == nullptr);
  // The model reads "Ormhet" as a place; before "III" it is a ruler's name.
  const auto ruler = Run("The temple was built under Ormhet III in the desert.");
  const Mention* o = ruler.At("Ormhet III");
  REQUIRE(o);
  CHECK(o->is_person());
  // The controls: no numeral, and an ordinary word before one.
  const auto bare = Run("The temple was built under Ormhet in the desert.");
  const Mention* b = bare.At("Ormhet");
  REQUIRE(b);
  CHECK(!b->is_person());
  const auto war = Run("The temple was built after World War II in the desert.");
  for (const auto& w : war.doc.mentions) CHECK(!w.is_person());
}

TEST_CASE("names: a place or its adjective right before an organisation's name is part of it", "[names]") {
  // Without the rule the model's name starts after the gazetteer's adjective.
  const auto r = Run("The Armenian Football Federation fined the club.");
  const Mention* m = r.At("Armenian Football Federation");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // The control: without an organisation's head word the adjective stays the gazetteer's.
  const auto c = Run("The motion was backed by Armenian workers on Monday.");
  const Mention* a = c.At("Armenian");
  REQUIRE(a);
  CHECK(a->resolved_by == MentionSource::kAdjective);
}

TEST_CASE("names: an acronym in brackets defines the capitalised words before it", "[names]") {
  const auto r = Run("The Campaign for Coastal Renewal (CCR) won the vote. Later the CCR said it would talk.");
  const Mention* m = r.At("Campaign for Coastal Renewal");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // Both acronyms, in brackets and later, are the same organisation.
  int acronyms = 0;
  for (const auto& a : r.doc.mentions) {
    if (r.doc.text().substr(a.start, a.end - a.start) != "CCR") continue;
    ++acronyms;
    CHECK(a.entity_id == m->entity_id);
  }
  CHECK(acronyms == 2);
  // The control: letters that are not the initials define nothing.
  const auto c = Run("The Campaign for Coastal Renewal (QXZ) won the vote.");
  CHECK(c.At("Campaign for Coastal Renewal") == nullptr);
  for (const auto& a : c.doc.mentions) {
    if (c.doc.text().substr(a.start, a.end - a.start) != "QXZ") continue;
    CHECK(a.entity_id != m->entity_id);
  }
}

TEST_CASE("names: 'Office of the' and a title name an organisation", "[names]") {
  const auto r = Run("The Office of the Spokesperson said the talks would go on.");
  const Mention* m = r.At("Office of the Spokesperson");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // The controls: in lower case, and without a title after "the", it is no name.
  const auto lower = Run("The office of the spokesperson said the talks would go on.");
  CHECK(lower.At("office of the spokesperson") == nullptr);
  const auto plain = Run("The Office of the Future said the talks would go on.");
  CHECK(plain.At("Office of the Future") == nullptr);
}

TEST_CASE("names: two words and a hyphenated syllable are a person's name ('Wu Chi-wai')", "[names]") {
  const auto r = Run("The rally in Sai Kung was led by Wu Chi-wai and others.");
  const Mention* m = r.At("Wu Chi-wai");
  REQUIRE(m);
  CHECK(m->is_person());
  // The controls: without the syllable the model's place stays, and "-based" is no syllable
  // of a name.
  const auto bare = Run("The rally was led by Wu Chi and others.");
  const Mention* b = bare.At("Wu Chi");
  REQUIRE(b);
  CHECK(b->kind == Kind::kLocation);
  const auto based = Run("The rally in Sai Kung-based groups was small.");
  const Mention* k = based.At("Sai Kung");
  REQUIRE(k);
  CHECK(k->kind == Kind::kLocation);
}

TEST_CASE("names: an acronym after 'the' is looked at, an acronym alone only by the acronym rule", "[names]") {
  const auto r = Run("Warning that the NHS was under pressure, she resigned.");
  const Mention* m = r.At("NHS");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // The controls: the same acronym without "the" is no candidate for the model, so only the
  // acronym rule's confidence; a Roman numeral after "the" is nothing.
  const auto bare = Run("Warning that NHS staff were under pressure, she resigned.");
  const Mention* b = bare.At("NHS");
  REQUIRE(b);
  CHECK(b->confidence == Approx(0.55));
  const auto roman = Run("He said that the XIV was under pressure.");
  CHECK(roman.At("XIV") == nullptr);
}

TEST_CASE("names: the last word of a name says organisation or place over the model's type", "[names]") {
  // Without the rule the model reads both as people.
  const auto org = Run("She works for the Brekke Halvorsen Foundation in Moscow.");
  const Mention* o = org.At("Brekke Halvorsen Foundation");
  REQUIRE(o);
  CHECK(o->kind == Kind::kOrganization);
  const auto place = Run("Aabenraa County was founded in 1970.");
  const Mention* p = place.At("Aabenraa County");
  REQUIRE(p);
  CHECK(p->kind == Kind::kLocation);
  // The control: a person's name without such a word stays a person.
  const auto person = Run("She works for Brekke Halvorsen in Moscow.");
  const Mention* h = person.At("Brekke Halvorsen");
  REQUIRE(h);
  CHECK(h->is_person());
}

TEST_CASE("names: an organisation's name goes on through 'of' and a name ('Institute of Sochi')", "[names]") {
  // Without the rule the model's name ends at "Institute" and the gazetteer keeps "Sochi".
  const auto r = Run("The Halvorsen Institute of Sochi opened.");
  const Mention* m = r.At("Halvorsen Institute of Sochi");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  CHECK(r.At("Sochi") == nullptr);
  // The control: "in" instead of "of" leaves the place to the gazetteer.
  const auto in = Run("The Halvorsen Institute in Sochi opened.");
  const Mention* place = in.At("Sochi");
  REQUIRE(place);
  CHECK(place->entity_id == "place:sochi");
  const Mention* org = in.At("Halvorsen Institute");
  REQUIRE(org);
  CHECK(org->kind == Kind::kOrganization);
}

TEST_CASE("names: an unlisted acronym the model calls a place is an organisation", "[names]") {
  // Without the rule the model reads this "USI" as a place.
  const auto r = Run("The show opened at the USI gallery in Moscow.");
  const Mention* m = r.At("USI");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // The control: a place's name in the same position stays a place.
  const auto place = Run("The show opened at the Tromsdal gallery in Moscow.");
  const Mention* p = place.At("Tromsdal");
  REQUIRE(p);
  CHECK(p->kind == Kind::kLocation);
}

TEST_CASE("names: a word the tag dictionary knows only as a proper noun may be a name at a sentence's start",
          "[names]") {
  // Without the rule only words the dictionary never saw are candidates there, and only
  // before a comma or a verb.
  const auto r = Run("The report came out on Monday. Enron and its partners denied it.");
  const Mention* m = r.At("Enron");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // The control: an ordinary word in the same place is no name.
  const auto plain = Run("The report came out on Monday. Partners and allies denied it.");
  CHECK(plain.At("Partners") == nullptr);
}

TEST_CASE("names: a person's name goes on through 'al-', 'de', 'von' and the name after it", "[names]") {
  // Without the rule these are two names, "Mohammed" and "Jadaan".
  const auto r = Run("The minister met Mohammed al-Jadaan in the city.");
  const Mention* m = r.At("Mohammed al-Jadaan");
  REQUIRE(m);
  CHECK(m->is_person());
  CHECK(r.At("Jadaan") == nullptr);
  // The control: such a word before a lower-case one is no part of the name.
  const auto lower = Run("The minister met Halvard Brekke de facto in the city.");
  const Mention* p = lower.At("Halvard Brekke");
  REQUIRE(p);
  CHECK(p->is_person());
}

TEST_CASE("names: the name of a prize, contest or war is no actor ('the Brekke Cup')", "[names]") {
  // Without the rule the model reads these as a person and a place.
  const auto cup = Run("The team won the Brekke Cup last year.");
  CHECK(cup.At("Brekke Cup") == nullptr);
  CHECK(cup.At("Brekke") == nullptr);
  const auto trophy = Run("The team won the Halvorsen Trophy last year.");
  CHECK(trophy.At("Halvorsen Trophy") == nullptr);
  // The control: a person's name in the same place stays.
  const auto person = Run("The team thanked Halvard Brekke last year.");
  const Mention* p = person.At("Halvard Brekke");
  REQUIRE(p);
  CHECK(p->is_person());
}

TEST_CASE("names: capitalised words ending in an institution's word name an organisation", "[names]") {
  // Ordinary words the model seldom reads as a name, with a place's adjective before them.
  const auto r = Run("The ruling was challenged by the American Civil Liberties Union in court.");
  const Mention* m = r.At("American Civil Liberties Union");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  CHECK(m->resolved_by == MentionSource::kModel);
  CHECK(m->confidence == Approx(0.65));
  CHECK_FALSE(r.At("American"));
  // The controls: without the institution's word, and the word alone, name nothing.
  const auto bare = Run("The ruling was challenged by the American Civil Liberties in court.");
  CHECK_FALSE(bare.At("American Civil Liberties"));
  CHECK(bare.At("American"));
  const auto alone = Run("The ruling was challenged by the Union in court.");
  CHECK_FALSE(alone.At("Union"));
}

TEST_CASE("names: an institution's name goes on through 'of' or 'for' and 'and' between its words", "[names]") {
  const auto r = Run("She joined the Institute for Coastal Studies after school.");
  const Mention* m = r.At("Institute for Coastal Studies");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  const auto both = Run("He taught at the Velmont Community and Technical College for years.");
  CHECK(both.At("Velmont Community and Technical College"));
  // The controls: a party's "of" names a place; "and" after an institution's word joins no
  // names ("the Senate and House Committee" is two), and a lower-case phrase is no name.
  const auto party = Run("He led the Liberal Reform Party of Velmont for years.");
  CHECK_FALSE(party.At("Liberal Reform Party of Velmont"));
  CHECK(party.At("Liberal Reform Party"));
  const auto two = Run("The bill went to the Senate and Budget Committee on Monday.");
  CHECK_FALSE(two.At("Senate and Budget Committee"));
  const auto lower = Run("She joined the institute for coastal studies after school.");
  CHECK_FALSE(lower.At("institute for coastal studies"));
}

TEST_CASE("names: a sentence's first word that no name starts with is not part of an institution's name", "[names]") {
  const auto r = Run("The National Assembly voted on Monday.");
  const Mention* m = r.At("National Assembly");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  CHECK_FALSE(r.At("The National Assembly"));
  // Control: inside a sentence the same words are found.
  const auto inside = Run("On Monday the National Assembly voted.");
  CHECK(inside.At("National Assembly"));
}

TEST_CASE("names: a style before a person's name is not part of it ('Sir', 'Pope', 'Lord')", "[names]") {
  const auto r = Run("The expedition was led by Sir Halvard Brekke last year.");
  const Mention* m = r.At("Halvard Brekke");
  REQUIRE(m);
  CHECK(m->is_person());
  CHECK_FALSE(r.At("Sir Halvard Brekke"));
  // Control: the same name without the style.
  const auto bare = Run("The expedition was led by Halvard Brekke last year.");
  CHECK(bare.At("Halvard Brekke"));
}

TEST_CASE("names: a place in the name of an agreement or a war is no actor ('the Moscow Agreement')", "[names]") {
  CHECK_FALSE(Run("The Moscow Agreement was signed in 2020.").At("Moscow"));
  CHECK_FALSE(Run("They kept to the Treaty of Moscow for years.").At("Moscow"));
  CHECK_FALSE(Run("Many died in the Armenia Liberation War of 1990.").At("Armenia"));
  CHECK_FALSE(Run("Many died in the Battle of Moscow in 1941.").At("Moscow"));
  // Controls: the place where an agreement was signed, a lower-case agreement word, the war
  // in a place.
  CHECK(Run("The agreement was signed in Moscow.").At("Moscow"));
  CHECK(Run("The Moscow agreement was signed in 2020.").At("Moscow"));
  CHECK(Run("Many died in the war in Armenia in 1990.").At("Armenia"));
}

TEST_CASE("names: an organisation before an institution's word makes one name with it ('OSCE News')", "[names]") {
  const auto r = Run("He spoke to OSCE News on Monday.");
  const Mention* m = r.At("OSCE News");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  CHECK_FALSE(r.At("OSCE"));
  // Control: alone, the gazetteer's organisation.
  const auto r_alone = Run("He spoke to OSCE on Monday.");
  const Mention* alone = r_alone.At("OSCE");
  REQUIRE(alone);
  CHECK(alone->resolved_by != MentionSource::kModel);
}

TEST_CASE("names: the plural of a people's adjective is no person ('Europeans')", "[names]") {
  CHECK_FALSE(Run("From the 16th century, Europeans visiting the region identified the sea.").At("Europeans"));
  // Control: a surname of the same shape.
  const auto r_m = Run("From the 16th century, Evans visiting the region identified the sea.");
  const Mention* m = r_m.At("Evans");
  REQUIRE(m);
  CHECK(m->is_person());
}

TEST_CASE("names: an age in commas after a name makes it a person's ('Ormvik, now 31,')", "[names]") {
  const auto r_m = Run("Two years later, Ormvik, now 31, appeared largely composed.");
  const Mention* m = r_m.At("Ormvik");
  REQUIRE(m);
  CHECK(m->is_person());
  // Control: without the age the model's type stays.
  const auto r_bare = Run("Two years later, Ormvik appeared largely composed.");
  const Mention* bare = r_bare.At("Ormvik");
  REQUIRE(bare);
  CHECK(bare->kind == Kind::kLocation);
}

TEST_CASE("names: 'Jr.' and 'Corp.' end a name with their period, and the surname still links", "[names]") {
  const auto r = Run("She met Ferdinand R. Velasco Jr. at the palace. Later Velasco said it went well.");
  const Mention* full = r.At("Ferdinand R. Velasco Jr.");
  REQUIRE(full);
  CHECK(full->is_person());
  CHECK(full->name == "Ferdinand R. Velasco Jr.");
  const Mention* later = r.At("Velasco");
  REQUIRE(later);
  CHECK(later->entity_id == full->entity_id);
  CHECK(Run("Shares of Velmont Corp. rose on Monday.").At("Velmont Corp."));
  // Control: a sentence's period after an ordinary last word stays outside the name.
  const auto plain = Run("She met Ferdinand R. Velasco.");
  CHECK(plain.At("Ferdinand R. Velasco"));
  CHECK_FALSE(plain.At("Ferdinand R. Velasco."));
}

TEST_CASE("names: a name joined by 'and' to a person's full name is a person's", "[names]") {
  const auto r_m = Run("Presidents Ilham Aliyev of Azerbaijan and Salva Kiir of Velmont are expected to sign.");
  const Mention* m = r_m.At("Salva Kiir");
  REQUIRE(m);
  CHECK(m->is_person());
  // Control: joined to a place, not a person, the model's type stays.
  const auto r_c = Run("Presidents of Azerbaijan and Salva Kiir of Velmont are expected to sign.");
  const Mention* c = r_c.At("Salva Kiir");
  REQUIRE(c);
  CHECK(c->kind == Kind::kLocation);
}

TEST_CASE("names: gazetteer names joined by a hyphen before an institution's word make one name", "[names]") {
  const auto r_m = Run("The OSCE-Georgia Commission met in Moscow.");
  const Mention* m = r_m.At("OSCE-Georgia Commission");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  // Control: without the institution's word, the two gazetteer names.
  const auto talks = Run("The OSCE-Georgia talks began in Moscow.");
  CHECK(talks.At("OSCE"));
  CHECK(talks.At("Georgia"));
  CHECK(Run("Officials of the Azerbaijani Embassy said so.").At("Azerbaijani Embassy"));
  CHECK(Run("The Velmont Reform Movement held a rally.").At("Velmont Reform Movement"));
}

TEST_CASE("names: what follows a title's 'of' is no person's name ('Duke of Velmont')", "[names]") {
  const auto r = Run("Prince Henry, Duke of Velmont, was exposed.");
  CHECK_FALSE(r.At("of Velmont"));
  CHECK(r.At("Henry"));
}

TEST_CASE("names: capitalised words ending in a building's or a place's word name a place", "[names]") {
  const auto r = Run("The concert was held at the Velmont Memorial Hall on Friday.");
  const Mention* m = r.At("Velmont Memorial Hall");
  REQUIRE(m);
  CHECK(m->kind == Kind::kLocation);
  CHECK(m->confidence == Approx(0.65));
  const auto bridge = Run("Crowds gathered on the Old Harbour Bridge at dawn.");
  const Mention* b = bridge.At("Old Harbour Bridge");
  REQUIRE(b);
  CHECK(b->kind == Kind::kLocation);
  const auto of = Run("The talks took place in the Great Palace of Velmont yesterday.");
  CHECK(of.At("Great Palace of Velmont"));
  // The controls: another last word names no place, and a person whose family name is a
  // building's word stays a person.
  const auto dinner = Run("The concert was held at the Velmont Memorial Dinner on Friday.");
  const Mention* dn = dinner.At("Velmont Memorial Dinner");
  CHECK_FALSE((dn && dn->kind == Kind::kLocation));
  const auto person = Run("The lecture was given by Halvard Hall in May.");
  const Mention* p = person.At("Halvard Hall");
  REQUIRE(p);
  CHECK(p->is_person());
}

TEST_CASE("names: the institution after a title's 'of' is an organisation, a portfolio is not", "[names]") {
  const auto r = Run("Governor of the Velmont Reserve Bank Halvard Brekke met the press.");
  const Mention* m = r.At("Velmont Reserve Bank");
  REQUIRE(m);
  CHECK(m->kind == Kind::kOrganization);
  const Mention* p = r.At("Halvard Brekke");
  REQUIRE(p);
  CHECK(p->is_person());
  const auto speaker = Run("Speaker of Parliament Halvard Brekke met the press.");
  CHECK(speaker.At("Parliament"));
  // The controls: a minister's portfolio and a state are no organisations.
  const auto minister = Run("Minister of Foreign Affairs Halvard Brekke met the press.");
  CHECK_FALSE(minister.At("Foreign Affairs"));
  CHECK(minister.At("Halvard Brekke"));
  const auto state = Run("Secretary of State Halvard Brekke met the press.");
  CHECK_FALSE(state.At("State"));
  // A company's and a charity's titles are titles too.
  const auto ceo = Run("CEO of the Velmont Refugee Council Halvard Brekke told reporters.");
  CHECK(ceo.At("Velmont Refugee Council"));
}

TEST_CASE("names: a professor's or a director's title is not part of the name", "[names]") {
  for (const std::string title : {"Professor", "Director", "Judge", "Coach"}) {
    INFO(title);
    const auto r = Run("The report was written by " + title + " Tewodros Halvorsen last year.");
    const Mention* m = r.At("Tewodros Halvorsen");
    REQUIRE(m);
    CHECK(m->is_person());
    CHECK_FALSE(r.At(title + " Tewodros Halvorsen"));
  }
}

TEST_CASE("names: a place and capitalised words ending in a plural name a team ('the Sochi Velmonts')", "[names]") {
  for (const std::string team : {"Moscow Velmonts", "Sochi Blue Herons", "Georgia Marauders"}) {
    INFO(team);
    const auto r = Run("Last night the " + team + " won the final at home.");
    const Mention* m = r.At(team);
    REQUIRE(m);
    CHECK(m->kind == Kind::kOrganization);
  }
  // The controls: a place's own plural, an agreement's word, a headline's verb and a place
  // with no plural after it.
  const auto falls = Run("Tourists visited Sochi Falls on Monday.");
  CHECK_FALSE(falls.At("Sochi Falls"));
  const auto accords = Run("Both sides signed the Moscow Accords in 2015.");
  const Mention* a = accords.At("Moscow Accords");
  CHECK_FALSE((a && a->kind == Kind::kOrganization));
  const auto verb = Run("Headline: Russia Warns of Response");
  CHECK_FALSE(verb.At("Russia Warns"));
  CHECK(verb.At("Russia"));
  const auto plain = Run("Last night Moscow won the final at home.");
  const Mention* p = plain.At("Moscow");
  REQUIRE(p);
  CHECK(p->kind != Kind::kOrganization);
}

TEST_CASE("names: one unknown word after 'in', 'near' or 'the' is a place rather than a person", "[names]") {
  ExpectKind({{"The troops advanced towards the Danevirke at dawn.", "Danevirke"},
              {"He later returned and settled in Kirriemuir.", "Kirriemuir"}},
             Kind::kLocation);
  // The controls: what is a person's after "the" ("the Bush administration") stays a
  // person's.
  const auto admin = Run("The speech was written by the Bush administration.");
  const Mention* b = admin.At("Bush");
  REQUIRE(b);
  CHECK(b->is_person());
  // Nor is a word before a noun ("the Dagolathi news agency") made a place.
  const auto agency = Run("Telemar left on Wednesday, the Dagolathi news agency reported.");
  const Mention* g = agency.At("Dagolathi");
  CHECK_FALSE((g && g->kind == Kind::kLocation));
}

TEST_CASE("names: a person's name after a title may have five words, and a longer run is not cut to one", "[names]") {
  const auto r = Run("The paper quotes an official (Sudanese ambassador Abdul Rahman Sir Al Khatim) as saying so.");
  const Mention* m = r.At("Abdul Rahman Sir Al Khatim");
  REQUIRE(m);
  CHECK(m->is_person());
  CHECK_FALSE(r.At("Abdul Rahman Sir Al"));
  // Control: a capitalised run of seven words after a title is no name of its first four
  // or five words.
  const auto run = Run("We heard Ambassador Tewodros Halvard Brekke Amundsen Olsen Berg Lund speak.");
  CHECK_FALSE(run.At("Tewodros Halvard Brekke Amundsen"));
  CHECK_FALSE(run.At("Tewodros Halvard Brekke Amundsen Olsen"));
}

TEST_CASE("names: one unknown word joined by 'and' to a place's name is a place", "[names]") {
  ExpectKind({{"I received a warm welcome when I visited Moscow and Wewak earlier this year.", "Wewak"},
              {"The wetlands between Sochi and Husum had frozen solid.", "Husum"}},
             Kind::kLocation);
  // Control: joined to a person's name, a person.
  const auto person = Run("The award went to Vladimir Putin and Tewodros Halvorsen last year.");
  const Mention* p = person.At("Tewodros Halvorsen");
  REQUIRE(p);
  CHECK(p->is_person());
}

TEST_CASE("names: a role reference the gazetteer cannot resolve is the one person of the text with that title",
          "[names]") {
  const auto r = Run("President Halvard Brekke arrived in Moscow on Monday. The French President met reporters.");
  const Mention* m = r.At("French President");
  REQUIRE(m);
  CHECK(m->is_person());
  CHECK(m->resolved_by == MentionSource::kRole);
  const Mention* full = r.At("Halvard Brekke");
  REQUIRE(full);
  CHECK(m->entity_id == full->entity_id);
  // The controls: two people with that title, or the one with it from another country, are
  // no answer.
  const auto two =
      Run("President Halvard Brekke met President Tewodros Halvorsen on Monday. The French President spoke first.");
  const Mention* t = two.At("French President");
  CHECK_FALSE((t && t->is_person()));
  const auto other = Run("President Vladimir Putin arrived in Sochi on Monday. The French President met reporters.");
  const Mention* o = other.At("French President");
  CHECK_FALSE((o && o->is_person()));
}

TEST_CASE("names: weekdays and months are no part of a name, and a title ends at a sentence's end", "[names]") {
  const auto r = Run("The motorcade was scheduled to arrive in Velmontgrad Tuesday, reporters said.");
  CHECK_FALSE(r.At("Velmontgrad Tuesday"));
  const auto month = Run("He spoke at a news conference in Addis Ababa, Ethiopia, Aug. 25, 2018.");
  CHECK_FALSE(month.At("Aug"));
  // A title at the end of one sentence does not make the next sentence's first word a name.
  const auto title = Run("The call was made by the President.\n\nFollowing the call, talks went on.");
  CHECK_FALSE(title.At("Following"));
  // Control: right after a title, the same word is a name.
  const auto name = Run("The call was made by President Velmontgrad on Monday.");
  const Mention* m = name.At("Velmontgrad");
  REQUIRE(m);
  CHECK(m->is_person());
}

TEST_CASE("names: 'the Hon' makes a person of the name after it, without the style or 'MP'", "[names]") {
  const auto r = Run("Albanese welcomed the Prime Minister of Velmont, the Hon Tewodros Halvorsen MP, to Canberra.");
  const Mention* m = r.At("Tewodros Halvorsen");
  REQUIRE(m);
  CHECK(m->is_person());
  CHECK_FALSE(r.At("Hon Tewodros Halvorsen"));
  CHECK_FALSE(r.At("Hon Tewodros Halvorsen MP"));
  // After a title, where discovery finds the name.
  const auto titled = Run("Velmont's Prime Minister Hon Tewodros Halvorsen will visit Moscow next week.");
  CHECK(titled.At("Tewodros Halvorsen"));
  CHECK_FALSE(titled.At("Hon Tewodros Halvorsen"));
  // A speaker's label ends with its colon: the greeting after it names no one.
  const auto label = Run("TEWODROS HALVORSEN, PRIME MINISTER OF RUSSIA: Good morning. It is an honour to be here.");
  CHECK_FALSE(label.At("Good"));
}

TEST_CASE("names: a prize's or a contest's word alone, or a time zone, is no actor", "[names]") {
  const auto games = Run("Australia pledged support for the 2023 Sochi Games and the next ones.");
  CHECK_FALSE(games.At("Games"));
  CHECK_FALSE(games.At("Sochi Games"));
  const auto zone = Run("They discussed the August 24 (KST) launch with Sergey Lavrov.");
  CHECK_FALSE(zone.At("KST"));
  // Control: an unlisted acronym in the same place names an organisation.
  const auto org = Run("They discussed the August 24 (KVPT) launch with Sergey Lavrov.");
  const Mention* o = org.At("KVPT");
  REQUIRE(o);
  CHECK(o->kind == Kind::kOrganization);
}
