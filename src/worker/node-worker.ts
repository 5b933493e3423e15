// Entry point of a Node worker thread: exposes the simulator API to the parent through comlink.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { simulatorApi } from './api.ts';

if (!parentPort) throw new Error('node-worker.ts must run as a worker thread');
expose(simulatorApi, nodeEndpoint(parentPort));
