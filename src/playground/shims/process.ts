/** The `process` global as the engine reads it in the browser: no environment, no streams. */
export const process = {
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
  argv: [] as string[],
  cwd: (): string => '/',
  memoryUsage: (): { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number } => ({
    rss: 0,
    heapUsed: 0,
    heapTotal: 0,
    external: 0,
    arrayBuffers: 0,
  }),
  stdin: undefined,
  stdout: undefined,
  stderr: undefined,
};
