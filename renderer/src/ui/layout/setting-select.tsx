import type { ReactNode } from 'react';
import './setting-select.css';

export interface SettingOption<V extends string | number> {
  value: V;
  label: string;
}

/**
 * A setting of the header chosen from a short list: the page's own `<select>`, drawn as
 * antd's Select is drawn (docs/ARCHITECTURE.md, "The first screen"). antd's Select brings a
 * virtual list, a popup engine and their CSS to every screen for two lists of a few entries;
 * the browser's own list is as usable with the keyboard and a screen reader, and never
 * leaves an option out of the page.
 */
export function SettingSelect<V extends string | number>({
  value,
  options,
  onChange,
  label,
  testId,
  width,
}: {
  value: V;
  options: readonly SettingOption<V>[];
  onChange: (value: V) => void;
  label: string;
  testId: string;
  /** Wide enough for the longest label at every font size, in em. */
  width: number;
}): ReactNode {
  return (
    <select
      className="zqa-setting-select"
      aria-label={label}
      data-testid={testId}
      value={String(value)}
      style={{ minWidth: `${width}em` }}
      // The option's value is the setting's own, found again by its text form.
      onChange={(e) => {
        const picked = options.find((o) => String(o.value) === e.target.value);
        if (picked) onChange(picked.value);
      }}
    >
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
