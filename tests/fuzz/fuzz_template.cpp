// Template parsing, validation and rendering on any body: tokens lie inside the body, and a
// body without tokens renders as itself.
#include "FuzzInput.h"
#include "TemplateText.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString body = fuzz::text(data, size);
    const TemplateText parsed(body);
    for (const TemplateText::Token &token : parsed.tokens()) {
        if (token.position < 0 || token.position + token.length > body.size())
            std::abort();
    }
    (void)parsed.validate({QStringLiteral("plan")}, TemplateType::Promotional);
    const TemplateText::Rendered rendered =
        parsed.render({{QStringLiteral("first_name"), QStringLiteral("Ana")}});
    if (parsed.tokens().isEmpty() && rendered.text != body)
        std::abort();
    (void)parsed.fieldNames();
    (void)parsed.hasOptOutLine();
    return 0;
}
