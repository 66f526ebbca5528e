// The fixture's entry: nobody imports it, so its own exports are not checked.
import fallback, { named, renamed as again } from './lib.js';
export { reexported } from './lib.js';
export const entryOnly = named + again() + fallback();
void import('./whole.js');
