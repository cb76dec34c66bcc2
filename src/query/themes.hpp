// Renamed to query/theme_report.hpp; src/cli/main.cpp includes this name until it is changed too.
#pragma once

#include "query/theme_report.hpp"
