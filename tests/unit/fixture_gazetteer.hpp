// A small gazetteer written for the unit tests (fictional where the names do not matter).
#pragma once

#include "gazetteer/gazetteer.hpp"

#include <catch2/catch.hpp>

namespace actorgraph::testing {

inline constexpr const char* kFixtureGazetteer = R"(# unit-test gazetteer
{"id":"country:RU","kind":"country","name":"Russia","aliases":["Russian Federation","Россия"],"adjectives":["Russian"],"demonyms":["Russians"],"code":"RU"}
{"id":"country:AZ","kind":"country","name":"Azerbaijan","adjectives":["Azerbaijani","Azeri"],"code":"AZ"}
{"id":"country:AM","kind":"country","name":"Armenia","adjectives":["Armenian"],"code":"AM","leader":"head_of_government"}
{"id":"country:FR","kind":"country","name":"France","adjectives":["French"],"code":"FR"}
{"id":"country:US","kind":"country","name":"United States","aliases":["U.S.","United States of America"],"cased":["US"],"adjectives":["American"],"code":"US"}
{"id":"country:GE","kind":"country","name":"Georgia","code":"GE"}
{"id":"place:georgia-us","kind":"location","name":"Georgia","country":"US"}
{"id":"country:CN","kind":"country","name":"China","aliases":["People's Republic of China"],"code":"CN"}
{"id":"country:TW","kind":"country","name":"Taiwan","aliases":["Republic of China"],"code":"TW"}
{"id":"place:can","kind":"location","name":"Çan","country":"TR"}
{"id":"place:don","kind":"location","name":"Don","country":"RU"}
{"id":"place:moscow","kind":"location","name":"Moscow","country":"RU"}
{"id":"place:sochi","kind":"location","name":"Sochi","country":"RU"}
{"id":"place:black-sea","kind":"location","name":"Black Sea"}
{"id":"place:nagorno-karabakh","kind":"location","name":"Nagorno-Karabakh","aliases":["Karabakh"],"country":"AZ"}
{"id":"org:osce","kind":"organization","name":"OSCE","aliases":["Organization for Security and Co-operation in Europe"]}
{"id":"org:osce-minsk-group","kind":"organization","name":"OSCE Minsk Group","aliases":["Minsk Group"],"parent":"org:osce"}
{"id":"org:mfa-az","kind":"organization","name":"Ministry of Foreign Affairs of Azerbaijan","aliases":["Azerbaijani Foreign Ministry","Foreign Ministry of Azerbaijan"],"country":"AZ"}
{"id":"org:who","kind":"organization","name":"World Health Organization","cased":["WHO"]}
{"id":"person:vladimir-putin","kind":"person","name":"Vladimir Putin","aliases":["Владимир Путин"],"country":"RU","roles":[{"role":"head_of_state","of":"country:RU","title":"President of Russia","from":"2012-05-07"},{"role":"head_of_government","of":"country:RU","title":"Prime Minister of Russia","from":"2008-05-08","to":"2012-05-07"}]}
{"id":"person:dmitry-medvedev","kind":"person","name":"Dmitry Medvedev","country":"RU","roles":[{"role":"head_of_state","of":"country:RU","title":"President of Russia","from":"2008-05-07","to":"2012-05-07"}]}
{"id":"person:ilham-aliyev","kind":"person","name":"Ilham Aliyev","country":"AZ","roles":[{"role":"head_of_state","of":"country:AZ","title":"President of Azerbaijan","from":"2003-10-31"}]}
{"id":"person:nikol-pashinyan","kind":"person","name":"Nikol Pashinyan","country":"AM","roles":[{"role":"head_of_government","of":"country:AM","title":"Prime Minister of Armenia","from":"2018-05-08"}]}
{"id":"person:jeyhun-bayramov","kind":"person","name":"Jeyhun Bayramov","aliases":["Ceyhun Bayramov"],"country":"AZ","roles":[{"role":"foreign_minister","of":"country:AZ","title":"Foreign Minister of Azerbaijan","from":"2020-07-16"}]}
{"id":"person:sergey-lavrov","kind":"person","name":"Sergey Lavrov","aliases":["Sergei Lavrov"],"country":"RU","roles":[{"role":"foreign_minister","of":"country:RU","title":"Foreign Minister of Russia","from":"2004-03-09"}]}
{"id":"person:stephane-visconti","kind":"person","name":"Stéphane Visconti","country":"FR","roles":[{"role":"co_chair","of":"org:osce-minsk-group","title":"Co-Chair of the OSCE Minsk Group"}]}
{"id":"person:igor-popov","kind":"person","name":"Igor Popov","country":"RU","roles":[{"role":"co_chair","of":"org:osce-minsk-group","title":"Co-Chair of the OSCE Minsk Group"}]}
{"id":"person:wang-lin","kind":"person","name":"Wang Lin","country":"CN"}
{"id":"person:kenji-sato","kind":"person","name":"Kenji Sato","country":"JP"}
)";

inline gazetteer::Gazetteer FixtureGazetteer() {
  gazetteer::Gazetteer g;
  std::vector<std::string> problems;
  const Status s = g.LoadString(kFixtureGazetteer, "fixture.jsonl", &problems);
  INFO((problems.empty() ? std::string() : problems.front()));
  REQUIRE(s.ok());
  g.Compile();
  return g;
}

}  // namespace actorgraph::testing
