#include "data_adapters/binary/dataset_file.hpp"
