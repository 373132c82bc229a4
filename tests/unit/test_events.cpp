// Events: participant patterns, roles, dates, places, merging and negative cases.
#include "events/events.hpp"
#include "fixture_gazetteer.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <random>

using actorgraph::events::Event;

namespace {

const actorgraph::gazetteer::Gazetteer& Gaz() {
  static const auto gaz = actorgraph::testing::FixtureGazetteer();
  return gaz;
}

std::vector<Event> Extract(const std::string& text, const std::string& date = "2021-02-16", const std::string& id = "t",
                           actorgraph::events::EventOptions options = {}) {
  static const auto titles = [] {
    actorgraph::mentions::Titles t;
    REQUIRE(t.Load((actorgraph::testing::SourceDir() / "data/lexicons/titles.tsv").string()).ok());
    return t;
  }();
  static const auto triggers = [] {
    actorgraph::events::Triggers t;
    REQUIRE(t.Load((actorgraph::testing::SourceDir() / "data/lexicons/event-triggers.tsv").string()).ok());
    return t;
  }();
  static const auto cues = [] {
    actorgraph::events::Cues c;
    REQUIRE(c.Load((actorgraph::testing::SourceDir() / "data/lexicons/event-cues.tsv").string()).ok());
    return c;
  }();
  static const auto model = [] {
    actorgraph::tagger::Model m;
    REQUIRE(actorgraph::tagger::Model::Load((actorgraph::testing::SourceDir() / "data/models/pos-en.agt").string(), &m)
                .ok());
    return m;
  }();
  actorgraph::mentions::MentionFinder finder(Gaz(), titles);
  actorgraph::documents::Document doc;
  doc.id = id;
  doc.text = text;
  actorgraph::mentions::AnalyzedDocument ad;
  finder.Analyze(doc, date, &ad);
  return actorgraph::events::EventExtractor(Gaz(), triggers, cues, model, std::move(options)).Extract(ad);
}

std::vector<std::string> Who(const Event& e) {
  std::vector<std::string> out;
  for (const auto& p : e.participants) out.push_back(p.entity_id.substr(p.entity_id.find(':') + 1) + "/" + p.role);
  return out;
}

}  // namespace

