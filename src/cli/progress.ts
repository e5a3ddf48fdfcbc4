/**
 * The ingest progress bar: on a terminal only, never on a pipe or with --quiet, and only once
 * ingest has run for a second, so quick runs stay quiet.
 */
import type { IngestProgress } from '../ingest/index.js';

export interface ProgressBar {
  update(progress: IngestProgress): void;
  done(): void;
}

const SILENT: ProgressBar = { update: () => undefined, done: () => undefined };

export function progressBar(enabled: boolean): ProgressBar {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const started = Date.now();
  let drawn = false;
  return {
    update(progress) {
      const elapsed = (Date.now() - started) / 1000;
      if (elapsed < 1) return;
      const fraction = progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const rate = Math.round(progress.events / elapsed);
      const megabytes = (progress.bytesRead / 1e6).toFixed(1);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0)}% ${megabytes} MB, ` +
          `${progress.events} events, ${rate} ev/s `,
      );
      drawn = true;
    },
    done() {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}
