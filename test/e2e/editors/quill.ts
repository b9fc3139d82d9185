import Quill from 'quill';

const quill = new Quill('#editor', {});
(window as any).modelText = () => quill.getText().replace(/\n$/, '');
