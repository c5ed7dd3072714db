/**
 * The plugin lives only as long as the engine that started it: when the
 * engine is killed (SIGKILL, a closed terminal), nobody tells its plugins,
 * and they would keep their connections to the devices open for as long as
 * the machine runs. The plugin watches its parent: once it is another
 * process (the engine gone, the plugin handed to init), it exits.
 */
export function exitWhenOrphaned(intervalMs = 1000): void {
  const engine = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== engine) {
      process.stderr.write(`pulumi-resource-communes: the engine (pid ${engine}) is gone; exiting\n`);
      process.exit(1);
    }
  }, intervalMs);
  timer.unref();
}
