// The sub-commands of the `parcours` binary, one function each, wired in main.cpp with CLI11.
// Each returns the process exit code: 0 success, 1 failure, 2 bad usage.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/store/db.h"

namespace CLI {
class App;
}

namespace parcours::app {

// import data-inclusion, export data-inclusion, reindex-services (search_commands.cpp): adds them
// to `cli`; the returned function runs the one chosen after parsing (nullopt: none of them).
std::function<std::optional<int>()> add_search_commands(CLI::App& cli, Config& config);

// token create (token_command.cpp): the partner API tokens.
std::function<std::optional<int>()> add_token_commands(CLI::App& cli, Config& config);
// import caf (caf_command.cpp): adds it under `import`, after add_search_commands.
std::function<std::optional<int>()> add_caf_commands(CLI::App& cli, Config& config);
// import persons (csvimport_command.cpp): adds it under `import`.
std::function<std::optional<int>()> add_csvimport_commands(CLI::App& cli, Config& config);
// stats rebuild (stats_command.cpp): recomputes the pilotage statistics from the journal.
std::function<std::optional<int>()> add_stats_commands(CLI::App& cli, Config& config);

int run_serve(const Config& config);
int run_migrate(const Config& config);

// True when every migration is applied; otherwise says on stderr, in French, to run
// `parcours migrate` first. The guard of every command that reads or writes the schema.
bool database_is_migrated(store::Connection& conn);
int run_load_geo(const Config& config, const std::string& source_dir);
int run_load_rome(const Config& config, const std::string& source_file);
int run_seed_demo(const Config& config);
int run_purge(const Config& config, bool apply);

struct UserAddOptions {
  std::string email;
  std::string name;
  std::string role;
  std::string org;  // organisation identifier (slug), empty for admin
  bool password_stdin = false;
  bool orientation = false;
  bool referent = false;
};
int run_user_add(const Config& config, const UserAddOptions& options);
int run_org_list(const Config& config);

}  // namespace parcours::app
