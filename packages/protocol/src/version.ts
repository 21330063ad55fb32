/**
 * The wire protocol's version. Clients send it in the socket handshake (`auth.protocolVersion`);
 * the server refuses any other value (or none) with `protocol-version-unsupported`.
 * Bump it for every incompatible change and note the change in README.md.
 */
export const PROTOCOL_VERSION = 2;
