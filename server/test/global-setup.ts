import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** One PostgreSQL cluster for the whole integration run; each test file creates its own database in it. */
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster();
  project.provide('pgAdminUrl', cluster.url('postgres'));
  return () => cluster.stop();
}
