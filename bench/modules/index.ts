import { delegation } from './delegation.ts';
import { foundation } from './foundation.ts';
import { oneOnOnes } from './one-on-ones.ts';
import { okr } from './okr.ts';
import type { BenchModule } from './types.ts';

/** Every module's data and scenarios, in the order their data is generated. Add new modules here. */
export const benchModules: readonly BenchModule[] = [foundation, oneOnOnes, delegation, okr];

export const scenarios = benchModules.flatMap((m) => m.scenarios);
