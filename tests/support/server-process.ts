// The tests start the production server the one way the scripts do: scripts/lib/server-process.js.
export { freePort, startServer } from '../../scripts/lib/server-process.js';
export type { RunningServer, StartOptions } from '../../scripts/lib/server-process.js';
