// The whiteboard panel: pen, line, rectangle, ellipse, text and eraser in colours and widths; what
// one person draws reaches the others while they draw (a stroke is sent every 100 ms as it grows);
// undo takes back one's own last shape; hosts lock and clear; export as PNG or SVG. The board is the
// server's operations applied in order (as BoardState replays them): put, delete, clear; an undo
// makes the page read the board again.

import { button, el } from './dom.js';
import { t } from './messages.js';

const BOARD = { width: 1600, height: 900 };
const TOOLS = ['PATH', 'LINE', 'RECT', 'ELLIPSE', 'TEXT', 'ERASER'];
const COLOURS = ['#000000', '#d32f2f', '#1976d2', '#388e3c', '#f57c00', '#7b1fa2'];

/** @param deps { api(method, path, body), me() => {id, role}, room() => my breakout room or null, fetchFile(path, name) } */
export function whiteboardPanel(root, deps) {
  let objects = new Map(); // object id -> shape, in drawing order
  let seq = 0;
  let locked = false;
  let exists = false;
  let tool = 'PATH';
  const strokes = []; // my shapes, newest last: {objectId, opIds}
  let drawing = null; // the shape being drawn
  let opCount = 0;
  const seen = new Map(); // object id -> when it first appeared here (Date.now()) and how far drawn: the delay figures
  const sent = new Map(); // object id -> when I first sent it

  root.replaceChildren();
  const title = el('h2', { id: 'board-title' }, t('board.title'));
  const start = button(t('board.start'), () => act(() => deps.api('POST', '/whiteboard/create').then(load)), { id: 'board-start', hidden: true });
  const tools = el('div', { id: 'board-tools', role: 'toolbar', 'aria-label': t('board.tools') });
  TOOLS.forEach((name) => tools.append(button(t('board.tool.' + name), () => choose(name),
    { 'data-tool': name, 'aria-pressed': String(name === tool), className: 'secondary' })));
  const colour = el('select', { id: 'board-colour', 'aria-label': t('board.colour') },
    ...COLOURS.map((c) => el('option', { value: c }, t('board.colour.' + c))));
  const width = el('select', { id: 'board-width', 'aria-label': t('board.width') },
    ...[2, 4, 8].map((w) => el('option', { value: String(w) }, String(w))));
  const text = el('input', { id: 'board-text', maxlength: '1000', 'aria-label': t('board.text'), placeholder: t('board.text') });
  const undo = button(t('board.undo'), () => undoMine(), { id: 'board-undo', className: 'secondary' });
  const lock = button(t('board.lock'), () => act(() => deps.api('POST', locked ? '/whiteboard/unlock' : '/whiteboard/lock').then(snapshot)),
    { id: 'board-lock', className: 'secondary' });
  const clear = button(t('board.clear'), () => send([{ op: 'CLEAR' }]), { id: 'board-clear', className: 'danger' });
  const png = button('PNG', () => deps.fetchFile('/whiteboard/export?format=png', 'whiteboard.png').catch(fail),
    { 'aria-label': t('board.export', { format: 'PNG' }), className: 'secondary' });
  const svg = button('SVG', () => deps.fetchFile('/whiteboard/export?format=svg', 'whiteboard.svg').catch(fail),
    { 'aria-label': t('board.export', { format: 'SVG' }), className: 'secondary' });
  tools.append(colour, width, text, undo, lock, clear, png, svg);
  const canvas = el('canvas', { id: 'board', width: String(BOARD.width), height: String(BOARD.height), role: 'img',
    'aria-label': t('board.canvas') });
  const problem = el('p', { id: 'board-problem', className: 'problem', role: 'alert' });
  root.append(title, start, tools, canvas, problem);
  const g = canvas.getContext('2d');

  function firstSight(id, shape) {
    if (!seen.has(id)) seen.set(id, { at: Date.now(), points: shape.points ? shape.points.length : 0 });
  }

  function runsIt() {
    return ['HOST', 'CO_HOST'].includes(deps.me().role);
  }

  function fail(e) {
    problem.textContent = t('refused', { reason: e.message });
  }

  async function act(request) {
    problem.textContent = '';
    try {
      await request();
    } catch (e) {
      fail(e);
    }
  }

  function choose(name) {
    tool = name;
    tools.querySelectorAll('[data-tool]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === name)));
  }

  /** The board as the server has it now. */
  function snapshot(view) {
    exists = true;
    seq = view.seq;
    locked = view.locked;
    objects = new Map(view.objects.map((o) => [o.id, o.shape]));
    objects.forEach((shape, id) => firstSight(id, shape));
    render();
  }

  async function load() {
    try {
      snapshot(await deps.api('GET', '/whiteboard'));
    } catch (e) {
      exists = false;
      render();
    }
  }

  function render() {
    start.hidden = exists;
    tools.hidden = !exists;
    canvas.hidden = !exists;
    const mayDraw = exists && (!locked || runsIt());
    tools.querySelectorAll('[data-tool]').forEach((b) => { b.disabled = !mayDraw; });
    undo.disabled = !mayDraw;
    lock.hidden = !runsIt();
    clear.hidden = !runsIt();
    lock.textContent = t(locked ? 'board.unlock' : 'board.lock');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, BOARD.width, BOARD.height);
    objects.forEach((shape) => paint(shape));
    if (drawing) paint(drawing.shape);
  }

  function paint(s) {
    g.strokeStyle = s.color || '#000000';
    g.fillStyle = s.color || '#000000';
    g.lineWidth = s.width || 2;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.beginPath();
    if (s.type === 'PATH' && s.points && s.points.length) {
      g.moveTo(s.points[0][0], s.points[0][1]);
      s.points.slice(1).forEach(([x, y]) => g.lineTo(x, y));
      g.stroke();
    } else if (s.type === 'LINE') {
      g.moveTo(s.x, s.y);
      g.lineTo(s.x + s.w, s.y + s.h);
      g.stroke();
    } else if (s.type === 'RECT') {
      g.strokeRect(s.x, s.y, s.w, s.h);
    } else if (s.type === 'ELLIPSE') {
      g.ellipse(s.x + s.w / 2, s.y + s.h / 2, Math.abs(s.w / 2), Math.abs(s.h / 2), 0, 0, 2 * Math.PI);
      g.stroke();
    } else if (s.type === 'TEXT') {
      g.font = `${Math.max(12, (s.width || 2) * 8)}px sans-serif`;
      g.fillText(s.text || '', s.x, s.y); // drawn on the canvas: never markup
    }
  }

  function point(e) {
    const box = canvas.getBoundingClientRect();
    return [Math.round((e.clientX - box.left) * BOARD.width / box.width), Math.round((e.clientY - box.top) * BOARD.height / box.height)];
  }

  function opId() {
    opCount += 1;
    return `${deps.me().id.slice(0, 8)}.${Date.now().toString(36)}.${opCount}`;
  }

  async function send(ops) {
    const withIds = ops.map((o) => ({ opId: opId(), ...o }));
    try {
      await deps.api('PUT', '/whiteboard/update', { ops: withIds });
      problem.textContent = '';
    } catch (e) {
      fail(e);
    }
    return withIds;
  }

  /** Sends the shape being drawn as it is now (a growing stroke is one object put again and again). */
  async function put(final) {
    if (!drawing || drawing.sending) return;
    drawing.sending = true;
    const { objectId, shape } = drawing;
    if (!sent.has(objectId)) sent.set(objectId, Date.now());
    const [op] = await send([{ op: 'PUT', objectId, shape: { ...shape, points: shape.points ? shape.points.map((p) => [...p]) : undefined } }]);
    drawing && (drawing.sending = false);
    const stroke = strokes.find((s) => s.objectId === objectId) || strokes[strokes.push({ objectId, opIds: [] }) - 1];
    stroke.opIds.push(op.opId);
    if (final) drawing = null;
  }

  canvas.addEventListener('pointerdown', (e) => {
    if (canvas.hidden || (locked && !runsIt())) return;
    const [x, y] = point(e);
    if (tool === 'ERASER') {
      const hit = [...objects.entries()].reverse().find(([, s]) => contains(s, x, y));
      if (hit) send([{ op: 'DELETE', objectId: hit[0] }]);
      return;
    }
    const base = { color: colour.value, width: Number(width.value) };
    const objectId = `${deps.me().id.slice(0, 8)}-${Date.now().toString(36)}-${opCount}`;
    if (tool === 'TEXT') {
      if (!text.value.trim()) return void (problem.textContent = t('board.text-first'));
      drawing = { objectId, shape: { type: 'TEXT', x, y, w: 0, h: 0, text: text.value.trim(), ...base } };
      return void put(true).then(render);
    }
    canvas.setPointerCapture(e.pointerId);
    drawing = { objectId, start: [x, y], shape: tool === 'PATH' ? { type: 'PATH', x, y, w: 0, h: 0, points: [[x, y]], ...base }
      : { type: tool, x, y, w: 0, h: 0, ...base } };
    drawing.timer = setInterval(() => put(false), 100);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drawing || !drawing.start) return;
    const [x, y] = point(e);
    if (drawing.shape.type === 'PATH' && drawing.shape.points.length < 1990) drawing.shape.points.push([x, y]);
    else Object.assign(drawing.shape, { w: x - drawing.start[0], h: y - drawing.start[1] });
    render();
  });
  const finish = () => {
    if (!drawing || !drawing.start) return;
    clearInterval(drawing.timer);
    const finishing = drawing;
    const wait = () => (finishing.sending ? setTimeout(wait, 20) : put(true).then(render));
    wait();
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);

  async function undoMine() {
    const last = strokes.pop();
    if (!last) return;
    for (let i = 0; i < last.opIds.length; i += 100) {
      await send(last.opIds.slice(i, i + 100).map((target) => ({ op: 'UNDO', target })));
    }
  }

  return {
    async opened() {
      await load();
    },
    /** whiteboard.* events of my room's board. */
    async changed(type, data) {
      if ((data.room || '') !== (deps.room() || '')) return undefined; // another breakout room's board
      if (type === 'whiteboard.created') return load();
      if (type === 'whiteboard.locked') {
        locked = data.locked;
        return render();
      }
      if (type !== 'whiteboard.ops') return undefined;
      if (!exists || data.fromSeq > seq + 1 || data.ops.some((o) => o.op === 'UNDO')) return load();
      for (const o of data.ops.filter((x) => x.seq > seq)) {
        if (o.op === 'PUT') {
          objects.set(o.objectId, o.shape);
          firstSight(o.objectId, o.shape);
        } else if (o.op === 'DELETE') objects.delete(o.objectId);
        else if (o.op === 'CLEAR') objects.clear();
      }
      seq = Math.max(seq, data.toSeq);
      return render();
    },
    objectCount() {
      return objects.size;
    },
    pointsOf(id) {
      const shape = objects.get(id);
      return shape && shape.points ? shape.points.length : 0;
    },
    /** When each object first appeared here, and when I first sent mine: the drawing delay. */
    figures() {
      return { seen: Object.fromEntries(seen), sent: Object.fromEntries(sent) };
    },
    render,
  };
}

function contains(s, x, y) {
  if (s.type === 'PATH') return (s.points || []).some(([px, py]) => Math.abs(px - x) < 12 && Math.abs(py - y) < 12);
  const left = Math.min(s.x, s.x + s.w) - 8;
  const top = Math.min(s.y, s.y + s.h) - (s.type === 'TEXT' ? 40 : 8);
  return x >= left && x <= Math.max(s.x, s.x + s.w) + (s.type === 'TEXT' ? 200 : 8) && y >= top && y <= Math.max(s.y, s.y + s.h) + 8;
}
