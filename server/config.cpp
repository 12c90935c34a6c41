#include "server/config.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "common/bounded_json.h"
#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "rules/rule.h"
#include "rules/suppressions.h"
#include "server/cli_suggest.h"
#include "server/config_glob.h"
#include "server/file_text.h"

namespace histlint {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------------------------------------
// Where each key and value of a (valid) JSON text starts, by JSON pointer. nlohmann's DOM keeps
// no positions, and errors about a value must name its line.
class JsonLocator {
 public:
  explicit JsonLocator(std::string_view text) : text_(text) {
    size_t i = 0;
    scan_value(i, "");
  }

  // The offset of the key (or, for array elements and the root, the value) at `pointer`, falling
  // back to the nearest enclosing entry that is known.
  size_t key_offset(std::string pointer) const { return lookup(keys_, std::move(pointer)); }
  size_t value_offset(std::string pointer) const { return lookup(values_, std::move(pointer)); }

  // The first key that appears twice in one object, and the offset of its second occurrence.
  const std::optional<std::pair<std::string, size_t>>& duplicate() const { return duplicate_; }

  static std::string escape(std::string_view component) {
    std::string out;
    for (char c : component) {
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out += c;
      }
    }
    return out;
  }

 private:
  static size_t lookup(const std::map<std::string, size_t>& table, std::string pointer) {
    while (true) {
      if (auto it = table.find(pointer); it != table.end()) return it->second;
      if (pointer.empty()) return 0;
      pointer.erase(pointer.rfind('/'));
    }
  }

  void skip_space(size_t& i) const {
    while (i < text_.size() &&
           (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) {
      ++i;
    }
  }

  // Skips a string literal starting at text_[i] == '"'.
  void skip_string(size_t& i) const {
    ++i;
    while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
    ++i;
  }

  void scan_value(size_t& i, const std::string& pointer) {
    skip_space(i);
    values_.emplace(pointer, i);
    if (i >= text_.size()) return;
    if (text_[i] == '{') {
      ++i;
      std::set<std::string> seen;
      while (true) {
        skip_space(i);
        if (i >= text_.size() || text_[i] == '}') break;
        if (text_[i] == ',') {
          ++i;
          continue;
        }
        const size_t key_start = i;
        skip_string(i);
        const std::string key =
            ordered_json::parse(text_.substr(key_start, i - key_start)).get<std::string>();
        if (!seen.insert(key).second && !duplicate_) duplicate_.emplace(key, key_start);
        const std::string child = pointer + "/" + escape(key);
        keys_.emplace(child, key_start);
        skip_space(i);
        ++i;  // ':'
        scan_value(i, child);
      }
      ++i;
    } else if (text_[i] == '[') {
      ++i;
      size_t index = 0;
      while (true) {
        skip_space(i);
        if (i >= text_.size() || text_[i] == ']') break;
        if (text_[i] == ',') {
          ++i;
          continue;
        }
        const std::string child = pointer + "/" + std::to_string(index++);
        keys_.emplace(child, i);
        scan_value(i, child);
      }
      ++i;
    } else if (text_[i] == '"') {
      skip_string(i);
    } else {
      while (i < text_.size() && text_[i] != ',' && text_[i] != '}' && text_[i] != ']' &&
             text_[i] != ' ' && text_[i] != '\n' && text_[i] != '\r' && text_[i] != '\t') {
        ++i;
      }
    }
  }

  std::string_view text_;
  std::map<std::string, size_t> keys_;
  std::map<std::string, size_t> values_;
  std::optional<std::pair<std::string, size_t>> duplicate_;
};

// "path:line:column: error: message", with a 1-based line and a column in characters.
std::string located_error(const fs::path& path, std::string_view text, size_t offset,
                          std::string_view message) {
  offset = std::min(offset, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return path.string() + ":" + std::to_string(line) + ":" + std::to_string(column) +
         ": error: " + std::string(message);
}

struct ConfigError {
  size_t offset;
  std::string message;
};

constexpr std::string_view kKeys[] = {
    "$schema",    "rules",        "thresholds",    "knowledgeBase",        "include",
    "exclude",    "documentDate", "citationScope", "reportUnusedDisables", "genre",
    "inlayHints",
};

constexpr std::string_view kRuleSettings[] = {"off", "on", "error", "warning", "info", "hint"};

// Families always accepted as selectors, even before any of their rules is registered.
constexpr std::string_view kFamilies[] = {"date", "source", "garble", "histlint"};

std::vector<std::string_view> known_rule_ids() {
  std::vector<std::string_view> ids;
  for (const auto& rule : RuleRegistry::builtin().rules()) ids.push_back(rule.info.id);
  ids.push_back(unused_disable_rule().id);
  return ids;
}

std::string json_quoted(std::string_view s) {
  return ordered_json(std::string(s)).dump();
}

std::string with_suggestion(std::string message, std::string_view word,
                            const std::vector<std::string_view>& candidates) {
  if (auto match = closest_match(word, candidates))
    message += "; did you mean " + json_quoted(*match) + "?";
  return message;
}

// Validates a rule selector: "*", a family, "family/*" or a known rule id.
std::optional<std::string> selector_problem(std::string_view selector) {
  if (selector == "*") return std::nullopt;
  const auto ids = known_rule_ids();
  if (std::find(ids.begin(), ids.end(), selector) != ids.end()) return std::nullopt;
  std::string_view family = selector;
  if (family.size() > 2 && family.substr(family.size() - 2) == "/*") family.remove_suffix(2);
  const bool known_family =
      std::find(std::begin(kFamilies), std::end(kFamilies), family) != std::end(kFamilies);
  if (known_family && family.find('/') == std::string_view::npos) return std::nullopt;
  std::vector<std::string_view> candidates = ids;
  for (auto f : kFamilies) candidates.push_back(f);
  return with_suggestion("unknown rule " + json_quoted(selector) +
                             " in \"rules\" (a rule id, a family such as \"date\" or \"date/*\", "
                             "or \"*\")",
                         selector, candidates);
}

// A PartialDate at the precision the options' date was given with, for printing.
PartialDate as_partial_date(const CivilDate& date) {
  PartialDate partial;
  partial.date = date;
  partial.precision = date.month == 0 ? DatePrecision::Year
                      : date.day == 0 ? DatePrecision::Month
                                      : DatePrecision::Day;
  return partial;
}

// Why a glob is malformed (unbalanced brackets or braces), or nullopt.
std::optional<std::string> glob_problem(std::string_view glob) {
  if (glob.empty()) return "an empty glob matches nothing";
  int braces = 0;
  bool in_class = false;
  for (char c : glob) {
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '{') {
      ++braces;
    } else if (c == '}') {
      if (--braces < 0) return "unbalanced \"}\" in glob " + json_quoted(glob);
    }
  }
  if (in_class) return "unclosed \"[\" in glob " + json_quoted(glob);
  if (braces != 0) return "unclosed \"{\" in glob " + json_quoted(glob);
  return std::nullopt;
}

class Validator {
 public:
  Validator(const ordered_json& doc, const JsonLocator& locator, const fs::path& root)
      : doc_(doc), locator_(locator), root_(root) {}

