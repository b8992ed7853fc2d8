// Commander option parsers shared by the commands: a bad value is a usage error naming what was expected.
import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../institutions/index.js';

/** Wraps a parser so that its error becomes Commander's usage error (the message kept). */
export const usage = <T>(parse: (v: string) => T) => (value: string): T => {
  try {
    return parse(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};

/** A date YYYY-MM-DD. */
export const dateArg = usage((v) => {
  if (!isIsoDate(v)) throw new Error(`bad date "${v}": expected YYYY-MM-DD`);
  return v;
});
