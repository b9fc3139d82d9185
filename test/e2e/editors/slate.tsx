/** @jsxImportSource react */
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Node, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';

// Slate keeps its own document (`editor.children`) and renders the DOM from it; text that only
// reaches the DOM is lost at the next render. The model, not the DOM, is what the test reads.
const initial: Descendant[] = [{ type: 'paragraph', children: [{ text: '' }] } as Descendant];
let editorRef: ReturnType<typeof withReact> | null = null;

function SlateForm() {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  editorRef = editor;
  return (
    <div>
      <label>
        Annat fält <input id="other" type="text" />
      </label>
      <Slate editor={editor} initialValue={initial}>
        <Editable id="editor" aria-label="Omdöme" style={{ minHeight: 100, border: '1px solid #999' }} />
      </Slate>
    </div>
  );
}
createRoot(document.getElementById('root')!).render(<SlateForm />);
(window as any).modelText = () => editorRef!.children.map((n) => Node.string(n)).join('\n');
(window as any).editorReady = true;
