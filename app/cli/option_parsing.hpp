#pragma once
// Shared command-line parsing steps of the `abt` subcommands (boost::program_options).
#include <iosfwd>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace abt::cli {

/// Parses `args` against the documented `options` plus one undocumented option `positional_name` (bound by
/// `positional_value`, whose ownership passes to the parser) that takes up to `max_positional` positional
/// arguments (-1: any number). Stores and notifies, so bound variables are set on return; throws
/// boost::program_options::error on bad arguments.
boost::program_options::variables_map parse_with_hidden_positional(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const char* positional_name, const boost::program_options::value_semantic* positional_value,
    int max_positional);

/// Parses `args` against `options`, where the documented option `positional_name` also takes up to
/// `max_positional` positional arguments (-1: any number). Stores and notifies like the function above.
boost::program_options::variables_map parse_with_positional(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const char* positional_name, int max_positional);

}  // namespace abt::cli
