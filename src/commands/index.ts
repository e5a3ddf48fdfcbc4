/**
 * The command registry. Adding a command is writing its file and listing it here.
 */
import type { CommandDefinition } from './types.js';
import convert from './convert.js';
import rename from './rename.js';
import search from './search.js';
import tstats from './tstats.js';

export const COMMANDS: readonly CommandDefinition[] = [convert, rename, search, tstats];

const byName = new Map<string, CommandDefinition>();
for (const command of COMMANDS) {
  byName.set(command.name, command);
  for (const alias of command.aliases ?? []) byName.set(alias, command);
}

export function findCommand(name: string): CommandDefinition | undefined {
  return byName.get(name.toLowerCase());
}
