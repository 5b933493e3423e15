// Types for comlink's Node adapter: its own .d.ts sits beside the .mjs but is not found for this path.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(nep: import('node:worker_threads').MessagePort | import('node:worker_threads').Worker): Endpoint;
}
