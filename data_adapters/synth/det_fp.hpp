#pragma once
// Included first by every synth source: forbids contracting a*b+c into a fused multiply-add, whose result
// differs in the last bit from the separate operations. Together with det_math this keeps the generator
// bit-identical across compilers and CPUs (x86-64 without -mfma never contracts anyway).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
