#pragma once
// PyRef: an owned reference to a Python object that may be copied, moved and destroyed from any thread,
// with or without the GIL: reference-count changes take the GIL. The registry's std::function factories,
// the strategies a sweep's worker threads destroy and the state of a run hold their Python objects this way.
// After the interpreter has been finalised the reference is leaked (nothing can be released any more).
#include <utility>

#include <pybind11/pybind11.h>

namespace abt::python {

class PyRef {
 public:
  PyRef() = default;
  /// Takes over `object`'s reference (call with the GIL held).
  explicit PyRef(pybind11::object object) : ptr_(object.release().ptr()) {}
  PyRef(const PyRef& other) : ptr_(other.ptr_) {
    if (ptr_ != nullptr) {
      pybind11::gil_scoped_acquire gil;
      Py_INCREF(ptr_);
    }
  }
  PyRef(PyRef&& other) noexcept : ptr_(std::exchange(other.ptr_, nullptr)) {}
  PyRef& operator=(PyRef other) noexcept {
    std::swap(ptr_, other.ptr_);
    return *this;
  }
  ~PyRef() { reset(); }

  void reset() {
    PyObject* p = std::exchange(ptr_, nullptr);
    if (p == nullptr || !Py_IsInitialized()) return;
    pybind11::gil_scoped_acquire gil;
    Py_DECREF(p);
  }
  /// A new reference (call with the GIL held).
  pybind11::object get() const { return pybind11::reinterpret_borrow<pybind11::object>(ptr_); }
  pybind11::handle handle() const { return ptr_; }
  explicit operator bool() const { return ptr_ != nullptr; }

 private:
  PyObject* ptr_ = nullptr;
};

}  // namespace abt::python