  std::optional<ConfigError> validate(Config& config) {
    if (!doc_.is_object()) return ConfigError{0, "a configuration must be a JSON object"};
    for (const auto& [key, value] : doc_.items()) {
      const std::string pointer = "/" + JsonLocator::escape(key);
      if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
        std::vector<std::string_view> keys(std::begin(kKeys), std::end(kKeys));
        return key_error(pointer, with_suggestion("unknown key " + json_quoted(key), key, keys));
      }
      std::optional<ConfigError> error;
      if (key == "$schema") {
        error = expect(value.is_string(), pointer, "\"$schema\" must be a string");
      } else if (key == "rules") {
        error = read_rules(value, pointer, config.options);
      } else if (key == "thresholds") {
        error = read_thresholds(value, pointer, config.options);
      } else if (key == "knowledgeBase") {
        error = read_knowledge_base(value, pointer, config.knowledge_base);
      } else if (key == "include" || key == "exclude") {
        error = read_globs(value, pointer, key, key == "include" ? config.include : config.exclude);
      } else if (key == "documentDate") {
        std::optional<PartialDate> date;
        if (value.is_string()) date = parse_partial_date(value.get<std::string>());
        if (!date) {
          return value_error(pointer,
                             "\"documentDate\" must be a date written YYYY-MM-DD, YYYY-MM or "
                             "YYYY, such as \"2024-05-01\"");
        }
        config.options.document_date = date->date;
      } else if (key == "citationScope") {
        if (value == "sentence") {
          config.options.citation_scope = CitationScope::Sentence;
        } else if (value == "paragraph") {
          config.options.citation_scope = CitationScope::Paragraph;
        } else {
          return value_error(pointer, "\"citationScope\" must be \"sentence\" or \"paragraph\"");
        }
      } else if (key == "genre") {
        error = read_genre(value, pointer, config);
      } else if (key == "reportUnusedDisables") {
        error =
            expect(value.is_boolean(), pointer, "\"reportUnusedDisables\" must be true or false");
        if (!error) config.options.report_unused_disables = value.get<bool>();
      } else if (key == "inlayHints") {
        error = expect(value.is_boolean(), pointer, "\"inlayHints\" must be true or false");
        if (!error) config.inlay_hints = value.get<bool>();
      }
      if (error) return error;
    }
    return std::nullopt;
  }

