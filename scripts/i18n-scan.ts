/**
 * Lists user-visible text written into the interface's source instead of messages/ (see
 * lib/i18n/hardcoded-strings.ts). Usage: npx tsx scripts/i18n-scan.ts [folder or file …] (default: app).
 */
import { readFileSync } from "node:fs";
import { interfaceSourceFiles } from "../lib/i18n/source-files";
import { findHardcodedStrings } from "../lib/i18n/hardcoded-strings";

const roots = process.argv.slice(2);
const files = interfaceSourceFiles(roots.length > 0 ? roots : ["app"]);
let total = 0;
for (const file of files) {
  for (const finding of findHardcodedStrings(file, readFileSync(file, "utf8"))) {
    total++;
    console.log(`${finding.file}:${finding.line}  [${finding.rule}]  ${finding.text}`);
  }
}
console.log(`${total} hard-coded string${total === 1 ? "" : "s"} in ${files.length} files`);
process.exitCode = total > 0 ? 1 : 0;
