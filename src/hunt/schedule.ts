/**
 * Scheduled-search simulation: the runs ES would make of a detection over the data's time span.
 * ESCU schedules every detection type with cron `0 * * * *`, `dispatch.earliest_time = -70m@m`
 * and `dispatch.latest_time = -10m@m` (security_content deployments/escu_default_configuration_*.yml);
 * a detection's own `deployment: scheduling:` overrides them. The ESCU template sets
 * `realtime_schedule = 0` (continuous scheduling: no run is skipped), so every cron time is a run.
 */
import type { Detection } from '../detections/detection.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { cronMatches, parseCron } from './cron.js';

export const ESCU_SCHEDULE = { cronSchedule: '0 * * * *', earliestTime: '-70m@m', latestTime: '-10m@m' } as const;

export interface ScheduleSpec {
  cronSchedule: string;
  earliestTime: string;
  latestTime: string;
}

export function scheduleOf(detection: Detection): ScheduleSpec {
  return {
    cronSchedule: detection.scheduling?.cronSchedule ?? ESCU_SCHEDULE.cronSchedule,
    earliestTime: detection.scheduling?.earliestTime ?? ESCU_SCHEDULE.earliestTime,
    latestTime: detection.scheduling?.latestTime ?? ESCU_SCHEDULE.latestTime,
  };
}

export interface ScheduledRun {
  /** When the search runs (its `now`), epoch seconds. */
  runTime: number;
  /** The window it searches: [earliest, latest). */
  earliest: number;
  latest: number;
}

/** The run at `runTime`, its window resolved from the schedule's modifiers in `tz`. */
export function runAt(spec: ScheduleSpec, runTime: number, tz: string): ScheduledRun {
  return {
    runTime,
    earliest: resolveTimeModifier(spec.earliestTime, runTime, tz),
    latest: resolveTimeModifier(spec.latestTime, runTime, tz, 'latest'),
  };
}

/** How far, at most, a run looks back or ahead of its run time: bounds the search for runs. */
const MAX_LOOKBACK_SECONDS = 40 * 24 * 3600;

/**
 * The runs whose window holds at least one of `times` (epoch seconds of the events the detection
 * reads), in run order. Runs with no event in their window would find nothing in those events,
 * so they are not made. Candidates are the cron minutes from each event time forward, until a
 * run's window starts after the event.
 */
export function runsCovering(spec: ScheduleSpec, times: Float64Array | readonly number[], tz: string): ScheduledRun[] {
  const cron = parseCron(spec.cronSchedule);
  const minutes = [...new Set(Array.from(times, (t) => Math.floor(t / 60) * 60))].sort((a, b) => a - b);
  const runs = new Map<number, ScheduledRun>();
  for (const minute of minutes) {
    // Every run whose window could hold an event of this minute: run times from the minute on,
    // until the window's start passes the minute's end.
    for (let runTime = minute; runTime <= minute + MAX_LOOKBACK_SECONDS; runTime += 60) {
      if (!cronMatches(cron, runTime)) continue;
      const known = runs.get(runTime);
      const run = known ?? runAt(spec, runTime, tz);
      if (run.earliest > minute + 59) break;
      if (run.latest > minute && !known) runs.set(runTime, run);
    }
  }
  return [...runs.values()].sort((a, b) => a.runTime - b.runTime);
}
