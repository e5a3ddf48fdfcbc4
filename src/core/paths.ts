/** Locations inside the installed package, found the same way from `src/` (tests) and `dist/src/`. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** spelunk's npm name (`spelunk` itself belongs to an unrelated package); the command is still `spelunk`. */
export const PACKAGE_NAME = 'spelunk-spl';

let cachedRoot: string | undefined;

/** The folder holding spelunk's package.json. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const name = (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name;
      if (name === PACKAGE_NAME) return (cachedRoot = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('spelunk: cannot find its own package.json');
    dir = parent;
  }
}

function packagePath(...parts: string[]): string {
  return resolve(packageRoot(), ...parts);
}

/** Bundled macros, sample data and the W3WP example. */
export const bundled = {
  macros: (): string => packagePath('macros'),
  sampleData: (): string => packagePath('examples', 'data'),
  w3wpDetection: (): string => packagePath('examples', 'w3wp_spawning_shell.yml'),
  lookups: (): string => packagePath('lookups'),
};
