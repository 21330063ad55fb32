import { buildLocalServer } from './local-server-bundle.js';

const entry = await buildLocalServer();
process.stdout.write(`local server bundled into ${entry}\n`);
