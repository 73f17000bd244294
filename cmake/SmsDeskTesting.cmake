# smsdesk_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [GUI] [KEYCHAIN])
#
# One Qt Test executable registered with ctest. GUI tests run offscreen so they need no
# display; KEYCHAIN tests are labelled so ./smsdesk.sh test can give them a real keyring.
function(smsdesk_add_test name)
    cmake_parse_arguments(ARG "GUI;KEYCHAIN" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test smsdesk_compiler_settings ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
    add_test(NAME ${name} COMMAND ${name})
    set(labels ${ARG_LABELS})
    set(env "QT_QPA_PLATFORM=offscreen" "QT_LOGGING_RULES=smsdesk.*.debug=false")
    if(ARG_GUI)
        list(APPEND labels gui)
    endif()
    if(ARG_KEYCHAIN)
        list(APPEND labels keychain)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "${env}"
        LABELS "${labels}"
        TIMEOUT ${ARG_TIMEOUT})
endfunction()
