// The word set built by data/tools/build_word_set.cpp, embedded at HISTLINT_WORD_SET_PATH.
#include "rules/text/word_set.h"

// .incbin keeps a few megabytes out of the compiler; ccache does not cache a file that uses it,
// so a rebuilt set is always picked up.
__asm__(
    ".pushsection .rodata\n"
    ".balign 16\n"
    ".globl histlint_word_set_begin\n"
    ".hidden histlint_word_set_begin\n"
    "histlint_word_set_begin:\n"
    ".incbin \"" HISTLINT_WORD_SET_PATH
    "\"\n"
    ".globl histlint_word_set_end\n"
    ".hidden histlint_word_set_end\n"
    "histlint_word_set_end:\n"
    ".popsection\n");

extern "C" const char histlint_word_set_begin[];
extern "C" const char histlint_word_set_end[];

namespace histlint {

const WordSet& WordSet::embedded() {
  static const WordSet set(
      std::string_view(histlint_word_set_begin,
                       static_cast<size_t>(histlint_word_set_end - histlint_word_set_begin)));
  return set;
}

}  // namespace histlint
