/**
 * What the server's child processes have in common (the rebuild and the publication): a
 * project script run by the project's tsx, and the tail of its output kept to say why it failed.
 */
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '../..');

/** The tsx binary and the script's path, both of this project whatever the child's cwd. */
export function tsxScript(script: string): { file: string; script: string } {
  return { file: path.join(projectRoot, 'node_modules/.bin/tsx'), script: path.join(projectRoot, 'scripts', script) };
}

/** Keeps the last `max` characters of a child's output; `lastLine` is its located error. */
export function outputTail(max = 4000) {
  let tail = '';
  return {
    add: (text: string) => void (tail = (tail + text).slice(-max)),
    lastLine: () => tail.trim().split('\n').filter(Boolean).pop() ?? '',
  };
}
