import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Db } from '../db/client';
import { demoClassList, demoPupil, demoSchoolId } from '../repositories/demo-platform';

/**
 * A small stand-in for a school's learning platform, served by `npm start` beside the API (Node
 * only, never in the Workers build): a class list and a pupil page with an omdöme form in a real
 * rich-text editor (Quill), for trying the extension in two minutes. Names are escaped by hono/html.
 */
export function demoLmsRoutes(db: Db): Hono {
  const app = new Hono().basePath('/demo/lms');
  const require = createRequire(import.meta.url);
  const quillDir = (() => {
    try {
      return join(dirname(require.resolve('quill/package.json')), 'dist');
    } catch {
      return null;
    }
  })();

  const page = (title: string, body: unknown) =>
    html`<!doctype html>
      <html lang="sv">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${title} – Demoplattformen</title>
          <link rel="stylesheet" href="/demo/lms/assets/quill.snow.css" />
          <link rel="stylesheet" href="/demo/lms/assets/lms.css" />
        </head>
        <body>
          <header class="top"><a href="/demo/lms">Demoplattformen</a> <span>Demoskolan Sjöängen</span></header>
          <main>${body}</main>
          <script src="/demo/lms/assets/quill.js"></script>
          <script src="/demo/lms/assets/lms.js"></script>
        </body>
      </html>`;

  const demoSchool = () => demoSchoolId(db);

  app.get('/', async (c) => {
    const schoolId = await demoSchool();
    if (!schoolId) return c.text('The demo school is not seeded (SEED_DEMO=false).', 404);
    const rows = await demoClassList(db, schoolId);
    return c.html(
      page(
        'Elever',
        html`<h1>Elever</h1>
          <ul class="pupils">
            ${rows.map(
              (r) =>
                html`<li>
                  <a href="/demo/lms/elev/${r.id}">${r.firstName} ${r.lastName}</a>
                  <span class="class">${r.className ?? ''}</span>
                </li>`,
            )}
          </ul>`,
      ),
    );
  });

  app.get('/elev/:id', async (c) => {
    const schoolId = await demoSchool();
    const p = schoolId ? await demoPupil(db, schoolId, c.req.param('id')) : null;
    if (!p) return c.text('Ingen sådan elev.', 404);
    return c.html(
      page(
        `${p.firstName} ${p.lastName}`,
        html` <h1 data-elev>${p.firstName} ${p.lastName}</h1>
          <p class="meta">Årskurs ${p.arskurs}</p>
          <form id="omdome-form">
            <label for="subject">Ämne</label>
            <select id="subject">
              <option>Svenska</option>
              <option>Matematik</option>
              <option>Engelska</option>
            </select>
            <label id="omdome-label">Skriftligt omdöme</label>
            <div id="omdome-editor" aria-labelledby="omdome-label"></div>
            <label for="planering">Framåtsyftande planering</label>
            <textarea id="planering" rows="5"></textarea>
            <button type="submit">Spara i plattformen</button> <span id="saved" role="status"></span>
          </form>`,
      ),
    );
  });

  const asset =
    (file: string, type: string) =>
    async (c: {
      body: (b: string, s: 200, h: Record<string, string>) => Response;
      text: (t: string, s: 404) => Response;
    }) => {
      if (!quillDir) return c.text('Quill is not installed (npm ci installs it).', 404);
      return c.body(await readFile(join(quillDir, file), 'utf8'), 200, { 'content-type': type });
    };
  app.get('/assets/quill.js', asset('quill.js', 'text/javascript; charset=utf-8'));
  app.get('/assets/quill.snow.css', asset('quill.snow.css', 'text/css; charset=utf-8'));
  app.get('/assets/lms.css', (c) => c.body(LMS_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.get('/assets/lms.js', (c) => c.body(LMS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  return app;
}

const LMS_CSS = `body{margin:0;font:16px/1.5 Georgia,serif;background:#f4f1ea;color:#222}.top{background:#2f4858;color:#fff;padding:10px 20px;display:flex;gap:20px}
.top a{color:#fff;font-weight:bold}main{max-width:760px;margin:20px auto;background:#fff;padding:20px 28px;border-radius:4px}
label{display:block;margin-top:14px;font-weight:bold}#omdome-editor{height:180px}textarea,select{width:100%;font:inherit}
.class{color:#666;font-size:14px}button{margin-top:14px}`;

// The platform "saves" to localStorage, like an LMS keeping its own copy of what the teacher wrote.
const LMS_JS = `(function(){var el=document.getElementById('omdome-editor');if(!el)return;
var key='demo-lms:'+location.pathname;var q=window.Quill?new Quill(el,{theme:'snow'}):null;
if(!q){el.contentEditable='true';el.style.border='1px solid #999';}
var saved=JSON.parse(localStorage.getItem(key)||'null');if(saved){if(q)q.setText(saved.omdome);else el.innerText=saved.omdome;document.getElementById('planering').value=saved.planering;}
window.demoLms={quill:q};
document.getElementById('omdome-form').addEventListener('submit',function(e){e.preventDefault();
localStorage.setItem(key,JSON.stringify({omdome:q?q.getText():el.innerText,planering:document.getElementById('planering').value}));
document.getElementById('saved').textContent='Sparat.';});})();`;
