import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newPayloadKeyEntry } from './payload-keys';

/**
 * The payload key of a developer's machine, made once and kept beside the dev server's data: losing it
 * would leave the Temporal history under .data/ unreadable, so it is reused on every start.
 */
export async function devPayloadKeys(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dirname(file), { recursive: true });
  const entry = newPayloadKeyEntry(`dev-${new Date().toISOString().slice(0, 10)}`, randomBytes);
  await writeFile(file, `${entry}\n`, { mode: 0o600 });
  return entry;
}
