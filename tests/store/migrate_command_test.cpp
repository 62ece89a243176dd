// Black-box checks of `parcours migrate`: the real binary, built next to this test binary.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

namespace parcours {
namespace {

struct Outcome {
  int exit_code;
  std::string output;  // stdout and stderr together
};

Outcome run_parcours(const std::string& arguments) {
  auto binary = std::filesystem::read_symlink("/proc/self/exe").parent_path() / "parcours";
  std::string command = binary.string() + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen: " + command);
  std::string output;
  std::array<char, 512> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

class MigrateCommand : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parcours-migrate-cmd-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(MigrateCommand, AppliesEverythingOnceThenSaysTheDatabaseIsUpToDate) {
  std::string db = "sqlite:" + (dir_ / "var" / "parcours.db").string();
  Outcome first = run_parcours("migrate --db " + db);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("migrations appliquées"), std::string::npos) << first.output;
  Outcome second = run_parcours("migrate --db " + db);
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(second.output, "Base déjà à jour\n");
}

TEST_F(MigrateCommand, RejectsABadUrlWithOneLineAndExitCodeTwo) {
  Outcome outcome = run_parcours("migrate --db mysql://localhost/parcours");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.output,
            "parcours : URL de base de données invalide « mysql://localhost/parcours » : attendu "
            "sqlite:CHEMIN ou postgresql://…\n");
}

TEST_F(MigrateCommand, FailsWithTheHostNameWhenPostgresIsUnreachable) {
  Outcome outcome =
      run_parcours("migrate --db 'postgresql://parcours@127.0.0.1:1/parcours?connect_timeout=5'");
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.output.find("PostgreSQL sur 127.0.0.1:1"), std::string::npos) << outcome.output;
}

}  // namespace
}  // namespace parcours
