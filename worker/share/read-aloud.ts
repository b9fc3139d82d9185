import { raw } from 'hono/html';

/**
 * The share page's only script: "Läs upp" buttons for the child-friendly preparation questions,
 * spoken by the browser's own speech synthesis. The page stays scriptless otherwise — its CSP
 * allows exactly this text by its hash, so no other script (injected or inline) can run. The
 * buttons are rendered hidden and shown only where speech exists.
 */
export const READ_ALOUD_SCRIPT = `(function () {
  if (!('speechSynthesis' in window)) return;
  var buttons = document.querySelectorAll('button[data-speak]');
  for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  document.addEventListener('click', function (e) {
    var b = e.target && e.target.closest ? e.target.closest('button[data-speak]') : null;
    if (!b) return;
    var u = new SpeechSynthesisUtterance(b.getAttribute('data-speak'));
    u.lang = document.documentElement.lang === 'en' ? 'en-GB' : 'sv-SE';
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(u);
  });
})();`;

/** sha256 of READ_ALOUD_SCRIPT, base64 (checked by a test): the CSP's permission for it. */
export const READ_ALOUD_HASH = 'jUXZkZB2LReeWuKba7QjjPQ3pQX6cyvu9h4RZYx8RH0=';

/** The script element, byte for byte as hashed: built here, where no formatter rewrites it. */
export const readAloudTag = () => raw(`<script>${READ_ALOUD_SCRIPT}</script>`);
