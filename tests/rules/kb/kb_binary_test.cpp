#include "rules/kb/kb_binary.h"

#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <sstream>

#include "rules/kb/name_fold.h"

namespace histlint {
namespace {

// Invented people covering every field the records hold.
constexpr const char* kPeople = R"json({"people": [
  {"id": "ada-quill", "name": "Ada Quill", "aliases": ["Adelaide Quill", "Ада Квилл"],
   "sex": "female", "description": "a printer",
   "birth": {"date": "1801-03-04", "place": "Oxbridge"},
   "death": {"date": "1870-11", "place": "Oxbridge"},
   "occupations": ["printer"],
   "roles": [{"title": "Warden of the Guild", "from": "1840", "to": "1850"}],
   "events": [{"what": "opened a press", "date": "1825-06-01", "place": "Oxbridge"}],
   "wikidata": "Q900001", "wikipedia": "Ada Quill (printer)"
},
  {"id": "ivo-brand", "name": "Ivo de Brand", "sex": "male",
   "birth": {"date": "1690-02-10", "calendar": "julian"},
   "death": {"date": "1750", "precision": "decade"}},
  {"id": "tomas-brand", "name": "Tomas Brand", "short": ["Brand"],
   "birth": {"date": "1712-04-05", "julian": "1712-03-25"}},
  {"id": "old-king", "name": "Corvus the Elder",
   "birth": {"date": "-0120"}, "death": {"date": "-0061"}}
]
})json";

KnowledgeBase parse_people() {
  std::string error;
  auto kb = KnowledgeBase::parse(kPeople, "people.json", &error);
  REQUIRE_MESSAGE(kb, error);
  return std::move(*kb);
}

std::string encode(const KnowledgeBase& kb) {
  KbBinaryWriter writer;
  for (const Person& p : kb.people()) writer.add(p);
  std::ostringstream out;
  std::string error;
  REQUIRE(writer.write(out, &error));
  return out.str();
}

std::optional<KnowledgeBase> open(std::string_view bytes, std::string* error) {
  return KnowledgeBase::open_binary(bytes, nullptr, "base.hkb", error);
}
// The base reads the bytes in place: a temporary would leave it reading freed memory.
std::optional<KnowledgeBase> open(std::string&& bytes, std::string* error) = delete;

