import type { KeyboardEvent, ReactNode } from 'react';
import './workspace-nav.css';

export interface WorkspaceNavItem {
  key: string;
  icon?: ReactNode;
  label: ReactNode;
}

/** Left and right move between the entries, as in antd's horizontal menu (a menubar's keys). */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return;
  const entries = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const at = entries.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  entries[(at + step + entries.length) % entries.length]?.focus();
}

/**
 * The shell's row of workspaces: a few buttons in a menubar, wrapping when the window is
 * narrow. antd's Menu did this with a menu engine and 50 kB of CSS the first screen had to
 * load (overflow folding, submenus, themes); the shell needs none of it.
 */
export function WorkspaceNav({ items, active, label, onOpen }: { items: WorkspaceNavItem[]; active: string; label: string; onOpen: (key: string) => void }) {
  return (
    <nav className="zqa-shell-nav" role="menubar" aria-label={label} onKeyDown={moveFocus}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          aria-current={item.key === active ? 'page' : undefined}
          className={item.key === active ? 'zqa-shell-nav-item zqa-shell-nav-item-active' : 'zqa-shell-nav-item'}
          onClick={() => onOpen(item.key)}
        >
          {item.icon}
          {item.label}
        </button>
      ))}
    </nav>
  );
}
