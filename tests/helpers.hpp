// Test helpers shared by the test files.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "rules/rules.hpp"

namespace referat::testing {

// The project's pattern data, loaded once.
inline const rules::Rules& patterns() {
    static const auto rules = rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    return rules;
}

// A database file in the temp directory, removed with its WAL files afterwards.
struct TempDb {
    std::filesystem::path path;
    explicit TempDb(const std::string& prefix = "referat-test-") {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               (prefix + std::to_string(rd()) + std::to_string(rd()) + ".db");
    }
    ~TempDb() {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
    TempDb(const TempDb&) = delete;
    TempDb& operator=(const TempDb&) = delete;
};

}  // namespace referat::testing
