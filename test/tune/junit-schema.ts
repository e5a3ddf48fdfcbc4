/**
 * A strict reader for the JUnit XML spelunk writes, and the checks of Jenkins' JUnit schema
 * (jenkinsci/xunit-plugin, src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd,
 * commit 031e285ef3b60dee7aaf36e9096d7dcd95ffae83): which elements may hold which, and which
 * attributes each may or must have. Written for the tests; no XML library is a dependency.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    const value = ENTITIES[body];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

/** Parses a document of elements, attributes and text (no DTD, no CDATA: spelunk writes neither). */
export function parseXml(source: string): XmlElement {
  let at = 0;
  const declaration = /^<\?xml [^?]*\?>\s*/.exec(source);
  if (!declaration) throw new Error('no XML declaration');
  at = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < source.length) {
    if (source.startsWith('</', at)) {
      const close = /^<\/([\w-]+)\s*>/.exec(source.slice(at));
      if (!close) throw new Error(`bad end tag at ${at}`);
      const open = stack.pop();
      if (!open || open.name !== close[1]) throw new Error(`</${close[1]}> does not close <${open?.name}>`);
      at += close[0].length;
    } else if (source[at] === '<') {
      const tag = /^<([\w-]+)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/.exec(source.slice(at));
      if (!tag) throw new Error(`bad start tag at ${at}: ${source.slice(at, at + 40)}`);
      const attributes: Record<string, string> = {};
      for (const match of tag[2]!.matchAll(/([\w-]+)="([^"]*)"/g)) {
        if (match[1]! in attributes) throw new Error(`attribute ${match[1]} twice`);
        attributes[match[1]!] = decode(match[2]!);
      }
      const element: XmlElement = { name: tag[1]!, attributes, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) throw new Error('two root elements');
      else root = element;
      if (tag[3] !== '/') stack.push(element);
      at += tag[0].length;
    } else {
      const next = source.indexOf('<', at);
      const end = next < 0 ? source.length : next;
      const text = source.slice(at, end);
      if (stack.length === 0) {
        if (text.trim() !== '') throw new Error('text outside the root element');
      } else stack[stack.length - 1]!.text += decode(text);
      at = end;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

interface ElementRule {
  required: string[];
  optional: string[];
  children: string[];
}

/** junit-10.xsd, element by element. */
const RULES: Record<string, ElementRule> = {
  testsuites: { required: [], optional: ['name', 'time', 'tests', 'failures', 'errors'], children: ['testsuite'] },
  testsuite: {
    required: ['name', 'tests', 'failures', 'errors'],
    optional: ['group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  testcase: {
    required: ['name'],
    optional: ['time', 'classname', 'group'],
    children: ['skipped', 'error', 'failure', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'system-out', 'system-err'],
  },
  failure: { required: [], optional: ['type', 'message'], children: [] },
  error: { required: [], optional: ['type', 'message'], children: [] },
  skipped: { required: [], optional: ['type', 'message'], children: [] },
  properties: { required: [], optional: [], children: ['property'] },
  property: { required: ['name', 'value'], optional: [], children: [] },
  'system-out': { required: [], optional: [], children: [] },
  'system-err': { required: [], optional: [], children: [] },
};

/** The schema's SUREFIRE_TIME pattern. */
const SUREFIRE_TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;

/** Every way `root` breaks the schema (empty when it validates). */
export function schemaProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'testsuites' && root.name !== 'testsuite') problems.push(`root element <${root.name}>`);
  const visit = (element: XmlElement): void => {
    const rule = RULES[element.name];
    if (!rule) {
      problems.push(`unknown element <${element.name}>`);
      return;
    }
    for (const name of rule.required) if (!(name in element.attributes)) problems.push(`<${element.name}> lacks ${name}`);
    for (const name of Object.keys(element.attributes)) {
      if (!rule.required.includes(name) && !rule.optional.includes(name)) problems.push(`<${element.name}> may not have ${name}`);
    }
    const time = element.attributes['time'];
    if ((element.name === 'testsuite' || element.name === 'testsuites') && time !== undefined && !SUREFIRE_TIME.test(time)) {
      problems.push(`<${element.name}> time="${time}" is not a SUREFIRE_TIME`);
    }
    for (const child of element.children) {
      if (!rule.children.includes(child.name)) problems.push(`<${element.name}> may not hold <${child.name}>`);
      visit(child);
    }
  };
  visit(root);
  return problems;
}
