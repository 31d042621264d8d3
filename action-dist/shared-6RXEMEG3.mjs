import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  TomlDate,
  TomlError,
  dist_default,
  parse,
  stringify
} from "./shared-FWG6GVRL.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  TomlDate,
  TomlError,
  dist_default as default,
  parse,
  stringify
};
