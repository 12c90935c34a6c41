// garble/boilerplate: scraped page furniture inside a document — share bars, comment forms,
// post metadata, navigation and newsletter lines, image file names and slugs glued into prose.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "rules/extract/citation_matching.h"
#include "rules/garble/rules.h"
#include "rules/garble/signals.h"
#include "rules/text/dictionary.h"
#include "rules/text/utf8.h"

namespace histlint::garble {

namespace {

struct Item {
  Span span;
  std::string one;      // "a share bar (“Facebook Twitter Share”)"
  std::string many;     // "share bars"
  std::string example;  // "“Facebook Twitter Share”"
  // Set for a lowercase run that is a slug only if glued from a name the document uses.
  std::string glued_name;
};

// Whole lines that only page templates produce. Matched against a trimmed line, case-insensitive.
constexpr const char* kIconCaption = "an icon caption";

struct LinePattern {
  const char* kind_one;
  const char* kind_many;
  const char* pattern;
};

constexpr LinePattern kLinePatterns[] = {
    {"comment-form text", "lines of comment-form text",
     R"(leave a (?:reply|comment)(?: to .{1,80})?|cancel reply|post comment|)"
     R"(you are commenting using your .{0,40}account\. ?(?:log out|change).*|)"
     R"(please log in using one of these methods to post your comment:?.*|)"
     R"(notify me of (?:new|follow-up) (?:comments|posts).*|connecting to %s|)"
     R"((?:twitter|facebook|google\+?|wordpress(?:\.com)?) (?:picture|photo)|)"
     R"(your email address will not be published\.?.*|required fields are marked.*|)"
     R"(save my name, email,? and website.*|log in to reply|login to reply|)"
     R"(\d+ (?:responses?|comments?|replies|thoughts) (?:to|on) .{1,150}|)"
     R"((?:no|\d+) comments?(?: yet)?)"},
    {"post metadata", "lines of post metadata",
     R"(this entry was posted (?:in|on) .{1,200}|bookmark the permalink\.?|)"
     R"(posted (?:in|under) [^.!?]{1,100}|filed under:? [^.!?]{1,100}|tags?: [^.!?]{1,200}|)"
     R"(tagged(?: with)?: [^.!?]{1,200}|categories: [^.!?]{1,100})"},
    {"a share prompt", "share prompts",
     R"(share this(?: article| post| story| page)?:?|share (?:on|via) )"
     R"((?:facebook|twitter|linkedin|whatsapp|email|reddit)\b.*|click to (?:share|email|print)\b.*|)"
     R"(like this:?|follow us(?: on .{1,60})?:?|)"
     R"(share to (?:twitter|facebook|pinterest|tumblr|reddit|e-?mail|linkedin|whatsapp))"},
    {"a shop link", "shop links",
     R"(buy (?:this|the) (?:book|item|edition|dvd|cd)(?: (?:at|from|on) [\w.]{1,40})?|)"
     R"((?:buy|order) (?:it |now )?(?:at|on|from) amazon(?:\.[a-z.]{2,10})?|)"
     R"(add to (?:cart|basket|wish ?list))"},
    // A site's icons described for screen readers; one such line alone may be a real caption.
    {kIconCaption, "icon captions", R"(an illustration of (?:a|an|two) [^.]{1,60}\.?)"},
    {"a navigation line", "navigation lines",
     R"(skip to (?:main )?content|(?:read more|continue reading)(?: ?(?:»|→|…|\.\.\.))?|)"
     R"((?:previous|next) (?:post|article|story)(?::.{0,100}| ?[»→«←])?|(?:← )?older (?:posts|entries)|)"
     R"(newer (?:posts|entries)(?: →)?|you (?:might|may) (?:also )?(?:be interested in|like|enjoy):.{0,200}|)"
     R"((?:related|recommended) (?:posts|articles|stories):?|(?:also read|read also|read next): .{1,150}|)"
     R"(back to top|loading(?:\.\.\.|…)|)"
     R"(jump to (?:navigation|content|search)(?: jump to (?:navigation|search))?|)"
     R"(from wikipedia, the free encyclopedia.{0,80}|retrieved from "?https?://.{1,280}|)"
     R"(hidden categories:?|(?:log ?in|sign in|sign up|create (?:an )?account)(?: ?[|/•·] ?)"
     R"((?:log ?in|sign in|sign up|create (?:an )?account|register))*|)"
     R"((?:home|about(?: us)?|contact(?: us)?|blog|shop|donate)(?: ?[|·•] ?(?:home|about(?: us)?|)"
     R"(contact(?: us)?|blog|shop|donate|archives?|subscribe|search|news|events)){2,})"},
    {"a newsletter prompt", "newsletter prompts",
     R"((?:subscribe|sign up)(?: to| for)? (?:our|the) (?:newsletter|mailing list).*|)"
     R"((?:get|receive) (?:our|the) (?:newsletter|latest (?:news|posts|articles)).*|)"
     R"(enter your (?:e-?mail|email address).*|subscribe(?: now| today)?!?)"},
    {"a site notice", "site notices",
     R"(.{0,80}all rights reserved\.?|(?:privacy policy|terms of (?:use|service)|)"
     R"(cookie (?:policy|settings))(?: ?[|·•] ?.{1,40})*|this (?:site|website) uses cookies.*|)"
     R"(we use cookies.*|accept (?:all )?cookies)"},
    {"an image file name", "image file names",
     R"([\w .()\-]{1,80}\.(?:jpe?g|png|gif|tiff?|bmp|webp|svg|heic))"},
};

// Screened: most lines match none, and the bounded repetitions make the full patterns slow to
// compile.
const std::vector<std::unique_ptr<citation_matching::ScreenedPattern>>& line_patterns() {
  static const auto patterns = [] {
    std::vector<std::unique_ptr<citation_matching::ScreenedPattern>> out;
    re2::RE2::Options options;
    options.set_case_sensitive(false);
    for (const auto& p : kLinePatterns) {
      out.push_back(std::make_unique<citation_matching::ScreenedPattern>(
          std::string("(?:") + p.pattern + ")", options));
    }
    return out;
  }();
  return patterns;
}

// The first of kLinePatterns that `line` matches as a whole, or their count. Each pattern's cheap
// screen rules most lines out; a set of all the full patterns would cost 25 ms to compile, which
// every one-line check would pay.
size_t first_line_pattern(std::string_view line) {
  const re2::StringPiece input(line.data(), line.size());
  const auto& patterns = line_patterns();
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i]->may_match(line, 0, line.size(), re2::RE2::ANCHOR_BOTH) &&
        re2::RE2::FullMatch(input, patterns[i]->exact())) {
      return i;
    }
  }
  return patterns.size();
}

