// Scratch files for writing a large knowledge base (rules/kb/spill.h): created beside the output,
// so on the file system that will hold it, and removed from the folder as soon as they are
// opened, so that nothing is left behind whatever ends the run; the open descriptor keeps the
// bytes until the file is closed.
#pragma once

#include <filesystem>

#include "rules/kb/spill.h"

namespace histlint {

// Scratch files named "TARGET.scratch-N", created with O_EXCL|O_NOFOLLOW (a file or symlink
// already at a name is never written through: the next N is tried).
ScratchFactory scratch_files_beside(const std::filesystem::path& target);

}  // namespace histlint
