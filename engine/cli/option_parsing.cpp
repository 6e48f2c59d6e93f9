#include "engine/cli/option_parsing.hpp"

namespace abt::cli {

namespace po = boost::program_options;

po::variables_map parse_with_hidden_positional(const std::vector<std::string>& args,
                                               const po::options_description& options,
                                               const char* positional_name,
                                               const po::value_semantic* positional_value,
                                               int max_positional) {
  po::options_description hidden;
  hidden.add_options()(positional_name, positional_value);
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add(positional_name, max_positional);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  return vm;
}

po::variables_map parse_with_positional(const std::vector<std::string>& args,
                                        const po::options_description& options, const char* positional_name,
                                        int max_positional) {
  po::positional_options_description positional;
  positional.add(positional_name, max_positional);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
  po::notify(vm);
  return vm;
}

}  // namespace abt::cli
