/** Vite's `?inline` imports: the file's text, bundled into the script. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
