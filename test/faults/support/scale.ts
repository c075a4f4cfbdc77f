/**
 * The fault suite runs in two sizes: a short form inside `npm test`, and the full form of
 * `npm run test:faults` (PLANCYCLE_FAULTS=full), which injects every fault the issue asks for.
 * A test states both sizes side by side, so a reader sees what the short form leaves out.
 */
export const FULL_FAULTS = process.env.PLANCYCLE_FAULTS === 'full';

export function scaled<T>(short: T, full: T): T {
  return FULL_FAULTS ? full : short;
}
