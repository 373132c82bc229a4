// Document-level resolution: surnames, role references, titles and discovery.
#include "fixture_gazetteer.hpp"
#include "mentions/mentions.hpp"
#include "test_support.hpp"

using actorgraph::gazetteer::Kind;
using actorgraph::mentions::AnalyzedDocument;
using actorgraph::mentions::Mention;
using actorgraph::mentions::MentionSource;

namespace {

struct Analyzed {
  AnalyzedDocument doc;
  const Mention* At(std::string_view surface) const {
    for (const auto& m : doc.mentions) {
      if (doc.doc.text.substr(m.start, m.end - m.start) == surface) return &m;
    }
    return nullptr;
  }
};

Analyzed Analyze(const std::string& text, const std::string& date = "2021-02-16", bool sentences = true) {
  static const auto gaz = actorgraph::testing::FixtureGazetteer();
  static const auto titles = [] {
    actorgraph::mentions::Titles t;
    REQUIRE(t.Load((actorgraph::testing::SourceDir() / "data/lexicons/titles.tsv").string()).ok());
    return t;
  }();
  static const auto given = [] {
    actorgraph::mentions::GivenNames g;
    REQUIRE(g.Load((actorgraph::testing::SourceDir() / "data/lexicons/given-names.tsv").string()).ok());
    return g;
  }();
  actorgraph::mentions::MentionFinder finder(gaz, titles, &given);
  actorgraph::documents::Document doc;
  doc.id = "t";
  doc.text = text;
  Analyzed out;
  finder.Analyze(doc, date, &out.doc, sentences);
  return out;
}

}  // namespace

TEST_CASE("a surname alone refers to the person named in full earlier", "[mentions]") {
  const auto a = Analyze("Jeyhun Bayramov arrived. Later, Bayramov said the talks went well.");
  const Mention* m = a.At("Bayramov");
  REQUIRE(m);
  CHECK(m->entity_id == "person:jeyhun-bayramov");
  CHECK(m->resolved_by == MentionSource::kSurname);
  CHECK(m->confidence == Approx(0.9));
  CHECK(m->start == 32);
  CHECK(m->end == 40);
}

TEST_CASE("a family name first: 'Wang Lin' ... 'Wang' for Chinese names, not for Japanese ones", "[mentions]") {
  const auto cn = Analyze("Wang Lin arrived. Later, Wang said the talks went well.");
  const Mention* wang = cn.At("Wang");
  REQUIRE(wang);
  CHECK(wang->entity_id == "person:wang-lin");
  CHECK(wang->resolved_by == MentionSource::kSurname);
  // The controls: a Japanese name's first word is the given name; its last is the surname.
  const auto jp = Analyze("Kenji Sato arrived. Later, Kenji said the talks went well. Sato agreed.");
  CHECK(!jp.At("Kenji"));
  const Mention* sato = jp.At("Sato");
  REQUIRE(sato);
  CHECK(sato->entity_id == "person:kenji-sato");
}

TEST_CASE("title plus surname, and a unique surname of someone in office", "[mentions]") {
  const auto a = Analyze("The talks were opened by President Aliyev in the capital.");
  const Mention* m = a.At("Aliyev");
  REQUIRE(m);
  CHECK(m->entity_id == "person:ilham-aliyev");
  CHECK(m->resolved_by == MentionSource::kSurname);
  CHECK(m->confidence == Approx(0.7));  // not named in full in this document
  CHECK(a.At("President") == nullptr);  // a title is not a mention
}

TEST_CASE("a unique surname that starts a sentence is not taken, with or without sentence segmentation", "[mentions]") {
  struct Row {
    std::string text;
    bool resolved;  // "Aliyev" is taken as Ilham Aliyev
  };
  const std::vector<Row> rows = {
      {"The talks ended. Aliyev spoke later.", false},
      {"The talks ended!\n\nAliyev spoke later.", false},
      {"Aliyev spoke later.", false},
      {"The talks ended with Aliyev in the room.", true},
      {"The talks ended (Aliyev left early).", true},
      {"Mr. Aliyev spoke later.", true},  // "Mr." does not end a sentence
      {"The talks ended \xE2\x80\x94 Aliyev left early.", true},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    const auto with = Analyze(r.text, "2021-02-16", true);
    const auto without = Analyze(r.text, "2021-02-16", false);
    const Mention* m = with.At("Aliyev");
    CHECK((m != nullptr && m->entity_id == "person:ilham-aliyev") == r.resolved);
    REQUIRE(with.doc.mentions.size() == without.doc.mentions.size());
    for (std::size_t k = 0; k < with.doc.mentions.size(); ++k) {
      CHECK(with.doc.mentions[k].start == without.doc.mentions[k].start);
      CHECK(with.doc.mentions[k].entity_id == without.doc.mentions[k].entity_id);
      CHECK(with.doc.mentions[k].resolved_by == without.doc.mentions[k].resolved_by);
    }
    CHECK_FALSE(with.doc.sentences.empty());
  }
  // Without segmentation, the sentences are computed only for a document that needs them.
  CHECK(Analyze("The talks ended with a statement.", "2021-02-16", false).doc.sentences.empty());
  CHECK_FALSE(Analyze("The talks ended. Aliyev spoke later.", "2021-02-16", false).doc.sentences.empty());
}

