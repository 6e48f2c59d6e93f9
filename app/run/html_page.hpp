#pragma once
// What every self-contained HTML page of abt shares (report.html, compare, sweep.html, attribution.html):
// the base style sheet. Each page appends its own rules after it (later rules win).
namespace abt {

/// Body text, headings, tables with right-aligned numbers, block-level charts.
inline constexpr const char* kPageBaseStyle =
    "body{font-family:sans-serif;margin:24px;color:#222;max-width:960px}"
    "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}"
    "table{border-collapse:collapse;font-size:13px;margin:8px 0}"
    "td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}svg{display:block;margin:6px 0}";

}  // namespace abt
