// Where the running program finds what is installed beside it (patterns, the PDF and OCR modules),
// and whether it is a program of the build tree, which may fall back on the checkout's own files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

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

// A module of referat (a shared object opened at run time, so that the libraries it needs are
// loaded only by what uses them): what its entry function returns, or why there is none.
template <typename Entry>
struct Module {
    const Entry* entry = nullptr;
    std::string missing;
};

// Opens the module installed at `from_bin` (relative to the program's folder) or, for a program of
// the build tree `build_dir`, the one built at `built`, and looks up its extern "C" function
// `symbol`; nothing, with `missing` set, when there is none.
void* module_function(const std::filesystem::path& from_bin, const std::filesystem::path& built,
                      const std::filesystem::path& build_dir, const char* symbol,
                      std::string& missing);

// module_function, called: `symbol` names a function taking nothing and returning `const Entry*`.
template <typename Entry>
Module<Entry> open_module(const std::filesystem::path& from_bin, const std::filesystem::path& built,
                          const std::filesystem::path& build_dir, const char* symbol) {
    Module<Entry> module;
    if (void* function = module_function(from_bin, built, build_dir, symbol, module.missing))
        module.entry = reinterpret_cast<const Entry* (*)()>(function)();
    return module;
}

}  // namespace referat::install_paths
