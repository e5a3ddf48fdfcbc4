/**
 * The mapping tables and the data models agree: every table fills a known dataset with fields
 * that dataset has, and `spelunk datamodel --fields` describes the CIM calculations that ingest
 * applies (CIM 8.5 Endpoint.json; notes spl_semantics.md §7).
 */
import { describe, expect, it } from 'vitest';
import { compileCalculations } from '../../src/datamodel/calculations.js';
import { compileMapper } from '../../src/datamodel/mapper.js';
import { MAPPING_TABLES } from '../../src/datamodel/mappings/index.js';
import { ALL_DATASETS, datasetByKey, emptyStore, storeFieldsOf } from '../../src/datamodel/models.js';
import { fieldsTable } from '../../src/datamodel/view.js';

describe('mapping tables', () => {
  for (const table of MAPPING_TABLES) {
    it(`${table.name} fills fields of ${table.dataset}`, () => {
      const entry = datasetByKey(table.dataset);
      expect(entry, `dataset ${table.dataset}`).toBeDefined();
      const fields = storeFieldsOf(entry!.dataset);
      for (const rule of table.rules) expect(fields, `${table.name} rule for ${rule.field}`).toContain(rule.field);
      expect(new Set(table.rules.map((rule) => rule.field)).size).toBe(table.rules.length);
      expect(table.required.length).toBeGreaterThan(0);
      expect(table.time.field).not.toBe('');
    });
  }

  it('names the table and the dataset when a rule names a field the dataset lacks', () => {
    const [table] = MAPPING_TABLES;
    const ports = datasetByKey('Endpoint.Ports')!.dataset;
    expect(() => compileMapper(table!, storeFieldsOf(ports), ports.calculations)).toThrow(
      `mapping table sysmon-eid1 names field 'dest', which Endpoint.Processes does not have`,
    );
  });

  it('names every dataset in the data models, each once', () => {
    expect(ALL_DATASETS.map((entry) => entry.key)).toContain('Endpoint.Processes');
    expect(new Set(ALL_DATASETS.map((entry) => entry.key)).size).toBe(ALL_DATASETS.length);
    for (const { dataset } of ALL_DATASETS) expect(() => compileCalculations(dataset.calculations, storeFieldsOf(dataset))).not.toThrow();
  });
});

describe('CIM calculations', () => {
  const sources = (field: string): string[] => {
    const row = fieldsTable(emptyStore()).rows.find((r) => r.get('field') === field);
    return (row?.get('source') as string[]).filter((text) => text.startsWith('CIM: '));
  };

  it('are described as the CIM writes them', () => {
    expect(sources('Processes.dest')).toEqual(['CIM: if(isnull(dest) OR dest="","unknown",dest)']);
    expect(sources('Processes.process_name')).toEqual(['CIM: case(process_name set, process_name, R1 on process, R2 on process, 1=1, "unknown")']);
    expect(sources('Processes.vendor_product')).toEqual(['CIM: case(isnotnull(vendor_product),vendor_product,...,isnotnull(sourcetype),sourcetype,1=1,"unknown")']);
    expect(sources('Processes.process_integrity_level')).toEqual(['CIM: base search: eval process_integrity_level=lower(process_integrity_level)']);
    expect(sources('Processes.os')).toEqual([]);
  });

  it('apply to a row as the mapper gives it: the parent name from the parent command line, unknown fills', () => {
    const fields = ['parent_process', 'parent_process_name', 'user'];
    const processes = datasetByKey('Endpoint.Processes')!.dataset;
    const calculate = compileCalculations(processes.calculations.filter((c) => fields.includes(c.field)), fields);
    const row: (string | null)[] = ['"C:\\Windows\\explorer.exe" /x', null, ''];
    calculate(row);
    expect(row).toEqual(['"C:\\Windows\\explorer.exe" /x', 'explorer.exe', 'unknown']);
  });
});
