#include "rules/extract/people_words.h"

#include <unordered_set>

namespace histlint::people_words {

namespace {

using WordSet = std::unordered_set<std::string_view>;

}  // namespace

// Names that are also everyday capitalised words, months or places: on their own they are a
// person only after a title ("President Bush", "Mrs May") or a full naming in the same paragraph.
bool is_common_word_name(std::string_view folded) {
  static const WordSet kWords = {
      "may",        "june",      "august",  "bush",     "brown",      "young",  "wood",
      "king",       "bell",      "cook",    "rose",     "hope",       "grant",  "long",
      "hill",       "little",    "black",   "white",    "green",      "major",  "north",
      "eden",       "heath",     "ford",    "law",      "mill",       "mills",  "pope",
      "chase",      "nash",      "sun",     "gray",     "grey",       "hardy",  "marshall",
      "washington", "lincoln",   "jackson", "hamilton", "wellington", "nelson", "victoria",
      "houston",    "austin",    "madison", "columbus", "church",     "bishop", "cross",
      "english",    "french",    "german",  "mercy",    "hunt",       "price",  "rich",
      "mao-era",    "constable", "carter",  "hoover",   "wilde",      "wright", "dollar",
      "temple",     "bright",    "burns",   "pitt",     "liberty",    "peel",   "castle",
      "swift",      "wells",     "foot",    "cannon",   "volta",      "watt",   "parks"};
  return kWords.count(folded) > 0;
}

// Surnames shared by so many people that a bare one is never assumed to be a particular person
// unless that person was named in full in the same paragraph.
bool is_common_surname(std::string_view folded) {
  static const WordSet kSurnames = {
      "smith",    "jones",    "williams", "brown",     "johnson",  "taylor",    "wilson",
      "davies",   "davis",    "evans",    "thomas",    "roberts",  "walker",    "wright",
      "robinson", "thompson", "white",    "hughes",    "edwards",  "green",     "hall",
      "wood",     "harris",   "lewis",    "martin",    "jackson",  "clarke",    "clark",
      "turner",   "hill",     "scott",    "cooper",    "morris",   "ward",      "moore",
      "king",     "watson",   "baker",    "harrison",  "morgan",   "patel",     "young",
      "allen",    "mitchell", "james",    "anderson",  "phillips", "lee",       "bell",
      "parker",   "miller",   "garcia",   "rodriguez", "martinez", "hernandez", "lopez",
      "gonzalez", "perez",    "sanchez",  "ramirez",   "torres",   "kim",       "park",
      "chen",     "wang",     "li",       "zhang",     "liu",      "nguyen",    "singh",
      "kumar",    "muller",   "schmidt",  "schneider", "fischer",  "weber",     "meyer",
      "becker",   "hoffmann", "ivanov",   "smirnov",   "petrov",   "popov",     "adams",
      "campbell", "stewart",  "murray",   "ross",      "kennedy",  "roosevelt", "johnston",
      "reed",     "cohen",    "levi",     "levy",      "friedman", "gandhi",    "bhutto",
      "castro",   "pahlavi",  "curie",    "bronte",    "wesley",   "huxley"};
  return kSurnames.count(folded) > 0;
}

// Given names that are also ordinary capitalised words ("Will", "Frank", "Christian").
bool is_common_given_name(std::string_view folded) {
  static const WordSet kWords = {
      "will",   "bill", "frank", "mark",  "rose",   "grace",    "hope",  "joy",    "ray",
      "guy",    "jack", "pat",   "sue",   "may",    "june",     "art",   "carol",  "faith",
      "dawn",   "rich", "earl",  "don",   "prince", "king",     "miles", "victor", "christian",
      "august", "iron", "sun",   "chase", "hunter", "sterling", "major"};
  return kWords.count(folded) > 0;
}

// Nouns that make a name part of a place, prize or institution: "Lenin Square", "Trotsky
// Street", "Marshall Plan", "Dewey Commission", "Stalin Prize", "Kennedy Airport".
bool is_named_thing_noun(std::string_view folded) {
  static const WordSet kNouns = {
      "street",     "st",          "square",      "sq",         "avenue",      "ave",
      "road",       "rd",          "boulevard",   "prospekt",   "prospect",    "lane",
      "place",      "way",         "drive",       "park",       "gardens",     "bridge",
      "station",    "airport",     "port",        "harbour",    "harbor",      "canal",
      "dam",        "river",       "lake",        "mountain",   "mountains",   "peak",
      "island",     "islands",     "archipelago", "bay",        "strait",      "sea",
      "falls",      "glacier",     "university",  "college",    "school",      "academy",
      "institute",  "institution", "museum",      "gallery",    "library",     "archive",
      "archives",   "centre",      "center",      "hall",       "theatre",     "theater",
      "stadium",    "hospital",    "clinic",      "prize",      "prizes",      "award",
      "awards",     "medal",       "order",       "cup",        "trophy",      "lecture",
      "lectures",   "memorial",    "monument",    "mausoleum",  "tomb",        "statue",
      "house",      "palace",      "castle",      "tower",      "building",    "plan",
      "doctrine",   "declaration", "line",        "pact",       "treaty",      "act",
      "commission", "committee",   "foundation",  "trust",      "fund",        "society",
      "youth",      "brigade",     "battalion",   "division",   "regiment",    "works",
      "factory",    "plant",       "shipyard",    "shipyards",  "mine",        "collective",
      "oblast",     "region",      "district",    "county",     "city",        "town",
      "village",    "brothers",    "effect",      "principle",  "equation",    "theorem",
      "constant",   "scale",       "institute",   "cathedral",  "church",      "mosque",
      "temple",     "embankment",  "ship",        "icebreaker", "corporation", "company",
      "steelworks", "metro",       "canal",       "highway",    "expressway",  "peninsula"};
  return kNouns.count(folded) > 0;
}

// Words that make a capitalised sequence an event or institution rather than a person's name.
bool is_event_noun(std::string_view folded) {
  static const WordSet kNouns = {
      "war",        "revolution",    "battle",     "treaty",     "congress",   "party",
      "republic",   "empire",        "era",        "dynasty",    "government", "commission",
      "conference", "movement",      "union",      "period",     "age",        "crisis",
      "affair",     "pact",          "act",        "trial",      "trials",     "purge",
      "front",      "army",          "church",     "company",    "society",    "revolt",
      "rising",     "uprising",      "campaign",   "offensive",  "siege",      "massacre",
      "famine",     "plan",          "games",      "exhibition", "olympics",   "club",
      "prize",      "street",        "square",     "kingdom",    "state",      "states",
      "council",    "assembly",      "parliament", "senate",     "court",      "bank",
      "university", "college",       "museum",     "library",    "institute",  "school",
      "opposition", "international", "bulletin",   "times",      "post",       "news",
      "journal",    "review",        "press",      "league",     "federation", "association",
      "committee",  "soviet",        "reich",      "commune",    "civil",      "world",
      "cold",       "great",         "new",        "old",        "north",      "south",
      "east",       "west",          "central",    "national",   "royal",      "holy",
      "seminary"};
  return kNouns.count(folded) > 0;
}

bool is_place_preposition(std::string_view folded) {
  static const WordSet kWords = {"in",     "at",         "near",   "outside", "into",
                                 "across", "throughout", "around", "via",     "towards",
                                 "toward", "inside",     "beyond", "within"};
  return kWords.count(folded) > 0;
}

bool is_ship_prefix(std::string_view folded) {
  static const WordSet kWords = {"hms", "uss", "ss", "rms", "hmas", "hmcs", "hmnzs", "sms", "usns"};
  return kWords.count(folded) > 0;
}

// Kinds of ship, which name the ship after them: "the cruiser Blücher".
bool is_ship_noun(std::string_view folded) {
  static const WordSet kWords = {
      "ship",        "battleship", "battlecruiser", "cruiser",   "frigate", "steamer",
      "steamship",   "liner",      "destroyer",     "submarine", "warship", "flagship",
      "dreadnought", "corvette",   "gunboat",       "schooner",  "yacht",   "icebreaker",
      "sloop",       "galleon",    "ironclad",      "vessel"};
  return kWords.count(folded) > 0;
}

// Words that show a sentence speaks of a ship, so "the Bismarck" in it is the ship: "the
// Bismarck sank", "aboard the Nelson", "the crew of the Blücher".
bool is_ship_evidence(std::string_view folded) {
  static const WordSet kWords = {"sank",    "sunk",      "sinking",   "launched",  "aboard",
                                 "crew",    "crews",     "torpedoed", "scuttled",  "foundered",
                                 "moored",  "anchored",  "berthed",   "shipwreck", "hull",
                                 "tonnage", "broadside", "keel"};
  return kWords.count(folded) > 0 || is_ship_noun(folded);
}

// Kinds of settlement or territory, which make an apposition say a name is a place: "Lincoln,
// the capital of Nebraska", "Darwin, a small port".
bool is_settlement_noun(std::string_view folded) {
  static const WordSet kWords = {"town",      "city",     "capital",      "port",       "seaport",
                                 "village",   "hamlet",   "county",       "state",      "province",
                                 "colony",    "island",   "region",       "settlement", "suburb",
                                 "borough",   "district", "parish",       "harbour",    "harbor",
                                 "territory", "township", "municipality", "commune",    "oblast"};
  return kWords.count(folded) > 0;
}

}  // namespace histlint::people_words
