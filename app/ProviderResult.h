// The outcome of a provider request: a value or a ProviderError, and the callback type that
// receives it.
#pragma once

#include "ProviderError.h"

#include <QtGlobal>

#include <functional>
#include <utility>
#include <variant>

// The value of requests that return nothing (e.g. deleting a map item).
struct ProviderDone
{};

template<typename T>
class ProviderResult
{
public:
    ProviderResult(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    ProviderResult(ProviderError error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_state.index() == 0; }
    const T &value() const
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    T &value()
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    const ProviderError &error() const
    {
        Q_ASSERT(!ok());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, ProviderError> m_state;
};

// Called on the client's thread, exactly once, unless the request's context object was
// destroyed first (then never).
template<typename T>
using ProviderCallback = std::function<void(const ProviderResult<T> &)>;
