// Reads the SQLite database of a test server with the sqlite3 shell, as a person checking the
// stored rows would. `.timeout` waits for the server's own writes instead of failing at once.
import { execFileSync } from 'node:child_process';

// The sqlite3 shell options that attach the access log's own file (<database>.access.sqlite, as
// the server does), so that `access_log` reads as in the server's queries.
export function attachAccessLog(file) {
  return ['-cmd', `ATTACH '${file}.access.sqlite' AS access`];
}

// A function running one query on `server`'s database and returning its output, trimmed
// (columns separated by `|`, rows by newlines).
export function sqliteQuery(server) {
  const file = server.dbUrl.replace(/^sqlite:/, '');
  return (query) => execFileSync('sqlite3', ['-cmd', '.timeout 5000', ...attachAccessLog(file), file, query], { encoding: 'utf8' }).trim();
}
