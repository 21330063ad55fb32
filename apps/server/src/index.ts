export { type Components, createComponents } from './app/components.js';
export { type RunningServer, startServer } from './app/start-server.js';
export { type Config, type ConfigInput, loadConfig, parseConfig } from './config/config.js';
export { identitySignature } from './domain/visitor-service.js';
export { SERVER_NODE_FLAGS } from './node-flags.js';
export { seedDemo } from './seed/demo-seed.js';
export { createFirstAdmin, type FirstAdmin } from './seed/first-admin.js';
