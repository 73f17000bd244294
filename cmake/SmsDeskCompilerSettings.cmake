# Warnings, Qt strictness defines and sanitizers shared by every SMS Desk target.

add_library(smsdesk_compiler_settings INTERFACE)
target_compile_options(smsdesk_compiler_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast
    $<$<BOOL:${SMSDESK_WERROR}>:-Werror>)
target_compile_definitions(smsdesk_compiler_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER)

# The libFuzzer build (./smsdesk.sh fuzz, clang): every target instrumented for coverage and
# checked by ASan and UBSan; the fuzz targets add -fsanitize=fuzzer (tests/fuzz).
if(SMSDESK_FUZZ)
    target_compile_options(smsdesk_compiler_settings INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(smsdesk_compiler_settings INTERFACE -fsanitize=address,undefined)
endif()

if(SMSDESK_SANITIZE)
    target_compile_options(smsdesk_compiler_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(smsdesk_compiler_settings INTERFACE -fsanitize=address,undefined)
endif()
