// Every temporal expression of a document with its TIMEX3 value (TimeML): the dates as written,
// a missing year taken from the dates around it or the document date ("Aug. 2"), and the
// expressions that count from an anchor ("the next morning", "two days later", "last year",
// "Friday", "the third quarter", "now"). What `histlint extract` prints and the date hover
// shows. The date rules read DateFacts, never these anchored readings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rules/extract/dates.h"
#include "rules/options.h"

namespace histlint {

class Analysis;
class Document;

enum class AnchorSource : uint8_t {
  None,          // the text gives the whole value
  Text,          // counted from a date of the text (`anchor_span`)
  DocumentDate,  // counted from the document date
};

struct AnchoredDate {
  Span span;
  // "1940-08-21", "1940-08", "1940", "194" (a decade), "19" (a century), "BC0044",
  // "XXXX-08-02" (no year known), "1940-SU", "1989-Q3", "1998-W08", "P6M", "PRESENT_REF".
  std::string value;
  // The days the value names (Julian day numbers, both included); 0 and 0 when it names none.
  int64_t first = 0;
  int64_t last = 0;
  AnchorSource source = AnchorSource::None;
  Span anchor_span;          // Text: the expression it counts from
  std::string anchor_value;  // the anchor's value: "1865-04-14"

  bool is_duration() const { return value.size() > 1 && value[0] == 'P' && value[1] != 'A'; }
};

struct AnchoredDates {
  std::vector<AnchoredDate> dates;  // text order

  static AnchoredDates extract(const Analysis& analysis);
  static AnchoredDates extract(const DateFacts& facts, std::optional<CivilDate> document_date);

  // The expression covering a byte offset, or null.
  const AnchoredDate* at(size_t offset) const;
};

// The TIMEX3 value of a date as written: "1940-08-21", "1930s" -> "193", "20th century" -> "19",
// "spring 1917" -> "1917-SP", "7 November" -> "XXXX-11-07".
std::string timex_value(const DateValue& v);

}  // namespace histlint