// "Facebook Twitter Share", "Facebook Instagram Twitter YouTube".
bool is_share_bar(std::string_view line) {
  static constexpr std::string_view kNetworks[] = {
      "facebook", "twitter",  "instagram", "youtube",  "linkedin", "pinterest", "reddit",
      "tumblr",   "whatsapp", "telegram",  "tiktok",   "mastodon", "flipboard", "google+",
      "vk",       "bluesky",  "messenger", "snapchat", "threads",  "x"};
  static constexpr std::string_view kActions[] = {"share", "tweet",  "email", "e-mail", "print",
                                                  "pin",   "follow", "like",  "us",     "on",
                                                  "copy",  "link",   "this",  "sms",    "save"};
  if (line.size() > 120) return false;
  size_t networks = 0, tokens = 0;
  bool distinctive = false;  // a network other than the ambiguous "X" and "Threads"
  for (size_t pos = 0; pos < line.size();) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '|' || line[pos] == '/' ||
                                 line[pos] == ',' || line[pos] == '\t')) {
      ++pos;
    }
    size_t end = pos;
    while (end < line.size() && line[end] != ' ' && line[end] != '|' && line[end] != '/' &&
           line[end] != ',' && line[end] != '\t') {
      ++end;
    }
    if (end == pos) break;
    std::string token = lower_ascii(line.substr(pos, end - pos));
    while (!token.empty() && (token.back() == ':' || token.back() == '.')) token.pop_back();
    pos = end;
    ++tokens;
    if (std::find(std::begin(kNetworks), std::end(kNetworks), token) != std::end(kNetworks)) {
      ++networks;
      distinctive = distinctive || (token != "x" && token != "threads");
    } else if (std::find(std::begin(kActions), std::end(kActions), token) == std::end(kActions)) {
      return false;
    }
  }
  return tokens >= 2 && networks >= 1 && distinctive;
}

std::string quoted(std::string_view s) {
  return "“" + quote_excerpt(s, 50) + "”";
}

