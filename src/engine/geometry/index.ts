/**
 * Chart geometry shared by the elements' presenters: a linear scale (d3-array's tick algorithm, no
 * d3-scale). Label fitting (`label.ts`) is internal.
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  linearScale,
  type LinearScale,
} from './scale.js';
