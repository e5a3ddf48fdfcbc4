/** Macro sources: security_content YAML, macros.conf, --macro, and their layering. */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { expandMacros } from '../../src/macros/expand.js';
import { MacroLibrary } from '../../src/macros/library.js';
import { spelunkErrorOf } from '../helpers/errors.js';

/** The fixtures folder as a path relative to the working directory, as a user would type it. */
const FIXTURES = relative(process.cwd(), resolve(fileURLToPath(import.meta.url), '../fixtures'));

const loadError = spelunkErrorOf;

describe('bundled macros', () => {
  const library = MacroLibrary.bundled();

  it('holds the 189 security_content macros and the two CIM macros', () => {
    expect(library.size).toBe(191);
  });

  it('reads security_content YAML verbatim, arguments giving the arity (SC macros/*.yml)', () => {
    const ctime = library.lookup('security_content_ctime', 1);
    // macros/security_content_ctime.yml: arguments [field], definition on line 3.
    expect(ctime?.args).toEqual(['field']);
    expect(ctime?.definition).toBe('convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)');
    expect(ctime?.definedAt).toBe('macros/security_content/security_content_ctime.yml:3');
    expect(library.lookup('security_content_ctime', 0)).toBeUndefined();
  });

  it('reads the multi-line base64decode.yml as PyYAML does (continuation lines folded to spaces)', () => {
    const macro = library.lookup('base64decode', 1);
    expect(macro?.definition.startsWith('eval b64x_split=split($b64in$,"") | lookup char_conversion_matrix')).toBe(true);
    expect(macro?.definition.endsWith('| rex field=$b64in$_decode mode=sed "s/\\x00//g"')).toBe(true);
  });

  it('defines the CIM macros drop_dm_object_name(1) and add_dm_object_name(1) (Splunk_SA_CIM macros.conf)', () => {
    expect(expandMacros('| `drop_dm_object_name(Processes)`', library).text).toBe('| rename "Processes.*" as *');
    expect(expandMacros('| `add_dm_object_name(Processes)`', library).text).toBe('| rename * as "Processes.*"');
  });
});

describe('macros.conf', () => {
  const library = MacroLibrary.empty();
  library.loadPath(`${FIXTURES}/macros.conf`);

  it('reads [name(n)] stanzas with args, and keeps the newline of a backslash continuation', () => {
    const range = library.lookup('range', 2);
    expect(range?.args).toEqual(['low', 'high']);
    expect(range?.definition).toBe('where x >= $low$ AND x <= \n  $high$');
    expect(range?.definedAt).toBe(`${FIXTURES}/macros.conf:4`);
    expect(expandMacros('`range(1,9)`', library).text).toBe('where x >= 1 AND x <= \n  9');
  });

  it('overloads by arity (macros.conf.spec: [foobar], [foobar(1)], [foobar(2)] are different macros)', () => {
    expect(expandMacros('`range` `range(3)`', library).text).toBe('where isnotnull(x) where x >= 3');
  });

  it('reads iseval, validation and errormsg, and skips disabled stanzas', () => {
    expect(library.lookup('fooeval', 2)?.isEval).toBe(true);
    expect(library.lookup('checked', 1)?.validation).toBe('isnum($n$)');
    expect(library.lookup('checked', 1)?.errormsg).toBe('n must be a number');
    expect(library.lookup('old_macro', 0)).toBeUndefined();
  });

  it('rejects an args list whose length differs from the stanza arity (MACRODEF_ARG_NUM)', () => {
    const error = loadError(() => MacroLibrary.empty().loadPath(`${FIXTURES}/broken-argcount.conf`));
    expect(error.message).toBe(
      `${FIXTURES}/broken-argcount.conf:2: The argument list for macro 'twice(2)' is invalid. Expected 2 elements.`,
    );
  });

  it('rejects a stanza without definition (MACRODEF_NOT_FOUND_ARGS)', () => {
    const error = loadError(() => MacroLibrary.empty().loadPath(`${FIXTURES}/broken-nodef.conf`));
    expect(error.message).toBe(
      `${FIXTURES}/broken-nodef.conf:3: Unable to find a definition for macro 'nodef'. It is expected in the 'definition' conf key.`,
    );
  });

  it('rejects repeated argument names (MACRODEF_REPEAT_ARG) and a missing args key (MACRODEF_NO_ARG_LIST)', () => {
    expect(loadError(() => MacroLibrary.empty().loadPath(`${FIXTURES}/broken-repeat.conf`)).message).toBe(
      `${FIXTURES}/broken-repeat.conf:2: The argument list for macro 'rep(2)' is invalid. It contains repeated names.`,
    );
    expect(loadError(() => MacroLibrary.empty().loadPath(`${FIXTURES}/broken-noargs.conf`)).message).toBe(
      `${FIXTURES}/broken-noargs.conf:1: The argument list for macro 'noargs(1)' is missing. It is expected in the 'args' conf key.`,
    );
  });
});

