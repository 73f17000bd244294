#include "ConsentEvent.h"

using namespace Qt::StringLiterals;

QString ConsentEvent::kindToString(Kind kind)
{
    return kind == Kind::OptIn ? u"opt_in"_s : u"opt_out"_s;
}

std::optional<ConsentEvent::Kind> ConsentEvent::kindFromString(QStringView text)
{
    for (const Kind kind : {Kind::OptIn, Kind::OptOut}) {
        if (text == kindToString(kind))
            return kind;
    }
    return std::nullopt;
}

QString ConsentEvent::sourceToString(Source source)
{
    switch (source) {
    case Source::Keyword:
        return u"keyword"_s;
    case Source::Form:
        return u"form"_s;
    case Source::Import:
        return u"import"_s;
    case Source::Agent:
        return u"agent"_s;
    case Source::ProviderError:
        return u"provider_error"_s;
    }
    return {};
}

std::optional<ConsentEvent::Source> ConsentEvent::sourceFromString(QStringView text)
{
    for (const Source source :
         {Source::Keyword, Source::Form, Source::Import, Source::Agent, Source::ProviderError}) {
        if (text == sourceToString(source))
            return source;
    }
    return std::nullopt;
}
