#!/usr/bin/env node
import { runCli } from './index';
import { z3Started } from '../prove/z3';

// z3's worker threads (started by --prove only) would keep the process alive: exit explicitly then.
runCli(process.argv.slice(2)).then(code => { process.exitCode = code; }, () => { process.exitCode = 3; })
  .finally(() => { if (z3Started()) process.exit(); });