std::vector<std::pair<std::string, int>> entries(const KnowledgeBase& kb, std::string_view key) {
  std::vector<std::pair<std::string, int>> out;
  if (const auto* found = kb.lookup(key)) {
    for (const auto& e : *found)
      out.emplace_back(kb.people()[e.person].id, static_cast<int>(e.kind));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool same_date(const std::optional<PartialDate>& a, const std::optional<PartialDate>& b) {
  if (!a || !b) return !a && !b;
  return a->date.year == b->date.year && a->date.month == b->date.month &&
         a->date.day == b->date.day && a->precision == b->precision && a->calendar == b->calendar &&
         a->julian.has_value() == b->julian.has_value();
}

TEST_CASE("a binary base holds the same people and answers the same lookups as its JSON") {
  const KnowledgeBase json = parse_people();
  const std::string bytes = encode(json);
  std::string error;
  auto binary = open(bytes, &error);
  REQUIRE_MESSAGE(binary, error);
  CHECK(binary->is_binary());
  REQUIRE(binary->size() == json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    const Person& a = json.people()[i];
    const Person& b = binary->people()[i];
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.aliases == b.aliases);
    CHECK(a.short_names == b.short_names);
    CHECK(a.sex == b.sex);
    CHECK(a.description == b.description);
    CHECK(a.occupations == b.occupations);
    CHECK(a.wikidata == b.wikidata);
    CHECK(a.wikipedia == b.wikipedia);
    CHECK(a.source_file == b.source_file);
    CHECK(a.source_line == b.source_line);
    CHECK(same_date(a.birth ? std::optional(a.birth->date) : std::nullopt,
                    b.birth ? std::optional(b.birth->date) : std::nullopt));
    CHECK(same_date(a.death ? std::optional(a.death->date) : std::nullopt,
                    b.death ? std::optional(b.death->date) : std::nullopt));
    CHECK((a.birth ? a.birth->place : "") == (b.birth ? b.birth->place : ""));
    REQUIRE(a.roles.size() == b.roles.size());
    for (size_t r = 0; r < a.roles.size(); ++r) {
      CHECK(a.roles[r].title == b.roles[r].title);
      CHECK(same_date(a.roles[r].from, b.roles[r].from));
      CHECK(same_date(a.roles[r].to, b.roles[r].to));
    }
    REQUIRE(a.events.size() == b.events.size());
    for (size_t e = 0; e < a.events.size(); ++e) {
      CHECK(a.events[e].what == b.events[e].what);
      CHECK(same_date(a.events[e].date, b.events[e].date));
    }
  }
  for (const char* key : {"ada quill", "quill", "ada", "adelaide quill", "ада квилл", "brand",
                          "de brand", "ivo de brand", "corvus the elder", "elder", "nobody"}) {
    CHECK_MESSAGE(entries(json, key) == entries(*binary, key), key);
  }
  CHECK(binary->starts_name("ada"));
  CHECK(binary->starts_name("corvus"));
  CHECK(binary->starts_name("quill"));  // the surname alone is a name
  CHECK_FALSE(binary->starts_name("printer"));
  CHECK(binary->max_name_words() == json.max_name_words());
  REQUIRE(binary->find("tomas-brand"));
  CHECK(binary->find("tomas-brand")->birth->date.julian);
  CHECK_FALSE(binary->find("nobody"));
  const auto found = binary->search("brand", 10);
  REQUIRE(found.size() == 2);
  CHECK(found[0]->id == "tomas-brand");  // the short name "Brand" is an exact match
}

TEST_CASE("overlays replace binary people by id and by Wikidata item, and add new ones") {
  const std::string bytes = encode(parse_people());
  std::string error;
  auto binary = open(bytes, &error);
  REQUIRE(binary);
  auto overlay = KnowledgeBase::parse(R"([
    {"id": "ada-quill-2", "name": "Ada Penwright", "wikidata": "Q900001"},
    {"id": "ivo-brand", "name": "Ivo Brand the Younger"},
    {"id": "new-person", "name": "Nell Okafor"}])",
                                      "overlay.json", &error);
  REQUIRE(overlay);
  std::vector<KnowledgeBase> overlays;
  overlays.push_back(std::move(*overlay));
  const KnowledgeBase kb = KnowledgeBase::layered(*binary, std::move(overlays));
  CHECK(kb.size() == 5);
  CHECK(entries(kb, "ada quill").empty());  // the replaced person's names are gone
  CHECK(entries(kb, "ada penwright") ==
        std::vector<std::pair<std::string, int>>{{"ada-quill-2", 0}});
  CHECK_FALSE(kb.find("ada-quill"));
  CHECK(kb.find("ivo-brand")->name == "Ivo Brand the Younger");
  CHECK(entries(kb, "ivo de brand").empty());
  CHECK(entries(kb, "nell okafor").size() == 1);
  CHECK(entries(kb, "brand").size() == 1);    // Tomas only: Ivo's new name has no surname
  CHECK(kb.people()[0].id == "ada-quill-2");  // the replacement takes the same slot
}

TEST_CASE("a binary overlay over a JSON base wins and keeps what it lacks") {
  std::string error;
  auto base = KnowledgeBase::parse(R"([
    {"id": "tomas-brand", "name": "Tomas Brand the Old"},
    {"id": "only-below", "name": "Orla Below"}])",
                                   "bundled.json", &error);
  REQUIRE(base);
  const std::string bytes = encode(parse_people());  // the base reads these bytes in place
  auto binary = open(bytes, &error);
  REQUIRE(binary);
  std::vector<KnowledgeBase> overlays;
  overlays.push_back(std::move(*binary));
  const KnowledgeBase kb = KnowledgeBase::layered(*base, std::move(overlays));
  CHECK(kb.is_binary());
  CHECK(kb.size() == 5);
  CHECK(kb.find("tomas-brand")->name == "Tomas Brand");
  CHECK(entries(kb, "orla below").size() == 1);
}

