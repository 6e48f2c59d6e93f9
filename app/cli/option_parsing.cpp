#include "app/cli/option_parsing.hpp"

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

}  // namespace abt::cli
