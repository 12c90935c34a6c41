#include "server/open_claims.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>

using namespace histlint;

namespace {

// A document claiming that Trotsky was expelled from the party in `year`.
std::shared_ptr<const DocumentClaims> expelled_in(const std::string& path, int year) {
  EventClaim claim;
  claim.person_id = "leon-trotsky";
  claim.kind = EventKind::Expulsion;
  claim.object = "party";
  claim.date.year = year;
  claim.date.first = year * 366;  // any increasing day numbers will do for these tests
  claim.date.last = year * 366 + 365;
  return std::make_shared<const DocumentClaims>(path, std::vector<EventClaim>{claim});
}

OpenClaims::Entry entry(const std::string& uri, std::shared_ptr<const DocumentClaims> claims) {
  return {uri, std::make_shared<const TextSnapshot>("text"), std::move(claims)};
}

}  // namespace

TEST_CASE("open claims: changed events re-check the documents sharing them, once") {
  OpenClaims open;
  CHECK(open.record("/a.md", entry("file:///a.md", expelled_in("/a.md", 1927))).empty());
  // b shares the event with a: a must be checked again.
  CHECK(open.record("/b.md", entry("file:///b.md", expelled_in("/b.md", 1929))) ==
        std::vector<std::string>{"file:///a.md"});
  // The same events again (a keystroke elsewhere in b): nobody is re-checked.
  CHECK(open.record("/b.md", entry("file:///b.md", expelled_in("/b.md", 1929))).empty());
  const auto others = open.others("/a.md");
  REQUIRE(others.documents.size() == 1);
  CHECK(others.documents[0]->path() == "/b.md");
  CHECK(others.texts.count("/b.md") == 1);
  CHECK(open.forget("/b.md") == std::vector<std::string>{"file:///a.md"});
  CHECK(open.others("/a.md").documents.empty());
}

TEST_CASE("open claims: an analysis that missed another document's events is told so") {
  OpenClaims open;
  open.record("/a.md", entry("file:///a.md", expelled_in("/a.md", 1927)));
  open.record("/b.md", entry("file:///b.md", expelled_in("/b.md", 1929)));
  // a was analysed before b had events.
  CHECK(open.missed_any("/a.md", {}));
  // It read b's events: nothing missed, even after another analysis of b's unchanged events.
  const Analysis::OtherDocuments read_b = {expelled_in("/b.md", 1929)};
  open.record("/b.md", entry("file:///b.md", expelled_in("/b.md", 1929)));
  CHECK_FALSE(open.missed_any("/a.md", read_b));
  // b's events changed since: missed.
  open.record("/b.md", entry("file:///b.md", expelled_in("/b.md", 1930)));
  CHECK(open.missed_any("/a.md", read_b));
}

namespace {

// A document claiming that person `person` was expelled from the party in 1927.
std::shared_ptr<const DocumentClaims> person_expelled(const std::string& path,
                                                      const std::string& person) {
  EventClaim claim;
  claim.person_id = person;
  claim.kind = EventKind::Expulsion;
  claim.object = "party";
  claim.date.year = 1927;
  claim.date.first = 1927 * 366;
  claim.date.last = 1927 * 366 + 365;
  return std::make_shared<const DocumentClaims>(path, std::vector<EventClaim>{claim});
}

std::string path_of(int i) {
  return "/doc" + std::to_string(i) + ".md";
}

}  // namespace

TEST_CASE("open claims: a document sharing no event costs the same however many are open") {
  // Before the index by event key, recording a document compared it with every open one.
  OpenClaims open;
  for (int i = 0; i < 2000; ++i) {
    const std::string path = path_of(i);
    open.record(path,
                entry("file://" + path, person_expelled(path, "person-" + std::to_string(i))));
  }
  const size_t before = open.comparisons();
  CHECK(open.record("/new.md", entry("file:///new.md", person_expelled("/new.md", "nobody")))
            .empty());
  CHECK_FALSE(open.missed_any("/new.md", {}));
  CHECK(open.comparisons() - before <= 4);
}

TEST_CASE("open claims: documents sharing an event cost linear comparisons each, not more") {
  // 1,000 identical documents: each newcomer affects all those before it (that is the answer),
  // and checking what its analysis missed looks each of them up once, instead of scanning
  // everything it read for every one of them (cubic in all).
  constexpr int kDocuments = 1000;
  OpenClaims open;
  Analysis::OtherDocuments all_read;
  size_t affected = 0;
  for (int i = 0; i < kDocuments; ++i) {
    const std::string path = path_of(i);
    auto claims = person_expelled(path, "leon-trotsky");
    const size_t before = open.comparisons();
    affected += open.record(path, entry("file://" + path, claims)).size();
    CHECK_FALSE(open.missed_any(path, all_read));
    // One look-up per key, one step per sharing document, in record and missed_any each.
    CHECK(open.comparisons() - before <= 3 * static_cast<size_t>(i) + 4);
    all_read.push_back(claims);
  }
  CHECK(affected == static_cast<size_t>(kDocuments) * (kDocuments - 1) / 2);
  // One of them changing its events affects all the others, and closing one too.
  CHECK(open.record(path_of(0), entry("file:///doc0.md", expelled_in(path_of(0), 1930))).size() ==
        kDocuments - 1);
  CHECK(open.forget(path_of(1)).size() == kDocuments - 1);
  CHECK(open.missed_any(path_of(2), all_read));  // it read doc0's old events
}
