#include "app/cli/option_parsing.hpp"

#include "engine/data/content_hash.hpp"

namespace abt::cli {

namespace po = boost::program_options;

namespace {

po::variables_map store_and_notify(const std::vector<std::string>& args,
                                   const po::options_description& options, const char* positional_name,
                                   int max_positional) {
  po::positional_options_description positional;
  positional.add(positional_name, max_positional);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
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
