/**
 * Default-deny permission table. The app is an offline scoring tool: it needs no camera,
 * microphone, location, notifications, clipboard reads, MIDI, HID, serial, USB or fullscreen
 * from web content. Every permission Electron knows is listed with its decision so a review
 * sees the whole surface in one place; a permission not in the table is denied too.
 * To allow one later, change its entry here and say why next to it.
 */
export const PERMISSION_TABLE: Readonly<Record<string, boolean>> = {
  'clipboard-read': false,
  'clipboard-sanitized-write': false,
  'display-capture': false,
  fileSystem: false,
  fullscreen: false,
  geolocation: false,
  hid: false,
  'idle-detection': false,
  keyboardLock: false,
  media: false,
  mediaKeySystem: false,
  midi: false,
  midiSysex: false,
  notifications: false,
  openExternal: false,
  pointerLock: false,
  serial: false,
  'speaker-selection': false,
  'storage-access': false,
  'top-level-storage-access': false,
  usb: false,
  'window-management': false,
  unknown: false,
};

export function isPermissionGranted(permission: string): boolean {
  return Object.hasOwn(PERMISSION_TABLE, permission) ? PERMISSION_TABLE[permission] === true : false;
}

/** The part of Electron's Session the permission handlers use. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export function installPermissionHandlers(session: PermissionSession, onDenied: (permission: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = isPermissionGranted(permission);
    if (!granted) onDenied(permission);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  // WebHID / WebSerial / WebUSB device access: never.
  session.setDevicePermissionHandler(() => false);
}
