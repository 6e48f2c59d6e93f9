#include "app/cli/option_parsing.hpp"

#include "engine/data/content_hash.hpp"

namespace abt::cli {

namespace po = boost::program_options;

namespace {

template <class T>
bool is_typed(const po::value_semantic* s) {
  return dynamic_cast<const po::typed_value<T>*>(s) != nullptr;
}

/// boost::lexical_cast turns "-1" into 4294967295 for an unsigned option: refuse a sign on those.
void refuse_negative_unsigned(const po::parsed_options& parsed, const po::options_description& options) {
  for (const po::basic_option<char>& o : parsed.options) {
    const po::option_description* d = options.find_nothrow(o.string_key, false);
    if (!d) continue;
    const po::value_semantic* s = d->semantic().get();
    if (!(is_typed<unsigned>(s) || is_typed<unsigned long>(s) || is_typed<unsigned long long>(s))) continue;
    for (const std::string& token : o.value) {
      const auto first = token.find_first_not_of(" \t");
      if (first != std::string::npos && (token[first] == '-' || token[first] == '+'))
        throw po::error("option '--" + o.string_key + "': expected a whole number >= 0, got '" + token + "'");
    }
  }
}

po::variables_map store_and_notify(const std::vector<std::string>& args,
                                   const po::options_description& options, const char* positional_name,
                                   int max_positional) {
  po::positional_options_description positional;
  positional.add(positional_name, max_positional);
  const po::parsed_options parsed =
      po::command_line_parser(args).options(options).positional(positional).run();
  refuse_negative_unsigned(parsed, options);
  po::variables_map vm;
  po::store(parsed, vm);
  po::notify(vm);
  return vm;
}

}  // namespace

po::variables_map parse_with_hidden_positional(const std::vector<std::string>& args,
                                               const po::options_description& options,
                                               const char* positional_name,
                                               const po::value_semantic* positional_value,
                                               int max_positional) {
  po::options_description hidden;
  hidden.add_options()(positional_name, positional_value);
  po::options_description all;
  all.add(options).add(hidden);
  return store_and_notify(args, all, positional_name, max_positional);
}

po::variables_map parse_with_positional(const std::vector<std::string>& args,
                                        const po::options_description& options, const char* positional_name,
                                        int max_positional) {
  return store_and_notify(args, options, positional_name, max_positional);
}

std::filesystem::path default_out_dir(const std::filesystem::path& config_file, const std::string& suffix,
                                      const std::string& data_dir,
                                      const std::vector<std::string>& overrides) {
  std::string name = config_file.stem().string() + suffix;
  if (!data_dir.empty() || !overrides.empty()) {
    ContentHash h;
    h.add_string(data_dir.empty() ? std::string() : std::filesystem::absolute(data_dir).string());
    for (const auto& assignment : overrides) h.add_string(assignment);
    name += '-';
    name += h.hex().substr(0, 8);
  }
  return std::filesystem::path("out") / name;
}

}  // namespace abt::cli
