import { persistedChoice } from './persisted-choice.js';

/** Which workspace the person chose last; the shell falls back to the first visible one. */
const choice = persistedChoice('zqa.workspace');

export const showWorkspace = (key: string): void => choice.set(key);
export const chosenWorkspace = (): string | null => choice.get();
export const useChosenWorkspace = (): string | null => choice.use();