 private:
  ConfigError key_error(const std::string& pointer, std::string message) const {
    return ConfigError{locator_.key_offset(pointer), std::move(message)};
  }
  ConfigError value_error(const std::string& pointer, std::string message) const {
    return ConfigError{locator_.value_offset(pointer), std::move(message)};
  }
  std::optional<ConfigError> expect(bool ok, const std::string& pointer, std::string message) {
    if (ok) return std::nullopt;
    return value_error(pointer, std::move(message));
  }

  // "genre": one name for every file, or an object mapping globs to names.
  std::optional<ConfigError> read_genre(const ordered_json& value, const std::string& pointer,
                                        Config& config) {
    static constexpr std::string_view kExpected =
        "must be \"primary\", \"secondary\", \"auto\" or a kind of primary source "
        "(\"newspaper\", \"letter\", \"diary\", \"notice\", \"court record\", "
        "\"transcript\")";
    auto parse = [](const ordered_json& v) {
      return v.is_string() ? parse_genre(v.get<std::string>()) : std::nullopt;
    };
    if (value.is_object()) {
      for (const auto& [glob, name] : value.items()) {
        const std::string item = pointer + "/" + JsonLocator::escape(glob);
        const auto genre = parse(name);
        if (!genre)
          return value_error(item, "the genre of \"" + glob + "\" " + std::string(kExpected));
        config.genre_globs.emplace_back(glob, *genre);
      }
      return std::nullopt;
    }
    const auto genre = parse(value);
    if (!genre)
      return value_error(
          pointer, "\"genre\" " + std::string(kExpected) + ", or an object mapping globs to these");
    config.options.genre = *genre;
    return std::nullopt;
  }

