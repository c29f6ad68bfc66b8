import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './connection.ts';
import * as foundation from './migrations/20261123T0700_foundation.ts';
import * as personManagerIndex from './migrations/20261123T0900_person_manager_index.ts';
import * as personSearch from './migrations/20261123T0950_person_search.ts';
import * as oneOnOnes from './migrations/20261123T1000_one_on_ones.ts';
import * as calendarAndReminders from './migrations/20261123T1100_calendar_and_reminders.ts';
import * as oneOnOnesSpeed from './migrations/20261123T1150_one_on_ones_speed.ts';
import * as delegation from './migrations/20261123T1200_delegation.ts';
import * as okr from './migrations/20261123T1300_okr.ts';
import * as clarity from './migrations/20261123T1400_clarity.ts';
import * as jargon from './migrations/20261123T1500_jargon.ts';

/** Migrations are listed here explicitly so a bundled build needs no file-system scan. Never edit a landed one. */
const migrations: Record<string, Migration> = {
  '20261123T0700_foundation': foundation,
  '20261123T0900_person_manager_index': personManagerIndex,
  '20261123T0950_person_search': personSearch,
  '20261123T1000_one_on_ones': oneOnOnes,
  '20261123T1100_calendar_and_reminders': calendarAndReminders,
  '20261123T1150_one_on_ones_speed': oneOnOnesSpeed,
  '20261123T1200_delegation': delegation,
  '20261123T1300_okr': okr,
  '20261123T1400_clarity': clarity,
  '20261123T1500_jargon': jargon,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
