import { startServer } from './app/start-server.js';
import { ConfigError, emailDestination, loadConfig, originsOf, withDemoMailbox } from './config/config.js';
import { DEMO_WIDGET_ID, seedDemo } from './seed/demo-seed.js';
import { listWidgets } from './store/widgets.js';

async function main(): Promise<void> {
  const config = withDemoMailbox(
    loadConfig(process.env, process.argv.includes('--demo') ? { demoSeed: true } : {}),
  );
  const server = await startServer(config);
  const { components } = server;

  if (config.demoSeed) {
    const seeded = await seedDemo(components.db, config.auth.scryptCost, demoOrigins(server.url));
    if (seeded) {
      await components.reloadOrigins();
      await components.routing.reload();
    }
  }
  const widgets = await listWidgets(components.db);

  const lines = [
    '',
    `Switchboard server listening on ${server.url}  (epoch ${components.epoch})`,
    `  REST API        ${server.url}/api`,
    `  sockets         ${server.url}/visitor, ${server.url}/agent  (socket.io)`,
    `  health          ${server.url}/healthz, ${server.url}/readyz, ${server.url}/metrics`,
    `  database        ${config.dataDir}/${config.database.file}`,
    `  answer emails   ${emailDestination(config.email) ?? 'off (no email.smtpUrl configured)'}`,
    // The secret itself is never printed.
    `  email replies   ${config.email.inboundSecret ? `POST ${server.url}/api/email/inbound (mail gateway)` : 'off (no email.inboundSecret configured)'}`,
  ];
  if (config.demoSeed) {
    lines.push(
      '  demo logins     admin@switchboard.local, alice@switchboard.local, bob@switchboard.local,',
      '                  carol@switchboard.local (supervisor)',
      '  demo password   switchboard-demo',
      `  demo widget id  ${widgets[0]?.id ?? '(none)'}`,
      `  demo page       ${server.url}/demo${demoQuery(widgets[0]?.id)}  (the visitor widget)`,
      `  web workbench   ${server.url}/app/  (sign in as an agent and go online)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const stop = (signal: string) => {
    components.logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.on('unhandledRejection', (reason) =>
    components.logger.error({ err: reason }, 'unhandled rejection'),
  );
}

/** The demo page's origin, and its localhost twin, so either address works in a browser. */
function demoOrigins(serverUrl: string): string[] {
  return originsOf(serverUrl);
}

/** The demo page embeds DEMO_WIDGET_ID; a database seeded before it existed names its widget here. */
function demoQuery(widgetId: string | undefined): string {
  return widgetId === undefined || widgetId === DEMO_WIDGET_ID ? '' : `?widget=${widgetId}`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Switchboard server failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