TEST_CASE("participant patterns", "[events]") {
  struct Row {
    std::string text;
    std::string type, date, place;
    std::vector<std::string> who;
  };
  const std::vector<Row> rows = {
      {"Vladimir Putin, Ilham Aliyev and Nikol Pashinyan signed a joint statement on Monday.",
       "statement",
       "2021-02-15",
       "",
       {"ilham-aliyev/signatory", "nikol-pashinyan/signatory", "vladimir-putin/signatory"}},
      {"Jeyhun Bayramov discussed the situation with Sergey Lavrov.",
       "talks",
       "2021-02-16",
       "",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      {"On January 11, Vladimir Putin met Ilham Aliyev in Moscow.",
       "meeting",
       "2021-01-11",
       "place:moscow",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"A meeting was held of Foreign Minister Jeyhun Bayramov with co-chairs Igor Popov (Russia) and Stéphane "
       "Visconti (France).",
       "meeting",
       "2021-02-16",
       "",
       {"igor-popov/mediator", "jeyhun-bayramov/participant", "stephane-visconti/mediator"}},
      {"Vladimir Putin held a phone call with Nikol Pashinyan yesterday.",
       "call",
       "2021-02-15",
       "",
       {"nikol-pashinyan/participant", "vladimir-putin/participant"}},
      {"Ilham Aliyev visited Moscow at the invitation of Vladimir Putin.",
       "visit",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      {"Ilham Aliyev arrived in Moscow on Monday on a two-day visit at the invitation of Vladimir Putin.",
       "visit",
       "2021-02-15",
       "place:moscow",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      {"Ilham Aliyev visited Vladimir Putin before flying back to Moscow.",
       "visit",
       "2021-02-16",
       "",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      {"Vladimir Putin and Ilham Aliyev held talks in the Black Sea resort of Sochi.",
       "talks",
       "2021-02-16",
       "place:sochi",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin and Ilham Aliyev held talks in the Black Sea on Monday.",
       "talks",
       "2021-02-15",
       "place:black-sea",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin and Ilham Aliyev discussed the situation in the Black Sea.",
       "talks",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin hosted Ilham Aliyev in Moscow on Monday.",
       "meeting",
       "2021-02-15",
       "place:moscow",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      // "along with", "together with": more who take part.
      {"Vladimir Putin and Ilham Aliyev met in Moscow on Monday, along with Nikol Pashinyan.",
       "meeting",
       "2021-02-15",
       "place:moscow",
       {"ilham-aliyev/participant", "nikol-pashinyan/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin met Ilham Aliyev together with Nikol Pashinyan.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "nikol-pashinyan/participant", "vladimir-putin/participant"}},
      // Control: "and then" + a name with its own verb starts a new clause.
      {"Vladimir Putin met Ilham Aliyev, and then Nikol Pashinyan left.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A lower-case title head before a name ("Mossad chief X") continues to the name.
      {"Vladimir Putin met Kremlin chief Ilham Aliyev and Nikol Pashinyan.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "nikol-pashinyan/participant", "vladimir-putin/participant"}},
      // A meal with someone is a meeting.
      {"Vladimir Putin had lunch with Ilham Aliyev.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A host's meal or reception for someone: the guest takes part.
      {"Vladimir Putin hosted a dinner for Ilham Aliyev in Moscow.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      {"Vladimir Putin hosted a reception in honour of Ilham Aliyev.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      // A guest welcomed to a place: the place of the meeting.
      {"Vladimir Putin welcomed Ilham Aliyev to Moscow on Monday.",
       "meeting",
       "2021-02-15",
       "place:moscow",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      // A passive: the agent after "by" hosts.
      {"Ilham Aliyev was welcomed by Vladimir Putin in Moscow.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      {"Ilham Aliyev was greeted by Vladimir Putin in Moscow.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/visitor", "vladimir-putin/host"}},
      // "his meeting": the possessive pronoun is the subject of the verb the phrase belongs to.
      {"Vladimir Putin endorsed the plan during his meeting in Moscow with Ilham Aliyev.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // "call on" a date is a call; "called on X to" (a demand) is the row in the negatives.
      {"Vladimir Putin held a call on February 12 with Nikol Pashinyan.",
       "call",
       "2021-02-12",
       "",
       {"nikol-pashinyan/participant", "vladimir-putin/participant"}},
      // Talks that are news take the subject of the verb they follow.
      {"Vladimir Putin and Ilham Aliyev left after three hours of talks in Sochi.",
       "talks",
       "2021-02-16",
       "place:sochi",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A fronted date and a temporal clause: "after A and B met".
      {"On January 11, after Vladimir Putin and Ilham Aliyev met in Moscow, nothing was signed.",
       "meeting",
       "2021-01-11",
       "place:moscow",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A photo caption: places between commas, and the full date after the clause.
      {"Vladimir Putin, center, Ilham Aliyev, second left, and Nikol Pashinyan, right, meet in Sochi, Friday, "
       "January 15, 2021.",
       "meeting",
       "2021-01-15",
       "place:sochi",
       {"ilham-aliyev/participant", "nikol-pashinyan/participant", "vladimir-putin/participant"}},
      // The control: a date after a later verb of the sentence is that verb's.
      {"Vladimir Putin met Ilham Aliyev and discussed plans to hold elections in October.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A passive with a place before the agent.
      {"The memorandum was signed in Moscow by Sergey Lavrov and Jeyhun Bayramov.",
       "agreement",
       "2021-02-16",
       "place:moscow",
       {"jeyhun-bayramov/signatory", "sergey-lavrov/signatory"}},
      // Whom each signatory signs for is no participant, and the list goes on after it.
      {"The memorandum was signed by Sergey Lavrov for Russia, and Jeyhun Bayramov for Azerbaijan.",
       "agreement",
       "2021-02-16",
       "",
       {"jeyhun-bayramov/signatory", "sergey-lavrov/signatory"}},
      // Who was called is the object of the infinitive after "called".
      {"Vladimir Putin called to congratulate Ilham Aliyev.",
       "call",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // "convened"/"chaired" a meeting: the subject takes part; "with the participation of".
      {"Sergey Lavrov and Jeyhun Bayramov convened a meeting in Moscow.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      {"Vladimir Putin chaired a meeting with the participation of Ilham Aliyev.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // "to take part in a meeting with": the subject of "take part".
      {"Sergey Lavrov flew to Sochi to take part in a meeting with Jeyhun Bayramov.",
       "meeting",
       "2021-02-16",
       "place:sochi",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      // The visitor of a place takes part in what the visit is for; the control: one invited
      // to take part is the one who does (the invitation is planned, tested with status).
      {"Sergey Lavrov also visited Sochi to take part in a summit with Ilham Aliyev and Vladimir Putin.",
       "meeting",
       "2021-02-16",
       "place:sochi",
       {"ilham-aliyev/participant", "sergey-lavrov/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin invited Sergey Lavrov to take part in a summit with Ilham Aliyev.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "sergey-lavrov/participant"}},
      // "he" after a reporting verb is the one who reports (the negative, a possessor's
      // spokesman, is with the negative cases).
      {"Vladimir Putin said he and Ilham Aliyev discussed the situation.",
       "talks",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin told reporters that he and Ilham Aliyev had talks.",
       "talks",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A fronted phrase's "their talks" and "a joint statement" are the main clause's
      // subject's; a fronted call takes the main verb's object too.
      {"After their talks in Moscow, Vladimir Putin and Ilham Aliyev left for the airport.",
       "talks",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"In a joint statement, Vladimir Putin and Ilham Aliyev pledged closer ties.",
       "statement",
       "2021-02-16",
       "",
       {"ilham-aliyev/signatory", "vladimir-putin/signatory"}},
      {"In a phone call, Vladimir Putin told Ilham Aliyev that ties were strong.",
       "call",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A call as the setting of another verb: its subject and object took part.
      {"Vladimir Putin congratulated Ilham Aliyev on his victory in a phone call on Monday.",
       "call",
       "2021-02-15",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // An NP with its own verb after "and" starts a new clause; the control: a list of objects.
      {"Ilham Aliyev met Nikol Pashinyan and Vladimir Putin said nothing.",
       "meeting",
       "2021-02-16",
       "",
       {"ilham-aliyev/participant", "nikol-pashinyan/participant"}},
      {"Ilham Aliyev met Nikol Pashinyan and Vladimir Putin in Moscow.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/participant", "nikol-pashinyan/participant", "vladimir-putin/participant"}},
      // "received her Polish counterpart X": the object's title and name together.
      {"Ilham Aliyev received his Armenian counterpart Nikol Pashinyan in Moscow.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/host", "nikol-pashinyan/visitor"}},
      // "with visiting President X": a participle between the preposition and the name (the
      // tagger may read "with" as a subordinator there); the control without it.
      {"Vladimir Putin on Monday held talks with visiting Azerbaijani President Ilham Aliyev in Moscow.",
       "talks",
       "2021-02-15",
       "place:moscow",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin on Monday held talks with Azerbaijani President Ilham Aliyev in Moscow.",
       "talks",
       "2021-02-15",
       "place:moscow",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // An earlier event the text tells of as known has no date of its own ("following A's
      // meeting"); the control, "after three hours of talks", is news of the day (above).
      {"Sergey Lavrov spoke in Sochi following Vladimir Putin's meeting with Ilham Aliyev.",
       "meeting",
       "",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // "visited X, where he met B": the relative clause's "he" is the main clause's subject.
      {"Sergey Lavrov visited Sochi, where he met Jeyhun Bayramov.",
       "meeting",
       "2021-02-16",
       "place:sochi",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      // A meeting on some day of a trip of several days: the month; the control: the day.
      {"Sergey Lavrov ended a two-day visit to Sochi, where he met Jeyhun Bayramov.",
       "meeting",
       "2021-02",
       "",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      {"Sergey Lavrov ended a visit to Sochi, where he met Jeyhun Bayramov.",
       "meeting",
       "2021-02-16",
       "",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      // A past form dated by a month without its year: the last such month before the
      // document (of 2021-02-16); the controls: the year given, and a future form.
      {"Vladimir Putin and Ilham Aliyev last met in Sochi in September.",
       "meeting",
       "2020-09",
       "place:sochi",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin and Ilham Aliyev held talks in March.",
       "talks",
       "2020-03",
       "",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin and Ilham Aliyev met in Sochi in September 2021.",
       "meeting",
       "2021-09",
       "place:sochi",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin and Ilham Aliyev will meet in Sochi in March.",
       "meeting",
       "2021-03",
       "place:sochi",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // A possessor's date dates its noun, not the event; the control: the same date as an
      // adverbial.
      {"Sergey Lavrov spoke with Jeyhun Bayramov on February 12 to discuss Russia's February 14 statement.",
       "call",
       "2021-02-12",
       "",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      {"Sergey Lavrov spoke with Jeyhun Bayramov to discuss Russia's February 14 statement.",
       "call",
       "2021-02-16",
       "",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      {"Sergey Lavrov spoke with Jeyhun Bayramov to discuss the statement on February 14.",
       "call",
       "2021-02-14",
       "",
       {"jeyhun-bayramov/participant", "sergey-lavrov/participant"}},
      // A joint news conference: those who give it met.
      {"Ilham Aliyev appeared at a news conference in Moscow with Vladimir Putin.",
       "meeting",
       "2021-02-16",
       "place:moscow",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      // Talks that a visit is for take the visitor.
      {"Vladimir Putin visits Sochi for talks with Ilham Aliyev.",
       "talks",
       "2021-02-16",
       "place:sochi",
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    const auto evs = Extract(r.text);
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].type == r.type);
    CHECK(evs[0].date == r.date);
    CHECK(evs[0].place == r.place);
    CHECK(Who(evs[0]) == r.who);
    CHECK(!evs[0].evidence.empty());
  }
}

TEST_CASE("transcripts: 'I' is the speaker of the label, 'you' those the speaker hails", "[events]") {
  auto evs =
      Extract("President of Russia Vladimir Putin: Mr Aliyev, Mr Pashinyan,\nI am happy to welcome you to Moscow.");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].status == "happened");  // the welcome is said to those present
  CHECK(Who(evs[0]) ==
        std::vector<std::string>{"ilham-aliyev/visitor", "nikol-pashinyan/visitor", "vladimir-putin/host"});
  // The control: no label, no one for "I" and "you".
  CHECK(Extract("Ilham Aliyev and Nikol Pashinyan arrived.\nI am happy to welcome you to Moscow.").empty());
}

TEST_CASE("the dateline dates the report, not the event", "[events]") {
  const auto evs =
      Extract("PARIS, July 7 (Agency) — Vladimir Putin held a phone call with Ilham Aliyev on Tuesday.", "2021-07-07");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].date == "2021-07-06");
  CHECK(evs[0].mode == "phone");
}

TEST_CASE("a second verb after 'and' has the first verb's subject, not its object", "[events]") {
  const auto evs = Extract("Vladimir Putin met Ilham Aliyev and then discussed trade with Nikol Pashinyan.");
  REQUIRE(evs.size() == 2);
  for (const auto& e : evs) {
    INFO(e.type);
    if (e.type == "talks")
      CHECK(Who(e) == std::vector<std::string>{"nikol-pashinyan/participant", "vladimir-putin/participant"});
    if (e.type == "meeting")
      CHECK(Who(e) == std::vector<std::string>{"ilham-aliyev/participant", "vladimir-putin/participant"});
  }
  // Control: a coordinated subject is still the subject.
  const auto joint = Extract("Vladimir Putin and Ilham Aliyev discussed trade with Nikol Pashinyan.");
  REQUIRE(joint.size() == 1);
  CHECK(joint[0].participants.size() == 3);
}

TEST_CASE("a date in a relative clause before the trigger dates that clause, not the event", "[events]") {
  struct Row {
    std::string text, date;
  };
  const std::vector<Row> rows = {
      {"Vladimir Putin, who will visit Baku next month, met Ilham Aliyev.", "2021-02-16"},
      {"Vladimir Putin, who on Monday met Ilham Aliyev, left.", "2021-02-15"},  // the relative clause's own verb
      {"On Monday, Vladimir Putin met Ilham Aliyev.", "2021-02-15"},            // control: a fronted date
      {"Vladimir Putin, who last year met Ilham Aliyev, left.", "2020"},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    const auto evs = Extract(r.text);
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].date == r.date);
  }
}

TEST_CASE("a meeting during a visit is at the visit's destination", "[events]") {
  const auto evs = Extract("Ilham Aliyev made a visit to Sochi on Monday, holding talks with Vladimir Putin.");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].place == "place:sochi");
  // Control: a planned visit gives no place to a meeting that happened.
  const auto planned = Extract("Ilham Aliyev, who will visit Sochi next month, met Vladimir Putin.");
  REQUIRE(planned.size() == 1);
  CHECK(planned[0].place.empty());
}

TEST_CASE("the dateline after a headline in capitals is still the dateline", "[events]") {
  const auto evs = Extract(
      "UN envoy meets leaders\n\nPARIS, July 7 (Agency) — Vladimir Putin met Ilham Aliyev on Monday.", "2021-07-07");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].date == "2021-07-05");  // 2021-07-07 was a Wednesday
}

TEST_CASE("a weekday dates a happened event back and a planned one forward", "[events]") {
  struct Row {
    std::string text, date, status;
  };
  const std::vector<Row> rows = {
      {"Vladimir Putin met Ilham Aliyev on Saturday.", "2021-02-13", "happened"},  // 2021-02-16 is a Tuesday
      {"Vladimir Putin will meet Ilham Aliyev on Saturday.", "2021-02-20", "planned"},
      {"Vladimir Putin is scheduled to meet Ilham Aliyev on Tuesday.", "2021-02-16", "planned"},
      {"Vladimir Putin spoke with Ilham Aliyev last month.", "2021-01", "happened"},
      {"Vladimir Putin will meet Ilham Aliyev next month.", "2021-03", "planned"},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    const auto evs = Extract(r.text);
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].date == r.date);
    CHECK(evs[0].status == r.status);
  }
}

TEST_CASE("a weekday after a verb of reporting dates the report, not the event reported", "[events]") {
  // 2021-02-16 is a Tuesday: Saturday is 2021-02-13. Rows: sentence, whether Saturday dates
  // the event (the controls, with the weekday in the event's own clause) or not.
  const std::vector<std::pair<std::string, bool>> rows = {
      {"Local media reported Saturday that Vladimir Putin and Ilham Aliyev had been holding talks.", false},
      {"Officials told reporters Saturday that Vladimir Putin met Ilham Aliyev in Sochi.", false},
      {"Local media reported that Vladimir Putin and Ilham Aliyev held talks on Saturday.", true},
      {"On Saturday, Vladimir Putin met Ilham Aliyev in Sochi, officials said.", true},
  };
  for (const auto& [text, saturday] : rows) {
    INFO(text);
    const auto evs = Extract(text);
    REQUIRE(evs.size() == 1);
    CHECK((evs[0].date == "2021-02-13") == saturday);
  }
}

TEST_CASE("one sentence, two events: a meeting and a statement with the same people", "[events]") {
  const auto evs = Extract(
      "On January 11, after Vladimir Putin, Ilham Aliyev and Nikol Pashinyan met in Moscow, a joint statement was "
      "signed.");
  REQUIRE(evs.size() == 2);
  std::vector<std::string> types{evs[0].type, evs[1].type};
  std::sort(types.begin(), types.end());
  CHECK(types == std::vector<std::string>{"meeting", "statement"});
  for (const auto& e : evs) {
    CHECK(e.date == "2021-01-11");
    CHECK(e.participants.size() == 3);
  }
}

TEST_CASE("negative cases: speech, negation, a possessor, a lone participant", "[events]") {
  for (const std::string text :
       {"The Russian leader said the sides would keep their positions.",
        "Ilham Aliyev and Nikol Pashinyan did not meet.",
        "Ilham Aliyev plans to visit Moscow with Vladimir Putin's blessing.", "Jeyhun Bayramov held talks.",
        "Vladimir Putin called on Ilham Aliyev to withdraw.",
        "Vladimir Putin endorsed the plan during a meeting of the ministers.",
        "The statements signed by the leaders of Russia and Armenia remain in force.",
        // "receive" and "welcome" with a thing for their object
        "Ilham Aliyev received a letter from Vladimir Putin.", "Ilham Aliyev welcomed the decision of Vladimir Putin.",
        "Ilham Aliyev received 491,667 votes, the most, and Vladimir Putin won.",
        // "he" reports for no one named right before the reporting verb
        "Vladimir Putin's spokesman said he and Ilham Aliyev discussed the situation.",
        // a statement of one, and a fronted phrase that ended before the trigger
        "In a statement, Vladimir Putin condemned Ilham Aliyev.",
        "After the talks, Vladimir Putin and Ilham Aliyev left.",
        // praise during a meeting does not put the one praised in it
        "Vladimir Putin praised Ilham Aliyev during a meeting of the cabinet.",
        // "for" after a thing that is no meal names no guest
        "Vladimir Putin hosted a summit for peace, Ilham Aliyev said."}) {
    INFO(text);
    CHECK(Extract(text).empty());
  }
  // The positive controls: the same people, and an event.
  CHECK(Extract("Ilham Aliyev and Nikol Pashinyan met.").size() == 1);
  CHECK(Extract("Ilham Aliyev received Vladimir Putin.").size() == 1);
  CHECK(Extract("Ilham Aliyev welcomed the resumption of ties with Vladimir Putin.").size() == 1);
}

TEST_CASE("status: happened, planned or cancelled, from the trigger's clause", "[events]") {
  struct Row {
    std::string text;
    std::string status;  // "" for no event
  };
  const std::vector<Row> rows = {
      {"Ilham Aliyev and Nikol Pashinyan met in Moscow on Monday.", "happened"},
      {"Ilham Aliyev and Nikol Pashinyan will meet next month.", "planned"},
      {"Ilham Aliyev is expected to meet Nikol Pashinyan in Moscow.", "planned"},
      {"Ilham Aliyev plans to visit Vladimir Putin in Moscow.", "planned"},
      {"If they agree, Ilham Aliyev will host Nikol Pashinyan in Baku.", "planned"},
      {"The meeting of Ilham Aliyev with Nikol Pashinyan was postponed.", "cancelled"},
      // A verb and its particle; the predicate past an aside.
      {"The meeting of Ilham Aliyev with Nikol Pashinyan was called off.", "cancelled"},
      {"The meeting of Ilham Aliyev with Nikol Pashinyan, planned for Wednesday, was called off.", "cancelled"},
      {"The meeting of Ilham Aliyev with Nikol Pashinyan, planned for Wednesday, took place in Baku.", "happened"},
      {"The meeting of Ilham Aliyev with Nikol Pashinyan, planned for Wednesday, will focus on trade.", "planned"},
      {"The meeting of Ilham Aliyev with Nikol Pashinyan was held in Moscow.", "happened"},
      {"Ahead of the meeting between Ilham Aliyev and Nikol Pashinyan, security was tightened.", "planned"},
      {"Ilham Aliyev did not meet Nikol Pashinyan.", ""},
      {"Ilham Aliyev met Nikol Pashinyan, who will visit Baku next week.", "happened"},
      // An infinitive of purpose after a journey or an event happened; after "agreed", planned.
      {"Ilham Aliyev flew to Moscow to meet Vladimir Putin.", "happened"},
      {"Ilham Aliyev agreed to meet Vladimir Putin.", "planned"},
      // A journey's verb right before "to" also has its infinitive as its purpose; "going to"
      // and "has to" do not.
      {"Ilham Aliyev emerged to greet Vladimir Putin at the airport.", "happened"},
      {"Ilham Aliyev came to meet Vladimir Putin in Baku.", "happened"},
      {"Ilham Aliyev is going to meet Vladimir Putin in Baku.", "planned"},
      {"Ilham Aliyev has to meet Vladimir Putin in Baku.", "planned"},
      // A noun trigger for which a journey is made has the journey's status.
      {"Ilham Aliyev is expected to travel to Moscow for talks with Vladimir Putin.", "planned"},
      {"Ilham Aliyev traveled to Moscow for talks with Vladimir Putin.", "happened"},
      // An implicative word in the past: the infinitive happened; in the future, planned.
      {"Ilham Aliyev managed to meet Vladimir Putin.", "happened"},
      {"Ilham Aliyev was able to meet Vladimir Putin in Baku.", "happened"},
      {"Ilham Aliyev will be able to meet Vladimir Putin in Baku.", "planned"},
      {"Ilham Aliyev did not manage to meet Vladimir Putin.", ""},
      // A refusal: no event; a copula and an intent word after a noun trigger: planned.
      {"Ilham Aliyev refused to meet Vladimir Putin.", ""},
      {"Ilham Aliyev declined to meet Vladimir Putin in Baku.", ""},
      {"A meeting between Ilham Aliyev and Vladimir Putin is unlikely.", "planned"},
      {"A meeting between Ilham Aliyev and Vladimir Putin is now possible.", "planned"},
      {"A meeting between Ilham Aliyev and Vladimir Putin was held in Baku.", "happened"},
      {"Vladimir Putin looks forward to his meeting with Ilham Aliyev.", "planned"},
      {"Vladimir Putin spoke about his meeting with Ilham Aliyev.", "happened"},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    const auto evs = Extract(r.text);
    if (r.status.empty()) {
      CHECK(evs.empty());
      continue;
    }
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].status == r.status);
    CHECK(evs[0].participants.size() == 2);
    // CAMEO 036 (express intent to meet) for a planned meeting.
    if (r.status == "planned") CHECK(evs[0].cameo == "036");
  }
}

TEST_CASE("separate calls are one event per counterpart; a joint call is one", "[events]") {
  auto evs = Extract("Vladimir Putin held separate calls on Monday with Ilham Aliyev and Nikol Pashinyan.");
  REQUIRE(evs.size() == 2);
  for (const auto& e : evs) {
    CHECK(e.type == "call");
    CHECK(e.date == "2021-02-15");
    CHECK(e.participants.size() == 2);
  }
  evs = Extract("Vladimir Putin held a call on Monday with Ilham Aliyev and Nikol Pashinyan.");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].participants.size() == 3);
  // "met a range of officials, including A and B": a meeting with each of those listed; the
  // control, "met A and B", is one meeting of three.
  evs = Extract("Sergey Lavrov met a range of officials, including Ilham Aliyev and Nikol Pashinyan.");
  REQUIRE(evs.size() == 2);
  for (const auto& e : evs) CHECK(e.participants.size() == 2);
  evs = Extract("Sergey Lavrov met Ilham Aliyev and Nikol Pashinyan.");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].participants.size() == 3);
  // A headline's plural "Calls With A and B" is a call with each; "Call With" is one.
  evs = Extract("Sergey Lavrov's Calls With Ilham Aliyev and Nikol Pashinyan");
  REQUIRE(evs.size() == 2);
  for (const auto& e : evs) CHECK(e.participants.size() == 2);
  evs = Extract("Sergey Lavrov's Call With Ilham Aliyev and Nikol Pashinyan");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].participants.size() == 3);
}

TEST_CASE("'in separate calls' after the objects makes one call with each", "[events]") {
  const auto evs = Extract("Vladimir Putin spoke with Ilham Aliyev and Nikol Pashinyan in separate phone calls.");
  CHECK(evs.size() == 2);
  // Control: a joint call is one.
  CHECK(Extract("Vladimir Putin spoke with Ilham Aliyev and Nikol Pashinyan in a joint phone call.").size() == 1);
}

TEST_CASE("merging within a document: same class, compatible dates, shared participants", "[events]") {
  const auto evs = Extract(
      "On February 16, Jeyhun Bayramov met Igor Popov. The meeting of Jeyhun Bayramov with Stéphane Visconti "
      "and Igor Popov was held in a video format. On March 1, Jeyhun Bayramov met Sergey Lavrov.");
  REQUIRE(evs.size() == 2);
  CHECK(evs[0].date == "2021-02-16");
  CHECK(Who(evs[0]) ==
        std::vector<std::string>{"igor-popov/mediator", "jeyhun-bayramov/participant", "stephane-visconti/mediator"});
  CHECK(evs[0].mode == "video");
  CHECK(evs[0].evidence.size() == 2);
  CHECK(evs[1].date == "2021-03-01");
}

TEST_CASE("a dated reference to an earlier event links to it instead of making a new one", "[events]") {
  const auto evs = Extract(
      "On November 9, Vladimir Putin, Ilham Aliyev and Nikol Pashinyan signed a joint statement. "
      "Observers praised the trilateral agreements of November 10 (November 9 Moscow time), 2020.");
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].date == "2020-11-09");
  REQUIRE(evs[0].evidence.size() == 3);    // "signed", "joint statement", and the reference
  CHECK(evs[0].evidence[2].start == 123);  // "agreements"
  // The positive control: a reference to a date with no event stays no event.
  CHECK(Extract("Observers praised the trilateral agreements of November 10, 2020.").empty());
}

TEST_CASE("merging across documents does not depend on order", "[events]") {
  auto a = Extract("On February 16, Jeyhun Bayramov met Igor Popov.", "2021-02-16", "a");
  auto b = Extract("Jeyhun Bayramov met Igor Popov and Stéphane Visconti on February 16.", "2021-02-17", "b");
  auto c = Extract("Vladimir Putin met Ilham Aliyev on February 16.", "2021-02-17", "c");
  std::vector<Event> abc = a, cba = c;
  abc.insert(abc.end(), b.begin(), b.end());
  abc.insert(abc.end(), c.begin(), c.end());
  cba.insert(cba.end(), b.begin(), b.end());
  cba.insert(cba.end(), a.begin(), a.end());
  const auto m1 = actorgraph::events::MergeEvents(abc);
  const auto m2 = actorgraph::events::MergeEvents(cba);
  REQUIRE(m1.size() == 2);
  REQUIRE(m2.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(m1[i].id == m2[i].id);
    CHECK(m1[i].evidence.size() == m2[i].evidence.size());
  }
  // Different full dates never merge.
  auto d = Extract("On March 5, Jeyhun Bayramov met Igor Popov.", "2021-03-06", "d");
  std::vector<Event> ad = a;
  ad.insert(ad.end(), d.begin(), d.end());
  CHECK(actorgraph::events::MergeEvents(ad).size() == 2);
}

TEST_CASE("merging many events: a fixpoint, independent of input order, nothing lost", "[events]") {
  using actorgraph::events::Evidence;
  using actorgraph::events::Participant;
  // Random events over a few people (two of them in most events, as heads of state are in
  // real corpora), classes and dates that are equal, partial or missing.
  std::mt19937 rng(20261128);
  const std::vector<std::string> people = {"p:a", "p:b", "p:c", "p:d", "p:e", "p:f", "p:g", "p:h"};
  const std::vector<std::pair<std::string, std::string>> kinds = {
      {"meeting", "meet"}, {"agreement", "sign"}, {"call", "call"}};
  const std::vector<std::string> dates = {"", "2021", "2021-01", "2021-01-11", "2021-01-12", "2021-02-03"};
  std::vector<Event> events;
  for (std::uint32_t k = 0; k < 400; ++k) {
    Event e;
    const auto& [type, cls] = kinds[rng() % kinds.size()];
    e.type = type;
    e.event_class = cls;
    e.date = dates[rng() % dates.size()];
    std::vector<std::string> who = {people[rng() % 2], people[2 + rng() % (people.size() - 2)]};
    if (rng() % 3 == 0) who.push_back(people[rng() % people.size()]);
    for (const auto& id : who) {
      if (std::none_of(e.participants.begin(), e.participants.end(),
                       [&](const Participant& p) { return p.entity_id == id; })) {
        Participant p;
        p.entity_id = id;
        p.role = "participant";
        e.participants.push_back(p);
      }
    }
    e.evidence.push_back(Evidence{"doc" + std::to_string(k % 37), k, k + 5});
    events.push_back(e);
  }
  const auto merged = actorgraph::events::MergeEvents(events);
  // Nothing lost: every piece of evidence is in exactly one merged event.
  std::size_t evidence = 0;
  for (const auto& e : merged) evidence += e.evidence.size();
  CHECK(evidence == events.size());
  CHECK(merged.size() < events.size());
  // A fixpoint: no two results could still merge (same class, compatible dates, one's
  // participants all among the other's).
  const auto compatible = [](const std::string& a, const std::string& b) {
    return a.empty() || b.empty() ||
           a.compare(0, std::min(a.size(), b.size()), b, 0, std::min(a.size(), b.size())) == 0;
  };
  for (std::size_t i = 0; i < merged.size(); ++i) {
    for (std::size_t j = i + 1; j < merged.size(); ++j) {
      const auto& a = merged[i];
      const auto& b = merged[j];
      const auto within = [](const Event& x, const Event& y) {
        return std::all_of(x.participants.begin(), x.participants.end(), [&](const Participant& p) {
          return std::any_of(y.participants.begin(), y.participants.end(),
                             [&](const Participant& q) { return q.entity_id == p.entity_id; });
        });
      };
      const bool nested = within(a, b) || within(b, a);
      INFO(a.id << " / " << b.id);
      CHECK_FALSE((a.event_class == b.event_class && compatible(a.date, b.date) && nested));
    }
  }
  // The same result for the input in any order.
  for (int round = 0; round < 3; ++round) {
    std::shuffle(events.begin(), events.end(), rng);
    const auto again = actorgraph::events::MergeEvents(events);
    REQUIRE(again.size() == merged.size());
    for (std::size_t i = 0; i < merged.size(); ++i) {
      CHECK(again[i].id == merged[i].id);
      CHECK(again[i].evidence == merged[i].evidence);
    }
  }
}

TEST_CASE("plural references: 'the two leaders' are the latest people named before", "[events]") {
  // Talks whose only participants are "the two leaders".
  auto evs = Extract(
      "Ilham Aliyev arrived in Moscow on Monday, welcomed by Vladimir Putin at the airport.\n\n"
      "The two leaders then held talks for an hour.");
  // The welcome and the talks are one meeting.
  REQUIRE(evs.size() == 1);
  CHECK(Who(evs[0]) == std::vector<std::string>{"ilham-aliyev/visitor", "vladimir-putin/host"});
  CHECK(evs[0].evidence.size() == 2);
  // "the three leaders" takes three; with fewer people named before, nothing.
  evs = Extract(
      "Nikol Pashinyan and Ilham Aliyev came to Sochi. Vladimir Putin greeted them. The three leaders held talks.");
  REQUIRE(!evs.empty());
  // Putin greeted them (host and visitors), and the three held talks: one meeting.
  CHECK(Who(evs.back()) ==
        std::vector<std::string>{"ilham-aliyev/visitor", "nikol-pashinyan/visitor", "vladimir-putin/host"});
  CHECK(Extract("Vladimir Putin spoke. The three leaders held talks.").empty());
  // Not for signing: the presidents watched the ministers sign.
  evs = Extract(
      "Ilham Aliyev met Vladimir Putin in Moscow on Monday. "
      "The two presidents looked on as their ministers signed a memorandum.");
  for (const auto& e : evs) {
    INFO(e.id);
    CHECK(e.event_class != "sign");
  }
}

TEST_CASE("all actors (--actors all): countries and organisations alone make events; by default people do",
          "[events]") {
  actorgraph::events::EventOptions all;
  all.all_actors = true;
  struct Row {
    std::string text;
    bool all_actors;
    std::vector<std::string> who;  // empty: no event
  };
  const std::vector<Row> rows = {
      // Countries alone: an event only when asked for.
      {"Russia and Azerbaijan signed an agreement on Monday.", false, {}},
      {"Russia and Azerbaijan signed an agreement on Monday.", true, {"AZ/signatory", "RU/signatory"}},
      {"Armenia met France in Moscow.", true, {"AM/participant", "FR/participant"}},
      // A place is never an actor, even so.
      {"Russia met Azerbaijan in Moscow.", true, {"AZ/participant", "RU/participant"}},
      // Beside a person, countries stay out either way (people first).
      {"Vladimir Putin met Ilham Aliyev and Armenia.",
       true,
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
      {"Vladimir Putin met Ilham Aliyev and Armenia.",
       false,
       {"ilham-aliyev/participant", "vladimir-putin/participant"}},
  };
  for (const auto& row : rows) {
    INFO(row.text << (row.all_actors ? " (--actors all)" : ""));
    const auto events = Extract(row.text, "2021-02-16", "t", row.all_actors ? all : actorgraph::events::EventOptions{});
    if (row.who.empty()) {
      CHECK(events.empty());
      continue;
    }
    REQUIRE(events.size() == 1);
    CHECK(Who(events[0]) == row.who);
  }
}

TEST_CASE("a PETRARCH verb dictionary codes the verb triggers it lists", "[events]") {
  const auto dir = actorgraph::testing::TempDir("cameo-verbs");
  const std::string path = (dir / "verbs.txt").string();
  actorgraph::testing::WriteFile(path,
                                 "<!-- a test dictionary -->\n"
                                 "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
                                 "--- MEET  [041] ---   # a block's code\n"
                                 "MEET {MEETS MET MEETING}\n"
                                 "- * &TIETYPES TIES WITH +  [046]\n"
                                 "\n"
                                 "--- SIGN [---] ---\n"
                                 "SIGN\n"
                                 "--- HOST [043:042] ---\n"
                                 "HOST\n"
                                 "RECEIVE [044]\n"
                                 "+SIT_DOWN {+SAT_DOWN}\n");
  actorgraph::events::EventOptions o;
  REQUIRE(o.verbs.Load(path).ok());
  CHECK(o.verbs.CodeOf("meet") == "041");      // the block's code
  CHECK(o.verbs.CodeOf("receive") == "044");   // a verb's own code wins over its block's
  CHECK(o.verbs.CodeOf("host") == "043");      // "source:target" codes: the source's
  CHECK(o.verbs.CodeOf("sit down") == "043");  // multiword verbs, particles marked with '+'
  CHECK(o.verbs.CodeOf("sign").empty());       // [---]: no code of its own
  CHECK(o.verbs.CodeOf("military").empty());   // synset members are not verbs
  CHECK(o.verbs.CodeOf("ties").empty());       // nor are patterns

  struct Row {
    std::string text, cameo, lexicon;  // with the dictionary, without it
  };
  const std::vector<Row> rows = {
      {"Vladimir Putin met Ilham Aliyev.", "041", "040"},                      // coded by the dictionary
      {"Vladimir Putin held a meeting with Ilham Aliyev.", "040", "040"},      // a noun trigger: the lexicon's
      {"Vladimir Putin and Ilham Aliyev signed an agreement.", "057", "057"},  // [---]: the lexicon's
      {"Vladimir Putin received Ilham Aliyev.", "044", "043"},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    const auto events = Extract(row.text, "2021-02-16", "t", o);
    REQUIRE(events.size() == 1);
    CHECK(events[0].cameo == row.cameo);
    const auto plain = Extract(row.text);
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].cameo == row.lexicon);
  }

  actorgraph::events::CameoVerbs bad;
  actorgraph::testing::WriteFile((dir / "empty.txt").string(), "# nothing but comments\n");
  const actorgraph::Status none = bad.Load((dir / "empty.txt").string());
  CHECK(none.code() == actorgraph::ErrorCode::kBadInput);
  CHECK_THAT(none.message(), Catch::Matchers::Contains("no verbs"));
  actorgraph::testing::WriteFile((dir / "binary.txt").string(), std::string("MEET\n\0\x01\x02", 8));
  const actorgraph::Status binary = bad.Load((dir / "binary.txt").string());
  CHECK(binary.code() == actorgraph::ErrorCode::kBadInput);
  CHECK_THAT(binary.message(), Catch::Matchers::Contains("binary.txt:2: a NUL byte"));
  CHECK(bad.Load((dir / "absent.txt").string()).code() == actorgraph::ErrorCode::kIo);
}

TEST_CASE("'call' that names ('called them peacemakers') is no call; 'called them on Monday' is", "[events]") {
  const auto naming = Extract("Ilham Aliyev and Nikol Pashinyan met. Vladimir Putin called them \"peacemakers\".");
  REQUIRE(naming.size() == 1);
  CHECK(naming[0].type == "meeting");
  CHECK(Extract("Ilham Aliyev and Nikol Pashinyan met. Vladimir Putin called them the winners.").size() == 1);
  // The controls: the same reference as the object of a call.
  const auto calls = Extract("Ilham Aliyev and Nikol Pashinyan met. Vladimir Putin called them on Monday.");
  REQUIRE(calls.size() == 2);
  CHECK(std::any_of(calls.begin(), calls.end(), [](const Event& e) { return e.type == "call"; }));
  CHECK(Extract("Ilham Aliyev and Nikol Pashinyan met. Vladimir Putin called them Monday.").size() == 2);
  // A named object and an indefinite NP: naming; the control, a span of time after it: a call.
  CHECK(Extract("Vladimir Putin called Ilham Aliyev a liar.").empty());
  const auto after = Extract("Vladimir Putin called Ilham Aliyev a day after the attack.");
  REQUIRE(after.size() == 1);
  CHECK(after[0].type == "call");
}

TEST_CASE("a bracket the sentence does not close ends the phrase after the trigger", "[events]") {
  // The sentence ends at the abbreviation's period inside the bracket ("(Dem." | "Rep.)"):
  // the clause ends at the bracket, and its date is still read.
  const auto evs = Extract("Vladimir Putin met Ilham Aliyev in Kongo (Dem. Rep.) on Monday.");
  REQUIRE(evs.size() == 1);
  CHECK(Who(evs[0]) == std::vector<std::string>{"ilham-aliyev/participant", "vladimir-putin/participant"});
  // Control: the closed bracket.
  const auto closed = Extract("Vladimir Putin met Ilham Aliyev in Kongo (Brazzaville) on Monday.");
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].participants.size() == 2);
}
