import type { Logger } from 'pino';
import { shutdownOnSignals } from './process';

describe('shutdownOnSignals: a Ctrl-C that arrives twice (the terminal, then npm) is one stop', () => {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  let before: Map<string, Set<NodeJS.SignalsListener>>;
  let exit: jest.SpyInstance;
  let now: jest.SpyInstance;
  const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), flush: jest.fn() };

  beforeEach(() => {
    before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
  });
  afterEach(() => {
    for (const signal of signals)
      for (const listener of process.listeners(signal))
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    exit.mockRestore();
    now.mockRestore();
  });

  it('runs the shutdown once for the same stop twice within a second, and exits 0 when it is done', async () => {
    let finish!: () => void;
    const shutdown = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    shutdownOnSignals(logger as unknown as Logger, shutdown);
    process.emit('SIGINT', 'SIGINT');
    now.mockReturnValue(1_000_200);
    process.emit('SIGINT', 'SIGINT');
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('a signal a second or more after the first forces the exit', () => {
    shutdownOnSignals(logger as unknown as Logger, () => new Promise<void>(() => undefined));
    process.emit('SIGTERM', 'SIGTERM');
    now.mockReturnValue(1_001_500);
    process.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledWith(1);
  });
});
