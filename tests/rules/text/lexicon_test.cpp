#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "rules/text/dictionary.h"
#include "rules/text/lexicon.h"

using namespace histlint;

TEST_CASE("lexicon: one id per word in any case") {
  Lexicon lexicon(nullptr);
  const LexemeId the = lexicon.intern("the");
  CHECK(the != kNoLexeme);
  CHECK(lexicon.intern("The") == the);
  CHECK(lexicon.intern("THE") == the);
  CHECK(lexicon.intern("then") != the);
  CHECK(lexicon.folded(lexicon.intern("Троцкий")) == "троцкий");
  CHECK(lexicon.folded(lexicon.intern("ÉMILE")) == "émile");
  CHECK(lexicon.intern("") == kNoLexeme);
}

TEST_CASE("lexicon: closed classes") {
  Lexicon lexicon(nullptr);
  CHECK(lexicon.is(lexicon.intern("Of"), kFunctionWord));
  CHECK(lexicon.is(lexicon.intern("September"), kMonth));
  CHECK(lexicon.is(lexicon.intern("Sept"), kMonth));
  CHECK(lexicon.is(lexicon.intern("thursday"), kWeekday));
  CHECK(lexicon.is(lexicon.intern("twenty"), kNumberWord));
  CHECK(lexicon.is(lexicon.intern("third"), kOrdinalWord));
  CHECK(lexicon.classes(lexicon.intern("revolution")) == 0);
  // "May" is a month and a function word.
  const LexemeId may = lexicon.intern("May");
  CHECK(lexicon.is(may, kMonth));
  CHECK(lexicon.is(may, kFunctionWord));
}

TEST_CASE("lexicon: the dictionary is asked once per word and case shape") {
  const Dictionary& dictionary = Dictionary::shared();
  if (!dictionary.available()) {
    MESSAGE("SKIP: no Hunspell dictionaries");
    return;
  }
  Lexicon lexicon(&dictionary);
  const LexemeId id = lexicon.intern("london");
  CHECK(lexicon.is_english(id, "London"));
  CHECK_FALSE(lexicon.is_english(id, "london"));  // Hunspell: a proper noun needs its capital
  const size_t asked = lexicon.dictionary_lookups();
  for (int i = 0; i < 100; ++i) {
    CHECK(lexicon.is_english(id, "London"));
    CHECK_FALSE(lexicon.is_english(id, "london"));
  }
  CHECK(lexicon.dictionary_lookups() == asked);
  CHECK(lexicon.is_english(lexicon.intern("revolution"), "revolution"));
  CHECK_FALSE(lexicon.is_english(lexicon.intern("tlio"), "tlio"));
  // Broken case is never memoised under another word's answer.
  CHECK_FALSE(lexicon.is_english(lexicon.intern("the"), "tHe"));
}

TEST_CASE("lexicon: interning from several threads gives one id per word") {
  Lexicon lexicon(nullptr);
  std::vector<std::vector<LexemeId>> ids(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < ids.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) ids[t].push_back(lexicon.intern("w" + std::to_string(i)));
    });
  }
  for (auto& th : threads) th.join();
  for (size_t t = 1; t < ids.size(); ++t) CHECK(ids[t] == ids[0]);
  for (int i = 0; i < 2000; i += 97) {
    CHECK(lexicon.folded(ids[0][i]) == "w" + std::to_string(i));
  }
}

TEST_CASE("lexicon: a full lexicon gives no id but still answers classes") {
  Lexicon lexicon(nullptr);
  LexemeId last = 1;
  size_t interned = 0;
  for (int i = 0; i < 1100000 && last != kNoLexeme; ++i) {
    last = lexicon.intern("x" + std::to_string(i));
    if (last != kNoLexeme) ++interned;
  }
  CHECK(last == kNoLexeme);
  CHECK(lexicon.size() <= 1100000);
  CHECK(lexicon.is(lexicon.intern("the"), kFunctionWord));  // closed classes are interned first
  CHECK(lex_classes("march") == kMonth);
}
