import { describe, expect, it } from 'vitest';
import { fieldsRead } from '../../src/eval/dependencies.js';
import { parseEvalExpression } from '../../src/parse/eval-parser.js';

const read = (text: string): string[] | undefined => {
  const fields = fieldsRead(parseEvalExpression(text, 0).expr);
  return fields === undefined ? undefined : [...fields].sort();
};

describe('fieldsRead', () => {
  it('lists the fields an expression reads', () => {
    expect(read('len(process) > 5 AND like(process_name, "%.exe")')).toEqual(['process', 'process_name']);
    expect(read('if(substr(process_name, -4) == ".exe", 1, 0)')).toEqual(['process_name']);
    expect(read('x IN ("a", y)')).toEqual(['x', 'y']);
    expect(read('3')).toEqual([]);
  });

  it('gives up on functions that read more than their arguments', () => {
    expect(read('searchmatch("process=*cmd*")')).toBeUndefined();
    expect(read('time() - 5')).toBeUndefined();
  });
});
