/**
 * The cron schedules of saved searches: five fields (minute, hour, day of month, month, day of
 * week) of numbers, `*`, ranges `a-b`, lists `a,b` and steps `/n`; Splunk's cron takes no month
 * or day names (savedsearches.conf, cron_schedule). As in Vixie cron, when both day fields are
 * restricted a day matching either runs.
 */
import { SpelunkError } from '../core/errors.js';

export interface CronSchedule {
  text: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

const FIELDS: readonly { name: string; min: number; max: number }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

function parseField(text: string, field: (typeof FIELDS)[number], cron: string): Set<number> {
  const values = new Set<number>();
  const bad = (): SpelunkError =>
    new SpelunkError('usage', `cron schedule '${cron}': cannot read the ${field.name} field '${text}' (numbers ${field.min}-${field.max}, *, a-b, a,b, /n).`);
  for (const part of text.split(',')) {
    const match = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw bad();
    const [, range, stepText] = match as unknown as [string, string, string | undefined];
    let low = field.min;
    let high = field.max;
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number) as [number, number | undefined];
      low = a;
      high = b ?? (stepText !== undefined ? field.max : a);
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (low < field.min || high > field.max || low > high || step < 1) throw bad();
    for (let value = low; value <= high; value += step) values.add(field.name === 'day of week' && value === 7 ? 0 : value);
  }
  return values;
}

export function parseCron(text: string): CronSchedule {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) throw new SpelunkError('usage', `cron schedule '${text}': expected 5 fields (minute hour day month weekday), found ${parts.length}.`);
  const [minutes, hours, days, months, weekdays] = parts.map((part, i) => parseField(part, FIELDS[i]!, text)) as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  return { text, minutes, hours, days, months, weekdays, daysRestricted: parts[2] !== '*', weekdaysRestricted: parts[4] !== '*' };
}

/** Whether the schedule runs at the minute starting at `epoch` (seconds, in UTC: hunt's scheduler clock). */
export function cronMatches(cron: CronSchedule, epoch: number): boolean {
  const date = new Date(epoch * 1000);
  if (!cron.minutes.has(date.getUTCMinutes()) || !cron.hours.has(date.getUTCHours()) || !cron.months.has(date.getUTCMonth() + 1)) return false;
  const day = cron.days.has(date.getUTCDate());
  const weekday = cron.weekdays.has(date.getUTCDay());
  if (cron.daysRestricted && cron.weekdaysRestricted) return day || weekday;
  return day && weekday;
}
