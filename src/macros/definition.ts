/**
 * One search macro as the loaders read it and the library holds it.
 */

export interface MacroDefinition {
  name: string;
  arity: number;
  args: readonly string[];
  definition: string;
  isEval: boolean;
  validation?: string;
  errormsg?: string;
  description?: string;
  /** Where the definition came from: `macros/process_cmd.yml:1`, `/path/macros.conf:12`, `--macro`. */
  definedAt: string;
}

/** The conf stanza name of a macro: `name` without arguments, else `name(n)` (macros.conf.spec). */
export function stanzaName(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}
