import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  diagnosticAnnotation,
  escapeData,
  escapeProperty,
  findingAnnotation,
  renderGithub,
  workflowCommand
} from "./shared-4BTN6HWT.mjs";
import "./shared-RG7FRXP6.mjs";
import "./shared-UGWO6T52.mjs";
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