  std::optional<ConfigError> read_rules(const ordered_json& value, const std::string& pointer,
                                        Options& options) {
    if (!value.is_object()) {
      return value_error(pointer,
                         "\"rules\" must be an object mapping rule ids or families to a severity "
                         "or \"off\", such as {\"date/*\": \"error\"}");
    }
    for (const auto& [selector, setting] : value.items()) {
      const std::string entry = pointer + "/" + JsonLocator::escape(selector);
      if (auto problem = selector_problem(selector)) return key_error(entry, *problem);
      const bool valid =
          setting.is_string() && std::find(std::begin(kRuleSettings), std::end(kRuleSettings),
                                           setting.get<std::string>()) != std::end(kRuleSettings);
      if (!valid) {
        return value_error(entry, "the setting for " + json_quoted(selector) +
                                      " must be \"error\", \"warning\", \"info\", \"hint\", "
                                      "\"on\" or \"off\"");
      }
      options.rules.emplace_back(selector, setting.get<std::string>());
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_thresholds(const ordered_json& value, const std::string& pointer,
                                             Options& options) {
    if (!value.is_object()) {
      return value_error(pointer,
                         "\"thresholds\" must be an object such as "
                         "{\"garble/spun-text.threshold\": 0.8}");
    }
    const auto ids = known_rule_ids();
    for (const auto& [name, number] : value.items()) {
      const std::string entry = pointer + "/" + JsonLocator::escape(name);
      const size_t dot = name.find('.');
      const std::string rule = name.substr(0, dot);
      if (dot == std::string::npos || dot + 1 == name.size()) {
        return key_error(entry, "threshold " + json_quoted(name) +
                                    " must be written \"rule-id.parameter\", such as "
                                    "\"garble/spun-text.threshold\"");
      }
      if (std::find(ids.begin(), ids.end(), rule) == ids.end()) {
        return key_error(entry, with_suggestion("threshold " + json_quoted(name) +
                                                    " names unknown rule " + json_quoted(rule),
                                                rule, ids));
      }
      if (!number.is_number() || !std::isfinite(number.get<double>())) {
        return value_error(entry, "threshold " + json_quoted(name) + " must be a number");
      }
      options.thresholds[name] = number.get<double>();
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_knowledge_base(const ordered_json& value,
                                                 const std::string& pointer,
                                                 std::vector<fs::path>& files) {
    if (!value.is_array()) {
      return value_error(pointer,
                         "\"knowledgeBase\" must be an array of file paths, relative to the "
                         "configuration's folder");
    }
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string entry = pointer + "/" + std::to_string(i);
      if (!value[i].is_string() || value[i].get<std::string>().empty()) {
        return value_error(entry, "each \"knowledgeBase\" entry must be a file path");
      }
      const fs::path file = (root_ / value[i].get<std::string>()).lexically_normal();
      std::error_code ec;
      if (!fs::is_regular_file(file, ec)) {
        return value_error(entry,
                           "knowledge-base file " + json_quoted(file.string()) + " does not exist");
      }
      files.push_back(file);
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_globs(const ordered_json& value, const std::string& pointer,
                                        const std::string& key, std::vector<std::string>& globs) {
    if (!value.is_array()) {
      return value_error(pointer,
                         json_quoted(key) + " must be an array of globs such as [\"**/*.md\"]");
    }
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string entry = pointer + "/" + std::to_string(i);
      if (!value[i].is_string()) return value_error(entry, "each glob must be a string");
      const std::string glob = value[i].get<std::string>();
      if (auto problem = glob_problem(glob)) return value_error(entry, *problem);
      globs.push_back(glob);
    }
    return std::nullopt;
  }

  const ordered_json& doc_;
  const JsonLocator& locator_;
  const fs::path& root_;
};

// ---------------------------------------------------------------------------------------------
// Globs.

// The path of `file` relative to `root`, with "/" separators; the absolute path when it lies
// outside the root.
std::string relative_to(const fs::path& file, const fs::path& root) {
  const fs::path relative = file.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return file.generic_string();
  return relative.generic_string();
}

// ---------------------------------------------------------------------------------------------

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  return absolute.lexically_normal();
}

}  // namespace

bool path_glob_match(std::string_view pattern, std::string_view relative_path) {
  std::string normalized(pattern);
  if (normalized.substr(0, 2) == "./") normalized.erase(0, 2);
  if (!normalized.empty() && normalized.back() == '/') normalized += "**";
  if (!normalized.empty() && normalized.front() == '/') {
    normalized.erase(0, 1);
  } else if (normalized.find('/') == std::string::npos) {
    normalized = "**/" + normalized;
  }
  return PathGlob(normalized).matches(relative_path);
}

bool Config::includes(const fs::path& file) const {
  const std::string relative = relative_to(absolute_normal(file), root);
  const auto matches = [&](std::string_view glob) { return path_glob_match(glob, relative); };
  const bool included = include.empty() ? std::any_of(std::begin(kDefaultIncludes),
                                                      std::end(kDefaultIncludes), matches)
                                        : std::any_of(include.begin(), include.end(), matches);
  return included && !excludes(file);
}

Genre Config::genre_for(const fs::path& file) const {
  if (genre_globs.empty()) return options.genre;
  const std::string relative = relative_to(absolute_normal(file), root);
  for (const auto& [glob, genre] : genre_globs) {
    if (path_glob_match(glob, relative)) return genre;
  }
  return options.genre;
}

bool Config::excludes(const fs::path& path) const {
  if (exclude.empty()) return false;
  const std::string relative = relative_to(absolute_normal(path), root);
  // The path itself, then each of its folders: "drafts" excludes everything below drafts/.
  std::string_view candidate = relative;
  while (!candidate.empty()) {
    for (const auto& glob : exclude) {
      if (path_glob_match(glob, candidate)) return true;
    }
    const size_t slash = candidate.rfind('/');
    if (slash == std::string_view::npos) break;
    candidate = candidate.substr(0, slash);
  }
  return false;
}

ConfigResult parse_config(std::string_view text, const fs::path& path) {
  ordered_json doc;
  if (const auto error = parse_bounded_json(text, doc)) {
    return {nullptr, located_error(path, text, error->offset, "invalid JSON: " + error->message)};
  }
  // The parse bounded the nesting, so the locator's recursion is bounded too.
  const JsonLocator locator(text);
  if (const auto& duplicate = locator.duplicate()) {
    return {nullptr, located_error(path, text, duplicate->second,
                                   "duplicate key " + json_quoted(duplicate->first))};
  }
  auto config = std::make_shared<Config>();
  config->file = absolute_normal(path);
  config->root = config->file.parent_path();
  Validator validator(doc, locator, config->root);
  if (auto error = validator.validate(*config)) {
    return {nullptr, located_error(path, text, error->offset, error->message)};
  }
  return {config, {}};
}

ConfigResult load_config_file(const fs::path& path) {
  const auto text = read_file_text(path);
  if (!text) return {nullptr, path.string() + ": error: cannot read the configuration file"};
  return parse_config(*text, path);
}

std::optional<fs::path> find_config_file(const fs::path& folder) {
  fs::path current = absolute_normal(folder);
  while (true) {
    std::error_code ec;
    const fs::path candidate = current / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!current.has_relative_path()) return std::nullopt;  // reached the filesystem root
    current = current.parent_path();
  }
}

std::shared_ptr<const Config> default_config(const fs::path& root) {
  auto config = std::make_shared<Config>();
  config->root = absolute_normal(root);
  return config;
}

ConfigResult load_config_for(const fs::path& file) {
  const fs::path folder = absolute_normal(file).parent_path();
  if (auto found = find_config_file(folder)) return load_config_file(*found);
  return {default_config(folder), {}};
}

std::string describe_config(const Config& config) {
  ordered_json out;
  out["configFile"] =
      config.file.empty() ? ordered_json(nullptr) : ordered_json(config.file.string());
  out["root"] = config.root.string();
  ordered_json rules = ordered_json::object();
  for (const auto& [selector, setting] : config.options.rules) rules[selector] = setting;
  out["rules"] = rules;
  ordered_json thresholds = ordered_json::object();
  for (const auto& [name, value] : config.options.thresholds) thresholds[name] = value;
  out["thresholds"] = thresholds;
  ordered_json kb = ordered_json::array();
  for (const auto& file : config.knowledge_base) kb.push_back(file.string());
  out["knowledgeBase"] = kb;
  ordered_json include = ordered_json::array();
  if (config.include.empty()) {
    for (auto glob : kDefaultIncludes) include.push_back(glob);
  } else {
    for (const auto& glob : config.include) include.push_back(glob);
  }
  out["include"] = include;
  out["exclude"] = config.exclude;
  out["documentDate"] = config.options.document_date
                            ? ordered_json(as_partial_date(*config.options.document_date).iso())
                            : ordered_json(nullptr);
  out["citationScope"] =
      config.options.citation_scope == CitationScope::Paragraph ? "paragraph" : "sentence";
  auto genre_name = [](Genre genre) {
    return genre == Genre::Primary ? "primary" : genre == Genre::Secondary ? "secondary" : "auto";
  };
  if (config.genre_globs.empty()) {
    out["genre"] = genre_name(config.options.genre);
  } else {
    ordered_json genres = ordered_json::object();
    for (const auto& [glob, genre] : config.genre_globs) genres[glob] = genre_name(genre);
    out["genre"] = genres;
  }
  out["reportUnusedDisables"] = config.options.report_unused_disables;
  out["inlayHints"] = config.inlay_hints;
  ordered_json effective = ordered_json::object();
  auto add = [&](const RuleInfo& rule) {
    const auto severity = effective_severity(config.options, rule);
    effective[std::string(rule.id)] = severity ? std::string(severity_name(*severity)) : "off";
  };
  for (const auto& rule : RuleRegistry::builtin().rules()) add(rule.info);
  add(unused_disable_rule());
  out["effectiveRules"] = effective;
  return out.dump(2) + "\n";
}

ConfigCache::ConfigCache(std::optional<fs::path> override_path) {
  if (override_path) override_ = load_config_file(*override_path);
}

const ConfigResult& ConfigCache::for_file(const fs::path& file) {
  return for_folder(absolute_normal(file).parent_path());
}

const ConfigResult& ConfigCache::for_folder(const fs::path& path) {
  if (override_) return *override_;
  const fs::path folder = absolute_normal(path);
  if (auto it = by_folder_.find(folder); it != by_folder_.end()) return it->second;
  ConfigResult result;
  if (auto found = find_config_file(folder)) {
    auto it = by_file_.find(*found);
    if (it == by_file_.end()) it = by_file_.emplace(*found, load_config_file(*found)).first;
    result = it->second;
  } else {
    result = {default_config(folder), {}};
  }
  return by_folder_.emplace(folder, std::move(result)).first->second;
}

}  // namespace histlint
