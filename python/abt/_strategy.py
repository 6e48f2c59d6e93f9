"""Strategies written in Python: the abt.Strategy base class, typed params, and the registry by name.

A strategy is a class with the callbacks of the C++ Strategy (engine/strategy/strategy.hpp); the engine
calls only the ones the class defines. Params are declared in the class attribute ``params`` (name ->
default, or name -> abt.Param); a run's ``strategy.params`` are checked against them like a C++ strategy's
(unknown keys, wrong types, out-of-range values are abt.ConfigError naming the JSON path) and the resolved
values are set as ``self.params`` (attribute access) before ``on_start``. The class is built with no
arguments, once per run.
"""

import copy
import inspect
import numbers

from ._native import _abt

ConfigError = _abt.ConfigError


class Param:
    """A documented parameter: default value, doc, and optional min / max / choices checks."""

    def __init__(self, default, doc="", min=None, max=None, choices=None):  # noqa: A002 (mirrors Check)
        self.default = default
        self.doc = doc
        self.min = min
        self.max = max
        self.choices = list(choices) if choices is not None else None

    def constraint(self):
        parts = []
        if self.min is not None and self.max is not None:
            parts.append("in [{}, {}]".format(_num(self.min), _num(self.max)))
        elif self.min is not None:
            parts.append(">= {}".format(_num(self.min)))
        elif self.max is not None:
            parts.append("<= {}".format(_num(self.max)))
        if self.choices:
            parts.append("one of " + "|".join(str(c) for c in self.choices))
        return "".join(parts)


def _num(v):
    f = float(v)
    return str(int(f)) if f.is_integer() else repr(f)


class Params(dict):
    """Resolved parameter values: a dict with attribute access (self.params.fast)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError("strategy has no parameter '{}'".format(name)) from None


class Strategy:
    """Base class of Python strategies. Override the callbacks you need; every one receives the run's
    abt.Context (docs/python.md). Event order per trading day: on_session_open -> on_bar(ctx, "60m") x4 (if
    subscribed) -> on_bar(ctx, "1d") -> on_timer(ctx, timer_id) -> on_session_close; on_fill / on_reject
    after each fill pass."""

    #: Name in the registry, configs and results (default: the class name).
    name = None
    #: Parameter declarations: name -> default value or abt.Param.
    params = {}

    def on_start(self, ctx):
        """Once before the first event: look up ids and fields, subscribe, schedule timers."""

    def on_session_open(self, ctx):
        """09:30 of every trading day."""

    def on_bar(self, ctx, freq):
        """A bar of frequency freq ("1d" or "60m") closed for the whole cross-section."""

    def on_timer(self, ctx, timer_id):
        """A timer of ctx.schedule() fired (after the daily bar)."""

    def on_session_close(self, ctx):
        """15:00, the last event of the day."""

    def on_finish(self, ctx):
        """Once after the last day (orders placed here never execute)."""

    def on_fill(self, ctx, fill):
        """A fill (abt.Fill) of one of the strategy's orders."""

    def on_reject(self, ctx, rejection):
        """An order blocked, reduced or dropped (abt.Rejection)."""


def _declarations(cls):
    declared = getattr(cls, "params", None) or {}
    if not isinstance(declared, dict):
        raise TypeError("{}.params must be a dict of name -> default (or abt.Param)".format(cls.__name__))
    out = {}
    for name, value in declared.items():
        out[name] = value if isinstance(value, Param) else Param(value)
    return out


def _type_name(default):
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, numbers.Integral):
        return "int"
    if isinstance(default, numbers.Real):
        return "number"
    if isinstance(default, str):
        return "string"
    if isinstance(default, (list, tuple)):
        kinds = {_type_name(v) for v in default}
        return (kinds.pop() + "[]") if len(kinds) == 1 else "list"
    return "json"


