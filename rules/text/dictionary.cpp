#include "rules/text/dictionary.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace histlint {

struct Dictionary::Impl {
  std::vector<std::string> search_dirs;
  // The dictionaries load on the first question (about a tenth of a second): a check that asks
  // none, such as a short file, starts without them.
  std::once_flag loaded;
  // Hunspell objects are not thread-safe; the server analyses documents on worker threads.
  std::mutex mutex;
  std::vector<std::unique_ptr<Hunspell>> spellers;
  // Answers so far: prose repeats its words, and a lookup is far cheaper than Hunspell's
  // affix analysis. Cleared when full, so a long-running server stays bounded.
  std::unordered_map<std::string, bool> answers;
  static constexpr size_t kMaxAnswers = 1 << 18;

  void load() {
    namespace fs = std::filesystem;
    for (const char* name : {"en_US", "en_GB"}) {
      for (const auto& dir : search_dirs) {
        const fs::path aff = fs::path(dir) / (std::string(name) + ".aff");
        const fs::path dic = fs::path(dir) / (std::string(name) + ".dic");
        std::error_code ec;
        if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) continue;
        spellers.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
        break;
      }
    }
  }

  const std::vector<std::unique_ptr<Hunspell>>& loaded_spellers() {
    std::call_once(loaded, [this] { load(); });
    return spellers;
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
    for (const char* dir :
         {"/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell/dicts",
          "/usr/share/myspell", "/opt/homebrew/share/hunspell"}) {
      dirs.emplace_back(dir);
    }
    return dirs;
  }());
  return *dictionary;
}

bool Dictionary::available() const {
  return !impl_->loaded_spellers().empty();
}

bool Dictionary::knows(std::string_view word) const {
  if (word.empty()) return false;
  std::string w(word);
  const auto& spellers = impl_->loaded_spellers();
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (auto it = impl_->answers.find(w); it != impl_->answers.end()) return it->second;
  const bool known = std::any_of(spellers.begin(), spellers.end(),
                                 [&](const auto& speller) { return speller->spell(w); });
  if (impl_->answers.size() >= Impl::kMaxAnswers) impl_->answers.clear();
  impl_->answers.emplace(std::move(w), known);
  return known;
}

}  // namespace histlint
