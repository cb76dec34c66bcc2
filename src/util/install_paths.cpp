// The running program's place, for the files installed beside it.
#include "util/install_paths.hpp"

#include <algorithm>

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

}  // namespace referat::install_paths
