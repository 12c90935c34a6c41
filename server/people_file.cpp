#include "server/people_file.h"

#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

#include "rules/calendar/calendar.h"
#include "server/atomic_file.h"
#include "server/file_text.h"

namespace histlint {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

namespace {

ordered_json life_event_json(const PartialDate& date, const std::string& place) {
  ordered_json out;
  out["date"] = date.iso();
  out["precision"] = std::string(precision_name(date.precision));
  if (date.calendar == Calendar::Julian)
    out["calendar"] = std::string(calendar_name(date.calendar));
  if (date.julian && date.precision == DatePrecision::Day && date.calendar == Calendar::Gregorian) {
    PartialDate old_style;
    old_style.date = *date.julian;
    old_style.precision = DatePrecision::Day;
    old_style.calendar = Calendar::Julian;
    out["julian"] = old_style.iso();
  }
  if (!place.empty()) out["place"] = place;
  return out;
}

std::string base_id(std::string_view person_id) {
  std::string id(person_id.starts_with("doc:") ? person_id.substr(4) : person_id);
  return id.empty() ? "person" : id;
}

bool write_atomically(const fs::path& path, const std::string& text, std::string& error) {
  AtomicFile file(path);
  if (!file.is_open()) {
    error = file.error();
    return false;
  }
  file.stream() << text;
  if (!file.commit()) {
    error = file.error();
    return false;
  }
  return true;
}

// The configuration with "knowledgeBase" naming `people_file`, checked by the configuration
// parser; empty with `error` set when the file cannot be rewritten.
std::string config_naming(const Config& config, const fs::path& people_file, std::string& error) {
  const auto text = read_file_text(config.file);
  if (!text) {
    error = config.file.string() + ": cannot read the file";
    return {};
  }
  ordered_json json = ordered_json::parse(*text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    error = config.file.string() + ": not a JSON object, so it was left as it is";
    return {};
  }
  std::error_code ec;
  const fs::path relative = fs::relative(people_file, config.root, ec);
  json["knowledgeBase"] = ordered_json::array(
      {ec || relative.empty() ? people_file.generic_string() : relative.generic_string()});
  std::string out = json.dump(2) + "\n";
  if (const ConfigResult checked = parse_config(out, config.file); !checked.ok()) {
    error = checked.error;
    return {};
  }
  return out;
}

}  // namespace

PeopleFileTarget people_file_target(const Config& config, const fs::path& project_folder) {
  PeopleFileTarget target;
  if (!config.knowledge_base.empty()) {
    target.people_file = config.knowledge_base.front();
    return target;
  }
  const fs::path project = config.file.empty() ? project_folder : config.root;
  target.people_file = project / ".histlint" / "people.json";
  target.add_to_config = !config.file.empty();
  return target;
}

std::string people_file_entry(const TextPerson& person,
                              const std::function<bool(std::string_view)>& id_taken) {
  std::string id = base_id(person.person_id);
  for (int n = 2; id_taken(id); ++n) id = base_id(person.person_id) + "-" + std::to_string(n);
  ordered_json entry;
  entry["id"] = id;
  entry["name"] = person.name;
  if (!person.aliases.empty()) entry["aliases"] = person.aliases;
  if (person.birth) entry["birth"] = life_event_json(*person.birth, person.birth_place);
  if (person.death) entry["death"] = life_event_json(*person.death, person.death_place);
  if (!person.description.empty()) entry["description"] = person.description;
  entry["source"] = "text";
  return entry.dump();
}

AddedPerson add_to_people_file(const TextPerson& person, const Config& config,
                               const fs::path& project_folder, const KnowledgeBase& kb) {
  AddedPerson out;
  const PeopleFileTarget target = people_file_target(config, project_folder);
  out.people_file = target.people_file;
  const std::string where = target.people_file.string();
  std::error_code ec;
  ordered_json file = {{"version", 1}, {"people", ordered_json::array()}};
  if (fs::exists(target.people_file, ec)) {
    const auto text = read_file_text(target.people_file);
    if (!text) {
      out.error = where + ": cannot read the file";
      return out;
    }
    file = ordered_json::parse(*text, nullptr, false);
    const bool valid = !file.is_discarded() &&
                       (file.is_array() ||
                        (file.is_object() && file.contains("people") && file["people"].is_array()));
    if (!valid) {
      out.error = where + ": not a people file (an array, or an object with a \"people\" array)";
      return out;
    }
  } else {
    out.created_file = true;
  }
  ordered_json& people = file.is_array() ? file : file["people"];
  // Ids already in the file count as taken even when its entries are not loaded yet.
  std::set<std::string, std::less<>> file_ids;
  for (const auto& entry : people) {
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) continue;
    if (entry.contains("name") && entry["name"] == person.name) {
      out.error = where + " already has an entry for " + person.name;
      return out;
    }
    file_ids.insert(entry["id"].get<std::string>());
  }
  const auto id_taken = [&](std::string_view id) {
    return kb.find(id) != nullptr || file_ids.count(id) > 0;
  };
  ordered_json entry = ordered_json::parse(people_file_entry(person, id_taken));
  out.id = entry["id"].get<std::string>();
  people.push_back(std::move(entry));
  const std::string text = file.dump(2) + "\n";
  // The file must load: a broken people file would cost every later analysis its entries.
  std::string parse_error;
  if (!KnowledgeBase::parse(text, where, &parse_error)) {
    out.error = parse_error;
    return out;
  }
  fs::create_directories(target.people_file.parent_path(), ec);
  if (ec) {
    out.error = target.people_file.parent_path().string() + ": " + ec.message();
    return out;
  }
  if (!write_atomically(target.people_file, text, out.error)) return out;
  // Named once it exists (the configuration's parser checks that its files do). Should this
  // fail, the file still loads by convention for the folder the configuration sits in.
  if (target.add_to_config) {
    const std::string config_text = config_naming(config, target.people_file, out.error);
    if (!out.error.empty() || !write_atomically(config.file, config_text, out.error)) return out;
    out.updated_config = true;
  }
  return out;
}

}  // namespace histlint
