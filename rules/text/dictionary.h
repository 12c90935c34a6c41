// English spelling dictionaries (hunspell en_US and en_GB): which tokens are English words, for
// the OCR-noise and boilerplate rules and for telling given names from English words.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace histlint {

class Dictionary {
 public:
  // Uses en_US and en_GB from the first directory that has them: available() only looks for the
  // files. knows() answers most words from the word set compiled from the same files at build
  // time (rules/text/word_set.h) and loads Hunspell for the first word the set cannot answer.
  // Missing dictionaries leave the object unavailable rather than failing.
  explicit Dictionary(const std::vector<std::string>& search_dirs);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // Loaded once per process from $HISTLINT_HUNSPELL_DIR, $DICPATH (colon-separated) or the usual
  // system folders. Safe to use from several threads.
  static const Dictionary& shared();

  bool available() const;
  // True when either dictionary accepts the word (hunspell folds a capital at the start).
  // Always false when no dictionary is loaded: callers check available() first.
  bool knows(std::string_view word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace histlint
