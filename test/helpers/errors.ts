import { SpelunkError } from '../../src/core/errors.js';

/** The SpelunkError `action` throws; fails the test if it throws nothing or something else. */
export function spelunkErrorOf(action: () => unknown): SpelunkError {
  try {
    action();
  } catch (error) {
    if (error instanceof SpelunkError) return error;
    throw error;
  }
  throw new Error('expected a SpelunkError');
}
