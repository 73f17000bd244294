// The ordered list of built-in schema migrations, checked at compile time.
#pragma once

#include <array>
#include <string_view>

struct MigrationTable
{
    struct Entry
    {
        int version;
        std::string_view resource; // ":/migrations/NNNN_name.sql"
    };

    // Append new migrations here (and to the FILES of qt_add_resources in models/CMakeLists.txt).
    // Never edit or reorder a released one: profiles already ran it.
    static constexpr std::array entries{
        Entry{1, ":/migrations/0001_core.sql"},
        Entry{2, ":/migrations/0002_compliance_campaigns.sql"},
        Entry{3, ":/migrations/0003_outbox_attempts.sql"},
        Entry{4, ":/migrations/0004_consent_scope.sql"},
        Entry{5, ":/migrations/0005_drafts_canned_replies.sql"},
        Entry{6, ":/migrations/0006_keyword_runs.sql"},
        Entry{7, ":/migrations/0007_templates_audiences.sql"},
        Entry{8, ":/migrations/0008_campaign_runner.sql"},
        Entry{9, ":/migrations/0009_profile_identity.sql"},
        Entry{10, ":/migrations/0010_team.sql"},
        Entry{11, ":/migrations/0011_team_snapshot.sql"},
        Entry{12, ":/migrations/0012_team_shared_kinds.sql"},
        Entry{13, ":/migrations/0013_team_roster.sql"},
        Entry{14, ":/migrations/0014_team_campaigns.sql"},
        Entry{15, ":/migrations/0015_scheduling.sql"},
        Entry{16, ":/migrations/0016_skipped_provider_messages.sql"},
        Entry{17, ":/migrations/0017_message_media.sql"},
        Entry{18, ":/migrations/0018_message_retries.sql"},
        Entry{19, ":/migrations/0019_message_rollups.sql"},
    };

    static constexpr int latestVersion() { return int(entries.size()); }

    // Versions are 1..n in order, and each resource's NNNN prefix is its version.
    static constexpr bool isConsistent()
    {
        constexpr std::string_view prefix = ":/migrations/";
        int expected = 1;
        for (const Entry &entry : entries) {
            if (entry.version != expected++)
                return false;
            if (!entry.resource.starts_with(prefix) || !entry.resource.ends_with(".sql"))
                return false;
            const std::string_view file = entry.resource.substr(prefix.size());
            if (file.size() < 6 || file[4] != '_')
                return false;
            int number = 0;
            for (char c : file.substr(0, 4)) {
                if (c < '0' || c > '9')
                    return false;
                number = number * 10 + (c - '0');
            }
            if (number != entry.version)
                return false;
        }
        return true;
    }
};

static_assert(!MigrationTable::entries.empty(), "at least one migration");
static_assert(MigrationTable::isConsistent(),
              "migrations must be numbered 1..n in order, each file named NNNN_<name>.sql "
              "with NNNN equal to its version");
