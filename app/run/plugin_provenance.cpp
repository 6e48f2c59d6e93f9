#include "app/run/plugin_provenance.hpp"

namespace abt {
namespace {

std::string field(const nlohmann::json& entry, const char* key) {
  return entry.is_object() && entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>()
                                                                            : std::string();
}

std::string key_of(const nlohmann::json& entry) {
  const std::string name = field(entry, "name");
  return name.empty() ? "path " + field(entry, "path") : name;
}

/// The first 12 hex digits: enough to tell builds apart in a message.
std::string short_hash(const nlohmann::json& entry) {
  const std::string h = field(entry, "sha256");
  return h.size() > 12 ? h.substr(0, 12) + ".." : (h.empty() ? "-" : h);
}

const nlohmann::json* find_by_key(const nlohmann::json& list, const std::string& key) {
  for (const auto& e : list)
    if (key_of(e) == key) return &e;
  return nullptr;
}

std::string shown_version(const std::string& v) {
  return v.empty() ? "\"\"" : v;
}

}  // namespace

nlohmann::json plugin_identities(const nlohmann::json& plugins) {
  nlohmann::json out = nlohmann::json::array();
  if (!plugins.is_array()) return out;
  for (const auto& e : plugins) {
    nlohmann::json id = e;
    if (id.is_object()) id.erase("path");
    out.push_back(std::move(id));
  }
  return out;
}

std::vector<std::string> plugin_changes(const nlohmann::json& before, const nlohmann::json& now) {
  const nlohmann::json a = before.is_array() ? before : nlohmann::json::array();
  const nlohmann::json b = now.is_array() ? now : nlohmann::json::array();
  std::vector<std::string> out;
  for (const auto& old_entry : a) {
    const std::string key = key_of(old_entry);
    const nlohmann::json* new_entry = find_by_key(b, key);
    if (!new_entry) {
      out.push_back("plugin " + key + " is no longer loaded (sha256 " + short_hash(old_entry) + ")");
      continue;
    }
    std::string what;
    const auto add = [&what](const std::string& part) { what += (what.empty() ? "" : ", ") + part; };
    if (field(old_entry, "sha256") != field(*new_entry, "sha256"))
      add("sha256 " + short_hash(old_entry) + " -> " + short_hash(*new_entry));
    if (field(old_entry, "version") != field(*new_entry, "version"))
      add("version " + shown_version(field(old_entry, "version")) + " -> " +
          shown_version(field(*new_entry, "version")));
    const nlohmann::json no = nlohmann::json::array();
    if (old_entry.value("strategies", no) != new_entry->value("strategies", no))
      add("strategies " + old_entry.value("strategies", no).dump() + " -> " +
          new_entry->value("strategies", no).dump());
    if (!what.empty()) out.push_back("plugin " + key + " changed: " + what);
  }
  for (const auto& new_entry : b)
    if (!find_by_key(a, key_of(new_entry)))
      out.push_back("plugin " + key_of(new_entry) + " is new (sha256 " + short_hash(new_entry) + ")");
  return out;
}

std::string describe_plugin(const nlohmann::json& entry) {
  std::string out = key_of(entry);
  if (const std::string v = field(entry, "version"); !v.empty()) out += " " + v;
  out += " (sha256 " + short_hash(entry);
  if (const std::string p = field(entry, "path"); !p.empty()) out += ", " + p;
  return out + ")";
}

}  // namespace abt
