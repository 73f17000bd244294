# The desktop integration files, named once for the installer and for tst_desktopfiles.
set(SMSDESK_DESKTOP_FILE "${PROJECT_SOURCE_DIR}/resources/io.smsdesk.SmsDesk.desktop")
set(SMSDESK_METAINFO_FILE "${PROJECT_SOURCE_DIR}/resources/io.smsdesk.SmsDesk.metainfo.xml")
# Installed under its own name, which is the desktop file's Icon= key.
set(SMSDESK_APP_ICON "${PROJECT_SOURCE_DIR}/resources/icons/smsdesk.svg")
