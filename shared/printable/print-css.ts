/**
 * One stylesheet for the IUP on paper and on screen (the share page and the extension's print
 * page): A4 with margins a printer keeps, black on white (contrast well above 4.5:1), headings
 * that never end a page, and no interactive parts on paper.
 */
export const PRINT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header.iup-head { border-bottom: 2px solid #1a1a1a; margin-bottom: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 .5rem; white-space: pre-wrap; }
.meta { color: #3d3d3d; margin: 0 0 .75rem; }
.item { break-inside: avoid; page-break-inside: avoid; }
.scale { display: inline-block; font-weight: 600; margin: 0 0 .25rem; }
dl.glossary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.glossary dt { font-weight: 600; }
dl.glossary dd { margin: 0; }
.prepare { border-top: 2px solid #1a1a1a; margin-top: 2rem; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
textarea { width: 100%; min-height: 8rem; font: inherit; padding: .5rem; border: 2px solid #555; border-radius: 4px; }
button, .button { font: inherit; padding: .5rem 1rem; margin-top: .5rem; background: #0b4f8a; color: #fff; border: 2px solid #0b4f8a; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.notice { padding: .5rem .75rem; border-left: 4px solid #0b4f8a; background: #eef4fa; }
.error { padding: .5rem .75rem; border-left: 4px solid #a00; background: #fbeeee; }
.hint { color: #3d3d3d; font-size: .9rem; }
nav.lang { float: right; }
fieldset.times { border: 0; margin: 0; padding: 0; }
fieldset.times legend { font-weight: 600; margin: .75rem 0 .25rem; }
fieldset.times label { display: flex; gap: .75rem; align-items: center; font-weight: 400; margin: .25rem 0; padding: .6rem .75rem; border: 2px solid #777; border-radius: 4px; cursor: pointer; }
fieldset.times label:has(input:checked) { border-color: #0b4f8a; background: #eef4fa; }
input[type=radio], input[type=checkbox] { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; }
label.check { display: flex; gap: .75rem; align-items: center; }
input[type=text] { width: 100%; font: inherit; padding: .5rem; border: 2px solid #555; border-radius: 4px; }
.samtal { border-bottom: 2px solid #1a1a1a; margin: 1rem 0 2rem; padding-bottom: 1rem; }
.samtal p, .samtal label { white-space: normal; }
.samtal form + fieldset, .samtal form { margin-top: .75rem; }
.booked-time { font-size: 1.1rem; }
.preparation, .agreements { border-bottom: 2px solid #1a1a1a; margin: 1rem 0 2rem; padding-bottom: 1rem; }
.preparation p, .agreements p { white-space: normal; }
fieldset.scale { border: 0; margin: .75rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
fieldset.scale legend { font-weight: 600; margin-bottom: .25rem; }
fieldset.scale label { display: flex; align-items: center; gap: .4rem; font-weight: 400; margin: 0; padding: .4rem .7rem; border: 2px solid #777; border-radius: 4px; cursor: pointer; }
fieldset.scale label:has(input:checked) { border-color: #0b4f8a; background: #eef4fa; }
svg.face { width: 2rem; height: 2rem; }
button.speak { margin: 0 0 .25rem; padding: .25rem .75rem; font-size: .9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.letter { break-after: page; page-break-after: always; }
.letter:last-child { break-after: auto; page-break-after: auto; }
.qr { width: 40mm; height: 40mm; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .no-print, form, nav.lang { display: none !important; }
  a { color: inherit; text-decoration: none; }
}
`;