def _check(value, param, path):
    kind = _type_name(param.default)
    default = param.default
    if kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError("{}: expected true or false, got {!r}".format(path, value))
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or float(value) != int(value):
            raise ConfigError("{}: expected an integer, got {!r}".format(path, value))
        value = int(value)
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ConfigError("{}: expected a number, got {!r}".format(path, value))
        value = float(value)
    elif kind == "string":
        if not isinstance(value, str):
            raise ConfigError("{}: expected a string, got {!r}".format(path, value))
    elif kind.endswith("[]") or kind == "list":
        if not isinstance(value, (list, tuple)):
            raise ConfigError("{}: expected a list, got {!r}".format(path, value))
        if default:
            element = Param(default[0])
            value = [_check(v, Param(element.default, choices=param.choices), "{}[{}]".format(path, i))
                     for i, v in enumerate(value)]
            return value
        value = list(value)
    if kind in ("int", "number"):
        if (param.min is not None and value < param.min) or (param.max is not None and value > param.max):
            raise ConfigError("{}: value {} out of range (expected {})".format(path, _num(value), param.constraint()))
    if param.choices and kind in ("string", "int", "number") and value not in param.choices:
        raise ConfigError("{}: '{}' is not allowed (expected {})".format(path, value, param.constraint()))
    return value


def resolve_params(cls, given, path="strategy.params"):
    """The params of a run of `cls`: every declared one, defaults filled in, checked (abt.ConfigError)."""
    declared = _declarations(cls)
    if given is None:
        given = {}
    if not isinstance(given, dict):
        raise ConfigError("{}: expected an object of parameters, got {!r}".format(path, given))
    for key in given:
        if key not in declared:
            known = ", ".join(declared) if declared else "none"
            raise ConfigError("{}.{}: unknown parameter (known: {})".format(path, key, known))
    out = {}
    for name, param in declared.items():
        value = given[name] if name in given else copy.deepcopy(param.default)
        out[name] = _check(value, param, "{}.{}".format(path, name)) if name in given else value
    validate = getattr(cls, "validate", None)  # an optional staticmethod validate(params, path)
    if callable(validate):
        validate(Params(out), path)
    return out


def strategy_name(target):
    cls = target if inspect.isclass(target) else type(target)
    return getattr(target, "name", None) or cls.__name__


class StrategySpec:
    """What the extension needs to register one Python strategy (app/python/py_strategy.hpp)."""

    def __init__(self, target, name=None, copy_objects=False):
        cls = target if inspect.isclass(target) else type(target)
        self.target = target
        self.copy_objects = copy_objects  # a sweep's variants each get their own copy of a strategy object
        self.name = name or strategy_name(target)
        doc = inspect.getdoc(cls) or ""
        self.summary = doc.strip().splitlines()[0] if doc.strip() else "a Python strategy"
        self.origin = "python {} {}.{}".format(
            "class" if inspect.isclass(target) else "object", cls.__module__, cls.__qualname__)
        self.params = [
            _ParamDoc(n, _type_name(p.default), p.default, p.doc, p.constraint())
            for n, p in _declarations(cls).items()
        ]

    def factory(self, params, path):
        if inspect.isclass(self.target):
            resolved = resolve_params(self.target, params, path)
            instance = self.target()
            instance.params = Params(resolved)
            return instance
        if params:
            raise ConfigError("{}: a strategy object takes no params (pass its class to vary them)".format(path))
        instance = copy.deepcopy(self.target) if self.copy_objects else self.target
        if "params" not in vars(instance):  # still the class's declarations: the defaults
            instance.params = Params(resolve_params(type(instance), {}, path))
        return instance

    def resolver(self, params, path):
        if inspect.isclass(self.target):
            return resolve_params(self.target, params, path)
        if "params" in vars(self.target):  # an object's own params, as set by its user or an earlier run
            return dict(self.target.params)
        return resolve_params(type(self.target), {}, path)


class _ParamDoc:
    def __init__(self, name, type_, default, doc, constraint):
        self.name, self.type, self.default, self.doc, self.constraint = name, type_, default, doc, constraint


_registry = {}


def register_strategy(cls=None, *, name=None):
    """Registers a Python strategy class under `name` (default: its `name` attribute or class name), so that
    configs can name it in strategy.name for abt.run, abt.sweep and abt.regress. Usable as a decorator."""

    def add(target):
        if not inspect.isclass(target):
            raise TypeError("register_strategy: expected a class, got {!r}".format(target))
        _registry[name or strategy_name(target)] = target
        return target

    return add(cls) if cls is not None else add


def registered_strategies():
    """Name -> class of every registered Python strategy."""
    return dict(_registry)


def specs(extra=None, extra_name=None, copy_objects=False):
    """Specs of the registered strategies plus `extra` (a class or object passed to a run; with copy_objects,
    as for a sweep, an object is deep-copied for each run)."""
    out = {n: StrategySpec(c, n) for n, c in _registry.items()}
    if extra is not None:
        spec = StrategySpec(extra, extra_name, copy_objects)
        out[spec.name] = spec
    return list(out.values())
