// Where the running program finds what is installed beside it (patterns, the OCR module), and
// whether it is a program of the build tree, which may fall back on the checkout's own files.
#pragma once

#include <filesystem>
#include <optional>

namespace referat::install_paths {

// The running program's file (/proc/self/exe); nothing when it cannot be read.
std::optional<std::filesystem::path> program();

// `relative` resolved against the running program's folder ("../share/referat/patterns"), or
// nothing when the program's file cannot be read.
std::optional<std::filesystem::path> beside_program(const std::filesystem::path& relative);

// True when the running program lies inside `build_dir`: only such a program may use the build
// tree's files; an installed one that lost its own must say so, not read a checkout that may be
// gone or newer.
bool in_build_tree(const std::filesystem::path& build_dir);

}  // namespace referat::install_paths
