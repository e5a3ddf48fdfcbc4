/** `spelunk coverage`: which detections spelunk runs, and what it lacks for the others. */
export { collectSearches, type CoverageSearch } from './sources.js';
export { runCoverage, featureOf, type CoverageResult, type CoverageStatus } from './run.js';
export { summarize, finalLine, resultLine, formatTextReport, formatJsonReport, type CoverageSummary } from './report.js';
