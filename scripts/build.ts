#!/usr/bin/env node
// npm run build -- [manuscript-dir] [--format epub,html,pdf] [--out dir] [--quiet]
import { main } from '../src/cli/build-command.ts';

process.exitCode = await main(process.argv.slice(2));
