# The admin and marketing command services (keywords, numbers, templates, campaigns,
# contacts): the one door for what admins and marketers change, for the UI and the CLI alike.
target_sources(smsdesk_app PRIVATE
    commands/CommandResult.h
    commands/AdminCommandBase.cpp commands/AdminCommandBase.h
    commands/KeywordCommands.cpp commands/KeywordCommands.h
    commands/NumberCommands.cpp commands/NumberCommands.h
    commands/TemplateCommands.cpp commands/TemplateCommands.h
    commands/CampaignCommands.cpp commands/CampaignCommands.h
    commands/ContactCommands.cpp commands/ContactCommands.h
    commands/ContactEditCommands.cpp commands/ContactEditCommands.h
)
target_include_directories(smsdesk_app PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/commands)
