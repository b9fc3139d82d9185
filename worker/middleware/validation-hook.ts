import type { z } from 'zod';
import { ValidationError } from '../errors';

type Result = { success: true } | { success: false; error: z.ZodError; target: string };

/** zod-openapi hook: a failed validation becomes a typed error with the field paths as details. */
export function validationHook(result: Result): void {
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new ValidationError(
    `Invalid ${result.target}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    { issues },
  );
}
