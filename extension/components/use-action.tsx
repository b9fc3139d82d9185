import { useState } from 'preact/hooks';
import { explainApiError } from './explain-error';

export type ActionMessage = { ok: boolean; text: string } | null;

/**
 * A page action against the API and what the teacher is told about it: `act` runs the work, says
 * `done` or explains the failure in her words, and calls `onChanged` so the page reads again.
 */
export function useAction(onChanged: () => void) {
  const [message, setMessage] = useState<ActionMessage>(null);
  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await work();
      setMessage({ ok: true, text: done });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: explainApiError(err) });
    }
  };
  const status = message && (
    <p class={`status ${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
  return { act, status, setMessage, message };
}
