import { Logger } from '@nestjs/common';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { spoolUpload, type SpooledFile } from '../../../libs/documents/upload-spool';
import { ApiError } from '../common/api-error';

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: SpooledFile;
  /** As the client named it (busboy decodes the RFC 5987 and UTF-8 forms); for display only. */
  fileName: string;
  mimeType: string;
}

const say = API_MESSAGES.upload;
const logger = new Logger('MultipartUpload');

const invalid = (message: string, path = 'file') => new ApiError('VALIDATION_FAILED', message, [{ path, message }]);

/** Reads a `multipart/form-data` body with one part named `file` and a few short fields, streaming the file to a spool. */
export function receiveUpload(req: IncomingMessage, maxBytes: number): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1000, parts: 12 } });
    } catch {
      reject(invalid(say.multipartExpected, 'body'));
      return;
    }
    const fields: Record<string, string> = {};
    let failure: ApiError | null = null;
    let upload: Promise<Omit<ReceivedUpload, 'fields'>> | null = null;

    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        failure ??= invalid(say.unexpectedFilePart(name), name);
        stream.resume();
        return;
      }
      const spooled = spoolUpload(stream, maxBytes).then((file) => ({ file, fileName: info.filename ?? '', mimeType: info.mimeType }));
      // Settled here too, so that a spool failure is never an unhandled rejection.
      spooled.catch(() => undefined);
      upload = spooled;
    });
    parser.on('filesLimit', () => (failure ??= invalid(say.oneFilePerUpload)));
    parser.on('partsLimit', () => (failure ??= invalid(say.tooManyParts, 'body')));
    parser.on('fieldsLimit', () => (failure ??= invalid(say.tooManyFields, 'body')));
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      void (async () => {
        const received = await upload?.catch((error: unknown) => {
          // The user reads that the upload did not arrive; why (a dropped connection, a full disk) is for the log.
          logger.warn(`upload interrupted: ${error instanceof Error ? error.message : String(error)}`);
          failure ??= invalid(say.interrupted);
          return null;
        });
        if (failure || !received) {
          await received?.file.discard();
          reject(failure ?? invalid(say.noFile));
          return;
        }
        resolve({ ...received, fields });
      })();
    };
    parser.on('error', () => {
      failure ??= invalid(say.malformedMultipart, 'body');
      finish();
    });
    parser.on('close', finish);
    req.pipe(parser);
  });
}
