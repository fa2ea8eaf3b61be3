// One modal question at a time (a native <dialog>: focus kept inside, Escape answers no).

let dialog;

function build() {
  dialog = document.createElement('dialog');
  dialog.id = 'confirm';
  dialog.setAttribute('aria-labelledby', 'confirm-text');
  const text = document.createElement('p');
  text.id = 'confirm-text';
  const buttons = document.createElement('div');
  buttons.className = 'dialog-buttons';
  const no = document.createElement('button');
  no.id = 'confirm-no';
  no.type = 'button';
  no.className = 'secondary';
  const yes = document.createElement('button');
  yes.id = 'confirm-yes';
  yes.type = 'button';
  yes.className = 'danger';
  buttons.append(no, yes);
  dialog.append(text, buttons);
  document.body.append(dialog);
}

/** Asks {@code question}; resolves true for {@code yes}, false for {@code no} or Escape. */
export function ask(question, yes, no) {
  if (!dialog) build();
  const [text, noButton, yesButton] = [dialog.querySelector('#confirm-text'), dialog.querySelector('#confirm-no'),
    dialog.querySelector('#confirm-yes')];
  text.textContent = question;
  yesButton.textContent = yes;
  noButton.textContent = no;
  return new Promise((resolve) => {
    const answer = (value) => () => {
      yesButton.onclick = null;
      noButton.onclick = null;
      dialog.oncancel = null;
      dialog.close();
      resolve(value);
    };
    yesButton.onclick = answer(true);
    noButton.onclick = answer(false);
    dialog.oncancel = answer(false);
    dialog.showModal();
    noButton.focus();
  });
}

/**
 * Asks the host who is leaving what becomes of the meeting: hand the host role to one of
 * {@code successors} ({id, name}) and leave, or end it for everyone. Resolves {handOverTo: id},
 * {end: true}, or null (they stay).
 */
export function askHostLeaving(successors, words) {
  const box = document.createElement('dialog');
  box.id = 'leave-dialog';
  box.setAttribute('aria-labelledby', 'leave-text');
  const text = document.createElement('p');
  text.id = 'leave-text';
  text.textContent = words.question;
  box.append(text);
  let pick = null;
  if (successors.length) {
    const label = document.createElement('label');
    label.htmlFor = 'leave-successor';
    label.textContent = words.successor;
    pick = document.createElement('select');
    pick.id = 'leave-successor';
    for (const s of successors) {
      const option = document.createElement('option');
      option.value = s.id;
      option.textContent = s.name;
      pick.append(option);
    }
    box.append(label, pick);
  }
  const buttons = document.createElement('div');
  buttons.className = 'dialog-buttons';
  const make = (id, label, className) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.className = className;
    b.textContent = label;
    buttons.append(b);
    return b;
  };
  const stay = make('leave-stay', words.stay, 'secondary');
  const handOver = pick ? make('leave-hand-over', words.handOver, '') : null;
  const end = make('leave-end', words.end, 'danger');
  box.append(buttons);
  document.body.append(box);
  return new Promise((resolve) => {
    const answer = (value) => () => {
      box.close();
      box.remove();
      resolve(value);
    };
    stay.onclick = answer(null);
    box.oncancel = answer(null);
    end.onclick = answer({ end: true });
    if (handOver) handOver.onclick = () => answer({ handOverTo: pick.value })();
    box.showModal();
    (pick || stay).focus();
  });
}
