/**
 * Splunk's rules for macro and argument names, and the texts of its macro errors, verbatim from
 * messages.conf (Splunk Enterprise 8.2.12; see docs/semantics.md).
 */

/** "Macro and argument names might only include alphanumerics, '_' and '-'." (messages.conf) */
const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

export function isValidMacroName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** Shown before every macro error, as Splunk's search parser does. */
export const PARSER_PREFIX = "Error in 'SearchParser': ";

export const messages = {
  notFound: (name: string): string =>
    `The search specifies a macro '${name}' that cannot be found. Reasons include: the macro name is misspelled, ` +
    `you do not have "read" permission for the macro, or the macro has not been shared with this application. ` +
    `Click Settings, Advanced search, Search Macros to view macro information.`,
  missingCloseTick: (): string => 'Missing a closing tick mark for macro expansion.',
  emptyExpression: (): string => 'You must provide a macro expression.',
  noClosingParen: (expression: string): string =>
    `The macro expression '${expression}' is invalid. Expected closing ')'.`,
  partlyNamed: (expression: string): string =>
    `The macro expression '${expression}' is invalid. All arguments must be named or none can be named.`,
  invalidName: (name: string): string => invalidNameMessage(name),
  argumentMismatch: (expression: string): string =>
    `The macro expression '${expression}' is invalid. The argument list does not match the definition.`,
  wrongArgumentCount: (stanza: string, expected: number): string =>
    `The argument list for macro '${stanza}' is invalid. Expected ${expected} elements.`,
  noArgumentList: (stanza: string): string =>
    `The argument list for macro '${stanza}' is missing. It is expected in the 'args' conf key.`,
  noDefinition: (stanza: string): string =>
    `Unable to find a definition for macro '${stanza}'. It is expected in the 'definition' conf key.`,
  repeatedArgument: (stanza: string): string =>
    `The argument list for macro '${stanza}' is invalid. It contains repeated names.`,
  evalNotString: (stanza: string): string =>
    `The definition of macro '${stanza}' is expected to be an eval expression that returns a string.`,
  maxDepth: (depth: number): string =>
    `Reached maximum recursion depth (${depth}) while expanding macros. Check for infinitely recursive macro definitions.`,
  validationFailed: (stanza: string, why: string): string =>
    `Encountered the following error while validating macro '${stanza}': ${why}.`,
  validationInvalid: (expression: string): string => `The validation expression is invalid: '${expression}'.`,
  commentNotClosed: (): string => 'Missing comment closing tickmarks.',
  mismatchedParens: (argument: string): string =>
    `Macro argument expression '${argument}' has mismatched parens.`,
};

export function invalidNameMessage(name: string): string {
  return `The name '${name}' is invalid. Macro and argument names might only include alphanumerics, '_' and '-'.`;
}

/** Splunk's check of an `args` list: valid names, no repeats. Returns the error text, if any. */
export function checkArgumentNames(stanza: string, args: readonly string[]): string | undefined {
  for (const arg of args) if (!isValidMacroName(arg)) return invalidNameMessage(arg);
  if (new Set(args).size !== args.length) return messages.repeatedArgument(stanza);
  return undefined;
}
