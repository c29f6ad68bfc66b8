#!/usr/bin/env node
// Entry point of the `relais` command: runs the TypeScript sources through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/src/cli.ts');
await main(process.argv.slice(2));
