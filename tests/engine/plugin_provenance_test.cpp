// What changed between two recorded plugin lists (app/run/plugin_provenance.hpp).
#include <gtest/gtest.h>

#include "app/run/plugin_provenance.hpp"

namespace abt {
namespace {

nlohmann::json entry(const std::string& name, const std::string& sha, const std::string& version,
                     const std::string& path = "/x/lib.so") {
  return {{"path", path}, {"sha256", sha}, {"name", name}, {"version", version}, {"strategies", {name}}};
}

TEST(PluginProvenance, ChangesByNameIgnoringPaths) {
  const std::string a(64, 'a'), b(64, 'b');
  // (json::array: a one-element brace list would be the element itself.)
  const nlohmann::json before = nlohmann::json::array({entry("momentum", a, "1.0.0"), entry("gone", a, "")});
  EXPECT_TRUE(plugin_changes(before, before).empty());
  // Another machine's path is the same build.
  EXPECT_TRUE(plugin_changes(before, nlohmann::json::array(
                                         {entry("momentum", a, "1.0.0", "/y/lib.so"), entry("gone", a, "")}))
                  .empty());
  const nlohmann::json now = nlohmann::json::array({entry("momentum", b, "1.1.0"), entry("fresh", b, "2")});
  EXPECT_EQ(
      plugin_changes(before, now),
      (std::vector<std::string>{"plugin momentum changed: sha256 aaaaaaaaaaaa.. -> bbbbbbbbbbbb.., version "
                                "1.0.0 -> 1.1.0",
                                "plugin gone is no longer loaded (sha256 aaaaaaaaaaaa..)",
                                "plugin fresh is new (sha256 bbbbbbbbbbbb..)"}));
  EXPECT_EQ(plugin_changes(nlohmann::json(), nlohmann::json::array()).size(), 0u);
  nlohmann::json renamed = entry("momentum", a, "1.0.0");
  renamed["strategies"] = {"momentum", "momentum2"};
  EXPECT_EQ(plugin_changes(nlohmann::json::array({entry("momentum", a, "1.0.0")}),
                           nlohmann::json::array({renamed})),
            std::vector<std::string>{
                "plugin momentum changed: strategies [\"momentum\"] -> [\"momentum\",\"momentum2\"]"});
}

TEST(PluginProvenance, IdentitiesDropPathsAndDescriptionsAreShort) {
  const std::string a(64, 'a');
  EXPECT_EQ(plugin_identities(nlohmann::json::array({entry("m", a, "1")})),
            nlohmann::json::parse(R"([{"sha256": ")" + a +
                                  R"(", "name": "m", "version": "1", "strategies": ["m"]}])"));
  EXPECT_EQ(plugin_identities(nlohmann::json()), nlohmann::json::array());
  EXPECT_EQ(describe_plugin(entry("m", a, "1.2.0")), "m 1.2.0 (sha256 aaaaaaaaaaaa.., /x/lib.so)");
  EXPECT_EQ(describe_plugin(entry("m", a, "", "")), "m (sha256 aaaaaaaaaaaa..)");
}

}  // namespace
}  // namespace abt
