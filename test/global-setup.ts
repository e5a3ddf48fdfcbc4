/** Says once, before the tests, when the real logs in ../shared are missing and why tests skip. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export default function setup(): void {
  const shared = resolve(import.meta.dirname, '../../shared');
  if (!existsSync(shared)) {
    process.stdout.write(
      `note: ${shared} is absent, so the tests over real logs, security_content and the peer corpora ` +
        'are skipped (they need the GPL-licensed data and the references that stay outside the repository).\n',
    );
  }
}
