// Child process: the real Relais app (startServices + buildApp) on 127.0.0.1, configured by the env it is given.
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { startServices } from '../../server/src/services.ts';

const config = loadConfig(process.env);
const deps = await startServices(config);
const app = await buildApp(deps, { logger: false });
await app.listen({ port: config.port, host: '127.0.0.1' });
process.send?.({ type: 'ready', port: config.port });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => deps.database.close())
    .finally(() => process.exit(0));
});
