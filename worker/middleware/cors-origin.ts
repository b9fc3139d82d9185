/**
 * CORS origin matcher. Only the configured origins get CORS headers; a trailing `*` allows any
 * extension id of that scheme (e.g. `chrome-extension://*`), since ids differ between installs
 * of an unpacked extension.
 */
export function corsOrigin(allowed: string[]) {
  return function matchOrigin(origin: string): string | null {
    for (const entry of allowed) {
      if (
        entry.endsWith('*')
          ? origin.startsWith(entry.slice(0, -1)) && origin.length > entry.length - 1
          : origin === entry
      )
        return origin;
    }
    return null;
  };
}
