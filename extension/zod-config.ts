import { z } from 'zod';

// Extension pages run under a CSP without eval; zod's JIT would try `new Function` and fall back.
z.config({ jitless: true });
