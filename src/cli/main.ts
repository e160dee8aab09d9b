import { Command, CommanderError } from 'commander';
import { type Io, exit, reportError } from './io.js';
import { commands } from './commands/index.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('earmark')
    .description('US export controls on AI chips, AI computers and AI model weights, for any date since 2022-10-07.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run earmark --help for the commands)');
  for (const register of commands) register(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? exit.ok : exit.input;
    }
    return reportError(e, io);
  }
}

const VERSION = '0.1.0';

