// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// Statistics for reports: calculators that produce figures exactly (rounding a
// table to its total, growth arithmetic, descriptive statistics) and tests of
// printed figures (GRIM, GRIMMER, Benford's law).

#include <reckon/stats/benford.hpp>
#include <reckon/stats/descriptive.hpp>
#include <reckon/stats/growth.hpp>
#include <reckon/stats/rounding.hpp>
