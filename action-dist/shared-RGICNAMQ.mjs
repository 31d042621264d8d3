import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  formatBytes,
  sizePair,
  summariseBytes
} from "./shared-AL5UJYVG.mjs";
import "./shared-DIJAFYFB.mjs";
import "./shared-PMYI2HPO.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-2BFWLXK6.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  formatBytes,
  sizePair,
  summariseBytes
};