TEST_CASE("role references resolve to the holder on the document date", "[mentions]") {
  struct Row {
    std::string text, surface, date, id;
  };
  const std::vector<Row> rows = {
      {"The Russian leader said nothing.", "Russian leader", "2021-02-16", "person:vladimir-putin"},
      {"The Russian leader said nothing.", "Russian leader", "2010-06-01", "person:dmitry-medvedev"},
      {"Azerbaijani top diplomat discusses the situation", "Azerbaijani top diplomat", "2021-02-16",
       "person:jeyhun-bayramov"},
      {"Armenia's prime minister spoke.", "Armenia's prime minister", "2021-02-16", "person:nikol-pashinyan"},
      {"The Armenian leader spoke.", "Armenian leader", "2021-02-16",
       "person:nikol-pashinyan"},  // leader = head of government
  };
  for (const auto& r : rows) {
    INFO(r.text << " @ " << r.date);
    const auto a = Analyze(r.text, r.date);
    const Mention* m = a.At(r.surface);
    REQUIRE(m);
    CHECK(m->entity_id == r.id);
    CHECK(m->resolved_by == MentionSource::kRole);
    CHECK(m->confidence == Approx(0.8));
  }
  // Nobody held the role then: no mention rather than a wrong one.
  const auto a = Analyze("Armenia's prime minister spoke.", "2015-01-01");
  CHECK(a.At("Armenia's prime minister") == nullptr);
}

TEST_CASE("a title before a known name gives its role, not a mention", "[mentions]") {
  const auto a = Analyze("Azerbaijani Foreign Minister Jeyhun Bayramov met Russian peacekeepers.");
  const Mention* m = a.At("Jeyhun Bayramov");
  REQUIRE(m);
  CHECK(m->role == "Foreign Minister of Azerbaijan");
  for (const auto& x : a.doc.mentions) {
    CHECK((x.kind != Kind::kPerson ||
           x.entity_id == "person:jeyhun-bayramov"));  // not "Foreign Minister", "Russian peacekeepers"
  }
  const Mention* adj = a.At("Russian");
  REQUIRE(adj);
  CHECK(adj->kind == Kind::kCountry);
  CHECK(adj->resolved_by == MentionSource::kAdjective);
}

TEST_CASE("a place after 'pro-' or 'anti-' describes a stance, as an adjective does", "[mentions]") {
  const auto a = Analyze("Anti-Azerbaijan protests were held, and pro-Armenia groups joined them.");
  for (const std::string_view name : {"Azerbaijan", "Armenia"}) {
    INFO(name);
    const Mention* m = a.At(name);
    REQUIRE(m);
    CHECK(m->resolved_by == MentionSource::kAdjective);
  }
  // The control: the same names without the prefix are mentions of the countries.
  const auto c = Analyze("Protests were held in Azerbaijan, and groups in Armenia joined them.");
  for (const std::string_view name : {"Azerbaijan", "Armenia"}) {
    INFO(name);
    const Mention* m = c.At(name);
    REQUIRE(m);
    CHECK(m->resolved_by == MentionSource::kExact);
  }
}

TEST_CASE("discovery of people no gazetteer lists", "[mentions]") {
  struct Row {
    std::string text, surface, id, country;
  };
  const std::vector<Row> rows = {
      {"The co-chairs Igor Popov (Russia), Marta Ilves (France) and Tom Reed (the US) met.", "Marta Ilves",
       "discovered:marta-ilves", "FR"},
      {"The co-chairs Igor Popov (Russia), Marta Ilves (France) and Tom Reed (the US) met.", "Tom Reed",
       "discovered:tom-reed", "US"},
      {"Talks were led by Deputy Foreign Minister Anna Kovacs on Monday.", "Anna Kovacs", "discovered:anna-kovacs", ""},
      {"Ambassador-at-large Orhan Demirel headed the team.", "Orhan Demirel", "discovered:orhan-demirel", ""},
      {"The team was led by Vahe Sargsian, a senior adviser at the ministry.", "Vahe Sargsian",
       "discovered:vahe-sargsian", ""},
      {"Vladimir Putin, Karl Ostrom and Ilham Aliyev met.", "Karl Ostrom", "discovered:karl-ostrom", ""},
      {"The plan is sound, Lena Holm told reporters.", "Lena Holm", "discovered:lena-holm", ""},
      // the apposition of a title, set off by commas or ended by the sentence
      {"The U.N. envoy for Russia, Tarek Mansour, arrived.", "Tarek Mansour", "discovered:tarek-mansour", ""},
      {"Vladimir Putin met the spokesman, Tarek Mansour.", "Tarek Mansour", "discovered:tarek-mansour", ""},
      // a title "of" an institution, and a hyphenated title, before the name
      {"Speaker of Parliament Mansour arrived.", "Mansour", "discovered:mansour", ""},
      {"The Governor of the Central Bank Tarek Mansour arrived.", "Tarek Mansour", "discovered:tarek-mansour", ""},
      {"Prime Minister-Designate Mansour arrived.", "Mansour", "discovered:mansour", ""},
      // a known given name first, with no other clue
      {"Critics of the plan included Ingrid Solberg and others.", "Ingrid Solberg", "discovered:ingrid-solberg", ""},
      {"The report by José Arrieta Vidal was cited.", "José Arrieta Vidal", "discovered:jose-arrieta-vidal", ""},
  };
  for (const auto& r : rows) {
    INFO(r.text << " / " << r.surface);
    const auto a = Analyze(r.text);
    const Mention* m = a.At(r.surface);
    REQUIRE(m);
    CHECK(m->entity_id == r.id);
    CHECK(m->kind == Kind::kPerson);
    CHECK(m->resolved_by == MentionSource::kDiscovered);
    CHECK(m->confidence < 1.0);
    CHECK(m->country == r.country);
  }
  // A later surname refers to the discovered person.
  const auto a = Analyze("Deputy Foreign Minister Anna Kovacs arrived. Kovacs said little.");
  const Mention* m = a.At("Kovacs");
  REQUIRE(m);
  CHECK(m->entity_id == "discovered:anna-kovacs");
  CHECK(m->resolved_by == MentionSource::kSurname);
}

