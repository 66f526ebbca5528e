import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentRules } from '../../shared/packages/content/registry.js';
import { manifestSchema, PACKAGE_FORMAT_VERSION, PACKAGE_TYPES } from '../../shared/packages/manifest.js';

/**
 * docs/schemas/ holds the JSON Schema (draft 2020-12) of the manifest and of each package
 * type's content, generated from the zod schemas the reader enforces (zod 4's toJSONSchema).
 * This test fails when a zod schema changes and the checked-in files were not regenerated:
 *
 *   ZQA_WRITE_SCHEMAS=1 npx vitest run --project unit test/unit/package-json-schemas.test.ts
 *
 * JSON Schema cannot state every rule (sums, cross-field checks, signatures): those are in
 * docs/package-format.md; the files say so in their description.
 */
const DIR = join(import.meta.dirname, '../../docs/schemas');
const REST = 'Generated from the zod schema the reader enforces; rules across fields (and everything docs/package-format.md states beyond the shape) are checked too and are not expressible here.';

function documents(): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  const json = (schema: z.ZodType, title: string) => ({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title, description: REST });
  docs.set('manifest.schema.json', json(manifestSchema, `zqa-package version ${PACKAGE_FORMAT_VERSION}: manifest.json`));
  for (const type of PACKAGE_TYPES) docs.set(`${type}.content.schema.json`, json(contentRules(type).schema, `zqa-package version ${PACKAGE_FORMAT_VERSION}: content.json of a ${type} package`));
  return docs;
}

const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('the JSON Schemas in docs/schemas/', () => {
  it('are the zod schemas as they are now, one file each, nothing else', () => {
    const docs = documents();
    if (process.env.ZQA_WRITE_SCHEMAS === '1') for (const [file, schema] of docs) writeFileSync(join(DIR, file), text(schema));
    expect(existsSync(DIR)).toBe(true);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual([...docs.keys()].sort());
    for (const [file, schema] of docs) {
      expect(readFileSync(join(DIR, file), 'utf8'), `${file} is stale: regenerate with ZQA_WRITE_SCHEMAS=1 (see this test's comment)`).toBe(text(schema));
    }
  });

  it('describe the content a real package carries', async () => {
    const { makePanel, scoresheetPackage } = await import('./packages-fixture.js');
    const panel = await makePanel(5);
    const sheet = await scoresheetPackage(panel, panel.members[1]!);
    // A small structural check of the generated schema against real content: every required key present, nothing extra.
    const schema = documents().get('scoresheet.content.schema.json') as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(sheet.content).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(schema.required.every((k) => k in sheet.content)).toBe(true);
    expect(schema.additionalProperties).toBe(false);
  });
});
