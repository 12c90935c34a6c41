#include "protocol/uri.h"

#include <doctest/doctest.h>

using namespace histlint::protocol;

TEST_CASE("file URIs and paths round-trip") {
  CHECK(path_from_uri("file:///home/a%20b/%C3%A9.md") == std::string("/home/a b/é.md"));
  CHECK(path_from_uri("file://localhost/tmp/x.md") == std::string("/tmp/x.md"));
  CHECK(path_from_uri("FILE:///tmp/x.md") == std::string("/tmp/x.md"));
  CHECK(uri_from_path("/home/a b/é.md") == "file:///home/a%20b/%C3%A9.md");
  CHECK(path_from_uri(uri_from_path("/w/100% #1.md")) == std::string("/w/100% #1.md"));
}

TEST_CASE("other URIs have no path") {
  CHECK_FALSE(path_from_uri("untitled:Untitled-1"));
  CHECK_FALSE(path_from_uri("file://server/share/x.md"));
  CHECK_FALSE(path_from_uri("file:///bad%zz"));
  CHECK_FALSE(path_from_uri("file:///cut%4"));
}
