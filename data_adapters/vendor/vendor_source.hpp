#pragma once
// Tushare-style and AkShare CSV sources (docs/data-formats.md). Files may be one per stock or one per date,
// given as files, directories (every *.csv below, recursively, sorted) or globs; each file's table is
// recognised from its header:
//   Tushare daily        ts_code,trade_date,open,high,low,close,pre_close,...,vol,amount
//                        vol lots of 100 -> shares (x100), amount thousands of CNY -> CNY (x1000)
//   Tushare stk_mins     ts_code,trade_time,open,close,high,low,vol,amount (60-minute bars stamped at their
//                        end; vol shares, amount CNY, as Tushare documents for minute bars)
//   Tushare adj_factor   ts_code,trade_date,adj_factor
//   Tushare daily_basic  ts_code,trade_date,...,total_share,float_share,free_share,total_mv,circ_mv
//                        shares in 10,000s (x10,000), market values in 10,000 CNY (x10,000 -> extras
//                        total_mv / circ_mv in CNY), turnover_rate kept as an extra
//   Tushare stock_basic  ts_code,...,name,...,list_date,delist_date: names, listing and delisting dates
//   Tushare namechange   ts_code,name,start_date,end_date,...: IsST = 2 (delisting arrangement) on days
//   inside
//                        an interval whose name contains "退", else 1 when it contains "ST" (ST, *ST, SST,
//                        S*ST), else 0
//   AkShare              日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率
//                        成交量 lots -> shares (x100), 成交额 CNY; 换手率 kept as extra turnover_rate;
//                        without 股票代码 the file name is the code
// Bar tables are read first, then adj_factor/daily_basic (added to existing bars only), then the reference
// tables. AkShare files must state their adjustment: "none" (unadjusted), or "qfq"/"hfq" (prices kept as
// downloaded, AdjFactor 1, a note says so: limits and lot values then use adjusted prices).
#include <filesystem>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

struct VendorOptions {
  std::vector<std::filesystem::path> inputs;
  std::string adjust;  // AkShare: "none", "qfq" or "hfq" (required when AkShare files are present)
  /// When set, duplicate (date, symbol) rows are dropped (the first kept) and listed here instead of
  /// throwing.
  std::vector<std::string>* quarantined = nullptr;
};

/// Throws DataError (FILE:LINE) for malformed files, ConfigError when AkShare files lack a stated adjustment.
MarketData read_vendor_csv(const std::string& format, const VendorOptions& options,
                           std::vector<std::string>* notes = nullptr);

}  // namespace abt
