/**
 * The sign-in panel: demo sign-in per agency when the engine offers it (embedded mode only),
 * or a pasted token. The page keeps the token for this tab only.
 */
import { postJson } from './api.js';
import { $, clear, h, show } from './dom.js';
import { agencyNames } from './format.js';
import { signIn } from './session.js';

export async function renderSignIn({ onSignedIn }) {
  const error = $('#sign-in-error');
  const fail = (reason) => {
    error.textContent = reason instanceof Error ? reason.message : String(reason);
  };
  const config = await fetch('/dashboard/config.json').then((r) =>
    r.ok ? r.json() : { demoSignIn: false, agencies: [] },
  );
  show($('#demo-sign-in'), config.demoSignIn);
  const buttons = clear($('#demo-agencies'));
  for (const agency of config.agencies ?? []) {
    const button = h(
      'button',
      { type: 'button', 'data-agency': agency },
      agencyNames[agency] ?? agency,
    );
    button.addEventListener('click', async () => {
      try {
        const minted = await postJson('/dashboard/demo-sign-in', { agency });
        onSignedIn(signIn(minted.token));
      } catch (reason) {
        fail(reason);
      }
    });
    buttons.append(button);
  }
  $('#token-form').onsubmit = (event) => {
    event.preventDefault();
    try {
      onSignedIn(signIn($('#token-input').value));
      $('#token-input').value = '';
    } catch (reason) {
      fail(reason);
    }
  };
}