TEST_CASE("binary bases from another version, truncated or corrupt are refused by name") {
  const std::string bytes = encode(parse_people());
  std::string error;

  std::string other_version = bytes;
  const uint32_t version = kKbFormatVersion + 1;
  std::memcpy(other_version.data() + 8, &version, 4);
  CHECK_FALSE(open(other_version, &error));
  CHECK(error.find("base.hkb") == 0);
  CHECK(error.find("format version " + std::to_string(version)) != std::string::npos);
  CHECK(error.find("kb build") != std::string::npos);

  std::string version_1 = bytes;  // found names by binary search, before the hash table
  const uint32_t old_version = 1;
  std::memcpy(version_1.data() + 8, &old_version, 4);
  CHECK_FALSE(open(version_1, &error));
  CHECK(error ==
        "base.hkb: binary knowledge base of format version 1; this histlint reads version " +
            std::to_string(kKbFormatVersion) + " (rebuild it with `histlint kb build`)");

  CHECK_FALSE(open(std::string_view(bytes).substr(0, bytes.size() - 7), &error));
  CHECK(error.find("base.hkb: truncated") == 0);
  CHECK_FALSE(open(std::string_view(bytes).substr(0, 40), &error));
  CHECK(error.find("truncated") != std::string::npos);
  CHECK_FALSE(open(std::string_view(bytes).substr(0, 5), &error));
  CHECK(error.find("not a histlint binary knowledge base") != std::string::npos);

  std::string flipped_body = bytes;
  flipped_body[bytes.size() - 20] ^= 0x40;
  CHECK_FALSE(open(flipped_body, &error));
  CHECK(error == "base.hkb: corrupt binary knowledge base (checksum mismatch)");

  std::string flipped_header = bytes;
  flipped_header[30] ^= 0x01;
  CHECK_FALSE(open(flipped_header, &error));
  CHECK(error.find("header checksum") != std::string::npos);
}

TEST_CASE("damaged bytes past the checks never crash a lookup or a decode") {
  const std::string bytes = encode(parse_people());
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string damaged = bytes;
    for (int k = 0; k < 8; ++k) {
      const size_t at = kKbHeaderSize + rng() % (damaged.size() - kKbHeaderSize);
      damaged[at] = static_cast<char>(rng());
    }
    std::string error;
    auto view = KbBinaryView::open(damaged, "base.hkb", false, &error);
    REQUIRE(view);  // the header is intact; only checksumming the body would notice
    for (uint32_t slot = 0; slot < view->size(); ++slot) (void)view->person(slot);
    for (const char* key : {"ada quill", "brand", "corvus the elder", ""}) {
      view->lookup(key, [&](NameEntry e, uint8_t) { CHECK(e.person < view->size()); });
      (void)view->starts_name(key);
    }
    (void)view->slot_of_id("ivo-brand");
    (void)view->slot_of_wikidata("Q900001");
    view->for_each_name(
        [&](std::string_view, NameEntry e, uint8_t) { CHECK(e.person < view->size()); });
  }
}

// Invented names from syllables: "Ka Rovel", "Mitan Shodra"... with many shared surnames.
std::string invented_name(uint32_t n) {
  static const char* const kSyllables[] = {"ka", "ro", "mi", "tan", "vel", "sho", "dra", "lu"};
  std::string name;
  for (int word = 0; word < 2; ++word) {
    if (word) name += ' ';
    const size_t start = name.size();
    for (int k = 0; k < 3; ++k) {
      name += kSyllables[n % 8];
      n /= 8;
    }
    name[start] = static_cast<char>(name[start] - 'a' + 'A');
  }
  return name;
}

std::string encode_invented(uint32_t count) {
  KbBinaryWriter writer;
  for (uint32_t i = 0; i < count; ++i) {
    Person p;
    p.id = "p" + std::to_string(i);
    p.name = invented_name(i * 7919);
    writer.add(p);
  }
  std::ostringstream out;
  std::string error;
  REQUIRE(writer.write(out, &error));
  return out.str();
}

// Where section `index` of the header's section table begins and how long it is.
std::pair<uint64_t, uint64_t> section(const std::string& bytes, int index) {
  uint64_t at[2];
  std::memcpy(at, bytes.data() + 56 + index * 16, 16);
  return {at[0], at[1]};
}
constexpr int kNameHashSection = 4;

