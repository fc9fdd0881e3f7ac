// Runs inside the workflow sandbox, loaded once per workflow thread (./preloaded-workflow-modules.ts).
// zod declares itself free of side effects, so webpack drops a bare preload of 'zod'; using it here keeps it.
import { z } from 'zod';

// zod sets its default locale and memoizer on the first schema it builds; the SDK freezes preloaded modules
// right after this one runs, so that first schema must be built here, not in a workflow.
z.object({ warm: z.array(z.string()) }).safeParse({ warm: [] });

export const sharedZod = z;
