#include "rules/kb/kb_binary.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstring>
#include <ostream>

namespace histlint {

namespace {

enum Section {
  kStrings,
  kOffsets,
  kRecords,
  kNames,
  kNameHash,
  kFirstWords,
  kIds,
  kWikidata,
  kSections
};

// Header fields at fixed offsets. The magic and the version never move, so that any later
// version can still say which version wrote a file.
constexpr size_t kVersionAt = 8;
constexpr size_t kHeaderSizeAt = 12;
constexpr size_t kFileSizeAt = 16;
constexpr size_t kCountAt = 24;
constexpr size_t kNameCountAt = 32;
constexpr size_t kMaxWordsAt = 40;
constexpr size_t kMaxProbeAt = 48;
constexpr size_t kSectionsAt = 56;
constexpr size_t kBodyChecksumAt = kSectionsAt + kSections * 16;
constexpr size_t kHeaderChecksumAt = kBodyChecksumAt + 8;
constexpr size_t kHeaderSize = kHeaderChecksumAt + 8;
static_assert(kHeaderSize == kKbHeaderSize);

constexpr size_t kNameRowSize = 16;
constexpr size_t kIdRowSize = 16;
constexpr uint32_t kEmptyHashSlot = UINT32_MAX;
constexpr uint64_t kMaxKeyLength = (1u << 24) - 1;  // key refs: 40-bit offset, 24-bit length
constexpr uint64_t kMaxKeyOffset = (uint64_t{1} << 40) - 1;

uint64_t load64(const char* p) {
  uint64_t v = 0;
  std::memcpy(&v, p, 8);  // the format is little-endian, as is every supported host
  return v;
}
uint32_t load32(const char* p) {
  uint32_t v = 0;
  std::memcpy(&v, p, 4);
  return v;
}
void store64(std::string& out, size_t at, uint64_t v) {
  std::memcpy(out.data() + at, &v, 8);
}
void store32(std::string& out, size_t at, uint32_t v) {
  std::memcpy(out.data() + at, &v, 4);
}

// A fast 64-bit checksum (four independent multiply-xor lanes over 32-byte blocks); detects
// damage, not attacks. Fed in pieces, so that a body is checksummed without assembling it.
class Checksum {
 public:
  void update(std::string_view bytes) {
    size_ += bytes.size();
    if (pending_size_) {
      const size_t take = std::min(32 - pending_size_, bytes.size());
      std::memcpy(pending_ + pending_size_, bytes.data(), take);
      pending_size_ += take;
      bytes.remove_prefix(take);
      if (pending_size_ < 32) return;
      block(pending_);
      pending_size_ = 0;
    }
    for (; bytes.size() >= 32; bytes.remove_prefix(32)) block(bytes.data());
    std::memcpy(pending_, bytes.data(), bytes.size());
    pending_size_ = bytes.size();
  }
  uint64_t finish() const {
    uint64_t h = size_ * kMul;
    for (uint64_t lane : lanes_) h = (h ^ lane) * kMul;
    for (size_t i = 0; i < pending_size_; ++i) {
      h = (h ^ static_cast<unsigned char>(pending_[i])) * kMul;
    }
    return h ^ (h >> 29);
  }

