import { z } from 'zod';
import { BRIDGE_CHANNELS, type BridgeMethod, type BridgeResult } from '../../shared/bridge/contract.js';
import { err, ok } from '../../shared/util/result.js';
import { toBridgeError } from './bridge-failure.js';
import { isTrustedSender, type SenderFrame } from './sender-check.js';

/** The part of Electron's IpcMainInvokeEvent the handler reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's ipcMain used to register handlers. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** Methods that take no argument are validated as "nothing was passed". */
export const NO_ARGUMENT = z.undefined();

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(argument)'}: ${issue.message}`).join('; ');
}

/**
 * Wraps one bridge method for `ipcMain.handle`: (a) refuses a sender that is not the app's
 * own top frame; (b) validates the single argument against the contract's schema; (c) runs
 * the service and returns its value as `{ ok: true, value }`, or any thrown error as
 * `{ ok: false, error: { code, message } }`. Nothing reaches a service unvalidated, and no
 * exception crosses the IPC boundary as a bare string.
 */
export function bridgeHandler<A, R>(schema: z.ZodType<A>, run: (args: A) => Promise<R>) {
  return async (event: InvokeEvent, ...args: unknown[]): Promise<BridgeResult<R>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return err({ code: 'forbidden-sender', message: `拒绝来自非本应用页面的调用。Refused a call from a frame that is not the app's own (${event.senderFrame?.url ?? 'no frame'}).` });
    }
    if (args.length > 1) {
      return err({ code: 'invalid-argument', message: `参数无效 Invalid argument: expected one argument, got ${args.length}` });
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      return err({ code: 'invalid-argument', message: `参数无效 Invalid argument: ${describeIssues(parsed.error)}` });
    }
    try {
      return ok(await run(parsed.data));
    } catch (error) {
      return err(toBridgeError(error));
    }
  };
}

export function registerBridgeHandler<A, R>(ipc: IpcRegistrar, method: BridgeMethod, schema: z.ZodType<A>, run: (args: A) => Promise<R>): void {
  ipc.handle(BRIDGE_CHANNELS[method], bridgeHandler(schema, run));
}
