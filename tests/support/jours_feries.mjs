// Prints the public holidays of @socialgouv/jours-feries for every year from FROM to TO, one per
// line: "YYYY-MM-DD<TAB>name", national days then "alsace" lines with Alsace-Moselle's. Used by
// tests/unit/orientation_calendar_test.cpp to check the C++ port against the package itself.
process.env.TZ = "UTC";  // the package builds local dates; UTC keeps addDays exact
import { createRequire } from "node:module";
const require = createRequire(new URL("../../web/package.json", import.meta.url));
const joursFeries = require("@socialgouv/jours-feries");
const [from, to] = process.argv.slice(2).map(Number);
const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const lines = [];
for (let year = from; year <= to; year++) {
  for (const alsace of [false, true]) {
    const days = joursFeries(year, { alsace });
    const sorted = Object.entries(days)
      .map(([name, date]) => [iso(date), name])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [day, name] of sorted) lines.push(`${alsace ? "alsace" : "france"}\t${day}\t${name}`);
  }
}
process.stdout.write(lines.join("\n") + "\n");
