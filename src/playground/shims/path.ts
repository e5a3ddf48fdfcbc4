/** POSIX `node:path` for the playground's virtual files (all paths start at `/`). */
export const sep = '/';

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined.startsWith('/') ? normalize(joined) : normalize(joined).slice(1) || '.';
}

export function resolve(...parts: string[]): string {
  let path = '';
  for (const part of parts) path = part.startsWith('/') ? part : `${path}/${part}`;
  return normalize(path.startsWith('/') ? path : `/${path}`);
}

export function dirname(path: string): string {
  const cut = normalize(path).lastIndexOf('/');
  return cut <= 0 ? '/' : normalize(path).slice(0, cut);
}

export function basename(path: string, suffix?: string): string {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export const posix = { sep, join, resolve, dirname, basename, extname, relative, isAbsolute };
export default posix;