 private:
  static constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  void block(const char* p) {
    for (int k = 0; k < 4; ++k) {
      lanes_[k] = (lanes_[k] ^ load64(p + 8 * k)) * kMul;
      lanes_[k] ^= lanes_[k] >> 31;
    }
  }
  uint64_t lanes_[4] = {1, 2, 3, 4};
  char pending_[32] = {};
  size_t pending_size_ = 0;
  uint64_t size_ = 0;
};

uint64_t checksum(std::string_view bytes) {
  Checksum sum;
  sum.update(bytes);
  return sum.finish();
}

// The hash of a folded name in the name hash table: the checksum's mixing serves as well.
uint64_t name_hash(std::string_view key) {
  return checksum(key);
}

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

uint64_t key_ref(uint64_t offset, uint64_t length) {
  return offset << 24 | length;
}

uint32_t wikidata_number(std::string_view qid) {
  if (qid.size() < 2 || qid[0] != 'Q') return 0;
  uint32_t n = 0;
  auto [p, ec] = std::from_chars(qid.data() + 1, qid.data() + qid.size(), n);
  return ec == std::errc() && p == qid.data() + qid.size() ? n : 0;
}

// Bounds-checked reading of one record; any overrun marks it failed and yields zeros.
class RecordReader {
 public:
  RecordReader(std::string_view record, std::string_view strings)
      : data_(record), strings_(strings) {}
  bool ok() const { return ok_; }

  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return fail();
      const auto byte = static_cast<unsigned char>(data_[pos_++]);
      v |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail();
  }
  std::string string() {
    const uint64_t offset = varint();
    const uint64_t length = varint();
    if (!ok_ || offset > strings_.size() || length > strings_.size() - offset) {
      fail();
      return {};
    }
    return std::string(strings_.substr(offset, length));
  }
  // A list count, refused when the record cannot hold that many entries (a corrupt count must
  // not make us allocate billions of strings).
  uint64_t count(size_t min_entry_bytes) {
    const uint64_t n = varint();
    if (n > (data_.size() - pos_) / min_entry_bytes) return fail();
    return n;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> out(count(2));
    for (auto& s : out) s = string();
    return out;
  }
  int small(int max) {
    const uint64_t v = varint();
    if (v > static_cast<uint64_t>(max)) return static_cast<int>(fail());
    return static_cast<int>(v);
  }
  int year() {
    const int64_t v = unzigzag(varint());
    if (v < INT_MIN / 2 || v > INT_MAX / 2) return static_cast<int>(fail());
    return static_cast<int>(v);
  }
  std::optional<PartialDate> date() {
    const uint64_t tag = varint();
    if (tag == 0 || !ok_) return std::nullopt;
    const uint64_t bits = tag - 1;
    if ((bits & 7) > static_cast<uint64_t>(DatePrecision::Day) || bits > 31) {
      fail();
      return std::nullopt;
    }
    PartialDate d;
    d.precision = static_cast<DatePrecision>(bits & 7);
    d.calendar = (bits & 8) ? Calendar::Julian : Calendar::Gregorian;
    d.date = civil();
    if (bits & 16) d.julian = civil();
    return d;
  }

 private:
  uint64_t fail() {
    ok_ = false;
    pos_ = data_.size();
    return 0;
  }
  CivilDate civil() {
    CivilDate c;
    c.year = year();
    c.month = small(12);
    c.day = small(31);
    return c;
  }

