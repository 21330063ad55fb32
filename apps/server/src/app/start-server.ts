import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { type Config, originsOf, publicUrlOf } from '../config/config.js';
import { createHttp } from '../http/create-http.js';
import { OriginPolicy } from '../security/origins.js';
import { type Components, createComponents } from './components.js';
import { createApplication } from './create-application.js';

export interface RunningServer {
  url: string;
  port: number;
  components: Components;
  close(): Promise<void>;
}

/** Builds and starts the whole server; `close()` stops accepting, closes sockets, then the store. */
export async function startServer(config: Config, clock: () => number = Date.now): Promise<RunningServer> {
  const origins = new OriginPolicy(config.workbenchOrigins);
  const http = await createHttp(config, origins);
  const components = await createComponents(config, http.log as Logger, origins, clock);
  const realtime = await createApplication(http, config, components);
  await http.listen({ host: config.host, port: config.port });
  const { port } = http.server.address() as AddressInfo;
  const url = publicUrlOf(config, port);
  for (const origin of originsOf(url)) origins.addWorkbenchOrigin(origin);

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    components,
    close: () => {
      closed ??= (async () => {
        await realtime.close();
        await http.close();
        await components.close();
      })();
      return closed;
    },
  };
}
