// Who asked a command service: the answer goes to it only while it lives (an optional
// context object, like StoreWriter::post's), on the service's thread.
#pragma once

#include <QObject>
#include <QPointer>

class CommandCaller
{
public:
    // context may be null: then only the service itself must still be there.
    explicit CommandCaller(QObject *context)
        : m_context(context)
        , m_guarded(context != nullptr)
    {}

    bool alive() const { return !m_guarded || m_context; }

private:
    QPointer<QObject> m_context;
    bool m_guarded;
};
