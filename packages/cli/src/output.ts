/** Where the commands write, so tests can capture it. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processOutput: Output = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

/** Wrong arguments: reported with the usage text, exit code 2. */
export class UsageError extends Error {}