describe('macro YAML errors', () => {
  it('names the file and line of invalid YAML', () => {
    const error = loadError(() => MacroLibrary.empty().loadPath(`${FIXTURES}/broken.yml`));
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(/broken\.yml:[23]: invalid YAML: Missing closing "quote/);
  });

  it('rejects an invalid macro name', () => {
    const error = loadError(() => MacroLibrary.empty().loadPath(`${FIXTURES}/broken-name.yml`));
    expect(error.message).toContain("broken-name.yml:1: The name 'bad name' is invalid.");
  });

  it('a missing source is a usage error', () => {
    expect(loadError(() => MacroLibrary.empty().loadPath(`${FIXTURES}/nope.conf`)).kind).toBe('usage');
  });
});

describe('--macro inline definitions', () => {
  it('NAME=DEFINITION defines a macro without arguments; NAME(a,b)=... one with two', () => {
    const library = MacroLibrary.empty();
    library.defineInline('my_filter=search user!=SYSTEM');
    library.defineInline('span2(field,width)=bin $field$ span=$width$');
    expect(library.lookup('my_filter', 0)?.definition).toBe('search user!=SYSTEM');
    expect(library.lookup('span2', 2)?.args).toEqual(['field', 'width']);
    expect(expandMacros('`span2(_time, 1h)`', library).text).toBe('bin _time span=1h');
  });

  it('keeps "=" inside the definition', () => {
    const library = MacroLibrary.empty();
    library.defineInline('f=where a=b');
    expect(library.lookup('f', 0)?.definition).toBe('where a=b');
  });

  it('rejects malformed specs as usage errors', () => {
    for (const spec of ['no_equals', 'bad name=x', 'f(a,a)=x', 'f(a=x', 'f(a)x=y']) {
      const error = loadError(() => MacroLibrary.empty().defineInline(spec));
      expect(error.kind).toBe('usage');
      expect(error.message).toContain('--macro');
    }
  });
});

describe('layering: bundled < --macros in order < --macro', () => {
  it('a later source replaces the same stanza; an app folder loads default/ before local/', () => {
    const library = MacroLibrary.bundled();
    const search = '| `w3wp_spawning_shell_filter` | `shells`';
    library.loadPath(`${FIXTURES}/conf-app/default/macros.conf`);
    expect(expandMacros(search, library).text).toBe(
      '| search user!=SYSTEM | (process_name=cmd.exe OR process_name=powershell.exe)',
    );
    library.loadPath(`${FIXTURES}/conf-app`);
    expect(expandMacros(search, library).text).toContain('| search user!="NT AUTHORITY\\\\SYSTEM" |');
    library.defineInline('w3wp_spawning_shell_filter=search *');
    expect(expandMacros(search, library).text).toBe(
      '| search * | (process_name=cmd.exe OR process_name=powershell.exe)',
    );
    expect(library.lookup('w3wp_spawning_shell_filter', 0)?.definedAt).toBe('--macro');
  });

  it('a user macro overrides a bundled one of the same stanza only', () => {
    const library = MacroLibrary.bundled();
    library.defineInline('security_content_ctime(field)=eval $field$=strftime($field$, "%F")');
    expect(expandMacros('`security_content_ctime(t)`', library).text).toBe('eval t=strftime(t, "%F")');
    expect(library.lookup('process_cmd', 0)?.definedAt).toBe('macros/security_content/process_cmd.yml:1');
  });
});
