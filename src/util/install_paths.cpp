// The running program's place, for the files installed beside it.
#include "util/install_paths.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <vector>

namespace referat::install_paths {

namespace fs = std::filesystem;

std::optional<fs::path> program() {
    std::error_code ec;
    auto path = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return path;
}

std::optional<fs::path> beside_program(const fs::path& relative) {
    const auto self = program();
    if (!self) return std::nullopt;
    return (self->parent_path() / relative).lexically_normal();
}

bool in_build_tree(const fs::path& build_dir) {
    const auto self = program();
    return self &&
           std::mismatch(build_dir.begin(), build_dir.end(), self->begin(), self->end()).first ==
               build_dir.end();
}

void* module_function(const fs::path& from_bin, const fs::path& built, const fs::path& build_dir,
                      const char* symbol, std::string& missing) {
    std::vector<fs::path> places;
    if (auto installed = beside_program(from_bin)) places.push_back(*installed);
    if (in_build_tree(build_dir)) places.push_back(built);
    missing.clear();
    for (const auto& place : places) {
        std::error_code ec;
        if (!fs::exists(place, ec)) continue;
        // RTLD_LOCAL: the symbols of the module's libraries stay its own.
        void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (void* function = handle ? dlsym(handle, symbol) : nullptr) return function;
        const char* error = dlerror();
        missing = error ? error : place.string() + ": has no " + symbol;
    }
    if (missing.empty())
        missing =
            "not installed: " + (places.empty() ? from_bin.filename() : places.front()).string();
    return nullptr;
}

}  // namespace referat::install_paths
