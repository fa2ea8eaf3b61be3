// Scheduling a meeting: title, agenda, start in the person's time zone, duration, invitees picked
// from the directory as one types (or any e-mail address), passcode, waiting room, guests. Who is
// busy then is shown before saving, with the free slots Convene suggests; the API's field messages
// appear under their fields, and nothing is saved until the API accepts it all.

import { button, el } from '/join-assets/dom.js';
import { session } from '/join-assets/sign-in.js';
import { api, go, status } from './home.js';
import { later, ownZone, span, wallClock } from './when.js';
import { t } from './words.js';

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function scheduleScreen(root) {
  meetingForm(root, null);
}

/** Editing a meeting: the same form with its values; for one of a series, this meeting or the whole series. */
export async function editScreen(root, { id }) {
  try {
    meetingForm(root, await api('GET', `/api/meetings/${encodeURIComponent(id)}/details`));
  } catch (e) {
    root.replaceChildren(el('h1', {}, t('meeting.not-found')), el('p', { className: 'problem' }, e.message));
  }
}

function meetingForm(root, meeting) {
  const invitees = new Map(); // e-mail -> name shown: the people added here
  const already = meeting ? meeting.participants.filter((p) => p.invitedAt && p.role !== 'HOST').map((p) => p.email) : [];
  const zoneNow = meeting ? meeting.timeZone : ownZone;
  const next = meeting ? wallClock(meeting.start, zoneNow) : wallClock(Date.now() + 60 * 60 * 1000, ownZone);
  const f = {
    title: el('input', { id: 'title', maxlength: '200', autocomplete: 'off', 'aria-describedby': 'title-error' }),
    agenda: el('textarea', { id: 'agenda', maxlength: '10000', 'aria-describedby': 'agenda-error' }),
    date: el('input', { id: 'date', type: 'date', value: next.date, 'aria-describedby': 'start-error' }),
    time: el('input', { id: 'time', type: 'time', value: meeting ? next.time : next.time.slice(0, 3) + '00', 'aria-describedby': 'start-error' }),
    duration: el('select', { id: 'duration', 'aria-describedby': 'end-error' },
      ...DURATIONS.map((d) => el('option', { value: String(d) }, t('schedule.minutes', { count: d })))),
    zone: zoneSelect(zoneNow),
    repeats: el('select', { id: 'repeats', 'aria-describedby': 'recurrence-error' },
      ...['', 'DAILY', 'WEEKLY', 'MONTHLY'].map((r) => el('option', { value: r }, t('repeats.' + (r || 'NONE'))))),
    days: el('fieldset', { id: 'repeat-days', hidden: true }, el('legend', {}, t('repeats.on')),
      ...DAYS.map((d) => el('label', { className: 'check' }, el('input', { type: 'checkbox', value: d, id: 'day-' + d.toLowerCase() }), t('day.' + d)))),
    ends: el('div', { id: 'repeat-ends', hidden: true },
      el('label', { className: 'check' }, el('input', { type: 'radio', name: 'ends', id: 'ends-count', value: 'count', checked: '' }), t('repeats.times')),
      el('input', { id: 'repeat-count', type: 'number', min: '2', max: '100', value: '10', 'aria-label': t('repeats.count') }),
      el('label', { className: 'check' }, el('input', { type: 'radio', name: 'ends', id: 'ends-until', value: 'until' }), t('repeats.until')),
      el('input', { id: 'repeat-until', type: 'date', 'aria-label': t('repeats.until-date') })),
    scope: el('fieldset', { id: 'scope', hidden: !(meeting && meeting.series) }, el('legend', {}, t('scope.which')),
      el('label', { className: 'check' }, el('input', { type: 'radio', name: 'scope', id: 'scope-occurrence', value: 'occurrence', checked: '' }), t('scope.occurrence')),
      el('label', { className: 'check' }, el('input', { type: 'radio', name: 'scope', id: 'scope-series', value: 'series' }), t('scope.series'))),
    search: el('input', {
      id: 'invitee-search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': 'invitee-options', autocomplete: 'off', 'aria-describedby': 'invitees-error',
    }),
    options: el('ul', { id: 'invitee-options', role: 'listbox', hidden: true, 'aria-label': t('schedule.people-found') }),
    chips: el('ul', { id: 'invitees', className: 'chips', 'aria-label': t('schedule.invited') }),
    passcode: el('input', { id: 'passcode', maxlength: '32', autocomplete: 'off', 'aria-describedby': 'passcode-error' }),
    waitingRoom: el('input', { id: 'waiting-room', type: 'checkbox' }),
    allowGuests: el('input', { id: 'allow-guests', type: 'checkbox' }),
    recordOnStart: el('input', { id: 'record-on-start', type: 'checkbox' }),
    webinar: el('input', { id: 'webinar', type: 'checkbox' }),
    availability: el('div', { id: 'availability', className: 'availability', role: 'status', 'aria-live': 'polite' }),
    problem: el('p', { id: 'form-problem', className: 'problem', role: 'alert' }),
  };
  const minutes = meeting ? Math.round((new Date(meeting.end) - new Date(meeting.start)) / 60000) : 30;
  if (!DURATIONS.includes(minutes)) f.duration.prepend(el('option', { value: String(minutes) }, t('schedule.minutes', { count: minutes })));
  f.duration.value = String(minutes);
  if (meeting) {
    f.title.value = meeting.title;
    f.agenda.value = meeting.agenda || '';
    f.waitingRoom.checked = meeting.waitingRoom;
    f.allowGuests.checked = meeting.allowGuests;
    f.recordOnStart.checked = meeting.recordOnStart;
    f.webinar.checked = meeting.settings.webinar;
  }
  const showRepeats = () => {
    f.days.hidden = f.repeats.value !== 'WEEKLY';
    f.ends.hidden = !f.repeats.value;
    if (f.repeats.value === 'WEEKLY' && !f.days.querySelector('input:checked') && f.date.value) {
      const day = DAYS[(new Date(f.date.value + 'T00:00Z').getUTCDay() + 6) % 7];
      f.days.querySelector(`[value="${day}"]`).checked = true;
    }
  };
  f.repeats.addEventListener('change', showRepeats);
  const error = (name) => el('p', { id: name + '-error', className: 'field-error' });
  const form = el('form', { id: 'schedule-form', novalidate: '' },
    el('label', { for: 'title' }, t('schedule.title')), f.title, error('title'),
    el('label', { for: 'agenda' }, t('schedule.agenda')), f.agenda, error('agenda'),
    el('div', { className: 'columns' },
      el('div', {}, el('label', { for: 'date' }, t('schedule.date')), f.date),
      el('div', {}, el('label', { for: 'time' }, t('schedule.time')), f.time),
      el('div', {}, el('label', { for: 'duration' }, t('schedule.duration')), f.duration, error('end')),
      el('div', {}, el('label', { for: 'time-zone' }, t('schedule.time-zone')), f.zone, error('timeZone'))),
    error('start'),
    ...(meeting ? [f.scope] : [el('label', { for: 'repeats' }, t('repeats.label')), f.repeats, f.days, f.ends, error('recurrence')]),
    ...(already.length ? [el('p', { id: 'already-invited' }, t('schedule.already', { people: already.join(', ') }))] : []),
    el('label', { for: 'invitee-search' }, t('schedule.invitees')),
    el('div', { className: 'combo' }, f.search, f.options), error('invitees'), f.chips,
    f.availability,
    el('label', { for: 'passcode' }, t('schedule.passcode')), f.passcode, error('passcode'),
    el('label', { className: 'check' }, f.waitingRoom, t('schedule.waiting-room')),
    el('label', { className: 'check' }, f.allowGuests, t('schedule.allow-guests')),
    el('label', { className: 'check' }, f.recordOnStart, t('schedule.record-on-start')),
    el('label', { className: 'check' }, f.webinar, t('schedule.webinar')),
    f.problem,
    el('div', { className: 'row' }, el('button', { type: 'submit', id: 'schedule-save' }, t(meeting ? 'edit.save' : 'schedule.save'))));
  root.append(el('h1', {}, meeting ? t('edit.heading', { title: meeting.title }) : t('schedule.heading')), form);

  const errors = () => form.querySelectorAll('.field-error');
  const clearErrors = () => { errors().forEach((e) => { e.textContent = ''; }); f.problem.textContent = ''; };
  const TIME_FIELDS = ['start', 'end', 'timeZone'];
  const showErrors = (problem) => {
    for (const { field, message } of problem.errors || []) {
      const spot = form.querySelector(`#${CSS.escape(field.split(/[.[]/)[0])}-error`) || f.problem;
      spot.textContent = spot.textContent ? `${spot.textContent}; ${message}` : message;
    }
    if (!(problem.errors || []).length && (problem.detail || problem.title)) f.problem.textContent = problem.detail || problem.title;
  };
  const times = () => ({
    start: `${f.date.value}T${f.time.value}`,
    end: f.date.value && f.time.value ? later(f.date.value, f.time.value, Number(f.duration.value)) : '',
    timeZone: f.zone.value,
  });

  // ---------- invitees: the directory as one types, or any address ----------
  let found = [];
  let active = -1;
  const choose = (person) => {
    if (person.email !== session.claims.email && !already.includes(person.email)) invitees.set(person.email, person.name || person.email);
    f.search.value = '';
    closeOptions();
    drawChips();
    checkSoon();
  };
  const closeOptions = () => {
    found = [];
    active = -1;
    f.options.hidden = true;
    f.search.setAttribute('aria-expanded', 'false');
    f.search.removeAttribute('aria-activedescendant');
  };
  const drawOptions = () => {
    f.options.replaceChildren(...found.map((p, i) => {
      const o = el('li', { role: 'option', id: 'invitee-option-' + i, 'aria-selected': String(i === active) }, `${p.name} — ${p.email}`);
      o.addEventListener('mousedown', (e) => { e.preventDefault(); choose(p); });
      return o;
    }));
    f.options.hidden = !found.length;
    f.search.setAttribute('aria-expanded', String(found.length > 0));
    if (active >= 0) f.search.setAttribute('aria-activedescendant', 'invitee-option-' + active);
  };
  const drawChips = () => {
    f.chips.replaceChildren(...[...invitees].map(([email, name]) => el('li', { 'data-email': email },
      name === email ? email : `${name} (${email})`,
      button('×', () => { invitees.delete(email); drawChips(); checkSoon(); }, { 'aria-label': t('schedule.uninvite', { name }) }))));
  };
  let searching;
  f.search.addEventListener('input', () => {
    clearTimeout(searching);
    const q = f.search.value.trim();
    if (q.length < 2) return closeOptions();
    searching = setTimeout(async () => {
      try {
        const hits = await api('GET', `/api/search/users?limit=8&q=${encodeURIComponent(q)}`);
        if (f.search.value.trim() !== q) return; // typed on meanwhile
        found = hits.filter((p) => p.active && p.email !== session.claims.email && !invitees.has(p.email));
        active = found.length ? 0 : -1;
        drawOptions();
      } catch (e) {
        closeOptions();
      }
    }, 200);
  });
  f.search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!found.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
      drawOptions();
    } else if (e.key === 'Escape') {
      closeOptions();
    } else if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      const typed = f.search.value.trim().replace(/,$/, '');
      form.querySelector('#invitees-error').textContent = '';
      if (active >= 0 && found[active]) choose(found[active]);
      else if (EMAIL.test(typed)) choose({ email: typed.toLowerCase(), name: typed.toLowerCase() });
      else if (typed) form.querySelector('#invitees-error').textContent = t('schedule.not-an-address', { typed });
    }
  });
  f.search.addEventListener('blur', closeOptions);

  // ---------- who is busy then, asked as the time or the invitees change ----------
  let checking;
  const checkSoon = () => { clearTimeout(checking); checking = setTimeout(check, 400); };
  const check = async () => {
    const when = times();
    if (!f.date.value || !f.time.value) return;
    try {
      const a = await api('POST', '/api/meetings/availability', { ...when, invitees: [...already, ...invitees.keys()], except: meeting ? meeting.id : undefined });
      TIME_FIELDS.forEach((name) => { form.querySelector(`#${name}-error`).textContent = ''; });
      drawAvailability(a.busy, a.suggestions);
    } catch (e) {
      f.availability.replaceChildren();
      f.availability.className = 'availability';
      if (e.status !== 400) return;
      // only what the time says: the rest of the form keeps what saving said of it
      TIME_FIELDS.forEach((name) => { form.querySelector(`#${name}-error`).textContent = ''; });
      showErrors({ errors: (e.problem.errors || []).filter((x) => TIME_FIELDS.includes(x.field)) });
    }
  };
  const drawAvailability = (busy, suggestions) => {
    f.availability.className = busy.length ? 'availability busy' : 'availability';
    if (!busy.length) {
      f.availability.replaceChildren(el('p', { id: 'all-free' }, t('schedule.all-free')));
      return;
    }
    const who = busy.map((b) => el('li', {}, b.you ? t('schedule.you-busy', { title: b.title, when: span(b.start, b.end) })
      : t('schedule.busy', { name: b.name || b.email, when: span(b.start, b.end) })));
    const slots = suggestions.map((s) => button(span(s.start, s.end), () => {
      const at = wallClock(s.start, f.zone.value);
      f.date.value = at.date;
      f.time.value = at.time;
      checkSoon();
    }, { className: 'secondary suggestion' }));
    f.availability.replaceChildren(el('p', {}, t('schedule.busy-then')), el('ul', { id: 'busy' }, ...who),
      el('p', {}, t('schedule.free-slots')), el('div', { className: 'row', id: 'suggestions' }, ...slots));
  };
  [f.date, f.time, f.duration, f.zone].forEach((input) => input.addEventListener('change', checkSoon));
  f.date.addEventListener('change', showRepeats);
  checkSoon();

  // ---------- saving ----------
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const when = times();
    const moved = !meeting || f.date.value !== next.date || f.time.value !== next.time
      || Number(f.duration.value) !== minutes || f.zone.value !== zoneNow;
    const draft = {
      title: f.title.value, agenda: meeting ? f.agenda.value : f.agenda.value || null,
      ...(moved ? when : {}),
      invitees: [...invitees.keys()], passcode: f.passcode.value || null,
      waitingRoom: f.waitingRoom.checked, allowGuests: f.allowGuests.checked, recordOnStart: f.recordOnStart.checked,
      settings: { webinar: f.webinar.checked },
    };
    if (!meeting && f.repeats.value) {
      const byCount = form.querySelector('#ends-count').checked;
      draft.recurrence = {
        frequency: f.repeats.value,
        days: f.repeats.value === 'WEEKLY' ? [...f.days.querySelectorAll('input:checked')].map((c) => c.value) : undefined,
        count: byCount ? Number(form.querySelector('#repeat-count').value) : undefined,
        until: byCount ? undefined : form.querySelector('#repeat-until').value || undefined,
      };
    }
    const save = form.querySelector('#schedule-save');
    save.disabled = true;
    try {
      let m;
      if (meeting) {
        const scope = form.querySelector('#scope-series').checked ? 'series' : 'occurrence';
        m = await api('PUT', `/api/meetings/${meeting.id}/edit?scope=${scope}`, draft);
      } else {
        m = await api('POST', '/api/meetings/schedule', draft);
      }
      go(`/home/meetings/${m.id}`);
      status(t(meeting ? 'edit.saved' : 'schedule.saved', { title: m.title }));
    } catch (err) {
      save.disabled = false;
      if (err.status === 409 && err.problem.suggestions) {
        f.problem.textContent = err.message;
        check();
      } else {
        showErrors(err.problem);
      }
      const first = [...errors()].find((x) => x.textContent) || f.problem;
      (form.querySelector(`[aria-describedby~="${first.id}"]`) || save).focus();
    }
  });
}

/** Every IANA zone the browser knows, {@code chosen} selected. */
function zoneSelect(chosen) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = zones.includes(chosen) ? zones : [chosen, ...zones];
  const select = el('select', { id: 'time-zone', 'aria-describedby': 'timeZone-error' },
    ...all.map((z) => el('option', { value: z }, z.replace(/_/g, ' '))));
  select.value = chosen;
  return select;
}
