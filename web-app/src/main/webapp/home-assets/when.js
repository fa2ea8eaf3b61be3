// Times as people read them: in their own time zone and language; and a zone's wall-clock date and
// time of an instant, for the schedule form.

import { language } from '/join-assets/messages.js';

/** The browser's IANA time zone. */
export const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "Monday, 7 December 2026, 10:00 – 10:30" in the reader's zone (and the meeting's, when different). */
export function span(start, end, meetingZone) {
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
  const text = `${day.format(new Date(start))} – ${time.format(new Date(end))}`;
  if (!meetingZone || meetingZone === ownZone) return text;
  const there = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: meetingZone });
  return `${text} (${there.format(new Date(start))} ${meetingZone})`;
}

/** The wall-clock date ("2026-12-07") and time ("10:00") of {@code instant} in {@code zone}. */
export function wallClock(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The wall-clock date-time {@code minutes} after {@code date}T{@code time} ("2026-12-07T10:30"). */
export function later(date, time, minutes) {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min) + minutes * 60000).toISOString().slice(0, 16);
}
