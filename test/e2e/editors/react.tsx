/** @jsxImportSource react */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

// A controlled input as LMSs built on React have them: React's state is the model.
let latest = '';
function Form() {
  const [value, setValue] = useState('');
  latest = value;
  return (
    <div>
      <label>
        Annat fält <input id="other" type="text" />
      </label>
      <label>
        Omdöme <input id="editor" type="text" size={80} value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
    </div>
  );
}
createRoot(document.getElementById('root')!).render(<Form />);
(window as any).modelText = () => latest;
(window as any).editorReady = true;
