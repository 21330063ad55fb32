export * from './attachment.js';
export * from './auth.js';
export * from './conversation.js';
export * from './errors.js';
export * from './events/agent.js';
export * from './events/define.js';
export * from './events/visitor.js';
export * from './handshake.js';
export * from './message.js';
export * from './primitives.js';
export * from './queue.js';
export * from './rest.js';
export * from './version.js';
export * from './visitor.js';

export const NAMESPACES = { visitor: '/visitor', agent: '/agent' } as const;
