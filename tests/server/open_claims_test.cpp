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
