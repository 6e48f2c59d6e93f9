#pragma once
// The test kit's scripted strategy and tiny-market helpers (testkit/), under the names the tests use.
#include "test_support.hpp"
#include "testkit/script_strategy.hpp"

namespace abt::test {

using testkit::absent;
using testkit::bar;
using testkit::config_with;
using testkit::ScriptStrategy;
using testkit::suspended;

}  // namespace abt::test
