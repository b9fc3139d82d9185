import tinymce from 'tinymce';
import 'tinymce/icons/default';
import 'tinymce/themes/silver';
import 'tinymce/models/dom';

const inline = document.body.dataset.mode === 'inline';
void tinymce.init({
  selector: '#editor',
  license_key: 'gpl',
  inline,
  menubar: false,
  toolbar: false,
  skin: false,
  content_css: false,
  plugins: [],
  setup: (editor) =>
    editor.on('init', () => {
      (window as any).editorReady = true;
    }),
});
(window as any).modelText = () => tinymce.activeEditor!.getContent({ format: 'text' });
