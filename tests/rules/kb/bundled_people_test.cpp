// Consistency checks over every entry of the bundled knowledge base (data/people.json): these
// dates drive findings that tell users their text is wrong, so an inconsistent entry is a bug.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "rules/calendar/calendar.h"
#include "rules/kb/knowledge_base.h"
#include "rules/kb/name_fold.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

// The date's fields down to its precision; finer fields are zero.
std::tuple<int, int, int> key_of(const PartialDate& d) {
  const CivilDate g = d.gregorian();
  return {g.year, d.precision >= DatePrecision::Month ? g.month : 0,
          d.precision >= DatePrecision::Day ? g.day : 0};
}

// Compares two dates at the coarser of their precisions: -1, 0 (same or undecidable), 1.
int compare_dates(const PartialDate& a, const PartialDate& b) {
  auto [ay, am, ad] = key_of(a);
  auto [by, bm, bd] = key_of(b);
  if (ay != by) return ay < by ? -1 : 1;
  if (am == 0 || bm == 0) return 0;
  if (am != bm) return am < bm ? -1 : 1;
  if (ad == 0 || bd == 0) return 0;
  return ad == bd ? 0 : (ad < bd ? -1 : 1);
}

const KnowledgeBase& bundled() {
  const KnowledgeBase& kb = bundled_knowledge_base();
  REQUIRE(kb.size() > 0);
  return kb;
}

TEST_CASE("every bundled person dies after being born, aged 0 to 120") {
  for (const Person& p : bundled().people()) {
    if (!p.birth || !p.death) continue;
    CAPTURE(p.id);
    CHECK(compare_dates(p.birth->date, p.death->date) <= 0);
    const int age = p.death->date.gregorian().year - p.birth->date.gregorian().year;
    CHECK(age >= 0);
    CHECK(age <= 120);
  }
}

TEST_CASE("every Old Style form names the same day as its New Style date") {
  for (const Person& p : bundled().people()) {
    for (const auto* fact : {&p.birth, &p.death}) {
      if (!*fact || !(*fact)->date.julian || (*fact)->date.precision != DatePrecision::Day)
        continue;
      const CivilDate ns = (*fact)->date.date;
      const CivilDate os = *(*fact)->date.julian;
      if (os.day == 0) continue;
      CAPTURE(p.id);
      CHECK(calendar::day_number(ns.year, ns.month, ns.day, Calendar::Gregorian) ==
            calendar::day_number(os.year, os.month, os.day, Calendar::Julian));
    }
  }
}

TEST_CASE("every bundled role lies inside its holder's life") {
  for (const Person& p : bundled().people()) {
    for (const Role& r : p.roles) {
      CAPTURE(p.id);
      CAPTURE(r.title);
      if (r.from && r.to) CHECK(compare_dates(*r.from, *r.to) <= 0);
      if (p.birth) {
        if (r.from) CHECK(r.from->gregorian().year >= p.birth->date.gregorian().year);
      }
      if (p.death) {
        const int death_year = p.death->date.gregorian().year;
        if (r.from) CHECK(r.from->gregorian().year <= death_year);
        // A role held at death may be dated to the next year by its successor's accession.
        if (r.to) CHECK(r.to->gregorian().year <= death_year + 1);
      }
    }
  }
}

TEST_CASE("no display name or alias of a bundled person belongs to another unless marked shared") {
  // A name two people bear must be marked ambiguous by each of them, so that neither is linked
  // by it alone; short names ("Roosevelt") may be shared and are resolved from context.
  struct Owners {
    std::set<std::string> all;
    std::set<std::string> unmarked;
  };
  std::map<std::string, Owners> owners;
  for (const Person& p : bundled().people()) {
    owners[fold_name(p.name)].unmarked.insert(p.id);
    for (const auto& alias : p.aliases) owners[fold_name(alias)].unmarked.insert(p.id);
    for (const auto& name : p.ambiguous_names) owners[fold_name(name)].all.insert(p.id);
  }
  std::set<std::string> ids;
  for (const Person& p : bundled().people()) {
    CAPTURE(p.id);
    CHECK(ids.insert(p.id).second);
  }
  for (auto& [name, people] : owners) {
    people.all.insert(people.unmarked.begin(), people.unmarked.end());
    if (people.all.size() < 2) continue;
    std::string list;
    for (const auto& id : people.unmarked) list += id + " ";
    CAPTURE(name);
    CAPTURE(list);
    CHECK(people.unmarked.empty());
  }
}

