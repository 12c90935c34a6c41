#include "rules/text/dictionary.h"

#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <utility>

#include "rules/text/word_set.h"

namespace histlint {

namespace {

// Lets the answers be looked up by string_view, without a string per question.
struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct Dictionary::Impl {
  std::vector<std::string> search_dirs;
  // The .aff and .dic files found, looked for once: available() needs no more than that.
  std::once_flag found;
  std::vector<std::pair<std::string, std::string>> files;
  // Each Hunspell loads when first asked (about a twentieth of a second each), for the words the
  // compiled set cannot answer: a check that asks none starts without them, and en_GB loads only
  // for a word en_US does not know. Guarded by speller_mutex.
  std::vector<std::unique_ptr<Hunspell>> spellers;
  // Hunspell objects are not thread-safe; the server analyses documents on worker threads.
  std::mutex speller_mutex;
  // Answers so far: prose repeats its words, and a lookup is far cheaper than Hunspell's
  // affix analysis. Read under a shared lock, so threads asking about known words do not wait
  // for each other. Cleared when full, so a long-running server stays bounded.
  std::shared_mutex answers_mutex;
  std::unordered_map<std::string, bool, TransparentHash, std::equal_to<>> answers;
  static constexpr size_t kMaxAnswers = 1 << 18;

  // The compiled words of those same files (rules/text/word_set.h), or null when the files
  // differ from the ones the binary was built with.
  const WordSet* words = nullptr;

  const std::vector<std::pair<std::string, std::string>>& found_files() {
    std::call_once(found, [this] {
      files = find_dictionary_files(search_dirs);
      if (WordSet::embedded().built_from(files)) words = &WordSet::embedded();
    });
    return files;
  }

  // Whether the dictionaries, tried in order, accept the word. Call with speller_mutex held.
  bool spell(const std::string& word) {
    const auto& to_load = found_files();
    for (size_t i = 0; i < to_load.size(); ++i) {
      if (i == spellers.size()) {
        spellers.push_back(
            std::make_unique<Hunspell>(to_load[i].first.c_str(), to_load[i].second.c_str()));
      }
      if (spellers[i]->spell(word)) return true;
    }
    return false;
  }
};

Dictionary::Dictionary(const std::vector<std::string>& search_dirs) : impl_(new Impl) {
  impl_->search_dirs = search_dirs;
}

Dictionary::~Dictionary() = default;

const Dictionary& Dictionary::shared() {
  // Never destroyed: freeing Hunspell's tables at exit costs as much as loading them.
  static const Dictionary* const dictionary = new Dictionary([] {
    std::vector<std::string> dirs;
    if (const char* own = std::getenv("HISTLINT_HUNSPELL_DIR")) dirs.emplace_back(own);
    if (const char* dicpath = std::getenv("DICPATH")) {
      std::string_view rest(dicpath);
      while (!rest.empty()) {
        const size_t colon = rest.find(':');
        if (colon != 0) dirs.emplace_back(rest.substr(0, colon));
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
      }
    }
    for (auto& dir : system_dictionary_dirs()) dirs.push_back(std::move(dir));
    return dirs;
  }());
  return *dictionary;
}

bool Dictionary::available() const {
  return !impl_->found_files().empty();
}

bool Dictionary::knows(std::string_view word) const {
  if (word.empty() || !available()) return false;
  if (const WordSet* words = impl_->words) {
    // Most words are answered from the compiled set, without loading Hunspell.
    std::string folded;
    const std::string_view w = words->fold_apostrophes(word, folded);
    if (words->contains(w)) return true;
    if (words->is_complete_for(w)) return false;
  }
  {
    const std::shared_lock lock(impl_->answers_mutex);
    if (const auto it = impl_->answers.find(word); it != impl_->answers.end()) return it->second;
  }
  const std::string w(word);
  bool known;
  {
    const std::lock_guard lock(impl_->speller_mutex);
    known = impl_->spell(w);
  }
  const std::unique_lock lock(impl_->answers_mutex);
  if (impl_->answers.size() >= Impl::kMaxAnswers) impl_->answers.clear();
  impl_->answers.emplace(w, known);
  return known;
}

}  // namespace histlint
