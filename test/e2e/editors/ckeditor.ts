import { ClassicEditor, Essentials, Paragraph, Undo } from 'ckeditor5';

void ClassicEditor.create(document.querySelector('#editor') as HTMLElement, {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Undo],
}).then((editor) => {
  const root = editor.model.document.getRoot()!;
  (window as any).modelText = () =>
    [...root.getChildren()].map((p: any) => [...p.getChildren()].map((n: any) => n.data ?? '').join('')).join('\n');
  (window as any).editorReady = true;
});
