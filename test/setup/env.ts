import { DefaultLogger, Runtime } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { RUN_ENV_VARIABLE, type RunEnv } from './paths';

// Each test file reads the addresses the global setup wrote, whatever process Jest runs it in.
const env = JSON.parse(readFileSync(process.env[RUN_ENV_VARIABLE]!, 'utf8')) as RunEnv;
Object.assign(process.env, env);

// Worker state changes at INFO would drown the test report.
Runtime.install({ logger: new DefaultLogger('WARN') });
