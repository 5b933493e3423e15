// The browser's simulation worker: the same comlink API as the Node worker threads.
import { expose } from 'comlink';
import { simulatorApi } from '../src/worker/api.ts';

expose(simulatorApi);
