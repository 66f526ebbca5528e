import { describe, expect, it } from 'vitest';
import { withoutServerIdRules } from '../../renderer/vite/antd-server-id-rules.js';

describe("antd's CSS without the rules named for the extraction's server-render ids", () => {
  it('drops rules whose every selector names a server id, and only those selectors from mixed lists', () => {
    const css =
      '.css-var-_R_0_{--ant-blue:#1677ff}' +
      '.css-var-_R_29n_.ant-btn,.css-var-_R_0_.ant-btn{--ant-button-x:1px}' +
      '.ant-btn{color:red}' +
      '.css-var-_R_0_ .ant-tag,.ant-tag:is(.a,.b){margin:0}';
    expect(withoutServerIdRules(css)).toBe('.ant-btn{color:red}.ant-tag:is(.a,.b){margin:0}');
  });

  it('filters inside @media and keeps @keyframes whole; an emptied @media goes too', () => {
    const css = '@media (max-width:575px){.css-var-_R_0_ .ant-x{a:b}.ant-y{c:d}}@media print{.css-var-_R_1_{e:f}}@keyframes antFade{0%{opacity:0}100%{opacity:1}}';
    expect(withoutServerIdRules(css)).toBe('@media (max-width:575px){.ant-y{c:d}}@keyframes antFade{0%{opacity:0}100%{opacity:1}}');
  });

  it("keeps the client's ids (lower case), which antd writes in the page itself anyway", () => {
    expect(withoutServerIdRules('.css-var-_r_0_{--a:1}')).toBe('.css-var-_r_0_{--a:1}');
  });
});
