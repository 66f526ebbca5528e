// Reached only as a whole (a dynamic import): every export counts as used.
export const loadedLater = 7;
