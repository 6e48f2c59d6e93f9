#include "app/python/py_strategy.hpp"

#include <memory>
#include <utility>

#include "app/python/json_convert.hpp"
#include "app/python/numpy_views.hpp"
#include "app/python/py_context.hpp"
#include "app/python/py_errors.hpp"
#include "engine/core/error.hpp"
#include "engine/core/run_cancelled.hpp"

namespace py = pybind11;

namespace abt::python {
namespace {

constexpr std::array<const char*, 8> kCallbackNames = {"on_start", "on_session_open",  "on_bar",
                                                       "on_timer", "on_session_close", "on_finish",
                                                       "on_fill",  "on_reject"};

/// The exception type abt.<name> of the Python package, to tell a strategy's own no-op callbacks apart.
py::object base_strategy_class() {
  return py::module_::import("abt").attr("Strategy");
}

}  // namespace

PyStrategy::PyStrategy(py::object instance, RunState& state) : state_(state) {
  const py::object base = base_strategy_class();
  const py::object cls = py::type::of(instance);
  for (int k = 0; k < kCount; ++k) {
    const py::object own = py::getattr(cls, kCallbackNames[static_cast<size_t>(k)], py::none());
    const py::object inherited = py::getattr(base, kCallbackNames[static_cast<size_t>(k)], py::none());
    if (own.is_none() || own.is(inherited)) continue;
    methods_[static_cast<size_t>(k)] = PyRef(instance.attr(kCallbackNames[static_cast<size_t>(k)]));
  }
  const py::object base_view = keep_alive_capsule(state.data_owner);
  py::object context = py::cast(std::make_unique<PyContext>(base_view));
  context_impl_ = context.cast<PyContext*>();
  context_ = PyRef(std::move(context));
  frequency_names_[0] = PyRef(py::str("1d"));
  frequency_names_[1] = PyRef(py::str("60m"));
  instance_ = PyRef(std::move(instance));
}

PyStrategy::~PyStrategy() {
  if (!Py_IsInitialized()) return;
  py::gil_scoped_acquire gil;
  context_impl_->detach();  // a ctx kept by the strategy raises from now on
}

template <class... Args>
void PyStrategy::invoke(Callback which, Context& ctx, Args&&... args) {
  const PyRef& method = methods_[static_cast<size_t>(which)];
  if (!method) return;
  py::gil_scoped_acquire gil;
  context_impl_->attach(&ctx);
  try {
    method.handle()(context_.handle(), std::forward<Args>(args)...);
  } catch (py::error_already_set& e) {
    fail(e);
  }
}

void PyStrategy::fail(py::error_already_set& e) {
  if (e.matches(PyExc_KeyboardInterrupt)) {
    state_.interrupt = PyRef(e.value());
    throw RunCancelled();
  }
  const ErrorTypes& types = error_types();
  const std::string message = describe_python_error(e);
  if (e.matches(types.internal)) throw InternalError(py::str(e.value()).cast<std::string>());
  state_.strategy_exception = PyRef(e.value());
  if (e.matches(types.config)) throw ConfigError(py::str(e.value()).cast<std::string>());
  if (e.matches(types.data)) throw DataError(py::str(e.value()).cast<std::string>());
  throw std::runtime_error(message);
}

void PyStrategy::on_start(Context& ctx) {
  invoke(kStart, ctx);
}
void PyStrategy::on_session_open(Context& ctx) {
  invoke(kSessionOpen, ctx);
}
void PyStrategy::on_bar(Context& ctx, Frequency frequency) {
  if (!methods_[kBar]) return;
  invoke(kBar, ctx, frequency_names_[static_cast<size_t>(frequency)].handle());
}
void PyStrategy::on_timer(Context& ctx, TimerId id) {
  if (!methods_[kTimer]) return;
  invoke(kTimer, ctx, id);
}
void PyStrategy::on_session_close(Context& ctx) {
  invoke(kSessionClose, ctx);
}
void PyStrategy::on_finish(Context& ctx) {
  invoke(kFinish, ctx);
}
void PyStrategy::on_fill(Context& ctx, const Fill& fill) {
  if (!methods_[kFill]) return;
  invoke(kFill, ctx, fill);
}
void PyStrategy::on_reject(Context& ctx, const Rejection& rejection) {
  if (!methods_[kReject]) return;
  invoke(kReject, ctx, rejection);
}

PyStrategySpec spec_from_python(py::handle spec) {
  PyStrategySpec out;
  out.name = spec.attr("name").cast<std::string>();
  out.summary = spec.attr("summary").cast<std::string>();
  out.origin = spec.attr("origin").cast<std::string>();
  out.factory = PyRef(spec.attr("factory"));
  out.resolver = PyRef(spec.attr("resolver"));
  for (const py::handle doc : spec.attr("params")) {
    ParamDoc d;
    d.name = doc.attr("name").cast<std::string>();
    d.type = doc.attr("type").cast<std::string>();
    d.default_value = from_python(doc.attr("default"), d.name);
    d.doc = doc.attr("doc").cast<std::string>();
    d.constraint = doc.attr("constraint").cast<std::string>();
    out.params.push_back(std::move(d));
  }
  return out;
}

StrategyInfo python_strategy_info(const PyStrategySpec& spec) {
  StrategyInfo info;
  info.name = spec.name;
  info.summary = spec.summary;
  info.params = spec.params;
  info.create = [name = spec.name, factory = spec.factory](
                    const nlohmann::json& params, const std::string& path) -> std::unique_ptr<Strategy> {
    RunState* state = current_run_state();
    ensure(state != nullptr, "a Python strategy is created inside a run started from Python");
    py::gil_scoped_acquire gil;
    try {
      py::object instance = factory.handle()(to_python(params), path);
      return std::make_unique<PyStrategy>(std::move(instance), *state);
    } catch (py::error_already_set& e) {
      if (e.matches(PyExc_KeyboardInterrupt)) {
        state->interrupt = PyRef(e.value());
        throw RunCancelled();
      }
      state->strategy_exception = PyRef(e.value());
      if (e.matches(error_types().config)) throw ConfigError(py::str(e.value()).cast<std::string>());
      throw StrategyError(name, "", "__init__", "setup", describe_python_error(e));
    }
  };
  info.resolve = [resolver = spec.resolver](const nlohmann::json& params, const std::string& path) {
    py::gil_scoped_acquire gil;
    try {
      return from_python(resolver.handle()(to_python(params), path), path);
    } catch (py::error_already_set& e) {
      if (e.matches(error_types().config)) throw ConfigError(py::str(e.value()).cast<std::string>());
      throw;
    }
  };
  return info;
}

}  // namespace abt::python
