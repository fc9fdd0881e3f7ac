import { defaultPayloadConverter } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { EncryptionCodec, isEncrypted, KEY_ID_METADATA, UnknownPayloadKeyError, WorkerEncryptionCodec } from './encryption-codec';
import { payloadConverter } from './payload-converter';
import { newPayloadKeyEntry, payloadKeysSchema } from './payload-keys';
import { payloadFromJson, payloadToJson } from './proto-json';
import { isUnsealed, UNSEALED_METADATA } from './seal';

const keys = (value: string) => payloadKeysSchema.parse(value);
const OLD = newPayloadKeyEntry('2025', randomBytes);
const NEW = newPayloadKeyEntry('2026', randomBytes);
const text = 'Nguyễn Thị Lan — hai sáng kiến cấp cơ sở';
const plain = () => defaultPayloadConverter.toPayload(text);

describe('EncryptionCodec', () => {
  it('encrypts the whole payload, naming the key, and decrypts it back', async () => {
    const sut = new EncryptionCodec(keys(NEW));
    const [encrypted] = await sut.encode([plain()]);
    expect(isEncrypted(encrypted!)).toBe(true);
    expect(new TextDecoder().decode(encrypted!.metadata![KEY_ID_METADATA])).toBe('2026');
    expect(Buffer.from(encrypted!.data!).toString('utf8')).not.toContain('Nguy');
    const [decoded] = await sut.decode([encrypted!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toBe(text);
  });

  it('decrypts a payload of an older key still listed after the new one, and encrypts with the new one', async () => {
    const [fromOld] = await new EncryptionCodec(keys(OLD)).encode([plain()]);
    const sut = new EncryptionCodec(keys(`${NEW},${OLD}`));
    const [decoded] = await sut.decode([fromOld!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toBe(text);
    const [fresh] = await sut.encode([plain()]);
    expect(new TextDecoder().decode(fresh!.metadata![KEY_ID_METADATA])).toBe('2026');
  });

  it('refuses a payload of a key no longer listed, naming the key', async () => {
    const [fromOld] = await new EncryptionCodec(keys(OLD)).encode([plain()]);
    await expect(new EncryptionCodec(keys(NEW)).decode([fromOld!])).rejects.toThrow(UnknownPayloadKeyError);
  });

  it('refuses a tampered payload and one relabelled with another key id', async () => {
    const sut = new EncryptionCodec(keys(`${NEW},${OLD}`));
    const [encrypted] = await sut.encode([plain()]);
    const data = Buffer.from(encrypted!.data!);
    data[20] = data[20]! ^ 1;
    await expect(sut.decode([{ ...encrypted!, data }])).rejects.toThrow();
    const relabelled = { ...encrypted!, metadata: { ...encrypted!.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('2025') } };
    await expect(sut.decode([relabelled])).rejects.toThrow();
  });

  it('passes unencrypted payloads through decode, as histories from before encryption hold them, marked unsealed', async () => {
    const payload = plain();
    const [decoded] = await new EncryptionCodec(keys(NEW)).decode([payload]);
    expect(decoded!.data).toBe(payload.data);
    expect(decoded!.metadata).toEqual({ ...payload.metadata, [UNSEALED_METADATA]: expect.any(Uint8Array) });
    const [command] = await new EncryptionCodec(keys(NEW)).decode([defaultPayloadConverter.toPayload({ level: 'UNIT' })]);
    expect(isUnsealed(payloadConverter.fromPayload(command!))).toBe(true);
  });

  it('leaves what it decrypts unmarked: its values are sealed', async () => {
    const sut = new EncryptionCodec(keys(NEW));
    const [sealed] = await sut.encode([defaultPayloadConverter.toPayload({ level: 'UNIT' })]);
    const [decoded] = await sut.decode([sealed!]);
    expect(decoded!.metadata?.[UNSEALED_METADATA]).toBeUndefined();
    expect(payloadConverter.fromPayload(decoded!)).toEqual({ level: 'UNIT' });
    expect(isUnsealed(payloadConverter.fromPayload(decoded!))).toBe(false);
  });

  it('in the worker, puts a payload that does not decrypt where the converter refuses it, and reports it', async () => {
    const [fromOld] = await new EncryptionCodec(keys(OLD)).encode([plain()]);
    const [sealed] = await new EncryptionCodec(keys(NEW)).encode([plain()]);
    const tampered = { ...sealed!, data: Buffer.from(sealed!.data!).fill(7, 20, 24) };
    const reports: [string, string | undefined][] = [];
    const sut = new WorkerEncryptionCodec(new EncryptionCodec(keys(NEW)), (reason, workflowId) => reports.push([reason, workflowId]));
    const decoded = await sut.decode([fromOld!, tampered, sealed!], { type: 'workflow', namespace: 'default', workflowId: 'nomination-1' });
    expect(() => payloadConverter.fromPayload(decoded[0]!)).toThrow(/key "2025", which is not in PAYLOAD_KEYS/);
    expect(() => payloadConverter.fromPayload(decoded[1]!)).toThrow(/fails authentication/);
    expect(payloadConverter.fromPayload(decoded[2]!)).toBe(text);
    expect(reports).toEqual([
      [expect.stringContaining('2025'), 'nomination-1'],
      [expect.stringContaining('authentication'), 'nomination-1'],
    ]);
  });

  it('round-trips through the proto JSON of the codec-server protocol', async () => {
    const sut = new EncryptionCodec(keys(NEW));
    const [encrypted] = await sut.encode([plain()]);
    const json = JSON.parse(JSON.stringify(payloadToJson(encrypted!))) as ReturnType<typeof payloadToJson>;
    const [decoded] = await sut.decode([payloadFromJson(json)]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toBe(text);
  });
});

describe('PAYLOAD_KEYS', () => {
  it('lists keys in order, the first being the one that encrypts', () => {
    expect(keys(`${NEW}, ${OLD}`).map((k) => k.id)).toEqual(['2026', '2025']);
  });

  it.each([
    ['a key of the wrong length', `short:${Buffer.alloc(16).toString('base64')}`],
    ['an entry without an id', Buffer.alloc(32).toString('base64')],
    ['an empty value', ''],
    ['the same id twice', `${NEW},${NEW}`],
  ])('refuses %s', (_, value) => {
    expect(payloadKeysSchema.safeParse(value).success).toBe(false);
  });
});
