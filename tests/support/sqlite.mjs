// Reads the SQLite database of a test server with the sqlite3 shell, as a person checking the
// stored rows would. `.timeout` waits for the server's own writes instead of failing at once.
import { execFileSync } from 'node:child_process';

// A function running one query on `server`'s database and returning its output, trimmed
// (columns separated by `|`, rows by newlines).
export function sqliteQuery(server) {
  const file = server.dbUrl.replace(/^sqlite:/, '');
  return (query) => execFileSync('sqlite3', ['-cmd', '.timeout 5000', file, query], { encoding: 'utf8' }).trim();
}
