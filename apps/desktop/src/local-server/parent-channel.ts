/**
 * The link to the app. In Electron's utility process it is `process.parentPort` (messages arrive
 * as `{ data }`); under `child_process.fork` (tests, plain Node) it is `process.send` / 'message'.
 */
export interface ParentChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function parentChannel(): ParentChannel {
  const port = Reflect.get(process, 'parentPort') as ElectronParentPort | undefined;
  if (port) {
    return {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    };
  }
  if (!process.send) throw new Error('The local server must be started by the Switchboard app.');
  return {
    send: (message) => process.send?.(message),
    onMessage: (listener) => process.on('message', listener),
  };
}
