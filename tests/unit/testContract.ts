// A small contract that exercises what transports must carry: bytes, validation, known and unknown errors.
import { z } from 'zod';
import type { Handlers } from '../../shared/api/contractTypes';
import { LecternError } from '../../shared/api/errors';

export const testContract = {
  'echo.bytes': {
    input: z.object({ data: z.instanceof(Uint8Array), label: z.string().max(20) }),
    output: z.object({ size: z.number(), data: z.instanceof(Uint8Array), label: z.string() }),
  },
  'fail.known': { input: z.object({ id: z.string() }), output: z.null() },
  'fail.unexpected': { input: z.object({}), output: z.null() },
  whoami: { input: z.object({}), output: z.object({ transport: z.string() }) },
};

export const testHandlers: Handlers<typeof testContract> = {
  'echo.bytes': ({ data, label }) => ({ size: data.byteLength, data: new Uint8Array(data), label }),
  'fail.known': ({ id }) => {
    throw new LecternError('not_found', 'errors.not_found', { id });
  },
  'fail.unexpected': () => {
    throw new Error('secret detail from /home/member/private');
  },
  whoami: (_input, context) => ({ transport: context.transport }),
};
