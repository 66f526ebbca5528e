/**
 * antd.css (and so each style group) carries the CSS variables of the design tokens and of
 * each component under classes named from React's `useId` during the extraction's server
 * render: `.css-var-_R_0_`, `.css-var-_R_29n_.ant-btn`. In the page React's ids are the
 * client's (`_r_0_`, lower case), and antd writes those variables itself (from the app's
 * theme: the font-size setting, the app's red) under the client's class. So no selector
 * naming a server id can match anything in the app: the build leaves them out (a third of
 * the first screen's antd CSS that only cost parsing).
 */
const SERVER_ID_CLASS = /\.css-var-_R_[0-9a-zA-Z]*_/;

/** Splits a selector list at its top-level commas (not those inside `:is(…)` or `[…]`). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

/** The stylesheet without the selectors that name a server-render id (and rules left with none). */
export function withoutServerIdRules(css: string): string {
  let out = '';
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (css[i] === '}' && --depth === 0) {
      const head = css.slice(start, open);
      const body = css.slice(open + 1, i);
      if (head.trimStart().startsWith('@')) {
        // @media, @supports, @layer hold rules: filter inside; @keyframes and the like hold none that name a class.
        const inner = /^\s*@(media|supports|layer|container)\b/.test(head) ? withoutServerIdRules(body) : body;
        if (inner.trim() !== '') out += `${head}{${inner}}`;
      } else {
        const kept = selectors(head).filter((s) => !SERVER_ID_CLASS.test(s));
        if (kept.length > 0) out += `${kept.join(',')}{${body}}`;
      }
      start = i + 1;
    }
  }
  return out + css.slice(start);
}