TEST_CASE("the name hash finds every indexed key and nothing else") {
  const std::string bytes = encode_invented(3000);
  std::string error;
  auto view = KbBinaryView::open(bytes, "base.hkb", true, &error);
  REQUIRE_MESSAGE(view, error);
  // Every key in key order, with its entries, as the sorted rows hold them.
  std::vector<std::pair<std::string, std::vector<uint32_t>>> keys;
  view->for_each_name([&](std::string_view key, NameEntry e, uint8_t) {
    if (keys.empty() || keys.back().first != key) keys.push_back({std::string(key), {}});
    keys.back().second.push_back(e.person);
  });
  REQUIRE(keys.size() > 3000);
  for (const auto& [key, people] : keys) {
    std::vector<uint32_t> found;
    view->lookup(key, [&](NameEntry e, uint8_t) { found.push_back(e.person); });
    CHECK_MESSAGE(found == people, key);
    size_t misses = 0;
    for (const std::string& near : {key + "x", key.substr(1), key + " q"}) {
      view->lookup(near, [&](NameEntry, uint8_t) { ++misses; });
    }
    CHECK_MESSAGE(misses == 0, key);
  }
}

std::string encode_with(const std::vector<Person>& people, KbWriterOptions options) {
  KbBinaryWriter writer(std::move(options));
  for (const Person& p : people) writer.add(p);
  std::ostringstream out;
  std::string error;
  REQUIRE_MESSAGE(writer.write(out, &error), error);
  return out.str();
}

TEST_CASE("a writer that spills tiny sort runs writes the same bytes as one in memory") {
  std::vector<Person> people;
  const KnowledgeBase base = parse_people();
  for (const Person& p : base.people()) people.push_back(p);
  for (uint32_t i = 0; i < 3000; ++i) {
    Person p;
    p.id = "p" + std::to_string(i);
    p.name = invented_name(i * 7919);
    p.aliases = {invented_name(i * 31 + 5)};
    p.wikidata = "Q" + std::to_string(7000000 - i * 13);
    people.push_back(std::move(p));
  }
  const std::string in_memory = encode_with(people, {});
  for (const size_t run_bytes : {size_t{64}, size_t{100000}}) {
    CAPTURE(run_bytes);
    size_t scratch_files = 0;
    auto counted = [&](std::string* error) {
      ++scratch_files;
      return memory_scratch()(error);
    };
    CHECK(encode_with(people, {counted, run_bytes}) == in_memory);
    CHECK(scratch_files > 8);  // the sections' and the spilled runs'
  }
  std::string error;
  auto kb = open(in_memory, &error);
  REQUIRE_MESSAGE(kb, error);
  CHECK(entries(*kb, "adelaide quill") ==
        std::vector<std::pair<std::string, int>>{{"ada-quill", 0}});
  REQUIRE(kb->find("p2999"));
  CHECK(kb->find("p2999")->wikidata == "Q6961013");
}

TEST_CASE("name hash entries pushed past the last slot wrap to the first ones and are found") {
  // Twenty single-word aliases and the name fill a table of 64 slots; four aliases share its
  // last slot as their home, so that three must wrap to slots 0, 1 and 2.
  Person p;
  p.id = "wrap";
  p.name = "Zed";
  std::vector<std::string> others;
  for (int i = 0; p.aliases.size() < 4 || others.size() < 16; ++i) {
    std::string alias = "Wa";  // "Wab", "Wac"... (digits are not part of a folded name)
    for (int n = i; n > 0; n /= 26) alias += static_cast<char>('a' + n % 26);
    const uint64_t home = kb_name_hash(fold_name(alias)) & 63;
    if (home == 63 && p.aliases.size() < 4) p.aliases.push_back(alias);
    if (home < 56 && others.size() < 16) others.push_back(alias);
  }
  p.aliases.insert(p.aliases.end(), others.begin(), others.end());
  for (const size_t run_bytes : {SIZE_MAX, size_t{64}}) {
    CAPTURE(run_bytes);
    const std::string bytes = encode_with({p}, {memory_scratch(), run_bytes});
    std::string error;
    auto view = KbBinaryView::open(bytes, "base.hkb", true, &error);
    REQUIRE_MESSAGE(view, error);
    const auto [offset, size] = section(bytes, kNameHashSection);
    REQUIRE(size == 64 * 8);
    std::vector<std::string> key_of_row;
    view->for_each_name(
        [&](std::string_view key, NameEntry, uint8_t) { key_of_row.emplace_back(key); });
    for (uint64_t slot = 0; slot < 3; ++slot) {
      uint64_t value = 0;
      std::memcpy(&value, bytes.data() + offset + slot * 8, 8);
      const auto row = static_cast<uint32_t>(value);
      REQUIRE(row < key_of_row.size());
      CHECK((kb_name_hash(key_of_row[row]) & 63) >= 56);  // homed at the end, wrapped
    }
    for (const std::string& name : key_of_row) {
      size_t found = 0;
      view->lookup(name, [&](NameEntry e, uint8_t) { found += e.person == 0; });
      CHECK_MESSAGE(found == 1, name);
    }
    CHECK(key_of_row.size() == 21);
  }
}

