/**
 * How the worker's Node process is started. Without a heap limit V8 collects lazily and the worker
 * grew to 981 MB with 2,000 open nominations; with this one (each isolate, the workflow thread's
 * included) and zod shared between workflow runs it held 438 MB with 10,000 open
 * (`npm run bench -- --scale 10000`, README). Keep docker-compose.yml's worker command in step.
 */
export const WORKER_NODE_ARGS = ['--max-old-space-size=512'];
