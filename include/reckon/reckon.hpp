// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// Everything reckon offers that needs only Boost. The optional integrations are included on
// their own: <reckon/json.hpp> (nlohmann_json) and <reckon/doctest.hpp> (doctest).

#include <reckon/version.hpp>

#include <reckon/error.hpp>

#include <reckon/decimal.hpp>
#include <reckon/interval.hpp>
#include <reckon/units.hpp>

#include <reckon/stats.hpp>

#include <reckon/figure.hpp>
#include <reckon/quantity.hpp>

#include <reckon/relation.hpp>
#include <reckon/report.hpp>

#include <reckon/audit.hpp>
#include <reckon/joint.hpp>

#include <reckon/output.hpp>
#include <reckon/text.hpp>
#include <reckon/text_audit.hpp>
