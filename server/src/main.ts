import { buildApp } from './app.ts';
import { loadConfig, ConfigError } from './config.ts';
import { startServices } from './services.ts';
import { startReminders } from './features/notifications/reminders.ts';
import { startOkrReminders } from './features/okr/okr.reminders.ts';
import { startCheckpointReminders } from './features/delegation/checkpoint.reminders.ts';

/** Reads config, opens the database, migrates, listens; SIGTERM lets in-flight requests finish and closes the DB. */
export async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const services = await startServices(config);
  const app = await buildApp(services);
  // Every instance runs the pass: each reminder is claimed in the database, so it still goes out once.
  const stopReminders = startReminders(services, (err) => app.log.error({ err }, 'reminder pass failed'));
  const stopOkrReminders = startOkrReminders(services, (err) =>
    app.log.error({ err }, 'OKR review reminder pass failed'),
  );
  const stopCheckpointReminders = startCheckpointReminders(services, (err) =>
    app.log.error({ err }, 'checkpoint reminder pass failed'),
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      stopReminders();
      stopOkrReminders();
      stopCheckpointReminders();
      await app.close();
      await services.database.close();
      app.log.info('stopped cleanly');
      process.exit(0);
    } catch (e) {
      app.log.error({ err: e }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ url: config.publicUrl, database: services.database.dialect }, 'Relais is ready');
}
