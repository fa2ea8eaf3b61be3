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
