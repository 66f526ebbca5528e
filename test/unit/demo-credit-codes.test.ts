import { describe, expect, it } from 'vitest';
import { demoReportInput } from '../../cli/lib/report-demo-input.js';
import { checkCreditCode } from '../../shared/applicant/credit-code.js';
import { DEMO_REVIEW } from '../../shared/demo/demo-review.js';

describe('the demo applicants’ credit codes', () => {
  it('pass the app’s own check digit (GB 32100), so the demo never shows a code the secretariat would refuse', () => {
    expect(checkCreditCode(DEMO_REVIEW.applicant.creditCode)).toMatchObject({ ok: true });
    expect(checkCreditCode(demoReportInput().applicant.creditCode)).toMatchObject({ ok: true });
  });
});
