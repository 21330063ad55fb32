/**
 * Node flags the server runs with: `npm start`, the Dockerfile, the systemd unit, the delivery
 * benchmark and the desktop app's bundled server all pass these (test/node-flags.test.ts and the
 * desktop's test/local-server.test.ts keep them in step).
 *
 * Old-space headroom: V8 runs a full mark-compact whenever the old generation outgrows a limit it
 * sets from the live heap. Under chat traffic the old generation grows by a couple of MB a second
 * (socket.io's per-packet objects that outlive two scavenges), so with the default limit a major
 * GC came every few seconds, and each one held up the messages of the next ~150 ms: the delivery
 * benchmark's p99. With 512 MB of headroom it comes every few minutes instead; the price is a heap
 * that may grow to about that size before it is collected.
 */
export const SERVER_NODE_FLAGS = ['--initial-old-space-size=512'] as const;
