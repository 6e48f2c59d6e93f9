#pragma once
// Deterministic elementary functions for the synthetic market. std::log/std::exp are implemented by the
// platform's libm and may differ in the last bit between machines; these use only +, -, *, / and exact
// operations (frexp/ldexp/floor), so they give bit-identical results on every IEEE-754 double platform
// (floating-point contraction into FMA is switched off for the synth sources, see det_fp.hpp).
namespace abt::synth {

/// Natural logarithm, x > 0 (relative error ~1e-15). Returns -inf for x <= 0.
double det_log(double x);
/// e^x, clamped to x in [-700, 700] (relative error ~1e-15).
double det_exp(double x);

}  // namespace abt::synth
