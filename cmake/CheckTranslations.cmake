# ctest translations_uptodate: runs lupdate, as the update_translations target does, on a copy
# of the committed .ts and fails when that changes it (a tr() string of the sources is missing
# or one that left the sources is still listed).
#   cmake -DLUPDATE=... -DTS_FILE=... -DSOURCES_LIST=... -DWORK_DIR=... "-DOPTIONS=a;b"
#         -P CheckTranslations.cmake
get_filename_component(name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${name}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY_FILE "${TS_FILE}" "${copy}")
execute_process(COMMAND "${LUPDATE}" ${OPTIONS} "@${SOURCES_LIST}" -ts "${copy}"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}):\n${output}")
endif()
file(READ "${TS_FILE}" committed)
file(READ "${copy}" updated)
if(NOT committed STREQUAL updated)
    string(REGEX MATCHALL "Found [^\n]*" found "${output}")
    message(FATAL_ERROR "${TS_FILE} is not up to date with the sources (${found}).\n"
        "Run: cmake --build <build dir> --target update_translations, translate the messages "
        "marked type=\"unfinished\" (Qt Linguist, or by hand) and commit the .ts.\n"
        "Compare: diff ${TS_FILE} ${copy}")
endif()
message(STATUS "${name} lists every tr() string of the sources")