  std::string_view data_;
  std::string_view strings_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// A name hash table is empty with no names, else a power of two of slots, more than the names,
// with a probe bound below its size.
bool valid_hash_table(uint64_t slots, uint64_t names, uint64_t max_probe) {
  if (names == 0) return slots == 0 && max_probe == 0;
  return slots > names && (slots & (slots - 1)) == 0 && max_probe < slots;
}

}  // namespace

bool is_binary_knowledge_base(std::string_view bytes) {
  return bytes.starts_with(kKbMagic);
}

KbBinaryWriter::KbBinaryWriter() = default;
KbBinaryWriter::~KbBinaryWriter() = default;

uint64_t KbBinaryWriter::append_string(std::string_view s) {
  const uint64_t at = strings_.size();
  strings_.append(s);
  return at;
}

uint64_t KbBinaryWriter::intern(std::string_view s) {
  // Places, occupations and titles repeat across thousands of people; longer text does not.
  if (s.size() > 64) return append_string(s);
  auto [it, inserted] = shared_.try_emplace(std::string(s), 0);
  if (inserted) it->second = append_string(s);
  return it->second;
}

void KbBinaryWriter::put_string(std::string_view s, bool shared) {
  put_varint(records_, s.empty() ? 0 : shared ? intern(s) : append_string(s));
  put_varint(records_, s.size());
}

void KbBinaryWriter::put_date(const std::optional<PartialDate>& date) {
  if (!date) {
    put_varint(records_, 0);
    return;
  }
  const uint64_t bits = static_cast<uint64_t>(date->precision) |
                        (date->calendar == Calendar::Julian ? 8u : 0u) | (date->julian ? 16u : 0u);
  put_varint(records_, bits + 1);
  auto civil = [&](const CivilDate& c) {
    put_varint(records_, zigzag(c.year));
    put_varint(records_, static_cast<uint64_t>(std::clamp(c.month, 0, 12)));
    put_varint(records_, static_cast<uint64_t>(std::clamp(c.day, 0, 31)));
  };
  civil(date->date);
  if (date->julian) civil(*date->julian);
}

void KbBinaryWriter::add(const Person& p) {
  const auto slot = static_cast<uint32_t>(size());
  put_string(p.id);
  put_string(p.name);
  for (const auto* list : {&p.aliases, &p.short_names, &p.given_names, &p.ambiguous_names}) {
    put_varint(records_, list->size());
    for (const auto& s : *list) put_string(s);
  }
  put_varint(records_, static_cast<uint64_t>(p.sex));
  for (const auto* event : {&p.birth, &p.death}) {
    put_date(*event ? std::optional<PartialDate>((*event)->date) : std::nullopt);
    put_string(*event ? (*event)->place : std::string(), true);
  }
  put_string(p.description);
  put_varint(records_, p.occupations.size());
  for (const auto& s : p.occupations) put_string(s, true);
  put_varint(records_, p.roles.size());
  for (const auto& role : p.roles) {
    put_string(role.title, true);
    put_date(role.from);
    put_date(role.to);
  }
  put_varint(records_, p.events.size());
  for (const auto& event : p.events) {
    put_string(event.what);
    put_date(event.date);
    put_string(event.place, true);
  }
  put_string(p.wikidata);
  put_string(p.wikipedia);
  put_string(p.source_file, true);
  put_varint(records_, p.source_line);
  put_varint(records_, p.source_offset);
  put_varint(records_, p.source_length);
  record_offsets_.push_back(records_.size());

  for_each_indexed_name(p, [&](std::string&& key, NameKind kind, uint8_t use) {
    if (key.size() > kMaxKeyLength) return;  // a name of megabytes is never found in prose
    const uint64_t words = static_cast<uint64_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    max_name_words_ = std::max(max_name_words_, words);
    names_.push_back(NameRow{keys_.size(), static_cast<uint32_t>(key.size()), slot,
                             static_cast<uint8_t>(kind), use});
    keys_ += key;
  });
  ids_.push_back(IdRow{keys_.size(), static_cast<uint32_t>(p.id.size()), slot});
  keys_ += p.id;
  if (const uint32_t q = wikidata_number(p.wikidata)) wikidata_.emplace_back(q, slot);
}

bool KbBinaryWriter::write(std::ostream& out, std::string* error) {
  auto key = [&](const NameRow& row) {
    return std::string_view(keys_).substr(row.key_offset, row.key_length);
  };
  std::sort(names_.begin(), names_.end(), [&](const NameRow& a, const NameRow& b) {
    const int c = key(a).compare(key(b));
    return c != 0 ? c < 0 : a.person < b.person;
  });
  // Sorted keys are deduplicated into the string table as they are moved there.
  std::vector<uint64_t> first_words;
  std::string_view previous;
  uint64_t previous_ref = 0;
  bool first = true;
  std::vector<std::string> first_word_keys;
  if (names_.size() >= kEmptyHashSlot) {
    if (error) *error = "more than 4 billion names";
    return false;
  }
  // The hash table: at most half full, so that probes stay short.
  size_t slot_count = 1;
  while (slot_count < 2 * names_.size()) slot_count *= 2;
  std::vector<uint64_t> hash_slots(names_.empty() ? 0 : slot_count, kEmptyHashSlot);
  uint64_t max_probe = 0;
  for (size_t i = 0; i < names_.size(); ++i) {
    NameRow& row = names_[i];
    const std::string_view k = key(row);
    if (first || k != previous) {
      first = false;
      previous = k;
      previous_ref = key_ref(append_string(k), k.size());
      const uint64_t h = name_hash(k);
      uint64_t probe = 0;
      size_t at = h & (slot_count - 1);
      while (static_cast<uint32_t>(hash_slots[at]) != kEmptyHashSlot) {
        at = (at + 1) & (slot_count - 1);
        ++probe;
      }
      hash_slots[at] = (h >> 32) << 32 | i;
      max_probe = std::max(max_probe, probe);
    }
    row.key_offset = previous_ref;  // now a key ref
    // Sorted keys bring a first word's names together: one copy per run, not one per name row.
    const std::string_view first_word = k.substr(0, k.find(' '));
    if (first_word_keys.empty() || first_word_keys.back() != first_word) {
      first_word_keys.emplace_back(first_word);
    }
  }
  std::sort(first_word_keys.begin(), first_word_keys.end());
  first_word_keys.erase(std::unique(first_word_keys.begin(), first_word_keys.end()),
                        first_word_keys.end());
  for (const auto& w : first_word_keys) first_words.push_back(key_ref(append_string(w), w.size()));
  auto id_key = [&](const IdRow& row) {
    return std::string_view(keys_).substr(row.key_offset, row.key_length);
  };
  std::sort(ids_.begin(), ids_.end(), [&](const IdRow& a, const IdRow& b) {
    const int c = id_key(a).compare(id_key(b));
    return c != 0 ? c < 0 : a.person < b.person;
  });
  std::vector<uint64_t> id_refs;
  for (const IdRow& row : ids_) {
    id_refs.push_back(key_ref(append_string(id_key(row)), row.key_length));
  }
  std::sort(wikidata_.begin(), wikidata_.end());
  if (strings_.size() > kMaxKeyOffset) {
    if (error) *error = "the string table exceeds 1 TiB";
    return false;
  }

  std::string header(kHeaderSize, '\0');
  std::memcpy(header.data(), kKbMagic.data(), kKbMagic.size());
  store32(header, kVersionAt, kKbFormatVersion);
  store32(header, kHeaderSizeAt, kHeaderSize);
  store64(header, kCountAt, size());
  store64(header, kNameCountAt, names_.size());
  store64(header, kMaxWordsAt, max_name_words_);
  store64(header, kMaxProbeAt, max_probe);

  // The body is produced twice, in pieces, never whole: once to checksum it and place its
  // sections, once into `out`. Each section starts 8-byte aligned.
  uint64_t sections[kSections][2] = {};
  auto emit_body = [&](auto&& sink) {
    uint64_t at = kHeaderSize;
    std::string buffer;  // small rows are batched
    auto flush = [&] {
      sink(std::string_view(buffer));
      at += buffer.size();
      buffer.clear();
    };
    auto put = [&](std::string_view bytes) {
      if (bytes.size() >= 4096) {
        flush();
        sink(bytes);
        at += bytes.size();
      } else {
        buffer += bytes;
        if (buffer.size() >= 65536) flush();
      }
    };
    auto put64 = [&](uint64_t v) { put(std::string_view(reinterpret_cast<const char*>(&v), 8)); };
    auto put32 = [&](uint32_t v) { put(std::string_view(reinterpret_cast<const char*>(&v), 4)); };
    auto section = [&](Section s, auto&& fill) {
      static constexpr char kZeros[8] = {};
      put(std::string_view(kZeros, (8 - (at + buffer.size()) % 8) % 8));
      sections[s][0] = at + buffer.size();
      fill();
      sections[s][1] = at + buffer.size() - sections[s][0];
    };
    section(kStrings, [&] { put(strings_); });
    section(kOffsets, [&] {
      for (uint64_t offset : record_offsets_) put64(offset);
    });
    section(kRecords, [&] { put(records_); });
    section(kNames, [&] {
      for (const auto& row : names_) {
        put64(row.key_offset);
        put32(row.person);
        const char tail[4] = {static_cast<char>(row.kind), static_cast<char>(row.use), 0, 0};
        put(std::string_view(tail, 4));
      }
    });
    section(kNameHash, [&] {
      for (uint64_t slot : hash_slots) put64(slot);
    });
    section(kFirstWords, [&] {
      for (uint64_t ref : first_words) put64(ref);
    });
    section(kIds, [&] {
      for (size_t i = 0; i < ids_.size(); ++i) {
        put64(id_refs[i]);
        put32(ids_[i].person);
        put32(0);
      }
    });
    section(kWikidata, [&] {
      for (const auto& [q, slot] : wikidata_) {
        put32(q);
        put32(slot);
      }
    });
    flush();
    return at;
  };
  Checksum body_sum;
  const uint64_t file_size = emit_body([&](std::string_view bytes) { body_sum.update(bytes); });

  for (int s = 0; s < kSections; ++s) {
    store64(header, kSectionsAt + s * 16, sections[s][0]);
    store64(header, kSectionsAt + s * 16 + 8, sections[s][1]);
  }
  store64(header, kFileSizeAt, file_size);
  store64(header, kBodyChecksumAt, body_sum.finish());
  store64(header, kHeaderChecksumAt,
          checksum(std::string_view(header).substr(0, kHeaderChecksumAt)));
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  emit_body([&](std::string_view bytes) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
  if (!out) {
    if (error) *error = "cannot write the knowledge base";
    return false;
  }
  return true;
}

std::optional<KbBinaryView> KbBinaryView::open(std::string_view bytes, const std::string& path,
                                               bool verify_body, std::string* error) {
  auto fail = [&](const std::string& message) -> std::optional<KbBinaryView> {
    if (error) *error = path + ": " + message;
    return std::nullopt;
  };
  if (!is_binary_knowledge_base(bytes)) return fail("not a histlint binary knowledge base");
  if (bytes.size() < kHeaderSizeAt + 4) return fail("truncated binary knowledge base");
  const uint32_t version = load32(bytes.data() + kVersionAt);
  if (version != kKbFormatVersion) {
    return fail("binary knowledge base of format version " + std::to_string(version) +
                "; this histlint reads version " + std::to_string(kKbFormatVersion) +
                " (rebuild it with `histlint kb build`)");
  }
  if (bytes.size() < kHeaderSize) {
    return fail("truncated binary knowledge base (" + std::to_string(bytes.size()) +
                " bytes, shorter than its header)");
  }
  const std::string_view header = bytes.substr(0, kHeaderSize);
  if (load32(header.data() + kHeaderSizeAt) != kHeaderSize ||
      load64(header.data() + kHeaderChecksumAt) != checksum(header.substr(0, kHeaderChecksumAt))) {
    return fail("corrupt binary knowledge base (header checksum mismatch)");
  }
  const uint64_t file_size = load64(header.data() + kFileSizeAt);
  if (file_size != bytes.size()) {
    return fail((bytes.size() < file_size ? "truncated" : "corrupt") +
                std::string(" binary knowledge base: the header says ") +
                std::to_string(file_size) + " bytes, the file has " + std::to_string(bytes.size()));
  }
  KbBinaryView view;
  view.bytes_ = bytes;
  view.path_ = path;
  view.count_ = load64(header.data() + kCountAt);
  view.name_count_ = load64(header.data() + kNameCountAt);
  view.max_name_words_ = load64(header.data() + kMaxWordsAt);
  view.max_probe_ = load64(header.data() + kMaxProbeAt);
  std::string_view* sections[kSections] = {&view.strings_, &view.offsets_,   &view.records_,
                                           &view.names_,   &view.name_hash_, &view.first_words_,
                                           &view.ids_,     &view.wikidata_};
  for (int s = 0; s < kSections; ++s) {
    const uint64_t offset = load64(header.data() + kSectionsAt + s * 16);
    const uint64_t size = load64(header.data() + kSectionsAt + s * 16 + 8);
    if (offset < kHeaderSize || offset > bytes.size() || size > bytes.size() - offset) {
      return fail("corrupt binary knowledge base (a section lies outside the file)");
    }
    *sections[s] = bytes.substr(offset, size);
  }
  if (view.count_ >= UINT32_MAX || view.offsets_.size() / 8 != view.count_ + 1 ||
      view.offsets_.size() % 8 || view.names_.size() / kNameRowSize != view.name_count_ ||
      view.names_.size() % kNameRowSize || view.first_words_.size() % 8 ||
      view.ids_.size() % kIdRowSize || view.wikidata_.size() % 8 || view.max_name_words_ > 1000 ||
      !valid_hash_table(view.name_hash_.size() / 8, view.name_count_, view.max_probe_) ||
      view.name_hash_.size() % 8) {
    return fail("corrupt binary knowledge base (section sizes disagree with the counts)");
  }
  if (verify_body &&
      load64(header.data() + kBodyChecksumAt) != checksum(bytes.substr(kHeaderSize))) {
    return fail("corrupt binary knowledge base (checksum mismatch)");
  }
  return view;
}

std::string_view KbBinaryView::key_at(uint64_t ref) const {
  const uint64_t offset = ref >> 24;
  const uint64_t length = ref & kMaxKeyLength;
  if (offset > strings_.size() || length > strings_.size() - offset) return {};
  return strings_.substr(offset, length);
}

KbBinaryView::NameRow KbBinaryView::name_row(size_t i) const {
  const char* p = names_.data() + i * kNameRowSize;
  NameRow row{load64(p), load32(p + 8), static_cast<uint8_t>(p[12]), static_cast<uint8_t>(p[13])};
  // A corrupt row must not point past the people or hold an unknown kind.
  if (row.kind > static_cast<uint8_t>(NameKind::Given)) row.person = UINT32_MAX;
  return row;
}

size_t KbBinaryView::first_name_row(std::string_view key) const {
  const size_t slot_count = name_hash_.size() / 8;
  if (slot_count == 0) return name_count_;
  const uint64_t h = name_hash(key);
  size_t at = h & (slot_count - 1);
  // The probe bound (checked against the table size at open) ends a search of a damaged table.
  for (uint64_t probe = 0; probe <= max_probe_; ++probe) {
    const uint64_t slot = load64(name_hash_.data() + at * 8);
    const auto row = static_cast<uint32_t>(slot);
    if (row == kEmptyHashSlot) break;
    if (slot >> 32 == h >> 32 && row < name_count_ &&
        key_at(load64(names_.data() + row * kNameRowSize)) == key) {
      return row;
    }
    at = (at + 1) & (slot_count - 1);
  }
  return name_count_;
}

bool KbBinaryView::starts_name(std::string_view folded_word) const {
  size_t lo = 0;
  size_t hi = first_words_.size() / 8;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const std::string_view k = key_at(load64(first_words_.data() + mid * 8));
    if (k == folded_word) return true;
    if (k < folded_word) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}

std::optional<uint32_t> KbBinaryView::slot_of_id(std::string_view id) const {
  size_t lo = 0;
  size_t hi = ids_.size() / kIdRowSize;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const char* row = ids_.data() + mid * kIdRowSize;
    const std::string_view k = key_at(load64(row));
    if (k == id) {
      const uint32_t slot = load32(row + 8);
      return slot < count_ ? std::optional<uint32_t>(slot) : std::nullopt;
    }
    if (k < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

std::optional<uint32_t> KbBinaryView::slot_of_wikidata(std::string_view qid) const {
  const uint32_t q = wikidata_number(qid);
  if (q == 0) return std::nullopt;
  size_t lo = 0;
  size_t hi = wikidata_.size() / 8;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const uint32_t k = load32(wikidata_.data() + mid * 8);
    if (k == q) {
      const uint32_t slot = load32(wikidata_.data() + mid * 8 + 4);
      return slot < count_ ? std::optional<uint32_t>(slot) : std::nullopt;
    }
    if (k < q) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

Person KbBinaryView::person(uint32_t slot) const {
  Person p;
  const uint64_t begin = slot < count_ ? load64(offsets_.data() + slot * 8ull) : 1;
  const uint64_t end = slot < count_ ? load64(offsets_.data() + (slot + 1ull) * 8) : 0;
  if (begin <= end && end <= records_.size()) {
    RecordReader r(records_.substr(begin, end - begin), strings_);
    p.id = r.string();
    p.name = r.string();
    p.aliases = r.strings();
    p.short_names = r.strings();
    p.given_names = r.strings();
    p.ambiguous_names = r.strings();
    p.sex = static_cast<Sex>(r.small(static_cast<int>(Sex::Female)));
    for (auto* event : {&p.birth, &p.death}) {
      auto date = r.date();
      std::string place = r.string();
      if (date) *event = LifeEvent{*date, std::move(place)};
    }
    p.description = r.string();
    p.occupations = r.strings();
    p.roles.resize(r.count(3));
    for (auto& role : p.roles) {
      role.title = r.string();
      role.from = r.date();
      role.to = r.date();
    }
    p.events.resize(r.count(4));
    for (auto& event : p.events) {
      event.what = r.string();
      event.date = r.date();
      event.place = r.string();
    }
    p.wikidata = r.string();
    p.wikipedia = r.string();
    p.source_file = r.string();
    p.source_line = r.varint();
    p.source_offset = r.varint();
    p.source_length = r.varint();
    if (r.ok() && !p.id.empty() && !p.name.empty()) return p;
  }
  // The header and sections were sound but this record is not: say so where it is shown.
  Person broken;
  broken.id = "unreadable-record-" + std::to_string(slot);
  broken.name = "(unreadable record " + std::to_string(slot) + " of " + path_ + ")";
  return broken;
}

}  // namespace histlint