TEST_CASE("a damaged name hash finds nothing rather than a wrong person, and never crashes") {
  const std::string bytes = encode_invented(500);
  const auto [offset, size] = section(bytes, kNameHashSection);
  REQUIRE(size >= 1000 * 8);
  for (const char fill : {'\0', '\xFF', '\x7F'}) {
    std::string damaged = bytes;
    std::fill(damaged.begin() + static_cast<ptrdiff_t>(offset),
              damaged.begin() + static_cast<ptrdiff_t>(offset + size), fill);
    std::string error;
    CHECK_FALSE(KbBinaryView::open(damaged, "base.hkb", true, &error));  // the checksum notices
    auto view = KbBinaryView::open(damaged, "base.hkb", false, &error);
    REQUIRE(view);
    for (uint32_t i = 0; i < 500; ++i) {
      const std::string key = fold_name(invented_name(i * 7919));
      view->lookup(key, [&](NameEntry e, uint8_t) {
        // A row is reached only through its own key, so what is found is never wrong.
        CHECK(fold_name(view->person(e.person).name) == key);
      });
    }
  }
}

TEST_CASE("huge names, alias lists and years survive a round trip") {
  Person p;
  p.id = "huge";
  p.name = std::string(1 << 20, 'a');  // one word of 1 MB
  auto letters = [](int n) {           // 0 -> "Aaaa", 1 -> "Baaa"...
    std::string word = "aaaa";
    for (char& c : word) {
      c = static_cast<char>('a' + n % 26);
      n /= 26;
    }
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
  };
  for (int i = 0; i < 100000; ++i) p.aliases.push_back("Alias " + letters(i));
  PartialDate far;
  far.date = CivilDate{1000000000, 0, 0};
  PartialDate before = far;
  before.date.year = -1000000000;
  p.birth = LifeEvent{before, ""};
  p.death = LifeEvent{far, ""};
  KbBinaryWriter writer;
  writer.add(p);
  std::ostringstream out;
  std::string error;
  REQUIRE(writer.write(out, &error));
  const std::string bytes = out.str();
  auto kb = open(bytes, &error);
  REQUIRE_MESSAGE(kb, error);
  const Person& back = kb->people()[0];
  CHECK(back.name.size() == p.name.size());
  CHECK(back.aliases.size() == 100000);
  CHECK(back.birth->date.date.year == -1000000000);
  CHECK(back.death->date.date.year == 1000000000);
  CHECK(entries(*kb, "alias " + fold_name(letters(99999))).size() == 1);
  CHECK(fold_name(p.name) == p.name);
  CHECK(entries(*kb, fold_name(p.name)) == std::vector<std::pair<std::string, int>>{{"huge", 1}});
}

TEST_CASE("an empty base is valid") {
  KbBinaryWriter writer;
  std::ostringstream out;
  std::string error;
  REQUIRE(writer.write(out, &error));
  const std::string bytes = out.str();
  auto kb = open(bytes, &error);
  REQUIRE_MESSAGE(kb, error);
  CHECK(kb->size() == 0);
  CHECK_FALSE(kb->lookup("anyone"));
  CHECK(kb->search("", 5).empty());
}

}  // namespace
}  // namespace histlint
