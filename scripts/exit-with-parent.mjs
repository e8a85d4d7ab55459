// Preloaded (`node --import`) into every part that scripts/start.mjs runs. When start.mjs is gone,
// even killed with SIGKILL, its IPC channel closes: the part then stops as if it had been sent
// SIGTERM, so it runs its own clean shutdown (the API stops PostgreSQL) instead of living on.
if (process.channel) {
  // The channel is only a tripwire: it must not keep the part alive on its own.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  // With the parent gone, its end of stdout and stderr is closed too: a log line must not crash the shutdown.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
}
