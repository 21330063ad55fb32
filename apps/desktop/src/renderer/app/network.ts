// The network half of the app (socket.io, the protocol's schemas): loaded after the first paint.
export { exclusiveRefresh, ServerConnection } from '../api/connection.js';
export { listen } from './listeners.js';
