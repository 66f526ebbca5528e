import { isPackagePath, packagePathsFromArgv } from '../files/pending-opens.js';

/** The part of Electron's `app` that reports files the OS asks the app to open. */
export interface FileOpenEvents {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/**
 * Queues package files the OS hands the app: macOS sends `open-file` (also before the app
 * is ready, on a cold start by double-click); Windows and Linux start a second instance with
 * the file in argv, which the single-instance lock turns into `second-instance` here.
 * The first instance's own argv is queued by the caller at start.
 */
export function wireOsFileOpens(app: FileOpenEvents, offer: (filePath: string) => void, bringToFront: () => void): void {
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (isPackagePath(filePath)) offer(filePath);
    bringToFront();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const filePath of packagePathsFromArgv(argv, workingDirectory)) offer(filePath);
    bringToFront();
  });
}