// Lines of one block that are page furniture as a whole.
void find_furniture_lines(const Document& doc, const Block& block, std::vector<Item>& items) {
  const std::string_view prose = doc.prose();
  const std::string_view text = doc.text();
  for (size_t pos = block.span.offset; pos < block.span.end();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos || nl > block.span.end()) nl = block.span.end();
    std::string_view line = prose.substr(pos, nl - pos);
    size_t begin = pos;
    pos = nl + 1;
    // Leading white space, quote markers and bullets ("    • Prole Center says:").
    size_t indent = 0;
    while (!line.empty()) {
      if (line.front() == ' ' || line.front() == '\t' || line.front() == '>') {
        line.remove_prefix(1), ++begin, ++indent;
      } else if (line.starts_with("\xE2\x80\xA2")) {
        line.remove_prefix(3), begin += 3, indent += 2;
      } else {
        break;
      }
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.remove_suffix(1);
    if (line.empty() || line.size() > 300) continue;
    const Span span{begin, line.size()};
    // Templates separate words with no-break spaces ("Log\u00A0Out\u00A0/\u00A0Change").
    std::string flat;
    if (line.find("\xC2\xA0") != std::string_view::npos) {
      for (size_t k = 0; k < line.size(); ++k) {
        if (line.compare(k, 2, "\xC2\xA0") == 0) {
          flat += ' ', ++k;
        } else {
          flat += line[k];
        }
      }
      line = flat;
    }
    if (is_share_bar(line)) {
      items.push_back({span, "a share bar (" + quoted(line) + ")", "share bars", quoted(line), {}});
      continue;
    }
    if (const size_t i = first_line_pattern(line); i < std::size(kLinePatterns)) {
      items.push_back({span,
                       std::string(kLinePatterns[i].kind_one) + " (" + quoted(line) + ")",
                       kLinePatterns[i].kind_many,
                       quoted(line),
                       {}});
    }
    // "Prole Center says:" opens a comment only in an indented or bulleted thread.
    static const re2::RE2 says(R"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} says:)");
    if (indent >= 2 && re2::RE2::FullMatch(re2::StringPiece(line.data(), line.size()), says)) {
      items.push_back({span,
                       "comment-form text (" + quoted(line) + ")",
                       "lines of comment-form text",
                       quoted(line),
                       {}});
    }
  }
}

