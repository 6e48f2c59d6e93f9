// All-or-nothing output directories (app/run/output_dir.hpp): a staged version replaces the directory as a
// whole, an uncommitted one never appears, one writer per directory, leftovers of killed writers removed.
#include "app/run/output_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(StagedDirectory, CommitReplacesTheDirectoryAsAWhole) {
  const auto root = test::make_temp_dir("staged");
  const auto target = root / "run";
  std::filesystem::create_directories(target);
  std::ofstream(target / "old_only.csv") << "old";
  std::ofstream(target / "result.json") << "old result";
  {
    StagedDirectory staged(target);
    staged.write("result.json", "new result");
    staged.write("equity.csv", "date,nav\n");
    // Until commit the target is the old version, untouched.
    EXPECT_EQ(read(target / "result.json"), "old result");
    staged.commit();
  }
  EXPECT_EQ(read(target / "result.json"), "new result");
  EXPECT_EQ(read(target / "equity.csv"), "date,nav\n");
  EXPECT_FALSE(std::filesystem::exists(target / "old_only.csv"));  // nothing of the old version is left
  size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(root)) entries += e.path() == target ? 0 : 1;
  EXPECT_EQ(entries, 0u) << "no staging or old directory left beside the target";
}

TEST(StagedDirectory, AnUncommittedVersionNeverAppears) {
  const auto root = test::make_temp_dir("staged-abort");
  const auto target = root / "run";
  std::filesystem::create_directories(target);
  std::ofstream(target / "result.json") << "old";
  {
    StagedDirectory staged(target);
    staged.write("result.json", "half");
  }  // an error before commit
  EXPECT_EQ(read(target / "result.json"), "old");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(root), {}), 1);
  // A new target is created by the first commit.
  StagedDirectory fresh(root / "new");
  fresh.write("a.txt", "a");
  fresh.commit();
  EXPECT_EQ(read(root / "new" / "a.txt"), "a");
}

TEST(OutputLock, ASecondWriterIsRefusedUntilTheFirstIsDone) {
  const auto root = test::make_temp_dir("lock");
  {
    const OutputLock first(root / "out");
    try {
      const OutputLock second(root / "out");
      FAIL() << "a second writer was let in";
    } catch (const UserError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("another abt process (pid " + std::to_string(::getpid()) + ") is writing"),
                std::string::npos)
          << message;
      EXPECT_NE(message.find((root / "out").string()), std::string::npos) << message;
    }
    const OutputLock other(root / "other");  // another directory is another lock
  }
  const OutputLock again(root / "out");  // released with its holder
}

TEST(OutputLock, RemovesWhatKilledWritersLeft) {
  const auto root = test::make_temp_dir("stale");
  const auto dir = root / "run";
  std::filesystem::create_directories(dir / "variants" / ".v0001.tmp-77");
  std::filesystem::create_directories(root / ".run.tmp-12345");
  std::filesystem::create_directories(root / ".run.old-12345");
  std::filesystem::create_directories(root / ".running.tmp-1");  // another directory's: kept
  std::ofstream(dir / "sweep.json.tmp.4242") << "partial";
  std::ofstream(dir / "sweep.json") << "kept";
  std::ofstream(dir / "notes.tmp.txt") << "kept";
  const OutputLock lock(dir);
  EXPECT_FALSE(std::filesystem::exists(root / ".run.tmp-12345"));
  EXPECT_FALSE(std::filesystem::exists(root / ".run.old-12345"));
  EXPECT_FALSE(std::filesystem::exists(dir / "sweep.json.tmp.4242"));
  EXPECT_TRUE(std::filesystem::exists(root / ".running.tmp-1"));
  EXPECT_TRUE(std::filesystem::exists(dir / "sweep.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "notes.tmp.txt"));
  EXPECT_EQ(remove_stale_outputs(dir / "variants"), 1);
  EXPECT_FALSE(std::filesystem::exists(dir / "variants" / ".v0001.tmp-77"));
}

}  // namespace
}  // namespace abt
