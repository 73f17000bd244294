# The inbox's command services (threads, replies, drafts, canned replies, hand-made consent).
target_sources(smsdesk_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CommandCaller.h
    ${CMAKE_CURRENT_LIST_DIR}/CommandResult.h
    ${CMAKE_CURRENT_LIST_DIR}/ConsentCommands.cpp ${CMAKE_CURRENT_LIST_DIR}/ConsentCommands.h
    ${CMAKE_CURRENT_LIST_DIR}/InboxChange.h
    ${CMAKE_CURRENT_LIST_DIR}/InboxCommands.cpp ${CMAKE_CURRENT_LIST_DIR}/InboxCommands.h
    ${CMAKE_CURRENT_LIST_DIR}/TeamCommands.cpp ${CMAKE_CURRENT_LIST_DIR}/TeamCommands.h
    ${CMAKE_CURRENT_LIST_DIR}/TeamInvite.cpp ${CMAKE_CURRENT_LIST_DIR}/TeamInvite.h
)
target_include_directories(smsdesk_app PUBLIC ${CMAKE_CURRENT_LIST_DIR})
