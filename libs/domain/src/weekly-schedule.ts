/** ISO weekdays: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening hours on one weekday, local time (Europe/Amsterdam); `to` may be `24:00`. */
export interface WeeklyInterval {
  weekday: Weekday;
  from: string;
  to: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Why a weekly schedule is invalid; empty when it is fine. */
export function scheduleProblems(intervals: readonly WeeklyInterval[]): string[] {
  const problems: string[] = [];
  intervals.forEach((interval, i) => {
    if (!Number.isInteger(interval.weekday) || interval.weekday < 1 || interval.weekday > 7)
      problems.push(`interval ${i + 1}: weekday must be 1 (Monday) to 7 (Sunday)`);
    if (!TIME.test(interval.from) || interval.from === '24:00')
      problems.push(`interval ${i + 1}: from must be a time HH:MM`);
    if (!TIME.test(interval.to)) problems.push(`interval ${i + 1}: to must be a time HH:MM (or 24:00)`);
    if (TIME.test(interval.from) && TIME.test(interval.to) && minutesOf(interval.to) <= minutesOf(interval.from)) {
      problems.push(
        `interval ${i + 1}: to (${interval.to}) must be after from (${interval.from}); split intervals that pass midnight`,
      );
    }
  });
  return problems;
}

/** Every day of the week, all day. */
export const ALWAYS: WeeklyInterval[] = ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((weekday) => ({
  weekday,
  from: '00:00',
  to: '24:00',
}));

export function daily(from: string, to: string): WeeklyInterval[] {
  return ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((weekday) => ({ weekday, from, to }));
}
