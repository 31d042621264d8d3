import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  diagnosticAnnotation,
  escapeData,
  escapeProperty,
  findingAnnotation,
  renderGithub,
  workflowCommand
} from "./shared-DNN2TFDA.mjs";
import "./shared-5BPCKGJA.mjs";
import "./shared-ZUSNGQG2.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  diagnosticAnnotation,
  escapeData,
  escapeProperty,
  findingAnnotation,
  renderGithub,
  workflowCommand
};