// Capitalised words of one block, lowered: names a slug may be glued from ("corbyntrotsky").
std::vector<std::string> block_names(std::string_view prose, const std::vector<Word>& words) {
  std::vector<std::string> names;
  for (const Word& w : words) {
    const std::string_view core = prose.substr(w.core.offset, w.core.length);
    if (core.size() < 4 || !(core[0] >= 'A' && core[0] <= 'Z')) continue;
    if (!std::all_of(core.begin() + 1, core.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      continue;
    names.push_back(lower_ascii(core));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// "stalin_lenin_trotsky": words joined by underscores.
bool is_underscored(std::string_view w) {
  const size_t u = w.find('_');
  return u != std::string_view::npos && u > 0 && u + 1 < w.size() && is_ascii_letter(w[u - 1]) &&
         is_ascii_letter(w[u + 1]);
}

// "Excelsi_or_,", "Atten_tion_.": an underscore before punctuation or the word's end closes
// plain-text italics, as transcribed books mark them; a slug's underscores all join words.
bool closes_emphasis(std::string_view chunk) {
  for (size_t u = chunk.find('_'); u != std::string_view::npos; u = chunk.find('_', u + 1)) {
    if (u > 0 && is_ascii_letter(chunk[u - 1]) &&
        (u + 1 == chunk.size() ||
         !(is_ascii_letter(chunk[u + 1]) || is_ascii_digit(chunk[u + 1]) || chunk[u + 1] == '_'))) {
      return true;
    }
  }
  return false;
}

// "Trot7Trot75", "trotsky5trotsky": digits between runs of two or more letters.
// A scanned word with letters read as digits ("As8istant", "W0LSI5GHAM"), not a slug: it is in
// capitals throughout, or a word once each digit is read back as the letter it resembles.
bool is_misread_word(std::string_view w, const Dictionary& dict) {
  if (std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return true;
  std::string letters;
  for (char c : w) {
    static constexpr std::string_view kDigits = "0156789", kLetters = "olsbtsg";
    const size_t k = kDigits.find(c);
    letters += k == std::string_view::npos ? c : kLetters[k];
  }
  for (size_t begin = 0; begin <= letters.size();) {  // each part of a hyphenated word
    size_t end = letters.find('-', begin);
    if (end == std::string::npos) end = letters.size();
    const std::string part = lower_ascii(letters.substr(begin, end - begin));
    if (!part.empty() && !dict.knows(part)) return false;
    begin = end + 1;
  }
  return true;
}

bool has_digits_between_letters(std::string_view w) {
  for (size_t i = 2; i + 2 < w.size(); ++i) {
    if (!is_ascii_digit(w[i]) || !is_ascii_letter(w[i - 1]) || !is_ascii_letter(w[i - 2])) {
      continue;
    }
    size_t j = i;
    while (j < w.size() && is_ascii_digit(w[j])) ++j;
    if (j + 1 < w.size() && is_ascii_letter(w[j]) && is_ascii_letter(w[j + 1])) return true;
  }
  return false;
}

bool is_affix(std::string_view s, bool prefix) {
  static constexpr std::string_view kPrefixes[] = {"anti", "pro",    "neo",    "post",  "pre",
                                                   "non",  "pseudo", "crypto", "proto", "ultra"};
  static constexpr std::string_view kSuffixes[] = {
      "ism",   "isms", "ist", "ists", "ite", "ites", "ian",  "ians", "ite's",   "ist's",  "esque",
      "ology", "like", "ana", "ish",  "s",   "es",   "ized", "ised", "ization", "isation"};
  if (s.empty()) return true;
  if (prefix)
    return std::find(std::begin(kPrefixes), std::end(kPrefixes), s) != std::end(kPrefixes);
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), s) != std::end(kSuffixes);
}

// "corbyntrotsky", "trotskystupisd": a lowercase run glued from a name of the document and more.
// What one block can tell: a long lowercase run no dictionary knows.
bool may_be_glued_name(std::string_view w, const Dictionary& dict) {
  return w.size() >= 9 &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
         !(dict.available() && dict.knows(w));
}

// And what the whole document tells, from its names.
bool is_glued_name(std::string_view w, const std::unordered_set<std::string_view>& names) {
  if (names.count(w)) return false;
  for (size_t len = 4; len + 4 <= w.size(); ++len) {
    for (size_t at = 0; at + len <= w.size(); ++at) {
      if (!names.count(w.substr(at, len))) continue;
      const std::string_view before = w.substr(0, at);
      const std::string_view after = w.substr(at + len);
      if (before.size() + after.size() >= 4 && !(is_affix(before, true) && is_affix(after, false)))
        return true;
    }
  }
  return false;
}

// "Museo-Leon-Trotsky-fachada", "mactrotskyjohn-mcdonnell-SCLV": three or more hyphenated parts
// with a lowercase part no dictionary knows or a capitals code among lowercase parts.
bool is_hyphen_slug(std::string_view w, const Dictionary& dict) {
  std::vector<std::string_view> parts;
  for (size_t pos = 0; pos <= w.size();) {
    size_t dash = w.find('-', pos);
    if (dash == std::string_view::npos) dash = w.size();
    parts.push_back(w.substr(pos, dash - pos));
    pos = dash + 1;
  }
  if (parts.size() < 3 || !dict.available()) return false;
  bool lower_part = false, odd_part = false;
  for (auto p : parts) {
    if (p.empty() || !std::all_of(p.begin(), p.end(),
                                  [](char c) { return is_ascii_letter(c) || is_ascii_digit(c); })) {
      return false;
    }
    const bool lower = std::all_of(p.begin(), p.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const bool caps = std::all_of(p.begin(), p.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    lower_part = lower_part || lower;
    if (lower && p.size() >= 4 && !dict.knows(p)) odd_part = true;
    if (caps && p.size() >= 3) odd_part = true;
  }
  return lower_part && odd_part;
}

bool is_wikitext(std::string_view body) {
  return body.find("[[") != std::string_view::npos || body.find("{{") != std::string_view::npos ||
         body.find("}}") != std::string_view::npos || body.find("<ref") != std::string_view::npos ||
         body.starts_with("|") || body.find("\n|") != std::string_view::npos;
}

bool is_address(std::string_view chunk) {
  return chunk.find("://") != std::string_view::npos ||
         chunk.find("www.") != std::string_view::npos;
}

// Slugs and image names glued into prose at a paragraph's edges or after a sentence's end.
void find_slugs(const Document& doc, const Block& block, const std::vector<Word>& words,
                const Dictionary& dict, std::vector<Item>& items) {
  const std::string_view prose = doc.prose();
  static const re2::RE2 image(R"(([\w\-]+\.(?i:jpe?g|png|gif|tiff?|bmp|webp|svg)))");
  // "[edit]", also as a Markdown link whose target is blank in the prose: "[[edit](…)]".
  static const re2::RE2 wiki(R"((\( ?listen ?\)|\[[\s\[]*edit[\s\]]*\]))");
  const std::string_view body = prose.substr(block.span.offset, block.span.length);
  for_each_match(wiki, body, [&](Span m) {
    const std::string label = quoted(body.substr(m.offset, m.length));
    items.push_back({{block.span.offset + m.offset, m.length},
                     "a Wikipedia link label (" + label + ")",
                     "Wikipedia link labels",
                     label,
                     {}});
  });
  // Raw wikitext names its own images and template fields ("| birth_date = …", "[[File:…]]"):
  // markup the article needs, not furniture a scraper left.
  if (is_wikitext(body)) return;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    std::string_view chunk = prose.substr(w.chunk.offset, w.chunk.length);
    if (is_address(chunk)) continue;  // a cited URL is the source itself
    size_t begin = w.chunk.offset;
    // A slug glued after a sentence's end: "the same year.Trot7Trot75", "OK?”corbyntrotsky".
    bool glued = false;
    for (size_t k = 1; k + 1 < chunk.size(); ++k) {
      if ((chunk[k] == '.' || chunk[k] == '?' || chunk[k] == '!') &&
          is_ascii_letter(chunk[k - 1]) && std::isalpha(static_cast<unsigned char>(chunk[k + 1]))) {
        begin += k + 1, chunk.remove_prefix(k + 1), glued = true;
        break;
      }
      if (chunk.substr(k).starts_with("\xE2\x80\x9D") && k + 3 < chunk.size() &&
          std::isalpha(static_cast<unsigned char>(chunk[k + 3]))) {
        begin += k + 3, chunk.remove_prefix(k + 3), glued = true;
        break;
      }
    }
    while (!chunk.empty() && !is_ascii_letter(chunk.back()) && !is_ascii_digit(chunk.back()))
      chunk.remove_suffix(1);
    while (!chunk.empty() && !is_ascii_letter(chunk.front()) && !is_ascii_digit(chunk.front()))
      chunk.remove_prefix(1), ++begin;
    if (chunk.empty()) continue;
    const bool at_edge = i + 1 == words.size() || i == 0 || glued;
    std::string_view slug = chunk;
    // "stalin_lenin_trotskyI suspect": the capital I belongs to the next sentence.
    if (i == 0 && slug.size() > 2 && slug.back() >= 'A' && slug.back() <= 'Z' &&
        slug[slug.size() - 2] >= 'a' && slug[slug.size() - 2] <= 'z') {
      slug.remove_suffix(1);
    }
    // Digits inside a word mid-sentence are the scanner's ("wo3ld", "sacri6ce"); a slug with
    // digits is glued at a paragraph's or a sentence's edge.
    const bool slug_like =
        (is_underscored(slug) && !closes_emphasis(prose.substr(w.chunk.offset, w.chunk.length))) ||
        (at_edge && has_digits_between_letters(slug) && !is_misread_word(slug, dict));
    if (slug_like) {
      items.push_back({{begin, slug.size()},
                       "an image or page slug glued into the text (" + quoted(slug) + ")",
                       "image or page slugs",
                       quoted(slug),
                       {}});
    } else if (at_edge) {
      const bool hyphen_slug = is_hyphen_slug(slug, dict);
      if (hyphen_slug || may_be_glued_name(slug, dict)) {
        items.push_back({{begin, slug.size()},
                         "an image or page slug glued into the text (" + quoted(slug) + ")",
                         "image or page slugs",
                         quoted(slug),
                         hyphen_slug ? std::string() : std::string(slug)});
      }
    }
  }
  for_each_match(image, body, [&](Span m) {
    const std::string name = quoted(body.substr(m.offset, m.length));
    items.push_back({{block.span.offset + m.offset, m.length},
                     "an image file name (" + name + ")",
                     "image file names",
                     name,
                     {}});
  });
}

// The furniture lines, slugs and names of one prose block, spans relative to the block: kept
// per block across edits.
struct BoilerplateBlockFacts {
  std::vector<Item> lines;         // find_furniture_lines
  std::vector<Item> slugs;         // find_slugs
  std::vector<std::string> names;  // block_names
  static BoilerplateBlockFacts extract_block(const Analysis& analysis, const Block& block) {
    BoilerplateBlockFacts facts;
    const Document& doc = analysis.doc();
    const auto words = split_words(doc.prose(), block.span);
    facts.names = block_names(doc.prose(), words);
    if (block.kind == BlockKind::TableRow) return facts;
    find_furniture_lines(doc, block, facts.lines);
    find_slugs(doc, block, words, Dictionary::shared(), facts.slugs);
    for (auto* items : {&facts.lines, &facts.slugs}) {
      for (Item& item : *items) item.span.offset -= block.span.offset;
    }
    return facts;
  }
};

void check_boilerplate(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  std::vector<std::pair<size_t, std::shared_ptr<const BoilerplateBlockFacts>>> blocks;
  for (const Block& block : doc.blocks()) {
    if (block.is_prose()) {
      blocks.emplace_back(block.span.offset, analysis.block_facts<BoilerplateBlockFacts>(block));
    }
  }
  std::vector<Item> items;
  const auto add = [&](const Item& item, size_t block_offset) {
    items.push_back(item);
    items.back().span.offset += block_offset;
  };
  for (const auto& [offset, facts] : blocks) {
    for (const Item& item : facts->lines) add(item, offset);
  }
  // One caption of a site's icons may be a real caption; two or more are the site's.
  const auto is_icon_caption = [](const Item& item) { return item.many == "icon captions"; };
  if (std::count_if(items.begin(), items.end(), is_icon_caption) < 2) {
    std::erase_if(items, is_icon_caption);
  }
  std::unordered_set<std::string_view> names;
  bool names_ready = false;
  for (const auto& [offset, facts] : blocks) {
    for (const Item& item : facts->slugs) {
      if (!item.glued_name.empty()) {
        if (!names_ready) {
          for (const auto& [unused, other] : blocks)
            names.insert(other->names.begin(), other->names.end());
          names_ready = true;
        }
        if (!is_glued_name(item.glued_name, names)) continue;
      }
      add(item, offset);
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.span.offset != b.span.offset ? a.span.offset < b.span.offset
                                          : a.span.length > b.span.length;
  });
  const std::string_view text = doc.text();
  for (size_t i = 0; i < items.size();) {
    Span span = items[i].span;
    Evidence evidence;
    evidence.add(items[i].one, items[i].many, 1, items[i].example);
    size_t j = i + 1;
    // Furniture items with only white space between them (or overlapping) form one run.
    for (; j < items.size(); ++j) {
      const Span next = items[j].span;
      if (next.offset < span.end()) {
        span.length = std::max(span.end(), next.end()) - span.offset;
        continue;
      }
      const std::string_view gap = text.substr(span.end(), next.offset - span.end());
      if (gap.find_first_not_of(" \t\r\n") != std::string_view::npos) break;
      if (std::count(gap.begin(), gap.end(), '\n') == 0) break;  // same line: keep apart
      evidence.add(items[j].one, items[j].many, 1, items[j].example);
      span.length = next.end() - span.offset;
    }
    Finding f;
    f.severity = Severity::Warning;
    f.span = span;
    f.message = "Scraped page furniture, not part of the text: " + evidence.describe() + ".";
    f.fixes.push_back(delete_fix(text, span, "Delete the page furniture"));
    out.push_back(std::move(f));
    i = j;
  }
}

}  // namespace

RuleDef boilerplate_rule() {
  RuleDef rule;
  rule.info.id = "garble/boilerplate";
  rule.info.summary = "Scraped page furniture: share bars, comment forms, navigation, image names";
  rule.info.explanation =
      "Flags web-page furniture pasted along with an article: share bars (\"Facebook Twitter "
      "Share\"), comment-form text (\"Leave a Reply\", \"You are commenting using your … "
      "account. Log Out / Change\"), post metadata (\"This entry was posted in …\"), navigation "
      "and newsletter lines, cookie and copyright notices, and image file names or page slugs "
      "glued into the prose (\"foto 7.TIF\", \"trotsky5trotsky-1879-1940\"). Whole lines are "
      "matched only when they consist of nothing else; adjacent furniture lines are reported "
      "together with a code action that deletes them.";
  rule.info.example = "He died the next day.\n\nFacebook Twitter Share\n\nLeave a Reply\n";
  rule.info.default_severity = Severity::Warning;
  rule.check = check_boilerplate;
  return rule;
}

}  // namespace histlint::garble
