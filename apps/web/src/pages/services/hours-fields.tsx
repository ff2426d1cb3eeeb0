import { Choice, TextField } from '../../components/fields';
import { DAY_NAMES, dayInput, Interval, parseDay, sameEveryDay, WEEKDAY_NUMBERS } from './schedule';

/** A channel's week as typed: one field for every day, or one a day. */
export interface ChannelHours {
  mode: 'same' | 'perDay';
  same: string;
  days: string[];
}

/** How a channel's hours are entered: one field for every day, or one a day. */
const MODES: ReadonlyArray<readonly [ChannelHours['mode'], string]> = [
  ['same', 'Elke dag dezelfde tijden'],
  ['perDay', 'Per dag andere tijden'],
];

/** The fields' text for a week of hours (a new channel: `[]`, closed; or every day the same). */
export function hoursInput(schedule: readonly Interval[], same = ''): ChannelHours {
  const start = schedule.length === 0 ? same : dayInput(schedule, 1);
  return {
    mode: sameEveryDay(schedule) ? 'same' : 'perDay',
    same: start,
    days: WEEKDAY_NUMBERS.map((day) => (schedule.length === 0 ? same : dayInput(schedule, day))),
  };
}

/** The id of a channel's hours field: `PHONE-elke-dag`, or `PHONE-1` (Monday) to `PHONE-7`. */
export const hoursFieldId = (kind: string, day?: number) => (day ? `${kind}-${day}` : `${kind}-elke-dag`);

/** A channel's week from the fields, or the Dutch messages by field id. */
export function weekOf(kind: string, hours: ChannelHours): { schedule: Interval[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const schedule: Interval[] = [];
  for (const day of WEEKDAY_NUMBERS) {
    const text = hours.mode === 'same' ? hours.same : hours.days[day - 1];
    const parsed = parseDay(text, day);
    const field = hoursFieldId(kind, hours.mode === 'same' ? undefined : day);
    if ('error' in parsed) errors[field] = parsed.error;
    else schedule.push(...parsed.intervals);
  }
  return { schedule, errors };
}

/**
 * A channel's weekly hours: "Elke dag dezelfde tijden" with one field, or "Per dag andere tijden" with
 * a field a day. Used wherever hours are entered (openingstijden wijzigen, dienst toevoegen).
 */
export function HoursFields({
  kind,
  label,
  hours,
  errors,
  onChange,
}: {
  kind: string;
  /** The channel's name: "Telefoon" labels "Telefoon: elke dag", "Telefoon: maandag". */
  label: string;
  hours: ChannelHours;
  errors: Record<string, string>;
  onChange: (change: Partial<ChannelHours>) => void;
}) {
  return (
    <>
      {MODES.map(([mode, words]) => (
        <div className="choice-field" key={mode}>
          <Choice
            type="radio"
            className="choice"
            name={`${kind}-mode`}
            checked={hours.mode === mode}
            onChange={() => onChange({ mode })}
          >
            {words}
          </Choice>
        </div>
      ))}
      {hours.mode === 'same' ? (
        <TextField
          id={hoursFieldId(kind)}
          label={`${label}: elke dag`}
          className="input-hours"
          error={errors[hoursFieldId(kind)]}
          value={hours.same}
          onChange={(same) => onChange({ same })}
        />
      ) : (
        <div className="hours-grid">
          {WEEKDAY_NUMBERS.map((day) => (
            <TextField
              key={day}
              id={hoursFieldId(kind, day)}
              label={`${label}: ${DAY_NAMES[day]}`}
              className="input-hours"
              error={errors[hoursFieldId(kind, day)]}
              value={hours.days[day - 1]}
              onChange={(text) => onChange({ days: hours.days.map((old, i) => (i === day - 1 ? text : old)) })}
            />
          ))}
        </div>
      )}
    </>
  );
}
