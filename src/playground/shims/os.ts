/** `node:os` in the browser: the page has no machine name, so makeresults annotate=true names the playground. */
export function hostname(): string {
  return 'playground';
}
