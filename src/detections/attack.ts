/** ATT&CK lookups over attack-data.ts: a technique's name and tactics, a tactic's id and name. */
import { ATTACK_TACTICS, ATTACK_TECHNIQUES } from './attack-data.js';

export interface Tactic {
  id: string;
  shortname: string;
  name: string;
}

export const TACTICS: readonly Tactic[] = ATTACK_TACTICS.map(([id, shortname, name]) => ({ id, shortname, name }));

const BY_SHORTNAME = new Map(TACTICS.map((tactic) => [tactic.shortname, tactic]));

export function techniqueName(id: string): string | undefined {
  return ATTACK_TECHNIQUES[id.toUpperCase()]?.[0];
}

/** The tactics of a technique (a sub-technique's own), in matrix order; [] for an unknown id. */
export function tacticsOf(id: string): Tactic[] {
  const entry = ATTACK_TECHNIQUES[id.toUpperCase()];
  if (!entry) return [];
  return TACTICS.filter((tactic) => entry[1].includes(tactic.shortname));
}

export function tacticByShortname(shortname: string): Tactic | undefined {
  return BY_SHORTNAME.get(shortname);
}
