#include "server/kb_files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "rules/kb/kb_binary.h"

namespace histlint {

namespace {

std::optional<std::string> executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe.parent_path().string();
}

// A read-only mapping of a whole file, unmapped when the last knowledge base using it goes.
class MappedFile {
 public:
  MappedFile(void* address, size_t size) : address_(address), size_(size) {}
  ~MappedFile() { munmap(address_, size_); }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(address_), size_}; }

 private:
  void* address_;
  size_t size_;
};

std::optional<KnowledgeBase> load_binary_file(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = path + ": cannot open the file: " + std::strerror(errno);
    return std::nullopt;
  }
  struct stat info {};
  if (fstat(fd, &info) != 0 || info.st_size <= 0) {
    ::close(fd);
    if (error) *error = path + ": truncated binary knowledge base (empty file)";
    return std::nullopt;
  }
  const auto size = static_cast<size_t>(info.st_size);
  void* address = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (address == MAP_FAILED) {
    if (error) *error = path + ": cannot map the file: " + std::strerror(errno);
    return std::nullopt;
  }
  madvise(address, size, MADV_RANDOM);  // lookups touch a few pages each
  auto mapped = std::make_shared<const MappedFile>(address, size);
  const std::string_view bytes = mapped->bytes();
  return KnowledgeBase::open_binary(bytes, std::move(mapped), path, error);
}

}  // namespace

bool is_binary_knowledge_base_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[kKbMagic.size()] = {};
  in.read(magic, sizeof magic);
  return in.gcount() == static_cast<std::streamsize>(sizeof magic) &&
         is_binary_knowledge_base(std::string_view(magic, sizeof magic));
}

namespace {

// `binary` when it exists and is not older than `json` (an edited JSON file wins over a stale
// build of it), else `json` when it exists.
std::optional<std::filesystem::path> newest_form(const std::filesystem::path& binary,
                                                 const std::filesystem::path& json) {
  std::error_code ec;
  const bool has_binary = std::filesystem::is_regular_file(binary, ec);
  const bool has_json = std::filesystem::is_regular_file(json, ec);
  if (has_binary && (!has_json || std::filesystem::last_write_time(binary, ec) >=
                                      std::filesystem::last_write_time(json, ec))) {
    return binary;
  }
  if (has_json) return json;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> bundled_knowledge_base_path() {
  // Each place may hold people.json and its binary build people.hkb (faster to load).
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> candidates;
  auto in_dir = [&](const std::filesystem::path& dir) {
    candidates.emplace_back(dir / "people.hkb", dir / "people.json");
  };
  if (const char* dir = std::getenv("HISTLINT_DATA_DIR"); dir && *dir) in_dir(dir);
  if (auto exe_dir = executable_dir()) {
    in_dir(std::filesystem::path(*exe_dir) / ".." / "share" / "histlint");
    // The build tree: people.hkb built beside the binary from the source tree's people.json.
    candidates.emplace_back(std::filesystem::path(*exe_dir) / "people.hkb",
                            std::filesystem::path(HISTLINT_SOURCE_DATA_DIR) / "people.json");
  }
  in_dir(HISTLINT_INSTALL_DATA_DIR);
  in_dir(HISTLINT_SOURCE_DATA_DIR);
  for (const auto& [binary, json] : candidates) {
    if (auto found = newest_form(binary, json)) {
      std::error_code ec;
      return std::filesystem::weakly_canonical(*found, ec).string();
    }
  }
  return std::nullopt;
}

const KnowledgeBase& bundled_knowledge_base() {
  // Never destroyed: freeing every entry at exit would only slow each run's end.
  static const KnowledgeBase* const kb = new KnowledgeBase([] {
    auto path = bundled_knowledge_base_path();
    if (!path) {
      std::cerr << "histlint: people knowledge base not found (set HISTLINT_DATA_DIR to the "
                   "folder holding people.json)\n";
      return KnowledgeBase();
    }
    std::string error;
    auto loaded = load_knowledge_base_file(*path, &error);
    if (!loaded) {
      std::cerr << "histlint: " << error << "\n";
      return KnowledgeBase();
    }
    return std::move(*loaded);
  }());
  return *kb;
}

std::optional<KnowledgeBase> load_knowledge_base_file(const std::string& path, std::string* error) {
  if (is_binary_knowledge_base_file(path)) return load_binary_file(path, error);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = path + ":1: cannot open the file";
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    if (error) *error = path + ":1: cannot read the file";
    return std::nullopt;
  }
  return KnowledgeBase::parse(content.str(), path, error);
}

KnowledgeBase load_knowledge_base(const std::vector<std::string>& extra_files, std::string* error) {
  std::vector<KnowledgeBase> overlays;
  std::string errors;
  for (const auto& path : extra_files) {
    std::string file_error;
    auto extra = load_knowledge_base_file(path, &file_error);
    if (!extra) {
      if (!errors.empty()) errors += '\n';
      errors += file_error;
      continue;
    }
    overlays.push_back(std::move(*extra));
  }
  if (error) *error = errors;
  return KnowledgeBase::layered(bundled_knowledge_base(), std::move(overlays));
}

std::vector<std::string> knowledge_base_files(const Config& config) {
  std::error_code ec;
  const std::filesystem::path project =
      config.file.empty() ? std::filesystem::current_path(ec) : config.root;
  std::vector<std::string> files;
  const std::filesystem::path workspace_kb = project / ".histlint" / "people.json";
  if (std::filesystem::is_regular_file(workspace_kb, ec)) files.push_back(workspace_kb.string());
  for (const auto& extra : config.knowledge_base) {
    if (std::find(files.begin(), files.end(), extra.string()) == files.end()) {
      files.push_back(extra.string());
    }
  }
  return files;
}

const KnowledgeBase& KnowledgeBases::for_config(const Config& config,
                                                std::vector<FileProblem>& problems) {
  const auto files = knowledge_base_files(config);
  if (files.empty()) return bundled_knowledge_base();
  auto it = loaded_.find(files);
  if (it == loaded_.end()) {
    std::string error;
    auto kb = std::make_unique<KnowledgeBase>(load_knowledge_base(files, &error));
    if (!error.empty()) problems.push_back({files.front(), error});
    it = loaded_.emplace(files, std::move(kb)).first;
  }
  return *it->second;
}

}  // namespace histlint
