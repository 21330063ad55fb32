// Starts a reading thread (src/reading/read-thread.ts): imports the module it is given,
// the built JavaScript or, when the server runs from its TypeScript sources, the source itself, for
// which it first registers tsx (a loader given to the worker's own flags would come too late for
// its first module).
import { workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.module);