TEST_CASE("a shared name is no other bundled person's unmarked short name") {
  // "Manuel II" marked shared for the emperor but standing alone for the king of Portugal would
  // still link the king wherever the emperor is meant.
  std::map<std::string, std::set<std::string>> shared;
  for (const Person& p : bundled().people()) {
    for (const auto& name : p.ambiguous_names) shared[fold_name(name)].insert(p.id);
  }
  for (const Person& p : bundled().people()) {
    for (const auto& name : p.short_names) {
      const auto it = shared.find(fold_name(name));
      if (it == shared.end() || it->second.count(p.id)) continue;
      CAPTURE(p.id);
      CAPTURE(name);
      CHECK(it->second.empty());
    }
  }
}

TEST_CASE("a shared name of a bundled person is no unmarked name of theirs") {
  for (const Person& p : bundled().people()) {
    std::set<std::string> plain{fold_name(p.name)};
    for (const auto& alias : p.aliases) plain.insert(fold_name(alias));
    for (const auto& name : p.ambiguous_names) {
      CAPTURE(p.id);
      CAPTURE(name);
      CHECK(plain.count(fold_name(name)) == 0);
    }
  }
}

// Lines of Debian's calendar files look like "03/14\tAlbert Einstein born in Ulm, 1879".
struct CalendarBirthday {
  int month = 0;
  int day = 0;
  int year = 0;
};

std::map<std::string, std::vector<CalendarBirthday>> calendar_birthdays(const std::string& path) {
  std::map<std::string, std::vector<CalendarBirthday>> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    int month = 0, day = 0;
    if (line.size() < 7 || std::sscanf(line.c_str(), "%2d/%2d", &month, &day) != 2) continue;
    if (line[5] != '\t') continue;
    const auto born = line.find(" born");
    if (born == std::string::npos) continue;
    const std::string name = line.substr(6, born - 6);
    // The year is the first four-digit number after "born".
    int year = 0;
    for (size_t i = born; i + 4 <= line.size() && year == 0; ++i) {
      const bool four =
          std::isdigit(static_cast<unsigned char>(line[i])) &&
          std::isdigit(static_cast<unsigned char>(line[i + 1])) &&
          std::isdigit(static_cast<unsigned char>(line[i + 2])) &&
          std::isdigit(static_cast<unsigned char>(line[i + 3])) &&
          (i + 4 == line.size() || !std::isdigit(static_cast<unsigned char>(line[i + 4])));
      if (four && (i == 0 || !std::isdigit(static_cast<unsigned char>(line[i - 1]))))
        year = std::stoi(line.substr(i, 4));
    }
    out[fold_name(name)].push_back({month, day, year});
  }
  return out;
}

TEST_CASE("birthdays agree with Debian's calendar files where they list the person") {
  const std::string dir = "/usr/share/calendar";
  if (!std::filesystem::exists(dir + "/calendar.birthday")) {
    MESSAGE("Debian's calendar package is not installed; skipping");
    return;
  }
  std::map<std::string, std::vector<CalendarBirthday>> listed;
  for (const char* file : {"calendar.birthday", "calendar.history", "calendar.music"}) {
    for (auto& [name, days] : calendar_birthdays(dir + "/" + file)) {
      auto& into = listed[name];
      into.insert(into.end(), days.begin(), days.end());
    }
  }
  // Days where the calendar files themselves are wrong, each checked against the biographies.
  const std::map<std::string, std::string> calendar_errors = {
      {"pau-casals", "calendar.music gives 29 November; he was born on 29 December 1876"},
  };
  size_t compared = 0;
  for (const Person& p : bundled().people()) {
    if (!p.birth || p.birth->date.precision != DatePrecision::Day) continue;
    const auto it = listed.find(fold_name(p.name));
    if (it == listed.end()) continue;
    const CivilDate ns = p.birth->date.gregorian();
    const CivilDate os = p.birth->date.julian.value_or(p.birth->date.date);
    // A namesake born in another year is someone else; a person listed twice (once with a
    // wrong day) agrees when one listing does.
    bool listed_that_year = false, agrees = false;
    for (const auto& entry : it->second) {
      if (entry.year != 0 && entry.year != ns.year && entry.year != os.year) continue;
      listed_that_year = true;
      agrees = agrees || (entry.month == ns.month && entry.day == ns.day) ||
               (entry.month == os.month && entry.day == os.day);
    }
    if (!listed_that_year) continue;
    ++compared;
    CAPTURE(p.id);
    CHECK((agrees || calendar_errors.count(p.id) == 1));
  }
  MESSAGE("birthdays compared with the calendar files: " << compared);
  CHECK(compared > 0);
}

}  // namespace
}  // namespace histlint
