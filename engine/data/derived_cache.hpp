#pragma once
// Derived state computed from a market once and shared read-only by every run on it (docs/sweeps.md,
// "Shared work"): the micro-cap index membership, caps and levels, the 250-day volatilities of
// smallcap_lowvol, ... Each MarketData owns one cache (MarketData::derived(), copied data gets a fresh one);
// sweep variants, a run's benchmark and its strategy all ask the same cache, so a variant with different
// settings gets its own entry and identical settings compute once.
//
// Contract:
//   - an entry is identified by its key: derived_state() builds it from the data's fingerprint and the
//     settings the value depends on (every setting: two values under one key must be interchangeable);
//   - compute() is a pure function of the data and those settings; its result is immutable once returned
//     (or synchronised inside, like a memo filled lazily with identical values whichever thread fills it);
//   - thread-safe: concurrent requests for one key wait for a single computation, different keys compute in
//     parallel; a compute() that throws leaves the entry empty (the next request computes again);
//   - values live as long as the cache (the MarketData), and as long as any shared_ptr handed out; they
//     refer to the MarketData, which must outlive them;
//   - memory: entries are never evicted; the cache is bounded by the number of distinct keys asked for
//     (docs/sweeps.md, "Shared work", gives the size of each kind).
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <utility>

#include "engine/core/error.hpp"

namespace abt {

class DerivedCache {
 public:
  DerivedCache() = default;
  DerivedCache(const DerivedCache&) = delete;
  DerivedCache& operator=(const DerivedCache&) = delete;

  /// The value under `key`, computed by `compute()` (returning std::shared_ptr<const T>) on first use.
  template <class T, class Compute>
  std::shared_ptr<const T> get(const std::string& key, Compute&& compute) {
    Entry& entry = entry_for(key, typeid(T));
    std::lock_guard lock(entry.mutex);
    if (!entry.value) entry.value = std::shared_ptr<const T>(compute());
    return std::static_pointer_cast<const T>(entry.value);
  }

  /// Entries computed so far (for tests and diagnostics).
  size_t size() const {
    std::lock_guard lock(mutex_);
    size_t n = 0;
    for (const auto& [key, entry] : entries_) {
      std::lock_guard entry_lock(entry->mutex);
      n += entry->value ? 1 : 0;
    }
    return n;
  }

 private:
  struct Entry {
    explicit Entry(std::type_index t) : type(t) {}
    std::type_index type;
    mutable std::mutex mutex;  // held while computing: concurrent requests wait for the first
    std::shared_ptr<const void> value;
  };

  Entry& entry_for(const std::string& key, std::type_index type) {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = entries_.try_emplace(key, nullptr);
    if (inserted) it->second = std::make_unique<Entry>(type);
    if (it->second->type != type)
      throw InternalError("DerivedCache: key '" + key + "' requested with two different types");
    return *it->second;
  }

  mutable std::mutex mutex_;  // guards entries_ (not the values)
  std::map<std::string, std::unique_ptr<Entry>> entries_;
};

/// A MarketData's handle on its cache. Entries refer to the MarketData they were computed from, so a cache
/// never changes hands: copying or moving the data gives the destination a fresh, empty cache (a copy may be
/// changed before use, and its fingerprint with it), and the source keeps its own. Compute entries only on
/// data that stays where it is while they are used (a loaded market of a command's data cache).
class DerivedCacheHandle {
 public:
  DerivedCacheHandle() : cache_(std::make_shared<DerivedCache>()) {}
  DerivedCacheHandle(const DerivedCacheHandle&) : DerivedCacheHandle() {}
  DerivedCacheHandle(DerivedCacheHandle&&) noexcept : DerivedCacheHandle() {}
  DerivedCacheHandle& operator=(const DerivedCacheHandle&) {
    cache_ = std::make_shared<DerivedCache>();
    return *this;
  }
  DerivedCacheHandle& operator=(DerivedCacheHandle&&) noexcept {
    cache_ = std::make_shared<DerivedCache>();
    return *this;
  }
  DerivedCache& get() const { return *cache_; }

 private:
  std::shared_ptr<DerivedCache> cache_;
};

}  // namespace abt
