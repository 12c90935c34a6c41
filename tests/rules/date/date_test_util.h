// Runs date/ rules over a text with a small knowledge base of its own, for the date rule tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"
#include "rules/options.h"
#include "support/builtin_rule.h"

namespace histlint::date_test {

// A few people with well-known dates, so the tests do not depend on the bundled data.
inline const KnowledgeBase& test_kb() {
  static const KnowledgeBase kb = [] {
    std::string error;
    auto parsed = KnowledgeBase::parse(R"({"version": 1, "people": [
      {"id": "leon-trotsky", "name": "Leon Trotsky", "short": ["Trotsky"], "given": ["Leon"],
       "sex": "male", "birth": {"date": "1879-11-07", "julian": "1879-10-26"},
       "death": {"date": "1940-08-21"}},
      {"id": "vladimir-lenin", "name": "Vladimir Lenin", "short": ["Lenin"], "sex": "male",
       "birth": {"date": "1870-04-22", "julian": "1870-04-10"}, "death": {"date": "1924-01-21"}},
      {"id": "karl-marx", "name": "Karl Marx", "short": ["Marx"], "sex": "male",
       "birth": {"date": "1818-05-05"}, "death": {"date": "1883-03-14"}},
      {"id": "frida-kahlo", "name": "Frida Kahlo", "short": ["Kahlo"], "given": ["Frida"],
       "sex": "female", "birth": {"date": "1907-07-06"}, "death": {"date": "1954-07-13"}},
      {"id": "joseph-stalin", "name": "Joseph Stalin", "short": ["Stalin"], "sex": "male",
       "birth": {"date": "1878-12-18"}, "death": {"date": "1953-03-05"}},
      {"id": "ramon-mercader", "name": "Ramón Mercader", "aliases": ["Ramon Mercader"],
       "short": ["Mercader"], "sex": "male", "birth": {"date": "1913-02-07"},
       "death": {"date": "1978-10-18"}},
      {"id": "natalia-sedova", "name": "Natalia Sedova", "aliases": ["Natalya Sedova"],
       "short": ["Sedova"], "given": ["Natalia", "Natalya"], "sex": "female",
       "birth": {"date": "1882-04-05"}, "death": {"date": "1962-01-23"}}
    ]})",
                                       "test-people.json", &error);
    return parsed ? std::move(*parsed) : KnowledgeBase();
  }();
  return kb;
}

inline std::vector<Finding> run_rule(std::string_view rule_id, const std::string& text,
                                     std::string_view path = "doc.md",
                                     const Options& options = {}) {
  return test::run_builtin_rule(rule_id, text, test_kb(), path, options);
}

using test::flags;

}  // namespace histlint::date_test
