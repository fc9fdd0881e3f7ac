/**
 * Everything a reader of a history's JSON could make out: every string in it, and every string again
 * as decoded from base64 (how proto JSON carries payload data and metadata).
 */
export function readableText(json: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      parts.push(value);
      if (/^[A-Za-z0-9+/]+={0,2}$/.test(value)) parts.push(Buffer.from(value, 'base64').toString('utf8'));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(json);
  return parts.join('\n');
}

/** The payloads of a history's JSON (objects with metadata and data), in proto JSON. */
export function payloadsIn(json: unknown): { metadata: Record<string, string>; data?: string }[] {
  const found: { metadata: Record<string, string>; data?: string }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.metadata && typeof record.metadata === 'object' && 'encoding' in record.metadata) {
        found.push(record as { metadata: Record<string, string>; data?: string });
      } else Object.values(record).forEach(walk);
    }
  };
  walk(json);
  return found;
}
