/** Reads how a project is deployed: which servers and workers start, on which app, with how many processes. */
export { readDeployment, COMMAND_LINE_FILE, type ReadDeploymentOptions } from './readDeployment.js';
export { SERVER_DEFAULTS, type ServerDefault } from './defaults.js';
export type * from './types.js';
