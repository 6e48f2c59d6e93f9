// RunStore on a file that is not a SQLite database: a UserError naming the file (exit 2), and the SQLite
// handle is closed although the constructor throws (it leaked, issue 14; LeakSanitizer catches a regression
// in the sanitized build, scripts/sanitize).
#include "app/run/run_store.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

TEST(RunStoreOpen, AFileThatIsNotADatabaseIsAUserErrorWithoutALeak) {
  const auto dir = test::make_temp_dir("run_store_open");
  const auto file = dir / "abt-runs.sqlite";
  std::ofstream(file) << "this is not a SQLite database, but long enough to be read as a header......\n";
  try {
    RunStore store(file);
    FAIL() << "expected a UserError";
  } catch (const UserError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(file.string() + ": run store: ", 0), 0u) << message;
  }
}

}  // namespace
}  // namespace abt
