// The planner's page allows no eval (its CSP, docs/code-layout.md, the web app). zod compiles its
// parsers with `new Function` where it may, and its probe for that is reported by Trusted Types as a
// violation even though zod catches the refusal: jitless mode skips both. main.ts imports this first,
// before any scenario is parsed; the simulation workers, under no such policy, keep the fast parsers.
import { config } from 'zod';

config({ jitless: true });
