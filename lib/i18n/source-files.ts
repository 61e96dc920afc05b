import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The interface's source files under the given folders: .ts and .tsx, without tests and without route
 * handlers under app/api (their messages come from lib/ and are translated through the server catalogue).
 */
export function interfaceSourceFiles(roots: string[]): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      if (path.replace(/\\/g, "/").endsWith("app/api")) return;
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else if (/\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !path.endsWith(".d.ts")) {
      files.push(path);
    }
  };
  for (const root of roots) walk(root);
  return files;
}