TEST_CASE("capitalised phrases that are not people are not discovered", "[mentions]") {
  for (const std::string text :
       {"The Foreign Ministry said on Monday that New Talks Begin.",
        "According to the statement, Russian peacekeepers arrived.", "The Security Council met in Moscow.",
        // given-name discovery: words that are also names are not on the list,
        // and a given name needs a capitalised word after it
        "The Christian Democrats won. May Day Parade was held. Will Congress act?", "Dennis said little.",
        // an apposition whose title is further off than "for", "of", "the" and names: a place
        "The envoy arrived in Moscow, Old Town.",
        // a title "of" an institution with no name after it
        "The Speaker of Parliament said. The Governor of the Central Bank Said."}) {
    INFO(text);
    const auto a = Analyze(text);
    for (const auto& m : a.doc.mentions) CHECK(m.resolved_by != MentionSource::kDiscovered);
  }
}

TEST_CASE("discovery: a run that ends in an institution's or a place's word is no person", "[mentions]") {
  struct Row {
    std::string text, surface;
    bool person;  // discovered as a person
  };
  const std::vector<Row> rows = {
      {"Critics of the plan included the Ingrid Solberg Foundation.", "Ingrid Solberg Foundation", false},
      {"Critics of the plan included Ingrid Solberg and others.", "Ingrid Solberg", true},  // the control
      {"Deputy Foreign Minister Anna Kovacs Street was renamed.", "Anna Kovacs Street", false},
      {"Deputy Foreign Minister Anna Kovacs arrived.", "Anna Kovacs", true},  // the control
      // a given name first makes a person of a run of two or three words, not of more
      {"Critics of the plan included Ingrid Solberg Halvorsen Berge.", "Ingrid Solberg Halvorsen Berge", false},
      {"Critics of the plan included Ingrid Solberg Halvorsen.", "Ingrid Solberg Halvorsen", true},  // control
  };
  for (const auto& r : rows) {
    INFO(r.text);
    const auto a = Analyze(r.text);
    const Mention* m = a.At(r.surface);
    const bool discovered = m && m->resolved_by == MentionSource::kDiscovered && m->is_person();
    CHECK(discovered == r.person);
  }
}

TEST_CASE("discovered names: middle initials and hyphenated given names", "[mentions]") {
  struct Row {
    std::string text, name;  // the discovered name, or "" for none
  };
  const std::vector<Row> rows = {
      {"The envoy, Ambassador Ivo R. Marten, arrived.", "Ivo R. Marten"},
      {"The envoy, Ambassador Ivo Marten, arrived.", "Ivo Marten"},  // the control: no initial
      {"Former President Kim Dae-jung spoke.", "Kim Dae-jung"},
      {"Former President Kim Dae spoke.", "Kim Dae"},  // the control: no hyphen
      // Lower-case particles before the capitalised word they join.
      {"The envoy, Ambassador Ivo de Marten, arrived.", "Ivo de Marten"},
      {"The envoy, Ambassador Ivo van der Marten, arrived.", "Ivo van der Marten"},
      {"The envoy, Ambassador Ivo al-Marten, arrived.", "Ivo al-Marten"},
      {"The envoy, Ambassador Ivo Marten de facto, arrived.", "Ivo Marten"},  // control: no capital after
  };
  for (const auto& r : rows) {
    INFO(r.text);
    const auto a = Analyze(r.text);
    const Mention* m = a.At(r.name);
    REQUIRE(m);
    CHECK(m->name == r.name);
    CHECK(m->resolved_by == MentionSource::kDiscovered);
  }
}
