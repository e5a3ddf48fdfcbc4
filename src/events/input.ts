/** One input (a file) and the metadata overrides it was given (`--source`, `--sourcetype`, `--index`). */
export interface EventInput {
  name: string;
  source?: string | undefined;
  sourcetype?: string | undefined;
  index?: string | undefined;
  host?: string | undefined;
}
