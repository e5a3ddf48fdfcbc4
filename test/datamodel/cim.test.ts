/**
 * CIM 8.5 Processes calculations (Endpoint.json; notes spl_semantics.md §7, ta_mappings.md §5)
 * and the add-on transforms, on values from the shared logs and the notes' Python checks.
 */
import { describe, expect, it } from 'vitest';
import { cimProcessName } from '../../src/datamodel/calculations.js';
import { DATA_MODELS, emptyStore } from '../../src/datamodel/models.js';
import { TRANSFORMS } from '../../src/datamodel/transforms.js';

describe('CIM process_name rule', () => {
  it('keeps a name the add-on set', () => {
    expect(cimProcessName('cmd.exe', '"C:\\x\\other.exe"')).toBe('cmd.exe');
  });
  it('takes the last path segment inside a leading quoted path, even across arguments (ta_mappings §5)', () => {
    expect(cimProcessName(null, '"C:\\Windows\\system32\\cmd.exe" /c "C:\\foo\\bar.bat"')).toBe('bar.bat');
  });
  it('takes the first token after an optional path', () => {
    expect(cimProcessName('', 'C:\\Windows\\System32\\cmd.exe /c whoami')).toBe('cmd.exe');
    expect(cimProcessName(null, 'unknown')).toBe('unknown'); // process already filled with unknown
  });
});

describe('add-on transforms', () => {
  it('Sysmon image name: folder removed (ta_mappings §2b, checked with Python there)', () => {
    const name = TRANSFORMS.sysmon_image_name(['C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunk-regmon.exe'], undefined);
    expect(name).toBe('splunk-regmon.exe');
  });
  it('4688 process: NewProcessName quoted when it has a space, plus arguments (WIN840 EVAL-process)', () => {
    const process = TRANSFORMS.windows_4688_process(['tool.exe --x', 'C:\\Program Files\\tool.exe'], undefined);
    expect(process).toBe('"C:\\Program Files\\tool.exe" --x');
  });
  it('4688 user: TargetUserName unless "-", else SubjectUserName', () => {
    expect(TRANSFORMS.windows_4688_user(['-', 'AR-WIN-1$'], undefined)).toBe('AR-WIN-1$');
    expect(TRANSFORMS.windows_4688_user(['alice', 'AR-WIN-1$'], undefined)).toBe('alice');
  });
});

describe('DATA_MODELS', () => {
  it('lists the Endpoint root datasets in the CIM JSON order', () => {
    expect(DATA_MODELS.find((m) => m.name === 'Endpoint')!.rootDatasets.map((d) => d.name)).toEqual([
      'Ports',
      'Processes',
      'Services',
      'Filesystem',
      'Registry',
    ]);
    expect(emptyStore().rowCount).toBe(0);
  });
});
