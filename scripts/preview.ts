#!/usr/bin/env node
// npm run preview -- [manuscript-dir] [--port 8787] [--out build]
import { main } from '../src/cli/preview-command.ts';

process.exitCode = await main(process.argv.slice(2));
